//! What one issue of the bulletin holds: its number and month, the featured
//! stories in order, the regions of the statistics, and whether the year is
//! reviewed. Given by command-line flags or by an issue file (TOML).

use serde::Deserialize;
use vigie_domain::Month;

use crate::BulletinError;

/// An issue, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub number: u32,
    pub month: Month,
    /// Story ids, in the cover's order; empty: the month's featured
    /// articles, by date.
    pub featured: Vec<String>,
    /// Region group ids, in order.
    pub regions: Vec<String>,
    /// The story printed first, as the editorial, if any.
    pub editorial: Option<String>,
    /// Print the year in numbers and the timeline (always in December).
    pub year_review: bool,
    /// Print the organisation's standing pages.
    pub standing_pages: bool,
    /// Print the low–high range of the victims beside a figure whose
    /// incidents give one: "98 (90–120)" (off by default).
    pub casualty_ranges: bool,
}

/// The regions an issue reports when none is named.
pub const DEFAULT_REGIONS: [&str; 1] = ["g5-sahel"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IssueFile {
    number: u32,
    month: String,
    #[serde(default)]
    featured: Vec<String>,
    #[serde(default)]
    regions: Vec<String>,
    editorial: Option<String>,
    #[serde(default)]
    year_review: bool,
    #[serde(default = "yes")]
    standing_pages: bool,
    #[serde(default)]
    casualty_ranges: bool,
}

fn yes() -> bool {
    true
}

impl Issue {
    pub fn new(number: u32, month: Month) -> Issue {
        Issue {
            number,
            month,
            featured: Vec::new(),
            regions: DEFAULT_REGIONS.map(String::from).to_vec(),
            editorial: None,
            year_review: month.number() == 12,
            standing_pages: true,
            casualty_ranges: false,
        }
    }

    /// Reads an issue file; `source` names it in errors.
    pub fn from_toml(text: &str, source: &str) -> Result<Issue, BulletinError> {
        let file: IssueFile =
            toml::from_str(text).map_err(|e| BulletinError::Issue(format!("{source}: {}", e.to_string().trim())))?;
        let month = Month::parse(&file.month)
            .ok_or_else(|| BulletinError::Issue(format!("{source}: month {:?}: write YYYY-MM", file.month)))?;
        let mut issue = Issue::new(file.number, month);
        issue.featured = file.featured;
        if !file.regions.is_empty() {
            issue.regions = file.regions;
        }
        issue.editorial = file.editorial;
        issue.year_review |= file.year_review;
        issue.standing_pages = file.standing_pages;
        issue.casualty_ranges = file.casualty_ranges;
        Ok(issue)
    }

    /// `bulletin-58-2023-12`: the files' common name.
    pub fn file_stem(&self) -> String {
        format!("bulletin-{}-{}", self.number, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_file() {
        let issue = Issue::from_toml(
            "number = 58\nmonth = \"2023-12\"\nfeatured = [\"a\", \"b\"]\nregions = [\"g5-sahel\", \"lake-chad\"]\n",
            "issue.toml",
        )
        .unwrap();
        assert_eq!(issue.number, 58);
        assert!(issue.year_review, "December reviews the year");
        assert_eq!(issue.featured, ["a", "b"]);
        assert_eq!(issue.regions, ["g5-sahel", "lake-chad"]);
        assert_eq!(issue.file_stem(), "bulletin-58-2023-12");
        let error = Issue::from_toml("number = 1\nmonth = \"2023-13\"\n", "x.toml").unwrap_err();
        assert_eq!(error.to_string(), "issue: x.toml: month \"2023-13\": write YYYY-MM");
        let error = Issue::from_toml("number = 1\nmonth = \"2023-11\"\nfeatures = []\n", "x.toml").unwrap_err();
        assert!(error.to_string().contains("unknown field `features`"), "{error}");
        let plain = Issue::from_toml("number = 1\nmonth = \"2023-11\"\n", "x").unwrap();
        assert!(!plain.year_review);
        assert!(!plain.casualty_ranges, "ranges are off by default");
        let ranges = Issue::from_toml("number = 1\nmonth = \"2023-11\"\ncasualty_ranges = true\n", "x").unwrap();
        assert!(ranges.casualty_ranges);
    }
}
