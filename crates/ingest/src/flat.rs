//! Imports of a register whose records are all of one kind (the activities,
//! the developments notes), with the rules of the other register imports:
//! all files in one transaction, committed only if every record is valid (or
//! `skip_invalid`), problems located and counted, a key met twice in one
//! import rejected the second time, rejected records written to the rejects
//! file as they were read.
//!
//! Such registers are small (some hundreds of records a year), so every
//! record is read and checked before anything is written, on one thread.

use std::collections::HashMap;
use std::io::BufReader;

use serde_json::{Map, Value};
use vigie_domain::FieldError;
use vigie_formats::register::flat::{self, FlatLayout, FlatRecord};
use vigie_formats::{Format, ReadError, RowProblem};
use vigie_store::{RegisterSession, Store, StoreError};

use crate::audit::import_entry;
use crate::problems::Problems;
use crate::rejects::Rejects;
use crate::{IngestError, Options, Source, SourceReport, Summary, register_format};

/// What the generic import needs to know of one register.
pub(crate) trait FlatRegister {
    type Record;
    /// The register's columns.
    fn layout(&self) -> &'static FlatLayout;
    /// The column a repeated key is reported on.
    fn key_column(&self) -> &'static str;
    /// What is wrong with a record whose key was first met at `first`
    /// (`FILE:LINE`).
    fn repeated(&self, first: &str) -> String {
        format!("the same {} appears more than once in this import (first at {first})", self.layout().kind)
    }
    /// Turns one record's values into a record and its key.
    fn check(&self, values: &[Option<String>]) -> Result<(Self::Record, String), Vec<FieldError>>;
    /// Starts the import's transaction.
    fn begin<'s>(
        &self,
        store: &'s mut dyn Store,
        source: &str,
    ) -> Result<Box<dyn RegisterSession<Self::Record> + 's>, StoreError>;
}

/// Valid records with where they are, and keys already met.
struct State<T> {
    records: Vec<T>,
    seen: HashMap<String, String>,
    rejected: u64,
    rejects: Option<Rejects>,
}

/// Imports the records of all sources in one transaction.
pub(crate) fn import_flat<R: FlatRegister>(
    register: &R,
    store: &mut dyn Store,
    sources: Vec<Source>,
    options: &Options,
) -> Result<Summary, IngestError> {
    let names: Vec<String> = sources.iter().map(|s| s.name.clone()).collect();
    let problems = Problems::new(None);
    let mut summary = Summary::default();
    let mut unreadable = false;
    let rejects = options.rejects.as_deref();
    let rejects = rejects.map(|path| Rejects::create_with_header(path, register.layout().columns)).transpose()?;
    let mut state = State { records: Vec::new(), seen: HashMap::new(), rejected: 0, rejects };
    for (index, source) in sources.into_iter().enumerate() {
        let (report, read) = read_source(register, index, source, options, &problems, &mut state)?;
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
    summary.details = found.details;
    summary.problem_count = found.count;

    let complete = !unreadable && (found.count == 0 || options.skip_invalid);
    if complete || options.dry_run {
        let mut session = register.begin(store, &names.join(", "))?;
        for record in &state.records {
            // repeats are found while reading: none comes here (it would count as rejected)
            summary.counts.record(session.upsert(record)?);
        }
        if complete && !options.dry_run {
            if let Some(entry) =
                import_entry(options, register.layout().kind, &names, options.format.name(), summary.counts)
            {
                session.record_audit(&entry)?;
            }
            session.finish(summary.counts)?;
            summary.written = true;
        }
        // otherwise the session is dropped and the transaction rolls back
    }
    Ok(summary)
}

fn check<R: FlatRegister>(
    register: &R,
    record: &FlatRecord,
    place: String,
    state: &mut State<R::Record>,
) -> Result<R::Record, Vec<RowProblem>> {
    if !record.problems.is_empty() {
        return Err(record.problems.clone());
    }
    let line = record.line;
    let (checked, key) = register.check(&record.values).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| RowProblem { line, column: e.column, message: e.message, value: Some(e.value) })
            .collect::<Vec<_>>()
    })?;
    if let Some(first) = state.seen.get(&key) {
        return Err(vec![RowProblem {
            line,
            column: register.key_column().into(),
            message: register.repeated(first),
            value: Some(key),
        }]);
    }
    state.seen.insert(key, place);
    Ok(checked)
}

/// A rejected record's CSV fields: its values in column order, empty when
/// absent.
fn reject_fields(record: &FlatRecord) -> Vec<&str> {
    record.values.iter().map(|v| v.as_deref().unwrap_or("")).collect()
}

/// A rejected record as a JSON object: the object as read, or (for a CSV
/// row) its values under their column names.
fn reject_object(layout: &FlatLayout, record: FlatRecord) -> Map<String, Value> {
    record.object.unwrap_or_else(|| {
        layout
            .columns
            .iter()
            .zip(record.values)
            .filter_map(|(column, value)| value.map(|v| (column.to_string(), Value::from(v))))
            .collect()
    })
}

/// Writes a rejected record as it was read, with the reason.
fn write_reject(
    rejects: &mut Rejects,
    layout: &FlatLayout,
    record: FlatRecord,
    reason: &str,
) -> Result<(), IngestError> {
    if rejects.is_jsonl() {
        rejects.write_object(reject_object(layout, record), reason)
    } else {
        rejects.write_fields(&reject_fields(&record), reason)
    }
}

/// Reads and checks one source's records; the header's problems, if it is
/// unusable.
fn read_source<R: FlatRegister>(
    register: &R,
    index: usize,
    source: Source,
    options: &Options,
    problems: &Problems,
    state: &mut State<R::Record>,
) -> Result<(SourceReport, Result<(), Vec<RowProblem>>), IngestError> {
    let name = source.name.clone();
    let read_error = |error: std::io::Error| IngestError::Read { name: name.clone(), source: error };
    let mut input = BufReader::new(source.input);
    let format = register_format(options, source.format, &mut input).map_err(read_error)?;
    // a rejects file that cannot be written stops the reading, and is reported
    let mut write_failed: Option<IngestError> = None;
    let visit = |record: FlatRecord| -> Result<(), ReadError> {
        match check(register, &record, format!("{name}:{}", record.line), state) {
            Ok(checked) => state.records.push(checked),
            Err(row_problems) => {
                let reasons = problems.note(index, &name, &row_problems);
                state.rejected += 1;
                if let Some(rejects) = state.rejects.as_mut()
                    && let Err(error) = write_reject(rejects, register.layout(), record, &reasons.join("; "))
                {
                    write_failed = Some(error);
                    return Err(ReadError::Io(std::io::Error::other("the rejects file cannot be written")));
                }
            }
        }
        Ok(())
    };
    let read = flat::read(format, input, register.layout(), visit);
    if let Some(error) = write_failed {
        return Err(error);
    }
    let kind = register.layout().kind;
    let layout = format!("{kind} register, {}", if format == Format::Jsonl { "JSON Lines" } else { "CSV" });
    let report = SourceReport { name: name.clone(), format, layout, skipped: 0 };
    match read {
        Ok(()) => Ok((report, Ok(()))),
        Err(ReadError::Header(problems)) => Ok((report, Err(problems))),
        Err(ReadError::Io(error)) => Err(read_error(error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAYOUT: FlatLayout = FlatLayout {
        kind: "test",
        columns: &["id", "text", "tags"],
        required: &[0],
        lists: &["tags"],
        booleans: false,
    };

    #[test]
    fn rejects_hold_the_values_as_read() {
        let values = vec![Some("x".to_string()), None, Some("a ; b".to_string())];
        let record = FlatRecord { line: 2, values, problems: vec![], object: None };
        assert_eq!(reject_fields(&record), ["x", "", "a ; b"]);
        let object = reject_object(&LAYOUT, record.clone());
        assert_eq!(Value::Object(object), serde_json::json!({"id": "x", "tags": "a ; b"}));
        let read: Map<String, Value> = serde_json::from_str(r#"{"id":"x","tags":["a","b"],"n":1}"#).unwrap();
        let record = FlatRecord { object: Some(read.clone()), ..record };
        assert_eq!(reject_object(&LAYOUT, record), read);
    }
}
