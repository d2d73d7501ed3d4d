//! `vigie import`: streaming, validated, all-or-nothing imports of native
//! CSV and JSON Lines, with a summary and located errors.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::mpsc::{Receiver, Sender, SyncSender};
use vigie_domain::incident::Column;
use vigie_domain::validate::RawIncident;

use vigie_domain::hash::Fnv64;
use vigie_domain::validate::Validated;
use vigie_domain::{Status, Validator};
use vigie_formats::native::{CsvReader, JsonlReader, REASON_COLUMN};
use vigie_formats::{Format, ReadError, RowProblem};
use vigie_store::{ImportCounts, ImportSession, Store, Upsert};

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
    pub input: Box<dyn Read + Send>,
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
    print_summary(&summary, &options)
}

pub fn print_summary(summary: &Summary, options: &Options) -> Result<Outcome> {
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
        return Ok(Outcome::Failure);
    }
    out!(
        "{}{} new, {} updated, {} unchanged, {} rejected",
        if options.dry_run { "dry run, nothing written: " } else { "" },
        counts.new,
        counts.updated,
        counts.unchanged,
        counts.rejected
    )?;
    if !summary.new_groups.is_empty() {
        out!("new perpetrator groups: {}", summary.new_groups.join(", "))?;
    }
    if summary.drafts > 0 {
        out!(
            "{} of the new or updated incidents are drafts: reports count verified incidents only \
             (give a status column or --default-status verified)",
            summary.drafts
        )?;
    }
    if let Some(path) = options.rejects.as_ref().filter(|_| counts.rejected > 0) {
        out!("rejected rows written to {}", path.display())?;
    }
    if options.dry_run && summary.error_count > 0 && !options.skip_invalid {
        Ok(Outcome::Failure)
    } else {
        Ok(Outcome::Success)
    }
}

/// Valid rows travel from the reading thread to the writing one in batches.
const BATCH: usize = 1024;

/// Imports all sources in one transaction. One thread reads and validates,
/// the calling thread writes: on two cores, parsing overlaps SQLite's work.
pub fn import(store: &mut dyn Store, sources: Vec<Source>, options: &Options) -> Result<Summary> {
    let mut validator = Validator::new(store.groups()?, latest_valid_date());
    validator.new_groups = options.new_groups;
    validator.default_status = options.default_status;
    let source_label = sources.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ");
    let rejects = options.rejects.as_deref().map(Rejects::create).transpose()?;
    let mut session = store.begin_import(&source_label, "native")?;
    let mut summary = Summary::default();

    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Ready>>(8);
    let (recycle, recycled) = std::sync::mpsc::channel::<Vec<Ready>>();
    let (read, written) = std::thread::scope(|scope| {
        let channels = Channels { sender, recycled };
        let reader = scope.spawn(|| read_sources(sources, options, validator, rejects, channels));
        let written = write_rows(session.as_mut(), receiver, recycle, &mut summary);
        let read = reader.join().unwrap_or_else(|_| Err(anyhow!("the reading thread stopped unexpectedly")));
        (read, written)
    });
    written?;
    let read = read?;
    summary.counts.rejected = read.rejected;
    summary.errors = read.errors;
    summary.error_count = read.error_count;

    // a file whose header cannot be read fails the import, even with
    // --skip-invalid: none of its rows could be checked
    let complete = !read.unreadable && (summary.error_count == 0 || options.skip_invalid);
    if complete && !options.dry_run {
        session.finish(summary.counts)?;
        summary.written = true;
    }
    // otherwise the session is dropped: the transaction rolls back
    Ok(summary)
}

/// A valid row with its fingerprint, ready to be written.
struct Ready {
    valid: Validated,
    content_hash: i64,
}

/// The reader's ends: batches go out, emptied batches come back so that
/// their rows are freed (and their memory reused) on the reading thread.
struct Channels {
    sender: SyncSender<Vec<Ready>>,
    recycled: Receiver<Vec<Ready>>,
}

/// Writes the valid rows as they arrive; returning drops the receiver, which
/// stops the reader.
fn write_rows(
    session: &mut dyn ImportSession,
    receiver: Receiver<Vec<Ready>>,
    recycle: Sender<Vec<Ready>>,
    summary: &mut Summary,
) -> Result<()> {
    for batch in receiver {
        for Ready { valid, content_hash } in &batch {
            if let Some(group) = &valid.new_group {
                session.add_group(group)?;
                summary.new_groups.push(format!("{} (from {:?})", group.id, group.aliases[0]));
            }
            let outcome = session.upsert(&valid.incident, *content_hash)?;
            summary.counts.record(outcome);
            if outcome != Upsert::Unchanged && valid.incident.status == Status::Draft {
                summary.drafts += 1;
            }
        }
        // the reader may be gone already: then the batch is freed here
        let _ = recycle.send(batch);
    }
    Ok(())
}

/// What the reading side found wrong.
#[derive(Default)]
struct ReadSummary {
    rejected: u64,
    errors: Vec<String>,
    error_count: u64,
    /// A file's header was not usable.
    unreadable: bool,
}

impl ReadSummary {
    fn record(&mut self, name: &str, problem: &RowProblem) {
        self.error_count += 1;
        if self.errors.len() < ERRORS_SHOWN {
            self.errors.push(format!("{name}:{}", problem.describe()));
        }
    }
}

/// Reads and validates every source, sends the valid rows, records and
/// writes the rejected ones.
fn read_sources(
    sources: Vec<Source>,
    options: &Options,
    mut validator: Validator,
    mut rejects: Option<Rejects>,
    channels: Channels,
) -> Result<ReadSummary> {
    let mut read = ReadSummary::default();
    let mut batch = Vec::with_capacity(BATCH);
    let mut seen_ids = SeenIds::default();
    // the writer has stopped (it failed): its error is the one to report
    let mut writer_gone = false;
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
                    Ok(valid) if !seen_ids.insert(&valid.incident.id) => {
                        let message = if row.raw.get(Column::Id).is_some() {
                            "appears more than once in this import: give each incident its own id".to_string()
                        } else {
                            "repeats an earlier row of this import (same date, country, place, perpetrator, target, \
                             method and description): give the rows ids"
                                .to_string()
                        };
                        let value = Some(valid.incident.id);
                        vec![RowProblem { line: row.line, column: "id".into(), message, value }]
                    }
                    Ok(valid) => {
                        // after an error nothing will be written: only keep checking
                        if read.error_count == 0 || options.skip_invalid {
                            let content_hash = valid.incident.content_hash();
                            batch.push(Ready { valid, content_hash });
                            if batch.len() == BATCH {
                                let mut next = channels.recycled.try_recv().unwrap_or_default();
                                next.clear();
                                if channels.sender.send(std::mem::replace(&mut batch, next)).is_err() {
                                    writer_gone = true;
                                    return Err(anyhow!("the writer stopped"));
                                }
                            }
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
            read.rejected += 1;
            for problem in &problems {
                read.record(name, problem);
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
            Ok(Err(_)) if writer_gone => return Ok(read),
            Ok(rows) => rows.with_context(|| format!("cannot read {name}"))?,
            Err(ReadError::Header(problems)) => {
                read.unreadable = true;
                for problem in &problems {
                    read.record(name, problem);
                }
            }
            Err(ReadError::Io(error)) => return Err(anyhow!("cannot read {name}: {error}")),
        }
    }
    if !batch.is_empty() {
        // a closed channel means the writer failed and reports why
        let _ = channels.sender.send(batch);
    }
    if let Some(rejects) = rejects {
        rejects.finish()?;
    }
    Ok(read)
}

/// The ids met so far in one import, as 64-bit fingerprints (8 bytes an id,
/// whatever its length): a second row with the same id is an error, not a
/// silent overwrite.
#[derive(Default)]
struct SeenIds(HashSet<u64, BuildHasherDefault<Prehashed>>);

impl SeenIds {
    /// False if the id was met before.
    fn insert(&mut self, id: &str) -> bool {
        let mut hash = Fnv64::default();
        hash.write(id.as_bytes());
        self.0.insert(hash.finish())
    }
}

/// The keys are hashes already: use them as they are.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
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
