//! Incidents entered in the web application: their author and reviews
//! (`incident_workflow`, migration 0010), each written with its audit
//! entry in one transaction.

use rusqlite::{Connection, OptionalExtension, params};
use vigie_domain::{AuditEntry, Incident, Status};

use super::import::{INSERT, execute_row};
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
            |row| Ok(Workflow { author_id: row.get(0)?, reviewer_id: row.get(1)?, review_comment: row.get(2)? }),
        )
        .optional()?;
    Ok(row)
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
