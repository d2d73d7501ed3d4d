//! The four-eyes review of an incident: an administrator or analyst who
//! neither wrote it nor changed it since its last approval (by a form or an
//! import) approves it (verified); a rejection keeps it a draft, with a
//! comment.
//!
//! A review is bound to the version the reviewer saw: the forms carry the
//! incident's fingerprint (`version`) and the last history entry shown
//! (`seen`). If the incident changed since, nothing is written and the
//! answer is a 409 page with the changes made since `seen`. The batch
//! approval of an import (`imports.rs`) goes through the same check, one
//! incident at a time, and writes all or nothing.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Deserialize;
use vigie_domain::user::{can_approve, can_approve_draft, can_read_incident};
use vigie_domain::{AuditEntry, FieldChange, Lang, Status, User};
use vigie_store::{AuditFilter, Review, Store, StoreError};

use super::href;
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::session::Session;
use crate::state::AppState;
use crate::{history, templates, version};

#[derive(Debug, Default, Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    comment: String,
    /// The fingerprint of the incident as the page showed it.
    #[serde(default)]
    version: String,
    /// The id of the latest history entry the page showed.
    #[serde(default)]
    seen: i64,
}

/// Whether a review of one incident may go ahead.
pub(crate) enum Check {
    /// Yes: this review, bound to the stored version.
    Ready(Box<Review>),
    /// No such incident, or one the reviewer may not read (the same).
    NotFound,
    Forbidden,
    /// Changed since the reviewer's page showed it.
    Stale,
    /// Approving what is verified already.
    Verified,
}

/// Checks one review by `user` of incident `id` as the page showed it
/// (`sent_version`), to `to` (verified: an approval; draft: a rejection).
pub(crate) fn check(
    store: &dyn Store,
    user: &User,
    id: &str,
    sent_version: &str,
    to: Status,
    detail: Option<&str>,
) -> Result<Check, StoreError> {
    let Some(incident) = store.incident(id)? else {
        return Ok(Check::NotFound);
    };
    if !can_read_incident(user, incident.country, incident.status == Status::Verified) {
        return Ok(Check::NotFound);
    }
    let workflow = store.incident_workflow(id)?.unwrap_or_default();
    let allowed = match to {
        Status::Verified => can_approve_draft(user, workflow.author_id, &workflow.editors),
        Status::Draft => can_approve(user, workflow.author_id),
    };
    if !allowed {
        return Ok(Check::Forbidden);
    }
    if !version::is_current(Some(sent_version), &version::fingerprint(incident.values())) {
        return Ok(Check::Stale);
    }
    // approving what is verified does nothing; rejecting it would let one
    // person take a four-eyed incident out of the figures
    if incident.status == Status::Verified {
        return Ok(Check::Verified);
    }
    let action = if to == Status::Verified { "incident.approve" } else { "incident.reject" };
    let mut audit = AuditEntry::new(jiff::Timestamp::now(), &user.email, action, "incident", Some(id))
        .with_changes(vec![FieldChange::new("status", incident.status.code(), to.code())]);
    if let Some(detail) = detail {
        audit = audit.with_detail(detail);
    }
    Ok(Check::Ready(Box::new(Review { id: id.to_string(), expected_hash: incident.content_hash(), audit })))
}

pub async fn approve(
    state: State<AppState>,
    user: RequireUser,
    id: Path<String>,
    form: Form<ReviewForm>,
) -> Result<Response, Error> {
    review(state, user, id, form, Status::Verified).await
}

pub async fn reject(
    state: State<AppState>,
    user: RequireUser,
    id: Path<String>,
    form: Form<ReviewForm>,
) -> Result<Response, Error> {
    review(state, user, id, form, Status::Draft).await
}

enum Reviewed {
    Done,
    /// Not reviewed, for this reason (never `Ready`).
    Refused(Check),
    /// Changed since the reviewer's page: the changes made since.
    Changed(Vec<AuditEntry>),
}

async fn review(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Form(form): Form<ReviewForm>,
    to: Status,
) -> Result<Response, Error> {
    let lang = user.lang;
    let comment = form.comment.trim().to_string();
    if to == Status::Draft && comment.is_empty() {
        return Err(Error::bad_request("web-error-comment"));
    }
    let current = user.session.user.clone();
    let target = id.clone();
    let result = state
        .write(move |store| {
            let comment = (!comment.is_empty()).then_some(comment);
            match check(store, &current, &target, &form.version, to, comment.as_deref())? {
                Check::Ready(review) => {
                    // the store checks the version again, in the write's transaction
                    if store.review_incidents(&[*review], to, current.id, comment.as_deref())?.is_empty() {
                        return Ok(Reviewed::Done);
                    }
                }
                Check::Stale => {}
                refused => return Ok(Reviewed::Refused(refused)),
            }
            Ok(Reviewed::Changed(changes_since(store, &target, form.seen)?))
        })
        .await;
    match result? {
        Reviewed::Done => Ok(Redirect::to(&href(&id)).into_response()),
        Reviewed::Changed(changes) => stale_page(lang, &user.session, &id, &changes),
        Reviewed::Refused(Check::Forbidden) => Err(Error::forbidden()),
        Reviewed::Refused(Check::Verified) => Err(Error::new(StatusCode::CONFLICT, "web-error-verified")),
        Reviewed::Refused(_) => Err(Error::not_found()),
    }
}

/// The incident's history entries after the one with id `seen`, latest
/// first (a reviewer reads every draft: nothing is held back).
fn changes_since(store: &dyn Store, id: &str, seen: i64) -> Result<Vec<AuditEntry>, StoreError> {
    let filter = AuditFilter { entity: Some("incident".into()), entity_id: Some(id.to_string()), ..Default::default() };
    Ok(store.audit(&filter)?.into_iter().filter(|e| e.id > seen).collect())
}

/// 409: nothing was reviewed; what changed since the page was shown.
fn stale_page(lang: Lang, session: &Session, id: &str, changes: &[AuditEntry]) -> Result<Response, Error> {
    let mut response = templates::page(
        "review_conflict.html",
        lang,
        Some(session),
        context! { id, href => href(id), history => history::rows(changes) },
    )?;
    *response.status_mut() = StatusCode::CONFLICT;
    Ok(response)
}
