//! The article pages through the router, against a temporary SQLite
//! store: who writes, what a body may not smuggle into a page, the editor's
//! messages, translations, image uploads, the audit log and CSRF.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;
use vigie_domain::{ArticleStatus, Lang, Role};
use vigie_store::{ArticleFilter, AuditFilter, Store};

const EDITOR: &str = "editor@vigie.example";
const TRANSLATOR: &str = "translator@vigie.example";

fn app() -> App {
    app_with(
        &[
            ("admin@vigie.example", Role::Admin, &[]),
            ("analyst@vigie.example", Role::Analyst, &[]),
            (EDITOR, Role::Editor, &[]),
            ("delegate@vigie.example", Role::Delegate, &["BF"]),
            ("viewer@vigie.example", Role::Viewer, &[]),
            (TRANSLATOR, Role::Translator, &[]),
        ],
        |_, _| {},
    )
}

/// A PNG as far as its content goes (the signature is what is checked).
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR-not-a-real-picture";

/// The editor's form as a multipart body (`common::multipart`): the image,
/// if any (file name, bytes), in its `upload` field.
fn multipart(csrf: Option<&str>, fields: &[(&str, &str)], image: Option<(&str, &[u8])>) -> Vec<u8> {
    common::multipart(csrf, fields, image.map(|(name, bytes)| ("upload", name, bytes)))
}

async fn send_form(app: &App, path: &str, cookie: &str, body: Vec<u8>) -> Reply {
    app.post_multipart(path, body, cookie).await
}

/// The fields of a valid French news item, `changes` replacing some.
fn fields<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("id", "chiefs-meeting"),
        ("lang", "fr"),
        ("date", "2023-12-13"),
        ("title", "Les chefs d'état-major se réunissent"),
        ("subtitle", ""),
        ("kind", "news"),
        ("domains", "military"),
        ("author", "Communication"),
        ("status", "draft"),
        ("body", "Les chefs d'état-major se sont réunis à **Riyad**."),
        ("action", "save"),
    ];
    for (name, value) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = value,
            None => fields.push((name, value)),
        }
    }
    fields
}

async fn create(app: &App, cookie: &str, changes: &[(&str, &str)]) -> Reply {
    let csrf = app.token(cookie).await;
    send_form(app, "/articles", cookie, multipart(Some(&csrf), &fields(changes), None)).await
}

/// The fingerprint the editor of a version (`path`: its edit page)
/// carries of it.
async fn version_of(app: &App, path: &str, cookie: &str) -> String {
    version_in(&app.get(path, cookie).await.body)
}

fn article_audit(store: &dyn Store) -> Vec<vigie_domain::AuditEntry> {
    store.audit(&AuditFilter { entity: Some("article".into()), ..AuditFilter::default() }).unwrap()
}

/// A catalogue message as a page shows it (apostrophes escaped).
fn shown(lang: Lang, id: &str) -> String {
    vigie_i18n::catalog().text(lang, id).replace('\'', "&#x27;")
}

#[tokio::test]
async fn only_editors_and_administrators_write_articles() {
    let app = app();
    let reply = app.get("/articles", "").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(reply.location.unwrap().starts_with("/login?next="));
    for email in ["viewer@vigie.example", "analyst@vigie.example", "delegate@vigie.example"] {
        let cookie = app.login(email).await;
        assert_eq!(app.get("/articles", &cookie).await.status, StatusCode::OK, "{email} reads the list");
        assert_eq!(app.get("/articles/new", &cookie).await.status, StatusCode::FORBIDDEN, "{email}");
        assert_eq!(create(&app, &cookie, &[]).await.status, StatusCode::FORBIDDEN, "{email} cannot create");
    }
    assert!(app.store().articles(&ArticleFilter::default()).unwrap().is_empty());
    for (email, id) in [(EDITOR, "by-the-editor"), ("admin@vigie.example", "by-the-admin")] {
        let cookie = app.login(email).await;
        assert_eq!(app.get("/articles/new", &cookie).await.status, StatusCode::OK);
        let reply = create(&app, &cookie, &[("id", id)]).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{email}: {}", reply.body);
        assert_eq!(reply.location.as_deref(), Some(format!("/articles/{id}/fr").as_str()));
    }
    assert_eq!(app.store().articles(&ArticleFilter::default()).unwrap().len(), 2);
    // the others cannot change a version either
    let viewer = app.login("viewer@vigie.example").await;
    let csrf = app.token(&viewer).await;
    let reply =
        send_form(&app, "/articles/by-the-editor/fr/edit", &viewer, multipart(Some(&csrf), &fields(&[]), None)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = app.post("/articles/by-the-editor/fr/status", &format!("status=published&csrf={csrf}"), &viewer).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn drafts_are_read_by_those_who_write_or_check_them() {
    let app = app();
    let editor = app.login(EDITOR).await;
    create(&app, &editor, &[]).await;
    create(&app, &editor, &[("id", "published-one"), ("status", "published"), ("title", "Une nouvelle publiée")]).await;
    let viewer = app.login("viewer@vigie.example").await;
    assert_eq!(app.get("/articles/chiefs-meeting/fr", &viewer).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get("/articles/published-one/fr", &viewer).await.status, StatusCode::OK);
    let list = app.get("/articles", &viewer).await.body;
    assert!(list.contains("Une nouvelle publiée") && !list.contains("se réunissent"), "{list}");
    let analyst = app.login("analyst@vigie.example").await;
    assert_eq!(app.get("/articles/chiefs-meeting/fr", &analyst).await.status, StatusCode::OK);
}

const HOSTILE: &str = "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> [click](javascript:alert(1)) \
                       <b>raw</b> <a href=\"https://evil.example\" onclick=\"alert(1)\">a</a>";

fn assert_inert(html: &str) {
    assert!(!html.contains("<script"), "a script element: {html}");
    assert!(!html.contains("<img src=x") && !html.contains("<img src=\"x\""), "an img element: {html}");
    assert!(!unescaped(html).to_ascii_lowercase().contains("href=\"javascript"), "a javascript link: {html}");
    assert!(!html.contains("<b>raw") && !html.contains("onclick=\""), "raw HTML: {html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;"), "the script shown as text: {html}");
}

#[tokio::test]
async fn scripts_and_raw_html_do_not_survive_the_preview_nor_the_saved_page() {
    let app = app();
    let editor = app.login(EDITOR).await;
    let preview = create(&app, &editor, &[("body", HOSTILE), ("action", "preview")]).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.body.contains(r#"class="preview""#), "the preview is shown");
    assert_inert(&preview.body);
    assert!(
        preview.body.contains(r#"<div class="article-body"><p>&lt;script&gt;alert(1)&lt;/script&gt;"#),
        "rendered as text"
    );
    assert!(app.store().articles(&ArticleFilter::default()).unwrap().is_empty(), "a preview writes nothing");

    let saved = create(&app, &editor, &[("body", HOSTILE)]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = app.get("/articles/chiefs-meeting/fr", &editor).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_inert(&page.body);
    // the text is kept as written, for the next edit
    let stored = app.store().articles(&ArticleFilter::default()).unwrap();
    assert_eq!(stored[0].body, HOSTILE);
    // an Arabic version's editor and preview run right to left
    let arabic = create(
        &app,
        &editor,
        &[("id", "arabic"), ("lang", "ar"), ("title", "اجتماع"), ("body", "نص **المقال**"), ("action", "preview")],
    )
    .await;
    assert!(arabic.body.contains(r#"name="body" rows="18" dir="rtl""#), "{}", arabic.body);
    assert!(arabic.body.contains(r#"<article class="article" lang="ar" dir="rtl">"#));
    assert!(arabic.body.contains("نص <strong>المقال</strong>"));
}

#[tokio::test]
async fn a_wrong_value_comes_back_with_its_message_and_nothing_is_written() {
    let app = app();
    let editor = app.login(EDITOR).await;
    let reply = create(
        &app,
        &editor,
        &[("date", "2023-02-30"), ("title", ""), ("id", "Chiefs Meeting"), ("body", "Texte gardé tel quel.")],
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    for id in ["web-article-error-date", "web-article-error-required", "web-article-error-id", "web-form-invalid"] {
        assert!(reply.body.contains(&shown(Lang::Fr, id)), "{id}: {}", reply.body);
    }
    assert!(reply.body.contains(r#"value="2023-02-30""#), "the typed date is kept");
    assert!(reply.body.contains(r#"value="Chiefs Meeting""#), "the typed id is kept");
    assert!(reply.body.contains(">Texte gardé tel quel.</textarea>"), "the body is kept");
    assert!(reply.body.contains(r#"aria-invalid="true" aria-describedby="e-date""#));
    let store = app.store();
    assert!(store.articles(&ArticleFilter::default()).unwrap().is_empty());
    assert!(article_audit(store.as_ref()).is_empty());
    // the same message in English, for an English interface
    let cookie = format!("{editor}; vigie_lang=en");
    let reply = create(&app, &cookie, &[("date", "13/12/2023")]).await;
    assert!(reply.body.contains(&shown(Lang::En, "web-article-error-date")), "{}", reply.body);
}

#[tokio::test]
async fn a_translation_starts_from_its_story_and_links_back() {
    let app = app();
    let editor = app.login(EDITOR).await;
    assert_eq!(create(&app, &editor, &[("domains", "communication")]).await.status, StatusCode::SEE_OTHER);
    // the French page offers the missing translations
    let page = unescaped(&app.get("/articles/chiefs-meeting/fr", &editor).await.body);
    let link = "/articles/new?translation_of=chiefs-meeting&amp;language=ar&amp;from=fr";
    assert!(page.contains(link), "{page}");
    let form = app.get(&link.replace("&amp;", "&"), &editor).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.body.contains(r#"name="id" value="chiefs-meeting" readonly"#), "{}", form.body);
    assert!(form.body.contains(r#"<input type="hidden" name="lang" value="ar">"#));
    assert!(form.body.contains(r#"<input type="hidden" name="source" value="fr">"#));
    assert!(form.body.contains(r#"value="communication" checked"#), "the domains are the story's");
    assert!(
        form.body.contains("Les chefs d&#39;état-major se sont réunis à <strong>Riyad</strong>."),
        "the source is shown: {}",
        form.body
    );
    assert!(form.body.contains(r#"dir="rtl""#));
    // saving it
    let csrf = app.token(&editor).await;
    let arabic = [
        ("id", "chiefs-meeting"),
        ("lang", "ar"),
        ("source", "fr"),
        ("date", "2023-12-13"),
        ("title", "اجتماع رؤساء الأركان"),
        ("kind", "news"),
        ("status", "draft"),
        ("body", "اجتمع رؤساء الأركان في **الرياض**."),
        ("action", "save"),
    ];
    let reply = send_form(&app, "/articles", &editor, multipart(Some(&csrf), &arabic, None)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.location.as_deref(), Some("/articles/chiefs-meeting/ar"));
    // a second Arabic version of the story is refused
    let again = send_form(&app, "/articles", &editor, multipart(Some(&csrf), &arabic, None)).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains(&shown(Lang::Fr, "web-article-error-exists")));
    // the versions link to each other; English is still missing
    let french = unescaped(&app.get("/articles/chiefs-meeting/fr", &editor).await.body);
    assert!(french.contains(r#"href="/articles/chiefs-meeting/ar" hreflang="ar""#), "{french}");
    let arabic_page = unescaped(&app.get("/articles/chiefs-meeting/ar", &editor).await.body);
    assert!(arabic_page.contains(r#"href="/articles/chiefs-meeting/fr" hreflang="fr""#));
    assert!(arabic_page.contains(r#"<article class="article" lang="ar" dir="rtl">"#));
    let list = unescaped(&app.get("/articles", &editor).await.body);
    assert!(list.contains(r#"class="missing-translation""#));
    assert!(list.contains("/articles/new?translation_of=chiefs-meeting&amp;language=en"), "{list}");
    // the story's versions are one story in the store
    let stored =
        app.store().articles(&ArticleFilter { id: Some("chiefs-meeting".into()), ..ArticleFilter::default() }).unwrap();
    assert_eq!(stored.iter().map(|a| a.lang).collect::<Vec<_>>(), [Lang::Fr, Lang::Ar]);
}

#[tokio::test]
async fn images_are_accepted_or_refused_by_their_content() {
    let app = app();
    let editor = app.login(EDITOR).await;
    let csrf = app.token(&editor).await;
    let mut with_caption = fields(&[]);
    with_caption.push(("upload_caption", "La salle"));
    // a GIF named .png
    let gif = send_form(
        &app,
        "/articles",
        &editor,
        multipart(Some(&csrf), &with_caption, Some(("salle.png", b"GIF89a...."))),
    )
    .await;
    assert_eq!(gif.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(gif.body.contains(&shown(Lang::Fr, "web-article-error-image-type")), "{}", gif.body);
    // an SVG with a script, or reaching outside (the domain's rule, the
    // command line's import too)
    for svg in [
        r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://tracker.example/p)"/></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://tracker.example/c.css";</style></svg>"#,
        // XHTML under a prefix, and CSS image-set: past the old deny-list
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:img src="https://tracker.example/p.png"/></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:meta http-equiv="refresh" content="0;url=https://evil.example/"/></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:image-set('https://tracker.example/p.png' 1x)"/></svg>"#,
    ] {
        let refused = send_form(
            &app,
            "/articles",
            &editor,
            multipart(Some(&csrf), &with_caption, Some(("x.svg", svg.as_bytes()))),
        )
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{svg}");
        assert!(refused.body.contains(&shown(Lang::Fr, "web-article-error-image-svg")), "{svg}");
    }
    // larger than 10 MiB
    let mut big = PNG.to_vec();
    big.resize(10 * 1024 * 1024 + 1, 0);
    let too_big =
        send_form(&app, "/articles", &editor, multipart(Some(&csrf), &with_caption, Some(("big.png", &big)))).await;
    assert_eq!(too_big.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_big.body.contains("10 Mio"), "{}", too_big.body);
    assert!(app.store().articles(&ArticleFilter::default()).unwrap().is_empty());
    // a PNG, previewed first, then saved: the preview shows it, the save keeps it
    let mut previewed = with_caption.clone();
    previewed.retain(|(n, _)| *n != "action");
    previewed.push(("action", "preview"));
    let preview =
        send_form(&app, "/articles", &editor, multipart(Some(&csrf), &previewed, Some(("C:\\photos\\salle.png", PNG))))
            .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    let hash = vigie_domain::article::content_hash(PNG);
    let src = format!("/articles/images/{hash}");
    assert!(unescaped(&preview.body).contains(&format!(r#"<img src="{src}" alt="La salle">"#)), "{}", preview.body);
    assert!(preview.body.contains(&format!(r#"name="image-0-hash" value="{hash}""#)));
    let mut saved = fields(&[]);
    saved.extend([("image-0-hash", hash.as_str()), ("image-0-file", "salle.png"), ("image-0-caption", "La salle")]);
    let reply = send_form(&app, "/articles", &editor, multipart(Some(&csrf), &saved, None)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let stored = app.store().articles(&ArticleFilter::default()).unwrap();
    assert_eq!(stored[0].images.len(), 1);
    assert_eq!((stored[0].images[0].file.as_str(), stored[0].images[0].caption.as_str()), ("salle.png", "La salle"));
    assert_eq!(stored[0].images[0].media_type, vigie_domain::MediaType::Png);
    let image = app.get(&src, &editor).await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(image.content_type, "image/png");
    assert_eq!(image.bytes, PNG);
    let viewer = app.login("viewer@vigie.example").await;
    assert_eq!(app.get(&format!("/articles/images/{}", "0".repeat(64)), &viewer).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&src, "").await.status, StatusCode::SEE_OTHER, "anonymous: login first");
    // a clean SVG is accepted, and removing an image drops it from the version
    let clean = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>"#;
    let version = version_of(&app, "/articles/chiefs-meeting/fr/edit", &editor).await;
    let mut edit = fields(&[("version", &version)]);
    edit.extend([("image-0-hash", hash.as_str()), ("image-0-file", "salle.png"), ("image-0-remove", "on")]);
    let reply = send_form(
        &app,
        "/articles/chiefs-meeting/fr/edit",
        &editor,
        multipart(Some(&csrf), &edit, Some(("carte.svg", clean))),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let stored = app.store().articles(&ArticleFilter::default()).unwrap();
    assert_eq!(stored[0].images.iter().map(|i| i.file.as_str()).collect::<Vec<_>>(), ["carte.svg"]);
    let svg_reply = app.get(&format!("/articles/images/{}", stored[0].images[0].hash), &editor).await;
    assert_eq!(svg_reply.content_type, "image/svg+xml");
}

#[tokio::test]
async fn served_images_are_not_sniffed() {
    let app = app();
    let editor = app.login(EDITOR).await;
    let csrf = app.token(&editor).await;
    let reply = send_form(&app, "/articles", &editor, multipart(Some(&csrf), &fields(&[]), Some(("a.png", PNG)))).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let request = Request::get(format!("/articles/images/{}", vigie_domain::article::content_hash(PNG)))
        .header(header::COOKIE, &editor)
        .body(Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(app.router.clone(), request).await.unwrap();
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert!(response.headers()["content-security-policy"].to_str().unwrap().contains("sandbox"));
}

#[tokio::test]
async fn every_change_is_audited_with_its_fields() {
    let app = app();
    let editor = app.login(EDITOR).await;
    create(&app, &editor, &[]).await;
    let csrf = app.token(&editor).await;
    let path = "/articles/chiefs-meeting/fr/edit";
    let version = version_of(&app, path, &editor).await;
    let changes = [("title", "Réunion des chefs d'état-major"), ("featured", "on"), ("version", &version)];
    let reply = send_form(&app, path, &editor, multipart(Some(&csrf), &fields(&changes), None)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    // saving it again unchanged (from the form as it is now) writes nothing
    let version = version_of(&app, path, &editor).await;
    let changes = [("title", "Réunion des chefs d'état-major"), ("featured", "on"), ("version", &version)];
    let reply = send_form(&app, path, &editor, multipart(Some(&csrf), &fields(&changes), None)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let reply = app.post("/articles/chiefs-meeting/fr/status", &format!("status=published&csrf={csrf}"), &editor).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let store = app.store();
    let entries = article_audit(store.as_ref());
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["article.publish", "article.update", "article.create"]);
    assert!(entries.iter().all(|e| e.actor == EDITOR && e.entity_id.as_deref() == Some("chiefs-meeting/fr")));
    let update: Vec<(&str, String, String)> =
        entries[1].changes.iter().map(|c| (c.field.as_str(), c.before.to_string(), c.after.to_string())).collect();
    assert_eq!(
        update,
        [
            ("title", "\"Les chefs d'état-major se réunissent\"".into(), "\"Réunion des chefs d'état-major\"".into()),
            ("featured", "false".into(), "true".into()),
        ]
    );
    assert_eq!(entries[0].changes[0].field, "status");
    assert_eq!(entries[0].changes[0].after, "published");
    let created = &entries[2].changes;
    assert!(created.iter().any(|c| c.field == "body"
        && c.before.is_null()
        && c.after == "Les chefs d'état-major se sont réunis à **Riyad**."));
    let stored = store.articles(&ArticleFilter::default()).unwrap();
    assert_eq!(stored[0].status, ArticleStatus::Published);
    assert!(stored[0].featured);
    // the history is on the version's page
    let page = app.get("/articles/chiefs-meeting/fr", &editor).await.body;
    assert!(page.contains("article.publish") && page.contains("article.create"), "{page}");
}

#[tokio::test]
async fn a_form_without_its_csrf_token_is_refused() {
    let app = app();
    let editor = app.login(EDITOR).await;
    let reply = send_form(&app, "/articles", &editor, multipart(None, &fields(&[]), None)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = send_form(&app, "/articles", &editor, multipart(Some(&"0".repeat(64)), &fields(&[]), None)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // the token must come first: a form that hides it after an upload is refused
    let csrf = app.token(&editor).await;
    let mut late = fields(&[]);
    late.insert(0, ("title", "x"));
    late.push(("csrf", &csrf));
    let reply = send_form(&app, "/articles", &editor, multipart(None, &late, None)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(app.store().articles(&ArticleFilter::default()).unwrap().is_empty());
    create(&app, &editor, &[]).await;
    let reply = app.post("/articles/chiefs-meeting/fr/status", "status=published", &editor).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(app.store().articles(&ArticleFilter::default()).unwrap()[0].status, ArticleStatus::Draft);
}

#[tokio::test]
async fn filters_and_search_narrow_the_list() {
    let app = app();
    let editor = app.login(EDITOR).await;
    create(&app, &editor, &[]).await;
    create(
        &app,
        &editor,
        &[
            ("id", "financing-workshop"),
            ("date", "2024-01-20"),
            ("title", "Atelier sur le financement"),
            ("kind", "opinion"),
            ("domains", "counter_financing"),
            ("status", "published"),
            ("body", "Les flux financiers des groupes armés."),
        ],
    )
    .await;
    let count = |body: &str| ["se réunissent", "Atelier sur le financement"].map(|t| body.contains(t));
    let all = app.get("/articles", &editor).await.body;
    assert_eq!(count(&all), [true, true]);
    // latest first
    assert!(all.find("Atelier").unwrap() < all.find("se réunissent").unwrap());
    for (query, expected) in [
        ("status=published", [false, true]),
        ("kind=news", [true, false]),
        ("domain=military", [true, false]),
        ("month=2024-01", [false, true]),
        ("language=en", [false, false]),
        ("q=RIYAD", [true, false]),
        ("q=flux+armes", [false, true]),
    ] {
        let reply = app.get(&format!("/articles?{query}"), &editor).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(count(&reply.body), expected, "{query}");
    }
    assert_eq!(app.get("/articles?kind=interview", &editor).await.status, StatusCode::BAD_REQUEST);
}

const PATH: &str = "/articles/chiefs-meeting/fr/edit";

/// Sends the editor of the French version with `changes` (`version`
/// among them, or none) as `cookie`.
async fn edit(app: &App, cookie: &str, changes: &[(&str, &str)]) -> Reply {
    let csrf = app.token(cookie).await;
    send_form(app, PATH, cookie, multipart(Some(&csrf), &fields(changes), None)).await
}

/// The French version as stored.
fn stored_version(app: &App) -> vigie_domain::Article {
    app.store().articles(&ArticleFilter::default()).unwrap().remove(0)
}

/// The article changes by `actor` in the audit log.
fn article_updates_by(app: &App, actor: &str) -> usize {
    article_audit(app.store().as_ref()).iter().filter(|e| e.actor == actor && e.action == "article.update").count()
}

#[tokio::test]
async fn a_save_from_a_stale_editor_is_refused_and_the_other_change_stands() {
    let app = app();
    let editor = app.login(EDITOR).await;
    let admin = app.login("admin@vigie.example").await;
    assert_eq!(create(&app, &editor, &[]).await.status, StatusCode::SEE_OTHER);
    // the editor opens the version; the administrator changes it meanwhile
    let stale = version_of(&app, PATH, &editor).await;
    let theirs = version_of(&app, PATH, &admin).await;
    assert_eq!(stale, theirs, "one version, one fingerprint");
    let reply = edit(&app, &admin, &[("title", "Titre de l'administrateur"), ("version", &theirs)]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    // a preview already says so, and writes nothing
    let mine = [("title", "Titre du rédacteur"), ("body", "Mon texte."), ("version", &stale)];
    let mut previewed = fields(&mine);
    previewed.retain(|(n, _)| *n != "action");
    previewed.push(("action", "preview"));
    let csrf = app.token(&editor).await;
    let preview = send_form(&app, PATH, &editor, multipart(Some(&csrf), &previewed, None)).await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(preview.body.contains(&shown(Lang::Fr, "web-article-changed")), "{}", preview.body);
    // the save: refused, the typed text shown again on the version opened
    let reply = edit(&app, &format!("{editor}; vigie_lang=en"), &mine).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(reply.body.contains(&shown(Lang::En, "web-article-changed")), "{}", reply.body);
    assert!(reply.body.contains(r#"value="Titre du rédacteur""#) && reply.body.contains(">Mon texte.</textarea>"));
    assert_eq!(version_in(&reply.body), stale);
    let stored = stored_version(&app);
    assert_eq!(stored.title, "Titre de l'administrateur", "the other change stands");
    assert_eq!(article_updates_by(&app, EDITOR), 0, "nothing written for the editor");
    assert_eq!(article_updates_by(&app, "admin@vigie.example"), 1);
    // a status changed meanwhile counts too: the form would set it back
    let opened = version_of(&app, PATH, &editor).await;
    let csrf = app.token(&admin).await;
    let reply = app.post("/articles/chiefs-meeting/fr/status", &format!("status=published&csrf={csrf}"), &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let reply = edit(&app, &editor, &[("title", "Titre du rédacteur"), ("version", &opened)]).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(stored_version(&app).status, ArticleStatus::Published);
    // an editor without a fingerprint proves nothing
    let reply = edit(&app, &editor, &[("title", "Titre du rédacteur")]).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(stored_version(&app).title, "Titre de l'administrateur");
    assert_eq!(article_updates_by(&app, EDITOR), 0);
}

#[tokio::test]
async fn a_preview_or_a_message_keeps_the_fingerprint_and_the_save_then_goes_through() {
    let app = app();
    let editor = app.login(EDITOR).await;
    assert_eq!(create(&app, &editor, &[]).await.status, StatusCode::SEE_OTHER);
    let opened = version_of(&app, PATH, &editor).await;
    // Preview, then Save from the previewed form
    let mut previewed = fields(&[("body", "Texte *revu*."), ("version", &opened)]);
    previewed.retain(|(n, _)| *n != "action");
    previewed.push(("action", "preview"));
    let csrf = app.token(&editor).await;
    let preview = send_form(&app, PATH, &editor, multipart(Some(&csrf), &previewed, None)).await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(preview.body.contains("<em>revu</em>"), "{}", preview.body);
    assert!(!preview.body.contains(&shown(Lang::Fr, "web-article-changed")));
    assert_eq!(version_in(&preview.body), opened, "the preview keeps the version opened");
    let reply = edit(&app, &editor, &[("body", "Texte *revu*."), ("version", &version_in(&preview.body))]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(stored_version(&app).body, "Texte *revu*.");
    // a wrong value, then corrected
    let opened = version_of(&app, PATH, &editor).await;
    assert_ne!(opened, version_in(&preview.body), "a saved change makes another fingerprint");
    let reply = edit(&app, &editor, &[("title", ""), ("version", &opened)]).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(version_in(&reply.body), opened);
    let reply = edit(&app, &editor, &[("title", "Titre corrigé"), ("version", &version_in(&reply.body))]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(stored_version(&app).title, "Titre corrigé");
    assert_eq!(article_updates_by(&app, EDITOR), 2);
}

/// A translator writes the versions a story lacks, and changes them while
/// they are drafts: only their texts (title, subtitle, body, author's
/// title, captions), whatever else the form says; never a new story, a
/// published version or a status.
#[tokio::test]
async fn a_translator_writes_a_story_s_missing_version_and_nothing_else() {
    let app = app();
    let editor = app.login(EDITOR).await;
    let reply = create(&app, &editor, &[("status", "published"), ("domains", "communication")]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let translator = format!("{}; vigie_lang=en", app.login(TRANSLATOR).await);
    // no new story
    assert_eq!(app.get("/articles/new", &translator).await.status, StatusCode::FORBIDDEN);
    assert_eq!(create(&app, &translator, &[("id", "by-a-translator")]).await.status, StatusCode::FORBIDDEN);
    // the French page offers the translation; the form holds the story's fields
    let page = unescaped(&app.get("/articles/chiefs-meeting/fr", &translator).await.body);
    assert!(page.contains("/articles/new?translation_of=chiefs-meeting&amp;language=ar"), "{page}");
    assert!(!page.contains("/articles/chiefs-meeting/fr/edit"), "the published version is not theirs to change");
    let form = app.get("/articles/new?translation_of=chiefs-meeting&language=ar&from=fr", &translator).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.body.contains(r#"placeholder="YYYY-MM-DD" disabled"#), "{}", form.body);
    assert!(!form.body.contains(r#"name="upload""#), "no image of their own");
    // whatever else the form says, only the texts are taken
    let csrf = app.token(&translator).await;
    let arabic = [
        ("id", "chiefs-meeting"),
        ("lang", "ar"),
        ("source", "fr"),
        ("date", "2020-01-01"),
        ("title", "اجتماع رؤساء الأركان"),
        ("kind", "opinion"),
        ("domains", "military"),
        ("author", "Hijacked"),
        ("author_title", "إدارة الاتصال"),
        ("status", "published"),
        ("featured", "on"),
        ("body", "اجتمع رؤساء الأركان في **الرياض**."),
        ("action", "save"),
    ];
    let reply = send_form(&app, "/articles", &translator, multipart(Some(&csrf), &arabic, None)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let stored = app.store().articles(&ArticleFilter { id: Some("chiefs-meeting".into()), ..ArticleFilter::default() });
    let stored = stored.unwrap();
    let ar = stored.iter().find(|a| a.lang == Lang::Ar).unwrap();
    let fr = stored.iter().find(|a| a.lang == Lang::Fr).unwrap();
    assert_eq!(ar.title, "اجتماع رؤساء الأركان");
    assert_eq!(ar.author_title, "إدارة الاتصال");
    assert_eq!((ar.date, ar.kind, &ar.domains, &ar.author), (fr.date, fr.kind, &fr.domains, &fr.author));
    assert_eq!((ar.status, ar.featured), (ArticleStatus::Draft, fr.featured));
    let created = app.audit_of("article.create");
    assert!(created.iter().any(|e| e.actor == TRANSLATOR), "{created:?}");
    // their draft they change; they do not publish it
    let path = "/articles/chiefs-meeting/ar/edit";
    let version = version_of(&app, path, &translator).await;
    let changed = [
        ("version", version.as_str()),
        ("title", "اجتماع رؤساء أركان الدول"),
        ("body", "نص."),
        ("action", "save"),
        ("lang", "ar"),
        ("id", "chiefs-meeting"),
    ];
    let reply = send_form(&app, path, &translator, multipart(Some(&csrf), &changed, None)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let reply =
        app.post("/articles/chiefs-meeting/ar/status", &format!("status=published&csrf={csrf}"), &translator).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // the published French version is not theirs
    assert_eq!(app.get("/articles/chiefs-meeting/fr/edit", &translator).await.status, StatusCode::FORBIDDEN);
    let french = fields(&[]);
    let reply =
        send_form(&app, "/articles/chiefs-meeting/fr/edit", &translator, multipart(Some(&csrf), &french, None)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // once published by an editor, the Arabic version is not theirs either
    let reply = app
        .post(
            "/articles/chiefs-meeting/ar/status",
            &format!("status=published&csrf={}", app.token(&editor).await),
            &editor,
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(app.get(path, &translator).await.status, StatusCode::FORBIDDEN);
}
