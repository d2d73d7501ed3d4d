//! Imports of the member register, with the rules of incident imports: all
//! files in one transaction, committed only if every record is valid (or
//! `skip_invalid`), problems located and counted, rejected records written
//! to the rejects file.
//!
//! The CSV rows of one country (one a national day) may be anywhere in the
//! files, and a member with one invalid row is rejected whole, so that a
//! corrected rejects file describes it completely. Records are checked as
//! they are read against their country's state so far, held in memory: it
//! grows with the countries (at most one member each), not with the rows.
//! The records a later row may reject are kept in the import's transaction
//! (`MemberImportSession::keep`), on disk, and written to the rejects file
//! at the end; the valid members are written then too.

use std::collections::HashMap;
use std::io::BufReader;

use serde_json::{Value, json};
use vigie_domain::member::{DayColumns, MemberColumn, RawMember, RawNationalDay};
use vigie_domain::{CountryCode, Member, MemberValidator, countries};
use vigie_formats::native::REASON_COLUMN;
use vigie_formats::register::members::{MemberCsvReader, MemberJsonlReader, MemberRecord, csv_rows, json_object};
use vigie_formats::{Format, ReadError, RowProblem};
use vigie_store::{MemberImportSession, Store, StoreError};

use crate::audit::import_entry;
use crate::problems::Problems;
use crate::rejects::Rejects;
use crate::{IngestError, Options, Source, SourceReport, Summary, register_format};

/// How many kept records are read back at a time.
const PAGE: usize = 256;

/// Where a record is: the source's position in the import, and its line.
#[derive(Debug, Clone, Copy)]
struct Place {
    source: usize,
    line: u64,
}

/// What the records of one country read so far say.
struct Country {
    /// Its records' key among the kept ones, in order of first appearance.
    key: i64,
    /// Its first record, and whether that one is a JSON object.
    first: Place,
    first_json: bool,
    /// The member its valid records describe together.
    member: Option<Member>,
    /// Where the joined date and the representative's title were given.
    joined_at: Option<Place>,
    title_at: Option<Place>,
    /// Its first invalid record: then the member is rejected whole.
    invalid: Option<Place>,
    records: u64,
}

/// What reading the sources carries along.
struct State<'s> {
    validator: MemberValidator,
    session: Box<dyn MemberImportSession + 's>,
    names: Vec<String>,
    countries: HashMap<CountryCode, Country>,
    /// The next key for the kept records of a country or of a record
    /// whose country is unknown (rejected alone).
    next_key: i64,
    /// Records whose country is unknown.
    rejected: u64,
    /// Whether the rejects file is JSON Lines, if there is one.
    rejects_jsonl: Option<bool>,
    /// A write that failed: it stops the reading.
    failed: Option<StoreError>,
}

impl State<'_> {
    fn place(&self, place: Place) -> String {
        format!("{}:{}", self.names[place.source], place.line)
    }
}

/// Imports member records from all sources in one transaction.
pub fn import_members(store: &mut dyn Store, sources: Vec<Source>, options: &Options) -> Result<Summary, IngestError> {
    let names: Vec<String> = sources.iter().map(|s| s.name.clone()).collect();
    let header: Vec<&str> = MemberColumn::header().to_vec();
    let mut rejects = options.rejects.as_deref().map(|path| Rejects::create_with_header(path, &header)).transpose()?;
    let problems = Problems::new(None);
    let mut summary = Summary::default();
    let mut unreadable = false;
    let mut state = State {
        validator: MemberValidator::new(options.latest_date),
        session: store.begin_member_import(&names.join(", "), "members")?,
        names: names.clone(),
        countries: HashMap::new(),
        next_key: 1,
        rejected: 0,
        rejects_jsonl: rejects.as_ref().map(Rejects::is_jsonl),
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

    summary.counts.rejected =
        state.rejected + state.countries.values().filter(|c| c.invalid.is_some()).map(|c| c.records).sum::<u64>();
    if let Some(rejects) = rejects.as_mut() {
        write_rejects(rejects, &mut state)?;
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
        let mut valid: Vec<&Country> = state.countries.values().filter(|c| c.invalid.is_none()).collect();
        valid.sort_by_key(|c| c.key);
        for member in valid.into_iter().filter_map(|c| c.member.as_ref()) {
            // a country's records are brought together: no repeat comes here
            summary.counts.record(state.session.upsert(member)?);
        }
        if complete && !options.dry_run {
            if let Some(entry) = import_entry(options, "member", &names, options.format.name(), summary.counts) {
                state.session.record_audit(&entry)?;
            }
            state.session.finish(summary.counts)?;
            summary.written = true;
        }
    }
    // otherwise the session is dropped and the transaction rolls back
    Ok(summary)
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
    let json = format == Format::Jsonl;
    let mut visit = |record: MemberRecord| -> Result<(), ReadError> {
        if let Err(error) = check(index, json, record, problems, state) {
            state.failed = Some(error);
            return Err(ReadError::Io(std::io::Error::other("the import could not be written")));
        }
        Ok(())
    };
    let (layout, read) = match format {
        Format::Jsonl => ("member register, JSON Lines", MemberJsonlReader::new(input).for_each(&mut visit)),
        _ => ("member register, CSV", MemberCsvReader::new(input).and_then(|mut reader| reader.for_each(&mut visit))),
    };
    if let Some(error) = state.failed.take() {
        return Err(error.into());
    }
    let report =
        SourceReport { name: name.clone(), format, layout: layout.into(), skipped: 0, legacy_columns: Vec::new() };
    match read {
        Ok(()) => Ok((report, Ok(()))),
        Err(ReadError::Header(problems)) => Ok((report, Err(problems))),
        Err(ReadError::Io(error)) => Err(read_error(error)),
    }
}

/// Validates one record and checks it against its country's records read
/// before: a record met after a JSON object of the same country (or a JSON
/// object after any record of it) is a repeat; the CSV rows of one country
/// give the same joined date and title (or leave them empty) and each
/// national day once. Keeps the record if the rejects file may need it.
fn check(
    source: usize,
    json: bool,
    record: MemberRecord,
    problems: &Problems,
    state: &mut State,
) -> Result<(), StoreError> {
    let place = Place { source, line: record.line };
    let mut result: Result<Member, Vec<RowProblem>> = if record.problems.is_empty() {
        state
            .validator
            .validate(&record.raw)
            .map_err(|errors| errors.into_iter().map(|e| crate::located(record.line, &e)).collect())
    } else {
        Err(record.problems.clone())
    };
    // invalid records count for their country too, so that the member is rejected whole
    let code = match &result {
        Ok(member) => Some(member.country),
        Err(_) => record.raw.country.as_deref().and_then(|c| countries().resolve(c)).map(|c| c.code),
    };
    let key = match code {
        None => {
            state.rejected += 1;
            state.next_key += 1;
            state.next_key - 1
        }
        Some(code) => match state.countries.get(&code) {
            None => {
                let member = result.as_ref().ok().cloned();
                let country = Country {
                    key: state.next_key,
                    first: place,
                    first_json: json,
                    joined_at: member.as_ref().and_then(|m| m.joined).map(|_| place),
                    title_at: member.as_ref().filter(|m| !m.representative_title.is_empty()).map(|_| place),
                    member,
                    invalid: None,
                    records: 0,
                };
                state.next_key += 1;
                state.countries.entry(code).or_insert(country).key
            }
            Some(country) if json || country.first_json => {
                let problem = RowProblem {
                    kind: None,
                    line: record.line,
                    column: MemberColumn::Country.name().into(),
                    message: format!(
                        "{code} appears more than once in this import (first at {}): describe each member once \
                         (in CSV, one row per national day)",
                        state.place(country.first)
                    ),
                    value: record.raw.country.clone(),
                };
                match &mut result {
                    Ok(_) => result = Err(vec![problem]),
                    Err(problems) => problems.push(problem),
                }
                country.key
            }
            Some(country) => {
                let key = country.key;
                if let Ok(row) = result {
                    result = merge(state, code, place, row.clone()).map(|()| row);
                }
                key
            }
        },
    };
    let reason = match &result {
        Ok(_) => None,
        Err(row_problems) => Some(problems.note(source, &state.names[source], row_problems).join("; ")),
    };
    if let Some(country) = code.and_then(|code| state.countries.get_mut(&code)) {
        country.records += 1;
        if result.is_err() && country.invalid.is_none() {
            country.invalid = Some(place);
        }
    }
    let Some(jsonl) = state.rejects_jsonl else { return Ok(()) };
    let payload = if !jsonl {
        json!({ "rows": csv_rows(&record.raw), "reason": reason })
    } else if json {
        json!({ "object": record.object.unwrap_or_else(|| json_object(&record.raw)), "reason": reason })
    } else {
        json!({ "raw": raw_values(&record.raw), "reason": reason })
    };
    state.session.keep(key, &payload.to_string())
}

/// Adds a valid CSV row to its country's member, or says why it does not
/// agree with the rows before it.
fn merge(state: &mut State, code: CountryCode, place: Place, row: Member) -> Result<(), Vec<RowProblem>> {
    let names = &state.names;
    let at = |p: Place| format!("{}:{}", names[p.source], p.line);
    let Some(group) = state.countries.get_mut(&code) else { return Ok(()) };
    let Some(member) = group.member.as_mut() else {
        // the rows before were all invalid: this one starts the member
        group.joined_at = row.joined.map(|_| place);
        group.title_at = (!row.representative_title.is_empty()).then_some(place);
        group.member = Some(row);
        return Ok(());
    };
    let line = place.line;
    let mut problems = Vec::new();
    if let (Some(given), Some(first), Some(date)) = (member.joined, group.joined_at, row.joined)
        && given != date
    {
        problems.push(RowProblem {
            kind: None,
            line,
            column: MemberColumn::Joined.name().into(),
            message: format!(
                "differs from {} ({given}) for the same country: give one date on every row of a country, \
                 or leave it empty",
                at(first)
            ),
            value: Some(date.to_string()),
        });
    }
    if let Some(first) = group.title_at
        && !row.representative_title.is_empty()
        && row.representative_title != member.representative_title
    {
        problems.push(RowProblem {
            kind: None,
            line,
            column: MemberColumn::RepresentativeTitle.name().into(),
            message: format!(
                "differs from {} ({:?}) for the same country: give one title on every row of a country, \
                 or leave it empty",
                at(first),
                member.representative_title
            ),
            value: Some(row.representative_title.clone()),
        });
    }
    for day in &row.national_days {
        // at most 366 days a member: the search is bounded
        if member.national_days.iter().any(|d| (d.month, d.day) == (day.month, day.day)) {
            problems.push(RowProblem {
                kind: None,
                line,
                column: MemberColumn::NationalDay.name().into(),
                message: format!("is already a national day of {} in this import: give each day once", member.country),
                value: Some(day.code()),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if member.joined.is_none() && row.joined.is_some() {
        member.joined = row.joined;
        group.joined_at = Some(place);
    }
    if member.representative_title.is_empty() && !row.representative_title.is_empty() {
        member.representative_title = row.representative_title;
        group.title_at = Some(place);
    }
    member.national_days.extend(row.national_days);
    member.sort_days();
    Ok(())
}

/// A CSV row's raw values, in the columns' order.
fn raw_values(raw: &RawMember) -> [Option<String>; 7] {
    let day = raw.national_days.first();
    let of = |f: fn(&RawNationalDay) -> &Option<String>| day.and_then(|d| f(d).clone());
    [
        raw.country.clone(),
        raw.joined.clone(),
        of(|d| &d.date),
        of(|d| &d.name_fr),
        of(|d| &d.name_en),
        of(|d| &d.name_ar),
        raw.representative_title.clone(),
    ]
}

/// One kept record, read back.
struct Kept {
    payload: Value,
}

impl Kept {
    fn reason(&self) -> Option<&str> {
        self.payload["reason"].as_str()
    }

    fn raw(&self) -> Option<RawMember> {
        let values: Vec<Option<String>> = serde_json::from_value(self.payload.get("raw")?.clone()).ok()?;
        let value = |i: usize| values.get(i).cloned().flatten();
        Some(RawMember {
            country: value(0),
            joined: value(1),
            representative_title: value(6),
            national_days: vec![RawNationalDay {
                date: value(2),
                name_fr: value(3),
                name_en: value(4),
                name_ar: value(5),
                columns: DayColumns::csv(),
            }],
        })
    }
}

/// Calls `visit` with each record kept under `key`, in order, a page at a time.
fn for_each_kept(
    session: &mut dyn MemberImportSession,
    key: i64,
    mut visit: impl FnMut(Kept) -> Result<(), IngestError>,
) -> Result<(), IngestError> {
    let mut after = 0;
    loop {
        let page = session.kept(key, after, PAGE)?;
        let Some(&(last, _)) = page.last() else { return Ok(()) };
        after = last;
        for (_, text) in page {
            let payload = serde_json::from_str(&text).unwrap_or(Value::Null);
            visit(Kept { payload })?;
        }
    }
}

/// Writes the records of rejected members as read, member by member in
/// order of first appearance: CSV rows (a JSON object becomes one row a
/// national day), or JSON objects (a member's CSV rows become one object),
/// each with its reason; a valid record of a rejected member names the
/// member's first invalid one.
fn write_rejects(rejects: &mut Rejects, state: &mut State) -> Result<(), IngestError> {
    let by_key: HashMap<i64, Option<Place>> = state.countries.values().map(|c| (c.key, c.invalid)).collect();
    let mut key = 0;
    while let Some(next) = state.session.next_kept_key(key)? {
        key = next;
        // a key of no country is a record whose country is unknown: rejected
        let invalid = match by_key.get(&key) {
            Some(None) => continue,
            Some(Some(place)) => Some(state.place(*place)),
            None => None,
        };
        let not_imported = invalid.map(|at| format!("not imported: {at} of the same member is invalid"));
        let reason =
            |kept: &Kept| kept.reason().map(str::to_string).or_else(|| not_imported.clone()).unwrap_or_default();
        let mut rows = false;
        for_each_kept(&mut *state.session, key, |kept| {
            if let Some(object_rows) = kept.payload["rows"].as_array() {
                let reason = reason(&kept);
                for row in object_rows {
                    let fields: Vec<&str> =
                        row.as_array().into_iter().flatten().map(|v| v.as_str().unwrap_or("")).collect();
                    rejects.write_fields(&fields, &reason)?;
                }
            } else if let Some(Value::Object(object)) = kept.payload.get("object") {
                rejects.write_object(object.clone(), &reason(&kept))?;
            } else {
                rows = true;
            }
            Ok(())
        })?;
        if rows {
            write_merged(rejects, &mut *state.session, key, &reason)?;
        }
    }
    Ok(())
}

/// Writes a rejected member's CSV rows as one JSON object, read back three
/// times (its values, its days, its reasons) rather than held: their
/// number is not bounded.
fn write_merged(
    rejects: &mut Rejects,
    session: &mut dyn MemberImportSession,
    key: i64,
    reason: &dyn Fn(&Kept) -> String,
) -> Result<(), IngestError> {
    let mut merged: Option<RawMember> = None;
    for_each_kept(session, key, |kept| {
        let Some(raw) = kept.raw() else { return Ok(()) };
        match merged.as_mut() {
            None => merged = Some(RawMember { national_days: vec![], ..raw }),
            Some(merged) => {
                let first = |a: &mut Option<String>, b: &Option<String>| {
                    if a.as_deref().is_none_or(|v| v.trim().is_empty()) {
                        a.clone_from(b);
                    }
                };
                first(&mut merged.joined, &raw.joined);
                first(&mut merged.representative_title, &raw.representative_title);
            }
        }
        Ok(())
    })?;
    let Some(merged) = merged else { return Ok(()) };
    let mut object = json_object(&merged);
    object.insert("national_days".into(), Value::Null);
    object.insert(REASON_COLUMN.into(), Value::Null);
    // the object's text around its days and its reason, which are streamed
    let text = Value::Object(object).to_string();
    let days_mark = "\"national_days\":null";
    let reason_mark = format!("\"{REASON_COLUMN}\":null");
    let mut marks = [(days_mark, true), (reason_mark.as_str(), false)];
    marks.sort_by_key(|(mark, _)| text.find(mark));
    let mut rest = text.as_str();
    for (mark, days) in marks {
        let (before, after) = rest.split_once(mark).unwrap_or((rest, ""));
        rest = after;
        rejects.write_text(before)?;
        if days {
            rejects.write_text("\"national_days\":[")?;
            write_days(rejects, session, key)?;
            rejects.write_text("]")?;
        } else {
            rejects.write_text(&format!("\"{REASON_COLUMN}\":\""))?;
            let mut first = true;
            for_each_kept(session, key, |kept| {
                if kept.raw().is_none() {
                    return Ok(());
                }
                let text = Value::from(reason(&kept)).to_string();
                if !std::mem::take(&mut first) {
                    rejects.write_text("; ")?;
                }
                // the JSON string's inside, without its quotes
                rejects.write_text(&text[1..text.len() - 1])
            })?;
            rejects.write_text("\"")?;
        }
    }
    rejects.write_text(rest)?;
    rejects.write_text("\n")
}

/// The national days of a rejected member's CSV rows, as the objects of a
/// JSON list; rows without a day or name add nothing.
fn write_days(rejects: &mut Rejects, session: &mut dyn MemberImportSession, key: i64) -> Result<(), IngestError> {
    let mut first = true;
    for_each_kept(session, key, |kept| {
        let Some(mut raw) = kept.raw() else { return Ok(()) };
        raw.national_days.retain(|d| {
            [&d.date, &d.name_fr, &d.name_en, &d.name_ar]
                .iter()
                .any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()))
        });
        if raw.national_days.is_empty() {
            return Ok(());
        }
        let object = json_object(&raw);
        if !std::mem::take(&mut first) {
            rejects.write_text(",")?;
        }
        rejects.write_text(&object["national_days"][0].to_string())
    })
}
