//! A change and its audit entry are one: with the insert of audit entries
//! made to fail (a trigger, as a full disk or a broken log would), every
//! write path of the web answers an error and leaves no change behind,
//! then works again once the log does.

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::{Role, Status};

fn app() -> App {
    app_with(
        &[
            ("editor@vigie.example", Role::Editor, &[]),
            ("analyst1@vigie.example", Role::Analyst, &[]),
            ("analyst2@vigie.example", Role::Analyst, &[]),
        ],
        load_article,
    )
}

/// Makes every new audit entry fail, or lets them through again.
fn audit_fails(app: &App, fails: bool) {
    let conn = rusqlite::Connection::open(&app.db).unwrap();
    let sql = if fails {
        "CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END;"
    } else {
        "DROP TRIGGER audit_fails;"
    };
    conn.execute_batch(sql).unwrap();
}

/// Makes every new entry of the sign-in journal (logins and logouts, in the
/// sessions file) fail, or lets them through again.
fn sign_in_fails(app: &App, fails: bool) {
    let conn = rusqlite::Connection::open(sessions_file(app)).unwrap();
    let sql = if fails {
        "CREATE TRIGGER sign_in_fails BEFORE INSERT ON sign_in_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END;"
    } else {
        "DROP TRIGGER sign_in_fails;"
    };
    conn.execute_batch(sql).unwrap();
}

fn sessions_file(app: &App) -> String {
    format!("{}-sessions", app.db)
}

fn count(app: &App, sql: &str) -> i64 {
    rusqlite::Connection::open(&app.db).unwrap().query_row(sql, [], |row| row.get(0)).unwrap()
}

fn sessions(app: &App) -> i64 {
    let conn = rusqlite::Connection::open(sessions_file(app)).unwrap();
    conn.query_row("SELECT count(*) FROM web_session", [], |row| row.get(0)).unwrap()
}

#[tokio::test]
async fn no_session_without_its_login_entry_and_no_logout_without_its_entry() {
    let app = app();
    sign_in_fails(&app, true);
    let reply = app.try_login("editor@vigie.example", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(cookie_pair(&reply, "vigie_session").is_none());
    assert_eq!(sessions(&app), 0, "no session kept");
    sign_in_fails(&app, false);
    let session = app.login("editor@vigie.example").await;
    assert_eq!(sessions(&app), 1);

    sign_in_fails(&app, true);
    let csrf = app.token(&session).await;
    let reply = app.post("/logout", &format!("csrf={csrf}"), &session).await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(app.get("/dashboard", &session).await.status, StatusCode::OK, "the session is not ended");
    sign_in_fails(&app, false);
    assert_eq!(app.post("/logout", &format!("csrf={csrf}"), &session).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.audit_of("logout").len(), 1);
}

#[tokio::test]
async fn no_bulletin_built_or_published_without_its_entry() {
    let app = app();
    let editor = app.login("editor@vigie.example").await;
    let csrf = app.token(&editor).await;
    let form = format!("number=58&month=2023-12&featured=chiefs-meeting&position-chiefs-meeting=1&csrf={csrf}");
    audit_fails(&app, true);
    assert_eq!(app.post("/bulletins", &form, &editor).await.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(count(&app, "SELECT count(*) FROM bulletin_issue"), 0);
    assert_eq!(count(&app, "SELECT count(*) FROM bulletin_file"), 0);
    audit_fails(&app, false);
    assert_eq!(app.post("/bulletins", &form, &editor).await.status, StatusCode::SEE_OTHER);

    audit_fails(&app, true);
    let publish = app.post("/bulletins/58/publish", &format!("csrf={csrf}"), &editor).await;
    assert_eq!(publish.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(app.get("/bulletins/58/fr.pdf", "").await.status, StatusCode::NOT_FOUND, "not published");
    assert!(app.store().bulletins().unwrap().iter().all(|issue| !issue.published));
    audit_fails(&app, false);
    let publish = app.post("/bulletins/58/publish", &format!("csrf={csrf}"), &editor).await;
    assert_eq!(publish.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/bulletins/58/fr.pdf", "").await.status, StatusCode::OK);
    assert_eq!(app.audit_of("bulletin.publish").len(), 1);
}

#[tokio::test]
async fn no_incident_written_or_approved_without_its_entry() {
    let app = app();
    let first = app.login("analyst1@vigie.example").await;
    let second = app.login("analyst2@vigie.example").await;
    audit_fails(&app, true);
    let csrf = app.token(&first).await;
    let form = format!("{}&csrf={csrf}", incident_form("BF", "Djibo", "A draft"));
    assert_eq!(app.post("/incidents", &form, &first).await.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(count(&app, "SELECT count(*) FROM incident"), 0);
    // an import: nothing of it
    let file = format!("{HEADER}\nf-1,2023-12-05,BF,Djibo,jnim,civilians,armed_assault,1,,Faute,,\n");
    assert_eq!(app.upload(&first, "f.csv", file.as_bytes(), &[]).await.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(count(&app, "SELECT count(*) FROM incident"), 0);
    audit_fails(&app, false);
    let id = app.create(&first, "BF", "Djibo").await;
    audit_fails(&app, true);
    assert_eq!(app.approve(&second, &id).await, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(app.store().incident(&id).unwrap().unwrap().status, Status::Draft, "not verified");
    audit_fails(&app, false);
    assert_eq!(app.approve(&second, &id).await, StatusCode::SEE_OTHER);
}
