//! Vigie's file formats: readers that stream rows out of files and writers
//! that put incidents (and the registers) back into them. Readers report
//! structural problems; field rules belong to the domain's validator. An
//! incident reader holds one record at a time, whatever the file's size.

pub mod article;
pub mod cell;
pub mod dataset;
pub mod mapping;
pub mod native;
pub mod records;
pub mod register;
mod row;
mod tail;

pub use row::{ReadError, Row, RowProblem};

/// The formats Vigie reads (and, for the native ones, writes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Native CSV (`docs/data-model.md#native-csv`).
    Csv,
    /// Native JSON Lines: one object a line, same keys as the CSV columns.
    Jsonl,
    /// An ACLED export (any of its layouts).
    Acled,
    /// A UCDP GED file (annual release, web download tool, HDX copy).
    Ucdp,
    /// The Global Terrorism Database release.
    Gtd,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Acled => "acled",
            Format::Ucdp => "ucdp",
            Format::Gtd => "gtd",
        }
    }

    /// One of the curated datasets: their rows are verified, and perpetrator
    /// names nobody knows become new groups.
    pub fn is_dataset(self) -> bool {
        matches!(self, Format::Acled | Format::Ucdp | Format::Gtd)
    }

    /// What a file name's extension says: JSON Lines, or nothing (a CSV
    /// file's layout is read from its header).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        matches!(extension.as_str(), "jsonl" | "ndjson").then_some(Format::Jsonl)
    }

    /// Tells the format from the first bytes: a JSON object, or a CSV header
    /// naming the columns of ACLED, UCDP GED or GTD; native CSV otherwise.
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        if head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
            return Format::Jsonl;
        }
        let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
        let names: Vec<String> = line
            .split(|&b| b == b',')
            .map(|name| String::from_utf8_lossy(name).trim().trim_matches('"').trim().to_ascii_lowercase())
            .collect();
        let has = |name: &str| names.iter().any(|n| n == name);
        if has("eventid") && has("iyear") && has("imonth") {
            Format::Gtd
        } else if has("type_of_violence") && (has("best") || has("best_est")) {
            Format::Ucdp
        } else if (has("event_id_cnty") || has("data_id")) && has("event_date") {
            Format::Acled
        } else {
            Format::Csv
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Format;

    #[test]
    fn sniffs_each_layout_from_its_header() {
        assert_eq!(Format::sniff(b"  {\"date\":1}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"id,date,country\n"), Format::Csv);
        assert_eq!(Format::sniff(b"\xEF\xBB\xBFevent_id_cnty,event_date,year\n"), Format::Acled);
        assert_eq!(Format::sniff(b"data_id,iso,event_id_cnty,event_date\r\n"), Format::Acled);
        assert_eq!(Format::sniff(b"GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE\n"), Format::Acled);
        assert_eq!(Format::sniff(b"id,relid,year,type_of_violence,best,high,low\n"), Format::Ucdp);
        assert_eq!(Format::sniff(b",id,type_of_violence,best_est,date_start\n"), Format::Ucdp);
        assert_eq!(Format::sniff(b"eventid,iyear,imonth,iday,approxdate\r\n"), Format::Gtd);
        assert!(Format::Gtd.is_dataset() && !Format::Csv.is_dataset());
    }
}
