-- The translator role: an account that fills the texts missing in a
-- language and changes nothing else. SQLite cannot change a CHECK, so the
-- table is rebuilt (foreign keys are off while migrations run; the
-- runner checks them before each commit).
CREATE TABLE app_user_new (
    id                  INTEGER PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email <> '' AND email = lower(email) COLLATE BINARY),
    role                TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'editor', 'translator', 'delegate', 'viewer')),
    countries           TEXT NOT NULL DEFAULT '',
    password_hash       TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    -- UTC, YYYY-MM-DDTHH:MM:SS.sssZ
    created_at          TEXT NOT NULL,
    password_changed_at TEXT NOT NULL,
    CHECK ((role = 'delegate') = (countries <> ''))
);
INSERT INTO app_user_new (id, email, role, countries, password_hash, disabled, created_at, password_changed_at)
    SELECT id, email, role, countries, password_hash, disabled, created_at, password_changed_at FROM app_user;
DROP TABLE app_user;
ALTER TABLE app_user_new RENAME TO app_user;
