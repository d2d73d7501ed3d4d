-- Merged duplicates: the dropped incident's id (and its own aliases) become
-- aliases of the kept incident, so that re-importing the dropped source
-- changes nothing; every merge is logged with the dropped row.

CREATE TABLE incident_alias (
    alias       TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) ON DELETE CASCADE
);

CREATE INDEX incident_alias_incident ON incident_alias (incident_id);

CREATE TABLE merge_log (
    id          INTEGER PRIMARY KEY,
    merged_at   TEXT NOT NULL,
    kept        TEXT NOT NULL,
    dropped     TEXT NOT NULL,
    -- the dropped incident's native values, as a JSON object
    dropped_row TEXT NOT NULL
);
