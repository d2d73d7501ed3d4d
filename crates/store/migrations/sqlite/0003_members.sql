-- The coalition's member states and their national days. A member is its
-- country; an import replaces a member's national days as a whole.

CREATE TABLE member (
    country              TEXT PRIMARY KEY CHECK (length(country) = 2),
    joined               TEXT,
    representative_title TEXT,
    -- the last import that wrote or confirmed the row (its time is in import_run)
    import_id            INTEGER REFERENCES import_run (id)
);

CREATE TABLE national_day (
    country TEXT NOT NULL REFERENCES member (country) ON DELETE CASCADE,
    month   INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day     INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    name_fr TEXT NOT NULL DEFAULT '',
    name_en TEXT NOT NULL DEFAULT '',
    name_ar TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (country, month, day),
    CHECK (name_fr <> '' OR name_en <> '' OR name_ar <> '')
);

-- The national days of a month, by day.
CREATE INDEX national_day_month ON national_day (month, day);
