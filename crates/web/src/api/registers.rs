//! The coalition's registers for programs, read-only here (their forms
//! are the pages'): countries, region groups, perpetrator groups, member
//! states, partners and their agreements, activities, notes. Every record
//! has the keys of the register's native JSON format, as `vigie … list
//! --format json` and the exports give it. Any signed-in role reads them,
//! as on the pages.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::IntoParams;
use vigie_domain::{FieldError, FieldErrorKind, Month, countries};
use vigie_formats::register::{activities, flat, members, partners};
use vigie_store::NoteFilter;

use super::problem::{Problem, ProblemDetails};
use super::query::ApiQuery;
use super::schemas::Listing;
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::state::AppState;

fn listing(items: Value) -> Response {
    axum::Json(json!({ "items": items })).into_response()
}

/// The countries Vigie knows: ISO 3166-1 codes and names in three languages
#[utoipa::path(get, path = "/api/v1/countries", operation_id = "listCountries", tag = "registers",
    responses(
        (status = 200, description = "Every country: code, alpha3, numeric, names (fr, en, ar)", body = Listing),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn countries_list(_user: RequireUser) -> Response {
    let items: Vec<Value> = countries()
        .iter()
        .map(|c| {
            json!({
                "code": c.code, "alpha3": c.alpha3, "numeric": c.numeric,
                "name_fr": c.names.fr, "name_en": c.names.en, "name_ar": c.names.ar,
            })
        })
        .collect();
    listing(Value::Array(items))
}

/// The region groups reports are made for, with their members over time
#[utoipa::path(get, path = "/api/v1/regions", operation_id = "listRegions", tag = "registers",
    responses(
        (status = 200, description = "Every region group: id, names, members with their dates", body = Listing),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn regions(State(state): State<AppState>, _user: RequireUser) -> Response {
    listing(serde_json::to_value(state.regions.iter().collect::<Vec<_>>()).unwrap_or_default())
}

/// The perpetrator groups: names, aliases and kind
#[utoipa::path(get, path = "/api/v1/groups", operation_id = "listGroups", tag = "registers",
    responses(
        (status = 200, description = "Every group: id, names, aliases, kind (state forces do not count in the figures)", body = Listing),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn groups(State(state): State<AppState>, _user: RequireUser) -> Result<Response, Error> {
    let register = state.read(|store| store.groups()).await?;
    Ok(listing(serde_json::to_value(register.iter().collect::<Vec<_>>()).unwrap_or_default()))
}

/// The member states: membership dates and national days
#[utoipa::path(get, path = "/api/v1/members", operation_id = "listMembers", tag = "registers",
    responses(
        (status = 200, description = "Every member state, as `vigie members list --format json`", body = Listing),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn members_list(State(state): State<AppState>, _user: RequireUser) -> Result<Response, Error> {
    let found = state.read(|store| store.members()).await?;
    Ok(listing(members::to_json(&found)))
}

/// The partners and their agreements
#[utoipa::path(get, path = "/api/v1/partners", operation_id = "listPartners", tag = "registers",
    responses(
        (status = 200, description = "Every partner with its agreements, as `vigie partners list --format json`", body = Listing),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn partners_list(State(state): State<AppState>, _user: RequireUser) -> Result<Response, Error> {
    let found = state.read(|store| store.partners()).await?;
    Ok(listing(partners::to_json(&found)))
}

/// The activities' filters, as the page's.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ActivityQuery {
    /// Text in the titles, description, place and counterparts.
    search: Option<String>,
    /// `YYYY` or `YYYY-MM`.
    #[param(pattern = "^[0-9]{4}(-[0-9]{2})?$")]
    period: Option<String>,
    /// An activity kind's code.
    kind: Option<String>,
    /// A domain of action's code.
    domain: Option<String>,
    /// A counterpart country (code or name).
    country: Option<String>,
    /// `desc` (latest first, the default) or `asc`.
    sort: Option<String>,
    /// The language of the messages.
    #[allow(dead_code)]
    lang: Option<String>,
}

/// The coalition's activities, with their counterparts
#[utoipa::path(get, path = "/api/v1/activities", operation_id = "listActivities", tag = "registers",
    params(ActivityQuery),
    responses(
        (status = 200, description = "The activities, as `vigie activities list --format json`", body = Listing),
        (status = 400, description = "A filter is wrong", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn activities_list(
    State(state): State<AppState>,
    user: RequireUser,
    ApiQuery(query): ApiQuery<ActivityQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    // a parameter given empty is wrong, not absent
    if let Some((name, _)) =
        [("period", &query.period), ("kind", &query.kind), ("domain", &query.domain), ("country", &query.country)]
            .into_iter()
            .find(|(_, value)| value.as_deref().is_some_and(|v| v.trim().is_empty()))
    {
        return Ok(Problem::parameter(&FieldError::new(name, FieldErrorKind::Required, ""), lang).respond(lang));
    }
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let page_query = crate::registers::activities::ListQuery {
        search: text(&query.search),
        period: text(&query.period),
        kind: text(&query.kind),
        domain: text(&query.domain),
        country: text(&query.country),
        sort: text(&query.sort),
        page: None,
    };
    match state.read(move |store| page_query.find(store)).await? {
        Some(found) => Ok(listing(activities::to_json(&found))),
        None => {
            let error = FieldError::new(
                "query",
                FieldErrorKind::UnknownCode { codes: "period, kind, domain, country".into() },
                "",
            );
            Ok(Problem::parameter(&error, lang).respond(lang))
        }
    }
}

/// The notes' filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NoteQuery {
    /// A region group's id.
    region: Option<String>,
    /// `YYYY-MM`.
    #[param(pattern = "^[0-9]{4}-[0-9]{2}$")]
    month: Option<String>,
    /// A country (code or name).
    country: Option<String>,
    /// The language of the messages.
    #[allow(dead_code)]
    lang: Option<String>,
}

/// The countries' notes of a month, as the monthly table prints them
#[utoipa::path(get, path = "/api/v1/notes", operation_id = "listNotes", tag = "registers",
    params(NoteQuery),
    responses(
        (status = 200, description = "The notes, as `vigie notes list --format json`", body = Listing),
        (status = 400, description = "A filter is wrong", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn notes_list(
    State(state): State<AppState>,
    user: RequireUser,
    ApiQuery(query): ApiQuery<NoteQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let wrong =
        |name: &str, value: &str, kind| Problem::parameter(&FieldError::new(name, kind, value), lang).respond(lang);
    let mut filter = NoteFilter::default();
    if let Some(region) = query.region.as_deref().map(str::trim) {
        if state.regions.get(region).is_none() {
            return Ok(wrong("region", region, FieldErrorKind::UnknownCode { codes: state.regions.ids() }));
        }
        filter.region = Some(region.to_string());
    }
    if let Some(text) = query.month.as_deref().map(str::trim) {
        let Some(month) = Month::parse(text) else {
            return Ok(wrong("month", text, FieldErrorKind::InvalidMonth));
        };
        (filter.from, filter.to) = (Some(month), Some(month));
    }
    if let Some(text) = query.country.as_deref().map(str::trim) {
        let Some(country) = countries().resolve(text) else {
            return Ok(wrong("country", text, FieldErrorKind::UnknownCountry));
        };
        filter.country = Some(country.code);
    }
    let notes = state.read(move |store| store.notes(&filter)).await?;
    let layout = &vigie_ingest::NOTE_LAYOUT;
    let items: Vec<Value> = notes.iter().map(|n| flat::to_object(layout, &n.values())).collect();
    Ok(listing(Value::Array(items)))
}
