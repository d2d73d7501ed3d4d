//! Backups with SQLite's online backup API: every page copied in one step,
//! so inside one read transaction — a consistent snapshot, taken while other
//! connections go on writing (WAL lets them). The copy is written beside the
//! target under a temporary name, checked, and renamed into place.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, params};

use super::migrate::SCHEMA_VERSION;
use crate::{BackupSummary, Result, StoreError};

/// Copies the database `source` (its connection, sessions file attached)
/// to `target`, a new file.
pub fn backup(source: &Connection, target: &Path) -> Result<BackupSummary> {
    if target.exists() {
        return Err(StoreError::Conflict(format!(
            "{} already exists: a backup is written to a new file",
            target.display()
        )));
    }
    let partial = partial_name(target);
    let result = write_copy(source, &partial).and_then(|summary| {
        std::fs::rename(&partial, target).map_err(|e| io_error(target, e))?;
        Ok(summary)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

fn write_copy(source: &Connection, partial: &Path) -> Result<BackupSummary> {
    // the copy holds password hashes and second-factor secrets: readable by
    // its owner only, from before the first byte
    create_private(partial)?;
    let mut copy =
        Connection::open(partial).map_err(|source| StoreError::Open { path: partial.display().to_string(), source })?;
    copy_pages(source, &mut copy)?;
    // one self-contained file, without -wal beside it
    let _: String = copy.query_row("PRAGMA journal_mode = DELETE", [], |row| row.get(0))?;
    // the sign-in journal lives in the sessions file: its entries join the
    // copy's audit log (sessions themselves are not kept: a restored
    // database opens none)
    let tx = copy.transaction()?;
    {
        let mut read = source.prepare(
            "SELECT at, actor, action, entity, entity_id, changes, detail FROM sessions.sign_in_log ORDER BY id",
        )?;
        let mut write = tx.prepare(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, changes, detail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let mut rows = read.query([])?;
        while let Some(row) = rows.next()? {
            write.execute(params![
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, Option<String>>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, Option<String>>(6)?,
            ])?;
        }
    }
    tx.commit()?;
    let summary = check(&copy, partial)?;
    copy.close().map_err(|(_, e)| StoreError::from(e))?;
    // the data on disk before the name
    std::fs::File::open(partial).and_then(|f| f.sync_all()).map_err(|e| io_error(partial, e))?;
    Ok(summary)
}

/// Copies every page of `source`'s main database to `target` in one step.
fn copy_pages(source: &Connection, target: &mut Connection) -> Result<()> {
    let backup = Backup::new(source, target)?;
    // a writer finishing its commit may hold the lock a moment
    for _ in 0..600 {
        if backup.step(-1)? == StepResult::Done {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(StoreError::Busy)
}

/// Checks a copy: integrity, a Vigie schema this binary knows.
pub fn check(copy: &Connection, path: &Path) -> Result<BackupSummary> {
    let integrity: String = copy.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
    if integrity != "ok" {
        return Err(StoreError::Corrupt(format!("{}: integrity check failed: {integrity}", path.display())));
    }
    let schema_version: i64 = copy.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let is_vigie: bool = copy.query_row(
        "SELECT count(*) = 2 FROM sqlite_schema WHERE type = 'table' AND name IN ('incident', 'audit_log')",
        [],
        |row| row.get(0),
    )?;
    if !is_vigie || schema_version < 1 {
        return Err(StoreError::Corrupt(format!("{} is not a Vigie database", path.display())));
    }
    if schema_version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.display().to_string(),
            found: schema_version,
            known: SCHEMA_VERSION,
        });
    }
    let count = |table: &str| -> Result<u64> {
        Ok(copy.query_row(&format!("SELECT count(*) FROM main.{table}"), [], |row| row.get::<_, i64>(0))? as u64)
    };
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(BackupSummary { bytes, incidents: count("incident")?, audit_entries: count("audit_log")?, schema_version })
}

/// Replaces the database behind `target` (a connection, sessions file
/// attached) with the backup at `backup`, in place: other connections see
/// the restored data at their next transaction. Every session ends.
pub fn restore(target: &mut Connection, backup: &Path) -> Result<BackupSummary> {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI;
    let source = Connection::open_with_flags(super::read_only_uri(backup), flags)
        .map_err(|source| StoreError::Open { path: backup.display().to_string(), source })?;
    let summary = check(&source, backup)?;
    keeps_published(&source, target, backup)?;
    let source_page: i64 = source.query_row("PRAGMA page_size", [], |row| row.get(0))?;
    let target_page: i64 = target.query_row("PRAGMA page_size", [], |row| row.get(0))?;
    if source_page != target_page {
        return Err(StoreError::Unsupported(format!(
            "{} has pages of {source_page} bytes and the database {target_page}: restore into a new file (--db NEW)",
            backup.display()
        )));
    }
    copy_pages(&source, target)?;
    target.execute("DELETE FROM sessions.web_session", [])?;
    Ok(summary)
}

/// The files of every published issue of `conn`: (label, lang, format,
/// SHA-256), sorted. A database older than revisions (schema 11 to 14) has
/// revision 0 only; one older than bulletins has none.
fn published_files(conn: &Connection) -> Result<Vec<(String, String, String, String)>> {
    let has = |table: &str, column: &str| -> Result<bool> {
        Ok(conn.query_row(
            "SELECT count(*) > 0 FROM pragma_table_info(?1) WHERE name = ?2",
            params![table, column],
            |row| row.get(0),
        )?)
    };
    if !has("bulletin_file", "sha256")? {
        return Ok(Vec::new());
    }
    let revision = if has("bulletin_file", "revision")? { "f.revision" } else { "0" };
    let join = if revision == "0" { "f.number = i.number" } else { "f.number = i.number AND f.revision = i.revision" };
    let sql = format!(
        "SELECT f.number, {revision}, f.lang, f.format, f.sha256 FROM bulletin_file f
         JOIN bulletin_issue i ON {join} WHERE i.status = 'published'
         ORDER BY f.number, {revision}, f.lang, f.format"
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([], |row| {
        let (number, revision): (u32, u32) = (row.get(0)?, row.get(1)?);
        let label = vigie_domain::publication::IssueLabel::new(number, revision).to_string();
        Ok((label, row.get(2)?, row.get(3)?, row.get(4)?))
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Refuses a restore that would remove or change a published issue of
/// `target`: a published issue is frozen, a restore included.
fn keeps_published(source: &Connection, target: &Connection, backup: &Path) -> Result<()> {
    let kept = published_files(source)?;
    for file in published_files(target)? {
        if !kept.contains(&file) {
            return Err(StoreError::Conflict(format!(
                "{} lacks the published issue {} as this database holds it ({}.{}, sha256 {}): restoring it would \
                 remove or change a published issue, which stays as published; restore into a new database (--db NEW)",
                backup.display(),
                file.0,
                file.1,
                file.2,
                file.3
            )));
        }
    }
    Ok(())
}

fn create_private(path: &Path) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop).map_err(|e| io_error(path, e))
}

fn partial_name(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    target.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

fn io_error(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io { path: path.display().to_string(), source }
}
