//! What the register readers and writers of JSON Lines share: the reading
//! loop (one object a line, blank lines skipped; the native incidents'
//! reader uses it too), the string values of keys, and the writing of one
//! value a line.

use std::io::{BufRead, Read, Write};

use serde::Serialize;
use serde_json::{Map, Value};

use super::problem;
use crate::tail::{MAX_ROW_BYTES, RowTooLong};
use crate::{ReadError, RowProblem};

/// Calls `visit` with each non-blank line's number and its object, or the
/// problem that it is not one, in order; stops at the first error `visit`
/// returns. A byte order mark before the first line is skipped.
pub fn for_each_object<E: From<ReadError>>(
    mut input: impl BufRead,
    mut visit: impl FnMut(u64, Result<Map<String, Value>, RowProblem>) -> Result<(), E>,
) -> Result<(), E> {
    let mut buffer = Vec::new();
    let mut line = 0;
    loop {
        buffer.clear();
        // one byte more than a row may hold tells a row too long
        let read = (&mut input).take(MAX_ROW_BYTES + 1).read_until(b'\n', &mut buffer).map_err(ReadError::Io)?;
        if read == 0 {
            return Ok(());
        }
        line += 1;
        if read as u64 > MAX_ROW_BYTES {
            let message = format!("line {line}: {RowTooLong}: is it a JSON Lines file, one object a line?");
            return Err(ReadError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, message)).into());
        }
        let mut bytes = buffer.as_slice();
        if line == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let object = serde_json::from_slice::<Map<String, Value>>(bytes)
            .map_err(|error| problem(line, "", format!("not a JSON object: {error}"), None));
        visit(line, object)?;
    }
}

/// A string value: strings as they are, numbers as written, null as absent;
/// anything else is a problem of `column`.
pub fn string(line: u64, column: &str, value: &Value, problems: &mut Vec<RowProblem>) -> Option<String> {
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

/// Writes each item as JSON on a line of its own.
pub fn write_lines<W: Write, T: Serialize>(items: impl IntoIterator<Item = T>, mut output: W) -> std::io::Result<W> {
    for item in items {
        serde_json::to_writer(&mut output, &item)?;
        output.write_all(b"\n")?;
    }
    Ok(output)
}
