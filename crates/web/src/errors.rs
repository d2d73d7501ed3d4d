//! The one error of a handler, [`Error`], so that a handler reads top to
//! bottom with `?`: a refusal of what the visitor asked (a status and the
//! catalogue message that says why), the store's [`Busy`](Error::Busy)
//! (503, `Retry-After: 5`: nothing was changed, try again), or a failure of
//! the server ([`Internal`](Error::Internal): logged here, shown as a page
//! that says only that).
//!
//! **The language.** An error does not carry the page's language: its
//! response is a bare status with the error's [`Shown`] in the response's
//! extensions, and the middleware `error_page::render`, which runs inside
//! the language middleware and so knows the request's language and path,
//! turns it into what the visitor reads: the `error.html` page in their
//! language, or under `/api/` an RFC 9457 problem
//! (`application/problem+json`: `type`, `title`, `status`, `detail`).
//! Handlers thus build errors without knowing the language, and one place
//! renders them all. Without that middleware (never, in the router) the
//! body is the French message as plain text.
//!
//! *Invariant:* imports nothing of the crate (`tests/module_graph.rs`).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use vigie_domain::Lang;
use vigie_store::StoreError;

/// How many seconds a client is asked to wait before trying a write again.
const RETRY_AFTER_SECONDS: &str = "5";

/// A handler's failure; see the module's comment.
#[derive(Debug)]
pub enum Error {
    /// The visitor's request is refused: `status`, and the catalogue's
    /// `message` (a `web-…` id) saying why.
    Refused { status: StatusCode, message: &'static str },
    /// Another connection held the database's write lock (an import) longer
    /// than a write waits: nothing was changed.
    Busy,
    /// The server failed (the store, a template, a thread): logged, never
    /// shown.
    Internal(anyhow::Error),
}

/// What the error page shows: the status is the response's, the message
/// the catalogue's. Left in the response's extensions for
/// `error_page::render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub message: &'static str,
}

impl Error {
    pub fn new(status: StatusCode, message: &'static str) -> Error {
        Error::Refused { status, message }
    }

    /// 404, and what a user may not read answers the same.
    pub fn not_found() -> Error {
        Error::new(StatusCode::NOT_FOUND, "web-error-not-found")
    }

    pub fn forbidden() -> Error {
        Error::new(StatusCode::FORBIDDEN, "web-error-forbidden")
    }

    /// 400 with `message`: a parameter or a form the visitor sent is wrong.
    pub fn bad_request(message: &'static str) -> Error {
        Error::new(StatusCode::BAD_REQUEST, message)
    }

    /// A failure of the server; the store's "busy" (as itself, or inside an
    /// `anyhow::Error`) is [`Error::Busy`].
    pub fn internal(error: impl Into<anyhow::Error>) -> Error {
        let error = error.into();
        let busy = error.chain().any(|cause| cause.downcast_ref::<StoreError>().is_some_and(StoreError::is_busy));
        if busy { Error::Busy } else { Error::Internal(error) }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Error::Refused { status, .. } => *status,
            Error::Busy => StatusCode::SERVICE_UNAVAILABLE,
            Error::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The catalogue's message shown for this error.
    pub fn message(&self) -> &'static str {
        match self {
            Error::Refused { message, .. } => message,
            Error::Busy => "web-error-busy",
            Error::Internal(_) => "web-error-internal",
        }
    }
}

impl From<StoreError> for Error {
    /// Busy is 503, a record not found 404, a change refused because
    /// someone else's came first 409; anything else is the server's.
    fn from(error: StoreError) -> Error {
        match error {
            error if error.is_busy() => Error::Busy,
            StoreError::NotFound(_) => Error::not_found(),
            StoreError::Conflict(_) => Error::new(StatusCode::CONFLICT, "web-error-conflict"),
            error => Error::Internal(error.into()),
        }
    }
}

impl From<anyhow::Error> for Error {
    fn from(error: anyhow::Error) -> Error {
        Error::internal(error)
    }
}

impl From<minijinja::Error> for Error {
    fn from(error: minijinja::Error) -> Error {
        Error::internal(error)
    }
}

impl From<tokio::task::JoinError> for Error {
    fn from(error: tokio::task::JoinError) -> Error {
        Error::internal(error)
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        match &self {
            Error::Refused { .. } => {}
            Error::Busy => tracing::warn!("a write gave up waiting for the database's write lock"),
            Error::Internal(error) => tracing::error!("{error:#}"),
        }
        let (status, message) = (self.status(), self.message());
        let fallback = vigie_i18n::catalog().text(Lang::Fr, message);
        let mut response = (status, fallback).into_response();
        response.extensions_mut().insert(Shown { message });
        if matches!(self, Error::Busy) {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECONDS));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_s_errors_are_sorted() {
        assert!(matches!(Error::from(StoreError::Busy), Error::Busy));
        assert!(matches!(Error::internal(anyhow::Error::new(StoreError::Busy).context("saving")), Error::Busy));
        assert_eq!(Error::from(StoreError::NotFound("x".into())).status(), StatusCode::NOT_FOUND);
        assert_eq!(Error::from(StoreError::Conflict("x".into())).status(), StatusCode::CONFLICT);
        let corrupt = Error::from(StoreError::Corrupt("secret detail".into()));
        assert_eq!(corrupt.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(corrupt.message(), "web-error-internal");
    }

    #[test]
    fn a_busy_answer_asks_to_retry_and_leaks_nothing() {
        let busy = Error::Busy.into_response();
        assert_eq!(busy.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(busy.headers()[header::RETRY_AFTER], "5");
        assert_eq!(busy.extensions().get::<Shown>(), Some(&Shown { message: "web-error-busy" }));
        let internal = Error::internal(anyhow::anyhow!("secret detail")).into_response();
        assert_eq!(internal.extensions().get::<Shown>(), Some(&Shown { message: "web-error-internal" }));
    }
}
