//! The incident pages driven in process: sovereignty of drafts, the form
//! and its validation, four-eyes review, export (helpers in common/).

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::{CountryCode, Role, Status};
use vigie_store::{AuditFilter, IncidentFilter};

fn app() -> App {
    app_with(
        &[
            ("admin@vigie.example", Role::Admin, &[]),
            ("viewer@vigie.example", Role::Viewer, &[]),
            ("delegate.bf@vigie.example", Role::Delegate, &["BF"]),
            ("analyst1@vigie.example", Role::Analyst, &[]),
            ("analyst2@vigie.example", Role::Analyst, &[]),
        ],
        |_, _| {},
    )
}

fn incident_form(country: &str, location: &str, description: &str) -> String {
    format!(
        "date=2023-12-05&country={country}&location={}&admin1=&latitude=&longitude=&perpetrator=jnim&target=civilians&method=armed_assault&killed=3&wounded=1&kidnapped=&description={}&sources={}",
        encode(location),
        encode(description),
        encode("https://news.example/a ; Radio X")
    )
}

impl App {
    /// A page's CSRF token for `session`.
    async fn csrf(&self, session: &str) -> String {
        csrf_in(&self.get("/incidents", session).await.body)
    }

    /// Creates a draft as `session`; its id.
    async fn create(&self, session: &str, country: &str, location: &str) -> String {
        let csrf = self.csrf(session).await;
        let form = format!("{}&csrf={csrf}", incident_form(country, location, "A draft"));
        let reply = self.post("/incidents", &form, session).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        let location = reply.location.unwrap();
        location.strip_prefix("/incidents/").unwrap().to_string()
    }
}

#[tokio::test]
async fn drafts_follow_the_countries_of_a_delegate() {
    let app = app();
    let admin = app.login("admin@vigie.example").await;
    let delegate = app.login("delegate.bf@vigie.example").await;
    let viewer = app.login("viewer@vigie.example").await;
    let analyst = app.login("analyst1@vigie.example").await;
    let ml = app.create(&admin, "ML", "Ménaka").await;
    let bf = app.create(&delegate, "BF", "Djibo").await;
    // route × role × country
    let cases = [
        (&delegate, &ml, false),
        (&delegate, &bf, true),
        (&viewer, &ml, false),
        (&viewer, &bf, false),
        (&analyst, &ml, true),
        (&analyst, &bf, true),
        (&admin, &bf, true),
    ];
    for (session, id, sees) in cases {
        let list = app.get("/incidents?sort=asc", session).await;
        assert_eq!(list.status, StatusCode::OK);
        assert_eq!(list.body.contains(id.as_str()), sees, "list {id}");
        let page = app.get(&format!("/incidents/{id}"), session).await;
        let expected = if sees { StatusCode::OK } else { StatusCode::NOT_FOUND };
        assert_eq!(page.status, expected, "page {id}");
        if !sees {
            assert!(!page.body.contains(id.as_str()), "no trace of the draft");
            let export = app.get("/incidents/export.csv", session).await;
            assert!(!export.body.contains(id.as_str()), "nor in an export");
        }
    }
    // once verified, everyone reads the ML incident
    let csrf = app.csrf(&analyst).await;
    let reply = app.post(&format!("/incidents/{ml}/approve"), &format!("csrf={csrf}"), &analyst).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(app.get(&format!("/incidents/{ml}"), &delegate).await.status, StatusCode::OK);
    assert!(app.get("/incidents", &viewer).await.body.contains(ml.as_str()));
    // a viewer cannot open the form nor post it
    assert_eq!(app.get("/incidents/new", &viewer).await.status, StatusCode::FORBIDDEN);
    let csrf = app.csrf(&viewer).await;
    let form = format!("{}&csrf={csrf}", incident_form("BF", "Kaya", "x"));
    assert_eq!(app.post("/incidents", &form, &viewer).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_delegate_writes_drafts_of_their_own_countries_only() {
    let app = app();
    let delegate = app.login("delegate.bf@vigie.example").await;
    assert_eq!(app.get("/incidents/new", &delegate).await.status, StatusCode::OK);
    let csrf = app.csrf(&delegate).await;
    let form = format!("{}&csrf={csrf}", incident_form("ML", "Gao", "x"));
    assert_eq!(app.post("/incidents", &form, &delegate).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.store().incidents(&IncidentFilter::default(), &mut |_| Ok(())).unwrap(), 0);
    let id = app.create(&delegate, "BF", "Djibo").await;
    let incident = app.store().incident(&id).unwrap().unwrap();
    assert_eq!(incident.status, Status::Draft);
    assert_eq!(incident.country.as_str(), "BF");
    let workflow = app.store().incident_workflow(&id).unwrap().unwrap();
    let author = app.store().user_by_email("delegate.bf@vigie.example").unwrap().unwrap();
    assert_eq!(workflow.author_id, Some(author.id));
    let audit =
        app.store().audit(&AuditFilter { action: Some("incident.create".into()), ..Default::default() }).unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].entity_id.as_deref(), Some(id.as_str()));
    let location = audit[0].changes.iter().find(|c| c.field == "location").unwrap();
    assert_eq!(location.after, serde_json::json!("Djibo"));
    assert!(location.before.is_null());
}

#[tokio::test]
async fn a_wrong_field_is_named_next_to_it_and_the_values_are_kept() {
    let app = app();
    let analyst = app.login("analyst1@vigie.example").await;
    let csrf = app.csrf(&analyst).await;
    let form = incident_form("BF", "Djibo-kept", "kept text").replace("date=2023-12-05", "date=05%2F12%2F2023");
    let reply = app.post("/incidents", &format!("{form}&csrf={csrf}"), &analyst).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let start = reply.body.find(r#"id="f-date""#).unwrap();
    let around = &reply.body[start..start + 400];
    assert!(around.contains("not a valid date"), "{around}");
    assert!(around.contains(r#"value="05&#x2f;12&#x2f;2023""#), "{around}");
    assert!(reply.body.contains(r#"value="Djibo-kept""#));
    assert!(reply.body.contains(">kept text</textarea>"));
    assert_eq!(app.store().incidents(&IncidentFilter::default(), &mut |_| Ok(())).unwrap(), 0);
}

#[tokio::test]
async fn four_eyes_approval_and_rejection_with_a_comment() {
    let app = app();
    let first = app.login("analyst1@vigie.example").await;
    let second = app.login("analyst2@vigie.example").await;
    let delegate = app.login("delegate.bf@vigie.example").await;
    let id = app.create(&first, "BF", "Djibo").await;
    let approve = format!("/incidents/{id}/approve");
    let csrf = app.csrf(&first).await;
    assert_eq!(app.post(&approve, &format!("csrf={csrf}"), &first).await.status, StatusCode::FORBIDDEN);
    let csrf = app.csrf(&delegate).await;
    assert_eq!(app.post(&approve, &format!("csrf={csrf}"), &delegate).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.store().incident(&id).unwrap().unwrap().status, Status::Draft);
    // reject with a comment: still a draft, the comment on the page
    let csrf = app.csrf(&second).await;
    let reject = format!("/incidents/{id}/reject");
    assert_eq!(app.post(&reject, &format!("csrf={csrf}&comment="), &second).await.status, StatusCode::BAD_REQUEST);
    let reply = app.post(&reject, &format!("csrf={csrf}&comment=Source+manquante"), &second).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store().incident(&id).unwrap().unwrap().status, Status::Draft);
    let page = app.get(&format!("/incidents/{id}"), &first).await;
    assert!(page.body.contains("Source manquante"));
    // approved by the second analyst
    let reply = app.post(&approve, &format!("csrf={csrf}"), &second).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store().incident(&id).unwrap().unwrap().status, Status::Verified);
    let audit =
        app.store().audit(&AuditFilter { action: Some("incident.approve".into()), ..Default::default() }).unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].actor, "analyst2@vigie.example");
    assert_eq!(audit[0].changes[0].field, "status");
    assert_eq!(audit[0].changes[0].before, serde_json::json!("draft"));
    assert_eq!(audit[0].changes[0].after, serde_json::json!("verified"));
    let page = app.get(&format!("/incidents/{id}"), &first).await;
    for action in ["incident.create", "incident.reject", "incident.approve"] {
        assert!(page.body.contains(action), "history lacks {action}");
    }
    assert_eq!(app.post(&approve, &format!("csrf={csrf}"), &second).await.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn creating_without_a_csrf_token_is_refused() {
    let app = app();
    let analyst = app.login("analyst1@vigie.example").await;
    let reply = app.post("/incidents", &incident_form("BF", "Djibo", "x"), &analyst).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(app.store().incidents(&IncidentFilter::default(), &mut |_| Ok(())).unwrap(), 0);
}

#[tokio::test]
async fn a_script_in_a_description_comes_back_escaped() {
    let app = app();
    let analyst = app.login("analyst1@vigie.example").await;
    let csrf = app.csrf(&analyst).await;
    let form = format!("{}&csrf={csrf}", incident_form("BF", "Djibo", "<script>alert(1)</script>"));
    let reply = app.post("/incidents", &form, &analyst).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let page = app.get(reply.location.as_deref().unwrap(), &analyst).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("<script>"));
    assert!(page.body.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
}

#[tokio::test]
async fn the_list_filters_sorts_and_pages() {
    let app = app();
    let analyst = app.login("analyst1@vigie.example").await;
    let a = app.create(&analyst, "BF", "Djibo").await;
    let b = app.create(&analyst, "ML", "Gao").await;
    let list = app.get("/incidents?country=BF", &analyst).await;
    assert!(list.body.contains(&a) && !list.body.contains(&b));
    let list = app.get("/incidents?search=gao&status=draft", &analyst).await;
    assert!(!list.body.contains(&a) && list.body.contains(&b));
    // minijinja escapes `/` and `&` in attributes; the browser reads them back
    assert!(list.body.contains("&#x2f;incidents&#x2f;export.csv?status=draft&amp;search=gao"), "filters kept in links");
    assert_eq!(app.get("/incidents?target=nothing", &analyst).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(app.get("/incidents?page=2", &analyst).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_csv_export_imports_back_and_is_audited() {
    let app = app();
    let analyst = app.login("analyst1@vigie.example").await;
    app.create(&analyst, "BF", "Djibo").await;
    app.create(&analyst, "BF", "Kaya").await;
    app.create(&analyst, "ML", "Gao").await;
    let export = app.get("/incidents/export.csv?country=BF", &analyst).await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export.content_type.starts_with("text/csv"));
    let mut exported = Vec::new();
    let mut reader = vigie_formats::native::CsvReader::new(export.body.as_bytes()).unwrap();
    let groups = app.store().groups().unwrap();
    let mut validator = vigie_domain::validate::Validator::new(groups, jiff::civil::date(2100, 1, 1));
    reader
        .for_each(|row| {
            assert!(row.problems.is_empty());
            exported.push(validator.validate(&row.raw).unwrap().incident);
            Ok::<(), vigie_formats::ReadError>(())
        })
        .unwrap();
    let mut stored = Vec::new();
    let filter = IncidentFilter { countries: vec![CountryCode::new("BF").unwrap()], ..Default::default() };
    app.store()
        .incidents(&filter, &mut |i| {
            stored.push(i);
            Ok(())
        })
        .unwrap();
    assert_eq!(exported.len(), 2);
    assert_eq!(exported, stored);
    let audit = app.store().audit(&AuditFilter { action: Some("export".into()), ..Default::default() }).unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].actor, "analyst1@vigie.example");
    assert!(audit[0].detail.as_deref().unwrap().contains("country=BF"));
    let geojson = app.get("/incidents/export.geojson?country=BF", &analyst).await;
    let json: serde_json::Value = serde_json::from_str(&geojson.body).unwrap();
    assert_eq!(json["type"], "FeatureCollection");
}
