//! The register pages: activities, member states, partners and their
//! agreements, developments notes. Everyone logged in reads them; who
//! writes what is the domain's rules (`can_edit_activity`,
//! `can_manage_members`, `can_manage_partners`, `can_edit_note`), checked
//! here on the server for every form and every POST. A record is validated
//! by the domain's validator of its register (the same as the import's),
//! and saved with its audit entry (every field changed, before and after)
//! in one transaction, over the record as it was read: a record changed
//! meanwhile is not overwritten.

pub mod activities;
mod form;
pub mod members;
pub mod notes;
pub mod partners;

use std::collections::HashMap;

use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::Value;
use serde_json::Value as Json;
use vigie_domain::{CountryCode, FieldChange, FieldError, Lang, User, countries};

use crate::errors;
use crate::session::Session;
use crate::state::AppState;
use crate::templates;

/// Rows on one page of a list.
pub const PAGE_SIZE: usize = 50;

/// The routes of the four registers.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/activities", get(activities::list).post(activities::create))
        .route("/activities/new", get(activities::new_form))
        .route("/activities/export.csv", get(activities::export_csv))
        .route("/activities/export.jsonl", get(activities::export_jsonl))
        .route("/activities/{id}", get(activities::show))
        .route("/activities/{id}/edit", get(activities::edit_form).post(activities::update))
        .route("/members", get(members::list).post(members::create))
        .route("/members/new", get(members::new_form))
        .route("/members/{country}/edit", get(members::edit_form).post(members::update))
        .route("/partners", get(partners::list).post(partners::create))
        .route("/partners/new", get(partners::new_form))
        .route("/partners/{id}/edit", get(partners::edit_form).post(partners::update))
        .route("/partners/{id}/agreements", post(partners::create_agreement))
        .route("/partners/{id}/agreements/new", get(partners::new_agreement_form))
        .route(
            "/partners/{id}/agreements/{index}/edit",
            get(partners::edit_agreement_form).post(partners::update_agreement),
        )
        .route("/notes", get(notes::list).post(notes::create))
        .route("/notes/new", get(notes::new_form))
        .route("/notes/{region}/{month}/{country}/edit", get(notes::edit_form).post(notes::update))
}

/// A page of `name` with `values`, or the error page.
fn page(name: &str, lang: Lang, session: &Session, values: Value) -> Response {
    match templates::render(name, lang, Some(session), values) {
        Ok(html) => html.into_response(),
        Err(e) => errors::internal(lang, e),
    }
}

fn forbidden(lang: Lang) -> Response {
    errors::page(lang, StatusCode::FORBIDDEN, "web-error-forbidden")
}

fn not_found(lang: Lang) -> Response {
    errors::page(lang, StatusCode::NOT_FOUND, "web-error-not-found")
}

/// What a POST of a register form came to.
enum Saved {
    /// Written (or nothing to change): go to this page.
    Done(String),
    /// Field messages; a message id for the whole form.
    Invalid(HashMap<String, String>, &'static str),
    /// The same, when the record exists already or was changed meanwhile.
    Conflict(HashMap<String, String>, &'static str),
    Forbidden,
    NotFound,
}

impl Saved {
    /// The page of a refusal, or the redirection after a save; `form`
    /// re-shows the form with the values typed and the messages.
    fn respond(
        self,
        lang: Lang,
        form: impl FnOnce(StatusCode, &HashMap<String, String>, &'static str) -> Response,
    ) -> Response {
        match self {
            Saved::Done(to) => Redirect::to(&to).into_response(),
            Saved::Invalid(messages, id) => form(StatusCode::UNPROCESSABLE_ENTITY, &messages, id),
            Saved::Conflict(messages, id) => form(StatusCode::CONFLICT, &messages, id),
            Saved::Forbidden => forbidden(lang),
            Saved::NotFound => not_found(lang),
        }
    }
}

/// The validator's messages by field, the first of each, in `lang` (in
/// English when the domain has no translation of that problem).
fn messages(field_errors: Vec<FieldError>, lang: Lang) -> HashMap<String, String> {
    let mut messages = HashMap::new();
    for e in field_errors {
        let message = vigie_i18n::field_error(lang, &e);
        messages.entry(e.column).or_insert(message);
    }
    messages
}

/// One message (a catalogue id's text) on one field.
fn message_on(field: &str, lang: Lang, id: &str) -> HashMap<String, String> {
    HashMap::from([(field.to_string(), vigie_i18n::catalog().text(lang, id))])
}

/// The fields that differ between a record's values before (`None`: a new
/// record, whose empty fields are left out) and after, by column.
fn changes(columns: &[&str], before: Option<&[String]>, after: &[String]) -> Vec<FieldChange> {
    columns
        .iter()
        .zip(after)
        .enumerate()
        .filter_map(|(index, (column, after))| match before {
            None if after.is_empty() => None,
            None => Some(FieldChange::new(column, Json::Null, after.as_str())),
            Some(before) if before[index] == *after => None,
            Some(before) => Some(FieldChange::new(column, before[index].as_str(), after.as_str())),
        })
        .collect()
}

/// The countries a user may pick as a record's country: a delegate's own,
/// else every country; by name in `lang`.
fn country_choices(user: &User, lang: Lang) -> Vec<(String, String)> {
    let mut choices: Vec<(String, String)> = countries()
        .iter()
        .filter(|c| user.role != vigie_domain::Role::Delegate || user.countries.contains(&c.code))
        .map(|c| (c.code.to_string(), c.name(lang).to_string()))
        .collect();
    choices.sort_by(|a, b| a.1.cmp(&b.1));
    choices
}

/// A country's name in `lang`, empty for none.
fn country_name(code: Option<CountryCode>, lang: Lang) -> String {
    code.map(|c| countries().name(c, lang)).unwrap_or_default()
}

/// The links of a list's pages.
struct Pages {
    number: usize,
    count: usize,
}

impl Pages {
    fn new(requested: Option<usize>, total: usize) -> Pages {
        let count = total.div_ceil(PAGE_SIZE).max(1);
        Pages { number: requested.unwrap_or(1).clamp(1, count), count }
    }

    fn range(&self, total: usize) -> std::ops::Range<usize> {
        let start = (self.number - 1) * PAGE_SIZE;
        start.min(total)..(start + PAGE_SIZE).min(total)
    }

    /// `page`, `pages`, `previous`, `next` for the template; `link` makes
    /// the address of a page.
    fn values(&self, link: impl Fn(usize) -> String) -> Value {
        minijinja::context! {
            page => self.number,
            pages => self.count,
            previous => (self.number > 1).then(|| link(self.number - 1)),
            next => (self.number < self.count).then(|| link(self.number + 1)),
        }
    }
}

/// A query string of the non-empty pairs.
fn query_string(pairs: &[(&str, &str)]) -> String {
    let pairs: Vec<(&str, &str)> = pairs.iter().copied().filter(|(_, v)| !v.trim().is_empty()).collect();
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// Today in UTC.
fn today() -> jiff::civil::Date {
    jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_of_a_new_record_leave_empty_fields_out() {
        let after = ["a".to_string(), String::new(), "c".to_string()];
        let found = changes(&["x", "y", "z"], None, &after);
        let fields: Vec<&str> = found.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["x", "z"]);
        assert_eq!(found[0].before, Json::Null);
    }

    #[test]
    fn changes_of_an_edit_are_the_fields_that_differ() {
        let before = ["a".to_string(), "b".to_string(), "c".to_string()];
        let after = ["a".to_string(), String::new(), "d".to_string()];
        let found = changes(&["x", "y", "z"], Some(&before), &after);
        assert_eq!(found, [FieldChange::new("y", "b", ""), FieldChange::new("z", "c", "d")]);
    }

    #[test]
    fn pages_stay_in_range() {
        let pages = Pages::new(Some(9), 120);
        assert_eq!((pages.number, pages.count), (3, 3));
        assert_eq!(pages.range(120), 100..120);
        assert_eq!(Pages::new(None, 0).range(0), 0..0);
        assert_eq!(Pages::new(Some(0), 10).number, 1);
    }
}
