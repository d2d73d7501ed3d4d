//! The activity register in SQLite through the `Store` trait: upserts,
//! the list order and filters, and what a dropped session leaves.

use vigie_domain::counterpart::Counterpart;
use vigie_domain::{Activity, ActivityKind, CountryCode, DatePrecision, Domain, Names};
use vigie_store::{ActivityFilter, AuditFilter, ImportCounts, Store, Upsert};

fn activity(id: &str, kind: ActivityKind, date: &str, highlight: Option<u32>) -> Activity {
    Activity {
        id: id.into(),
        kind,
        date: date.parse().unwrap(),
        date_precision: DatePrecision::Day,
        end_date: None,
        title: Names { fr: String::new(), en: format!("Title of {id}"), ar: String::new() },
        counterpart_country: None,
        counterpart_org: Names::default(),
        counterpart_person: String::new(),
        counterpart_person_ar: String::new(),
        counterpart_title: Names::default(),
        domains: Vec::new(),
        place: Names::default(),
        description: Names::default(),
        article: None,
        highlight,
        organisations: vec!["gcc".into()],
        themes: vec!["sahel".into(), "capacity-building".into()],
        people: Vec::new(),
    }
}

fn store(dir: &tempfile::TempDir) -> Box<dyn Store> {
    vigie_store::open(dir.path().join("t.db").to_str().unwrap()).unwrap()
}

fn import(store: &mut dyn Store, activities: &[Activity]) -> Vec<Upsert> {
    let mut session = store.begin_activity_import("test", "activities").unwrap();
    let outcomes = activities.iter().map(|a| session.upsert(a).unwrap()).collect();
    session.finish(ImportCounts::default()).unwrap();
    outcomes
}

fn ids(store: &dyn Store, filter: &ActivityFilter) -> Vec<String> {
    store.activities(filter).unwrap().into_iter().map(|a| a.id).collect()
}

#[test]
fn upserts_keep_every_value_and_tell_what_they_did() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let mut full = activity("full", ActivityKind::VisitAbroad, "2023-03-01", Some(1));
    full.date_precision = DatePrecision::Month;
    full.end_date = Some("2023-03-04".parse().unwrap());
    full.title.ar = "زيارة".into();
    full.counterpart_country = CountryCode::new("PK");
    full.counterpart_org =
        Names { fr: "Forces armées".into(), en: "Armed forces".into(), ar: "القوات المسلحة".into() };
    full.counterpart_person = "General X".into();
    full.counterpart_person_ar = "الفريق س".into();
    full.counterpart_title =
        Names { fr: String::new(), en: "Chief of staff".into(), ar: "رئيس الأركان".into() };
    full.domains = vec![Domain::Military, Domain::Communication];
    full.place = Names { fr: "Islamabad".into(), en: "Islamabad".into(), ar: "إسلام آباد".into() };
    full.description = Names { fr: "Deux\nlignes".into(), en: "Two\nlines".into(), ar: String::new() };
    full.article = Some("visit".into());
    let bare = activity("bare", ActivityKind::Meeting, "2023-01-10", None);
    assert_eq!(
        import(store.as_mut(), &[full.clone(), bare.clone(), bare.clone()]),
        [Upsert::New, Upsert::New, Upsert::Repeated]
    );
    assert_eq!(store.activities(&ActivityFilter::default()).unwrap(), [bare.clone(), full.clone()]);
    let mut changed = full.clone();
    changed.domains.reverse();
    assert_eq!(import(store.as_mut(), &[bare.clone(), changed.clone()]), [Upsert::Unchanged, Upsert::Updated]);
    assert_eq!(store.activities(&ActivityFilter::default()).unwrap()[1], changed);

    // a session dropped without finishing writes nothing
    let mut session = store.begin_activity_import("test", "activities").unwrap();
    session.upsert(&activity("dropped", ActivityKind::Meeting, "2023-01-01", None)).unwrap();
    drop(session);
    assert_eq!(ids(store.as_ref(), &ActivityFilter::default()), ["bare", "full"]);
}

#[test]
fn by_date_then_highlight_then_id_and_filtered() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    let mut in_pakistan = activity("c", ActivityKind::Conference, "2023-05-02", None);
    in_pakistan.counterpart_country = CountryCode::new("PK");
    import(
        store.as_mut(),
        &[
            activity("e", ActivityKind::Workshop, "2023-05-03", Some(1)),
            activity("d", ActivityKind::Workshop, "2023-05-02", Some(2)),
            in_pakistan,
            activity("a", ActivityKind::Meeting, "2023-05-02", None),
            activity("b", ActivityKind::Conference, "2023-05-02", Some(1)),
            activity("z", ActivityKind::Meeting, "2024-01-01", None),
            activity("y", ActivityKind::Meeting, "2022-12-31", None),
        ],
    );
    assert_eq!(ids(store.as_ref(), &ActivityFilter::default()), ["y", "b", "d", "a", "c", "e", "z"]);
    let year = ActivityFilter {
        from: Some("2023-01-01".parse().unwrap()),
        to: Some("2023-12-31".parse().unwrap()),
        ..ActivityFilter::default()
    };
    assert_eq!(ids(store.as_ref(), &year), ["b", "d", "a", "c", "e"]);
    let kinds = ActivityFilter { kinds: vec![ActivityKind::Conference, ActivityKind::Workshop], ..year.clone() };
    assert_eq!(ids(store.as_ref(), &kinds), ["b", "d", "c", "e"]);
    let country = ActivityFilter { country: CountryCode::new("PK"), ..kinds };
    assert_eq!(ids(store.as_ref(), &country), ["c"]);
}

fn person(organisation: Option<&str>, name: &str, title_en: &str) -> Counterpart {
    Counterpart {
        organisation: organisation.map(String::from),
        person: name.into(),
        person_ar: String::new(),
        title: Names { en: title_en.into(), ..Names::default() },
    }
}

/// Imports the people, each with its activity id; their outcomes.
fn import_people(store: &mut dyn Store, people: &[(&str, Counterpart)]) -> Vec<Upsert> {
    let mut session = store.begin_activity_import("people", "activities").unwrap();
    let outcomes = people.iter().map(|(id, p)| session.add_person(id, p).unwrap()).collect();
    session.finish(ImportCounts::default()).unwrap();
    outcomes
}

fn people(store: &dyn Store, id: &str) -> Vec<String> {
    store.activity(id).unwrap().unwrap().people.into_iter().map(|p| format!("{}/{}", p.person, p.title.en)).collect()
}

#[test]
fn an_import_gives_an_activity_its_people_and_replaces_only_those_it_lists() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    import(store.as_mut(), &[activity("visit", ActivityKind::Meeting, "2026-01-12", None)]);
    import(store.as_mut(), &[activity("talk", ActivityKind::Meeting, "2026-01-13", None)]);
    let (a, b, c) = (person(Some("gcc"), "A", "Chief"), person(None, "B", "Aide"), person(None, "C", "Envoy"));
    assert_eq!(
        import_people(store.as_mut(), &[("visit", a.clone()), ("visit", b.clone()), ("talk", c.clone())]),
        [Upsert::New, Upsert::New, Upsert::New]
    );
    assert_eq!(people(store.as_ref(), "visit"), ["A/Chief", "B/Aide"]);
    // the list holds the people, in order, with the activity
    let listed = store.activities(&ActivityFilter::default()).unwrap();
    assert_eq!(listed[0].people, [a.clone(), b.clone()]);
    assert_eq!(listed[1].people, std::slice::from_ref(&c));

    // the same people again: unchanged; an activity the import does not
    // name keeps its own
    assert_eq!(
        import_people(store.as_mut(), &[("visit", a.clone()), ("visit", b.clone())]),
        [Upsert::Unchanged, Upsert::Unchanged]
    );
    // fewer people: the rest go; a changed title is an update
    let promoted = person(Some("gcc"), "A", "Commander");
    assert_eq!(import_people(store.as_mut(), &[("visit", promoted)]), [Upsert::Updated]);
    assert_eq!(people(store.as_ref(), "visit"), ["A/Commander"]);
    assert_eq!(people(store.as_ref(), "talk"), ["C/Envoy"]);

    // re-importing the activity's record leaves its people
    import(store.as_mut(), &[activity("visit", ActivityKind::Conference, "2026-01-12", None)]);
    assert_eq!(people(store.as_ref(), "visit"), ["A/Commander"]);

    // an unknown activity, the same person twice: nothing written for them
    assert_eq!(
        import_people(store.as_mut(), &[("nowhere", a.clone()), ("talk", b.clone()), ("talk", person(None, "b", "x"))]),
        [Upsert::Orphan, Upsert::Updated, Upsert::Repeated]
    );
    assert_eq!(people(store.as_ref(), "talk"), ["B/Aide"]);

    // a dropped session leaves the people as they were
    let mut session = store.begin_activity_import("dropped", "activities").unwrap();
    session.add_person("talk", &c).unwrap();
    drop(session);
    assert_eq!(people(store.as_ref(), "talk"), ["B/Aide"]);
}

#[test]
fn a_saved_activity_holds_its_people_and_a_stale_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store(&dir);
    import(store.as_mut(), &[activity("visit", ActivityKind::Meeting, "2026-01-12", None)]);
    let stored = store.activity("visit").unwrap().unwrap();
    let mut edited = stored.clone();
    edited.people = vec![person(None, "A", "Chief"), person(Some("gcc"), "B", "Aide")];
    let entry =
        vigie_domain::AuditEntry::new(jiff::Timestamp::now(), "editor", "activity.update", "activity", Some("visit"));
    assert!(store.save_activity(&edited, Some(&stored), &entry).unwrap());
    assert_eq!(people(store.as_ref(), "visit"), ["A/Chief", "B/Aide"]);
    // a form read before that save is stale, whatever else it changes
    assert!(!store.save_activity(&stored, Some(&stored), &entry).unwrap());
    let mut fewer = edited.clone();
    fewer.people.remove(0);
    assert!(store.save_activity(&fewer, Some(&edited), &entry).unwrap());
    assert_eq!(people(store.as_ref(), "visit"), ["B/Aide"]);
    assert_eq!(store.audit(&AuditFilter::default()).unwrap().len(), 2);
}
