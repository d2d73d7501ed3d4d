//! An import as one SQLite transaction, with its statements prepared once.
//! Each stored incident keeps its `content_hash`, so that telling whether a
//! row changed costs one primary-key lookup: re-importing a file changes no
//! incident (each is only marked as seen by the import, so that an id met
//! twice is caught without a set of ids in memory).

use rusqlite::{Connection, OptionalExtension, Statement, params};
use vigie_domain::{AuditEntry, CountryCode, Group, Incident, Status};

use super::groups;
use crate::{ImportCounts, ImportSession, Result, StoreError, Upsert};

pub struct SqliteImport<'a> {
    conn: &'a Connection,
    select: Statement<'a>,
    insert: Statement<'a>,
    update: Statement<'a>,
    touch: Statement<'a>,
    merged: Statement<'a>,
    import_id: i64,
    /// Secondary indexes dropped for a bulk load, recreated at the end.
    deferred_indexes: Vec<String>,
    committed: bool,
}

impl<'a> SqliteImport<'a> {
    pub fn begin(conn: &'a mut Connection, source: &str, format: &str) -> Result<SqliteImport<'a>> {
        let conn: &'a Connection = conn;
        let import_id = begin_run(conn, source, format)?;
        match Self::prepare(conn, import_id) {
            Ok(import) => Ok(import),
            Err(error) => {
                let _ = conn.execute_batch("ROLLBACK");
                Err(error)
            }
        }
    }

    fn prepare(conn: &'a Connection, import_id: i64) -> Result<SqliteImport<'a>> {
        // Into an empty table, building the secondary indexes once at the end
        // (a sort) is much faster than updating them row by row. DDL is
        // transactional in SQLite: a rollback restores them.
        let empty: bool = conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM incident)", [], |row| row.get(0))?;
        let mut deferred_indexes = Vec::new();
        if empty {
            let mut statement = conn.prepare(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'incident' AND sql IS NOT NULL",
            )?;
            let indexes: Vec<(String, String)> =
                statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<Result<_, _>>()?;
            for (name, sql) in indexes {
                conn.execute_batch(&format!("DROP INDEX \"{name}\""))?;
                deferred_indexes.push(sql);
            }
        }
        Ok(SqliteImport {
            conn,
            select: conn.prepare("SELECT content_hash, import_id FROM incident WHERE id = ?1")?,
            touch: conn.prepare("UPDATE incident SET import_id = ?2 WHERE id = ?1")?,
            merged: conn.prepare("SELECT 1 FROM incident_alias WHERE alias = ?1")?,
            insert: conn.prepare(INSERT)?,
            update: conn.prepare(UPDATE)?,
            import_id,
            deferred_indexes,
            committed: false,
        })
    }
}

impl Drop for SqliteImport<'_> {
    fn drop(&mut self) {
        if !self.committed {
            // an import that did not finish leaves nothing behind
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

pub(super) const INSERT: &str = "INSERT INTO incident (
    id, date, date_end, date_precision, country, admin1, location, latitude, longitude, geo_precision,
    perpetrator, target, method, killed, wounded, kidnapped, perpetrators_killed, description, sources, status,
    content_hash, import_id, killed_low, killed_high)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23,
            ?24)";

pub(super) const UPDATE: &str = "UPDATE incident SET
    date = ?2, date_end = ?3, date_precision = ?4, country = ?5, admin1 = ?6, location = ?7, latitude = ?8,
    longitude = ?9, geo_precision = ?10, perpetrator = ?11, target = ?12, method = ?13, killed = ?14, wounded = ?15,
    kidnapped = ?16, perpetrators_killed = ?17, description = ?18, sources = ?19, status = ?20,
    content_hash = ?21, import_id = ?22, killed_low = ?23, killed_high = ?24
    WHERE id = ?1";

fn empty_as_null(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

impl ImportSession for SqliteImport<'_> {
    fn add_group(&mut self, group: &Group) -> Result<()> {
        groups::insert(self.conn, group)
    }

    fn upsert(&mut self, incident: &Incident, content_hash: i64) -> Result<Upsert> {
        if self.bulk() {
            // the table was empty: an id already there was written by this import
            return match self.write(Write::Insert, incident, content_hash) {
                Ok(()) => Ok(Upsert::New),
                Err(rusqlite::Error::SqliteFailure(error, _))
                    if error.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY =>
                {
                    Ok(Upsert::Repeated)
                }
                Err(error) => Err(error.into()),
            };
        }
        let stored: Option<(i64, Option<i64>)> =
            self.select.query_row([&incident.id], |row| Ok((row.get(0)?, row.get(1)?))).optional()?;
        match stored {
            Some((_, written_by)) if written_by == Some(self.import_id) => Ok(Upsert::Repeated),
            Some((stored, _)) if stored == content_hash => {
                // mark it seen by this import, so that a repeat is caught
                self.touch.execute(params![incident.id, self.import_id])?;
                Ok(Upsert::Unchanged)
            }
            Some(_) => {
                self.write(Write::Update, incident, content_hash)?;
                Ok(Upsert::Updated)
            }
            // a duplicate merged into another incident: the kept one stands
            None if self.merged.exists([&incident.id])? => Ok(Upsert::Unchanged),
            None => {
                self.write(Write::Insert, incident, content_hash)?;
                Ok(Upsert::New)
            }
        }
    }

    fn stored(&mut self, id: &str) -> Result<Option<Incident>> {
        super::query::incident(self.conn, id)
    }

    fn stored_access(&mut self, id: &str) -> Result<Option<(CountryCode, Status)>> {
        let stored: Option<(String, String)> = self
            .conn
            .prepare_cached("SELECT country, status FROM incident WHERE id = ?1")?
            .query_row([id], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        stored
            .map(|(country, status)| match (CountryCode::new(&country), Status::parse(&status)) {
                (Some(country), Some(status)) => Ok((country, status)),
                _ => Err(StoreError::Corrupt(format!("country {country:?}, status {status:?}"))),
            })
            .transpose()
    }

    fn set_actor(&mut self, actor: &str) -> Result<()> {
        self.conn.execute("UPDATE import_run SET actor = ?2 WHERE id = ?1", params![self.import_id, actor])?;
        Ok(())
    }

    fn set_author(&mut self, id: &str, author_id: i64) -> Result<()> {
        self.conn.execute(
            "INSERT INTO incident_workflow (incident_id, author_id) VALUES (?1, ?2)
             ON CONFLICT (incident_id) DO UPDATE SET author_id = excluded.author_id",
            params![id, author_id],
        )?;
        Ok(())
    }

    fn reopen(&mut self, id: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE incident_workflow SET reviewer_id = NULL, review_comment = NULL WHERE incident_id = ?1",
            [id],
        )?;
        Ok(())
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        super::users::insert_audit(self.conn, entry).map(|_| ())
    }

    fn finish(mut self: Box<Self>, counts: ImportCounts) -> Result<i64> {
        let started = std::time::Instant::now();
        for sql in &self.deferred_indexes {
            self.conn.execute_batch(sql)?;
        }
        tracing::debug!(elapsed = ?started.elapsed(), "secondary indexes rebuilt");
        if counts.new + counts.updated >= ANALYZE_AFTER {
            // the planner's statistics: without them a page of a list in date
            // order sorts every row the filter selects (32,803 of 1,000,000
            // for three countries and a year: 150 ms) instead of walking the
            // date index (16 ms)
            self.conn.execute_batch("ANALYZE main.incident")?;
            tracing::debug!(elapsed = ?started.elapsed(), "statistics refreshed");
        }
        record_counts(self.conn, self.import_id, counts)?;
        self.conn.execute_batch("COMMIT")?;
        self.committed = true;
        tracing::debug!(elapsed = ?started.elapsed(), "import committed");
        Ok(self.import_id)
    }
}

/// An import that writes this many incidents refreshes the query
/// planner's statistics of the table (`ANALYZE`, about 0.7 s for 1,000,000
/// rows, in its transaction).
const ANALYZE_AFTER: u64 = 10_000;

enum Write {
    Insert,
    Update,
}

impl SqliteImport<'_> {
    /// Loading into a table that was empty: the secondary indexes wait for
    /// the end, and no row needs looking up first.
    fn bulk(&self) -> bool {
        !self.deferred_indexes.is_empty()
    }

    fn write(&mut self, write: Write, incident: &Incident, content_hash: i64) -> rusqlite::Result<()> {
        let statement = match write {
            Write::Insert => &mut self.insert,
            Write::Update => &mut self.update,
        };
        execute_row(statement, incident, content_hash, Some(self.import_id))?;
        Ok(())
    }
}

/// Opens an import's transaction and records its run; returns the run's id.
/// Nothing is left open if that fails.
pub fn begin_run(conn: &Connection, source: &str, format: &str) -> Result<i64> {
    let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    // take the write lock now rather than fail half-way
    super::begin_database_write(conn)?;
    let started = conn.execute(
        "INSERT INTO import_run (started_at, source, format) VALUES (?1, ?2, ?3)",
        params![now, source, format],
    );
    if let Err(error) = started {
        let _ = conn.execute_batch("ROLLBACK");
        return Err(error.into());
    }
    Ok(conn.last_insert_rowid())
}

/// Binds an incident's columns in the order of [`INSERT`] (and of the update
/// statement) and runs `statement`; `import_id` is `None` for an incident
/// entered by hand.
pub(super) fn execute_row(
    statement: &mut Statement<'_>,
    incident: &Incident,
    content_hash: i64,
    import_id: Option<i64>,
) -> rusqlite::Result<usize> {
    let mut date = [0u8; 10];
    let mut date_end = [0u8; 10];
    statement.execute(params![
        incident.id,
        iso_date(incident.date, &mut date),
        incident.date_end.map(|d| iso_date(d, &mut date_end)),
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
        content_hash,
        import_id,
        incident.killed_low,
        incident.killed_high,
    ])
}

/// The transaction of one register import and its run: begun by
/// [`RunTransaction::begin`], committed by [`RunTransaction::finish`], rolled
/// back when dropped unfinished, so that an import that did not finish leaves
/// nothing behind.
pub struct RunTransaction<'a> {
    pub conn: &'a Connection,
    pub import_id: i64,
    committed: bool,
}

impl<'a> RunTransaction<'a> {
    pub fn begin(conn: &'a mut Connection, source: &str, format: &str) -> Result<RunTransaction<'a>> {
        let conn: &'a Connection = conn;
        let import_id = begin_run(conn, source, format)?;
        Ok(RunTransaction { conn, import_id, committed: false })
    }

    /// Adds an entry to the audit log in the run's transaction: committed
    /// with the import, or rolled back with it.
    pub fn record_audit(&self, entry: &AuditEntry) -> Result<()> {
        super::users::insert_audit(self.conn, entry).map(|_| ())
    }

    /// Records the counts and commits; returns the run's id.
    pub fn finish(&mut self, counts: ImportCounts) -> Result<i64> {
        record_counts(self.conn, self.import_id, counts)?;
        self.conn.execute_batch("COMMIT")?;
        self.committed = true;
        Ok(self.import_id)
    }
}

impl Drop for RunTransaction<'_> {
    fn drop(&mut self) {
        if !self.committed {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

/// Records an import's counts on its run.
pub fn record_counts(conn: &Connection, import_id: i64, counts: ImportCounts) -> Result<()> {
    conn.execute(
        "UPDATE import_run SET new = ?2, updated = ?3, unchanged = ?4, rejected = ?5, skipped = ?6 WHERE id = ?1",
        params![
            import_id,
            counts.new as i64,
            counts.updated as i64,
            counts.unchanged as i64,
            counts.rejected as i64,
            counts.skipped as i64
        ],
    )?;
    Ok(())
}

/// `YYYY-MM-DD` without an allocation (this runs once per imported row).
fn iso_date(date: jiff::civil::Date, buffer: &mut [u8; 10]) -> &str {
    let year = date.year().clamp(0, 9999) as u16;
    let digits = [
        year / 1000,
        year / 100 % 10,
        year / 10 % 10,
        year % 10,
        0,
        date.month() as u16 / 10,
        date.month() as u16 % 10,
        0,
        date.day() as u16 / 10,
        date.day() as u16 % 10,
    ];
    for (i, digit) in digits.iter().enumerate() {
        buffer[i] = if i == 4 || i == 7 { b'-' } else { b'0' + *digit as u8 };
    }
    std::str::from_utf8(buffer).unwrap_or("0000-00-00")
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_dates_match_jiff() {
        for (y, m, d) in [(2023, 12, 4), (1970, 1, 1), (2024, 2, 29), (999, 10, 31)] {
            let date = jiff::civil::Date::new(y, m, d).unwrap();
            let mut buffer = [0u8; 10];
            assert_eq!(super::iso_date(date, &mut buffer), format!("{date}"));
        }
    }
}
