-- The bulletin's articles: one row per language version of a story (the
-- versions share the id), their images in order, and the images' bytes,
-- kept by content hash so that the bulletin never depends on the folder
-- the articles were imported from.

CREATE TABLE image (
    -- lowercase hexadecimal SHA-256 of the bytes
    hash  TEXT PRIMARY KEY CHECK (length(hash) = 64),
    bytes BLOB NOT NULL
);

CREATE TABLE article (
    id        TEXT NOT NULL CHECK (id <> ''),
    lang      TEXT NOT NULL CHECK (lang IN ('fr', 'en', 'ar')),
    date      TEXT NOT NULL,
    title     TEXT NOT NULL CHECK (title <> ''),
    subtitle  TEXT NOT NULL DEFAULT '',
    kind      TEXT NOT NULL CHECK (kind IN ('news', 'opinion', 'feature')),
    -- domain of action codes, one a line
    domains   TEXT NOT NULL DEFAULT '',
    author    TEXT NOT NULL DEFAULT '',
    status    TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    featured  INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
    -- Markdown, as written
    body      TEXT NOT NULL DEFAULT '',
    -- the last import that wrote or confirmed the row (its time is in import_run)
    import_id INTEGER REFERENCES import_run (id),
    PRIMARY KEY (id, lang)
);

-- The articles of a month, by date.
CREATE INDEX article_date ON article (date);

CREATE TABLE article_image (
    article    TEXT NOT NULL,
    lang       TEXT NOT NULL,
    -- from 1, in the front matter's order
    position   INTEGER NOT NULL CHECK (position >= 1),
    hash       TEXT NOT NULL REFERENCES image (hash),
    media_type TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/svg+xml')),
    -- the file name as the front matter gave it
    file       TEXT NOT NULL,
    caption    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article, lang, position),
    FOREIGN KEY (article, lang) REFERENCES article (id, lang) ON DELETE CASCADE
);

CREATE INDEX article_image_hash ON article_image (hash);
