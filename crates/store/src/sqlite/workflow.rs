//! Incidents entered in the web application: their author and reviews
//! (`incident_workflow`, migration 0010), each written with its audit
//! entry in one transaction.

use rusqlite::{Connection, OptionalExtension, params};
use vigie_domain::{AuditEntry, Incident, Status};

use super::import::INSERT;
use super::users::insert_audit;
use crate::{Result, Workflow};

fn empty_as_null(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

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
    tx.execute(
        INSERT,
        params![
            incident.id,
            incident.date.to_string(),
            incident.date_end.map(|d| d.to_string()),
            incident.date_precision.code(),
            incident.country.as_str(),
            empty_as_null(&incident.admin1),
            empty_as_null(&incident.location),
            incident.latitude,
            incident.longitude,
            incident.geo_precision,
            incident.perpetrator,
            incident.target.code(),
            incident.method.code(),
            incident.killed,
            incident.wounded,
            incident.kidnapped,
            incident.perpetrators_killed,
            empty_as_null(&incident.description),
            empty_as_null(&incident.sources),
            incident.status.code(),
            incident.content_hash(),
            None::<i64>,
        ],
    )?;
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
