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
    let mut statement = conn.prepare(&format!("SELECT id, {PARTNER_FIELDS} FROM partner ORDER BY id"))?;
    let mut partners: Vec<Partner> = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                Names { fr: row.get(1)?, en: row.get(2)?, ar: row.get(3)? },
                row.get::<_, String>(4)?,
                Names { fr: row.get(5)?, en: row.get(6)?, ar: row.get(7)? },
            ))
        })?
        .map(|row| {
            let (id, name, scope, kind) = row?;
            let scope = Scope::parse(&scope).ok_or_else(|| StoreError::Corrupt(format!("partner scope {scope:?}")))?;
            Ok(Partner { id, name, scope, kind, agreements: Vec::new() })
        })
        .collect::<Result<_>>()?;
    let mut statement = conn.prepare(&format!("SELECT {AGREEMENT_FIELDS} FROM agreement ORDER BY partner"))?;
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

/// A partner's columns after its id.
const PARTNER_FIELDS: &str = "name_fr, name_en, name_ar, scope, kind_fr, kind_en, kind_ar";

/// An agreement's columns, as `agreement_row` reads them.
const AGREEMENT_FIELDS: &str = "partner, title_fr, title_en, title_ar, signed, areas_fr, areas_en, areas_ar, reference";

/// The areas kept one a line per language, back into areas of three
/// languages (the n-th line of each language is one area).
fn areas_of(fr: &str, en: &str, ar: &str) -> Vec<Names> {
    let lines = |text: &str| text.lines().map(String::from).collect::<Vec<_>>();
    let (fr, en, ar) = (lines(fr), lines(en), lines(ar));
    let count = fr.len().max(en.len()).max(ar.len());
    let item = |list: &[String], index: usize| list.get(index).cloned().unwrap_or_default();
    (0..count).map(|i| Names { fr: item(&fr, i), en: item(&en, i), ar: item(&ar, i) }).collect()
}

/// The areas in `lang`, one a line, as stored.
fn areas_text(agreement: &Agreement, lang: vigie_domain::Lang) -> String {
    agreement.areas_in(lang).join("\n")
}

/// An agreement from [`AGREEMENT_FIELDS`] (its partner at column 0).
fn agreement_row(row: &rusqlite::Row<'_>) -> Result<Agreement> {
    let signed: String = row.get(4)?;
    let (fr, en, ar): (String, String, String) = (row.get(5)?, row.get(6)?, row.get(7)?);
    Ok(Agreement {
        title: Names { fr: row.get(1)?, en: row.get(2)?, ar: row.get(3)? },
        signed: match signed.as_str() {
            "" => None,
            text => {
                Some(parse_iso_date(text).ok_or_else(|| StoreError::Corrupt(format!("agreement signed {text:?}")))?)
            }
        },
        areas: areas_of(&fr, &en, &ar),
        reference: row.get(8)?,
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
    let row: Option<(Names, String, Names)> = conn
        .query_row(&format!("SELECT {PARTNER_FIELDS} FROM partner WHERE id = ?1"), [id], |row| {
            Ok((
                Names { fr: row.get(0)?, en: row.get(1)?, ar: row.get(2)? },
                row.get(3)?,
                Names { fr: row.get(4)?, en: row.get(5)?, ar: row.get(6)? },
            ))
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
        "INSERT INTO partner (id, name_fr, name_en, name_ar, scope, kind_fr, kind_en, kind_ar, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET name_fr = ?2, name_en = ?3, name_ar = ?4, scope = ?5, kind_fr = ?6,
             kind_en = ?7, kind_ar = ?8, import_id = ?9",
        params![
            partner.id,
            partner.name.fr,
            partner.name.en,
            partner.name.ar,
            partner.scope.code(),
            partner.kind.fr,
            partner.kind.en,
            partner.kind.ar,
            import_id
        ],
    )?;
    Ok(())
}

/// The agreement with `partner` that has the signing date and titles of
/// `key`, as stored.
fn agreement(conn: &Connection, partner: &str, key: &Agreement) -> Result<Option<Agreement>> {
    conn.query_row(
        &format!(
            "SELECT {AGREEMENT_FIELDS} FROM agreement
             WHERE partner = ?1 AND title_fr = ?2 AND title_en = ?3 AND title_ar = ?4 AND signed = ?5"
        ),
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
        "INSERT INTO agreement (partner, title_fr, title_en, title_ar, signed, areas_fr, areas_en, areas_ar,
             reference, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (partner, signed, title_fr, title_en, title_ar) DO UPDATE SET areas_fr = ?6, areas_en = ?7,
             areas_ar = ?8, reference = ?9, import_id = ?10",
        params![
            partner,
            agreement.title.fr,
            agreement.title.en,
            agreement.title.ar,
            agreement.signed_text(),
            areas_text(agreement, vigie_domain::Lang::Fr),
            areas_text(agreement, vigie_domain::Lang::En),
            areas_text(agreement, vigie_domain::Lang::Ar),
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
