//! The member states: the list (country, when it joined, national days,
//! representative's title) for everyone, and the form that adds or changes
//! one for administrators (`can_manage_members`), checked by the domain's
//! `MemberValidator`. A member's national days are edited as rows of the
//! form; an emptied row removes its day.

use std::collections::HashMap;

use axum::Form as PostedForm;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use vigie_domain::member::{DayColumns, RawMember, RawNationalDay};
use vigie_domain::user::can_manage_members;
use vigie_domain::{AuditEntry, CountryCode, Lang, Member, MemberValidator, countries};
use vigie_render::Labels;

use vigie_store::{Store, StoreError};

use super::form::{Field, Form, Values};
use super::save::{Record, Saved, save};
use super::{country_choices, today};
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::state::AppState;
use crate::templates;
use crate::version;

/// The most national days one form edits.
const MAX_DAYS: usize = 12;
/// Empty rows offered to add national days.
const NEW_ROWS: usize = 2;
/// The fields of the audit entry, in order.
const AUDITED: [&str; 4] = ["country", "joined", "representative_title", "national_days"];

fn edit_href(country: CountryCode) -> String {
    format!("/members/{country}/edit")
}

/// The names of the fields of the `index`-th national day row.
fn day_columns(index: usize) -> DayColumns {
    DayColumns {
        date: format!("day_date_{index}"),
        name_fr: format!("day_fr_{index}"),
        name_en: format!("day_en_{index}"),
        name_ar: format!("day_ar_{index}"),
        name: format!("day_fr_{index}"),
    }
}

/// A member's values as the audit log keeps them (national days as
/// `MM-DD: fr | en | ar`, ` ; `-separated).
fn audited(member: &Member) -> [String; 4] {
    let days: Vec<String> = member
        .national_days
        .iter()
        .map(|d| format!("{}: {} | {} | {}", d.code(), d.name.fr, d.name.en, d.name.ar))
        .collect();
    [
        member.country.to_string(),
        member.joined.map(|d| d.to_string()).unwrap_or_default(),
        member.representative_title.clone(),
        days.join(" ; "),
    ]
}

impl Record for Member {
    const KIND: &'static str = "member";
    const FIELDS: &'static [&'static str] = &AUDITED;
    const KEY: &'static str = "country";
    const TAKEN: &'static str = "web-member-exists";

    fn audited(&self) -> Vec<String> {
        audited(self).to_vec()
    }

    fn entity_id(&self) -> String {
        self.country.to_string()
    }

    fn saved_page(&self) -> String {
        "/members".into()
    }

    fn write(&self, store: &mut dyn Store, stored: Option<&Self>, entry: &AuditEntry) -> Result<bool, StoreError> {
        store.save_member(self, stored, entry)
    }
}

fn row(member: &Member, lang: Lang, editable: bool) -> Value {
    let labels = Labels::new(lang);
    let days: Vec<Value> = member
        .national_days
        .iter()
        .map(|d| context! { date => vigie_i18n::day_month(lang, d.month, d.day), name => d.name_in(lang) })
        .collect();
    context! {
        country => countries().name(member.country, lang),
        code => member.country.as_str(),
        joined => member.joined.map(|d| labels.date(d)).unwrap_or_default(),
        days,
        title => member.representative_title.clone(),
        edit => editable.then(|| edit_href(member.country)),
    }
}

pub async fn list(State(state): State<AppState>, user: RequireUser) -> Result<Response, Error> {
    let lang = user.lang;
    let mut members = state.read(|store| store.members()).await?;
    members.sort_by_cached_key(|m| countries().name(m.country, lang));
    let admin = can_manage_members(&user.session.user);
    let rows: Vec<Value> = members.iter().map(|m| row(m, lang, admin)).collect();
    templates::page("members.html", lang, Some(&user.session), context! { members => rows, can_create => admin })
}

/// The form's values of a stored member, its national days first.
pub(super) fn values_of(member: &Member) -> Values {
    let mut values = Values::default();
    values.push("joined", member.joined.map(|d| d.to_string()).unwrap_or_default());
    values.push("representative_title", member.representative_title.clone());
    for (index, day) in member.national_days.iter().enumerate() {
        let columns = day_columns(index);
        values.push(&columns.date, day.code());
        values.push(&columns.name_fr, day.name.fr.clone());
        values.push(&columns.name_en, day.name.en.clone());
        values.push(&columns.name_ar, day.name.ar.clone());
    }
    values
}

/// How many national day rows the form sent.
fn rows_sent(values: &Values) -> usize {
    (0..MAX_DAYS)
        .rev()
        .find(|&index| {
            let columns = day_columns(index);
            [columns.date, columns.name_fr, columns.name_en, columns.name_ar].iter().any(|c| values.get(c).is_some())
        })
        .map_or(0, |last| last + 1)
}

/// The record the form's values make; `country` is the edited member's.
pub(super) fn raw_of(values: &Values, country: Option<CountryCode>) -> RawMember {
    let national_days = (0..rows_sent(values))
        .map(|index| {
            let columns = day_columns(index);
            RawNationalDay {
                date: values.raw(&columns.date),
                name_fr: values.raw(&columns.name_fr),
                name_en: values.raw(&columns.name_en),
                name_ar: values.raw(&columns.name_ar),
                columns,
            }
        })
        .collect();
    RawMember {
        country: country.map(|c| c.to_string()).or_else(|| values.raw("country")),
        joined: values.raw("joined"),
        representative_title: values.raw("representative_title"),
        national_days,
    }
}

/// The form with `days` national day rows; `editing` is the member changed.
fn form(lang: Lang, editing: Option<CountryCode>, days: usize, user: &vigie_domain::User) -> Form {
    let catalog = vigie_i18n::catalog();
    let label = |id: &str| catalog.text(lang, &format!("web-member-{id}"));
    let country = match editing {
        Some(code) => Field::fixed("country", label("country"), countries().name(code, lang)),
        None => Field::select("country", label("country"), country_choices(lang, |_| can_manage_members(user))),
    };
    let mut groups = vec![(
        None,
        vec![
            country,
            Field::text("joined", label("joined")).hint("YYYY-MM-DD"),
            Field::text("representative_title", label("representative_title")),
        ],
    )];
    for index in 0..days.min(MAX_DAYS) {
        let columns = day_columns(index);
        let legend = catalog.text_with(lang, "web-member-day", &[("number", (index + 1).into())]);
        groups.push((
            Some(legend),
            vec![
                Field::text(&columns.date, label("day-date")).hint("MM-DD"),
                Field::text(&columns.name_fr, label("day-name_fr")),
                Field::text(&columns.name_en, label("day-name_en")),
                Field::text(&columns.name_ar, label("day-name_ar")),
            ],
        ));
    }
    let (title, action) = match editing {
        Some(code) => (label("edit"), edit_href(code)),
        None => (label("new"), "/members".to_string()),
    };
    Form { title, action, back: "/members".to_string(), groups }
}

fn show_form(
    user: &RequireUser,
    editing: Option<CountryCode>,
    status: StatusCode,
    values: &Values,
    errors: &HashMap<String, String>,
    message: Option<&str>,
) -> Result<Response, Error> {
    let days = rows_sent(values).max(NEW_ROWS);
    form(user.lang, editing, days, &user.session.user).render(user.lang, &user.session, status, values, errors, message)
}

/// The form's member, checked by the domain's validator.
pub(super) fn validated(raw: &RawMember, lang: Lang) -> Result<Member, Saved> {
    MemberValidator::new(today()).validate(raw).map_err(|e| Saved::invalid(e, lang))
}

pub async fn new_form(user: RequireUser) -> Result<Response, Error> {
    if !can_manage_members(&user.session.user) {
        return Err(Error::forbidden());
    }
    show_form(&user, None, StatusCode::OK, &Values::default(), &HashMap::new(), None)
}

pub async fn create(
    State(state): State<AppState>,
    user: RequireUser,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    if !can_manage_members(&user.session.user) {
        return Err(Error::forbidden());
    }
    let values = Values::from_pairs(pairs);
    let (raw, lang) = (raw_of(&values, None), user.lang);
    save(
        &state,
        &user,
        None,
        move |_| Ok(validated(&raw, lang).map(|member| (member, None))),
        |status, errors, message| show_form(&user, None, status, &values, errors, Some(message)),
    )
    .await
}

/// The member of the page's country (any case), if it is one.
async fn stored(state: &AppState, country: &str) -> Result<Option<Member>, StoreError> {
    let Some(code) = CountryCode::new(&country.to_ascii_uppercase()) else { return Ok(None) };
    let members = state.read(|store| store.members()).await?;
    Ok(members.into_iter().find(|m| m.country == code))
}

pub async fn edit_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path(country): Path<String>,
) -> Result<Response, Error> {
    if !can_manage_members(&user.session.user) {
        return Err(Error::forbidden());
    }
    let member = stored(&state, &country).await?.ok_or_else(Error::not_found)?;
    let mut values = values_of(&member);
    // empty rows to add days
    let rows = member.national_days.len() + NEW_ROWS;
    values.push(&day_columns(rows - 1).date, "");
    values.push(version::FIELD, member.fingerprint());
    show_form(&user, Some(member.country), StatusCode::OK, &values, &HashMap::new(), None)
}

pub async fn update(
    State(state): State<AppState>,
    user: RequireUser,
    Path(country): Path<String>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    let lang = user.lang;
    if !can_manage_members(&user.session.user) {
        return Err(Error::forbidden());
    }
    let Some(code) = CountryCode::new(&country.to_ascii_uppercase()) else { return Err(Error::not_found()) };
    let values = Values::from_pairs(pairs);
    let raw = raw_of(&values, Some(code));
    let check = move |store: &mut dyn Store| {
        let Some(stored) = store.members()?.into_iter().find(|m| m.country == code) else {
            return Ok(Err(Saved::NotFound));
        };
        Ok(validated(&raw, lang).map(|member| (member, Some(stored))))
    };
    save(&state, &user, values.get(version::FIELD), check, |status, errors, message| {
        show_form(&user, Some(code), status, &values, errors, Some(message))
    })
    .await
}
