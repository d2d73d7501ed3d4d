-- Who ran an import: a web user's email, or `cli` (the operator). The
-- import's page lists its drafts for a second person to approve.
ALTER TABLE import_run ADD COLUMN actor TEXT;
