-- What kind of actor each perpetrator group is; the terrorism statistics
-- leave out state forces. Shipped groups get their kind when the shipped
-- register is synced; groups created by imports get it here from their
-- name, as `GroupKind::of_actor_name` does for new ones.

ALTER TABLE perpetrator_group ADD COLUMN kind TEXT NOT NULL DEFAULT 'unknown'
    CHECK (kind IN ('jihadist', 'armed_group', 'militia', 'state_forces', 'unknown'));

UPDATE perpetrator_group SET kind = 'state_forces'
WHERE origin <> 'builtin'
  AND (lower(trim(name_en)) LIKE 'government of %'
       OR lower(trim(name_en)) LIKE 'military forces of %'
       OR lower(trim(name_en)) LIKE 'police forces of %');

UPDATE perpetrator_group SET kind = 'militia'
WHERE origin <> 'builtin' AND kind = 'unknown' AND ' ' || lower(name_en) || ' ' LIKE '% militia %';

-- the builtin groups' kinds are (re)written at the next sync
DELETE FROM meta WHERE key = 'builtin_groups';

CREATE INDEX perpetrator_group_kind ON perpetrator_group (kind);
