//! The drafts an import left, for a second person to approve: `/imports`
//! lists the imports with drafts waiting (for those who approve),
//! `/imports/{id}` one import's drafts, each with a box to tick when the
//! reader may approve it, and `POST /imports/{id}/approve` approves the
//! ticked ones at once.
//!
//! A batch approval is the single approval repeated (`review::check` for
//! each incident: four eyes, the version the page showed) and writes all or
//! nothing: if one incident changed since the page was shown, none is
//! approved and the page says which. Each incident gets its own
//! `incident.approve` audit entry.

use axum::extract::{Path, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use vigie_domain::user::{can_approve, can_approve_draft, can_read_incident};
use vigie_domain::{Status, User};
use vigie_render::Labels;
use vigie_store::{ImportRun, IncidentFilter, Store, StoreError};

use super::href;
use super::review::{Check, check};
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::state::AppState;
use crate::{templates, version};

/// The most drafts one page lists (and one batch approves).
const BATCH_LIMIT: u64 = 500;
/// The imports `/imports` lists.
const RUNS_LISTED: u64 = 100;

/// Whether `user` may see the run: those who approve, and whoever ran it.
fn may_see(user: &User, run: &ImportRun) -> bool {
    can_approve(user, None) || run.actor.as_deref() == Some(user.email.as_str())
}

fn run_value(run: &ImportRun) -> Value {
    context! {
        id => run.id,
        href => format!("/imports/{}", run.id),
        started_at => run.started_at.clone(),
        source => run.source.clone(),
        format => run.format.clone(),
        actor => run.actor.clone().unwrap_or_default(),
        drafts => run.drafts,
        new => run.counts.new,
        updated => run.counts.updated,
    }
}

pub async fn list(State(state): State<AppState>, user: RequireUser) -> Result<Response, Error> {
    let lang = user.lang;
    if !can_approve(&user.session.user, None) {
        return Err(Error::forbidden());
    }
    let runs = state.read(|store| store.import_runs_with_drafts(RUNS_LISTED)).await?;
    templates::page(
        "imports.html",
        lang,
        Some(&user.session),
        context! { runs => runs.iter().map(run_value).collect::<Vec<_>>() },
    )
}

/// One draft of the run as the page lists it.
struct Draft {
    incident: vigie_domain::Incident,
    approvable: bool,
}

fn drafts(store: &dyn Store, user: &User, run_id: i64) -> Result<Vec<Draft>, StoreError> {
    let filter = IncidentFilter {
        import_id: Some(run_id),
        status: Some(Status::Draft),
        limit: Some(BATCH_LIMIT),
        ..Default::default()
    };
    let mut incidents = Vec::new();
    store.incidents(&filter, &mut |incident| {
        if can_read_incident(user, incident.country, false) {
            incidents.push(incident);
        }
        Ok(())
    })?;
    incidents
        .into_iter()
        .map(|incident| {
            let workflow = store.incident_workflow(&incident.id)?.unwrap_or_default();
            let approvable = can_approve_draft(user, workflow.author_id, &workflow.editors);
            Ok(Draft { incident, approvable })
        })
        .collect()
}

/// The run and its drafts, `None` when there is none the user may see.
type RunPage = Option<(ImportRun, Vec<Draft>)>;

fn run_page(store: &dyn Store, user: &User, id: i64) -> Result<RunPage, StoreError> {
    let Some(run) = store.import_run(id)?.filter(|run| may_see(user, run)) else {
        return Ok(None);
    };
    let drafts = drafts(store, user, id)?;
    Ok(Some((run, drafts)))
}

fn render(
    lang: vigie_domain::Lang,
    user: &RequireUser,
    run: &ImportRun,
    drafts: &[Draft],
    status: StatusCode,
    message: Option<(&str, Vec<String>)>,
) -> Result<Response, Error> {
    let labels = Labels::new(lang);
    let rows: Vec<Value> = drafts
        .iter()
        .map(|d| {
            let i = &d.incident;
            context! {
                id => i.id.clone(), href => href(&i.id), date => i.date.to_string(),
                country => labels.country(i.country), location => i.location.clone(),
                killed => i.killed, wounded => i.wounded,
                // the box's value: the id and the version this page shows
                item => format!("{} {}", version::fingerprint(i.values()), i.id),
                approvable => d.approvable,
            }
        })
        .collect();
    let (message, ids) = message.map(|(m, ids)| (Some(m), ids)).unwrap_or((None, Vec::new()));
    let mut response = templates::page(
        "import_run.html",
        lang,
        Some(&user.session),
        context! {
            run => run_value(run),
            drafts => rows,
            any_approvable => drafts.iter().any(|d| d.approvable),
            message => message.map(|id| vigie_i18n::catalog().text(lang, id)),
            ids,
        },
    )?;
    *response.status_mut() = status;
    Ok(response)
}

pub async fn show(State(state): State<AppState>, user: RequireUser, Path(id): Path<i64>) -> Result<Response, Error> {
    let lang = user.lang;
    let current = user.session.user.clone();
    let (run, drafts) = state.read(move |store| run_page(store, &current, id)).await?.ok_or_else(Error::not_found)?;
    render(lang, &user, &run, &drafts, StatusCode::OK, None)
}

/// What a batch approval did.
enum Batch {
    Done,
    NotFound,
    /// Nothing ticked.
    Empty,
    /// Not approved: these incidents may not be approved by the user.
    Forbidden(Vec<String>),
    /// Not approved: these incidents changed since the page was shown.
    Stale(Vec<String>),
}

/// The ticked boxes: `item` fields, each "VERSION ID", each id once.
fn items(body: &[u8]) -> Vec<(String, String)> {
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(body).unwrap_or_default();
    let mut seen = std::collections::HashSet::new();
    fields
        .into_iter()
        .filter(|(name, _)| name == "item")
        .filter_map(|(_, value)| value.split_once(' ').map(|(v, id)| (v.to_string(), id.to_string())))
        .filter(|(_, id)| seen.insert(id.clone()))
        .take(BATCH_LIMIT as usize)
        .collect()
}

/// The ids of the run's drafts: a batch approves those only.
fn run_drafts(store: &dyn Store, run_id: i64) -> Result<std::collections::HashSet<String>, StoreError> {
    let filter = IncidentFilter { import_id: Some(run_id), status: Some(Status::Draft), ..Default::default() };
    let mut ids = std::collections::HashSet::new();
    store.incidents(&filter, &mut |incident| {
        ids.insert(incident.id);
        Ok(())
    })?;
    Ok(ids)
}

pub async fn approve(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<i64>,
    RawForm(body): RawForm,
) -> Result<Response, Error> {
    let lang = user.lang;
    let current = user.session.user.clone();
    let items = items(&body);
    let result = state
        .write(move |store| {
            if store.import_run(id)?.filter(|run| may_see(&current, run)).is_none() {
                return Ok(Batch::NotFound);
            }
            if items.is_empty() {
                return Ok(Batch::Empty);
            }
            let detail = format!("import {id}");
            let in_run = run_drafts(store, id)?;
            let (mut reviews, mut forbidden, mut stale) = (Vec::new(), Vec::new(), Vec::new());
            for (sent, incident) in &items {
                if !in_run.contains(incident) {
                    // another import's, or verified meanwhile: not this page's
                    stale.push(incident.clone());
                    continue;
                }
                match check(store, &current, incident, sent, Status::Verified, Some(&detail))? {
                    Check::Ready(review) => reviews.push(*review),
                    Check::Stale | Check::Verified => stale.push(incident.clone()),
                    Check::NotFound | Check::Forbidden => forbidden.push(incident.clone()),
                }
            }
            if !forbidden.is_empty() {
                return Ok(Batch::Forbidden(forbidden));
            }
            if !stale.is_empty() {
                return Ok(Batch::Stale(stale));
            }
            let stale = store.review_incidents(&reviews, Status::Verified, current.id, None)?;
            Ok(if stale.is_empty() { Batch::Done } else { Batch::Stale(stale) })
        })
        .await;
    let refused = |status, message: &'static str, ids: Vec<String>| async move {
        let current = user.session.user.clone();
        let found = state.read(move |store| run_page(store, &current, id)).await?;
        let (run, drafts) = found.ok_or_else(Error::not_found)?;
        render(lang, &user, &run, &drafts, status, Some((message, ids)))
    };
    match result? {
        Batch::Done => Ok(Redirect::to(&format!("/imports/{id}")).into_response()),
        Batch::NotFound => Err(Error::not_found()),
        Batch::Empty => refused(StatusCode::BAD_REQUEST, "web-imports-none-ticked", Vec::new()).await,
        Batch::Forbidden(ids) => refused(StatusCode::FORBIDDEN, "web-imports-forbidden", ids).await,
        Batch::Stale(ids) => refused(StatusCode::CONFLICT, "web-imports-stale", ids).await,
    }
}
