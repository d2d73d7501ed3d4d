//! Reader of the Global Terrorism Database (GTD) release: the CSV of START
//! (University of Maryland), 135 columns (134 in releases without
//! `individual`), Windows-1252 text, CRLF line ends. Each row becomes one
//! incident's native values; the categories are mapped by
//! `crate::mapping::gtd`. The rules are documented in `docs/mapping-gtd.md`.
//!
//! GTD conventions handled here: `-9` and `-99` (and empty) mean unknown;
//! `imonth`/`iday` 0 mean unknown (precision `year`/`month`); `nkill` and
//! `nwound` include the perpetrators (`nkillter`, `nwoundte`), who are
//! taken out; figures may be written `12.0`.

use std::borrow::Cow;
use std::io::Read;

use csv::ByteRecord;
use encoding_rs::WINDOWS_1252;
use vigie_domain::incident::Column;

use super::{DatasetOptions, Header, Mapped, problem};
use crate::mapping::gtd as mapping;
use crate::records::Records;
use crate::{ReadError, Row, RowProblem};
use vigie_domain::FieldErrorKind;

/// The columns of the release, in order (the 2017 and later releases).
pub const COLUMNS: [&str; 135] = [
    "eventid",
    "iyear",
    "imonth",
    "iday",
    "approxdate",
    "extended",
    "resolution",
    "country",
    "country_txt",
    "region",
    "region_txt",
    "provstate",
    "city",
    "latitude",
    "longitude",
    "specificity",
    "vicinity",
    "location",
    "summary",
    "crit1",
    "crit2",
    "crit3",
    "doubtterr",
    "alternative",
    "alternative_txt",
    "multiple",
    "success",
    "suicide",
    "attacktype1",
    "attacktype1_txt",
    "attacktype2",
    "attacktype2_txt",
    "attacktype3",
    "attacktype3_txt",
    "targtype1",
    "targtype1_txt",
    "targsubtype1",
    "targsubtype1_txt",
    "corp1",
    "target1",
    "natlty1",
    "natlty1_txt",
    "targtype2",
    "targtype2_txt",
    "targsubtype2",
    "targsubtype2_txt",
    "corp2",
    "target2",
    "natlty2",
    "natlty2_txt",
    "targtype3",
    "targtype3_txt",
    "targsubtype3",
    "targsubtype3_txt",
    "corp3",
    "target3",
    "natlty3",
    "natlty3_txt",
    "gname",
    "gsubname",
    "gname2",
    "gsubname2",
    "gname3",
    "gsubname3",
    "motive",
    "guncertain1",
    "guncertain2",
    "guncertain3",
    "individual",
    "nperps",
    "nperpcap",
    "claimed",
    "claimmode",
    "claimmode_txt",
    "claim2",
    "claimmode2",
    "claimmode2_txt",
    "claim3",
    "claimmode3",
    "claimmode3_txt",
    "compclaim",
    "weaptype1",
    "weaptype1_txt",
    "weapsubtype1",
    "weapsubtype1_txt",
    "weaptype2",
    "weaptype2_txt",
    "weapsubtype2",
    "weapsubtype2_txt",
    "weaptype3",
    "weaptype3_txt",
    "weapsubtype3",
    "weapsubtype3_txt",
    "weaptype4",
    "weaptype4_txt",
    "weapsubtype4",
    "weapsubtype4_txt",
    "weapdetail",
    "nkill",
    "nkillus",
    "nkillter",
    "nwound",
    "nwoundus",
    "nwoundte",
    "property",
    "propextent",
    "propextent_txt",
    "propvalue",
    "propcomment",
    "ishostkid",
    "nhostkid",
    "nhostkidus",
    "nhours",
    "ndays",
    "divert",
    "kidhijcountry",
    "ransom",
    "ransomamt",
    "ransomamtus",
    "ransompaid",
    "ransompaidus",
    "ransomnote",
    "hostkidoutcome",
    "hostkidoutcome_txt",
    "nreleased",
    "addnotes",
    "scite1",
    "scite2",
    "scite3",
    "dbsource",
    "INT_LOG",
    "INT_IDEO",
    "INT_MISC",
    "INT_ANY",
    "related",
];

/// The column added in the 2017 release; older ones have the 134 others.
const INDIVIDUAL: &str = "individual";

pub const LAYOUT_RELEASE: &str = "GTD release (135 columns)";
pub const LAYOUT_OLD_RELEASE: &str = "GTD release without `individual` (134 columns)";
pub const LAYOUT_OTHER: &str = "GTD columns (not the release's 135 in order; read by name)";

/// The GTD columns the reader uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum F {
    EventId,
    IYear,
    IMonth,
    IDay,
    ApproxDate,
    Extended,
    Resolution,
    CountryTxt,
    ProvState,
    City,
    Latitude,
    Longitude,
    Specificity,
    Vicinity,
    Summary,
    DoubtTerr,
    Suicide,
    AttackType,
    TargType,
    GName,
    WeapType,
    NKill,
    NKillTer,
    NWound,
    NWoundTe,
    IsHostKid,
    NHostKid,
    Scite1,
    Scite2,
    Scite3,
}

const USED: usize = 30;

impl F {
    const ALL: [F; USED] = [
        F::EventId,
        F::IYear,
        F::IMonth,
        F::IDay,
        F::ApproxDate,
        F::Extended,
        F::Resolution,
        F::CountryTxt,
        F::ProvState,
        F::City,
        F::Latitude,
        F::Longitude,
        F::Specificity,
        F::Vicinity,
        F::Summary,
        F::DoubtTerr,
        F::Suicide,
        F::AttackType,
        F::TargType,
        F::GName,
        F::WeapType,
        F::NKill,
        F::NKillTer,
        F::NWound,
        F::NWoundTe,
        F::IsHostKid,
        F::NHostKid,
        F::Scite1,
        F::Scite2,
        F::Scite3,
    ];

    /// Without these a file is not a GTD file (or not one we can map).
    const REQUIRED: [F; 12] = [
        F::EventId,
        F::IYear,
        F::IMonth,
        F::IDay,
        F::CountryTxt,
        F::AttackType,
        F::TargType,
        F::GName,
        F::NKill,
        F::NKillTer,
        F::NWound,
        F::NWoundTe,
    ];

    fn name(self) -> &'static str {
        match self {
            F::EventId => "eventid",
            F::IYear => "iyear",
            F::IMonth => "imonth",
            F::IDay => "iday",
            F::ApproxDate => "approxdate",
            F::Extended => "extended",
            F::Resolution => "resolution",
            F::CountryTxt => "country_txt",
            F::ProvState => "provstate",
            F::City => "city",
            F::Latitude => "latitude",
            F::Longitude => "longitude",
            F::Specificity => "specificity",
            F::Vicinity => "vicinity",
            F::Summary => "summary",
            F::DoubtTerr => "doubtterr",
            F::Suicide => "suicide",
            F::AttackType => "attacktype1_txt",
            F::TargType => "targtype1_txt",
            F::GName => "gname",
            F::WeapType => "weaptype1_txt",
            F::NKill => "nkill",
            F::NKillTer => "nkillter",
            F::NWound => "nwound",
            F::NWoundTe => "nwoundte",
            F::IsHostKid => "ishostkid",
            F::NHostKid => "nhostkid",
            F::Scite1 => "scite1",
            F::Scite2 => "scite2",
            F::Scite3 => "scite3",
        }
    }
}

pub struct GtdReader<R: Read> {
    records: Records<R>,
    /// Where each used column is in a record.
    positions: [Option<usize>; USED],
    width: usize,
    layout: &'static str,
    mapped: Mapped,
}

impl<R: Read> GtdReader<R> {
    /// Reads and checks the header: every required column must be there
    /// (found by name, in any order and case).
    pub fn new(input: R, _options: DatasetOptions) -> Result<GtdReader<R>, ReadError> {
        let mut records = Records::new(input);
        let Some((line, record)) = records.next_record()? else {
            return Err(ReadError::Header(vec![problem(
                1,
                "",
                "the file is empty: expected the GTD header row",
                None,
            )]));
        };
        let header = Header::new(record.iter());
        let positions = F::ALL.map(|f| header.position(f.name()));
        let problems: Vec<RowProblem> = F::REQUIRED
            .iter()
            .filter(|f| positions[**f as usize].is_none())
            .map(|f| problem(line, f.name(), "required GTD column is missing from the header", None))
            .collect();
        if !problems.is_empty() {
            return Err(ReadError::Header(problems));
        }
        Ok(GtdReader { records, positions, width: header.len(), layout: layout(&header), mapped: Mapped::default() })
    }

    /// The layout recognised, for the summary.
    pub fn layout(&self) -> &'static str {
        self.layout
    }

    /// Rows left out on purpose: none, every GTD row is an attack.
    pub fn skipped(&self) -> u64 {
        0
    }

    /// Calls `visit` for each data row, in order; stops at the first error
    /// `visit` returns.
    pub fn for_each<E: From<ReadError>>(&mut self, mut visit: impl FnMut(Row<'_>) -> Result<(), E>) -> Result<(), E> {
        let GtdReader { records, positions, width, mapped, .. } = self;
        while let Some((line, record)) = records.next_record()? {
            mapped.clear();
            let mut problems = Vec::new();
            let row = Fields { record, positions, line };
            if record.len() == *width {
                map_row(&row, mapped, &mut problems);
            } else {
                let kind = FieldErrorKind::FieldCount { found: record.len(), expected: *width };
                problems.push(RowProblem::of_kind(line, "", kind, None));
                // the fields are shifted: only the id, if it is there, for the rejects file
                let eventid = row.text(F::EventId);
                if is_event_id(eventid.trim()) {
                    mapped.set(Column::Id, format!("gtd:{}", eventid.trim()));
                }
            }
            visit(Row { line, raw: mapped.raw(), problems })?;
        }
        Ok(())
    }
}

/// The layout a header shows.
fn layout(header: &Header) -> &'static str {
    let is = |columns: &[&str]| {
        columns.len() == header.len() && columns.iter().enumerate().all(|(i, c)| c.eq_ignore_ascii_case(header.name(i)))
    };
    let without_individual: Vec<&str> = COLUMNS.iter().copied().filter(|c| *c != INDIVIDUAL).collect();
    if is(&COLUMNS) {
        LAYOUT_RELEASE
    } else if is(&without_individual) {
        LAYOUT_OLD_RELEASE
    } else {
        LAYOUT_OTHER
    }
}

/// One record's fields by GTD column, decoded.
struct Fields<'r> {
    record: &'r ByteRecord,
    positions: &'r [Option<usize>; USED],
    line: u64,
}

impl<'r> Fields<'r> {
    /// The field's text ("" when the column is absent): Windows-1252, the
    /// release's encoding, unless the field is valid UTF-8 (a copy saved
    /// again as UTF-8; Windows-1252 text with accents is practically never
    /// valid UTF-8).
    fn text(&self, f: F) -> Cow<'r, str> {
        let bytes = self.positions[f as usize].and_then(|i| self.record.get(i)).unwrap_or_default();
        match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
        }
    }

    fn problem(&self, f: F, message: impl Into<String>, value: &str) -> RowProblem {
        problem(self.line, f.name(), message, Some(value))
    }

    /// A GTD figure: a whole number ≥ 0 (`12` or `12.0`); `None` when empty,
    /// `-9` or `-99` (unknown).
    fn figure(&self, f: F, problems: &mut Vec<RowProblem>) -> Option<u32> {
        let text = self.text(f);
        figure(text.trim()).unwrap_or_else(|()| {
            problems.push(self.problem(
                f,
                "not a GTD figure: a whole number, or -9, -99 or empty when not known",
                &text,
            ));
            None
        })
    }

    /// A GTD yes/no variable: 1, 0, or -9 (or empty) when not known.
    fn flag(&self, f: F, problems: &mut Vec<RowProblem>) -> Option<bool> {
        let text = self.text(f);
        match figure(text.trim()) {
            Ok(Some(1)) => Some(true),
            Ok(Some(0)) => Some(false),
            Ok(None) => None,
            _ => {
                problems.push(self.problem(f, "not a GTD yes/no value: 1, 0, or -9 or empty when not known", &text));
                None
            }
        }
    }

    /// The text, trimmed, `None` when empty or the GTD's "Unknown".
    fn place(&self, f: F) -> Option<String> {
        let text = self.text(f);
        let text = text.trim();
        (!text.is_empty() && !text.eq_ignore_ascii_case("unknown")).then(|| text.to_string())
    }
}

/// `Ok(None)` for unknown (empty, -9, -99), `Err` for anything but a whole
/// number that fits.
fn figure(text: &str) -> Result<Option<u32>, ()> {
    if text.is_empty() {
        return Ok(None);
    }
    let value: f64 = text.parse().map_err(|_| ())?;
    if value == -9.0 || value == -99.0 {
        return Ok(None);
    }
    if !value.is_finite() || value < 0.0 || value.fract() != 0.0 || value > f64::from(u32::MAX) {
        return Err(());
    }
    Ok(Some(value as u32))
}

fn is_event_id(text: &str) -> bool {
    (1..=20).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A calendar date as (year, month, day), when it exists.
fn checked(year: u32, month: u32, day: u32) -> Option<(u32, u32, u32)> {
    ((1..=9999).contains(&year) && (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day))
        .then_some((year, month, day))
}

fn iso((year, month, day): (u32, u32, u32)) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// `resolution`: `M/D/YYYY` (the release's CSV, written by Excel) or
/// `YYYY-MM-DD`, either possibly followed by a time.
fn resolution_date(text: &str) -> Option<(u32, u32, u32)> {
    let date = text.split([' ', 'T']).next()?;
    let numbers = |separator: char| -> Option<Vec<u32>> {
        let parts: Vec<&str> = date.split(separator).collect();
        let valid = parts.len() == 3
            && parts.iter().all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
        valid.then(|| parts.iter().filter_map(|p| p.parse().ok()).collect())
    };
    if let Some(n) = numbers('-').filter(|n| n.len() == 3) {
        return checked(n[0], n[1], n[2]).filter(|_| date.len() == 10);
    }
    if let Some(n) = numbers('/').filter(|n| n.len() == 3 && n[2] >= 1000) {
        return checked(n[2], n[0], n[1]);
    }
    None
}

/// Maps one GTD row of the header's width onto the native values.
fn map_row(row: &Fields<'_>, mapped: &mut Mapped, problems: &mut Vec<RowProblem>) {
    // id and citation
    let eventid = row.text(F::EventId);
    let eventid = eventid.trim();
    if is_event_id(eventid) {
        mapped.set(Column::Id, format!("gtd:{eventid}"));
    } else {
        problems.push(row.problem(F::EventId, "not a GTD event id: digits, e.g. 201903150007", eventid));
    }
    let mut sources = vec![format!("GTD, event {eventid}")];
    for f in [F::Scite1, F::Scite2, F::Scite3] {
        let text = row.text(f);
        if !text.trim().is_empty() {
            sources.push(text.trim().to_string());
        }
    }
    mapped.set(Column::Sources, sources.join(" ; "));

    // date: iyear-imonth-iday, 0 = unknown
    let year_text = row.text(F::IYear);
    let year = match figure(year_text.trim()) {
        Ok(Some(year)) if (1000..=9999).contains(&year) => Some(year),
        _ => {
            problems.push(row.problem(F::IYear, "not a year in the GTD layout (e.g. 2019)", &year_text));
            None
        }
    };
    let month_text = row.text(F::IMonth);
    let month = match figure(month_text.trim()) {
        Ok(Some(month)) if month <= 12 => Some(month),
        _ => {
            problems.push(row.problem(F::IMonth, "not a GTD month: 1 to 12, or 0 when not known", &month_text));
            None
        }
    };
    let day_text = row.text(F::IDay);
    let day = match figure(day_text.trim()) {
        Ok(Some(day)) if day <= 31 => Some(day),
        _ => {
            problems.push(row.problem(F::IDay, "not a GTD day: 1 to 31, or 0 when not known", &day_text));
            None
        }
    };
    let mut start = None;
    if let (Some(year), Some(month), Some(day)) = (year, month, day) {
        let (date, precision) = match (month, day) {
            (0, _) => (checked(year, 1, 1), "year"),
            (_, 0) => (checked(year, month, 1), "month"),
            _ => (checked(year, month, day), "day"),
        };
        match date {
            Some(date) => {
                mapped.set(Column::Date, iso(date));
                mapped.set(Column::DatePrecision, precision);
                start = Some(date);
            }
            None => problems.push(row.problem(
                F::IDay,
                format!("no such day in {year:04}-{month:02} (iyear-imonth)"),
                &day_text,
            )),
        }
    }
    // an extended incident ends on `resolution`, when that is a later date
    if row.flag(F::Extended, problems) == Some(true) {
        let text = row.text(F::Resolution);
        let text = text.trim();
        if !text.is_empty() {
            match resolution_date(text) {
                Some(end) if start.is_some_and(|start| end > start) => mapped.set(Column::DateEnd, iso(end)),
                Some(_) => {}
                None => problems.push(row.problem(F::Resolution, "not a date: M/D/YYYY or YYYY-MM-DD", text)),
            }
        }
    }

    // place
    mapped.set_some(Column::Country, &row.text(F::CountryTxt));
    if let Some(admin1) = row.place(F::ProvState) {
        mapped.set(Column::Admin1, admin1);
    }
    if let Some(city) = row.place(F::City) {
        mapped.set(Column::Location, city);
    }
    coordinates(row, mapped, problems);
    let vicinity = row.flag(F::Vicinity, problems) == Some(true);
    let specificity = row.text(F::Specificity);
    match figure(specificity.trim()).map(|n| n.map(|n| mapping::geo_precision(&n.to_string(), vicinity))) {
        Ok(None) => {}
        Ok(Some(Some(precision))) => mapped.set(Column::GeoPrecision, precision),
        _ => problems.push(row.problem(F::Specificity, "not a GTD specificity: 1 to 5", &specificity)),
    }

    // who, against whom, how
    mapped.set(Column::Perpetrator, mapping::perpetrator(&row.text(F::GName)));
    mapped.set(Column::Target, mapping::target(&row.text(F::TargType)).code());
    let suicide = row.flag(F::Suicide, problems) == Some(true);
    mapped.set(Column::Method, mapping::method(&row.text(F::AttackType), &row.text(F::WeapType), suicide).code());

    // figures: victims only, the perpetrators taken out when known
    let nkill = row.figure(F::NKill, problems);
    let nkillter = row.figure(F::NKillTer, problems);
    let nwound = row.figure(F::NWound, problems);
    let nwoundte = row.figure(F::NWoundTe, problems);
    let victims = |all: Option<u32>, perpetrators: Option<u32>| match (all, perpetrators) {
        // more perpetrators than people: the figures disagree, say unknown
        (Some(all), Some(perpetrators)) => all.checked_sub(perpetrators),
        (all, None) => all,
        (None, Some(_)) => None,
    };
    if let Some(killed) = victims(nkill, nkillter) {
        mapped.set(Column::Killed, killed.to_string());
    }
    if let Some(wounded) = victims(nwound, nwoundte) {
        mapped.set(Column::Wounded, wounded.to_string());
    }
    if let Some(perpetrators) = nkillter {
        mapped.set(Column::PerpetratorsKilled, perpetrators.to_string());
    }
    let hostages = row.flag(F::IsHostKid, problems);
    let nhostkid = row.figure(F::NHostKid, problems);
    let kidnapped = match hostages {
        Some(true) => nhostkid,
        Some(false) => Some(0),
        None => None,
    };
    if let Some(kidnapped) = kidnapped {
        mapped.set(Column::Kidnapped, kidnapped.to_string());
    }

    // description: the summary, with the GTD's own doubts
    let mut description = row.text(F::Summary).trim().to_string();
    let approximate = row.text(F::ApproxDate);
    if !approximate.trim().is_empty() {
        push_note(&mut description, &format!("[GTD approximate date: {}]", approximate.trim()));
    }
    if row.flag(F::DoubtTerr, problems) == Some(true) {
        push_note(&mut description, "[GTD: doubt that this is terrorism (doubtterr = 1)]");
    }
    mapped.set_some(Column::Description, &description);
}

fn push_note(description: &mut String, note: &str) {
    if !description.is_empty() {
        description.push(' ');
    }
    description.push_str(note);
}

/// Latitude and longitude as given; a number out of range (the release has
/// such a typo) leaves both unknown rather than rejecting the attack.
fn coordinates(row: &Fields<'_>, mapped: &mut Mapped, problems: &mut Vec<RowProblem>) {
    let mut values = [None, None];
    for (slot, (f, limit)) in values.iter_mut().zip([(F::Latitude, 90.0), (F::Longitude, 180.0)]) {
        let text = row.text(f);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() => *slot = Some((text.to_string(), (-limit..=limit).contains(&value))),
            _ => problems.push(row.problem(f, "not a number: decimal degrees", text)),
        }
    }
    if let [Some((latitude, true)), Some((longitude, true))] = values {
        mapped.set(Column::Latitude, latitude);
        mapped.set(Column::Longitude, longitude);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_follow_the_gtd_conventions() {
        assert_eq!(figure(""), Ok(None));
        assert_eq!(figure("-9"), Ok(None));
        assert_eq!(figure("-99"), Ok(None));
        assert_eq!(figure("-9.0"), Ok(None));
        assert_eq!(figure("12.0"), Ok(Some(12)));
        assert_eq!(figure("0"), Ok(Some(0)));
        assert_eq!(figure("-3"), Err(()));
        assert_eq!(figure("2.5"), Err(()));
        assert_eq!(figure("NaN"), Err(()));
        assert_eq!(figure("inf"), Err(()));
        assert_eq!(figure("many"), Err(()));
        assert_eq!(figure("99999999999"), Err(()));
    }

    #[test]
    fn resolution_dates() {
        assert_eq!(resolution_date("2/27/2021"), Some((2021, 2, 27)));
        assert_eq!(resolution_date("2021-02-27"), Some((2021, 2, 27)));
        assert_eq!(resolution_date("2021-02-27 00:00:00"), Some((2021, 2, 27)));
        assert_eq!(resolution_date("2/30/2021"), None);
        assert_eq!(resolution_date("27/2/21"), None);
        assert_eq!(resolution_date("soon"), None);
        assert_eq!(resolution_date("2021-2-27"), None);
        assert_eq!(resolution_date(""), None);
    }

    #[test]
    fn calendar() {
        assert_eq!(checked(2020, 2, 29), Some((2020, 2, 29)));
        assert_eq!(checked(1900, 2, 29), None);
        assert_eq!(checked(2000, 2, 29), Some((2000, 2, 29)));
        assert_eq!(checked(2019, 4, 31), None);
        assert_eq!(checked(2019, 13, 1), None);
    }

    #[test]
    fn used_columns_are_indexed_in_order() {
        for (i, f) in F::ALL.iter().enumerate() {
            assert_eq!(*f as usize, i, "{}", f.name());
        }
        for f in F::REQUIRED {
            assert!(F::ALL.contains(&f));
        }
    }

    #[test]
    fn the_release_header_has_135_distinct_columns() {
        let mut names = COLUMNS.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 135);
        for f in F::ALL {
            assert!(COLUMNS.contains(&f.name()), "{}", f.name());
        }
    }
}
