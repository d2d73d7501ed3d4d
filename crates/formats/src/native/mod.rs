//! The native formats (`docs/data-model.md#native-csv`): CSV and JSON Lines,
//! read and written.

mod csv_read;
mod csv_write;
mod geojson_write;
mod jsonl_read;
mod jsonl_write;

pub use csv_read::CsvReader;
pub use csv_write::CsvWriter;
pub use geojson_write::GeoJsonWriter;
pub use jsonl_read::{JsonlReader, value_text};
pub use jsonl_write::{JsonlWriter, incident_json};

/// A column that `--rejects` adds and that imports therefore ignore, so a
/// corrected rejects file imports as it is.
pub const REASON_COLUMN: &str = "reason";
