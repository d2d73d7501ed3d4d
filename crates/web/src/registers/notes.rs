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
use vigie_domain::{AuditEntry, CountryCode, Lang, Month, Note, NoteValidator, User, countries};
use vigie_render::Labels;
use vigie_store::NoteFilter;

use vigie_store::{Store, StoreError};

use super::form::{Field, Form, Values};
use super::save::{Record, Saved, save};
use super::{PAGE_SIZE, today};
use crate::auth::RequireUser;
use crate::cookies::percent_encode;
use crate::errors::Error;
use crate::listing::{self, Pages};
use crate::state::AppState;
use crate::templates;
use crate::version;

/// A note's key: its region group, month and country.
#[derive(Clone)]
pub(super) struct Key {
    region: String,
    month: Month,
    country: CountryCode,
}

impl Key {
    fn of(note: &Note) -> Key {
        Key { region: note.region.clone(), month: note.month, country: note.country }
    }

    /// The key of a page's address (the country in any case), if it is one.
    pub(super) fn parse(region: &str, month: &str, country: &str) -> Option<Key> {
        Some(Key {
            region: region.to_string(),
            month: Month::parse(month)?,
            country: CountryCode::new(&country.to_ascii_uppercase())?,
        })
    }

    fn edit_href(&self) -> String {
        format!("/notes/{}/{}/{}/edit", percent_encode(&self.region), self.month, self.country)
    }
}

/// As it reads in the audit log: `region/month/country`.
impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}/{}", self.region, self.month, self.country)
    }
}

impl Record for Note {
    const KIND: &'static str = "note";
    const FIELDS: &'static [&'static str] = &NOTE_COLUMNS;
    const KEY: &'static str = "country";
    const TAKEN: &'static str = "web-note-exists";

    fn audited(&self) -> Vec<String> {
        self.values()
    }

    fn entity_id(&self) -> String {
        Key::of(self).to_string()
    }

    /// The list of its region group and month.
    fn saved_page(&self) -> String {
        format!("/notes?region={}&month={}", percent_encode(&self.region), self.month)
    }

    fn write(&self, store: &mut dyn Store, stored: Option<&Self>, entry: &AuditEntry) -> Result<bool, StoreError> {
        store.save_note(self, stored, entry)
    }
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
        languages => vigie_i18n::join_and(lang, &written),
        edit => can_edit_note(user, note.country).then(|| Key::of(note).edit_href()),
    }
}

pub async fn list(
    State(state): State<AppState>,
    user: RequireUser,
    Query(query): Query<ListQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let mut filter = NoteFilter::default();
    let region = query.region.trim();
    if !region.is_empty() {
        if state.regions.get(region).is_none() {
            return Err(Error::bad_request("web-error-region"));
        }
        filter.region = Some(region.to_string());
    }
    let month = query.month.trim();
    if !month.is_empty() {
        let Some(month) = Month::parse(month) else {
            return Err(Error::bad_request("web-error-month"));
        };
        (filter.from, filter.to) = (Some(month), Some(month));
    }
    let mut notes = state.read(move |store| store.notes(&filter)).await?;
    // the latest month first; a region's countries by name
    notes.sort_by_cached_key(|n| (std::cmp::Reverse(n.month), n.region.clone(), countries().name(n.country, lang)));
    let labels = Labels::new(lang);
    let me = &user.session.user;
    let pages = Pages::new(query.page, notes.len(), PAGE_SIZE);
    let rows: Vec<Value> = notes[pages.range(notes.len())].iter().map(|n| row(n, &state, &labels, me)).collect();
    let link = |n: usize| {
        let page = n.to_string();
        format!("/notes?{}", listing::query_string(&[("region", region), ("month", month), ("page", &page)]))
    };
    let regions: Vec<Value> =
        state.regions.iter().map(|r| context! { id => r.id.clone(), name => r.name(lang).to_string() }).collect();
    templates::page(
        "notes.html",
        lang,
        Some(&user.session),
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
        .filter(|c| can_edit_note(user, *c))
        .map(|c| (c.to_string(), countries().name(c, lang)))
        .collect();
    choices.sort_by(|a, b| a.1.cmp(&b.1));
    choices
}

/// The form; `editing` is the key of the note changed (shown, fixed).
fn form(state: &AppState, user: &User, lang: Lang, editing: Option<&Key>) -> Form {
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
        Some(key) => (label("edit"), key.edit_href()),
        None => (label("new"), "/notes".to_string()),
    };
    Form { title, action, back: "/notes".into(), groups: vec![(None, key), (None, texts)] }
}

fn show_form(
    state: &AppState,
    user: &RequireUser,
    editing: Option<&Key>,
    status: StatusCode,
    values: &Values,
    errors: &HashMap<String, String>,
    message: Option<&str>,
) -> Result<Response, Error> {
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
    let note = NoteValidator::new(&state.regions, latest).note(values).map_err(|e| Saved::invalid(e, lang))?;
    if !can_edit_note(user, note.country) {
        return Err(Saved::Forbidden);
    }
    Ok(note)
}

pub async fn new_form(State(state): State<AppState>, user: RequireUser) -> Result<Response, Error> {
    if !can_write_notes(&user.session.user) {
        return Err(Error::forbidden());
    }
    show_form(&state, &user, None, StatusCode::OK, &Values::default(), &HashMap::new(), None)
}

pub async fn create(
    State(state): State<AppState>,
    user: RequireUser,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let me = user.session.user.clone();
    if !can_write_notes(&me) {
        return Err(Error::forbidden());
    }
    let values = Values::from_pairs(pairs);
    let raw: Vec<Option<String>> = NOTE_COLUMNS.iter().map(|c| values.raw(c)).collect();
    let worker = state.clone();
    let check = move |_: &mut dyn Store| Ok(checked(&worker, &raw, &me, lang).map(|note| (note, None)));
    save(&state, &user, None, check, |status, errors, message| {
        show_form(&state, &user, None, status, &values, errors, Some(message))
    })
    .await
}

/// The note of `key`, if there is one.
pub(super) fn stored(store: &dyn Store, key: &Key) -> Result<Option<Note>, StoreError> {
    let filter = NoteFilter {
        region: Some(key.region.clone()),
        from: Some(key.month),
        to: Some(key.month),
        country: Some(key.country),
    };
    Ok(store.notes(&filter)?.into_iter().next())
}

pub async fn edit_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path((region, month, country)): Path<(String, String, String)>,
) -> Result<Response, Error> {
    let Some(key) = Key::parse(&region, &month, &country) else { return Err(Error::not_found()) };
    let note = state.read(move |store| stored(store, &key)).await?.ok_or_else(Error::not_found)?;
    if !can_edit_note(&user.session.user, note.country) {
        return Err(Error::forbidden());
    }
    let mut values = Values::from_pairs(NOTE_COLUMNS.iter().map(|c| c.to_string()).zip(note.values()));
    values.push(version::FIELD, note.fingerprint());
    show_form(&state, &user, Some(&Key::of(&note)), StatusCode::OK, &values, &HashMap::new(), None)
}

pub async fn update(
    State(state): State<AppState>,
    user: RequireUser,
    Path((region, month, country)): Path<(String, String, String)>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let Some(key) = Key::parse(&region, &month, &country) else { return Err(Error::not_found()) };
    let me = user.session.user.clone();
    let values = Values::from_pairs(pairs);
    let worker = state.clone();
    let texts: Vec<Option<String>> = NOTE_COLUMNS[3..].iter().map(|c| values.raw(c)).collect();
    let wanted = key.clone();
    let check = move |store: &mut dyn Store| {
        let Some(stored) = stored(store, &wanted)? else { return Ok(Err(Saved::NotFound)) };
        if !can_edit_note(&me, stored.country) {
            return Ok(Err(Saved::Forbidden));
        }
        // the key is the page's, whatever the form says
        let mut raw: Vec<Option<String>> = stored.values()[..3].iter().cloned().map(Some).collect();
        raw.extend(texts);
        Ok(checked(&worker, &raw, &me, lang).map(|note| (note, Some(stored))))
    };
    save(&state, &user, values.get(version::FIELD), check, |status, errors, message| {
        show_form(&state, &user, Some(&key), status, &values, errors, Some(message))
    })
    .await
}
