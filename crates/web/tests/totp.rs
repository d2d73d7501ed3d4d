//! The second factor driven in process: enrolment on `/account/totp`
//! (secret, URI, QR code, confirmation, recovery codes shown once), the
//! login's second step (a code, never the same twice; a recovery code,
//! once; wrong codes audited and rate limited), roles that require a
//! second factor, and the administrator's reset.

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::Role;
use vigie_store::totp::{code_at, format_code, step_at};

const ADMIN: &str = "admin@vigie.example";
const VIEWER: &str = "viewer@vigie.example";
const ANALYST: &str = "analyst@vigie.example";

fn app() -> App {
    app_with(&[(ADMIN, Role::Admin, &[]), (VIEWER, Role::Viewer, &[]), (ANALYST, Role::Analyst, &[])], |_, _| {})
}

fn english(cookie: &str) -> String {
    format!("{cookie}; vigie_lang=en")
}

fn now_step() -> i64 {
    step_at(jiff::Timestamp::now().as_second())
}

impl App {
    /// The code of `email`'s secret (enrolled or under way) `offset` steps
    /// from now.
    fn code(&self, email: &str, offset: i64) -> String {
        let totp = self.store().totp(email).unwrap().expect("a secret");
        format_code(code_at(&totp.secret, now_step() + offset))
    }

    /// Enrols a logged-in `session` on the page; the recovery codes shown.
    async fn enrol(&self, email: &str, session: &str) -> Vec<String> {
        let page = self.get("/account/totp", session).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let reply = self.post_form("/account/totp", &format!("code={}", self.code(email, 0)), session).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        recovery_codes(&reply.body)
    }
}

/// The recovery codes a page lists.
fn recovery_codes(html: &str) -> Vec<String> {
    let page = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("ul.recovery-codes code").unwrap();
    page.select(&selector).map(|e| e.text().collect()).collect()
}

#[tokio::test]
async fn a_user_enrols_with_a_code_and_sees_the_recovery_codes_once() {
    let app = app();
    let session = english(&app.login(VIEWER).await);
    // a secret seen earlier (by whoever had the password) is void once the
    // page is shown again
    let earlier = app.get("/account/totp", &session).await;
    assert_eq!(earlier.status, StatusCode::OK);
    let earlier_secret = app.store().totp(VIEWER).unwrap().unwrap().secret;
    let page = app.get("/account/totp", &session).await;
    assert_ne!(page.body, earlier.body, "a new secret at each showing");
    let totp = app.store().totp(VIEWER).unwrap().unwrap();
    assert_ne!(totp.secret, earlier_secret);
    assert!(!totp.enrolled(), "shown, not yet confirmed");
    let secret = vigie_store::totp::encode_secret(&totp.secret);
    let body = unescaped(&page.body);
    let grouped: Vec<String> = secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into()).collect();
    assert!(body.contains(&grouped.join(" ")), "the secret, grouped by four");
    assert!(body.contains(&format!("otpauth://totp/Vigie:viewer@vigie.example?secret={secret}&amp;issuer=Vigie")));
    assert!(body.contains("<svg role=\"img\""), "the QR code, inline");
    assert!(!body.contains("<script"));

    // a wrong code: the page again, nothing enrolled
    let wrong = format!("{:06}", (app.code(VIEWER, 0).parse::<u32>().unwrap() + 1) % 1_000_000);
    let reply = app.post_form("/account/totp", &format!("code={wrong}"), &session).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("This code does not match the secret"));
    assert!(!app.store().totp(VIEWER).unwrap().unwrap().enrolled());

    let reply = app.post_form("/account/totp", &format!("code={}", app.code(VIEWER, 0)), &session).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let codes = recovery_codes(&reply.body);
    assert_eq!(codes.len(), 10);
    assert!(codes.iter().all(|c| c.len() == 19 && c.matches('-').count() == 3), "{codes:?}");
    let totp = app.store().totp(VIEWER).unwrap().unwrap();
    assert!(totp.enrolled());
    assert_eq!(totp.recovery_codes_left, 10);
    let enrolled = app.audit_of("user.totp.enrol");
    assert_eq!((enrolled.len(), enrolled[0].actor.as_str()), (1, VIEWER));
    // never shown again, and never stored as such
    let page = app.get("/account/totp", &session).await;
    assert!(page.body.contains("Second factor set since") && page.body.contains("Recovery codes left: 10"));
    assert!(recovery_codes(&page.body).is_empty() && !page.body.contains(&codes[0]));
    assert!(!page.body.contains(&secret), "the secret is not shown once enrolled");
    let bytes = std::fs::read(&app.db).unwrap();
    assert!(!bytes.windows(codes[0].len()).any(|w| w == codes[0].as_bytes()), "codes stored hashed");
}

#[tokio::test]
async fn the_login_needs_a_code_never_the_same_twice() {
    let app = app();
    let session = app.login(VIEWER).await;
    app.enrol(VIEWER, &session).await;

    // the password alone opens no session: the pending cookie reaches nothing else
    let reply = app.try_login(VIEWER, PASSWORD).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.location.as_deref(), Some("/login/code?next=/dashboard"));
    assert!(cookie_pair(&reply, "vigie_session").is_none());
    let pending = cookie_pair(&reply, "vigie_pending").unwrap();
    let dashboard = app.get("/dashboard", &pending).await;
    assert_eq!(dashboard.status, StatusCode::SEE_OTHER, "no session with the pending cookie");
    assert!(dashboard.location.unwrap().starts_with("/login"));
    assert_eq!(app.get("/login/code", "").await.status, StatusCode::SEE_OTHER, "no second step without a first");

    // a wrong code: refused and audited
    let code = app.code(VIEWER, 1);
    let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 500_000) % 1_000_000);
    let (reply, _) = app.login_with_code(VIEWER, &wrong).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert!(reply.body.contains("Code erroné ou déjà utilisé."), "French by default");
    assert!(cookie_pair(&reply, "vigie_session").is_none());
    let failed = app.audit_of("login.failed");
    assert_eq!(failed[0].detail.as_deref(), Some("wrong second-factor code; from 127.0.0.1"));

    // the right code opens the session
    let (reply, _) = app.login_with_code(VIEWER, &code).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.location.as_deref(), Some("/dashboard"));
    let session = cookie_pair(&reply, "vigie_session").expect("a session");
    assert!(reply.set_cookies.iter().any(|c| c.starts_with("vigie_pending=;")), "the pending cookie removed");
    assert_eq!(app.get("/dashboard", &session).await.status, StatusCode::OK);
    let login = &app.audit_of("login")[0];
    assert_eq!(login.detail.as_deref(), Some("from 127.0.0.1; second factor: authenticator code"));

    // the same code again, or an older one, is refused
    for used in [code, app.code(VIEWER, 0), app.code(VIEWER, -1)] {
        let (reply, _) = app.login_with_code(VIEWER, &used).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{used}");
    }
}

#[tokio::test]
async fn a_recovery_code_works_once() {
    let app = app();
    let session = app.login(VIEWER).await;
    let codes = app.enrol(VIEWER, &session).await;
    let (reply, _) = app.login_with_code(VIEWER, &codes[3].to_lowercase()).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "any case");
    assert!(cookie_pair(&reply, "vigie_session").is_some());
    assert_eq!(app.audit_of("login")[0].detail.as_deref(), Some("from 127.0.0.1; second factor: recovery code"));
    let recovery = app.audit_of("user.totp.recovery");
    assert_eq!(recovery.len(), 1);
    assert_eq!(recovery[0].detail.as_deref(), Some("a recovery code was used; 9 left"));
    let (reply, _) = app.login_with_code(VIEWER, &codes[3]).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "used already");
    let (reply, _) = app.login_with_code(VIEWER, &codes[4].replace('-', " ")).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "another one, with spaces");
    assert_eq!(app.store().totp(VIEWER).unwrap().unwrap().recovery_codes_left, 8);
}

#[tokio::test]
async fn new_recovery_codes_need_a_current_code_and_void_the_old_ones() {
    let app = app();
    let session = english(&app.login(VIEWER).await);
    let old = app.enrol(VIEWER, &session).await;
    let page = app.get("/account/totp", &session).await;
    assert!(page.body.contains(r#"action="/account/totp/recovery-codes""#));
    let code = app.code(VIEWER, 1);
    let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 500_000) % 1_000_000);
    let reply = app.post_form("/account/totp/recovery-codes", &format!("code={wrong}"), &session).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Wrong or already used code."));
    let reply = app.post_form("/account/totp/recovery-codes", &format!("code={code}"), &session).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body.contains("New recovery codes: the old ones no longer work."));
    let new = recovery_codes(&reply.body);
    assert_eq!(new.len(), 10);
    assert!(new.iter().all(|c| !old.contains(c)));
    let reply = app.post_form("/account/totp/recovery-codes", &format!("code={code}"), &session).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "the same code twice");
    assert_eq!(app.audit_of("user.totp.recovery_codes").len(), 1);
    let (reply, _) = app.login_with_code(VIEWER, &old[0]).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "an old code is void");
    let (reply, _) = app.login_with_code(VIEWER, &new[0]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "a new one works");
    // without a session: to the login
    assert_eq!(app.post("/account/totp/recovery-codes", "code=1", "").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn wrong_codes_feed_the_rate_limiter() {
    let app = app();
    let session = app.login(VIEWER).await;
    app.enrol(VIEWER, &session).await;
    let (reply, cookie) = app.login_with_code(VIEWER, "ABCD-EFGH-IJKL-MNOP").await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    let csrf = csrf_in(&reply.body);
    for _ in 1..vigie_web::MAX_FAILURES {
        let reply = app.post("/login/code", &format!("code=123456&csrf={csrf}"), &cookie).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    }
    // blocked now, even with the right code
    let reply = app.post("/login/code", &format!("code={}&csrf={csrf}", app.code(VIEWER, 1)), &cookie).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(cookie_pair(&reply, "vigie_session").is_none());
    assert_eq!(app.audit_of("login.failed").len(), vigie_web::MAX_FAILURES + 1);
    // and so is the password step of this account
    assert_eq!(app.try_login(VIEWER, PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
}

/// A session guessing codes to get new recovery codes (a lasting second
/// factor for a stolen session) is limited like a login.
#[tokio::test]
async fn guessing_codes_for_new_recovery_codes_is_limited() {
    let app = app();
    let session = english(&app.login(VIEWER).await);
    app.enrol(VIEWER, &session).await;
    let code = app.code(VIEWER, 1);
    let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 500_000) % 1_000_000);
    for _ in 0..vigie_web::MAX_FAILURES {
        let reply = app.post_form("/account/totp/recovery-codes", &format!("code={wrong}"), &session).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let reply = app.post_form("/account/totp/recovery-codes", &format!("code={code}"), &session).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS, "even the right code, once blocked");
    assert!(app.audit_of("user.totp.recovery_codes").is_empty());
}

/// Wrong passwords sent at once: no more than the limit are even checked.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn wrong_passwords_sent_at_once_are_limited_too() {
    let app = app();
    let (cookie, csrf) = app.login_form().await;
    let form = format!("email={}&password=wrong-password-guess&csrf={csrf}", encode(ANALYST));
    // polled together: each request reaches the limiter before any ends
    let replies = futures_util::future::join_all((0..20).map(|_| app.post("/login", &form, &cookie))).await;
    let refused = replies.iter().filter(|r| r.status == StatusCode::TOO_MANY_REQUESTS).count();
    let checked = replies.iter().filter(|r| r.status == StatusCode::UNAUTHORIZED).count();
    assert_eq!((checked, refused), (vigie_web::MAX_FAILURES, 20 - vigie_web::MAX_FAILURES));
}

#[tokio::test]
async fn a_required_role_enrols_before_any_session() {
    let app = app();
    let admin = english(&app.login(ADMIN).await);
    let viewer_session = app.login(VIEWER).await;
    let reply = app.post_form("/admin/users/totp-roles", "totp_viewer=on", &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store().totp_roles().unwrap(), [Role::Viewer]);
    let page = app.get("/admin/users", &admin).await;
    assert!(page.body.contains(r#"name="totp_viewer" value="on" checked"#));
    assert!(!page.body.contains(r#"name="totp_admin" value="on" checked"#));
    let changed = app.audit_of("settings.totp_roles");
    assert_eq!(changed[0].actor, ADMIN);
    assert_eq!(
        serde_json::to_string(&changed[0].changes).unwrap(),
        r#"[{"field":"totp_roles","before":[],"after":["viewer"]}]"#
    );
    assert_eq!(app.get("/dashboard", &viewer_session).await.status, StatusCode::SEE_OTHER, "its session ended");

    // the password leads to enrolment, and nowhere else
    let (csrf_cookie, csrf) = app.login_form().await;
    let form = format!("email={}&password={}&csrf={csrf}&next=%2Fincidents", encode(VIEWER), encode(PASSWORD));
    let reply = app.post("/login", &form, &csrf_cookie).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.location.as_deref(), Some("/account/totp?next=/incidents"));
    assert!(cookie_pair(&reply, "vigie_session").is_none());
    let cookie = format!("{csrf_cookie}; {}; vigie_lang=en", cookie_pair(&reply, "vigie_pending").unwrap());
    for path in ["/dashboard", "/incidents", "/login/code"] {
        let reply = app.get(path, &cookie).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        assert!(reply.location.unwrap().starts_with("/login"), "{path}");
    }
    let page = app.get("/account/totp?next=/incidents", &cookie).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Your role requires a second factor"));
    assert_eq!(page.cache_control, "no-store", "a secret shown before any session is not cached either");
    let form = format!("code={}&next=%2Fincidents&csrf={}", app.code(VIEWER, 0), csrf_in(&page.body));
    let reply = app.post("/account/totp", &form, &cookie).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(recovery_codes(&reply.body).len(), 10);
    assert_eq!(reply.cache_control, "no-store");
    assert!(unescaped(&reply.body).contains(r#"<a href="/incidents">Continue</a>"#));
    let session = cookie_pair(&reply, "vigie_session").expect("a session once enrolled");
    // the pending state, replayed once enrolled, leads back to the login (and its code)
    let replayed = app.get("/account/totp", &cookie).await;
    assert_eq!(replayed.status, StatusCode::SEE_OTHER);
    assert!(replayed.location.unwrap().starts_with("/login?next="));
    assert_eq!(app.get("/incidents", &session).await.status, StatusCode::OK);
    assert_eq!(app.audit_of("login")[0].detail.as_deref(), Some("from 127.0.0.1; second factor enrolled"));

    // from now on the viewer logs in with a code; other roles are unaffected
    let (reply, _) = app.login_with_code(VIEWER, &app.code(VIEWER, 1)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let analyst = app.try_login(ANALYST, PASSWORD).await;
    assert!(cookie_pair(&analyst, "vigie_session").is_some(), "an analyst: the password alone");
    app.login(ADMIN).await;
}

#[tokio::test]
async fn an_administrator_resets_a_lost_second_factor() {
    let app = app();
    let viewer = app.login(VIEWER).await;
    app.enrol(VIEWER, &viewer).await;
    let admin = english(&app.login(ADMIN).await);
    let id = app.store().user_by_email(VIEWER).unwrap().unwrap().id;
    let page = app.get("/admin/users", &admin).await;
    assert!(page.body.contains(r#"class="totp-yes""#), "the list shows who has one");
    let page = app.get(&format!("/admin/users/{id}"), &admin).await;
    assert!(page.body.contains("Recovery codes left: 10"));
    let reply = app.post_form(&format!("/admin/users/{id}/totp-reset"), "", &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store().totp(VIEWER).unwrap(), None);
    assert_eq!(app.audit_of("user.totp.reset")[0].actor, ADMIN);
    assert_eq!(app.get("/dashboard", &viewer).await.status, StatusCode::SEE_OTHER, "its sessions ended");
    app.login(VIEWER).await; // the password alone again
    // only administrators reset
    let analyst = app.login(ANALYST).await;
    let reply = app.post_form(&format!("/admin/users/{id}/totp-reset"), "", &analyst).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = app.post_form("/admin/users/totp-roles", "totp_viewer=on", &analyst).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
}
