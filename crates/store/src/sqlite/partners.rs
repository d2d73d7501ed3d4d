//! The partner register in SQLite: partners and their agreements, read back
//! in order, and imported in one transaction.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, params};
use vigie_domain::validate::parse_iso_date;
use vigie_domain::{Agreement, Names, Partner, Scope};

use super::import::RunTransaction;
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

pub struct SqlitePartnerImport<'a> {
    run: RunTransaction<'a>,
    /// Partners written by this import: a second write is a repeat.
    seen: HashSet<String>,
}

impl<'a> SqlitePartnerImport<'a> {
    pub fn begin(conn: &'a mut Connection, source: &str, format: &str) -> Result<SqlitePartnerImport<'a>> {
        Ok(SqlitePartnerImport { run: RunTransaction::begin(conn, source, format)?, seen: HashSet::new() })
    }
}

impl PartnerImportSession for SqlitePartnerImport<'_> {
    fn upsert_partner(&mut self, partner: &Partner) -> Result<Upsert> {
        if !self.seen.insert(partner.id.clone()) {
            return Ok(Upsert::Repeated);
        }
        let stored: Option<(String, String, String, String, String)> = self
            .run
            .conn
            .query_row(
                "SELECT name_fr, name_en, name_ar, scope, kind FROM partner WHERE id = ?1",
                [&partner.id],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)),
            )
            .optional()?;
        let values = (
            partner.name.fr.clone(),
            partner.name.en.clone(),
            partner.name.ar.clone(),
            partner.scope.code().to_string(),
            partner.kind.clone(),
        );
        let outcome = match stored {
            Some(stored) if stored == values => Upsert::Unchanged,
            Some(_) => Upsert::Updated,
            None => Upsert::New,
        };
        self.run.conn.execute(
            "INSERT INTO partner (id, name_fr, name_en, name_ar, scope, kind, import_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (id) DO UPDATE SET name_fr = ?2, name_en = ?3, name_ar = ?4, scope = ?5, kind = ?6,
                 import_id = ?7",
            params![partner.id, values.0, values.1, values.2, values.3, values.4, self.run.import_id],
        )?;
        Ok(outcome)
    }

    fn upsert_agreement(&mut self, partner: &str, agreement: &Agreement) -> Result<Upsert> {
        let key = params![partner, agreement.title.fr, agreement.title.en, agreement.title.ar, agreement.signed_text()];
        let stored: Option<(String, String)> = self
            .run
            .conn
            .query_row(
                "SELECT areas, reference FROM agreement
                 WHERE partner = ?1 AND title_fr = ?2 AND title_en = ?3 AND title_ar = ?4 AND signed = ?5",
                key,
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let values = (agreement.areas.join("\n"), agreement.reference.clone());
        let outcome = match stored {
            Some(stored) if stored == values => Upsert::Unchanged,
            Some(_) => Upsert::Updated,
            None => Upsert::New,
        };
        self.run.conn.execute(
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
                values.0,
                values.1,
                self.run.import_id
            ],
        )?;
        Ok(outcome)
    }

    fn finish(mut self: Box<Self>, counts: ImportCounts) -> Result<i64> {
        self.run.finish(counts)
    }
}
