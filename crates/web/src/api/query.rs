//! `ApiQuery<T>`: the query string as `T`, or a 400 problem that names the
//! parameter (an unknown one, or a value of the wrong kind) in the
//! request's language; `ApiBody`: the body's bytes, or a 413 (too large)
//! or 400 problem — never axum's plain-text refusals.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::Response;
use serde::de::DeserializeOwned;
use vigie_domain::{FieldError, FieldErrorKind, Lang};

use super::problem::Problem;

pub struct ApiQuery<T>(pub T);

pub struct ApiBody(pub Bytes);

/// The problem of a query string serde could not read.
fn refusal(error: &serde_urlencoded::de::Error, lang: Lang) -> Problem {
    let text = error.to_string();
    // serde names the field between backquotes
    let field = text.split('`').nth(1).unwrap_or("query").to_string();
    let kind = if text.contains("unknown field") {
        let known = text.split("expected ").nth(1).unwrap_or("").replace('`', "");
        FieldErrorKind::UnknownKey { keys: known }
    } else if text.contains("missing field") {
        FieldErrorKind::Required
    } else {
        FieldErrorKind::UnknownCode { codes: text.clone() }
    };
    Problem::parameter(&FieldError::new(field, kind, ""), lang)
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let lang = parts.extensions.get::<Lang>().copied().unwrap_or(Lang::Fr);
        serde_urlencoded::from_str(parts.uri.query().unwrap_or(""))
            .map(ApiQuery)
            .map_err(|e| refusal(&e, lang).respond(lang))
    }
}

impl<S: Send + Sync> FromRequest<S> for ApiBody {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let lang = request.extensions().get::<Lang>().copied().unwrap_or(Lang::Fr);
        Bytes::from_request(request, state).await.map(ApiBody).map_err(|e| Problem::body(&e).respond(lang))
    }
}
