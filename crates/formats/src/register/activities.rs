//! The activity register's native formats, read and written.
//!
//! CSV: `id,kind,date,end_date,title_fr,title_en,title_ar,counterpart_country,
//! counterpart_org,counterpart_person,counterpart_title,domains,place,
//! description,article,highlight`, one row an activity, `domains` separated
//! by ` ; `. JSON Lines: one object an activity with the same keys, `domains`
//! a list of strings (or one ` ; `-separated string), `highlight` a number;
//! an absent or null key is an empty value. Readers hand out records with
//! their line and structural problems; the domain's `ActivityValidator`
//! decides what the values mean.

use std::io::{BufRead, Read, Write};

use serde_json::{Map, Value, json};
use vigie_domain::Activity;
use vigie_domain::activity::{ACTIVITY_COLUMNS, RawActivity};
use vigie_domain::domain_of_action::Domain;

use crate::native::REASON_COLUMN;
use crate::records::{Records, fields, read_columns};
use crate::{ReadError, RowProblem};

/// The columns a CSV header must have: those whose value is required.
const REQUIRED: [usize; 3] = [0, 1, 2];

/// One record of the register: a CSV row or a JSON Lines object.
#[derive(Debug, Clone)]
pub struct ActivityRecord {
    /// The line it starts on.
    pub line: u64,
    pub raw: RawActivity,
    /// Structural problems (then the record is not valid).
    pub problems: Vec<RowProblem>,
    /// The object as read, for a JSON Lines record that is an object (what
    /// a JSON Lines rejects file gives back).
    pub object: Option<Map<String, Value>>,
}

fn problem(line: u64, column: &str, message: impl Into<String>, value: Option<String>) -> RowProblem {
    RowProblem { line, column: column.to_string(), message: message.into(), value }
}

/// Streaming reader of the activity CSV.
pub struct ActivityCsvReader<R: Read> {
    records: Records<R>,
    /// For each field position, the index of its column (None: ignored).
    columns: Vec<Option<usize>>,
}

impl<R: Read> ActivityCsvReader<R> {
    /// Reads and checks the header row.
    pub fn new(input: R) -> Result<ActivityCsvReader<R>, ReadError> {
        let mut records = Records::new(input);
        let columns = read_columns(
            &mut records,
            |name| ACTIVITY_COLUMNS.iter().position(|c| *c == name),
            |index| ACTIVITY_COLUMNS[index],
            &ACTIVITY_COLUMNS,
            &REQUIRED,
            "activity",
        )?;
        Ok(ActivityCsvReader { records, columns })
    }

    /// Calls `visit` for each data row, in order; stops at the first error
    /// `visit` returns.
    pub fn for_each<E: From<ReadError>>(
        &mut self,
        mut visit: impl FnMut(ActivityRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        while let Some((line, record)) = self.records.next_record()? {
            let mut problems = Vec::new();
            if record.len() != self.columns.len() {
                problems.push(problem(
                    line,
                    "",
                    format!("row has {} but the header has {}", fields(record.len()), self.columns.len()),
                    None,
                ));
            }
            let mut values: Vec<Option<String>> = vec![None; ACTIVITY_COLUMNS.len()];
            for (field, column) in record.iter().zip(&self.columns) {
                let Some(index) = *column else { continue };
                match std::str::from_utf8(field) {
                    Ok(text) => values[index] = Some(text.to_string()),
                    Err(_) => problems.push(problem(
                        line,
                        ACTIVITY_COLUMNS[index],
                        "not valid UTF-8 (save the file as UTF-8)",
                        Some(String::from_utf8_lossy(field).into_owned()),
                    )),
                }
            }
            visit(ActivityRecord { line, raw: RawActivity::from_values(values), problems, object: None })?;
        }
        Ok(())
    }
}

/// Streaming reader of the activity JSON Lines; blank lines are skipped.
pub struct ActivityJsonlReader<R: BufRead> {
    input: R,
    line: u64,
    buffer: Vec<u8>,
}

impl<R: BufRead> ActivityJsonlReader<R> {
    pub fn new(input: R) -> ActivityJsonlReader<R> {
        ActivityJsonlReader { input, line: 0, buffer: Vec::new() }
    }

    /// Calls `visit` for each object, in order; stops at the first error
    /// `visit` returns.
    pub fn for_each<E: From<ReadError>>(
        &mut self,
        mut visit: impl FnMut(ActivityRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        loop {
            self.buffer.clear();
            let read = self.input.read_until(b'\n', &mut self.buffer).map_err(ReadError::Io)?;
            if read == 0 {
                return Ok(());
            }
            self.line += 1;
            let line = self.line;
            let mut bytes = self.buffer.as_slice();
            if line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let mut problems = Vec::new();
            let (raw, object) = match serde_json::from_slice::<Map<String, Value>>(bytes) {
                Err(error) => {
                    problems.push(problem(line, "", format!("not a JSON object: {error}"), None));
                    (RawActivity::default(), None)
                }
                Ok(object) => (read_object(line, &object, &mut problems), Some(object)),
            };
            visit(ActivityRecord { line, raw, problems, object })?;
        }
    }
}

/// A string value: strings as they are, numbers as written, null as absent.
fn string(line: u64, column: &str, value: &Value, problems: &mut Vec<RowProblem>) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        other => {
            problems.push(problem(line, column, "must be a string or null", Some(other.to_string())));
            None
        }
    }
}

fn read_object(line: u64, object: &Map<String, Value>, problems: &mut Vec<RowProblem>) -> RawActivity {
    let mut values: Vec<Option<String>> = vec![None; ACTIVITY_COLUMNS.len()];
    for (key, value) in object {
        match ACTIVITY_COLUMNS.iter().position(|c| c == key) {
            Some(index) if key == "domains" => {
                values[index] = match value {
                    Value::Array(items) => {
                        let domains: Vec<String> = items
                            .iter()
                            .enumerate()
                            .filter_map(|(i, item)| string(line, &format!("domains[{i}]"), item, problems))
                            .collect();
                        Some(domains.join(Domain::SEPARATOR))
                    }
                    other => string(line, key, other, problems),
                }
            }
            Some(index) => values[index] = string(line, key, value, problems),
            None if key == REASON_COLUMN => {}
            None => problems.push(problem(
                line,
                key,
                format!("unknown key (the activity keys are {})", ACTIVITY_COLUMNS.join(", ")),
                None,
            )),
        }
    }
    RawActivity::from_values(values)
}

/// A record's values as CSV fields, in column order (absent: empty); what
/// a CSV rejects file holds.
pub fn csv_fields(raw: &RawActivity) -> Vec<&str> {
    raw.values().iter().map(|v| v.as_deref().unwrap_or("")).collect()
}

/// A record's values as a JSON object with the keys given; what a JSON
/// Lines rejects file holds for a CSV row.
pub fn raw_object(raw: &RawActivity) -> Map<String, Value> {
    ACTIVITY_COLUMNS
        .iter()
        .zip(raw.values())
        .filter_map(|(key, value)| value.as_ref().map(|v| (key.to_string(), Value::from(v.as_str()))))
        .collect()
}

fn row(activity: &Activity) -> [String; 16] {
    [
        activity.id.clone(),
        activity.kind.code().to_string(),
        activity.date_text(),
        activity.end_date.map(|d| d.to_string()).unwrap_or_default(),
        activity.title.fr.clone(),
        activity.title.en.clone(),
        activity.title.ar.clone(),
        activity.counterpart_country.map(|c| c.to_string()).unwrap_or_default(),
        activity.counterpart_org.clone(),
        activity.counterpart_person.clone(),
        activity.counterpart_title.clone(),
        activity.domains.iter().map(|d| d.code()).collect::<Vec<_>>().join(Domain::SEPARATOR),
        activity.place.clone(),
        activity.description.clone(),
        activity.article.clone().unwrap_or_default(),
        activity.highlight.map(|h| h.to_string()).unwrap_or_default(),
    ]
}

/// Writes activities as the activity CSV.
pub fn write_csv<W: Write>(activities: &[Activity], output: W) -> csv::Result<W> {
    let mut writer = csv::Writer::from_writer(output);
    writer.write_record(ACTIVITY_COLUMNS)?;
    for activity in activities {
        writer.write_record(row(activity))?;
    }
    writer.flush()?;
    writer.into_inner().map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))
}

/// One activity as its JSON Lines object: every key, text values empty when
/// not given, `domains` a list, `highlight` a number or null.
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
        "counterpart_org": activity.counterpart_org,
        "counterpart_person": activity.counterpart_person,
        "counterpart_title": activity.counterpart_title,
        "domains": activity.domains.iter().map(|d| d.code()).collect::<Vec<_>>(),
        "place": activity.place,
        "description": activity.description,
        "article": activity.article.clone().unwrap_or_default(),
        "highlight": activity.highlight,
    })
}

/// Writes activities as JSON Lines, one object a line.
pub fn write_jsonl<W: Write>(activities: &[Activity], mut output: W) -> std::io::Result<W> {
    for activity in activities {
        serde_json::to_writer(&mut output, &to_object(activity))?;
        output.write_all(b"\n")?;
    }
    Ok(output)
}

/// The activities as one JSON array of their JSON Lines objects.
pub fn to_json(activities: &[Activity]) -> Value {
    Value::Array(activities.iter().map(to_object).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::ActivityValidator;

    fn csv(input: &str) -> Result<Vec<ActivityRecord>, ReadError> {
        let mut reader = ActivityCsvReader::new(input.as_bytes())?;
        let mut out = Vec::new();
        reader.for_each::<ReadError>(|record| {
            out.push(record);
            Ok(())
        })?;
        Ok(out)
    }

    fn jsonl(input: &str) -> Vec<ActivityRecord> {
        let mut out = Vec::new();
        ActivityJsonlReader::new(input.as_bytes())
            .for_each::<ReadError>(|record| {
                out.push(record);
                Ok(())
            })
            .unwrap();
        out
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
        assert_eq!((raw.id.as_deref(), raw.date.as_deref(), raw.place.as_deref()), (Some("a"), Some("2023-12"), None));
        assert_eq!(raw.title_en.as_deref(), Some("Two\r\nlines"));
    }

    #[test]
    fn csv_header_and_row_problems_are_located() {
        let Err(ReadError::Header(problems)) = csv("id,title_en,colour\n") else { panic!() };
        let text: Vec<String> = problems.iter().map(RowProblem::describe).collect();
        assert!(text[0].starts_with("1: column colour: unknown column (the activity columns are id, kind, date"));
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
        assert!(
            problems[0].starts_with("3: column colour: unknown key (the activity keys are id, kind"),
            "{problems:?}"
        );
        assert_eq!(problems[1], "3: column highlight: must be a string or null (got \"true\")");
        assert!(described(&records[2])[0].starts_with("4: not a JSON object"));
        assert!(records[2].object.is_none() && records[0].object.is_some());
    }

    #[test]
    fn writers_give_what_the_readers_read_back() {
        let validator = ActivityValidator::new();
        let input = format!(
            "{}\n\
             2023-12-13-meeting,conference,2023-12-13,2023-12-14,\"Réunion, \"\"chefs\"\"\",,اجتماع,PK,Org,Person,\
             Title,military ; ideological,Riyadh,\"Line one\nline two\",an-article,2\n\
             month-only,meeting,2023-05,,,Meeting,,,,,,,,,,\n",
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

    #[test]
    fn rejects_hold_the_values_as_read() {
        let raw = RawActivity { id: Some("x".into()), highlight: Some("first".into()), ..RawActivity::default() };
        let fields = csv_fields(&raw);
        assert_eq!((fields.len(), fields[0], fields[15], fields[1]), (16, "x", "first", ""));
        assert_eq!(Value::Object(raw_object(&raw)), json!({"id": "x", "highlight": "first"}));
    }
}
