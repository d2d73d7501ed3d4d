//! Reader of the UCDP Georeferenced Event Dataset (GED) in the layouts met
//! in the wild:
//! - the annual release (GED 20.1 and later: 49 columns, `best,high,low`,
//!   dates `YYYY-MM-DD 00:00:00.000`);
//! - the older release (GED 19.1 and before: 42 columns, no `relid`,
//!   `code_status`, `*_dset_id` or `where_description`, `low,best,high`,
//!   dates `YYYY-MM-DD`);
//! - the export of UCDP's web download tool (`best_est,high_est,low_est`,
//!   dates `MM/DD/YYYY HH:MM:SS`, `active_year` `True`/`False`, one more
//!   (empty) field on every data row than in the header, newlines inside
//!   quoted fields);
//! - the copies of the Humanitarian Data Exchange (an HXL tag row after the
//!   header, extra `start_year,end_year,iso3` columns; re-saved by pandas
//!   with a leading unnamed index column and numbers written `1.0`).
//!
//! Columns are found by name, whatever their order and case. The mapping of
//! UCDP's categories onto Vigie's codes is `crate::mapping::ucdp`.

use std::io::Read;

use csv::ByteRecord;
use vigie_domain::incident::Column;
use vigie_domain::validate::parse_iso_date;

use super::{DatasetOptions, Header, Mapped, is_hxl_row, problem};
use crate::mapping::ucdp::{self as mapping, Side, Violence};
use crate::records::Records;
use crate::{ReadError, Row, RowProblem};
use vigie_domain::FieldErrorKind;

/// The longest free text the validator accepts.
const MAX_TEXT: usize = 20_000;

/// The columns without which a file is not a UCDP GED file (`best` may be
/// `best_est`).
const REQUIRED: [&str; 6] = ["id", "type_of_violence", "side_a", "side_b", "country", "date_start"];

/// The layouts told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Annual,
    Older,
    WebTool,
    Hdx,
    HdxIndexed,
}

impl Layout {
    fn describe(self) -> &'static str {
        match self {
            Layout::Annual => "UCDP GED annual release (49 columns, best/high/low)",
            Layout::Older => "UCDP GED release up to 19.1 (42 columns, low/best/high)",
            Layout::WebTool => "UCDP GED web download tool export (best_est/high_est/low_est, MM/DD/YYYY dates)",
            Layout::Hdx => "UCDP GED HDX copy (HXL tag row, start_year/end_year/iso3)",
            Layout::HdxIndexed => "UCDP GED HDX copy re-saved with an index column (HXL tag row, numbers as 1.0)",
        }
    }

    /// For the `sources` citation.
    fn short(self) -> &'static str {
        match self {
            Layout::Annual => "annual release",
            Layout::Older => "release up to 19.1",
            Layout::WebTool => "web download tool export",
            Layout::Hdx | Layout::HdxIndexed => "HDX copy",
        }
    }
}

/// A column's position and its name in this file.
#[derive(Debug, Clone, Copy)]
struct Col {
    position: usize,
    name: &'static str,
}

/// The positions of the columns the reader uses.
#[derive(Debug, Clone, Default)]
struct Columns {
    id: Option<Col>,
    type_of_violence: Option<Col>,
    side_a: Option<Col>,
    side_b: Option<Col>,
    dyad_name: Option<Col>,
    country: Option<Col>,
    iso3: Option<Col>,
    adm_1: Option<Col>,
    where_coordinates: Option<Col>,
    where_description: Option<Col>,
    latitude: Option<Col>,
    longitude: Option<Col>,
    where_prec: Option<Col>,
    date_prec: Option<Col>,
    date_start: Option<Col>,
    date_end: Option<Col>,
    best: Option<Col>,
    low: Option<Col>,
    high: Option<Col>,
    deaths_a: Option<Col>,
    deaths_b: Option<Col>,
    source_article: Option<Col>,
    source_office: Option<Col>,
    source_date: Option<Col>,
    source_headline: Option<Col>,
}

impl Columns {
    fn new(header: &Header) -> Columns {
        let find = |names: &[&'static str]| {
            names.iter().find_map(|&name| header.position(name).map(|position| Col { position, name }))
        };
        Columns {
            id: find(&["id"]),
            type_of_violence: find(&["type_of_violence"]),
            side_a: find(&["side_a"]),
            side_b: find(&["side_b"]),
            dyad_name: find(&["dyad_name"]),
            country: find(&["country"]),
            iso3: find(&["iso3"]),
            adm_1: find(&["adm_1"]),
            where_coordinates: find(&["where_coordinates"]),
            where_description: find(&["where_description"]),
            latitude: find(&["latitude"]),
            longitude: find(&["longitude"]),
            where_prec: find(&["where_prec"]),
            date_prec: find(&["date_prec"]),
            date_start: find(&["date_start"]),
            date_end: find(&["date_end"]),
            best: find(&["best", "best_est"]),
            low: find(&["low", "low_est"]),
            high: find(&["high", "high_est"]),
            deaths_a: find(&["deaths_a"]),
            deaths_b: find(&["deaths_b"]),
            source_article: find(&["source_article"]),
            source_office: find(&["source_office"]),
            source_date: find(&["source_date"]),
            source_headline: find(&["source_headline"]),
        }
    }
}

pub struct UcdpReader<R: Read> {
    records: Records<R>,
    header_len: usize,
    columns: Columns,
    layout: Layout,
    /// The first data record, read while looking for an HXL tag row.
    pending: Option<(u64, ByteRecord)>,
    mapped: Mapped,
}

impl<R: Read> UcdpReader<R> {
    /// Reads and checks the header (and a HXL tag row if present); a file
    /// that is not UCDP GED gives `ReadError::Header` naming the missing
    /// columns.
    pub fn new(input: R, _options: DatasetOptions) -> Result<UcdpReader<R>, ReadError> {
        let mut records = Records::new(input);
        let Some((line, record)) = records.next_record()? else {
            return Err(ReadError::Header(vec![problem(
                1,
                "",
                "the file is empty: expected the header row of UCDP GED",
                None,
            )]));
        };
        let header = Header::new(record.iter());
        let mut problems: Vec<RowProblem> = REQUIRED
            .iter()
            .filter(|name| !header.has(name))
            .map(|name| problem(line, name, "required column of UCDP GED is missing from the header", None))
            .collect();
        if !header.has("best") && !header.has("best_est") {
            problems.push(problem(
                line,
                "best",
                "required column of UCDP GED (best, or best_est in the web tool's export) is missing from the header",
                None,
            ));
        }
        if !problems.is_empty() {
            return Err(ReadError::Header(problems));
        }
        let columns = Columns::new(&header);
        let indexed = header.name(0).is_empty();

        // an HXL tag row may follow the header (HDX copies); the index
        // column of a pandas re-save numbers it, so unnamed columns are not
        // looked at
        let mut hxl = false;
        let mut pending = None;
        if let Some((line, record)) = records.next_record()? {
            let named = record.iter().enumerate().filter(|(i, _)| !header.name(*i).is_empty()).map(|(_, f)| f);
            if is_hxl_row(named) {
                hxl = true;
            } else {
                pending = Some((line, record.clone()));
            }
        }
        let layout = if header.has("best_est") {
            Layout::WebTool
        } else if hxl || header.has("iso3") || header.has("start_year") {
            if indexed { Layout::HdxIndexed } else { Layout::Hdx }
        } else if header.has("relid") || header.has("where_description") {
            Layout::Annual
        } else {
            Layout::Older
        };
        Ok(UcdpReader { records, header_len: header.len(), columns, layout, pending, mapped: Mapped::default() })
    }

    /// The layout recognised, for the summary.
    pub fn layout(&self) -> &'static str {
        self.layout.describe()
    }

    /// UCDP rows are all kept.
    pub fn skipped(&self) -> u64 {
        0
    }

    /// Calls `visit` for each data row, in order; stops at the first error
    /// `visit` returns.
    pub fn for_each<E: From<ReadError>>(&mut self, mut visit: impl FnMut(Row<'_>) -> Result<(), E>) -> Result<(), E> {
        if let Some((line, record)) = self.pending.take() {
            let problems = map_row(&self.columns, self.layout, self.header_len, line, &record, &mut self.mapped);
            visit(Row { line, raw: self.mapped.raw(), problems })?;
        }
        while let Some((line, record)) = self.records.next_record()? {
            let problems = map_row(&self.columns, self.layout, self.header_len, line, record, &mut self.mapped);
            visit(Row { line, raw: self.mapped.raw(), problems })?;
        }
        Ok(())
    }
}

/// The fields of one record, read as text, with the problems met.
struct Fields<'r> {
    record: &'r ByteRecord,
    line: u64,
    problems: Vec<RowProblem>,
}

impl<'r> Fields<'r> {
    /// The trimmed text of a column, "" when the column or the field is
    /// absent; `None` when it is not UTF-8 (then a problem is recorded).
    /// Read each column once: each call records its own problem.
    fn text(&mut self, column: Option<Col>) -> Option<&'r str> {
        let Some(column) = column else { return Some("") };
        let Some(bytes) = self.record.get(column.position) else { return Some("") };
        match std::str::from_utf8(bytes) {
            Ok(text) => Some(text.trim()),
            Err(_) => {
                let value = Some(String::from_utf8_lossy(bytes).into_owned());
                self.problems.push(RowProblem::of_kind(self.line, column.name, FieldErrorKind::NotUtf8, value));
                None
            }
        }
    }

    fn fail(&mut self, column: Option<Col>, message: &str, value: &str) {
        let name = column.map_or("", |c| c.name);
        self.problems.push(problem(self.line, name, message, Some(value)));
    }

    /// A whole number (`12`, or `12.0` as pandas writes it) and its text;
    /// `None` when empty, or not a number (then a problem is recorded).
    fn number(&mut self, column: Option<Col>) -> Option<(u64, &'r str)> {
        let text = self.text(column).filter(|t| !t.is_empty())?;
        let number = whole_number(text);
        if number.is_none() {
            self.fail(column, "not a whole number of 0 or more in the UCDP GED layouts", text);
        }
        number.map(|n| (n, text))
    }

    fn whole(&mut self, column: Option<Col>) -> Option<u64> {
        self.number(column).map(|(n, _)| n)
    }

    /// A date of any UCDP layout as `YYYY-MM-DD`, and its text; `None`
    /// when empty, or not a date (then a problem is recorded).
    fn date(&mut self, column: Option<Col>) -> Option<(String, &'r str)> {
        let text = self.text(column).filter(|t| !t.is_empty())?;
        let date = iso_date(text);
        if date.is_none() {
            self.fail(
                column,
                "not a date in the UCDP GED layouts (YYYY-MM-DD or MM/DD/YYYY, with an optional time)",
                text,
            );
        }
        date.map(|d| (d, text))
    }
}

/// Maps one record into `mapped`; returns the problems found.
fn map_row(
    columns: &Columns,
    layout: Layout,
    header_len: usize,
    line: u64,
    record: &ByteRecord,
    mapped: &mut Mapped,
) -> Vec<RowProblem> {
    mapped.clear();
    let mut f = Fields { record, line, problems: Vec::new() };
    // the web tool ends every data row with one more, empty, field
    let trailing_empty =
        record.len() == header_len + 1 && record.get(header_len).is_some_and(|b| b.trim_ascii().is_empty());
    if record.len() != header_len && !trailing_empty {
        let kind = FieldErrorKind::FieldCount { found: record.len(), expected: header_len };
        f.problems.push(RowProblem::of_kind(line, "", kind, None));
    }

    let id = f.text(columns.id);
    let event = match id {
        None => None,
        Some("") => {
            f.fail(columns.id, "the UCDP event id is missing", "");
            None
        }
        Some(id) => {
            let number = whole_number(id);
            if number.is_none() {
                f.fail(columns.id, "not a UCDP event id (a whole number)", id);
            }
            number
        }
    };
    if let Some(event) = event {
        mapped.set(Column::Id, format!("ucdp:{event}"));
    }

    // dates
    let start_text = f.text(columns.date_start);
    if start_text == Some("") {
        f.fail(columns.date_start, "the event's first day is missing", "");
    }
    let start = start_text.and_then(|_| f.date(columns.date_start));
    let end = f.date(columns.date_end);
    if let (Some((start, _)), Some((end, end_text))) = (&start, &end)
        && end < start
    {
        f.fail(columns.date_end, &format!("is before date_start ({start})"), end_text);
    }
    if let Some((start, _)) = &start {
        mapped.set(Column::Date, start.as_str());
        if let Some((end, _)) = end.filter(|(end, _)| end != start) {
            mapped.set(Column::DateEnd, end);
        }
    }
    if let Some((code, text)) = f.number(columns.date_prec) {
        match mapping::date_precision(code) {
            Some(precision) => mapped.set(Column::DatePrecision, precision),
            None => f.fail(columns.date_prec, "not a UCDP date precision (1 to 5)", text),
        }
    }

    // place
    let country = f.text(columns.country).unwrap_or("");
    let country = if country.is_empty() { f.text(columns.iso3).unwrap_or("") } else { country };
    mapped.set_some(Column::Country, country);
    mapped.set_some(Column::Admin1, f.text(columns.adm_1).unwrap_or(""));
    mapped.set_some(Column::Location, f.text(columns.where_coordinates).unwrap_or(""));
    mapped.set_some(Column::Latitude, f.text(columns.latitude).unwrap_or(""));
    mapped.set_some(Column::Longitude, f.text(columns.longitude).unwrap_or(""));
    if let Some((code, text)) = f.number(columns.where_prec) {
        match mapping::geo_precision(code) {
            Some(precision) => mapped.set(Column::GeoPrecision, precision),
            None => f.fail(columns.where_prec, "not a UCDP place precision (1 to 7)", text),
        }
    }

    // who, against whom
    let side_a = f.text(columns.side_a).unwrap_or("");
    let side_b = f.text(columns.side_b).unwrap_or("");
    let violence = f.text(columns.type_of_violence).and_then(|text| {
        let violence = whole_number(text).and_then(Violence::from_code);
        if violence.is_none() {
            f.fail(columns.type_of_violence, "not a UCDP type of violence (1, 2 or 3)", text);
        }
        violence
    });
    let deaths_a = f.whole(columns.deaths_a);
    let deaths_b = f.whole(columns.deaths_b);
    if let Some(violence) = violence {
        let attribution = mapping::attribute(violence, side_a, side_b);
        let perpetrator = match attribution.perpetrator {
            Some(mapping::IS_SIDE) => {
                let admin1 = f.text(columns.adm_1).unwrap_or("");
                mapping::is_province(country, admin1).unwrap_or(mapping::IS_SIDE)
            }
            other => other.unwrap_or("unknown"),
        };
        mapped.set(Column::Perpetrator, perpetrator);
        mapped.set(Column::Target, attribution.target);
        mapped.set(Column::Method, attribution.method);
        let perpetrators_killed = match attribution.perpetrator_side {
            Some(Side::A) => deaths_a,
            Some(Side::B) => deaths_b,
            None => None,
        };
        if let Some(n) = perpetrators_killed {
            mapped.set(Column::PerpetratorsKilled, n.to_string());
        }
    }

    // deaths: UCDP's best estimate counts every side's dead; Vigie's
    // `killed` counts victims only, so the perpetrator side's deaths come
    // off. No wounded, no kidnapped.
    let best = f.whole(columns.best);
    let low = f.whole(columns.low);
    let high = f.whole(columns.high);
    if let Some(best) = best {
        let perpetrators = mapped.get(Column::PerpetratorsKilled).and_then(|n| n.parse::<u64>().ok());
        let perpetrators = perpetrators.filter(|&n| n <= best).unwrap_or(0);
        let victims = best - perpetrators;
        mapped.set(Column::Killed, victims.to_string());
        // the low and high estimates, the perpetrator side's deaths off too
        // (UCDP gives them for the best estimate only), kept around the best
        let low = low.map(|low| low.saturating_sub(perpetrators).min(victims));
        let high = high.map(|high| high.saturating_sub(perpetrators).max(victims));
        if low.is_some_and(|low| low != victims) || high.is_some_and(|high| high != victims) {
            for (column, bound) in [(Column::KilledLow, low), (Column::KilledHigh, high)] {
                if let Some(bound) = bound {
                    mapped.set(column, bound.to_string());
                }
            }
        }
    }

    // description and citation
    let dyad = f.text(columns.dyad_name).unwrap_or("");
    let place = f.text(columns.where_description).unwrap_or("");
    let headline = f.text(columns.source_headline).unwrap_or("");
    mapped.set(Column::Description, description(violence, dyad, side_a, side_b, place, headline, best, low, high));
    let article = f.text(columns.source_article).unwrap_or("");
    let office = f.text(columns.source_office).unwrap_or("");
    let date = f.text(columns.source_date).unwrap_or("");
    let event = event.map_or_else(|| id.unwrap_or("").to_string(), |e| e.to_string());
    let mut sources = format!("UCDP GED {}, event {event}", layout.short());
    for citation in citations(article, office, date) {
        sources.push_str(" ; ");
        sources.push_str(&citation);
    }
    mapped.set(Column::Sources, cap(sources));
    f.problems
}

/// "One-sided violence: JNIM - Civilians. Where: Nouna, Kossi province.
/// Headlines: Burkina Faso OCTOBER 2023", with UCDP's low and high
/// estimates when they differ from the best one.
#[allow(clippy::too_many_arguments)]
fn description(
    violence: Option<Violence>,
    dyad: &str,
    side_a: &str,
    side_b: &str,
    place: &str,
    headline: &str,
    best: Option<u64>,
    low: Option<u64>,
    high: Option<u64>,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    let dyad = if dyad.is_empty() && !(side_a.is_empty() && side_b.is_empty()) {
        format!("{side_a} - {side_b}")
    } else {
        dyad.to_string()
    };
    match (violence, dyad.is_empty()) {
        (Some(violence), false) => parts.push(format!("{}: {dyad}", violence.label())),
        (Some(violence), true) => parts.push(violence.label().to_string()),
        (None, false) => parts.push(dyad),
        (None, true) => {}
    }
    let place = squeeze(place);
    if !place.is_empty() {
        parts.push(format!("Where: {place}"));
    }
    // UCDP joins the headlines of several articles with ";"
    let headlines: Vec<String> = headline.split(';').map(squeeze).filter(|h| !h.is_empty()).collect();
    if !headlines.is_empty() {
        parts.push(format!("Headlines: {}", headlines.join("; ")));
    }
    if let (Some(best), Some(low), Some(high)) = (best, low, high)
        && (low != best || high != best)
    {
        parts.push(format!("UCDP deaths estimate: best {best}, low {low}, high {high}"));
    }
    let mut text = String::new();
    for part in parts {
        if !text.is_empty() {
            text.push_str(if text.ends_with(['.', '!', '?']) { " " } else { ". " });
        }
        text.push_str(&part);
    }
    cap(text)
}

/// The citations of a row: each article of `source_article` (UCDP writes
/// `"Office,date,headline";"Office,date,headline"`), or else each office of
/// `source_office` with its date (both `;`-separated).
fn citations(article: &str, office: &str, date: &str) -> Vec<String> {
    let mut out: Vec<String> = split_articles(article)
        .into_iter()
        .map(|item| squeeze(item.trim().trim_matches('"').trim()).replace(" ; ", "; "))
        .filter(|item| !item.is_empty())
        .collect();
    if out.is_empty() && !office.is_empty() {
        let dates: Vec<&str> = date.split(';').map(str::trim).collect();
        for (i, office) in office.split(';').map(str::trim).filter(|o| !o.is_empty()).enumerate() {
            match dates.get(i).filter(|d| !d.is_empty()) {
                Some(date) => out.push(format!("{office}, {date}")),
                None => out.push(office.to_string()),
            }
        }
    }
    out
}

/// Splits at `";"` (spaces allowed around the semicolon).
fn split_articles(article: &str) -> Vec<&str> {
    let bytes = article.as_bytes();
    let mut items = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] == b' ' {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b';' {
                let mut k = j + 1;
                while k < bytes.len() && bytes[k] == b' ' {
                    k += 1;
                }
                if k < bytes.len() && bytes[k] == b'"' {
                    // all split points are ASCII: the slices stay on char boundaries
                    items.push(&article[start..=i]);
                    start = k;
                    i = k + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    items.push(&article[start..]);
    items
}

/// Runs of whitespace (newlines included) become one space.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Keeps a text within the validator's limit.
fn cap(text: String) -> String {
    if text.chars().count() <= MAX_TEXT {
        return text;
    }
    let mut short: String = text.chars().take(MAX_TEXT - 1).collect();
    short.push('…');
    short
}

/// `12`, or `12.0`/`12.00` as pandas writes numbers.
fn whole_number(text: &str) -> Option<u64> {
    let text = text.trim();
    let (digits, fraction) = text.split_once('.').unwrap_or((text, ""));
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b == b'0') {
        return None;
    }
    digits.parse().ok()
}

/// `YYYY-MM-DD`, `YYYY-MM-DD 00:00:00.000` or `MM/DD/YYYY HH:MM:SS` (the
/// time, if any, is dropped) as `YYYY-MM-DD`, if it is a real day.
fn iso_date(text: &str) -> Option<String> {
    let text = text.trim();
    let (date, time) = match text.find([' ', 'T']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    };
    let time = time.trim();
    let time = ["AM", "PM", "am", "pm"].iter().find_map(|m| time.strip_suffix(m)).unwrap_or(time);
    let time_ok = time.trim_end().bytes().all(|b| b.is_ascii_digit() || b == b':' || b == b'.');
    if !time_ok {
        return None;
    }
    let iso = if date.contains('/') {
        let mut parts = date.split('/');
        let (month, day, year) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || !(1..=2).contains(&month.len()) || !(1..=2).contains(&day.len()) || year.len() != 4
        {
            return None;
        }
        format!("{year}-{month:0>2}-{day:0>2}")
    } else {
        date.to_string()
    };
    parse_iso_date(&iso).map(|_| iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers() {
        assert_eq!(whole_number("15960.0"), Some(15960));
        assert_eq!(whole_number("12"), Some(12));
        assert_eq!(whole_number(" 3.00 "), Some(3));
        assert_eq!(whole_number("3.5"), None);
        assert_eq!(whole_number("-1"), None);
        assert_eq!(whole_number(".0"), None);
        assert_eq!(whole_number(""), None);
        assert_eq!(whole_number("99999999999999999999999"), None);
    }

    #[test]
    fn dates_of_every_layout() {
        assert_eq!(iso_date("2013-01-03 00:00:00.000").as_deref(), Some("2013-01-03"));
        assert_eq!(iso_date("2015-05-11").as_deref(), Some("2015-05-11"));
        assert_eq!(iso_date("10/06/2023 00:00:00").as_deref(), Some("2023-10-06"));
        assert_eq!(iso_date("3/7/2020").as_deref(), Some("2020-03-07"));
        assert_eq!(iso_date("3/7/2020 12:00:00 AM").as_deref(), Some("2020-03-07"));
        assert_eq!(iso_date("2023-02-31"), None);
        assert_eq!(iso_date("02/31/2023 00:00:00"), None);
        assert_eq!(iso_date("31/12/2023"), None);
        assert_eq!(iso_date("2023-12-01 noon"), None);
        assert_eq!(iso_date("2023-12-01 AM"), Some("2023-12-01".into()));
        assert_eq!(iso_date("2023-12-01 1 2"), None);
        assert_eq!(iso_date("é/é/é"), None);
        assert_eq!(iso_date("2023"), None);
    }

    #[test]
    fn citations_from_articles_or_offices() {
        assert_eq!(
            citations(
                "\"Support Kurds in Syria,2013-01-03, Thursday 3 January 2013\";\"VDC,2013-01-03,Abdul Satar\"",
                "Support Kurds in Syria;VDC",
                "2013-01-03;2013-01-03"
            ),
            ["Support Kurds in Syria,2013-01-03, Thursday 3 January 2013", "VDC,2013-01-03,Abdul Satar"]
        );
        assert_eq!(
            citations("AFP 2009-07-27 \"65 dead\"; \"Nigerian Islamist militants attack another town", "", ""),
            ["AFP 2009-07-27 \"65 dead", "Nigerian Islamist militants attack another town"]
        );
        assert_eq!(citations("", "BBC;AFP", "2013-12-14"), ["BBC, 2013-12-14", "AFP"]);
        assert!(citations("", "", "").is_empty());
    }

    #[test]
    fn descriptions() {
        let text = description(
            Some(Violence::OneSided),
            "JNIM - Civilians",
            "JNIM",
            "Civilians",
            "Nouna, Kossi province",
            "Burkina Faso OCTOBER 2023",
            Some(12),
            Some(0),
            Some(12),
        );
        assert_eq!(
            text,
            "One-sided violence: JNIM - Civilians. Where: Nouna, Kossi province. Headlines: Burkina Faso OCTOBER \
             2023. UCDP deaths estimate: best 12, low 0, high 12"
        );
        assert_eq!(
            description(Some(Violence::NonState), "", "A", "B", "", "", Some(1), Some(1), Some(1)),
            "Non-state conflict: A - B"
        );
    }

    #[test]
    fn texts_are_capped() {
        assert_eq!(cap("x".repeat(MAX_TEXT + 5)).chars().count(), MAX_TEXT);
        assert_eq!(cap("short".into()), "short");
    }
}
