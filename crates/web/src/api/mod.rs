//! The API, `/api/v1/`: what a person does on the pages, for programs,
//! with the same rules (the handlers call the flows the pages call). A
//! request is authenticated by a personal access token (`bearer.rs`) or a
//! browser's session; JSON in and out, refusals as RFC 9457 problems
//! (`problem.rs`), lists by cursor (`cursor.rs`), records with `ETag` and
//! changes with `If-Match` (`conditional.rs`), creations with
//! `Idempotency-Key` (`idempotency.rs`).

mod conditional;
mod cursor;
mod idempotency;
mod incidents;
pub mod problem;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::state::AppState;

/// The largest JSON body of a record (an incident is a few kilobytes).
const MAX_BODY: usize = 256 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/incidents", get(incidents::list).post(incidents::create))
        .route("/api/v1/incidents/{id}", get(incidents::get).patch(incidents::update))
        .route("/api/v1/incidents/{id}/history", get(incidents::history))
        .route("/api/v1/incidents/{id}/approve", post(incidents::approve))
        .route("/api/v1/incidents/{id}/reject", post(incidents::reject))
        .layer(DefaultBodyLimit::max(MAX_BODY))
}
