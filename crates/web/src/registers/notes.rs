//! The developments notes: one country's account of a month in a region
//! group, in fr, en and ar. The list (region and month filters, latest
//! month first, pages) for everyone; the form that writes or changes one
//! for administrators and analysts (any country) and delegates (their own
//! countries only: `can_edit_note`), checked by the domain's
//! `NoteValidator` (the country must be in the group's table that month).

use std::collections::HashMap;

use axum::Form as PostedForm;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::note::NOTE_COLUMNS;
use vigie_domain::user::{can_edit_note, can_write_notes};
use vigie_domain::{AuditEntry, CountryCode, Lang, Month, Note, NoteValidator, Role, User, countries};
use vigie_render::Labels;
use vigie_store::NoteFilter;

use super::form::{Field, Form, Values};
use super::{Pages, Saved, changes, message_on, messages, page, today};
use crate::auth::RequireUser;
use crate::cookies::percent_encode;
use crate::errors;
use crate::state::AppState;

/// A note's key as it reads in addresses and the audit log:
/// `region/month/country`.
fn key(note: &Note) -> String {
    format!("{}/{}/{}", note.region, note.month, note.country)
}

fn edit_href(note: &Note) -> String {
    format!("/notes/{}/{}/{}/edit", percent_encode(&note.region), note.month, note.country)
}

/// The list's parameters.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    region: String,
    /// `YYYY-MM`.
    #[serde(default)]
    month: String,
    page: Option<usize>,
}

/// The text in `lang`, else the first there is, and its language.
fn text_in(note: &Note, lang: Lang) -> (&str, Lang) {
    [lang, Lang::En, Lang::Fr, Lang::Ar]
        .into_iter()
        .map(|l| (note.text.get(l), l))
        .find(|(text, _)| !text.is_empty())
        .unwrap_or(("", lang))
}

fn row(note: &Note, state: &AppState, labels: &Labels, user: &User) -> Value {
    let lang = labels.lang;
    let (text, text_lang) = text_in(note, lang);
    let written: Vec<&str> = Lang::ALL.iter().filter(|l| !note.text.get(**l).is_empty()).map(|l| l.code()).collect();
    context! {
        month => labels.month(note.month),
        region => state.regions.get(&note.region).map_or(note.region.clone(), |r| r.name(lang).to_string()),
        country => countries().name(note.country, lang),
        text,
        text_lang => text_lang.code(),
        languages => written.join(", "),
        edit => can_edit_note(user, note.country).then(|| edit_href(note)),
    }
}

pub async fn list(State(state): State<AppState>, user: RequireUser, Query(query): Query<ListQuery>) -> Response {
    let lang = user.lang;
    let mut filter = NoteFilter::default();
    let region = query.region.trim();
    if !region.is_empty() {
        if state.regions.get(region).is_none() {
            return errors::page(lang, StatusCode::BAD_REQUEST, "web-error-region");
        }
        filter.region = Some(region.to_string());
    }
    let month = query.month.trim();
    if !month.is_empty() {
        let Some(month) = Month::parse(month) else {
            return errors::page(lang, StatusCode::BAD_REQUEST, "web-error-month");
        };
        (filter.from, filter.to) = (Some(month), Some(month));
    }
    let mut notes = match state.with_store(move |store| store.notes(&filter)).await {
        Ok(notes) => notes,
        Err(e) => return errors::internal(lang, e),
    };
    // the latest month first; a region's countries by name
    notes.sort_by_cached_key(|n| (std::cmp::Reverse(n.month), n.region.clone(), countries().name(n.country, lang)));
    let labels = Labels::new(lang);
    let me = &user.session.user;
    let pages = Pages::new(query.page, notes.len());
    let rows: Vec<Value> = notes[pages.range(notes.len())].iter().map(|n| row(n, &state, &labels, me)).collect();
    let link = |n: usize| {
        let page = n.to_string();
        format!("/notes?{}", super::query_string(&[("region", region), ("month", month), ("page", &page)]))
    };
    let regions: Vec<Value> =
        state.regions.iter().map(|r| context! { id => r.id.clone(), name => r.name(lang).to_string() }).collect();
    page(
        "notes.html",
        lang,
        &user.session,
        context! {
            notes => rows,
            total => notes.len(),
            pager => pages.values(link),
            regions,
            q => context! { region, month },
            can_create => can_write_notes(me),
        },
    )
}

/// The countries a user may write a note of: those of the region groups'
/// tables (a delegate's own only), by name.
fn note_countries(state: &AppState, user: &User, lang: Lang) -> Vec<(String, String)> {
    let mut codes: Vec<CountryCode> = state.regions.iter().flat_map(|r| r.members.iter().map(|m| m.country)).collect();
    codes.sort();
    codes.dedup();
    let mut choices: Vec<(String, String)> = codes
        .into_iter()
        .filter(|c| user.role != Role::Delegate || user.countries.contains(c))
        .map(|c| (c.to_string(), countries().name(c, lang)))
        .collect();
    choices.sort_by(|a, b| a.1.cmp(&b.1));
    choices
}

/// The form; `editing` is the note changed (its key shown, fixed).
fn form(state: &AppState, user: &User, lang: Lang, editing: Option<&Note>) -> Form {
    let label = |id: &str| vigie_i18n::catalog().text(lang, &format!("web-note-{id}"));
    let key = match editing {
        Some(note) => vec![
            Field::fixed(
                "region",
                label("region"),
                state.regions.get(&note.region).map_or(note.region.clone(), |r| r.name(lang).to_string()),
            ),
            Field::fixed("month", label("month"), Labels::new(lang).month(note.month)),
            Field::fixed("country", label("country"), countries().name(note.country, lang)),
        ],
        None => vec![
            Field::select(
                "region",
                label("region"),
                state.regions.iter().map(|r| (r.id.clone(), r.name(lang).to_string())).collect(),
            ),
            Field::text("month", label("month")).hint("YYYY-MM"),
            Field::select("country", label("country"), note_countries(state, user, lang)),
        ],
    };
    let texts = vec![
        Field::long("text_fr", label("text_fr")),
        Field::long("text_en", label("text_en")),
        Field::long("text_ar", label("text_ar")),
    ];
    let (title, action) = match editing {
        Some(note) => (label("edit"), edit_href(note)),
        None => (label("new"), "/notes".to_string()),
    };
    Form { title, action, back: "/notes".into(), groups: vec![(None, key), (None, texts)] }
}

fn show_form(
    state: &AppState,
    user: &RequireUser,
    editing: Option<&Note>,
    status: StatusCode,
    values: &Values,
    errors: &HashMap<String, String>,
    message: Option<&str>,
) -> Response {
    form(state, &user.session.user, user.lang, editing).render(
        user.lang,
        &user.session,
        status,
        values,
        errors,
        message,
    )
}

/// The note a form's values make, checked, and whether `user` may write
/// it; or what to answer.
fn checked(state: &AppState, values: &[Option<String>], user: &User, lang: Lang) -> Result<Note, Saved> {
    // a country the user may not write is refused before anything else is
    // said about the form
    if let Some(country) = values[2].as_deref().and_then(|c| countries().resolve(c))
        && !can_edit_note(user, country.code)
    {
        return Err(Saved::Forbidden);
    }
    let latest = Month::of(today());
    let note = NoteValidator::new(&state.regions, latest)
        .note(values)
        .map_err(|e| Saved::Invalid(messages(e, lang), "web-form-invalid"))?;
    if !can_edit_note(user, note.country) {
        return Err(Saved::Forbidden);
    }
    Ok(note)
}

pub async fn new_form(State(state): State<AppState>, user: RequireUser) -> Response {
    if !can_write_notes(&user.session.user) {
        return super::forbidden(user.lang);
    }
    show_form(&state, &user, None, StatusCode::OK, &Values::default(), &HashMap::new(), None)
}

pub async fn create(
    State(state): State<AppState>,
    user: RequireUser,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Response {
    let lang = user.lang;
    let me = user.session.user.clone();
    if !can_write_notes(&me) {
        return super::forbidden(lang);
    }
    let values = Values::from_pairs(pairs);
    let raw: Vec<Option<String>> = NOTE_COLUMNS.iter().map(|c| values.raw(c)).collect();
    let worker = state.clone();
    let saved = state
        .with_store(move |store| {
            let note = match checked(&worker, &raw, &me, lang) {
                Ok(note) => note,
                Err(refused) => return Ok(refused),
            };
            let entry = AuditEntry::new(jiff::Timestamp::now(), &me.email, "note.create", "note", Some(&key(&note)))
                .with_changes(changes(&NOTE_COLUMNS, None, &note.values()));
            if store.save_note(&note, None, &entry)? {
                Ok(Saved::Done(format!("/notes?region={}&month={}", percent_encode(&note.region), note.month)))
            } else {
                Ok(Saved::Conflict(message_on("country", lang, "web-note-exists"), "web-register-exists"))
            }
        })
        .await;
    match saved {
        Ok(saved) => saved.respond(lang, |status, errors, message| {
            show_form(&state, &user, None, status, &values, errors, Some(message))
        }),
        Err(e) => errors::internal(lang, e),
    }
}

/// The note at the page's address, if there is one.
fn stored(
    store: &dyn vigie_store::Store,
    region: &str,
    month: &str,
    country: &str,
) -> Result<Option<Note>, vigie_store::StoreError> {
    let (Some(month), Some(country)) = (Month::parse(month), CountryCode::new(&country.to_ascii_uppercase())) else {
        return Ok(None);
    };
    let filter =
        NoteFilter { region: Some(region.to_string()), from: Some(month), to: Some(month), country: Some(country) };
    Ok(store.notes(&filter)?.into_iter().next())
}

pub async fn edit_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path((region, month, country)): Path<(String, String, String)>,
) -> Response {
    let lang = user.lang;
    let note = match state.with_store(move |store| stored(store, &region, &month, &country)).await {
        Ok(Some(note)) => note,
        Ok(None) => return super::not_found(lang),
        Err(e) => return errors::internal(lang, e),
    };
    if !can_edit_note(&user.session.user, note.country) {
        return super::forbidden(lang);
    }
    let values = Values::from_pairs(NOTE_COLUMNS.iter().map(|c| c.to_string()).zip(note.values()));
    show_form(&state, &user, Some(&note), StatusCode::OK, &values, &HashMap::new(), None)
}

pub async fn update(
    State(state): State<AppState>,
    user: RequireUser,
    Path((region, month, country)): Path<(String, String, String)>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Response {
    let lang = user.lang;
    let me = user.session.user.clone();
    let values = Values::from_pairs(pairs);
    let worker = state.clone();
    let texts: Vec<Option<String>> = NOTE_COLUMNS[3..].iter().map(|c| values.raw(c)).collect();
    let saved = state
        .with_store(move |store| {
            let Some(stored) = stored(store, &region, &month, &country)? else {
                return Ok((Saved::NotFound, None));
            };
            if !can_edit_note(&me, stored.country) {
                return Ok((Saved::Forbidden, None));
            }
            // the key is the page's, whatever the form says
            let mut raw: Vec<Option<String>> = stored.values()[..3].iter().cloned().map(Some).collect();
            raw.extend(texts);
            let note = match checked(&worker, &raw, &me, lang) {
                Ok(note) => note,
                Err(refused) => return Ok((refused, Some(stored))),
            };
            let changed = changes(&NOTE_COLUMNS, Some(&stored.values()), &note.values());
            let done = format!("/notes?region={}&month={}", percent_encode(&note.region), note.month);
            if changed.is_empty() {
                return Ok((Saved::Done(done), None));
            }
            let entry = AuditEntry::new(jiff::Timestamp::now(), &me.email, "note.update", "note", Some(&key(&note)))
                .with_changes(changed);
            if store.save_note(&note, Some(&stored), &entry)? {
                Ok((Saved::Done(done), None))
            } else {
                Ok((Saved::Conflict(HashMap::new(), "web-register-changed"), Some(stored)))
            }
        })
        .await;
    match saved {
        Ok((saved, note)) => saved.respond(lang, |status, errors, message| {
            show_form(&state, &user, note.as_ref(), status, &values, errors, Some(message))
        }),
        Err(e) => errors::internal(lang, e),
    }
}
