//! The incident: one terrorist operation, with the fields and column order
//! of DATA-MODEL.md.

use jiff::civil::Date;

use crate::codes::{DatePrecision, Method, Status, Target};
use crate::country::CountryCode;
use crate::hash::Fnv64;

/// The native columns, in the order of DATA-MODEL.md.
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
    Wounded,
    Kidnapped,
    PerpetratorsKilled,
    Description,
    Sources,
    Status,
}

impl Column {
    pub const ALL: [Column; 20] = [
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
    pub fn header() -> [&'static str; 20] {
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
    pub killed: Option<u32>,
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
            Column::Wounded => opt(&self.wounded),
            Column::Kidnapped => opt(&self.kidnapped),
            Column::PerpetratorsKilled => opt(&self.perpetrators_killed),
            Column::Description => self.description.clone(),
            Column::Sources => self.sources.clone(),
            Column::Status => self.status.code().to_string(),
        }
    }

    /// All native values, in column order.
    pub fn values(&self) -> [String; 20] {
        Column::ALL.map(|column| self.value(column))
    }

    /// A fingerprint of every field, to tell an unchanged re-import from an
    /// update without reading the stored row back.
    pub fn content_hash(&self) -> i64 {
        let mut hash = Fnv64::default();
        for column in Column::ALL {
            hash.field(self.value(column).as_bytes());
        }
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
