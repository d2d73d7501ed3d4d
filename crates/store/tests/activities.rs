//! The activity register in SQLite through the `Store` trait: upserts,
//! the list order and filters, and what a dropped session leaves.

use vigie_domain::{Activity, ActivityKind, CountryCode, DatePrecision, Domain, Names};
use vigie_store::{ActivityFilter, ImportCounts, Store, Upsert};

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
