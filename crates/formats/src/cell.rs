//! CSV cells and spreadsheets: one rule for every CSV Vigie writes and
//! every native CSV it reads (incidents, registers, rejects files, reports),
//! so that opening an export in a spreadsheet never runs a formula someone
//! typed into a field (OWASP's "CSV injection").
//!
//! - Written: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a
//!   carriage return (what spreadsheets take for a formula), or with `'`,
//!   gets one `'` in front (`=HYPERLINK("x")` → `'=HYPERLINK("x")`). A cell
//!   that is a number as written (`-1.5`, `-2`, `+3e2`) stays as it is: it
//!   is no formula, and a spreadsheet reads it as the number.
//! - Read (native formats only): a cell that begins with `'` followed by one
//!   of `= + - @ ' TAB CR` loses that one `'`. Since every text beginning
//!   with `'` was written with one more, a written file reads back exactly.
//!
//! `docs/data-model.md` states the rule for people who read the files.

use std::borrow::Cow;
use std::io::Write;

/// The first characters that make a cell look like a formula, and `'`,
/// the escape itself.
const ESCAPED_FIRST: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// Whether `text` is a decimal number as a spreadsheet reads one: a sign,
/// digits with at most one decimal point, an exponent (never `inf`, `NaN`
/// or a hexadecimal number, which Rust's parsers take).
fn is_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        at = 1;
    }
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at - start
    };
    let mut mantissa = digits(&mut at);
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        mantissa += digits(&mut at);
    }
    if mantissa == 0 {
        return false;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        if digits(&mut at) == 0 {
            return false;
        }
    }
    at == bytes.len()
}

/// The cell as written to a CSV file: `text`, with one `'` in front when it
/// begins like a formula (or with `'`) and is not a number.
pub fn escape(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some(first) if ESCAPED_FIRST.contains(&first) && !is_number(text) => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// The text of a cell read from a native CSV file: without the one `'`
/// that [`escape`] puts in front.
pub fn unescape(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(ESCAPED_FIRST) => rest,
        _ => cell,
    }
}

/// Writes one record, each value through [`escape`]: every CSV writer's
/// way to write a row of values.
pub fn write_record<W: Write, I, T>(writer: &mut csv::Writer<W>, values: I) -> csv::Result<()>
where
    I: IntoIterator<Item = T>,
    T: AsRef<str>,
{
    writer.write_record(values.into_iter().map(|value| escape(value.as_ref()).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_get_a_quote_and_numbers_do_not() {
        for (text, written) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("@SUM(1+1)", "'@SUM(1+1)"),
            ("-2+3", "'-2+3"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'quoted", "''quoted"),
            ("'", "''"),
            ("-", "'-"),
            ("-inf", "'-inf"),
            ("-NaN", "'-NaN"),
            ("-0x10", "'-0x10"),
            ("-1e", "'-1e"),
            ("-.", "'-."),
            ("-1.5", "-1.5"),
            ("-2", "-2"),
            ("+3", "+3"),
            ("-.5", "-.5"),
            ("-1.5e-3", "-1.5e-3"),
            ("12", "12"),
            ("Djibo", "Djibo"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(escape(text), written, "{text:?}");
            assert_eq!(unescape(&escape(text)), text, "{text:?}");
        }
    }

    #[test]
    fn only_the_quote_escape_writes_is_removed() {
        assert_eq!(unescape("'=1"), "=1");
        assert_eq!(unescape("''x"), "'x");
        assert_eq!(unescape("'x"), "'x");
        assert_eq!(unescape("'"), "'");
        assert_eq!(unescape("x'=1"), "x'=1");
    }
}
