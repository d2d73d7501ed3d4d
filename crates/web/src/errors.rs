//! Error responses: a small page in the interface language, or JSON
//! `{"error": …}` under `/api/`.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use vigie_domain::Lang;
use vigie_store::StoreError;

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
/// page; or, when the database's write lock stayed taken (an import),
/// [`busy`].
pub fn internal<E: std::fmt::Display + 'static>(lang: Lang, error: E) -> Response {
    if is_busy(&error) {
        return busy(lang);
    }
    tracing::error!("{error}");
    page(lang, StatusCode::INTERNAL_SERVER_ERROR, "web-error-internal")
}

/// How many seconds a client is asked to wait before trying a write again.
const RETRY_AFTER_SECONDS: &str = "5";

/// 503 with `Retry-After`: another process writes to the database (an
/// import, most likely); nothing was changed.
pub fn busy(lang: Lang) -> Response {
    tracing::warn!("a write gave up waiting for the database's write lock");
    let mut response = page(lang, StatusCode::SERVICE_UNAVAILABLE, "web-error-busy");
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECONDS));
    response
}

/// Whether `error` is the store's "busy", as itself or inside an
/// `anyhow::Error`.
pub fn is_busy<E: 'static>(error: &E) -> bool {
    let any = error as &dyn std::any::Any;
    if let Some(store) = any.downcast_ref::<StoreError>() {
        return store.is_busy();
    }
    if let Some(error) = any.downcast_ref::<anyhow::Error>() {
        return error.chain().any(|cause| cause.downcast_ref::<StoreError>().is_some_and(StoreError::is_busy));
    }
    false
}
