//! What one issue of the bulletin holds: its number and month, the featured
//! stories in order, the regions of the statistics, and whether the year is
//! reviewed. Given by command-line flags or by an issue file (TOML).

use serde::{Deserialize, Serialize};
use vigie_domain::{ActivityKind, Lang, Month, Names};

use crate::BulletinError;

/// The most photos the year page's highlights panel shows.
pub const MAX_HIGHLIGHTS: usize = 6;

/// A figure the year in numbers can show: a kind of activity, the
/// agreements signed that year, or the partnerships in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(into = "String")]
pub enum Figure {
    Activities(ActivityKind),
    AgreementsSigned,
    Partnerships,
}

impl Figure {
    /// Every figure, in the default order of the tiles.
    pub fn all() -> Vec<Figure> {
        let mut all: Vec<Figure> = ActivityKind::ALL.into_iter().map(Figure::Activities).collect();
        all.extend([Figure::AgreementsSigned, Figure::Partnerships]);
        all
    }

    pub fn code(self) -> &'static str {
        match self {
            Figure::Activities(kind) => kind.code(),
            Figure::AgreementsSigned => "agreements_signed",
            Figure::Partnerships => "partnerships",
        }
    }

    pub fn parse(code: &str) -> Option<Figure> {
        Figure::all().into_iter().find(|f| f.code() == code)
    }
}

impl From<Figure> for String {
    fn from(figure: Figure) -> String {
        figure.code().to_string()
    }
}

/// One tile of the year in numbers: its figure, and the label the editor
/// gave it in each language (empty: the catalogue's words).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tile {
    pub figure: Figure,
    pub label: Names,
}

/// Where the national days page takes its rows from; the page states it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NationalDaysRule {
    /// Every member state's national day falling in the month, from the
    /// member register.
    #[default]
    Register,
    /// The congratulations the coalition sent: the month's `national_day`
    /// activities of the register, with their message.
    Sent,
}

impl NationalDaysRule {
    pub fn code(self) -> &'static str {
        match self {
            NationalDaysRule::Register => "register",
            NationalDaysRule::Sent => "sent",
        }
    }

    pub fn parse(code: &str) -> Option<NationalDaysRule> {
        [NationalDaysRule::Register, NationalDaysRule::Sent].into_iter().find(|r| r.code() == code)
    }
}

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
    /// The year in numbers, in order; empty: every figure of the year that
    /// is not zero, with the catalogue's words.
    pub tiles: Vec<Tile>,
    /// The year page's opening text (empty: none).
    pub year_intro: Names,
    /// The partners page's opening text (empty: none).
    pub partners_intro: Names,
    pub national_days: NationalDaysRule,
    /// Story ids whose first photo goes in the year page's highlights
    /// panel, in order (at most [`MAX_HIGHLIGHTS`]).
    pub highlights: Vec<String>,
}

/// A text the editor typed: at most `max` characters, on one line unless
/// `lines`, no invisible character that would reorder what is printed.
fn check_text(what: &str, text: &str, max: usize, lines: bool) -> Result<(), String> {
    let count = text.chars().count();
    if count > max {
        return Err(format!("{what}: at most {max} characters, not {count}"));
    }
    if let Some(error) = vigie_domain::text::check(what, text, lines) {
        return Err(format!("{what}: {}", vigie_i18n::field_error(Lang::En, &error)));
    }
    if !lines && text.contains(['\n', '\r']) {
        return Err(format!("{what}: one line"));
    }
    Ok(())
}

/// A text of the issue file in the three languages, each optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TextFile {
    #[serde(default)]
    fr: String,
    #[serde(default)]
    en: String,
    #[serde(default)]
    ar: String,
}

impl From<TextFile> for Names {
    fn from(text: TextFile) -> Names {
        Names { fr: text.fr.trim().into(), en: text.en.trim().into(), ar: text.ar.trim().into() }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TileFile {
    figure: String,
    #[serde(default)]
    fr: String,
    #[serde(default)]
    en: String,
    #[serde(default)]
    ar: String,
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
    #[serde(default)]
    tiles: Vec<TileFile>,
    #[serde(default)]
    year_intro: TextFile,
    #[serde(default)]
    partners_intro: TextFile,
    #[serde(default)]
    national_days: NationalDaysRule,
    #[serde(default)]
    highlights: Vec<String>,
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
            tiles: Vec::new(),
            year_intro: Names::default(),
            partners_intro: Names::default(),
            national_days: NationalDaysRule::default(),
            highlights: Vec::new(),
        }
    }

    /// Checks what the editor chose that the types cannot: known figures,
    /// each once, and at most six highlights, each once.
    pub fn check(&self) -> Result<(), String> {
        for (index, tile) in self.tiles.iter().enumerate() {
            if self.tiles[..index].iter().any(|t| t.figure == tile.figure) {
                return Err(format!("tiles: {} is given twice", tile.figure.code()));
            }
        }
        for tile in &self.tiles {
            for lang in Lang::ALL {
                check_text(
                    &format!("tiles: {} label ({})", tile.figure.code(), lang.code()),
                    tile.label.get(lang),
                    100,
                    false,
                )?;
            }
        }
        for (what, text) in [("year_intro", &self.year_intro), ("partners_intro", &self.partners_intro)] {
            for lang in Lang::ALL {
                check_text(&format!("{what} ({})", lang.code()), text.get(lang), 2_000, true)?;
            }
        }
        if self.highlights.len() > MAX_HIGHLIGHTS {
            return Err(format!("highlights: at most {MAX_HIGHLIGHTS} photos, not {}", self.highlights.len()));
        }
        for (index, id) in self.highlights.iter().enumerate() {
            if self.highlights[..index].contains(id) {
                return Err(format!("highlights: {id} is given twice"));
            }
        }
        Ok(())
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
        issue.tiles = file
            .tiles
            .into_iter()
            .map(|tile| {
                let figure = Figure::parse(tile.figure.trim()).ok_or_else(|| {
                    let codes: Vec<&str> = Figure::all().into_iter().map(Figure::code).collect();
                    BulletinError::Issue(format!(
                        "{source}: tiles: unknown figure {:?}: use {}",
                        tile.figure,
                        codes.join(", ")
                    ))
                })?;
                let label = TextFile { fr: tile.fr, en: tile.en, ar: tile.ar }.into();
                Ok(Tile { figure, label })
            })
            .collect::<Result<_, BulletinError>>()?;
        issue.year_intro = file.year_intro.into();
        issue.partners_intro = file.partners_intro.into();
        issue.national_days = file.national_days;
        issue.highlights = file.highlights;
        issue.check().map_err(|problem| BulletinError::Issue(format!("{source}: {problem}")))?;
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

    #[test]
    fn the_editors_choices() {
        let issue = Issue::from_toml(
            "number = 58\nmonth = \"2023-12\"\nnational_days = \"sent\"\nhighlights = [\"a\", \"b\"]\n\
             year_intro = { fr = \"Une année\", ar = \"سنة\" }\n\
             [[tiles]]\nfigure = \"conference\"\nfr = \"Conférences\"\n[[tiles]]\nfigure = \"partnerships\"\n",
            "issue.toml",
        )
        .unwrap();
        assert_eq!(issue.national_days, NationalDaysRule::Sent);
        assert_eq!(issue.highlights, ["a", "b"]);
        assert_eq!((issue.year_intro.fr.as_str(), issue.year_intro.en.as_str()), ("Une année", ""));
        assert_eq!(issue.tiles.iter().map(|t| t.figure.code()).collect::<Vec<_>>(), ["conference", "partnerships"]);
        assert_eq!(issue.tiles[0].label.fr, "Conférences");
        let error =
            |text: &str| Issue::from_toml(&format!("number = 1\nmonth = \"2023-12\"\n{text}"), "i").unwrap_err();
        assert!(
            error("[[tiles]]\nfigure = \"conferences\"\n").to_string().contains("unknown figure \"conferences\": use"),
        );
        assert!(
            error("[[tiles]]\nfigure = \"workshop\"\n[[tiles]]\nfigure = \"workshop\"\n")
                .to_string()
                .contains("workshop is given twice")
        );
        assert_eq!(
            error("highlights = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\"]\n").to_string(),
            "issue: i: highlights: at most 6 photos, not 7"
        );
        assert!(error("national_days = \"both\"\n").to_string().contains("unknown variant `both`"));
        let long = "x".repeat(101);
        assert!(
            error(&format!("[[tiles]]\nfigure = \"workshop\"\nfr = \"{long}\"\n"))
                .to_string()
                .contains("tiles: workshop label (fr): at most 100 characters, not 101")
        );
        assert!(error("year_intro = { ar = \"a\\u202Eb\" }\n").to_string().contains("year_intro (ar):"));
    }
}
