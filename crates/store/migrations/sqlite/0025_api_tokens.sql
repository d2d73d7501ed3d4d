-- Personal access tokens of the API. A program holds the secret
-- (`vigie_pat_` and 64 hex digits); only its SHA-256 is stored, with its
-- first characters (`shown`) to tell tokens apart in lists. A token acts
-- as its user, within its scope, until it expires or is revoked (never
-- deleted: the audit log names it).
CREATE TABLE api_token (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES app_user (id),
    name        TEXT NOT NULL CHECK (name <> ''),
    scope       TEXT NOT NULL CHECK (scope IN ('read', 'write')),
    token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    shown       TEXT NOT NULL,
    -- UTC, YYYY-MM-DDTHH:MM:SS.sssZ
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL CHECK (expires_at > created_at),
    revoked_at  TEXT
);

CREATE INDEX api_token_user ON api_token (user_id);

-- The token a change came through, when it came through the API.
ALTER TABLE audit_log ADD COLUMN token_id INTEGER;

CREATE INDEX audit_log_token ON audit_log (token_id) WHERE token_id IS NOT NULL;

-- Lists in date order, a page after another (the API's cursor: the rows
-- after a date and id), without sorting the whole table.
CREATE INDEX incident_date_id ON incident (date, id);
