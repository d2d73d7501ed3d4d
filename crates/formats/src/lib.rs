//! Vigie's file formats: readers that stream rows out of files and writers
//! that put incidents back into them. Readers report structural problems;
//! field rules belong to the domain's validator.

pub mod native;
mod row;

pub use row::{ReadError, Row, RowProblem};

/// The formats Vigie reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Native CSV (DATA-MODEL.md).
    Csv,
    /// Native JSON Lines: one object a line, same keys as the CSV columns.
    Jsonl,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
        }
    }

    /// The format a file name's extension says, if any.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(Format::Csv),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }

    /// Guesses from the first bytes: a JSON object starts with `{`.
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        match head.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Format::Jsonl,
            _ => Format::Csv,
        }
    }
}
