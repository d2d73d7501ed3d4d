//! What every web test needs: a router over a temporary SQLite store with
//! users of the given roles, requests with cookies, the login dance with
//! its CSRF cookie and token, forms posted with the session's token, upload
//! (multipart) forms, the audit log, and incidents to seed the store with.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;
use vigie_domain::region::Regions;
use vigie_domain::{AuditEntry, CountryCode, DatePrecision, Incident, Method, Role, Status, Target};
use vigie_store::{AuditFilter, IncidentFilter, NewUser, Store, password};
use vigie_web::{AppState, Config};

pub const PASSWORD: &str = "vigie-demo-2023";

pub struct App {
    pub router: Router,
    pub db: String,
    _dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub location: Option<String>,
    pub set_cookies: Vec<String>,
    /// The body as text (lossy for binary bodies: see `bytes`).
    pub body: String,
    pub bytes: Vec<u8>,
    pub content_type: String,
    pub disposition: String,
    /// The `Cache-Control` header ("" when absent).
    pub cache_control: String,
    pub headers: axum::http::HeaderMap,
}

pub fn add_user(store: &mut dyn Store, email: &str, role: Role, countries: &[&str]) {
    let countries: Vec<CountryCode> = countries.iter().map(|c| CountryCode::new(c).unwrap()).collect();
    let user = NewUser { email: email.into(), role, countries, password_hash: password::hash(PASSWORD).unwrap() };
    store.add_user(&user, "cli").unwrap();
}

/// A router over a new store holding `users` (email, role, countries);
/// `seed` may add more, given the store and the temporary folder.
pub fn app_with(users: &[(&str, Role, &[&str])], seed: impl FnOnce(&mut dyn Store, &Path)) -> App {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("web.db").to_str().unwrap().to_string();
    let mut store = vigie_store::open(&db).unwrap();
    for (email, role, countries) in users {
        add_user(store.as_mut(), email, *role, countries);
    }
    seed(store.as_mut(), dir.path());
    let config = Config {
        secure_cookies: false,
        organisation: ["Org FR".into(), "Org EN".into(), "Org AR".into()],
        ..Config::default()
    };
    let state = AppState::new(store, Regions::builtin(), config).unwrap();
    let router = vigie_web::router(state).layer(MockConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
    App { router, db, _dir: dir }
}

impl App {
    pub fn store(&self) -> Box<dyn Store> {
        vigie_store::open(&self.db).unwrap()
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let header = |name: header::HeaderName| response.headers().get(name).map(|v| v.to_str().unwrap().to_string());
        let location = header(header::LOCATION);
        let content_type = header(header::CONTENT_TYPE).unwrap_or_default();
        let disposition = header(header::CONTENT_DISPOSITION).unwrap_or_default();
        let cache_control = header(header::CACHE_CONTROL).unwrap_or_default();
        let set_cookies =
            response.headers().get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_string()).collect();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            location,
            set_cookies,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
            content_type,
            disposition,
            cache_control,
            headers,
        }
    }

    pub async fn get(&self, path: &str, cookie: &str) -> Reply {
        let request = Request::get(path).header(header::COOKIE, cookie).body(Body::empty()).unwrap();
        self.send(request).await
    }

    pub async fn post(&self, path: &str, form: &str, cookie: &str) -> Reply {
        let request = Request::post(path)
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form.to_string()))
            .unwrap();
        self.send(request).await
    }

    /// The login form's CSRF cookie (as a `Cookie` pair) and token.
    pub async fn login_form(&self) -> (String, String) {
        let reply = self.get("/login", "").await;
        assert_eq!(reply.status, StatusCode::OK);
        let cookie = cookie_pair(&reply, "vigie_csrf").expect("the login form sets its CSRF cookie");
        (cookie, csrf_in(&reply.body))
    }

    pub async fn try_login(&self, email: &str, password: &str) -> Reply {
        let (cookie, csrf) = self.login_form().await;
        let form = format!("email={}&password={}&csrf={csrf}", encode(email), encode(password));
        self.post("/login", &form, &cookie).await
    }

    /// Logs in; the `Cookie` header value of the session.
    pub async fn login(&self, email: &str) -> String {
        let reply = self.try_login(email, PASSWORD).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        cookie_pair(&reply, "vigie_session").expect("a session cookie")
    }

    /// Logs in with the password, then the second step with `code` (of
    /// the authenticator app, or a recovery code); the reply of the second
    /// step, and the `Cookie` header value it was sent with.
    pub async fn login_with_code(&self, email: &str, code: &str) -> (Reply, String) {
        let (csrf_cookie, csrf) = self.login_form().await;
        let form = format!("email={}&password={}&csrf={csrf}", encode(email), encode(PASSWORD));
        let first = self.post("/login", &form, &csrf_cookie).await;
        assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
        assert!(cookie_pair(&first, "vigie_session").is_none(), "no session for the password alone");
        let location = first.location.clone().unwrap();
        assert!(location.starts_with("/login/code"), "{location}");
        let pending = cookie_pair(&first, "vigie_pending").expect("the pending login's cookie");
        let cookie = format!("{csrf_cookie}; {pending}");
        let page = self.get(&location, &cookie).await;
        assert_eq!(page.status, StatusCode::OK);
        let form = format!("code={}&next=%2Fdashboard&csrf={}", encode(code), csrf_in(&page.body));
        (self.post("/login/code", &form, &cookie).await, cookie)
    }

    /// The session's CSRF token (the same in every form of its pages).
    pub async fn token(&self, session: &str) -> String {
        csrf_in(&self.get("/dashboard", session).await.body)
    }

    /// The hidden fields of incident `id`'s approve and reject forms as
    /// `session`'s page shows them (`csrf`, `version`, `seen`), to append
    /// more to; a page without those forms gives an empty version.
    pub async fn review_fields(&self, session: &str, id: &str) -> String {
        let page = self.get(&format!("/incidents/{}", path_segment(id)), session).await.body;
        let version = if page.contains(r#"name="version" value=""#) { version_in(&page) } else { String::new() };
        let seen = page
            .split(r#"name="seen" value=""#)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or("0")
            .to_string();
        format!("csrf={}&version={version}&seen={seen}", self.token(session).await)
    }

    /// Posts `form` (URL-encoded) with the session's CSRF token.
    pub async fn post_form(&self, path: &str, form: &str, session: &str) -> Reply {
        let csrf = self.token(session).await;
        self.post(path, &format!("{form}&csrf={csrf}"), session).await
    }

    /// Posts a `multipart` body (an upload form).
    pub async fn post_multipart(&self, path: &str, body: Vec<u8>, session: &str) -> Reply {
        let request = Request::post(path)
            .header(header::COOKIE, session)
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={BOUNDARY}"))
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    /// The audit log's entries of `action`, latest first.
    pub fn audit_of(&self, action: &str) -> Vec<AuditEntry> {
        self.store().audit(&AuditFilter { action: Some(action.into()), ..AuditFilter::default() }).unwrap()
    }
}

/// A verified incident in Djibo, Burkina Faso, on `day` December 2023.
pub fn incident(id: &str, day: i8) -> Incident {
    Incident {
        id: id.into(),
        date: jiff::civil::date(2023, 12, day),
        date_end: None,
        date_precision: DatePrecision::Day,
        country: CountryCode::new("BF").unwrap(),
        admin1: "Sahel".into(),
        location: "Djibo".into(),
        latitude: None,
        longitude: None,
        geo_precision: None,
        perpetrator: "jnim".into(),
        target: Target::Military,
        method: Method::Ambush,
        killed: Some(2),
        wounded: None,
        kidnapped: None,
        perpetrators_killed: None,
        killed_low: None,
        killed_high: None,
        description: "text".into(),
        sources: "a".into(),
        status: Status::Verified,
    }
}

/// Imports `incidents` as one import (through a store handle of its own:
/// another process, as far as the server knows).
pub fn import_incidents(store: &mut dyn Store, incidents: &[Incident]) {
    let mut session = store.begin_import("test", "native").unwrap();
    for incident in incidents {
        session.upsert(incident, incident.content_hash()).unwrap();
    }
    session.finish(Default::default()).unwrap();
}

/// Imports the article file `name` holding `text`, written into the
/// folder `articles` of `dir`, as `vigie articles import` does.
pub fn import_article(store: &mut dyn Store, dir: &Path, name: &str, text: &str) {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join(name), text).unwrap();
    let options = vigie_ingest::Options::new(jiff::civil::date(2024, 12, 31));
    let summary = vigie_ingest::import_articles(store, &articles, &options).unwrap();
    assert!(summary.written, "{name} imports");
}

/// The boundary between the parts of a `multipart` body.
pub const BOUNDARY: &str = "vigie-test-boundary";

/// A multipart/form-data body, as a browser sends an upload form: the CSRF
/// token first (when given: the forms put it first), then the fields, then
/// the file if any (its field, its file name, its bytes).
pub fn multipart<V: AsRef<str>>(
    csrf: Option<&str>,
    fields: &[(&str, V)],
    file: Option<(&str, &str, &[u8])>,
) -> Vec<u8> {
    let mut body = Vec::new();
    let mut part = |disposition: String, content: &[u8]| {
        body.extend_from_slice(format!("--{BOUNDARY}\r\nContent-Disposition: form-data; {disposition}\r\n").as_bytes());
        if disposition.contains("filename=") {
            body.extend_from_slice(b"Content-Type: application/octet-stream\r\n");
        }
        body.extend_from_slice(b"\r\n");
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    };
    if let Some(token) = csrf {
        part(r#"name="csrf""#.into(), token.as_bytes());
    }
    for (name, value) in fields {
        part(format!(r#"name="{name}""#), value.as_ref().as_bytes());
    }
    if let Some((field, name, bytes)) = file {
        part(format!(r#"name="{field}"; filename="{name}""#), bytes);
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// Page text with the slashes minijinja escapes in attributes (`&#x2f;`)
/// as written.
pub fn unescaped(html: &str) -> String {
    html.replace("&#x2f;", "/")
}

/// Percent-encodes a form value.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }
        })
        .collect()
}

/// The `name=value` pair of a cookie the reply sets.
pub fn cookie_pair(reply: &Reply, name: &str) -> Option<String> {
    reply
        .set_cookies
        .iter()
        .find(|c| c.starts_with(&format!("{name}=")))
        .map(|c| c.split(';').next().unwrap().to_string())
}

/// The CSRF token of the first form of a page.
pub fn csrf_in(html: &str) -> String {
    let start = html.find(r#"name="csrf" value=""#).expect("a csrf field") + r#"name="csrf" value=""#.len();
    html[start..start + 64].to_string()
}

/// The fingerprint an edit form carries of the record it shows (64 hex
/// digits).
pub fn version_in(html: &str) -> String {
    let marker = r#"name="version" value=""#;
    let start = html.find(marker).expect("a version field") + marker.len();
    html[start..start + 64].to_string()
}

/// An id as a path segment (the ids of the tests are plain but for `:`).
fn path_segment(id: &str) -> String {
    id.replace(':', "%3A")
}

// Incidents: the form, the edit form, the review and the import of a file.

/// The native CSV header of the import tests.
pub const HEADER: &str = "id,date,country,location,perpetrator,target,method,killed,wounded,description,sources,status";

/// A new incident's form fields in Burkina Faso's style: 3 killed, 1 wounded.
pub fn incident_form(country: &str, location: &str, description: &str) -> String {
    format!(
        "date=2023-12-05&country={country}&location={}&admin1=&latitude=&longitude=&perpetrator=jnim&target=civilians&method=armed_assault&killed=3&wounded=1&kidnapped=&description={}&sources={}",
        encode(location),
        encode(description),
        encode("https://news.example/a ; Radio X")
    )
}

/// A native CSV file of these rows (after the header).
pub fn file(rows: &[&str]) -> String {
    let mut text = format!("{HEADER}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

/// The number shown for a count's label in the result's table.
pub fn count_of(body: &str, label: &str) -> u64 {
    let marker = format!(r#"<th scope="row">{label}</th><td>"#);
    let start = body.find(&marker).unwrap_or_else(|| panic!("no {label} in {body}")) + marker.len();
    body[start..start + body[start..].find('<').unwrap()].parse().unwrap()
}

/// The values of an edit form page, `changes` applied, as a form body.
pub fn edited(form_page: &str, changes: &[(&str, &str)]) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for name in [
        "csrf",
        "version",
        "date",
        "country",
        "location",
        "admin1",
        "latitude",
        "longitude",
        "perpetrator",
        "target",
        "method",
        "killed",
        "killed_low",
        "killed_high",
        "wounded",
        "kidnapped",
    ] {
        let marker = format!(r#"name="{name}" value=""#);
        let start = form_page.find(&marker).unwrap_or_else(|| panic!("no {name} field")) + marker.len();
        let end = start + form_page[start..].find('"').unwrap();
        pairs.push((name.into(), unescape(&form_page[start..end])));
    }
    for name in ["description", "sources"] {
        let marker = format!(r#"name="{name}">"#);
        let start = form_page.find(&marker).unwrap() + marker.len();
        let end = start + form_page[start..].find("</textarea>").unwrap();
        pairs.push((name.into(), unescape(&form_page[start..end])));
    }
    for (name, value) in changes {
        pairs.iter_mut().find(|(n, _)| n == name).unwrap().1 = value.to_string();
    }
    pairs.iter().map(|(n, v)| format!("{n}={}", encode(v))).collect::<Vec<_>>().join("&")
}

/// What minijinja escapes in a value.
fn unescape(text: &str) -> String {
    text.replace("&#x2f;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

impl App {
    /// Creates a draft as `session`; its id.
    pub async fn create(&self, session: &str, country: &str, location: &str) -> String {
        let csrf = self.token(session).await;
        let form = format!("{}&csrf={csrf}", incident_form(country, location, "A draft"));
        let reply = self.post("/incidents", &form, session).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        let location = reply.location.unwrap();
        location.strip_prefix("/incidents/").unwrap().to_string()
    }

    /// Submits the edit form of `id` as `session` with `changes`.
    pub async fn edit(&self, session: &str, id: &str, changes: &[(&str, &str)]) -> Reply {
        let form = self.get(&format!("/incidents/{id}/edit"), session).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        self.post(&format!("/incidents/{id}/edit"), &edited(&form.body, changes), session).await
    }

    pub async fn approve(&self, session: &str, id: &str) -> StatusCode {
        let fields = self.review_fields(session, id).await;
        self.post(&format!("/incidents/{id}/approve"), &fields, session).await.status
    }

    /// Uploads `content` as `file_name` with the form's other `fields`, and
    /// the token of the form (none when the form is refused).
    pub async fn upload(&self, session: &str, file_name: &str, content: &[u8], fields: &[(&str, &str)]) -> Reply {
        let form = self.get("/incidents/import", session).await;
        let csrf = (form.status == StatusCode::OK).then(|| csrf_in(&form.body));
        let body = multipart(csrf.as_deref(), fields, Some(("file", file_name, content)));
        self.post_multipart("/incidents/import", body, session).await
    }

    pub fn count(&self) -> u64 {
        self.store().incidents(&IncidentFilter::default(), &mut |_| Ok(())).unwrap()
    }
}

/// The boxes of an import's page: each `item` value.
pub fn items(body: &str) -> Vec<String> {
    unescaped(body)
        .split(r#"name="item" value=""#)
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

pub fn approve_form(csrf: &str, items: &[String]) -> String {
    let mut form = format!("csrf={csrf}");
    for item in items {
        form.push_str(&format!("&item={}", encode(item)));
    }
    form
}

/// The path of the page of an import's drafts, linked from its result page.
pub fn import_review_link(body: &str) -> String {
    let body = unescaped(body);
    let end = body.find(r#"" id="import-review""#).expect("a link to the import's drafts");
    body[body[..end].rfind(r#"href=""#).unwrap() + 6..end].to_string()
}

impl App {
    /// Approves every draft of the import whose result page is `body`, as
    /// `session` (someone else than its importer).
    pub async fn approve_import(&self, body: &str, session: &str) {
        let page = import_review_link(body);
        let ticked = items(&self.get(&page, session).await.body);
        let form = approve_form(&self.token(session).await, &ticked);
        let reply = self.post(&format!("{page}/approve"), &form, session).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    }
}

/// One published article of December 2023, featured: what a bulletin needs.
pub const ARTICLE: &str = r#"+++
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

/// Imports [`ARTICLE`] (a seed for `app_with`).
pub fn load_article(store: &mut dyn Store, dir: &Path) {
    import_article(store, dir, "chiefs-meeting.fr.md", ARTICLE);
}
