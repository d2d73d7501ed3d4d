-- Bulletin issues composed in the web application and their built files
-- (kept in the database, so that the server needs no output folder). The
-- spec is the issue as JSON: featured ids, regions, year review.

CREATE TABLE bulletin_issue (
    number       INTEGER PRIMARY KEY,
    month        TEXT NOT NULL,
    spec         TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    built_at     TEXT,
    published_at TEXT,
    created_by   TEXT NOT NULL
);

CREATE TABLE bulletin_file (
    number INTEGER NOT NULL REFERENCES bulletin_issue (number) ON DELETE CASCADE,
    lang   TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('pdf', 'html')),
    bytes  BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (number, lang, format)
);
