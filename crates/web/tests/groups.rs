//! The groups register on the web: everyone signed in reads the groups and
//! their kinds; administrators and analysts change a kind, audited, and
//! the statistics follow (state forces are counted out); no one else may.

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::user::can_set_group_kind;
use vigie_domain::{GroupKind, Role};
use vigie_store::{AuditFilter, Store};

fn one_incident(store: &mut dyn Store, _: &std::path::Path) {
    import_incidents(store, &[incident("bf-1", 4)]);
}

#[tokio::test]
async fn a_kind_is_changed_by_administrators_and_analysts_only_and_the_figures_follow() {
    let app = app_with(
        &[
            ("admin@vigie.example", Role::Admin, &[]),
            ("analyst@vigie.example", Role::Analyst, &[]),
            ("editor@vigie.example", Role::Editor, &[]),
            ("viewer@vigie.example", Role::Viewer, &[]),
            ("delegate@vigie.example", Role::Delegate, &["BF"]),
        ],
        one_incident,
    );
    assert_eq!(app.get("/groups", "").await.status, StatusCode::SEE_OTHER, "signed in only");
    let viewer = app.login("viewer@vigie.example").await;
    let page = unescaped(&app.get("/groups?lang=fr", &viewer).await.body);
    assert!(
        page.contains(r#"<tr data-group="jnim" class="kind-jihadist">"#) && page.contains("Organisation djihadiste")
    );
    for user in app.store().users().unwrap() {
        let cookie = app.login(&user.email).await;
        let page = unescaped(&app.get("/groups?lang=en", &cookie).await.body);
        assert!(page.contains(r#"<tr data-group="jnim" class="kind-"#), "{}", user.email);
        let form = page.contains(r#"action="/groups/jnim/kind""#);
        assert_eq!(form, can_set_group_kind(&user), "{}: the form", user.email);
        let csrf = csrf_in(&page);
        let reply = app.post("/groups/jnim/kind", &format!("kind=state_forces&csrf={csrf}"), &cookie).await;
        if !can_set_group_kind(&user) {
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", user.email);
        }
    }
    // the last allowed change stands (the users come in id order: the
    // analyst after the administrator); the month's only incident is no
    // longer counted
    let store = app.store();
    assert_eq!(store.groups().unwrap().get("jnim").unwrap().kind, GroupKind::StateForces);
    let analyst = app.login("analyst@vigie.example").await;
    let json = app.get("/api/v1/dashboard?region=g5-sahel&month=2023-12", &analyst).await.body;
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["total"]["operations"]["current"], 0);
    assert_eq!(report["state_actors_left_out"], 1);
    let audit = store.audit(&AuditFilter { action: Some("group.kind".into()), ..Default::default() }).unwrap();
    assert_eq!(audit.len(), 1, "a second identical change writes nothing");

    let csrf = csrf_in(&app.get("/groups", &analyst).await.body);
    for wrong in ["kind=terrorist", "kind="] {
        let reply = app.post("/groups/jnim/kind", &format!("{wrong}&csrf={csrf}"), &analyst).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{wrong}");
    }
    assert_eq!(
        app.post("/groups/nobody/kind", &format!("kind=militia&csrf={csrf}"), &analyst).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.post("/groups/jnim/kind", "kind=militia", &analyst).await.status, StatusCode::FORBIDDEN, "no token");
    assert_eq!(
        app.post("/groups/jnim/kind", &format!("kind=jihadist&csrf={csrf}"), &analyst).await.status,
        StatusCode::SEE_OTHER
    );
    let json = app.get("/api/v1/dashboard?region=g5-sahel&month=2023-12", &analyst).await.body;
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["total"]["operations"]["current"], 1, "counted again");
}
