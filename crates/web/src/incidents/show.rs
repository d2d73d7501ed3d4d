//! One incident's page: its fields, sources, author and last review, the
//! actions the user may take (edit, approve, reject) and its history from
//! the audit log.

use axum::extract::{Path, State};
use axum::response::Response;
use minijinja::{Value, context};
use vigie_domain::Status;
use vigie_domain::incident::Column;
use vigie_domain::user::{can_approve, can_approve_draft, can_change_incident};
use vigie_render::Labels;

use super::{href, readable};
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::history;
use crate::state::AppState;
use crate::templates;

pub async fn show(State(state): State<AppState>, user: RequireUser, Path(id): Path<String>) -> Result<Response, Error> {
    let lang = user.lang;
    let current = user.session.user.clone();
    let found = state.read(move |store| readable(store, &id, &current)).await?.ok_or_else(Error::not_found)?;
    let (incident, workflow, history, users, groups) = found;
    let labels = Labels::new(lang);
    let email = |id: Option<i64>| id.and_then(|id| users.iter().find(|u| u.id == id)).map(|u| u.email.clone());
    let shown = |column: Column| -> String {
        match column {
            Column::Country => labels.country(incident.country),
            Column::Perpetrator => groups.name(&incident.perpetrator, lang),
            Column::Target => labels.code("target", incident.target.code()),
            Column::Method => labels.code("method", incident.method.code()),
            Column::Status => labels.code("status", incident.status.code()),
            Column::DatePrecision => incident.date_precision.code().to_string(),
            other => incident.value(other),
        }
    };
    let fields: Vec<Value> = Column::ALL
        .iter()
        .filter(|c| !matches!(c, Column::Sources | Column::Description))
        .map(|&c| context! { label => labels.text(&format!("web-field-{}", c.name())), value => shown(c) })
        .collect();
    let sources: Vec<String> =
        incident.sources.split(" ; ").map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
    let me = &user.session.user;
    templates::page(
        "incident.html",
        lang,
        Some(&user.session),
        context! {
            id => incident.id.clone(),
            href => href(&incident.id),
            status => incident.status.code(),
            status_label => labels.code("status", incident.status.code()),
            fields,
            description => incident.description.clone(),
            sources,
            author => email(workflow.author_id),
            reviewer => email(workflow.reviewer_id),
            review_comment => workflow.review_comment.clone(),
            can_approve => incident.status == Status::Draft
                && can_approve_draft(me, workflow.author_id, &workflow.editors),
            // a verified incident is changed through its form (a draft again,
            // for someone else to approve), never withdrawn by one person
            can_reject => incident.status == Status::Draft && can_approve(me, workflow.author_id),
            can_edit => can_change_incident(me, incident.country, incident.status == Status::Verified),
            // the approve and reject forms are bound to what this page shows
            version => crate::version::fingerprint(incident.values()),
            seen => history.first().map(|e| e.id).unwrap_or_default(),
            history => history::rows(&history),
        },
    )
}
