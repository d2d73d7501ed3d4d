-- Published issues are frozen. An issue is kept by number and revision
-- (58 is revision 0, its correction 58.1 revision 1, with a reason); a
-- number has at most one draft, the revision after its last published one.
-- Beside the files, an issue keeps the report models it printed (JSON), so
-- that later changes to the data can be listed as revisions of its figures.
-- Triggers refuse any change to a published issue, its files and its
-- reports, whoever asks.

ALTER TABLE bulletin_file RENAME TO bulletin_file_0011;
ALTER TABLE bulletin_issue RENAME TO bulletin_issue_0011;

CREATE TABLE bulletin_issue (
    number       INTEGER NOT NULL CHECK (number > 0),
    revision     INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
    month        TEXT NOT NULL,
    spec         TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    built_at     TEXT,
    published_at TEXT,
    created_by   TEXT NOT NULL,
    published_by TEXT,
    -- why a revision was made; NULL for revision 0
    reason       TEXT CHECK ((revision = 0) = (reason IS NULL)),
    PRIMARY KEY (number, revision)
);

CREATE TABLE bulletin_file (
    number   INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    lang     TEXT NOT NULL,
    format   TEXT NOT NULL CHECK (format IN ('pdf', 'html')),
    bytes    BLOB NOT NULL,
    sha256   TEXT NOT NULL,
    PRIMARY KEY (number, revision, lang, format),
    FOREIGN KEY (number, revision) REFERENCES bulletin_issue (number, revision)
);

-- kind: `monthly` (key: the region id), `year` (key: the year), `timeline`
-- (key: the year), `national_days` (key: the month)
CREATE TABLE bulletin_report (
    number   INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    key      TEXT NOT NULL,
    json     TEXT NOT NULL,
    PRIMARY KEY (number, revision, kind, key),
    FOREIGN KEY (number, revision) REFERENCES bulletin_issue (number, revision)
);

INSERT INTO bulletin_issue (number, revision, month, spec, status, built_at, published_at, created_by, published_by)
    SELECT number, 0, month, spec, status, built_at, published_at, created_by,
           CASE status WHEN 'published' THEN created_by END
    FROM bulletin_issue_0011;
INSERT INTO bulletin_file (number, revision, lang, format, bytes, sha256)
    SELECT number, 0, lang, format, bytes, sha256 FROM bulletin_file_0011;
DROP TABLE bulletin_file_0011;
DROP TABLE bulletin_issue_0011;

CREATE TRIGGER bulletin_issue_born_draft BEFORE INSERT ON bulletin_issue
WHEN NEW.status <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'a bulletin issue is published from a draft');
END;

CREATE TRIGGER bulletin_issue_frozen_update BEFORE UPDATE ON bulletin_issue
WHEN OLD.status = 'published'
BEGIN
    SELECT RAISE(ABORT, 'a published bulletin issue is frozen');
END;

CREATE TRIGGER bulletin_issue_frozen_delete BEFORE DELETE ON bulletin_issue
WHEN OLD.status = 'published'
BEGIN
    SELECT RAISE(ABORT, 'a published bulletin issue is frozen');
END;

CREATE TRIGGER bulletin_file_frozen_insert BEFORE INSERT ON bulletin_file
WHEN (SELECT status FROM bulletin_issue WHERE number = NEW.number AND revision = NEW.revision) = 'published'
BEGIN
    SELECT RAISE(ABORT, 'a published bulletin issue is frozen');
END;

CREATE TRIGGER bulletin_file_frozen_update BEFORE UPDATE ON bulletin_file
WHEN (SELECT status FROM bulletin_issue WHERE number = OLD.number AND revision = OLD.revision) = 'published'
BEGIN
    SELECT RAISE(ABORT, 'a published bulletin issue is frozen');
END;

CREATE TRIGGER bulletin_file_frozen_delete BEFORE DELETE ON bulletin_file
WHEN (SELECT status FROM bulletin_issue WHERE number = OLD.number AND revision = OLD.revision) = 'published'
BEGIN
    SELECT RAISE(ABORT, 'a published bulletin issue is frozen');
END;

CREATE TRIGGER bulletin_report_frozen_insert BEFORE INSERT ON bulletin_report
WHEN (SELECT status FROM bulletin_issue WHERE number = NEW.number AND revision = NEW.revision) = 'published'
BEGIN
    SELECT RAISE(ABORT, 'a published bulletin issue is frozen');
END;

CREATE TRIGGER bulletin_report_frozen_update BEFORE UPDATE ON bulletin_report
WHEN (SELECT status FROM bulletin_issue WHERE number = OLD.number AND revision = OLD.revision) = 'published'
BEGIN
    SELECT RAISE(ABORT, 'a published bulletin issue is frozen');
END;

CREATE TRIGGER bulletin_report_frozen_delete BEFORE DELETE ON bulletin_report
WHEN (SELECT status FROM bulletin_issue WHERE number = OLD.number AND revision = OLD.revision) = 'published'
BEGIN
    SELECT RAISE(ABORT, 'a published bulletin issue is frozen');
END;
