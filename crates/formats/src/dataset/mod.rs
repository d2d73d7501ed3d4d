//! Readers of the datasets analysts already use — ACLED, UCDP GED, GTD —
//! that turn each of their rows into the native fields of one incident. The
//! mapping of their categories onto Vigie's codes lives in `crate::mapping`.

pub mod acled;
pub mod gtd;
pub mod ucdp;

use vigie_domain::incident::Column;
use vigie_domain::validate::RawIncident;

use crate::RowProblem;

/// What a dataset import may be asked.
#[derive(Debug, Clone, Copy, Default)]
pub struct DatasetOptions {
    /// ACLED: keep protests, riots and strategic developments too.
    pub all_events: bool,
}

/// The native values of one row, owned (a dataset's values are computed,
/// not borrowed from the record).
#[derive(Debug, Default)]
pub struct Mapped {
    values: [Option<String>; Column::COUNT],
}

impl Mapped {
    pub fn clear(&mut self) {
        for value in &mut self.values {
            *value = None;
        }
    }

    /// Sets a column. A dataset's text is someone else's, copied from the
    /// web (UCDP's headlines hold zero-width spaces and byte order marks):
    /// its invisible characters are taken out here, where a person's typed
    /// text is refused with a message (`vigie_domain::text`).
    pub fn set(&mut self, column: Column, value: impl Into<String>) {
        let mut value = value.into();
        if value.chars().any(vigie_domain::text::is_invisible) {
            value.retain(|c| !vigie_domain::text::is_invisible(c));
        }
        self.values[column.index()] = Some(value);
    }

    /// Sets the column unless the value is empty.
    pub fn set_some(&mut self, column: Column, value: &str) {
        if !value.trim().is_empty() {
            self.set(column, value.trim());
        }
    }

    pub fn get(&self, column: Column) -> Option<&str> {
        self.values[column.index()].as_deref()
    }

    pub fn raw(&self) -> RawIncident<'_> {
        let mut raw = RawIncident::default();
        for column in Column::ALL {
            if let Some(value) = &self.values[column.index()] {
                raw.set(column, value);
            }
        }
        raw
    }
}

/// A header's columns by lower-case name, for datasets whose column order
/// and case vary between releases.
#[derive(Debug, Clone)]
pub struct Header {
    names: Vec<String>,
}

impl Header {
    /// From the header record's fields (a UTF-8 byte-order mark and
    /// surrounding spaces are ignored, case folded).
    pub fn new<'a>(fields: impl IntoIterator<Item = &'a [u8]>) -> Header {
        let names = fields
            .into_iter()
            .map(|field| {
                String::from_utf8_lossy(field).trim().trim_start_matches('\u{feff}').trim().to_ascii_lowercase()
            })
            .collect();
        Header { names }
    }

    /// The position of a column, if present.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    pub fn has(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn name(&self, position: usize) -> &str {
        self.names.get(position).map_or("", String::as_str)
    }
}

/// A row is an HXL hashtag row (`#event+code,#date,…`) when its non-empty
/// fields all start with `#`.
pub fn is_hxl_row<'a>(fields: impl IntoIterator<Item = &'a [u8]>) -> bool {
    let mut any = false;
    for field in fields {
        let text = String::from_utf8_lossy(field);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if !text.starts_with('#') {
            return false;
        }
        any = true;
    }
    any
}

/// A located problem with a dataset's own column.
pub fn problem(line: u64, column: &str, message: impl Into<String>, value: Option<&str>) -> RowProblem {
    RowProblem {
        kind: None,
        line,
        column: column.to_string(),
        message: message.into(),
        value: value.map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_datasets_invisible_characters_are_taken_out() {
        let mut mapped = Mapped::default();
        mapped.set(Column::Description, "Pama\u{200B} and Madjoari\u{FEFF}: \u{202E}x");
        assert_eq!(mapped.get(Column::Description), Some("Pama and Madjoari: x"));
        mapped.set(Column::Location, "ت\u{200D}ك");
        assert_eq!(mapped.get(Column::Location), Some("ت\u{200D}ك"), "a joiner is spelling");
    }

    #[test]
    fn header_positions_ignore_case_and_bom() {
        let header = Header::new(["\u{feff}EVENT_ID_CNTY".as_bytes(), b" Event_Date ".as_slice()]);
        assert_eq!(header.position("event_id_cnty"), Some(0));
        assert_eq!(header.position("event_date"), Some(1));
        assert!(!header.has("fatalities"));
    }

    #[test]
    fn hxl_rows() {
        assert!(is_hxl_row(["#event+code".as_bytes(), b"", b"#date"]));
        assert!(!is_hxl_row(["#event+code".as_bytes(), b"12"]));
        assert!(!is_hxl_row(["".as_bytes(), b""]));
    }

    #[test]
    fn mapped_values_become_raw_fields() {
        let mut mapped = Mapped::default();
        mapped.set(Column::Country, "Mali");
        mapped.set_some(Column::Admin1, "  ");
        let raw = mapped.raw();
        assert_eq!(raw.get(Column::Country), Some("Mali"));
        assert_eq!(raw.get(Column::Admin1), None);
        mapped.clear();
        assert_eq!(mapped.get(Column::Country), None);
    }
}
