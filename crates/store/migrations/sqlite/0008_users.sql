-- User accounts and the audit log.
--
-- An account is its email (unique in any case). A delegate acts for one or
-- more member states (`countries`: ISO codes, sorted, comma-separated);
-- the other roles have none. Only the password's argon2id hash (a PHC
-- string) is stored, never the password.

CREATE TABLE app_user (
    id                  INTEGER PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email <> '' AND email = lower(email) COLLATE BINARY),
    role                TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'editor', 'delegate', 'viewer')),
    countries           TEXT NOT NULL DEFAULT '',
    password_hash       TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    -- UTC, YYYY-MM-DDTHH:MM:SS.sssZ
    created_at          TEXT NOT NULL,
    password_changed_at TEXT NOT NULL,
    CHECK ((role = 'delegate') = (countries <> ''))
);

-- Every change, who made it and when: field-level before and after, as
-- `[{"field": …, "before": …, "after": …}]` (secrets shown as "***");
-- logins and exports too. Append-only.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    -- UTC, YYYY-MM-DDTHH:MM:SS.sssZ (text order is time order)
    at        TEXT NOT NULL,
    -- the user's email, or 'cli' for the command line
    actor     TEXT NOT NULL CHECK (actor <> ''),
    -- 'user.add', 'user.passwd', 'user.disable', 'incident.update', 'login', 'export', …
    action    TEXT NOT NULL CHECK (action <> ''),
    -- 'user', 'incident', …
    entity    TEXT NOT NULL,
    entity_id TEXT,
    changes   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changes) AND json_type(changes) = 'array'),
    detail    TEXT
);

CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor COLLATE NOCASE, at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
