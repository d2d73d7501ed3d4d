//! Bulletin issues and their revisions, with their built files (PDF and
//! HTML per language) as bytes and the report models they printed; a
//! published one is frozen (the triggers of `0015_publications.sql` refuse
//! any change, whoever asks).

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Row, params};

use vigie_domain::AuditEntry;
use vigie_domain::publication::{BuildRefusal, IssueLabel, Published, revision_to_build};

use super::users::{insert_audit, parse_stamp, stamp};
use crate::{BulletinFile, BulletinIssue, BulletinReport, Result, StoreError};

const COLUMNS: &str = "number, revision, month, spec, status, built_at, published_at, created_by, published_by, reason";

fn issue_from_row(row: &Row<'_>) -> Result<BulletinIssue> {
    let status: String = row.get(4)?;
    let built: Option<String> = row.get(5)?;
    let published: Option<String> = row.get(6)?;
    Ok(BulletinIssue {
        number: row.get(0)?,
        revision: row.get(1)?,
        month: row.get(2)?,
        spec: row.get(3)?,
        published: status == "published",
        built_at: built.as_deref().map(parse_stamp).transpose()?,
        published_at: published.as_deref().map(parse_stamp).transpose()?,
        created_by: row.get(7)?,
        published_by: row.get(8)?,
        reason: row.get(9)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<BulletinIssue>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM bulletin_issue ORDER BY month DESC, number DESC, revision DESC"
    ))?;
    let mut rows = statement.query([])?;
    let mut issues = Vec::new();
    while let Some(row) = rows.next()? {
        issues.push(issue_from_row(row)?);
    }
    Ok(issues)
}

/// The last published revision of `number`, if any.
fn last_published(conn: &Connection, number: u32) -> Result<Option<BulletinIssue>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM bulletin_issue WHERE number = ?1 AND status = 'published' ORDER BY revision DESC LIMIT 1"
    );
    conn.query_row(&sql, [number], |row| Ok(issue_from_row(row))).optional()?.transpose()
}

/// Saves an issue just built, a draft, with its files and reports
/// (replacing those of an earlier build of the same draft), and records
/// `audit`, in one transaction.
pub fn save_built(
    conn: &mut Connection,
    issue: &BulletinIssue,
    files: &[BulletinFile],
    reports: &[BulletinReport],
    audit: &AuditEntry,
) -> Result<()> {
    let tx = conn.transaction()?;
    // the domain's rule, checked again where the write happens: a build
    // that read the state before a publication does not replace it
    let published = last_published(&tx, issue.number)?;
    let month = vigie_domain::Month::parse(&issue.month)
        .ok_or_else(|| StoreError::Corrupt(format!("bulletin month {:?}", issue.month)))?;
    let last = published
        .as_ref()
        .map(|p| {
            vigie_domain::Month::parse(&p.month)
                .map(|month| Published { revision: p.revision, month })
                .ok_or_else(|| StoreError::Corrupt(format!("bulletin month {:?}", p.month)))
        })
        .transpose()?;
    let expected = revision_to_build(issue.number, month, last, issue.reason.as_deref())
        .map_err(|refusal| StoreError::Conflict(refused(issue.number, &refusal)))?;
    if expected != issue.revision {
        return Err(StoreError::Conflict(format!(
            "issue {}: the revision to build is {}",
            issue.label(),
            IssueLabel::new(issue.number, expected)
        )));
    }
    // a number has one draft: an earlier build of it goes
    tx.execute(
        "DELETE FROM bulletin_file WHERE number = ?1 AND revision IN \
         (SELECT revision FROM bulletin_issue WHERE number = ?1 AND status = 'draft')",
        [issue.number],
    )?;
    tx.execute(
        "DELETE FROM bulletin_report WHERE number = ?1 AND revision IN \
         (SELECT revision FROM bulletin_issue WHERE number = ?1 AND status = 'draft')",
        [issue.number],
    )?;
    tx.execute("DELETE FROM bulletin_issue WHERE number = ?1 AND status = 'draft'", [issue.number])?;
    tx.execute(
        "INSERT INTO bulletin_issue (number, revision, month, spec, status, built_at, created_by, reason)
         VALUES (?1, ?2, ?3, ?4, 'draft', ?5, ?6, ?7)",
        params![
            issue.number,
            issue.revision,
            issue.month,
            issue.spec,
            issue.built_at.map(stamp),
            issue.created_by,
            issue.reason,
        ],
    )?;
    for file in files {
        tx.execute(
            "INSERT INTO bulletin_file (number, revision, lang, format, bytes, sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![issue.number, issue.revision, file.lang, file.format, file.bytes, file.sha256],
        )?;
    }
    for report in reports {
        tx.execute(
            "INSERT INTO bulletin_report (number, revision, kind, key, json) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![issue.number, issue.revision, report.kind, report.key, report.json],
        )?;
    }
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(())
}

/// The refusal in the command line's words; the callers check the rule
/// first and say it in the reader's language: this is the last guard.
fn refused(number: u32, refusal: &BuildRefusal) -> String {
    match refusal {
        BuildRefusal::Published { label } => {
            format!("issue {label} is published and frozen; a correction is a revision, with its reason")
        }
        BuildRefusal::NothingToRevise { number } => {
            format!("issue {number} is not published: there is nothing to revise")
        }
        BuildRefusal::EmptyReason => format!("issue {number}: a revision needs a reason"),
        BuildRefusal::OtherMonth { label, month } => {
            format!("issue {label} covers {month}: a revision covers the same month")
        }
    }
}

pub fn file(conn: &Connection, label: IssueLabel, lang: &str, format: &str) -> Result<Option<BulletinFile>> {
    Ok(conn
        .query_row(
            "SELECT lang, format, bytes, sha256 FROM bulletin_file
             WHERE number = ?1 AND revision = ?2 AND lang = ?3 AND format = ?4",
            params![label.number, label.revision, lang, format],
            |row| Ok(BulletinFile { lang: row.get(0)?, format: row.get(1)?, bytes: row.get(2)?, sha256: row.get(3)? }),
        )
        .optional()?)
}

pub fn files(conn: &Connection, label: IssueLabel) -> Result<Vec<BulletinFile>> {
    let mut statement = conn.prepare_cached(
        "SELECT lang, format, bytes, sha256 FROM bulletin_file WHERE number = ?1 AND revision = ?2
         ORDER BY lang, format",
    )?;
    let rows = statement.query_map(params![label.number, label.revision], |row| {
        Ok(BulletinFile { lang: row.get(0)?, format: row.get(1)?, bytes: row.get(2)?, sha256: row.get(3)? })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

pub fn reports(conn: &Connection, label: IssueLabel) -> Result<Vec<BulletinReport>> {
    let mut statement = conn.prepare_cached(
        "SELECT kind, key, json FROM bulletin_report WHERE number = ?1 AND revision = ?2 ORDER BY kind, key",
    )?;
    let rows = statement.query_map(params![label.number, label.revision], |row| {
        Ok(BulletinReport { kind: row.get(0)?, key: row.get(1)?, json: row.get(2)? })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Publishes the draft of `number` and records `audit`, in one
/// transaction; `None` (nothing written) when there is no draft.
pub fn publish(
    conn: &mut Connection,
    number: u32,
    at: Timestamp,
    by: &str,
    audit: &AuditEntry,
) -> Result<Option<IssueLabel>> {
    let tx = conn.transaction()?;
    let revision: Option<u32> = tx
        .query_row(
            "UPDATE bulletin_issue SET status = 'published', published_at = ?2, published_by = ?3
             WHERE number = ?1 AND status = 'draft' RETURNING revision",
            params![number, stamp(at), by],
            |row| row.get(0),
        )
        .optional()?;
    let Some(revision) = revision else {
        return Ok(None);
    };
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(Some(IssueLabel::new(number, revision)))
}
