//! A bulletin built or published in the web application is written with
//! its audit entry in one transaction: both are there, or neither. With
//! the audit log refusing entries (a trigger, as a full disk would), a
//! build leaves no issue and no file behind, a rebuild keeps the issue's
//! earlier files, and a publication leaves the issue a draft. A published
//! issue is frozen: the store refuses to rebuild it, and the database
//! refuses any change to it, its files or its reports, whoever asks.

use vigie_domain::AuditEntry;
use vigie_domain::publication::IssueLabel;
use vigie_store::{AuditFilter, BulletinFile, BulletinIssue, BulletinReport, Store, StoreError};

fn open(dir: &tempfile::TempDir) -> Box<dyn Store> {
    vigie_store::open(&db(dir)).unwrap()
}

fn db(dir: &tempfile::TempDir) -> String {
    dir.path().join("t.db").to_str().unwrap().to_string()
}

fn issue(number: u32) -> BulletinIssue {
    BulletinIssue {
        number,
        month: "2023-12".into(),
        spec: "{}".into(),
        published: false,
        built_at: Some(jiff::Timestamp::UNIX_EPOCH),
        published_at: None,
        created_by: "editor@vigie.example".into(),
        revision: 0,
        published_by: None,
        reason: None,
    }
}

fn revision(number: u32, revision: u32, reason: &str) -> BulletinIssue {
    BulletinIssue { revision, reason: Some(reason.into()), ..issue(number) }
}

fn report(json: &str) -> BulletinReport {
    BulletinReport { kind: "monthly".into(), key: "g5-sahel".into(), json: json.into() }
}

fn label(number: u32, revision: u32) -> IssueLabel {
    IssueLabel::new(number, revision)
}

fn file(bytes: &[u8]) -> BulletinFile {
    BulletinFile { lang: "fr".into(), format: "pdf".into(), bytes: bytes.to_vec(), sha256: "x".into() }
}

fn entry(action: &str, number: u32) -> AuditEntry {
    AuditEntry::new(jiff::Timestamp::UNIX_EPOCH, "editor@vigie.example", action, "bulletin", Some(&number.to_string()))
}

fn entries(store: &dyn Store, action: &str) -> usize {
    store.audit(&AuditFilter { action: Some(action.into()), ..AuditFilter::default() }).unwrap().len()
}

/// Makes every new audit entry fail, or lets them through again.
fn audit_fails(dir: &tempfile::TempDir, fails: bool) {
    let conn = rusqlite::Connection::open(db(dir)).unwrap();
    let sql = if fails {
        "CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END;"
    } else {
        "DROP TRIGGER audit_fails;"
    };
    conn.execute_batch(sql).unwrap();
}

#[test]
fn a_build_and_its_entry_are_written_together_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    audit_fails(&dir, true);
    assert!(store.save_bulletin(&issue(58), &[file(b"first")], &[], &entry("bulletin.build", 58)).is_err());
    assert!(store.bulletins().unwrap().is_empty(), "no issue without its entry");
    assert_eq!(store.bulletin_file(label(58, 0), "fr", "pdf").unwrap(), None, "no file without its entry");

    audit_fails(&dir, false);
    store.save_bulletin(&issue(58), &[file(b"first")], &[], &entry("bulletin.build", 58)).unwrap();
    assert_eq!(store.bulletins().unwrap().len(), 1);
    assert_eq!(entries(&*store, "bulletin.build"), 1, "the issue comes with its entry");

    // a rebuild refused keeps the issue's files as they were
    audit_fails(&dir, true);
    assert!(store.save_bulletin(&issue(58), &[file(b"second")], &[], &entry("bulletin.build", 58)).is_err());
    assert_eq!(store.bulletin_file(label(58, 0), "fr", "pdf").unwrap().unwrap().bytes, b"first");
    assert_eq!(entries(&*store, "bulletin.build"), 1);
}

#[test]
fn a_publication_and_its_entry_are_written_together_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    store.save_bulletin(&issue(58), &[file(b"first")], &[], &entry("bulletin.build", 58)).unwrap();

    audit_fails(&dir, true);
    let at = jiff::Timestamp::UNIX_EPOCH;
    let by = "editor@vigie.example";
    assert!(store.publish_bulletin(58, at, by, &entry("bulletin.publish", 58)).is_err());
    assert!(!store.bulletins().unwrap()[0].published, "still a draft");

    audit_fails(&dir, false);
    assert_eq!(store.publish_bulletin(59, at, by, &entry("bulletin.publish", 59)).unwrap(), None);
    assert_eq!(entries(&*store, "bulletin.publish"), 0, "no issue 59: nothing published, nothing logged");
    assert_eq!(store.publish_bulletin(58, at, by, &entry("bulletin.publish", 58)).unwrap(), Some(label(58, 0)));
    assert!(store.bulletins().unwrap()[0].published);
    assert_eq!(entries(&*store, "bulletin.publish"), 1);
}

#[test]
fn a_published_issue_is_never_rebuilt_and_a_revision_sits_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let (at, by) = (jiff::Timestamp::UNIX_EPOCH, "editor@vigie.example");
    store.save_bulletin(&issue(58), &[file(b"first")], &[report("{\"a\":1}")], &entry("bulletin.build", 58)).unwrap();
    // a draft is rebuilt at will
    store.save_bulletin(&issue(58), &[file(b"second")], &[report("{\"a\":2}")], &entry("bulletin.build", 58)).unwrap();
    store.publish_bulletin(58, at, by, &entry("bulletin.publish", 58)).unwrap();

    let rebuilt = store.save_bulletin(&issue(58), &[file(b"third")], &[], &entry("bulletin.build", 58));
    assert!(matches!(&rebuilt, Err(StoreError::Conflict(m)) if m.contains("published")), "{rebuilt:?}");
    let skipped = store.save_bulletin(&revision(58, 2, "why"), &[file(b"x")], &[], &entry("bulletin.build", 58));
    assert!(matches!(skipped, Err(StoreError::Conflict(_))), "58.2 before 58.1");
    assert_eq!(store.bulletin_file(label(58, 0), "fr", "pdf").unwrap().unwrap().bytes, b"second");
    assert_eq!(store.bulletin_reports(label(58, 0)).unwrap(), [report("{\"a\":2}")]);

    store
        .save_bulletin(&revision(58, 1, "Mali corrected"), &[file(b"fixed")], &[], &entry("bulletin.build", 58))
        .unwrap();
    assert_eq!(store.publish_bulletin(58, at, by, &entry("bulletin.publish", 58)).unwrap(), Some(label(58, 1)));
    let issues = store.bulletins().unwrap();
    let labels: Vec<String> = issues.iter().map(|i| i.label().to_string()).collect();
    assert_eq!(labels, ["58.1", "58"]);
    assert!(issues.iter().all(|i| i.published && i.published_by.as_deref() == Some(by)));
    assert_eq!(issues[0].reason.as_deref(), Some("Mali corrected"));
    assert_eq!(store.bulletin_file(label(58, 0), "fr", "pdf").unwrap().unwrap().bytes, b"second", "the first stays");
    assert_eq!(store.bulletin_file(label(58, 1), "fr", "pdf").unwrap().unwrap().bytes, b"fixed");
}

#[test]
fn the_database_refuses_any_change_to_a_published_issue() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    store.save_bulletin(&issue(58), &[file(b"first")], &[report("{}")], &entry("bulletin.build", 58)).unwrap();
    store.publish_bulletin(58, jiff::Timestamp::UNIX_EPOCH, "e", &entry("bulletin.publish", 58)).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(db(&dir)).unwrap();
    for sql in [
        "UPDATE bulletin_issue SET status = 'draft'",
        "UPDATE bulletin_issue SET spec = '{\"featured\":[]}'",
        "DELETE FROM bulletin_issue",
        "UPDATE bulletin_file SET bytes = x'00'",
        "DELETE FROM bulletin_file",
        "INSERT INTO bulletin_file VALUES (58, 0, 'en', 'pdf', x'00', 'x')",
        "UPDATE bulletin_report SET json = '{\"a\":9}'",
        "DELETE FROM bulletin_report",
        "INSERT INTO bulletin_report VALUES (58, 0, 'year', '2023', '{}')",
        "INSERT INTO bulletin_issue (number, month, spec, status, created_by) VALUES (60, '2024-01', '{}', 'published', 'e')",
    ] {
        let error = conn.execute(sql, []).unwrap_err().to_string();
        assert!(
            error.contains("published bulletin issue is frozen") || error.contains("from a draft"),
            "{sql}: {error}"
        );
    }
    let bytes: Vec<u8> = conn.query_row("SELECT bytes FROM bulletin_file", [], |row| row.get(0)).unwrap();
    assert_eq!(bytes, b"first");
}

#[test]
fn a_restore_may_not_take_a_published_issue_away() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    store.save_bulletin(&issue(58), &[file(b"first")], &[], &entry("bulletin.build", 58)).unwrap();
    let before = dir.path().join("before.db");
    store.backup(&before).unwrap();
    store.publish_bulletin(58, jiff::Timestamp::UNIX_EPOCH, "e", &entry("bulletin.publish", 58)).unwrap();
    let after = dir.path().join("after.db");
    store.backup(&after).unwrap();

    // the backup taken before publication holds 58 as a draft only
    let refused = store.restore(&before);
    assert!(
        matches!(&refused, Err(StoreError::Conflict(m)) if m.contains("published issue 58") && m.contains("--db NEW")),
        "{refused:?}"
    );
    assert!(store.bulletins().unwrap()[0].published, "nothing restored");
    // one that holds it as published restores
    store.restore(&after).unwrap();
    assert!(store.bulletins().unwrap()[0].published);
    // and anything restores into a database without published issues
    let other = tempfile::tempdir().unwrap();
    open(&other).restore(&before).unwrap();
}
