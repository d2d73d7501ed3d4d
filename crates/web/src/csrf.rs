//! CSRF protection of every POST (every method but GET and HEAD), as one
//! middleware. A request passes with a `csrf` form field (or an
//! `X-CSRF-Token` header) equal to either
//! - its session's token (`session.rs`: derived from the session's secret
//!   token), or
//! - the signed double-submit token of the login form: the `vigie_csrf`
//!   cookie holds a random nonce, the form holds HMAC-SHA256(server secret,
//!   nonce); a forged request can neither read the cookie nor sign a nonce.
//!   It opens the login form's own POST only (`/login`, and any later step
//!   under `/login/…`): once logged in, a token that a page showed before
//!   the session existed (in a cached page, a shared computer's history)
//!   changes nothing.
//!
//! A session's token is derived from that session's secret token, so it is
//! worth nothing in another session.
//!
//! A multipart form (an upload) carries the field as its first part
//! (`multipart_csrf.rs`). Anything else gets 403.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::cookies;
use crate::errors::Error;
use crate::multipart_csrf;
use crate::session::Session;
use crate::state::AppState;
use crate::util::{hex, hmac_sha256, new_token, same};

pub const CSRF_COOKIE: &str = "vigie_csrf";
const CSRF_HEADER: &str = "x-csrf-token";
/// The largest form body read (forms of this application are small).
const MAX_FORM: usize = 1024 * 1024;

fn sign(secret: &[u8; 32], nonce: &str) -> String {
    hex(&hmac_sha256(secret, format!("vigie-login-csrf:{nonce}").as_bytes()))
}

/// The login form's token, and the `Set-Cookie` value of a new nonce when
/// the request had none.
pub fn login_token(state: &AppState, headers: &HeaderMap) -> anyhow::Result<(String, Option<String>)> {
    match cookies::get(headers, CSRF_COOKIE).filter(|n| n.len() == 64) {
        Some(nonce) => Ok((sign(&state.secret, &nonce), None)),
        None => {
            let nonce = new_token()?;
            let cookie = cookies::set(CSRF_COOKIE, &nonce, 24 * 3600, state.config.secure_cookies);
            Ok((sign(&state.secret, &nonce), Some(cookie)))
        }
    }
}

/// Whether `path` is the login form's (`/login` or a step under it), the
/// only place the login form's token is taken.
pub fn is_login_path(path: &str) -> bool {
    path == "/login" || path.starts_with("/login/")
}

/// Whether the login form's token may open a POST to `path`: the login's
/// own steps, and the enrolment of a second factor that a role requires
/// before any session exists (`second_factor.rs`); never a POST of a
/// session.
fn login_token_opens(path: &str, has_session: bool) -> bool {
    is_login_path(path) || (!has_session && path == "/account/totp")
}

fn valid(state: &AppState, headers: &HeaderMap, path: &str, session: Option<&Session>, token: &str) -> bool {
    if token.is_empty() {
        return false;
    }
    if session.is_some_and(|s| same(token, &s.csrf)) {
        return true;
    }
    login_token_opens(path, session.is_some())
        && cookies::get(headers, CSRF_COOKIE).is_some_and(|nonce| same(token, &sign(&state.secret, &nonce)))
}

fn form_field(body: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Field {
        csrf: Option<String>,
    }
    // other fields are ignored; a body that is not a form has no token
    serde_urlencoded::from_bytes::<Field>(body).ok().and_then(|f| f.csrf)
}

/// Whether reading a body failed because the client stopped sending it
/// (the body time-out of `serve`).
fn timed_out(error: &axum::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = cause {
        if error.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        cause = error.source();
    }
    false
}

pub async fn check(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(request).await;
    }
    // a token's request: its credential is a header no browser sends by
    // itself, so no other site can forge it
    let session = request.extensions().get::<Session>();
    if session.is_some_and(|s| s.token.is_some()) {
        return next.run(request).await;
    }
    // an API request without a session carries no credential a forger could
    // borrow: it is refused for want of a token (401), not as a forgery
    if session.is_none() && request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let forbidden = || Error::new(StatusCode::FORBIDDEN, "web-error-csrf").into_response();
    let (parts, body) = request.into_parts();
    let session = parts.extensions.get::<Session>();
    let mut token = parts.headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()).map(str::to_string);
    let content_type = parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let is_form = content_type.starts_with("application/x-www-form-urlencoded");
    let body = if is_form {
        let bytes = match to_bytes(body, MAX_FORM).await {
            Ok(bytes) => bytes,
            Err(e) if timed_out(&e) => {
                return Error::new(StatusCode::REQUEST_TIMEOUT, "web-error-timeout").into_response();
            }
            Err(_) => return Error::new(StatusCode::PAYLOAD_TOO_LARGE, "web-error-too-large").into_response(),
        };
        if token.is_none() {
            token = form_field(&bytes);
        }
        Body::from(bytes)
    } else if token.is_none() && multipart_csrf::is_multipart(content_type) {
        // an upload: the token is its first field, the rest streams on
        let (found, body) = multipart_csrf::leading_token(content_type, body).await;
        token = found;
        body
    } else {
        body
    };
    if !valid(&state, &parts.headers, parts.uri.path(), session, token.as_deref().unwrap_or("")) {
        return forbidden();
    }
    next.run(Request::from_parts(parts, body)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_token_opens_the_login_paths_only() {
        assert!(is_login_path("/login"));
        assert!(is_login_path("/login/second-factor"));
        assert!(!is_login_path("/logout"));
        assert!(!is_login_path("/loginx"));
        assert!(!is_login_path("/incidents"));
        assert!(login_token_opens("/login/code", false) && login_token_opens("/account/totp", false));
        assert!(!login_token_opens("/account/totp", true), "a session's enrolment takes the session's token");
        assert!(!login_token_opens("/logout", false) && !login_token_opens("/incidents", false));
    }
}
