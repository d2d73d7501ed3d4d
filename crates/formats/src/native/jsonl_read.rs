//! Streaming reader of the native JSON Lines: one object a line with the
//! keys of the CSV columns; blank lines are skipped.

use std::io::BufRead;

use serde_json::Value;
use vigie_domain::FieldErrorKind;
use vigie_domain::incident::Column;
use vigie_domain::validate::RawIncident;

use super::REASON_COLUMN;
use crate::register::jsonl::for_each_object;
use crate::{ReadError, Row, RowProblem};

/// A JSON value of an incident's field as text: a string as it is, a
/// number as written, `None` for null; anything else is wrong.
pub fn value_text(value: &Value) -> Result<Option<String>, FieldErrorKind> {
    match value {
        Value::Null => Ok(None),
        Value::String(text) => Ok(Some(text.clone())),
        Value::Number(number) => Ok(Some(number.to_string())),
        _ => Err(FieldErrorKind::NotStringNumberOrNull),
    }
}

pub struct JsonlReader<R: BufRead> {
    input: R,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(input: R) -> JsonlReader<R> {
        JsonlReader { input }
    }

    /// Calls `visit` for each object, in order; stops at the first error
    /// `visit` returns.
    pub fn for_each<E: From<ReadError>>(&mut self, mut visit: impl FnMut(Row<'_>) -> Result<(), E>) -> Result<(), E> {
        for_each_object(&mut self.input, |line, object| {
            let mut problems = Vec::new();
            // owned text of each column, since JSON values are not all strings
            let mut values: Vec<(Column, String)> = Vec::new();
            match object {
                Err(problem) => problems.push(problem),
                Ok(object) => {
                    for (key, value) in object {
                        let Some(column) = Column::parse(&key) else {
                            if key != REASON_COLUMN {
                                let kind = FieldErrorKind::UnknownKey { keys: Column::header().join(", ") };
                                problems.push(RowProblem::of_kind(line, &key, kind, None));
                            }
                            continue;
                        };
                        match value_text(&value) {
                            Ok(None) => {}
                            Ok(Some(text)) => values.push((column, text)),
                            Err(kind) => problems.push(RowProblem::of_kind(line, &key, kind, Some(value.to_string()))),
                        }
                    }
                }
            }
            let mut raw = RawIncident::default();
            for (column, text) in &values {
                raw.set(*column, text);
            }
            visit(Row { line, raw, problems })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_objects_and_reports_bad_lines() {
        let input = "{\"date\":\"2023-12-01\",\"country\":\"ML\",\"killed\":3,\"wounded\":null}\n\n{oops\n{\"date\":\"x\",\"colour\":1,\"killed\":[1]}\n";
        let mut reader = JsonlReader::new(input.as_bytes());
        let mut seen = Vec::new();
        reader
            .for_each::<ReadError>(|row| {
                seen.push((
                    row.line,
                    row.raw.get(Column::Killed).map(str::to_string),
                    row.raw.get(Column::Wounded).map(str::to_string),
                    row.problems.iter().map(RowProblem::describe).collect::<Vec<_>>(),
                ));
                Ok(())
            })
            .unwrap();
        assert_eq!(seen.len(), 3);
        assert_eq!(seen[0], (1, Some("3".into()), None, vec![]));
        assert_eq!(seen[1].0, 3);
        assert!(seen[1].3[0].starts_with("3: not a JSON object"));
        assert_eq!(seen[2].0, 4);
        assert!(seen[2].3.iter().any(|p| p.starts_with("4: column colour: unknown key")));
        assert!(seen[2].3.iter().any(|p| p == "4: column killed: must be a string, a number or null (got \"[1]\")"));
    }
}
