//! The translation desk driven in process: who may open it (the access
//! matrix of its routes), the list of texts missing in a language with the
//! next issue's first, a translation that changes one language's texts and
//! nothing else whatever the form says, its audit entry, a stale form, a
//! text the register's validator refuses.

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::{Activity, ActivityKind, CountryCode, DatePrecision, Domain, Names, Note, Role};
use vigie_store::ImportCounts;

const ADMIN: &str = "admin@vigie.example";
const ANALYST: &str = "analyst@vigie.example";
const EDITOR: &str = "editor@vigie.example";
const TRANSLATOR: &str = "translator@vigie.example";
const DELEGATE: &str = "delegate.bf@vigie.example";
const VIEWER: &str = "viewer@vigie.example";

fn activity(id: &str, date: &str, title_ar: &str) -> Activity {
    Activity {
        id: id.into(),
        kind: ActivityKind::Workshop,
        date: date.parse().unwrap(),
        date_precision: DatePrecision::Day,
        end_date: None,
        title: Names { fr: format!("Atelier {id}"), en: format!("Workshop {id}"), ar: title_ar.into() },
        counterpart_country: CountryCode::new("BF"),
        counterpart_org: Names::default(),
        counterpart_person: String::new(),
        counterpart_person_ar: String::new(),
        counterpart_title: Names::default(),
        domains: vec![Domain::Military],
        place: Names { fr: "Ouagadougou".into(), en: "Ouagadougou".into(), ar: String::new() },
        description: Names { fr: "Un atelier.".into(), en: "A workshop.".into(), ar: String::new() },
        article: None,
        highlight: None,
        organisations: Vec::new(),
        themes: Vec::new(),
        people: Vec::new(),
    }
}

fn app() -> App {
    app_with(
        &[
            (ADMIN, Role::Admin, &[]),
            (ANALYST, Role::Analyst, &[]),
            (EDITOR, Role::Editor, &[]),
            (TRANSLATOR, Role::Translator, &[]),
            (DELEGATE, Role::Delegate, &["BF"]),
            (VIEWER, Role::Viewer, &[]),
        ],
        |store, _| {
            let mut session = store.begin_activity_import("seed", "activities").unwrap();
            let this_month = jiff::Zoned::now().date().strftime("%Y-%m-05").to_string();
            for a in [activity("old-workshop", "2021-03-05", ""), activity("new-workshop", &this_month, "")] {
                session.upsert(&a).unwrap();
            }
            session.finish(ImportCounts::default()).unwrap();
            let mut notes = store.begin_note_import("seed", "notes").unwrap();
            let note = Note {
                region: "g5-sahel".into(),
                month: vigie_domain::Month::parse("2023-12").unwrap(),
                country: CountryCode::new("BF").unwrap(),
                text: Names { fr: "Une note.".into(), en: "A note.".into(), ar: String::new() },
            };
            notes.upsert(&note).unwrap();
            notes.finish(ImportCounts::default()).unwrap();
        },
    )
}

#[tokio::test]
async fn the_desk_is_for_translators_editors_and_administrators_only() {
    let app = app();
    for (email, allowed) in
        [(ADMIN, true), (EDITOR, true), (TRANSLATOR, true), (ANALYST, false), (DELEGATE, false), (VIEWER, false)]
    {
        let session = format!("{}; vigie_lang=en", app.login(email).await);
        for path in ["/translations?to=ar", "/translations/activity/new-workshop?to=ar"] {
            let reply = app.get(path, &session).await;
            let expected = if allowed { StatusCode::OK } else { StatusCode::FORBIDDEN };
            assert_eq!(reply.status, expected, "{email} {path}");
        }
        let reply = app.post_form("/translations/activity/new-workshop?to=ar", "text-title=x", &session).await;
        assert!(
            if allowed { reply.status != StatusCode::FORBIDDEN } else { reply.status == StatusCode::FORBIDDEN },
            "{email}: {}",
            reply.status
        );
    }
    // a translator edits translations and nothing else
    let session = format!("{}; vigie_lang=en", app.login(TRANSLATOR).await);
    for path in ["/activities/new-workshop/edit", "/activities/new", "/incidents/new", "/articles/new"] {
        assert_eq!(app.get(path, &session).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    let page = app.get("/dashboard", &session).await.body;
    assert!(page.contains("href=\"/translations\""), "the menu offers the desk");
}

#[tokio::test]
async fn the_list_shows_what_is_missing_the_next_issue_first() {
    let app = app();
    let session = format!("{}; vigie_lang=en", app.login(TRANSLATOR).await);
    let page = app.get("/translations?to=ar", &session).await.body;
    let new = page.find("Workshop new-workshop").expect("the month's activity is listed");
    let old = page.find("Workshop old-workshop").expect("the old one too");
    assert!(new < old, "the next issue's first");
    assert!(page.contains("Title, Place, Description"), "{page}");
    assert!(unescaped(&page).contains("/translations/note/g5-sahel/2023-12/BF?to=ar"), "the note is listed");
    // in French nothing is missing
    let french = app.get("/translations?to=fr", &session).await.body;
    assert!(!french.contains("Workshop new-workshop"), "{french}");
}

#[tokio::test]
async fn a_translation_changes_one_languages_texts_and_nothing_else() {
    let app = app();
    let session = format!("{}; vigie_lang=en", app.login(TRANSLATOR).await);
    let form = app.get("/translations/activity/new-workshop?to=ar", &session).await;
    assert!(form.body.contains("Workshop new-workshop"), "the other languages' forms beside");
    let version = version_in(&form.body);
    // the form also says other things: only the Arabic texts are read
    let posted = format!(
        "version={version}&text-title={}&text-place={}&text-description=&title_en=Hijacked&kind=conference&counterpart_country=ML&text-counterpart_org=",
        encode("ورشة عمل"),
        encode("واغادوغو")
    );
    let reply = app.post_form("/translations/activity/new-workshop?to=ar", &posted, &session).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let stored = app.store().activity("new-workshop").unwrap().unwrap();
    assert_eq!(stored.title.ar, "ورشة عمل");
    assert_eq!(stored.place.ar, "واغادوغو");
    assert_eq!(stored.title.en, "Workshop new-workshop", "nothing else changed");
    assert_eq!(stored.kind, ActivityKind::Workshop);
    assert_eq!(stored.counterpart_country, CountryCode::new("BF"));
    let entry = &app.audit_of("activity.translate")[0];
    assert_eq!(entry.actor, TRANSLATOR);
    let fields: Vec<&str> = entry.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["title_ar", "place_ar"]);
    // the same form again: changed meanwhile, nothing written
    let again = format!("version={version}&text-title=autre");
    let reply = app.post_form("/translations/activity/new-workshop?to=ar", &again, &session).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(app.store().activity("new-workshop").unwrap().unwrap().title.ar, "ورشة عمل");
}

#[tokio::test]
async fn a_text_the_register_refuses_is_said_beside_its_field() {
    let app = app();
    let session = format!("{}; vigie_lang=en", app.login(TRANSLATOR).await);
    let form = app.get("/translations/activity/old-workshop?to=ar", &session).await;
    let version = version_in(&form.body);
    let long = "x".repeat(301);
    let reply = app
        .post_form(
            "/translations/activity/old-workshop?to=ar",
            &format!("version={version}&text-title={long}"),
            &session,
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("id=\"e-text-title\""), "{}", reply.body);
    assert_eq!(app.store().activity("old-workshop").unwrap().unwrap().title.ar, "");
    // a note's translation, by the same rules
    let form = app.get("/translations/note/g5-sahel/2023-12/BF?to=ar", &session).await;
    assert_eq!(form.status, StatusCode::OK);
    let posted = format!("version={}&text-text={}", version_in(&form.body), encode("ملاحظة."));
    let reply = app.post_form("/translations/note/g5-sahel/2023-12/BF?to=ar", &posted, &session).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(app.audit_of("note.translate").len(), 1);
    assert_eq!(app.get("/translations/activity/nowhere?to=ar", &session).await.status, StatusCode::NOT_FOUND);
}

/// A member state's national day names, which the national days page
/// prints: filled in Arabic on the desk, the day's date untouched.
#[tokio::test]
async fn a_member_states_national_day_names_are_translated_on_the_desk() {
    let app = app();
    {
        let mut store = app.store();
        let mut session = store.begin_member_import("seed", "members").unwrap();
        let member = vigie_domain::Member {
            country: CountryCode::new("BF").unwrap(),
            joined: None,
            national_days: vec![vigie_domain::NationalDay {
                month: 12,
                day: 11,
                name: Names { fr: "Fête nationale".into(), en: "National Day".into(), ar: String::new() },
            }],
            representative_title: String::new(),
        };
        session.upsert(&member).unwrap();
        session.finish(ImportCounts::default()).unwrap();
    }
    let session = format!("{}; vigie_lang=en", app.login(TRANSLATOR).await);
    let list = app.get("/translations?to=ar", &session).await.body;
    assert!(list.contains("Burkina Faso") && list.contains("National day (12-11)"), "{list}");
    let form = app.get("/translations/member/BF?to=ar", &session).await;
    assert_eq!(form.status, StatusCode::OK);
    let posted = format!("version={}&text-day-0={}", version_in(&form.body), encode("العيد الوطني"));
    let reply = app.post_form("/translations/member/BF?to=ar", &posted, &session).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let stored = app.store().members().unwrap().into_iter().find(|m| m.country.as_str() == "BF").unwrap();
    assert_eq!(stored.national_days[0].name.ar, "العيد الوطني");
    assert_eq!((stored.national_days[0].month, stored.national_days[0].day), (12, 11));
    assert_eq!(app.audit_of("member.translate").len(), 1);
}

/// An activity's further people: each title is a text of the desk, named
/// by the person; a translation keeps every person and changes the one
/// title; a title the register refuses is said beside its field.
#[tokio::test]
async fn the_titles_of_an_activity_s_people_are_translated_and_the_people_kept() {
    let app = app();
    {
        let mut store = app.store();
        let mut session = store.begin_activity_import("people", "activities").unwrap();
        for (name, title) in [("Hatem Ali", "Regional Representative"), ("Amina Diallo", "")] {
            let person = vigie_domain::counterpart::Counterpart {
                organisation: None,
                person: name.into(),
                person_ar: String::new(),
                title: Names { en: title.into(), ..Names::default() },
            };
            session.add_person("new-workshop", &person).unwrap();
        }
        session.finish(ImportCounts::default()).unwrap();
    }
    let session = format!("{}; vigie_lang=en", app.login(TRANSLATOR).await);
    let list = app.get("/translations?to=ar", &session).await.body;
    assert!(list.contains("Title of (Hatem Ali)"), "{list}");
    assert!(!list.contains("Amina Diallo"), "a person without a title has nothing to translate");
    let form = app.get("/translations/activity/new-workshop?to=ar", &session).await;
    assert!(form.body.contains("Regional Representative"), "the English title beside");
    let version = version_in(&form.body);
    let long = "x".repeat(201);
    let posted = format!("version={version}&text-person-0={long}");
    let reply = app.post_form("/translations/activity/new-workshop?to=ar", &posted, &session).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("id=\"e-text-person-0\""), "{}", reply.body);
    let posted = format!("version={version}&text-person-0={}", encode("الممثل الإقليمي"));
    let reply = app.post_form("/translations/activity/new-workshop?to=ar", &posted, &session).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let stored = app.store().activity("new-workshop").unwrap().unwrap();
    assert_eq!(stored.people.len(), 2, "every person kept");
    assert_eq!(stored.people[0].title.ar, "الممثل الإقليمي");
    assert_eq!(stored.people[0].title.en, "Regional Representative");
    let entry = &app.audit_of("activity.translate")[0];
    let fields: Vec<&str> = entry.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["people"]);
}

/// A group an import created has the name it met in every language: the
/// desk lists it until its Arabic name is written in Arabic letters, and a
/// translation changes that name only, audited as `group.translate`.
#[tokio::test]
async fn a_group_named_by_an_import_is_translated_on_the_desk() {
    let app = app();
    {
        let mut store = app.store();
        store.add_group(&vigie_domain::Group::from_unknown_name("Katiba Serma"), "seed").unwrap();
    }
    let session = format!("{}; vigie_lang=en", app.login(TRANSLATOR).await);
    let list = app.get("/translations?to=ar", &session).await.body;
    assert!(list.contains("Perpetrator groups") && list.contains("Katiba Serma"), "{list}");
    assert!(!app.get("/translations?to=fr", &session).await.body.contains("Katiba Serma"), "its French is written");
    let form = app.get("/translations/group/katiba-serma?to=ar", &session).await;
    assert_eq!(form.status, StatusCode::OK);
    let version = version_in(&form.body);
    let posted = format!("version={version}&text-name=&name_en=Hijacked");
    let reply = app.post_form("/translations/group/katiba-serma?to=ar", &posted, &session).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "an empty Arabic name leaves the others: {}", reply.body);
    let posted = format!(
        "version={}&text-name={}",
        version_in(&app.get("/translations/group/katiba-serma?to=ar", &session).await.body),
        encode("كتيبة سيرما")
    );
    let reply = app.post_form("/translations/group/katiba-serma?to=ar", &posted, &session).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let groups = app.store().groups().unwrap();
    let group = groups.iter().find(|g| g.id == "katiba-serma").unwrap();
    assert_eq!((group.name.en.as_str(), group.name.ar.as_str()), ("Katiba Serma", "كتيبة سيرما"));
    let entries = app.audit_of("group.translate");
    assert_eq!(entries.last().unwrap().changes[0].field, "name_ar");
    assert!(!app.get("/translations?to=ar", &session).await.body.contains("Katiba Serma"), "translated");
    assert_eq!(app.get("/translations/group/nobody?to=ar", &session).await.status, StatusCode::NOT_FOUND);
    // who may: the desk's rule
    let analyst = format!("{}; vigie_lang=en", app.login(ANALYST).await);
    assert_eq!(app.get("/translations/group/katiba-serma?to=ar", &analyst).await.status, StatusCode::FORBIDDEN);
}

/// A theme's label: listed on the desk while a language lacks it, saved
/// with the register's rules and audited as `theme.translate`.
#[tokio::test]
async fn a_theme_s_label_is_translated_on_the_desk() {
    let app = app();
    {
        let mut store = app.store();
        let mut session = store.begin_theme_import("seed", "themes").unwrap();
        let label = Names { en: "Online recruitment".into(), ..Names::default() };
        session.upsert(&vigie_domain::theme::Theme { id: "online-recruitment".into(), label }).unwrap();
        session.finish(ImportCounts::default()).unwrap();
    }
    let session = format!("{}; vigie_lang=en", app.login(TRANSLATOR).await);
    let list = app.get("/translations?to=ar", &session).await.body;
    assert!(list.contains("Themes") && list.contains("Online recruitment"), "{list}");
    let form = app.get("/translations/theme/online-recruitment?to=ar", &session).await;
    let version = version_in(&form.body);
    let long = "x".repeat(101);
    let reply = app
        .post_form(
            "/translations/theme/online-recruitment?to=ar",
            &format!("version={version}&text-label={long}"),
            &session,
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "at most 100 characters");
    let posted = format!("version={version}&text-label={}&id=other", encode("التجنيد عبر الإنترنت"));
    let reply = app.post_form("/translations/theme/online-recruitment?to=ar", &posted, &session).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let themes = app.store().themes().unwrap();
    assert_eq!(themes.len(), 1, "the id is the path's");
    assert_eq!(themes[0].label.ar, "التجنيد عبر الإنترنت");
    assert_eq!(app.audit_of("theme.translate")[0].changes[0].field, "label_ar");
}
