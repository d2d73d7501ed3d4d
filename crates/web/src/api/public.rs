//! What the coalition publishes, open to anyone without a token: the
//! published bulletins (each issue and correction, with its files) and the
//! monthly figures as each published issue printed them (frozen at
//! publication: a later correction of an incident changes the revisions
//! report, never these). These two addresses, and only these, allow any
//! origin (CORS), so that a researcher's page can read them.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::IntoParams;
use vigie_domain::{FieldError, FieldErrorKind, Lang, Month};
use vigie_store::BulletinIssue;

use super::problem::{Problem, ProblemDetails};
use super::query::ApiQuery;
use super::schemas::Listing;
use crate::auth::CurrentUser;
use crate::errors::Error;
use crate::state::AppState;

/// Any origin may read the answer.
fn open(mut response: Response) -> Response {
    response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

pub(super) fn issue_json(issue: &BulletinIssue) -> Value {
    let label = issue.label();
    let files: Vec<Value> = Lang::ALL
        .iter()
        .flat_map(|lang| {
            ["pdf", "html"].map(|format| {
                json!({ "lang": lang.code(), "format": format, "href": format!("/bulletins/{label}/{}.{format}", lang.code()) })
            })
        })
        .collect();
    json!({
        "issue": label.to_string(),
        "number": issue.number,
        "revision": issue.revision,
        "month": issue.month,
        "published_at": issue.published_at,
        "reason": issue.reason,
        "files": files,
    })
}

/// The published bulletins, latest first (open: no token)
#[utoipa::path(get, path = "/api/v1/public/bulletins", operation_id = "publishedBulletins", tag = "public",
    security(()),
    responses(
        (status = 200, description = "Each published issue and correction, with the addresses of its PDF and HTML in three languages", body = Listing,
            headers(("Access-Control-Allow-Origin" = String, description = "*"))),
    ))]
pub async fn bulletins(State(state): State<AppState>, _current: CurrentUser) -> Result<Response, Error> {
    let mut issues = state.read(|store| store.bulletins()).await?;
    issues.retain(|issue| issue.published);
    issues.sort_by_key(|issue| std::cmp::Reverse((issue.number, issue.revision)));
    let items: Vec<Value> = issues.iter().map(issue_json).collect();
    Ok(open(axum::Json(json!({ "items": items })).into_response()))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct FiguresQuery {
    /// The month the issue reported, `YYYY-MM`.
    #[param(pattern = "^[0-9]{4}-[0-9]{2}$")]
    month: String,
    /// Only this region group's table.
    region: Option<String>,
    /// The language of the messages.
    #[allow(dead_code)]
    lang: Option<String>,
}

/// The monthly figures of a month as its latest published issue printed
/// them (open: no token)
#[utoipa::path(get, path = "/api/v1/public/figures", operation_id = "publishedFigures", tag = "public",
    security(()),
    params(FiguresQuery),
    responses(
        (status = 200, description = "The issue, and each region's monthly table as `vigie report monthly --format json`", body = Object,
            headers(("Access-Control-Allow-Origin" = String, description = "*"))),
        (status = 400, description = "A parameter is wrong", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 404, description = "No published issue reports this month", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn figures(
    State(state): State<AppState>,
    current: CurrentUser,
    ApiQuery(query): ApiQuery<FiguresQuery>,
) -> Result<Response, Error> {
    let lang = current.lang;
    let Some(month) = Month::parse(query.month.trim()) else {
        let error = FieldError::new("month", FieldErrorKind::InvalidMonth, &query.month);
        return Ok(open(Problem::parameter(&error, lang).respond(lang)));
    };
    let region = query.region.clone().filter(|r| !r.trim().is_empty());
    let wanted = month.to_string();
    let found = state
        .read(move |store| {
            let latest = store
                .bulletins()?
                .into_iter()
                .filter(|issue| issue.published && issue.month == wanted)
                .max_by_key(|issue| (issue.number, issue.revision));
            let Some(issue) = latest else {
                return Ok(None);
            };
            let reports = store.bulletin_reports(issue.label())?;
            Ok(Some((issue, reports)))
        })
        .await?;
    let Some((issue, reports)) = found else {
        return Ok(open(Problem::not_found().respond(lang)));
    };
    let tables: Vec<Value> = reports
        .iter()
        .filter(|r| r.kind == "monthly" && region.as_deref().is_none_or(|id| r.key == id))
        .map(|r| json!({ "region": r.key, "report": serde_json::from_str::<Value>(&r.json).unwrap_or(Value::Null) }))
        .collect();
    if tables.is_empty() {
        return Ok(open(Problem::not_found().respond(lang)));
    }
    Ok(open(axum::Json(json!({ "issue": issue_json(&issue), "items": tables })).into_response()))
}
