//! The reports for programs, as `vigie report … --format json` prints
//! them (the same renderers): the monthly table of a region, the year in
//! review, the timeline, the national days of a month, and the revisions
//! of published figures. Verified incidents only, as the pages show them.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;
use vigie_domain::{FieldError, FieldErrorKind, Lang, Month};
use vigie_render::Labels;

use super::problem::{Problem, ProblemDetails};
use super::query::ApiQuery;
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::state::AppState;

fn json(body: impl Into<Bytes>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body.into()).into_response()
}

fn wrong(name: &str, value: &str, kind: FieldErrorKind, lang: Lang) -> Problem {
    Problem::parameter(&FieldError::new(name, kind, value), lang)
}

fn month_of(name: &str, text: &str, lang: Lang) -> Result<Month, Problem> {
    Month::parse(text.trim()).ok_or_else(|| wrong(name, text, FieldErrorKind::InvalidMonth, lang))
}

fn year_of(text: &str, lang: Lang) -> Result<i16, Problem> {
    text.trim()
        .parse::<i16>()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
        .ok_or_else(|| wrong("year", text, FieldErrorKind::OutOfRange { limit: 2200 }, lang))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MonthlyQuery {
    /// A region group's id (GET /api/v1/regions); the first by default.
    region: Option<String>,
    /// `YYYY-MM`; the latest month with verified incidents by default.
    #[param(pattern = "^[0-9]{4}-[0-9]{2}$")]
    month: Option<String>,
    /// The language of the messages.
    #[allow(dead_code)]
    lang: Option<String>,
}

/// The monthly table of a region: operations and victims by country, the
/// trend on the month before, targets, methods, perpetrators
#[utoipa::path(get, path = "/api/v1/reports/monthly", operation_id = "monthlyReport", tag = "reports",
    params(MonthlyQuery),
    responses(
        (status = 200, description = "As `vigie report monthly --format json`", body = Object),
        (status = 400, description = "A parameter is wrong", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 404, description = "The region has no verified incident", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn monthly(
    State(state): State<AppState>,
    user: RequireUser,
    ApiQuery(query): ApiQuery<MonthlyQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let region = match query.region.as_deref().map(str::trim) {
        Some(id) if state.regions.get(id).is_some() => id.to_string(),
        Some(id) => {
            let kind = FieldErrorKind::UnknownCode { codes: state.regions.ids() };
            return Ok(wrong("region", id, kind, lang).respond(lang));
        }
        None => match state.regions.iter().next() {
            Some(first) => first.id.clone(),
            None => return Ok(Problem::not_found().respond(lang)),
        },
    };
    let month = match query.month.as_deref() {
        Some(text) => match month_of("month", text, lang) {
            Ok(month) => Some(month),
            Err(refused) => return Ok(refused.respond(lang)),
        },
        None => None,
    };
    match crate::pages::report(&state, region, month).await? {
        Some(report) => Ok(json(report.json.clone())),
        None => Ok(Problem::not_found().respond(lang)),
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The year, `YYYY`.
    #[param(minimum = 1900, maximum = 2200)]
    year: String,
    /// The language of the labels and messages.
    #[allow(dead_code)]
    lang: Option<String>,
}

/// The year in review: operations, victims and the coalition's activity
#[utoipa::path(get, path = "/api/v1/reports/year", operation_id = "yearReport", tag = "reports",
    params(YearQuery),
    responses(
        (status = 200, description = "As `vigie report year --format json`", body = Object),
        (status = 400, description = "A parameter is wrong", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn year(
    State(state): State<AppState>,
    user: RequireUser,
    ApiQuery(query): ApiQuery<YearQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let year = match year_of(&query.year, lang) {
        Ok(year) => year,
        Err(refused) => return Ok(refused.respond(lang)),
    };
    let report = state.read(move |store| vigie_report::year(store, year)).await?;
    Ok(json(vigie_render::year::json(&report)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct TimelineQuery {
    /// The year, `YYYY`.
    #[param(minimum = 1900, maximum = 2200)]
    year: String,
    /// A month of the year, 1 to 12: the timeline up to it.
    #[param(minimum = 1, maximum = 12)]
    month: Option<String>,
    /// The language of the labels and messages.
    #[allow(dead_code)]
    lang: Option<String>,
}

/// The timeline of a year's operations, month by month
#[utoipa::path(get, path = "/api/v1/reports/timeline", operation_id = "timelineReport", tag = "reports",
    params(TimelineQuery),
    responses(
        (status = 200, description = "As `vigie report timeline --format json`", body = Object),
        (status = 400, description = "A parameter is wrong", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn timeline(
    State(state): State<AppState>,
    user: RequireUser,
    ApiQuery(query): ApiQuery<TimelineQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let year = match year_of(&query.year, lang) {
        Ok(year) => year,
        Err(refused) => return Ok(refused.respond(lang)),
    };
    let month = match query.month.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        None => None,
        Some(text) => match text.parse::<i8>().ok().filter(|m| (1..=12).contains(m)) {
            Some(month) => Some(month),
            None => return Ok(wrong("month", text, FieldErrorKind::OutOfRange { limit: 12 }, lang).respond(lang)),
        },
    };
    let report = state.read(move |store| vigie_report::timeline(store, year, month)).await?;
    Ok(json(vigie_render::timeline::json(&report, &Labels::new(lang))))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NationalDaysQuery {
    /// `YYYY-MM`.
    #[param(pattern = "^[0-9]{4}-[0-9]{2}$")]
    month: String,
    /// The language of the labels and messages.
    #[allow(dead_code)]
    lang: Option<String>,
}

/// The member states' national days of a month
#[utoipa::path(get, path = "/api/v1/reports/national-days", operation_id = "nationalDaysReport", tag = "reports",
    params(NationalDaysQuery),
    responses(
        (status = 200, description = "As `vigie report national-days --format json`: a list of days", body = Vec<Object>),
        (status = 400, description = "A parameter is wrong", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn national_days(
    State(state): State<AppState>,
    user: RequireUser,
    ApiQuery(query): ApiQuery<NationalDaysQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let month = match month_of("month", &query.month, lang) {
        Ok(month) => month,
        Err(refused) => return Ok(refused.respond(lang)),
    };
    let report = state.read(move |store| vigie_report::national_days(store, month)).await?;
    Ok(json(vigie_render::national_days::json(&report, &Labels::new(lang))))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RevisionsQuery {
    /// Only the issues of this month (`YYYY-MM`) and after.
    #[param(pattern = "^[0-9]{4}-[0-9]{2}$")]
    since: Option<String>,
    /// The language of the messages.
    #[allow(dead_code)]
    lang: Option<String>,
}

/// The published figures that changed since their issue printed them
#[utoipa::path(get, path = "/api/v1/reports/revisions", operation_id = "revisionsReport", tag = "reports",
    params(RevisionsQuery),
    responses(
        (status = 200, description = "As `vigie report revisions --format json`", body = Object),
        (status = 400, description = "A parameter is wrong", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn revisions(
    State(state): State<AppState>,
    user: RequireUser,
    ApiQuery(query): ApiQuery<RevisionsQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let since = match query.since.as_deref() {
        None => None,
        Some(text) => match month_of("since", text, lang) {
            Ok(month) => Some(month),
            Err(refused) => return Ok(refused.respond(lang)),
        },
    };
    let regions = std::sync::Arc::clone(&state.regions);
    let report = state
        .read(move |store| {
            let groups = store.groups()?;
            vigie_report::revisions(store, &groups, &regions, since)
        })
        .await?;
    Ok(json(vigie_render::revisions::json(&report)))
}
