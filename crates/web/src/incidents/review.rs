//! The four-eyes review of an incident: an administrator or analyst who
//! neither wrote it nor changed it since its last approval approves it
//! (verified); a rejection keeps it a draft, with a comment.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use vigie_domain::user::{can_approve, can_approve_draft, can_read_incident};
use vigie_domain::{AuditEntry, FieldChange, Status};

use super::href;
use crate::auth::RequireUser;
use crate::errors;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    comment: String,
}

enum Reviewed {
    Done,
    NotFound,
    Forbidden,
    Conflict,
}

pub async fn approve(state: State<AppState>, user: RequireUser, id: Path<String>, form: Form<ReviewForm>) -> Response {
    review(state, user, id, form, Status::Verified).await
}

pub async fn reject(state: State<AppState>, user: RequireUser, id: Path<String>, form: Form<ReviewForm>) -> Response {
    review(state, user, id, form, Status::Draft).await
}

async fn review(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Form(form): Form<ReviewForm>,
    to: Status,
) -> Response {
    let lang = user.lang;
    let comment = form.comment.trim().to_string();
    if to == Status::Draft && comment.is_empty() {
        return errors::page(lang, StatusCode::BAD_REQUEST, "web-error-comment");
    }
    let current = user.session.user.clone();
    let target = id.clone();
    let result = state
        .with_store(move |store| {
            let Some(incident) = store.incident(&target)? else {
                return Ok(Reviewed::NotFound);
            };
            if !can_read_incident(&current, incident.country, incident.status == Status::Verified) {
                return Ok(Reviewed::NotFound);
            }
            let workflow = store.incident_workflow(&target)?.unwrap_or_default();
            let allowed = match to {
                Status::Verified => can_approve_draft(&current, workflow.author_id, &workflow.editors),
                Status::Draft => can_approve(&current, workflow.author_id),
            };
            if !allowed {
                return Ok(Reviewed::Forbidden);
            }
            if to == Status::Verified && incident.status == Status::Verified {
                return Ok(Reviewed::Conflict);
            }
            let action = if to == Status::Verified { "incident.approve" } else { "incident.reject" };
            let mut entry = AuditEntry::new(jiff::Timestamp::now(), &current.email, action, "incident", Some(&target))
                .with_changes(vec![FieldChange::new("status", incident.status.code(), to.code())]);
            let comment = (!comment.is_empty()).then_some(comment);
            if let Some(comment) = &comment {
                entry = entry.with_detail(comment.clone());
            }
            store.review_incident(&target, to, current.id, comment.as_deref(), &entry)?;
            Ok(Reviewed::Done)
        })
        .await;
    match result {
        Ok(Reviewed::Done) => Redirect::to(&href(&id)).into_response(),
        Ok(Reviewed::NotFound) => errors::page(lang, StatusCode::NOT_FOUND, "web-error-not-found"),
        Ok(Reviewed::Forbidden) => errors::page(lang, StatusCode::FORBIDDEN, "web-error-forbidden"),
        Ok(Reviewed::Conflict) => errors::page(lang, StatusCode::CONFLICT, "web-error-verified"),
        Err(e) => errors::internal(lang, e),
    }
}
