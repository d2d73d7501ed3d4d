//! Incidents entered in the web application: their author and reviews
//! (`incident_workflow`, migration 0010), each written with its audit
//! entry in one transaction.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use vigie_domain::{AuditEntry, Incident, Status};

use super::import::{INSERT, UPDATE, execute_row};
use super::users::insert_audit;
use crate::{ImportCounts, ImportRun, Result, Review, Workflow};

pub fn create(conn: &mut Connection, incident: &Incident, author_id: i64, audit: &AuditEntry) -> Result<bool> {
    let tx = conn.transaction()?;
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM incident WHERE id = ?1)
             OR EXISTS (SELECT 1 FROM incident_alias WHERE alias = ?1)",
        [&incident.id],
        |row| row.get(0),
    )?;
    if exists {
        return Ok(false);
    }
    execute_row(&mut tx.prepare(INSERT)?, incident, incident.content_hash(), None)?;
    tx.execute(
        "INSERT INTO incident_workflow (incident_id, author_id) VALUES (?1, ?2)",
        params![incident.id, author_id],
    )?;
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(true)
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Workflow>> {
    let row = conn
        .query_row(
            "SELECT w.author_id, w.reviewer_id, w.review_comment
             FROM incident i LEFT JOIN incident_workflow w ON w.incident_id = i.id WHERE i.id = ?1",
            [id],
            |row| {
                Ok(Workflow {
                    author_id: row.get(0)?,
                    reviewer_id: row.get(1)?,
                    review_comment: row.get(2)?,
                    editors: Vec::new(),
                })
            },
        )
        .optional()?;
    let Some(mut workflow) = row else {
        return Ok(None);
    };
    // the audit log says who changed it since it was last approved
    let mut editors = conn.prepare(
        "SELECT DISTINCT u.id FROM audit_log a JOIN app_user u ON u.email = a.actor
         WHERE a.entity = 'incident' AND a.entity_id = ?1 AND a.action IN ('incident.update', 'incident.import')
           AND a.id > coalesce((SELECT max(id) FROM audit_log
                                WHERE entity = 'incident' AND entity_id = ?1 AND action = 'incident.approve'), 0)
         ORDER BY u.id",
    )?;
    workflow.editors = editors.query_map([id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(Some(workflow))
}

/// Replaces an incident with its changed version, if the stored one is
/// still the one the change started from (`expected_hash`, its
/// `content_hash()`); a verified
/// incident made a draft again loses its last review.
pub fn update(conn: &mut Connection, incident: &Incident, expected_hash: i64, audit: &AuditEntry) -> Result<bool> {
    // IMMEDIATE: no other writer between the check and the update
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // the fingerprint of the row as read, as the caller computed it
    let Some(stored) = super::query::incident(&tx, &incident.id)? else {
        return Ok(false);
    };
    if stored.content_hash() != expected_hash {
        return Ok(false);
    }
    // it stays with the import that brought it, whose page lists its drafts
    let import_id: Option<i64> =
        tx.query_row("SELECT import_id FROM incident WHERE id = ?1", [&incident.id], |row| row.get(0))?;
    execute_row(&mut tx.prepare(UPDATE)?, incident, incident.content_hash(), import_id)?;
    if stored.status == Status::Verified && incident.status == Status::Draft {
        tx.execute(
            "UPDATE incident_workflow SET reviewer_id = NULL, review_comment = NULL WHERE incident_id = ?1",
            [&incident.id],
        )?;
    }
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(true)
}

/// Reviews every incident of `reviews` in one transaction, each only if
/// it is still the version its reviewer saw; the ids that are not (changed
/// or gone) come back, and then nothing is written.
pub fn review(
    conn: &mut Connection,
    reviews: &[Review],
    status: Status,
    reviewer_id: i64,
    comment: Option<&str>,
) -> Result<Vec<String>> {
    // IMMEDIATE: no other writer between the checks and the writes
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut stale = Vec::new();
    for review in reviews {
        // the status is part of the content: keep the fingerprint right, so
        // that a re-import of the same row is still "unchanged"
        let Some(mut incident) = super::query::incident(&tx, &review.id)? else {
            stale.push(review.id.clone());
            continue;
        };
        if incident.content_hash() != review.expected_hash {
            stale.push(review.id.clone());
            continue;
        }
        incident.status = status;
        tx.execute(
            "UPDATE incident SET status = ?2, content_hash = ?3 WHERE id = ?1",
            params![review.id, status.code(), incident.content_hash()],
        )?;
        tx.execute(
            "INSERT INTO incident_workflow (incident_id, reviewer_id, review_comment) VALUES (?1, ?2, ?3)
             ON CONFLICT (incident_id) DO UPDATE SET reviewer_id = excluded.reviewer_id,
                 review_comment = excluded.review_comment",
            params![review.id, reviewer_id, comment],
        )?;
        insert_audit(&tx, &review.audit)?;
    }
    if stale.is_empty() {
        tx.commit()?;
    }
    Ok(stale)
}

const RUN_COLUMNS: &str = "r.id, r.started_at, r.source, r.format, r.actor, r.new, r.updated, r.unchanged, r.rejected,
    r.skipped, (SELECT count(*) FROM incident i WHERE i.import_id = r.id AND i.status = 'draft')";

fn run_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ImportRun> {
    let count = |i: usize| -> rusqlite::Result<u64> { Ok(row.get::<_, i64>(i)?.max(0) as u64) };
    Ok(ImportRun {
        id: row.get(0)?,
        started_at: row.get(1)?,
        source: row.get(2)?,
        format: row.get(3)?,
        actor: row.get(4)?,
        counts: ImportCounts {
            new: count(5)?,
            updated: count(6)?,
            unchanged: count(7)?,
            rejected: count(8)?,
            skipped: count(9)?,
        },
        drafts: count(10)?,
    })
}

pub fn import_run(conn: &Connection, id: i64) -> Result<Option<ImportRun>> {
    let sql = format!("SELECT {RUN_COLUMNS} FROM import_run r WHERE r.id = ?1");
    Ok(conn.query_row(&sql, [id], run_from_row).optional()?)
}

pub fn import_runs_with_drafts(conn: &Connection, limit: u64) -> Result<Vec<ImportRun>> {
    let sql = format!(
        "SELECT {RUN_COLUMNS} FROM import_run r
         WHERE r.id IN (SELECT DISTINCT import_id FROM incident WHERE status = 'draft' AND import_id IS NOT NULL)
         ORDER BY r.id DESC LIMIT ?1"
    );
    let mut statement = conn.prepare(&sql)?;
    let runs = statement.query_map([limit as i64], run_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(runs)
}
