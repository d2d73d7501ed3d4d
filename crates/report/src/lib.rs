//! Vigie's report models, built from store queries and nothing else; the
//! renderers turn them into text, JSON, CSV, Markdown (and later SVG, HTML,
//! PDF) without seeing the store.

pub mod duplicates;
pub mod monthly;
pub mod national_days;

pub use monthly::{Breakdown, CountryRow, MonthlyReport, Totals, monthly};
pub use national_days::{NationalDayEntry, NationalDaysReport, national_days};
