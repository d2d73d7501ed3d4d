//! An import as one SQLite transaction.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use vigie_domain::{Group, Incident};

use super::groups;
use crate::{ImportCounts, ImportSession, Result, Upsert};

pub struct SqliteImport<'a> {
    tx: Transaction<'a>,
    import_id: i64,
    now: String,
}

impl<'a> SqliteImport<'a> {
    pub fn begin(conn: &'a mut Connection, source: &str, format: &str) -> Result<SqliteImport<'a>> {
        let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO import_run (started_at, source, format) VALUES (?1, ?2, ?3)",
            params![now, source, format],
        )?;
        let import_id = tx.last_insert_rowid();
        Ok(SqliteImport { tx, import_id, now })
    }
}

const INSERT: &str = "INSERT INTO incident (
    id, date, date_end, date_precision, country, admin1, location, latitude, longitude, geo_precision,
    perpetrator, target, method, killed, wounded, kidnapped, perpetrators_killed, description, sources, status,
    content_hash, import_id, created_at, updated_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?23)";

const UPDATE: &str = "UPDATE incident SET
    date = ?2, date_end = ?3, date_precision = ?4, country = ?5, admin1 = ?6, location = ?7, latitude = ?8,
    longitude = ?9, geo_precision = ?10, perpetrator = ?11, target = ?12, method = ?13, killed = ?14, wounded = ?15,
    kidnapped = ?16, perpetrators_killed = ?17, description = ?18, sources = ?19, status = ?20,
    content_hash = ?21, import_id = ?22, updated_at = ?23
    WHERE id = ?1";

fn empty_as_null(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

impl ImportSession for SqliteImport<'_> {
    fn add_group(&mut self, group: &Group) -> Result<()> {
        groups::insert(&self.tx, group)
    }

    fn upsert(&mut self, incident: &Incident) -> Result<Upsert> {
        let hash = incident.content_hash();
        let stored: Option<i64> = self
            .tx
            .prepare_cached("SELECT content_hash FROM incident WHERE id = ?1")?
            .query_row([&incident.id], |row| row.get(0))
            .optional()?;
        let (sql, outcome) = match stored {
            Some(stored) if stored == hash => return Ok(Upsert::Unchanged),
            Some(_) => (UPDATE, Upsert::Updated),
            None => (INSERT, Upsert::New),
        };
        let date = incident.date.to_string();
        let date_end = incident.date_end.map(|d| d.to_string());
        self.tx.prepare_cached(sql)?.execute(params![
            incident.id,
            date,
            date_end,
            incident.date_precision.code(),
            incident.country.as_str(),
            empty_as_null(&incident.admin1),
            empty_as_null(&incident.location),
            incident.latitude,
            incident.longitude,
            incident.geo_precision,
            incident.perpetrator,
            incident.target.code(),
            incident.method.code(),
            incident.killed,
            incident.wounded,
            incident.kidnapped,
            incident.perpetrators_killed,
            empty_as_null(&incident.description),
            empty_as_null(&incident.sources),
            incident.status.code(),
            hash,
            self.import_id,
            self.now,
        ])?;
        Ok(outcome)
    }

    fn finish(self: Box<Self>, counts: ImportCounts) -> Result<i64> {
        self.tx.execute(
            "UPDATE import_run SET new = ?2, updated = ?3, unchanged = ?4, rejected = ?5 WHERE id = ?1",
            params![
                self.import_id,
                counts.new as i64,
                counts.updated as i64,
                counts.unchanged as i64,
                counts.rejected as i64
            ],
        )?;
        let import_id = self.import_id;
        self.tx.commit()?;
        Ok(import_id)
    }
}
