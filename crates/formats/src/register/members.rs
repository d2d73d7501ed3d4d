//! The member register's native formats, read and written.
//!
//! CSV: `country,joined,national_day,name_fr,name_en,name_ar,representative_title`,
//! one row per national day (`MM-DD`); a country with two national days has
//! two rows. JSON Lines: one object a member,
//! `{"country":"AE","joined":"2015-12-15","national_days":[{"date":"12-02","name":{"fr":…,"en":…,"ar":…}}],"representative_title":…}`.
//! Readers hand out records with their line and structural problems; the
//! domain's `MemberValidator` decides what the values mean.

use std::io::{BufRead, Read, Write};

use serde_json::{Map, Value};
use vigie_domain::Member;
use vigie_domain::member::{DayColumns, MEMBER_COLUMNS, RawMember, RawNationalDay};

use super::flat::{self, FlatCsvReader, FlatLayout};
use super::jsonl::{for_each_object, string, write_lines};
use super::problem;
use crate::native::REASON_COLUMN;
use crate::{ReadError, RowProblem};

/// One record of the register: a CSV row or a JSON Lines object.
#[derive(Debug, Clone)]
pub struct MemberRecord {
    /// The line it starts on.
    pub line: u64,
    pub raw: RawMember,
    /// Structural problems (then the record is not valid).
    pub problems: Vec<RowProblem>,
    /// The object as read, for a JSON Lines record that is an object.
    pub object: Option<Map<String, Value>>,
}

/// The CSV's columns: `country` is required.
const MEMBER_LAYOUT: FlatLayout =
    FlatLayout { kind: "member", columns: &MEMBER_COLUMNS, required: &[0], lists: &[], booleans: false, aliases: &[] };

/// Streaming reader of the member CSV.
pub struct MemberCsvReader<R: Read> {
    reader: FlatCsvReader<'static, R>,
}

impl<R: Read> MemberCsvReader<R> {
    /// Reads and checks the header row.
    pub fn new(input: R) -> Result<MemberCsvReader<R>, ReadError> {
        Ok(MemberCsvReader { reader: FlatCsvReader::new(input, &MEMBER_LAYOUT)? })
    }

    /// Calls `visit` for each data row, in order; stops at the first error
    /// `visit` returns.
    pub fn for_each<E: From<ReadError>>(
        &mut self,
        mut visit: impl FnMut(MemberRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        self.reader.for_each(|record| {
            let mut values = record.values.into_iter();
            let mut next = || values.next().flatten();
            let (country, joined) = (next(), next());
            let (date, name_fr, name_en, name_ar) = (next(), next(), next(), next());
            let representative_title = next();
            let raw = RawMember {
                country,
                joined,
                representative_title,
                national_days: vec![RawNationalDay { date, name_fr, name_en, name_ar, columns: DayColumns::csv() }],
            };
            visit(MemberRecord { line: record.line, raw, problems: record.problems, object: None })
        })
    }
}

/// How the columns of the `index`-th national day of a JSON object are named.
pub fn json_day_columns(index: usize) -> DayColumns {
    DayColumns {
        date: format!("national_days[{index}].date"),
        name_fr: format!("national_days[{index}].name.fr"),
        name_en: format!("national_days[{index}].name.en"),
        name_ar: format!("national_days[{index}].name.ar"),
        name: format!("national_days[{index}].name"),
    }
}

const KEYS: [&str; 4] = ["country", "joined", "national_days", "representative_title"];

/// Streaming reader of the member JSON Lines; blank lines are skipped.
pub struct MemberJsonlReader<R: BufRead> {
    input: R,
}

impl<R: BufRead> MemberJsonlReader<R> {
    pub fn new(input: R) -> MemberJsonlReader<R> {
        MemberJsonlReader { input }
    }

    /// Calls `visit` for each object, in order; stops at the first error
    /// `visit` returns.
    pub fn for_each<E: From<ReadError>>(
        &mut self,
        mut visit: impl FnMut(MemberRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        for_each_object(&mut self.input, |line, object| {
            let mut problems = Vec::new();
            let mut raw = RawMember { country: None, joined: None, representative_title: None, national_days: vec![] };
            let object = match object {
                Err(problem) => {
                    problems.push(problem);
                    None
                }
                Ok(object) => {
                    read_object(line, &object, &mut raw, &mut problems);
                    Some(object)
                }
            };
            visit(MemberRecord { line, raw, problems, object })
        })
    }
}

fn read_object(line: u64, object: &Map<String, Value>, raw: &mut RawMember, problems: &mut Vec<RowProblem>) {
    for (key, value) in object {
        match key.as_str() {
            "country" => raw.country = string(line, key, value, problems),
            "joined" => raw.joined = string(line, key, value, problems),
            "representative_title" => raw.representative_title = string(line, key, value, problems),
            "national_days" => match value {
                Value::Null => {}
                Value::Array(items) => {
                    for (index, item) in items.iter().enumerate() {
                        raw.national_days.push(read_day(line, index, item, problems));
                    }
                }
                other => problems.push(problem(
                    line,
                    key,
                    "must be a list of national days: [{\"date\": \"MM-DD\", \"name\": {\"fr\": …, \"en\": …, \"ar\": …}}]",
                    Some(other.to_string()),
                )),
            },
            REASON_COLUMN => {}
            _ => problems.push(RowProblem::of_kind(
                line,
                key,
                vigie_domain::FieldErrorKind::UnknownKey { keys: KEYS.join(", ") },
                None,
            )),
        }
    }
}

fn read_day(line: u64, index: usize, item: &Value, problems: &mut Vec<RowProblem>) -> RawNationalDay {
    let columns = json_day_columns(index);
    let mut day = RawNationalDay { date: None, name_fr: None, name_en: None, name_ar: None, columns };
    let Value::Object(fields) = item else {
        problems.push(problem(
            line,
            &format!("national_days[{index}]"),
            "must be an object: {\"date\": \"MM-DD\", \"name\": {\"fr\": …, \"en\": …, \"ar\": …}}",
            Some(item.to_string()),
        ));
        return day;
    };
    for (key, value) in fields {
        match key.as_str() {
            "date" => day.date = string(line, &day.columns.date.clone(), value, problems),
            "name" => match value {
                Value::Null => {}
                Value::Object(names) => {
                    for (lang, name) in names {
                        let column = format!("national_days[{index}].name.{lang}");
                        match lang.as_str() {
                            "fr" => day.name_fr = string(line, &column, name, problems),
                            "en" => day.name_en = string(line, &column, name, problems),
                            "ar" => day.name_ar = string(line, &column, name, problems),
                            _ => problems.push(problem(line, &column, "unknown language: use fr, en and ar", None)),
                        }
                    }
                }
                other => problems.push(problem(
                    line,
                    &day.columns.name.clone(),
                    "must be an object of names: {\"fr\": …, \"en\": …, \"ar\": …}",
                    Some(other.to_string()),
                )),
            },
            _ => problems.push(problem(
                line,
                &format!("national_days[{index}].{key}"),
                "unknown key (a national day has date and name)",
                None,
            )),
        }
    }
    day
}

/// A stored member as the raw values a reader would give for it, so that
/// every writer below puts out what imports back to the same member.
pub fn raw_of(member: &Member) -> RawMember {
    let text = |value: &str| (!value.is_empty()).then(|| value.to_string());
    RawMember {
        country: Some(member.country.to_string()),
        joined: member.joined.map(|date| date.to_string()),
        representative_title: text(&member.representative_title),
        national_days: member
            .national_days
            .iter()
            .enumerate()
            .map(|(index, day)| RawNationalDay {
                date: Some(day.code()),
                name_fr: Some(day.name.fr.clone()),
                name_en: Some(day.name.en.clone()),
                name_ar: Some(day.name.ar.clone()),
                columns: json_day_columns(index),
            })
            .collect(),
    }
}

/// The CSV rows of a record: one per national day, or one without a day.
pub fn csv_rows(raw: &RawMember) -> Vec<[String; 7]> {
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let row = |day: Option<&RawNationalDay>| {
        [
            value(&raw.country),
            value(&raw.joined),
            day.map(|d| value(&d.date)).unwrap_or_default(),
            day.map(|d| value(&d.name_fr)).unwrap_or_default(),
            day.map(|d| value(&d.name_en)).unwrap_or_default(),
            day.map(|d| value(&d.name_ar)).unwrap_or_default(),
            value(&raw.representative_title),
        ]
    };
    if raw.national_days.is_empty() {
        vec![row(None)]
    } else {
        raw.national_days.iter().map(|d| row(Some(d))).collect()
    }
}

/// A record as the format's JSON object, keys in the format's order.
#[derive(serde::Serialize)]
struct JsonMember<'a> {
    country: Option<&'a str>,
    joined: Option<&'a str>,
    national_days: Vec<JsonDay<'a>>,
    representative_title: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct JsonDay<'a> {
    date: Option<&'a str>,
    name: JsonNames<'a>,
}

#[derive(serde::Serialize)]
struct JsonNames<'a> {
    fr: &'a str,
    en: &'a str,
    ar: &'a str,
}

fn json_names(day: &RawNationalDay) -> JsonNames<'_> {
    JsonNames {
        fr: day.name_fr.as_deref().unwrap_or(""),
        en: day.name_en.as_deref().unwrap_or(""),
        ar: day.name_ar.as_deref().unwrap_or(""),
    }
}

fn json_member(raw: &RawMember) -> JsonMember<'_> {
    JsonMember {
        country: raw.country.as_deref(),
        joined: raw.joined.as_deref(),
        national_days: raw
            .national_days
            .iter()
            .map(|day| JsonDay { date: day.date.as_deref(), name: json_names(day) })
            .collect(),
        representative_title: raw.representative_title.as_deref(),
    }
}

/// A record as a JSON object (for a rejects file).
pub fn json_object(raw: &RawMember) -> Map<String, Value> {
    match serde_json::to_value(json_member(raw)) {
        Ok(Value::Object(object)) => object,
        _ => Map::new(),
    }
}

/// Writes members as the native CSV (header, one row per national day).
pub fn write_csv<W: Write>(members: &[Member], output: W) -> csv::Result<W> {
    flat::write_csv(&MEMBER_LAYOUT, members.iter().flat_map(|member| csv_rows(&raw_of(member))), output)
}

/// Writes members as the native JSON Lines (one object a line).
pub fn write_jsonl<W: Write>(members: &[Member], output: W) -> std::io::Result<W> {
    let raws: Vec<RawMember> = members.iter().map(raw_of).collect();
    write_lines(raws.iter().map(json_member), output)
}

/// The members as one JSON array of the JSON Lines objects.
pub fn to_json(members: &[Member]) -> Value {
    Value::Array(members.iter().map(|m| serde_json::to_value(json_member(&raw_of(m))).unwrap_or(Value::Null)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(input: &str) -> Result<Vec<MemberRecord>, ReadError> {
        let mut reader = MemberCsvReader::new(input.as_bytes())?;
        let mut out = Vec::new();
        reader.for_each::<ReadError>(|record| {
            out.push(record);
            Ok(())
        })?;
        Ok(out)
    }

    fn jsonl(input: &str) -> Vec<MemberRecord> {
        let mut out = Vec::new();
        MemberJsonlReader::new(input.as_bytes())
            .for_each::<ReadError>(|record| {
                out.push(record);
                Ok(())
            })
            .unwrap();
        out
    }

    fn described(record: &MemberRecord) -> Vec<String> {
        record.problems.iter().map(RowProblem::describe).collect()
    }

    #[test]
    fn csv_rows_with_their_lines() {
        let records = csv("\u{feff}country,national_day,name_en\r\nAE,12-02,National Day\r\n\r\nPK,\"03-23\",\"Pakistan\nDay\"\r\nPK,08-14,Independence Day\r\n").unwrap();
        assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4, 6]);
        let first = &records[0].raw;
        assert_eq!(first.country.as_deref(), Some("AE"));
        assert_eq!(first.joined, None, "absent column");
        assert_eq!(first.national_days[0].date.as_deref(), Some("12-02"));
        assert_eq!(first.national_days[0].name_en.as_deref(), Some("National Day"));
        assert_eq!(first.national_days[0].columns, DayColumns::csv());
        assert_eq!(records[1].raw.national_days[0].name_en.as_deref(), Some("Pakistan\nDay"));
    }

    #[test]
    fn csv_header_problems_are_located() {
        let Err(ReadError::Header(problems)) = csv("national_day,colour,national_day\n") else { panic!() };
        let text: Vec<String> = problems.iter().map(RowProblem::describe).collect();
        assert!(text[0].starts_with("1: column colour: unknown column (the columns are country, joined"));
        assert_eq!(text[1], "1: column national_day: column appears twice in the header");
        assert_eq!(text[2], "1: column country: required column is missing from the header");
        assert!(matches!(csv(""), Err(ReadError::Header(_))));
        // the rejects file's reason column is ignored
        assert!(csv("country,reason\nAE,whatever\n").unwrap()[0].problems.is_empty());
    }

    #[test]
    fn ragged_csv_rows_are_row_problems() {
        let records = csv("country,national_day\nAE\n").unwrap();
        assert_eq!(described(&records[0]), ["2: row has 1 field but the header has 2"]);
    }

    #[test]
    fn jsonl_objects_with_their_days() {
        let records = jsonl(
            "{\"country\":\"PK\",\"joined\":null,\"national_days\":[{\"date\":\"03-23\",\"name\":{\"en\":\"Pakistan Day\",\"fr\":\"Journée du Pakistan\"}},{\"date\":\"08-14\",\"name\":{\"ar\":\"عيد الاستقلال\"}}]}\n\n{\"country\":784}\n",
        );
        assert_eq!(records.len(), 2);
        let pk = &records[0].raw;
        assert_eq!(pk.national_days.len(), 2);
        assert_eq!(pk.national_days[1].name_ar.as_deref(), Some("عيد الاستقلال"));
        assert_eq!(pk.national_days[1].columns.date, "national_days[1].date");
        assert!(records[0].problems.is_empty());
        assert_eq!(records[1].line, 3);
        assert_eq!(records[1].raw.country.as_deref(), Some("784"));
    }

    #[test]
    fn jsonl_structure_problems_are_located() {
        let records = jsonl(
            "{oops\n{\"country\":\"AE\",\"colour\":1,\"national_days\":[{\"date\":\"12-02\",\"name\":\"National Day\",\"when\":1},5]}\n{\"country\":[\"AE\"],\"national_days\":{\"date\":\"12-02\"}}\n",
        );
        assert!(described(&records[0])[0].starts_with("1: not a JSON object"));
        let second = described(&records[1]);
        assert!(second.iter().any(|p| p.starts_with("2: column colour: unknown key")), "{second:?}");
        assert!(second.iter().any(|p| p.starts_with("2: column national_days[0].name: must be an object of names")));
        assert!(second.iter().any(|p| p.starts_with("2: column national_days[0].when: unknown key")));
        assert!(second.iter().any(|p| p.starts_with("2: column national_days[1]: must be an object")));
        let third = described(&records[2]);
        assert!(third.iter().any(|p| p == "3: column country: must be a string or null (got \"[\\\"AE\\\"]\")"));
        assert!(third.iter().any(|p| p.starts_with("3: column national_days: must be a list")));
    }

    fn member() -> Member {
        use vigie_domain::{CountryCode, Names, NationalDay};
        let day = |month, day, en: &str| NationalDay {
            month,
            day,
            name: Names { fr: format!("{en} (fr)"), en: en.into(), ar: String::new() },
        };
        Member {
            country: CountryCode::new("PK").unwrap(),
            joined: Some("2015-12-15".parse().unwrap()),
            national_days: vec![day(3, 23, "Pakistan Day"), day(8, 14, "Independence Day, \"1947\"")],
            representative_title: String::new(),
        }
    }

    #[test]
    fn writers_give_what_the_readers_read_back() {
        let validator = vigie_domain::MemberValidator::new("2026-01-01".parse().unwrap());
        let members = vec![member()];
        let csv_text = String::from_utf8(write_csv(&members, Vec::new()).unwrap()).unwrap();
        assert_eq!(
            csv_text,
            "country,joined,national_day,name_fr,name_en,name_ar,representative_title\n\
             PK,2015-12-15,03-23,Pakistan Day (fr),Pakistan Day,,\n\
             PK,2015-12-15,08-14,\"Independence Day, \"\"1947\"\" (fr)\",\"Independence Day, \"\"1947\"\"\",,\n"
        );
        let rows = csv(&csv_text).unwrap();
        let mut merged = validator.validate(&rows[0].raw).unwrap();
        merged.national_days.extend(validator.validate(&rows[1].raw).unwrap().national_days);
        assert_eq!(merged, members[0]);

        let jsonl_text = String::from_utf8(write_jsonl(&members, Vec::new()).unwrap()).unwrap();
        assert!(jsonl_text.starts_with(
            "{\"country\":\"PK\",\"joined\":\"2015-12-15\",\"national_days\":[{\"date\":\"03-23\",\"name\":{\"fr\":\"Pakistan Day (fr)\",\"en\":\"Pakistan Day\",\"ar\":\"\"}}"
        ), "{jsonl_text}");
        assert!(jsonl_text.ends_with("],\"representative_title\":null}\n"), "{jsonl_text}");
        let read = jsonl(&jsonl_text);
        assert_eq!(validator.validate(&read[0].raw).unwrap(), members[0]);
        assert_eq!(to_json(&members)[0]["national_days"][1]["date"], "08-14");
    }
}
