//! The register of themes in SQLite, imported in one transaction; a label
//! translated on the desk is saved with its audit entry.

use rusqlite::{Connection, OptionalExtension, params};
use vigie_domain::theme::Theme;
use vigie_domain::{AuditEntry, Names};

use super::import::RunTransaction;
use super::users::insert_audit;
use crate::{ImportCounts, RegisterSession, Result, Upsert};

fn theme_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Theme> {
    Ok(Theme { id: row.get(0)?, label: Names { fr: row.get(1)?, en: row.get(2)?, ar: row.get(3)? } })
}

/// Every theme, by id.
pub fn all(conn: &Connection) -> Result<Vec<Theme>> {
    let mut statement = conn.prepare("SELECT id, label_fr, label_en, label_ar FROM theme ORDER BY id")?;
    let themes = statement.query_map([], theme_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(themes)
}

fn one(conn: &Connection, id: &str) -> Result<Option<Theme>> {
    Ok(conn
        .prepare_cached("SELECT id, label_fr, label_en, label_ar FROM theme WHERE id = ?1")?
        .query_row([id], theme_row)
        .optional()?)
}

fn write(conn: &Connection, theme: &Theme, import_id: Option<i64>) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO theme (id, label_fr, label_en, label_ar, import_id) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET label_fr = ?2, label_en = ?3, label_ar = ?4,
             import_id = coalesce(?5, import_id)",
    )?
    .execute(params![theme.id, theme.label.fr, theme.label.en, theme.label.ar, import_id])?;
    Ok(())
}

/// Writes a theme's labels with their audit entry in one transaction, if
/// the store still holds `stored`; `false`, nothing written, otherwise.
pub fn save(conn: &mut Connection, theme: &Theme, stored: &Theme, audit: &AuditEntry) -> Result<bool> {
    let tx = conn.transaction()?;
    if one(&tx, &theme.id)?.as_ref() != Some(stored) {
        return Ok(false);
    }
    write(&tx, theme, None)?;
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(true)
}

pub struct SqliteThemeImport<'a> {
    run: RunTransaction<'a>,
}

impl<'a> SqliteThemeImport<'a> {
    pub fn begin(conn: &'a mut Connection, source: &str, format: &str) -> Result<SqliteThemeImport<'a>> {
        Ok(SqliteThemeImport { run: RunTransaction::begin(conn, source, format)? })
    }
}

impl RegisterSession<Theme> for SqliteThemeImport<'_> {
    fn upsert(&mut self, theme: &Theme) -> Result<Upsert> {
        // every write marks the row with this import: a second is a repeat
        let written_by: Option<Option<i64>> = self
            .run
            .conn
            .prepare_cached("SELECT import_id FROM theme WHERE id = ?1")?
            .query_row([&theme.id], |row| row.get(0))
            .optional()?;
        if written_by == Some(Some(self.run.import_id)) {
            return Ok(Upsert::Repeated);
        }
        let outcome = match one(self.run.conn, &theme.id)? {
            Some(stored) if &stored == theme => Upsert::Unchanged,
            Some(_) => Upsert::Updated,
            None => Upsert::New,
        };
        write(self.run.conn, theme, Some(self.run.import_id))?;
        Ok(outcome)
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        self.run.record_audit(entry)
    }

    fn finish(mut self: Box<Self>, counts: ImportCounts) -> Result<i64> {
        self.run.finish(counts)
    }
}
