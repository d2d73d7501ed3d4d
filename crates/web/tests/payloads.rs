//! Hostile text typed into every web form whose fields reach a page or the
//! bulletin — scripts, attribute break-outs, `javascript:` addresses,
//! template and Typst markup, raw HTML in Markdown — followed end to end:
//! every page that shows it and the bulletin's HTML hold it as text (read by
//! an HTML parser, as a browser would), and the bulletin's PDF prints it as
//! written (`pdftotext`, Debian's poppler-utils). Helpers in common/.

mod common;

use axum::http::StatusCode;
use common::*;
use scraper::{Html, Node};
use vigie_domain::{Role, Status};

const ADMIN: &str = "admin@vigie.example";
/// Approves what the administrator imported (four eyes).
const REVIEWER: &str = "reviewer@vigie.example";

/// What is typed: one line each, 200 characters at most with a tag, so
/// that every one-line field takes them.
const HOSTILE: [&str; 8] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}{% raw %}",
    // not last: a backslash ending a Markdown line is a line break
    "#strong[x] #import \"x\" $ a $ \\ ]",
    "<iframe>",
    "<svg onload=alert(1)>",
    // a PDF string left open: an outline title is one
    ")/JS(app.alert(1)",
];

/// The value a field gets: its tag (to find it again), then every hostile
/// string.
fn hostile(tag: &str) -> String {
    format!("{tag} {}", HOSTILE.join(" "))
}

/// Where a field's text is printed in the bulletin.
enum Printed {
    /// Only in the web pages.
    Pages,
    /// In the editions of these languages too.
    In(&'static [&'static str]),
}

use Printed::{In, Pages};

const ALL_EDITIONS: &[&str] = &["fr", "en", "ar"];

/// Every text field filled with `hostile(tag)`: (form, field, tag, where the
/// bulletin prints it). The bulletin prints a record's text in the
/// edition's language, or in the first language it has (fr, en, ar).
const FIELDS: &[(&str, &str, &str, Printed)] = &[
    ("incident", "location", "incident-location", Pages),
    ("incident", "admin1", "incident-admin1", Pages),
    ("incident", "description", "incident-description", Pages),
    ("incident", "sources", "incident-sources", Pages),
    ("activity", "title_fr", "activity-title-fr", In(&["fr"])),
    ("activity", "title_en", "activity-title-en", In(&["en"])),
    ("activity", "title_ar", "activity-title-ar", In(&["ar"])),
    ("activity", "place_fr", "activity-place-fr", Pages),
    ("activity", "place_en", "activity-place-en", Pages),
    ("activity", "place_ar", "activity-place-ar", Pages),
    ("activity", "description_fr", "activity-description-fr", Pages),
    ("activity", "description_en", "activity-description-en", Pages),
    ("activity", "description_ar", "activity-description-ar", Pages),
    ("activity", "counterpart_org_fr", "activity-org-fr", Pages),
    ("activity", "counterpart_org_en", "activity-org-en", Pages),
    ("activity", "counterpart_org_ar", "activity-org-ar", Pages),
    ("activity", "counterpart_person", "activity-person", Pages),
    ("activity", "counterpart_person_ar", "activity-person-ar", Pages),
    ("activity", "counterpart_title_fr", "act-ptitle-fr", Pages),
    ("activity", "counterpart_title_en", "act-ptitle-en", Pages),
    ("activity", "counterpart_title_ar", "act-ptitle-ar", Pages),
    ("note", "text_fr", "note-fr", In(&["fr"])),
    ("note", "text_en", "note-en", In(&["en"])),
    ("note", "text_ar", "note-ar", In(&["ar"])),
    ("member", "representative_title", "member-title", Pages),
    ("member", "day_fr_0", "national-day-fr", In(&["fr"])),
    ("member", "day_en_0", "national-day-en", In(&["en"])),
    ("member", "day_ar_0", "national-day-ar", In(&["ar"])),
    ("partner", "name_fr", "partner-fr", In(&["fr"])),
    ("partner", "name_en", "partner-en", In(&["en"])),
    ("partner", "name_ar", "partner-ar", In(&["ar"])),
    ("partner", "kind_fr", "partner-kind-fr", Pages),
    ("partner", "kind_en", "partner-kind-en", Pages),
    ("partner", "kind_ar", "partner-kind-ar", Pages),
    ("agreement", "title_fr", "agreement-fr", In(&["fr"])),
    ("agreement", "title_en", "agreement-en", In(&["en"])),
    ("agreement", "title_ar", "agreement-ar", In(&["ar"])),
    ("agreement", "areas_fr", "agreement-areas-fr", In(&["fr"])),
    ("agreement", "areas_en", "agreement-areas-en", In(&["en"])),
    ("agreement", "areas_ar", "agreement-areas-ar", In(&["ar"])),
    ("agreement", "reference", "agreement-reference", In(ALL_EDITIONS)),
    // the French version, printed where no other version is (en)
    ("article", "title", "article-title", In(&["fr", "en"])),
    ("article", "subtitle", "article-subtitle", In(&["fr", "en"])),
    ("article", "author", "article-author", In(&["fr", "en"])),
    ("article", "upload_caption", "article-caption", In(&["fr", "en"])),
    ("article-ar", "title", "article-ar-title", In(&["ar"])),
];

/// The value typed in `form`'s `field`.
fn value(form: &str, field: &str) -> String {
    let (_, _, tag, _) = FIELDS
        .iter()
        .find(|(f, name, _, _)| *f == form && *name == field)
        .unwrap_or_else(|| panic!("{form}.{field} is not in FIELDS"));
    hostile(tag)
}

/// `form`'s fields as a urlencoded body: `fixed` as given, the table's
/// text fields of `form` hostile.
fn urlencoded(form: &str, fixed: &[(&str, &str)]) -> String {
    let typed = FIELDS.iter().filter(|(f, ..)| *f == form).map(|(_, field, tag, _)| (*field, hostile(tag)));
    fixed
        .iter()
        .map(|(k, v)| (*k, v.to_string()))
        .chain(typed)
        .map(|(k, v)| format!("{k}={}", encode(&v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The Markdown body of the French version: hostile paragraphs, raw HTML
/// blocks, and links and an image to addresses that may not be followed.
fn article_body() -> String {
    format!(
        "{}\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<script>alert(2)</script>\n\n\
         {}\n\n[click](javascript:alert(1)) <javascript:alert(3)> ![x](javascript:alert(4))\n",
        hostile("article-body-one"),
        hostile("article-body-two"),
    )
}

/// Body paragraphs printed as they were typed.
const BODY_TAGS: [&str; 2] = ["article-body-one", "article-body-two"];

/// A plain drawing, which the bulletin prints (PDF and HTML).
const SVG: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#345"/></svg>"##;

/// Group names an incident import brings in: the statistics' charts print
/// them, shortened to 34 characters, so these are short.
const GROUPS: [&str; 2] = ["<script>alert(1)</script>", "#strong[x] $ math $ {{ 7*7 }}"];

/// A native CSV field.
fn csv_field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Two verified incidents of December 2023 in Burkina Faso, each by a new
/// group with a hostile name.
fn incident_file() -> String {
    let mut text =
        "id,date,country,location,perpetrator,target,method,killed,wounded,description,sources,status\n".to_string();
    for (n, group) in GROUPS.iter().enumerate() {
        let row = [
            format!("hostile-{n}"),
            format!("2023-12-{:02}", n + 4),
            "BF".into(),
            csv_field(&hostile(&format!("imported-location-{n}"))),
            csv_field(group),
            "civilians".into(),
            "armed_assault".into(),
            "3".into(),
            "1".into(),
            csv_field(&hostile(&format!("imported-description-{n}"))),
            "https://news.example/a".into(),
            "verified".into(),
        ];
        text.push_str(&row.join(","));
        text.push('\n');
    }
    text
}

impl App {
    /// Posts `form` with the session's token; the reply must be a redirect
    /// (the form was saved).
    async fn submit(&self, path: &str, form: &str, session: &str) -> Reply {
        let reply = self.post_form(path, form, session).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}: {}", reply.body);
        reply
    }
}

/// The incident form: its text fields hostile, its perpetrator `perpetrator`.
fn incident_form(perpetrator: &str) -> String {
    let fixed = [
        ("date", "2023-12-05"),
        ("country", "BF"),
        ("latitude", ""),
        ("longitude", ""),
        ("perpetrator", perpetrator),
        ("target", "civilians"),
        ("method", "armed_assault"),
        ("killed", "1"),
        ("wounded", ""),
        ("kidnapped", ""),
    ];
    urlencoded("incident", &fixed)
}

/// The fields of the French version of the story, its body included.
fn article_fields(action: &str) -> Vec<(&'static str, String)> {
    let mut fields: Vec<(&str, String)> = vec![
        ("id", "hostile-story".into()),
        ("lang", "fr".into()),
        ("date", "2023-12-13".into()),
        ("kind", "news".into()),
        ("domains", "military".into()),
        ("status", "published".into()),
        ("featured", "on".into()),
        ("body", article_body()),
        ("action", action.into()),
    ];
    fields.extend(FIELDS.iter().filter(|(f, ..)| *f == "article").map(|(_, field, tag, _)| (*field, hostile(tag))));
    fields
}

/// Every form of the table filled in through the web, as an administrator
/// (who may write them all); the id of the incident entered in the form.
async fn type_everything(app: &App, admin: &str) -> String {
    let reply = app.submit("/incidents", &incident_form("jnim"), admin).await;
    let incident_id = reply.location.unwrap().strip_prefix("/incidents/").unwrap().to_string();

    // a further person of its counterparts: a line of the form, the name hostile
    let people = format!(" | {}", hostile("activity-people"));
    let activity = urlencoded(
        "activity",
        &[
            ("people", &people),
            ("id", "hostile-activity"),
            ("kind", "workshop"),
            ("date", "2023-12-07"),
            ("end_date", ""),
            ("domains", "military"),
            ("article", ""),
            // a highlight puts it in the year's timeline (December issue)
            ("highlight", "1"),
            ("counterpart_country", "BF"),
        ],
    );
    app.submit("/activities", &activity, admin).await;
    let note = urlencoded("note", &[("region", "aes"), ("month", "2023-12"), ("country", "BF")]);
    app.submit("/notes", &note, admin).await;
    // Burkina Faso's national day, 11 December, is in the issue's month
    let member = urlencoded("member", &[("country", "BF"), ("joined", "2017-12-15"), ("day_date_0", "12-11")]);
    app.submit("/members", &member, admin).await;
    let partner = urlencoded("partner", &[("id", "hostile-partner"), ("scope", "regional")]);
    app.submit("/partners", &partner, admin).await;
    let agreement = urlencoded("agreement", &[("signed", "2023-12-05")]);
    app.submit("/partners/hostile-partner/agreements", &agreement, admin).await;

    // the story, French then Arabic, through the editor (multipart); the
    // image's file name is hostile too
    let csrf = app.token(admin).await;
    let body = multipart(Some(&csrf), &article_fields("save"), Some(("upload", "<svg onload=alert(1)>.svg", SVG)));
    let reply = app.post_multipart("/articles", body, admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let arabic: Vec<(&str, String)> = vec![
        ("id", "hostile-story".into()),
        ("lang", "ar".into()),
        ("source", "fr".into()),
        ("date", "2023-12-13".into()),
        ("title", value("article-ar", "title")),
        ("kind", "news".into()),
        ("domains", "military".into()),
        ("status", "published".into()),
        ("body", format!("اجتماع {}", hostile("article-ar-body"))),
        ("action", "save".into()),
    ];
    let reply = app.post_multipart("/articles", multipart(Some(&csrf), &arabic, None), admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);

    // verified incidents of new groups, for the statistics' charts
    let fields = [("new_groups", "on".to_string())];
    let file = incident_file();
    let body = multipart(Some(&csrf), &fields, Some(("file", "hostile.csv", file.as_bytes())));
    let reply = app.post_multipart("/incidents/import", body, admin).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_inert(&reply.body, "the import's result");
    // verified by a second person, the whole import at once
    let reviewer = app.login(REVIEWER).await;
    assert_inert(&app.get(&import_review_link(&reply.body), &reviewer).await.body, "the import's drafts");
    app.approve_import(&reply.body, &reviewer).await;
    assert_eq!(app.store().incident("hostile-1").unwrap().map(|i| i.status), Some(Status::Verified), "{}", reply.body);
    incident_id
}

/// An application where an administrator typed hostile text in every form;
/// their session, and the id of the incident entered in its form.
async fn typed_app() -> (App, String, String) {
    let app = app_with(&[(ADMIN, Role::Admin, &[]), (REVIEWER, Role::Analyst, &[])], |_, _| {});
    let admin = app.login(ADMIN).await;
    let incident = type_everything(&app, &admin).await;
    (app, admin, incident)
}

/// The attributes whose value a browser follows or loads.
const ADDRESS_ATTRIBUTES: [&str; 8] = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"];

/// Fails when the page holds markup a browser would run or load: a script
/// or frame element, an event handler attribute, a `javascript:` address,
/// the payloads' `<img src=x>` or `<svg onload>`. Parsed as a browser parses
/// it, so text that looks like markup is not mistaken for it.
fn assert_inert(html: &str, what: &str) {
    let document = Html::parse_document(html);
    for node in document.tree.nodes() {
        let Node::Element(element) = node.value() else { continue };
        let name = element.name();
        assert!(!matches!(name, "script" | "iframe" | "object" | "embed" | "frame"), "{what}: a <{name}> element");
        for (attribute, value) in element.attrs() {
            assert!(!attribute.to_ascii_lowercase().starts_with("on"), "{what}: <{name} {attribute}=\"{value}\">");
            let address = value.trim().to_ascii_lowercase();
            let followed = ADDRESS_ATTRIBUTES.contains(&attribute.to_ascii_lowercase().as_str());
            assert!(!(followed && address.starts_with("javascript:")), "{what}: <{name} {attribute}=\"{value}\">");
        }
        assert!(!(name == "img" && element.attr("src") == Some("x")), "{what}: the payload's <img>");
    }
}

/// Everything a page says: its text and its attributes' values, as a
/// reader (or a form) gets them back.
fn said(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut said = String::new();
    for node in document.tree.nodes() {
        match node.value() {
            Node::Text(text) => said.push_str(text),
            Node::Element(element) => {
                for (_, value) in element.attrs() {
                    said.push('\n');
                    said.push_str(value);
                }
            }
            _ => {}
        }
        said.push('\n');
    }
    said
}

/// The page holds `value` as text, and the template markup in it was not
/// evaluated.
fn assert_says(html: &str, value: &str, what: &str) {
    let said = said(html);
    assert!(said.contains(value), "{what}: {value:?} is not said as typed in:\n{html}");
    assert!(!said.contains("javascript:alert(1) 49"), "{what}: {{{{ 7*7 }}}} was evaluated");
}

/// A value as the audit log shows it: inside its changes' JSON.
fn in_json(value: &str) -> String {
    serde_json::to_string(value).unwrap().trim_matches('"').to_string()
}

/// The values of `form`'s text fields.
fn values_of(form: &str) -> Vec<String> {
    FIELDS.iter().filter(|(f, ..)| *f == form).map(|(_, _, tag, _)| hostile(tag)).collect()
}

/// `path` in the interface language `lang`.
fn in_lang(path: &str, lang: &str) -> String {
    let joint = if path.contains('?') { '&' } else { '?' };
    format!("{path}{joint}lang={lang}")
}

#[tokio::test]
async fn every_page_shows_hostile_text_as_text() {
    let (app, admin, incident) = typed_app().await;
    let v = value;
    let article = [
        v("article", "title"),
        v("article", "subtitle"),
        v("article", "author"),
        v("article", "upload_caption"),
        hostile(BODY_TAGS[0]),
        hostile(BODY_TAGS[1]),
    ];
    let groups = GROUPS.map(String::from);
    // each page, and what it must say (in French); a list shows a record's
    // main fields, its page and its form all of them
    let pages: Vec<(String, Vec<String>)> = vec![
        ("/".into(), vec![]),
        (
            "/incidents".into(),
            vec![v("incident", "location"), hostile("imported-location-0"), groups[0].clone(), groups[1].clone()],
        ),
        (format!("/incidents?search={}", encode("incident-location")), vec![v("incident", "location")]),
        (format!("/incidents/{incident}"), values_of("incident")),
        (format!("/incidents/{incident}/edit"), values_of("incident")),
        (
            "/incidents/hostile-0".into(),
            vec![hostile("imported-location-0"), hostile("imported-description-0"), groups[0].clone()],
        ),
        ("/activities".into(), vec![v("activity", "title_fr"), v("activity", "place_fr")]),
        ("/activities?search=activity-place".into(), vec![v("activity", "title_fr")]),
        ("/activities/hostile-activity".into(), [values_of("activity"), vec![hostile("activity-people")]].concat()),
        (
            "/activities/hostile-activity/edit".into(),
            [values_of("activity"), vec![hostile("activity-people")]].concat(),
        ),
        ("/notes?region=aes&month=2023-12".into(), vec![v("note", "text_fr")]),
        ("/notes/aes/2023-12/BF/edit".into(), values_of("note")),
        ("/members".into(), vec![v("member", "representative_title"), v("member", "day_fr_0")]),
        ("/members/BF/edit".into(), values_of("member")),
        (
            "/partners".into(),
            vec![
                v("partner", "name_fr"),
                v("partner", "kind_fr"),
                v("agreement", "title_fr"),
                v("agreement", "areas_fr"),
                v("agreement", "reference"),
            ],
        ),
        ("/partners/hostile-partner/edit".into(), values_of("partner")),
        ("/partners/hostile-partner/agreements/0/edit".into(), values_of("agreement")),
        ("/articles".into(), vec![v("article", "title")]),
        ("/articles/hostile-story/fr".into(), article.to_vec()),
        ("/articles/hostile-story/fr/edit".into(), [&article[..4], &[article_body()]].concat()),
        ("/articles/hostile-story/ar".into(), vec![v("article-ar", "title"), hostile("article-ar-body")]),
        // a translation's form shows its source
        (
            "/articles/new?translation_of=hostile-story&language=en&from=fr".into(),
            vec![v("article", "title"), hostile(BODY_TAGS[0])],
        ),
        ("/bulletins?month=2023-12".into(), vec![v("article", "title")]),
        // the statistics' charts name the perpetrators
        ("/dashboard?region=aes&month=2023-12".into(), groups.to_vec()),
        // changes are shown as JSON
        (
            "/audit".into(),
            [v("activity", "place_fr"), v("note", "text_ar"), v("article", "title")].map(|v| in_json(&v)).to_vec(),
        ),
    ];
    for (path, expected) in &pages {
        for lang in ["fr", "en", "ar"] {
            let page = app.get(&in_lang(path, lang), &admin).await;
            assert_eq!(page.status, StatusCode::OK, "{path} {lang}: {}", page.body);
            assert_inert(&page.body, &format!("{path} {lang}"));
            if lang == "fr" {
                for value in expected {
                    assert_says(&page.body, value, path);
                }
            }
        }
    }

    // forms shown again with their messages keep what was typed, as text
    let csrf = app.token(&admin).await;
    let perpetrator = hostile("incident-perpetrator");
    let reply = app.post("/incidents", &format!("{}&csrf={csrf}", incident_form(&perpetrator)), &admin).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "an unknown group is refused");
    assert_inert(&reply.body, "the incident form");
    for value in [values_of("incident"), vec![perpetrator]].concat() {
        assert_says(&reply.body, &value, "the incident form");
    }
    let activity = urlencoded(
        "activity",
        &[("id", "again"), ("kind", "workshop"), ("date", "07/12/2023"), ("counterpart_country", "BF")],
    );
    let reply = app.post("/activities", &format!("{activity}&csrf={csrf}"), &admin).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "a wrong date is refused");
    assert_inert(&reply.body, "the activity form");
    for value in values_of("activity") {
        assert_says(&reply.body, &value, "the activity form");
    }
    // the editor's preview renders the body on the server
    let body = multipart(Some(&csrf), &article_fields("preview"), None);
    let preview = app.post_multipart("/articles", body, &admin).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert_inert(&preview.body, "the preview");
    for value in &article[..2] {
        assert_says(&preview.body, value, "the preview");
    }
    assert_says(&preview.body, &hostile(BODY_TAGS[1]), "the preview");
}

/// What the edition in `lang` prints of the typed text.
fn printed_in(lang: &str) -> Vec<String> {
    let mut printed: Vec<String> = FIELDS
        .iter()
        .filter(|(.., printed)| matches!(printed, In(langs) if langs.contains(&lang)))
        .map(|(_, _, tag, _)| hostile(tag))
        .collect();
    if lang == "ar" {
        printed.push(hostile("article-ar-body"));
    } else {
        printed.extend(BODY_TAGS.map(hostile));
    }
    // the statistics' charts
    printed.extend(GROUPS.map(String::from));
    printed
}

/// The text of a PDF's pages between their running head and foot (A4,
/// points), by `pdftotext`: a paragraph broken across pages reads on.
fn pdf_text(pdf: &[u8]) -> String {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(&mut file, pdf).unwrap();
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-x", "0", "-y", "60", "-W", "596", "-H", "720"])
        .arg(file.path())
        .arg("-")
        .output()
        .expect("pdftotext (Debian's poppler-utils) runs");
    assert!(output.status.success(), "pdftotext: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// Text without what the PDF's layout adds: white space (a line may end
/// after any `/`), the soft hyphen of a word broken at a line's end, the
/// bidi controls pdftotext wraps runs in.
fn compact(text: &str) -> String {
    let bidi =
        |c: char| matches!(c, '\u{AD}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    text.chars().filter(|c| !c.is_whitespace() && !bidi(*c)).collect()
}

/// The Latin letters and digits of a text, in order. In a right-to-left
/// edition a Latin line keeps them in order, while the punctuation at
/// either end of a run is placed by the bidi algorithm, and pdftotext may
/// put the line's Arabic words (a country's name) in between.
fn latin_letters(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).collect()
}

#[tokio::test]
async fn the_bulletin_prints_hostile_text_as_written() {
    let (app, admin, _) = typed_app().await;
    let csrf = app.token(&admin).await;
    // December: the year's timeline too; the story on the cover; the region
    // of the note and of the incidents
    let form = format!("number=7&month=2023-12&featured=hostile-story&position-hostile-story=1&region=aes&csrf={csrf}");
    let reply = app.post("/bulletins", &form, &admin).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "the issue is built: {}", reply.body);

    for lang in ["fr", "en", "ar"] {
        let html = app.get(&format!("/bulletins/7/{lang}.html"), &admin).await;
        assert_eq!(html.status, StatusCode::OK);
        let what = format!("the {lang} HTML edition");
        assert_inert(&html.body, &what);
        for value in printed_in(lang) {
            assert_says(&html.body, &value, &what);
        }

        let pdf = app.get(&format!("/bulletins/7/{lang}.pdf"), &admin).await;
        assert!(pdf.bytes.starts_with(b"%PDF-"), "the {lang} PDF compiled");
        // the outline repeats the titles in PDF strings: none is left open
        assert!(!pdf.body.contains(")/JS("), "an unescaped PDF string in the {lang} PDF");
        if lang != "ar" {
            // (Latin titles are written as they are, so the above could fail)
            assert!(pdf.body.contains(r"\)/JS\(app.alert"), "the {lang} outline holds the title");
        }
        let text = compact(&pdf_text(&pdf.bytes));
        for value in printed_in(lang) {
            if lang == "ar" {
                assert!(
                    latin_letters(&text).contains(&latin_letters(&value)),
                    "the {lang} PDF lacks {value:?}:\n{text}"
                );
            } else {
                // as written: the Typst markup was not interpreted
                assert!(text.contains(&compact(&value)), "the {lang} PDF lacks {value:?}:\n{text}");
            }
        }
    }
}

/// The page checks fail on what they look for: markup typed raw into a
/// page, an address that runs, text escaped twice.
#[test]
fn the_checks_see_markup_that_would_run() {
    let raw = [
        "<script>alert(1)</script>",
        "<iframe></iframe>",
        "<svg onload=alert(1)>",
        "<a href=\" JavaScript:alert(1)\">x</a>",
        "<form><button formaction=\"javascript:alert(1)\">x</button></form>",
    ];
    for markup in raw {
        let page = format!("<!DOCTYPE html><p>{markup}</p>");
        assert!(std::panic::catch_unwind(|| assert_inert(&page, "raw")).is_err(), "{markup}");
    }
    // out of an attribute's quotes
    let page = format!("<!DOCTYPE html><input value=\"{}\">", HOSTILE[1]);
    assert!(std::panic::catch_unwind(|| assert_inert(&page, "raw")).is_err());

    let escaped =
        "<p title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">&lt;script&gt;alert(1)&lt;&#x2f;script&gt;</p>";
    assert_inert(escaped, "escaped");
    assert_says(escaped, HOSTILE[0], "escaped text");
    assert_says(escaped, HOSTILE[1], "an escaped attribute");
    let twice = "<p>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;</p>";
    assert!(std::panic::catch_unwind(|| assert_says(twice, HOSTILE[0], "twice")).is_err());
    let evaluated = "<p>javascript:alert(1) 49</p>";
    assert!(std::panic::catch_unwind(|| assert_says(evaluated, "javascript:alert(1)", "evaluated")).is_err());
}
