//! Second factors in a real SQLite file: enrolment in two steps, a step
//! accepted once, recovery codes used once, resets and role requirements,
//! each change with its audit entry in its transaction.

use vigie_domain::{AuditEntry, CountryCode, Role};
use vigie_store::totp::{code_at, format_code, matching_step, recovery_hash, step_at};
use vigie_store::{AuditFilter, NewUser, Store, StoreError};

const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
const SECRET: &[u8] = b"12345678901234567890";

fn store() -> (tempfile::TempDir, Box<dyn Store>) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = vigie_store::open(dir.path().join("v.db").to_str().unwrap()).unwrap();
    for (email, role) in [("admin@example.org", Role::Admin), ("viewer@example.org", Role::Viewer)] {
        let user =
            NewUser { email: email.into(), role, countries: Vec::<CountryCode>::new(), password_hash: HASH.into() };
        store.add_user(&user, "cli").unwrap();
    }
    (dir, store)
}

fn actions(store: &dyn Store) -> Vec<String> {
    store.audit(&AuditFilter::default()).unwrap().into_iter().map(|e| e.action).collect()
}

#[test]
fn enrolment_is_confirmed_then_audited() {
    let (_dir, mut store) = store();
    assert_eq!(store.totp("admin@example.org").unwrap(), None);
    store.start_totp("admin@example.org", SECRET).unwrap();
    let pending = store.totp("admin@example.org").unwrap().unwrap();
    assert!(!pending.enrolled());
    assert_eq!(pending.secret, SECRET);
    assert!(store.totp_enrolled().unwrap().is_empty(), "under way is not enrolled");
    // steps of a pending secret are not accepted: it protects nothing yet
    assert!(!store.accept_totp_step("admin@example.org", 5).unwrap());

    let hashes: Vec<String> = (0..10).map(|n| recovery_hash(&format!("CODE-{n:04}"))).collect();
    assert!(store.enrol_totp("admin@example.org", Some(100), &hashes, "admin@example.org").unwrap());
    assert!(!store.enrol_totp("admin@example.org", Some(101), &hashes, "admin@example.org").unwrap(), "once");
    let enrolled = store.totp("admin@example.org").unwrap().unwrap();
    assert!(enrolled.enrolled());
    assert_eq!((enrolled.last_step, enrolled.recovery_codes_left), (Some(100), 10));
    assert!(!format!("{enrolled:?}").contains("1234"), "the secret stays out of logs");
    let id = store.user_by_email("admin@example.org").unwrap().unwrap().id;
    assert_eq!(store.totp_enrolled().unwrap(), [id]);
    // an enrolled account does not start again without a reset
    assert!(matches!(store.start_totp("admin@example.org", SECRET), Err(StoreError::Conflict(_))));
    assert!(matches!(store.start_totp("nobody@example.org", SECRET), Err(StoreError::NotFound(_))));

    let log = store.audit(&AuditFilter { action: Some("user.totp.enrol".into()), ..AuditFilter::default() }).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].actor, "admin@example.org");
    assert_eq!(
        serde_json::to_string(&log[0].changes).unwrap(),
        r#"[{"field":"totp","before":false,"after":true},{"field":"recovery_codes","before":null,"after":10}]"#
    );
}

#[test]
fn a_step_is_accepted_once_and_recovery_codes_once() {
    let (_dir, mut store) = store();
    store.start_totp("viewer@example.org", SECRET).unwrap();
    let codes = ["AAAA-BBBB-CCCC-DDDD", "EEEE-FFFF-GGGG-HHHH"];
    let hashes: Vec<String> = codes.iter().map(|c| recovery_hash(c)).collect();
    let now = 1_700_000_000;
    let step = step_at(now);
    assert!(store.enrol_totp("viewer@example.org", Some(step - 1), &hashes, "viewer@example.org").unwrap());

    // the code of this step: matched, then accepted once
    let totp = store.totp("viewer@example.org").unwrap().unwrap();
    let code = format_code(code_at(&totp.secret, step));
    assert_eq!(matching_step(&totp.secret, &code, now, totp.last_step), Some(step));
    assert!(store.accept_totp_step("viewer@example.org", step).unwrap());
    assert!(!store.accept_totp_step("viewer@example.org", step).unwrap(), "the same step twice");
    assert!(!store.accept_totp_step("viewer@example.org", step - 1).unwrap(), "an older step");
    let totp = store.totp("viewer@example.org").unwrap().unwrap();
    assert_eq!(matching_step(&totp.secret, &code, now, totp.last_step), None);

    assert!(
        store
            .use_recovery_code("viewer@example.org", &recovery_hash("aaaabbbbccccdddd"), "viewer@example.org")
            .unwrap()
    );
    assert!(!store.use_recovery_code("viewer@example.org", &hashes[0], "viewer@example.org").unwrap(), "used");
    assert!(!store.use_recovery_code("viewer@example.org", &recovery_hash("nope"), "viewer@example.org").unwrap());
    assert!(!store.use_recovery_code("admin@example.org", &hashes[1], "admin@example.org").unwrap(), "not theirs");
    assert_eq!(store.totp("viewer@example.org").unwrap().unwrap().recovery_codes_left, 1);

    // new recovery codes, for a code of a later step only
    let renewed = [recovery_hash("IIII-JJJJ-KKKK-LLLL"), recovery_hash("MMMM-NNNN-OOOO-PPPP")];
    assert!(!store.renew_recovery_codes("viewer@example.org", step, &renewed, "viewer@example.org").unwrap());
    assert!(store.renew_recovery_codes("viewer@example.org", step + 1, &renewed, "viewer@example.org").unwrap());
    assert_eq!(store.totp("viewer@example.org").unwrap().unwrap().last_step, Some(step + 1));
    assert!(!store.use_recovery_code("viewer@example.org", &hashes[1], "viewer@example.org").unwrap(), "old ones gone");
    assert!(store.use_recovery_code("viewer@example.org", &renewed[1], "viewer@example.org").unwrap());
    assert!(!store.renew_recovery_codes("admin@example.org", step + 5, &renewed, "cli").unwrap(), "no factor");
    let log = store
        .audit(&AuditFilter { action: Some("user.totp.recovery_codes".into()), ..AuditFilter::default() })
        .unwrap();
    assert_eq!(serde_json::to_string(&log[0].changes).unwrap(), r#"[{"field":"recovery_codes","before":1,"after":2}]"#);
    let log =
        store.audit(&AuditFilter { action: Some("user.totp.recovery".into()), ..AuditFilter::default() }).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(serde_json::to_string(&log[0].changes).unwrap(), r#"[{"field":"recovery_codes","before":2,"after":1}]"#);
}

#[test]
fn a_reset_removes_the_factor_and_ends_the_sessions() {
    let (_dir, mut store) = store();
    assert!(!store.reset_totp("viewer@example.org", "cli").unwrap(), "nothing to reset");
    store.start_totp("viewer@example.org", SECRET).unwrap();
    store.enrol_totp("viewer@example.org", None, &[recovery_hash("X")], "viewer@example.org").unwrap();
    let id = store.user_by_email("viewer@example.org").unwrap().unwrap().id;
    let token = "b".repeat(64);
    store.create_session(&token, id, jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1), &login()).unwrap();
    assert!(store.reset_totp("viewer@example.org", "cli").unwrap());
    assert_eq!(store.totp("viewer@example.org").unwrap(), None);
    assert!(store.session(&token).unwrap().is_none());
    assert!(!store.use_recovery_code("viewer@example.org", &recovery_hash("X"), "cli").unwrap(), "codes gone too");
    assert!(matches!(store.reset_totp("nobody@example.org", "cli"), Err(StoreError::NotFound(_))));
    assert_eq!(actions(store.as_ref())[0], "user.totp.reset");
    // a new enrolment after the reset
    store.start_totp("viewer@example.org", SECRET).unwrap();
    assert!(store.enrol_totp("viewer@example.org", None, &[], "viewer@example.org").unwrap());
}

#[test]
fn required_roles_are_kept_audited_and_end_unenrolled_sessions() {
    let (_dir, mut store) = store();
    assert!(store.totp_roles().unwrap().is_empty());
    let (admin, viewer) = (
        store.user_by_email("admin@example.org").unwrap().unwrap().id,
        store.user_by_email("viewer@example.org").unwrap().unwrap().id,
    );
    let later = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(1);
    store.create_session(&"a".repeat(64), admin, later, &login()).unwrap();
    store.create_session(&"c".repeat(64), viewer, later, &login()).unwrap();
    store.start_totp("admin@example.org", SECRET).unwrap();
    store.enrol_totp("admin@example.org", None, &[], "admin@example.org").unwrap();

    assert!(store.set_totp_roles(&[Role::Viewer, Role::Admin, Role::Admin], "admin@example.org").unwrap());
    assert!(!store.set_totp_roles(&[Role::Admin, Role::Viewer], "admin@example.org").unwrap(), "unchanged");
    assert_eq!(store.totp_roles().unwrap(), [Role::Admin, Role::Viewer]);
    assert!(store.session(&"a".repeat(64)).unwrap().is_some(), "an enrolled admin keeps their session");
    assert!(store.session(&"c".repeat(64)).unwrap().is_none(), "a viewer not enrolled logs in anew");
    // a viewer made an analyst, when analysts require a second factor: its session ends
    store.set_totp_roles(&[Role::Admin, Role::Viewer, Role::Analyst], "cli").unwrap();
    store.create_session(&"d".repeat(64), viewer, later, &login()).unwrap();
    store.set_user_role("viewer@example.org", Role::Editor, &[], "cli").unwrap();
    assert!(store.session(&"d".repeat(64)).unwrap().is_some(), "editors require none");
    store.set_user_role("viewer@example.org", Role::Analyst, &[], "cli").unwrap();
    assert!(store.session(&"d".repeat(64)).unwrap().is_none(), "analysts do");
    assert!(store.set_totp_roles(&[], "cli").unwrap());
    let log =
        store.audit(&AuditFilter { action: Some("settings.totp_roles".into()), ..AuditFilter::default() }).unwrap();
    assert_eq!(log.len(), 3);
    assert_eq!(
        serde_json::to_string(&log[2].changes).unwrap(),
        r#"[{"field":"totp_roles","before":[],"after":["admin","viewer"]}]"#
    );
    assert_eq!(log[0].actor, "cli");
}

/// The audit entry of a session opened in a test.
fn login() -> AuditEntry {
    AuditEntry::new(jiff::Timestamp::now(), "someone@example.org", "login", "user", None)
}
