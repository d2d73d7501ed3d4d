//! A register whose records are all of one kind, each a flat list of text
//! columns (the developments notes; any later register of the same shape).
//! CSV has a header naming the columns in any order; JSON Lines has one
//! object per line with the same keys, list columns as arrays of strings.
//! Readers hand out each record's values with its line and structural
//! problems; the domain decides what the values mean.

use std::io::{BufRead, Read, Write};

use serde_json::{Map, Value};

use crate::native::REASON_COLUMN;
use crate::records::{Records, fields, read_columns};
use crate::{Format, ReadError, RowProblem};

/// How list values are joined in one CSV cell.
pub const LIST_SEPARATOR: &str = " ; ";

/// The columns of one register.
#[derive(Debug, Clone, Copy)]
pub struct FlatLayout {
    /// Names the register in messages ("note").
    pub kind: &'static str,
    /// Every column, in the order files are written.
    pub columns: &'static [&'static str],
    /// Indexes of the columns a CSV header must have.
    pub required: &'static [usize],
    /// Columns that hold lists: JSON arrays, or ` ; `-separated in CSV.
    pub lists: &'static [&'static str],
}

/// One record: a CSV row or a JSON Lines object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlatRecord {
    /// The line it starts on.
    pub line: u64,
    /// One value per column of the layout; `None` when absent.
    pub values: Vec<Option<String>>,
    /// Structural problems (then the record is not valid).
    pub problems: Vec<RowProblem>,
}

fn problem(line: u64, column: &str, message: impl Into<String>, value: Option<String>) -> RowProblem {
    RowProblem { line, column: column.to_string(), message: message.into(), value }
}

/// Reads every record of `input` in `format` (CSV or JSON Lines) and calls
/// `visit` for each, in order; stops at the first error `visit` returns.
pub fn read<E: From<ReadError>>(
    format: Format,
    input: impl BufRead,
    layout: &FlatLayout,
    visit: impl FnMut(FlatRecord) -> Result<(), E>,
) -> Result<(), E> {
    match format {
        Format::Jsonl => read_jsonl(input, layout, visit),
        _ => read_csv(input, layout, visit),
    }
}

fn read_csv<E: From<ReadError>>(
    input: impl Read,
    layout: &FlatLayout,
    mut visit: impl FnMut(FlatRecord) -> Result<(), E>,
) -> Result<(), E> {
    let known = layout.columns;
    let mut records = Records::new(input);
    let columns = read_columns(
        &mut records,
        |name| known.iter().position(|c| *c == name),
        |index| known[index],
        known,
        layout.required,
        layout.kind,
    )?;
    while let Some((line, record)) = records.next_record()? {
        let mut problems = Vec::new();
        if record.len() != columns.len() {
            problems.push(problem(
                line,
                "",
                format!("row has {} but the header has {}", fields(record.len()), columns.len()),
                None,
            ));
        }
        let mut values: Vec<Option<String>> = vec![None; known.len()];
        for (field, column) in record.iter().zip(&columns) {
            let Some(index) = *column else { continue };
            match std::str::from_utf8(field) {
                Ok(text) => values[index] = Some(text.to_string()),
                Err(_) => problems.push(problem(
                    line,
                    known[index],
                    "not valid UTF-8 (save the file as UTF-8)",
                    Some(String::from_utf8_lossy(field).into_owned()),
                )),
            }
        }
        visit(FlatRecord { line, values, problems })?;
    }
    Ok(())
}

fn read_jsonl<E: From<ReadError>>(
    mut input: impl BufRead,
    layout: &FlatLayout,
    mut visit: impl FnMut(FlatRecord) -> Result<(), E>,
) -> Result<(), E> {
    let mut buffer = Vec::new();
    let mut line = 0;
    loop {
        buffer.clear();
        if input.read_until(b'\n', &mut buffer).map_err(ReadError::Io)? == 0 {
            return Ok(());
        }
        line += 1;
        let mut bytes = buffer.as_slice();
        if line == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut problems = Vec::new();
        let values = match serde_json::from_slice::<Map<String, Value>>(bytes) {
            Err(error) => {
                problems.push(problem(line, "", format!("not a JSON object: {error}"), None));
                vec![None; layout.columns.len()]
            }
            Ok(object) => object_values(line, &object, layout, &mut problems),
        };
        visit(FlatRecord { line, values, problems })?;
    }
}

/// A string value: strings as they are, numbers and booleans as written,
/// null as absent.
fn string(line: u64, column: &str, value: &Value, problems: &mut Vec<RowProblem>) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text.clone()),
        Value::Number(_) | Value::Bool(_) => Some(value.to_string()),
        other => {
            problems.push(problem(line, column, "must be a string or null", Some(other.to_string())));
            None
        }
    }
}

fn object_values(
    line: u64,
    object: &Map<String, Value>,
    layout: &FlatLayout,
    problems: &mut Vec<RowProblem>,
) -> Vec<Option<String>> {
    let mut values = vec![None; layout.columns.len()];
    for (key, value) in object {
        match layout.columns.iter().position(|c| c == key) {
            Some(index) => {
                values[index] = match value {
                    Value::Array(items) if layout.lists.contains(&key.as_str()) => {
                        let items: Vec<String> = items
                            .iter()
                            .enumerate()
                            .filter_map(|(i, item)| string(line, &format!("{key}[{i}]"), item, problems))
                            .collect();
                        Some(items.join(LIST_SEPARATOR))
                    }
                    other => string(line, key, other, problems),
                }
            }
            None if key == REASON_COLUMN => {}
            None => problems.push(problem(
                line,
                key,
                format!("unknown key (the {} keys are {})", layout.kind, layout.columns.join(", ")),
                None,
            )),
        }
    }
    values
}

/// Writes records as CSV with the layout's header; each record has one
/// value per column.
pub fn write_csv<W: Write>(layout: &FlatLayout, records: &[Vec<String>], output: W) -> csv::Result<W> {
    let mut writer = csv::Writer::from_writer(output);
    writer.write_record(layout.columns)?;
    for record in records {
        writer.write_record(record)?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// One record as a JSON object: list columns as arrays, empty values left
/// out.
pub fn to_object(layout: &FlatLayout, record: &[String]) -> Value {
    let mut object = Map::new();
    for (column, value) in layout.columns.iter().zip(record) {
        if value.is_empty() {
            continue;
        }
        let value = if layout.lists.contains(column) {
            Value::Array(value.split(LIST_SEPARATOR).map(|item| Value::String(item.to_string())).collect())
        } else {
            Value::String(value.clone())
        };
        object.insert(column.to_string(), value);
    }
    Value::Object(object)
}

/// Writes records as JSON Lines, one object a line.
pub fn write_jsonl<W: Write>(layout: &FlatLayout, records: &[Vec<String>], mut output: W) -> std::io::Result<W> {
    for record in records {
        serde_json::to_writer(&mut output, &to_object(layout, record))?;
        output.write_all(b"\n")?;
    }
    Ok(output)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAYOUT: FlatLayout =
        FlatLayout { kind: "test", columns: &["id", "text", "tags"], required: &[0], lists: &["tags"] };

    fn all(format: Format, input: &str) -> Result<Vec<FlatRecord>, ReadError> {
        let mut records = Vec::new();
        read(format, input.as_bytes(), &LAYOUT, |r| {
            records.push(r);
            Ok::<_, ReadError>(())
        })?;
        Ok(records)
    }

    #[test]
    fn csv_columns_in_any_order_with_lines() {
        let records = all(Format::Csv, "text,id\n\"two\nlines\",a\n\nb-text,b\n").unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].values, [Some("a".into()), Some("two\nlines".into()), None]);
        assert_eq!(records[1].line, 5);
        assert!(records.iter().all(|r| r.problems.is_empty()));
    }

    #[test]
    fn csv_header_problems() {
        let Err(ReadError::Header(problems)) = all(Format::Csv, "text,colour\nx,y\n") else { panic!() };
        let described: Vec<String> = problems.iter().map(RowProblem::describe).collect();
        assert_eq!(
            described,
            [
                "1: column colour: unknown column (the test columns are id, text, tags)",
                "1: column id: required column is missing from the header"
            ]
        );
    }

    #[test]
    fn short_row_and_bad_utf8_are_problems() {
        let records = all(Format::Csv, "id,text\na\nb,\u{e9}\n").unwrap();
        assert_eq!(records[0].problems[0].describe(), "2: row has 1 field but the header has 2");
        let bytes = b"id,text\nb,\xff\n";
        let mut seen = Vec::new();
        read(Format::Csv, &bytes[..], &LAYOUT, |r| {
            seen.push(r);
            Ok::<_, ReadError>(())
        })
        .unwrap();
        assert_eq!(seen[0].problems[0].column, "text");
    }

    #[test]
    fn jsonl_lists_numbers_and_unknown_keys() {
        let records = all(
            Format::Jsonl,
            "{\"id\":\"a\",\"tags\":[\"x\",\"y\"],\"text\":3}\n\n{\"id\":\"b\",\"color\":1}\nnope\n",
        )
        .unwrap();
        assert_eq!(records[0].values, [Some("a".into()), Some("3".into()), Some("x ; y".into())]);
        assert_eq!(records[1].line, 3);
        assert_eq!(records[1].problems[0].column, "color");
        assert!(records[2].problems[0].message.starts_with("not a JSON object"));
    }

    #[test]
    fn written_records_read_back() {
        let rows = vec![vec!["a".to_string(), "x, \"y\"\nz".to_string(), "p ; q".to_string()]];
        let csv = String::from_utf8(write_csv(&LAYOUT, &rows, Vec::new()).unwrap()).unwrap();
        let jsonl = String::from_utf8(write_jsonl(&LAYOUT, &rows, Vec::new()).unwrap()).unwrap();
        for (format, text) in [(Format::Csv, csv), (Format::Jsonl, jsonl)] {
            let records = all(format, &text).unwrap();
            let values: Vec<String> = records[0].values.iter().map(|v| v.clone().unwrap_or_default()).collect();
            assert_eq!(values, rows[0], "{format:?}");
        }
    }
}
