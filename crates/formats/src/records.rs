//! CSV records with the line each one starts on, as an editor shows it,
//! for every reader of a CSV layout (native, ACLED, UCDP, GTD).

use std::io::Read;

use csv::{ByteRecord, ReaderBuilder};

use crate::native::REASON_COLUMN;
use crate::tail::{RowTooLong, Tail};
use vigie_domain::FieldErrorKind;

use crate::{ReadError, RowProblem};

pub struct Records<R: Read> {
    reader: csv::Reader<Tail<R>>,
    record: ByteRecord,
    /// Line breaks counted before `counted_to` (a byte offset).
    breaks: u64,
    counted_to: u64,
}

impl<R: Read> Records<R> {
    pub fn new(input: R) -> Records<R> {
        Records {
            reader: ReaderBuilder::new().has_headers(false).flexible(true).from_reader(Tail::new(input)),
            record: ByteRecord::new(),
            breaks: 0,
            counted_to: 0,
        }
    }

    /// The next record and the line it starts on; `None` at the end.
    pub fn next_record(&mut self) -> Result<Option<(u64, &ByteRecord)>, ReadError> {
        let read = self.reader.read_byte_record(&mut self.record);
        let end = self.reader.position().byte();
        self.reader.get_mut().start_row(end);
        match read {
            Ok(true) => {
                let line = self.first_line();
                Ok(Some((line, &self.record)))
            }
            Ok(false) => Ok(None),
            Err(error) => Err(match error.into_kind() {
                csv::ErrorKind::Io(io) if io.get_ref().is_some_and(|e| e.is::<RowTooLong>()) => {
                    ReadError::Io(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("line {}: {RowTooLong}: is it a CSV file, with every quote closed?", self.breaks + 1),
                    ))
                }
                csv::ErrorKind::Io(io) => ReadError::Io(io),
                // with `flexible` and byte records, csv has no other error to give
                other => ReadError::Io(std::io::Error::other(format!("{other:?}"))),
            }),
        }
    }

    /// The line the record just read starts on, as an editor counts lines:
    /// LF, CRLF and a lone CR each end one. The bytes since the previous
    /// record (blank lines, the record, its terminator) are still in the
    /// tail; their line breaks are counted, those before the record's first
    /// byte telling its line.
    fn first_line(&mut self) -> u64 {
        let end = self.reader.position().byte();
        let tail = self.reader.get_ref();
        let is_break = |offset: u64, byte: u8| match byte {
            b'\r' => true,
            // the LF of a CRLF ends the same line as its CR
            b'\n' => offset == 0 || tail.byte_at(offset - 1) != Some(b'\r'),
            _ => false,
        };
        let mut breaks = self.breaks;
        let mut first = None;
        for offset in self.counted_to..end {
            let Some(byte) = tail.byte_at(offset) else {
                // a record longer than the tail keeps: count as csv does
                self.breaks = self.reader.position().line().saturating_sub(1);
                self.counted_to = end;
                return fallback_first_line(&self.reader, &self.record);
            };
            if first.is_none() && byte != b'\r' && byte != b'\n' {
                first = Some(breaks + 1);
            }
            if is_break(offset, byte) {
                breaks += 1;
            }
        }
        self.breaks = breaks;
        self.counted_to = end;
        first.unwrap_or(breaks + 1)
    }
}

/// The line a record starts on, from csv's own count of LFs (used only when
/// a record is too long for the tail): csv's record position comes before
/// the blank lines it skips, so count back from where the record ended.
fn fallback_first_line<R: Read>(reader: &csv::Reader<Tail<R>>, record: &ByteRecord) -> u64 {
    let end = reader.position();
    let inside = record.as_slice().iter().filter(|&&b| b == b'\n').count() as u64;
    let terminator = end.byte().checked_sub(1).and_then(|offset| reader.get_ref().byte_at(offset)) == Some(b'\n');
    end.line().saturating_sub(inside + u64::from(terminator)).max(1)
}

/// Reads a header row and maps each field position to a known column (`None`
/// for the `reason` column that `--rejects` adds). An empty file, an unknown
/// or repeated column, or a missing required one is a located header error.
pub fn read_columns<R: Read, C: Copy + PartialEq>(
    records: &mut Records<R>,
    parse: impl Fn(&str) -> Option<C>,
    name: impl Fn(C) -> &'static str,
    known: &[&str],
    required: &[C],
) -> Result<Vec<Option<C>>, ReadError> {
    let header_problem = |line: u64, column: &str, kind| RowProblem::of_kind(line, column, kind, None);
    let Some((line, header)) = records.next_record()? else {
        return Err(ReadError::Header(vec![header_problem(1, "", FieldErrorKind::EmptyFile)]));
    };
    let mut problems = Vec::new();
    let mut columns = Vec::with_capacity(header.len());
    for field in header.iter() {
        let text = String::from_utf8_lossy(field);
        let text = text.trim().trim_start_matches('\u{feff}');
        match parse(text) {
            Some(column) if columns.contains(&Some(column)) => {
                problems.push(header_problem(line, text, FieldErrorKind::RepeatedColumn));
            }
            Some(column) => columns.push(Some(column)),
            None if text == REASON_COLUMN => columns.push(None),
            None => {
                let kind = FieldErrorKind::UnknownColumn { columns: known.join(", ") };
                problems.push(header_problem(line, text, kind));
                columns.push(None);
            }
        }
    }
    for &column in required {
        if !columns.contains(&Some(column)) {
            problems.push(header_problem(line, name(column), FieldErrorKind::MissingColumn));
        }
    }
    if problems.is_empty() { Ok(columns) } else { Err(ReadError::Header(problems)) }
}

#[cfg(test)]
mod tests {
    use super::Records;

    fn lines(input: &[u8]) -> Vec<(u64, String)> {
        let mut records = Records::new(input);
        let mut out = Vec::new();
        while let Some((line, record)) = records.next_record().unwrap() {
            out.push((line, String::from_utf8_lossy(record.get(0).unwrap_or_default()).into_owned()));
        }
        out
    }

    #[test]
    fn lines_as_an_editor_counts_them() {
        let expected = |text: &[u8]| lines(text).into_iter().map(|(line, _)| line).collect::<Vec<_>>();
        assert_eq!(expected(b"h\na\nb\n"), [1, 2, 3]);
        assert_eq!(expected(b"h\r\na\r\nb\r\n"), [1, 2, 3]);
        assert_eq!(expected(b"h\ra\rb"), [1, 2, 3]);
        assert_eq!(expected(b"h\n\n\r\na\n\nb"), [1, 4, 6]);
        assert_eq!(expected(b"h\n\"x\ny\"\nb\n"), [1, 2, 4]);
        assert_eq!(expected(b"h\r\n\"x\r\ny\"\r\nb\r\n"), [1, 2, 4]);
        assert_eq!(expected(b"\n\nh\na"), [3, 4]);
    }

    #[test]
    fn a_record_longer_than_the_tail_still_gets_its_line() {
        let mut text = b"h\n\"".to_vec();
        text.extend(std::iter::repeat_n(b'x', 300_000));
        text.extend_from_slice(b"\"\nnext\n");
        let found = lines(&text);
        assert_eq!(found.len(), 3);
        assert_eq!((found[0].0, found[1].0, found[2].0), (1, 2, 3));
        assert_eq!(found[2].1, "next");
    }
}
