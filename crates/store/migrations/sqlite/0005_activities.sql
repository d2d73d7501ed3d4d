-- The coalition's own activities: delegations received, visits abroad,
-- conferences, workshops, agreements signed… An activity is its id (a slug).

CREATE TABLE activity (
    id                  TEXT PRIMARY KEY CHECK (id <> ''),
    kind                TEXT NOT NULL CHECK (kind IN ('delegation_received', 'visit_abroad', 'conference',
                            'workshop', 'training', 'internal_activity', 'national_day', 'delegate_accredited',
                            'agreement_signed', 'exhibition', 'meeting')),
    -- YYYY-MM-DD: the day it took place or began; the first of the month
    -- when only the month is known (date_precision = 'month')
    date                TEXT NOT NULL CHECK (length(date) = 10),
    date_precision      TEXT NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month')),
    end_date            TEXT CHECK (end_date IS NULL OR (length(end_date) = 10 AND end_date >= date)),
    title_fr            TEXT NOT NULL DEFAULT '',
    title_en            TEXT NOT NULL DEFAULT '',
    title_ar            TEXT NOT NULL DEFAULT '',
    -- ISO 3166-1 alpha-2
    counterpart_country TEXT CHECK (counterpart_country IS NULL OR length(counterpart_country) = 2),
    counterpart_org     TEXT NOT NULL DEFAULT '',
    counterpart_person  TEXT NOT NULL DEFAULT '',
    counterpart_title   TEXT NOT NULL DEFAULT '',
    -- the domains of action, one code a line, in the order given
    domains             TEXT NOT NULL DEFAULT '',
    place               TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL DEFAULT '',
    -- the id of the article that tells of it (not checked: another register)
    article             TEXT CHECK (article IS NULL OR article <> ''),
    -- its position among its month's key highlights; NULL: not one
    highlight           INTEGER CHECK (highlight IS NULL OR highlight >= 1),
    -- the last import that wrote or confirmed the row (its time is in import_run)
    import_id           INTEGER REFERENCES import_run (id),
    CHECK (title_fr <> '' OR title_en <> '' OR title_ar <> '')
);

-- Lists and reports of a period, in their order.
CREATE INDEX activity_date ON activity (date, highlight, id);
