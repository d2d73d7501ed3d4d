//! The SQLite back end through the `Store` trait, on real files.

use jiff::civil::Date;
use vigie_domain::{
    CountryCode, DatePrecision, Group, GroupKind, GroupOrigin, Incident, Member, Method, Names, NationalDay, Status,
    Target,
};
use vigie_store::{Actors, Aggregate, AuditFilter, Dimension, ImportCounts, IncidentFilter, Store, StoreError, Upsert};

fn incident(
    id: &str,
    date: &str,
    country: &str,
    killed: Option<u32>,
    wounded: Option<u32>,
    status: Status,
) -> Incident {
    Incident {
        id: id.into(),
        date: date.parse().unwrap(),
        date_end: None,
        date_precision: DatePrecision::Day,
        country: CountryCode::new(country).unwrap(),
        admin1: String::new(),
        location: "Ménaka".into(),
        latitude: None,
        longitude: None,
        geo_precision: None,
        perpetrator: "jnim".into(),
        target: Target::Military,
        method: Method::Ambush,
        killed,
        wounded,
        kidnapped: None,
        perpetrators_killed: None,
        killed_low: None,
        killed_high: None,
        description: "text".into(),
        sources: String::new(),
        status,
    }
}

fn store(dir: &tempfile::TempDir) -> Box<dyn Store> {
    vigie_store::open(dir.path().join("t.db").to_str().unwrap()).unwrap()
}

fn import(store: &mut dyn Store, incidents: &[Incident]) -> Vec<Upsert> {
    let mut session = store.begin_import("test", "native").unwrap();
    let outcomes = incidents.iter().map(|i| session.upsert(i, i.content_hash()).unwrap()).collect();
    session.finish(ImportCounts::default()).unwrap();
    outcomes
}

fn all(store: &dyn Store, filter: &IncidentFilter) -> Vec<String> {
    let mut ids = Vec::new();
    store
        .incidents(filter, &mut |i| {
            ids.push(i.id);
            Ok(())
        })
        .unwrap();
    ids
}

#[test]
fn creates_schema_with_wal_and_shipped_groups() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir);
    assert!(store.groups().unwrap().get("jnim").is_some());
    let conn = rusqlite::Connection::open(dir.path().join("t.db")).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, vigie_store::sqlite::SCHEMA_VERSION);
    assert!(version >= 4, "{version}");
    let indexes: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'incident' AND sql IS NOT NULL")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(indexes.contains(&"incident_report".to_string()), "{indexes:?}");
}

#[test]
fn refuses_a_database_from_a_newer_version() {
    let dir = tempfile::tempdir().unwrap();
    drop(store(&dir));
    let conn = rusqlite::Connection::open(dir.path().join("t.db")).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let error = vigie_store::open(dir.path().join("t.db").to_str().unwrap()).err().unwrap();
    assert!(matches!(error, StoreError::TooNew { found: 99, .. }), "{error}");
    assert!(error.to_string().contains("upgrade Vigie"));
}

#[test]
fn upsert_tells_new_updated_unchanged_and_keeps_indexes_after_bulk_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let a = incident("a", "2023-12-01", "ML", Some(1), Some(2), Status::Verified);
    let b = incident("b", "2023-12-02", "BF", None, Some(2), Status::Verified);
    assert_eq!(import(store.as_mut(), &[a.clone(), b.clone()]), [Upsert::New, Upsert::New]);
    let mut changed = b.clone();
    changed.killed = Some(7);
    assert_eq!(import(store.as_mut(), &[a.clone(), changed.clone()]), [Upsert::Unchanged, Upsert::Updated]);
    assert_eq!(store.incident("b").unwrap().unwrap(), changed);
    assert_eq!(store.incident("a").unwrap().unwrap(), a);
    assert_eq!(store.incident("zz").unwrap(), None);
    let conn = rusqlite::Connection::open(dir.path().join("t.db")).unwrap();
    let count: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'incident' AND sql IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(count, 2, "the bulk load recreated the secondary indexes (report, date order)");
}

#[test]
fn an_unfinished_import_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    {
        let mut session = store.begin_import("test", "native").unwrap();
        let a = incident("a", "2023-12-01", "ML", Some(1), Some(2), Status::Verified);
        session.upsert(&a, a.content_hash()).unwrap();
        let group = Group {
            id: "new-group".into(),
            name: Names { fr: "x".into(), en: "x".into(), ar: "x".into() },
            aliases: vec![],
            kind: GroupKind::Unknown,
            origin: GroupOrigin::Imported,
        };
        session.add_group(&group).unwrap();
        // dropped without finish
    }
    assert!(all(store.as_ref(), &IncidentFilter::default()).is_empty());
    assert!(store.groups().unwrap().get("new-group").is_none());
    // and the indexes dropped for the bulk load are back
    let conn = rusqlite::Connection::open(dir.path().join("t.db")).unwrap();
    let count: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'incident' AND sql IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(count, 2);
}

#[test]
fn filters_and_accent_insensitive_search() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let mut c = incident("c", "2023-11-30", "NE", Some(0), Some(0), Status::Draft);
    c.location = "Tillabéri".into();
    c.target = Target::Civilians;
    import(
        store.as_mut(),
        &[
            incident("a", "2023-12-01", "ML", Some(1), Some(2), Status::Verified),
            incident("b", "2023-12-31", "BF", None, Some(2), Status::Verified),
            c,
        ],
    );
    let filter = |f: fn(&mut IncidentFilter)| {
        let mut filter = IncidentFilter::default();
        f(&mut filter);
        all(store.as_ref(), &filter)
    };
    assert_eq!(filter(|_| {}), ["c", "a", "b"]);
    assert_eq!(filter(|f| f.countries = vec![CountryCode::new("BF").unwrap()]), ["b"]);
    assert_eq!(filter(|f| f.from = Some(Date::new(2023, 12, 1).unwrap())), ["a", "b"]);
    assert_eq!(filter(|f| f.to = Some(Date::new(2023, 12, 1).unwrap())), ["c", "a"]);
    assert_eq!(filter(|f| f.status = Some(Status::Draft)), ["c"]);
    assert_eq!(filter(|f| f.targets = vec![Target::Civilians]), ["c"]);
    assert_eq!(filter(|f| f.search = Some("TILLABERI".into())), ["c"]);
    assert_eq!(filter(|f| f.search = Some("menaka".into())), ["a", "b"]);
    assert_eq!(filter(|f| f.limit = Some(1)), ["c"]);
}

#[test]
fn aggregates_count_verified_and_unknown_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    import(
        store.as_mut(),
        &[
            incident("a", "2023-12-01", "ML", Some(1), Some(2), Status::Verified),
            incident("b", "2023-12-31", "ML", None, Some(2), Status::Verified),
            incident("c", "2023-12-15", "ML", Some(10), Some(0), Status::Draft),
            incident("d", "2024-01-01", "ML", Some(5), Some(5), Status::Verified),
            incident("e", "2023-12-10", "BF", Some(5), Some(5), Status::Verified),
        ],
    );
    let query = |include_drafts| Aggregate {
        from: Date::new(2023, 12, 1).unwrap(),
        to: Date::new(2023, 12, 31).unwrap(),
        countries: vec![CountryCode::new("ML").unwrap()],
        include_drafts,
        by: Dimension::Country,
        actors: Actors::All,
    };
    let rows = store.aggregate(&query(false)).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].key.as_str(), rows[0].operations, rows[0].victims, rows[0].unknown_casualties),
        ("ML", 2, 5, 1)
    );
    let rows = store.aggregate(&query(true)).unwrap();
    assert_eq!((rows[0].operations, rows[0].victims), (3, 15));
    let mut by_target = query(false);
    by_target.by = Dimension::Target;
    assert_eq!(store.aggregate(&by_target).unwrap()[0].key, "military");
    let mut empty = query(false);
    empty.countries.clear();
    assert!(store.aggregate(&empty).unwrap().is_empty());
}

#[test]
fn groups_can_be_added_once_and_aliased() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let group = Group {
        id: "katiba-serma".into(),
        name: Names { fr: "Katiba Serma".into(), en: "Katiba Serma".into(), ar: "كتيبة سرما".into() },
        aliases: vec!["Serma".into()],
        kind: GroupKind::Jihadist,
        origin: GroupOrigin::Added,
    };
    store.add_group(&group, "cli").unwrap();
    assert!(matches!(store.add_group(&group, "cli"), Err(StoreError::Conflict(_))));
    assert!(store.add_alias("katiba-serma", "Katibat Serma", "cli").unwrap());
    assert!(!store.add_alias("katiba-serma", "Katibat Serma", "cli").unwrap(), "already had it");
    let register = store.groups().unwrap();
    assert_eq!(register.resolve("katibat serma").unwrap().id, "katiba-serma");
    assert_eq!(register.get("katiba-serma").unwrap().origin, GroupOrigin::Added);
    assert!(matches!(store.add_alias("nope", "x", "cli"), Err(StoreError::NotFound(_))));

    // one entry a change, none for the refused ones, latest first
    let entries = store.audit(&AuditFilter { entity: Some("group".into()), ..Default::default() }).unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["group.alias", "group.add"]);
    assert!(entries.iter().all(|e| e.actor == "cli" && e.entity_id.as_deref() == Some("katiba-serma")));
    let alias = serde_json::to_value(&entries[0].changes).unwrap();
    assert_eq!(
        alias,
        serde_json::json!([{"field": "aliases", "before": ["Serma"], "after": ["Serma", "Katibat Serma"]}])
    );
    let added = serde_json::to_value(&entries[1].changes).unwrap();
    assert_eq!(added[2], serde_json::json!({"field": "name_ar", "before": null, "after": "كتيبة سرما"}));
    assert_eq!(added[3], serde_json::json!({"field": "kind", "before": null, "after": "jihadist"}));
    assert_eq!(added[4], serde_json::json!({"field": "aliases", "before": null, "after": ["Serma"]}));
}

#[test]
fn a_missing_folder_is_a_clear_error() {
    let error = vigie_store::open("/nonexistent-folder/x.db").err().unwrap();
    assert!(error.to_string().contains("folder /nonexistent-folder does not exist"), "{error}");
}

fn national_day(month: i8, day: i8, en: &str) -> NationalDay {
    NationalDay { month, day, name: Names { fr: format!("{en} (fr)"), en: en.into(), ar: String::new() } }
}

fn member(country: &str, joined: Option<&str>, days: Vec<NationalDay>) -> Member {
    Member {
        country: CountryCode::new(country).unwrap(),
        joined: joined.map(|d| d.parse().unwrap()),
        national_days: days,
        representative_title: String::new(),
    }
}

fn import_members(store: &mut dyn Store, members: &[Member]) -> Vec<Upsert> {
    let mut session = store.begin_member_import("test", "members").unwrap();
    let outcomes = members.iter().map(|m| session.upsert(m).unwrap()).collect();
    session.finish(ImportCounts::default()).unwrap();
    outcomes
}

#[test]
fn members_round_trip_and_reimports_replace_national_days() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    assert!(store.members().unwrap().is_empty());
    let mut pk = member(
        "PK",
        Some("2015-12-15"),
        vec![national_day(8, 14, "Independence Day"), national_day(3, 23, "Pakistan Day")],
    );
    pk.representative_title = "Delegate".into();
    let ae = member("AE", None, vec![national_day(12, 2, "National Day")]);
    let leap = member("BN", None, vec![national_day(2, 29, "Leap Day")]);
    assert_eq!(import_members(store.as_mut(), &[pk, ae.clone(), leap]), [Upsert::New; 3]);

    let members = store.members().unwrap();
    let codes: Vec<&str> = members.iter().map(|m| m.country.as_str()).collect();
    assert_eq!(codes, ["AE", "BN", "PK"], "by country code");
    let stored_pk = &members[2];
    assert_eq!(stored_pk.representative_title, "Delegate");
    assert_eq!(stored_pk.joined, Some("2015-12-15".parse().unwrap()));
    let days: Vec<String> = stored_pk.national_days.iter().map(NationalDay::code).collect();
    assert_eq!(days, ["03-23", "08-14"], "in calendar order");
    assert_eq!(members[1].national_days[0].code(), "02-29");

    // the same again: unchanged; a repeat in one import is caught
    let mut session = store.begin_member_import("test", "members").unwrap();
    assert_eq!(session.upsert(&ae).unwrap(), Upsert::Unchanged);
    assert_eq!(session.upsert(&ae).unwrap(), Upsert::Repeated);
    session.finish(ImportCounts::default()).unwrap();

    // a new list of national days replaces the old one as a whole
    let pk_one_day = member("PK", Some("2015-12-15"), vec![national_day(3, 23, "Pakistan Day")]);
    assert_eq!(import_members(store.as_mut(), std::slice::from_ref(&pk_one_day)), [Upsert::Updated]);
    let members = store.members().unwrap();
    assert_eq!(members[2], pk_one_day);
    assert_eq!(members.len(), 3, "members an import does not mention stay");

    // a dropped session writes nothing
    {
        let mut session = store.begin_member_import("test", "members").unwrap();
        session.upsert(&member("SA", None, vec![national_day(9, 23, "National Day")])).unwrap();
        session.upsert(&member("AE", None, vec![])).unwrap();
    }
    assert_eq!(store.members().unwrap(), members);
    let conn = rusqlite::Connection::open(dir.path().join("t.db")).unwrap();
    let days: i64 = conn.query_row("SELECT count(*) FROM national_day", [], |r| r.get(0)).unwrap();
    assert_eq!(days, 3);
    // national days go with their member
    conn.execute_batch("PRAGMA foreign_keys = ON; DELETE FROM member WHERE country = 'AE'").unwrap();
    let days: i64 = conn.query_row("SELECT count(*) FROM national_day", [], |r| r.get(0)).unwrap();
    assert_eq!(days, 2);
}

#[test]
fn partners_round_trip_and_reimports_are_idempotent() {
    use vigie_domain::{Agreement, Partner, Scope};
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    assert!(store.partners().unwrap().is_empty());
    let partner = |id: &str, en: &str, scope| Partner {
        id: id.into(),
        name: Names { fr: format!("{en} (fr)"), en: en.into(), ar: String::new() },
        scope,
        kind: Names { fr: "université".into(), en: "university".into(), ar: "جامعة".into() },
        agreements: vec![],
    };
    let agreement = Agreement {
        title: Names { fr: String::new(), en: "Memorandum".into(), ar: "مذكرة".into() },
        signed: Some("2023-12-27".parse().unwrap()),
        areas: vec![
            Names { fr: "recherche".into(), en: "research".into(), ar: "البحث".into() },
            Names { fr: String::new(), en: "legal advice".into(), ar: String::new() },
        ],
        reference: String::new(),
    };
    let b = partner("b-centre", "B Centre", Scope::International);
    let a = partner("a-university", "A University", Scope::Local);
    let import = |store: &mut dyn Store, partners: &[Partner], agreements: &[Agreement]| {
        let mut session = store.begin_partner_import("test", "partners").unwrap();
        let mut outcomes: Vec<Upsert> = partners.iter().map(|p| session.upsert_partner(p).unwrap()).collect();
        outcomes.extend(agreements.iter().map(|a| session.upsert_agreement("b-centre", a).unwrap()));
        session.finish(ImportCounts::default()).unwrap();
        outcomes
    };
    let first = [b.clone(), a.clone()];
    let second = std::slice::from_ref(&agreement);
    assert_eq!(import(store.as_mut(), &first, second), [Upsert::New; 3]);
    assert_eq!(import(store.as_mut(), &first, second), [Upsert::Unchanged; 3]);
    let partners = store.partners().unwrap();
    let ids: Vec<&str> = partners.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["a-university", "b-centre"]);
    assert_eq!(partners[0], a);
    assert_eq!(partners[1].agreements, [agreement]);
    // a changed partner is updated, its agreements stay
    let mut renamed = b.clone();
    renamed.kind.en = "research centre".into();
    assert_eq!(import(store.as_mut(), std::slice::from_ref(&renamed), &[]), [Upsert::Updated]);
    let partners = store.partners().unwrap();
    assert_eq!(partners[1].kind.en, "research centre");
    assert_eq!(partners[1].agreements.len(), 1);
    // a session dropped without finishing writes nothing
    {
        let mut session = store.begin_partner_import("test", "partners").unwrap();
        session.upsert_partner(&partner("c", "C", Scope::Regional)).unwrap();
    }
    assert_eq!(store.partners().unwrap(), partners);
}

#[test]
fn register_imports_audit_in_their_own_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let entry = |action: &str| vigie_domain::AuditEntry::new(jiff::Timestamp::now(), "cli", action, "member", None);
    let ae = member("AE", None, vec![national_day(12, 2, "National Day")]);

    // dropped unfinished: neither the member nor the entry
    let mut session = store.begin_member_import("a.csv", "members").unwrap();
    session.upsert(&ae).unwrap();
    session.record_audit(&entry("member.import")).unwrap();
    drop(session);
    let mut session = store.begin_partner_import("b.csv", "partners").unwrap();
    session.record_audit(&entry("partner.import")).unwrap();
    drop(session);
    let mut session = store.begin_note_import("c.csv", "notes").unwrap();
    session.record_audit(&entry("note.import")).unwrap();
    drop(session);
    let mut session = store.begin_activity_import("d.csv", "activities").unwrap();
    session.record_audit(&entry("activity.import")).unwrap();
    drop(session);
    let mut session = store.begin_article_import("e", "articles").unwrap();
    session.record_audit(&entry("article.import")).unwrap();
    drop(session);
    assert!(store.members().unwrap().is_empty());
    assert!(store.audit(&AuditFilter::default()).unwrap().is_empty());

    // finished: both
    let mut session = store.begin_member_import("a.csv", "members").unwrap();
    session.upsert(&ae).unwrap();
    session.record_audit(&entry("member.import")).unwrap();
    session.finish(ImportCounts { new: 1, ..ImportCounts::default() }).unwrap();
    assert_eq!(store.members().unwrap(), [ae]);
    let logged = store.audit(&AuditFilter::default()).unwrap();
    assert_eq!(logged.len(), 1);
    assert_eq!((logged[0].actor.as_str(), logged[0].action.as_str()), ("cli", "member.import"));
}

#[test]
fn a_page_of_a_readers_scope_is_counted_and_cut_in_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    import(
        store.as_mut(),
        &[
            incident("bf-1", "2023-11-01", "BF", None, None, Status::Verified),
            incident("bf-2", "2023-11-02", "BF", None, None, Status::Draft),
            incident("ml-1", "2023-11-03", "ML", None, None, Status::Draft),
            incident("ml-2", "2023-11-04", "ML", None, None, Status::Verified),
            incident("ne-1", "2023-11-05", "NE", None, None, Status::Verified),
        ],
    );
    let delegate_bf = IncidentFilter { drafts_of: Some(vec![CountryCode::new("BF").unwrap()]), ..Default::default() };
    assert_eq!(all(store.as_ref(), &delegate_bf), ["bf-1", "bf-2", "ml-2", "ne-1"]);
    assert_eq!(store.count_incidents(&delegate_bf).unwrap(), 4);
    let viewer = IncidentFilter { drafts_of: Some(Vec::new()), ..Default::default() };
    assert_eq!(all(store.as_ref(), &viewer), ["bf-1", "ml-2", "ne-1"]);
    let page = IncidentFilter { descending: true, offset: 1, limit: Some(2), ..delegate_bf.clone() };
    assert_eq!(all(store.as_ref(), &page), ["ml-2", "bf-2"], "latest first, one skipped, two kept");
    assert_eq!(store.count_incidents(&page).unwrap(), 4, "the count ignores the page");
    let far = IncidentFilter { offset: u64::MAX, limit: Some(u64::MAX), ..Default::default() };
    assert!(all(store.as_ref(), &far).is_empty(), "a page past any list is empty, not an error");
}

#[test]
fn a_member_import_keeps_records_by_key_until_it_ends() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    for finish in [false, true] {
        let mut session = store.begin_member_import("test", "members").unwrap();
        // a new import starts empty, whether the last one rolled back or committed
        assert_eq!(session.next_kept_key(0).unwrap(), None);
        for (key, payload) in [(3, "a"), (1, "b"), (3, "c"), (3, "d")] {
            session.keep(key, payload).unwrap();
        }
        assert_eq!(session.next_kept_key(0).unwrap(), Some(1));
        assert_eq!(session.next_kept_key(1).unwrap(), Some(3));
        assert_eq!(session.next_kept_key(3).unwrap(), None);
        let first = session.kept(3, 0, 2).unwrap();
        let texts: Vec<&str> = first.iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(texts, ["a", "c"]);
        let rest = session.kept(3, first[1].0, 2).unwrap();
        assert_eq!(rest.iter().map(|(_, text)| text.as_str()).collect::<Vec<_>>(), ["d"]);
        if finish {
            session.finish(ImportCounts::default()).unwrap();
        }
    }
    let mut session = store.begin_member_import("test", "members").unwrap();
    assert_eq!(session.next_kept_key(0).unwrap(), None);
}

#[test]
fn state_forces_are_counted_apart_and_their_kind_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    {
        let mut session = store.begin_import("test", "native").unwrap();
        let army = Group::from_unknown_name("Government of Mali");
        assert_eq!(army.kind, GroupKind::StateForces, "the name says it");
        session.add_group(&army).unwrap();
        let mut strike = incident("s", "2023-12-05", "ML", Some(7), Some(0), Status::Verified);
        strike.perpetrator = army.id.clone();
        for incident in [strike, incident("a", "2023-12-01", "ML", Some(1), Some(2), Status::Verified)] {
            session.upsert(&incident, incident.content_hash()).unwrap();
        }
        session.finish(ImportCounts::default()).unwrap();
    }
    let query = |actors| Aggregate {
        from: Date::new(2023, 12, 1).unwrap(),
        to: Date::new(2023, 12, 31).unwrap(),
        countries: vec![CountryCode::new("ML").unwrap()],
        include_drafts: false,
        by: Dimension::Country,
        actors,
    };
    let counts = |store: &dyn Store, actors| {
        store.aggregate(&query(actors)).unwrap().iter().map(|r| (r.operations, r.victims)).next().unwrap_or((0, 0))
    };
    assert_eq!(counts(&*store, Actors::All), (2, 10));
    assert_eq!(counts(&*store, Actors::NonState), (1, 3));
    assert_eq!(counts(&*store, Actors::StateForces), (1, 7));
    let filter = IncidentFilter { actors: Actors::NonState, ..IncidentFilter::default() };
    assert_eq!(all(&*store, &filter), ["a"]);

    // an analyst says otherwise: counted, and the audit says who and what
    assert!(store.set_group_kind("government-of-mali", GroupKind::Militia, "analyst@vigie.example").unwrap());
    assert!(!store.set_group_kind("government-of-mali", GroupKind::Militia, "analyst@vigie.example").unwrap());
    assert_eq!(counts(&*store, Actors::NonState), (2, 10));
    let entries = store.audit(&AuditFilter { action: Some("group.kind".into()), ..AuditFilter::default() }).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].actor, "analyst@vigie.example");
    assert!(matches!(store.set_group_kind("nobody", GroupKind::Militia, "cli"), Err(StoreError::NotFound(_))));
    // the shipped groups have theirs
    assert_eq!(store.groups().unwrap().get("jnim").unwrap().kind, GroupKind::Jihadist);
}

#[test]
fn a_consistent_read_does_not_see_a_write_committed_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = store(&dir);
    import(writer.as_mut(), &[incident("a", "2023-12-01", "ML", Some(1), Some(2), Status::Verified)]);
    let reader = vigie_store::open(dir.path().join("t.db").to_str().unwrap()).unwrap();
    let count = |store: &dyn Store| store.count_incidents(&IncidentFilter::default()).unwrap();
    let mut seen = Vec::new();
    reader
        .read_consistently(&mut || {
            seen.push(count(&*reader));
            import(writer.as_mut(), &[incident("b", "2023-12-02", "ML", Some(1), Some(2), Status::Verified)]);
            seen.push(count(&*reader));
            Ok(())
        })
        .unwrap();
    assert_eq!(seen, [1, 1], "the second read saw the first one's state");
    assert_eq!(count(&*reader), 2, "and the next read sees the write");
    // an error inside ends the transaction too
    let failed = reader.read_consistently(&mut || Err(StoreError::NotFound("x".into())));
    assert!(matches!(failed, Err(StoreError::NotFound(_))));
    assert_eq!(count(&*reader), 2);
}

#[test]
fn a_list_starts_after_a_row_in_either_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let rows = [("a", "2023-12-01"), ("b", "2023-12-02"), ("c", "2023-12-02"), ("d", "2023-12-03")];
    let incidents: Vec<Incident> =
        rows.iter().map(|(id, date)| incident(id, date, "ML", Some(1), None, Status::Verified)).collect();
    import(store.as_mut(), &incidents);
    let after = |id: &str, date: &str, descending: bool| {
        let date = vigie_domain::validate::parse_iso_date(date).unwrap();
        all(store.as_ref(), &IncidentFilter { after: Some((date, id.into())), descending, ..IncidentFilter::default() })
    };
    assert_eq!(after("b", "2023-12-02", false), ["c", "d"], "the same day, a later id");
    assert_eq!(after("c", "2023-12-02", true), ["b", "a"]);
    // a row that is gone still places the cursor
    assert_eq!(after("bb", "2023-12-02", false), ["c", "d"]);
    let by_country = IncidentFilter {
        after: Some((vigie_domain::validate::parse_iso_date("2023-12-01").unwrap(), "a".into())),
        order: vigie_store::Order::CountryDate,
        ..IncidentFilter::default()
    };
    assert!(store.incidents(&by_country, &mut |_| Ok(())).is_err());
}

#[test]
fn a_large_import_leaves_the_planner_its_statistics() {
    let stats = |dir: &tempfile::TempDir| -> i64 {
        let conn = rusqlite::Connection::open(dir.path().join("t.db")).unwrap();
        conn.query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'", [], |r| r.get::<_, i64>(0))
            .and_then(|exists| {
                if exists == 0 {
                    Ok(0)
                } else {
                    conn.query_row("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'incident'", [], |r| r.get(0))
                }
            })
            .unwrap()
    };
    let small = tempfile::tempdir().unwrap();
    import(store(&small).as_mut(), &[incident("a", "2023-12-01", "ML", Some(1), None, Status::Verified)]);
    assert_eq!(stats(&small), 0, "a small import leaves the statistics alone");
    let large = tempfile::tempdir().unwrap();
    let rows: Vec<Incident> = (0..10_000)
        .map(|n| {
            incident(
                &format!("r{n}"),
                if n % 2 == 0 { "2023-12-01" } else { "2024-01-15" },
                "ML",
                Some(1),
                None,
                Status::Verified,
            )
        })
        .collect();
    let mut store = store(&large);
    let mut session = store.begin_import("test", "native").unwrap();
    let mut counts = ImportCounts::default();
    for row in &rows {
        counts.record(session.upsert(row, row.content_hash()).unwrap());
    }
    session.finish(counts).unwrap();
    drop(store);
    assert!(stats(&large) > 0, "ANALYZE ran");
}
