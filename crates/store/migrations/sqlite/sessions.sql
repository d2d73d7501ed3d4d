-- The sessions file (`<database>-sessions`): web sessions and the sign-in
-- journal. Created when missing; every statement may run again.

-- The browser holds a random 32-byte token; only its SHA-256 (lower-case
-- hex) is stored, so a copy of the file opens no session. A session ends at
-- `expires_at` or at logout. `user_id` is an `app_user` of the database.
CREATE TABLE IF NOT EXISTS web_session (
    token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    user_id    INTEGER NOT NULL,
    -- UTC, YYYY-MM-DDTHH:MM:SS.sssZ
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS web_session_expires ON web_session (expires_at);
CREATE INDEX IF NOT EXISTS web_session_user ON web_session (user_id);

-- The last authenticator step accepted at a login, per account (with the
-- one of `user_totp`, a step is accepted once).
CREATE TABLE IF NOT EXISTS totp_step (
    user_id   INTEGER PRIMARY KEY,
    last_step INTEGER NOT NULL
);

-- Logins, refused logins and logouts: the audit log's columns; the audit
-- shows both (these entries with negative ids). Append-only.
CREATE TABLE IF NOT EXISTS sign_in_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL CHECK (actor <> ''),
    action    TEXT NOT NULL CHECK (action <> ''),
    entity    TEXT NOT NULL,
    entity_id TEXT,
    changes   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changes) AND json_type(changes) = 'array'),
    detail    TEXT
);

CREATE INDEX IF NOT EXISTS sign_in_log_at ON sign_in_log (at);

CREATE TRIGGER IF NOT EXISTS sign_in_log_no_update BEFORE UPDATE ON sign_in_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER IF NOT EXISTS sign_in_log_no_delete BEFORE DELETE ON sign_in_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
