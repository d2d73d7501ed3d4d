//! User accounts and the audit log. Every change to an account writes its
//! audit entry in the same transaction.

use jiff::Timestamp;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use vigie_domain::audit::FieldChange;
use vigie_domain::{AuditEntry, CountryCode, Role, User};

use crate::{AuditFilter, NewUser, Result, StoreError};

pub(super) const USER_COLUMNS: &str = "id, email, role, countries, disabled, created_at";
const AUDIT_COLUMNS: &str = "id, at, actor, action, entity, entity_id, changes, detail, token_id";
/// The sign-in journal's columns, as the audit log's (no token signs in).
const SIGN_IN_COLUMNS: &str = "at, actor, action, entity, entity_id, changes, detail, NULL";

/// A timestamp as stored: UTC to the millisecond, fixed width, so that text
/// order is time order.
pub(super) fn stamp(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

pub(super) fn parse_stamp(text: &str) -> Result<Timestamp> {
    text.parse().map_err(|_| StoreError::Corrupt(format!("timestamp {text:?}")))
}

fn normal(email: &str) -> String {
    vigie_domain::user::normal_email(email)
}

pub(super) fn user_row(row: &rusqlite::Row<'_>) -> Result<User> {
    let role: String = row.get(2)?;
    let countries: String = row.get(3)?;
    let created: String = row.get(5)?;
    Ok(User {
        id: row.get(0)?,
        email: row.get(1)?,
        role: Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("user role {role:?}")))?,
        countries: countries
            .split(',')
            .filter(|c| !c.is_empty())
            .map(|c| CountryCode::new(c).ok_or_else(|| StoreError::Corrupt(format!("user country {c:?}"))))
            .collect::<Result<_>>()?,
        disabled: row.get(4)?,
        created_at: parse_stamp(&created)?,
    })
}

fn audit_row(row: &rusqlite::Row<'_>) -> Result<AuditEntry> {
    let at: String = row.get(1)?;
    let changes: String = row.get(6)?;
    let changes: Vec<serde_json::Value> =
        serde_json::from_str(&changes).map_err(|e| StoreError::Corrupt(format!("audit changes: {e}")))?;
    let changes = changes
        .into_iter()
        .map(|change| match change {
            serde_json::Value::Object(mut object) => Ok(FieldChange {
                field: object.remove("field").and_then(|f| f.as_str().map(str::to_string)).unwrap_or_default(),
                before: object.remove("before").unwrap_or_default(),
                after: object.remove("after").unwrap_or_default(),
            }),
            other => Err(StoreError::Corrupt(format!("audit change {other}"))),
        })
        .collect::<Result<_>>()?;
    Ok(AuditEntry {
        id: row.get(0)?,
        at: parse_stamp(&at)?,
        actor: row.get(2)?,
        action: row.get(3)?,
        entity: row.get(4)?,
        entity_id: row.get(5)?,
        changes,
        detail: row.get(7)?,
        token_id: row.get(8)?,
    })
}

pub(super) fn insert_audit(conn: &Connection, entry: &AuditEntry) -> Result<i64> {
    insert_audit_into(conn, "main.audit_log", entry)
}

/// Appends `entry` to `table`: the audit log, or the sign-in journal.
pub(super) fn insert_audit_into(conn: &Connection, table: &str, entry: &AuditEntry) -> Result<i64> {
    let changes = serde_json::to_string(&entry.changes).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    // the audit log names the token a change came through: the entry's, or
    // the one the connection was told of (`Store::set_audit_token`)
    let (token_column, token_value) =
        if table == "main.audit_log" { (", token_id", ", coalesce(?8, vigie_audit_token())") } else { ("", "") };
    let mut statement = conn.prepare_cached(&format!(
        "INSERT INTO {table} (at, actor, action, entity, entity_id, changes, detail{token_column})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7{token_value})"
    ))?;
    let values = params![
        stamp(entry.at),
        entry.actor,
        entry.action,
        entry.entity,
        entry.entity_id,
        changes,
        entry.detail,
        entry.token_id
    ];
    if token_column.is_empty() {
        statement.execute(&values[..7])?;
    } else {
        statement.execute(values)?;
    }
    Ok(conn.last_insert_rowid())
}

pub(super) fn user_in(conn: &Connection, email: &str) -> Result<Option<User>> {
    conn.query_row(&format!("SELECT {USER_COLUMNS} FROM app_user WHERE email = ?1"), [normal(email)], |row| {
        Ok(user_row(row))
    })
    .optional()?
    .transpose()
}

pub(super) fn unknown(email: &str) -> StoreError {
    StoreError::NotFound(format!("no user has the email {} (see `vigie user list`)", normal(email)))
}

pub(super) fn write(conn: &mut Connection) -> Result<Transaction<'_>> {
    // IMMEDIATE: take the write lock before reading what is to change
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

pub fn add(conn: &mut Connection, user: &NewUser, actor: &str) -> Result<i64> {
    let email = normal(&user.email);
    let tx = write(conn)?;
    if user_in(&tx, &email)?.is_some() {
        return Err(StoreError::Conflict(format!("a user with the email {email} already exists")));
    }
    // an address that looks like an existing one (UTS 39 skeleton) is refused
    let existing: Vec<String> =
        tx.prepare("SELECT email FROM app_user")?.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    if let Some(like) = vigie_domain::user::confusable_email(&email, existing.iter().map(String::as_str)) {
        let error = vigie_domain::UserError::EmailConfusable(email.clone(), like.to_string());
        return Err(StoreError::Conflict(error.to_string()));
    }
    let now = Timestamp::now();
    let mut countries = user.countries.clone();
    countries.sort();
    countries.dedup();
    let codes: Vec<&str> = countries.iter().map(CountryCode::as_str).collect();
    tx.execute(
        "INSERT INTO app_user (email, role, countries, password_hash, disabled, created_at, password_changed_at)
         VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5)",
        params![email, user.role.code(), codes.join(","), user.password_hash, stamp(now)],
    )?;
    let id = tx.last_insert_rowid();
    let mut changes = vec![
        FieldChange::new("email", serde_json::Value::Null, email.as_str()),
        FieldChange::new("role", serde_json::Value::Null, user.role.code()),
    ];
    if !codes.is_empty() {
        changes.push(FieldChange::new("countries", serde_json::Value::Null, codes.clone()));
    }
    changes.push(FieldChange::hidden("password", false));
    insert_audit(&tx, &AuditEntry::new(now, actor, "user.add", "user", Some(&email)).with_changes(changes))?;
    tx.commit()?;
    Ok(id)
}

pub fn by_email(conn: &Connection, email: &str) -> Result<Option<User>> {
    user_in(conn, email)
}

pub fn password_hash(conn: &Connection, email: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT password_hash FROM app_user WHERE email = ?1", [normal(email)], |row| row.get(0))
        .optional()?)
}

pub fn all(conn: &Connection) -> Result<Vec<User>> {
    let mut statement = conn.prepare(&format!("SELECT {USER_COLUMNS} FROM app_user ORDER BY email"))?;
    let mut rows = statement.query([])?;
    let mut users = Vec::new();
    while let Some(row) = rows.next()? {
        users.push(user_row(row)?);
    }
    Ok(users)
}

pub fn set_password(conn: &mut Connection, email: &str, hash: &str, actor: &str) -> Result<()> {
    let tx = write(conn)?;
    let user = user_in(&tx, email)?.ok_or_else(|| unknown(email))?;
    let now = Timestamp::now();
    tx.execute(
        "UPDATE app_user SET password_hash = ?1, password_changed_at = ?2 WHERE id = ?3",
        params![hash, stamp(now), user.id],
    )?;
    // whoever knew the old password is out now, not at the session's expiry
    tx.execute("DELETE FROM web_session WHERE user_id = ?1", [user.id])?;
    let entry = AuditEntry::new(now, actor, "user.passwd", "user", Some(&user.email))
        .with_changes(vec![FieldChange::hidden("password", true)]);
    insert_audit(&tx, &entry)?;
    tx.commit()?;
    Ok(())
}

pub fn set_disabled(conn: &mut Connection, email: &str, disabled: bool, actor: &str) -> Result<bool> {
    let tx = write(conn)?;
    let user = user_in(&tx, email)?.ok_or_else(|| unknown(email))?;
    if user.disabled == disabled {
        return Ok(false);
    }
    tx.execute("UPDATE app_user SET disabled = ?1 WHERE id = ?2", params![disabled, user.id])?;
    if disabled {
        // a disabled account's sessions end now, not at their expiry
        tx.execute("DELETE FROM web_session WHERE user_id = ?1", [user.id])?;
    }
    let action = if disabled { "user.disable" } else { "user.enable" };
    let entry = AuditEntry::new(Timestamp::now(), actor, action, "user", Some(&user.email))
        .with_changes(vec![FieldChange::new("disabled", user.disabled, disabled)]);
    insert_audit(&tx, &entry)?;
    tx.commit()?;
    Ok(true)
}

pub fn set_role(
    conn: &mut Connection,
    email: &str,
    role: Role,
    countries: &[CountryCode],
    actor: &str,
) -> Result<bool> {
    let tx = write(conn)?;
    let user = user_in(&tx, email)?.ok_or_else(|| unknown(email))?;
    let mut countries = countries.to_vec();
    countries.sort();
    countries.dedup();
    fn codes(list: &[CountryCode]) -> Vec<&str> {
        list.iter().map(CountryCode::as_str).collect()
    }
    let mut changes = Vec::new();
    if user.role != role {
        changes.push(FieldChange::new("role", user.role.code(), role.code()));
    }
    if user.countries != countries {
        changes.push(FieldChange::new("countries", codes(&user.countries), codes(&countries)));
    }
    if changes.is_empty() {
        return Ok(false);
    }
    tx.execute(
        "UPDATE app_user SET role = ?1, countries = ?2 WHERE id = ?3",
        params![role.code(), codes(&countries).join(","), user.id],
    )?;
    // moved to a role that requires a second factor it has not: it enrols at
    // its next login, and has no session until then
    if user.role != role && super::totp::roles(&tx)?.contains(&role) {
        tx.execute(
            "DELETE FROM web_session WHERE user_id = ?1
               AND NOT EXISTS (SELECT 1 FROM user_totp WHERE user_id = ?1 AND enrolled_at IS NOT NULL)",
            [user.id],
        )?;
    }
    let entry = AuditEntry::new(Timestamp::now(), actor, "user.role", "user", Some(&user.email)).with_changes(changes);
    insert_audit(&tx, &entry)?;
    tx.commit()?;
    Ok(true)
}

pub fn record(conn: &Connection, entry: &AuditEntry) -> Result<i64> {
    insert_audit(conn, entry)
}

/// The entries that match, latest first.
pub fn matching(conn: &Connection, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
    let mut conditions = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let mut condition = |values: &mut Vec<Value>, value: String, sql: &str| {
        values.push(Value::Text(value));
        conditions.push(sql.replace('?', &format!("?{}", values.len())));
    };
    if let Some(actor) = &filter.actor {
        condition(&mut values, actor.trim().to_string(), "actor = ? COLLATE NOCASE");
    }
    if let Some(entity) = &filter.entity {
        condition(&mut values, entity.trim().to_string(), "entity = ?");
    }
    if let Some(id) = &filter.entity_id {
        condition(&mut values, id.clone(), "entity_id = ?");
    }
    if let Some(action) = &filter.action {
        condition(&mut values, action.trim().to_string(), "action = ?");
    }
    if let Some(token) = filter.token_id {
        condition(&mut values, token.to_string(), "token_id = CAST(? AS INTEGER)");
    }
    if let Some(from) = filter.from {
        condition(&mut values, stamp(from), "at >= ?");
    }
    if let Some(to) = filter.to {
        condition(&mut values, stamp(to), "at < ?");
    }
    let condition = if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
    let limit = match (filter.limit, filter.offset) {
        (Some(limit), offset) => {
            format!("LIMIT {} OFFSET {}", limit.min(i64::MAX as u64), offset.unwrap_or(0).min(i64::MAX as u64))
        }
        (None, Some(offset)) => format!("LIMIT -1 OFFSET {}", offset.min(i64::MAX as u64)),
        (None, None) => String::new(),
    };
    // the sign-in journal's entries, in their own file, with negative ids
    let mut statement = conn.prepare(&format!(
        "SELECT {AUDIT_COLUMNS} FROM (SELECT {AUDIT_COLUMNS} FROM main.audit_log
                                      UNION ALL SELECT -id, {SIGN_IN_COLUMNS} FROM sessions.sign_in_log)
          {condition} ORDER BY at DESC, id DESC {limit}"
    ))?;
    let mut rows = statement.query(rusqlite::params_from_iter(values))?;
    let mut entries = Vec::new();
    while let Some(row) = rows.next()? {
        entries.push(audit_row(row)?);
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn login() -> AuditEntry {
        AuditEntry::new(Timestamp::now(), "someone@example.org", "login", "user", None)
    }
    use crate::Store;
    use crate::sqlite::SqliteStore;

    const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

    fn store() -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("v.db")).unwrap();
        (dir, store)
    }

    fn new_user(email: &str, role: Role, countries: &[&str]) -> NewUser {
        NewUser {
            email: email.into(),
            role,
            countries: countries.iter().map(|c| CountryCode::new(c).unwrap()).collect(),
            password_hash: HASH.into(),
        }
    }

    #[test]
    fn accounts_and_their_audit_entries() {
        let (_dir, mut store) = store();
        let id = store.add_user(&new_user("delegate@example.org", Role::Delegate, &["ML", "BF"]), "cli").unwrap();
        store.add_user(&new_user("admin@example.org", Role::Admin, &[]), "cli").unwrap();
        let error = store.add_user(&new_user("Delegate@Example.org", Role::Viewer, &[]), "cli").unwrap_err();
        assert_eq!(error.to_string(), "a user with the email delegate@example.org already exists");
        // an address that looks like an existing one: "rn" for "m", a Cyrillic а
        for lookalike in ["adrnin@example.org", "\u{430}dmin@example.org", "de1egate@example.org"] {
            let error = store.add_user(&new_user(lookalike, Role::Viewer, &[]), "cli").unwrap_err();
            assert!(matches!(error, StoreError::Conflict(_)), "{lookalike}: {error}");
            assert!(error.to_string().contains("looks like the existing account"), "{error}");
        }
        assert!(store.user_by_email("ＡＤＭＩＮ@example.org").unwrap().is_some(), "looked up in NFKC");

        let user = store.user_by_email("DELEGATE@example.org").unwrap().unwrap();
        assert_eq!((user.id, user.role, user.disabled), (id, Role::Delegate, false));
        assert_eq!(user.countries.iter().map(CountryCode::as_str).collect::<Vec<_>>(), ["BF", "ML"]);
        let emails: Vec<String> = store.users().unwrap().into_iter().map(|u| u.email).collect();
        assert_eq!(emails, ["admin@example.org", "delegate@example.org"]);
        assert_eq!(store.password_hash("delegate@example.org").unwrap().as_deref(), Some(HASH));
        assert_eq!(store.password_hash("nobody@example.org").unwrap(), None);

        assert!(store.set_user_disabled("delegate@example.org", true, "admin@example.org").unwrap());
        assert!(!store.set_user_disabled("delegate@example.org", true, "admin@example.org").unwrap());
        assert!(store.user_by_email("delegate@example.org").unwrap().unwrap().disabled);
        let other = HASH.replace("aGFz", "b3Ro");
        store.set_password("delegate@example.org", &other, "cli").unwrap();
        assert_eq!(store.password_hash("delegate@example.org").unwrap(), Some(other));
        assert!(matches!(store.set_password("nobody@example.org", HASH, "cli"), Err(StoreError::NotFound(_))));
        assert!(matches!(store.set_user_disabled("nobody@example.org", true, "cli"), Err(StoreError::NotFound(_))));

        let log = store.audit(&AuditFilter::default()).unwrap();
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["user.passwd", "user.disable", "user.add", "user.add"]);
        assert_eq!(
            serde_json::to_string(&log[3].changes).unwrap(),
            r#"[{"field":"email","before":null,"after":"delegate@example.org"},{"field":"role","before":null,"after":"delegate"},{"field":"countries","before":null,"after":["BF","ML"]},{"field":"password","before":null,"after":"***"}]"#
        );
        assert_eq!(
            serde_json::to_string(&log[1].changes).unwrap(),
            r#"[{"field":"disabled","before":false,"after":true}]"#
        );
        assert_eq!(log[1].actor, "admin@example.org");
        assert_eq!(log[1].entity_id.as_deref(), Some("delegate@example.org"));

        let by_admin = AuditFilter { actor: Some("ADMIN@example.org".into()), ..AuditFilter::default() };
        assert_eq!(store.audit(&by_admin).unwrap().len(), 1);
        let adds = AuditFilter { action: Some("user.add".into()), limit: Some(1), ..AuditFilter::default() };
        let latest = store.audit(&adds).unwrap();
        assert_eq!(latest.len(), 1);
        assert_eq!(latest[0].entity_id.as_deref(), Some("admin@example.org"));
        let future = AuditFilter {
            from: Some(Timestamp::now() + jiff::SignedDuration::from_secs(60)),
            ..AuditFilter::default()
        };
        assert!(store.audit(&future).unwrap().is_empty());
        let past = AuditFilter { to: Some(Timestamp::UNIX_EPOCH), ..AuditFilter::default() };
        assert!(store.audit(&past).unwrap().is_empty());
    }

    #[test]
    fn role_changes_are_audited_and_disabling_ends_sessions() {
        let (dir, mut store) = store();
        let id = store.add_user(&new_user("someone@example.org", Role::Viewer, &[]), "cli").unwrap();
        let codes = |list: &[&str]| list.iter().map(|c| CountryCode::new(c).unwrap()).collect::<Vec<_>>();
        assert!(
            store.set_user_role("someone@example.org", Role::Delegate, &codes(&["ML", "BF"]), "admin@x.org").unwrap()
        );
        assert!(
            !store.set_user_role("someone@example.org", Role::Delegate, &codes(&["BF", "ML"]), "admin@x.org").unwrap()
        );
        let user = store.user_by_email("someone@example.org").unwrap().unwrap();
        assert_eq!((user.role, user.countries), (Role::Delegate, codes(&["BF", "ML"])));
        // the schema still refuses a delegate without countries: nothing written
        assert!(store.set_user_role("someone@example.org", Role::Delegate, &[], "admin@x.org").is_err());
        assert!(matches!(
            store.set_user_role("nobody@example.org", Role::Viewer, &[], "cli"),
            Err(StoreError::NotFound(_))
        ));
        let log = store.audit(&AuditFilter { action: Some("user.role".into()), ..AuditFilter::default() }).unwrap();
        assert_eq!(log.len(), 1);
        assert_eq!(
            serde_json::to_string(&log[0].changes).unwrap(),
            r#"[{"field":"role","before":"viewer","after":"delegate"},{"field":"countries","before":[],"after":["BF","ML"]}]"#
        );

        let hash = "a".repeat(64);
        store.create_session(&hash, id, Timestamp::now() + jiff::SignedDuration::from_hours(1), &login()).unwrap();
        assert!(store.session(&hash).unwrap().is_some());
        store
            .set_password(
                "someone@example.org",
                &crate::password::hash("another-long-password").unwrap(),
                "admin@x.org",
            )
            .unwrap();
        assert!(store.session(&hash).unwrap().is_none(), "a new password ends the sessions");
        store.create_session(&hash, id, Timestamp::now() + jiff::SignedDuration::from_hours(1), &login()).unwrap();
        let before = store.data_version().unwrap();
        assert!(store.set_user_disabled("someone@example.org", true, "admin@x.org").unwrap());
        assert!(store.session(&hash).unwrap().is_none(), "disabling ends the sessions");
        assert_ne!(store.data_version().unwrap(), before, "a write through this handle");

        // a commit by another connection moves the version too
        let seen = store.data_version().unwrap();
        assert_eq!(store.data_version().unwrap(), seen, "reads change nothing");
        let mut other = SqliteStore::open(&dir.path().join("v.db")).unwrap();
        other.set_meta("touched", "yes").unwrap();
        assert_ne!(store.data_version().unwrap(), seen, "a commit by another connection");
    }

    #[test]
    fn audit_pages() {
        let (_dir, mut store) = store();
        for n in 0..5 {
            let at = Timestamp::from_second(1_700_000_000 + n).unwrap();
            store.record_audit(&AuditEntry::new(at, "cli", "export", "incident", Some(&n.to_string()))).unwrap();
        }
        let page = |limit, offset| {
            let filter = AuditFilter { limit, offset, ..AuditFilter::default() };
            store.audit(&filter).unwrap().into_iter().map(|e| e.entity_id.unwrap()).collect::<Vec<_>>()
        };
        assert_eq!(page(Some(2), None), ["4", "3"]);
        assert_eq!(page(Some(2), Some(2)), ["2", "1"]);
        assert_eq!(page(Some(2), Some(4)), ["0"]);
        assert_eq!(page(None, Some(3)), ["1", "0"]);
    }

    #[test]
    fn recorded_entries_read_back_and_stay() {
        let (_dir, mut store) = store();
        let at: Timestamp = "2024-03-01T10:20:30.456Z".parse().unwrap();
        let entry = AuditEntry::new(at, "analyst@example.org", "incident.update", "incident", Some("demo-bf-1"))
            .with_changes(vec![FieldChange::new("killed", 3, 4)])
            .with_detail("corrected from the second source");
        let id = store.record_audit(&entry).unwrap();
        let log = store.audit(&AuditFilter { entity: Some("incident".into()), ..AuditFilter::default() }).unwrap();
        assert_eq!(log, [AuditEntry { id, ..entry }]);
        for sql in ["UPDATE audit_log SET actor = 'someone'", "DELETE FROM audit_log"] {
            let error = store.conn.execute(sql, []).unwrap_err();
            assert!(error.to_string().contains("append-only"), "{error}");
        }
    }

    #[test]
    fn the_schema_refuses_what_the_domain_refuses() {
        let (_dir, store) = store();
        let insert = |email: &str, role: &str, countries: &str, hash: &str| {
            store.conn.execute(
                "INSERT INTO app_user (email, role, countries, password_hash, created_at, password_changed_at)
                 VALUES (?1, ?2, ?3, ?4, 'now', 'now')",
                [email, role, countries, hash],
            )
        };
        assert!(insert("a@example.org", "delegate", "BF", HASH).is_ok());
        assert!(insert("b@example.org", "delegate", "", HASH).is_err(), "delegate without country");
        assert!(insert("c@example.org", "viewer", "BF", HASH).is_err(), "viewer with a country");
        assert!(insert("d@example.org", "root", "", HASH).is_err(), "unknown role");
        assert!(insert("e@example.org", "viewer", "", "plain text password").is_err(), "not a hash");
        assert!(insert("F@example.org", "viewer", "", HASH).is_err(), "upper case");
    }
}
