//! The accounts administration and the audit log driven in process:
//! administrators only, field messages, no self-disabling or self-demotion,
//! a disabled account's sessions end at once, every change audited.

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::{AuditEntry, Role};
use vigie_store::AuditFilter;

const ADMIN: &str = "admin@vigie.example";
const VIEWER: &str = "viewer@vigie.example";

fn app() -> App {
    app_with(
        &[
            (ADMIN, Role::Admin, &[]),
            (VIEWER, Role::Viewer, &[]),
            ("analyst@vigie.example", Role::Analyst, &[]),
            ("delegate.bf@vigie.example", Role::Delegate, &["BF"]),
        ],
        |_, _| {},
    )
}

/// The session cookie with the English interface.
fn english(session: &str) -> String {
    format!("{session}; vigie_lang=en")
}

impl App {
    fn id_of(&self, email: &str) -> i64 {
        self.store().user_by_email(email).unwrap().unwrap().id
    }
}

fn new_user(email: &str, role: &str, countries: &str, password: &str, again: &str) -> String {
    format!(
        "email={}&role={role}&countries={}&password={}&password_again={}",
        encode(email),
        encode(countries),
        encode(password),
        encode(again)
    )
}

#[tokio::test]
async fn only_administrators_reach_and_change_accounts() {
    let app = app();
    let viewer_id = app.id_of(VIEWER);
    let paths = ["/admin/users".to_string(), format!("/admin/users/{viewer_id}"), "/audit".to_string()];
    for path in &paths {
        let reply = app.get(path, "").await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path} anonymous");
    }
    let posts = [
        (
            "/admin/users".to_string(),
            new_user("new@vigie.example", "admin", "", "a good long password", "a good long password"),
        ),
        (format!("/admin/users/{viewer_id}/role"), "role=admin&countries=".to_string()),
        (format!("/admin/users/{viewer_id}/disable"), String::new()),
        (format!("/admin/users/{viewer_id}/enable"), String::new()),
        (
            format!("/admin/users/{viewer_id}/password"),
            "password=another+good+one&password_again=another+good+one".into(),
        ),
    ];
    for email in [VIEWER, "analyst@vigie.example", "delegate.bf@vigie.example"] {
        let session = app.login(email).await;
        for path in &paths {
            assert_eq!(app.get(path, &session).await.status, StatusCode::FORBIDDEN, "{email} GET {path}");
        }
        for (path, form) in &posts {
            let reply = app.post_form(path, form, &session).await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{email} POST {path}");
        }
    }
    // nothing was written, and a POST without its token is refused first
    assert!(app.store().user_by_email("new@vigie.example").unwrap().is_none());
    assert_eq!(app.store().user_by_email(VIEWER).unwrap().unwrap().role, Role::Viewer);
    let admin = app.login(ADMIN).await;
    let reply = app.post(&format!("/admin/users/{viewer_id}/disable"), "", &admin).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(!app.store().user_by_email(VIEWER).unwrap().unwrap().disabled);

    let page = app.get("/admin/users", &english(&admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = unescaped(&page.body);
    assert!(html.contains(&format!(r#"href="/admin/users/{viewer_id}""#)));
    assert!(html.contains(r#"<form method="post" action="/admin/users""#));
    let arabic = app.get(&format!("/admin/users/{viewer_id}?lang=ar"), &admin).await;
    assert!(arabic.body.contains(r#"dir="rtl""#) && arabic.body.contains("تعطيل الحساب"));
}

#[tokio::test]
async fn a_new_account_is_checked_field_by_field_then_audited() {
    let app = app();
    let admin = english(&app.login(ADMIN).await);
    let cases = [
        (
            new_user("not an email", "viewer", "", "a good long password", "a good long password"),
            "This email address is not valid",
        ),
        (new_user("", "viewer", "", "a good long password", "a good long password"), "Write the email address."),
        (
            new_user("d@vigie.example", "delegate", "", "a good long password", "a good long password"),
            "A delegate acts for at least one member state",
        ),
        (
            new_user("d@vigie.example", "viewer", "BF", "a good long password", "a good long password"),
            "Only delegates have member states",
        ),
        (
            new_user("d@vigie.example", "delegate", "BF, Atlantis", "a good long password", "a good long password"),
            "Unknown country",
        ),
        (
            new_user("d@vigie.example", "root", "", "a good long password", "a good long password"),
            "Choose one of the roles",
        ),
        (new_user("d@vigie.example", "viewer", "", "short", "short"), "The password is too short"),
        (new_user("d@vigie.example", "viewer", "", "aaaaaaaaaaaaaa", "aaaaaaaaaaaaaa"), "repeats a short pattern"),
        (
            new_user("d@vigie.example", "viewer", "", "a good long password", "another password"),
            "The two passwords differ.",
        ),
        (
            new_user("VIEWER@vigie.example", "viewer", "", "a good long password", "a good long password"),
            "exists already",
        ),
        (new_user("d@vigie.example", "viewer", "", "Password!2024", "Password!2024"), "digits or punctuation added"),
        (new_user("d@vigie.example", "viewer", "", "qazwsxedcrfv", "qazwsxedcrfv"), "one of the most common"),
        (new_user("d@vigie.example", "viewer", "", "abcabcabcabc", "abcabcabcabc"), "repeats a short pattern"),
        (new_user("d@vigie.example", "viewer", "", "abcdefghijkl", "abcdefghijkl"), "a sequence of letters"),
        (
            new_user("d@vigie.example", "viewer", "", "\u{200B}".repeat(12).as_str(), "\u{200B}".repeat(12).as_str()),
            "The password is too short",
        ),
        (
            new_user("\u{430}dmin2@vigie.example", "viewer", "", "a good long password", "a good long password"),
            "mixes alphabets",
        ),
        (
            new_user("d\u{200B}@vigie.example", "viewer", "", "a good long password", "a good long password"),
            "invisible or text-direction character",
        ),
        (
            new_user("adrnin@vigie.example", "viewer", "", "a good long password", "a good long password"),
            "could be mistaken for an existing account",
        ),
    ];
    for (form, message) in cases {
        let reply = app.post_form("/admin/users", &form, &admin).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{form}");
        assert!(reply.body.contains(message), "{form}: {message} in\n{}", reply.body);
        assert!(reply.body.contains("Some fields need correcting."));
        assert!(!reply.body.contains("a good long password"), "a password is never sent back");
    }
    // several wrong fields at once: a message next to each
    let reply = app.post_form("/admin/users", &new_user("x", "delegate", "", "short", "short"), &admin).await;
    for message in ["This email address is not valid", "A delegate acts for", "The password is too short"] {
        assert!(reply.body.contains(message), "{message}");
    }
    assert_eq!(app.store().users().unwrap().len(), 4, "nothing written");

    let form = new_user(
        " New.Delegate@Vigie.example ",
        "delegate",
        "ml, Burkina Faso",
        "a good long password",
        "a good long password",
    );
    let reply = app.post_form("/admin/users", &form, &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let user = app.store().user_by_email("new.delegate@vigie.example").unwrap().unwrap();
    assert_eq!(reply.location, Some(format!("/admin/users/{}?saved=1", user.id)));
    assert_eq!(
        (user.role, user.countries.iter().map(|c| c.as_str()).collect::<Vec<_>>()),
        (Role::Delegate, vec!["BF", "ML"])
    );
    let page = app.get(reply.location.as_deref().unwrap(), &admin).await;
    assert!(page.body.contains("Changes saved."));
    let added = app.audit_of("user.add");
    assert_eq!(added[0].actor, ADMIN);
    assert_eq!(added[0].entity_id.as_deref(), Some("new.delegate@vigie.example"));
    assert_eq!(
        serde_json::to_string(&added[0].changes).unwrap(),
        r#"[{"field":"email","before":null,"after":"new.delegate@vigie.example"},{"field":"role","before":null,"after":"delegate"},{"field":"countries","before":null,"after":["BF","ML"]},{"field":"password","before":null,"after":"***"}]"#
    );
    let reply = app.try_login("new.delegate@vigie.example", "a good long password").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "the new account logs in");
}

#[tokio::test]
async fn a_role_change_is_checked_and_audited() {
    let app = app();
    let admin = english(&app.login(ADMIN).await);
    let id = app.id_of(VIEWER);
    let path = format!("/admin/users/{id}/role");
    let reply = app.post_form(&path, "role=delegate&countries=", &admin).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("A delegate acts for at least one member state"));
    assert!(reply.body.contains(r#"<option value="delegate" selected>"#), "the form as sent");
    let reply = app.post_form(&path, "role=analyst&countries=BF", &admin).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Only delegates have member states"));
    assert!(app.audit_of("user.role").is_empty());

    let reply = app.post_form(&path, "role=delegate&countries=NE%2C+bf", &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let user = app.store().user_by_email(VIEWER).unwrap().unwrap();
    assert_eq!(
        (user.role, user.countries.iter().map(|c| c.as_str()).collect::<Vec<_>>()),
        (Role::Delegate, vec!["BF", "NE"])
    );
    let changed = app.audit_of("user.role");
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].actor, ADMIN);
    assert_eq!(
        serde_json::to_string(&changed[0].changes).unwrap(),
        r#"[{"field":"role","before":"viewer","after":"delegate"},{"field":"countries","before":[],"after":["BF","NE"]}]"#
    );
    // the same values again: nothing to record
    assert_eq!(app.post_form(&path, "role=delegate&countries=BF,NE", &admin).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.audit_of("user.role").len(), 1);
    assert_eq!(app.get("/admin/users/999999", &admin).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_administrator_cannot_disable_or_demote_themselves() {
    let app = app();
    let admin = english(&app.login(ADMIN).await);
    let me = app.id_of(ADMIN);
    let reply = app.post_form(&format!("/admin/users/{me}/disable"), "", &admin).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.body.contains("You cannot disable your own account"), "{}", reply.body);
    let reply = app.post_form(&format!("/admin/users/{me}/role"), "role=analyst&countries=", &admin).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.body.contains("You cannot take the administrator role from your own account"));
    let user = app.store().user_by_email(ADMIN).unwrap().unwrap();
    assert_eq!((user.role, user.disabled), (Role::Admin, false));
    assert!(app.audit_of("user.disable").is_empty() && app.audit_of("user.role").is_empty());
    assert_eq!(app.get("/admin/users", &admin).await.status, StatusCode::OK, "still an administrator");

    // a second administrator may be disabled, then enabled, by the first
    let second = app.id_of(VIEWER);
    assert_eq!(
        app.post_form(&format!("/admin/users/{second}/role"), "role=admin", &admin).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.post_form(&format!("/admin/users/{second}/disable"), "", &admin).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(app.post_form(&format!("/admin/users/{second}/enable"), "", &admin).await.status, StatusCode::SEE_OTHER);
    let actions: Vec<String> = app
        .store()
        .audit(&AuditFilter { entity_id: Some(VIEWER.into()), ..AuditFilter::default() })
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["user.enable", "user.disable", "user.role", "user.add"]);
}

#[tokio::test]
async fn a_disabled_account_loses_its_open_sessions_at_once() {
    let app = app();
    let admin = app.login(ADMIN).await;
    let viewer = app.login(VIEWER).await;
    for _ in 0..2 {
        assert_eq!(app.get("/dashboard", &viewer).await.status, StatusCode::OK);
        assert_eq!(app.get("/api/v1/dashboard", &viewer).await.status, StatusCode::NOT_FOUND, "no data, but logged in");
    }
    let id = app.id_of(VIEWER);
    assert_eq!(app.post_form(&format!("/admin/users/{id}/disable"), "", &admin).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/dashboard", &viewer).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/api/v1/dashboard", &viewer).await.status, StatusCode::UNAUTHORIZED);
    let token = viewer.strip_prefix("vigie_session=").unwrap();
    assert!(app.store().session(&vigie_web::token_hash(token)).unwrap().is_none(), "the session is gone");
    let disabled = app.audit_of("user.disable");
    assert_eq!((disabled[0].actor.as_str(), disabled[0].entity_id.as_deref()), (ADMIN, Some(VIEWER)));
    assert_eq!(app.try_login(VIEWER, PASSWORD).await.status, StatusCode::UNAUTHORIZED);

    // enabled again: the old session stays ended, a new login works
    assert_eq!(app.post_form(&format!("/admin/users/{id}/enable"), "", &admin).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/dashboard", &viewer).await.status, StatusCode::SEE_OTHER);
    let again = app.login(VIEWER).await;
    assert_eq!(app.get("/dashboard", &again).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_new_password_follows_the_policy_and_is_audited_hidden() {
    let app = app();
    let admin = english(&app.login(ADMIN).await);
    let id = app.id_of(VIEWER);
    let path = format!("/admin/users/{id}/password");
    let reply =
        app.post_form(&path, "password=viewer%40vigie.example&password_again=viewer%40vigie.example", &admin).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("The password is or holds the email address"));
    let reply = app.post_form(&path, "password=a+new+long+password&password_again=a+new+long+passwort", &admin).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("The two passwords differ."));
    assert!(app.audit_of("user.passwd").is_empty());

    let reply = app.post_form(&path, "password=a+new+long+password&password_again=a+new+long+password", &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(app.try_login(VIEWER, PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.try_login(VIEWER, "a new long password").await.status, StatusCode::SEE_OTHER);
    let changed = app.audit_of("user.passwd");
    assert_eq!(changed[0].actor, ADMIN);
    assert_eq!(
        serde_json::to_string(&changed[0].changes).unwrap(),
        r#"[{"field":"password","before":"***","after":"***"}]"#
    );
}

#[tokio::test]
async fn the_audit_log_filters_and_pages() {
    let app = app();
    {
        let mut store = app.store();
        for n in 0..105 {
            let at = jiff::Timestamp::from_second(1_700_000_000 + n).unwrap(); // 2023-11-14
            store.record_audit(&AuditEntry::new(at, "cli", "export", "incident", Some(&format!("x-{n}")))).unwrap();
        }
    }
    let admin = english(&app.login(ADMIN).await);
    let page = app.get("/audit?action=export", &admin).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body.matches("<tr><td>").count(), 100);
    assert!(page.body.contains("x-104") && !page.body.contains("x-4<"), "latest first");
    assert!(unescaped(&page.body).contains(r#"href="/audit?action=export&amp;page=2""#), "{}", page.body);
    let second = app.get("/audit?action=export&page=2", &admin).await;
    assert_eq!(second.body.matches("<tr><td>").count(), 5);
    assert!(second.body.contains("x-0<") && !second.body.contains(r#"rel="next""#));

    let users = app.get("/audit?entity=user&actor=CLI", &admin).await;
    assert_eq!(users.body.matches("<tr><td>").count(), 4, "the four accounts added");
    let login = app.get(&format!("/audit?actor={}&action=login", encode(ADMIN)), &admin).await;
    assert_eq!(login.body.matches("<tr><td>").count(), 1);
    let one = app.get("/audit?entity=incident&entity_id=x-7", &admin).await;
    assert_eq!(one.body.matches("<tr><td>").count(), 1);
    let days = app.get("/audit?from=2023-11-14&to=2023-11-14", &admin).await;
    assert_eq!(days.body.matches("<tr><td>").count(), 100, "the day of the exports, a page of them");
    let before = app.get("/audit?to=2023-11-13", &admin).await;
    assert_eq!(before.body.matches("<tr><td>").count(), 0);

    let wrong = app.get("/audit?from=14/11/2023", &admin).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert!(wrong.body.contains("Write the day as YYYY-MM-DD."));
    assert!(unescaped(&wrong.body).contains(r#"value="14/11/2023""#), "the value as given");
}
