//! Charts as SVG, drawn from report models (never from the store): the same
//! SVG goes into the PDF, the HTML edition and the web application.

mod bar;
mod monthly;
mod svg;

pub use bar::{Bar, BarChart, Series};
pub use monthly::charts as monthly_charts;
pub use svg::{OPERATIONS, VICTIMS};
