//! The register of organisations in SQLite, imported in one transaction.

use rusqlite::{Connection, OptionalExtension, params};
use vigie_domain::{AuditEntry, CountryCode, Names, Organisation, OrganisationKind};

use super::import::RunTransaction;
use crate::{ImportCounts, RegisterSession, Result, StoreError, Upsert};

const COLUMNS: &str = "id, kind, country, partner, name_fr, name_en, name_ar";

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("organisation {what} {value:?}"))
}

fn organisation_row(row: &rusqlite::Row<'_>) -> Result<Organisation> {
    let kind: String = row.get(1)?;
    let country: Option<String> = row.get(2)?;
    Ok(Organisation {
        id: row.get(0)?,
        kind: OrganisationKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
        country: country.map(|c| CountryCode::new(&c).ok_or_else(|| corrupt("country", &c))).transpose()?,
        partner: row.get(3)?,
        name: Names { fr: row.get(4)?, en: row.get(5)?, ar: row.get(6)? },
    })
}

/// Every organisation, by id.
pub fn all(conn: &Connection) -> Result<Vec<Organisation>> {
    let mut statement = conn.prepare(&format!("SELECT {COLUMNS} FROM organisation ORDER BY id"))?;
    let mut rows = statement.query([])?;
    let mut found = Vec::new();
    while let Some(row) = rows.next()? {
        found.push(organisation_row(row)?);
    }
    Ok(found)
}

fn one(conn: &Connection, id: &str) -> Result<Option<Organisation>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM organisation WHERE id = ?1"))?
        .query_row([id], |row| Ok(organisation_row(row)))
        .optional()?
        .transpose()
}

pub struct SqliteOrganisationImport<'a> {
    run: RunTransaction<'a>,
}

impl<'a> SqliteOrganisationImport<'a> {
    pub fn begin(conn: &'a mut Connection, source: &str, format: &str) -> Result<SqliteOrganisationImport<'a>> {
        Ok(SqliteOrganisationImport { run: RunTransaction::begin(conn, source, format)? })
    }
}

impl RegisterSession<Organisation> for SqliteOrganisationImport<'_> {
    fn upsert(&mut self, organisation: &Organisation) -> Result<Upsert> {
        // every write marks the row with this import: a second is a repeat
        let written_by: Option<Option<i64>> = self
            .run
            .conn
            .prepare_cached("SELECT import_id FROM organisation WHERE id = ?1")?
            .query_row([&organisation.id], |row| row.get(0))
            .optional()?;
        if written_by == Some(Some(self.run.import_id)) {
            return Ok(Upsert::Repeated);
        }
        let outcome = match one(self.run.conn, &organisation.id)? {
            Some(stored) if &stored == organisation => Upsert::Unchanged,
            Some(_) => Upsert::Updated,
            None => Upsert::New,
        };
        self.run.conn.execute(
            &format!(
                "INSERT INTO organisation ({COLUMNS}, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (id) DO UPDATE SET kind = ?2, country = ?3, partner = ?4, name_fr = ?5,
                     name_en = ?6, name_ar = ?7, import_id = ?8"
            ),
            params![
                organisation.id,
                organisation.kind.code(),
                organisation.country.map(|c| c.to_string()),
                organisation.partner,
                organisation.name.fr,
                organisation.name.en,
                organisation.name.ar,
                self.run.import_id
            ],
        )?;
        Ok(outcome)
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        self.run.record_audit(entry)
    }

    fn finish(mut self: Box<Self>, counts: ImportCounts) -> Result<i64> {
        self.run.finish(counts)
    }
}
