//! The two threads of an import: the reader parses and validates, the
//! caller's thread writes. On two cores, parsing overlaps SQLite's work.
//!
//! Memory does not grow with the input: written batches go back to the
//! reader to be refilled, and an id met twice is found through the store
//! (`Upsert::Repeated`), not through a set of ids held in memory.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, SyncSender};

use vigie_domain::incident::Column;
use vigie_domain::user::{
    RowAccess, can_edit_incident, can_import_any_incident, can_import_datasets, import_row_access,
};
use vigie_domain::validate::Validated;
use vigie_domain::{AuditEntry, FieldError, FieldErrorKind, Group, GroupKind, Incident, Status, User, Validator};
use vigie_formats::dataset::acled::AcledReader;
use vigie_formats::dataset::gtd::GtdReader;
use vigie_formats::dataset::ucdp::UcdpReader;
use vigie_formats::native::{CsvReader, JsonlReader};
use vigie_formats::{Format, ReadError, Row};
use vigie_store::{ImportSession, Store, Upsert};

use crate::audit::import_entry;
use crate::problems::Problems;
use crate::rejects::Rejects;
use crate::{FormatChoice, IngestError, Options, Source, SourceReport, Summary, located};

/// Valid rows travel from the reading thread to the writing one in batches.
const BATCH: usize = 1024;
const BUFFER: usize = 256 * 1024;

/// A valid row with its fingerprint and its place, ready to be written.
struct Ready {
    valid: Validated,
    content_hash: i64,
    source: usize,
    line: u64,
    /// Whether the row gave its id (else it was derived from its content).
    named: bool,
}

/// Imports all sources in one transaction, committed only if every row is
/// valid (or `skip_invalid`), no header is unusable and it is not a dry run.
pub fn import(store: &mut dyn Store, sources: Vec<Source>, options: &Options) -> Result<Summary, IngestError> {
    let groups = store.groups()?;
    let state_forces: HashSet<String> =
        groups.iter().filter(|g| g.kind == GroupKind::StateForces).map(|g| g.id.clone()).collect();
    let validator = Validator::new(groups, options.latest_date);
    let names: Vec<String> = sources.iter().map(|s| s.name.clone()).collect();
    let rejects = options.rejects.as_deref().map(Rejects::create).transpose()?;
    let problems = Problems::new(rejects).in_language(options.lang);
    let mut session = store.begin_import(&names.join(", "), options.format.name())?;
    if let Some(actor) = &options.audit_actor {
        session.set_actor(actor)?;
    }
    let mut summary = Summary::default();
    let sources_read = Mutex::new(Vec::new());

    let started = std::time::Instant::now();
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Ready>>(8);
    let (recycle, recycled) = std::sync::mpsc::channel::<Vec<Ready>>();
    let (read, written) = std::thread::scope(|scope| {
        let reader = Reader { options, problems: &problems, sources: &sources_read, sender, recycled };
        let reading = scope.spawn(move || reader.read(sources, validator));
        let mut writer = Writer {
            options,
            problems: &problems,
            names: &names,
            groups_waiting: HashMap::new(),
            unknown_ids: HashSet::new(),
            state_forces,
        };
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
        if let Some(mut entry) = import_entry(options, "incident", &names, options.format.name(), summary.counts) {
            let mut detail = entry.detail.take().unwrap_or_default();
            if summary.verified > 0 {
                detail.push_str(&format!("; {} verified without review (operator import)", summary.verified));
            }
            if !summary.new_groups.is_empty() {
                detail.push_str(&format!("; new groups: {}", summary.new_groups.join(", ")));
            }
            session.record_audit(&entry.with_detail(detail))?;
        }
        // indexes and the commit take seconds on big loads: say so
        let bar = (options.progress)("indexing and committing", None);
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        let finished = session.finish(summary.counts);
        bar.finish_and_clear();
        summary.import_id = Some(finished?);
        summary.written = true;
    }
    // otherwise the session is dropped and the transaction rolls back
    Ok(summary)
}

/// The writing side: the rows the reader found valid, and the rules that
/// need the store (repeated ids, a web importer's rights and four eyes).
struct Writer<'a> {
    options: &'a Options,
    problems: &'a Problems,
    names: &'a [String],
    /// Groups the validator made for rows not written yet: created by the
    /// first row naming them that is written, never by a rejected one.
    groups_waiting: HashMap<String, Group>,
    /// Ids a web importer was refused as unknown (at most
    /// [`UNKNOWN_IDS_KEPT`]).
    unknown_ids: HashSet<String>,
    /// The ids of the groups of state forces, those this import creates
    /// included.
    state_forces: HashSet<String>,
}

/// How many refused ids an import remembers (a few MiB at most).
const UNKNOWN_IDS_KEPT: usize = 100_000;

impl Writer<'_> {
    /// Writes the valid rows as they arrive; returning drops the receiver,
    /// which stops the reader. Emptied batches go back to be freed and
    /// reused there.
    fn write(
        &mut self,
        session: &mut dyn ImportSession,
        receiver: Receiver<Vec<Ready>>,
        recycle: Sender<Vec<Ready>>,
        summary: &mut Summary,
    ) -> Result<(), IngestError> {
        for batch in receiver {
            for ready in &batch {
                if let Some(group) = &ready.valid.new_group {
                    self.groups_waiting.entry(group.id.clone()).or_insert_with(|| group.clone());
                }
                match &self.options.importer {
                    Some(user) => self.write_for(user, session, ready, summary)?,
                    None => {
                        self.write_row(session, ready, &ready.valid.incident, ready.content_hash, summary)?;
                    }
                }
            }
            // the reader may be gone already: then the batch is freed here
            let _ = recycle.send(batch);
        }
        Ok(())
    }

    /// A row of a web user's import: written only if `user` may write it,
    /// as a draft, and recorded against them.
    fn write_for(
        &mut self,
        user: &User,
        session: &mut dyn ImportSession,
        ready: &Ready,
        summary: &mut Summary,
    ) -> Result<(), IngestError> {
        let incident = &ready.valid.incident;
        // Time tells nothing either: the row's country is judged before any
        // lookup, an id is looked up by its country and status only, and an
        // id refused once is refused again without a lookup (a file naming
        // one id ten thousand times times one lookup, not ten thousand).
        let access = if !can_edit_incident(user, incident.country) {
            RowAccess::Country
        } else if self.unknown_ids.contains(&incident.id) {
            RowAccess::UnknownId
        } else if can_import_any_incident(user) {
            // whoever may change every incident is never refused for an id:
            // no lookup before the one below
            RowAccess::Write
        } else {
            let named = session.stored_access(&incident.id)?.map(|(c, status)| (c, status == Status::Verified));
            import_row_access(user, incident.country, ready.named, named)
        };
        if access == RowAccess::UnknownId && self.unknown_ids.len() < UNKNOWN_IDS_KEPT {
            self.unknown_ids.insert(incident.id.clone());
        }
        match access {
            RowAccess::Country => {
                let kind = FieldErrorKind::CountryNotAllowed { allowed: user.countries.clone() };
                return self.refuse(ready, Column::Country, incident.country.as_str(), kind);
            }
            RowAccess::UnknownId => {
                // the same words whether the id is unknown or not the user's
                return self.refuse(ready, Column::Id, &incident.id, FieldErrorKind::UnknownId);
            }
            RowAccess::Write | RowAccess::Verified => {}
        }
        let stored = session.stored(&incident.id)?;
        if let Some(verified) = stored.as_ref().filter(|s| s.status == Status::Verified) {
            // what the verified incident says, but for the status: left as it is
            let mut same = incident.clone();
            same.status = Status::Verified;
            if same.content_hash() == verified.content_hash() {
                let hash = same.content_hash();
                return self.write_row(session, ready, &same, hash, summary).map(|_| ());
            }
            if access == RowAccess::Verified {
                return self.refuse(ready, Column::Id, &incident.id, FieldErrorKind::AlreadyVerified);
            }
        }
        let outcome = self.write_row(session, ready, incident, ready.content_hash, summary)?;
        if matches!(outcome, Some(Upsert::New | Upsert::Updated)) {
            let source = &self.names[ready.source];
            let entry =
                AuditEntry::new(jiff::Timestamp::now(), &user.email, "incident.import", "incident", Some(&incident.id))
                    .with_changes(incident.changes_from(stored.as_ref()))
                    .with_detail(format!("{source}, line {}", ready.line));
            session.record_audit(&entry)?;
            match &stored {
                None => session.set_author(&incident.id, user.id)?,
                Some(before) if before.status == Status::Verified => session.reopen(&incident.id)?,
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// Writes one row (creating the group it is the first to name) and
    /// counts it; `None` when it repeats an id of this import (rejected).
    fn write_row(
        &mut self,
        session: &mut dyn ImportSession,
        ready: &Ready,
        incident: &Incident,
        content_hash: i64,
        summary: &mut Summary,
    ) -> Result<Option<Upsert>, IngestError> {
        if let Some(group) = self.groups_waiting.remove(&incident.perpetrator) {
            session.add_group(&group)?;
            let kind = match group.kind {
                GroupKind::Unknown => String::new(),
                kind => format!("{}, ", kind.code()),
            };
            summary.new_groups.push(format!("{} ({kind}from {:?})", group.id, group.aliases[0]));
            if group.kind == GroupKind::StateForces {
                self.state_forces.insert(group.id.clone());
            }
        }
        let outcome = session.upsert(incident, content_hash)?;
        match outcome {
            Upsert::Repeated => {
                self.refuse(ready, Column::Id, &incident.id, FieldErrorKind::RepeatedId)?;
                return Ok(None);
            }
            Upsert::New | Upsert::Updated if incident.status == Status::Draft => summary.drafts += 1,
            Upsert::New | Upsert::Updated => summary.verified += 1,
            // an incident belongs to no other record
            Upsert::Unchanged | Upsert::Orphan => {}
        }
        summary.counts.record(outcome);
        if self.state_forces.contains(&incident.perpetrator) {
            summary.state_forces += 1;
        }
        Ok(Some(outcome))
    }

    /// Rejects a valid row for a reason found on the writing side.
    fn refuse(&self, ready: &Ready, column: Column, value: &str, kind: FieldErrorKind) -> Result<(), IngestError> {
        let problem = located(ready.line, &FieldError::new(column.name(), kind, value));
        let values = ready.valid.incident.values();
        let values = std::array::from_fn(|i| Some(values[i].as_str()));
        self.problems.reject(ready.source, &self.names[ready.source], &[problem], &values)
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
        if format.is_dataset() && self.options.importer.as_ref().is_some_and(|user| !can_import_datasets(user)) {
            bar.finish_and_clear();
            let error = FieldError::new("format", FieldErrorKind::DatasetNotAllowed, format.name());
            self.problems.refused_source(index, name, located(1, &error));
            return Ok(());
        }
        let mut visit = |row: Row<'_>| -> Result<(), Stop> { self.row(index, name, row, validator, batch) };
        let dataset = self.options.dataset;
        let mut report = SourceReport {
            name: name.to_string(),
            format,
            layout: String::new(),
            skipped: 0,
            legacy_columns: Vec::new(),
        };
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
        let problems = if row.problems.is_empty() {
            match validator.validate(&row.raw) {
                Ok(mut valid) => {
                    // through the web, everything lands as a draft (four eyes)
                    if self.options.importer.is_some() {
                        valid.incident.status = Status::Draft;
                    }
                    // after a problem nothing will be written: only keep checking
                    if self.problems.any() && !self.options.skip_invalid {
                        return Ok(());
                    }
                    let content_hash = valid.incident.content_hash();
                    let named = row.raw.raw(Column::Id).is_some_and(|id| !id.trim().is_empty());
                    batch.push(Ready { valid, content_hash, source: index, line: row.line, named });
                    if batch.len() == BATCH {
                        let mut next = self.recycled.try_recv().unwrap_or_default();
                        next.clear();
                        self.sender.send(std::mem::replace(batch, next)).map_err(|_| Stop::WriterGone)?;
                    }
                    return Ok(());
                }
                Err(errors) => errors.iter().map(|e| located(row.line, e)).collect::<Vec<_>>(),
            }
        } else {
            row.problems
        };
        let values = Column::ALL.map(|column| row.raw.raw(column));
        self.problems.reject(index, name, &problems, &values).map_err(Stop::Failed)
    }
}
