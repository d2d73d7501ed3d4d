//! The router: every route of the application and the middleware around
//! them (outermost first: security headers, language, error pages,
//! API token, session, `Cache-Control: no-store` for sessions, CSRF).

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::errors::Error;
use crate::state::AppState;
use crate::{
    articles, bearer, bulletins, confirmations, csrf, error_page, groups, i18n, incidents, login, no_store, pages,
    second_factor, session,
};

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

async fn not_found() -> Error {
    Error::not_found()
}

pub fn router(state: AppState) -> Router {
    let mut router = Router::new()
        .route("/", get(pages::home))
        .route("/static/vigie.css", get(pages::stylesheet))
        .route("/login", get(login::form).post(login::submit))
        .route("/login/code", get(second_factor::code_form).post(second_factor::code_submit))
        .route("/account/totp", get(second_factor::enrol_form).post(second_factor::enrol_submit))
        .route("/account/totp/recovery-codes", post(second_factor::renew_codes))
        .route("/logout", post(login::logout))
        .route("/account/tokens", get(crate::tokens::list).post(crate::tokens::create))
        .route("/account/tokens/{id}/revoke", post(crate::tokens::revoke))
        .route("/dashboard", get(pages::dashboard))
        .route("/dashboard/explain", get(pages::explain))
        .route("/confirmations", post(confirmations::record))
        .route("/groups", get(groups::list))
        .route("/groups/{id}/kind", post(groups::set_kind))
        .route("/api/v1/dashboard", get(pages::dashboard_json))
        .route("/incidents", get(incidents::list).post(incidents::create))
        .route("/incidents/new", get(incidents::new_form))
        .route("/incidents/export.csv", get(incidents::export_csv))
        .route("/incidents/export.geojson", get(incidents::export_geojson))
        .route(
            "/incidents/import",
            get(incidents::import_form)
                .post(incidents::import_upload)
                // the file, and room for the form's other fields
                .layer(DefaultBodyLimit::max(incidents::IMPORT_LIMIT + 64 * 1024)),
        )
        .route("/incidents/import/rejects/{token}", get(incidents::rejects_file))
        .route("/incidents/{id}", get(incidents::show))
        .route("/incidents/{id}/edit", get(incidents::edit_form).post(incidents::update))
        .route("/incidents/{id}/approve", post(incidents::approve))
        .route("/incidents/{id}/reject", post(incidents::reject))
        .route("/imports", get(incidents::imports::list))
        .route("/imports/{id}", get(incidents::imports::show))
        .route("/imports/{id}/approve", post(incidents::imports::approve))
        .route(
            "/articles",
            get(articles::list).post(articles::create).layer(DefaultBodyLimit::max(articles::MAX_FORM_BYTES)),
        )
        .route("/articles/new", get(articles::new_form))
        .route("/articles/images/{hash}", get(articles::image))
        .route("/articles/{id}/{lang}", get(articles::show))
        .route(
            "/articles/{id}/{lang}/edit",
            get(articles::edit_form).post(articles::update).layer(DefaultBodyLimit::max(articles::MAX_FORM_BYTES)),
        )
        .route("/articles/{id}/{lang}/status", post(articles::set_status))
        .route("/bulletins", get(bulletins::list).post(bulletins::create))
        .route("/bulletins/{number}/publish", post(bulletins::publish))
        .route("/bulletins/{number}/{file}", get(bulletins::file))
        .merge(crate::registers::routes())
        .merge(crate::api::routes())
        .route("/admin/users", get(crate::users::list).post(crate::users::create))
        .route("/admin/users/{id}", get(crate::users::show))
        .route("/admin/users/{id}/role", post(crate::users::set_role))
        .route("/admin/users/{id}/disable", post(crate::users::disable))
        .route("/admin/users/{id}/enable", post(crate::users::enable))
        .route("/admin/users/{id}/password", post(crate::users::set_password))
        .route("/admin/users/{id}/totp-reset", post(crate::users::reset_totp))
        .route("/admin/users/totp-roles", post(crate::users::set_totp_roles))
        .route("/audit", get(crate::audit::list))
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), csrf::check))
        .layer(axum::middleware::from_fn(no_store::apply))
        .layer(from_fn_with_state(state.clone(), session::resolve))
        .layer(from_fn_with_state(state.clone(), bearer::resolve))
        .layer(axum::middleware::from_fn(error_page::render))
        .layer(from_fn_with_state(state.clone(), i18n::resolve));
    for (name, value) in SECURITY_HEADERS {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    router.with_state(state)
}
