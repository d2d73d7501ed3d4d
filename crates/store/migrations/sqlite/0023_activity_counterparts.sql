-- The further people of an activity's counterparts, in order: a name as
-- written, its Arabic spelling, a title in three languages and the
-- organisation they spoke for (not a foreign key: the register of
-- organisations is checked by the import and the form).
CREATE TABLE activity_counterpart (
    activity_id  TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL CHECK (position >= 1),
    organisation TEXT,
    person       TEXT NOT NULL CHECK (person <> ''),
    person_ar    TEXT NOT NULL DEFAULT '',
    title_fr     TEXT NOT NULL DEFAULT '',
    title_en     TEXT NOT NULL DEFAULT '',
    title_ar     TEXT NOT NULL DEFAULT '',
    -- the import that wrote or confirmed the row; NULL when entered by hand
    import_id    INTEGER REFERENCES import_run (id),
    PRIMARY KEY (activity_id, position)
);
