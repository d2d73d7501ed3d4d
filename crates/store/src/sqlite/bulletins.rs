//! Bulletin issues composed in the web application, and their built files
//! (PDF and HTML per language) as bytes.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};

use super::users::{parse_stamp, stamp};
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

/// Replaces the issue's files by `files`, in one transaction.
pub fn save_files(conn: &mut Connection, number: u32, files: &[BulletinFile]) -> Result<()> {
    let tx = conn.transaction()?;
    tx.execute("DELETE FROM bulletin_file WHERE number = ?1", [number])?;
    for file in files {
        tx.execute(
            "INSERT INTO bulletin_file (number, lang, format, bytes, sha256) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![number, file.lang, file.format, file.bytes, file.sha256],
        )?;
    }
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

pub fn publish(conn: &Connection, number: u32, at: Timestamp) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE bulletin_issue SET status = 'published', published_at = ?2 WHERE number = ?1",
        params![number, stamp(at)],
    )? > 0)
}
