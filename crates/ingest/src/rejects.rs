//! The `--rejects` file: the rejected rows as read, with a `reason` column,
//! in CSV (or JSON Lines when its name says so). CSV cells are escaped for
//! spreadsheets as every native CSV's (`vigie_formats::cell`), so that the
//! file, corrected, imports back.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use vigie_domain::incident::Column;
use vigie_formats::Format;
use vigie_formats::native::REASON_COLUMN;

use crate::IngestError;

pub enum Rejects {
    Csv(Box<csv::Writer<BufWriter<File>>>, String),
    Jsonl(BufWriter<File>, String),
}

impl Rejects {
    /// A rejects file for incidents: the native columns and `reason`.
    pub fn create(path: &Path) -> Result<Rejects, IngestError> {
        Rejects::create_with_header(path, &Column::header())
    }

    /// A rejects file whose CSV has these columns, then `reason`.
    pub fn create_with_header(path: &Path, header: &[&str]) -> Result<Rejects, IngestError> {
        let name = path.display().to_string();
        let error = |message: String| IngestError::Rejects { path: name.clone(), message };
        let file = File::create(path).map_err(|e| error(e.to_string()))?;
        let output = BufWriter::new(file);
        if Format::from_path(path) == Some(Format::Jsonl) {
            return Ok(Rejects::Jsonl(output, name));
        }
        let mut writer = csv::Writer::from_writer(output);
        writer.write_record(header.iter().chain(&[REASON_COLUMN])).map_err(|e| error(e.to_string()))?;
        Ok(Rejects::Csv(Box::new(writer), name))
    }

    fn error(&self, message: impl ToString) -> IngestError {
        let path = match self {
            Rejects::Csv(_, path) | Rejects::Jsonl(_, path) => path.clone(),
        };
        IngestError::Rejects { path, message: message.to_string() }
    }

    /// Writes one row: its value of each native column (None: absent).
    pub fn write(&mut self, values: &[Option<&str>; Column::COUNT], reason: &str) -> Result<(), IngestError> {
        if self.is_jsonl() {
            let mut object = serde_json::Map::new();
            for (column, value) in Column::ALL.iter().zip(values) {
                if let Some(value) = value {
                    object.insert(column.name().into(), (*value).into());
                }
            }
            self.write_object(object, reason)
        } else {
            self.write_fields(&values.map(|v| v.unwrap_or("")), reason)
        }
    }

    /// Whether the file is JSON Lines (its name ends in .jsonl or .ndjson).
    pub fn is_jsonl(&self) -> bool {
        matches!(self, Rejects::Jsonl(..))
    }

    /// Writes one CSV row: the fields of the header's columns, then the
    /// reason. In a JSON Lines file, use `write_object`.
    pub fn write_fields(&mut self, fields: &[&str], reason: &str) -> Result<(), IngestError> {
        let result = match self {
            Rejects::Csv(writer, _) => {
                vigie_formats::cell::write_record(writer, fields.iter().chain(&[reason])).map_err(|e| e.to_string())
            }
            Rejects::Jsonl(..) => Err("a JSON Lines rejects file takes objects".to_string()),
        };
        result.map_err(|message| self.error(message))
    }

    /// Writes one JSON object with a `reason` key. In a CSV file, use
    /// `write_fields`.
    pub fn write_object(
        &mut self,
        mut object: serde_json::Map<String, serde_json::Value>,
        reason: &str,
    ) -> Result<(), IngestError> {
        let result = match self {
            Rejects::Jsonl(output, _) => {
                object.insert(REASON_COLUMN.into(), reason.into());
                serde_json::to_writer(&mut *output, &object)
                    .map_err(|e| e.to_string())
                    .and_then(|_| output.write_all(b"\n").map_err(|e| e.to_string()))
            }
            Rejects::Csv(..) => Err("a CSV rejects file takes rows".to_string()),
        };
        result.map_err(|message| self.error(message))
    }

    /// Writes text as it is to a JSON Lines file: a line too long to be
    /// built whole is written in pieces.
    pub fn write_text(&mut self, text: &str) -> Result<(), IngestError> {
        let result = match self {
            Rejects::Jsonl(output, _) => output.write_all(text.as_bytes()).map_err(|e| e.to_string()),
            Rejects::Csv(..) => Err("a CSV rejects file takes rows".to_string()),
        };
        result.map_err(|message| self.error(message))
    }

    pub fn finish(self) -> Result<(), IngestError> {
        let (flushed, path) = match self {
            Rejects::Csv(mut writer, path) => (writer.flush(), path),
            Rejects::Jsonl(mut output, path) => (output.flush(), path),
        };
        flushed.map_err(|e| IngestError::Rejects { path, message: e.to_string() })
    }
}
