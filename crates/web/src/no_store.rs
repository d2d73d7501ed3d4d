//! `Cache-Control: no-store` on every response to a request with a session
//! (pages, exports, files, JSON, errors, redirects), on the login pages and
//! on the account's pages (a second factor's secret and recovery codes are
//! shown there before any session exists):
//! what a logged-in user was shown stays out of the browser's disk cache
//! and any shared cache, and the back button after logout shows nothing.
//! It replaces a handler's own caching (an article image's). Anonymous
//! visitors' public pages keep theirs, and so does `/static/` (the
//! stylesheet, the same for everyone, holds no data).
//!
//! Placed between the session middleware (which it needs) and the CSRF
//! check (whose refusals it covers).

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::csrf::is_login_path;
use crate::session::Session;

pub async fn apply(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let private = !path.starts_with("/static/")
        && (request.extensions().get::<Session>().is_some() || is_login_path(path) || path.starts_with("/account/"));
    let mut response = next.run(request).await;
    if private {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}
