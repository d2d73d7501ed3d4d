//! `Idempotency-Key` on creations (the IETF draft's header, as Stripe and
//! others honour it): a client that did not get the answer to a creation
//! (a time-out, a lost connection) sends the same request again with the
//! same key and gets the first answer again, not a second record. The
//! answer is kept a day, per user and key, with a hash of the request: the
//! same key with another request is refused (422), and a repeat while the
//! first is still being answered waits for nothing (409).
//!
//! The answer is kept after the record is written, in the sessions file:
//! if the process dies between the two, the key is free again after a
//! minute, and a repeat meets the record it created (409 duplicate), not a
//! second one.

use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use vigie_store::{Idempotency, StoredAnswer};

use super::problem::{FieldProblem, Problem};
use crate::errors::Error;
use crate::state::AppState;
use crate::util::hex;

pub const HEADER: &str = "idempotency-key";
const MAX_KEY: usize = 255;

/// A request under way with a key.
pub struct Held {
    user_id: i64,
    key: String,
}

/// What to do with a creation.
pub enum Begun {
    /// Answer it (then `finish` with the key, if there was one).
    Go(Option<Held>),
    /// Send this answer: a repeat's, or a refusal.
    Answer(Response),
}

pub async fn begin(
    state: &AppState,
    user_id: i64,
    headers: &HeaderMap,
    path: &str,
    body: &[u8],
    lang: vigie_domain::Lang,
) -> Result<Begun, Error> {
    let Some(key) = headers.get(HEADER) else {
        return Ok(Begun::Go(None));
    };
    let key = match key.to_str() {
        Ok(key) if !key.is_empty() && key.len() <= MAX_KEY && key.bytes().all(|b| b.is_ascii_graphic()) => key,
        _ => {
            let problem = Problem::new(StatusCode::BAD_REQUEST, "invalid-parameters", "api-error-parameters")
                .with_errors(vec![FieldProblem::named(HEADER, "bad_key", "api-error-idempotency-key", lang)]);
            return Ok(Begun::Answer(problem.respond(lang)));
        }
    };
    let mut hasher = Sha256::new();
    hasher.update(path.as_bytes());
    hasher.update([0]);
    hasher.update(body);
    let request_hash = hex(&hasher.finalize());
    let held = Held { user_id, key: key.to_string() };
    let key = held.key.clone();
    let begun =
        state.write(move |store| store.begin_idempotent(user_id, &key, &request_hash, jiff::Timestamp::now())).await?;
    Ok(match begun {
        Idempotency::Go => Begun::Go(Some(held)),
        Idempotency::Answered(answer) => Begun::Answer(replay(answer)),
        Idempotency::InProgress => Begun::Answer(
            Problem::new(StatusCode::CONFLICT, "idempotency-in-progress", "api-error-idempotency-in-progress")
                .with_header(header::RETRY_AFTER, HeaderValue::from_static("1"))
                .respond(lang),
        ),
        Idempotency::OtherRequest => Begun::Answer(
            Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "idempotency-key-reused", "api-error-idempotency-reused")
                .respond(lang),
        ),
    })
}

fn replay(answer: StoredAnswer) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
    let json = if status.is_success() { "application/json" } else { "application/problem+json" };
    let mut response = Response::new(Body::from(answer.body));
    *response.status_mut() = status;
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(json));
    response.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
    if let Some(location) = answer.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// Keeps the answer to a request begun with a key: a success or an
/// invalid request (the same request gets the same answer); anything
/// else (a conflict, a busy store) frees the key for a new try.
pub async fn finish(state: &AppState, held: Option<Held>, response: Response) -> Response {
    let Some(Held { user_id, key }) = held else {
        return response;
    };
    let status = response.status();
    let kept = status.is_success() || status == StatusCode::UNPROCESSABLE_ENTITY;
    let (parts, body) = response.into_parts();
    let bytes = match to_bytes(body, 4 * 1024 * 1024).await {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::error!("an idempotent answer could not be read back: {e}");
            let _ = state.write(move |store| store.finish_idempotent(user_id, &key, None)).await;
            return Error::internal(anyhow::anyhow!("{e}")).into_response();
        }
    };
    let answer = kept.then(|| StoredAnswer {
        status: status.as_u16(),
        location: parts.headers.get(header::LOCATION).and_then(|l| l.to_str().ok()).map(str::to_string),
        body: String::from_utf8_lossy(&bytes).into_owned(),
    });
    if let Err(e) = state.write(move |store| store.finish_idempotent(user_id, &key, answer.as_ref())).await {
        tracing::warn!("an idempotent answer was not kept: {e}");
    }
    Response::from_parts(parts, Body::from(bytes))
}
