//! The router: every route of the application and the middleware around
//! them (outermost first: security headers, language, session, CSRF).

use axum::Router;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::state::AppState;
use crate::{bulletins, csrf, errors, i18n, incidents, login, pages, session};

/// No page is framed, sniffed, or loads anything but this site's own
/// stylesheet (no script at all).
const SECURITY_HEADERS: [(&str, &str); 4] = [
    (
        "content-security-policy",
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "same-origin"),
];

async fn not_found(request: axum::extract::Request) -> Response {
    if request.uri().path().starts_with("/api/") {
        return errors::json(StatusCode::NOT_FOUND, "not found");
    }
    errors::page(i18n::of(&request), StatusCode::NOT_FOUND, "web-error-not-found").into_response()
}

pub fn router(state: AppState) -> Router {
    let mut router = Router::new()
        .route("/", get(pages::home))
        .route("/static/vigie.css", get(pages::stylesheet))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/dashboard", get(pages::dashboard))
        .route("/api/v1/dashboard", get(pages::dashboard_json))
        .route("/incidents", get(incidents::list).post(incidents::create))
        .route("/incidents/new", get(incidents::new_form))
        .route("/incidents/export.csv", get(incidents::export_csv))
        .route("/incidents/export.geojson", get(incidents::export_geojson))
        .route("/incidents/{id}", get(incidents::show))
        .route("/incidents/{id}/approve", post(incidents::approve))
        .route("/incidents/{id}/reject", post(incidents::reject))
        .route("/bulletins", get(bulletins::list).post(bulletins::create))
        .route("/bulletins/{number}/publish", post(bulletins::publish))
        .route("/bulletins/{number}/{file}", get(bulletins::file))
        .route("/admin/users", get(pages::users))
        .route("/audit", get(pages::audit))
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), csrf::check))
        .layer(from_fn_with_state(state.clone(), session::resolve))
        .layer(from_fn_with_state(state.clone(), i18n::resolve));
    for (name, value) in SECURITY_HEADERS {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    router.with_state(state)
}
