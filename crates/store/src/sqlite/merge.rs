//! Merging a duplicate into the incident kept, in one transaction with its
//! audit entry.

use rusqlite::{Connection, params};
use serde_json::Value;
use vigie_domain::incident::Column;
use vigie_domain::{AuditEntry, FieldChange};

use super::query;
use super::users::insert_audit;
use crate::{Result, StoreError};

/// Merges `drop` into `keep`, with the merge log's row and the
/// `incident.merge` audit entry (the dropped incident's values, gone).
pub fn merge(conn: &mut Connection, keep: &str, drop: &str, actor: &str) -> Result<()> {
    if keep == drop {
        return Err(StoreError::Conflict(format!("cannot merge {} into itself", vigie_domain::text::quoted(keep))));
    }
    let tx = conn.transaction()?;
    if query::incident(&tx, keep)?.is_none() {
        return Err(StoreError::NotFound(format!("no incident with id {} to keep", vigie_domain::text::quoted(keep))));
    }
    let dropped = query::incident(&tx, drop)?.ok_or_else(|| {
        StoreError::NotFound(format!("no incident with id {} to merge", vigie_domain::text::quoted(drop)))
    })?;
    let mut row = serde_json::Map::new();
    let mut changes = Vec::new();
    for column in Column::ALL {
        let value = dropped.value(column);
        if !value.is_empty() {
            changes.push(FieldChange::new(column.name(), value.as_str(), Value::Null));
        }
        row.insert(column.name().into(), value.into());
    }
    let at = jiff::Timestamp::now();
    tx.execute(
        "INSERT INTO merge_log (merged_at, kept, dropped, dropped_row) VALUES (?1, ?2, ?3, ?4)",
        params![at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(), keep, drop, Value::Object(row).to_string()],
    )?;
    let entry = AuditEntry::new(at, actor, "incident.merge", "incident", Some(drop))
        .with_changes(changes)
        .with_detail(format!("merged into {keep}, which keeps {drop} as an alias"));
    insert_audit(&tx, &entry)?;
    // the dropped incident's own aliases move with it
    tx.execute("UPDATE incident_alias SET incident_id = ?1 WHERE incident_id = ?2", params![keep, drop])?;
    tx.execute("INSERT INTO incident_alias (alias, incident_id) VALUES (?1, ?2)", params![drop, keep])?;
    tx.execute("DELETE FROM incident WHERE id = ?1", [drop])?;
    tx.commit()?;
    Ok(())
}
