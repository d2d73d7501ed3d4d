//! Streaming reader of the native CSV: a header row, then one incident per
//! record; memory stays that of one record. A cell's leading `'` that the
//! writer added for spreadsheets is taken off (`cell.rs`).

use std::io::Read;

use vigie_domain::FieldErrorKind;
use vigie_domain::incident::Column;
use vigie_domain::validate::RawIncident;

use crate::records::{Records, read_columns};
use crate::{ReadError, Row, RowProblem};

pub struct CsvReader<R: Read> {
    records: Records<R>,
    /// For each field position, the native column it holds (None: ignored).
    columns: Vec<Option<Column>>,
}

impl<R: Read> CsvReader<R> {
    /// Reads and checks the header row.
    pub fn new(input: R) -> Result<CsvReader<R>, ReadError> {
        let mut records = Records::new(input);
        let columns = read_columns(
            &mut records,
            Column::parse,
            Column::name,
            &Column::header(),
            &[Column::Date, Column::Country],
        )?;
        Ok(CsvReader { records, columns })
    }

    /// Calls `visit` for each data row, in order; stops at the first error
    /// `visit` returns.
    pub fn for_each<E: From<ReadError>>(&mut self, mut visit: impl FnMut(Row<'_>) -> Result<(), E>) -> Result<(), E> {
        while let Some((line, record)) = self.records.next_record()? {
            let mut row = Row { line, raw: RawIncident::default(), problems: Vec::new() };
            if record.len() != self.columns.len() {
                let kind = FieldErrorKind::FieldCount { found: record.len(), expected: self.columns.len() };
                row.problems.push(RowProblem::of_kind(line, "", kind, None));
            }
            for (field, column) in record.iter().zip(&self.columns) {
                let Some(column) = column else { continue };
                match std::str::from_utf8(field) {
                    Ok(text) => row.raw.set(*column, crate::cell::unescape(text)),
                    Err(_) => row.problems.push(RowProblem::of_kind(
                        line,
                        column.name(),
                        FieldErrorKind::NotUtf8,
                        Some(String::from_utf8_lossy(field).into_owned()),
                    )),
                }
            }
            visit(row)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line, `column=value` pairs and described problems of each row.
    type Seen = (u64, Vec<String>, Vec<String>);

    fn rows(input: &str) -> Result<Vec<Seen>, ReadError> {
        let mut reader = CsvReader::new(input.as_bytes())?;
        let mut out = Vec::new();
        reader.for_each::<ReadError>(|row| {
            let values =
                Column::ALL.iter().filter_map(|c| row.raw.get(*c).map(|v| format!("{}={v}", c.name()))).collect();
            out.push((row.line, values, row.problems.iter().map(RowProblem::describe).collect()));
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn reads_rows_with_their_lines() {
        let rows = rows("\u{feff}date,country,description\n2023-12-01,ML,\"two\nlines\"\n2023-12-02,BF,x\n").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1, ["date=2023-12-01", "country=ML", "description=two\nlines"]);
        assert_eq!(rows[1].0, 4);
    }

    #[test]
    fn header_problems_are_located() {
        let Err(ReadError::Header(problems)) = rows("date,countr,date\n") else { panic!() };
        let text: Vec<_> = problems.iter().map(RowProblem::describe).collect();
        assert!(text[0].starts_with("1: column countr: unknown column"), "{text:?}");
        assert_eq!(text[1], "1: column date: column appears twice in the header");
        assert_eq!(text[2], "1: column country: required column is missing from the header");
        assert!(matches!(rows(""), Err(ReadError::Header(_))));
    }

    #[test]
    fn ragged_rows_and_bad_bytes_are_row_problems() {
        let rows = rows("date,country\n2023-12-01\n2023-12-01,ML,extra\n").unwrap();
        assert_eq!(rows[0].2, ["2: row has 1 field but the header has 2"]);
        assert_eq!(rows[1].2, ["3: row has 3 fields but the header has 2"]);
        let mut reader = CsvReader::new(&b"date,country\n2023-12-01,M\xffL\n"[..]).unwrap();
        reader
            .for_each::<ReadError>(|row| {
                assert_eq!(row.problems[0].column, "country");
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn reason_column_is_ignored() {
        let rows = rows("date,country,reason\n2023-12-01,ML,line 2: whatever\n").unwrap();
        assert_eq!(rows[0].1, ["date=2023-12-01", "country=ML"]);
        assert!(rows[0].2.is_empty());
    }
}
