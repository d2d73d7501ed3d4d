//! Bulletin issues composed, built, published and downloaded through the
//! router, against a temporary SQLite store with one published article.

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::Role;
use vigie_domain::user::can_read_draft_articles;
use vigie_store::AuditFilter;

fn app() -> App {
    app_with(
        &[
            ("admin@vigie.example", Role::Admin, &[]),
            ("viewer@vigie.example", Role::Viewer, &[]),
            ("editor@vigie.example", Role::Editor, &[]),
            ("analyst@vigie.example", Role::Analyst, &[]),
            ("delegate@vigie.example", Role::Delegate, &["ML"]),
        ],
        load_article,
    )
}

const FORM: &str = "number=58&month=2023-12&featured=chiefs-meeting&position-chiefs-meeting=1&region=g5-sahel";

#[tokio::test]
async fn only_editors_and_administrators_build_issues() {
    let app = app();
    // anonymous: no session, no token
    let reply = app.post("/bulletins", FORM, "").await;
    assert!(matches!(reply.status, StatusCode::FORBIDDEN | StatusCode::SEE_OTHER), "{}", reply.status);
    let viewer = app.login("viewer@vigie.example").await;
    let page = app.get("/bulletins", &viewer).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains(r#"action="/bulletins""#), "no compose form for a viewer");
    let reply = app.post_form("/bulletins", FORM, &viewer).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // an editor without the token
    let editor = app.login("editor@vigie.example").await;
    assert_eq!(app.post("/bulletins", FORM, &editor).await.status, StatusCode::FORBIDDEN);
    assert!(app.store().bulletins().unwrap().is_empty());
}

#[tokio::test]
async fn a_wrong_featured_id_or_month_comes_back_on_the_form() {
    let app = app();
    let editor = app.login("editor@vigie.example").await;
    let page = app.get("/bulletins?month=2023-12", &editor).await;
    assert!(page.body.contains(r#"value="chiefs-meeting""#), "the month's article is offered");
    let csrf = csrf_in(&page.body);
    let form = format!("number=58&month=2023-12&featured_list=no-such-story&csrf={csrf}");
    let reply = app.post("/bulletins", &form, &editor).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("no-such-story") && reply.body.contains(r#"class="error""#), "{}", reply.body);
    let reply = app.post("/bulletins", &format!("number=58&month=2023-13&csrf={csrf}"), &editor).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("AAAA-MM"), "{}", reply.body);
    assert!(app.store().bulletins().unwrap().is_empty());
}

#[tokio::test]
async fn an_issue_is_built_kept_as_a_draft_then_published() {
    let app = app();
    let editor = app.login("editor@vigie.example").await;
    let csrf = csrf_in(&app.get("/bulletins", &editor).await.body);
    let reply = app.post("/bulletins", &format!("{FORM}&csrf={csrf}"), &editor).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.location.as_deref(), Some("/bulletins"));

    let pdf = app.get("/bulletins/58/fr.pdf", &editor).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.content_type, "application/pdf");
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert_eq!(pdf.disposition, r#"inline; filename="bulletin-58-2023-12.fr.pdf""#);
    // a logged-in user's download stays out of every cache
    assert_eq!(pdf.cache_control, "no-store");
    let html = app.get("/bulletins/58/fr.html", &editor).await;
    assert_eq!(html.status, StatusCode::OK);
    assert_eq!(html.cache_control, "no-store");
    assert!(html.content_type.starts_with("text/html"));
    assert!(html.body.contains(r#"lang="fr""#));
    let analyst = app.login("analyst@vigie.example").await;
    assert_eq!(app.get("/bulletins/58/ar.pdf", &analyst).await.status, StatusCode::OK);
    // a draft issue is read by exactly those who may read draft articles
    for user in app.store().users().unwrap() {
        let cookie = app.login(&user.email).await;
        let expected = if can_read_draft_articles(&user) { StatusCode::OK } else { StatusCode::NOT_FOUND };
        assert_eq!(app.get("/bulletins/58/en.html", &cookie).await.status, expected, "{}", user.email);
        let listed = unescaped(&app.get("/bulletins", &cookie).await.body).contains("/bulletins/58/en.html");
        assert_eq!(listed, expected == StatusCode::OK, "{}", user.email);
    }

    // a draft is not public
    assert_eq!(app.get("/bulletins/58/fr.pdf", "").await.status, StatusCode::NOT_FOUND);
    let viewer = app.login("viewer@vigie.example").await;
    assert_eq!(app.get("/bulletins/58/en.html", &viewer).await.status, StatusCode::NOT_FOUND);
    assert!(!unescaped(&app.get("/", "").await.body).contains("/bulletins/58/fr.pdf"));

    let reply = app.post("/bulletins/58/publish", &format!("csrf={csrf}"), &editor).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let pdf = app.get("/bulletins/58/en.pdf", "").await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert_eq!(app.get("/bulletins/58/ar.html", "").await.status, StatusCode::OK);
    let home = app.get("/", "").await;
    assert!(unescaped(&home.body).contains("/bulletins/58/fr.pdf"), "{}", home.body);
    assert!(unescaped(&app.get("/bulletins", "").await.body).contains("/bulletins/58/en.html"));
    assert_eq!(app.get("/bulletins/59/fr.pdf", "").await.status, StatusCode::NOT_FOUND);

    let store = app.store();
    let issues = store.bulletins().unwrap();
    assert_eq!(issues.len(), 1);
    assert!(issues[0].published);
    for action in ["bulletin.build", "bulletin.publish"] {
        let filter = AuditFilter { action: Some(action.into()), ..Default::default() };
        assert_eq!(store.audit(&filter).unwrap().len(), 1, "{action}");
    }
}

/// The article and one verified incident of December 2023.
fn article_and_incident(store: &mut dyn vigie_store::Store, dir: &std::path::Path) {
    load_article(store, dir);
    import_incidents(store, &[incident("bf-1", 4)]);
}

#[tokio::test]
async fn a_published_issue_is_revised_not_rebuilt_and_the_dashboard_shows_both_figures() {
    let app = app_with(
        &[("editor@vigie.example", Role::Editor, &[]), ("viewer@vigie.example", Role::Viewer, &[])],
        article_and_incident,
    );
    let editor = app.login("editor@vigie.example").await;
    let csrf = csrf_in(&app.get("/bulletins", &editor).await.body);
    assert_eq!(app.post("/bulletins", &format!("{FORM}&csrf={csrf}"), &editor).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.post("/bulletins/58/publish", &format!("csrf={csrf}"), &editor).await.status, StatusCode::SEE_OTHER);
    let published = app.get("/bulletins/58/en.pdf", "").await.bytes;

    // the same form again: refused in the page's language, nothing replaced
    let again = app.post("/bulletins?lang=fr", &format!("{FORM}&csrf={csrf}"), &editor).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unescaped(&again.body).contains("Le numéro 58 est publié et figé"), "{}", again.body);
    assert_eq!(app.get("/bulletins/58/en.pdf", "").await.bytes, published);
    // a publication of nothing: not found
    assert_eq!(app.post("/bulletins/58/publish", &format!("csrf={csrf}"), &editor).await.status, StatusCode::NOT_FOUND);

    // a verified incident of the month changes: the dashboard marks the month
    import_incidents(&mut *app.store(), &[vigie_domain::Incident { killed: Some(9), ..incident("bf-1", 4) }]);
    let viewer = app.login("viewer@vigie.example").await;
    let dashboard = unescaped(&app.get("/dashboard?region=g5-sahel&month=2023-12&lang=en", &viewer).await.body);
    let revised = &dashboard[dashboard.find(r#"<aside class="revised""#).expect("the revised box")..];
    assert!(revised.contains("December 2023, G5 Sahel (issue 58)"), "{revised}");
    assert!(
        revised.contains("<th scope=\"row\">Burkina Faso: victims</th><td>2</td><td><strong>9</strong></td>"),
        "{revised}"
    );

    // the correction: a revision with its reason, beside 58
    let form = format!("{FORM}&reason=Djibo%3A+9+killed&csrf={csrf}");
    assert_eq!(app.post("/bulletins", &form, &editor).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.post("/bulletins/58/publish", &format!("csrf={csrf}"), &editor).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/bulletins/58/en.pdf", "").await.bytes, published, "the first stays as published");
    assert_eq!(app.get("/bulletins/58.1/en.pdf", "").await.status, StatusCode::OK);
    let page = unescaped(&app.get("/bulletins?lang=en", "").await.body);
    assert!(page.contains("/bulletins/58.1/fr.pdf") && page.contains("revises 58: Djibo: 9 killed"), "{page}");
    let dashboard = unescaped(&app.get("/dashboard?region=g5-sahel&month=2023-12", &viewer).await.body);
    assert!(!dashboard.contains(r#"<aside class="revised""#), "58.1 published today's figures");
}

/// The editors' choices of the composer: a check lists what the issue
/// lacks, a preview shows one edition's HTML without keeping anything, and
/// a build keeps the choices in the issue's record.
#[tokio::test]
async fn the_composer_checks_previews_and_builds_the_editors_choices() {
    let app = app();
    let editor = format!("{}; vigie_lang=en", app.login("editor@vigie.example").await);
    let page = app.get("/bulletins?month=2023-12", &editor).await;
    assert!(page.body.contains(r#"name="tile" value="conference""#), "the tiles are offered");
    assert!(page.body.contains(r#"name="national_days" value="sent""#));
    let csrf = csrf_in(&page.body);
    let choices = "&national_days=sent&tile=workshop&tile_order_workshop=1&tile_fr_workshop=Ateliers\
                   &tile=partnerships&tile_order_partnerships=2&year_intro_fr=Une%20ann%C3%A9e";
    // the story has only its French version: the check says so
    let check = format!("{FORM}{choices}&action=check&csrf={csrf}");
    let reply = app.post("/bulletins", &check, &editor).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let body = unescaped(&reply.body);
    assert!(body.contains("What the issue still lacks"), "{body}");
    assert!(body.contains("Arabic edition: story chiefs-meeting is printed in French"), "{body}");
    assert!(body.contains("g5-sahel: no developments note for Burkina Faso"), "{body}");
    assert!(app.store().bulletins().unwrap().is_empty(), "a check keeps nothing");
    // a preview: the HTML edition of the language chosen, nothing kept
    let preview = format!("{FORM}{choices}&action=preview&preview_lang=fr&csrf={csrf}");
    let reply = app.post("/bulletins", &preview, &editor).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.content_type, "text/html; charset=utf-8");
    assert_eq!(reply.cache_control, "no-store");
    assert!(reply.body.contains(r#"<html lang="fr" dir="ltr""#), "{}", &reply.body[..200]);
    assert!(reply.body.contains("Une année"), "the year page's intro");
    assert!(reply.body.contains("Ateliers"), "the editor's tile label");
    assert!(app.store().bulletins().unwrap().is_empty(), "a preview keeps nothing");
    // too many highlights: refused on the form
    let many: String = (1..=7).map(|i| format!("&highlight=s{i}")).collect();
    let reply = app.post("/bulletins", &format!("{FORM}{many}&csrf={csrf}"), &editor).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("at most six photos"), "{}", reply.body);
    // built: the choices are in the issue's record
    let reply = app.post("/bulletins", &format!("{FORM}{choices}&action=build&csrf={csrf}"), &editor).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let issue = &app.store().bulletins().unwrap()[0];
    assert!(issue.spec.contains(r#""national_days":"sent""#), "{}", issue.spec);
    assert!(issue.spec.contains(r#""figure":"workshop""#), "{}", issue.spec);
}
