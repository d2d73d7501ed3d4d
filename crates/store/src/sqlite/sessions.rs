//! Sessions of the web application and the sign-in journal, in a file of
//! their own beside the database (`<database>-sessions`), attached to every
//! connection as `sessions`. A login writes only there: SQLite locks a file
//! at a time, so signing in never waits for an import holding the
//! database's write lock. Sessions are looked up by the SHA-256 of their
//! token (the caller hashes; the token itself never reaches the store).
//!
//! A change to an account that ends its sessions (password, disabling,
//! second factor) deletes them in its own transaction, which spans both
//! files; the lookup also refuses a session older than the account's last
//! password change or of a disabled account, so that a crash between the
//! two files' commits cannot leave such a session usable.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};
use vigie_domain::{AuditEntry, User};

use super::users::{USER_COLUMNS, insert_audit_into, parse_stamp, stamp, user_row};
use crate::{Result, StoreError};

/// The schema of the sessions file, created when missing (the sign-in
/// journal has the audit log's columns and is append-only like it).
const SCHEMA: &str = include_str!("../../migrations/sqlite/sessions.sql");

/// The sessions file of the database at `database`.
pub fn file_of(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push("-sessions");
    PathBuf::from(name)
}

/// Attaches the sessions file as `sessions`, creating it (and its schema)
/// when `writable`; a read-only connection without one gets an empty
/// in-memory stand-in.
pub fn attach(conn: &Connection, database: &Path, writable: bool) -> Result<()> {
    let file = file_of(database);
    if writable {
        let sessions =
            Connection::open(&file).map_err(|source| StoreError::Open { path: file.display().to_string(), source })?;
        sessions.busy_timeout(std::time::Duration::from_secs(5))?;
        let _: String = sessions.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        sessions.execute_batch(SCHEMA)?;
        drop(sessions);
        conn.execute("ATTACH DATABASE ?1 AS sessions", [file.to_string_lossy()])?;
        conn.execute_batch("PRAGMA sessions.synchronous = NORMAL")?;
    } else if file.exists() {
        let uri = super::read_only_uri(&file);
        conn.execute("ATTACH DATABASE ?1 AS sessions", [uri])?;
    } else {
        conn.execute("ATTACH DATABASE ':memory:' AS sessions", [])?;
        let in_memory = SCHEMA.replace("CREATE TABLE IF NOT EXISTS ", "CREATE TABLE IF NOT EXISTS sessions.");
        let in_memory = in_memory.replace("CREATE INDEX IF NOT EXISTS ", "CREATE INDEX IF NOT EXISTS sessions.");
        let in_memory = in_memory.replace("CREATE TRIGGER IF NOT EXISTS ", "CREATE TRIGGER IF NOT EXISTS sessions.");
        conn.execute_batch(&in_memory)?;
    }
    Ok(())
}

/// Opens a session and records `audit` (the login) in the sign-in journal,
/// in one transaction: no session without its entry. The transaction is a
/// deferred one: it writes to the sessions file only, and so takes only
/// that file's write lock.
pub fn create(
    conn: &mut Connection,
    token_hash: &str,
    user_id: i64,
    expires_at: Timestamp,
    audit: &AuditEntry,
) -> Result<()> {
    let tx = conn.transaction()?;
    // ended sessions go when new ones come: the table stays small
    tx.execute("DELETE FROM sessions.web_session WHERE expires_at <= ?1", [stamp(Timestamp::now())])?;
    tx.execute(
        "INSERT INTO sessions.web_session (token_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![token_hash, user_id, stamp(Timestamp::now()), stamp(expires_at)],
    )?;
    insert_audit_into(&tx, "sessions.sign_in_log", audit)?;
    tx.commit()?;
    Ok(())
}

pub fn get(conn: &Connection, token_hash: &str) -> Result<Option<(User, Timestamp)>> {
    let columns: String = USER_COLUMNS.split(", ").map(|c| format!("u.{c}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT {columns}, s.expires_at FROM sessions.web_session s JOIN main.app_user u ON u.id = s.user_id
          WHERE s.token_hash = ?1 AND NOT u.disabled AND s.created_at >= u.password_changed_at"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let mut rows = statement.query([token_hash])?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    let expires: String = row.get(6)?;
    Ok(Some((user_row(row)?, parse_stamp(&expires)?)))
}

/// Ends a session and records `audit` (the logout) in the sign-in journal,
/// in one transaction.
pub fn delete(conn: &mut Connection, token_hash: &str, audit: &AuditEntry) -> Result<bool> {
    let tx = conn.transaction()?;
    let ended = tx.execute("DELETE FROM sessions.web_session WHERE token_hash = ?1", [token_hash])? > 0;
    insert_audit_into(&tx, "sessions.sign_in_log", audit)?;
    tx.commit()?;
    Ok(ended)
}

/// Records a sign-in event that changes nothing else (a refused login).
pub fn record(conn: &Connection, audit: &AuditEntry) -> Result<i64> {
    insert_audit_into(conn, "sessions.sign_in_log", audit)
}

pub fn set_expiry(conn: &Connection, token_hash: &str, expires_at: Timestamp) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE sessions.web_session SET expires_at = ?2 WHERE token_hash = ?1",
        params![token_hash, stamp(expires_at)],
    )? > 0)
}

/// The date of the latest incident of these countries, verified ones only
/// unless `include_drafts`.
pub fn latest_incident_date(
    conn: &Connection,
    countries: &[vigie_domain::CountryCode],
    include_drafts: bool,
) -> Result<Option<jiff::civil::Date>> {
    if countries.is_empty() {
        return Ok(None);
    }
    let marks = vec!["?"; countries.len()].join(", ");
    let mut values: Vec<String> = countries.iter().map(|c| c.to_string()).collect();
    let status = if include_drafts {
        ""
    } else {
        values.push(vigie_domain::Status::Verified.code().to_string());
        " AND status = ?"
    };
    let sql = format!("SELECT max(date) FROM incident WHERE country IN ({marks}){status}");
    let date: Option<String> =
        conn.query_row(&sql, rusqlite::params_from_iter(values), |row| row.get(0)).optional()?.flatten();
    date.map(|d| d.parse().map_err(|_| StoreError::Corrupt(format!("date {d:?}")))).transpose()
}
