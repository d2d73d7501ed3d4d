//! The two threads of an import: the reader parses and validates, the
//! caller's thread writes. On two cores, parsing overlaps SQLite's work.
//!
//! Memory does not grow with the input: written batches go back to the
//! reader to be refilled, and an id met twice is found through the store
//! (`Upsert::Repeated`), not through a set of ids held in memory.

use std::io::{BufRead, BufReader};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, SyncSender};

use vigie_domain::incident::Column;
use vigie_domain::validate::Validated;
use vigie_domain::{FieldErrorKind, Incident, Status, Validator};
use vigie_formats::dataset::acled::AcledReader;
use vigie_formats::dataset::gtd::GtdReader;
use vigie_formats::dataset::ucdp::UcdpReader;
use vigie_formats::native::{CsvReader, JsonlReader};
use vigie_formats::{Format, ReadError, Row, RowProblem};
use vigie_store::{ImportSession, Store, Upsert};

use crate::audit::import_entry;
use crate::problems::Problems;
use crate::rejects::Rejects;
use crate::{FormatChoice, IngestError, Options, Source, SourceReport, Summary};

/// Valid rows travel from the reading thread to the writing one in batches.
const BATCH: usize = 1024;
const BUFFER: usize = 256 * 1024;

/// A valid row with its fingerprint and its place, ready to be written.
struct Ready {
    valid: Validated,
    content_hash: i64,
    source: usize,
    line: u64,
}

/// Imports all sources in one transaction, committed only if every row is
/// valid (or `skip_invalid`), no header is unusable and it is not a dry run.
pub fn import(store: &mut dyn Store, sources: Vec<Source>, options: &Options) -> Result<Summary, IngestError> {
    let validator = Validator::new(store.groups()?, options.latest_date);
    let names: Vec<String> = sources.iter().map(|s| s.name.clone()).collect();
    let rejects = options.rejects.as_deref().map(Rejects::create).transpose()?;
    let problems = Problems::new(rejects);
    let mut session = store.begin_import(&names.join(", "), options.format.name())?;
    let mut summary = Summary::default();
    let sources_read = Mutex::new(Vec::new());

    let started = std::time::Instant::now();
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Ready>>(8);
    let (recycle, recycled) = std::sync::mpsc::channel::<Vec<Ready>>();
    let (read, written) = std::thread::scope(|scope| {
        let reader = Reader { options, problems: &problems, sources: &sources_read, sender, recycled };
        let reading = scope.spawn(move || reader.read(sources, validator));
        let writer = Writer { options, problems: &problems, names: &names };
        let written = writer.write(session.as_mut(), receiver, recycle, &mut summary);
        let read = reading.join().unwrap_or(Err(IngestError::ReaderPanicked));
        tracing::debug!(elapsed = ?started.elapsed(), "rows read and written");
        (read, written)
    });
    // a failed write stops the reader: the write error is the one to report
    written?;
    read?;
    let found = problems.finish()?;
    summary.counts.rejected = found.rejected;
    summary.problems = found.problems;
    summary.details = found.details;
    summary.problem_count = found.count;
    summary.sources = sources_read.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
    summary.counts.skipped = summary.sources.iter().map(|s| s.skipped).sum();

    let complete = !found.unreadable && (found.count == 0 || options.skip_invalid);
    if complete && !options.dry_run {
        if let Some(entry) = import_entry(options, "incident", &names, options.format.name(), summary.counts) {
            session.record_audit(&entry)?;
        }
        // indexes and the commit take seconds on big loads: say so
        let bar = (options.progress)("indexing and committing", None);
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        let finished = session.finish(summary.counts);
        bar.finish_and_clear();
        finished?;
        summary.written = true;
    }
    // otherwise the session is dropped and the transaction rolls back
    Ok(summary)
}

/// A row of an import of drafts against a verified incident.
enum Verified {
    /// Not of a verified incident (or not an import of drafts).
    No,
    /// Says what the verified incident says, but for its status: left as
    /// it is (unchanged).
    Same(Box<Incident>),
    /// Would change it: refused.
    Changed,
}

/// The writing side: the rows the reader found valid, and the rules that
/// need the store (repeated ids, a delegate's countries and drafts).
struct Writer<'a> {
    options: &'a Options,
    problems: &'a Problems,
    names: &'a [String],
}

impl Writer<'_> {
    /// Writes the valid rows as they arrive; returning drops the receiver,
    /// which stops the reader. Emptied batches go back to be freed and
    /// reused there.
    fn write(
        &self,
        session: &mut dyn ImportSession,
        receiver: Receiver<Vec<Ready>>,
        recycle: Sender<Vec<Ready>>,
        summary: &mut Summary,
    ) -> Result<(), IngestError> {
        for batch in receiver {
            for ready in &batch {
                let incident = &ready.valid.incident;
                // added even when the row is refused below: a later row may
                // name the group, and the validator now knows it
                if let Some(group) = &ready.valid.new_group {
                    session.add_group(group)?;
                    summary.new_groups.push(format!("{} (from {:?})", group.id, group.aliases[0]));
                }
                if let Some(allowed) = self.options.countries.as_ref().filter(|a| !a.contains(&incident.country)) {
                    let codes: Vec<&str> = allowed.iter().map(|c| c.as_str()).collect();
                    let message = format!("is not one of the countries this import may write ({})", codes.join(", "));
                    let kind = FieldErrorKind::CountryNotAllowed { allowed: allowed.clone() };
                    self.refuse(ready, Column::Country, incident.country.as_str(), message, kind)?;
                    continue;
                }
                let outcome = match self.verified(session, incident)? {
                    Verified::No => session.upsert(incident, ready.content_hash)?,
                    Verified::Same(verified) => session.upsert(&verified, verified.content_hash())?,
                    Verified::Changed => {
                        let message = "is a verified incident: an import of drafts cannot change it".to_string();
                        self.refuse(ready, Column::Id, &incident.id, message, FieldErrorKind::AlreadyVerified)?;
                        continue;
                    }
                };
                match outcome {
                    Upsert::Repeated => {
                        let message = "appears more than once in this import: each incident once, with its own id \
                                       (rows without an id get one from their date, country, place, perpetrator, \
                                       target, method and description)";
                        self.refuse(ready, Column::Id, &incident.id, message.into(), FieldErrorKind::RepeatedId)?;
                    }
                    Upsert::New | Upsert::Updated if incident.status == Status::Draft => summary.drafts += 1,
                    _ => {}
                }
                if outcome != Upsert::Repeated {
                    summary.counts.record(outcome);
                }
            }
            // the reader may be gone already: then the batch is freed here
            let _ = recycle.send(batch);
        }
        Ok(())
    }

    /// Whether a row of an import of drafts is of a verified incident, and
    /// whether it would change it.
    fn verified(&self, session: &mut dyn ImportSession, incident: &Incident) -> Result<Verified, IngestError> {
        if !self.options.drafts_only {
            return Ok(Verified::No);
        }
        let Some((Status::Verified, stored_hash)) = session.stored(&incident.id)? else {
            return Ok(Verified::No);
        };
        let mut verified = incident.clone();
        verified.status = Status::Verified;
        Ok(if verified.content_hash() == stored_hash { Verified::Same(Box::new(verified)) } else { Verified::Changed })
    }

    /// Rejects a valid row for a reason found on the writing side.
    fn refuse(
        &self,
        ready: &Ready,
        column: Column,
        value: &str,
        message: String,
        kind: FieldErrorKind,
    ) -> Result<(), IngestError> {
        let problem =
            RowProblem { line: ready.line, column: column.name().into(), message, value: Some(value.to_string()) };
        let values = ready.valid.incident.values();
        let values = std::array::from_fn(|i| Some(values[i].as_str()));
        self.problems.reject(ready.source, &self.names[ready.source], &[problem], &[kind], &values)
    }
}

struct Reader<'a> {
    options: &'a Options,
    problems: &'a Problems,
    sources: &'a Mutex<Vec<SourceReport>>,
    sender: SyncSender<Vec<Ready>>,
    recycled: Receiver<Vec<Ready>>,
}

/// Why the reader stopped early.
enum Stop {
    Failed(IngestError),
    /// The writer failed and reports why.
    WriterGone,
}

impl From<ReadError> for Stop {
    fn from(error: ReadError) -> Stop {
        match error {
            ReadError::Io(source) => Stop::Failed(IngestError::Read { name: String::new(), source }),
            // headers are read before the rows: not met here
            ReadError::Header(_) => Stop::Failed(IngestError::Read {
                name: String::new(),
                source: std::io::Error::other("the header is not valid"),
            }),
        }
    }
}

impl Reader<'_> {
    fn read(self, sources: Vec<Source>, mut validator: Validator) -> Result<(), IngestError> {
        let mut batch = Vec::with_capacity(BATCH);
        for (index, source) in sources.into_iter().enumerate() {
            let name = source.name.clone();
            let located = |error: IngestError| match error {
                IngestError::Read { source, .. } => IngestError::Read { name: name.clone(), source },
                other => other,
            };
            match self.read_source(index, source, &mut validator, &mut batch) {
                Ok(()) => {}
                Err(Stop::WriterGone) => return Ok(()),
                Err(Stop::Failed(error)) => return Err(located(error)),
            }
        }
        if !batch.is_empty() {
            // a closed channel means the writer failed and reports why
            let _ = self.sender.send(batch);
        }
        Ok(())
    }

    fn read_source(
        &self,
        index: usize,
        source: Source,
        validator: &mut Validator,
        batch: &mut Vec<Ready>,
    ) -> Result<(), Stop> {
        let bar = (self.options.progress)(&source.name, source.size);
        let mut input = BufReader::with_capacity(BUFFER, bar.wrap_read(source.input));
        let format = match self.options.format {
            FormatChoice::Given(format) => format,
            FormatChoice::Native => match source.format {
                Some(format) => format,
                None if Format::sniff(input.fill_buf().map_err(ReadError::Io)?) == Format::Jsonl => Format::Jsonl,
                None => Format::Csv,
            },
            FormatChoice::Detect => match source.format {
                Some(format) => format,
                None => Format::sniff(input.fill_buf().map_err(ReadError::Io)?),
            },
        };
        // the curated datasets' rows are verified and may name new groups
        validator.default_status =
            self.options.default_status.unwrap_or(if format.is_dataset() { Status::Verified } else { Status::Draft });
        validator.new_groups = self.options.new_groups || format.is_dataset();
        let name = source.name.as_str();
        let mut visit = |row: Row<'_>| -> Result<(), Stop> { self.row(index, name, row, validator, batch) };
        let dataset = self.options.dataset;
        let mut report = SourceReport { name: name.to_string(), format, layout: String::new(), skipped: 0 };
        let result = match format {
            Format::Csv => CsvReader::new(input).map(|mut reader| {
                report.layout = "native CSV".into();
                reader.for_each(&mut visit)
            }),
            Format::Jsonl => {
                report.layout = "native JSON Lines".into();
                Ok(JsonlReader::new(input).for_each(&mut visit))
            }
            Format::Acled => AcledReader::new(input, dataset).map(|mut reader| {
                let rows = reader.for_each(&mut visit);
                report.layout = reader.layout().into();
                report.skipped = reader.skipped();
                rows
            }),
            Format::Ucdp => UcdpReader::new(input, dataset).map(|mut reader| {
                let rows = reader.for_each(&mut visit);
                report.layout = reader.layout().into();
                report.skipped = reader.skipped();
                rows
            }),
            Format::Gtd => GtdReader::new(input, dataset).map(|mut reader| {
                let rows = reader.for_each(&mut visit);
                report.layout = reader.layout().into();
                report.skipped = reader.skipped();
                rows
            }),
        };
        bar.finish_and_clear();
        tracing::debug!(source = name, layout = report.layout, "source read");
        self.sources.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(report);
        match result {
            Ok(rows) => rows,
            Err(ReadError::Header(problems)) => {
                self.problems.unreadable(index, name, &problems);
                Ok(())
            }
            Err(ReadError::Io(error)) => Err(Stop::Failed(IngestError::Read { name: name.into(), source: error })),
        }
    }

    fn row(
        &self,
        index: usize,
        name: &str,
        row: Row<'_>,
        validator: &mut Validator,
        batch: &mut Vec<Ready>,
    ) -> Result<(), Stop> {
        let (problems, kinds) = if row.problems.is_empty() {
            match validator.validate(&row.raw) {
                Ok(mut valid) => {
                    if self.options.drafts_only {
                        valid.incident.status = Status::Draft;
                    }
                    // after a problem nothing will be written: only keep checking
                    if self.problems.any() && !self.options.skip_invalid {
                        return Ok(());
                    }
                    let content_hash = valid.incident.content_hash();
                    batch.push(Ready { valid, content_hash, source: index, line: row.line });
                    if batch.len() == BATCH {
                        let mut next = self.recycled.try_recv().unwrap_or_default();
                        next.clear();
                        self.sender.send(std::mem::replace(batch, next)).map_err(|_| Stop::WriterGone)?;
                    }
                    return Ok(());
                }
                Err(errors) => errors
                    .into_iter()
                    .map(|e| {
                        let problem =
                            RowProblem { line: row.line, column: e.column, message: e.message, value: Some(e.value) };
                        (problem, e.kind)
                    })
                    .unzip(),
            }
        } else {
            (row.problems, Vec::new())
        };
        let values = Column::ALL.map(|column| row.raw.raw(column));
        self.problems.reject(index, name, &problems, &kinds, &values).map_err(Stop::Failed)
    }
}
