//! Writer of the native CSV: the header of `docs/data-model.md#native-csv`,
//! then one record an incident; what it writes imports back to the identical
//! incidents. Text cells that a spreadsheet would take for a formula get a
//! `'` in front (`cell.rs`), which the reader takes off.

use std::io::Write;

use vigie_domain::Incident;
use vigie_domain::incident::Column;

pub struct CsvWriter<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(output: W) -> csv::Result<CsvWriter<W>> {
        let mut writer = csv::Writer::from_writer(output);
        writer.write_record(Column::header())?;
        Ok(CsvWriter { writer })
    }

    pub fn write(&mut self, incident: &Incident) -> csv::Result<()> {
        crate::cell::write_record(&mut self.writer, incident.values())
    }

    pub fn finish(mut self) -> std::io::Result<W> {
        self.writer.flush()?;
        self.writer.into_inner().map_err(|e| std::io::Error::other(e.to_string()))
    }
}
