//! The monthly table's rows say their country by ISO code, the same in
//! every language: the hook the browser scenario finds a row by.

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::{CountryCode, DatePrecision, Incident, Method, Role, Status, Target};
use vigie_store::Store;

/// One verified incident in Burkina Faso in December 2023: the home page
/// shows the latest month with data.
fn one_incident(store: &mut dyn Store, _: &std::path::Path) {
    let incident = Incident {
        id: "bf-1".into(),
        date: jiff::civil::date(2023, 12, 4),
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
        killed: Some(3),
        wounded: None,
        kidnapped: None,
        perpetrators_killed: None,
        description: "text".into(),
        sources: "a".into(),
        status: Status::Verified,
    };
    let mut session = store.begin_import("test", "native").unwrap();
    session.upsert(&incident, incident.content_hash()).unwrap();
    session.finish(Default::default()).unwrap();
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
