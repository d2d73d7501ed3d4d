//! The API, `/api/v1/`: what a person does on the pages, for programs,
//! with the same rules (the handlers call the flows the pages call). A
//! request is authenticated by a personal access token (`bearer.rs`) or a
//! browser's session; JSON in and out, refusals as RFC 9457 problems
//! (`problem.rs`), lists by cursor (`cursor.rs`), records with `ETag` and
//! changes with `If-Match` (`conditional.rs`), creations with
//! `Idempotency-Key` (`idempotency.rs`).
//!
//! Each handler carries its OpenAPI description (`#[utoipa::path]`), and
//! the routes are registered from those descriptions (`utoipa_axum`): a
//! route cannot exist without its place in `/api/v1/openapi.json`, nor the
//! document name a route that does not exist.

// utoipa's macros write the types they document with their module paths
#![allow(unused_qualifications)]

mod conditional;
mod cursor;
mod idempotency;
mod imports;
mod incidents;
pub mod problem;
mod public;
mod publications;
mod query;
mod reference;
mod registers;
mod reports;
mod schemas;

use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// The largest JSON body of a record (an incident is a few kilobytes).
const MAX_BODY: usize = 256 * 1024;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Vigie API",
        version = "1",
        description = "The register of incidents, the coalition's registers, reports and bulletins, for programs. \
            Authenticate with a personal access token (`Authorization: Bearer vigie_pat_…`, made on /account/tokens \
            or with `vigie token create`): it acts as its user, with the same role, countries and rules as on the pages. \
            The reference is at /api.",
        license(name = "Apache-2.0 OR MIT")
    ),
    modifiers(&BearerToken),
    security(("token" = [])),
    components(schemas(problem::ProblemDetails, problem::FieldProblem)),
    tags(
        (name = "incidents", description = "The register of incidents: drafts, changes, the four-eyes review"),
        (name = "registers", description = "Countries, regions, perpetrator groups, members, partners, activities, notes"),
        (name = "reports", description = "The reports of the pages and the command line, as JSON"),
        (name = "publications", description = "The stories in three languages and the bulletin's issues"),
        (name = "public", description = "What the coalition publishes: open to anyone, from any origin")
    )
)]
struct ApiDoc;

/// The `token` security scheme: HTTP bearer.
struct BearerToken;

impl utoipa::Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .bearer_format("vigie_pat_ and 64 hex digits")
            .description(Some("A personal access token; a browser's session cookie is accepted too."))
            .build();
        openapi.components.get_or_insert_default().add_security_scheme("token", SecurityScheme::Http(scheme));
    }
}

/// The routes of the API and their document.
fn documented() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(incidents::list, incidents::create))
        .routes(routes!(incidents::get, incidents::update))
        .routes(routes!(incidents::history))
        .routes(routes!(incidents::approve))
        .routes(routes!(incidents::reject))
        .routes(routes!(registers::countries_list))
        .routes(routes!(registers::regions))
        .routes(routes!(registers::groups))
        .routes(routes!(registers::members_list))
        .routes(routes!(registers::partners_list))
        .routes(routes!(registers::activities_list))
        .routes(routes!(registers::notes_list))
        .routes(routes!(reports::monthly))
        .routes(routes!(reports::year))
        .routes(routes!(reports::timeline))
        .routes(routes!(reports::national_days))
        .routes(routes!(reports::revisions))
        .routes(routes!(publications::articles))
        .routes(routes!(publications::bulletins))
        .routes(routes!(publications::file))
        .routes(routes!(public::bulletins))
        .routes(routes!(public::figures))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        // an import's file is larger than a record
        .merge(OpenApiRouter::new().routes(routes!(imports::import)).layer(DefaultBodyLimit::max(imports::MAX_BODY)))
}

static DOCUMENT: OnceLock<String> = OnceLock::new();

fn serialised(openapi: &utoipa::openapi::OpenApi) -> String {
    openapi.to_pretty_json().expect("the OpenAPI document serialises")
}

/// The OpenAPI document, serialised once (by `routes`, which splits the
/// routes from it, or here when asked first).
pub fn document() -> &'static str {
    DOCUMENT.get_or_init(|| serialised(&documented().split_for_parts().1))
}

pub fn routes() -> Router<AppState> {
    let (router, openapi) = documented().split_for_parts();
    let document = Arc::new(DOCUMENT.get_or_init(|| serialised(&openapi)).as_str());
    router.route("/api", get(reference::page)).route(
        "/api/v1/openapi.json",
        get(move || {
            let document = Arc::clone(&document);
            async move { ([(header::CONTENT_TYPE, "application/json")], *document).into_response() }
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_is_openapi_3_1_with_every_route_and_its_problems() {
        let document: serde_json::Value = serde_json::from_str(document()).unwrap();
        assert!(document["openapi"].as_str().unwrap().starts_with("3.1"), "{}", document["openapi"]);
        let paths = document["paths"].as_object().unwrap();
        for (path, methods) in [
            ("/api/v1/incidents", &["get", "post"][..]),
            ("/api/v1/incidents/{id}", &["get", "patch"]),
            ("/api/v1/incidents/{id}/history", &["get"]),
            ("/api/v1/incidents/{id}/approve", &["post"]),
            ("/api/v1/incidents/{id}/reject", &["post"]),
        ] {
            for method in methods {
                let operation = &paths[path][method];
                assert!(operation.is_object(), "{method} {path}");
                assert!(operation["summary"].is_string(), "{method} {path} has a summary");
                assert!(operation["responses"]["401"].is_object(), "{method} {path} says what 401 means");
            }
        }
        let schemas = document["components"]["schemas"].as_object().unwrap();
        for name in ["Incident", "IncidentFields", "NewIncident", "IncidentPage", "Problem", "FieldProblem", "History"]
        {
            assert!(schemas.contains_key(name), "{name}");
        }
        assert_eq!(document["components"]["securitySchemes"]["token"]["scheme"], "bearer");
    }
}
