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

-- When each API token was last used (`api_token` of the database): written
-- here, at most once a minute a token, so that a script's requests never
-- wait for the database's write lock.
CREATE TABLE IF NOT EXISTS token_use (
    token_id     INTEGER PRIMARY KEY,
    last_used_at TEXT NOT NULL
);

-- The answers to API creations sent with an `Idempotency-Key`, for a day:
-- the same request sent again gets the same answer, not a second record.
-- `status` 0: the first request is still being answered.
CREATE TABLE IF NOT EXISTS idempotency (
    user_id      INTEGER NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    status       INTEGER NOT NULL DEFAULT 0,
    location     TEXT,
    body         TEXT,
    PRIMARY KEY (user_id, key)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS idempotency_created ON idempotency (created_at);
