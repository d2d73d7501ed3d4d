//! Sessions of the web application, by the SHA-256 of their token (the
//! caller hashes; the token itself never reaches the store).

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};
use vigie_domain::{AuditEntry, User};

use super::users::{USER_COLUMNS, insert_audit, parse_stamp, stamp, user_row};
use crate::{Result, StoreError};

/// Opens a session and records `audit` (the login), in one transaction:
/// no session without its entry.
pub fn create(
    conn: &mut Connection,
    token_hash: &str,
    user_id: i64,
    expires_at: Timestamp,
    audit: &AuditEntry,
) -> Result<()> {
    let tx = conn.transaction()?;
    // ended sessions go when new ones come: the table stays small
    tx.execute("DELETE FROM web_session WHERE expires_at <= ?1", [stamp(Timestamp::now())])?;
    tx.execute(
        "INSERT INTO web_session (token_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![token_hash, user_id, stamp(Timestamp::now()), stamp(expires_at)],
    )?;
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(())
}

pub fn get(conn: &Connection, token_hash: &str) -> Result<Option<(User, Timestamp)>> {
    let columns: String = USER_COLUMNS.split(", ").map(|c| format!("u.{c}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT {columns}, s.expires_at FROM web_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ?1"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let mut rows = statement.query([token_hash])?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    let expires: String = row.get(6)?;
    Ok(Some((user_row(row)?, parse_stamp(&expires)?)))
}

/// Ends a session and records `audit` (the logout), in one transaction.
pub fn delete(conn: &mut Connection, token_hash: &str, audit: &AuditEntry) -> Result<bool> {
    let tx = conn.transaction()?;
    let ended = tx.execute("DELETE FROM web_session WHERE token_hash = ?1", [token_hash])? > 0;
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(ended)
}

pub fn set_expiry(conn: &Connection, token_hash: &str, expires_at: Timestamp) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE web_session SET expires_at = ?2 WHERE token_hash = ?1",
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
