//! The activity register in SQLite: activities listed in date order, and
//! imported in one transaction.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use std::collections::HashMap;
use vigie_domain::validate::parse_iso_date;

use vigie_domain::counterpart::Counterpart;
use vigie_domain::{Activity, ActivityKind, AuditEntry, CountryCode, DatePrecision, Domain, Names};

use super::import::RunTransaction;
use super::users::insert_audit;
use crate::{ActivityFilter, ActivityImportSession, ImportCounts, RegisterSession, Result, StoreError, Upsert};

const COLUMNS: &str = "id, kind, date, date_precision, end_date, title_fr, title_en, title_ar, counterpart_country, \
                       counterpart_org_fr, counterpart_org_en, counterpart_org_ar, counterpart_person, \
                       counterpart_person_ar, counterpart_title_fr, counterpart_title_en, counterpart_title_ar, \
                       domains, place_fr, place_en, place_ar, description_fr, description_en, description_ar, \
                       article, highlight, organisations, themes";

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("activity {what} {value:?}"))
}

fn date(what: &str, text: &str) -> Result<jiff::civil::Date> {
    parse_iso_date(text).ok_or_else(|| corrupt(what, text))
}

/// An activity from the columns of [`COLUMNS`], in order.
fn activity_row(row: &rusqlite::Row<'_>) -> Result<Activity> {
    let kind: String = row.get(1)?;
    let start: String = row.get(2)?;
    let precision: String = row.get(3)?;
    let end: Option<String> = row.get(4)?;
    let country: Option<String> = row.get(8)?;
    let domains: String = row.get(17)?;
    let highlight: Option<i64> = row.get(25)?;
    let names = |at: usize| -> rusqlite::Result<Names> {
        Ok(Names { fr: row.get(at)?, en: row.get(at + 1)?, ar: row.get(at + 2)? })
    };
    Ok(Activity {
        id: row.get(0)?,
        kind: ActivityKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
        date: date("date", &start)?,
        date_precision: match precision.as_str() {
            "day" => DatePrecision::Day,
            "month" => DatePrecision::Month,
            other => return Err(corrupt("date precision", other)),
        },
        end_date: end.map(|end| date("end date", &end)).transpose()?,
        title: Names { fr: row.get(5)?, en: row.get(6)?, ar: row.get(7)? },
        counterpart_country: country
            .map(|code| CountryCode::new(&code).ok_or_else(|| corrupt("counterpart country", &code)))
            .transpose()?,
        counterpart_org: names(9)?,
        counterpart_person: row.get(12)?,
        counterpart_person_ar: row.get(13)?,
        counterpart_title: names(14)?,
        domains: domains
            .lines()
            .map(|code| Domain::parse(code).ok_or_else(|| corrupt("domain", code)))
            .collect::<Result<_>>()?,
        place: names(18)?,
        description: names(21)?,
        article: row.get(24)?,
        highlight: highlight.map(|h| u32::try_from(h).map_err(|_| corrupt("highlight", &h.to_string()))).transpose()?,
        organisations: lines(row.get(26)?),
        themes: lines(row.get(27)?),
        people: Vec::new(),
    })
}

const PEOPLE_COLUMNS: &str = "organisation, person, person_ar, title_fr, title_en, title_ar";

/// A person from the columns of [`PEOPLE_COLUMNS`], from `at` on.
fn person_row(row: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Counterpart> {
    Ok(Counterpart {
        organisation: row.get(at)?,
        person: row.get(at + 1)?,
        person_ar: row.get(at + 2)?,
        title: Names { fr: row.get(at + 3)?, en: row.get(at + 4)?, ar: row.get(at + 5)? },
    })
}

/// The further people of one activity, in order.
fn people_of(conn: &Connection, id: &str) -> Result<Vec<Counterpart>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {PEOPLE_COLUMNS} FROM activity_counterpart WHERE activity_id = ?1 ORDER BY position"
    ))?;
    let people = statement.query_map([id], |row| person_row(row, 0))?.collect::<rusqlite::Result<_>>()?;
    Ok(people)
}

/// Every activity's further people, by activity id.
fn all_people(conn: &Connection) -> Result<HashMap<String, Vec<Counterpart>>> {
    let mut statement = conn.prepare(&format!(
        "SELECT activity_id, {PEOPLE_COLUMNS} FROM activity_counterpart ORDER BY activity_id, position"
    ))?;
    let mut rows = statement.query([])?;
    let mut people: HashMap<String, Vec<Counterpart>> = HashMap::new();
    while let Some(row) = rows.next()? {
        people.entry(row.get(0)?).or_default().push(person_row(row, 1)?);
    }
    Ok(people)
}

/// Replaces an activity's further people with `people` (entered by hand).
fn write_people(conn: &Connection, activity: &Activity) -> Result<()> {
    conn.execute("DELETE FROM activity_counterpart WHERE activity_id = ?1", [&activity.id])?;
    for (index, person) in activity.people.iter().enumerate() {
        insert_person(conn, &activity.id, index + 1, person, None)?;
    }
    Ok(())
}

fn insert_person(
    conn: &Connection,
    activity: &str,
    position: usize,
    person: &Counterpart,
    import_id: Option<i64>,
) -> Result<()> {
    conn.prepare_cached(&format!(
        "INSERT INTO activity_counterpart (activity_id, position, {PEOPLE_COLUMNS}, import_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (activity_id, position) DO UPDATE SET organisation = ?3, person = ?4, person_ar = ?5,
                 title_fr = ?6, title_en = ?7, title_ar = ?8, import_id = ?9"
    ))?
    .execute(params![
        activity,
        position as i64,
        person.organisation,
        person.person,
        person.person_ar,
        person.title.fr,
        person.title.en,
        person.title.ar,
        import_id
    ])?;
    Ok(())
}

/// The items of a column that holds one a line.
fn lines(text: String) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

/// The activities that match, by date, then highlight (none last), then id.
pub fn list(conn: &Connection, filter: &ActivityFilter) -> Result<Vec<Activity>> {
    let mut conditions: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(from) = filter.from {
        values.push(Value::Text(from.to_string()));
        conditions.push(format!("date >= ?{}", values.len()));
    }
    if let Some(to) = filter.to {
        values.push(Value::Text(to.to_string()));
        conditions.push(format!("date <= ?{}", values.len()));
    }
    if !filter.kinds.is_empty() {
        let mut places = Vec::new();
        for kind in &filter.kinds {
            values.push(Value::Text(kind.code().to_string()));
            places.push(format!("?{}", values.len()));
        }
        conditions.push(format!("kind IN ({})", places.join(", ")));
    }
    if let Some(country) = filter.country {
        values.push(Value::Text(country.to_string()));
        conditions.push(format!("counterpart_country = ?{}", values.len()));
    }
    let mut sql = format!("SELECT {COLUMNS} FROM activity");
    if !conditions.is_empty() {
        sql.push_str(" WHERE ");
        sql.push_str(&conditions.join(" AND "));
    }
    sql.push_str(" ORDER BY date, highlight IS NULL, highlight, id");
    let mut statement = conn.prepare(&sql)?;
    let mut rows = statement.query(params_from_iter(values))?;
    let mut people = all_people(conn)?;
    let mut activities = Vec::new();
    while let Some(row) = rows.next()? {
        let mut activity = activity_row(row)?;
        activity.people = people.remove(&activity.id).unwrap_or_default();
        activities.push(activity);
    }
    Ok(activities)
}

pub struct SqliteActivityImport<'a> {
    run: RunTransaction<'a>,
}

impl<'a> SqliteActivityImport<'a> {
    pub fn begin(conn: &'a mut Connection, source: &str, format: &str) -> Result<SqliteActivityImport<'a>> {
        Ok(SqliteActivityImport { run: RunTransaction::begin(conn, source, format)? })
    }
}

/// One activity as stored.
pub fn one(conn: &Connection, id: &str) -> Result<Option<Activity>> {
    // cached: an import reads each activity before it writes it
    let found = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM activity WHERE id = ?1"))?
        .query_row([id], |row| Ok(activity_row(row)))
        .optional()?
        .transpose()?;
    found
        .map(|mut activity| {
            activity.people = people_of(conn, id)?;
            Ok(activity)
        })
        .transpose()
}

/// Inserts the activity, or replaces the one with its id (not its further
/// people); `import_id` is `None` for an activity entered by hand.
fn write(conn: &Connection, activity: &Activity, import_id: Option<i64>) -> Result<()> {
    let domains: Vec<&str> = activity.domains.iter().map(|d| d.code()).collect();
    conn.prepare_cached(&format!(
        "INSERT INTO activity ({COLUMNS}, import_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                     ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)
             ON CONFLICT (id) DO UPDATE SET kind = ?2, date = ?3, date_precision = ?4, end_date = ?5,
                 title_fr = ?6, title_en = ?7, title_ar = ?8, counterpart_country = ?9,
                 counterpart_org_fr = ?10, counterpart_org_en = ?11, counterpart_org_ar = ?12,
                 counterpart_person = ?13, counterpart_person_ar = ?14, counterpart_title_fr = ?15,
                 counterpart_title_en = ?16, counterpart_title_ar = ?17, domains = ?18, place_fr = ?19,
                 place_en = ?20, place_ar = ?21, description_fr = ?22, description_en = ?23,
                 description_ar = ?24, article = ?25, highlight = ?26, organisations = ?27, themes = ?28,
                 import_id = ?29"
    ))?
    .execute(params![
        activity.id,
        activity.kind.code(),
        activity.date.to_string(),
        activity.date_precision.code(),
        activity.end_date.map(|d| d.to_string()),
        activity.title.fr,
        activity.title.en,
        activity.title.ar,
        activity.counterpart_country.map(|c| c.to_string()),
        activity.counterpart_org.fr,
        activity.counterpart_org.en,
        activity.counterpart_org.ar,
        activity.counterpart_person,
        activity.counterpart_person_ar,
        activity.counterpart_title.fr,
        activity.counterpart_title.en,
        activity.counterpart_title.ar,
        domains.join("\n"),
        activity.place.fr,
        activity.place.en,
        activity.place.ar,
        activity.description.fr,
        activity.description.en,
        activity.description.ar,
        activity.article,
        activity.highlight,
        activity.organisations.join("\n"),
        activity.themes.join("\n"),
        import_id
    ])?;
    Ok(())
}

/// Writes an activity entered in the web application and its audit entry
/// in one transaction, if the store still holds `stored` (`None`: no
/// activity with its id); `false`, nothing written, otherwise.
pub fn save(conn: &mut Connection, activity: &Activity, stored: Option<&Activity>, audit: &AuditEntry) -> Result<bool> {
    let tx = conn.transaction()?;
    if one(&tx, &activity.id)?.as_ref() != stored {
        return Ok(false);
    }
    write(&tx, activity, None)?;
    write_people(&tx, activity)?;
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(true)
}

impl RegisterSession<Activity> for SqliteActivityImport<'_> {
    fn upsert(&mut self, activity: &Activity) -> Result<Upsert> {
        // every write marks the row with this import: a second is a repeat
        // (found in the table, not in a set growing with the rows)
        let written_by: Option<Option<i64>> = self
            .run
            .conn
            .prepare_cached("SELECT import_id FROM activity WHERE id = ?1")?
            .query_row([&activity.id], |row| row.get(0))
            .optional()?;
        if written_by == Some(Some(self.run.import_id)) {
            return Ok(Upsert::Repeated);
        }
        let outcome = match one(self.run.conn, &activity.id)? {
            // the activity's record does not hold its further people
            Some(stored) if Activity { people: stored.people.clone(), ..activity.clone() } == stored => {
                Upsert::Unchanged
            }
            Some(_) => Upsert::Updated,
            None => Upsert::New,
        };
        write(self.run.conn, activity, Some(self.run.import_id))?;
        Ok(outcome)
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        self.run.record_audit(entry)
    }

    fn finish(mut self: Box<Self>, counts: ImportCounts) -> Result<i64> {
        // the people of an activity this import listed are those it gave
        self.run.conn.execute(
            "DELETE FROM activity_counterpart WHERE import_id IS NOT ?1
                 AND activity_id IN (SELECT activity_id FROM activity_counterpart WHERE import_id = ?1)",
            [self.run.import_id],
        )?;
        self.run.finish(counts)
    }
}

impl ActivityImportSession for SqliteActivityImport<'_> {
    fn add_person(&mut self, activity: &str, person: &Counterpart) -> Result<Upsert> {
        let conn = self.run.conn;
        let exists = conn
            .prepare_cached("SELECT 1 FROM activity WHERE id = ?1")?
            .query_row([activity], |_| Ok(()))
            .optional()?
            .is_some();
        if !exists {
            return Ok(Upsert::Orphan);
        }
        // the people this import gave the activity so far come first; rows
        // of earlier imports after them are replaced, then deleted by finish
        let mut statement = conn.prepare_cached(&format!(
            "SELECT {PEOPLE_COLUMNS} FROM activity_counterpart WHERE activity_id = ?1 AND import_id IS ?2
                 ORDER BY position"
        ))?;
        let given: Vec<Counterpart> = statement
            .query_map(params![activity, self.run.import_id], |row| person_row(row, 0))?
            .collect::<rusqlite::Result<_>>()?;
        if given.iter().any(|earlier| earlier.same_person(person)) {
            return Ok(Upsert::Repeated);
        }
        let position = given.len() + 1;
        let before: Option<Counterpart> = conn
            .prepare_cached(&format!(
                "SELECT {PEOPLE_COLUMNS} FROM activity_counterpart WHERE activity_id = ?1 AND position = ?2"
            ))?
            .query_row(params![activity, position as i64], |row| person_row(row, 0))
            .optional()?;
        insert_person(conn, activity, position, person, Some(self.run.import_id))?;
        Ok(match before {
            Some(before) if before == *person => Upsert::Unchanged,
            Some(_) => Upsert::Updated,
            None => Upsert::New,
        })
    }
}
