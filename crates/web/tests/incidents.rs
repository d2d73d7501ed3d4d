//! The incident pages driven in process: sovereignty of drafts, the form
//! and its validation, four-eyes review, export (helpers in common/).

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::{CountryCode, Role, Status};
use vigie_store::IncidentFilter;

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
    let fields = app.review_fields(&analyst, &ml).await;
    let reply = app.post(&format!("/incidents/{ml}/approve"), &fields, &analyst).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(app.get(&format!("/incidents/{ml}"), &delegate).await.status, StatusCode::OK);
    assert!(app.get("/incidents", &viewer).await.body.contains(ml.as_str()));
    // a viewer cannot open the form nor post it
    assert_eq!(app.get("/incidents/new", &viewer).await.status, StatusCode::FORBIDDEN);
    let csrf = app.token(&viewer).await;
    let form = format!("{}&csrf={csrf}", incident_form("BF", "Kaya", "x"));
    assert_eq!(app.post("/incidents", &form, &viewer).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_delegate_writes_drafts_of_their_own_countries_only() {
    let app = app();
    let delegate = app.login("delegate.bf@vigie.example").await;
    assert_eq!(app.get("/incidents/new", &delegate).await.status, StatusCode::OK);
    let csrf = app.token(&delegate).await;
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
    let audit = app.audit_of("incident.create");
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
    let csrf = app.token(&analyst).await;
    let form = incident_form("BF", "Djibo-kept", "kept text").replace("date=2023-12-05", "date=05%2F12%2F2023");
    let reply = app.post("/incidents", &format!("{form}&csrf={csrf}"), &analyst).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let start = reply.body.find(r#"id="f-date""#).unwrap();
    let around = &reply.body[start..start + 400];
    // the page's language, French unless said otherwise
    assert!(around.contains("n’est pas une date valide"), "{around}");
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
    let fields = app.review_fields(&second, &id).await;
    let csrf = app.token(&first).await;
    let (_, bound) = fields.split_once('&').unwrap();
    assert_eq!(app.post(&approve, &format!("csrf={csrf}&{bound}"), &first).await.status, StatusCode::FORBIDDEN);
    let csrf = app.token(&delegate).await;
    assert_eq!(app.post(&approve, &format!("csrf={csrf}&{bound}"), &delegate).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.store().incident(&id).unwrap().unwrap().status, Status::Draft);
    // reject with a comment: still a draft, the comment on the page
    let reject = format!("/incidents/{id}/reject");
    assert_eq!(app.post(&reject, &format!("{fields}&comment="), &second).await.status, StatusCode::BAD_REQUEST);
    let reply = app.post(&reject, &format!("{fields}&comment=Source+manquante"), &second).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store().incident(&id).unwrap().unwrap().status, Status::Draft);
    let page = app.get(&format!("/incidents/{id}"), &first).await;
    assert!(page.body.contains("Source manquante"));
    // approved by the second analyst (the rejection changed no value)
    let reply = app.post(&approve, &fields, &second).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store().incident(&id).unwrap().unwrap().status, Status::Verified);
    let audit = app.audit_of("incident.approve");
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].actor, "analyst2@vigie.example");
    assert_eq!(audit[0].changes[0].field, "status");
    assert_eq!(audit[0].changes[0].before, serde_json::json!("draft"));
    assert_eq!(audit[0].changes[0].after, serde_json::json!("verified"));
    let page = app.get(&format!("/incidents/{id}"), &first).await;
    for action in ["incident.create", "incident.reject", "incident.approve"] {
        assert!(page.body.contains(action), "history lacks {action}");
    }
    // approving again: what the page showed is no longer what is stored
    assert_eq!(app.post(&approve, &fields, &second).await.status, StatusCode::CONFLICT);
    let fresh = app.review_fields(&second, &id).await;
    assert_eq!(app.post(&approve, &fresh, &second).await.status, StatusCode::CONFLICT);
    assert_eq!(app.audit_of("incident.approve").len(), 1);
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
    let csrf = app.token(&analyst).await;
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
    let audit = app.audit_of("export");
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].actor, "analyst1@vigie.example");
    assert!(audit[0].detail.as_deref().unwrap().contains("country=BF"));
    let geojson = app.get("/incidents/export.geojson?country=BF", &analyst).await;
    let json: serde_json::Value = serde_json::from_str(&geojson.body).unwrap();
    assert_eq!(json["type"], "FeatureCollection");
}

/// The edit form's fields and version, as a browser would send them back,
/// with `changes` replacing some values.
#[tokio::test]
async fn who_may_edit_which_incident() {
    let app = app();
    let admin = app.login("admin@vigie.example").await;
    let delegate = app.login("delegate.bf@vigie.example").await;
    let viewer = app.login("viewer@vigie.example").await;
    let bf_draft = app.create(&delegate, "BF", "Djibo").await;
    let ml_draft = app.create(&admin, "ML", "Gao").await;
    let bf_verified = app.create(&admin, "BF", "Kaya").await;
    let analyst = app.login("analyst1@vigie.example").await;
    assert_eq!(app.approve(&analyst, &bf_verified).await, StatusCode::SEE_OTHER);

    // the delegate changes a draft of their country: the page offers it
    assert!(app.get(&format!("/incidents/{bf_draft}"), &delegate).await.body.contains("/edit"));
    let reply = app.edit(&delegate, &bf_draft, &[("killed", "5")]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(app.store().incident(&bf_draft).unwrap().unwrap().killed, Some(5));
    // but neither another country's draft (not even seen) nor a verified incident
    assert_eq!(app.get(&format!("/incidents/{ml_draft}/edit"), &delegate).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/incidents/{bf_verified}/edit"), &delegate).await.status, StatusCode::FORBIDDEN);
    assert!(!app.get(&format!("/incidents/{bf_verified}"), &delegate).await.body.contains("/edit\""));
    // nor moves their draft to another country
    let reply = app.edit(&delegate, &bf_draft, &[("country", "ML")]).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(app.store().incident(&bf_draft).unwrap().unwrap().country.as_str(), "BF");
    // posting without the form: refused the same way, nothing written
    let csrf = app.token(&delegate).await;
    let form = format!("{}&csrf={csrf}&version=1", incident_form("BF", "Kaya", "changed"));
    assert_eq!(
        app.post(&format!("/incidents/{bf_verified}/edit"), &form, &delegate).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.post(&format!("/incidents/{ml_draft}/edit"), &form, &delegate).await.status, StatusCode::NOT_FOUND);
    // a viewer changes nothing
    assert_eq!(app.get(&format!("/incidents/{bf_verified}/edit"), &viewer).await.status, StatusCode::FORBIDDEN);
    let csrf = app.token(&viewer).await;
    let form = format!("{}&csrf={csrf}&version=1", incident_form("BF", "Kaya", "changed"));
    assert_eq!(app.post(&format!("/incidents/{bf_verified}/edit"), &form, &viewer).await.status, StatusCode::FORBIDDEN);
    assert!(!app.get(&format!("/incidents/{bf_verified}"), &viewer).await.body.contains("/edit\""));
    let verified = app.store().incident(&bf_verified).unwrap().unwrap();
    assert_eq!((verified.status, verified.location.as_str()), (Status::Verified, "Kaya"));
    assert_eq!(app.audit_of("incident.update").len(), 1, "only the delegate's change is written");
}

#[tokio::test]
async fn a_changed_verified_incident_needs_a_new_approval_by_someone_else() {
    let app = app();
    let first = app.login("analyst1@vigie.example").await;
    let second = app.login("analyst2@vigie.example").await;
    let admin = app.login("admin@vigie.example").await;
    let id = app.create(&first, "BF", "Djibo").await;
    assert_eq!(app.approve(&second, &id).await, StatusCode::SEE_OTHER);

    // the approver changes it: a draft again, its approval dropped, its author kept
    let page = app.get(&format!("/incidents/{id}/edit"), &second).await;
    assert!(page.body.contains(r#"name="version""#));
    let reply = app.edit(&second, &id, &[("killed", "4"), ("location", "Arbinda")]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.location.as_deref(), Some(format!("/incidents/{id}").as_str()));
    let incident = app.store().incident(&id).unwrap().unwrap();
    assert_eq!((incident.status, incident.killed, incident.location.as_str()), (Status::Draft, Some(4), "Arbinda"));
    let workflow = app.store().incident_workflow(&id).unwrap().unwrap();
    let (author, editor) = (
        app.store().user_by_email("analyst1@vigie.example").unwrap().unwrap(),
        app.store().user_by_email("analyst2@vigie.example").unwrap().unwrap(),
    );
    assert_eq!((workflow.author_id, workflow.reviewer_id), (Some(author.id), None));
    assert_eq!(workflow.editors, [editor.id]);

    // exactly the fields changed, before and after, by the editor
    let updates = app.audit_of("incident.update");
    assert_eq!(updates.len(), 1);
    assert_eq!(updates[0].actor, "analyst2@vigie.example");
    assert_eq!(updates[0].entity_id.as_deref(), Some(id.as_str()));
    let changes: Vec<(&str, serde_json::Value, serde_json::Value)> =
        updates[0].changes.iter().map(|c| (c.field.as_str(), c.before.clone(), c.after.clone())).collect();
    assert_eq!(
        changes,
        [
            ("location", serde_json::json!("Djibo"), serde_json::json!("Arbinda")),
            ("killed", serde_json::json!("3"), serde_json::json!("4")),
            ("status", serde_json::json!("verified"), serde_json::json!("draft")),
        ]
    );

    // neither the editor nor the author approves it; someone else does
    let page = app.get(&format!("/incidents/{id}"), &second).await;
    assert!(!page.body.contains("/approve"), "no approve button for the editor");
    assert_eq!(app.approve(&second, &id).await, StatusCode::FORBIDDEN);
    assert_eq!(app.approve(&first, &id).await, StatusCode::FORBIDDEN);
    assert_eq!(app.store().incident(&id).unwrap().unwrap().status, Status::Draft);
    assert_eq!(app.approve(&admin, &id).await, StatusCode::SEE_OTHER);
    assert_eq!(app.store().incident(&id).unwrap().unwrap().status, Status::Verified);
    // once approved, the editor's change is reviewed: their four eyes are back
    assert!(app.store().incident_workflow(&id).unwrap().unwrap().editors.is_empty());
}

#[tokio::test]
async fn an_edit_that_changes_nothing_writes_nothing() {
    let app = app();
    let first = app.login("analyst1@vigie.example").await;
    let second = app.login("analyst2@vigie.example").await;
    let id = app.create(&first, "BF", "Djibo").await;
    assert_eq!(app.approve(&second, &id).await, StatusCode::SEE_OTHER);
    let before = app.store().incident(&id).unwrap().unwrap();
    // the same values, a perpetrator's alias for its id, spaces around
    let reply = app.edit(&first, &id, &[("perpetrator", " GSIM "), ("location", "Djibo ")]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(app.store().incident(&id).unwrap().unwrap(), before, "still verified, unchanged");
    assert!(app.audit_of("incident.update").is_empty());
}

#[tokio::test]
async fn a_wrong_edit_is_shown_in_the_page_language_and_writes_nothing() {
    let app = app();
    let analyst = app.login("analyst1@vigie.example").await;
    let id = app.create(&analyst, "BF", "Djibo").await;
    let before = app.store().incident(&id).unwrap().unwrap();
    let form = app.get(&format!("/incidents/{id}/edit"), &analyst).await;
    let body = edited(&form.body, &[("killed", "-1"), ("location", "Arbinda-typed")]);
    for (lang, message) in
        [("fr", "doit être égal ou supérieur à 0"), ("ar", "يجب أن يكون 0 أو أكثر"), ("en", "must be 0 or more")]
    {
        let reply = app.post(&format!("/incidents/{id}/edit?lang={lang}"), &body, &analyst).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        let start = reply.body.find(r#"id="f-killed""#).unwrap();
        let around = &reply.body[start..start + 600];
        assert!(around.contains(r#"class="field-error""#) && around.contains(message), "{lang}: {around}");
        assert!(reply.body.contains(r#"value="Arbinda-typed""#), "typed values kept");
        assert!(reply.body.contains(r#"name="version""#), "the form still edits the same version");
    }
    assert_eq!(app.store().incident(&id).unwrap().unwrap(), before);
    assert!(app.audit_of("incident.update").is_empty());
}

#[tokio::test]
async fn an_edit_from_a_stale_form_is_refused() {
    let app = app();
    let first = app.login("analyst1@vigie.example").await;
    let second = app.login("analyst2@vigie.example").await;
    let id = app.create(&first, "BF", "Djibo").await;
    let stale = app.get(&format!("/incidents/{id}/edit"), &first).await;
    assert_eq!(app.edit(&second, &id, &[("killed", "7")]).await.status, StatusCode::SEE_OTHER);
    let reply = app.post(&format!("/incidents/{id}/edit"), &edited(&stale.body, &[("wounded", "9")]), &first).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    // the form comes back with what was typed, still at the stale version
    assert!(
        reply.body.contains("nothing was saved") || reply.body.contains("rien n’a été enregistré"),
        "{}",
        reply.body
    );
    assert!(reply.body.contains(r#"name="wounded" value="9""#), "{}", reply.body);
    let again = app.post(&format!("/incidents/{id}/edit"), &edited(&reply.body, &[]), &first).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "still stale until reloaded");
    let incident = app.store().incident(&id).unwrap().unwrap();
    assert_eq!((incident.killed, incident.wounded), (Some(7), Some(1)), "the other change stands");
}

#[tokio::test]
async fn a_new_incident_is_checked_in_the_page_language() {
    let app = app();
    let analyst = app.login("analyst1@vigie.example").await;
    let csrf = app.token(&analyst).await;
    let form = incident_form("BF", "Djibo", "x")
        .replace("date=2023-12-05", "date=2999-01-01")
        .replace("killed=3", "killed=beaucoup");
    let reply = app.post("/incidents?lang=ar", &format!("{form}&csrf={csrf}"), &analyst).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r#"dir="rtl""#));
    assert!(reply.body.contains("تاريخ في المستقبل"), "date in Arabic");
    assert!(reply.body.contains("ليس عددًا صحيحًا"), "count in Arabic");
    let reply = app.post("/incidents?lang=fr", &format!("{form}&csrf={csrf}"), &analyst).await;
    assert!(reply.body.contains("est dans le futur") && reply.body.contains("n’est pas un nombre entier"));
}

#[tokio::test]
async fn the_search_box_narrows_the_list_and_its_exports() {
    let app = app();
    let analyst = app.login("analyst1@vigie.example").await;
    let csrf = app.token(&analyst).await;
    let mut ids = Vec::new();
    for (location, perpetrator, description) in [
        ("Djibo", "jnim", "Attaque d’un convoi"),
        ("Kaya", "is-sahel", "Embuscade près du marché"),
        ("Dori", "unknown", "Convoi attaqué"),
    ] {
        let form = incident_form("BF", location, description)
            .replace("perpetrator=jnim", &format!("perpetrator={perpetrator}"))
            .replace("latitude=&longitude=", "latitude=14.1&longitude=-1.6");
        let reply = app.post("/incidents", &format!("{form}&csrf={csrf}"), &analyst).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        ids.push(reply.location.unwrap().strip_prefix("/incidents/").unwrap().to_string());
    }
    let listed = |body: &str| ids.iter().map(|id| body.contains(id.as_str())).collect::<Vec<_>>();
    // description, accents and case folded; with another filter; `q` as well
    let list = app.get("/incidents?search=CONVOI", &analyst).await;
    assert_eq!(listed(&list.body), [true, false, true]);
    assert!(list.body.contains(r#"name="search" value="CONVOI""#), "the box keeps the text");
    assert_eq!(listed(&app.get("/incidents?q=marche&status=draft", &analyst).await.body), [false, true, false]);
    // a perpetrator by a name or alias of the register
    assert_eq!(listed(&app.get("/incidents?search=GSIM", &analyst).await.body), [true, false, false]);
    assert_eq!(listed(&app.get("/incidents?search=dori&country=ML", &analyst).await.body), [false, false, false]);
    // the exports of the same filter
    let export = app.get("/incidents/export.csv?search=convoi", &analyst).await;
    assert_eq!(listed(&export.body), [true, false, true]);
    let geojson = app.get("/incidents/export.geojson?search=gsim", &analyst).await;
    assert_eq!(listed(&geojson.body), [true, false, false]);
}

/// NUL, escapes and bidirectional overrides are refused in every text
/// field, with the character and where it is; Arabic joiners are kept.
#[tokio::test]
async fn text_fields_refuse_invisible_controls_with_a_located_message() {
    let app = app();
    let analyst = format!("{}; vigie_lang=en", app.login("analyst1@vigie.example").await);
    let csrf = app.token(&analyst).await;
    for (field, value, code, position) in [
        ("location", "Gao\u{202E}gpj.exe", "U+202E", 4),
        ("description", "A\u{0}B", "U+0000", 2),
        ("sources", "\u{2066}https://x.example", "U+2066", 1),
        // invisible: "G\u{200B}ao" is not "Gao" to a search, yet looks it
        ("location", "G\u{200B}ao", "U+200B", 2),
        ("admin1", "Sahel\u{FEFF}", "U+FEFF", 6),
    ] {
        let form = format!("{}&csrf={csrf}", incident_form("BF", "Djibo", "A draft"));
        let form = form.replace(&format!("{field}="), &format!("{field}={}&ignored=", encode(value)));
        let reply = app.post("/incidents", &form, &analyst).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {}", reply.body);
        let expected = format!("holds the invisible character {code} at character {position}: remove it");
        assert!(reply.body.contains(&expected), "{field}: {}", reply.body);
    }
    assert_eq!(app.store().incidents(&IncidentFilter::default(), &mut |_| Ok(())).unwrap(), 0);
    // an import: the row, the column, the character
    let file = format!("{HEADER}\nh-1,2023-12-05,BF,Djibo,jnim,civilians,armed_assault,1,,Nul\u{0}here,,\n");
    let reply = app.upload(&analyst, "nul.csv", file.as_bytes(), &[]).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("<td>2</td><td>Description</td><td>holds the invisible character U+0000 at character 4"),
        "{}",
        reply.body
    );
    // a zero-width non-joiner is spelling, not a trick
    let form = format!("{}&csrf={csrf}", incident_form("BF", "می\u{200C}خواهم", "A draft"));
    assert_eq!(app.post("/incidents", &form, &analyst).await.status, StatusCode::SEE_OTHER);
}

/// A page past the end is an empty page, however far (it overflowed).
#[tokio::test]
async fn a_page_number_past_any_list_is_an_empty_page() {
    let app = app();
    let analyst = app.login("analyst1@vigie.example").await;
    for page in ["18446744073709551615", "368934881474191033", "2"] {
        for sort in ["", "&sort=asc"] {
            let reply = app.get(&format!("/incidents?page={page}{sort}"), &analyst).await;
            assert_eq!(reply.status, StatusCode::OK, "page {page}{sort}");
        }
    }
}

#[tokio::test]
async fn the_form_takes_a_range_of_the_killed_that_holds_its_best_estimate() {
    let app = app();
    let analyst = app.login("analyst1@vigie.example").await;
    let id = app.create(&analyst, "BF", "Djibo").await;
    let edit = app.get(&format!("/incidents/{id}/edit"), &analyst).await;
    assert!(edit.body.contains(r#"name="killed_low""#) && edit.body.contains(r#"name="killed_high""#));

    // a low estimate above the best one is named beside its field, in the page's language
    let reply = app.edit(&analyst, &id, &[("killed", "3"), ("killed_low", "5")]).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("l’estimation basse ne peut dépasser l’estimation retenue (3)"), "{}", reply.body);
    assert_eq!(app.store().incident(&id).unwrap().unwrap().killed_low, None, "nothing written");

    let reply = app.edit(&analyst, &id, &[("killed", "3"), ("killed_low", "2"), ("killed_high", "9")]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let stored = app.store().incident(&id).unwrap().unwrap();
    assert_eq!((stored.killed_low, stored.killed, stored.killed_high), (Some(2), Some(3), Some(9)));
    // the audit keeps the change of each bound
    let page = app.get(&format!("/incidents/{id}"), &analyst).await;
    assert!(page.body.contains("killed_high"), "{}", page.body);
}
