//! The access matrix of the two doors: for every role × country ×
//! resource, the API (with the user's token) and the pages (with their
//! session) give the same answer — read, refused, or not found — because
//! both call the same rules. A new API resource or page joins the rows.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{App, app_with, import_incidents, incident};
use serde_json::json;
use vigie_domain::token::TokenScope;
use vigie_domain::{CountryCode, Role, Status};
use vigie_store::api_token;

/// The accounts of the matrix: one of each role, a delegate of BF.
const USERS: [(&str, Role, &[&str]); 7] = [
    ("admin@example.org", Role::Admin, &[]),
    ("analyst@example.org", Role::Analyst, &[]),
    ("author@example.org", Role::Analyst, &[]),
    ("editor@example.org", Role::Editor, &[]),
    ("translator@example.org", Role::Translator, &[]),
    ("bf@example.org", Role::Delegate, &["BF"]),
    ("viewer@example.org", Role::Viewer, &[]),
];

fn app() -> App {
    app_with(&USERS, |store, _| {
        let draft = |id: &str, country: &str| {
            let mut i = incident(id, 4);
            i.country = CountryCode::new(country).unwrap();
            i.status = Status::Draft;
            i
        };
        let mut verified_ml = incident("ML-VERIFIED", 2);
        verified_ml.country = CountryCode::new("ML").unwrap();
        import_incidents(
            store,
            &[incident("BF-VERIFIED", 1), verified_ml, draft("BF-DRAFT", "BF"), draft("ML-DRAFT", "ML")],
        );
    })
}

/// What a door answered, in the matrix's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    Done,
    Refused,
    NotFound,
    Invalid,
}

fn answer(status: StatusCode) -> Answer {
    match status.as_u16() {
        200..=399 => Answer::Done,
        403 => Answer::Refused,
        404 => Answer::NotFound,
        400 | 409 | 412 | 422 => Answer::Invalid,
        other => panic!("an answer outside the matrix: {other}"),
    }
}

async fn api(
    app: &App,
    token: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<serde_json::Value>,
) -> StatusCode {
    let mut request =
        Request::builder().method(method).uri(path).header(header::AUTHORIZATION, format!("Bearer {token}"));
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
    app.send(request.body(body).unwrap()).await.status
}

fn etag_of(app: &App, id: &str) -> String {
    let incident = app.store().incident(id).unwrap().unwrap();
    let values = incident.values();
    // the fingerprint the pages and the API both use
    format!("\"{}\"", fingerprint(&values))
}

fn fingerprint(values: &[String]) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for value in values {
        hasher.update((value.len() as u64).to_le_bytes());
        hasher.update(value.as_bytes());
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test]
async fn the_api_and_the_pages_answer_alike_for_every_role_country_and_resource() {
    let mut rows = Vec::new();
    for (email, role, _) in USERS {
        // each user in a fresh app: the writes of one never change another's row
        let app = app();
        let token = {
            let mut store = app.store();
            let owner = store.user_by_email(email).unwrap().unwrap();
            api_token::issue(store.as_mut(), &owner, "matrix", TokenScope::Write, 7, "cli", jiff::Timestamp::now())
                .unwrap()
                .secret
        };
        let session = format!("{}; vigie_lang=en", app.login(email).await);

        // reads: each incident, and the registers
        for id in ["BF-VERIFIED", "ML-VERIFIED", "BF-DRAFT", "ML-DRAFT"] {
            let web = answer(app.get(&format!("/incidents/{id}"), &session).await.status);
            let door = answer(api(&app, &token, "GET", &format!("/api/v1/incidents/{id}"), &[], None).await);
            rows.push((email, role, format!("read {id}"), web, door));
        }
        for (page, resource) in [
            ("/members", "/api/v1/members"),
            ("/partners", "/api/v1/partners"),
            ("/activities", "/api/v1/activities"),
            ("/notes", "/api/v1/notes"),
            ("/groups", "/api/v1/groups"),
            ("/dashboard", "/api/v1/reports/monthly"),
            ("/articles", "/api/v1/articles"),
            ("/bulletins", "/api/v1/bulletins"),
        ] {
            let web = answer(app.get(page, &session).await.status);
            let door = answer(api(&app, &token, "GET", resource, &[], None).await);
            rows.push((email, role, format!("read {resource}"), web, door));
        }
        // the lists hold the same incidents
        let page = app.get("/incidents", &session).await.body;
        let listed = serde_json::from_str::<serde_json::Value>(
            &app.send(
                Request::get("/api/v1/incidents")
                    .header(header::AUTHORIZATION, format!("Bearer {token}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .body,
        )
        .unwrap();
        for id in ["BF-VERIFIED", "ML-VERIFIED", "BF-DRAFT", "ML-DRAFT"] {
            // the row links to the incident (its href ends with the id)
            let on_page = page.contains(&format!("{id}\""));
            let in_api = listed["items"].as_array().unwrap().iter().any(|i| i["id"] == id);
            assert_eq!(on_page, in_api, "{email}: {id} listed on one door only");
        }

        // writes: a new draft of each country
        for (n, country) in ["BF", "ML"].into_iter().enumerate() {
            let form = format!(
                "date=2023-12-1{n}&country={country}&perpetrator=jnim&target=military&method=ambush&location=A{n}"
            );
            let web = answer(app.post_form("/incidents", &form, &session).await.status);
            let body = json!({"date": format!("2023-12-2{n}"), "country": country, "perpetrator": "jnim", "target": "military", "method": "ambush"});
            let door = answer(api(&app, &token, "POST", "/api/v1/incidents", &[], Some(body)).await);
            rows.push((email, role, format!("create in {country}"), web, door));
        }
        // an import of one row of each country: the page's upload, the API's body
        for (n, country) in ["BF", "ML"].into_iter().enumerate() {
            let file = |id: &str| {
                format!(
                    "id,date,country,location,perpetrator,target,method\n{id},2023-12-0{},{country},X{n},jnim,military,ambush\n",
                    n + 5
                )
            };
            let csrf = app.token(&session).await;
            let body = common::multipart(
                Some(&csrf),
                &[("format", "detect")],
                Some(("file", "rows.csv", file(&format!("web-{country}")).as_bytes())),
            );
            let web = answer(app.post_multipart("/incidents/import", body, &session).await.status);
            let request = Request::post("/api/v1/imports?name=rows.csv")
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .header(header::CONTENT_TYPE, "text/csv")
                .body(Body::from(file(&format!("api-{country}"))))
                .unwrap();
            let door = app.send(request).await.status;
            // the page answers a written import with its result page (200)
            let door = if door == StatusCode::CREATED { StatusCode::OK } else { door };
            rows.push((email, role, format!("import in {country}"), web, answer(door)));
        }
        // a change, and the review, of each country's draft: the API first
        // on its own copy, then the page on the same, fresh version
        for id in ["BF-DRAFT", "ML-DRAFT"] {
            let door = {
                let app = self::app();
                let token = {
                    let mut store = app.store();
                    let owner = store.user_by_email(email).unwrap().unwrap();
                    api_token::issue(store.as_mut(), &owner, "m", TokenScope::Write, 7, "cli", jiff::Timestamp::now())
                        .unwrap()
                        .secret
                };
                let tag = etag_of(&app, id);
                answer(
                    api(&app, &token, "POST", &format!("/api/v1/incidents/{id}/approve"), &[("if-match", &tag)], None)
                        .await,
                )
            };
            let fields = app.review_fields(&session, id).await;
            let web = answer(app.post(&format!("/incidents/{id}/approve"), &fields, &session).await.status);
            rows.push((email, role, format!("approve {id}"), web, door));
        }
    }
    let differ: Vec<_> = rows.iter().filter(|(_, _, _, web, api)| web != api).collect();
    assert!(differ.is_empty(), "the doors differ:\n{differ:#?}");
    // the matrix is not trivial: each answer occurs
    for wanted in [Answer::Done, Answer::Refused, Answer::NotFound, Answer::Invalid] {
        assert!(rows.iter().any(|row| row.3 == wanted), "{wanted:?} never answered");
    }
    assert_eq!(rows.len(), USERS.len() * 18);
}
