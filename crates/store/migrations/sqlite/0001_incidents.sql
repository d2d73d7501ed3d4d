-- Incidents, perpetrator groups and the imports that brought them.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE perpetrator_group (
    id         TEXT PRIMARY KEY,
    name_fr    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    name_ar    TEXT NOT NULL,
    origin     TEXT NOT NULL CHECK (origin IN ('builtin', 'added', 'imported')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE group_alias (
    group_id TEXT NOT NULL REFERENCES perpetrator_group (id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,
    PRIMARY KEY (group_id, alias)
);

CREATE TABLE import_run (
    id         INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    source     TEXT NOT NULL,
    format     TEXT NOT NULL,
    new        INTEGER NOT NULL DEFAULT 0,
    updated    INTEGER NOT NULL DEFAULT 0,
    unchanged  INTEGER NOT NULL DEFAULT 0,
    rejected   INTEGER NOT NULL DEFAULT 0,
    skipped    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE incident (
    id                  TEXT PRIMARY KEY,
    date                TEXT NOT NULL,
    date_end            TEXT,
    date_precision      TEXT NOT NULL CHECK (date_precision IN ('day', 'week', 'month', 'year')),
    country             TEXT NOT NULL CHECK (length(country) = 2),
    admin1              TEXT,
    location            TEXT,
    latitude            REAL CHECK (latitude BETWEEN -90 AND 90),
    longitude           REAL CHECK (longitude BETWEEN -180 AND 180),
    geo_precision       INTEGER CHECK (geo_precision BETWEEN 1 AND 3),
    perpetrator         TEXT NOT NULL REFERENCES perpetrator_group (id),
    target              TEXT NOT NULL,
    method              TEXT NOT NULL,
    killed              INTEGER CHECK (killed >= 0),
    wounded             INTEGER CHECK (wounded >= 0),
    kidnapped           INTEGER CHECK (kidnapped >= 0),
    perpetrators_killed INTEGER CHECK (perpetrators_killed >= 0),
    description         TEXT,
    sources             TEXT,
    status              TEXT NOT NULL CHECK (status IN ('draft', 'verified')),
    -- fingerprint of every field: an unchanged re-import is a lookup, not a compare
    content_hash        INTEGER NOT NULL,
    -- the last import that included the row (its time is in import_run)
    import_id           INTEGER REFERENCES import_run (id)
);

-- The monthly report: per country, a date range, and every column the report
-- counts, so that it reads the index alone (5 ms instead of 27 ms on 300,000
-- incidents).
CREATE INDEX incident_report ON incident (country, date, status, target, method, perpetrator, killed, wounded);
