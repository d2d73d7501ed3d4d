//! Queries in domain terms: filters for lists and groupings for reports.

use jiff::civil::Date;
use vigie_domain::{CountryCode, Method, Status, Target};

/// Which incidents a list or export wants; empty lists mean "any".
#[derive(Debug, Clone, Default)]
pub struct IncidentFilter {
    pub countries: Vec<CountryCode>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub perpetrators: Vec<String>,
    pub targets: Vec<Target>,
    pub methods: Vec<Method>,
    pub status: Option<Status>,
    /// Text searched, case- and accent-insensitively, in id, description,
    /// place names, sources and the perpetrator's id, names and aliases.
    pub search: Option<String>,
    /// Those whose last import is this run.
    pub import_id: Option<i64>,
    pub limit: Option<u64>,
    /// Rows skipped before the first one returned (a page).
    pub offset: u64,
    /// Only the rows after this one (its date and id) in the list's order
    /// (`Order::Date`): a page that starts where the previous one ended,
    /// whatever was added before it meanwhile (the API's cursor).
    pub after: Option<(Date, String)>,
    /// Latest first (date, then id, both descending).
    pub descending: bool,
    /// Drafts only of these countries, verified incidents of all: a
    /// reader's scope (`vigie_domain::user::readable_drafts`); `None`: no
    /// restriction.
    pub drafts_of: Option<Vec<CountryCode>>,
    pub order: Order,
    /// Whose incidents: every perpetrator's by default (lists and exports
    /// show everything); the statistics ask for `Actors::NonState`.
    pub actors: Actors,
}

/// Which perpetrators' incidents a query takes, by their group's kind
/// (`docs/data-model.md#perpetrator-kinds`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Actors {
    /// Everyone's.
    #[default]
    All,
    /// All but those of state forces: what the terrorism statistics count.
    NonState,
    /// Only those of state forces: what the statistics leave out.
    StateForces,
}

/// The order of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// By date, then id.
    #[default]
    Date,
    /// By country, then date, then id (what pairing duplicates needs).
    CountryDate,
}

/// What a report groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Country,
    Target,
    Method,
    Perpetrator,
}

/// Operations and victims of a period and a set of countries, grouped.
#[derive(Debug, Clone)]
pub struct Aggregate {
    pub from: Date,
    /// Inclusive.
    pub to: Date,
    pub countries: Vec<CountryCode>,
    pub include_drafts: bool,
    pub by: Dimension,
    pub actors: Actors,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AggregateRow {
    /// The country code, target code, method code or group id.
    pub key: String,
    pub operations: u64,
    pub victims: u64,
    /// Victims at the lowest and highest estimates of the killed (the best
    /// one where an incident gives no range): equal to `victims` when no
    /// incident of the row has a range.
    pub victims_low: u64,
    pub victims_high: u64,
    /// Incidents whose killed or wounded figure is not known.
    pub unknown_casualties: u64,
}

/// Which activities a list or report wants; `None` and empty lists mean
/// "any".
#[derive(Debug, Clone, Default)]
pub struct ActivityFilter {
    /// First and last days, inclusive, of the activity's `date` (its first
    /// day; the first of the month when only the month is known).
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub kinds: Vec<vigie_domain::ActivityKind>,
    pub country: Option<CountryCode>,
}
