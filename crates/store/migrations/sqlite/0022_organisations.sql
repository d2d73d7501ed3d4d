-- The organisations the coalition works with, and an activity's
-- counterparts among them and free themes (each a line).
CREATE TABLE organisation (
    id        TEXT PRIMARY KEY CHECK (id <> ''),
    kind      TEXT NOT NULL CHECK (kind IN ('regional_organisation', 'un_body', 'government_body', 'armed_forces',
                                            'academic', 'ngo', 'company')),
    country   TEXT CHECK (country IS NULL OR length(country) = 2),
    -- the partner it is, when it is one (not a foreign key: a partner may
    -- come in a later import)
    partner   TEXT,
    name_fr   TEXT NOT NULL DEFAULT '',
    name_en   TEXT NOT NULL DEFAULT '',
    name_ar   TEXT NOT NULL DEFAULT '',
    -- the last import that wrote or confirmed the row
    import_id INTEGER REFERENCES import_run (id),
    CHECK (name_fr <> '' OR name_en <> '' OR name_ar <> '')
);

ALTER TABLE activity ADD COLUMN organisations TEXT NOT NULL DEFAULT '';
ALTER TABLE activity ADD COLUMN themes TEXT NOT NULL DEFAULT '';
