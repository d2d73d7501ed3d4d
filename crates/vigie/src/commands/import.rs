//! `vigie import`: streaming, validated, all-or-nothing imports of native
//! CSV and JSON Lines, with a summary and located errors.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use vigie_domain::incident::Column;
use vigie_domain::validate::RawIncident;
use vigie_domain::{Status, Validator};
use vigie_formats::native::{CsvReader, JsonlReader, REASON_COLUMN};
use vigie_formats::{Format, ReadError, RowProblem};
use vigie_store::{ImportCounts, Store, Upsert};

use crate::Outcome;
use crate::cli::{Cli, ImportArgs, InputFormat};
use crate::context::{latest_valid_date, open_store, status};
use crate::progress;

/// How many errors are printed before the rest are only counted.
const ERRORS_SHOWN: usize = 20;
const BUFFER: usize = 256 * 1024;

pub struct Options {
    pub format: Option<Format>,
    pub skip_invalid: bool,
    pub rejects: Option<PathBuf>,
    pub new_groups: bool,
    pub default_status: Status,
    pub dry_run: bool,
}

/// One input: a name for messages and a byte stream.
pub struct Source {
    pub name: String,
    pub input: Box<dyn Read>,
    pub size: Option<u64>,
    pub format: Option<Format>,
}

impl Source {
    pub fn open(path: &Path) -> Result<Source> {
        if path == Path::new("-") {
            return Ok(Source { name: "stdin".into(), input: Box::new(std::io::stdin()), size: None, format: None });
        }
        let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        let size = file.metadata().ok().map(|m| m.len());
        Ok(Source { name: path.display().to_string(), input: Box::new(file), size, format: Format::from_path(path) })
    }
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Summary {
    pub counts: ImportCounts,
    pub drafts: u64,
    pub new_groups: Vec<String>,
    /// The first errors, located, and how many there were in all.
    pub errors: Vec<String>,
    pub error_count: u64,
    pub written: bool,
}

pub fn run(cli: &Cli, args: &ImportArgs) -> Result<Outcome> {
    let options = Options {
        format: args.format.map(|f| match f {
            InputFormat::Csv => Format::Csv,
            InputFormat::Jsonl => Format::Jsonl,
        }),
        skip_invalid: args.skip_invalid,
        rejects: args.rejects.clone(),
        new_groups: args.new_groups,
        default_status: status(args.default_status),
        dry_run: args.dry_run,
    };
    if args.files.iter().filter(|f| f.as_path() == Path::new("-")).count() > 1 {
        return Err(anyhow!("standard input (-) can be read only once"));
    }
    let sources = args.files.iter().map(|path| Source::open(path)).collect::<Result<Vec<_>>>()?;
    let mut store = open_store(&cli.db)?;
    let summary = import(store.as_mut(), sources, &options)?;
    Ok(print_summary(&summary, &options))
}

pub fn print_summary(summary: &Summary, options: &Options) -> Outcome {
    let mut stderr = std::io::stderr().lock();
    for error in &summary.errors {
        let _ = writeln!(stderr, "{error}");
    }
    let hidden = summary.error_count.saturating_sub(summary.errors.len() as u64);
    if hidden > 0 {
        let _ = writeln!(stderr, "… and {hidden} more errors");
    }
    let counts = summary.counts;
    if !summary.written && !options.dry_run {
        let _ = writeln!(
            stderr,
            "import failed: {} error{}; nothing was written (fix the rows, or import the valid ones with \
             --skip-invalid --rejects FILE)",
            summary.error_count,
            if summary.error_count == 1 { "" } else { "s" }
        );
        return Outcome::Failure;
    }
    println!(
        "{}{} new, {} updated, {} unchanged, {} rejected",
        if options.dry_run { "dry run, nothing written: " } else { "" },
        counts.new,
        counts.updated,
        counts.unchanged,
        counts.rejected
    );
    if !summary.new_groups.is_empty() {
        println!("new perpetrator groups: {}", summary.new_groups.join(", "));
    }
    if summary.drafts > 0 {
        println!(
            "{} of the new or updated incidents are drafts: reports count verified incidents only \
             (give a status column or --default-status verified)",
            summary.drafts
        );
    }
    if let Some(path) = options.rejects.as_ref().filter(|_| counts.rejected > 0) {
        println!("rejected rows written to {}", path.display());
    }
    if options.dry_run && summary.error_count > 0 && !options.skip_invalid {
        Outcome::Failure
    } else {
        Outcome::Success
    }
}

/// Imports all sources in one transaction.
pub fn import(store: &mut dyn Store, sources: Vec<Source>, options: &Options) -> Result<Summary> {
    let mut validator = Validator::new(store.groups()?, latest_valid_date());
    validator.new_groups = options.new_groups;
    validator.default_status = options.default_status;
    let names: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
    let source_label = names.join(", ");
    let mut rejects = options.rejects.as_deref().map(Rejects::create).transpose()?;
    let mut session = store.begin_import(&source_label, "native")?;
    let mut summary = Summary::default();
    let record_error = |summary: &mut Summary, name: &str, problem: &RowProblem| {
        summary.error_count += 1;
        if summary.errors.len() < ERRORS_SHOWN {
            summary.errors.push(format!("{name}:{}", problem.describe()));
        }
    };

    for source in sources {
        let bar = progress::bytes(source.size, &source.name);
        let mut input = BufReader::with_capacity(BUFFER, bar.wrap_read(source.input));
        let format = match options.format.or(source.format) {
            Some(format) => format,
            None => Format::sniff(input.fill_buf().with_context(|| format!("cannot read {}", source.name))?),
        };
        let name = source.name.as_str();
        let mut visit = |row: vigie_formats::Row<'_>| -> Result<()> {
            let problems = if row.problems.is_empty() {
                match validator.validate(&row.raw) {
                    Ok(valid) => {
                        let failing = summary.error_count > 0 && !options.skip_invalid;
                        if failing {
                            // nothing will be written: only keep checking
                            return Ok(());
                        }
                        if let Some(group) = &valid.new_group {
                            session.add_group(group)?;
                            summary.new_groups.push(format!("{} (from {:?})", group.id, group.aliases[0]));
                        }
                        let outcome = session.upsert(&valid.incident)?;
                        summary.counts.record(outcome);
                        if outcome != Upsert::Unchanged && valid.incident.status == Status::Draft {
                            summary.drafts += 1;
                        }
                        return Ok(());
                    }
                    Err(errors) => errors
                        .into_iter()
                        .map(|e| RowProblem {
                            line: row.line,
                            column: e.column,
                            message: e.message,
                            value: Some(e.value),
                        })
                        .collect(),
                }
            } else {
                row.problems
            };
            summary.counts.rejected += 1;
            for problem in &problems {
                record_error(&mut summary, name, problem);
            }
            if let Some(rejects) = rejects.as_mut() {
                let reason = problems.iter().map(|p| format!("{name}:{}", p.describe())).collect::<Vec<_>>().join("; ");
                rejects.write(&row.raw, &reason)?;
            }
            Ok(())
        };
        let result = match format {
            Format::Csv => CsvReader::new(input).map(|mut reader| reader.for_each(&mut visit)),
            Format::Jsonl => Ok(JsonlReader::new(input).for_each(&mut visit)),
        };
        bar.finish_and_clear();
        match result {
            Ok(rows) => rows.with_context(|| format!("cannot read {name}"))?,
            Err(ReadError::Header(problems)) => {
                for problem in &problems {
                    record_error(&mut summary, name, problem);
                }
            }
            Err(ReadError::Io(error)) => return Err(anyhow!("cannot read {name}: {error}")),
        }
    }

    if let Some(rejects) = rejects {
        rejects.finish()?;
    }
    let complete = summary.error_count == 0 || options.skip_invalid;
    if complete && !options.dry_run {
        session.finish(summary.counts)?;
        summary.written = true;
    }
    // otherwise the session is dropped: the transaction rolls back
    Ok(summary)
}

/// The `--rejects` file: the rejected rows as read, with a `reason`.
enum Rejects {
    Csv(Box<csv::Writer<BufWriter<File>>>),
    Jsonl(BufWriter<File>),
}

impl Rejects {
    fn create(path: &Path) -> Result<Rejects> {
        let file = File::create(path).with_context(|| format!("cannot create rejects file {}", path.display()))?;
        let output = BufWriter::new(file);
        if Format::from_path(path) == Some(Format::Jsonl) {
            return Ok(Rejects::Jsonl(output));
        }
        let mut writer = csv::Writer::from_writer(output);
        writer.write_record(Column::header().iter().chain(&[REASON_COLUMN]))?;
        Ok(Rejects::Csv(Box::new(writer)))
    }

    fn write(&mut self, raw: &RawIncident<'_>, reason: &str) -> Result<()> {
        match self {
            Rejects::Csv(writer) => {
                let values = Column::ALL.map(|column| raw.raw(column).unwrap_or(""));
                writer.write_record(values.iter().chain(&[reason]))?;
            }
            Rejects::Jsonl(output) => {
                let mut object = serde_json::Map::new();
                for column in Column::ALL {
                    if let Some(value) = raw.raw(column) {
                        object.insert(column.name().into(), value.into());
                    }
                }
                object.insert(REASON_COLUMN.into(), reason.into());
                serde_json::to_writer(&mut *output, &object)?;
                output.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        match self {
            Rejects::Csv(mut writer) => writer.flush()?,
            Rejects::Jsonl(mut output) => output.flush()?,
        }
        Ok(())
    }
}
