//! Imports of the member register, with the rules of incident imports: all
//! files in one transaction, committed only if every record is valid (or
//! `skip_invalid`), problems located and counted, rejected records written
//! to the rejects file.
//!
//! The register is small (some forty members), so every record is read and
//! validated before anything is written: the CSV rows of one country (one a
//! national day) must first be brought together, wherever they are. A
//! member with one invalid row is rejected whole, so that a corrected
//! rejects file describes it completely.

use std::collections::HashMap;
use std::io::BufReader;

use serde_json::{Map, Value};
use vigie_domain::member::{MemberColumn, RawMember};
use vigie_domain::{CountryCode, Member, MemberValidator, countries};
use vigie_formats::register::members::{MemberCsvReader, MemberJsonlReader, MemberRecord, csv_rows, json_object};
use vigie_formats::{Format, ReadError, RowProblem};
use vigie_store::Store;

use crate::audit::import_entry;
use crate::problems::Problems;
use crate::rejects::Rejects;
use crate::{IngestError, Options, Source, SourceReport, Summary, register_format};

/// One record read, with where it came from and what validation said.
struct Entry {
    source: usize,
    /// A JSON Lines object (else a CSV row).
    json: bool,
    record: MemberRecord,
    /// The member it describes, or its problems.
    result: Result<Member, Vec<RowProblem>>,
}

impl Entry {
    fn problems_mut(&mut self) -> &mut Vec<RowProblem> {
        if self.result.is_ok() {
            self.result = Err(Vec::new());
        }
        match &mut self.result {
            Err(problems) => problems,
            Ok(_) => unreachable!("just made an error"),
        }
    }
}

/// The records of one member (or of one record whose country is unknown).
struct Group {
    /// The member the valid records describe together.
    member: Option<Member>,
    /// Indices into the entries, in file and line order.
    entries: Vec<usize>,
    /// Where the joined date and the representative's title were given.
    joined_at: Option<usize>,
    title_at: Option<usize>,
}

/// Imports member records from all sources in one transaction.
pub fn import_members(store: &mut dyn Store, sources: Vec<Source>, options: &Options) -> Result<Summary, IngestError> {
    let validator = MemberValidator::new(options.latest_date);
    let names: Vec<String> = sources.iter().map(|s| s.name.clone()).collect();
    let header: Vec<&str> = MemberColumn::header().to_vec();
    let mut rejects = options.rejects.as_deref().map(|path| Rejects::create_with_header(path, &header)).transpose()?;
    let problems = Problems::new(None);
    let mut summary = Summary::default();
    let mut unreadable = false;
    let mut entries: Vec<Entry> = Vec::new();

    for (index, source) in sources.into_iter().enumerate() {
        let (report, read) = read_source(index, source, options, &validator, &mut entries)?;
        if let Err(header_problems) = read {
            problems.unreadable(index, &report.name, &header_problems);
            unreadable = true;
        }
        summary.sources.push(report);
    }

    let groups = group(&mut entries, &names);
    let mut valid: Vec<&Member> = Vec::new();
    for group in &groups {
        let invalid: Vec<usize> = group.entries.iter().copied().filter(|&i| entries[i].result.is_err()).collect();
        if invalid.is_empty() {
            valid.extend(group.member.as_ref());
            continue;
        }
        let mut reasons: Vec<String> = Vec::new();
        for &i in &group.entries {
            let entry = &entries[i];
            let reason = match &entry.result {
                Err(row_problems) => problems.note(entry.source, &names[entry.source], row_problems).join("; "),
                Ok(_) => {
                    let first = &entries[invalid[0]];
                    format!("not imported: {}:{} of the same member is invalid", names[first.source], first.record.line)
                }
            };
            summary.counts.rejected += 1;
            reasons.push(reason);
        }
        if let Some(rejects) = rejects.as_mut() {
            write_rejects(rejects, group, &entries, &reasons)?;
        }
    }
    if let Some(rejects) = rejects {
        rejects.finish()?;
    }
    let found = problems.finish()?;
    summary.problems = found.problems;
    summary.details = found.details;
    summary.problem_count = found.count;

    let complete = !unreadable && (found.count == 0 || options.skip_invalid);
    if complete || options.dry_run {
        let mut session = store.begin_member_import(&names.join(", "), "members")?;
        for member in valid {
            // members are brought together above: no repeat comes here (it would count as rejected)
            summary.counts.record(session.upsert(member)?);
        }
        if complete && !options.dry_run {
            if let Some(entry) = import_entry(options, "member", &names, options.format.name(), summary.counts) {
                session.record_audit(&entry)?;
            }
            session.finish(summary.counts)?;
            summary.written = true;
        }
        // otherwise the session is dropped and the transaction rolls back
    }
    Ok(summary)
}

/// Reads one source's records into `entries`, validated; the header's
/// problems, if it is unusable.
fn read_source(
    index: usize,
    source: Source,
    options: &Options,
    validator: &MemberValidator,
    entries: &mut Vec<Entry>,
) -> Result<(SourceReport, Result<(), Vec<RowProblem>>), IngestError> {
    let name = source.name.clone();
    let read_error = |error: std::io::Error| IngestError::Read { name: name.clone(), source: error };
    let mut input = BufReader::new(source.input);
    let format = register_format(options, source.format, &mut input).map_err(read_error)?;
    let mut visit = |record: MemberRecord| -> Result<(), ReadError> {
        let result = if record.problems.is_empty() {
            validator.validate(&record.raw).map_err(|errors| {
                errors
                    .into_iter()
                    .map(|e| RowProblem {
                        line: record.line,
                        column: e.column,
                        message: e.message,
                        value: Some(e.value),
                    })
                    .collect()
            })
        } else {
            Err(record.problems.clone())
        };
        entries.push(Entry { source: index, json: format == Format::Jsonl, record, result });
        Ok(())
    };
    let (layout, read) = match format {
        Format::Jsonl => ("member register, JSON Lines", MemberJsonlReader::new(input).for_each(&mut visit)),
        _ => ("member register, CSV", MemberCsvReader::new(input).and_then(|mut reader| reader.for_each(&mut visit))),
    };
    let report = SourceReport { name: name.clone(), format, layout: layout.into(), skipped: 0 };
    match read {
        Ok(()) => Ok((report, Ok(()))),
        Err(ReadError::Header(problems)) => Ok((report, Err(problems))),
        Err(ReadError::Io(error)) => Err(read_error(error)),
    }
}

/// Brings the records of each country together, in order of first
/// appearance, and checks that they agree: a record met after a JSON object
/// of the same country (or a JSON object after any record of it) is a
/// repeat; the CSV rows of one country give the same joined date and title
/// (or leave them empty) and each national day once.
fn group(entries: &mut [Entry], names: &[String]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_country: HashMap<CountryCode, usize> = HashMap::new();
    for i in 0..entries.len() {
        // invalid records join their country's group too, so that the member is rejected whole
        let country = match &entries[i].result {
            Ok(member) => Some(member.country),
            Err(_) => entries[i].record.raw.country.as_deref().and_then(|c| countries().resolve(c)).map(|c| c.code),
        };
        let Some(country) = country else {
            groups.push(Group { member: None, entries: vec![i], joined_at: None, title_at: None });
            continue;
        };
        let Some(&g) = by_country.get(&country) else {
            by_country.insert(country, groups.len());
            let member = entries[i].result.as_ref().ok().cloned();
            let (joined_at, title_at) = match &member {
                Some(m) => (m.joined.map(|_| i), (!m.representative_title.is_empty()).then_some(i)),
                None => (None, None),
            };
            groups.push(Group { member, entries: vec![i], joined_at, title_at });
            continue;
        };
        let place = |entry: &Entry| format!("{}:{}", names[entry.source], entry.record.line);
        let first = groups[g].entries[0];
        if entries[i].json || entries[first].json {
            let problem = RowProblem {
                line: entries[i].record.line,
                column: MemberColumn::Country.name().into(),
                message: format!(
                    "{country} appears more than once in this import (first at {}): describe each member once \
                     (in CSV, one row per national day)",
                    place(&entries[first])
                ),
                value: entries[i].record.raw.country.clone(),
            };
            entries[i].problems_mut().push(problem);
            groups[g].entries.push(i);
            continue;
        }
        if let Ok(member) = &entries[i].result {
            let member = member.clone();
            merge(&mut groups[g], i, member, entries, names);
        }
        groups[g].entries.push(i);
    }
    groups
}

/// Adds a valid CSV row to its country's member, or records why it does not
/// agree with the rows before it.
fn merge(group: &mut Group, i: usize, row: Member, entries: &mut [Entry], names: &[String]) {
    let place = |entry: &Entry| format!("{}:{}", names[entry.source], entry.record.line);
    let line = entries[i].record.line;
    let mut problems = Vec::new();
    let Some(member) = group.member.as_mut() else {
        // the rows before were all invalid: this one starts the member
        group.joined_at = row.joined.map(|_| i);
        group.title_at = (!row.representative_title.is_empty()).then_some(i);
        group.member = Some(row);
        return;
    };
    if let (Some(given), Some(at), Some(date)) = (member.joined, group.joined_at, row.joined)
        && given != date
    {
        problems.push(RowProblem {
            line,
            column: MemberColumn::Joined.name().into(),
            message: format!(
                "differs from {} ({given}) for the same country: give one date on every row of a country, \
                 or leave it empty",
                place(&entries[at])
            ),
            value: Some(date.to_string()),
        });
    }
    if let Some(at) = group.title_at
        && !row.representative_title.is_empty()
        && row.representative_title != member.representative_title
    {
        problems.push(RowProblem {
            line,
            column: MemberColumn::RepresentativeTitle.name().into(),
            message: format!(
                "differs from {} ({:?}) for the same country: give one title on every row of a country, \
                 or leave it empty",
                place(&entries[at]),
                member.representative_title
            ),
            value: Some(row.representative_title.clone()),
        });
    }
    for day in &row.national_days {
        if member.national_days.iter().any(|d| (d.month, d.day) == (day.month, day.day)) {
            problems.push(RowProblem {
                line,
                column: MemberColumn::NationalDay.name().into(),
                message: format!("is already a national day of {} in this import: give each day once", member.country),
                value: Some(day.code()),
            });
        }
    }
    if !problems.is_empty() {
        entries[i].problems_mut().extend(problems);
        return;
    }
    if member.joined.is_none() && row.joined.is_some() {
        member.joined = row.joined;
        group.joined_at = Some(i);
    }
    if member.representative_title.is_empty() && !row.representative_title.is_empty() {
        member.representative_title = row.representative_title;
        group.title_at = Some(i);
    }
    member.national_days.extend(row.national_days);
    member.sort_days();
}

/// Writes a rejected member's records as read: CSV rows (a JSON object
/// becomes one row a national day), or JSON objects (a member's CSV rows
/// become one object), each with its reason.
fn write_rejects(
    rejects: &mut Rejects,
    group: &Group,
    entries: &[Entry],
    reasons: &[String],
) -> Result<(), IngestError> {
    if !rejects.is_jsonl() {
        for (&i, reason) in group.entries.iter().zip(reasons) {
            for row in csv_rows(&entries[i].record.raw) {
                let fields: Vec<&str> = row.iter().map(String::as_str).collect();
                rejects.write_fields(&fields, reason)?;
            }
        }
        return Ok(());
    }
    let mut rows: Option<(RawMember, Vec<&str>)> = None;
    for (&i, reason) in group.entries.iter().zip(reasons) {
        let entry = &entries[i];
        if entry.json {
            let object: Map<String, Value> =
                entry.record.object.clone().unwrap_or_else(|| json_object(&entry.record.raw));
            rejects.write_object(object, reason)?;
            continue;
        }
        let raw = &entry.record.raw;
        match rows.as_mut() {
            None => rows = Some((raw.clone(), vec![reason.as_str()])),
            Some((merged, merged_reasons)) => {
                let first = |a: &mut Option<String>, b: &Option<String>| {
                    if a.as_deref().is_none_or(|v| v.trim().is_empty()) {
                        a.clone_from(b);
                    }
                };
                first(&mut merged.joined, &raw.joined);
                first(&mut merged.representative_title, &raw.representative_title);
                merged.national_days.extend(raw.national_days.iter().cloned());
                merged_reasons.push(reason);
            }
        }
    }
    if let Some((mut merged, merged_reasons)) = rows {
        // rows without a day or name add nothing to the object
        merged.national_days.retain(|d| {
            [&d.date, &d.name_fr, &d.name_en, &d.name_ar]
                .iter()
                .any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()))
        });
        rejects.write_object(json_object(&merged), &merged_reasons.join("; "))?;
    }
    Ok(())
}
