//! A bulletin built or published in the web application is written with
//! its audit entry in one transaction: both are there, or neither. With
//! the audit log refusing entries (a trigger, as a full disk would), a
//! build leaves no issue and no file behind, a rebuild keeps the issue's
//! earlier files, and a publication leaves the issue a draft.

use vigie_domain::AuditEntry;
use vigie_store::{AuditFilter, BulletinFile, BulletinIssue, Store};

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
    }
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
    assert!(store.save_bulletin(&issue(58), &[file(b"first")], &entry("bulletin.build", 58)).is_err());
    assert!(store.bulletins().unwrap().is_empty(), "no issue without its entry");
    assert_eq!(store.bulletin_file(58, "fr", "pdf").unwrap(), None, "no file without its entry");

    audit_fails(&dir, false);
    store.save_bulletin(&issue(58), &[file(b"first")], &entry("bulletin.build", 58)).unwrap();
    assert_eq!(store.bulletins().unwrap().len(), 1);
    assert_eq!(entries(&*store, "bulletin.build"), 1, "the issue comes with its entry");

    // a rebuild refused keeps the issue's files as they were
    audit_fails(&dir, true);
    assert!(store.save_bulletin(&issue(58), &[file(b"second")], &entry("bulletin.build", 58)).is_err());
    assert_eq!(store.bulletin_file(58, "fr", "pdf").unwrap().unwrap().bytes, b"first");
    assert_eq!(entries(&*store, "bulletin.build"), 1);
}

#[test]
fn a_publication_and_its_entry_are_written_together_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    store.save_bulletin(&issue(58), &[file(b"first")], &entry("bulletin.build", 58)).unwrap();

    audit_fails(&dir, true);
    assert!(store.publish_bulletin(58, jiff::Timestamp::UNIX_EPOCH, &entry("bulletin.publish", 58)).is_err());
    assert!(!store.bulletins().unwrap()[0].published, "still a draft");

    audit_fails(&dir, false);
    assert!(!store.publish_bulletin(59, jiff::Timestamp::UNIX_EPOCH, &entry("bulletin.publish", 59)).unwrap());
    assert_eq!(entries(&*store, "bulletin.publish"), 0, "no issue 59: nothing published, nothing logged");
    assert!(store.publish_bulletin(58, jiff::Timestamp::UNIX_EPOCH, &entry("bulletin.publish", 58)).unwrap());
    assert!(store.bulletins().unwrap()[0].published);
    assert_eq!(entries(&*store, "bulletin.publish"), 1);
}
