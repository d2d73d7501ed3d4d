-- A second factor: time-based one-time passwords (RFC 6238) and
-- single-use recovery codes.
--
-- The TOTP secret is kept as is (the server computes codes from it: it
-- cannot be hashed); whoever reads the database file can compute codes,
-- but still needs the password. `enrolled_at` is NULL while the account
-- has been shown a secret and not yet confirmed it with a code. A code's
-- 30-second step is accepted once: `last_step` only moves forward.

CREATE TABLE user_totp (
    user_id     INTEGER PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    secret      BLOB NOT NULL CHECK (length(secret) >= 10),
    -- UTC, YYYY-MM-DDTHH:MM:SS.sssZ
    created_at  TEXT NOT NULL,
    enrolled_at TEXT,
    last_step   INTEGER
);

-- Recovery codes: only their SHA-256 (lower-case hex; 80 random bits each,
-- see `totp.rs`). A code is used once: `used_at` set.
CREATE TABLE user_recovery_code (
    user_id   INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL CHECK (length(code_hash) = 64),
    used_at   TEXT,
    PRIMARY KEY (user_id, code_hash)
) WITHOUT ROWID;
