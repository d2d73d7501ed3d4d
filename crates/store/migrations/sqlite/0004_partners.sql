-- The coalition's partners and the agreements signed with them. A partner
-- is its id (a slug); an agreement is its partner, signing date and titles.

CREATE TABLE partner (
    id        TEXT PRIMARY KEY CHECK (id <> ''),
    name_fr   TEXT NOT NULL DEFAULT '',
    name_en   TEXT NOT NULL DEFAULT '',
    name_ar   TEXT NOT NULL DEFAULT '',
    scope     TEXT NOT NULL CHECK (scope IN ('local', 'regional', 'international')),
    kind      TEXT NOT NULL DEFAULT '',
    -- the last import that wrote or confirmed the row (its time is in import_run)
    import_id INTEGER REFERENCES import_run (id),
    CHECK (name_fr <> '' OR name_en <> '' OR name_ar <> '')
);

CREATE TABLE agreement (
    partner   TEXT NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    title_fr  TEXT NOT NULL DEFAULT '',
    title_en  TEXT NOT NULL DEFAULT '',
    title_ar  TEXT NOT NULL DEFAULT '',
    signed    TEXT NOT NULL,
    -- the areas of cooperation, one a line
    areas     TEXT NOT NULL DEFAULT '',
    reference TEXT NOT NULL DEFAULT '',
    import_id INTEGER REFERENCES import_run (id),
    PRIMARY KEY (partner, signed, title_fr, title_en, title_ar),
    CHECK (title_fr <> '' OR title_en <> '' OR title_ar <> '')
);
