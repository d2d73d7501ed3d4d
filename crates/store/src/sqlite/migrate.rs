//! Versioned migrations, embedded in the binary and applied in order; the
//! schema version is SQLite's `user_version`.

use std::path::Path;

use rusqlite::Connection;

use crate::{Result, StoreError};

const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/sqlite/0001_incidents.sql"),
    include_str!("../../migrations/sqlite/0002_merges.sql"),
    include_str!("../../migrations/sqlite/0003_members.sql"),
    include_str!("../../migrations/sqlite/0004_partners.sql"),
    include_str!("../../migrations/sqlite/0005_activities.sql"),
    include_str!("../../migrations/sqlite/0006_articles.sql"),
    include_str!("../../migrations/sqlite/0007_notes.sql"),
    include_str!("../../migrations/sqlite/0008_users.sql"),
    include_str!("../../migrations/sqlite/0009_sessions.sql"),
    include_str!("../../migrations/sqlite/0010_incident_workflow.sql"),
    include_str!("../../migrations/sqlite/0011_bulletins.sql"),
    include_str!("../../migrations/sqlite/0012_totp.sql"),
    include_str!("../../migrations/sqlite/0013_import_actor.sql"),
    include_str!("../../migrations/sqlite/0014_sessions_file.sql"),
    include_str!("../../migrations/sqlite/0015_publications.sql"),
    include_str!("../../migrations/sqlite/0016_group_kinds.sql"),
    include_str!("../../migrations/sqlite/0017_confirmations.sql"),
    include_str!("../../migrations/sqlite/0018_killed_range.sql"),
    include_str!("../../migrations/sqlite/0019_register_languages.sql"),
    include_str!("../../migrations/sqlite/0020_editorial.sql"),
    include_str!("../../migrations/sqlite/0021_translator_role.sql"),
    include_str!("../../migrations/sqlite/0022_organisations.sql"),
    include_str!("../../migrations/sqlite/0023_activity_counterparts.sql"),
    include_str!("../../migrations/sqlite/0024_themes.sql"),
    include_str!("../../migrations/sqlite/0025_api_tokens.sql"),
];

/// The schema version a store has once every migration is applied.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::TooNew { path: path.display().to_string(), found: version, known });
    }
    if version == known {
        return Ok(());
    }
    // off while tables are rebuilt (a DROP would cascade to the rows that
    // refer to them); each migration's result is checked before it commits
    conn.pragma_update(None, "foreign_keys", false)?;
    let applied = apply(conn, path, version, known);
    conn.pragma_update(None, "foreign_keys", true)?;
    applied
}

fn apply(conn: &mut Connection, path: &Path, version: i64, known: i64) -> Result<()> {
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        // SQLite's message alone: its error would quote the whole migration, twice in a chain
        tx.execute_batch(sql).map_err(|error| StoreError::Mismatch {
            path: path.display().to_string(),
            found: version,
            known,
            failed: index as i64 + 1,
            reason: match error {
                rusqlite::Error::SqlInputError { msg, .. } => msg,
                rusqlite::Error::SqliteFailure(failure, message) => message.unwrap_or_else(|| failure.to_string()),
                other => other.to_string(),
            },
        })?;
        let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| row.get(0))?;
        if broken > 0 {
            return Err(StoreError::Mismatch {
                path: path.display().to_string(),
                found: version,
                known,
                failed: index as i64 + 1,
                reason: format!("{broken} rows refer to rows that no longer exist"),
            });
        }
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
