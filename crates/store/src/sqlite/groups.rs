//! The groups register in SQLite: shipped groups are brought up to date on
//! open; added and imported ones are kept as they are. Groups and aliases
//! added by hand are audited in their transaction.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde_json::Value;
use vigie_domain::group::valid_group_id;
use vigie_domain::hash::Fnv64;
use vigie_domain::{AuditEntry, FieldChange, Group, GroupKind, GroupOrigin, GroupRegister, Names};

use super::users::insert_audit;
use crate::{Result, StoreError};

/// Upserts the shipped groups when they differ from those last synced.
pub fn sync_builtin(conn: &mut Connection) -> Result<()> {
    let builtin = GroupRegister::builtin();
    let mut hash = Fnv64::default();
    for group in builtin.iter() {
        hash.field(group.id.as_bytes());
        hash.field(group.kind.code().as_bytes());
        for text in [&group.name.fr, &group.name.en, &group.name.ar].into_iter().chain(&group.aliases) {
            hash.field(text.as_bytes());
        }
    }
    let fingerprint = format!("{:016x}", hash.finish());
    let synced: Option<String> =
        conn.query_row("SELECT value FROM meta WHERE key = 'builtin_groups'", [], |row| row.get(0)).optional()?;
    if synced.as_deref() == Some(fingerprint.as_str()) {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for group in builtin.iter() {
        tx.execute(
            // a kind an analyst set stays; a group of no known kind gets
            // the shipped one
            "INSERT INTO perpetrator_group (id, name_fr, name_en, name_ar, origin, kind)
             VALUES (?1, ?2, ?3, ?4, 'builtin', ?5)
             ON CONFLICT (id) DO UPDATE SET name_fr = excluded.name_fr, name_en = excluded.name_en,
                 name_ar = excluded.name_ar, origin = 'builtin',
                 kind = CASE perpetrator_group.kind WHEN 'unknown' THEN excluded.kind ELSE perpetrator_group.kind END",
            params![group.id, group.name.fr, group.name.en, group.name.ar, group.kind.code()],
        )?;
        for alias in &group.aliases {
            tx.execute(
                "INSERT OR IGNORE INTO group_alias (group_id, alias) VALUES (?1, ?2)",
                params![group.id, alias],
            )?;
        }
    }
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('builtin_groups', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [&fingerprint],
    )?;
    tx.commit()?;
    Ok(())
}

pub fn load(conn: &Connection) -> Result<GroupRegister> {
    let mut aliases: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    let mut statement = conn.prepare("SELECT group_id, alias FROM group_alias ORDER BY rowid")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        aliases.entry(row.get(0)?).or_default().push(row.get(1)?);
    }
    // shipped groups first, in their shipped order, so they keep their names
    let mut statement = conn.prepare(
        "SELECT id, name_fr, name_en, name_ar, origin, kind FROM perpetrator_group
         ORDER BY origin <> 'builtin', rowid",
    )?;
    let mut rows = statement.query([])?;
    let mut groups = Vec::new();
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let origin: String = row.get(4)?;
        let kind: String = row.get(5)?;
        groups.push(Group {
            kind: GroupKind::parse(&kind)
                .ok_or_else(|| StoreError::Corrupt(format!("group kind {}", vigie_domain::text::quoted(&kind))))?,
            aliases: aliases.remove(&id).unwrap_or_default(),
            name: Names { fr: row.get(1)?, en: row.get(2)?, ar: row.get(3)? },
            origin: GroupOrigin::parse(&origin)
                .ok_or_else(|| StoreError::Corrupt(format!("group origin {}", vigie_domain::text::quoted(&origin))))?,
            id,
        });
    }
    Ok(GroupRegister::from_groups(groups))
}

pub fn insert(conn: &Connection, group: &Group) -> Result<()> {
    if !valid_group_id(&group.id) {
        return Err(StoreError::Conflict(format!(
            "group id {} is not valid: use lower-case letters, digits and hyphens",
            vigie_domain::text::quoted(&group.id)
        )));
    }
    let exists: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM perpetrator_group WHERE id = ?1)", [&group.id], |row| row.get(0))?;
    if exists {
        return Err(StoreError::Conflict(format!("group {} already exists", vigie_domain::text::quoted(&group.id))));
    }
    conn.execute(
        "INSERT INTO perpetrator_group (id, name_fr, name_en, name_ar, origin, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![group.id, group.name.fr, group.name.en, group.name.ar, group.origin.code(), group.kind.code()],
    )?;
    for alias in &group.aliases {
        conn.execute("INSERT OR IGNORE INTO group_alias (group_id, alias) VALUES (?1, ?2)", params![group.id, alias])?;
    }
    Ok(())
}

/// Adds a group and its `group.add` audit entry (its names and aliases,
/// from nothing) in one transaction.
pub fn add(conn: &mut Connection, group: &Group, actor: &str) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    insert(&tx, group)?;
    let mut changes = vec![
        FieldChange::new("name_fr", Value::Null, group.name.fr.as_str()),
        FieldChange::new("name_en", Value::Null, group.name.en.as_str()),
        FieldChange::new("name_ar", Value::Null, group.name.ar.as_str()),
        FieldChange::new("kind", Value::Null, group.kind.code()),
    ];
    if !group.aliases.is_empty() {
        changes.push(FieldChange::new("aliases", Value::Null, group.aliases.clone()));
    }
    let entry = AuditEntry::new(Timestamp::now(), actor, "group.add", "group", Some(&group.id)).with_changes(changes);
    insert_audit(&tx, &entry)?;
    tx.commit()?;
    Ok(())
}

/// Adds an alias to a group and its `group.alias` audit entry (the
/// group's aliases before and after) in one transaction; `false`, nothing
/// written, when the group already had it.
pub fn add_alias(conn: &mut Connection, group_id: &str, alias: &str, actor: &str) -> Result<bool> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let exists: bool =
        tx.query_row("SELECT EXISTS (SELECT 1 FROM perpetrator_group WHERE id = ?1)", [group_id], |row| row.get(0))?;
    if !exists {
        return Err(StoreError::NotFound(format!(
            "no group {}: see `vigie groups`",
            vigie_domain::text::quoted(group_id)
        )));
    }
    let before: Vec<String> = tx
        .prepare("SELECT alias FROM group_alias WHERE group_id = ?1 ORDER BY rowid")?
        .query_map([group_id], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    if before.iter().any(|known| known == alias) {
        return Ok(false);
    }
    tx.execute("INSERT INTO group_alias (group_id, alias) VALUES (?1, ?2)", params![group_id, alias])?;
    let mut after = before.clone();
    after.push(alias.to_string());
    let entry = AuditEntry::new(Timestamp::now(), actor, "group.alias", "group", Some(group_id))
        .with_changes(vec![FieldChange::new("aliases", before, after)]);
    insert_audit(&tx, &entry)?;
    tx.commit()?;
    Ok(true)
}

/// Sets a group's kind and its `group.kind` audit entry (before and after)
/// in one transaction; `false`, nothing written, when it had that kind.
pub fn set_kind(conn: &mut Connection, group_id: &str, kind: GroupKind, actor: &str) -> Result<bool> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let before: Option<String> =
        tx.query_row("SELECT kind FROM perpetrator_group WHERE id = ?1", [group_id], |row| row.get(0)).optional()?;
    let Some(before) = before else {
        return Err(StoreError::NotFound(format!(
            "no group {}: see `vigie groups`",
            vigie_domain::text::quoted(group_id)
        )));
    };
    if before == kind.code() {
        return Ok(false);
    }
    tx.execute("UPDATE perpetrator_group SET kind = ?2 WHERE id = ?1", params![group_id, kind.code()])?;
    let entry = AuditEntry::new(Timestamp::now(), actor, "group.kind", "group", Some(group_id))
        .with_changes(vec![FieldChange::new("kind", before.as_str(), kind.code())]);
    insert_audit(&tx, &entry)?;
    tx.commit()?;
    Ok(true)
}

/// Writes a group's names (a translation, a correction) and their audit
/// entry in one transaction, if the store still holds the names of
/// `stored`; `false`, nothing written, otherwise.
pub fn save_names(conn: &mut Connection, group: &Group, stored: &Group, audit: &AuditEntry) -> Result<bool> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current: Option<Names> = tx
        .query_row("SELECT name_fr, name_en, name_ar FROM perpetrator_group WHERE id = ?1", [&group.id], |row| {
            Ok(Names { fr: row.get(0)?, en: row.get(1)?, ar: row.get(2)? })
        })
        .optional()?;
    if current.as_ref() != Some(&stored.name) {
        return Ok(false);
    }
    tx.execute(
        "UPDATE perpetrator_group SET name_fr = ?2, name_en = ?3, name_ar = ?4 WHERE id = ?1",
        params![group.id, group.name.fr, group.name.en, group.name.ar],
    )?;
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(true)
}
