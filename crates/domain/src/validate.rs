//! Validation of one incident's raw field values against the rules of
//! `docs/data-model.md#incident-fields`.
//! Every problem is reported with its column and the value that was given.

use jiff::civil::Date;

use crate::codes::{DatePrecision, Method, Status, Target};
use crate::country::countries;
use crate::group::{Group, GroupRegister, UNKNOWN_GROUP};
use crate::incident::{Column, Incident, derived_id};
use crate::month::Month;

/// The longest text a free-text field may hold.
const MAX_TEXT: usize = 20_000;
const MAX_ID: usize = 128;

/// Ids an incident may not take: the web application's fixed addresses
/// beside `/incidents/{id}`, which would hide the incident's page.
pub const RESERVED_IDS: [&str; 4] = ["import", "new", "export.csv", "export.geojson"];

/// One problem with one field of one row: where it is, what was given, and
/// what is wrong. It holds no sentence: `vigie_i18n::field_error` says it
/// in each language (the command line's in English), so that one catalogue
/// words every message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub column: String,
    pub value: String,
    /// What is wrong.
    pub kind: FieldErrorKind,
}

/// What is wrong with a field, with what a message needs to say it in any
/// language (`vigie_i18n::field_error`: one `field-error-*` message each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldErrorKind {
    Required,
    /// Required, and one of a closed list's codes.
    RequiredCode {
        codes: String,
    },
    /// A national day's date, required once its name is given.
    DayRequiredWithName,
    /// Not `YYYY-MM-DD`.
    InvalidDate,
    /// Neither `YYYY-MM-DD` nor `YYYY-MM` (a month whose day is not known).
    InvalidDayOrMonth,
    /// Not `YYYY-MM`.
    InvalidMonth,
    /// Not `MM-DD` (a day of the year).
    InvalidMonthDay,
    FutureDate {
        today: Date,
    },
    /// A month after the latest one a note may be about.
    FutureMonth {
        latest: Month,
    },
    Before1900,
    EndBeforeStart {
        start: Date,
    },
    UnknownCountry,
    /// Not one of a closed list's codes.
    UnknownCode {
        codes: String,
    },
    /// Not one of a closed list's codes, in a list of them separated by
    /// `;`.
    UnknownCodeInList {
        codes: String,
    },
    UnknownGroup,
    /// A country that is not in a region's table for a month.
    NotInRegion {
        region: String,
        month: Month,
    },
    Negative,
    NotWholeNumber,
    /// A low or high estimate of the killed without the best one.
    RangeWithoutBest,
    /// A low estimate above the best one.
    LowAboveBest {
        best: u32,
    },
    /// A high estimate below the best one.
    HighBelowBest {
        best: u32,
    },
    /// Not a whole number from `min` (and not empty).
    WholeNumberFrom {
        min: u32,
    },
    NotANumber,
    OutOfRange {
        limit: u16,
    },
    /// Given without its pair (latitude and longitude).
    MissingPair {
        other: Column,
    },
    GeoPrecision,
    TooLong {
        max: usize,
    },
    /// More images than an article may hold.
    TooManyImages {
        max: usize,
    },
    /// A character that separates values where the text is also written
    /// (the `|` of a form's line of a person).
    ReservedCharacter {
        character: String,
    },
    /// More people than an activity's counterparts may list.
    TooManyPeople {
        max: usize,
    },
    /// A line break or a tab in a one-line text.
    NotOneLine,
    /// A control character (a tab, a lone carriage return) in a text.
    ControlCharacter,
    /// None of these columns (one per language) is given.
    AtLeastOneOf {
        columns: Vec<String>,
    },
    /// The same value twice in one list (a domain, a national day).
    Repeated,
    /// An id the register of organisations does not hold.
    UnknownOrganisation,
    /// A list with another number of items than its translation in
    /// `other`, which has `expected`.
    ItemCount {
        expected: usize,
        other: String,
    },
    /// An incident id that is too long or holds spaces.
    BadId {
        max: usize,
    },
    /// An id that is not lowercase letters, digits and hyphens (an
    /// activity's, an article's, a partner's), with an example.
    BadSlug {
        max: usize,
        example: &'static str,
    },
    /// An image's file outside the article's folder.
    NotRelative,
    /// One of `RESERVED_IDS`.
    ReservedId,
    /// The same incident twice in one import.
    RepeatedId,
    /// A row of a country the importer may not write.
    CountryNotAllowed {
        allowed: Vec<crate::CountryCode>,
    },
    /// A row that would change a verified incident in an import of drafts.
    AlreadyVerified,
    /// A control character or a bidirectional override in text
    /// (`text::check`): which (`U+202E`) and at which character.
    HiddenCharacter {
        code: String,
        position: usize,
    },
    /// Markdown nested deeper than `max` levels, from `line` of the body.
    TooDeep {
        max: usize,
        line: usize,
    },
    /// A dataset file imported by someone who may not (a delegate).
    DatasetNotAllowed,
    /// An id that names no incident the importer may change (unknown, or
    /// not theirs: the same answer).
    UnknownId,
    // A file's shape, as a reader finds it (`vigie-formats`).
    /// A file without even a header row.
    EmptyFile,
    /// A header naming a column twice.
    RepeatedColumn,
    /// A header without a required column.
    MissingColumn,
    /// A header column the layout does not have.
    UnknownColumn {
        columns: String,
    },
    /// A JSON key the layout does not have.
    UnknownKey {
        keys: String,
    },
    /// A row with another number of fields than the header.
    FieldCount {
        found: usize,
        expected: usize,
    },
    /// A value that is not UTF-8.
    NotUtf8,
    /// A JSON value that is an object, a list or a boolean.
    NotStringNumberOrNull,
}

impl FieldErrorKind {
    /// A stable code of the problem, for programs (the API's errors):
    /// `required`, `invalid_date`, `unknown_group`, …
    pub fn code(&self) -> &'static str {
        match self {
            FieldErrorKind::Required => "required",
            FieldErrorKind::RequiredCode { .. } => "required_code",
            FieldErrorKind::DayRequiredWithName => "day_required_with_name",
            FieldErrorKind::InvalidDate => "invalid_date",
            FieldErrorKind::InvalidDayOrMonth => "invalid_day_or_month",
            FieldErrorKind::InvalidMonth => "invalid_month",
            FieldErrorKind::InvalidMonthDay => "invalid_month_day",
            FieldErrorKind::FutureDate { .. } => "future_date",
            FieldErrorKind::FutureMonth { .. } => "future_month",
            FieldErrorKind::Before1900 => "before1900",
            FieldErrorKind::EndBeforeStart { .. } => "end_before_start",
            FieldErrorKind::UnknownCountry => "unknown_country",
            FieldErrorKind::UnknownCode { .. } => "unknown_code",
            FieldErrorKind::UnknownCodeInList { .. } => "unknown_code_in_list",
            FieldErrorKind::UnknownGroup => "unknown_group",
            FieldErrorKind::NotInRegion { .. } => "not_in_region",
            FieldErrorKind::Negative => "negative",
            FieldErrorKind::NotWholeNumber => "not_whole_number",
            FieldErrorKind::RangeWithoutBest => "range_without_best",
            FieldErrorKind::LowAboveBest { .. } => "low_above_best",
            FieldErrorKind::HighBelowBest { .. } => "high_below_best",
            FieldErrorKind::WholeNumberFrom { .. } => "whole_number_from",
            FieldErrorKind::NotANumber => "not_a_number",
            FieldErrorKind::OutOfRange { .. } => "out_of_range",
            FieldErrorKind::MissingPair { .. } => "missing_pair",
            FieldErrorKind::GeoPrecision => "geo_precision",
            FieldErrorKind::TooLong { .. } => "too_long",
            FieldErrorKind::TooManyImages { .. } => "too_many_images",
            FieldErrorKind::ReservedCharacter { .. } => "reserved_character",
            FieldErrorKind::TooManyPeople { .. } => "too_many_people",
            FieldErrorKind::NotOneLine => "not_one_line",
            FieldErrorKind::ControlCharacter => "control_character",
            FieldErrorKind::AtLeastOneOf { .. } => "at_least_one_of",
            FieldErrorKind::Repeated => "repeated",
            FieldErrorKind::UnknownOrganisation => "unknown_organisation",
            FieldErrorKind::ItemCount { .. } => "item_count",
            FieldErrorKind::BadId { .. } => "bad_id",
            FieldErrorKind::BadSlug { .. } => "bad_slug",
            FieldErrorKind::NotRelative => "not_relative",
            FieldErrorKind::ReservedId => "reserved_id",
            FieldErrorKind::RepeatedId => "repeated_id",
            FieldErrorKind::CountryNotAllowed { .. } => "country_not_allowed",
            FieldErrorKind::AlreadyVerified => "already_verified",
            FieldErrorKind::HiddenCharacter { .. } => "hidden_character",
            FieldErrorKind::TooDeep { .. } => "too_deep",
            FieldErrorKind::DatasetNotAllowed => "dataset_not_allowed",
            FieldErrorKind::UnknownId => "unknown_id",
            FieldErrorKind::EmptyFile => "empty_file",
            FieldErrorKind::RepeatedColumn => "repeated_column",
            FieldErrorKind::MissingColumn => "missing_column",
            FieldErrorKind::UnknownColumn { .. } => "unknown_column",
            FieldErrorKind::UnknownKey { .. } => "unknown_key",
            FieldErrorKind::FieldCount { .. } => "field_count",
            FieldErrorKind::NotUtf8 => "not_utf8",
            FieldErrorKind::NotStringNumberOrNull => "not_string_number_or_null",
        }
    }
}

impl FieldError {
    pub fn new(column: impl Into<String>, kind: FieldErrorKind, value: impl Into<String>) -> FieldError {
        FieldError { column: column.into(), value: value.into(), kind }
    }
}

#[cfg(test)]
impl FieldError {
    /// `column: Kind (got "value")`: what the tests compare (the sentences
    /// are `vigie_i18n`'s, tested there).
    pub(crate) fn brief(&self) -> String {
        format!("{}: {:?} (got {:?})", self.column, self.kind, self.value)
    }
}

/// The raw text of each native column of one row; `None` when the column is
/// absent from the file.
#[derive(Debug, Clone, Default)]
pub struct RawIncident<'a> {
    values: [Option<&'a str>; Column::COUNT],
}

impl<'a> RawIncident<'a> {
    pub fn set(&mut self, column: Column, value: &'a str) {
        self.values[column.index()] = Some(value);
    }

    /// The value exactly as read, `None` when the column is absent.
    pub fn raw(&self, column: Column) -> Option<&'a str> {
        self.values[column.index()]
    }

    /// The trimmed value, `None` when absent or empty.
    pub fn get(&self, column: Column) -> Option<&'a str> {
        self.values[column.index()].map(str::trim).filter(|v| !v.is_empty())
    }
}

/// A valid incident, with the group an import must create for it, if any.
#[derive(Debug, Clone)]
pub struct Validated {
    pub incident: Incident,
    pub new_group: Option<Group>,
}

/// Validates rows with the register of groups and the rules of one import.
pub struct Validator {
    groups: GroupRegister,
    today: Date,
    /// Create groups for perpetrator names nobody knows, instead of failing.
    pub new_groups: bool,
    /// The status of rows that do not say.
    pub default_status: Status,
}

impl Validator {
    pub fn new(groups: GroupRegister, today: Date) -> Validator {
        Validator { groups, today, new_groups: false, default_status: Status::Draft }
    }

    pub fn groups(&self) -> &GroupRegister {
        &self.groups
    }

    pub fn validate(&mut self, raw: &RawIncident<'_>) -> Result<Validated, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut new_group = None;

        let date = required(raw, Column::Date, &mut errors).and_then(|v| self.date(Column::Date, v, &mut errors));
        let date_end = raw.get(Column::DateEnd).and_then(|v| self.date(Column::DateEnd, v, &mut errors));
        if let (Some(date), Some(end)) = (date, date_end)
            && end < date
        {
            errors.push(FieldError::new("date_end", FieldErrorKind::EndBeforeStart { start: date }, end.to_string()));
        }
        let date_precision = code::<DatePrecision>(raw, Column::DatePrecision, DatePrecision::Day, &mut errors);
        let country = required(raw, Column::Country, &mut errors).and_then(|v| match countries().resolve(v) {
            Some(country) => Some(country.code),
            None => {
                errors.push(FieldError::new("country", FieldErrorKind::UnknownCountry, v));
                None
            }
        });
        let latitude = coordinate(raw, Column::Latitude, 90, &mut errors);
        let longitude = coordinate(raw, Column::Longitude, 180, &mut errors);
        match (raw.get(Column::Latitude), raw.get(Column::Longitude)) {
            (Some(v), None) => {
                errors.push(FieldError::new("longitude", FieldErrorKind::MissingPair { other: Column::Latitude }, v))
            }
            (None, Some(v)) => {
                errors.push(FieldError::new("latitude", FieldErrorKind::MissingPair { other: Column::Longitude }, v))
            }
            _ => {}
        }
        let geo_precision = raw.get(Column::GeoPrecision).and_then(|v| match v {
            "1" => Some(1),
            "2" => Some(2),
            "3" => Some(3),
            _ => {
                errors.push(FieldError::new("geo_precision", FieldErrorKind::GeoPrecision, v));
                None
            }
        });
        let perpetrator = match raw.get(Column::Perpetrator) {
            None => Some(UNKNOWN_GROUP.to_string()),
            Some(name) => match self.groups.resolve(name) {
                Some(group) => Some(group.id.clone()),
                None if self.new_groups => {
                    let mut group = Group::from_unknown_name(name);
                    // only a hash collision or an id taken by hand gets here;
                    // numbered, so that the same file still gives the same ids
                    let base = group.id.clone();
                    let mut n = 2;
                    while self.groups.get(&group.id).is_some() {
                        group.id = format!("{}-{n}", base.chars().take(60).collect::<String>());
                        n += 1;
                    }
                    let id = group.id.clone();
                    self.groups.insert(group.clone());
                    new_group = Some(group);
                    Some(id)
                }
                None => {
                    errors.push(FieldError::new("perpetrator", FieldErrorKind::UnknownGroup, name));
                    None
                }
            },
        };
        let target = code::<Target>(raw, Column::Target, Target::Unknown, &mut errors);
        let method = code::<Method>(raw, Column::Method, Method::Unknown, &mut errors);
        let killed = count(raw, Column::Killed, &mut errors);
        let killed_low = count(raw, Column::KilledLow, &mut errors);
        let killed_high = count(raw, Column::KilledHigh, &mut errors);
        check_range(killed, killed_low, killed_high, &mut errors);
        let wounded = count(raw, Column::Wounded, &mut errors);
        let kidnapped = count(raw, Column::Kidnapped, &mut errors);
        let perpetrators_killed = count(raw, Column::PerpetratorsKilled, &mut errors);
        let admin1 = text(raw, Column::Admin1, &mut errors);
        let location = text(raw, Column::Location, &mut errors);
        let description = text(raw, Column::Description, &mut errors);
        let sources = text(raw, Column::Sources, &mut errors);
        let status = code::<Status>(raw, Column::Status, self.default_status, &mut errors);
        let id = raw.get(Column::Id).map(|id| {
            if id.chars().count() > MAX_ID
                || id.chars().any(|c| c.is_whitespace() || c.is_control() || crate::text::is_invisible(c))
            {
                errors.push(FieldError::new("id", FieldErrorKind::BadId { max: MAX_ID }, id));
            } else if RESERVED_IDS.contains(&id) {
                errors.push(FieldError::new("id", FieldErrorKind::ReservedId, id));
            }
            id.to_string()
        });

        if !errors.is_empty() {
            return Err(errors);
        }
        let (Some(date), Some(country), Some(perpetrator)) = (date, country, perpetrator) else {
            unreachable!("a missing required value always records an error");
        };
        let id = id.unwrap_or_else(|| {
            let date = date.to_string();
            derived_id(&[
                &date,
                country.as_str(),
                &admin1,
                &location,
                &perpetrator,
                target.code(),
                method.code(),
                &description,
            ])
        });
        Ok(Validated {
            incident: Incident {
                id,
                date,
                date_end,
                date_precision,
                country,
                admin1,
                location,
                latitude,
                longitude,
                geo_precision,
                perpetrator,
                target,
                method,
                killed,
                killed_low,
                killed_high,
                wounded,
                kidnapped,
                perpetrators_killed,
                description,
                sources,
                status,
            },
            new_group,
        })
    }

    fn date(&self, column: Column, value: &str, errors: &mut Vec<FieldError>) -> Option<Date> {
        let date = parse_iso_date(value);
        match date {
            None => {
                errors.push(FieldError::new(column.name(), FieldErrorKind::InvalidDate, value));
                None
            }
            Some(date) if date > self.today => {
                errors.push(FieldError::new(column.name(), FieldErrorKind::FutureDate { today: self.today }, value));
                None
            }
            Some(date) if date.year() < 1900 => {
                errors.push(FieldError::new(column.name(), FieldErrorKind::Before1900, value));
                None
            }
            Some(date) => Some(date),
        }
    }
}

/// Parses exactly `YYYY-MM-DD` (no times, no other layouts).
pub fn parse_iso_date(value: &str) -> Option<Date> {
    let bytes = value.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return None;
    }
    let year = value[0..4].parse().ok()?;
    let month = value[5..7].parse().ok()?;
    let day = value[8..10].parse().ok()?;
    Date::new(year, month, day).ok()
}

fn required<'a>(raw: &RawIncident<'a>, column: Column, errors: &mut Vec<FieldError>) -> Option<&'a str> {
    let value = raw.get(column);
    if value.is_none() {
        errors.push(FieldError::new(column.name(), FieldErrorKind::Required, ""));
    }
    value
}

trait Code: Sized + Copy {
    fn parse_code(input: &str) -> Option<Self>;
    fn codes() -> String;
}

macro_rules! impl_code {
    ($($t:ty),*) => {$(
        impl Code for $t {
            fn parse_code(input: &str) -> Option<Self> { <$t>::parse(input) }
            fn codes() -> String { <$t>::codes() }
        }
    )*};
}
impl_code!(Target, Method, Status, DatePrecision);

fn code<T: Code>(raw: &RawIncident<'_>, column: Column, default: T, errors: &mut Vec<FieldError>) -> T {
    match raw.get(column) {
        None => default,
        Some(value) => T::parse_code(value).unwrap_or_else(|| {
            errors.push(FieldError::new(column.name(), FieldErrorKind::UnknownCode { codes: T::codes() }, value));
            default
        }),
    }
}

fn count(raw: &RawIncident<'_>, column: Column, errors: &mut Vec<FieldError>) -> Option<u32> {
    let value = raw.get(column)?;
    match value.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => {
            let kind = if value.starts_with('-') && value[1..].bytes().all(|b| b.is_ascii_digit()) {
                FieldErrorKind::Negative
            } else {
                FieldErrorKind::NotWholeNumber
            };
            errors.push(FieldError::new(column.name(), kind, value));
            None
        }
    }
}

/// A range of the killed comes with its best estimate, and holds it.
fn check_range(best: Option<u32>, low: Option<u32>, high: Option<u32>, errors: &mut Vec<FieldError>) {
    for (column, bound) in [(Column::KilledLow, low), (Column::KilledHigh, high)] {
        let Some(bound) = bound else { continue };
        let kind = match best {
            None => FieldErrorKind::RangeWithoutBest,
            Some(best) if column == Column::KilledLow && bound > best => FieldErrorKind::LowAboveBest { best },
            Some(best) if column == Column::KilledHigh && bound < best => FieldErrorKind::HighBelowBest { best },
            Some(_) => continue,
        };
        errors.push(FieldError::new(column.name(), kind, bound.to_string()));
    }
}

fn coordinate(raw: &RawIncident<'_>, column: Column, limit: u16, errors: &mut Vec<FieldError>) -> Option<f64> {
    let value = raw.get(column)?;
    let range = f64::from(limit);
    match value.parse::<f64>() {
        Ok(n) if n.is_finite() && (-range..=range).contains(&n) => Some(n),
        Ok(_) => {
            errors.push(FieldError::new(column.name(), FieldErrorKind::OutOfRange { limit }, value));
            None
        }
        Err(_) => {
            errors.push(FieldError::new(column.name(), FieldErrorKind::NotANumber, value));
            None
        }
    }
}

fn text(raw: &RawIncident<'_>, column: Column, errors: &mut Vec<FieldError>) -> String {
    let value = raw.get(column).unwrap_or("");
    if let Some(error) = crate::text::check(column.name(), value, true) {
        errors.push(error);
        return String::new();
    }
    if value.chars().count() > MAX_TEXT {
        let start: String = value.chars().take(40).collect();
        errors.push(FieldError::new(column.name(), FieldErrorKind::TooLong { max: MAX_TEXT }, format!("{start}…")));
        return String::new();
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn validator() -> Validator {
        Validator::new(GroupRegister::builtin(), Date::new(2026, 11, 23).unwrap())
    }

    fn raw<'a>(pairs: &[(&str, &'a str)]) -> RawIncident<'a> {
        let mut raw = RawIncident::default();
        for (name, value) in pairs {
            raw.set(Column::parse(name).unwrap(), value);
        }
        raw
    }

    fn errors(pairs: &[(&str, &str)]) -> Vec<String> {
        match validator().validate(&raw(pairs)) {
            Ok(_) => vec![],
            Err(errors) => errors.iter().map(|e| e.brief()).collect(),
        }
    }

    fn one_error(pairs: &[(&str, &str)]) -> String {
        let errors = errors(pairs);
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors[0].clone()
    }

    #[test]
    fn minimal_row_gets_defaults_and_a_stable_id() {
        let a = validator().validate(&raw(&[("date", "2023-12-05"), ("country", "Tchad")])).unwrap().incident;
        assert_eq!(a.country.as_str(), "TD");
        assert_eq!(a.perpetrator, "unknown");
        assert_eq!(a.target, Target::Unknown);
        assert_eq!(a.method, Method::Unknown);
        assert_eq!(a.status, Status::Draft);
        assert_eq!(a.date_precision, DatePrecision::Day);
        assert_eq!(a.killed, None);
        assert!(a.id.starts_with("vg-"));
        let b = validator().validate(&raw(&[("date", "2023-12-05"), ("country", "TCD")])).unwrap().incident;
        assert_eq!(a.id, b.id);
    }

    #[test]
    fn full_row_is_kept_as_given() {
        let incident = validator()
            .validate(&raw(&[
                ("id", "demo-1"),
                ("date", "2023-12-05"),
                ("date_end", "2023-12-06"),
                ("date_precision", "week"),
                ("country", "Burkina Faso"),
                ("admin1", "Sahel"),
                ("location", "Djibo"),
                ("latitude", "14.1"),
                ("longitude", "-1.63"),
                ("geo_precision", "2"),
                ("perpetrator", "GSIM"),
                ("target", "military"),
                ("method", "AMBUSH"),
                ("killed", "12"),
                ("wounded", "0"),
                ("kidnapped", ""),
                ("perpetrators_killed", "4"),
                ("description", " text "),
                ("sources", "a ; b"),
                ("status", "verified"),
            ]))
            .unwrap()
            .incident;
        assert_eq!(incident.id, "demo-1");
        assert_eq!(incident.perpetrator, "jnim");
        assert_eq!(incident.method, Method::Ambush);
        assert_eq!(incident.latitude, Some(14.1));
        assert_eq!(incident.geo_precision, Some(2));
        assert_eq!(incident.killed, Some(12));
        assert_eq!(incident.kidnapped, None);
        assert_eq!(incident.description, "text");
        assert_eq!(incident.victims(), 12);
        assert!(!incident.casualties_unknown());
    }

    #[test]
    fn each_field_says_what_is_wrong() {
        let base = [("date", "2023-12-05"), ("country", "ML")];
        let with = |extra: (&'static str, &'static str)| {
            let mut pairs: Vec<(&str, &str)> = base.iter().copied().filter(|(k, _)| *k != extra.0).collect();
            pairs.push(extra);
            one_error(&pairs)
        };
        assert_eq!(with(("date", "05/12/2023")), r#"date: InvalidDate (got "05/12/2023")"#);
        assert_eq!(with(("date", "2023-02-30")), r#"date: InvalidDate (got "2023-02-30")"#);
        assert!(with(("date", "2030-01-01")).starts_with("date: FutureDate { today: 2026-11-23 }"));
        assert!(with(("date", "1899-12-31")).starts_with("date: Before1900"));
        assert!(with(("date_end", "2023-12-01")).starts_with("date_end: EndBeforeStart { start: 2023-12-05 }"));
        assert!(with(("date_precision", "decade")).contains(r#"UnknownCode { codes: "day, week, month, year" }"#));
        assert!(with(("country", "Atlantis")).starts_with("country: UnknownCountry"));
        assert!(with(("geo_precision", "4")).starts_with("geo_precision: GeoPrecision"));
        assert!(with(("perpetrator", "Nobody Known")).starts_with("perpetrator: UnknownGroup"));
        assert!(with(("target", "army")).contains(r#"UnknownCode { codes: "military, security"#));
        assert!(with(("method", "ied")).contains(r#"UnknownCode { codes: "armed_assault"#));
        assert_eq!(with(("killed", "-1")), r#"killed: Negative (got "-1")"#);
        assert!(with(("wounded", "1.5")).starts_with("wounded: NotWholeNumber"));
        assert!(with(("kidnapped", "many")).starts_with("kidnapped: NotWholeNumber"));
        assert!(with(("perpetrators_killed", "x")).starts_with("perpetrators_killed: NotWholeNumber"));
        assert!(with(("status", "approved")).contains(r#"UnknownCode { codes: "draft, verified"#));
        assert!(with(("id", "has space")).starts_with("id: BadId { max: 128 }"));
    }

    #[test]
    fn a_range_of_the_killed_holds_its_best_estimate() {
        let base = [("date", "2023-12-05"), ("country", "BF")];
        let row = |extra: &[(&'static str, &'static str)]| {
            let mut pairs = base.to_vec();
            pairs.extend_from_slice(extra);
            pairs
        };
        let incident = validator()
            .validate(&raw(&row(&[("killed", "98"), ("killed_low", "90"), ("killed_high", "120")])))
            .unwrap()
            .incident;
        assert_eq!((incident.killed_low, incident.killed, incident.killed_high), (Some(90), Some(98), Some(120)));
        // one bound alone, or bounds equal to the best, are ranges too
        let low_only = validator().validate(&raw(&row(&[("killed", "5"), ("killed_low", "5")]))).unwrap().incident;
        assert_eq!((low_only.killed_low, low_only.killed_high), (Some(5), None));
        assert_eq!(
            one_error(&row(&[("killed_low", "3")])),
            r#"killed_low: RangeWithoutBest (got "3")"#,
            "a range needs its best estimate"
        );
        assert_eq!(
            one_error(&row(&[("killed", "10"), ("killed_low", "11")])),
            r#"killed_low: LowAboveBest { best: 10 } (got "11")"#
        );
        assert_eq!(
            one_error(&row(&[("killed", "10"), ("killed_high", "9")])),
            r#"killed_high: HighBelowBest { best: 10 } (got "9")"#
        );
        assert_eq!(one_error(&row(&[("killed", "10"), ("killed_high", "-9")])), r#"killed_high: Negative (got "-9")"#);
    }

    #[test]
    fn ids_the_web_addresses_use_are_refused() {
        let check =
            |id: &'static str| validator().validate(&raw(&[("date", "2023-12-05"), ("country", "ML"), ("id", id)]));
        for id in RESERVED_IDS {
            let errors = check(id).unwrap_err();
            assert_eq!(errors.len(), 1, "{id}");
            assert_eq!(errors[0].brief(), format!("id: ReservedId (got {id:?})"));
        }
        // only the whole id: these are ordinary ids
        for id in ["import-2023-1", "Import", "new.csv", "export"] {
            assert_eq!(check(id).unwrap().incident.id, id);
        }
    }

    #[test]
    fn each_error_has_a_kind_for_other_languages() {
        let kinds = |pairs: &[(&str, &str)]| -> Vec<(String, FieldErrorKind)> {
            validator().validate(&raw(pairs)).unwrap_err().into_iter().map(|e| (e.column, e.kind)).collect()
        };
        assert_eq!(
            kinds(&[("date", "2030-01-01"), ("killed", "-2"), ("latitude", "95")]),
            [
                ("date".into(), FieldErrorKind::FutureDate { today: Date::new(2026, 11, 23).unwrap() }),
                ("country".into(), FieldErrorKind::Required),
                ("latitude".into(), FieldErrorKind::OutOfRange { limit: 90 }),
                ("longitude".into(), FieldErrorKind::MissingPair { other: Column::Latitude }),
                ("killed".into(), FieldErrorKind::Negative),
            ]
        );
        let unknown = kinds(&[("date", "2023-12-05"), ("country", "ML"), ("target", "army")]);
        assert!(matches!(&unknown[0].1, FieldErrorKind::UnknownCode { codes } if codes.starts_with("military")));
    }

    #[test]
    fn coordinates_are_checked_together() {
        let base = [("date", "2023-12-05"), ("country", "ML")];
        let check = |extra: &[(&'static str, &'static str)]| {
            let mut pairs = base.to_vec();
            pairs.extend_from_slice(extra);
            errors(&pairs)
        };
        assert_eq!(check(&[("latitude", "91"), ("longitude", "0")]).len(), 1);
        assert!(check(&[("latitude", "10"), ("longitude", "-181")])[0].contains("OutOfRange { limit: 180 }"));
        assert!(check(&[("latitude", "abc"), ("longitude", "1")])[0].contains("NotANumber"));
        assert!(check(&[("latitude", "NaN"), ("longitude", "1")])[0].contains("OutOfRange { limit: 90 }"));
        assert!(check(&[("latitude", "10")])[0].starts_with("longitude: MissingPair { other: Latitude }"));
        assert!(check(&[("latitude", "10"), ("longitude", "2")]).is_empty());
    }

    #[test]
    fn required_fields() {
        let errors = errors(&[("location", "x")]);
        assert_eq!(errors, [r#"date: Required (got "")"#, r#"country: Required (got "")"#]);
    }

    #[test]
    fn new_groups_are_created_once() {
        let mut validator = validator();
        validator.new_groups = true;
        let first = validator
            .validate(&raw(&[("date", "2023-12-05"), ("country", "ML"), ("perpetrator", "Katiba Serma")]))
            .unwrap();
        assert_eq!(first.incident.perpetrator, "katiba-serma");
        assert!(first.new_group.is_some());
        let second = validator
            .validate(&raw(&[("date", "2023-12-06"), ("country", "ML"), ("perpetrator", "KATIBA SERMA")]))
            .unwrap();
        assert_eq!(second.incident.perpetrator, "katiba-serma");
        assert!(second.new_group.is_none());
    }
}
