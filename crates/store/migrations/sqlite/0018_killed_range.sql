-- The lowest and highest estimates of the killed, when sources disagree
-- (UCDP gives them): only with the best estimate, and around it.

ALTER TABLE incident ADD COLUMN killed_low INTEGER
    CHECK (killed_low IS NULL OR (killed IS NOT NULL AND killed_low BETWEEN 0 AND killed));
ALTER TABLE incident ADD COLUMN killed_high INTEGER
    CHECK (killed_high IS NULL OR (killed IS NOT NULL AND killed_high >= killed));

-- the report's covering index also carries the range, so that the report
-- still reads the index alone
DROP INDEX incident_report;
CREATE INDEX incident_report
    ON incident (country, date, status, target, method, perpetrator, killed, wounded, killed_low, killed_high);
