//! The activity register's native formats, read and written.
//!
//! CSV: `id,kind,date,end_date,title_fr,title_en,title_ar,counterpart_country,
//! counterpart_org,counterpart_person,counterpart_title,domains,place,
//! description,article,highlight,organisations,themes`, one row an
//! activity, `domains`, `organisations` and `themes` separated by ` ; `.
//! JSON Lines: one object an activity with the same keys, those three lists
//! of strings (or one ` ; `-separated string each), `highlight` a number;
//! an absent or null key is an empty value. A register of flat records, read
//! by `flat::read` with [`ACTIVITY_LAYOUT`]; the domain's `ActivityValidator`
//! decides what the values mean. The writers are the register's own (every
//! key, `highlight` a number).

use std::io::Write;

use serde_json::{Value, json};
use vigie_domain::Activity;
use vigie_domain::activity::{ACTIVITY_ALIASES, ACTIVITY_COLUMNS};
use vigie_domain::counterpart::{COUNTERPART_COLUMNS, Counterpart};

use super::flat::{self, FlatLayout};
use super::jsonl;

/// The register's columns, for `flat::read`: a record's values make a
/// `RawActivity` (`RawActivity::from_values`). The columns whose value is
/// required must be in a CSV header.
pub const ACTIVITY_LAYOUT: FlatLayout = FlatLayout {
    kind: "activity",
    columns: &ACTIVITY_COLUMNS,
    required: &[0, 1, 2],
    lists: &["domains", "organisations", "themes"],
    booleans: false,
    aliases: &ACTIVITY_ALIASES,
};

/// The counterparts file's columns: a record is one person of an
/// activity's counterparts, told from an activity by its `activity` column
/// (or key).
pub const COUNTERPART_LAYOUT: FlatLayout = FlatLayout {
    kind: "counterpart",
    columns: &COUNTERPART_COLUMNS,
    required: &[0, 2],
    lists: &[],
    booleans: false,
    aliases: &[],
};

/// Both layouts of the register's files, the activities' first.
pub const ACTIVITY_LAYOUTS: [&FlatLayout; 2] = [&ACTIVITY_LAYOUT, &COUNTERPART_LAYOUT];

/// The counterparts file's rows of these activities, in order.
fn people_rows(activities: &[Activity]) -> impl Iterator<Item = [String; 7]> + '_ {
    activities.iter().flat_map(|a| a.people.iter().map(|p| p.values(&a.id)))
}

/// Writes the activities' people as the counterparts CSV.
pub fn write_people_csv<W: Write>(activities: &[Activity], output: W) -> csv::Result<W> {
    flat::write_csv(&COUNTERPART_LAYOUT, people_rows(activities), output)
}

/// Writes the activities' people as JSON Lines, one object a person.
pub fn write_people_jsonl<W: Write>(activities: &[Activity], output: W) -> std::io::Result<W> {
    jsonl::write_lines(people_rows(activities).map(|row| flat::to_object(&COUNTERPART_LAYOUT, &row)), output)
}

/// One person as a JSON object, within its activity's.
fn person_object(person: &Counterpart) -> Value {
    json!({
        "organisation": person.organisation,
        "person": person.person,
        "person_ar": person.person_ar,
        "title_fr": person.title.fr,
        "title_en": person.title.en,
        "title_ar": person.title.ar,
    })
}

/// Writes activities as the activity CSV.
pub fn write_csv<W: Write>(activities: &[Activity], output: W) -> csv::Result<W> {
    flat::write_csv(&ACTIVITY_LAYOUT, activities.iter().map(Activity::values), output)
}

/// One activity as its JSON Lines object: every key, text values empty when
/// not given, `domains`, `organisations` and `themes` lists, `highlight` a
/// number or null.
pub fn to_object(activity: &Activity) -> Value {
    json!({
        "id": activity.id,
        "kind": activity.kind.code(),
        "date": activity.date_text(),
        "end_date": activity.end_date.map(|d| d.to_string()).unwrap_or_default(),
        "title_fr": activity.title.fr,
        "title_en": activity.title.en,
        "title_ar": activity.title.ar,
        "counterpart_country": activity.counterpart_country.map(|c| c.to_string()).unwrap_or_default(),
        "counterpart_org_fr": activity.counterpart_org.fr,
        "counterpart_org_en": activity.counterpart_org.en,
        "counterpart_org_ar": activity.counterpart_org.ar,
        "counterpart_person": activity.counterpart_person,
        "counterpart_person_ar": activity.counterpart_person_ar,
        "counterpart_title_fr": activity.counterpart_title.fr,
        "counterpart_title_en": activity.counterpart_title.en,
        "counterpart_title_ar": activity.counterpart_title.ar,
        "domains": activity.domains.iter().map(|d| d.code()).collect::<Vec<_>>(),
        "place_fr": activity.place.fr,
        "place_en": activity.place.en,
        "place_ar": activity.place.ar,
        "description_fr": activity.description.fr,
        "description_en": activity.description.en,
        "description_ar": activity.description.ar,
        "article": activity.article.clone().unwrap_or_default(),
        "highlight": activity.highlight,
        "organisations": activity.organisations,
        "themes": activity.themes,
    })
}

/// Writes activities as JSON Lines, one object a line.
pub fn write_jsonl<W: Write>(activities: &[Activity], output: W) -> std::io::Result<W> {
    jsonl::write_lines(activities.iter().map(to_object), output)
}

/// The activities as one JSON array of their JSON Lines objects, each
/// with its `people` (a list of objects: not a key the register's files
/// read, which give the people in a file of their own).
pub fn to_json(activities: &[Activity]) -> Value {
    let with_people = |activity: &Activity| {
        let mut object = to_object(activity);
        object["people"] = activity.people.iter().map(person_object).collect();
        object
    };
    Value::Array(activities.iter().map(with_people).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, ReadError, RowProblem};
    use vigie_domain::ActivityValidator;
    use vigie_domain::activity::RawActivity;

    /// A record as the importer sees it: its values as a `RawActivity`.
    struct ActivityRecord {
        line: u64,
        raw: RawActivity,
        problems: Vec<RowProblem>,
        object: Option<serde_json::Map<String, Value>>,
    }

    fn read(format: Format, input: &str) -> Result<Vec<ActivityRecord>, ReadError> {
        let mut out = Vec::new();
        flat::read::<ReadError>(format, input.as_bytes(), &ACTIVITY_LAYOUT, |record| {
            let raw = RawActivity::from_values(record.values);
            out.push(ActivityRecord { line: record.line, raw, problems: record.problems, object: record.object });
            Ok(())
        })?;
        Ok(out)
    }

    fn csv(input: &str) -> Result<Vec<ActivityRecord>, ReadError> {
        read(Format::Csv, input)
    }

    fn jsonl(input: &str) -> Vec<ActivityRecord> {
        read(Format::Jsonl, input).unwrap()
    }

    fn described(record: &ActivityRecord) -> Vec<String> {
        record.problems.iter().map(RowProblem::describe).collect()
    }

    #[test]
    fn columns_in_any_order_and_lines_as_an_editor_counts_them() {
        let records = csv(
            "\u{feff}date,id,kind,title_en\r\n2023-12,a,meeting,\"Two\r\nlines\"\r\n\r\n2023-11-02,b,workshop,W\r\n",
        )
        .unwrap();
        assert_eq!((records[0].line, records[1].line), (2, 5));
        let raw = &records[0].raw;
        assert_eq!(
            (raw.id.as_deref(), raw.date.as_deref(), raw.place_en.as_deref()),
            (Some("a"), Some("2023-12"), None)
        );
        assert_eq!(raw.title_en.as_deref(), Some("Two\r\nlines"));
    }

    #[test]
    fn csv_header_and_row_problems_are_located() {
        let Err(ReadError::Header(problems)) = csv("id,title_en,colour\n") else { panic!() };
        let text: Vec<String> = problems.iter().map(RowProblem::describe).collect();
        assert!(text[0].starts_with("1: column colour: unknown column (the columns are id, kind, date"));
        assert_eq!(text[1], "1: column kind: required column is missing from the header");
        assert_eq!(text[2], "1: column date: required column is missing from the header");
        let records = csv("id,kind,date\nx\n").unwrap();
        assert_eq!(described(&records[0]), ["2: row has 1 field but the header has 3"]);
        let records = csv("id,kind,date,reason\nx,meeting,2023-01-01,bad\n").unwrap();
        assert!(records[0].problems.is_empty(), "a rejects file's reason column is ignored");
    }

    #[test]
    fn jsonl_records() {
        let records = jsonl(
            "{\"id\":\"x\",\"domains\":[\"military\",\"ideological\"],\"highlight\":2,\"article\":null}\n\n\
             {\"id\":\"y\",\"domains\":\"military ; communication\",\"colour\":1,\"highlight\":true}\n{oops\n",
        );
        let raw = &records[0].raw;
        assert_eq!(raw.domains.as_deref(), Some("military ; ideological"));
        assert_eq!((raw.highlight.as_deref(), raw.article.as_deref()), (Some("2"), None));
        assert_eq!(records[1].line, 3);
        assert_eq!(records[1].raw.domains.as_deref(), Some("military ; communication"));
        let problems = described(&records[1]);
        assert!(problems[0].starts_with("3: column colour: unknown key (the keys are id, kind"), "{problems:?}");
        assert_eq!(problems[1], "3: column highlight: must be a string or null (got \"true\")");
        assert!(described(&records[2])[0].starts_with("4: not a JSON object"));
        assert!(records[2].object.is_none() && records[0].object.is_some());
    }

    #[test]
    fn writers_give_what_the_readers_read_back() {
        let validator = ActivityValidator::new();
        let input = format!(
            "{}\n\
             2023-12-13-meeting,conference,2023-12-13,2023-12-14,\"Réunion, \"\"chefs\"\"\",,اجتماع,PK,Organisation,Org,\
             منظمة,Person,شخص,,Title,,military ; ideological,Riyad,Riyadh,الرياض,,\"Line one\nline two\",,\
             an-article,2,gcc ; unodc,sahel ; online-recruitment\n\
             month-only,meeting,2023-05,,,Meeting,,,,,,,,,,,,,,,,,,,,,\n",
            ACTIVITY_COLUMNS.join(",")
        );
        let activities: Vec<Activity> =
            csv(&input).unwrap().iter().map(|r| validator.activity(&r.raw).unwrap()).collect();
        assert_eq!(activities[1].date_text(), "2023-05");
        let text = String::from_utf8(write_csv(&activities, Vec::new()).unwrap()).unwrap();
        assert_eq!(text, input);
        let back: Vec<Activity> = csv(&text).unwrap().iter().map(|r| validator.activity(&r.raw).unwrap()).collect();
        assert_eq!(back, activities);
        let text = String::from_utf8(write_jsonl(&activities, Vec::new()).unwrap()).unwrap();
        assert!(text.contains("\"domains\":[\"military\",\"ideological\"]"), "{text}");
        assert!(text.contains("\"highlight\":2"), "{text}");
        assert!(text.contains("\"highlight\":null"), "{text}");
        let back: Vec<Activity> = jsonl(&text).iter().map(|r| validator.activity(&r.raw).unwrap()).collect();
        assert_eq!(back, activities);
        assert_eq!(to_json(&activities)[0]["domains"][1], "ideological");
    }
}
