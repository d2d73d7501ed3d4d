-- Country developments notes: the analyst's account of a month's most
-- important political and security developments in one country of a region
-- group, in each language. A note is its region, month and country.

CREATE TABLE note (
    region    TEXT NOT NULL CHECK (region <> ''),
    month     TEXT NOT NULL CHECK (length(month) = 7),
    country   TEXT NOT NULL CHECK (length(country) = 2),
    text_fr   TEXT NOT NULL DEFAULT '',
    text_en   TEXT NOT NULL DEFAULT '',
    text_ar   TEXT NOT NULL DEFAULT '',
    -- the last import that wrote or confirmed the row (its time is in import_run)
    import_id INTEGER REFERENCES import_run (id),
    PRIMARY KEY (region, month, country),
    CHECK (text_fr <> '' OR text_en <> '' OR text_ar <> '')
);
