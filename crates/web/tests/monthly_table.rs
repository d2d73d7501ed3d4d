//! The monthly table's rows say their country by ISO code, the same in
//! every language: the hook the browser scenario finds a row by.

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::Role;
use vigie_store::Store;

/// One verified incident in Burkina Faso in December 2023: the home page
/// shows the latest month with data.
fn one_incident(store: &mut dyn Store, _: &std::path::Path) {
    import_incidents(store, &[incident("bf-1", 4)]);
}

#[tokio::test]
async fn each_country_row_carries_its_iso_code() {
    let app = app_with(&[("viewer@vigie.example", Role::Viewer, &[])], one_incident);
    let viewer = app.login("viewer@vigie.example").await;
    for lang in ["fr", "en", "ar"] {
        for (path, cookie) in [
            (format!("/dashboard?region=g5-sahel&month=2023-12&lang={lang}"), viewer.as_str()),
            (format!("/?lang={lang}"), ""),
        ] {
            let page = app.get(&path, cookie).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            let body = &page.body
                [page.body.find(r#"<table class="report">"#).unwrap_or_else(|| panic!("{path}: no monthly table"))..];
            let body = &body[..body.find("</table>").unwrap()];
            assert_eq!(body.matches(r#"<tr data-country="MR">"#).count(), 1, "{path}: {body}");
            assert_eq!(body.matches(r#"<tr data-country="BF">"#).count(), 1, "{path}");
            // the total is no country
            assert!(body.contains(r#"<tr class="total">"#), "{path}: {body}");
        }
    }
}

/// Two verified incidents in Burkina Faso in December 2023, one in
/// November.
fn three_incidents(store: &mut dyn Store, _: &std::path::Path) {
    let november = vigie_domain::Incident { date: jiff::civil::date(2023, 11, 20), ..incident("bf-0", 1) };
    import_incidents(
        store,
        &[incident("bf-1", 4), vigie_domain::Incident { wounded: Some(3), ..incident("bf-2", 9) }, november],
    );
}

#[tokio::test]
async fn a_figure_of_the_dashboard_opens_the_incidents_that_make_it() {
    let app = app_with(&[("viewer@vigie.example", Role::Viewer, &[])], three_incidents);
    let viewer = app.login("viewer@vigie.example").await;
    let page = unescaped(&app.get("/dashboard?region=g5-sahel&month=2023-12&lang=en", &viewer).await.body);
    let link = "/dashboard/explain?region=g5-sahel&month=2023-12&table=countries&key=BF&period=current";
    // the cell shows 7 victims (2 + 2 killed, 3 wounded) and links to them
    assert!(page.contains(&format!(r#"<a href="{}">↑ 7</a>"#, link.replace('&', "&amp;"))), "{page}");
    let explain = unescaped(&app.get(&format!("{link}&lang=en"), &viewer).await.body);
    assert!(explain.contains("Burkina Faso, December 2023: 2 operations, 7 victims"), "{explain}");
    assert!(
        explain.contains(r#"<a href="/incidents/bf-1">bf-1</a>"#)
            && explain.contains(r#"<a href="/incidents/bf-2">bf-2</a>"#)
    );
    assert!(!explain.contains("bf-0"), "November's is not December's");
    let previous = unescaped(&app.get(&link.replace("current", "previous"), &viewer).await.body);
    assert!(previous.contains(r#"<a href="/incidents/bf-0">bf-0</a>"#) && !previous.contains("bf-1"));
    let total =
        unescaped(&app.get("/dashboard/explain?region=g5-sahel&month=2023-12&table=total&lang=fr", &viewer).await.body);
    assert!(total.contains("Total, décembre 2023 : 2 opérations, 7 victimes"), "{total}");

    // signed in only; wrong keys are refused, not guessed
    assert_ne!(app.get(link, "").await.status, StatusCode::OK);
    for wrong in
        ["table=countries&key=ZZ", "table=countries&key=FR", "table=by_x&key=BF", "table=countries&key=BF&period=later"]
    {
        let status =
            app.get(&format!("/dashboard/explain?region=g5-sahel&month=2023-12&{wrong}"), &viewer).await.status;
        assert!(matches!(status, StatusCode::BAD_REQUEST | StatusCode::NOT_FOUND), "{wrong}: {status}");
    }
    assert_eq!(
        app.get("/dashboard/explain?region=g5-sahel&table=total", &viewer).await.status,
        StatusCode::BAD_REQUEST
    );
}
