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
pub mod organisations;
pub mod partners;
mod save;
pub mod translations;

use axum::Router;
use axum::routing::{get, post};
use vigie_domain::{CountryCode, Lang, countries};

use crate::state::AppState;

/// Rows on one page of a list.
pub const PAGE_SIZE: usize = 50;

/// The routes of the four registers.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/activities", get(activities::list).post(activities::create))
        .route("/activities/new", get(activities::new_form))
        .route("/activities/export.csv", get(activities::export_csv))
        .route("/activities/export.jsonl", get(activities::export_jsonl))
        .route("/activities/counterparts.csv", get(activities::export_people_csv))
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
        .route("/organisations", get(organisations::list))
        .route("/organisations/{id}", get(organisations::show))
        .route("/translations", get(translations::list))
        .route("/translations/activity/{id}", get(translations::activity_form).post(translations::activity_save))
        .route("/translations/partner/{id}", get(translations::partner_form).post(translations::partner_save))
        .route(
            "/translations/agreement/{id}/{index}",
            get(translations::agreement_form).post(translations::agreement_save),
        )
        .route(
            "/translations/note/{region}/{month}/{country}",
            get(translations::note_form).post(translations::note_save),
        )
        .route("/translations/member/{country}", get(translations::member_form).post(translations::member_save))
        .route("/translations/group/{id}", get(translations::group_form).post(translations::group_save))
        .route("/translations/theme/{id}", get(translations::theme_form).post(translations::theme_save))
}

/// The countries a record may be given, as the access rule `allowed` says
/// (a delegate's own, for most), by name in `lang`.
fn country_choices(lang: Lang, allowed: impl Fn(CountryCode) -> bool) -> Vec<(String, String)> {
    let mut choices: Vec<(String, String)> = countries()
        .iter()
        .filter(|c| allowed(c.code))
        .map(|c| (c.code.to_string(), c.name(lang).to_string()))
        .collect();
    choices.sort_by(|a, b| a.1.cmp(&b.1));
    choices
}

/// A country's name in `lang`, empty for none.
fn country_name(code: Option<CountryCode>, lang: Lang) -> String {
    code.map(|c| countries().name(c, lang)).unwrap_or_default()
}

/// Today in UTC.
fn today() -> jiff::civil::Date {
    jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date()
}
