//! The incident: one terrorist operation, with the fields and column order
//! of `docs/data-model.md#incident-fields`.

use jiff::civil::Date;

use crate::codes::{DatePrecision, Method, Status, Target};
use crate::country::CountryCode;
use crate::hash::Fnv64;

/// The native columns, in the order of `docs/data-model.md#incident-fields`
/// (a test of `vigie-render` checks that the document follows this list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Date,
    DateEnd,
    DatePrecision,
    Country,
    Admin1,
    Location,
    Latitude,
    Longitude,
    GeoPrecision,
    Perpetrator,
    Target,
    Method,
    Killed,
    KilledLow,
    KilledHigh,
    Wounded,
    Kidnapped,
    PerpetratorsKilled,
    Description,
    Sources,
    Status,
}

impl Column {
    /// The number of native columns.
    pub const COUNT: usize = 22;

    pub const ALL: [Column; Column::COUNT] = [
        Column::Id,
        Column::Date,
        Column::DateEnd,
        Column::DatePrecision,
        Column::Country,
        Column::Admin1,
        Column::Location,
        Column::Latitude,
        Column::Longitude,
        Column::GeoPrecision,
        Column::Perpetrator,
        Column::Target,
        Column::Method,
        Column::Killed,
        Column::KilledLow,
        Column::KilledHigh,
        Column::Wounded,
        Column::Kidnapped,
        Column::PerpetratorsKilled,
        Column::Description,
        Column::Sources,
        Column::Status,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Date => "date",
            Column::DateEnd => "date_end",
            Column::DatePrecision => "date_precision",
            Column::Country => "country",
            Column::Admin1 => "admin1",
            Column::Location => "location",
            Column::Latitude => "latitude",
            Column::Longitude => "longitude",
            Column::GeoPrecision => "geo_precision",
            Column::Perpetrator => "perpetrator",
            Column::Target => "target",
            Column::Method => "method",
            Column::Killed => "killed",
            Column::KilledLow => "killed_low",
            Column::KilledHigh => "killed_high",
            Column::Wounded => "wounded",
            Column::Kidnapped => "kidnapped",
            Column::PerpetratorsKilled => "perpetrators_killed",
            Column::Description => "description",
            Column::Sources => "sources",
            Column::Status => "status",
        }
    }

    /// Exact, case-sensitive match on the contract's column names.
    pub fn parse(name: &str) -> Option<Column> {
        Column::ALL.iter().copied().find(|c| c.name() == name)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The header row of the native CSV.
    pub fn header() -> [&'static str; Column::COUNT] {
        Column::ALL.map(Column::name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    pub id: String,
    pub date: Date,
    pub date_end: Option<Date>,
    pub date_precision: DatePrecision,
    pub country: CountryCode,
    pub admin1: String,
    pub location: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: Option<u8>,
    pub perpetrator: String,
    pub target: Target,
    pub method: Method,
    /// The best estimate of people killed (`docs/data-model.md#incident-fields`).
    pub killed: Option<u32>,
    /// The lowest and highest estimates, when sources disagree (UCDP gives
    /// them); only with `killed`, and `killed_low ≤ killed ≤ killed_high`.
    pub killed_low: Option<u32>,
    pub killed_high: Option<u32>,
    pub wounded: Option<u32>,
    pub kidnapped: Option<u32>,
    pub perpetrators_killed: Option<u32>,
    pub description: String,
    pub sources: String,
    pub status: Status,
}

impl Incident {
    /// Killed + wounded, unknown figures counting as 0.
    pub fn victims(&self) -> u64 {
        u64::from(self.killed.unwrap_or(0)) + u64::from(self.wounded.unwrap_or(0))
    }

    /// Victims at the lowest and highest estimates of the killed (the best
    /// one where no range is given).
    pub fn victims_range(&self) -> (u64, u64) {
        let wounded = u64::from(self.wounded.unwrap_or(0));
        let killed = |bound: Option<u32>| u64::from(bound.or(self.killed).unwrap_or(0));
        (killed(self.killed_low) + wounded, killed(self.killed_high) + wounded)
    }

    /// Whether the killed or wounded figure is not known.
    pub fn casualties_unknown(&self) -> bool {
        self.killed.is_none() || self.wounded.is_none()
    }

    /// The value of a column as written in the native formats (empty when
    /// absent).
    pub fn value(&self, column: Column) -> String {
        fn opt<T: ToString>(value: &Option<T>) -> String {
            value.as_ref().map(T::to_string).unwrap_or_default()
        }
        match column {
            Column::Id => self.id.clone(),
            Column::Date => self.date.to_string(),
            Column::DateEnd => opt(&self.date_end),
            Column::DatePrecision => self.date_precision.code().to_string(),
            Column::Country => self.country.to_string(),
            Column::Admin1 => self.admin1.clone(),
            Column::Location => self.location.clone(),
            Column::Latitude => opt(&self.latitude),
            Column::Longitude => opt(&self.longitude),
            Column::GeoPrecision => opt(&self.geo_precision),
            Column::Perpetrator => self.perpetrator.clone(),
            Column::Target => self.target.code().to_string(),
            Column::Method => self.method.code().to_string(),
            Column::Killed => opt(&self.killed),
            Column::KilledLow => opt(&self.killed_low),
            Column::KilledHigh => opt(&self.killed_high),
            Column::Wounded => opt(&self.wounded),
            Column::Kidnapped => opt(&self.kidnapped),
            Column::PerpetratorsKilled => opt(&self.perpetrators_killed),
            Column::Description => self.description.clone(),
            Column::Sources => self.sources.clone(),
            Column::Status => self.status.code().to_string(),
        }
    }

    /// All native values, in column order.
    /// The fields whose value differs from `before` (every field with a
    /// value for a new incident), as the audit log keeps them: `null` for
    /// an empty value.
    pub fn changes_from(&self, before: Option<&Incident>) -> Vec<crate::FieldChange> {
        let json =
            |value: String| if value.is_empty() { serde_json::Value::Null } else { serde_json::Value::String(value) };
        Column::ALL
            .iter()
            .map(|&c| (c, before.map(|b| b.value(c)).unwrap_or_default(), self.value(c)))
            .filter(|(_, before, after)| before != after)
            .map(|(c, before, after)| crate::FieldChange::new(c.name(), json(before), json(after)))
            .collect()
    }

    pub fn values(&self) -> [String; Column::COUNT] {
        Column::ALL.map(|column| self.value(column))
    }

    /// A fingerprint of every field, to tell an unchanged re-import from an
    /// update without reading the stored row back.
    pub fn content_hash(&self) -> i64 {
        use std::fmt::Write;
        let mut hash = Fnv64::default();
        // one scratch buffer for the formatted fields: this runs once per
        // imported row
        let mut buffer = String::with_capacity(32);
        let mut number = |hash: &mut Fnv64, value: Option<&dyn std::fmt::Display>| {
            buffer.clear();
            if let Some(value) = value {
                let _ = write!(buffer, "{value}");
            }
            hash.field(buffer.as_bytes());
        };
        hash.field(self.id.as_bytes());
        number(&mut hash, Some(&self.date));
        number(&mut hash, self.date_end.as_ref().map(|d| d as &dyn std::fmt::Display));
        hash.field(self.date_precision.code().as_bytes());
        hash.field(self.country.as_str().as_bytes());
        hash.field(self.admin1.as_bytes());
        hash.field(self.location.as_bytes());
        number(&mut hash, self.latitude.as_ref().map(|v| v as &dyn std::fmt::Display));
        number(&mut hash, self.longitude.as_ref().map(|v| v as &dyn std::fmt::Display));
        number(&mut hash, self.geo_precision.as_ref().map(|v| v as &dyn std::fmt::Display));
        hash.field(self.perpetrator.as_bytes());
        hash.field(self.target.code().as_bytes());
        hash.field(self.method.code().as_bytes());
        for count in [self.killed, self.wounded, self.kidnapped, self.perpetrators_killed] {
            number(&mut hash, count.as_ref().map(|v| v as &dyn std::fmt::Display));
        }
        // hashed only when given, so that the fingerprint of an incident
        // without a range is the one it had before ranges existed
        if self.killed_low.is_some() || self.killed_high.is_some() {
            hash.field(b"killed range");
            for bound in [self.killed_low, self.killed_high] {
                number(&mut hash, bound.as_ref().map(|v| v as &dyn std::fmt::Display));
            }
        }
        hash.field(self.description.as_bytes());
        hash.field(self.sources.as_bytes());
        hash.field(self.status.code().as_bytes());
        hash.finish() as i64
    }
}

/// The id given to a row that has none: derived from what identifies the
/// operation, so that importing the same file twice changes nothing.
pub fn derived_id(parts: &[&str]) -> String {
    let mut hash = Fnv64::default();
    for part in parts {
        hash.field(part.as_bytes());
    }
    format!("vg-{:016x}", hash.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Incident {
        Incident {
            id: "x-1".into(),
            date: Date::new(2023, 12, 4).unwrap(),
            date_end: None,
            date_precision: DatePrecision::Day,
            country: CountryCode::new("BF").unwrap(),
            admin1: "Sahel".into(),
            location: "Djibo".into(),
            latitude: Some(14.1),
            longitude: Some(-1.63),
            geo_precision: Some(1),
            perpetrator: "jnim".into(),
            target: Target::Military,
            method: Method::Ambush,
            killed: Some(40),
            killed_low: None,
            killed_high: None,
            wounded: Some(21),
            kidnapped: None,
            perpetrators_killed: Some(12),
            description: "text".into(),
            sources: "a ; b".into(),
            status: Status::Verified,
        }
    }

    /// The hash written field by field equals the hash of the native values
    /// (the killed range's left out when not given, as before ranges
    /// existed), so it changes exactly when an exported value changes.
    #[test]
    fn content_hash_covers_every_native_value() {
        let incident = sample();
        let mut reference = Fnv64::default();
        for column in Column::ALL {
            if !matches!(column, Column::KilledLow | Column::KilledHigh) {
                reference.field(incident.value(column).as_bytes());
            }
        }
        assert_eq!(incident.content_hash(), reference.finish() as i64);
        let mut ranged = incident.clone();
        ranged.killed_low = Some(38);
        assert_ne!(ranged.content_hash(), incident.content_hash());
        let mut high = incident.clone();
        high.killed_high = Some(38);
        assert_ne!(high.content_hash(), ranged.content_hash(), "which bound is given counts");
        let mut changed = incident.clone();
        changed.wounded = None;
        assert_ne!(changed.content_hash(), incident.content_hash());
        let mut changed = incident.clone();
        changed.killed = Some(4);
        changed.wounded = Some(1);
        assert_ne!(changed.content_hash(), incident.content_hash());
    }

    #[test]
    fn victims_and_unknown_figures() {
        let mut incident = sample();
        assert_eq!(incident.victims(), 61);
        assert_eq!(incident.victims_range(), (61, 61));
        incident.killed_low = Some(35);
        incident.killed_high = Some(50);
        assert_eq!(incident.victims_range(), (56, 71));
        incident.wounded = None;
        assert_eq!(incident.victims(), 40);
        assert!(incident.casualties_unknown());
    }
}
