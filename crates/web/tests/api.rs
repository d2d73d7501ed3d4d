//! The API with personal access tokens: who may do what (the pages'
//! rules), problems, cursors, `ETag`/`If-Match`, `Idempotency-Key`, the
//! rate limit, and the audit log naming the token.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{App, Reply, app_with, import_incidents, incident};
use serde_json::{Value, json};
use vigie_domain::token::TokenScope;
use vigie_domain::{Role, Status};
use vigie_store::{AuditFilter, api_token};

const ANALYST: &str = "analyst@example.org";
const SECOND: &str = "second@example.org";
const DELEGATE: &str = "bf@example.org";
const VIEWER: &str = "viewer@example.org";
const ADMIN: &str = "admin@example.org";

fn app() -> App {
    app_with(
        &[
            (ANALYST, Role::Analyst, &[]),
            (SECOND, Role::Analyst, &[]),
            (DELEGATE, Role::Delegate, &["BF"]),
            (VIEWER, Role::Viewer, &[]),
            (ADMIN, Role::Admin, &[]),
        ],
        |store, _| {
            let mut draft_ml = incident("ML-DRAFT", 3);
            draft_ml.country = vigie_domain::CountryCode::new("ML").unwrap();
            draft_ml.status = Status::Draft;
            let mut draft_bf = incident("BF-DRAFT", 4);
            draft_bf.status = Status::Draft;
            import_incidents(store, &[incident("BF-1", 1), incident("BF-2", 2), draft_ml, draft_bf]);
        },
    )
}

/// A token of `email` with `scope`, made as `vigie token create` does.
fn token(app: &App, email: &str, scope: TokenScope) -> String {
    let mut store = app.store();
    let owner = store.user_by_email(email).unwrap().unwrap();
    api_token::issue(store.as_mut(), &owner, "test", scope, 30, "cli", jiff::Timestamp::now()).unwrap().secret
}

async fn call(
    app: &App,
    method: &str,
    path: &str,
    token: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> Reply {
    let mut request = Request::builder().method(method).uri(path);
    if !token.is_empty() {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let body = match body {
        Some(json) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(json.to_string())
        }
        None => Body::empty(),
    };
    app.send(request.body(body).unwrap()).await
}

fn json(reply: &Reply) -> Value {
    serde_json::from_str(&reply.body).unwrap_or_else(|e| panic!("{e}: {}", reply.body))
}

fn ids(reply: &Reply) -> Vec<String> {
    json(reply)["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_string()).collect()
}

fn etag(reply: &Reply) -> String {
    reply.headers[header::ETAG].to_str().unwrap().to_string()
}

#[tokio::test]
async fn without_a_valid_token_nothing_but_a_problem() {
    let app = app();
    let anonymous = call(&app, "GET", "/api/v1/incidents", "", &[], None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.content_type, "application/problem+json");
    assert!(anonymous.headers[header::WWW_AUTHENTICATE].to_str().unwrap().starts_with("Bearer"));
    assert_eq!(json(&anonymous)["status"], 401);

    let made = token(&app, VIEWER, TokenScope::Read);
    let mut wrong = made.clone();
    wrong.replace_range(wrong.len() - 1.., if made.ends_with('0') { "1" } else { "0" });
    for bad in [wrong.as_str(), "vigie_pat_short", "not-a-token"] {
        let reply = call(&app, "GET", "/api/v1/incidents", bad, &[], None).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{bad}");
        assert!(reply.headers[header::WWW_AUTHENTICATE].to_str().unwrap().contains("invalid_token"));
    }
    assert_eq!(call(&app, "GET", "/api/v1/incidents", &made, &[], None).await.status, StatusCode::OK);

    // revoked: refused at the next request
    let id = app.store().tokens(None).unwrap()[0].id;
    api_token::revoke(app.store().as_mut(), id, "cli", jiff::Timestamp::now()).unwrap();
    assert_eq!(call(&app, "GET", "/api/v1/incidents", &made, &[], None).await.status, StatusCode::UNAUTHORIZED);

    // a disabled account's token opens nothing
    let delegate = token(&app, DELEGATE, TokenScope::Read);
    app.store().set_user_disabled(DELEGATE, true, "cli").unwrap();
    assert_eq!(call(&app, "GET", "/api/v1/incidents", &delegate, &[], None).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_expired_token_is_refused() {
    let app = app();
    let mut store = app.store();
    let owner = store.user_by_email(VIEWER).unwrap().unwrap();
    let secret = api_token::new_secret().unwrap();
    let long_ago = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(48);
    let token = vigie_store::NewToken {
        user_id: owner.id,
        name: "old".into(),
        scope: TokenScope::Read,
        token_hash: api_token::secret_hash(&secret),
        shown: secret[..16].into(),
        created_at: long_ago,
        expires_at: long_ago + jiff::SignedDuration::from_hours(24),
    };
    let audit = vigie_domain::AuditEntry::new(long_ago, "cli", "token.create", "token", None);
    store.create_token(&token, &audit).unwrap();
    assert_eq!(call(&app, "GET", "/api/v1/incidents", &secret, &[], None).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_token_reads_what_its_user_reads() {
    let app = app();
    let analyst = token(&app, ANALYST, TokenScope::Read);
    let delegate = token(&app, DELEGATE, TokenScope::Read);
    let viewer = token(&app, VIEWER, TokenScope::Read);
    let all = call(&app, "GET", "/api/v1/incidents?sort=asc", &analyst, &[], None).await;
    assert_eq!(ids(&all), ["BF-1", "BF-2", "ML-DRAFT", "BF-DRAFT"]);
    let theirs = call(&app, "GET", "/api/v1/incidents?sort=asc", &delegate, &[], None).await;
    assert_eq!(ids(&theirs), ["BF-1", "BF-2", "BF-DRAFT"], "another country's draft is not listed");
    let verified = call(&app, "GET", "/api/v1/incidents", &viewer, &[], None).await;
    assert_eq!(ids(&verified), ["BF-2", "BF-1"], "latest first by default");
    // another country's draft is not found, as on the pages
    assert_eq!(
        call(&app, "GET", "/api/v1/incidents/ML-DRAFT", &delegate, &[], None).await.status,
        StatusCode::NOT_FOUND
    );
    let one = call(&app, "GET", "/api/v1/incidents/BF-1", &delegate, &[], None).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(json(&one)["country"], "BF");
    assert_eq!(json(&one)["killed"], 2);
    assert_eq!(etag(&one).len(), 66, "a strong tag: the fingerprint in quotes");
    // the filters of the command line, and a wrong one named
    let filtered =
        call(&app, "GET", "/api/v1/incidents?country=BF&status=verified&from=2023-12-02", &analyst, &[], None).await;
    assert_eq!(ids(&filtered), ["BF-2"]);
    let wrong =
        call(&app, "GET", "/api/v1/incidents?country=Atlantis", &analyst, &[("accept-language", "fr")], None).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert_eq!(json(&wrong)["errors"][0]["field"], "country");
    assert_eq!(json(&wrong)["errors"][0]["code"], "unknown_country");
    let typo = call(&app, "GET", "/api/v1/incidents?countrie=BF", &analyst, &[], None).await;
    assert_eq!(typo.status, StatusCode::BAD_REQUEST);
    assert_eq!(json(&typo)["errors"][0]["field"], "countrie");
}

#[tokio::test]
async fn a_cursor_gives_every_row_once_while_rows_are_added() {
    let app = app();
    let analyst = token(&app, ANALYST, TokenScope::Read);
    let first = call(&app, "GET", "/api/v1/incidents?sort=asc&limit=2", &analyst, &[], None).await;
    assert_eq!(ids(&first), ["BF-1", "BF-2"]);
    let next = json(&first)["next"].as_str().unwrap().to_string();
    assert!(first.headers[header::LINK].to_str().unwrap().contains("rel=\"next\""));
    // a row added before the cursor meanwhile shifts nothing
    import_incidents(app.store().as_mut(), &[incident("BF-0", 1)]);
    let second = call(&app, "GET", &next, &analyst, &[], None).await;
    assert_eq!(second.status, StatusCode::OK, "{next}: {}", second.body);
    assert_eq!(ids(&second), ["ML-DRAFT", "BF-DRAFT"]);
    assert_eq!(json(&second)["next"], Value::Null);
    let bad = call(&app, "GET", "/api/v1/incidents?cursor=zz", &analyst, &[], None).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        call(&app, "GET", "/api/v1/incidents?limit=1001", &analyst, &[], None).await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn a_read_token_never_writes() {
    let app = app();
    let read = token(&app, ANALYST, TokenScope::Read);
    let body =
        json!({"date": "2023-12-05", "country": "BF", "perpetrator": "jnim", "target": "military", "method": "ambush"});
    let reply = call(&app, "POST", "/api/v1/incidents", &read, &[], Some(body)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.headers[header::WWW_AUTHENTICATE].to_str().unwrap().contains("insufficient_scope"));
    assert_eq!(app.store().count_incidents(&Default::default()).unwrap(), 4);
}

#[tokio::test]
async fn a_draft_made_by_token_then_changed_and_reviewed_by_four_eyes() {
    let app = app();
    let author = token(&app, ANALYST, TokenScope::Write);
    let second = token(&app, SECOND, TokenScope::Write);
    let body = json!({
        "date": "2023-12-05", "country": "BF", "location": "Djibo", "perpetrator": "jnim",
        "target": "military", "method": "ambush", "killed": 4, "sources": "a"
    });
    let created = call(&app, "POST", "/api/v1/incidents", &author, &[], Some(body)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let location = created.location.clone().unwrap();
    let record = json(&created);
    assert_eq!(record["status"], "draft");
    assert_eq!(record["killed"], 4);
    let id = record["id"].as_str().unwrap().to_string();
    assert_eq!(location, format!("/api/v1/incidents/{id}"));

    // the audit names the token
    let entries = app.audit_of("incident.create");
    let token_id = app.store().tokens(None).unwrap().iter().find(|t| t.email == ANALYST).unwrap().id;
    assert_eq!(entries[0].token_id, Some(token_id));
    assert_eq!(entries[0].actor, ANALYST);

    // a change names the version it changes
    let patch = json!({"killed": 5, "wounded": null});
    let none = call(&app, "PATCH", &location, &author, &[], Some(patch.clone())).await;
    assert_eq!(none.status, StatusCode::PRECONDITION_REQUIRED);
    let stale = call(&app, "PATCH", &location, &author, &[("if-match", "\"0000\"")], Some(patch.clone())).await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    let tag = etag(&created);
    let changed = call(&app, "PATCH", &location, &author, &[("if-match", &tag)], Some(patch.clone())).await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    assert_eq!(json(&changed)["killed"], 5);
    assert_ne!(etag(&changed), tag);
    // the same request again, from the old version: refused, not applied twice
    let again = call(&app, "PATCH", &location, &author, &[("if-match", &tag)], Some(patch)).await;
    assert_eq!(again.status, StatusCode::PRECONDITION_FAILED);

    // its author may not approve it; another analyst may, at its version
    let path = format!("{location}/approve");
    let tag = etag(&changed);
    let own = call(&app, "POST", &path, &author, &[("if-match", &tag)], None).await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);
    let blind = call(&app, "POST", &path, &second, &[], None).await;
    assert_eq!(blind.status, StatusCode::PRECONDITION_REQUIRED);
    let rejected =
        call(&app, "POST", &format!("{location}/reject"), &second, &[("if-match", &tag)], Some(json!({}))).await;
    assert_eq!(rejected.status, StatusCode::UNPROCESSABLE_ENTITY, "a rejection says why");
    let approved = call(&app, "POST", &path, &second, &[("if-match", &tag)], None).await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.body);
    assert_eq!(json(&approved)["status"], "verified");

    let history = call(&app, "GET", &format!("{location}/history"), &author, &[], None).await;
    let history = json(&history);
    let actions: Vec<&str> =
        history["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["incident.approve", "incident.update", "incident.create"]);
}

#[tokio::test]
async fn a_delegate_s_token_writes_only_their_country() {
    let app = app();
    let delegate = token(&app, DELEGATE, TokenScope::Write);
    let body =
        json!({"date": "2023-12-05", "country": "ML", "perpetrator": "jnim", "target": "military", "method": "ambush"});
    let reply = call(&app, "POST", "/api/v1/incidents", &delegate, &[], Some(body)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // nor changes another's, which it cannot even see
    let patch =
        call(&app, "PATCH", "/api/v1/incidents/ML-DRAFT", &delegate, &[("if-match", "*")], Some(json!({"killed": 1})))
            .await;
    assert_eq!(patch.status, StatusCode::NOT_FOUND);
    // nor approves (a delegate never reviews)
    let approve = call(&app, "POST", "/api/v1/incidents/BF-DRAFT/approve", &delegate, &[("if-match", "*")], None).await;
    assert_eq!(approve.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn invalid_values_are_named_in_the_request_s_language() {
    let app = app();
    let author = token(&app, ANALYST, TokenScope::Write);
    let body = json!({"date": "2023-13-05", "country": "BF", "perpetrator": "jnim", "target": "military", "method": "ambush", "status": "verified", "colour": "red", "killed": [1]});
    let reply = call(&app, "POST", "/api/v1/incidents", &author, &[("accept-language", "fr")], Some(body)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problem = json(&reply);
    let fields: Vec<(&str, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert!(fields.contains(&("status", "unknown_key")), "{fields:?}");
    assert!(fields.contains(&("colour", "unknown_key")), "{fields:?}");
    assert!(fields.contains(&("killed", "not_string_number_or_null")), "{fields:?}");
    let values = call(&app, "POST", "/api/v1/incidents", &author, &[("accept-language", "fr")],
        Some(json!({"date": "2023-13-05", "country": "BF", "perpetrator": "jnim", "target": "military", "method": "ambush"}))).await;
    let problem = json(&values);
    assert_eq!(problem["errors"][0]["field"], "date");
    assert_eq!(problem["errors"][0]["code"], "invalid_date");
    assert!(problem["errors"][0]["message"].as_str().unwrap().contains("AAAA-MM-JJ"), "{problem}");
    let not_json = app
        .send(
            Request::post("/api/v1/incidents")
                .header(header::AUTHORIZATION, format!("Bearer {author}"))
                .header(header::CONTENT_TYPE, "text/plain")
                .body(Body::from("date=2023-12-01"))
                .unwrap(),
        )
        .await;
    assert_eq!(not_json.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(app.store().count_incidents(&Default::default()).unwrap(), 4, "nothing written");
}

#[tokio::test]
async fn an_idempotency_key_gives_the_first_answer_again() {
    let app = app();
    let author = token(&app, ANALYST, TokenScope::Write);
    let body =
        json!({"date": "2023-12-06", "country": "BF", "perpetrator": "jnim", "target": "military", "method": "ambush"});
    let key = [("idempotency-key", "sync-2023-12-06-1")];
    let first = call(&app, "POST", "/api/v1/incidents", &author, &key, Some(body.clone())).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = call(&app, "POST", "/api/v1/incidents", &author, &key, Some(body.clone())).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.body, first.body);
    assert_eq!(again.location, first.location);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(app.store().count_incidents(&Default::default()).unwrap(), 5, "one record");
    let other = call(&app, "POST", "/api/v1/incidents", &author, &key, Some(json!({"date": "2023-12-07"}))).await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(&other)["type"], "/api#problem-idempotency-key-reused");
    // without a key, the same values again are a duplicate
    let duplicate = call(&app, "POST", "/api/v1/incidents", &author, &[], Some(body)).await;
    assert_eq!(duplicate.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_token_s_requests_are_rate_limited() {
    let app = app();
    let viewer = token(&app, VIEWER, TokenScope::Read);
    let other = token(&app, ANALYST, TokenScope::Read);
    let burst = vigie_web::ApiRate::default().burst as usize;
    // a burst passes; then the refill (10 a second) lets a few more through
    let mut passed = 0;
    let refused = loop {
        let reply = call(&app, "GET", "/api/v1/incidents?limit=1", &viewer, &[], None).await;
        if reply.status != StatusCode::OK {
            break reply;
        }
        passed += 1;
        assert!(passed < 2 * burst, "never refused");
    };
    assert!(passed >= burst, "{passed}");
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = refused.headers[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(refused.content_type, "application/problem+json");
    assert_eq!(call(&app, "GET", "/api/v1/incidents?limit=1", &other, &[], None).await.status, StatusCode::OK);
}

#[tokio::test]
async fn tokens_are_made_on_the_account_page_shown_once_and_revoked() {
    let app = app();
    let session = format!("{}; vigie_lang=en", app.login(DELEGATE).await);
    let made = app.post_form("/account/tokens", "name=national+sync&scope=write&days=90", &session).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let secret = made.body.split("vigie_pat_").nth(1).unwrap()[..64].to_string();
    let secret = format!("vigie_pat_{secret}");
    let list = app.get("/account/tokens", &session).await;
    assert!(list.body.contains("national sync"));
    assert!(!list.body.contains(&secret), "the secret is shown once");
    assert_eq!(call(&app, "GET", "/api/v1/incidents", &secret, &[], None).await.status, StatusCode::OK);
    let audit = app.audit_of("token.create");
    assert_eq!(audit[0].actor, DELEGATE);

    // a wrong form says what is wrong, and makes nothing
    let wrong = app.post_form("/account/tokens", "name=&scope=write&days=90", &session).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let wrong = app.post_form("/account/tokens", "name=x&scope=admin&days=90", &session).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let wrong = app.post_form("/account/tokens", "name=x&scope=read&days=9999", &session).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.store().tokens(None).unwrap().len(), 1);

    // another user cannot revoke it (not found); an administrator can
    let id = app.store().tokens(None).unwrap()[0].id;
    let viewer = app.login(VIEWER).await;
    assert_eq!(
        app.post_form(&format!("/account/tokens/{id}/revoke"), "x=1", &viewer).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(call(&app, "GET", "/api/v1/incidents", &secret, &[], None).await.status, StatusCode::OK);
    let admin = app.login(ADMIN).await;
    assert!(app.get("/account/tokens", &admin).await.body.contains("national sync"), "the admin sees every token");
    let revoked = app.post_form(&format!("/account/tokens/{id}/revoke"), "x=1", &admin).await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert_eq!(call(&app, "GET", "/api/v1/incidents", &secret, &[], None).await.status, StatusCode::UNAUTHORIZED);
    let entry = &app.audit_of("token.revoke")[0];
    assert_eq!(entry.actor, ADMIN);
    assert_eq!(entry.entity_id.as_deref(), Some(id.to_string().as_str()));
    // a token is not a session of the pages
    let pages = app
        .send(
            Request::get("/incidents")
                .header(header::AUTHORIZATION, format!("Bearer {secret}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(pages.status, StatusCode::SEE_OTHER, "the pages ask for a login");
    let by_token = app.store().audit(&AuditFilter { token_id: Some(id), ..AuditFilter::default() }).unwrap();
    assert!(by_token.is_empty(), "the token changed nothing");
}

#[tokio::test]
async fn registers_and_reports_with_a_token_and_the_published_data_without() {
    let app = app();
    let viewer = token(&app, VIEWER, TokenScope::Read);
    for path in [
        "/api/v1/countries",
        "/api/v1/regions",
        "/api/v1/groups",
        "/api/v1/members",
        "/api/v1/partners",
        "/api/v1/activities",
        "/api/v1/notes",
    ] {
        let reply = call(&app, "GET", path, &viewer, &[], None).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
        assert!(json(&reply)["items"].is_array(), "{path}");
        assert_eq!(
            call(&app, "GET", path, "", &[], None).await.status,
            StatusCode::UNAUTHORIZED,
            "{path} needs a token"
        );
        assert!(!reply.headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN), "{path} is not open to other sites");
    }
    let countries = json(&call(&app, "GET", "/api/v1/countries", &viewer, &[], None).await);
    assert!(countries["items"].as_array().unwrap().iter().any(|c| c["code"] == "BF" && c["name_en"] == "Burkina Faso"));
    let groups = json(&call(&app, "GET", "/api/v1/groups", &viewer, &[], None).await);
    assert!(groups["items"].as_array().unwrap().iter().any(|g| g["id"] == "jnim"));

    let monthly = call(&app, "GET", "/api/v1/reports/monthly?region=g5-sahel&month=2023-12", &viewer, &[], None).await;
    assert_eq!(monthly.status, StatusCode::OK, "{}", monthly.body);
    assert_eq!(json(&monthly)["month"], "2023-12");
    let wrong = call(&app, "GET", "/api/v1/reports/monthly?region=atlantis", &viewer, &[], None).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert_eq!(json(&wrong)["errors"][0]["field"], "region");
    let unknown = call(&app, "GET", "/api/v1/reports/year?year=2023&colour=red", &viewer, &[], None).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert_eq!(unknown.content_type, "application/problem+json");
    assert_eq!(json(&unknown)["errors"][0]["field"], "colour");
    for path in [
        "/api/v1/reports/year?year=2023",
        "/api/v1/reports/timeline?year=2023",
        "/api/v1/reports/national-days?month=2023-12",
        "/api/v1/reports/revisions",
    ] {
        assert_eq!(call(&app, "GET", path, &viewer, &[], None).await.status, StatusCode::OK, "{path}");
    }

    // the published data: no token, any origin
    let bulletins = call(&app, "GET", "/api/v1/public/bulletins", "", &[], None).await;
    assert_eq!(bulletins.status, StatusCode::OK);
    assert_eq!(bulletins.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    assert_eq!(json(&bulletins)["items"], json!([]), "nothing is published yet");
    let figures = call(&app, "GET", "/api/v1/public/figures?month=2023-12", "", &[], None).await;
    assert_eq!(figures.status, StatusCode::NOT_FOUND, "no issue published the month");
    assert_eq!(figures.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    // the document itself is public
    let document = call(&app, "GET", "/api/v1/openapi.json", "", &[], None).await;
    assert_eq!(document.status, StatusCode::OK);
    assert!(json(&document)["paths"]["/api/v1/public/figures"]["get"]["security"] == json!([{}]));
}

#[tokio::test]
async fn the_reference_page_shows_every_operation_schema_and_problem() {
    let app = app();
    let page = app.get("/api", "vigie_lang=ar").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("dir=\"rtl\""), "in the page's language and direction");
    let document: Value = serde_json::from_str(&app.get("/api/v1/openapi.json", "").await.body).unwrap();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let id = operation["operationId"].as_str().unwrap();
            assert!(page.body.contains(&format!("id=\"op-{id}\"")), "{method} {path}");
        }
    }
    for name in document["components"]["schemas"].as_object().unwrap().keys() {
        assert!(page.body.contains(&format!("id=\"schema-{name}\"")), "{name}");
    }
    // every problem's type points at a section of the page
    for kind in ["invalid-values", "precondition-failed", "precondition-required", "idempotency-key-reused"] {
        assert!(page.body.contains(&format!("id=\"problem-{kind}\"")), "{kind}");
    }
    assert!(!page.body.contains("<script"), "no script");
}

const HEADER: &str = "id,date,country,location,perpetrator,target,method,killed,wounded,description,sources,status";

async fn upload(app: &App, token: &str, query: &str, lines: &[&str]) -> Reply {
    let body = std::iter::once(HEADER).chain(lines.iter().copied()).collect::<Vec<_>>().join("\n") + "\n";
    let request = Request::post(format!("/api/v1/imports{query}"))
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "text/csv")
        .header("accept-language", "en")
        .body(Body::from(body))
        .unwrap();
    app.send(request).await
}

#[tokio::test]
async fn an_import_by_token_lands_as_drafts_or_says_where_it_is_wrong() {
    let app = app();
    let analyst = token(&app, ANALYST, TokenScope::Write);
    let good = "t-bf-9,2023-12-05,BF,Djibo,jnim,civilians,armed_assault,3,1,Attaque,https://a.example,verified";
    let bad = "t-bf-10,2023-12-07,BF,Kaya,jnim,civilians,armed_assault,-1,,Faux,https://c.example,";
    let refused = upload(&app, &analyst, "?name=december.csv", &[good, bad]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    let result = json(&refused);
    assert_eq!(result["written"], false);
    assert_eq!(result["problems"][0]["line"], 3);
    assert_eq!(result["problems"][0]["column"], "killed");
    assert_eq!(result["problems"][0]["code"], "negative");
    assert!(app.store().incident("t-bf-9").unwrap().is_none(), "all or nothing");

    let checked = upload(&app, &analyst, "?dry_run=true", &[good]).await;
    assert_eq!(checked.status, StatusCode::OK);
    assert!(app.store().incident("t-bf-9").unwrap().is_none(), "a dry run writes nothing");

    let written = upload(&app, &analyst, "?name=december.csv", &[good]).await;
    assert_eq!(written.status, StatusCode::CREATED, "{}", written.body);
    let result = json(&written);
    assert_eq!(result["counts"]["new"], 1);
    assert_eq!(result["counts"]["drafts"], 1);
    assert_eq!(app.store().incident("t-bf-9").unwrap().unwrap().status, Status::Draft, "a draft whatever it says");
    assert_eq!(written.location.as_deref(), result["review"].as_str());

    // a delegate's file of another country is refused, row by row
    let delegate = token(&app, DELEGATE, TokenScope::Write);
    let other = "t-ml-9,2023-12-06,ML,Gao,jnim,military,ambush,5,,Embuscade,https://b.example,";
    let theirs = upload(&app, &delegate, "", &[other]).await;
    assert_eq!(theirs.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(&theirs)["problems"][0]["code"], "country_not_allowed");
    // a viewer imports nothing; a wrong choice is named
    let viewer = token(&app, VIEWER, TokenScope::Write);
    assert_eq!(upload(&app, &viewer, "", &[good]).await.status, StatusCode::FORBIDDEN);
    let wrong = upload(&app, &analyst, "?format=xml", &[good]).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    let unknown = upload(&app, &analyst, "?colour=red", &[good]).await;
    assert_eq!(json(&unknown)["errors"][0]["field"], "colour");
}

#[tokio::test]
async fn stories_give_their_drafts_to_whoever_reads_drafts_only() {
    let story = |lang: &str, status: &str| {
        format!(
            "+++\nid = \"summit\"\nlang = \"{lang}\"\ndate = \"2023-12-13\"\ntitle = \"Summit {lang}\"\nkind = \"news\"\n\
             domains = [\"military\"]\nstatus = \"{status}\"\n+++\n\nText {lang}.\n"
        )
    };
    let app = app_with(&[(VIEWER, Role::Viewer, &[]), (ANALYST, Role::Analyst, &[])], |store, dir| {
        common::import_article(store, dir, "summit.en.md", &story("en", "published"));
        common::import_article(store, dir, "summit.fr.md", &story("fr", "draft"));
    });
    let languages = |reply: &Reply| -> Vec<String> {
        json(reply)["items"][0]["versions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["lang"].as_str().unwrap().to_string())
            .collect()
    };
    let viewer = call(&app, "GET", "/api/v1/articles", &token(&app, VIEWER, TokenScope::Read), &[], None).await;
    assert_eq!(languages(&viewer), ["en"], "a viewer reads the published version only");
    let analyst = call(&app, "GET", "/api/v1/articles", &token(&app, ANALYST, TokenScope::Read), &[], None).await;
    let mut both = languages(&analyst);
    both.sort();
    assert_eq!(both, ["en", "fr"]);
    assert_eq!(json(&analyst)["items"][0]["id"], "summit");
    let viewer = token(&app, VIEWER, TokenScope::Read);
    let bulletins = call(&app, "GET", "/api/v1/bulletins", &viewer, &[], None).await;
    assert_eq!(json(&bulletins)["items"], json!([]));
    let missing = call(&app, "GET", "/api/v1/bulletins/58/fr.pdf", &viewer, &[], None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.content_type, "application/problem+json");
}

#[tokio::test]
async fn a_body_too_large_is_a_problem_and_writes_nothing() {
    let app = app();
    let author = token(&app, ANALYST, TokenScope::Write);
    let huge = json!({"date": "2023-12-05", "country": "BF", "description": "x".repeat(300 * 1024)});
    let reply = call(&app, "POST", "/api/v1/incidents", &author, &[], Some(huge)).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.content_type, "application/problem+json");
    assert_eq!(json(&reply)["type"], "/api#problem-too-large");
    let line = format!("{HEADER}\n{}\n", "y".repeat(21 * 1024 * 1024));
    let request = Request::post("/api/v1/imports")
        .header(header::AUTHORIZATION, format!("Bearer {author}"))
        .header(header::CONTENT_TYPE, "text/csv")
        .body(Body::from(line))
        .unwrap();
    let reply = app.send(request).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE, "a 21 MiB line");
    assert_eq!(app.store().count_incidents(&Default::default()).unwrap(), 4);
}
