//! Imports of a register whose records are all of one kind (the activities,
//! the developments notes), with the rules of the other register imports:
//! all files in one transaction, committed only if every record is valid (or
//! `skip_invalid`), problems located and counted, a key met twice in one
//! import rejected the second time, rejected records written to the rejects
//! file as they were read.
//!
//! Each valid record is written as it is read, in the import's transaction,
//! which is rolled back unless the import is complete: memory does not grow
//! with the records (a repeated key is found by the store, not in a set).

use std::io::BufReader;

use serde_json::{Map, Value};
use vigie_domain::FieldError;
use vigie_formats::register::flat::{self, FlatLayout, FlatRecord};
use vigie_formats::{Format, ReadError, RowProblem};
use vigie_store::{ImportCounts, RegisterSession, Store, StoreError, Upsert};

use crate::audit::import_entry;
use crate::problems::Problems;
use crate::rejects::Rejects;
use crate::{IngestError, Options, Source, SourceReport, Summary, register_format};

/// What the generic import needs to know of one register.
pub(crate) trait FlatRegister {
    type Record;
    /// The register's columns.
    fn layout(&self) -> &'static FlatLayout;
    /// Every layout its files may have (`flat::read_any`), the register's
    /// own first: the records of another belong to one of the register's
    /// (an activity's people).
    fn layouts(&self) -> Vec<&'static FlatLayout> {
        vec![self.layout()]
    }
    /// The column a repeated key is reported on, for a record of
    /// `layouts()[layout]`.
    fn key_column(&self, layout: usize) -> &'static str;
    /// What is wrong with a record whose key an earlier record of the
    /// import had.
    fn repeated(&self, layout: usize) -> String {
        format!("the same {} appears more than once in this import", self.layouts()[layout].kind)
    }
    /// What is wrong with a record whose owner (its key) neither the store
    /// nor the import holds.
    fn orphan(&self, layout: usize) -> String {
        format!("names no {} of the register or of this import", self.layouts()[layout].kind)
    }
    /// Turns the values of one record of `layouts()[layout]` into a record
    /// and its key.
    fn check(&self, layout: usize, values: &[Option<String>]) -> Result<(Self::Record, String), Vec<FieldError>>;
    /// Starts the import's transaction.
    fn begin<'s>(
        &self,
        store: &'s mut dyn Store,
        source: &str,
    ) -> Result<Box<dyn RegisterSession<Self::Record> + 's>, StoreError>;
}

/// What reading the sources carries along: the import's transaction, what
/// was rejected, and a write that failed (it stops the reading).
struct State<'s, T> {
    session: Box<dyn RegisterSession<T> + 's>,
    counts: ImportCounts,
    rejected: u64,
    rejects: Option<Rejects>,
    /// The rejects of the register's other layouts in CSV: a file each,
    /// made when the first is rejected (`rejects_path`).
    other_rejects: Vec<Option<Rejects>>,
    failed: Option<IngestError>,
}

/// Where a CSV rejects file at `path` puts the rejected records of another
/// layout: beside it, the layout's kind before the extension
/// (`rejects.counterpart.csv`).
pub(crate) fn rejects_path(path: &std::path::Path, kind: &str) -> std::path::PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let extension = path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    path.with_file_name(format!("{stem}.{kind}{extension}"))
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
    let session = register.begin(store, &names.join(", "))?;
    let other_rejects = register.layouts().iter().map(|_| None).collect();
    let mut state =
        State { session, counts: ImportCounts::default(), rejected: 0, rejects, other_rejects, failed: None };
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
    for (layout, rejects) in state.other_rejects.drain(..).enumerate() {
        if let Some(rejects) = rejects {
            rejects.finish()?;
            if let Some(path) = options.rejects.as_deref() {
                summary.more_rejects.push(rejects_path(path, register.layouts()[layout].kind));
            }
        }
    }
    let found = problems.finish()?;
    summary.problems = found.problems;
    summary.details = found.details;
    summary.problem_count = found.count;

    let complete = !unreadable && (found.count == 0 || options.skip_invalid);
    if complete || options.dry_run {
        summary.counts = state.counts;
    }
    summary.counts.rejected += state.rejected;
    if complete && !options.dry_run {
        if let Some(entry) =
            import_entry(options, register.layout().kind, &names, options.format.name(), summary.counts)
        {
            state.session.record_audit(&entry)?;
        }
        state.session.finish(summary.counts)?;
        summary.written = true;
    }
    // otherwise the session is dropped and the transaction rolls back
    Ok(summary)
}

/// The record of `layouts()[layout]`, checked, and its key; or its problems.
fn check<R: FlatRegister>(
    register: &R,
    layout: usize,
    record: &FlatRecord,
) -> Result<(R::Record, String), Vec<RowProblem>> {
    if !record.problems.is_empty() {
        return Err(record.problems.clone());
    }
    let line = record.line;
    register
        .check(layout, &record.values)
        .map_err(|errors| errors.into_iter().map(|e| crate::located(line, &e)).collect::<Vec<_>>())
}

/// Writes a valid record; its problem if an earlier record of the import
/// had its key.
fn write<R: FlatRegister>(
    register: &R,
    layout: usize,
    line: u64,
    (checked, key): (R::Record, String),
    state: &mut State<'_, R::Record>,
) -> Result<Result<(), Vec<RowProblem>>, StoreError> {
    let problem = |message: String| RowProblem {
        kind: None,
        line,
        column: register.key_column(layout).into(),
        message,
        value: Some(key.clone()),
    };
    match state.session.upsert(&checked)? {
        Upsert::Repeated => Ok(Err(vec![problem(register.repeated(layout))])),
        Upsert::Orphan => Ok(Err(vec![problem(register.orphan(layout))])),
        outcome => {
            state.counts.record(outcome);
            Ok(Ok(()))
        }
    }
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

/// Writes a rejected record of `layouts[layout]` to the rejects file: the
/// one asked for, or in CSV, for another layout, the one beside it
/// ([`rejects_path`]), made now if it is the first.
fn reject<T>(
    state: &mut State<'_, T>,
    options: &Options,
    layouts: &[&'static FlatLayout],
    layout: usize,
    record: FlatRecord,
    reason: &str,
) -> Result<(), IngestError> {
    let (Some(rejects), Some(path)) = (state.rejects.as_mut(), options.rejects.as_deref()) else {
        return Ok(());
    };
    if layout == 0 || rejects.is_jsonl() {
        return write_reject(rejects, layouts[layout], record, reason);
    }
    if state.other_rejects[layout].is_none() {
        let path = rejects_path(path, layouts[layout].kind);
        state.other_rejects[layout] = Some(Rejects::create_with_header(&path, layouts[layout].columns)?);
    }
    match state.other_rejects[layout].as_mut() {
        Some(rejects) => write_reject(rejects, layouts[layout], record, reason),
        None => Ok(()),
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
    state: &mut State<'_, R::Record>,
) -> Result<(SourceReport, Result<(), Vec<RowProblem>>), IngestError> {
    let name = source.name.clone();
    let read_error = |error: std::io::Error| IngestError::Read { name: name.clone(), source: error };
    let mut input = BufReader::new(source.input);
    let format = register_format(options, source.format, &mut input).map_err(read_error)?;
    // a write or a rejects file that fails stops the reading, and is reported
    let mut legacy_columns: Vec<(&'static str, &'static str)> = Vec::new();
    let layouts = register.layouts();
    let mut kinds_read = vec![false; layouts.len()];
    let visit = |layout: usize, record: FlatRecord| -> Result<(), ReadError> {
        SourceReport::note_legacy_columns(&mut legacy_columns, &record.aliases);
        kinds_read[layout] = true;
        let result = match check(register, layout, &record) {
            Ok(checked) => match write(register, layout, record.line, checked, state) {
                Ok(result) => result,
                Err(error) => {
                    state.failed = Some(error.into());
                    return Err(ReadError::Io(std::io::Error::other("the import could not be written")));
                }
            },
            Err(row_problems) => Err(row_problems),
        };
        if let Err(row_problems) = result {
            let reasons = problems.note(index, &name, &row_problems);
            state.rejected += 1;
            if let Err(error) = reject(state, options, &layouts, layout, record, &reasons.join("; ")) {
                state.failed = Some(error);
                return Err(ReadError::Io(std::io::Error::other("the rejects file cannot be written")));
            }
        }
        Ok(())
    };
    let read = flat::read_any(format, input, &layouts, visit);
    if let Some(error) = state.failed.take() {
        return Err(error);
    }
    // the layout of the file's records (of its header, for a CSV)
    let kind = layouts[kinds_read.iter().position(|&read| read).unwrap_or(0)].kind;
    let layout = format!("{kind} register, {}", if format == Format::Jsonl { "JSON Lines" } else { "CSV" });
    let report = SourceReport { name: name.clone(), format, layout, skipped: 0, legacy_columns };
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
        aliases: &[],
    };

    #[test]
    fn rejects_hold_the_values_as_read() {
        let values = vec![Some("x".to_string()), None, Some("a ; b".to_string())];
        let record = FlatRecord { line: 2, values, problems: vec![], object: None, aliases: vec![] };
        assert_eq!(reject_fields(&record), ["x", "", "a ; b"]);
        let object = reject_object(&LAYOUT, record.clone());
        assert_eq!(Value::Object(object), serde_json::json!({"id": "x", "tags": "a ; b"}));
        let read: Map<String, Value> = serde_json::from_str(r#"{"id":"x","tags":["a","b"],"n":1}"#).unwrap();
        let record = FlatRecord { object: Some(read.clone()), ..record };
        assert_eq!(reject_object(&LAYOUT, record), read);
    }
}
