//! Imports of a register whose records are all of one kind (the
//! developments notes), with the rules of the other register imports: all
//! files in one transaction, committed only if every record is valid (or
//! `skip_invalid`), problems located and counted, a key met twice in one
//! import rejected the second time.

use std::collections::HashMap;
use std::io::BufReader;

use vigie_domain::FieldError;
use vigie_formats::register::flat::{self, FlatLayout, FlatRecord};
use vigie_formats::{Format, ReadError, RowProblem};
use vigie_store::{RegisterSession, Store, StoreError, Upsert};

use crate::problems::Problems;
use crate::{IngestError, Options, Source, SourceReport, Summary, register_format};

/// What the generic import needs to know of one register.
pub(crate) trait FlatRegister {
    type Record;
    /// The register's columns.
    fn layout(&self) -> &'static FlatLayout;
    /// The column a repeated key is reported on.
    fn key_column(&self) -> &'static str;
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
    let mut state = State { records: Vec::new(), seen: HashMap::new(), rejected: 0 };
    for (index, source) in sources.into_iter().enumerate() {
        let (report, read) = read_source(register, index, source, options, &problems, &mut state)?;
        if let Err(header_problems) = read {
            problems.unreadable(index, &report.name, &header_problems);
            unreadable = true;
        }
        summary.sources.push(report);
    }
    summary.counts.rejected += state.rejected;
    let found = problems.finish()?;
    summary.problems = found.problems;
    summary.problem_count = found.count;

    let complete = !unreadable && (found.count == 0 || options.skip_invalid);
    if complete || options.dry_run {
        let mut session = register.begin(store, &names.join(", "))?;
        for record in &state.records {
            match session.upsert(record)? {
                // repeats are found while reading: one cannot reach here
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
            message: format!(
                "the same {} appears more than once in this import (first at {first})",
                register.layout().kind
            ),
            value: Some(key),
        }]);
    }
    state.seen.insert(key, place);
    Ok(checked)
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
    let visit = |record: FlatRecord| -> Result<(), ReadError> {
        match check(register, &record, format!("{name}:{}", record.line), state) {
            Ok(checked) => state.records.push(checked),
            Err(row_problems) => {
                problems.note(index, &name, &row_problems);
                state.rejected += 1;
            }
        }
        Ok(())
    };
    let read = flat::read(format, input, register.layout(), visit);
    let layout = format!("{}s, {}", register.layout().kind, if format == Format::Jsonl { "JSON Lines" } else { "CSV" });
    let report = SourceReport { name: name.clone(), format, layout, skipped: 0 };
    match read {
        Ok(()) => Ok((report, Ok(()))),
        Err(ReadError::Header(problems)) => Ok((report, Err(problems))),
        Err(ReadError::Io(error)) => Err(read_error(error)),
    }
}
