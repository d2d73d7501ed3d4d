//! Member states confirm their figures: a delegate confirms or disputes
//! their own country's month on the dashboard, and no one else may; a
//! verdict given on figures that changed meanwhile is refused; a change to
//! the month's verified incidents undoes a verdict; the dashboard and the
//! composer show where each country stands; every verdict is audited.

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::Role;
use vigie_store::{AuditFilter, Store};

fn one_incident(store: &mut dyn Store, _: &std::path::Path) {
    import_incidents(store, &[incident("bf-1", 4)]);
}

const DASHBOARD: &str = "/dashboard?region=g5-sahel&month=2023-12&lang=en";

/// The status cell of a country's row on a page.
fn status(page: &str, country: &str) -> String {
    let row = &page[page.find(&format!(r#"<tr data-country="{country}" class="confirmation-"#)).expect("the row")..];
    let row = &row[..row.find("</tr>").unwrap()];
    row[row.find("confirmation-").unwrap() + 13..].split('"').next().unwrap().to_string()
}

fn fingerprint(page: &str) -> String {
    let at = page.find(r#"name="fingerprint" value=""#).expect("a verdict form") + 26;
    page[at..].split('"').next().unwrap().to_string()
}

#[tokio::test]
async fn a_delegate_confirms_their_own_country_and_a_change_undoes_it() {
    let app = app_with(
        &[
            ("delegate@vigie.example", Role::Delegate, &["BF"]),
            ("other@vigie.example", Role::Delegate, &["ML"]),
            ("analyst@vigie.example", Role::Analyst, &[]),
            ("admin@vigie.example", Role::Admin, &[]),
            ("editor@vigie.example", Role::Editor, &[]),
        ],
        one_incident,
    );
    let delegate = app.login("delegate@vigie.example").await;
    let page = unescaped(&app.get(DASHBOARD, &delegate).await.body);
    assert_eq!(status(&page, "BF"), "not_confirmed");
    assert_eq!(page.matches(r#"action="/confirmations""#).count(), 1, "a form for their own country only");
    let seen = fingerprint(&page);
    let csrf = csrf_in(&page);
    let form = |country: &str, verdict: &str, comment: &str, fingerprint: &str| {
        format!(
            "country={country}&month=2023-12&fingerprint={}&verdict={verdict}&comment={}&back=%2Fdashboard%3Fregion%3Dg5-sahel%26month%3D2023-12&csrf={csrf}",
            encode(fingerprint),
            encode(comment)
        )
    };

    // nobody else speaks for Burkina Faso, and no one for another's country
    for email in ["other@vigie.example", "analyst@vigie.example", "admin@vigie.example", "editor@vigie.example"] {
        let cookie = app.login(email).await;
        let page = unescaped(&app.get(DASHBOARD, &cookie).await.body);
        assert!(!page.contains(r#"name="country" value="BF""#), "{email} has no form for Burkina Faso");
        let own = page.contains(r#"name="country" value="ML""#);
        assert_eq!(own, email == "other@vigie.example", "{email}: a form for their own country only");
        let csrf = csrf_in(&page);
        let forged =
            form("BF", "confirmed", "", &seen).replace(&csrf_in(&app.get(DASHBOARD, &delegate).await.body), &csrf);
        assert_eq!(app.post("/confirmations", &forged, &cookie).await.status, StatusCode::FORBIDDEN, "{email}");
    }
    assert_eq!(
        app.post("/confirmations", &form("ML", "confirmed", "", &seen), &delegate).await.status,
        StatusCode::FORBIDDEN
    );
    // without the session's token: refused
    let no_token = form("BF", "confirmed", "", &seen).replace(&format!("&csrf={csrf}"), "");
    assert_eq!(app.post("/confirmations", &no_token, &delegate).await.status, StatusCode::FORBIDDEN);
    // a dispute says why
    assert_eq!(
        app.post("/confirmations", &form("BF", "disputed", "", &seen), &delegate).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        app.post("/confirmations", &form("BF", "confirmed", "a\u{202E}b", &seen), &delegate).await.status,
        StatusCode::BAD_REQUEST
    );
    // a stale page: the figures changed since it was opened
    assert_eq!(
        app.post("/confirmations", &form("BF", "confirmed", "", "1:0"), &delegate).await.status,
        StatusCode::CONFLICT
    );
    assert!(
        app.store().audit(&AuditFilter { entity: Some("figures".into()), ..Default::default() }).unwrap().is_empty()
    );

    // a return address that is not this site's dashboard, or not a header
    // value, goes to the dashboard
    for back in ["https%3A%2F%2Fevil.example%2F", "%2Fdashboard%3Fa%0D%0ASet-Cookie%3A+x%3D1", "%2F%2Fevil.example"] {
        let forged = form("BF", "confirmed", "", &seen)
            .replace("back=%2Fdashboard%3Fregion%3Dg5-sahel%26month%3D2023-12", &format!("back={back}"));
        let reply = app.post("/confirmations", &forged, &delegate).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{back}");
        assert_eq!(reply.location.as_deref(), Some("/dashboard"), "{back}");
    }
    let reply = app.post("/confirmations", &form("BF", "confirmed", "", &seen), &delegate).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.location.as_deref(), Some("/dashboard?region=g5-sahel&month=2023-12"));
    let viewer_page = unescaped(&app.get(DASHBOARD, &app.login("analyst@vigie.example").await).await.body);
    assert_eq!(status(&viewer_page, "BF"), "confirmed");
    assert_eq!(status(&viewer_page, "ML"), "not_confirmed");
    assert!(viewer_page.contains("by delegate@vigie.example"), "who confirmed");
    // the composer shows it too
    let composer =
        unescaped(&app.get("/bulletins?month=2023-12&lang=en", &app.login("editor@vigie.example").await).await.body);
    assert_eq!(status(&composer, "BF"), "confirmed");
    assert_eq!(status(&composer, "NE"), "not_confirmed");

    // a change to the month's verified incidents undoes the verdict
    import_incidents(&mut *app.store(), &[vigie_domain::Incident { killed: Some(5), ..incident("bf-1", 4) }]);
    let page = unescaped(&app.get(DASHBOARD, &delegate).await.body);
    assert_eq!(status(&page, "BF"), "not_confirmed");
    assert!(page.contains("The figures changed after this verdict"), "{page}");
    // a dispute, with its reason, on the new figures
    let reply = app
        .post("/confirmations", &form("BF", "disputed", "Djibo: 4 killed, not 5", &fingerprint(&page)), &delegate)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let page = unescaped(&app.get(DASHBOARD, &delegate).await.body);
    assert_eq!(status(&page, "BF"), "disputed");
    assert!(page.contains("<q dir=\"auto\">Djibo: 4 killed, not 5</q>"), "{page}");

    let audit = app.store().audit(&AuditFilter { entity: Some("figures".into()), ..Default::default() }).unwrap();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions[0], "figures.dispute");
    assert_eq!(actions[1..], ["figures.confirm"; 4], "each verdict kept (three sent with a foreign return address)");
    assert!(audit.iter().all(|e| e.actor == "delegate@vigie.example" && e.entity_id.as_deref() == Some("BF 2023-12")));
}
