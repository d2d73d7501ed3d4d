//! What a visitor reads of an error: the page in the request's language,
//! an RFC 9457 problem under `/api/`, and of a server's failure nothing but
//! that it failed. (The store's "busy" is `during_import.rs`'s.)

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::{Lang, Role};

fn app() -> App {
    app_with(&[("admin@vigie.example", Role::Admin, &[])], |_, _| {})
}

fn text(lang: Lang, id: &str) -> String {
    vigie_i18n::catalog().text(lang, id)
}

/// A page's text with the escapes its messages may hold undone.
fn page_text(html: &str) -> String {
    unescaped(html).replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&")
}

#[tokio::test]
async fn an_error_page_is_in_the_request_s_language() {
    let app = app();
    for lang in Lang::ALL {
        let reply = app.get(&format!("/no-such-page?lang={}", lang.code()), "").await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        assert!(reply.content_type.starts_with("text/html"), "{}", reply.content_type);
        let body = page_text(&reply.body);
        assert!(body.contains(&text(lang, "web-error-not-found")), "{lang:?}: {body}");
        assert!(body.contains(&format!(r#"lang="{}""#, lang.code())), "{body}");
    }
    let admin = app.login("admin@vigie.example").await;
    let reply = app.get("/dashboard?region=g5-sahel&month=13&lang=ar", &admin).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(page_text(&reply.body).contains(&text(Lang::Ar, "web-error-month")));
    assert!(reply.body.contains(r#"dir="rtl""#));
}

#[tokio::test]
async fn the_api_answers_problems() {
    let app = app();
    let reply = app.get("/api/v1/nowhere?lang=en", "").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.content_type, "application/problem+json");
    let problem: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    let expected = serde_json::json!({
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": text(Lang::En, "web-error-not-found"),
    });
    assert_eq!(problem, expected);

    let admin = app.login("admin@vigie.example").await;
    for (query, id) in [("month=2023-13", "web-error-month"), ("region=nowhere", "web-error-region")] {
        let reply = app.get(&format!("/api/v1/dashboard?{query}"), &admin).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(reply.content_type, "application/problem+json");
        let problem: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(problem["status"], 400);
        assert_eq!(problem["detail"], text(Lang::Fr, id), "French, the default");
    }
    // no verified incident: the region has no report
    let reply = app.get("/api/v1/dashboard", &admin).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let problem: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(problem["detail"], text(Lang::Fr, "web-no-data"));
}

#[tokio::test]
async fn a_failure_of_the_server_is_logged_not_shown() {
    let app = app();
    let admin = app.login("admin@vigie.example").await;
    // an export writes its audit entry: make that write fail
    let conn = rusqlite::Connection::open(&app.db).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'secret detail'); END;",
    )
    .unwrap();
    let page = app.get("/incidents/export.csv?lang=en", &admin).await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page_text(&page.body).contains(&text(Lang::En, "web-error-internal")), "{}", page.body);
    assert!(!page.body.contains("secret detail") && !page.body.contains("audit_log"), "{}", page.body);
}
