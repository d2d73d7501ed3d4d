-- Member states confirm (or dispute, with a comment) their figures of a
-- month. Every verdict is kept; the last one of a country and month holds
-- while the fingerprint of the month's counted incidents is the one it was
-- given on (any change to them makes the month "not yet confirmed").

CREATE TABLE figure_confirmation (
    id          INTEGER PRIMARY KEY,
    country     TEXT NOT NULL CHECK (length(country) = 2),
    month       TEXT NOT NULL CHECK (length(month) = 7),
    verdict     TEXT NOT NULL CHECK (verdict IN ('confirmed', 'disputed')),
    comment     TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL,
    by_email    TEXT NOT NULL,
    at          TEXT NOT NULL
);

CREATE INDEX figure_confirmation_month ON figure_confirmation (month, country, id);

CREATE TRIGGER figure_confirmation_no_update BEFORE UPDATE ON figure_confirmation
BEGIN
    SELECT RAISE(ABORT, 'confirmations are kept as given');
END;

CREATE TRIGGER figure_confirmation_no_delete BEFORE DELETE ON figure_confirmation
BEGIN
    SELECT RAISE(ABORT, 'confirmations are kept as given');
END;
