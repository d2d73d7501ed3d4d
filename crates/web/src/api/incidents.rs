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
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use vigie_domain::incident::Column;
use vigie_domain::user::{Drafts, can_read_incident, can_write_incidents, readable_drafts};
use vigie_domain::{FieldError, FieldErrorKind, Incident, Lang, Status, User};
use vigie_formats::native::{incident_json, value_text};
use vigie_store::{Store, StoreError};

use super::conditional::{etag, require_match};
use super::problem::{FieldProblem, Problem};
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

/// The page's query, or the refusal that names the wrong parameter.
fn parse_query(raw: Option<&str>, lang: Lang) -> Result<ApiListQuery, Problem> {
    serde_urlencoded::from_str::<ApiListQuery>(raw.unwrap_or("")).map_err(|e| {
        let text = e.to_string();
        // serde names the unknown field between backquotes
        let field = text.split('`').nth(1).unwrap_or("query").to_string();
        let known = "country, region, from, to, perpetrator, target, method, status, search, sort, limit, cursor, lang";
        parameter(&field, "", FieldErrorKind::UnknownKey { keys: known.into() }, lang)
    })
}

/// `GET /api/v1/incidents`.
pub async fn list(
    State(state): State<AppState>,
    user: RequireUser,
    RawQuery(raw): RawQuery,
) -> Result<Response, Error> {
    let lang = user.lang;
    let query = match parse_query(raw.as_deref(), lang) {
        Ok(query) => query,
        Err(refused) => return Ok(refused.respond(lang)),
    };
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
    let mut response = axum::Json(json!({ "items": items, "limit": limit, "next": next })).into_response();
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

/// `GET /api/v1/incidents/{id}`.
pub async fn get(State(state): State<AppState>, user: RequireUser, Path(id): Path<String>) -> Result<Response, Error> {
    let current = user.session.user.clone();
    match state.read(move |store| readable(store, &id, &current)).await? {
        Some(incident) => Ok(record(StatusCode::OK, &incident)),
        None => Ok(Problem::not_found().respond(user.lang)),
    }
}

/// `GET /api/v1/incidents/{id}/history`: its audit entries, latest first,
/// as the pages show them to this user (only its verified versions to
/// whoever may not read its drafts).
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

/// `POST /api/v1/incidents`: a new draft; 201 with its `Location`.
pub async fn create(
    State(state): State<AppState>,
    user: RequireUser,
    headers: HeaderMap,
    body: Bytes,
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

/// `PATCH /api/v1/incidents/{id}`: the fields given replace the stored
/// ones (`null` empties one), the others stay; `If-Match` names the
/// version changed. The incident becomes a draft again.
pub async fn update(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Error> {
    let lang = user.lang;
    let given = match given(&body, &headers, lang, false) {
        Ok(given) => given,
        Err(refused) => return Ok(refused.respond(lang)),
    };
    let current = user.session.user.clone();
    let target = id.clone();
    let stored = state.read(move |store| save::changeable(store, &target, &current)).await?;
    let stored = match stored {
        Ok(stored) => stored,
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
    comment: String,
}

pub async fn approve(
    state: State<AppState>,
    user: RequireUser,
    id: Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Error> {
    review(state, user, id, headers, body, Status::Verified).await
}

pub async fn reject(
    state: State<AppState>,
    user: RequireUser,
    id: Path<String>,
    headers: HeaderMap,
    body: Bytes,
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
    let comment = form.comment.trim().to_string();
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
