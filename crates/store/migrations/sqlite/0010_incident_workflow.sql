-- The verification workflow of incidents entered in the web application:
-- who wrote a draft (four eyes: never approved by its author), who last
-- reviewed it and the comment of a rejection. Imported incidents have no
-- row here (no author).

CREATE TABLE incident_workflow (
    incident_id    TEXT PRIMARY KEY REFERENCES incident (id) ON DELETE CASCADE,
    author_id      INTEGER REFERENCES app_user (id),
    reviewer_id    INTEGER REFERENCES app_user (id),
    review_comment TEXT
);
