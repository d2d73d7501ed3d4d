//! Vigie's renderers: report models in, text, Markdown, CSV and JSON out.
//! A renderer never sees the store; every label comes from the catalogues.

mod labels;
pub mod monthly;
pub mod national_days;
mod table;

pub use labels::Labels;
