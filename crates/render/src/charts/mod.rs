//! Charts as SVG, drawn from report models (never from the store): the same
//! SVG goes into the PDF, the HTML edition and the web application.

mod bar;
mod map;
mod monthly;
mod svg;
mod trend;

pub use bar::{Bar, BarChart, Series};
pub use map::{atlas, incident_map, radius};
pub use monthly::charts as monthly_charts;
pub use svg::{OPERATIONS, VICTIMS};
pub use trend::trend_chart;
