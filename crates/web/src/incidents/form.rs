//! The incident form: a new draft (`/incidents/new`, `POST /incidents`)
//! and a change of an existing incident (`/incidents/{id}/edit`). Values
//! are checked by the domain's `Validator`; a wrong field is named next to
//! it in the page's language, with every typed value kept, and nothing is
//! written.
//!
//! A change keeps the incident's id and author (the editor is in the audit
//! log, with the fields changed before and after) and makes it a draft: a
//! verified incident changed by an analyst or administrator needs a new
//! approval, by someone who did not change it (its last review is
//! dropped). A change that changes nothing writes nothing. The form
//! carries the fingerprint of the incident it shows, so that a change made
//! meanwhile by someone else is not overwritten (409).

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use vigie_domain::incident::Column;
use vigie_domain::user::can_write_incidents;
use vigie_domain::{FieldError, Lang, Status};
use vigie_render::Labels;

use super::save::{self, Given, Saved};
use super::{FORM_FIELDS, href};
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::session::Session;
use crate::state::AppState;
use crate::templates;
use crate::version;

/// Submitted values (or those shown), by field name.
type Values = HashMap<String, String>;

/// What is wrong: a message by field name, in the page's language.
type Messages = HashMap<String, String>;

/// Which form a page shows.
enum Mode {
    New,
    /// A change of the incident `id`, as it was when the form was shown
    /// (`version`: its fingerprint, `crate::version`).
    Edit {
        id: String,
        version: String,
        verified: bool,
    },
}

/// The fields with their values and messages.
fn form_values(values: &Values, errors: &Messages, lang: Lang) -> Vec<Value> {
    let labels = Labels::new(lang);
    FORM_FIELDS
        .iter()
        .map(|c| {
            let name = c.name();
            context! {
                name,
                label => labels.text(&format!("web-field-{name}")),
                value => values.get(name).cloned().unwrap_or_default(),
                error => errors.get(name).cloned(),
                long => matches!(c, Column::Description | Column::Sources),
            }
        })
        .collect()
}

/// The messages about fields the form does not show (a change that no
/// longer fits a stored value, such as an end date), with their labels.
fn other_errors(errors: &Messages, lang: Lang) -> Vec<Value> {
    let labels = Labels::new(lang);
    let mut others: Vec<(&String, &String)> =
        errors.iter().filter(|(name, _)| !FORM_FIELDS.iter().any(|c| c.name() == name.as_str())).collect();
    others.sort();
    others
        .into_iter()
        .map(|(name, message)| context! { label => labels.text(&format!("web-field-{name}")), message })
        .collect()
}

fn form_page(
    lang: Lang,
    session: &Session,
    status: StatusCode,
    mode: &Mode,
    values: &Values,
    errors: &Messages,
    message: Option<&str>,
) -> Result<Response, Error> {
    let (action, version, verified) = match mode {
        Mode::New => ("/incidents".to_string(), None, false),
        Mode::Edit { id, version, verified } => (format!("{}/edit", href(id)), Some(version.clone()), *verified),
    };
    let mut response = templates::page(
        "incident_form.html",
        lang,
        Some(session),
        context! {
            editing => matches!(mode, Mode::Edit { .. }),
            heading => vigie_i18n::catalog().text(lang, match mode {
                Mode::New => "web-new-incident",
                Mode::Edit { .. } => "web-edit-incident",
            }),
            action,
            version,
            verified,
            fields => form_values(values, errors, lang),
            other_errors => other_errors(errors, lang),
            message => message.map(|id| vigie_i18n::catalog().text(lang, id)),
        },
    )?;
    *response.status_mut() = status;
    Ok(response)
}

/// The first message of each wrong field, in `lang`.
fn messages(errors: Vec<FieldError>, lang: Lang) -> Messages {
    let mut messages = Messages::new();
    for error in errors {
        let text = vigie_i18n::field_error(lang, &error);
        messages.entry(error.column).or_insert(text);
    }
    messages
}

pub async fn new_form(user: RequireUser) -> Result<Response, Error> {
    if !can_write_incidents(&user.session.user) {
        return Err(Error::forbidden());
    }
    form_page(user.lang, &user.session, StatusCode::OK, &Mode::New, &Values::new(), &Messages::new(), None)
}

/// The form's fields that were sent.
fn given(values: &Values) -> Given {
    FORM_FIELDS.iter().filter_map(|&c| values.get(c.name()).map(|v| (c, v.clone()))).collect()
}

pub async fn create(
    State(state): State<AppState>,
    user: RequireUser,
    Form(values): Form<Values>,
) -> Result<Response, Error> {
    let lang = user.lang;
    if !can_write_incidents(&user.session.user) {
        return Err(Error::forbidden());
    }
    let current = user.session.user.clone();
    let given = given(&values);
    let result = state.write(move |store| save::create(store, &current, &given)).await;
    let show = |status, errors: &Messages, message| {
        form_page(lang, &user.session, status, &Mode::New, &values, errors, Some(message))
    };
    match result? {
        Saved::Done(incident) => Ok(Redirect::to(&href(&incident.id)).into_response()),
        Saved::Invalid(errors) => show(StatusCode::UNPROCESSABLE_ENTITY, &messages(errors, lang), "web-form-invalid"),
        Saved::Duplicate | Saved::Stale => show(StatusCode::CONFLICT, &Messages::new(), "web-error-duplicate"),
        Saved::Forbidden => Err(Error::forbidden()),
        Saved::NotFound => Err(Error::not_found()),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let current = user.session.user.clone();
    let incident = match state.read(move |store| save::changeable(store, &id, &current)).await? {
        Ok(incident) => incident,
        Err(Saved::Forbidden) => return Err(Error::forbidden()),
        Err(_) => return Err(Error::not_found()),
    };
    let values: Values = FORM_FIELDS.iter().map(|&c| (c.name().to_string(), incident.value(c))).collect();
    let mode = Mode::Edit {
        id: incident.id.clone(),
        version: save::fingerprint(&incident),
        verified: incident.status == Status::Verified,
    };
    form_page(lang, &user.session, StatusCode::OK, &mode, &values, &Messages::new(), None)
}

pub async fn update(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Form(values): Form<Values>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let current = user.session.user.clone();
    let given = given(&values);
    let target = id.clone();
    let sent = values.get(version::FIELD).cloned();
    let (saved, verified) =
        state.write(move |store| save::change(store, &current, &target, sent.as_deref(), &given)).await?;
    // shown again with what was typed, and the version the form was opened
    // at: a stale form stays stale until it is reloaded
    let again = |status, messages: &Messages, message| {
        let mode = Mode::Edit {
            id: id.clone(),
            version: values.get(version::FIELD).cloned().unwrap_or_default(),
            verified: verified.unwrap_or_default(),
        };
        form_page(lang, &user.session, status, &mode, &values, messages, Some(message))
    };
    match saved {
        Saved::Done(incident) => Ok(Redirect::to(&href(&incident.id)).into_response()),
        Saved::Invalid(errors) => again(StatusCode::UNPROCESSABLE_ENTITY, &messages(errors, lang), "web-form-invalid"),
        Saved::Stale | Saved::Duplicate => again(StatusCode::CONFLICT, &Messages::new(), "web-error-edit-conflict"),
        Saved::Forbidden => Err(Error::forbidden()),
        Saved::NotFound => Err(Error::not_found()),
    }
}
