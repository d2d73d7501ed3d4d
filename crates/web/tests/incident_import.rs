//! The import of incident files from the web, driven in process: counts,
//! all or nothing, keeping the valid rows, a delegate's countries, the
//! rejects file, the size limit, roles (helpers in common/).

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::{Role, Status};
use vigie_store::IncidentFilter;

fn app() -> App {
    app_with(
        &[
            ("admin@vigie.example", Role::Admin, &[]),
            ("analyst@vigie.example", Role::Analyst, &[]),
            ("delegate.bf@vigie.example", Role::Delegate, &["BF"]),
            ("editor@vigie.example", Role::Editor, &[]),
            ("viewer@vigie.example", Role::Viewer, &[]),
        ],
        |_, _| {},
    )
}

const GOOD_BF: &str = "t-bf-1,2023-12-05,BF,Djibo,jnim,civilians,armed_assault,3,1,Attaque,https://a.example,verified";
const GOOD_ML: &str = "t-ml-1,2023-12-06,ML,Gao,is-sahel,military,ambush,5,,Embuscade,https://b.example,";
/// An upload with nothing but its file.
const NO_FIELDS: &[(&str, &str)] = &[];

const BAD_KILLED: &str = "t-bf-2,2023-12-07,BF,Kaya,jnim,civilians,armed_assault,-1,,Faux,https://c.example,";

/// The link to the rejects file in a result page.
fn rejects_link(body: &str) -> String {
    let end = body.find(r#"" id="rejects-file""#).expect("a rejects file link");
    let start = body[..end].rfind(r#"href=""#).unwrap() + r#"href=""#.len();
    body[start..end].replace("&#x2f;", "/")
}

#[tokio::test]
async fn an_import_writes_its_rows_once_and_is_audited() {
    let app = app();
    let analyst = app.login("analyst@vigie.example").await;
    let form = app.get("/incidents/import?lang=en", &analyst).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("at most 20 MiB"), "the limit is said");
    assert!(form.body.contains(r#"enctype="multipart/form-data""#));
    let content = file(&[GOOD_BF, GOOD_ML]);
    let analyst = format!("{analyst}; vigie_lang=en");
    let reply = app.upload(&analyst, "december.csv", content.as_bytes(), &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body.contains("The import was written."));
    assert_eq!((count_of(&reply.body, "New"), count_of(&reply.body, "Rejected")), (2, 0));
    assert!(!reply.body.contains("rejects-file"), "nothing rejected, nothing to download");
    // drafts, although the first row says verified: a second person approves them
    let store = app.store();
    assert_eq!(store.incident("t-bf-1").unwrap().unwrap().status, Status::Draft);
    assert_eq!(store.incident("t-ml-1").unwrap().unwrap().status, Status::Draft);
    let (imports, rows): (Vec<_>, Vec<_>) =
        app.audit_of("incident.import").into_iter().partition(|e| e.entity_id.is_none());
    assert_eq!(imports.len(), 1);
    assert_eq!(imports[0].actor, "analyst@vigie.example");
    // each incident's own entry, its values from nothing, against the importer
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|e| e.actor == "analyst@vigie.example"));
    let bf = rows.iter().find(|e| e.entity_id.as_deref() == Some("t-bf-1")).unwrap();
    assert!(bf.changes.iter().any(|c| c.field == "killed" && c.before.is_null() && c.after == "3"), "{bf:?}");
    assert_eq!(bf.detail.as_deref(), Some("december.csv, line 2"));
    let detail = imports[0].detail.as_deref().unwrap();
    assert!(detail.starts_with("december.csv (detected): 2 new, 0 updated, 0 unchanged, 0 rejected"), "{detail}");
    // the same file again changes nothing
    let again = app.upload(&analyst, "december.csv", content.as_bytes(), &[]).await;
    assert_eq!((count_of(&again.body, "New"), count_of(&again.body, "Unchanged")), (0, 2));
    assert_eq!(app.count(), 2);
}

#[tokio::test]
async fn one_bad_row_writes_nothing_and_is_located() {
    let app = app();
    let analyst = app.login("analyst@vigie.example").await;
    let content = file(&[GOOD_BF, BAD_KILLED, GOOD_ML]);
    let reply = app.upload(&analyst, "bad.csv", content.as_bytes(), &[]).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Rien n’a été écrit : un problème a été trouvé."), "{}", reply.body);
    // line, column (its label), what is wrong in the page's language, the value
    assert!(
        reply.body.contains(
            "<td>3</td><td>Tués</td><td>doit être égal ou supérieur à 0 (laissez vide si inconnu)</td><td>-1</td>"
        ),
        "{}",
        reply.body
    );
    assert_eq!(app.count(), 0);
    assert!(app.audit_of("incident.import").is_empty(), "an import that wrote nothing is not in the log");
    // the rejected rows, downloadable by who imported
    let link = rejects_link(&reply.body);
    assert!(link.starts_with("/incidents/import/rejects/"), "{link}");
    let rejects = app.get(&link, &analyst).await;
    assert_eq!(rejects.status, StatusCode::OK);
    assert!(rejects.content_type.starts_with("text/csv"));
    let lines: Vec<&str> = rejects.body.lines().collect();
    assert_eq!(lines.len(), 2, "{}", rejects.body);
    assert!(lines[0].ends_with(",reason") && lines[1].starts_with("t-bf-2,"), "{}", rejects.body);
    // why, in the page's language
    assert!(
        lines[1].contains("bad.csv:3: colonne killed : doit être égal ou supérieur à 0 (laissez vide si inconnu) (valeur donnée : \"\"-1\"\")"),
        "{}",
        rejects.body
    );
    // not for anyone else
    let admin = app.login("admin@vigie.example").await;
    assert_eq!(app.get(&link, &admin).await.status, StatusCode::NOT_FOUND);

    // in Arabic, right to left
    let reply = app.upload(&format!("{analyst}; vigie_lang=ar"), "bad.csv", content.as_bytes(), &[]).await;
    assert!(reply.body.contains(r#"dir="rtl""#));
    assert!(reply.body.contains("يجب أن يكون 0 أو أكثر"), "{}", reply.body);
}

#[tokio::test]
async fn keeping_going_imports_the_valid_rows() {
    let app = app();
    let analyst = app.login("analyst@vigie.example").await;
    let content = file(&[GOOD_BF, BAD_KILLED, GOOD_ML]);
    let session = format!("{analyst}; vigie_lang=en");
    let reply = app.upload(&session, "bad.csv", content.as_bytes(), &[("skip_invalid", "1")]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!((count_of(&reply.body, "New"), count_of(&reply.body, "Rejected")), (2, 1));
    assert!(reply.body.contains("<td>3</td><td>Killed</td><td>must be 0 or more (leave empty when not known)</td>"));
    assert!(reply.body.contains("rejects-file"));
    assert_eq!(app.count(), 2);
    assert!(app.store().incident("t-bf-2").unwrap().is_none());
    let import = app.audit_of("incident.import").into_iter().find(|e| e.entity_id.is_none()).unwrap();
    let detail = import.detail.unwrap();
    assert!(detail.contains("2 new, 0 updated, 0 unchanged, 1 rejected"), "{detail}");
}

/// Rows without an id: a delegate's file adds incidents that way (an id
/// names an incident to change).
const NEW_BF: &str = ",2023-12-05,BF,Djibo,jnim,civilians,armed_assault,3,1,Attaque,https://a.example,verified";
const NEW_ML: &str = ",2023-12-06,ML,Gao,is-sahel,military,ambush,5,,Embuscade,https://b.example,";

#[tokio::test]
async fn a_delegate_imports_drafts_of_their_own_countries_only() {
    let app = app();
    let delegate = app.login("delegate.bf@vigie.example").await;
    let form = app.get("/incidents/import", &delegate).await;
    assert!(form.body.contains("(BF)") && !form.body.contains(r#"name="default_status""#));
    let content = file(&[NEW_BF, NEW_ML]);
    // all or nothing: the ML row stops the import
    let reply = app.upload(&delegate, "mixed.csv", content.as_bytes(), &[]).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("<td>3</td><td>Pays</td><td>n’est pas l’un de vos pays (BF)"), "{}", reply.body);
    assert_eq!(app.count(), 0);
    // keeping going: the BF row, as a draft although the file says verified
    let reply = app.upload(&delegate, "mixed.csv", content.as_bytes(), &[("skip_invalid", "1")]).await;
    assert_eq!((count_of(&reply.body, "Nouveaux"), count_of(&reply.body, "Rejetés")), (1, 1));
    let mut ids = Vec::new();
    let mut keep = |i: vigie_domain::Incident| {
        ids.push((i.id, i.country, i.status));
        Ok(())
    };
    app.store().incidents(&IncidentFilter::default(), &mut keep).unwrap();
    assert_eq!(ids.len(), 1);
    let (id, country, status) = ids.remove(0);
    assert_eq!((country.as_str(), status), ("BF", Status::Draft));

    // once verified, the delegate's file leaves it alone: the same row is
    // unchanged, a changed one is refused, with or without its id
    let analyst = app.login("analyst@vigie.example").await;
    let fields = app.review_fields(&analyst, &id).await;
    let approved = app.post(&format!("/incidents/{id}/approve"), &fields, &analyst).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    let reply = app.upload(&delegate, "bf.csv", file(&[NEW_BF]).as_bytes(), &[]).await;
    assert_eq!(count_of(&reply.body, "Inchangés"), 1, "{}", reply.body);
    let changed = NEW_BF.replace(",3,1,", ",4,1,");
    for row in [changed.clone(), format!("{id}{changed}")] {
        let reply = app.upload(&delegate, "bf.csv", file(&[&row]).as_bytes(), &[]).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("désigne un incident vérifié"), "{}", reply.body);
    }
    let stored = app.store().incident(&id).unwrap().unwrap();
    assert_eq!((stored.status, stored.killed), (Status::Verified, Some(3)));
}

#[tokio::test]
async fn viewers_and_editors_do_not_import() {
    let app = app();
    for email in ["viewer@vigie.example", "editor@vigie.example"] {
        let session = app.login(email).await;
        assert_eq!(app.get("/incidents/import", &session).await.status, StatusCode::FORBIDDEN);
        // the page's token: what is refused is the role
        let csrf = app.token(&session).await;
        let body = multipart(Some(&csrf), NO_FIELDS, Some(("file", "a.csv", file(&[GOOD_BF]).as_bytes())));
        assert_eq!(
            app.post_multipart("/incidents/import", body, &session).await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
    }
    assert_eq!(app.count(), 0);
}

#[tokio::test]
async fn an_upload_needs_its_csrf_token_and_a_size_within_the_limit() {
    let app = app();
    let analyst = app.login("analyst@vigie.example").await;
    // no token: refused before anything is read
    let body = multipart(None, NO_FIELDS, Some(("file", "a.csv", file(&[GOOD_BF]).as_bytes())));
    assert_eq!(app.post_multipart("/incidents/import", body, &analyst).await.status, StatusCode::FORBIDDEN);
    // too large: the form again, saying the limit
    let mut big = file(&[GOOD_BF]).into_bytes();
    big.resize(20 * 1024 * 1024 + 1, b'\n');
    let reply = app.upload(&format!("{analyst}; vigie_lang=en"), "big.csv", &big, &[]).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(reply.body.contains("The file is larger than 20 MiB"), "{}", reply.body);
    // no file
    let reply = app.upload(&analyst, "empty.csv", b"", &[]).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.body.contains("Choisissez un fichier"));
    assert_eq!(app.count(), 0);
}

#[tokio::test]
async fn an_id_that_would_hide_behind_a_fixed_address_is_refused() {
    let app = app();
    let analyst = app.login("analyst@vigie.example").await;
    let reserved = "import,2023-12-05,BF,Djibo,jnim,civilians,armed_assault,3,1,Attaque,https://a.example,";
    let content = file(&[GOOD_BF, reserved]);
    for lang in [vigie_domain::Lang::Fr, vigie_domain::Lang::Ar] {
        let reply = app.upload(&format!("{analyst}; vigie_lang={lang}"), "ids.csv", content.as_bytes(), &[]).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        let message = vigie_i18n::field_error_kind(lang, &vigie_domain::FieldErrorKind::ReservedId);
        assert!(reply.body.contains(&message), "{lang}: no {message:?} in {}", reply.body);
        assert_eq!(app.count(), 0, "nothing written");
    }
    // the address still leads to the import form
    let form = app.get("/incidents/import", &analyst).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains(r#"type="file""#), "{}", form.body);
}

#[tokio::test]
async fn a_file_of_the_wrong_shape_is_said_in_the_page_language() {
    let app = app();
    let analyst = app.login("analyst@vigie.example").await;
    let content = file(&[GOOD_BF]).replacen("id,", "identifiant,", 1);
    for (lang, said) in [
        ("fr", "colonne inconnue (les colonnes sont : id, date,"),
        ("ar", "عمود غير معروف (الأعمدة المعروفة: id, date,"),
    ] {
        let reply = app.upload(&format!("{analyst}; vigie_lang={lang}"), "shape.csv", content.as_bytes(), &[]).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert!(reply.body.contains(said), "{lang}: no {said:?} in {}", reply.body);
    }
    assert_eq!(app.count(), 0);
}
