//! Incidents entered in the web application: their author and reviews
//! (`incident_workflow`, migration 0010), each written with its audit
//! entry in one transaction.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use vigie_domain::{AuditEntry, Incident, Status};

use super::import::{INSERT, UPDATE, execute_row};
use super::users::insert_audit;
use crate::{Result, Workflow};

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
         WHERE a.entity = 'incident' AND a.entity_id = ?1 AND a.action = 'incident.update'
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
    execute_row(&mut tx.prepare(UPDATE)?, incident, incident.content_hash(), None)?;
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

pub fn review(
    conn: &mut Connection,
    id: &str,
    status: Status,
    reviewer_id: i64,
    comment: Option<&str>,
    audit: &AuditEntry,
) -> Result<bool> {
    let tx = conn.transaction()?;
    // the status is part of the content: keep the fingerprint right, so
    // that a re-import of the same row is still "unchanged"
    let Some(mut incident) = super::query::incident(&tx, id)? else {
        return Ok(false);
    };
    incident.status = status;
    tx.execute(
        "UPDATE incident SET status = ?2, content_hash = ?3 WHERE id = ?1",
        params![id, status.code(), incident.content_hash()],
    )?;
    tx.execute(
        "INSERT INTO incident_workflow (incident_id, reviewer_id, review_comment) VALUES (?1, ?2, ?3)
         ON CONFLICT (incident_id) DO UPDATE SET reviewer_id = excluded.reviewer_id,
             review_comment = excluded.review_comment",
        params![id, reviewer_id, comment],
    )?;
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(true)
}
