//! Imports of the partner register, with the rules of member imports: all
//! files in one transaction, committed only if every record is valid (or
//! `skip_invalid`), problems located and counted. An agreement names its
//! partner, which must be in the database or earlier in the same import.

use std::collections::{HashMap, HashSet};
use std::io::BufReader;

use vigie_domain::{Agreement, Partner, PartnerValidator};
use vigie_formats::register::partners::{PartnerCsvReader, PartnerJsonlReader, PartnerRecord, RawRecord};
use vigie_formats::{Format, ReadError, RowProblem};
use vigie_store::Store;

use crate::audit::import_entry;
use crate::problems::Problems;
use crate::{IngestError, Options, Source, SourceReport, Summary, register_format};

/// A valid record, to be written in file and line order.
enum Item {
    Partner(Partner),
    Agreement(String, Agreement),
}

/// What the records read so far establish.
struct State {
    validator: PartnerValidator,
    /// Partners in the database before the import.
    stored: HashSet<String>,
    /// Valid partners of this import, with where they are.
    seen: HashMap<String, String>,
    /// Agreements of this import (partner, signed, titles), with where they are.
    agreements: HashMap<(String, String, String, String, String), String>,
    items: Vec<Item>,
    rejected: u64,
}

/// Imports partner and agreement records from all sources in one transaction.
pub fn import_partners(store: &mut dyn Store, sources: Vec<Source>, options: &Options) -> Result<Summary, IngestError> {
    let names: Vec<String> = sources.iter().map(|s| s.name.clone()).collect();
    let problems = Problems::new(None);
    let mut summary = Summary::default();
    let mut unreadable = false;
    let mut state = State {
        validator: PartnerValidator::new(options.latest_date),
        stored: store.partners()?.into_iter().map(|p| p.id).collect(),
        seen: HashMap::new(),
        agreements: HashMap::new(),
        items: Vec::new(),
        rejected: 0,
    };
    for (index, source) in sources.into_iter().enumerate() {
        let (report, read) = read_source(index, source, options, &problems, &mut state)?;
        if let Err(header_problems) = read {
            problems.unreadable(index, &report.name, &header_problems);
            unreadable = true;
        }
        summary.sources.push(report);
    }
    summary.counts.rejected += state.rejected;
    let found = problems.finish()?;
    summary.problems = found.problems;
    summary.details = found.details;
    summary.problem_count = found.count;

    let complete = !unreadable && (found.count == 0 || options.skip_invalid);
    if complete || options.dry_run {
        let mut session = store.begin_partner_import(&names.join(", "), "partners")?;
        for item in &state.items {
            let outcome = match item {
                Item::Partner(partner) => session.upsert_partner(partner)?,
                Item::Agreement(partner, agreement) => session.upsert_agreement(partner, agreement)?,
            };
            // repeats are found above: none comes here (it would count as rejected)
            summary.counts.record(outcome);
        }
        if complete && !options.dry_run {
            if let Some(entry) = import_entry(options, "partner", &names, options.format.name(), summary.counts) {
                session.record_audit(&entry)?;
            }
            session.finish(summary.counts)?;
            summary.written = true;
        }
        // otherwise the session is dropped and the transaction rolls back
    }
    Ok(summary)
}

fn located(line: u64, errors: Vec<vigie_domain::FieldError>) -> Vec<RowProblem> {
    errors
        .into_iter()
        .map(|e| RowProblem { line, column: e.column, message: e.message, value: Some(e.value) })
        .collect()
}

/// Validates one record against its values and what came before it.
fn check(record: &PartnerRecord, place: String, state: &mut State) -> Result<Item, Vec<RowProblem>> {
    if !record.problems.is_empty() {
        return Err(record.problems.clone());
    }
    let line = record.line;
    match &record.raw {
        RawRecord::Partner(raw) => {
            let partner = state.validator.partner(raw).map_err(|e| located(line, e))?;
            if let Some(first) = state.seen.get(&partner.id) {
                return Err(vec![RowProblem {
                    line,
                    column: "id".into(),
                    message: format!(
                        "appears more than once in this import (first at {first}): give each partner once"
                    ),
                    value: Some(partner.id.clone()),
                }]);
            }
            state.seen.insert(partner.id.clone(), place);
            Ok(Item::Partner(partner))
        }
        RawRecord::Agreement(raw) => {
            let (partner, agreement) = state.validator.agreement(raw).map_err(|e| located(line, e))?;
            if !state.stored.contains(&partner) && !state.seen.contains_key(&partner) {
                return Err(vec![RowProblem {
                    line,
                    column: "partner".into(),
                    message: "unknown partner: import it first, or earlier in the same import".into(),
                    value: Some(partner),
                }]);
            }
            let key = (
                partner.clone(),
                agreement.signed_text(),
                agreement.title.fr.clone(),
                agreement.title.en.clone(),
                agreement.title.ar.clone(),
            );
            if let Some(first) = state.agreements.get(&key) {
                return Err(vec![RowProblem {
                    line,
                    column: "signed".into(),
                    message: format!(
                        "the same agreement (partner, date and titles) appears more than once in this import (first at {first})"
                    ),
                    value: Some(key.1),
                }]);
            }
            state.agreements.insert(key, place);
            Ok(Item::Agreement(partner, agreement))
        }
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
    let mut visit = |record: PartnerRecord| -> Result<(), ReadError> {
        match check(&record, format!("{name}:{}", record.line), state) {
            Ok(item) => state.items.push(item),
            Err(row_problems) => {
                problems.note(index, &name, &row_problems);
                state.rejected += 1;
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
    let report = SourceReport { name: name.clone(), format, layout: layout.into(), skipped: 0 };
    match read {
        Ok(()) => Ok((report, Ok(()))),
        Err(ReadError::Header(problems)) => Ok((report, Err(problems))),
        Err(ReadError::Io(error)) => Err(read_error(error)),
    }
}
