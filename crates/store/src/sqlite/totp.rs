//! Second factors: an account's TOTP secret, the last step it accepted,
//! its recovery codes (hashed), and the roles that require one (in `meta`).
//! Every change writes its audit entry in the same transaction.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};
use vigie_domain::audit::FieldChange;
use vigie_domain::{AuditEntry, Role};

use super::users::{insert_audit, parse_stamp, stamp, unknown, user_in, write};
use crate::{Result, StoreError, TOTP_ROLES_KEY, Totp};

pub fn get(conn: &Connection, email: &str) -> Result<Option<Totp>> {
    let Some(user) = user_in(conn, email)? else {
        return Ok(None);
    };
    let row = conn
        .query_row(
            "SELECT secret, enrolled_at,
                    max(coalesce(last_step, -1),
                        coalesce((SELECT s.last_step FROM sessions.totp_step s WHERE s.user_id = t.user_id), -1)),
                    (SELECT count(*) FROM user_recovery_code r WHERE r.user_id = t.user_id AND r.used_at IS NULL)
             FROM user_totp t WHERE user_id = ?1",
            [user.id],
            |row| {
                Ok((
                    row.get::<_, Vec<u8>>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    Some(row.get::<_, i64>(2)?).filter(|step| *step >= 0),
                    row.get::<_, i64>(3)?,
                ))
            },
        )
        .optional()?;
    let Some((secret, enrolled_at, last_step, left)) = row else {
        return Ok(None);
    };
    Ok(Some(Totp {
        secret,
        enrolled_at: enrolled_at.as_deref().map(parse_stamp).transpose()?,
        last_step,
        recovery_codes_left: left as usize,
    }))
}

pub fn enrolled(conn: &Connection) -> Result<Vec<i64>> {
    let mut statement = conn.prepare("SELECT user_id FROM user_totp WHERE enrolled_at IS NOT NULL ORDER BY user_id")?;
    let ids = statement.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

pub fn start(conn: &mut Connection, email: &str, secret: &[u8]) -> Result<()> {
    let tx = write(conn)?;
    let user = user_in(&tx, email)?.ok_or_else(|| unknown(email))?;
    let enrolled: Option<Option<String>> =
        tx.query_row("SELECT enrolled_at FROM user_totp WHERE user_id = ?1", [user.id], |row| row.get(0)).optional()?;
    if matches!(enrolled, Some(Some(_))) {
        return Err(StoreError::Conflict(format!(
            "{} has a second factor already: reset it first (vigie user totp-reset)",
            user.email
        )));
    }
    tx.execute(
        "INSERT INTO user_totp (user_id, secret, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at,
                                             last_step = NULL",
        params![user.id, secret, stamp(Timestamp::now())],
    )?;
    tx.commit()?;
    Ok(())
}

pub fn enrol(
    conn: &mut Connection,
    email: &str,
    used_step: Option<i64>,
    recovery_hashes: &[String],
    actor: &str,
) -> Result<bool> {
    let tx = write(conn)?;
    let user = user_in(&tx, email)?.ok_or_else(|| unknown(email))?;
    let now = Timestamp::now();
    let changed = tx.execute(
        "UPDATE user_totp SET enrolled_at = ?1, last_step = ?2 WHERE user_id = ?3 AND enrolled_at IS NULL",
        params![stamp(now), used_step, user.id],
    )?;
    if changed == 0 {
        return Ok(false);
    }
    replace_codes(&tx, user.id, recovery_hashes)?;
    let entry = AuditEntry::new(now, actor, "user.totp.enrol", "user", Some(&user.email)).with_changes(vec![
        FieldChange::new("totp", false, true),
        FieldChange::new("recovery_codes", serde_json::Value::Null, recovery_hashes.len()),
    ]);
    insert_audit(&tx, &entry)?;
    tx.commit()?;
    Ok(true)
}

/// Accepts `step` once: the step used at a login is kept in the sessions
/// file (one statement, which writes only there), so that a login with a
/// second factor does not wait for an import either.
pub fn accept_step(conn: &mut Connection, email: &str, step: i64) -> Result<bool> {
    let user = user_in(conn, email)?.ok_or_else(|| unknown(email))?;
    let changed = conn.execute(
        "INSERT INTO sessions.totp_step (user_id, last_step)
         SELECT t.user_id, ?1 FROM main.user_totp t
          WHERE t.user_id = ?2 AND t.enrolled_at IS NOT NULL AND (t.last_step IS NULL OR t.last_step < ?1)
         ON CONFLICT (user_id) DO UPDATE SET last_step = excluded.last_step WHERE last_step < excluded.last_step",
        params![step, user.id],
    )?;
    Ok(changed == 1)
}

pub fn use_recovery_code(conn: &mut Connection, email: &str, code_hash: &str, actor: &str) -> Result<bool> {
    let tx = write(conn)?;
    let user = user_in(&tx, email)?.ok_or_else(|| unknown(email))?;
    let now = Timestamp::now();
    let changed = tx.execute(
        "UPDATE user_recovery_code SET used_at = ?1
         WHERE user_id = ?2 AND code_hash = ?3 AND used_at IS NULL
           AND EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = ?2 AND t.enrolled_at IS NOT NULL)",
        params![stamp(now), user.id, code_hash],
    )?;
    if changed == 0 {
        return Ok(false);
    }
    let left = codes_left(&tx, user.id)?;
    let entry = AuditEntry::new(now, actor, "user.totp.recovery", "user", Some(&user.email))
        .with_changes(vec![FieldChange::new("recovery_codes", left + 1, left)])
        .with_detail(format!("a recovery code was used; {left} left"));
    insert_audit(&tx, &entry)?;
    tx.commit()?;
    Ok(true)
}

pub fn renew_recovery_codes(
    conn: &mut Connection,
    email: &str,
    step: i64,
    recovery_hashes: &[String],
    actor: &str,
) -> Result<bool> {
    let tx = write(conn)?;
    let user = user_in(&tx, email)?.ok_or_else(|| unknown(email))?;
    let accepted = tx.execute(
        "UPDATE user_totp SET last_step = ?1
         WHERE user_id = ?2 AND enrolled_at IS NOT NULL AND (last_step IS NULL OR last_step < ?1)
           AND NOT EXISTS (SELECT 1 FROM sessions.totp_step s WHERE s.user_id = ?2 AND s.last_step >= ?1)",
        params![step, user.id],
    )?;
    if accepted == 0 {
        return Ok(false);
    }
    let left = codes_left(&tx, user.id)?;
    replace_codes(&tx, user.id, recovery_hashes)?;
    let entry = AuditEntry::new(Timestamp::now(), actor, "user.totp.recovery_codes", "user", Some(&user.email))
        .with_changes(vec![FieldChange::new("recovery_codes", left, recovery_hashes.len())]);
    insert_audit(&tx, &entry)?;
    tx.commit()?;
    Ok(true)
}

pub fn reset(conn: &mut Connection, email: &str, actor: &str) -> Result<bool> {
    let tx = write(conn)?;
    let user = user_in(&tx, email)?.ok_or_else(|| unknown(email))?;
    let enrolled: Option<Option<String>> =
        tx.query_row("SELECT enrolled_at FROM user_totp WHERE user_id = ?1", [user.id], |row| row.get(0)).optional()?;
    let Some(enrolled) = enrolled else {
        return Ok(false);
    };
    tx.execute("DELETE FROM user_totp WHERE user_id = ?1", [user.id])?;
    tx.execute("DELETE FROM user_recovery_code WHERE user_id = ?1", [user.id])?;
    // whoever holds the lost factor logs in anew, and enrols if required
    tx.execute("DELETE FROM web_session WHERE user_id = ?1", [user.id])?;
    let entry = AuditEntry::new(Timestamp::now(), actor, "user.totp.reset", "user", Some(&user.email))
        .with_changes(vec![FieldChange::new("totp", enrolled.is_some(), false)]);
    insert_audit(&tx, &entry)?;
    tx.commit()?;
    Ok(true)
}

fn parse_roles(text: &str) -> Result<Vec<Role>> {
    let mut roles = text
        .split(',')
        .filter(|code| !code.is_empty())
        .map(|code| Role::parse(code).ok_or_else(|| StoreError::Corrupt(format!("role {code:?} in {TOTP_ROLES_KEY}"))))
        .collect::<Result<Vec<_>>>()?;
    roles.sort();
    roles.dedup();
    Ok(roles)
}

pub fn roles(conn: &Connection) -> Result<Vec<Role>> {
    let text: Option<String> =
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [TOTP_ROLES_KEY], |row| row.get(0)).optional()?;
    parse_roles(text.as_deref().unwrap_or(""))
}

pub fn set_roles(conn: &mut Connection, roles: &[Role], actor: &str) -> Result<bool> {
    let tx = write(conn)?;
    let before = self::roles(&tx)?;
    let mut after = roles.to_vec();
    after.sort();
    after.dedup();
    if before == after {
        return Ok(false);
    }
    let codes = |list: &[Role]| list.iter().map(|r| r.code()).collect::<Vec<_>>();
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![TOTP_ROLES_KEY, codes(&after).join(",")],
    )?;
    // the accounts now required to enrol and not enrolled log in anew
    for role in after.iter().filter(|r| !before.contains(r)) {
        tx.execute(
            "DELETE FROM web_session WHERE user_id IN (
                 SELECT u.id FROM app_user u WHERE u.role = ?1
                    AND NOT EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id AND t.enrolled_at IS NOT NULL))",
            [role.code()],
        )?;
    }
    let entry = AuditEntry::new(Timestamp::now(), actor, "settings.totp_roles", "settings", Some("totp_roles"))
        .with_changes(vec![FieldChange::new("totp_roles", codes(&before), codes(&after))]);
    insert_audit(&tx, &entry)?;
    tx.commit()?;
    Ok(true)
}

/// How many of the account's recovery codes are still unused.
fn codes_left(conn: &Connection, user_id: i64) -> Result<i64> {
    let sql = "SELECT count(*) FROM user_recovery_code WHERE user_id = ?1 AND used_at IS NULL";
    Ok(conn.query_row(sql, [user_id], |row| row.get(0))?)
}

/// Replaces the account's recovery codes by these hashes.
fn replace_codes(conn: &Connection, user_id: i64, hashes: &[String]) -> Result<()> {
    conn.execute("DELETE FROM user_recovery_code WHERE user_id = ?1", [user_id])?;
    for hash in hashes {
        conn.execute("INSERT INTO user_recovery_code (user_id, code_hash) VALUES (?1, ?2)", params![user_id, hash])?;
    }
    Ok(())
}
