//! Bulletin issues composed, built, published and downloaded through the
//! router, against a temporary SQLite store with one published article.

use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;
use vigie_domain::region::Regions;
use vigie_domain::{CountryCode, Role};
use vigie_ingest::Options;
use vigie_store::{AuditFilter, NewUser, Store, password};
use vigie_web::{AppState, Config};

const PASSWORD: &str = "vigie-demo-2023";

struct App {
    router: Router,
    db: String,
    _dir: tempfile::TempDir,
}

struct Reply {
    status: StatusCode,
    location: Option<String>,
    set_cookies: Vec<String>,
    body: String,
    bytes: Vec<u8>,
    content_type: String,
    disposition: String,
}

fn add_user(store: &mut dyn Store, email: &str, role: Role, countries: &[&str]) {
    let countries: Vec<CountryCode> = countries.iter().map(|c| CountryCode::new(c).unwrap()).collect();
    let user = NewUser { email: email.into(), role, countries, password_hash: password::hash(PASSWORD).unwrap() };
    store.add_user(&user, "cli").unwrap();
}

fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("web.db").to_str().unwrap().to_string();
    let mut store = vigie_store::open(&db).unwrap();
    add_user(store.as_mut(), "admin@vigie.example", Role::Admin, &[]);
    add_user(store.as_mut(), "viewer@vigie.example", Role::Viewer, &[]);
    add_user(store.as_mut(), "editor@vigie.example", Role::Editor, &[]);
    add_user(store.as_mut(), "analyst@vigie.example", Role::Analyst, &[]);
    load_article(store.as_mut(), dir.path());
    let config = Config { secure_cookies: false, organisation: ["Org FR".into(), "Org EN".into(), "Org AR".into()] };
    let state = AppState::new(store, Regions::builtin(), config).unwrap();
    let router = vigie_web::router(state).layer(MockConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
    App { router, db, _dir: dir }
}

impl App {
    fn store(&self) -> Box<dyn Store> {
        vigie_store::open(&self.db).unwrap()
    }

    async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let header = |name: header::HeaderName| response.headers().get(name).map(|v| v.to_str().unwrap().to_string());
        let location = header(header::LOCATION);
        let content_type = header(header::CONTENT_TYPE).unwrap_or_default();
        let disposition = header(header::CONTENT_DISPOSITION).unwrap_or_default();
        let set_cookies =
            response.headers().get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_string()).collect();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            location,
            set_cookies,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
            content_type,
            disposition,
        }
    }

    async fn get(&self, path: &str, cookie: &str) -> Reply {
        let request = Request::get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap();
        self.send(request).await
    }

    async fn post(&self, path: &str, form: &str, cookie: &str) -> Reply {
        let request = Request::post(path)
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form.to_string()))
            .unwrap();
        self.send(request).await
    }

    /// The login form's CSRF cookie (as a `Cookie` pair) and token.
    async fn login_form(&self) -> (String, String) {
        let reply = self.get("/login", "").await;
        assert_eq!(reply.status, StatusCode::OK);
        let cookie = cookie_pair(&reply, "vigie_csrf").expect("the login form sets its CSRF cookie");
        (cookie, csrf_in(&reply.body))
    }

    async fn try_login(&self, email: &str, password: &str) -> Reply {
        let (cookie, csrf) = self.login_form().await;
        let form = format!("email={}&password={}&csrf={csrf}", encode(email), encode(password));
        self.post("/login", &form, &cookie).await
    }

    /// Logs in; the `Cookie` header value of the session.
    async fn login(&self, email: &str) -> String {
        let reply = self.try_login(email, PASSWORD).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        cookie_pair(&reply, "vigie_session").expect("a session cookie")
    }
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }
        })
        .collect()
}

fn cookie_pair(reply: &Reply, name: &str) -> Option<String> {
    reply
        .set_cookies
        .iter()
        .find(|c| c.starts_with(&format!("{name}=")))
        .map(|c| c.split(';').next().unwrap().to_string())
}

fn csrf_in(html: &str) -> String {
    let start = html.find(r#"name="csrf" value=""#).expect("a csrf field") + r#"name="csrf" value=""#.len();
    html[start..start + 64].to_string()
}

const ARTICLE: &str = r#"+++
id = "chiefs-meeting"
lang = "fr"
date = "2023-12-13"
title = "Les chefs d'état-major se réunissent"
kind = "feature"
domains = ["military"]
author = "Communication"
status = "published"
featured = true
+++

Les chefs d'état-major des pays membres se sont réunis à Riyad.
"#;

/// Imports one published article of December 2023.
fn load_article(store: &mut dyn Store, dir: &std::path::Path) {
    let articles = dir.join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(articles.join("chiefs-meeting.fr.md"), ARTICLE).unwrap();
    let options = Options::new(jiff::civil::date(2024, 12, 31));
    let summary = vigie_ingest::import_articles(store, &articles, &options).unwrap();
    assert!(summary.written, "the article imports");
}

/// Page text with the slashes minijinja escapes in attributes.
fn unescaped(html: &str) -> String {
    html.replace("&#x2f;", "/")
}

const FORM: &str = "number=58&month=2023-12&featured=chiefs-meeting&position-chiefs-meeting=1&region=g5-sahel";

#[tokio::test]
async fn only_editors_and_administrators_build_issues() {
    let app = app();
    // anonymous: no session, no token
    let reply = app.post("/bulletins", FORM, "").await;
    assert!(matches!(reply.status, StatusCode::FORBIDDEN | StatusCode::SEE_OTHER), "{}", reply.status);
    let viewer = app.login("viewer@vigie.example").await;
    let page = app.get("/bulletins", &viewer).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains(r#"action="/bulletins""#), "no compose form for a viewer");
    let csrf = csrf_in(&app.get("/dashboard", &viewer).await.body);
    let reply = app.post("/bulletins", &format!("{FORM}&csrf={csrf}"), &viewer).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // an editor without the token
    let editor = app.login("editor@vigie.example").await;
    assert_eq!(app.post("/bulletins", FORM, &editor).await.status, StatusCode::FORBIDDEN);
    assert!(app.store().bulletins().unwrap().is_empty());
}

#[tokio::test]
async fn a_wrong_featured_id_or_month_comes_back_on_the_form() {
    let app = app();
    let editor = app.login("editor@vigie.example").await;
    let page = app.get("/bulletins?month=2023-12", &editor).await;
    assert!(page.body.contains(r#"value="chiefs-meeting""#), "the month's article is offered");
    let csrf = csrf_in(&page.body);
    let form = format!("number=58&month=2023-12&featured_list=no-such-story&csrf={csrf}");
    let reply = app.post("/bulletins", &form, &editor).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("no-such-story") && reply.body.contains(r#"class="error""#), "{}", reply.body);
    let reply = app.post("/bulletins", &format!("number=58&month=2023-13&csrf={csrf}"), &editor).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("AAAA-MM"), "{}", reply.body);
    assert!(app.store().bulletins().unwrap().is_empty());
}

#[tokio::test]
async fn an_issue_is_built_kept_as_a_draft_then_published() {
    let app = app();
    let editor = app.login("editor@vigie.example").await;
    let csrf = csrf_in(&app.get("/bulletins", &editor).await.body);
    let reply = app.post("/bulletins", &format!("{FORM}&csrf={csrf}"), &editor).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.location.as_deref(), Some("/bulletins"));

    let pdf = app.get("/bulletins/58/fr.pdf", &editor).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.content_type, "application/pdf");
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert_eq!(pdf.disposition, r#"inline; filename="bulletin-58-2023-12.fr.pdf""#);
    let html = app.get("/bulletins/58/fr.html", &editor).await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.content_type.starts_with("text/html"));
    assert!(html.body.contains(r#"lang="fr""#));
    let analyst = app.login("analyst@vigie.example").await;
    assert_eq!(app.get("/bulletins/58/ar.pdf", &analyst).await.status, StatusCode::OK);

    // a draft is not public
    assert_eq!(app.get("/bulletins/58/fr.pdf", "").await.status, StatusCode::NOT_FOUND);
    let viewer = app.login("viewer@vigie.example").await;
    assert_eq!(app.get("/bulletins/58/en.html", &viewer).await.status, StatusCode::NOT_FOUND);
    assert!(!unescaped(&app.get("/", "").await.body).contains("/bulletins/58/fr.pdf"));

    let reply = app.post("/bulletins/58/publish", &format!("csrf={csrf}"), &editor).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let pdf = app.get("/bulletins/58/en.pdf", "").await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert_eq!(app.get("/bulletins/58/ar.html", "").await.status, StatusCode::OK);
    let home = app.get("/", "").await;
    assert!(unescaped(&home.body).contains("/bulletins/58/fr.pdf"), "{}", home.body);
    assert!(unescaped(&app.get("/bulletins", "").await.body).contains("/bulletins/58/en.html"));
    assert_eq!(app.get("/bulletins/59/fr.pdf", "").await.status, StatusCode::NOT_FOUND);

    let store = app.store();
    let issues = store.bulletins().unwrap();
    assert_eq!(issues.len(), 1);
    assert!(issues[0].published);
    for action in ["bulletin.build", "bulletin.publish"] {
        let filter = AuditFilter { action: Some(action.into()), ..Default::default() };
        assert_eq!(store.audit(&filter).unwrap().len(), 1, "{action}");
    }
}
