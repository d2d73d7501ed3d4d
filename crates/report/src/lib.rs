//! Vigie's report models, built from store queries and nothing else; the
//! renderers (`vigie-render`, the bulletin, the web pages) turn them into
//! text, JSON, CSV, Markdown, SVG, HTML and PDF without seeing the store.
//! No formatting and no language here: figures stay numbers and names stay
//! codes until a renderer says them in a language.

pub mod cooperation;
pub mod duplicates;
pub mod monthly;
pub mod national_days;
pub mod revisions;
pub mod timeline;
pub mod trend;
pub mod year;

pub use cooperation::{CooperationReport, CooperationYear, cooperation};
pub use monthly::{
    Breakdown, Counted, Counting, CountryRow, Explanation, MembershipUsed, MonthlyReport, PreviousPublished, Range,
    RangeChange, Totals, UnknownCasualties, counted, monthly,
};
pub use national_days::{NationalDayEntry, NationalDaysReport, national_days};
pub use revisions::{RevisedCell, RevisedMonth, RevisionsReport, revisions};
pub use timeline::{TimelineMonth, TimelineReport, timeline};
pub use trend::{MapIncident, MapReport, TrendMonth, TrendReport, incident_map, trend};
pub use year::{YearReport, year};
