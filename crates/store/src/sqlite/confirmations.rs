//! Member states' confirmations of their monthly figures: kept as given
//! (triggers refuse changes), each with the fingerprint of the incidents it
//! was given on.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use vigie_domain::confirmation::{ConfirmationStatus, Verdict};
use vigie_domain::hash::Fnv64;
use vigie_domain::{AuditEntry, CountryCode, Month};

use super::users::{insert_audit, parse_stamp, stamp};
use crate::{Confirmation, ConfirmationState, Result, StoreError};

/// The fingerprint of the incidents `country`'s figures of `month` count
/// (verified, not of state forces): their ids and content hashes.
pub fn fingerprint(conn: &Connection, country: CountryCode, month: Month) -> Result<String> {
    let mut statement = conn.prepare_cached(
        "SELECT id, content_hash FROM incident
         WHERE country = ?1 AND date >= ?2 AND date <= ?3 AND status = 'verified'
           AND perpetrator NOT IN (SELECT id FROM perpetrator_group WHERE kind = 'state_forces')
         ORDER BY id",
    )?;
    let mut rows =
        statement.query(params![country.as_str(), month.first_day().to_string(), month.last_day().to_string()])?;
    let mut hash = Fnv64::default();
    let mut count = 0u64;
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let content: i64 = row.get(1)?;
        hash.field(id.as_bytes());
        hash.field(&content.to_le_bytes());
        count += 1;
    }
    Ok(format!("{count}:{:016x}", hash.finish()))
}

/// Records a verdict and its audit entry in one transaction, if the
/// incidents are still those the delegate saw (`false`, nothing written,
/// when they changed meanwhile).
pub fn record(conn: &mut Connection, confirmation: &Confirmation, audit: &AuditEntry) -> Result<bool> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let now = fingerprint(&tx, confirmation.country, confirmation.month)?;
    if now != confirmation.fingerprint {
        return Ok(false);
    }
    tx.execute(
        "INSERT INTO figure_confirmation (country, month, verdict, comment, fingerprint, by_email, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            confirmation.country.as_str(),
            confirmation.month.to_string(),
            confirmation.verdict.code(),
            confirmation.comment,
            confirmation.fingerprint,
            confirmation.by,
            stamp(confirmation.at),
        ],
    )?;
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(true)
}

/// Where each of `countries` stands for `month`.
pub fn states(conn: &Connection, month: Month, countries: &[CountryCode]) -> Result<Vec<ConfirmationState>> {
    let mut states = Vec::with_capacity(countries.len());
    for &country in countries {
        let last = conn
            .query_row(
                "SELECT verdict, comment, fingerprint, by_email, at FROM figure_confirmation
                 WHERE country = ?1 AND month = ?2 ORDER BY id DESC LIMIT 1",
                params![country.as_str(), month.to_string()],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                        row.get::<_, String>(4)?,
                    ))
                },
            )
            .optional()?;
        let fingerprint = fingerprint(conn, country, month)?;
        let state = match last {
            None => ConfirmationState { country, status: ConfirmationStatus::NotConfirmed, last: None, fingerprint },
            Some((verdict, comment, given_on, by, at)) => {
                let verdict = Verdict::parse(&verdict)
                    .ok_or_else(|| StoreError::Corrupt(format!("confirmation verdict {verdict:?}")))?;
                ConfirmationState {
                    country,
                    status: ConfirmationStatus::of(Some(verdict), given_on == fingerprint),
                    last: Some(Confirmation {
                        country,
                        month,
                        verdict,
                        comment,
                        fingerprint: given_on,
                        by,
                        at: parse_stamp(&at)?,
                    }),
                    fingerprint,
                }
            }
        };
        states.push(state);
    }
    Ok(states)
}
