//! Registers edited in the web application: each save writes the record and
//! its audit entry together, and only over the record the caller read.

use vigie_domain::{
    Activity, ActivityKind, Agreement, AuditEntry, CountryCode, DatePrecision, FieldChange, Member, Month, Names,
    NationalDay, Note, Partner, Scope,
};
use vigie_store::{ActivityFilter, AuditFilter, NoteFilter, Store};

fn store(dir: &tempfile::TempDir) -> Box<dyn Store> {
    vigie_store::open(dir.path().join("t.db").to_str().unwrap()).unwrap()
}

fn names(en: &str) -> Names {
    Names { fr: String::new(), en: en.into(), ar: String::new() }
}

fn entry(action: &str, entity: &str, id: &str) -> AuditEntry {
    AuditEntry::new(jiff::Timestamp::UNIX_EPOCH, "admin@vigie.example", action, entity, Some(id))
        .with_changes(vec![FieldChange::new("title_en", serde_json::Value::Null, "x")])
}

fn audit_actions(store: &dyn Store, entity: &str) -> Vec<String> {
    let filter = AuditFilter { entity: Some(entity.into()), ..AuditFilter::default() };
    let mut actions: Vec<String> = store.audit(&filter).unwrap().into_iter().map(|e| e.action).collect();
    actions.reverse();
    actions
}

fn activity(id: &str, title: &str) -> Activity {
    Activity {
        id: id.into(),
        kind: ActivityKind::Workshop,
        date: "2023-12-05".parse().unwrap(),
        date_precision: DatePrecision::Day,
        end_date: None,
        title: names(title),
        counterpart_country: CountryCode::new("BF"),
        counterpart_org: Names::default(),
        counterpart_person: String::new(),
        counterpart_person_ar: String::new(),
        counterpart_title: Names::default(),
        domains: Vec::new(),
        place: Names { fr: String::new(), en: "Ouagadougou".into(), ar: String::new() },
        description: Names::default(),
        article: None,
        highlight: None,
        organisations: Vec::new(),
        themes: Vec::new(),
        people: Vec::new(),
    }
}

#[test]
fn an_activity_is_created_once_and_changed_only_over_what_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let first = activity("w", "Workshop");
    assert!(store.save_activity(&first, None, &entry("activity.create", "activity", "w")).unwrap());
    assert_eq!(store.activity("w").unwrap(), Some(first.clone()));
    // a second creation with the same id writes nothing, not even its entry
    let other = activity("w", "Another");
    assert!(!store.save_activity(&other, None, &entry("activity.create", "activity", "w")).unwrap());
    // an edit over a stale copy writes nothing
    assert!(!store.save_activity(&other, Some(&other), &entry("activity.update", "activity", "w")).unwrap());
    assert!(store.save_activity(&other, Some(&first), &entry("activity.update", "activity", "w")).unwrap());
    assert_eq!(store.activities(&ActivityFilter::default()).unwrap(), [other]);
    assert_eq!(audit_actions(store.as_ref(), "activity"), ["activity.create", "activity.update"]);
    assert_eq!(store.activity("none").unwrap(), None);
}

#[test]
fn a_member_is_saved_with_its_national_days_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let day = |month, day, en: &str| NationalDay { month, day, name: names(en) };
    let member = Member {
        country: CountryCode::new("BF").unwrap(),
        joined: Some("2017-12-15".parse().unwrap()),
        // out of order: stored in calendar order
        national_days: vec![day(12, 11, "Proclamation"), day(8, 5, "Independence")],
        representative_title: "Ambassador".into(),
    };
    assert!(store.save_member(&member, None, &entry("member.create", "member", "BF")).unwrap());
    let stored = store.members().unwrap().remove(0);
    assert_eq!(stored.national_days.iter().map(NationalDay::code).collect::<Vec<_>>(), ["08-05", "12-11"]);
    assert!(!store.save_member(&member, None, &entry("member.create", "member", "BF")).unwrap());
    let changed = Member { national_days: vec![day(8, 5, "Independence Day")], joined: None, ..member.clone() };
    assert!(store.save_member(&changed, Some(&stored), &entry("member.update", "member", "BF")).unwrap());
    assert_eq!(store.members().unwrap(), [changed]);
    assert!(!store.save_member(&member, Some(&stored), &entry("member.update", "member", "BF")).unwrap());
    assert_eq!(audit_actions(store.as_ref(), "member"), ["member.create", "member.update"]);
}

#[test]
fn partners_and_agreements_are_saved_apart() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let partner = Partner {
        id: "nauss".into(),
        name: names("Naif Arab University"),
        scope: Scope::Regional,
        kind: names("university"),
        agreements: Vec::new(),
    };
    let mou = Agreement {
        title: names("MoU"),
        signed: Some("2023-05-02".parse().unwrap()),
        areas: vec![Names { fr: "formation".into(), en: "training".into(), ar: "التدريب".into() }],
        reference: String::new(),
    };
    // no agreement with a partner that does not exist
    assert!(!store.save_agreement("nauss", &mou, None, &entry("agreement.create", "partner", "nauss")).unwrap());
    assert!(store.save_partner(&partner, None, &entry("partner.create", "partner", "nauss")).unwrap());
    assert!(store.save_agreement("nauss", &mou, None, &entry("agreement.create", "partner", "nauss")).unwrap());
    assert!(!store.save_agreement("nauss", &mou, None, &entry("agreement.create", "partner", "nauss")).unwrap());
    let second = Agreement { title: names("Protocol"), signed: None, ..mou.clone() };
    assert!(store.save_agreement("nauss", &second, None, &entry("agreement.create", "partner", "nauss")).unwrap());
    // renaming the MoU as the protocol would make two of one: refused
    let clash = Agreement { areas: vec![], ..second.clone() };
    assert!(
        !store.save_agreement("nauss", &clash, Some(&mou), &entry("agreement.update", "partner", "nauss")).unwrap()
    );
    // a new title moves the agreement (its key), areas and reference follow
    let renamed = Agreement { title: names("Memorandum"), reference: "R-1".into(), ..mou.clone() };
    assert!(
        store.save_agreement("nauss", &renamed, Some(&mou), &entry("agreement.update", "partner", "nauss")).unwrap()
    );
    // a partner's edit keeps its agreements
    let stored = store.partners().unwrap().remove(0);
    let edited = Partner { kind: names("research centre"), agreements: Vec::new(), ..stored.clone() };
    assert!(store.save_partner(&edited, Some(&stored), &entry("partner.update", "partner", "nauss")).unwrap());
    assert!(!store.save_partner(&edited, Some(&partner), &entry("partner.update", "partner", "nauss")).unwrap());
    let stored = store.partners().unwrap().remove(0);
    assert_eq!(stored.kind.en, "research centre");
    assert_eq!(stored.agreements, [renamed, second]);
    assert_eq!(
        audit_actions(store.as_ref(), "partner"),
        ["partner.create", "agreement.create", "agreement.create", "agreement.update", "partner.update"]
    );
}

#[test]
fn a_note_is_its_region_month_and_country() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let note = Note {
        region: "g5-sahel".into(),
        month: Month::parse("2023-12").unwrap(),
        country: CountryCode::new("BF").unwrap(),
        text: Names { fr: "Calme relatif.".into(), en: String::new(), ar: String::new() },
    };
    assert!(store.save_note(&note, None, &entry("note.create", "note", "g5-sahel/2023-12/BF")).unwrap());
    assert!(!store.save_note(&note, None, &entry("note.create", "note", "g5-sahel/2023-12/BF")).unwrap());
    let edited = Note { text: Names { en: "Relative calm.".into(), ..note.text.clone() }, ..note.clone() };
    assert!(store.save_note(&edited, Some(&note), &entry("note.update", "note", "g5-sahel/2023-12/BF")).unwrap());
    assert_eq!(store.notes(&NoteFilter::default()).unwrap(), [edited]);
    assert_eq!(audit_actions(store.as_ref(), "note"), ["note.create", "note.update"]);
}
