//! What a visitor reads of an [`Error`](crate::errors::Error): a middleware
//! inside the language middleware, so it knows the request's language and
//! path. A response that carries an error's [`Shown`] gets its body here:
//! the `error.html` page in the request's language, or, under `/api/`, an
//! RFC 9457 problem (`application/problem+json`; `title` is the status's
//! reason, `detail` the catalogue's message in the request's language).
//! The status and the headers (`Retry-After` of a busy store, the security
//! headers, `Cache-Control`) are the response's, left as they are.

use axum::Json;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use vigie_domain::Lang;

use crate::errors::Shown;
use crate::{i18n, templates};

/// The error page of `status` with the catalogue's `message`.
fn error_html(lang: Lang, status: StatusCode, message: &str) -> Body {
    let message = vigie_i18n::catalog().text(lang, message);
    let values = minijinja::context! { status => status.as_u16(), message => message.clone() };
    match templates::render("error.html", lang, None, values) {
        Ok(html) => html.into_response().into_body(),
        Err(e) => {
            tracing::error!("the error page: {e}");
            Body::from(message)
        }
    }
}

/// The RFC 9457 problem of `status` with the catalogue's `message`.
fn problem(lang: Lang, status: StatusCode, message: &str) -> Body {
    let detail = vigie_i18n::catalog().text(lang, message);
    let title = status.canonical_reason().unwrap_or("Error");
    Json(json!({ "type": "about:blank", "title": title, "status": status.as_u16(), "detail": detail }))
        .into_response()
        .into_body()
}

pub async fn render(request: Request, next: Next) -> Response {
    let lang = i18n::of(&request);
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let Some(shown) = response.extensions().get::<Shown>().copied() else {
        return response;
    };
    let (mut parts, _) = response.into_parts();
    let (body, content_type) = if api {
        (problem(lang, parts.status, shown.message), "application/problem+json")
    } else {
        (error_html(lang, parts.status, shown.message), "text/html; charset=utf-8")
    };
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, body)
}
