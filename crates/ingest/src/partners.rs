//! Imports of the partner register, with the rules of member imports: all
//! files in one transaction, committed only if every record is valid (or
//! `skip_invalid`), problems located and counted. An agreement names its
//! partner, which must be in the database or earlier in the same import.

use std::io::BufReader;

use vigie_domain::{Partner, PartnerValidator};
use vigie_formats::register::partners::{PartnerCsvReader, PartnerJsonlReader, PartnerRecord, RawRecord};
use vigie_formats::{Format, ReadError, RowProblem};
use vigie_store::{ImportCounts, PartnerImportSession, Store, StoreError, Upsert};

use crate::audit::import_entry;
use crate::problems::Problems;
use crate::{IngestError, Options, Source, SourceReport, Summary, register_format};

/// What reading the sources carries along: each valid record is written as
/// it is read, in the import's transaction (rolled back unless the import
/// is complete), so that memory does not grow with the records; a repeat
/// and an agreement's partner are looked up in the tables.
struct State<'s> {
    validator: PartnerValidator,
    session: Box<dyn PartnerImportSession + 's>,
    counts: ImportCounts,
    rejected: u64,
    /// A write that failed: it stops the reading.
    failed: Option<StoreError>,
}

/// Imports partner and agreement records from all sources in one transaction.
pub fn import_partners(store: &mut dyn Store, sources: Vec<Source>, options: &Options) -> Result<Summary, IngestError> {
    let names: Vec<String> = sources.iter().map(|s| s.name.clone()).collect();
    let problems = Problems::new(None);
    let mut summary = Summary::default();
    let mut unreadable = false;
    let mut state = State {
        validator: PartnerValidator::new(options.latest_date),
        session: store.begin_partner_import(&names.join(", "), "partners")?,
        counts: ImportCounts::default(),
        rejected: 0,
        failed: None,
    };
    for (index, source) in sources.into_iter().enumerate() {
        let (report, read) = read_source(index, source, options, &problems, &mut state)?;
        if let Err(header_problems) = read {
            problems.unreadable(index, &report.name, &header_problems);
            unreadable = true;
        }
        summary.sources.push(report);
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
        if let Some(entry) = import_entry(options, "partner", &names, options.format.name(), summary.counts) {
            state.session.record_audit(&entry)?;
        }
        state.session.finish(summary.counts)?;
        summary.written = true;
    }
    // otherwise the session is dropped and the transaction rolls back
    Ok(summary)
}

fn located(line: u64, errors: Vec<vigie_domain::FieldError>) -> Vec<RowProblem> {
    errors.iter().map(|e| crate::located(line, e)).collect()
}

fn problem(line: u64, column: &str, message: &str, value: String) -> Vec<RowProblem> {
    vec![RowProblem { kind: None, line, column: column.into(), message: message.into(), value: Some(value) }]
}

/// Validates one record and writes it; its problems, if it is not valid
/// or repeats one of this import.
fn check_and_write(record: &PartnerRecord, state: &mut State) -> Result<Result<(), Vec<RowProblem>>, StoreError> {
    if !record.problems.is_empty() {
        return Ok(Err(record.problems.clone()));
    }
    let line = record.line;
    let outcome = match &record.raw {
        RawRecord::Partner(raw) => {
            let partner: Partner = match state.validator.partner(raw) {
                Ok(partner) => partner,
                Err(errors) => return Ok(Err(located(line, errors))),
            };
            match state.session.upsert_partner(&partner)? {
                Upsert::Repeated => {
                    let message = "appears more than once in this import: give each partner once";
                    return Ok(Err(problem(line, "id", message, partner.id)));
                }
                outcome => outcome,
            }
        }
        RawRecord::Agreement(raw) => {
            let (partner, agreement) = match state.validator.agreement(raw) {
                Ok(valid) => valid,
                Err(errors) => return Ok(Err(located(line, errors))),
            };
            if !state.session.has_partner(&partner)? {
                let message = "unknown partner: import it first, or earlier in the same import";
                return Ok(Err(problem(line, "partner", message, partner)));
            }
            match state.session.upsert_agreement(&partner, &agreement)? {
                Upsert::Repeated => {
                    let message = "the same agreement (partner, date and titles) appears more than once in this import";
                    return Ok(Err(problem(line, "signed", message, agreement.signed_text())));
                }
                outcome => outcome,
            }
        }
    };
    state.counts.record(outcome);
    Ok(Ok(()))
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
    let mut legacy_columns: Vec<(&'static str, &'static str)> = Vec::new();
    let mut visit = |record: PartnerRecord| -> Result<(), ReadError> {
        SourceReport::note_legacy_columns(&mut legacy_columns, &record.aliases);
        match check_and_write(&record, state) {
            Ok(Ok(())) => {}
            Ok(Err(row_problems)) => {
                problems.note(index, &name, &row_problems);
                state.rejected += 1;
            }
            Err(error) => {
                state.failed = Some(error);
                return Err(ReadError::Io(std::io::Error::other("the import could not be written")));
            }
        }
        Ok(())
    };
    let (layout, read) = match format {
        Format::Jsonl => ("partner register, JSON Lines", PartnerJsonlReader::new(input).for_each(&mut visit)),
        _ => match PartnerCsvReader::new(input) {
            Ok(mut reader) => {
                let layout = if reader.agreements() { "agreements, CSV" } else { "partner register, CSV" };
                (layout, reader.for_each(&mut visit))
            }
            Err(error) => ("partner register, CSV", Err(error)),
        },
    };
    if let Some(error) = state.failed.take() {
        return Err(error.into());
    }
    let report = SourceReport { name: name.clone(), format, layout: layout.into(), skipped: 0, legacy_columns };
    match read {
        Ok(()) => Ok((report, Ok(()))),
        Err(ReadError::Header(problems)) => Ok((report, Err(problems))),
        Err(ReadError::Io(error)) => Err(read_error(error)),
    }
}
