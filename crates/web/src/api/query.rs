//! `ApiQuery<T>`: the query string as `T`, or a 400 problem that names the
//! parameter (an unknown one, or a value of the wrong kind) in the
//! request's language — never axum's plain-text refusal.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Response;
use serde::de::DeserializeOwned;
use vigie_domain::{FieldError, FieldErrorKind, Lang};

use super::problem::Problem;

pub struct ApiQuery<T>(pub T);

/// The problem of a query string serde could not read.
pub fn refusal(error: &serde_urlencoded::de::Error, lang: Lang) -> Problem {
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
