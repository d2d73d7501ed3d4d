//! A register whose records are all of one kind, each a flat list of text
//! columns (the activities, the developments notes; any later register of
//! the same shape). CSV has a header naming the columns in any order; JSON
//! Lines has one object per line with the same keys, list columns as arrays
//! of strings (or one ` ; `-separated string). Readers hand out each
//! record's values with its line and structural problems; the domain decides
//! what the values mean. CSV cells are escaped for spreadsheets and
//! unescaped when read (`cell.rs`). The member and partner registers read their CSV
//! (and the partners their JSON objects) with the same pieces.

use std::io::{BufRead, Read, Write};

use serde_json::{Map, Value};

use super::jsonl::{self, for_each_object};
use crate::native::REASON_COLUMN;
use crate::records::{Records, read_columns};
use crate::{Format, ReadError, RowProblem};
use vigie_domain::FieldErrorKind;

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
    /// Whether a JSON `true` or `false` is read as that text (else it is a
    /// problem, as in the other registers).
    pub booleans: bool,
    /// Columns of earlier versions of the layout, still read: (old name,
    /// the column it is read as). Files written before a text had its
    /// three languages name the English one by the old name.
    pub aliases: &'static [(&'static str, &'static str)],
}

impl FlatLayout {
    /// The index of the column `name`, or of the column it is an old name of.
    fn index_of(&self, name: &str) -> Option<usize> {
        let name = self.aliases.iter().find(|(old, _)| *old == name).map_or(name, |(_, new)| new);
        self.columns.iter().position(|c| *c == name)
    }

    /// The old name among `names`, with the column it is read as.
    fn alias_of(&self, name: &str) -> Option<(&'static str, &'static str)> {
        self.aliases.iter().copied().find(|(old, _)| *old == name)
    }
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
    /// The object as read, for a JSON Lines record that is an object (what
    /// a JSON Lines rejects file gives back).
    pub object: Option<Map<String, Value>>,
    /// The old column names the record used ([`FlatLayout::aliases`]).
    pub aliases: Vec<(&'static str, &'static str)>,
}

/// Reads every record of `input` in `format` (CSV or JSON Lines) and calls
/// `visit` for each, in order; stops at the first error `visit` returns.
pub fn read<E: From<ReadError>>(
    format: Format,
    input: impl BufRead,
    layout: &FlatLayout,
    mut visit: impl FnMut(FlatRecord) -> Result<(), E>,
) -> Result<(), E> {
    read_any(format, input, &[layout], |_, record| visit(record))
}

/// Whether the header at the start of `bytes` (a CSV's first buffer) has
/// the column `name`.
pub fn header_has(bytes: &[u8], name: &str) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or(b"");
    String::from_utf8_lossy(first).split(',').any(|field| field.trim().trim_matches('"').trim() == name)
}

/// Like [`read`], for a register whose files hold records of one of
/// `layouts` (the activities, and the people of their counterparts): a CSV
/// is of the first layout whose key column (its first) its header has, a
/// JSON Lines object of the first whose key column it has; of the first
/// layout otherwise. `visit` is given the layout's index.
pub fn read_any<E: From<ReadError>>(
    format: Format,
    mut input: impl BufRead,
    layouts: &[&FlatLayout],
    mut visit: impl FnMut(usize, FlatRecord) -> Result<(), E>,
) -> Result<(), E> {
    let of_key = |has: &dyn Fn(&str) -> bool| layouts.iter().position(|l| has(l.columns[0])).unwrap_or(0);
    match format {
        Format::Jsonl => for_each_object(input, |line, object| {
            let mut problems = Vec::new();
            let (index, values, object) = match object {
                Err(problem) => {
                    problems.push(problem);
                    (0, vec![None; layouts[0].columns.len()], None)
                }
                Ok(object) => {
                    let index = of_key(&|key| object.contains_key(key));
                    (index, object_values(line, &object, layouts[index], &mut problems), Some(object))
                }
            };
            let layout = layouts[index];
            let aliases =
                object.iter().flat_map(|o| o.keys()).filter_map(|key| layout.alias_of(key)).collect::<Vec<_>>();
            visit(index, FlatRecord { line, values, problems, object, aliases })
        }),
        _ => {
            let head = input.fill_buf().map_err(ReadError::Io)?;
            let index = of_key(&|column| header_has(head, column));
            FlatCsvReader::new(input, layouts[index])?.for_each(|record| visit(index, record))
        }
    }
}

/// Streaming reader of a register's CSV.
pub struct FlatCsvReader<'a, R: Read> {
    records: Records<R>,
    layout: &'a FlatLayout,
    /// For each field position, the index of its column (None: ignored).
    columns: Vec<Option<usize>>,
    /// The old column names of the header.
    aliases: Vec<(&'static str, &'static str)>,
}

impl<'a, R: Read> FlatCsvReader<'a, R> {
    /// Reads and checks the header row.
    pub fn new(input: R, layout: &'a FlatLayout) -> Result<FlatCsvReader<'a, R>, ReadError> {
        let known = layout.columns;
        let mut records = Records::new(input);
        let aliases = std::cell::RefCell::new(Vec::new());
        let columns = read_columns(
            &mut records,
            |name| {
                aliases.borrow_mut().extend(layout.alias_of(name));
                layout.index_of(name)
            },
            |index| known[index],
            known,
            layout.required,
        )?;
        Ok(FlatCsvReader { records, layout, columns, aliases: aliases.into_inner() })
    }

    /// The old column names of the header, with the columns they are read as.
    pub fn aliases(&self) -> &[(&'static str, &'static str)] {
        &self.aliases
    }

    /// Calls `visit` for each data row, in order; stops at the first error
    /// `visit` returns.
    pub fn for_each<E: From<ReadError>>(
        &mut self,
        mut visit: impl FnMut(FlatRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        let known = self.layout.columns;
        while let Some((line, record)) = self.records.next_record()? {
            let mut problems = Vec::new();
            if record.len() != self.columns.len() {
                let kind = FieldErrorKind::FieldCount { found: record.len(), expected: self.columns.len() };
                problems.push(RowProblem::of_kind(line, "", kind, None));
            }
            let mut values: Vec<Option<String>> = vec![None; known.len()];
            for (field, column) in record.iter().zip(&self.columns) {
                let Some(index) = *column else { continue };
                match std::str::from_utf8(field) {
                    Ok(text) => values[index] = Some(crate::cell::unescape(text).to_string()),
                    Err(_) => problems.push(RowProblem::of_kind(
                        line,
                        known[index],
                        FieldErrorKind::NotUtf8,
                        Some(String::from_utf8_lossy(field).into_owned()),
                    )),
                }
            }
            visit(FlatRecord { line, values, problems, object: None, aliases: self.aliases.clone() })?;
        }
        Ok(())
    }
}

/// The values of a JSON object, one per column of the layout: list columns
/// given as arrays are joined with ` ; `; the `reason` key of a rejects file
/// is ignored, other keys are problems.
pub fn object_values(
    line: u64,
    object: &Map<String, Value>,
    layout: &FlatLayout,
    problems: &mut Vec<RowProblem>,
) -> Vec<Option<String>> {
    let string = |column: &str, value: &Value, problems: &mut Vec<RowProblem>| match value {
        Value::Bool(_) if layout.booleans => Some(value.to_string()),
        other => jsonl::string(line, column, other, problems),
    };
    let mut values = vec![None; layout.columns.len()];
    for (key, value) in object {
        match layout.index_of(key) {
            Some(index) => {
                values[index] = match value {
                    Value::Array(items) if layout.lists.contains(&layout.columns[index]) => {
                        let items: Vec<String> = items
                            .iter()
                            .enumerate()
                            .filter_map(|(i, item)| string(&format!("{key}[{i}]"), item, problems))
                            .collect();
                        Some(items.join(LIST_SEPARATOR))
                    }
                    other => string(key, other, problems),
                }
            }
            None if key == REASON_COLUMN => {}
            None => problems.push(RowProblem::of_kind(
                line,
                key,
                FieldErrorKind::UnknownKey { keys: layout.columns.join(", ") },
                None,
            )),
        }
    }
    values
}

/// Writes records as CSV with the layout's header; each record has one
/// value per column, escaped for spreadsheets (`cell.rs`).
pub fn write_csv<W: Write, R: AsRef<[String]>>(
    layout: &FlatLayout,
    records: impl IntoIterator<Item = R>,
    output: W,
) -> csv::Result<W> {
    let mut writer = csv::Writer::from_writer(output);
    writer.write_record(layout.columns)?;
    for record in records {
        crate::cell::write_record(&mut writer, record.as_ref())?;
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
pub fn write_jsonl<W: Write>(layout: &FlatLayout, records: &[Vec<String>], output: W) -> std::io::Result<W> {
    jsonl::write_lines(records.iter().map(|record| to_object(layout, record)), output)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAYOUT: FlatLayout = FlatLayout {
        kind: "test",
        columns: &["id", "text", "tags"],
        required: &[0],
        lists: &["tags"],
        booleans: true,
        aliases: &[],
    };

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
                "1: column colour: unknown column (the columns are id, text, tags)",
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
