-- The texts of the partner register that reach a page get their three
-- languages: a partner's kind and an agreement's areas of cooperation. The
-- single columns held English (the language files gave them in); they
-- become the English ones.

ALTER TABLE partner RENAME COLUMN kind TO kind_en;
ALTER TABLE partner ADD COLUMN kind_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE partner ADD COLUMN kind_ar TEXT NOT NULL DEFAULT '';

-- one area a line in each language, the same number of lines in the
-- languages given (the n-th line of each is one area)
ALTER TABLE agreement RENAME COLUMN areas TO areas_en;
ALTER TABLE agreement ADD COLUMN areas_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE agreement ADD COLUMN areas_ar TEXT NOT NULL DEFAULT '';
