//! The member register in SQLite: members and their national days, read
//! back in order, and imported in one transaction.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, params};
use vigie_domain::validate::parse_iso_date;
use vigie_domain::{AuditEntry, CountryCode, Member, Names, NationalDay};

use super::import::RunTransaction;
use super::users::insert_audit;
use crate::{ImportCounts, MemberImportSession, Result, StoreError, Upsert};

/// Every member, by country code, with its national days in calendar order.
pub fn all(conn: &Connection) -> Result<Vec<Member>> {
    let mut statement = conn.prepare("SELECT country, joined, representative_title FROM member ORDER BY country")?;
    let mut members: Vec<Member> = statement
        .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?, row.get(2)?)))?
        .map(|row| {
            let (country, joined, title) = row?;
            member_row(&country, joined.as_deref(), title)
        })
        .collect::<Result<_>>()?;
    let mut statement = conn.prepare(
        "SELECT country, month, day, name_fr, name_en, name_ar FROM national_day ORDER BY country, month, day",
    )?;
    let mut rows = statement.query([])?;
    // both lists are in country order: walk them together
    let mut index = 0;
    while let Some(row) = rows.next()? {
        let country: String = row.get(0)?;
        while index < members.len() && members[index].country.as_str() < country.as_str() {
            index += 1;
        }
        let Some(member) = members.get_mut(index).filter(|m| m.country.as_str() == country) else {
            return Err(StoreError::Corrupt(format!("national day of {country:?}, which is not a member")));
        };
        member.national_days.push(day_row(row)?);
    }
    Ok(members)
}

fn member_row(country: &str, joined: Option<&str>, title: Option<String>) -> Result<Member> {
    let country =
        CountryCode::new(country).ok_or_else(|| StoreError::Corrupt(format!("member country {country:?}")))?;
    let joined = joined
        .map(|text| parse_iso_date(text).ok_or_else(|| StoreError::Corrupt(format!("member joined {text:?}"))))
        .transpose()?;
    Ok(Member { country, joined, national_days: Vec::new(), representative_title: title.unwrap_or_default() })
}

/// A national day from `month, day, name_fr, name_en, name_ar` at columns 1 to 5.
fn day_row(row: &rusqlite::Row<'_>) -> Result<NationalDay> {
    Ok(NationalDay {
        month: row.get(1)?,
        day: row.get(2)?,
        name: Names { fr: row.get(3)?, en: row.get(4)?, ar: row.get(5)? },
    })
}

/// One member as stored, if it is one.
pub fn one(conn: &Connection, country: CountryCode) -> Result<Option<Member>> {
    let row: Option<(Option<String>, Option<String>)> = conn
        .query_row("SELECT joined, representative_title FROM member WHERE country = ?1", [country.as_str()], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?;
    let Some((joined, title)) = row else { return Ok(None) };
    let mut member = member_row(country.as_str(), joined.as_deref(), title)?;
    let mut statement = conn.prepare_cached(
        "SELECT country, month, day, name_fr, name_en, name_ar FROM national_day WHERE country = ?1 ORDER BY month, day",
    )?;
    let mut rows = statement.query([country.as_str()])?;
    while let Some(row) = rows.next()? {
        member.national_days.push(day_row(row)?);
    }
    Ok(Some(member))
}

pub struct SqliteMemberImport<'a> {
    run: RunTransaction<'a>,
    /// Countries written by this import: a second write is a repeat.
    seen: HashSet<CountryCode>,
}

impl<'a> SqliteMemberImport<'a> {
    pub fn begin(conn: &'a mut Connection, source: &str, format: &str) -> Result<SqliteMemberImport<'a>> {
        let run = RunTransaction::begin(conn, source, format)?;
        // in the transaction: a rollback takes the table away too
        run.conn.execute_batch(
            "DROP TABLE IF EXISTS temp.member_kept;
             CREATE TEMP TABLE member_kept (position INTEGER PRIMARY KEY, key INTEGER NOT NULL, payload TEXT NOT NULL);
             CREATE INDEX temp.member_kept_key ON member_kept (key, position);",
        )?;
        Ok(SqliteMemberImport { run, seen: HashSet::new() })
    }
}

fn write_days(conn: &Connection, member: &Member) -> Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO national_day (country, month, day, name_fr, name_en, name_ar) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for day in &member.national_days {
        insert.execute(params![member.country.as_str(), day.month, day.day, day.name.fr, day.name.en, day.name.ar])?;
    }
    Ok(())
}

fn empty_as_null(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

/// Inserts the member (`exists` false), or replaces its joined date,
/// representative's title and national days (as a whole); `import_id` is
/// `None` for a member entered by hand.
fn write(conn: &Connection, member: &Member, exists: bool, import_id: Option<i64>) -> Result<()> {
    let joined = member.joined.map(|date| date.to_string());
    let title = empty_as_null(&member.representative_title);
    let country = member.country.as_str();
    if exists {
        conn.execute(
            "UPDATE member SET joined = ?2, representative_title = ?3, import_id = ?4 WHERE country = ?1",
            params![country, joined, title, import_id],
        )?;
        conn.execute("DELETE FROM national_day WHERE country = ?1", [country])?;
    } else {
        conn.execute(
            "INSERT INTO member (country, joined, representative_title, import_id) VALUES (?1, ?2, ?3, ?4)",
            params![country, joined, title, import_id],
        )?;
    }
    write_days(conn, member)
}

/// Writes a member entered in the web application and its audit entry in
/// one transaction, if the store still holds `stored` (`None`: the country
/// is not a member); `false`, nothing written, otherwise.
pub fn save(conn: &mut Connection, member: &Member, stored: Option<&Member>, audit: &AuditEntry) -> Result<bool> {
    let mut member = member.clone();
    member.sort_days();
    let tx = conn.transaction()?;
    if one(&tx, member.country)?.as_ref() != stored {
        return Ok(false);
    }
    write(&tx, &member, stored.is_some(), None)?;
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(true)
}

impl MemberImportSession for SqliteMemberImport<'_> {
    fn upsert(&mut self, member: &Member) -> Result<Upsert> {
        if !self.seen.insert(member.country) {
            return Ok(Upsert::Repeated);
        }
        let mut member = member.clone();
        member.sort_days();
        match one(self.run.conn, member.country)? {
            Some(stored) if stored == member => {
                self.run.conn.execute(
                    "UPDATE member SET import_id = ?2 WHERE country = ?1",
                    params![member.country.as_str(), self.run.import_id],
                )?;
                Ok(Upsert::Unchanged)
            }
            Some(_) => {
                write(self.run.conn, &member, true, Some(self.run.import_id))?;
                Ok(Upsert::Updated)
            }
            None => {
                write(self.run.conn, &member, false, Some(self.run.import_id))?;
                Ok(Upsert::New)
            }
        }
    }

    fn keep(&mut self, key: i64, payload: &str) -> Result<()> {
        let mut insert = self.run.conn.prepare_cached("INSERT INTO temp.member_kept (key, payload) VALUES (?1, ?2)")?;
        insert.execute(params![key, payload])?;
        Ok(())
    }

    fn next_kept_key(&mut self, after: i64) -> Result<Option<i64>> {
        let mut select = self.run.conn.prepare_cached("SELECT min(key) FROM temp.member_kept WHERE key > ?1")?;
        Ok(select.query_row([after], |row| row.get(0))?)
    }

    fn kept(&mut self, key: i64, after: i64, limit: usize) -> Result<Vec<(i64, String)>> {
        let mut select = self.run.conn.prepare_cached(
            "SELECT position, payload FROM temp.member_kept WHERE key = ?1 AND position > ?2 ORDER BY position LIMIT ?3",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = select.query_map(params![key, after, limit], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        self.run.record_audit(entry)
    }

    fn finish(mut self: Box<Self>, counts: ImportCounts) -> Result<i64> {
        self.run.conn.execute_batch("DROP TABLE temp.member_kept")?;
        self.run.finish(counts)
    }
}
