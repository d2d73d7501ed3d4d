//! Reader of ACLED exports, in every layout met in real files:
//!
//! - the current export (31 columns, `event_id_cnty,event_date,…,
//!   disorder_type,…,civilian_targeting,…,tags,timestamp`), whose `inter1`/
//!   `inter2` are actor-type names since 2024 and numbers before;
//! - the 2019–2022 export (`data_id,iso,event_id_cnty,event_id_no_cnty,…,
//!   timestamp,iso3`), also as copied to HDX with a HXL tag row under the
//!   header (`#event+code`, `#date+occurred`, …);
//! - the legacy layout of version 7 and earlier (`GWNO,EVENT_ID_CNTY,…,
//!   ALLY_ACTOR_1,…,NOTES,FATALITIES`), without `sub_event_type`.
//!
//! Columns are found by name, whatever their case and order; a UTF-8
//! byte-order mark is ignored, `NA` is an empty value, dates are
//! `DD Month YYYY`, `YYYY-MM-DD` or (legacy) `DD/MM/YYYY`, and fields that
//! are not UTF-8 are read as Windows-1252 (legacy files saved by Excel).
//! The mapping of ACLED's categories is `crate::mapping::acled`.

use std::borrow::Cow;
use std::io::Read;

use csv::ByteRecord;
use vigie_domain::country::countries;
use vigie_domain::incident::Column;

use super::{DatasetOptions, Header, Mapped, is_hxl_row, problem};
use crate::mapping::acled as mapping;
use crate::records::Records;
use crate::{ReadError, Row, RowProblem};
use vigie_domain::FieldErrorKind;

/// The columns without which a file is not an ACLED export.
const REQUIRED: [&str; 5] = ["event_id_cnty", "event_date", "event_type", "country", "fatalities"];

/// The family of header an export has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Generation {
    /// With `disorder_type` / `civilian_targeting` (the export since 2023).
    Current,
    /// With `sub_event_type` but neither of those (2019–2022).
    Export2019,
    /// Without `sub_event_type` (version 7 and earlier).
    Legacy,
}

impl Generation {
    /// The layout's name in citations.
    fn name(self) -> &'static str {
        match self {
            Generation::Current => "ACLED current export",
            Generation::Export2019 => "ACLED 2019–2022 export",
            Generation::Legacy => "ACLED legacy layout (version 7 and earlier)",
        }
    }

    fn name_with_hxl(self) -> &'static str {
        match self {
            Generation::Current => "ACLED current export with HXL tags",
            Generation::Export2019 => "ACLED 2019–2022 export with HXL tags (HDX copy)",
            Generation::Legacy => "ACLED legacy layout (version 7 and earlier) with HXL tags",
        }
    }
}

/// The positions of the ACLED columns the reader uses.
#[derive(Debug, Default)]
struct Columns {
    event_id: Option<usize>,
    event_date: Option<usize>,
    time_precision: Option<usize>,
    event_type: Option<usize>,
    sub_event_type: Option<usize>,
    actor1: Option<usize>,
    assoc_actor_1: Option<usize>,
    inter1: Option<usize>,
    actor2: Option<usize>,
    assoc_actor_2: Option<usize>,
    inter2: Option<usize>,
    civilian_targeting: Option<usize>,
    iso: Option<usize>,
    iso3: Option<usize>,
    country: Option<usize>,
    admin1: Option<usize>,
    location: Option<usize>,
    latitude: Option<usize>,
    longitude: Option<usize>,
    geo_precision: Option<usize>,
    source: Option<usize>,
    notes: Option<usize>,
    fatalities: Option<usize>,
}

impl Columns {
    fn new(header: &Header) -> Columns {
        let at = |names: &[&str]| names.iter().find_map(|name| header.position(name));
        Columns {
            event_id: at(&["event_id_cnty"]),
            event_date: at(&["event_date"]),
            time_precision: at(&["time_precision"]),
            event_type: at(&["event_type"]),
            sub_event_type: at(&["sub_event_type"]),
            actor1: at(&["actor1"]),
            assoc_actor_1: at(&["assoc_actor_1", "ally_actor_1"]),
            inter1: at(&["inter1"]),
            actor2: at(&["actor2"]),
            assoc_actor_2: at(&["assoc_actor_2", "ally_actor_2"]),
            inter2: at(&["inter2"]),
            civilian_targeting: at(&["civilian_targeting"]),
            iso: at(&["iso"]),
            iso3: at(&["iso3"]),
            country: at(&["country"]),
            admin1: at(&["admin1"]),
            location: at(&["location"]),
            latitude: at(&["latitude"]),
            longitude: at(&["longitude"]),
            geo_precision: at(&["geo_precision"]),
            source: at(&["source"]),
            notes: at(&["notes"]),
            fatalities: at(&["fatalities"]),
        }
    }
}

pub struct AcledReader<R: Read> {
    records: Records<R>,
    /// The first data row, read while looking for a HXL tag row.
    pending: Option<(u64, ByteRecord)>,
    state: State,
}

/// Everything but the records, so that a borrowed record can be mapped.
struct State {
    columns: Columns,
    /// The header's names as written (for messages: `EVENT_DATE` in an
    /// upper-case file).
    names: Vec<String>,
    generation: Generation,
    hxl: bool,
    options: DatasetOptions,
    skipped: u64,
    mapped: Mapped,
}

impl<R: Read> AcledReader<R> {
    /// Reads and checks the header (and a HXL tag row if present); a file that is not this format gives
    /// ReadError::Header with located problems (line 1, the missing column names).
    pub fn new(input: R, options: DatasetOptions) -> Result<AcledReader<R>, ReadError> {
        let mut records = Records::new(input);
        let Some((line, record)) = records.next_record()? else {
            return Err(ReadError::Header(vec![problem(
                1,
                "",
                "the file is empty: expected an ACLED header row",
                None,
            )]));
        };
        let header = Header::new(record.iter());
        let names: Vec<String> =
            record.iter().map(|field| decode(field).trim().trim_start_matches('\u{feff}').trim().to_string()).collect();
        let missing: Vec<RowProblem> = REQUIRED
            .iter()
            .filter(|name| !header.has(name))
            .map(|name| {
                problem(line, name, "required ACLED column is missing from the header (is this an ACLED export?)", None)
            })
            .collect();
        if !missing.is_empty() {
            return Err(ReadError::Header(missing));
        }
        let generation = if header.has("disorder_type") || header.has("civilian_targeting") {
            Generation::Current
        } else if header.has("sub_event_type") {
            Generation::Export2019
        } else {
            Generation::Legacy
        };
        let mut reader = AcledReader {
            pending: None,
            state: State {
                columns: Columns::new(&header),
                names,
                generation,
                hxl: false,
                options,
                skipped: 0,
                mapped: Mapped::default(),
            },
            records,
        };
        if let Some((line, record)) = reader.records.next_record()? {
            if is_hxl_row(record.iter()) {
                reader.state.hxl = true;
            } else {
                reader.pending = Some((line, record.clone()));
            }
        }
        Ok(reader)
    }

    /// The layout recognised, for the summary, e.g. "UCDP GED annual release (49 columns)".
    pub fn layout(&self) -> &'static str {
        if self.state.hxl { self.state.generation.name_with_hxl() } else { self.state.generation.name() }
    }

    /// Rows left out on purpose (ACLED non-terrorist event types), 0 for others.
    pub fn skipped(&self) -> u64 {
        self.state.skipped
    }

    /// Calls `visit` for each event kept, in order; stops at the first error
    /// `visit` returns.
    pub fn for_each<E: From<ReadError>>(&mut self, mut visit: impl FnMut(Row<'_>) -> Result<(), E>) -> Result<(), E> {
        if let Some((line, record)) = self.pending.take()
            && let Some(problems) = self.state.map(line, &record)
        {
            visit(Row { line, raw: self.state.mapped.raw(), problems })?;
        }
        while let Some((line, record)) = self.records.next_record()? {
            if let Some(problems) = self.state.map(line, record) {
                visit(Row { line, raw: self.state.mapped.raw(), problems })?;
            }
        }
        Ok(())
    }
}

impl State {
    /// Maps one record into `self.mapped`; `None` when the event is left
    /// out (or the row is empty), else the row's problems.
    fn map(&mut self, line: u64, record: &ByteRecord) -> Option<Vec<RowProblem>> {
        if record.iter().all(|field| field.iter().all(u8::is_ascii_whitespace)) {
            // `,,,,` lines that spreadsheets leave at the end: no event
            return None;
        }
        let columns = &self.columns;
        let get = |position: Option<usize>| -> Cow<'_, str> {
            let Some(field) = position.and_then(|p| record.get(p)) else { return Cow::Borrowed("") };
            match decode(field) {
                Cow::Borrowed(text) => Cow::Borrowed(clean(text)),
                Cow::Owned(text) => Cow::Owned(clean(&text).to_string()),
            }
        };
        let event_type = get(columns.event_type);
        if !self.options.all_events && mapping::is_skipped(&event_type) {
            self.skipped += 1;
            return None;
        }
        let name = |position: Option<usize>| position.and_then(|p| self.names.get(p)).map_or("", String::as_str);
        let mapped = &mut self.mapped;
        mapped.clear();
        let mut problems = Vec::new();
        if record.len() != self.names.len() {
            let kind = FieldErrorKind::FieldCount { found: record.len(), expected: self.names.len() };
            problems.push(RowProblem::of_kind(line, "", kind, None));
        }

        let event_id = get(columns.event_id);
        if event_id.is_empty() {
            problems.push(problem(line, name(columns.event_id), "is empty: every ACLED event has an id", Some("")));
        } else {
            mapped.set(Column::Id, format!("acled:{event_id}"));
        }

        let event_date = get(columns.event_date);
        match parse_date(&event_date) {
            Some(date) => mapped.set(Column::Date, date),
            None => problems.push(problem(
                line,
                name(columns.event_date),
                "not a date in the ACLED layouts",
                Some(&event_date),
            )),
        }
        let time_precision = get(columns.time_precision);
        if !time_precision.is_empty() {
            match mapping::date_precision(&time_precision) {
                Some(precision) => mapped.set(Column::DatePrecision, precision),
                None => problems.push(problem(
                    line,
                    name(columns.time_precision),
                    "must be 1 (day), 2 (week) or 3 (month)",
                    Some(&time_precision),
                )),
            }
        }

        let country = get(columns.country);
        mapped.set_some(Column::Country, country_value(&country, &get(columns.iso3), &get(columns.iso)));
        mapped.set_some(Column::Admin1, &get(columns.admin1));
        mapped.set_some(Column::Location, &get(columns.location));
        for (position, column) in [(columns.latitude, Column::Latitude), (columns.longitude, Column::Longitude)] {
            let value = get(position);
            if !value.is_empty() && value.parse::<f64>().is_err() {
                problems.push(problem(line, name(position), "not a number: decimal degrees expected", Some(&value)));
            }
            mapped.set_some(column, &value);
        }
        let geo_precision = get(columns.geo_precision);
        if !geo_precision.is_empty() {
            match mapping::geo_precision(&geo_precision) {
                Some(precision) => mapped.set(Column::GeoPrecision, precision),
                None => problems.push(problem(
                    line,
                    name(columns.geo_precision),
                    "must be 1 (exact place), 2 (near, district) or 3 (region)",
                    Some(&geo_precision),
                )),
            }
        }

        let actor = |name: Option<usize>, associated: Option<usize>, inter: Option<usize>| {
            (get(name), get(associated), get(inter))
        };
        let (name1, associated1, inter1) = actor(columns.actor1, columns.assoc_actor_1, columns.inter1);
        let (name2, associated2, inter2) = actor(columns.actor2, columns.assoc_actor_2, columns.inter2);
        let notes = get(columns.notes);
        let sides = mapping::sides(
            &event_type,
            &get(columns.civilian_targeting),
            mapping::Actor { name: &name1, associated: &associated1, inter: &inter1 },
            mapping::Actor { name: &name2, associated: &associated2, inter: &inter2 },
        );
        mapped.set(Column::Perpetrator, sides.perpetrator);
        mapped.set(Column::Target, sides.target);
        mapped.set(Column::Method, mapping::method(&event_type, &get(columns.sub_event_type), &notes));

        let fatalities = get(columns.fatalities);
        if !fatalities.is_empty() {
            match whole_number(&fatalities) {
                Some(killed) => mapped.set(Column::Killed, killed),
                None => problems.push(problem(
                    line,
                    name(columns.fatalities),
                    "not a whole number of deaths (leave empty or NA when not known)",
                    Some(&fatalities),
                )),
            }
        }

        mapped.set_some(Column::Description, &notes);
        let mut sources = format!("{}, {event_id}", self.generation.name());
        for source in get(columns.source).split(';').map(str::trim).filter(|s| !s.is_empty()) {
            sources.push_str(" ; ");
            sources.push_str(source);
        }
        mapped.set(Column::Sources, sources);
        Some(problems)
    }
}

/// The text of a field: UTF-8, else Windows-1252.
fn decode(field: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(field) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(field.iter().map(|&b| windows_1252(b)).collect()),
    }
}

/// One byte of Windows-1252.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// A value trimmed, with `NA` (R's missing value) as empty.
fn clean(text: &str) -> &str {
    let text = text.trim();
    if text == "NA" { "" } else { text }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// An ACLED date as `YYYY-MM-DD`: `05 December 2023` (the export tool; `Dec`
/// too), `2023-12-05` (the API and most copies, a time after it ignored) or
/// `05/12/2023` (day first, the legacy files); `None` otherwise or when the
/// day does not exist.
pub fn parse_date(value: &str) -> Option<String> {
    let value = value.trim();
    let iso = value.split([' ', 'T']).next().unwrap_or_default();
    if vigie_domain::validate::parse_iso_date(iso).is_some() {
        return Some(iso.to_string());
    }
    let parts: Vec<&str> = if value.contains('/') {
        value.split('/').collect()
    } else {
        value.split(|c: char| c.is_whitespace() || c == '-').filter(|p| !p.is_empty()).collect()
    };
    let [day, month, year] = parts[..] else { return None };
    let digits = |text: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(day, 1..=2) || !digits(year, 4..=4) {
        return None;
    }
    let month = if value.contains('/') {
        if !digits(month, 1..=2) {
            return None;
        }
        month.parse::<usize>().ok()?
    } else {
        let month = month.to_lowercase();
        let index = MONTHS.iter().position(|name| *name == month || (month.len() == 3 && name.starts_with(&month)))?;
        index + 1
    };
    let date = format!("{year}-{month:02}-{:02}", day.parse::<u8>().ok()?);
    vigie_domain::validate::parse_iso_date(&date).map(|_| date)
}

/// `12`, or `12.0` as a spreadsheet writes it.
fn whole_number(value: &str) -> Option<&str> {
    let number = value.strip_suffix(".0").unwrap_or(value);
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())).then_some(number)
}

/// The country as given, unless its name is not known and the row's ISO
/// code (`iso3`, or the numeric `iso`) is.
fn country_value<'a>(country: &'a str, iso3: &'a str, iso: &'a str) -> &'a str {
    let register = countries();
    if register.resolve(country).is_some() {
        return country;
    }
    [iso3, iso].into_iter().find(|code| !code.is_empty() && register.resolve(code).is_some()).unwrap_or(country)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_acled_layout() {
        assert_eq!(parse_date("05 December 2023").as_deref(), Some("2023-12-05"));
        assert_eq!(parse_date("5 december 2023").as_deref(), Some("2023-12-05"));
        assert_eq!(parse_date("05 Dec 2023").as_deref(), Some("2023-12-05"));
        assert_eq!(parse_date("05-December-2023").as_deref(), Some("2023-12-05"));
        assert_eq!(parse_date("2023-12-05").as_deref(), Some("2023-12-05"));
        assert_eq!(parse_date("2023-12-05 00:00:00").as_deref(), Some("2023-12-05"));
        assert_eq!(parse_date("18/04/2001").as_deref(), Some("2001-04-18"));
        assert_eq!(parse_date("8/4/2001").as_deref(), Some("2001-04-08"));
        for bad in
            ["31/02/2023", "30 February 2023", "2023-13-05", "05 Decembre 2023", "05 De 2023", "", "2023", "x/y/z"]
        {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(parse_date("05 December 23"), None);
        assert_eq!(parse_date("١٢/٠٤/٢٠٠١"), None);
    }

    #[test]
    fn windows_1252_fields() {
        assert_eq!(decode(b"L\xe9r\xe9"), "Léré");
        assert_eq!(decode(b"\x93quoted\x94 \x80"), "“quoted” €");
        assert_eq!(decode("Léré".as_bytes()), "Léré");
    }

    #[test]
    fn numbers_and_missing_values() {
        assert_eq!(whole_number("12"), Some("12"));
        assert_eq!(whole_number("12.0"), Some("12"));
        assert_eq!(whole_number("-1"), None);
        assert_eq!(whole_number("1.5"), None);
        assert_eq!(whole_number(".0"), None);
        assert_eq!(clean(" NA "), "");
        assert_eq!(clean("NAN"), "NAN");
    }

    #[test]
    fn countries_fall_back_to_iso_codes() {
        assert_eq!(country_value("Mali", "MLI", "466"), "Mali");
        assert_eq!(country_value("Nowhere", "BFA", "854"), "BFA");
        assert_eq!(country_value("Nowhere", "", "854"), "854");
        assert_eq!(country_value("Nowhere", "", ""), "Nowhere");
    }
}
