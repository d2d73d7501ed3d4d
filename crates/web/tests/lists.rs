//! Lists of names shown in a page are joined with the page language's
//! comma: "، " in Arabic, ", " in French and English.

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::{Activity, ActivityKind, CountryCode, DatePrecision, Domain, Lang, Names, Role};
use vigie_store::{ImportCounts, Store};

const EDITOR: &str = "editor@vigie.example";

const ARTICLE: &str = r#"+++
id = "two-domains"
lang = "ar"
date = "2023-12-13"
title = "اجتماع رؤساء الأركان"
kind = "news"
domains = ["military", "communication"]
status = "published"
+++

اجتمع رؤساء أركان الدول الأعضاء.
"#;

fn seed(store: &mut dyn Store, dir: &std::path::Path) {
    import_article(store, dir, "two-domains.ar.md", ARTICLE);

    let activity = Activity {
        id: "ml-visit".into(),
        kind: ActivityKind::VisitAbroad,
        date: "2023-11-20".parse().unwrap(),
        date_precision: DatePrecision::Day,
        end_date: None,
        title: Names { fr: "Visite".into(), en: "Visit".into(), ar: "زيارة".into() },
        counterpart_country: CountryCode::new("ML"),
        counterpart_org: Names::default(),
        counterpart_person: String::new(),
        counterpart_person_ar: String::new(),
        counterpart_title: Names::default(),
        domains: vec![Domain::Military, Domain::Communication],
        place: Names { fr: String::new(), en: "Bamako".into(), ar: String::new() },
        description: Names::default(),
        article: None,
        highlight: None,
        organisations: Vec::new(),
        themes: Vec::new(),
        people: Vec::new(),
    };
    let mut session = store.begin_activity_import("seed", "activities").unwrap();
    session.upsert(&activity).unwrap();
    session.finish(ImportCounts::default()).unwrap();
}

/// The two domains' labels joined as `lang` writes lists.
fn two_domains(lang: Lang, separator: &str) -> String {
    let label = |code: &str| vigie_i18n::catalog().text(lang, &format!("domain-{code}"));
    format!("{}{separator}{}", label("military"), label("communication"))
}

#[tokio::test]
async fn domains_are_listed_with_the_language_comma() {
    let app = app_with(&[(EDITOR, Role::Editor, &[])], seed);
    let editor = app.login(EDITOR).await;
    for (lang, separator) in [(Lang::Ar, "\u{060C} "), (Lang::Fr, ", "), (Lang::En, ", ")] {
        let expected = two_domains(lang, separator);
        for path in ["/articles", "/articles/two-domains/ar", "/activities/ml-visit"] {
            let reply = app.get(&format!("{path}?lang={lang}"), &editor).await;
            assert_eq!(reply.status, StatusCode::OK, "{path}");
            assert!(reply.body.contains(&expected), "{lang} {path}: no {expected:?} in\n{}", reply.body);
        }
    }
    let arabic = app.get("/activities/ml-visit?lang=ar", &editor).await.body;
    assert!(!arabic.contains(&two_domains(Lang::Ar, ", ")), "no Latin comma between Arabic names");
}
