-- The themes activities are tagged with, and their labels in three
-- languages (an activity's tag without a row here shows as the tag).
CREATE TABLE theme (
    id        TEXT PRIMARY KEY CHECK (id <> ''),
    label_fr  TEXT NOT NULL DEFAULT '',
    label_en  TEXT NOT NULL DEFAULT '',
    label_ar  TEXT NOT NULL DEFAULT '',
    -- the last import that wrote or confirmed the row
    import_id INTEGER REFERENCES import_run (id),
    CHECK (label_fr <> '' OR label_en <> '' OR label_ar <> '')
);
