//! CSV records with the line each one starts on, as an editor shows it,
//! for every reader of a CSV layout (native, ACLED, UCDP, GTD).

use std::io::Read;

use csv::{ByteRecord, ReaderBuilder};

use crate::ReadError;
use crate::tail::Tail;

pub struct Records<R: Read> {
    reader: csv::Reader<Tail<R>>,
    record: ByteRecord,
}

impl<R: Read> Records<R> {
    pub fn new(input: R) -> Records<R> {
        Records {
            reader: ReaderBuilder::new().has_headers(false).flexible(true).from_reader(Tail::new(input)),
            record: ByteRecord::new(),
        }
    }

    /// The next record and the line it starts on; `None` at the end.
    pub fn next_record(&mut self) -> Result<Option<(u64, &ByteRecord)>, ReadError> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => Ok(Some((first_line(&self.reader, &self.record), &self.record))),
            Ok(false) => Ok(None),
            Err(error) => Err(match error.into_kind() {
                csv::ErrorKind::Io(io) => ReadError::Io(io),
                // with `flexible` and byte records, csv has no other error to give
                other => ReadError::Io(std::io::Error::other(format!("{other:?}"))),
            }),
        }
    }
}

/// The line a record starts on. The reader's own record position comes
/// before the blank lines (and the `\n` of a CRLF) it skips, so count back
/// from where the record ended: its terminator, if that was a `\n` the
/// reader counted, and the line breaks inside quoted fields.
fn first_line<R: Read>(reader: &csv::Reader<Tail<R>>, record: &ByteRecord) -> u64 {
    let end = reader.position();
    let inside = record.as_slice().iter().filter(|&&b| b == b'\n').count() as u64;
    let terminator = end.byte().checked_sub(1).and_then(|offset| reader.get_ref().byte_at(offset)) == Some(b'\n');
    end.line().saturating_sub(inside + u64::from(terminator)).max(1)
}

/// "1 field", "3 fields".
pub fn fields(count: usize) -> String {
    format!("{count} field{}", if count == 1 { "" } else { "s" })
}
