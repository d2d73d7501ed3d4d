-- The editors' hand on an issue: an opinion piece prints its author's
-- title under the name, and a photo its credit line under the caption.
ALTER TABLE article ADD COLUMN author_title TEXT NOT NULL DEFAULT '';
ALTER TABLE article_image ADD COLUMN credit TEXT NOT NULL DEFAULT '';
