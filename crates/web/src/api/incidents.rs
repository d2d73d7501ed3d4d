//! `/api/v1/incidents`: the register of incidents for programs, with the
//! rules of the pages (`incidents/save.rs` and `incidents/review.rs` are
//! the one flow of both): a list with the command line's filters and a
//! cursor, one incident with its `ETag`, a new draft (`Idempotency-Key`
//! honoured), a change (`If-Match` required), the four-eyes review
//! (approve, reject with a comment; `If-Match` binds it to the version the
//! reviewer read) and the history as the user may read it.
//!
//! An incident's JSON has the keys of the native format (`incident_json`),
//! as the exports and `vigie incidents list --format jsonl`.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use vigie_domain::incident::Column;
use vigie_domain::user::{Drafts, can_read_incident, can_write_incidents, readable_drafts};
use vigie_domain::{FieldError, FieldErrorKind, Incident, Lang, Status, User};
use vigie_formats::native::{incident_json, value_text};
use vigie_store::{Store, StoreError};

use super::conditional::{etag, require_match, require_present};
use super::problem::{FieldProblem, Problem, ProblemDetails};
use super::query::{ApiBody, ApiQuery};
use super::schemas::{
    ApproveRequest, History, IncidentFields, IncidentPage, IncidentRecord, NewIncident, RejectRequest,
};
use super::{cursor, idempotency};
use crate::auth::RequireUser;
use crate::cookies::percent_encode;
use crate::errors::Error;
use crate::incidents::ListQuery;
use crate::incidents::review::{self, Check};
use crate::incidents::save::{self, Given, Saved};
use crate::state::AppState;

/// Rows of a page, unless `limit` says otherwise; at most [`MAX_LIMIT`].
pub const DEFAULT_LIMIT: u64 = 100;
pub const MAX_LIMIT: u64 = 1000;
/// The longest comment of a review.
const MAX_COMMENT: usize = 2000;

/// The address of an incident (a `/` of its id encoded: one segment).
fn href(id: &str) -> String {
    format!("/api/v1/incidents/{}", percent_encode(id).replace('/', "%2F"))
}

/// The list's parameters: the command line's filters (lists
/// comma-separated), `sort` (`desc`, the default, or `asc`), `limit` and
/// `cursor`. An unknown parameter is refused: a misspelt filter must not
/// silently select everything.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiListQuery {
    country: Option<String>,
    region: Option<String>,
    from: Option<String>,
    to: Option<String>,
    perpetrator: Option<String>,
    target: Option<String>,
    method: Option<String>,
    status: Option<String>,
    search: Option<String>,
    sort: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
    /// The language of the messages (as `Accept-Language`), read by the
    /// language middleware.
    #[allow(dead_code)]
    lang: Option<String>,
}

impl ApiListQuery {
    fn filters(&self) -> ListQuery {
        ListQuery {
            country: self.country.clone(),
            region: self.region.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            perpetrator: self.perpetrator.clone(),
            target: self.target.clone(),
            method: self.method.clone(),
            status: self.status.clone(),
            search: self.search.clone(),
            sort: self.sort.clone(),
            page: None,
        }
    }

    /// The query string of the page after the row `cursor`.
    fn next(&self, cursor: &str, limit: u64) -> String {
        let mut pairs: Vec<(&str, String)> = [
            ("country", &self.country),
            ("region", &self.region),
            ("from", &self.from),
            ("to", &self.to),
            ("perpetrator", &self.perpetrator),
            ("target", &self.target),
            ("method", &self.method),
            ("status", &self.status),
            ("search", &self.search),
            ("sort", &self.sort),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.as_ref().map(|v| (name, v.clone())))
        .collect();
        pairs.push(("limit", limit.to_string()));
        pairs.push(("cursor", cursor.to_string()));
        let query: Vec<String> =
            pairs.iter().map(|(name, value)| format!("{name}={}", percent_encode(value))).collect();
        format!("/api/v1/incidents?{}", query.join("&"))
    }
}

fn parameter(name: &str, value: &str, kind: FieldErrorKind, lang: Lang) -> Problem {
    Problem::parameter(&FieldError::new(name, kind, value), lang)
}

/// The incidents the user may read, a page at a time
///
/// The command line's filters (lists comma-separated), latest first unless
/// `sort=asc`; `next` (and the `Link` header) give the following page, which
/// starts after the last row of this one whatever is added meanwhile.
#[utoipa::path(get, path = "/api/v1/incidents", operation_id = "listIncidents", tag = "incidents",
    params(
        ("country" = Option<String>, Query, description = "Countries (codes or names), comma-separated", example = "BF"),
        ("region" = Option<String>, Query, description = "A region group's id (GET /api/v1/regions)"),
        ("from" = Option<String>, Query, description = "First day, YYYY-MM-DD, or a month YYYY-MM", example = "2023-12-01"),
        ("to" = Option<String>, Query, description = "Last day, YYYY-MM-DD, or a month YYYY-MM", example = "2023-12-31"),
        ("perpetrator" = Option<String>, Query, description = "Perpetrator groups (ids, names or aliases), comma-separated"),
        ("target" = Option<String>, Query, description = "Target codes, comma-separated"),
        ("method" = Option<String>, Query, description = "Method codes, comma-separated"),
        ("status" = Option<String>, Query, description = "draft or verified"),
        ("search" = Option<String>, Query, description = "Text in the id, description, places, sources, perpetrator's names"),
        ("sort" = Option<String>, Query, description = "desc (latest first, the default) or asc"),
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 1000, description = "Rows of a page (100 by default)"),
        ("cursor" = Option<String>, Query, description = "Where the page starts: the `next` of the page before"),
    ),
    responses(
        (status = 200, description = "A page of incidents", body = IncidentPage,
            headers(("Link" = String, description = "`<…>; rel=\"next\"`: the next page, when there is one"))),
        (status = 400, description = "A parameter is wrong: `errors` names it", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token, or one that does not open the API", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 429, description = "The token's rate is used up: wait `Retry-After` seconds", body = ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u32, description = "Seconds before the next request is accepted"))),
    ))]
pub async fn list(
    State(state): State<AppState>,
    user: RequireUser,
    ApiQuery(query): ApiQuery<ApiListQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let limit = match query.limit.as_deref().map(str::parse::<u64>) {
        None => DEFAULT_LIMIT,
        Some(Ok(limit)) if (1..=MAX_LIMIT).contains(&limit) => limit,
        Some(_) => {
            let value = query.limit.clone().unwrap_or_default();
            let kind = FieldErrorKind::OutOfRange { limit: MAX_LIMIT as u16 };
            return Ok(parameter("limit", &value, kind, lang).respond(lang));
        }
    };
    let after = match query.cursor.as_deref() {
        None => None,
        Some(text) => match cursor::decode(text) {
            Some(after) => Some(after),
            None => {
                let kind = FieldErrorKind::UnknownCode { codes: "next".into() };
                return Ok(parameter("cursor", text, kind, lang).respond(lang));
            }
        },
    };
    if let Some(sort) = query.sort.as_deref().filter(|s| !matches!(*s, "asc" | "desc")) {
        let kind = FieldErrorKind::UnknownCode { codes: "asc, desc".into() };
        return Ok(parameter("sort", sort, kind, lang).respond(lang));
    }
    let filters = query.filters();
    let descending = filters.descending();
    let current = user.session.user.clone();
    let worker = state.clone();
    let found = state
        .read(move |store| {
            let mut filter = match filters.filter(&worker, store) {
                Ok(filter) => filter,
                Err(error) => return Ok(Err(error)),
            };
            filter.drafts_of = match readable_drafts(&current) {
                Drafts::All => None,
                Drafts::Of(countries) => Some(countries),
            };
            filter.descending = descending;
            filter.after = after;
            // one more than the page: whether another follows
            filter.limit = Some(limit + 1);
            let mut rows = Vec::new();
            store.incidents(&filter, &mut |incident| {
                rows.push(incident);
                Ok(())
            })?;
            Ok(Ok(rows))
        })
        .await?;
    let mut rows = match found {
        Ok(rows) => rows,
        Err(crate::incidents::FilterError::Field(error)) => return Ok(Problem::parameter(&error, lang).respond(lang)),
        Err(crate::incidents::FilterError::Region) => {
            let region = query.region.clone().unwrap_or_default();
            let kind = FieldErrorKind::UnknownCode { codes: "vigie regions".into() };
            return Ok(parameter("region", &region, kind, lang).respond(lang));
        }
        Err(crate::incidents::FilterError::Store(error)) => return Err(error.into()),
    };
    let more = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    let next = more.then(|| rows.last().map(|last| query.next(&cursor::encode(last.date, &last.id), limit))).flatten();
    let user = &user.session.user;
    let items: Vec<Value> = rows
        .iter()
        // the query holds the reader's scope; each row is checked again
        .filter(|i| can_read_incident(user, i.country, i.status == Status::Verified))
        .map(incident_json)
        .collect();
    let mut response = axum::Json(IncidentPage { items, limit, next: next.clone() }).into_response();
    if let Some(next) = next.and_then(|n| HeaderValue::from_str(&format!("<{n}>; rel=\"next\"")).ok()) {
        response.headers_mut().insert(header::LINK, next);
    }
    Ok(response)
}

/// An incident's answer: its JSON, `ETag`, and `status`.
fn record(status: StatusCode, incident: &Incident) -> Response {
    let mut response = (status, axum::Json(incident_json(incident))).into_response();
    response.headers_mut().insert(header::ETAG, etag(&save::fingerprint(incident)));
    if status == StatusCode::CREATED
        && let Ok(location) = HeaderValue::from_str(&href(&incident.id))
    {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// The incident `id` if `user` may read it.
fn readable(store: &dyn Store, id: &str, user: &User) -> Result<Option<Incident>, StoreError> {
    Ok(store.incident(id)?.filter(|i| can_read_incident(user, i.country, i.status == Status::Verified)))
}

/// One incident, with its version as `ETag`
#[utoipa::path(get, path = "/api/v1/incidents/{id}", operation_id = "getIncident", tag = "incidents",
    params(("id" = String, Path, description = "The incident's id")),
    responses(
        (status = 200, description = "The incident", body = IncidentRecord,
            headers(("ETag" = String, description = "Its version: send it as If-Match to change or review it")),
            links(("UpdateIncident" = (operation_id = "updateIncident", parameters(("id" = "$response.body#/id"), ("header.If-Match" = "$response.header.ETag")))), ("ApproveIncident" = (operation_id = "approveIncident", parameters(("id" = "$response.body#/id"), ("header.If-Match" = "$response.header.ETag")))), ("RejectIncident" = (operation_id = "rejectIncident", parameters(("id" = "$response.body#/id"), ("header.If-Match" = "$response.header.ETag")))))),
        (status = 404, description = "No such incident, or one the user may not read", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token, or one that does not open the API", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 429, description = "The token's rate is used up: wait `Retry-After` seconds", body = ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u32, description = "Seconds before the next request is accepted"))),
    ))]
pub async fn get(State(state): State<AppState>, user: RequireUser, Path(id): Path<String>) -> Result<Response, Error> {
    let current = user.session.user.clone();
    match state.read(move |store| readable(store, &id, &current)).await? {
        Some(incident) => Ok(record(StatusCode::OK, &incident)),
        None => Ok(Problem::not_found().respond(user.lang)),
    }
}

/// An incident's history, latest first
///
/// Every change of its audit log, as the pages show it to this user: only
/// its verified versions to whoever may not read its drafts.
#[utoipa::path(get, path = "/api/v1/incidents/{id}/history", operation_id = "incidentHistory", tag = "incidents",
    params(("id" = String, Path, description = "The incident's id")),
    responses(
        (status = 200, description = "Its history", body = History),
        (status = 404, description = "No such incident, or one the user may not read", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token, or one that does not open the API", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 429, description = "The token's rate is used up: wait `Retry-After` seconds", body = ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u32, description = "Seconds before the next request is accepted"))),
    ))]
pub async fn history(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
) -> Result<Response, Error> {
    let current = user.session.user.clone();
    let found = state.read(move |store| crate::incidents::readable(store, &id, &current)).await?;
    match found {
        Some((_, _, history, _, _)) => Ok(axum::Json(json!({ "items": history })).into_response()),
        None => Ok(Problem::not_found().respond(user.lang)),
    }
}

/// The writable fields of a JSON object: `Given`, or what is wrong. `id`
/// may name a new incident; `status` is never written (the review is).
fn given(body: &Bytes, headers: &HeaderMap, lang: Lang, id_allowed: bool) -> Result<Given, Problem> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let media = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if !matches!(media.as_str(), "application/json" | "application/merge-patch+json") {
        let problem =
            Problem::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "api-error-media-type")
                .with_header(header::ACCEPT, HeaderValue::from_static("application/json"));
        return Err(problem);
    }
    let object = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(object)) => object,
        _ => return Err(Problem::new(StatusCode::BAD_REQUEST, "invalid-body", "api-error-body")),
    };
    let mut given = Given::new();
    let mut errors = Vec::new();
    for (key, value) in &object {
        let column = Column::parse(key).filter(|c| *c != Column::Status && (id_allowed || *c != Column::Id));
        let Some(column) = column else {
            let writable: Vec<&str> = Column::ALL
                .iter()
                .filter(|c| **c != Column::Status && (id_allowed || **c != Column::Id))
                .map(|c| c.name())
                .collect();
            errors.push(FieldError::new(key.as_str(), FieldErrorKind::UnknownKey { keys: writable.join(", ") }, ""));
            continue;
        };
        match value_text(value) {
            Ok(text) => given.push((column, text.unwrap_or_default())),
            Err(kind) => errors.push(FieldError::new(key.as_str(), kind, value.to_string())),
        }
    }
    if errors.is_empty() { Ok(given) } else { Err(Problem::invalid(&errors, lang)) }
}

/// The answer to a write.
fn saved(outcome: Saved, status: StatusCode, lang: Lang) -> Response {
    match outcome {
        Saved::Done(incident) => record(status, &incident),
        Saved::Invalid(errors) => Problem::invalid(&errors, lang).respond(lang),
        Saved::Forbidden => Problem::forbidden().respond(lang),
        Saved::NotFound => Problem::not_found().respond(lang),
        Saved::Duplicate => Problem::new(StatusCode::CONFLICT, "conflict", "web-error-duplicate").respond(lang),
        Saved::Stale => {
            Problem::new(StatusCode::PRECONDITION_FAILED, "precondition-failed", "api-error-changed").respond(lang)
        }
    }
}

/// A new draft
///
/// As the form: the user's countries only; a draft until a second analyst
/// approves it. Send an `Idempotency-Key` to retry safely: the same request
/// with the same key gets the first answer again.
#[utoipa::path(post, path = "/api/v1/incidents", operation_id = "createIncident", tag = "incidents",
    params(("Idempotency-Key" = Option<String>, Header, pattern = "^[!-~]{1,255}$",
        description = "1 to 255 visible ASCII characters, new for each creation")),
    request_body(content = NewIncident, content_type = "application/json"),
    responses(
        (status = 201, description = "The draft", body = IncidentRecord,
            headers(("Location" = String, description = "Its address"), ("ETag" = String, description = "Its version")),
            links(("GetIncident" = (operation_id = "getIncident", parameters(("id" = "$response.body#/id")))), ("UpdateIncident" = (operation_id = "updateIncident", parameters(("id" = "$response.body#/id"), ("header.If-Match" = "$response.header.ETag")))), ("ApproveIncident" = (operation_id = "approveIncident", parameters(("id" = "$response.body#/id"), ("header.If-Match" = "$response.header.ETag")))), ("RejectIncident" = (operation_id = "rejectIncident", parameters(("id" = "$response.body#/id"), ("header.If-Match" = "$response.header.ETag")))), ("IncidentHistory" = (operation_id = "incidentHistory", parameters(("id" = "$response.body#/id")))))),
        (status = 400, description = "The body is not a JSON object, or the key is malformed", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 403, description = "The user may not write this country's incidents, or the token only reads", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 409, description = "An incident with these values or this id exists, or the key's first request is under way", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 422, description = "Values are wrong (`errors`), or the key was used for another request", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token, or one that does not open the API", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 429, description = "The token's rate is used up: wait `Retry-After` seconds", body = ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u32, description = "Seconds before the next request is accepted"))),
    ))]
pub async fn create(
    State(state): State<AppState>,
    user: RequireUser,
    headers: HeaderMap,
    ApiBody(body): ApiBody,
) -> Result<Response, Error> {
    let lang = user.lang;
    let current = user.session.user.clone();
    if !can_write_incidents(&current) {
        return Ok(Problem::forbidden().respond(lang));
    }
    let given = match given(&body, &headers, lang, true) {
        Ok(given) => given,
        Err(refused) => return Ok(refused.respond(lang)),
    };
    let held = match idempotency::begin(&state, current.id, &headers, "/api/v1/incidents", &body, lang).await? {
        idempotency::Begun::Go(held) => held,
        idempotency::Begun::Answer(answer) => return Ok(answer),
    };
    let outcome = state.write(move |store| save::create(store, &current, &given)).await;
    let response = match outcome {
        Ok(outcome) => saved(outcome, StatusCode::CREATED, lang),
        Err(error) => Error::from(error).into_response(),
    };
    Ok(idempotency::finish(&state, held, response).await)
}

/// A change of an incident
///
/// The fields given replace the stored ones (`null` empties one), the others
/// stay; `If-Match` names the version changed. The incident becomes a draft
/// again, to be approved by someone who did not change it.
#[utoipa::path(patch, path = "/api/v1/incidents/{id}", operation_id = "updateIncident", tag = "incidents",
    params(
        ("id" = String, Path, description = "The incident's id"),
        ("If-Match" = String, Header, description = "The ETag of the version changed"),
    ),
    request_body(content = IncidentFields, content_type = "application/json"),
    responses(
        (status = 200, description = "The incident as changed", body = IncidentRecord,
            headers(("ETag" = String, description = "Its new version")),
            links(("GetIncident" = (operation_id = "getIncident", parameters(("id" = "$response.body#/id")))), ("ApproveIncident" = (operation_id = "approveIncident", parameters(("id" = "$response.body#/id"), ("header.If-Match" = "$response.header.ETag")))))),
        (status = 400, description = "The body is not a JSON object", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 403, description = "The user may not change it, or the token only reads", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 404, description = "No such incident, or one the user may not read", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 412, description = "It changed since that version", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 422, description = "Values are wrong: `errors` names each", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 428, description = "No If-Match", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token, or one that does not open the API", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 429, description = "The token's rate is used up: wait `Retry-After` seconds", body = ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u32, description = "Seconds before the next request is accepted"))),
    ))]
pub async fn update(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiBody(body): ApiBody,
) -> Result<Response, Error> {
    let lang = user.lang;
    if let Err(problem) = require_present(&headers) {
        return Ok(problem.respond(lang));
    }
    let given = match given(&body, &headers, lang, false) {
        Ok(given) => given,
        Err(refused) => return Ok(refused.respond(lang)),
    };
    let current = user.session.user.clone();
    let (target, values) = (id.clone(), given.clone());
    // the values are checked before the version: a wrong value is named
    // whatever version was sent
    let prepared = state.read(move |store| save::prepare_change(store, &current, &target, &values)).await?;
    let stored = match prepared {
        Ok((stored, _)) => stored,
        Err(refused) => return Ok(saved(refused, StatusCode::OK, lang)),
    };
    let version = save::fingerprint(&stored);
    if let Err(problem) = require_match(&headers, &version) {
        return Ok(problem.respond(lang));
    }
    let current = user.session.user.clone();
    // the store compares the version again, in the write's transaction
    let (outcome, _) = state.write(move |store| save::change(store, &current, &id, Some(&version), &given)).await?;
    Ok(saved(outcome, StatusCode::OK, lang))
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewBody {
    #[serde(default)]
    comment: Option<String>,
}

/// The approval of a draft (four eyes)
///
/// By an administrator or analyst who neither wrote it nor changed it, of
/// the version `If-Match` names: it becomes verified and counts in the
/// figures.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/approve", operation_id = "approveIncident", tag = "incidents",
    params(
        ("id" = String, Path, description = "The incident's id"),
        ("If-Match" = String, Header, description = "The ETag of the version reviewed"),
    ),
    request_body(content = Option<ApproveRequest>, content_type = "application/json"),
    responses(
        (status = 200, description = "The incident as reviewed", body = IncidentRecord,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 400, description = "The body is not empty nor a JSON object with a comment", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 403, description = "The user may not review it (a delegate, its author, one who changed it), or the token only reads", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 404, description = "No such incident, or one the user may not read", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 409, description = "It is verified already", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 412, description = "It changed since that version", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 422, description = "A rejection without a comment", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 428, description = "No If-Match", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token, or one that does not open the API", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 429, description = "The token's rate is used up: wait `Retry-After` seconds", body = ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u32, description = "Seconds before the next request is accepted"))),
    ))]
pub async fn approve(
    state: State<AppState>,
    user: RequireUser,
    id: Path<String>,
    headers: HeaderMap,
    ApiBody(body): ApiBody,
) -> Result<Response, Error> {
    review(state, user, id, headers, body, Status::Verified).await
}

/// The rejection of a draft, with a comment
///
/// It stays a draft; the comment tells its author what to change.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/reject", operation_id = "rejectIncident", tag = "incidents",
    params(
        ("id" = String, Path, description = "The incident's id"),
        ("If-Match" = String, Header, description = "The ETag of the version reviewed"),
    ),
    request_body(content = RejectRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The incident as reviewed", body = IncidentRecord,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 400, description = "The body is not empty nor a JSON object with a comment", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 403, description = "The user may not review it (a delegate, its author, one who changed it), or the token only reads", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 404, description = "No such incident, or one the user may not read", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 409, description = "It is verified already", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 412, description = "It changed since that version", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 422, description = "A rejection without a comment", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 428, description = "No If-Match", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token, or one that does not open the API", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 429, description = "The token's rate is used up: wait `Retry-After` seconds", body = ProblemDetails, content_type = "application/problem+json",
            headers(("Retry-After" = u32, description = "Seconds before the next request is accepted"))),
    ))]
pub async fn reject(
    state: State<AppState>,
    user: RequireUser,
    id: Path<String>,
    headers: HeaderMap,
    ApiBody(body): ApiBody,
) -> Result<Response, Error> {
    review(state, user, id, headers, body, Status::Draft).await
}

/// `POST …/approve` and `…/reject`: the four-eyes review of the version
/// `If-Match` names; a rejection needs `{"comment": …}`.
async fn review(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
    to: Status,
) -> Result<Response, Error> {
    let lang = user.lang;
    if let Err(problem) = require_present(&headers) {
        return Ok(problem.respond(lang));
    }
    let form: ReviewBody = if body.iter().all(u8::is_ascii_whitespace) {
        ReviewBody::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(form) => form,
            Err(_) => {
                return Ok(Problem::new(StatusCode::BAD_REQUEST, "invalid-body", "api-error-review-body").respond(lang));
            }
        }
    };
    let comment = form.comment.unwrap_or_default().trim().to_string();
    if comment.chars().count() > MAX_COMMENT {
        let error = FieldError::new("comment", FieldErrorKind::TooLong { max: MAX_COMMENT }, "");
        return Ok(Problem::invalid(&[error], lang).respond(lang));
    }
    if to == Status::Draft && comment.is_empty() {
        let error = FieldProblem::named("comment", "required", "web-error-comment", lang);
        return Ok(Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid-values", "web-error-comment")
            .with_errors(vec![error])
            .respond(lang));
    }
    let current = user.session.user.clone();
    let target = id.clone();
    let stored = state.read(move |store| readable(store, &target, &current)).await?;
    let Some(stored) = stored else {
        return Ok(Problem::not_found().respond(lang));
    };
    let version = save::fingerprint(&stored);
    if let Err(problem) = require_match(&headers, &version) {
        return Ok(problem.respond(lang));
    }
    let current = user.session.user.clone();
    let outcome = state
        .write(move |store| {
            let comment = (!comment.is_empty()).then_some(comment);
            match review::check(store, &current, &id, &version, to, comment.as_deref())? {
                Check::Ready(ready) => {
                    // the store checks the version again, in the write's transaction
                    if store.review_incidents(&[*ready], to, current.id, comment.as_deref())?.is_empty() {
                        return Ok(Ok(store.incident(&id)?));
                    }
                    Ok(Err(Check::Stale))
                }
                refused => Ok(Err(refused)),
            }
        })
        .await?;
    Ok(match outcome {
        Ok(Some(incident)) => record(StatusCode::OK, &incident),
        Ok(None) | Err(Check::NotFound) => Problem::not_found().respond(lang),
        Err(Check::Forbidden) => Problem::forbidden().respond(lang),
        // a ready review that is not written found the incident changed
        Err(Check::Stale | Check::Ready(_)) => {
            Problem::new(StatusCode::PRECONDITION_FAILED, "precondition-failed", "api-error-changed").respond(lang)
        }
        Err(Check::Verified) => Problem::new(StatusCode::CONFLICT, "conflict", "web-error-verified").respond(lang),
    })
}
