//! The in-memory caches of the server (sessions, dashboard reports) never
//! serve what the store no longer says: a change through another store
//! handle — another process, as `vigie import` or `vigie user disable` on
//! the command line — is seen at the next request.

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::{Role, Status};

fn app() -> App {
    app_with(&[("viewer@vigie.example", Role::Viewer, &[]), ("analyst@vigie.example", Role::Analyst, &[])], |_, _| {})
}

async fn operations(app: &App, session: &str) -> u64 {
    let reply = app.get("/api/v1/dashboard?region=g5-sahel&month=2023-12", session).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let json: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    json["total"]["operations"]["current"].as_u64().unwrap()
}

#[tokio::test]
async fn the_dashboard_sees_an_import_by_another_process() {
    let app = app();
    import_incidents(app.store().as_mut(), &[incident("c-1", 4)]);
    let viewer = app.login("viewer@vigie.example").await;
    assert_eq!(operations(&app, &viewer).await, 1);
    assert_eq!(operations(&app, &viewer).await, 1, "the same answer from the cache");
    // the latest month too: the home page's figures
    let latest = app.get("/api/v1/dashboard?region=g5-sahel", &viewer).await;
    assert!(latest.body.contains(r#""month": "2023-12""#), "{}", latest.body);

    import_incidents(app.store().as_mut(), &[incident("c-2", 5), incident("c-3", 6)]);
    assert_eq!(operations(&app, &viewer).await, 3, "a commit by another connection empties the cache");
    import_incidents(app.store().as_mut(), &[incident("c-4", 7)]);
    assert_eq!(operations(&app, &viewer).await, 4);
}

#[tokio::test]
async fn the_dashboard_sees_a_draft_approved_in_the_web() {
    let app = app();
    let viewer = app.login("viewer@vigie.example").await;
    let analyst = app.login("analyst@vigie.example").await;
    import_incidents(app.store().as_mut(), &[incident("w-1", 4)]);
    assert_eq!(operations(&app, &viewer).await, 1);
    // a draft does not count; its approval (by another analyst than its
    // author: none here, it is imported) does, at once
    let mut draft = incident("w-2", 8);
    draft.status = Status::Draft;
    import_incidents(app.store().as_mut(), &[draft]);
    assert_eq!(operations(&app, &viewer).await, 1);
    let fields = app.review_fields(&analyst, "w-2").await;
    let reply = app.post("/incidents/w-2/approve", &fields, &analyst).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(operations(&app, &viewer).await, 2);
}

/// The store's hash of a session cookie (`vigie_session=TOKEN`).
fn hash_of(cookie: &str) -> String {
    vigie_web::token_hash(cookie.strip_prefix("vigie_session=").unwrap())
}

#[tokio::test]
async fn a_cached_session_ends_with_a_logout() {
    let app = app();
    let viewer = app.login("viewer@vigie.example").await;
    for _ in 0..2 {
        assert_eq!(app.get("/dashboard", &viewer).await.status, StatusCode::OK);
    }
    let csrf = app.token(&viewer).await;
    assert_eq!(app.post("/logout", &format!("csrf={csrf}"), &viewer).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/dashboard", &viewer).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/api/v1/dashboard", &viewer).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_cached_session_ends_with_a_change_on_the_command_line() {
    let app = app();
    let viewer = app.login("viewer@vigie.example").await;
    let analyst = app.login("analyst@vigie.example").await;
    for session in [&viewer, &analyst] {
        assert_eq!(app.get("/dashboard", session).await.status, StatusCode::OK);
    }
    // `vigie user disable` in another process
    app.store().set_user_disabled("viewer@vigie.example", true, "cli").unwrap();
    assert_eq!(app.get("/dashboard", &viewer).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/api/v1/dashboard", &viewer).await.status, StatusCode::UNAUTHORIZED);
    // an ended session, by another handle
    assert_eq!(app.get("/dashboard", &analyst).await.status, StatusCode::OK);
    let past = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(1);
    assert!(app.store().set_session_expiry(&hash_of(&analyst), past).unwrap());
    assert_eq!(app.get("/dashboard", &analyst).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_cached_session_ends_when_it_expires() {
    let app = app();
    let viewer = app.login("viewer@vigie.example").await;
    let soon = jiff::Timestamp::now() + jiff::SignedDuration::from_millis(300);
    assert!(app.store().set_session_expiry(&hash_of(&viewer), soon).unwrap());
    assert_eq!(app.get("/dashboard", &viewer).await.status, StatusCode::OK, "cached with its end");
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert_eq!(app.get("/dashboard", &viewer).await.status, StatusCode::SEE_OTHER, "no write since: the clock ends it");
}
