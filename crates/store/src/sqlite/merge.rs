//! Merging a duplicate into the incident kept, in one transaction.

use rusqlite::{Connection, params};
use vigie_domain::incident::Column;

use super::query;
use crate::{Result, StoreError};

pub fn merge(conn: &mut Connection, keep: &str, drop: &str) -> Result<()> {
    if keep == drop {
        return Err(StoreError::Conflict(format!("cannot merge {keep:?} into itself")));
    }
    let tx = conn.transaction()?;
    if query::incident(&tx, keep)?.is_none() {
        return Err(StoreError::NotFound(format!("no incident with id {keep:?} to keep")));
    }
    let dropped = query::incident(&tx, drop)?
        .ok_or_else(|| StoreError::NotFound(format!("no incident with id {drop:?} to merge")))?;
    let mut row = serde_json::Map::new();
    for column in Column::ALL {
        row.insert(column.name().into(), dropped.value(column).into());
    }
    let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    tx.execute(
        "INSERT INTO merge_log (merged_at, kept, dropped, dropped_row) VALUES (?1, ?2, ?3, ?4)",
        params![now, keep, drop, serde_json::Value::Object(row).to_string()],
    )?;
    // the dropped incident's own aliases move with it
    tx.execute("UPDATE incident_alias SET incident_id = ?1 WHERE incident_id = ?2", params![keep, drop])?;
    tx.execute("INSERT INTO incident_alias (alias, incident_id) VALUES (?1, ?2)", params![drop, keep])?;
    tx.execute("DELETE FROM incident WHERE id = ?1", [drop])?;
    tx.commit()?;
    Ok(())
}
