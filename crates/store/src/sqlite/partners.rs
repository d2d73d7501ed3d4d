//! The partner register in SQLite: partners and their agreements, read back
//! in order, and imported in one transaction.

use rusqlite::{Connection, OptionalExtension, params};
use vigie_domain::validate::parse_iso_date;
use vigie_domain::{Agreement, AuditEntry, Names, Partner, Scope};

use super::import::RunTransaction;
use super::users::insert_audit;
use crate::{ImportCounts, PartnerImportSession, Result, StoreError, Upsert};

/// Every partner, by id, with its agreements by signing date.
pub fn all(conn: &Connection) -> Result<Vec<Partner>> {
    let mut statement = conn.prepare("SELECT id, name_fr, name_en, name_ar, scope, kind FROM partner ORDER BY id")?;
    let mut partners: Vec<Partner> = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                Names { fr: row.get(1)?, en: row.get(2)?, ar: row.get(3)? },
                row.get::<_, String>(4)?,
                row.get::<_, String>(5)?,
            ))
        })?
        .map(|row| {
            let (id, name, scope, kind) = row?;
            let scope = Scope::parse(&scope).ok_or_else(|| StoreError::Corrupt(format!("partner scope {scope:?}")))?;
            Ok(Partner { id, name, scope, kind, agreements: Vec::new() })
        })
        .collect::<Result<_>>()?;
    let mut statement = conn.prepare(
        "SELECT partner, title_fr, title_en, title_ar, signed, areas, reference FROM agreement ORDER BY partner",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let partner: String = row.get(0)?;
        let Some(index) = partners.iter().position(|p| p.id == partner) else {
            return Err(StoreError::Corrupt(format!("agreement with {partner:?}, which is not a partner")));
        };
        partners[index].agreements.push(agreement_row(row)?);
    }
    for partner in &mut partners {
        partner.sort_agreements();
    }
    Ok(partners)
}

/// An agreement from `title_fr, title_en, title_ar, signed, areas, reference` at columns 1 to 6.
fn agreement_row(row: &rusqlite::Row<'_>) -> Result<Agreement> {
    let signed: String = row.get(4)?;
    let areas: String = row.get(5)?;
    Ok(Agreement {
        title: Names { fr: row.get(1)?, en: row.get(2)?, ar: row.get(3)? },
        signed: match signed.as_str() {
            "" => None,
            text => {
                Some(parse_iso_date(text).ok_or_else(|| StoreError::Corrupt(format!("agreement signed {text:?}")))?)
            }
        },
        areas: areas.lines().map(String::from).collect(),
        reference: row.get(6)?,
    })
}

/// Each write marks its row with the import: a second write of a key is a
/// repeat, found in the table rather than in sets growing with the rows.
pub struct SqlitePartnerImport<'a> {
    run: RunTransaction<'a>,
}

impl<'a> SqlitePartnerImport<'a> {
    pub fn begin(conn: &'a mut Connection, source: &str, format: &str) -> Result<SqlitePartnerImport<'a>> {
        Ok(SqlitePartnerImport { run: RunTransaction::begin(conn, source, format)? })
    }
}

/// One partner as stored, without its agreements.
fn one(conn: &Connection, id: &str) -> Result<Option<Partner>> {
    let row: Option<(Names, String, String)> = conn
        .query_row("SELECT name_fr, name_en, name_ar, scope, kind FROM partner WHERE id = ?1", [id], |row| {
            Ok((Names { fr: row.get(0)?, en: row.get(1)?, ar: row.get(2)? }, row.get(3)?, row.get(4)?))
        })
        .optional()?;
    let Some((name, scope, kind)) = row else { return Ok(None) };
    let scope = Scope::parse(&scope).ok_or_else(|| StoreError::Corrupt(format!("partner scope {scope:?}")))?;
    Ok(Some(Partner { id: id.to_string(), name, scope, kind, agreements: Vec::new() }))
}

/// Inserts the partner, or replaces the names, scope and kind of the one
/// with its id (its agreements are left as they are).
fn write_partner(conn: &Connection, partner: &Partner, import_id: Option<i64>) -> Result<()> {
    conn.execute(
        "INSERT INTO partner (id, name_fr, name_en, name_ar, scope, kind, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET name_fr = ?2, name_en = ?3, name_ar = ?4, scope = ?5, kind = ?6,
             import_id = ?7",
        params![
            partner.id,
            partner.name.fr,
            partner.name.en,
            partner.name.ar,
            partner.scope.code(),
            partner.kind,
            import_id
        ],
    )?;
    Ok(())
}

/// The agreement with `partner` that has the signing date and titles of
/// `key`, as stored.
fn agreement(conn: &Connection, partner: &str, key: &Agreement) -> Result<Option<Agreement>> {
    conn.query_row(
        "SELECT partner, title_fr, title_en, title_ar, signed, areas, reference FROM agreement
         WHERE partner = ?1 AND title_fr = ?2 AND title_en = ?3 AND title_ar = ?4 AND signed = ?5",
        params![partner, key.title.fr, key.title.en, key.title.ar, key.signed_text()],
        |row| Ok(agreement_row(row)),
    )
    .optional()?
    .transpose()
}

/// Inserts the agreement, or replaces the areas and reference of the one
/// with its signing date and titles.
fn write_agreement(conn: &Connection, partner: &str, agreement: &Agreement, import_id: Option<i64>) -> Result<()> {
    conn.execute(
        "INSERT INTO agreement (partner, title_fr, title_en, title_ar, signed, areas, reference, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (partner, signed, title_fr, title_en, title_ar) DO UPDATE SET areas = ?6, reference = ?7,
             import_id = ?8",
        params![
            partner,
            agreement.title.fr,
            agreement.title.en,
            agreement.title.ar,
            agreement.signed_text(),
            agreement.areas.join("\n"),
            agreement.reference,
            import_id
        ],
    )?;
    Ok(())
}

/// Writes a partner's names, scope and kind entered in the web application
/// and its audit entry in one transaction, if the store still holds
/// `stored` (its agreements aside; `None`: no partner with its id);
/// `false`, nothing written, otherwise.
pub fn save_partner(
    conn: &mut Connection,
    partner: &Partner,
    stored: Option<&Partner>,
    audit: &AuditEntry,
) -> Result<bool> {
    let tx = conn.transaction()?;
    let expected = stored.map(|p| Partner { agreements: Vec::new(), ..p.clone() });
    if one(&tx, &partner.id)? != expected {
        return Ok(false);
    }
    write_partner(&tx, partner, None)?;
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(true)
}

/// Writes an agreement with `partner` entered in the web application, in
/// place of `stored` (`None`: a new one), and its audit entry in one
/// transaction; `false`, nothing written, when the partner is gone,
/// `stored` is not what the store holds, or another agreement of the
/// partner has the new signing date and titles.
pub fn save_agreement(
    conn: &mut Connection,
    partner: &str,
    new: &Agreement,
    stored: Option<&Agreement>,
    audit: &AuditEntry,
) -> Result<bool> {
    let tx = conn.transaction()?;
    if one(&tx, partner)?.is_none() {
        return Ok(false);
    }
    let same_key = |a: &Agreement| a.title == new.title && a.signed == new.signed;
    if let Some(stored) = stored {
        if agreement(&tx, partner, stored)?.as_ref() != Some(stored) {
            return Ok(false);
        }
        if !same_key(stored) {
            if agreement(&tx, partner, new)?.is_some() {
                return Ok(false);
            }
            tx.execute(
                "DELETE FROM agreement
                 WHERE partner = ?1 AND title_fr = ?2 AND title_en = ?3 AND title_ar = ?4 AND signed = ?5",
                params![partner, stored.title.fr, stored.title.en, stored.title.ar, stored.signed_text()],
            )?;
        }
    } else if agreement(&tx, partner, new)?.is_some() {
        return Ok(false);
    }
    write_agreement(&tx, partner, new, None)?;
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(true)
}

impl PartnerImportSession for SqlitePartnerImport<'_> {
    fn upsert_partner(&mut self, partner: &Partner) -> Result<Upsert> {
        let written_by: Option<Option<i64>> = self
            .run
            .conn
            .prepare_cached("SELECT import_id FROM partner WHERE id = ?1")?
            .query_row([&partner.id], |row| row.get(0))
            .optional()?;
        if written_by == Some(Some(self.run.import_id)) {
            return Ok(Upsert::Repeated);
        }
        let outcome = match one(self.run.conn, &partner.id)? {
            Some(stored)
                if (&stored.name, stored.scope, &stored.kind) == (&partner.name, partner.scope, &partner.kind) =>
            {
                Upsert::Unchanged
            }
            Some(_) => Upsert::Updated,
            None => Upsert::New,
        };
        write_partner(self.run.conn, partner, Some(self.run.import_id))?;
        Ok(outcome)
    }

    fn upsert_agreement(&mut self, partner: &str, agreement: &Agreement) -> Result<Upsert> {
        let written_by: Option<Option<i64>> = self
            .run
            .conn
            .prepare_cached(
                "SELECT import_id FROM agreement
                 WHERE partner = ?1 AND title_fr = ?2 AND title_en = ?3 AND title_ar = ?4 AND signed = ?5",
            )?
            .query_row(
                params![partner, agreement.title.fr, agreement.title.en, agreement.title.ar, agreement.signed_text()],
                |row| row.get(0),
            )
            .optional()?;
        if written_by == Some(Some(self.run.import_id)) {
            return Ok(Upsert::Repeated);
        }
        let outcome = match self::agreement(self.run.conn, partner, agreement)? {
            Some(stored) if (&stored.areas, &stored.reference) == (&agreement.areas, &agreement.reference) => {
                Upsert::Unchanged
            }
            Some(_) => Upsert::Updated,
            None => Upsert::New,
        };
        write_agreement(self.run.conn, partner, agreement, Some(self.run.import_id))?;
        Ok(outcome)
    }

    fn has_partner(&mut self, id: &str) -> Result<bool> {
        Ok(self
            .run
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM partner WHERE id = ?1)")?
            .query_row([id], |row| row.get(0))?)
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        self.run.record_audit(entry)
    }

    fn finish(mut self: Box<Self>, counts: ImportCounts) -> Result<i64> {
        self.run.finish(counts)
    }
}
