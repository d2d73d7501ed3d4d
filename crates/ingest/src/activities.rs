//! Imports of the activity register, with the rules of partner imports: all
//! files in one transaction, committed only if every record is valid (or
//! `skip_invalid`), problems located and counted, rejected records written
//! to the rejects file as they were read. An id met twice in one import is
//! a problem of the second record.
//!
//! The register is small (some hundreds of activities a year), so every
//! record is read and checked before anything is written, on one thread.

use std::collections::HashMap;
use std::io::BufReader;

use vigie_domain::activity::ACTIVITY_COLUMNS;
use vigie_domain::{Activity, ActivityValidator};
use vigie_formats::register::activities::{
    ActivityCsvReader, ActivityJsonlReader, ActivityRecord, csv_fields, raw_object,
};
use vigie_formats::{Format, ReadError, RowProblem};
use vigie_store::{Store, Upsert};

use crate::problems::Problems;
use crate::rejects::Rejects;
use crate::{IngestError, Options, Source, SourceReport, Summary, register_format};

/// What the records read so far establish.
struct State {
    validator: ActivityValidator,
    /// Valid activities of this import, with where they are.
    seen: HashMap<String, String>,
    items: Vec<Activity>,
    rejected: u64,
    rejects: Option<Rejects>,
}

/// Imports activity records from all sources in one transaction.
pub fn import_activities(
    store: &mut dyn Store,
    sources: Vec<Source>,
    options: &Options,
) -> Result<Summary, IngestError> {
    let names: Vec<String> = sources.iter().map(|s| s.name.clone()).collect();
    let problems = Problems::new(None);
    let mut summary = Summary::default();
    let mut unreadable = false;
    let mut state = State {
        validator: ActivityValidator::new(),
        seen: HashMap::new(),
        items: Vec::new(),
        rejected: 0,
        rejects: options
            .rejects
            .as_deref()
            .map(|path| Rejects::create_with_header(path, &ACTIVITY_COLUMNS))
            .transpose()?,
    };
    for (index, source) in sources.into_iter().enumerate() {
        let (report, read) = read_source(index, source, options, &problems, &mut state)?;
        if let Err(header_problems) = read {
            problems.unreadable(index, &report.name, &header_problems);
            unreadable = true;
        }
        summary.sources.push(report);
    }
    if let Some(rejects) = state.rejects.take() {
        rejects.finish()?;
    }
    summary.counts.rejected += state.rejected;
    let found = problems.finish()?;
    summary.problems = found.problems;
    summary.problem_count = found.count;

    let complete = !unreadable && (found.count == 0 || options.skip_invalid);
    if complete || options.dry_run {
        let mut session = store.begin_activity_import(&names.join(", "), "activities")?;
        for activity in &state.items {
            match session.upsert(activity)? {
                // repeats are found above: one cannot reach here
                Upsert::Repeated => summary.counts.rejected += 1,
                outcome => summary.counts.record(outcome),
            }
        }
        if complete && !options.dry_run {
            session.finish(summary.counts)?;
            summary.written = true;
        }
        // otherwise the session is dropped and the transaction rolls back
    }
    Ok(summary)
}

/// Validates one record against its values and the records before it.
fn check(record: &ActivityRecord, place: String, state: &mut State) -> Result<Activity, Vec<RowProblem>> {
    if !record.problems.is_empty() {
        return Err(record.problems.clone());
    }
    let line = record.line;
    let activity = state.validator.activity(&record.raw).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| RowProblem { line, column: e.column, message: e.message, value: Some(e.value) })
            .collect::<Vec<_>>()
    })?;
    if let Some(first) = state.seen.get(&activity.id) {
        return Err(vec![RowProblem {
            line,
            column: "id".into(),
            message: format!("appears more than once in this import (first at {first}): give each activity once"),
            value: Some(activity.id.clone()),
        }]);
    }
    state.seen.insert(activity.id.clone(), place);
    Ok(activity)
}

/// Writes a rejected record as it was read: its fields in CSV, its object
/// (or its values as one) in JSON Lines, with the reason.
fn write_reject(rejects: &mut Rejects, record: &ActivityRecord, reason: &str) -> Result<(), IngestError> {
    if rejects.is_jsonl() {
        rejects.write_object(record.object.clone().unwrap_or_else(|| raw_object(&record.raw)), reason)
    } else {
        rejects.write_fields(&csv_fields(&record.raw), reason)
    }
}

/// Reads and checks one source's records; the header's problems, if it is
/// unusable.
fn read_source(
    index: usize,
    source: Source,
    options: &Options,
    problems: &Problems,
    state: &mut State,
) -> Result<(SourceReport, Result<(), Vec<RowProblem>>), IngestError> {
    let name = source.name.clone();
    let read_error = |error: std::io::Error| IngestError::Read { name: name.clone(), source: error };
    let mut input = BufReader::new(source.input);
    let format = register_format(options, source.format, &mut input).map_err(read_error)?;
    // a rejects file that cannot be written stops the reading, and is reported
    let mut write_failed: Option<IngestError> = None;
    let mut visit = |record: ActivityRecord| -> Result<(), ReadError> {
        match check(&record, format!("{name}:{}", record.line), state) {
            Ok(activity) => state.items.push(activity),
            Err(row_problems) => {
                let reasons = problems.note(index, &name, &row_problems);
                state.rejected += 1;
                if let Some(rejects) = state.rejects.as_mut()
                    && let Err(error) = write_reject(rejects, &record, &reasons.join("; "))
                {
                    write_failed = Some(error);
                    return Err(ReadError::Io(std::io::Error::other("the rejects file cannot be written")));
                }
            }
        }
        Ok(())
    };
    let (layout, read) = match format {
        Format::Jsonl => ("activity register, JSON Lines", ActivityJsonlReader::new(input).for_each(&mut visit)),
        _ => match ActivityCsvReader::new(input) {
            Ok(mut reader) => ("activity register, CSV", reader.for_each(&mut visit)),
            Err(error) => ("activity register, CSV", Err(error)),
        },
    };
    if let Some(error) = write_failed {
        return Err(error);
    }
    let report = SourceReport { name: name.clone(), format, layout: layout.into(), skipped: 0 };
    match read {
        Ok(()) => Ok((report, Ok(()))),
        Err(ReadError::Header(problems)) => Ok((report, Err(problems))),
        Err(ReadError::Io(error)) => Err(read_error(error)),
    }
}
