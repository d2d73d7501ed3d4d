-- Web sessions move to the sessions file (`<database>-sessions`, see
-- sessions.sql), so that a login never waits for an import's write lock.
-- Open sessions end: their users log in again.
DROP TABLE web_session;
