-- Sessions of the web application. The browser holds a random 32-byte
-- token; only its SHA-256 (lower-case hex) is stored, so a copy of the
-- database opens no session. A session ends at `expires_at` or at logout.

CREATE TABLE web_session (
    token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    user_id    INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    -- UTC, YYYY-MM-DDTHH:MM:SS.sssZ
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX web_session_expires ON web_session (expires_at);
