//! Properties of the activity register's formats: any valid activity the
//! writers put in CSV or JSON Lines, the readers and the validator give back
//! identically, each record at the line it starts on.

use jiff::civil::Date;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use vigie_domain::activity::{ActivityValidator, RawActivity};
use vigie_domain::counterpart::{Counterpart, counterpart_of};
use vigie_domain::{Activity, ActivityKind, CountryCode, DatePrecision, Domain, Names};
use vigie_formats::register::activities::{
    ACTIVITY_LAYOUT, ACTIVITY_LAYOUTS, write_csv, write_jsonl, write_people_csv, write_people_jsonl,
};
use vigie_formats::register::flat::{self, FlatRecord};
use vigie_formats::{Format, ReadError};

const COUNTRIES: &[&str] = &["SA", "PK", "TD", "NE", "EG", "FR", "US", "MA"];
/// Pieces of one-line text: letters, accents, Arabic, and what CSV and JSON
/// must quote or escape.
const PIECES: &[&str] = &[
    "a",
    "Z",
    "0",
    " ",
    "\u{a0}",
    "é",
    "Œ",
    "Riyad",
    "N'Djamena",
    "الرياض",
    "وفد",
    ",",
    "\"",
    "\"\"",
    "'",
    ";",
    " ; ",
    "\\",
    "«",
    "»",
    "…",
    "-",
    "{",
    "}",
    "|",
];
/// More pieces a description may hold: line breaks and tabs.
const BREAKS: &[&str] = &["\n", "\r\n", "\t", "\n\n"];

fn line_text() -> impl Strategy<Value = String> {
    prop::collection::vec(select(PIECES), 0..12).prop_map(|pieces| pieces.concat().trim().to_string())
}

fn description() -> impl Strategy<Value = String> {
    let piece = prop_oneof![4 => select(PIECES), 1 => select(BREAKS)];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat().trim().to_string())
}

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,3}"
}

/// A day, or the first of a month whose day is not known.
fn when() -> impl Strategy<Value = (Date, DatePrecision)> {
    (2015i16..=2030, 1i8..=12, 1i8..=31, any::<bool>()).prop_map(|(year, month, day, by_month)| {
        if by_month {
            (Date::new(year, month, 1).unwrap(), DatePrecision::Month)
        } else {
            let last = Date::new(year, month, 1).unwrap().days_in_month();
            (Date::new(year, month, day.min(last)).unwrap(), DatePrecision::Day)
        }
    })
}

fn activity() -> impl Strategy<Value = Activity> {
    let head = (slug(), select(ActivityKind::ALL.to_vec()), when(), prop::option::of(0i64..60));
    let title = (line_text(), line_text(), line_text());
    let counterpart = (prop::option::of(select(COUNTRIES)), line_text(), line_text(), line_text());
    let rest = (
        subsequence(Domain::ALL.to_vec(), 0..=Domain::ALL.len()).prop_shuffle(),
        line_text(),
        description(),
        prop::option::of(slug()),
        prop::option::of(1u32..),
    );
    (head, title, counterpart, rest).prop_map(
        |(
            (id, kind, (date, date_precision), end_days),
            (fr, en, ar),
            (country, counterpart_org, counterpart_person, counterpart_title),
            (domains, place, description, article, highlight),
        )| {
            let mut title = Names { fr, en, ar };
            if title.fr.is_empty() && title.en.is_empty() && title.ar.is_empty() {
                title.ar = "نشاط".into();
            }
            Activity {
                id,
                kind,
                date,
                date_precision,
                end_date: end_days.map(|days| date.checked_add(jiff::Span::new().days(days)).unwrap()),
                title,
                counterpart_country: country.and_then(CountryCode::new),
                // each text in one, two or three languages
                counterpart_org: Names { fr: String::new(), en: counterpart_org, ar: String::new() },
                counterpart_person_ar: counterpart_person.chars().rev().collect::<String>().trim().to_string(),
                counterpart_person,
                counterpart_title: Names { fr: String::new(), en: String::new(), ar: counterpart_title },
                domains,
                place: Names { fr: place.clone(), en: place, ar: String::new() },
                description: Names { fr: description.clone(), en: String::new(), ar: description },
                // ids and tags: a few, each once
                organisations: if highlight.is_some() { vec!["gcc".into(), "unodc".into()] } else { Vec::new() },
                themes: if article.is_some() { vec!["sahel".into()] } else { Vec::new() },
                article,
                highlight,
                // the people are not in the activity's row (the counterparts file)
                people: Vec::new(),
            }
        },
    )
}

/// The line breaks an editor sees in a text (CRLF, LF and a lone CR each
/// one).
fn breaks(text: &str) -> u64 {
    let text = text.replace("\r\n", "\n");
    text.chars().filter(|&c| c == '\n' || c == '\r').count() as u64
}

fn read(format: Format, bytes: &[u8]) -> Vec<FlatRecord> {
    let mut records = Vec::new();
    flat::read::<ReadError>(format, bytes, &ACTIVITY_LAYOUT, |record| {
        records.push(record);
        Ok(())
    })
    .unwrap();
    records
}

fn validated(records: Vec<FlatRecord>) -> Vec<(u64, Activity)> {
    let validator = ActivityValidator::new();
    records
        .into_iter()
        .map(|record| {
            assert!(record.problems.is_empty(), "line {}: {:?}", record.line, record.problems);
            let raw = RawActivity::from_values(record.values);
            let activity =
                validator.activity(&raw).unwrap_or_else(|errors| panic!("line {}: {errors:?} in {raw:?}", record.line));
            (record.line, activity)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn csv_gives_back_what_it_was_given(activities in prop::collection::vec(activity(), 0..8)) {
        let bytes = write_csv(&activities, Vec::new()).unwrap();
        let read = validated(read(Format::Csv, &bytes));
        let mut line = 2;
        let mut expected = Vec::new();
        for activity in &activities {
            expected.push((line, activity.clone()));
            line += 1 + breaks(&activity.description.fr) + breaks(&activity.description.ar);
        }
        prop_assert_eq!(read, expected);
    }

    #[test]
    fn jsonl_gives_back_what_it_was_given(activities in prop::collection::vec(activity(), 0..8)) {
        let bytes = write_jsonl(&activities, Vec::new()).unwrap();
        let expected: Vec<(u64, Activity)> = (1..).zip(activities.iter().cloned()).collect();
        prop_assert_eq!(validated(read(Format::Jsonl, &bytes)), expected);
    }
}

/// A person: one-line texts without the form's separator `|`.
fn person() -> impl Strategy<Value = Counterpart> {
    let text = || line_text().prop_map(|t| t.replace('|', "").trim().to_string());
    (prop::option::of(slug()), text(), text(), (text(), text(), text())).prop_map(
        |(organisation, person, person_ar, (fr, en, ar))| Counterpart {
            organisation,
            person: if person.is_empty() { "X".into() } else { person },
            person_ar,
            title: Names { fr, en, ar },
        },
    )
}

/// The (activity id, person) of each record of a counterparts file, read
/// as an import reads the register's files (`read_any`: the layout told by
/// the header or the keys).
fn people_read(format: Format, bytes: &[u8]) -> Vec<(String, Counterpart)> {
    let mut people = Vec::new();
    flat::read_any::<ReadError>(format, bytes, &ACTIVITY_LAYOUTS, |layout, record| {
        assert_eq!(layout, 1, "line {}: read as an activity", record.line);
        assert!(record.problems.is_empty(), "line {}: {:?}", record.line, record.problems);
        people.push(counterpart_of(&record.values).unwrap_or_else(|e| panic!("line {}: {e:?}", record.line)));
        Ok(())
    })
    .unwrap();
    people
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_counterparts_file_gives_back_each_activity_s_people(
        activities in prop::collection::vec((activity(), prop::collection::vec(person(), 0..4)), 0..5)
    ) {
        let activities: Vec<Activity> =
            activities.into_iter().map(|(activity, people)| Activity { people, ..activity }).collect();
        let expected: Vec<(String, Counterpart)> =
            activities.iter().flat_map(|a| a.people.iter().map(|p| (a.id.clone(), p.clone()))).collect();
        let csv = write_people_csv(&activities, Vec::new()).unwrap();
        prop_assert_eq!(people_read(Format::Csv, &csv), expected.clone());
        let jsonl = write_people_jsonl(&activities, Vec::new()).unwrap();
        prop_assert_eq!(people_read(Format::Jsonl, &jsonl), expected);
    }
}
