//! Reading incidents back: lists with filters, single incidents, and the
//! grouped counts reports are built from.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};
use vigie_domain::fold::fold;
use vigie_domain::validate::parse_iso_date;
use vigie_domain::{CountryCode, DatePrecision, Incident, Method, Status, Target};

use crate::{Actors, Aggregate, AggregateRow, Dimension, IncidentFilter, Order, Result, StoreError};

const COLUMNS: &str = "id, date, date_end, date_precision, country, admin1, location, latitude, longitude,
    geo_precision, perpetrator, target, method, killed, wounded, kidnapped, perpetrators_killed, description,
    sources, status, killed_low, killed_high";

/// Builds a WHERE clause with positional parameters.
#[derive(Default)]
struct Conditions {
    clauses: Vec<String>,
    params: Vec<Value>,
}

impl Conditions {
    fn push(&mut self, clause: &str, value: Value) {
        self.params.push(value);
        self.clauses.push(clause.replace('?', &format!("?{}", self.params.len())));
    }

    fn any_of(&mut self, column: &str, values: impl IntoIterator<Item = String>) {
        let mut placeholders = Vec::new();
        for value in values {
            self.params.push(Value::Text(value));
            placeholders.push(format!("?{}", self.params.len()));
        }
        if !placeholders.is_empty() {
            self.clauses.push(format!("{column} IN ({})", placeholders.join(", ")));
        }
    }

    fn sql(&self) -> String {
        if self.clauses.is_empty() { String::new() } else { format!("WHERE {}", self.clauses.join(" AND ")) }
    }
}

/// How many incidents `filter` selects (its limit and offset aside).
pub fn count(conn: &Connection, filter: &IncidentFilter) -> Result<u64> {
    let conditions = conditions(filter);
    let sql = format!("SELECT count(*) FROM incident {}", conditions.sql());
    let count: i64 = conn.prepare(&sql)?.query_row(params_from_iter(conditions.params.iter()), |row| row.get(0))?;
    Ok(count as u64)
}

pub fn incidents(
    conn: &Connection,
    filter: &IncidentFilter,
    visit: &mut dyn FnMut(Incident) -> Result<()>,
) -> Result<u64> {
    let mut conditions = conditions(filter);
    if let Some((date, id)) = &filter.after {
        if filter.order != Order::Date {
            return Err(StoreError::Unsupported("a list by country starts at an offset, not after a row".into()));
        }
        let beyond = if filter.descending { "<" } else { ">" };
        conditions.params.push(Value::Text(date.to_string()));
        conditions.params.push(Value::Text(id.clone()));
        let (first, second) = (conditions.params.len() - 1, conditions.params.len());
        conditions.clauses.push(format!("(date, id) {beyond} (?{first}, ?{second})"));
    }
    // SQLite's integers are signed: a page past any list stays past it
    let bounded = |n: u64| n.min(i64::MAX as u64);
    let limit = match (filter.limit.map(bounded), bounded(filter.offset)) {
        (Some(n), 0) => format!(" LIMIT {n}"),
        (Some(n), offset) => format!(" LIMIT {n} OFFSET {offset}"),
        (None, 0) => String::new(),
        (None, offset) => format!(" LIMIT -1 OFFSET {offset}"),
    };
    let direction = if filter.descending { " DESC" } else { "" };
    let order = match filter.order {
        Order::Date => format!("date{direction}, id{direction}"),
        Order::CountryDate => format!("country{direction}, date{direction}, id{direction}"),
    };
    let sql = format!("SELECT {COLUMNS} FROM incident {} ORDER BY {order}{limit}", conditions.sql());
    let mut statement = conn.prepare(&sql)?;
    let mut rows = statement.query(params_from_iter(conditions.params.iter()))?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        visit(incident_from_row(row)?)?;
        count += 1;
    }
    Ok(count)
}

/// The clause that keeps the incidents of `actors`, if any.
fn actors_clause(actors: Actors) -> Option<&'static str> {
    match actors {
        Actors::All => None,
        Actors::NonState => Some("perpetrator NOT IN (SELECT id FROM perpetrator_group WHERE kind = 'state_forces')"),
        Actors::StateForces => Some("perpetrator IN (SELECT id FROM perpetrator_group WHERE kind = 'state_forces')"),
    }
}

fn conditions(filter: &IncidentFilter) -> Conditions {
    let mut conditions = Conditions::default();
    conditions.clauses.extend(actors_clause(filter.actors).map(String::from));
    conditions.any_of("country", filter.countries.iter().map(|c| c.to_string()));
    if let Some(from) = filter.from {
        conditions.push("date >= ?", Value::Text(from.to_string()));
    }
    if let Some(to) = filter.to {
        conditions.push("date <= ?", Value::Text(to.to_string()));
    }
    conditions.any_of("perpetrator", filter.perpetrators.iter().cloned());
    conditions.any_of("target", filter.targets.iter().map(|t| t.code().to_string()));
    conditions.any_of("method", filter.methods.iter().map(|m| m.code().to_string()));
    if let Some(status) = filter.status {
        conditions.push("status = ?", Value::Text(status.code().to_string()));
    }
    if let Some(import_id) = filter.import_id {
        conditions.push("import_id = ?", Value::Integer(import_id));
    }
    if let Some(search) = filter.search.as_deref().map(fold).filter(|s| !s.is_empty()) {
        // the perpetrator by its id, names or aliases: the groups that match
        // are found once, not per incident
        conditions.push(
            "(instr(vigie_fold(id || ' ' || coalesce(description, '') || ' ' || coalesce(location, '') || ' ' || \
             coalesce(admin1, '') || ' ' || coalesce(sources, '')), ?) > 0 \
             OR perpetrator IN (SELECT g.id FROM perpetrator_group g WHERE instr(vigie_fold(g.id || ' ' || \
             g.name_fr || ' ' || g.name_en || ' ' || g.name_ar || ' ' || coalesce((SELECT group_concat(a.alias, ' ') \
             FROM group_alias a WHERE a.group_id = g.id), '')), ?) > 0))",
            Value::Text(search),
        );
    }
    if let Some(countries) = &filter.drafts_of {
        let mut placeholders = Vec::new();
        for country in countries {
            conditions.params.push(Value::Text(country.to_string()));
            placeholders.push(format!("?{}", conditions.params.len()));
        }
        conditions.params.push(Value::Text(Status::Verified.code().to_string()));
        let verified = format!("status = ?{}", conditions.params.len());
        conditions.clauses.push(if placeholders.is_empty() {
            verified
        } else {
            format!("({verified} OR country IN ({}))", placeholders.join(", "))
        });
    }
    conditions
}

pub fn incident(conn: &Connection, id: &str) -> Result<Option<Incident>> {
    let sql = format!("SELECT {COLUMNS} FROM incident WHERE id = ?1");
    let row = conn.query_row(&sql, [id], |row| Ok(incident_from_row(row))).optional()?;
    row.transpose()
}

pub fn aggregate(conn: &Connection, query: &Aggregate) -> Result<Vec<AggregateRow>> {
    let key = match query.by {
        Dimension::Country => "country",
        Dimension::Target => "target",
        Dimension::Method => "method",
        Dimension::Perpetrator => "perpetrator",
    };
    let mut conditions = Conditions::default();
    conditions.any_of("country", query.countries.iter().map(|c| c.to_string()));
    conditions.push("date >= ?", Value::Text(query.from.to_string()));
    conditions.push("date <= ?", Value::Text(query.to.to_string()));
    if !query.include_drafts {
        conditions.push("status = ?", Value::Text(Status::Verified.code().to_string()));
    }
    conditions.clauses.extend(actors_clause(query.actors).map(String::from));
    if query.countries.is_empty() {
        // an empty region has no incidents, not all of them
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {key}, COUNT(*), SUM(coalesce(killed, 0) + coalesce(wounded, 0)),
                SUM(killed IS NULL OR wounded IS NULL),
                SUM(coalesce(killed_low, killed, 0) + coalesce(wounded, 0)),
                SUM(coalesce(killed_high, killed, 0) + coalesce(wounded, 0))
         FROM incident {} GROUP BY {key} ORDER BY {key}",
        conditions.sql()
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map(params_from_iter(conditions.params.iter()), |row| {
        Ok(AggregateRow {
            key: row.get(0)?,
            operations: row.get::<_, i64>(1)? as u64,
            victims: row.get::<_, i64>(2)? as u64,
            unknown_casualties: row.get::<_, i64>(3)? as u64,
            victims_low: row.get::<_, i64>(4)? as u64,
            victims_high: row.get::<_, i64>(5)? as u64,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

fn incident_from_row(row: &Row<'_>) -> Result<Incident> {
    let text = |index: usize| -> Result<String> { Ok(row.get::<_, Option<String>>(index)?.unwrap_or_default()) };
    let corrupt = |what: &str, value: &str| StoreError::Corrupt(format!("{what} {value:?}"));
    let date = |value: String| parse_iso_date(&value).ok_or_else(|| corrupt("date", &value));
    let count = |index: usize| -> Result<Option<u32>> { Ok(row.get::<_, Option<i64>>(index)?.map(|n| n as u32)) };
    let date_end = row.get::<_, Option<String>>(2)?.map(date).transpose()?;
    let date_precision = text(3)?;
    let country = text(4)?;
    let target = text(11)?;
    let method = text(12)?;
    let status = text(19)?;
    Ok(Incident {
        id: text(0)?,
        date: date(text(1)?)?,
        date_end,
        date_precision: DatePrecision::parse(&date_precision)
            .ok_or_else(|| corrupt("date precision", &date_precision))?,
        country: CountryCode::new(&country).ok_or_else(|| corrupt("country", &country))?,
        admin1: text(5)?,
        location: text(6)?,
        latitude: row.get(7)?,
        longitude: row.get(8)?,
        geo_precision: row.get::<_, Option<i64>>(9)?.map(|n| n as u8),
        perpetrator: text(10)?,
        target: Target::parse(&target).ok_or_else(|| corrupt("target", &target))?,
        method: Method::parse(&method).ok_or_else(|| corrupt("method", &method))?,
        killed: count(13)?,
        killed_low: count(20)?,
        killed_high: count(21)?,
        wounded: count(14)?,
        kidnapped: count(15)?,
        perpetrators_killed: count(16)?,
        description: text(17)?,
        sources: text(18)?,
        status: Status::parse(&status).ok_or_else(|| corrupt("status", &status))?,
    })
}
