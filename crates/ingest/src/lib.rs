//! Vigie's import pipeline: sources are read and validated on one thread,
//! written to the store on the calling one, all in one transaction that
//! commits only if the import is complete. Used by `vigie import` and by
//! the web application's upload, so nothing here prints: the caller reports
//! the `Summary`. Imports of the member register follow
//! the same rules (`import_members`), and so do those of the partner
//! register (`import_partners`), the developments notes (`import_notes`) and
//! the activity register (`import_activities`) and the articles, read from a
//! folder of Markdown files (`import_articles`).

mod activities;
mod articles;
mod audit;
mod flat;
mod members;
mod notes;
mod organisations;
mod partners;
mod pipeline;
mod problems;
mod rejects;
mod themes;

use std::io::Read;
use std::path::{Path, PathBuf};

use indicatif::ProgressBar;
use vigie_domain::{FieldErrorKind, Status, User};
use vigie_formats::dataset::DatasetOptions;
use vigie_formats::{Format, RowProblem};
use vigie_store::{ImportCounts, StoreError};

pub use activities::import_activities;
pub use articles::import_articles;
pub use members::import_members;
pub use notes::{NOTE_LAYOUT, import_notes};
pub use organisations::{ORGANISATION_LAYOUT, import_organisations};
pub use partners::import_partners;
pub use pipeline::import;
pub use themes::{THEME_LAYOUT, import_themes};

/// How many problems a summary keeps word for word; the rest are counted.
pub const PROBLEMS_KEPT: usize = 20;

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    // the cause follows through the error chain (`source`), not repeated here
    #[error("cannot read {name}")]
    Read { name: String, source: std::io::Error },
    #[error("cannot write rejects file {path}: {message}")]
    Rejects { path: String, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the reading thread stopped unexpectedly")]
    ReaderPanicked,
}

/// Makes the progress bar of a source from its name and size in bytes.
pub type MakeProgress = dyn Fn(&str, Option<u64>) -> ProgressBar + Sync;

/// How the format of each source is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatChoice {
    /// From the file name (JSON Lines) or the first bytes: a JSON object, or
    /// a CSV header of ACLED, UCDP GED, GTD or the native format.
    Detect,
    /// Native CSV or JSON Lines, whatever the header says.
    Native,
    /// This format for every source.
    Given(Format),
}

impl FormatChoice {
    pub fn name(self) -> &'static str {
        match self {
            FormatChoice::Detect => "detected",
            FormatChoice::Native => "native",
            FormatChoice::Given(format) => format.name(),
        }
    }
}

/// How an import behaves.
pub struct Options {
    pub format: FormatChoice,
    /// Options of the dataset readers (ACLED's `--all-events`).
    pub dataset: DatasetOptions,
    /// Import the valid rows even if some are invalid.
    pub skip_invalid: bool,
    /// Where to write the rejected rows, with a `reason` column.
    pub rejects: Option<PathBuf>,
    /// Create groups for perpetrator names the register does not know
    /// (always so for the curated datasets).
    pub new_groups: bool,
    /// The status of rows that do not say; by default draft for the native
    /// formats, verified for the curated datasets.
    pub default_status: Option<Status>,
    /// Check everything, write nothing.
    pub dry_run: bool,
    /// The web user who imports, if the import comes through the web: each
    /// row is then held to the user's rights (`import_row_access`: a row
    /// they may not write is rejected, an id they may not see is "unknown"),
    /// every row lands as a draft (a verified incident it changes becomes a
    /// draft again), and each incident it creates or changes is recorded
    /// against them (its author, or one of its editors), with its own audit
    /// entry: four eyes apply. `None`: the operator's command line, whose
    /// statuses stand (curated datasets import verified).
    pub importer: Option<User>,
    /// Who imports (a web user's email, or `cli`): an entry with the
    /// sources, format and counts (`incident.import`, `member.import`, …)
    /// goes to the audit log in the import's transaction, if it is written.
    pub audit_actor: Option<String>,
    /// The latest date an incident may have.
    pub latest_date: jiff::civil::Date,
    /// Makes the progress bar of a source.
    pub progress: Box<MakeProgress>,
    /// The language of the rejects file's reasons: the web page's; English
    /// (the command line's words) by default.
    pub lang: vigie_domain::Lang,
}

impl Options {
    pub fn new(latest_date: jiff::civil::Date) -> Options {
        Options {
            format: FormatChoice::Detect,
            dataset: DatasetOptions::default(),
            skip_invalid: false,
            rejects: None,
            new_groups: false,
            default_status: None,
            dry_run: false,
            importer: None,
            audit_actor: None,
            latest_date,
            progress: Box::new(|_, _| ProgressBar::hidden()),
            lang: vigie_domain::Lang::En,
        }
    }
}

/// One input: a name for messages and a byte stream.
pub struct Source {
    pub name: String,
    pub input: Box<dyn Read + Send>,
    pub size: Option<u64>,
    pub format: Option<Format>,
}

impl Source {
    /// A file, or standard input for `-`.
    pub fn open(path: &Path) -> Result<Source, IngestError> {
        if path == Path::new("-") {
            return Ok(Source { name: "stdin".into(), input: Box::new(std::io::stdin()), size: None, format: None });
        }
        let name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|source| IngestError::Read { name: name.clone(), source })?;
        let size = file.metadata().ok().map(|m| m.len());
        Ok(Source { name, input: Box::new(file), size, format: Format::from_path(path) })
    }

    pub fn from_bytes(name: &str, bytes: &'static [u8], format: Format) -> Source {
        Source { name: name.into(), input: Box::new(bytes), size: Some(bytes.len() as u64), format: Some(format) }
    }
}

/// A register file (members, partners) is CSV or JSON Lines: as given, as its
/// name says, or as its first bytes say.
pub(crate) fn register_format(
    options: &Options,
    named: Option<Format>,
    input: &mut impl std::io::BufRead,
) -> std::io::Result<Format> {
    Ok(match (options.format, named) {
        (FormatChoice::Given(Format::Jsonl), _) => Format::Jsonl,
        (FormatChoice::Given(_), _) => Format::Csv,
        (_, Some(Format::Jsonl)) => Format::Jsonl,
        _ if Format::sniff(input.fill_buf()?) == Format::Jsonl => Format::Jsonl,
        _ => Format::Csv,
    })
}

/// What was found in one source.
#[derive(Debug, Clone)]
pub struct SourceReport {
    pub name: String,
    pub format: Format,
    /// The format and layout recognised, e.g. "UCDP GED annual release".
    pub layout: String,
    /// Rows left out on purpose (ACLED protests, riots, strategic
    /// developments without `all_events`).
    pub skipped: u64,
    /// Columns of an earlier layout the file used, with the columns they
    /// were read as (`kind` as `kind_en`): worth a notice.
    pub legacy_columns: Vec<(&'static str, &'static str)>,
}

impl SourceReport {
    /// Notes the old column names a record used, each once.
    pub(crate) fn note_legacy_columns(
        found: &mut Vec<(&'static str, &'static str)>,
        used: &[(&'static str, &'static str)],
    ) {
        for alias in used {
            if !found.contains(alias) {
                found.push(*alias);
            }
        }
    }
}

/// One problem of an import, where it is and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct LocatedProblem {
    /// The source's name.
    pub source: String,
    pub problem: RowProblem,
    /// What is wrong, for a message in any language
    /// (`vigie_i18n::field_error_kind`): the problem's own kind; `None` for
    /// a problem said in English only.
    pub kind: Option<FieldErrorKind>,
}

/// A field error at `line`, in the words of the command line (English,
/// from the catalogue: `vigie_i18n::field_error_english`).
pub(crate) fn located(line: u64, error: &vigie_domain::FieldError) -> RowProblem {
    RowProblem::of_kind(line, &error.column, error.kind.clone(), Some(error.value.clone()))
}

impl std::fmt::Display for LocatedProblem {
    /// `FILE:LINE: column COLUMN: what is wrong (got "VALUE")`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.source, self.problem.describe())
    }
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Summary {
    pub counts: ImportCounts,
    pub sources: Vec<SourceReport>,
    /// New or updated incidents left as drafts.
    pub drafts: u64,
    /// Groups created by `new_groups` (by rows that were written): "id
    /// (from "Name")".
    pub new_groups: Vec<String>,
    /// Rows written (new, updated or unchanged) whose perpetrator is of
    /// kind state forces: kept, and left out of the terrorism statistics.
    pub state_forces: u64,
    /// Incidents written with the status verified without a review: only by
    /// the operator's command line.
    pub verified: u64,
    /// The import run's id, once written.
    pub import_id: Option<i64>,
    /// The first problems in file and line order, as
    /// `FILE:LINE: column COLUMN: what is wrong (got "VALUE")`.
    pub problems: Vec<String>,
    /// The same problems, each part apart (a web page translates them).
    pub details: Vec<LocatedProblem>,
    /// How many problems there were in all.
    pub problem_count: u64,
    /// Whether the transaction was committed.
    pub written: bool,
    /// The rejects files beside the one asked for, of records of another
    /// layout (an activity's people in CSV).
    pub more_rejects: Vec<PathBuf>,
}
