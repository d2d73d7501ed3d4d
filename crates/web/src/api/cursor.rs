//! The API's cursors: where the next page of a list starts, as the date
//! and id of the last row of the page before (keyset pagination). A row
//! added meanwhile before the cursor does not shift the pages that follow,
//! as an offset would: no row is given twice or skipped. The cursor is
//! opaque to clients (hex of `date|id`) and is checked when read back.

use jiff::civil::Date;
use vigie_domain::validate::parse_iso_date;

use crate::util::hex;

pub fn encode(date: Date, id: &str) -> String {
    hex(format!("{date}|{id}").as_bytes())
}

/// The date and id of a cursor; `None` for one this server did not make.
pub fn decode(cursor: &str) -> Option<(Date, String)> {
    if !cursor.len().is_multiple_of(2) || cursor.len() > 2048 {
        return None;
    }
    let bytes: Option<Vec<u8>> =
        (0..cursor.len()).step_by(2).map(|i| u8::from_str_radix(cursor.get(i..i + 2)?, 16).ok()).collect();
    let text = String::from_utf8(bytes?).ok()?;
    let (date, id) = text.split_once('|')?;
    Some((parse_iso_date(date)?, id.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_as_written_and_nothing_else_reads() {
        let date = parse_iso_date("2023-12-31").unwrap();
        let cursor = encode(date, "BF-2023-0001|x");
        assert_eq!(decode(&cursor), Some((date, "BF-2023-0001|x".to_string())));
        for wrong in ["", "zz", "abc", &hex(b"2023-13-01|x"), &hex(b"no-bar"), &hex(&[0xff, 0xfe])] {
            assert_eq!(decode(wrong), None, "{wrong}");
        }
    }
}
