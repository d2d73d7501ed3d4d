//! Error responses: a small page in the interface language, or JSON
//! `{"error": …}` under `/api/`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use vigie_domain::Lang;

use crate::templates;

/// An HTML error page whose message is the catalogue's `message_id`.
pub fn page(lang: Lang, status: StatusCode, message_id: &str) -> Response {
    let message = vigie_i18n::catalog().text(lang, message_id);
    match templates::render(
        "error.html",
        lang,
        None,
        minijinja::context! { status => status.as_u16(), message => message.clone() },
    ) {
        Ok(html) => (status, html).into_response(),
        Err(_) => (status, message).into_response(),
    }
}

/// The API's error: `{"error": message}` in English.
pub fn json(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

/// A failure of the server (the store, a template): logged, and a generic
/// page.
pub fn internal(lang: Lang, error: impl std::fmt::Display) -> Response {
    tracing::error!("{error}");
    page(lang, StatusCode::INTERNAL_SERVER_ERROR, "web-error-internal")
}
