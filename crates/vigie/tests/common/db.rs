//! A database's content as counts and a hash, to tell whether a command
//! changed it: every table (`sqlite_master`), every row (in any order: some tables have no rowid),
//! every column but those `skip` names (times differ between two runs of
//! the same import).

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use rusqlite::types::ValueRef;

/// Rows per table and one hash of all their values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbState {
    pub counts: BTreeMap<String, i64>,
    pub hash: u64,
}

/// The state of every table not in `skip_tables`, without the columns for
/// which `skip_column(table, column)` holds.
pub fn db_state(db: &Path, skip_tables: &[&str], skip_column: impl Fn(&str, &str) -> bool) -> DbState {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap_or_else(|e| panic!("{}: {e}", db.display()));
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .filter(|name: &String| !skip_tables.contains(&name.as_str()))
        .collect();
    let mut hasher = DefaultHasher::new();
    let mut counts = BTreeMap::new();
    for table in tables {
        let mut statement = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let keep: Vec<usize> = (0..statement.column_count())
            .filter(|&i| !skip_column(&table, statement.column_name(i).unwrap()))
            .collect();
        let mut rows = statement.query([]).unwrap();
        let mut row_hashes = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            let mut row_hasher = DefaultHasher::new();
            for &i in &keep {
                match row.get_ref(i).unwrap() {
                    ValueRef::Null => 0u8.hash(&mut row_hasher),
                    ValueRef::Integer(v) => (1u8, v).hash(&mut row_hasher),
                    ValueRef::Real(v) => (2u8, v.to_bits()).hash(&mut row_hasher),
                    ValueRef::Text(v) => (3u8, v).hash(&mut row_hasher),
                    ValueRef::Blob(v) => (4u8, v).hash(&mut row_hasher),
                }
            }
            row_hashes.push(row_hasher.finish());
        }
        row_hashes.sort_unstable();
        (&table, &row_hashes).hash(&mut hasher);
        let count = row_hashes.len() as i64;
        counts.insert(table, count);
    }
    DbState { counts, hash: hasher.finish() }
}

/// Every table and column, exactly.
pub fn exact_state(db: &Path) -> DbState {
    db_state(db, &[], |_, _| false)
}

/// Whether the database is sound (`PRAGMA integrity_check` says "ok").
pub fn integrity_ok(db: &Path) -> bool {
    let conn = rusqlite::Connection::open(db).unwrap();
    let result: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)).unwrap();
    result == "ok"
}
