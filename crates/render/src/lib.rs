//! Vigie's renderers: report models in, text, Markdown, CSV and JSON out.
//! A renderer never sees the store; every label comes from the catalogues.

mod labels;
pub mod monthly;
mod table;

pub use labels::Labels;
