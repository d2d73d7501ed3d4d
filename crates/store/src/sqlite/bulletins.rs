//! Bulletin issues composed in the web application, and their built files
//! (PDF and HTML per language) as bytes.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};

use vigie_domain::AuditEntry;

use super::users::{insert_audit, parse_stamp, stamp};
use crate::{BulletinFile, BulletinIssue, Result};

/// Inserts the issue, or replaces its month and spec (it goes back to
/// draft).
pub fn save(conn: &Connection, issue: &BulletinIssue) -> Result<()> {
    conn.execute(
        "INSERT INTO bulletin_issue (number, month, spec, status, built_at, published_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (number) DO UPDATE SET month = excluded.month, spec = excluded.spec,
             status = excluded.status, built_at = excluded.built_at, published_at = excluded.published_at,
             created_by = excluded.created_by",
        params![
            issue.number,
            issue.month,
            issue.spec,
            if issue.published { "published" } else { "draft" },
            issue.built_at.map(stamp),
            issue.published_at.map(stamp),
            issue.created_by,
        ],
    )?;
    Ok(())
}

pub fn list(conn: &Connection) -> Result<Vec<BulletinIssue>> {
    let mut statement = conn.prepare_cached(
        "SELECT number, month, spec, status, built_at, published_at, created_by FROM bulletin_issue
         ORDER BY month DESC, number DESC",
    )?;
    let mut rows = statement.query([])?;
    let mut issues = Vec::new();
    while let Some(row) = rows.next()? {
        let status: String = row.get(3)?;
        let built: Option<String> = row.get(4)?;
        let published: Option<String> = row.get(5)?;
        issues.push(BulletinIssue {
            number: row.get(0)?,
            month: row.get(1)?,
            spec: row.get(2)?,
            published: status == "published",
            built_at: built.as_deref().map(parse_stamp).transpose()?,
            published_at: published.as_deref().map(parse_stamp).transpose()?,
            created_by: row.get(6)?,
        });
    }
    Ok(issues)
}

/// Saves an issue just built with its files (replacing any earlier ones)
/// and records `audit`, in one transaction.
pub fn save_built(
    conn: &mut Connection,
    issue: &BulletinIssue,
    files: &[BulletinFile],
    audit: &AuditEntry,
) -> Result<()> {
    let tx = conn.transaction()?;
    save(&tx, issue)?;
    let number = issue.number;
    tx.execute("DELETE FROM bulletin_file WHERE number = ?1", [number])?;
    for file in files {
        tx.execute(
            "INSERT INTO bulletin_file (number, lang, format, bytes, sha256) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![number, file.lang, file.format, file.bytes, file.sha256],
        )?;
    }
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(())
}

pub fn file(conn: &Connection, number: u32, lang: &str, format: &str) -> Result<Option<BulletinFile>> {
    Ok(conn
        .query_row(
            "SELECT lang, format, bytes, sha256 FROM bulletin_file WHERE number = ?1 AND lang = ?2 AND format = ?3",
            params![number, lang, format],
            |row| Ok(BulletinFile { lang: row.get(0)?, format: row.get(1)?, bytes: row.get(2)?, sha256: row.get(3)? }),
        )
        .optional()?)
}

/// Publishes an issue and records `audit`, in one transaction; `false`
/// (nothing written) when there is no such issue.
pub fn publish(conn: &mut Connection, number: u32, at: Timestamp, audit: &AuditEntry) -> Result<bool> {
    let tx = conn.transaction()?;
    let published = tx.execute(
        "UPDATE bulletin_issue SET status = 'published', published_at = ?2 WHERE number = ?1",
        params![number, stamp(at)],
    )? > 0;
    if published {
        insert_audit(&tx, audit)?;
        tx.commit()?;
    }
    Ok(published)
}
