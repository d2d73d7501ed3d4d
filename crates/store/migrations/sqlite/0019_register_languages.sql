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

-- An activity's counterpart organisation and title, place and description
-- in three languages; a person's name stays as written, with its Arabic
-- spelling beside it.
ALTER TABLE activity RENAME COLUMN counterpart_org TO counterpart_org_en;
ALTER TABLE activity ADD COLUMN counterpart_org_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE activity ADD COLUMN counterpart_org_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE activity ADD COLUMN counterpart_person_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE activity RENAME COLUMN counterpart_title TO counterpart_title_en;
ALTER TABLE activity ADD COLUMN counterpart_title_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE activity ADD COLUMN counterpart_title_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE activity RENAME COLUMN place TO place_en;
ALTER TABLE activity ADD COLUMN place_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE activity ADD COLUMN place_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE activity RENAME COLUMN description TO description_en;
ALTER TABLE activity ADD COLUMN description_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE activity ADD COLUMN description_ar TEXT NOT NULL DEFAULT '';
