//! API tokens (`api_token`, with their creation and revocation in the audit
//! log in the same transaction), their last use and the answers kept for
//! idempotent creations (both in the sessions file: written while a script
//! runs, they never wait for the database's write lock).

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};
use vigie_domain::token::{ApiToken, TokenScope};
use vigie_domain::{AuditEntry, User};

use super::users::{USER_COLUMNS, insert_audit, parse_stamp, stamp, user_row, write};
use crate::{Idempotency, NewToken, Result, StoreError, StoredAnswer};

const TOKEN_COLUMNS: &str = "t.id, t.user_id, u.email, t.name, t.scope, t.shown, t.created_at, t.expires_at,
    t.revoked_at, tu.last_used_at";
const FROM: &str = "main.api_token t JOIN main.app_user u ON u.id = t.user_id
    LEFT JOIN sessions.token_use tu ON tu.token_id = t.id";

/// The token of a row whose [`TOKEN_COLUMNS`] start at column `at`.
fn token_row(row: &rusqlite::Row<'_>, at: usize) -> Result<ApiToken> {
    let get = |index: usize| row.get::<_, rusqlite::types::Value>(at + index);
    let text = |index: usize| -> Result<String> {
        match get(index)? {
            rusqlite::types::Value::Text(text) => Ok(text),
            other => Err(StoreError::Corrupt(format!("token column {index}: {other:?}"))),
        }
    };
    let stamp_at = |index: usize| -> Result<Option<Timestamp>> {
        row.get::<_, Option<String>>(at + index)?.as_deref().map(parse_stamp).transpose()
    };
    let scope = text(4)?;
    Ok(ApiToken {
        id: row.get(at)?,
        user_id: row.get(at + 1)?,
        email: text(2)?,
        name: text(3)?,
        scope: TokenScope::parse(&scope).ok_or_else(|| StoreError::Corrupt(format!("token scope {scope:?}")))?,
        shown: text(5)?,
        created_at: parse_stamp(&text(6)?)?,
        expires_at: parse_stamp(&text(7)?)?,
        revoked_at: stamp_at(8)?,
        last_used_at: stamp_at(9)?,
    })
}

/// Records a new token and `audit` in one transaction; its id.
pub fn create(conn: &mut Connection, token: &NewToken, audit: &AuditEntry) -> Result<i64> {
    let tx = write(conn)?;
    let disabled: Option<bool> =
        tx.query_row("SELECT disabled FROM app_user WHERE id = ?1", [token.user_id], |row| row.get(0)).optional()?;
    match disabled {
        None => return Err(StoreError::NotFound(format!("no user has the id {}", token.user_id))),
        Some(true) => return Err(StoreError::Conflict(vigie_domain::token::TokenError::Disabled.to_string())),
        Some(false) => {}
    }
    tx.execute(
        "INSERT INTO api_token (user_id, name, scope, token_hash, shown, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            token.user_id,
            token.name,
            token.scope.code(),
            token.token_hash,
            token.shown,
            stamp(token.created_at),
            stamp(token.expires_at)
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut audit = audit.clone();
    audit.entity_id = Some(id.to_string());
    insert_audit(&tx, &audit)?;
    tx.commit()?;
    Ok(id)
}

/// The tokens of `user_id` (every user's when `None`), latest first.
pub fn list(conn: &Connection, user_id: Option<i64>) -> Result<Vec<ApiToken>> {
    let sql = format!(
        "SELECT {TOKEN_COLUMNS} FROM {FROM} WHERE ?1 IS NULL OR t.user_id = ?1 ORDER BY t.created_at DESC, t.id DESC"
    );
    let mut statement = conn.prepare(&sql)?;
    let mut rows = statement.query([user_id])?;
    let mut tokens = Vec::new();
    while let Some(row) = rows.next()? {
        tokens.push(token_row(row, 0)?);
    }
    Ok(tokens)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<ApiToken>> {
    let sql = format!("SELECT {TOKEN_COLUMNS} FROM {FROM} WHERE t.id = ?1");
    conn.query_row(&sql, [id], |row| Ok(token_row(row, 0))).optional()?.transpose()
}

/// The token whose secret has this hash and its user, whatever their
/// state (the caller checks expiry, revocation and a disabled account).
pub fn by_hash(conn: &Connection, hash: &str) -> Result<Option<(ApiToken, User)>> {
    let users: String = USER_COLUMNS.split(", ").map(|c| format!("u.{c}")).collect::<Vec<_>>().join(", ");
    let sql = format!("SELECT {users}, {TOKEN_COLUMNS} FROM {FROM} WHERE t.token_hash = ?1");
    let mut statement = conn.prepare_cached(&sql)?;
    let mut rows = statement.query([hash])?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    // the user's six columns first, as `user_row` reads them
    Ok(Some((token_row(row, 6)?, user_row(row)?)))
}

/// Revokes a token (still active) and records `audit`, in one
/// transaction; `false` when it was revoked already or is unknown.
pub fn revoke(conn: &mut Connection, id: i64, at: Timestamp, audit: &AuditEntry) -> Result<bool> {
    let tx = write(conn)?;
    let revoked = tx
        .execute("UPDATE api_token SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL", params![id, stamp(at)])?
        > 0;
    if revoked {
        insert_audit(&tx, audit)?;
    }
    tx.commit()?;
    Ok(revoked)
}

/// Notes that the token was used at `at`.
pub fn touch(conn: &Connection, id: i64, at: Timestamp) -> Result<()> {
    conn.execute(
        "INSERT INTO sessions.token_use (token_id, last_used_at) VALUES (?1, ?2)
         ON CONFLICT (token_id) DO UPDATE SET last_used_at = excluded.last_used_at",
        params![id, stamp(at)],
    )?;
    Ok(())
}

/// How long an answer is kept, and how long a first request may take
/// before a repeat may run again (its process died meanwhile).
const KEPT_HOURS: i64 = 24;
const PENDING_SECONDS: i64 = 60;

/// A kept answer's row: request hash, creation, status, location, body.
type KeptRow = (String, String, i64, Option<String>, Option<String>);

/// Starts an idempotent request of `user_id` with `key`: what to do.
pub fn begin_idempotent(
    conn: &mut Connection,
    user_id: i64,
    key: &str,
    request_hash: &str,
    now: Timestamp,
) -> Result<Idempotency> {
    let tx = conn.transaction()?;
    let kept_since = now - jiff::SignedDuration::from_hours(KEPT_HOURS);
    tx.execute("DELETE FROM sessions.idempotency WHERE created_at < ?1", [stamp(kept_since)])?;
    let found: Option<KeptRow> = tx
        .query_row(
            "SELECT request_hash, created_at, status, location, body FROM sessions.idempotency
              WHERE user_id = ?1 AND key = ?2",
            params![user_id, key],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)),
        )
        .optional()?;
    let outcome = match found {
        Some((hash, _, _, _, _)) if hash != request_hash => Idempotency::OtherRequest,
        Some((_, _, status, location, body)) if status != 0 => {
            Idempotency::Answered(StoredAnswer { status: status as u16, location, body: body.unwrap_or_default() })
        }
        Some((_, created, _, _, _))
            if parse_stamp(&created)? > now - jiff::SignedDuration::from_secs(PENDING_SECONDS) =>
        {
            Idempotency::InProgress
        }
        stale_or_none => {
            if stale_or_none.is_some() {
                tx.execute("DELETE FROM sessions.idempotency WHERE user_id = ?1 AND key = ?2", params![user_id, key])?;
            }
            tx.execute(
                "INSERT INTO sessions.idempotency (user_id, key, request_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![user_id, key, request_hash, stamp(now)],
            )?;
            Idempotency::Go
        }
    };
    tx.commit()?;
    Ok(outcome)
}

/// Keeps the answer to the request begun with [`begin_idempotent`]; an
/// answer `None` (the request failed before doing anything) frees the key.
pub fn finish_idempotent(conn: &Connection, user_id: i64, key: &str, answer: Option<&StoredAnswer>) -> Result<()> {
    match answer {
        Some(answer) => conn.execute(
            "UPDATE sessions.idempotency SET status = ?3, location = ?4, body = ?5 WHERE user_id = ?1 AND key = ?2",
            params![user_id, key, answer.status, answer.location, answer.body],
        )?,
        None => {
            conn.execute("DELETE FROM sessions.idempotency WHERE user_id = ?1 AND key = ?2", params![user_id, key])?
        }
    };
    Ok(())
}
