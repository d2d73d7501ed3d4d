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
