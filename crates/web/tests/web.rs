//! The router driven in process against a temporary SQLite store.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;
use tower::ServiceExt;
use vigie_domain::{Incident, Role};
use vigie_store::{AuditFilter, NewUser, password};

fn app() -> App {
    app_with(
        &[
            ("admin@vigie.example", Role::Admin, &[]),
            ("viewer@vigie.example", Role::Viewer, &[]),
            ("delegate.bf@vigie.example", Role::Delegate, &["BF"]),
        ],
        |_, _| {},
    )
}

#[tokio::test]
async fn anonymous_pages_redirect_to_login_and_the_api_says_401() {
    let app = app();
    for path in [
        "/dashboard",
        "/admin/users",
        "/audit",
        "/dashboard?region=g5-sahel&month=2023-12",
        "/dashboard/explain?region=g5-sahel&month=2023-12",
        "/groups",
    ] {
        let reply = app.get(path, "").await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        let location = reply.location.unwrap();
        assert!(location.starts_with("/login?next=/"), "{location}");
    }
    let reply = app.get("/dashboard?region=g5-sahel&month=2023-12", "").await;
    assert_eq!(reply.location.as_deref(), Some("/login?next=/dashboard%3Fregion%3Dg5-sahel%26month%3D2023-12"));
    let reply = app.get("/api/v1/dashboard", "").await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    // an RFC 9457 problem, its detail from the catalogue
    assert_eq!(reply.content_type, "application/problem+json");
    let json: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(json["status"], 401);
    assert_eq!(json["title"], "Unauthorized");
    assert_eq!(json["type"], "about:blank");
    assert_eq!(json["detail"], vigie_i18n::catalog().text(vigie_domain::Lang::Fr, "web-error-token-required"));
    assert!(reply.headers[header::WWW_AUTHENTICATE].to_str().unwrap().starts_with("Bearer"));
}

#[tokio::test]
async fn the_public_home_shows_the_organisation() {
    let app = app();
    let reply = app.get("/?lang=en", "").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("Org EN"));
    assert!(reply.body.contains(r#"<html lang="en" dir="ltr">"#));
}

#[tokio::test]
async fn a_good_password_opens_a_session_that_reaches_the_dashboard() {
    let app = app();
    let reply = app.try_login("viewer@vigie.example", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.location.as_deref(), Some("/dashboard"));
    let cookie = reply.set_cookies.iter().find(|c| c.starts_with("vigie_session=")).unwrap();
    for flag in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=28800"] {
        assert!(cookie.contains(flag), "{cookie} lacks {flag}");
    }
    assert!(!cookie.contains("Secure"), "not Secure unless asked");
    let session = cookie_pair(&reply, "vigie_session").unwrap();
    let page = app.get("/dashboard?lang=en", &session).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("viewer@vigie.example"));
    assert!(page.body.contains(r#"name="region""#));
    let api = app.get("/api/v1/dashboard?region=nowhere", &session).await;
    assert_eq!(api.status, StatusCode::BAD_REQUEST);
    let audit = app.store().audit(&AuditFilter { action: Some("login".into()), ..Default::default() }).unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].actor, "viewer@vigie.example");
}

#[tokio::test]
async fn a_wrong_password_stays_on_the_login_form_and_is_audited() {
    let app = app();
    let reply = app.try_login("viewer@vigie.example", "not-the-password").await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert!(cookie_pair(&reply, "vigie_session").is_none());
    let fr = vigie_i18n::catalog().text(vigie_domain::Lang::Fr, "web-login-failed");
    assert!(reply.body.contains(&fr.replace('\'', "&#x27;")), "{}", reply.body);
    let audit = app.store().audit(&AuditFilter { action: Some("login.failed".into()), ..Default::default() }).unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].actor, "viewer@vigie.example");
    let logged = serde_json::to_string(&audit[0]).unwrap();
    assert!(!logged.contains("not-the-password"));
}

#[tokio::test]
async fn a_post_without_a_valid_csrf_token_is_refused() {
    let app = app();
    // the login form: no token, then a token without its cookie
    let reply = app.post("/login", &format!("email=viewer%40vigie.example&password={PASSWORD}"), "").await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let (cookie, csrf) = app.login_form().await;
    let form = format!("email=viewer%40vigie.example&password={PASSWORD}&csrf={csrf}");
    assert_eq!(app.post("/login", &form, "").await.status, StatusCode::FORBIDDEN);
    let forged = format!("email=viewer%40vigie.example&password={PASSWORD}&csrf={}", "0".repeat(64));
    assert_eq!(app.post("/login", &forged, &cookie).await.status, StatusCode::FORBIDDEN);
    // logout with a session but no token
    let session = app.login("viewer@vigie.example").await;
    assert_eq!(app.post("/logout", "", &session).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/dashboard", &session).await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_login_forms_token_opens_the_login_post_only() {
    let app = app();
    let (csrf_cookie, login_csrf) = app.login_form().await;
    let form = format!("email=admin%40vigie.example&password={PASSWORD}&csrf={login_csrf}");
    let reply = app.post("/login", &form, &csrf_cookie).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let session = format!("{}; {csrf_cookie}", cookie_pair(&reply, "vigie_session").unwrap());
    // the browser still sends the login form's cookie: its token, still
    // signed right, opens no state-changing form of the session
    let logout = app.post("/logout", &format!("csrf={login_csrf}"), &session).await;
    assert_eq!(logout.status, StatusCode::FORBIDDEN);
    let incident =
        app.post("/incidents", &format!("id=x&date=2023-12-01&country=BF&csrf={login_csrf}"), &session).await;
    assert_eq!(incident.status, StatusCode::FORBIDDEN);
    let user = format!("email=new%40vigie.example&role=admin&csrf={login_csrf}");
    assert_eq!(app.post("/admin/users", &user, &session).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/dashboard", &session).await.status, StatusCode::OK, "the session is still open");
    // another session's token is worth nothing in this one
    let other = app.login("viewer@vigie.example").await;
    let other_csrf = app.token(&other).await;
    assert_eq!(app.post("/logout", &format!("csrf={other_csrf}"), &session).await.status, StatusCode::FORBIDDEN);
    // the session's own token works
    let own = app.token(&session).await;
    assert_ne!(own, login_csrf);
    assert_eq!(app.post("/logout", &format!("csrf={own}"), &session).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn responses_to_a_session_and_the_login_page_are_never_stored() {
    let app = app_with(&[("admin@vigie.example", Role::Admin, &[])], |store, _| {
        import_incidents(store, &[incident("bf-1", 1)]);
    });
    // anonymous public pages keep their caching; the login page does not
    assert_eq!(app.get("/", "").await.cache_control, "");
    assert!(app.get("/static/vigie.css", "").await.cache_control.contains("max-age=31536000"));
    assert_eq!(app.get("/login", "").await.cache_control, "no-store");
    let (cookie, csrf) = app.login_form().await;
    let failed = app.post("/login", &format!("email=admin%40vigie.example&password=wrong&csrf={csrf}"), &cookie).await;
    assert_eq!((failed.status, failed.cache_control.as_str()), (StatusCode::UNAUTHORIZED, "no-store"));
    let reply = app.try_login("admin@vigie.example", PASSWORD).await;
    assert_eq!(reply.cache_control, "no-store");
    let session = cookie_pair(&reply, "vigie_session").unwrap();
    for path in [
        "/",
        "/dashboard",
        "/dashboard/explain?region=g5-sahel&month=2023-12",
        "/api/v1/dashboard",
        "/incidents",
        "/incidents/bf-1",
        "/incidents/export.csv",
        "/incidents/export.geojson",
        "/activities/export.csv",
        "/audit",
        "/imports",
        "/incidents/no-such-incident",
        "/no/such/page",
    ] {
        let reply = app.get(path, &session).await;
        assert_eq!(reply.cache_control, "no-store", "{path}: {}", reply.status);
    }
    // a refused form and a redirect too
    let refused = app.post("/logout", "csrf=nope", &session).await;
    assert_eq!((refused.status, refused.cache_control.as_str()), (StatusCode::FORBIDDEN, "no-store"));
    let logout = app.post_form("/logout", "x=1", &session).await;
    assert_eq!((logout.status, logout.cache_control.as_str()), (StatusCode::SEE_OTHER, "no-store"));
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = app();
    let session = app.login("viewer@vigie.example").await;
    let page = app.get("/dashboard", &session).await;
    let csrf = csrf_in(&page.body);
    let reply = app.post("/logout", &format!("csrf={csrf}"), &session).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(reply.set_cookies.iter().any(|c| c.starts_with("vigie_session=;") && c.contains("Max-Age=0")));
    assert_eq!(app.get("/dashboard", &session).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_expired_session_redirects_to_login() {
    let app = app();
    let session = app.login("viewer@vigie.example").await;
    let token = session.strip_prefix("vigie_session=").unwrap();
    let past = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(1);
    assert!(app.store().set_session_expiry(&vigie_web::token_hash(token), past).unwrap());
    let reply = app.get("/dashboard", &session).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(reply.location.unwrap().starts_with("/login"));
}

#[tokio::test]
async fn only_administrators_see_users_and_audit() {
    let app = app();
    let viewer = app.login("viewer@vigie.example").await;
    assert_eq!(app.get("/admin/users", &viewer).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/audit", &viewer).await.status, StatusCode::FORBIDDEN);
    let delegate = app.login("delegate.bf@vigie.example").await;
    assert_eq!(app.get("/admin/users", &delegate).await.status, StatusCode::FORBIDDEN);
    let admin = app.login("admin@vigie.example").await;
    let users = app.get("/admin/users", &admin).await;
    assert_eq!(users.status, StatusCode::OK);
    assert!(users.body.contains("delegate.bf@vigie.example") && users.body.contains("BF"));
    assert!(!users.body.contains("$argon2id$"));
    let audit = app.get("/audit?actor=viewer%40vigie.example&action=login", &admin).await;
    assert_eq!(audit.status, StatusCode::OK);
    assert!(audit.body.contains("viewer@vigie.example"));
    assert!(!audit.body.contains("delegate.bf@vigie.example"), "filtered by actor");
}

#[tokio::test]
async fn the_sixth_failed_login_is_refused_with_429() {
    let app = app();
    for _ in 0..vigie_web::MAX_FAILURES {
        assert_eq!(app.try_login("viewer@vigie.example", "wrong-password-1").await.status, StatusCode::UNAUTHORIZED);
    }
    let reply = app.try_login("viewer@vigie.example", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(reply.body.contains("15"));
    // the same client address is refused for another email too
    assert_eq!(app.try_login("admin@vigie.example", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_script_in_an_email_comes_back_escaped() {
    let app = app();
    {
        let mut store = app.store();
        let user = NewUser {
            email: "<script>alert(1)</script>@x.example".into(),
            role: Role::Viewer,
            countries: Vec::new(),
            password_hash: password::hash(PASSWORD).unwrap(),
        };
        store.add_user(&user, "cli").unwrap();
    }
    let admin = app.login("admin@vigie.example").await;
    let users = app.get("/admin/users", &admin).await;
    assert_eq!(users.status, StatusCode::OK);
    assert!(!users.body.contains("<script>"));
    assert!(users.body.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;@x.example"), "{}", users.body);
}

#[tokio::test]
async fn arabic_is_right_to_left_and_remembered() {
    let app = app();
    let reply = app.get("/?lang=ar", "").await;
    assert!(reply.body.contains(r#"<html lang="ar" dir="rtl">"#));
    let cookie = cookie_pair(&reply, "vigie_lang").unwrap();
    assert_eq!(cookie, "vigie_lang=ar");
    let again = app.get("/login", &cookie).await;
    assert!(again.body.contains(r#"dir="rtl""#));
}

#[tokio::test]
async fn the_stylesheet_is_cached_long_and_pages_have_a_strict_policy() {
    let app = app();
    let response =
        app.router.clone().oneshot(Request::get("/static/vigie.css").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()[header::CACHE_CONTROL].to_str().unwrap().contains("max-age=31536000"));
    let response = app.router.clone().oneshot(Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
    assert!(response.headers()["content-security-policy"].to_str().unwrap().contains("default-src 'none'"));
}

#[tokio::test]
async fn the_dashboard_shows_the_trend_and_the_map_of_the_month() {
    let app = app();
    let placed = Incident {
        latitude: Some(14.1),
        longitude: Some(-1.63),
        geo_precision: Some(1),
        killed: Some(40),
        ..incident("t-1", 4)
    };
    let unplaced = Incident { geo_precision: Some(1), killed: Some(5), ..incident("t-2", 9) };
    import_incidents(app.store().as_mut(), &[placed, unplaced]);
    let session = app.login("viewer@vigie.example").await;
    let page = app.get("/dashboard?region=g5-sahel&month=2023-12&lang=en", &session).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"class="trend""#), "{}", page.body);
    assert!(page.body.contains("Trend over twelve months"));
    assert!(page.body.contains(r#"class="map""#));
    assert!(page.body.contains(r#"data-country="854" class="member""#));
    assert_eq!(page.body.matches(r#"class="incident""#).count(), 1);
    assert!(page.body.contains("1 incident shown, 1 without coordinates"));
}

#[tokio::test]
async fn a_csv_export_quotes_formulas_and_keeps_negative_numbers() {
    let app = app_with(&[("admin@vigie.example", Role::Admin, &[])], |store, _| {
        let mut hostile = incident("bf-1", 1);
        hostile.location = "=HYPERLINK(\"x\")".into();
        hostile.description = "@SUM(1+1)".into();
        hostile.latitude = Some(14.1);
        hostile.longitude = Some(-1.5);
        import_incidents(store, &[hostile]);
    });
    let session = app.login("admin@vigie.example").await;
    let export = app.get("/incidents/export.csv", &session).await;
    assert_eq!(export.status, StatusCode::OK);
    let row = export.body.lines().nth(1).unwrap();
    assert!(row.contains(r#","'=HYPERLINK(""x"")","#), "{row}");
    assert!(row.contains(",'@SUM(1+1),"), "{row}");
    assert!(row.contains(",14.1,-1.5,"), "a longitude stays a number: {row}");
    // the native reader takes the quote off: the export imports back as is
    let mut reader = vigie_formats::native::CsvReader::new(export.body.as_bytes()).unwrap();
    reader
        .for_each(|row| {
            assert_eq!(row.raw.get(vigie_domain::incident::Column::Location), Some("=HYPERLINK(\"x\")"));
            Ok::<(), vigie_formats::ReadError>(())
        })
        .unwrap();
}

/// A typed email is stored with its controls as escapes: the log is read on
/// terminals (`vigie audit`), where ESC and a line break would run.
#[tokio::test]
async fn a_failed_login_logs_what_was_typed_without_terminal_controls() {
    let app = app();
    let (cookie, csrf) = app.login_form().await;
    let typed = "x\u{1b}[31mRED\u{7}\r\n2026-12-07 fake@vigie.example";
    let form = format!("email={}&password=wrong&csrf={csrf}", encode(typed));
    assert_eq!(app.post("/login", &form, &cookie).await.status, StatusCode::UNAUTHORIZED);
    let entry = app.audit_of("login.failed").remove(0);
    assert!(!entry.actor.chars().any(char::is_control), "{:?}", entry.actor);
    assert!(entry.actor.contains("\\u{1b}[31mred") && entry.actor.contains("\\u{d}\\u{a}"), "{:?}", entry.actor);
    assert_eq!(entry.entity_id.as_deref(), Some(entry.actor.as_str()));
}
