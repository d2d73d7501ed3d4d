//! The register pages driven in process: who reads and writes activities,
//! member states, partners and notes; forms re-shown with their messages
//! and nothing written; changes in the lists and the audit log; escaping;
//! CSRF; the activity export (helpers in common/).

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::activity::ACTIVITY_COLUMNS;
use vigie_domain::{Activity, ActivityKind, CountryCode, DatePrecision, Domain, Lang, Names, Role};
use vigie_store::{ActivityFilter, AuditFilter, ImportCounts, NoteFilter, Store};

const ADMIN: &str = "admin@vigie.example";
const ANALYST: &str = "analyst@vigie.example";
const EDITOR: &str = "editor@vigie.example";
const DELEGATE: &str = "delegate.bf@vigie.example";
const VIEWER: &str = "viewer@vigie.example";

fn activity(id: &str, kind: ActivityKind, date: &str, country: Option<&str>, place: &str) -> Activity {
    Activity {
        id: id.into(),
        kind,
        date: date.parse().unwrap(),
        date_precision: DatePrecision::Day,
        end_date: None,
        title: Names { fr: format!("Titre {id}"), en: format!("Title {id}"), ar: String::new() },
        counterpart_country: country.and_then(CountryCode::new),
        counterpart_org: Names::default(),
        counterpart_person: String::new(),
        counterpart_person_ar: String::new(),
        counterpart_title: Names::default(),
        domains: vec![Domain::Military],
        place: Names { fr: String::new(), en: place.into(), ar: String::new() },
        description: Names::default(),
        article: None,
        highlight: None,
        organisations: Vec::new(),
        themes: Vec::new(),
        people: Vec::new(),
    }
}

fn seed_activities(store: &mut dyn Store, activities: &[Activity]) {
    let mut session = store.begin_activity_import("seed", "activities").unwrap();
    for a in activities {
        session.upsert(a).unwrap();
    }
    session.finish(ImportCounts::default()).unwrap();
}

/// One user a role (the delegate acts for Burkina Faso), an ML and a BF
/// activity.
fn app() -> App {
    app_with(
        &[
            (ADMIN, Role::Admin, &[]),
            (ANALYST, Role::Analyst, &[]),
            (EDITOR, Role::Editor, &[]),
            (DELEGATE, Role::Delegate, &["BF"]),
            (VIEWER, Role::Viewer, &[]),
        ],
        |store, _| {
            seed_activities(
                store,
                &[
                    activity("ml-visit", ActivityKind::VisitAbroad, "2023-11-20", Some("ML"), "Bamako"),
                    activity("bf-workshop", ActivityKind::Workshop, "2023-12-05", Some("BF"), "Ouagadougou"),
                ],
            )
        },
    )
}

/// An activity form's fields (no CSRF token).
fn activity_form(id: &str, country: &str, title: &str, place: &str) -> String {
    format!(
        "id={id}&kind=workshop&date=2023-12-07&end_date=&title_fr=&title_en={}&title_ar=&place_en={}&description_en=&domains=military&domains=communication&article=&highlight=&counterpart_country={country}&counterpart_org_en=&counterpart_person=&counterpart_title_en=",
        encode(title),
        encode(place)
    )
}

fn note_form(region: &str, month: &str, country: &str, text: &str) -> String {
    format!("region={region}&month={month}&country={country}&text_fr={}&text_en=&text_ar=", encode(text))
}

impl App {
    /// A page's HTML with its addresses as written (the template engine
    /// escapes `/` in values as `&#x2f;`).
    async fn html(&self, path: &str, session: &str) -> String {
        unescaped(&self.get(path, session).await.body)
    }

    /// Posts an edit `form` as the edit page at `path` would send it: with
    /// the fingerprint of the record it shows (the session's own view).
    async fn post_edit(&self, path: &str, form: &str, session: &str) -> Reply {
        let version = version_in(&self.get(path, session).await.body);
        self.post_form(path, &format!("{form}&version={version}"), session).await
    }

    fn activity_ids(&self) -> Vec<String> {
        self.store().activities(&ActivityFilter::default()).unwrap().into_iter().map(|a| a.id).collect()
    }
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_login() {
    let app = app();
    for path in ["/activities", "/activities/new", "/activities/bf-workshop", "/members", "/partners", "/notes"] {
        let reply = app.get(path, "").await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        assert!(reply.location.unwrap().starts_with("/login?next="), "{path}");
    }
}

#[tokio::test]
async fn everyone_logged_in_reads_the_four_registers() {
    let app = app();
    let viewer = app.login(VIEWER).await;
    for path in ["/activities", "/activities/ml-visit", "/members", "/partners", "/notes"] {
        assert_eq!(app.get(path, &viewer).await.status, StatusCode::OK, "{path}");
    }
    let list = app.html("/activities", &viewer).await;
    assert!(list.contains("Bamako") && list.contains("Ouagadougou"));
    // the menu leads there; a viewer is offered no form
    assert!(list.contains(r#"href="/members""#) && list.contains(r#"href="/notes""#));
    assert!(!list.contains(r#"href="/activities/new""#));
    assert_eq!(app.get("/activities/none", &viewer).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn who_writes_activities() {
    let app = app();
    let viewer = app.login(VIEWER).await;
    let delegate = app.login(DELEGATE).await;
    let editor = app.login(EDITOR).await;
    // a viewer opens no form and posts nothing
    assert_eq!(app.get("/activities/new", &viewer).await.status, StatusCode::FORBIDDEN);
    let reply = app.post_form("/activities", &activity_form("v", "BF", "Viewer's", "Kaya"), &viewer).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/activities/bf-workshop/edit", &viewer).await.status, StatusCode::FORBIDDEN);
    // a delegate of BF: not an ML activity, nor one without country
    assert_eq!(app.get("/activities/new", &delegate).await.status, StatusCode::OK);
    let reply = app.post_form("/activities", &activity_form("d-ml", "ML", "Mali", "Gao"), &delegate).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = app.post_form("/activities", &activity_form("d-none", "", "Nowhere", "Kaya"), &delegate).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r#"id="e-counterpart_country""#));
    assert_eq!(app.get("/activities/ml-visit/edit", &delegate).await.status, StatusCode::FORBIDDEN);
    let reply =
        app.post_form("/activities/ml-visit/edit", &activity_form("x", "ML", "Changed", "Gao"), &delegate).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // …nor move a BF activity to Mali
    let reply =
        app.post_form("/activities/bf-workshop/edit", &activity_form("x", "ML", "Moved", "Gao"), &delegate).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(app.activity_ids(), ["ml-visit", "bf-workshop"]);
    assert!(app.audit_of("activity.create").is_empty() && app.audit_of("activity.update").is_empty());
    // but a BF one, new or stored
    let reply = app.post_form("/activities", &activity_form("d-bf", "BF", "Burkina", "Kaya"), &delegate).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.location.as_deref(), Some("/activities/d-bf"));
    assert_eq!(app.get("/activities/bf-workshop/edit", &delegate).await.status, StatusCode::OK);
    let reply = app
        .post_edit("/activities/bf-workshop/edit", &activity_form("x", "BF", "Renamed", "Bobo-Dioulasso"), &delegate)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    // an editor writes any
    let reply = app.post_edit("/activities/ml-visit/edit", &activity_form("x", "ML", "Edited", "Gao"), &editor).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(app.store().activity("ml-visit").unwrap().unwrap().place.en, "Gao");
    // the id is the page's, whatever the form said
    assert!(app.store().activity("x").unwrap().is_none());
}

#[tokio::test]
async fn a_wrong_activity_is_shown_again_with_its_messages_and_nothing_is_written() {
    let app = app();
    let analyst = app.login(ANALYST).await;
    let form = activity_form("new-one", "BF", "Kept title", "Kept place")
        .replace("date=2023-12-07", "date=07%2F12%2F2023")
        .replace("highlight=", "highlight=first")
        .replace("end_date=", "end_date=2023-12");
    let reply = app.post_form("/activities", &form, &analyst).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    // in the page's language (French unless said otherwise)
    let end = reply.body.find(r#"id="e-end_date""#).unwrap();
    assert!(reply.body[end..end + 120].contains("n’est pas une date valide"), "{}", &reply.body[end..end + 120]);
    let highlight = reply.body.find(r#"id="e-highlight""#).unwrap();
    let said = &reply.body[highlight..highlight + 160];
    assert!(said.contains("doit être un nombre entier à partir de 1, ou rester vide"), "{said}");
    for field in ["date", "end_date", "highlight"] {
        assert!(reply.body.contains(&format!(r#"id="e-{field}""#)), "{field}");
        assert!(reply.body.contains(&format!(r#"aria-describedby="e-{field}""#)), "{field}");
    }
    assert!(!reply.body.contains(r#"id="e-place""#));
    assert!(reply.body.contains(r#"value="Kept title""#) && reply.body.contains(r#"value="Kept place""#));
    // the checked domains stay checked
    assert!(reply.body.contains(r#"value="communication" checked"#));
    assert_eq!(app.activity_ids(), ["ml-visit", "bf-workshop"]);
    assert!(app.audit_of("activity.create").is_empty());
    // an id taken, and the form's own address, are said on the id
    let reply = app.post_form("/activities", &activity_form("bf-workshop", "BF", "Again", "Kaya"), &analyst).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(reply.body.contains(r#"id="e-id""#));
    let reply = app.post_form("/activities", &activity_form("new", "BF", "New", "Kaya"), &analyst).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r#"id="e-id""#));
    assert_eq!(app.store().activity("bf-workshop").unwrap().unwrap().place.en, "Ouagadougou");
}

#[tokio::test]
async fn a_change_appears_in_the_list_and_in_the_audit_log() {
    let app = app();
    let admin = app.login(ADMIN).await;
    let reply = app.post_form("/activities", &activity_form("seminar", "NE", "Seminar", "Niamey"), &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let created = app.audit_of("activity.create");
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].entity, "activity");
    assert_eq!(created[0].entity_id.as_deref(), Some("seminar"));
    let place = created[0].changes.iter().find(|c| c.field == "place_en").unwrap();
    assert!(place.before.is_null() && place.after == "Niamey");
    assert!(created[0].changes.iter().all(|c| c.field != "article"), "empty fields are left out");
    // the edit form holds the stored values; a change of place
    let form = app.get("/activities/seminar/edit", &admin).await;
    assert!(form.body.contains(r#"value="Niamey""#) && form.body.contains(r#"value="military" checked"#));
    let reply = app.post_edit("/activities/seminar/edit", &activity_form("", "NE", "Seminar", "Zinder"), &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.location.as_deref(), Some("/activities/seminar"));
    assert!(app.get("/activities?search=zinder", &admin).await.body.contains("Zinder"));
    let updated = app.audit_of("activity.update");
    assert_eq!(updated.len(), 1);
    assert_eq!(updated[0].actor, ADMIN);
    assert_eq!(updated[0].changes, [vigie_domain::FieldChange::new("place_en", "Niamey", "Zinder")]);
    // the activity's page shows its history; saving unchanged writes nothing
    let page = app.get("/activities/seminar", &admin).await.body;
    assert!(page.contains("activity.update") && page.contains("Niamey → Zinder"), "{page}");
    let reply = app.post_edit("/activities/seminar/edit", &activity_form("", "NE", "Seminar", "Zinder"), &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(app.audit_of("activity.update").len(), 1);
}

#[tokio::test]
async fn a_script_in_a_text_field_comes_back_escaped() {
    let app = app();
    let admin = app.login(ADMIN).await;
    let script = "<script>alert(1)</script>";
    let reply = app.post_form("/activities", &activity_form("xss", "BF", script, script), &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let reply = app.post_form("/notes", &note_form("aes", "2023-12", "BF", script), &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    for path in ["/activities", "/activities/xss", "/activities/xss/edit", "/notes"] {
        let body = app.get(path, &admin).await.body;
        assert!(!body.contains(script), "{path}");
        assert!(body.contains("&lt;script&gt;"), "{path}");
    }
}

#[tokio::test]
async fn a_post_without_its_csrf_token_is_refused() {
    let app = app();
    let admin = app.login(ADMIN).await;
    let posts = [
        ("/activities", activity_form("no-token", "BF", "x", "y")),
        ("/activities/bf-workshop/edit", activity_form("", "BF", "x", "y")),
        ("/members", "country=BF&joined=&representative_title=x".to_string()),
        ("/partners", "id=p&name_en=P&scope=local&kind_en=".to_string()),
        ("/notes", note_form("aes", "2023-12", "BF", "x")),
    ];
    for (path, form) in posts {
        assert_eq!(app.post(path, &form, &admin).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(app.activity_ids(), ["ml-visit", "bf-workshop"]);
    let store = app.store();
    assert!(store.members().unwrap().is_empty() && store.partners().unwrap().is_empty());
    assert!(store.notes(&NoteFilter::default()).unwrap().is_empty());
}

#[tokio::test]
async fn the_list_filters_sorts_pages_and_exports() {
    let many: Vec<Activity> = (1..=60)
        .map(|n| {
            let kind = if n % 2 == 0 { ActivityKind::Conference } else { ActivityKind::Meeting };
            activity(
                &format!("a{n:02}"),
                kind,
                &format!("2023-{:02}-{:02}", n % 12 + 1, n % 28 + 1),
                Some("TD"),
                "N'Djaména",
            )
        })
        .collect();
    let app = app_with(&[(VIEWER, Role::Viewer, &[])], |store, _| {
        let mut seeded = many.clone();
        seeded.push(activity("old", ActivityKind::Workshop, "2022-06-01", Some("SA"), "Riyad"));
        seed_activities(store, &seeded)
    });
    let viewer = app.login(VIEWER).await;
    let first = app.html("/activities", &viewer).await;
    assert_eq!(first.matches(r#"<a href="/activities/a"#).count() + first.matches(r#"/activities/old""#).count(), 50);
    assert!(first.contains(r#"rel="next" href="/activities?page=2""#));
    let second = app.html("/activities?page=2", &viewer).await;
    assert!(second.contains(r#"href="/activities/old""#), "latest first: the oldest is on the last page");
    let ascending = app.html("/activities?sort=asc", &viewer).await;
    assert!(ascending.contains(r#"href="/activities/old""#));
    // filters: year, kind, country, search folded (accents, case)
    let year = app.html("/activities?period=2022", &viewer).await;
    assert!(year.contains(r#"href="/activities/old""#) && !year.contains(r#"href="/activities/a01""#));
    let search = app.html("/activities?search=riyad&kind=workshop&country=SA", &viewer).await;
    assert!(search.contains(r#"href="/activities/old""#) && !search.contains(r#"href="/activities/a01""#));
    let folded = app.html("/activities?search=DJAM%C3%89NA", &viewer).await;
    assert!(folded.contains("Activités trouvées : 60 ·") && !folded.contains(r#"href="/activities/old""#));
    assert_eq!(app.get("/activities?period=2023-13", &viewer).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(app.get("/activities?kind=party", &viewer).await.status, StatusCode::BAD_REQUEST);
    // the export of a filter, in the register's formats
    let csv = app.get("/activities/export.csv?period=2023-02&kind=conference", &viewer).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.content_type.starts_with("text/csv") && csv.disposition.contains("activities.csv"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines[0], ACTIVITY_COLUMNS.join(","));
    let expected: Vec<&Activity> =
        many.iter().filter(|a| a.kind == ActivityKind::Conference && a.date.month() == 2).collect();
    assert_eq!(lines.len(), expected.len() + 1);
    assert!(lines[1..].iter().all(|l| l.contains(",conference,2023-02-")), "{lines:?}");
    let jsonl = app.get("/activities/export.jsonl?country=SA", &viewer).await;
    assert!(jsonl.disposition.contains("activities.jsonl"));
    let objects: Vec<serde_json::Value> = jsonl.body.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(objects.len(), 1);
    assert_eq!(objects[0]["id"], "old");
    assert_eq!(objects[0]["domains"], serde_json::json!(["military"]));
    let exports = app.audit_of("export");
    assert_eq!(exports.len(), 2);
    assert_eq!(exports[0].entity, "activity");
    assert_eq!(exports[0].detail.as_deref(), Some("jsonl 1 activities: country=SA"));
    assert_eq!(exports[1].actor, VIEWER);
}

#[tokio::test]
async fn only_administrators_write_members() {
    let app = app();
    let admin = app.login(ADMIN).await;
    let analyst = app.login(ANALYST).await;
    let form = "country=BF&joined=2017-12-15&representative_title=Ambassador&day_date_0=12-11&day_fr_0=Proclamation+de+la+R%C3%A9publique&day_en_0=&day_ar_0=&day_date_1=&day_fr_1=&day_en_1=&day_ar_1=";
    assert_eq!(app.get("/members/new", &analyst).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post_form("/members", form, &analyst).await.status, StatusCode::FORBIDDEN);
    assert!(app.store().members().unwrap().is_empty());
    // a wrong national day is said on its row, nothing written
    let wrong = form.replace("day_date_0=12-11", "day_date_0=13-45");
    let reply = app.post_form("/members", &wrong, &admin).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r#"id="e-day_date_0""#) && reply.body.contains(r#"value="13-45""#));
    assert!(app.store().members().unwrap().is_empty());
    let reply = app.post_form("/members", form, &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(app.post_form("/members", form, &admin).await.status, StatusCode::CONFLICT);
    let list = app.html("/members", &analyst).await;
    assert!(list.contains("Burkina Faso") && list.contains("Proclamation de la République"));
    assert!(!list.contains(r#"href="/members/BF/edit""#), "an analyst is offered no form");
    assert_eq!(app.get("/members/BF/edit", &analyst).await.status, StatusCode::FORBIDDEN);
    // the edit form holds the day and empty rows; a second day is added
    let edit = app.get("/members/BF/edit", &admin).await.body;
    assert!(edit.contains(r#"value="12-11""#) && edit.contains(r#"name="day_date_2""#));
    let changed = format!("{form}&day_date_1=08-05&day_en_1=Independence+Day").replace("&day_date_1=&", "&");
    let changed = changed.replace("&day_fr_1=&day_en_1=&day_ar_1=", "");
    let reply = app.post_form("/members/BF/edit", &changed, &analyst).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = app.post_edit("/members/BF/edit", &changed, &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let member = app.store().members().unwrap().remove(0);
    assert_eq!(member.national_days.iter().map(|d| d.code()).collect::<Vec<_>>(), ["08-05", "12-11"]);
    let update = app.audit_of("member.update");
    assert_eq!(update[0].entity_id.as_deref(), Some("BF"));
    assert_eq!(update[0].changes.len(), 1);
    assert_eq!(update[0].changes[0].field, "national_days");
    assert_eq!(app.get("/members/ML/edit", &admin).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn only_administrators_write_partners_and_agreements() {
    let app = app();
    let admin = app.login(ADMIN).await;
    let analyst = app.login(ANALYST).await;
    let partner = "id=nauss&name_fr=&name_en=Naif+Arab+University&name_ar=&scope=regional&kind_en=university";
    assert_eq!(app.get("/partners/new", &analyst).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post_form("/partners", partner, &analyst).await.status, StatusCode::FORBIDDEN);
    let reply = app.post_form("/partners", &partner.replace("scope=regional", "scope=global"), &admin).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r#"id="e-scope""#));
    assert!(app.store().partners().unwrap().is_empty());
    assert_eq!(app.post_form("/partners", partner, &admin).await.status, StatusCode::SEE_OTHER);
    // agreements: added, refused when wrong, changed
    let agreement =
        "title_fr=&title_en=Memorandum&title_ar=&signed=2023-05-02&areas_en=training+%3B+research&reference=";
    assert_eq!(app.get("/partners/nauss/agreements/new", &analyst).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post_form("/partners/nauss/agreements", agreement, &analyst).await.status, StatusCode::FORBIDDEN);
    let wrong = agreement.replace("signed=2023-05-02", "signed=2999-01-01");
    let reply = app.post_form("/partners/nauss/agreements", &wrong, &admin).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r#"id="e-signed""#));
    assert_eq!(app.post_form("/partners/nauss/agreements", agreement, &admin).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.post_form("/partners/nauss/agreements", agreement, &admin).await.status, StatusCode::CONFLICT);
    let edit = app.get("/partners/nauss/agreements/0/edit", &admin).await;
    assert!(edit.body.contains(r#"value="training ; research""#));
    let changed = agreement.replace("reference=", "reference=REF-7");
    assert_eq!(
        app.post_form("/partners/nauss/agreements/0/edit", &changed, &analyst).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post_edit("/partners/nauss/agreements/0/edit", &changed, &admin).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(app.get("/partners/nauss/agreements/5/edit", &admin).await.status, StatusCode::NOT_FOUND);
    let renamed = partner.replace("kind_en=university", "kind_en=research+centre");
    assert_eq!(app.post_form("/partners/nauss/edit", &renamed, &analyst).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post_edit("/partners/nauss/edit", &renamed, &admin).await.status, StatusCode::SEE_OTHER);
    let stored = app.store().partners().unwrap().remove(0);
    assert_eq!((stored.kind.en.as_str(), stored.agreements[0].reference.as_str()), ("research centre", "REF-7"));
    let list = app.html("/partners", &analyst).await;
    assert!(list.contains("Naif Arab University") && list.contains("REF-7") && !list.contains("/edit\""));
    let agreement_update = app.audit_of("agreement.update");
    assert_eq!(agreement_update[0].entity_id.as_deref(), Some("nauss"));
    assert_eq!(agreement_update[0].changes, [vigie_domain::FieldChange::new("reference", "", "REF-7")]);
}

#[tokio::test]
async fn who_writes_notes_and_a_note_needs_a_country_of_its_group() {
    let app = app();
    let delegate = app.login(DELEGATE).await;
    let analyst = app.login(ANALYST).await;
    let editor = app.login(EDITOR).await;
    assert_eq!(app.get("/notes/new", &editor).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.post_form("/notes", &note_form("aes", "2023-12", "BF", "x"), &editor).await.status,
        StatusCode::FORBIDDEN
    );
    let ml = note_form("aes", "2023-12", "ML", "Situation au Mali");
    assert_eq!(app.post_form("/notes", &ml, &delegate).await.status, StatusCode::FORBIDDEN);
    let reply = app.post_form("/notes", &note_form("aes", "2023-12", "BF", "Calme relatif"), &delegate).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.location.as_deref(), Some("/notes?region=aes&month=2023-12"));
    assert_eq!(app.post_form("/notes", &ml, &analyst).await.status, StatusCode::SEE_OTHER);
    // a country outside the group's table is said on the country
    let reply = app.post_form("/notes", &note_form("aes", "2023-12", "TD", "Tchad"), &analyst).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r#"id="e-country""#) && reply.body.contains(">Tchad</textarea>"));
    // the delegate edits the BF note, not the ML one
    assert_eq!(app.get("/notes/aes/2023-12/ML/edit", &delegate).await.status, StatusCode::FORBIDDEN);
    let edit = "text_fr=Calme+relatif&text_en=Relative+calm&text_ar=";
    assert_eq!(app.post_form("/notes/aes/2023-12/ML/edit", edit, &delegate).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.post_edit("/notes/aes/2023-12/BF/edit", edit, &delegate).await.status, StatusCode::SEE_OTHER);
    let list = app.html("/notes?region=aes&month=2023-12&lang=en", &delegate).await;
    assert!(list.contains("Relative calm") && list.contains("Situation au Mali"));
    assert!(
        list.contains(r#"href="/notes/aes/2023-12/BF/edit""#) && !list.contains(r#"href="/notes/aes/2023-12/ML/edit""#)
    );
    assert!(!app.get("/notes?region=gcc", &delegate).await.body.contains("Relative calm"));
    assert_eq!(app.get("/notes?region=atlantis", &delegate).await.status, StatusCode::BAD_REQUEST);
    let update = app.audit_of("note.update");
    assert_eq!(update[0].entity_id.as_deref(), Some("aes/2023-12/BF"));
    assert_eq!(update[0].changes, [vigie_domain::FieldChange::new("text_en", "", "Relative calm")]);
    assert_eq!(app.store().notes(&NoteFilter::default()).unwrap().len(), 2);
}

#[tokio::test]
async fn register_pages_speak_arabic_right_to_left() {
    let app = app();
    let admin = app.login(ADMIN).await;
    let page = app.get("/activities/new?lang=ar", &admin).await.body;
    assert!(page.contains(r#"dir="rtl""#) && page.contains("نشاط جديد"));
    // a French title is typed left to right in an Arabic page
    assert!(page.contains(r#"name="title_fr" value="" lang="fr" dir="ltr""#), "{page}");
    assert!(app.get("/members?lang=en", &admin).await.body.contains("Member states"));
}

#[tokio::test]
async fn every_register_page_has_its_words_in_every_language() {
    let app = app();
    let admin = app.login(ADMIN).await;
    let member = "country=BF&joined=&representative_title=&day_date_0=12-11&day_fr_0=F%C3%AAte";
    assert_eq!(app.post_form("/members", member, &admin).await.status, StatusCode::SEE_OTHER);
    let partner = "id=p&name_en=P&scope=local&kind_en=";
    assert_eq!(app.post_form("/partners", partner, &admin).await.status, StatusCode::SEE_OTHER);
    let agreement = "title_en=MoU&signed=2023-01-02&areas_en=a&reference=";
    assert_eq!(app.post_form("/partners/p/agreements", agreement, &admin).await.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.post_form("/notes", &note_form("aes", "2023-12", "BF", "x"), &admin).await.status,
        StatusCode::SEE_OTHER
    );
    let pages = [
        "/activities",
        "/activities/new",
        "/activities/bf-workshop",
        "/activities/bf-workshop/edit",
        "/members",
        "/members/new",
        "/members/BF/edit",
        "/partners",
        "/partners/new",
        "/partners/p/edit",
        "/partners/p/agreements/new",
        "/partners/p/agreements/0/edit",
        "/notes",
        "/notes/new",
        "/notes/aes/2023-12/BF/edit",
    ];
    for lang in ["fr", "en", "ar"] {
        for path in pages {
            let reply = app.get(&format!("{path}?lang={lang}"), &admin).await;
            assert_eq!(reply.status, StatusCode::OK, "{path} {lang}");
            // a message missing from a catalogue shows as its id
            assert!(!reply.body.contains("web-"), "{path} {lang}");
        }
    }
}

const SECOND_ADMIN: &str = "admin2@vigie.example";

/// A catalogue message as a page shows it (apostrophes escaped).
fn shown(lang: Lang, id: &str) -> String {
    vigie_i18n::catalog().text(lang, id).replace('\'', "&#x27;")
}

/// The register changes by `actor` (`….update` entries of the audit log).
fn updates_by(app: &App, actor: &str) -> Vec<String> {
    let filter = AuditFilter { actor: Some(actor.into()), ..AuditFilter::default() };
    let entries = app.store().audit(&filter).unwrap();
    entries.into_iter().map(|e| e.action).filter(|a| a.ends_with(".update")).collect()
}

/// One edit form of each register: its page, the form the second
/// administrator saves, the one the first then sends from their stale
/// page, the language of the page, and the stored value that tells whose
/// change stands.
struct StaleCase {
    path: &'static str,
    second: String,
    first: String,
    typed: &'static str,
    lang: Lang,
    stored: fn(&dyn Store) -> String,
    /// The stored value once the second's change is saved.
    seconds: &'static str,
}

fn stale_cases() -> Vec<StaleCase> {
    vec![
        StaleCase {
            path: "/activities/bf-workshop/edit",
            second: activity_form("", "BF", "Title", "Place two"),
            first: activity_form("", "BF", "Title", "Place one"),
            typed: r#"value="Place one""#,
            lang: Lang::En,
            stored: |store| store.activity("bf-workshop").unwrap().unwrap().place.en,
            seconds: "Place two",
        },
        StaleCase {
            path: "/members/BF/edit",
            second: "joined=&representative_title=Consul+two&day_date_0=12-11&day_fr_0=F%C3%AAte".into(),
            first: "joined=&representative_title=Consul+one&day_date_0=12-11&day_fr_0=F%C3%AAte".into(),
            typed: r#"value="Consul one""#,
            lang: Lang::Fr,
            stored: |store| store.members().unwrap().remove(0).representative_title,
            seconds: "Consul two",
        },
        StaleCase {
            path: "/partners/p/edit",
            second: "name_en=P&scope=local&kind_en=two".into(),
            first: "name_en=P&scope=local&kind_en=one".into(),
            typed: r#"value="one""#,
            lang: Lang::Ar,
            stored: |store| store.partners().unwrap().remove(0).kind.en,
            seconds: "two",
        },
        StaleCase {
            path: "/partners/p/agreements/0/edit",
            second: "title_en=MoU&signed=2023-01-02&areas_en=a&reference=REF-2".into(),
            first: "title_en=MoU&signed=2023-01-02&areas_en=a&reference=REF-1".into(),
            typed: r#"value="REF-1""#,
            lang: Lang::Fr,
            stored: |store| store.partners().unwrap().remove(0).agreements.remove(0).reference,
            seconds: "REF-2",
        },
        StaleCase {
            path: "/notes/aes/2023-12/BF/edit",
            second: "text_fr=Texte+deux&text_en=&text_ar=".into(),
            first: "text_fr=Texte+un&text_en=&text_ar=".into(),
            typed: ">Texte un</textarea>",
            lang: Lang::En,
            stored: |store| store.notes(&NoteFilter::default()).unwrap().remove(0).text.fr,
            seconds: "Texte deux",
        },
    ]
}

/// Two administrators, the BF activity, and a member, a partner with an
/// agreement and a note written by the second one.
async fn two_admins() -> (App, String, String) {
    let app = app_with(&[(ADMIN, Role::Admin, &[]), (SECOND_ADMIN, Role::Admin, &[])], |store, _| {
        seed_activities(store, &[activity("bf-workshop", ActivityKind::Workshop, "2023-12-05", Some("BF"), "Kaya")])
    });
    let first = app.login(ADMIN).await;
    let second = app.login(SECOND_ADMIN).await;
    for (path, form) in [
        ("/members", "country=BF&joined=&representative_title=Consul&day_date_0=12-11&day_fr_0=F%C3%AAte".to_string()),
        ("/partners", "id=p&name_en=P&scope=local&kind_en=".to_string()),
        ("/partners/p/agreements", "title_en=MoU&signed=2023-01-02&areas=a&reference=".to_string()),
        ("/notes", note_form("aes", "2023-12", "BF", "Texte")),
    ] {
        assert_eq!(app.post_form(path, &form, &second).await.status, StatusCode::SEE_OTHER, "{path}");
    }
    (app, first, second)
}

#[tokio::test]
async fn a_save_from_a_stale_form_is_refused_and_the_other_change_stands() {
    let (app, first, second) = two_admins().await;
    for case in stale_cases() {
        let path = case.path;
        // the first opens the form; the second changes the record meanwhile
        let stale = version_in(&app.get(path, &first).await.body);
        let reply = app.post_edit(path, &case.second, &second).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}: {}", reply.body);
        let form = format!("{}&version={stale}", case.first);
        let reply = app.post_form(&format!("{path}?lang={}", case.lang.code()), &form, &first).await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "{path}");
        assert!(reply.body.contains(&shown(case.lang, "web-register-changed")), "{path}: {}", reply.body);
        // what the first typed is shown again, on the version they opened
        assert!(reply.body.contains(case.typed), "{path}: {}", reply.body);
        assert_eq!(version_in(&reply.body), stale, "{path}");
        assert_eq!((case.stored)(app.store().as_ref()), case.seconds, "{path}: the second's change stands");
    }
    assert!(updates_by(&app, ADMIN).is_empty(), "nothing written for the first");
    assert_eq!(updates_by(&app, SECOND_ADMIN).len(), 5);
    // a form that carries no fingerprint proves nothing: refused the same way
    let reply = app.post_form("/notes/aes/2023-12/BF/edit", "text_fr=Sans+version", &first).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(app.store().notes(&NoteFilter::default()).unwrap()[0].text.fr, "Texte deux");
    // once reloaded, the first's form saves
    let reply = app.post_edit("/notes/aes/2023-12/BF/edit", "text_fr=Texte+un", &first).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(updates_by(&app, ADMIN), ["note.update"]);
}

#[tokio::test]
async fn the_fingerprint_survives_a_form_shown_again_with_its_messages() {
    let (app, first, second) = two_admins().await;
    let path = "/activities/bf-workshop/edit";
    let opened = version_in(&app.get(path, &first).await.body);
    let wrong = activity_form("", "BF", "Title", "Tenkodogo").replace("date=2023-12-07", "date=nope");
    let reply = app.post_form(path, &format!("{wrong}&version={opened}"), &first).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains(r#"id="e-date""#));
    // the form shown again still stands for the activity as first shown
    assert_eq!(version_in(&reply.body), opened);
    // corrected, it saves when nobody else changed the activity
    let fixed = activity_form("", "BF", "Title", "Tenkodogo");
    let reply = app.post_form(path, &format!("{fixed}&version={}", version_in(&reply.body)), &first).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(app.store().activity("bf-workshop").unwrap().unwrap().place.en, "Tenkodogo");
    // and is refused when someone did, between the message and the correction
    let opened = version_in(&app.get(path, &first).await.body);
    let shown_again = app.post_form(path, &format!("{wrong}&version={opened}"), &first).await;
    assert_eq!(shown_again.status, StatusCode::UNPROCESSABLE_ENTITY);
    let reply = app.post_edit(path, &activity_form("", "BF", "Title", "Koudougou"), &second).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let reply = app.post_form(path, &format!("{fixed}&version={}", version_in(&shown_again.body)), &first).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(app.store().activity("bf-workshop").unwrap().unwrap().place.en, "Koudougou");
    assert_eq!(updates_by(&app, ADMIN), ["activity.update"]);
}

/// An activity names its counterparts among the register of organisations:
/// the form refuses an unknown one, beside its field, and keeps the known
/// ones on an edit; the organisation's page lists the activity by year.
#[tokio::test]
async fn an_activity_names_known_organisations_and_their_page_lists_it() {
    let app = app();
    {
        let mut store = app.store();
        let mut session = store.begin_organisation_import("seed", "organisations").unwrap();
        let gcc = vigie_domain::Organisation {
            id: "gcc".into(),
            kind: vigie_domain::OrganisationKind::RegionalOrganisation,
            country: None,
            partner: None,
            name: Names { fr: String::new(), en: "Gulf Cooperation Council".into(), ar: String::new() },
        };
        session.upsert(&gcc).unwrap();
        session.finish(ImportCounts::default()).unwrap();
    }
    let analyst = format!("{}; vigie_lang=en", app.login(ANALYST).await);
    let unknown =
        format!("{}&organisations=gcc+%3B+unodc&themes=sahel", activity_form("gcc-visit", "BF", "GCC visit", "Riyadh"));
    let reply = app.post_form("/activities", &unknown, &analyst).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("unknown organisation"), "{}", reply.body);
    assert!(app.store().activity("gcc-visit").unwrap().is_none(), "nothing written");
    let known = format!("{}&organisations=gcc&themes=sahel", activity_form("gcc-visit", "BF", "GCC visit", "Riyadh"));
    let reply = app.post_form("/activities", &known, &analyst).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let stored = app.store().activity("gcc-visit").unwrap().unwrap();
    assert_eq!(
        (stored.organisations.as_slice(), stored.themes.as_slice()),
        (&["gcc".to_string()][..], &["sahel".to_string()][..])
    );
    let viewer = format!("{}; vigie_lang=en", app.login(VIEWER).await);
    let list = app.get("/organisations", &viewer).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Gulf Cooperation Council"), "{}", list.body);
    let page = app.get("/organisations/gcc", &viewer).await;
    assert_eq!(page.status, StatusCode::OK);
    // a tag without a label shows as the tag; with one, as its label
    assert!(page.body.contains("GCC visit") && page.body.contains(r#"title="sahel">sahel</span>"#), "{}", page.body);
    {
        let mut store = app.store();
        let mut session = store.begin_theme_import("seed", "themes").unwrap();
        let label = Names { fr: "Sahel (fr)".into(), en: "The Sahel".into(), ar: "الساحل".into() };
        session.upsert(&vigie_domain::theme::Theme { id: "sahel".into(), label }).unwrap();
        session.finish(ImportCounts::default()).unwrap();
    }
    let page = app.get("/organisations/gcc", &viewer).await;
    assert!(page.body.contains(r#"title="sahel">The Sahel</span>"#), "{}", page.body);
    assert!(app.get("/activities/gcc-visit", &viewer).await.body.contains("The Sahel"));
    assert_eq!(app.get("/organisations/nobody", &viewer).await.status, StatusCode::NOT_FOUND);
}

/// An activity's further people are typed a line each in its form: a wrong
/// line is refused with its number beside the field, nothing written; the
/// saved people show on its page, in its audit entry, and on the page of
/// the organisation they spoke for; an edit's form gives them back.
#[tokio::test]
async fn an_activity_s_people_are_typed_a_line_each_and_audited() {
    let app = app();
    {
        let mut store = app.store();
        let mut session = store.begin_organisation_import("seed", "organisations").unwrap();
        let unodc = vigie_domain::Organisation {
            id: "unodc".into(),
            kind: vigie_domain::OrganisationKind::UnBody,
            country: None,
            partner: None,
            name: Names { fr: String::new(), en: "UN Office on Drugs and Crime".into(), ar: String::new() },
        };
        session.upsert(&unodc).unwrap();
        session.finish(ImportCounts::default()).unwrap();
    }
    let analyst = format!("{}; vigie_lang=en", app.login(ANALYST).await);
    let form = |people: &str| format!("{}&people={}", activity_form("forum", "BF", "Forum", "Riyadh"), encode(people));
    let wrong = "unodc | Hatem Ali | | | Regional Representative\nwho | Amina\nunodc | HATEM ALI";
    let reply = app.post_form("/activities", &form(wrong), &analyst).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = unescaped(&reply.body);
    assert!(body.contains("Line 2, organisation: unknown organisation"), "{body}");
    assert!(body.contains("Line 3, person:"), "{body}");
    assert!(app.store().activity("forum").unwrap().is_none(), "nothing written");

    let right = "unodc | Hatem Ali | حاتم علي | | Regional Representative\n\n | Amina Diallo | | Conseillère";
    let reply = app.post_form("/activities", &form(right), &analyst).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let stored = app.store().activity("forum").unwrap().unwrap();
    let names: Vec<&str> = stored.people.iter().map(|p| p.person.as_str()).collect();
    assert_eq!(names, ["Hatem Ali", "Amina Diallo"]);
    assert_eq!(stored.people[0].organisation.as_deref(), Some("unodc"));
    assert_eq!(stored.people[1].title.fr, "Conseillère");

    let viewer = format!("{}; vigie_lang=en", app.login(VIEWER).await);
    let page = app.html("/activities/forum", &viewer).await;
    assert!(page.contains("Hatem Ali") && page.contains("حاتم علي") && page.contains("Regional Representative"));
    assert!(page.contains(r#"<a href="/organisations/unodc">UN Office on Drugs and Crime</a>"#), "{page}");
    let organisation = app.html("/organisations/unodc", &viewer).await;
    assert!(organisation.contains("Forum") && organisation.contains("Hatem Ali"), "{organisation}");
    // the search finds an activity by a person's name
    assert!(app.html("/activities?search=diallo", &viewer).await.contains("/activities/forum"));

    // the edit form gives the people back a line each; an edit that drops
    // one is audited with the lines before and after
    let edit = app.html("/activities/forum/edit", &analyst).await;
    assert!(edit.contains("unodc | Hatem Ali | حاتم علي |  | Regional Representative"), "{edit}");
    let reply = app.post_edit("/activities/forum/edit", &form("unodc | Hatem Ali"), &analyst).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(app.store().activity("forum").unwrap().unwrap().people.len(), 1);
    let audit = app.store().audit(&AuditFilter { entity: Some("activity".into()), ..AuditFilter::default() }).unwrap();
    let change = audit.iter().find(|e| e.action == "activity.update").unwrap();
    let people = change.changes.iter().find(|c| c.field == "people").unwrap();
    assert!(people.before.as_str().unwrap().contains("Amina Diallo"), "{people:?}");
    assert_eq!(people.after, "unodc | Hatem Ali");
    // the counterparts file of the list's filter, which an import reads back
    let csv = app.get("/activities/counterparts.csv?search=forum", &viewer).await;
    assert!(csv.disposition.contains("counterparts.csv"), "{}", csv.disposition);
    assert_eq!(
        csv.body,
        "activity,organisation,person,person_ar,title_fr,title_en,title_ar\nforum,unodc,Hatem Ali,,,,\n"
    );
    assert_eq!(app.get("/activities/counterparts.csv", "").await.status, StatusCode::SEE_OTHER, "to the login");
}
