//! Vigie's renderers: report models in, text, Markdown, CSV, JSON and SVG
//! charts out, and article bodies as escaped HTML. A renderer never sees the
//! store; every label comes from the catalogues.

pub mod article;
pub mod charts;
pub mod cooperation;
pub mod flags;
mod labels;
pub mod monthly;
pub mod national_days;
pub mod revisions;
pub mod table;
pub mod timeline;
pub mod year;

pub use labels::Labels;
