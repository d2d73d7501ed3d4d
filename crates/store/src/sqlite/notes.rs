//! Country developments notes: stored, listed and imported.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};
use vigie_domain::{AuditEntry, CountryCode, Month, Names, Note};

use super::import::RunTransaction;
use super::users::insert_audit;
use crate::{ImportCounts, NoteFilter, RegisterSession, Result, StoreError, Upsert};

const COLUMNS: &str = "region, month, country, text_fr, text_en, text_ar";

fn note_row(row: &rusqlite::Row<'_>) -> Result<Note> {
    let month: String = row.get(1)?;
    let country: String = row.get(2)?;
    Ok(Note {
        region: row.get(0)?,
        month: Month::parse(&month).ok_or_else(|| StoreError::Corrupt(format!("note month {month:?}")))?,
        country: CountryCode::new(&country).ok_or_else(|| StoreError::Corrupt(format!("note country {country:?}")))?,
        text: Names { fr: row.get(3)?, en: row.get(4)?, ar: row.get(5)? },
    })
}

/// The notes that match, by region, month, then country.
pub fn matching(conn: &Connection, filter: &NoteFilter) -> Result<Vec<Note>> {
    let mut conditions = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(region) = &filter.region {
        values.push(Value::Text(region.clone()));
        conditions.push(format!("region = ?{}", values.len()));
    }
    if let Some(from) = filter.from {
        values.push(Value::Text(from.to_string()));
        conditions.push(format!("month >= ?{}", values.len()));
    }
    if let Some(to) = filter.to {
        values.push(Value::Text(to.to_string()));
        conditions.push(format!("month <= ?{}", values.len()));
    }
    if let Some(country) = filter.country {
        values.push(Value::Text(country.to_string()));
        conditions.push(format!("country = ?{}", values.len()));
    }
    let condition = if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
    let mut statement =
        conn.prepare(&format!("SELECT {COLUMNS} FROM note {condition} ORDER BY region, month, country"))?;
    let mut rows = statement.query(rusqlite::params_from_iter(values))?;
    let mut notes = Vec::new();
    while let Some(row) = rows.next()? {
        notes.push(note_row(row)?);
    }
    Ok(notes)
}

pub struct SqliteNoteImport<'a> {
    run: RunTransaction<'a>,
}

impl<'a> SqliteNoteImport<'a> {
    pub fn begin(conn: &'a mut Connection, source: &str, format: &str) -> Result<SqliteNoteImport<'a>> {
        Ok(SqliteNoteImport { run: RunTransaction::begin(conn, source, format)? })
    }
}

/// The note of a region, month and country, as stored.
pub fn one(conn: &Connection, region: &str, month: Month, country: CountryCode) -> Result<Option<Note>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM note WHERE region = ?1 AND month = ?2 AND country = ?3"),
        params![region, month.to_string(), country.as_str()],
        |row| Ok(note_row(row)),
    )
    .optional()?
    .transpose()
}

/// Inserts the note, or replaces the texts of the one with its key;
/// `import_id` is `None` for a note written by hand.
fn write(conn: &Connection, note: &Note, import_id: Option<i64>) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO note ({COLUMNS}, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (region, month, country) DO UPDATE SET
                 text_fr = ?4, text_en = ?5, text_ar = ?6, import_id = ?7"
        ),
        params![
            note.region,
            note.month.to_string(),
            note.country.as_str(),
            note.text.fr,
            note.text.en,
            note.text.ar,
            import_id
        ],
    )?;
    Ok(())
}

/// Writes a note entered in the web application and its audit entry in one
/// transaction, if the store still holds `stored` (`None`: no note with its
/// key); `false`, nothing written, otherwise.
pub fn save(conn: &mut Connection, note: &Note, stored: Option<&Note>, audit: &AuditEntry) -> Result<bool> {
    let tx = conn.transaction()?;
    if one(&tx, &note.region, note.month, note.country)?.as_ref() != stored {
        return Ok(false);
    }
    write(&tx, note, None)?;
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(true)
}

impl RegisterSession<Note> for SqliteNoteImport<'_> {
    fn upsert(&mut self, note: &Note) -> Result<Upsert> {
        // every write marks the row with this import: a second is a repeat
        let written_by: Option<Option<i64>> = self
            .run
            .conn
            .query_row(
                "SELECT import_id FROM note WHERE region = ?1 AND month = ?2 AND country = ?3",
                rusqlite::params![note.region, note.month.to_string(), note.country.as_str()],
                |row| row.get(0),
            )
            .optional()?;
        if written_by == Some(Some(self.run.import_id)) {
            return Ok(Upsert::Repeated);
        }
        let outcome = match one(self.run.conn, &note.region, note.month, note.country)? {
            Some(stored) if &stored == note => Upsert::Unchanged,
            Some(_) => Upsert::Updated,
            None => Upsert::New,
        };
        write(self.run.conn, note, Some(self.run.import_id))?;
        Ok(outcome)
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        self.run.record_audit(entry)
    }

    fn finish(mut self: Box<Self>, counts: ImportCounts) -> Result<i64> {
        self.run.finish(counts)
    }
}
