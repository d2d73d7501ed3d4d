//! Making and ending API tokens, one flow for the command line and the
//! web. A secret is `vigie_pat_` and 32 random bytes in hex; the store
//! keeps only its SHA-256: a token has 256 bits of entropy, so a fast hash
//! is as safe as a slow one, and a request is checked in microseconds.

use jiff::{SignedDuration, Timestamp};
use sha2::{Digest, Sha256};
use vigie_domain::audit::FieldChange;
use vigie_domain::token::{PREFIX, SHOWN, TokenScope, check_name};
use vigie_domain::{AuditEntry, User};

use crate::{NewToken, Result, Store, StoreError};

/// A token just made: its id and its secret, to show once.
#[derive(Debug)]
pub struct Issued {
    pub id: i64,
    pub secret: String,
    pub expires_at: Timestamp,
}

/// Makes a token for `owner` (the caller checked who may and the name,
/// `check_name`; a wrong one is `Unsupported`), named `name`,
/// for `days` days from `now`, audited as `actor`'s `token.create`.
pub fn issue(
    store: &mut dyn Store,
    owner: &User,
    name: &str,
    scope: TokenScope,
    days: i64,
    actor: &str,
    now: Timestamp,
) -> Result<Issued> {
    let name = check_name(name).map_err(|e| StoreError::Unsupported(e.to_string()))?;
    let secret = new_secret()?;
    let expires_at = now + SignedDuration::from_hours(24 * days);
    let token = NewToken {
        user_id: owner.id,
        name: name.clone(),
        scope,
        token_hash: secret_hash(&secret),
        shown: secret[..SHOWN].to_string(),
        created_at: now,
        expires_at,
    };
    let audit = AuditEntry::new(now, actor, "token.create", "token", None).with_changes(vec![
        FieldChange::new("user", serde_json::Value::Null, owner.email.as_str()),
        FieldChange::new("name", serde_json::Value::Null, name.as_str()),
        FieldChange::new("scope", serde_json::Value::Null, scope.code()),
        FieldChange::new("expires_at", serde_json::Value::Null, expires_at.to_string()),
    ]);
    let id = store.create_token(&token, &audit)?;
    Ok(Issued { id, secret, expires_at })
}

/// Revokes the token `id` at `now`, audited as `actor`'s `token.revoke`;
/// `false` when it was not active (revoked already or unknown).
pub fn revoke(store: &mut dyn Store, id: i64, actor: &str, now: Timestamp) -> Result<bool> {
    let Some(token) = store.token(id)? else {
        return Ok(false);
    };
    let audit = AuditEntry::new(now, actor, "token.revoke", "token", Some(&id.to_string()))
        .with_changes(vec![FieldChange::new("revoked_at", serde_json::Value::Null, now.to_string())]);
    let audit = audit.with_detail(format!("{} ({}, {})", token.name, token.email, token.shown));
    store.revoke_token(id, now, &audit)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A new secret, never stored: shown once to its owner.
pub fn new_secret() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Corrupt(format!("no random numbers: {e}")))?;
    Ok(format!("{PREFIX}{}", hex(&bytes)))
}

/// What the store keeps of a secret: its SHA-256, lower-case hex.
pub fn secret_hash(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// Whether `secret` has a token's form (checked before any lookup).
pub fn well_formed(secret: &str) -> bool {
    secret
        .strip_prefix(PREFIX)
        .is_some_and(|rest| rest.len() == 64 && rest.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_new_each_time_and_recognisable() {
        let one = new_secret().unwrap();
        let two = new_secret().unwrap();
        assert_ne!(one, two);
        assert!(well_formed(&one), "{one}");
        assert!(!well_formed(&one.to_uppercase()));
        assert!(!well_formed(&one[..one.len() - 1]));
        assert!(!well_formed(&format!("x{one}")));
        assert_eq!(secret_hash(&one).len(), 64);
        assert_ne!(secret_hash(&one), secret_hash(&two));
    }
}
