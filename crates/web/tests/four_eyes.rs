//! Sovereignty and four eyes on every door of the web, each hole a probe
//! found reproduced as it was reported: a delegate's import rewriting
//! another country's draft, imports verifying alone, approvals of a
//! version nobody saw, a draft's history shown to everyone, groups made by
//! rejected rows; then the import matrix (role × the row's country × what
//! its id names) and the batch approval of an import's drafts.

mod common;

use axum::http::StatusCode;
use common::*;
use vigie_domain::{CountryCode, Incident, Role, Status};

fn app() -> App {
    app_with(
        &[
            ("admin@vigie.example", Role::Admin, &[]),
            ("analyst1@vigie.example", Role::Analyst, &[]),
            ("analyst2@vigie.example", Role::Analyst, &[]),
            ("analyst3@vigie.example", Role::Analyst, &[]),
            ("editor@vigie.example", Role::Editor, &[]),
            ("delegate.bf@vigie.example", Role::Delegate, &["BF"]),
            ("delegate.ml@vigie.example", Role::Delegate, &["ML"]),
            ("viewer@vigie.example", Role::Viewer, &[]),
        ],
        |_, _| {},
    )
}

/// A native row: `id` (may be empty), `country`, `killed`, `status`.
fn row(id: &str, country: &str, killed: u32, status: &str) -> String {
    format!("{id},2023-12-05,{country},Djibo,jnim,civilians,armed_assault,{killed},1,Probe,https://p.example,{status}")
}

/// A result page with `id` and the rejects file's token blanked out, to
/// compare two answers.
fn blanked(body: &str, id: &str) -> String {
    let marker = "/incidents/import/rejects/";
    let mut parts = unescaped(body).replace(id, "ID").split(marker).map(str::to_string).collect::<Vec<_>>();
    for part in parts.iter_mut().skip(1) {
        part.replace_range(..64, "TOKEN");
    }
    parts.join(marker)
}

fn status_of(app: &App, id: &str) -> Status {
    app.store().incident(id).unwrap().unwrap().status
}

/// Hole 1: `delegate.bf` imports a row naming a Mali draft's id.
#[tokio::test]
async fn a_delegate_import_never_touches_another_countrys_draft_nor_tells_it_exists() {
    let app = app();
    let analyst = app.login("analyst1@vigie.example").await;
    let delegate = format!("{}; vigie_lang=en", app.login("delegate.bf@vigie.example").await);
    let mali = app.create(&analyst, "ML", "Ménaka").await;
    // the probe's own file, then the same with an id nobody has
    let unknown = "zz-".to_string() + &"0".repeat(mali.len() - 3);
    let probe = |id: &str| format!("id,date,country,location,description\n{id},2023-11-20,BF,x,y\n");
    for fields in [&[][..], &[("dry_run", "1")][..], &[("skip_invalid", "1")][..]] {
        let on_mali = app.upload(&delegate, "probe.csv", probe(&mali).as_bytes(), fields).await;
        let on_nothing = app.upload(&delegate, "probe.csv", probe(&unknown).as_bytes(), fields).await;
        assert_eq!(on_mali.status, on_nothing.status, "{fields:?}");
        assert_eq!(blanked(&on_mali.body, &mali), blanked(&on_nothing.body, &unknown), "{fields:?}");
        assert_eq!(count_of(&on_mali.body, "Rejected"), 1, "{}", on_mali.body);
        assert_eq!(count_of(&on_mali.body, "Updated"), 0);
        assert!(on_mali.body.contains("names no incident this import may change"), "{}", on_mali.body);
    }
    let stored = app.store().incident(&mali).unwrap().unwrap();
    assert_eq!((stored.country.as_str(), stored.location.as_str()), ("ML", "Ménaka"));
    assert_eq!(app.get(&format!("/incidents/{mali}"), &delegate).await.status, StatusCode::NOT_FOUND);
    assert!(app.store().incident(&unknown).unwrap().is_none());
    // a new incident of their own comes without an id
    let new = app.upload(&delegate, "new.csv", format!("{HEADER}\n{}\n", row("", "BF", 2, "")).as_bytes(), &[]).await;
    assert_eq!(count_of(&new.body, "New"), 1, "{}", new.body);
}

/// Hole 2: an analyst's import verified incidents alone, kept a changed
/// verified incident verified, and imports were not counted as edits.
#[tokio::test]
async fn imports_land_as_drafts_and_count_as_the_importers_changes() {
    let app = app();
    let first = format!("{}; vigie_lang=en", app.login("analyst1@vigie.example").await);
    let second = app.login("analyst2@vigie.example").await;
    let third = app.login("analyst3@vigie.example").await;
    // the file says verified; the form's old default status is ignored
    let file = format!("{HEADER}\n{}\n", row("t-1", "BF", 1, "verified"));
    let reply = app.upload(&first, "t.csv", file.as_bytes(), &[("default_status", "verified")]).await;
    assert_eq!(count_of(&reply.body, "New"), 1, "{}", reply.body);
    assert_eq!(status_of(&app, "t-1"), Status::Draft);
    // its importer is its author: they do not approve it, someone else does
    assert_eq!(app.approve(&first, "t-1").await, StatusCode::FORBIDDEN);
    assert_eq!(app.approve(&second, "t-1").await, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, "t-1"), Status::Verified);
    // the same row again: unchanged, still verified
    let reply = app.upload(&first, "t.csv", file.as_bytes(), &[]).await;
    assert_eq!(count_of(&reply.body, "Unchanged"), 1);
    assert_eq!(status_of(&app, "t-1"), Status::Verified);
    // changed figures: a draft again, its last review forgotten
    let changed = format!("{HEADER}\n{}\n", row("t-1", "BF", 9, "verified"));
    let reply = app.upload(&third, "t.csv", changed.as_bytes(), &[]).await;
    assert_eq!(count_of(&reply.body, "Mis à jour"), 1, "{}", reply.body);
    let stored = app.store().incident("t-1").unwrap().unwrap();
    assert_eq!((stored.status, stored.killed), (Status::Draft, Some(9)));
    assert_eq!(app.store().incident_workflow("t-1").unwrap().unwrap().reviewer_id, None);
    assert_eq!(app.approve(&third, "t-1").await, StatusCode::FORBIDDEN, "who changed it by import");
    assert_eq!(app.approve(&second, "t-1").await, StatusCode::SEE_OTHER);

    // a draft written in the form by the first analyst, changed by the
    // second's import: neither approves it, a third does
    let draft = app.create(&first, "BF", "Kaya").await;
    let change = format!("{HEADER}\n{}\n", row(&draft, "BF", 4, ""));
    let reply = app.upload(&second, "c.csv", change.as_bytes(), &[]).await;
    assert_eq!(count_of(&reply.body, "Mis à jour"), 1, "{}", reply.body);
    assert_eq!(app.approve(&second, &draft).await, StatusCode::FORBIDDEN);
    assert_eq!(app.approve(&first, &draft).await, StatusCode::FORBIDDEN);
    assert_eq!(app.approve(&third, &draft).await, StatusCode::SEE_OTHER);
    // each import's change is in the incident's own history, by its importer
    let entries: Vec<_> = app
        .audit_of("incident.import")
        .into_iter()
        .filter(|e| e.entity_id.as_deref() == Some(draft.as_str()))
        .collect();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].actor, "analyst2@vigie.example");
    assert!(entries[0].changes.iter().any(|c| c.field == "killed" && c.before == "3" && c.after == "4"));
}

/// Hole 3: analyst2 opens a draft, the delegate changes it to 999, the
/// approve button of the old page verified 999.
#[tokio::test]
async fn an_approval_is_bound_to_the_version_seen() {
    let app = app();
    let delegate = app.login("delegate.bf@vigie.example").await;
    let analyst = format!("{}; vigie_lang=en", app.login("analyst2@vigie.example").await);
    let id = app.create(&delegate, "BF", "Djibo").await;
    let seen = app.review_fields(&analyst, &id).await;
    let edited = app.edit(&delegate, &id, &[("killed", "999")]).await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
    for action in ["approve", "reject"] {
        let reply = app.post(&format!("/incidents/{id}/{action}"), &format!("{seen}&comment=No"), &analyst).await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "{action}: {}", reply.body);
        assert!(reply.body.contains("changed since your page showed it"), "{}", reply.body);
        // what changed: the delegate's edit, killed 3 → 999
        assert!(reply.body.contains("delegate.bf@vigie.example") && reply.body.contains("999"), "{}", reply.body);
    }
    assert_eq!(status_of(&app, &id), Status::Draft);
    assert!(app.audit_of("incident.approve").is_empty() && app.audit_of("incident.reject").is_empty());
    // read again, approved as it is now
    assert_eq!(app.approve(&analyst, &id).await, StatusCode::SEE_OTHER);
    let stored = app.store().incident(&id).unwrap().unwrap();
    assert_eq!((stored.status, stored.killed), (Status::Verified, Some(999)));
    // once verified, no one withdraws it alone: no reject button, a reject is refused
    let third = app.login("analyst3@vigie.example").await;
    let page = app.get(&format!("/incidents/{id}"), &third).await;
    assert!(!page.body.contains("/reject"), "{}", page.body);
    let fields = app.review_fields(&third, &id).await;
    let reply = app.post(&format!("/incidents/{id}/reject"), &format!("{fields}&comment=Withdrawn"), &third).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(status_of(&app, &id), Status::Verified);
}

/// Hole 4: a draft named an informant, removed before approval; the
/// verified incident's history showed it to every reader.
#[tokio::test]
async fn a_drafts_history_stays_with_those_who_could_read_the_draft() {
    let app = app();
    let delegate = app.login("delegate.bf@vigie.example").await;
    let analyst = app.login("analyst2@vigie.example").await;
    let id = app.create(&delegate, "BF", "Djibo").await;
    let secret = "Informant K. (protected)";
    assert_eq!(app.edit(&delegate, &id, &[("sources", secret)]).await.status, StatusCode::SEE_OTHER);
    let public = "https://news.example/public";
    assert_eq!(app.edit(&delegate, &id, &[("sources", public)]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.approve(&analyst, &id).await, StatusCode::SEE_OTHER);
    for email in ["viewer@vigie.example", "delegate.ml@vigie.example", "editor@vigie.example"] {
        let body = history_page(&app, email, &id).await;
        // editors read drafts: they see it all
        let sees = email.starts_with("editor");
        assert_eq!(body.contains(secret), sees, "{email}");
        assert!(body.contains("incident.approve"), "{email}: the approval is shown");
        assert!(body.contains(public), "{email}: the verified sources");
    }
    for email in ["analyst1@vigie.example", "delegate.bf@vigie.example", "admin@vigie.example"] {
        assert!(history_page(&app, email, &id).await.contains(secret), "{email} reads the whole history");
    }
}

/// Incident `id`'s page as `email` reads it.
async fn history_page(app: &App, email: &str, id: &str) -> String {
    let session = app.login(email).await;
    let reply = app.get(&format!("/incidents/{id}"), &session).await;
    assert_eq!(reply.status, StatusCode::OK, "{email}");
    unescaped(&reply.body)
}

/// Low: a rejected row created its perpetrator group, unaudited.
#[tokio::test]
async fn only_written_rows_create_groups_and_the_import_lists_them() {
    let app = app();
    let delegate = format!("{}; vigie_lang=en", app.login("delegate.bf@vigie.example").await);
    let new_group = |country: &str, group: &str| {
        format!(",2023-12-05,{country},Djibo,{group},civilians,armed_assault,1,,Probe {country},https://p.example,")
    };
    // first named by a refused ML row, then by a BF row that is written
    let file = format!(
        "{HEADER}\n{}\n{}\n{}\n",
        new_group("ML", "Katiba Fantome"),
        new_group("ML", "Katiba Mirage"),
        new_group("BF", "Katiba Fantome")
    );
    let fields = [("skip_invalid", "1"), ("new_groups", "1")];
    let reply = app.upload(&delegate, "groups.csv", file.as_bytes(), &fields).await;
    assert_eq!((count_of(&reply.body, "New"), count_of(&reply.body, "Rejected")), (1, 2), "{}", reply.body);
    let groups = app.store().groups().unwrap();
    let names: Vec<String> = groups.iter().map(|g| g.name.en.clone()).collect();
    assert!(names.iter().any(|n| n == "Katiba Fantome"), "{names:?}");
    assert!(!names.iter().any(|n| n == "Katiba Mirage"), "a rejected row's group: {names:?}");
    let import = app.audit_of("incident.import").into_iter().find(|e| e.entity_id.is_none()).unwrap();
    let detail = import.detail.unwrap();
    assert!(detail.contains("new groups: ") && detail.contains("Katiba Fantome"), "{detail}");
    assert!(!detail.contains("Mirage"), "{detail}");
}

/// The import path of the access matrix: every role × the row's country ×
/// what its id names, as dry runs (nothing changes between cases).
#[tokio::test]
async fn the_import_matrix() {
    let app = app();
    let admin = app.login("admin@vigie.example").await;
    let bf_draft = app.create(&admin, "BF", "Djibo").await;
    let ml_draft = app.create(&admin, "ML", "Gao").await;
    let verified = |id: &str, country: &str| -> Incident {
        let mut incident = incident(id, 3);
        incident.country = CountryCode::new(country).unwrap();
        incident
    };
    import_incidents(app.store().as_mut(), &[verified("v-bf", "BF"), verified("v-ml", "ML")]);
    let ids = ["", "zz-unknown", bf_draft.as_str(), ml_draft.as_str(), "v-bf", "v-ml"];
    use Outcome::*;
    // per id above, for a BF row then an ML row
    let writes_all = ([New, New, Updated, Updated, Updated, Updated], [New, New, Updated, Updated, Updated, Updated]);
    let refused = ([Forbidden; 6], [Forbidden; 6]);
    let delegate = ([New, Rejected, Updated, Rejected, Rejected, Rejected], [Rejected; 6]);
    let expected = [
        ("admin@vigie.example", writes_all),
        ("analyst1@vigie.example", writes_all),
        ("editor@vigie.example", refused),
        ("delegate.bf@vigie.example", delegate),
        ("viewer@vigie.example", refused),
    ];
    for (email, (bf_rows, ml_rows)) in expected {
        let session = format!("{}; vigie_lang=en", app.login(email).await);
        for (country, outcomes) in [("BF", bf_rows), ("ML", ml_rows)] {
            for (id, expected) in ids.iter().zip(outcomes) {
                let file = format!("{HEADER}\n{}\n", row(id, country, 7, "verified"));
                let reply = app.upload(&session, "m.csv", file.as_bytes(), &[("dry_run", "1")]).await;
                let outcome = if reply.status == StatusCode::FORBIDDEN {
                    Forbidden
                } else if count_of(&reply.body, "New") == 1 {
                    New
                } else if count_of(&reply.body, "Updated") == 1 {
                    Updated
                } else {
                    assert_eq!(count_of(&reply.body, "Rejected"), 1, "{email} {country} {id:?}: {}", reply.body);
                    Rejected
                };
                assert_eq!(outcome, expected, "{email}, a {country} row naming {id:?}");
            }
        }
    }
    // dry runs: nothing changed
    assert_eq!(status_of(&app, "v-bf"), Status::Verified);
    assert_eq!(app.store().incident(&ml_draft).unwrap().unwrap().country.as_str(), "ML");
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    New,
    Updated,
    Rejected,
    Forbidden,
}

#[tokio::test]
async fn an_imports_drafts_are_approved_together_by_someone_else() {
    let app = app();
    let importer = format!("{}; vigie_lang=en", app.login("analyst1@vigie.example").await);
    let reviewer = format!("{}; vigie_lang=en", app.login("analyst2@vigie.example").await);
    let delegate = app.login("delegate.bf@vigie.example").await;
    let file =
        format!("{HEADER}\n{}\n{}\n{}\n", row("b-1", "BF", 1, ""), row("b-2", "BF", 2, ""), row("b-3", "BF", 3, ""));
    let reply = app.upload(&importer, "batch.csv", file.as_bytes(), &[]).await;
    let page_path = import_review_link(&reply.body);
    assert!(page_path.starts_with("/imports/"), "{page_path}");
    // the importer sees them, without a box to tick
    let own = app.get(&page_path, &importer).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(items(&own.body).is_empty() && own.body.contains("not by you"), "{}", own.body);
    // the reviewer's page: three boxes
    let page = app.get(&page_path, &reviewer).await;
    let ticked = items(&page.body);
    assert_eq!(ticked.len(), 3, "{}", page.body);
    // the importer cannot post them either
    let approve = format!("{page_path}/approve");
    let reply = app.post(&approve, &approve_form(&app.token(&importer).await, &ticked), &importer).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // one changes meanwhile: nothing is approved, and the page says which
    assert_eq!(app.edit(&delegate, "b-2", &[("killed", "20")]).await.status, StatusCode::SEE_OTHER);
    let reply = app.post(&approve, &approve_form(&app.token(&reviewer).await, &ticked), &reviewer).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
    assert!(reply.body.contains("b-2"));
    assert!(["b-1", "b-2", "b-3"].iter().all(|id| status_of(&app, id) == Status::Draft));
    // read again: all three approved, each with its own entry
    let ticked = items(&app.get(&page_path, &reviewer).await.body);
    let reply = app.post(&approve, &approve_form(&app.token(&reviewer).await, &ticked), &reviewer).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert!(["b-1", "b-2", "b-3"].iter().all(|id| status_of(&app, id) == Status::Verified));
    let approvals = app.audit_of("incident.approve");
    assert_eq!(approvals.len(), 3);
    assert!(approvals.iter().all(|e| e.actor == "analyst2@vigie.example"));
    // a box of another import is not this page's; a box ticked twice counts once
    let other = format!("{HEADER}\n{}\n", row("b-4", "BF", 4, ""));
    let reply = app.upload(&importer, "other.csv", other.as_bytes(), &[]).await;
    let other_path = import_review_link(&reply.body);
    let other_items = items(&app.get(&other_path, &reviewer).await.body);
    assert_eq!(other_items.len(), 1);
    let reply = app.post(&approve, &approve_form(&app.token(&reviewer).await, &other_items), &reviewer).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
    assert_eq!(status_of(&app, "b-4"), Status::Draft);
    let twice = [other_items.clone(), other_items].concat();
    let reply =
        app.post(&format!("{other_path}/approve"), &approve_form(&app.token(&reviewer).await, &twice), &reviewer).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(status_of(&app, "b-4"), Status::Verified);
    assert_eq!(app.audit_of("incident.approve").len(), 4);
    // who else sees the import: approvers list it, others do not
    let viewer = app.login("viewer@vigie.example").await;
    assert_eq!(app.get("/imports", &viewer).await.status, StatusCode::FORBIDDEN);
    let other = app.login("delegate.ml@vigie.example").await;
    assert_eq!(app.get(&page_path, &other).await.status, StatusCode::NOT_FOUND);
}

/// A dataset's rows carry the source's ids, which span every country: a
/// delegate importing one could learn which of them another country holds
/// as drafts (refused) and which are free (new), or take one first. Only
/// those who write every country import datasets, as drafts.
#[tokio::test]
async fn datasets_are_imported_by_analysts_as_drafts_never_by_delegates() {
    let app = app();
    let analyst = format!("{}; vigie_lang=en", app.login("analyst1@vigie.example").await);
    let delegate = format!("{}; vigie_lang=en", app.login("delegate.bf@vigie.example").await);
    let header = "event_id_cnty,event_date,event_type,sub_event_type,country,fatalities\n";
    let mali = format!("{header}MLI5555,2023-12-05,Battles,Armed clash,Mali,7\n");
    let reply = app.upload(&analyst, "acled.csv", mali.as_bytes(), &[("new_groups", "1")]).await;
    assert_eq!(count_of(&reply.body, "New"), 1, "{}", reply.body);
    assert_eq!(status_of(&app, "acled:MLI5555"), Status::Draft, "an analyst's dataset lands as drafts too");
    // the delegate's probe: the Mali draft's id and a free one answer alike
    let probe = |id: &str| format!("{header}{id},2023-12-05,Battles,Armed clash,Burkina Faso,7\n");
    let fields = [("dry_run", "1"), ("skip_invalid", "1")];
    let taken = app.upload(&delegate, "acled.csv", probe("MLI5555").as_bytes(), &fields).await;
    let free = app.upload(&delegate, "acled.csv", probe("MLI6666").as_bytes(), &fields).await;
    assert_eq!(taken.status, free.status);
    assert_eq!(blanked(&taken.body, "MLI5555"), blanked(&free.body, "MLI6666"));
    assert!(taken.body.contains("is a dataset (ACLED, UCDP GED or GTD)"), "{}", taken.body);
    let written = app.upload(&delegate, "acled.csv", probe("MLI7777").as_bytes(), &[]).await;
    assert_eq!(written.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(app.store().incident("acled:MLI7777").unwrap().is_none(), "no id taken first");
}
