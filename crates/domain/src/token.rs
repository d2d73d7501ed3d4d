//! Personal access tokens: how a program acts as a user on the API. A
//! token carries its user's role and countries (nothing more), narrowed by
//! its scope: `read` only reads, `write` may also change what the user may
//! change. It ends at its expiry or when revoked, whichever comes first.

use serde::Serialize;

use crate::User;

/// The longest life a token may be given: a token is a password that
/// lives in scripts and configuration files, so it must end.
pub const MAX_DAYS: i64 = 366;
/// A token's name (what the user calls it: "national register sync").
pub const MAX_NAME: usize = 100;
/// What every token starts with, so that secret scanners and people
/// recognise one (`vigie_pat_` and 64 hexadecimal digits).
pub const PREFIX: &str = "vigie_pat_";
/// The characters of a token shown in lists, to tell tokens apart.
pub const SHOWN: usize = PREFIX.len() + 6;

/// What a token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenScope {
    /// Read only: `GET` and `HEAD`.
    Read,
    /// Read, and change what its user may change.
    Write,
}

impl TokenScope {
    pub fn code(self) -> &'static str {
        match self {
            TokenScope::Read => "read",
            TokenScope::Write => "write",
        }
    }

    pub fn parse(input: &str) -> Option<TokenScope> {
        match input.trim() {
            "read" => Some(TokenScope::Read),
            "write" => Some(TokenScope::Write),
            _ => None,
        }
    }

    /// Whether a request that `writes` (anything but `GET`, `HEAD`) is
    /// within the scope.
    pub fn allows(self, writes: bool) -> bool {
        !writes || self == TokenScope::Write
    }
}

/// A token as the store keeps it: never the secret, only its SHA-256.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApiToken {
    pub id: i64,
    pub user_id: i64,
    /// The user's email (for lists).
    pub email: String,
    pub name: String,
    pub scope: TokenScope,
    /// Its first [`SHOWN`] characters.
    pub shown: String,
    pub created_at: jiff::Timestamp,
    pub expires_at: jiff::Timestamp,
    pub revoked_at: Option<jiff::Timestamp>,
    pub last_used_at: Option<jiff::Timestamp>,
}

impl ApiToken {
    /// Whether it opens the API at `now`.
    pub fn is_active(&self, now: jiff::Timestamp) -> bool {
        self.revoked_at.is_none() && self.expires_at > now
    }
}

/// Why a token was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("the token's name is empty: say what it is for (e.g. \"national register sync\")")]
    EmptyName,
    #[error("the token's name is longer than {MAX_NAME} characters")]
    NameTooLong,
    #[error("the token's name has a control character")]
    ControlCharacter,
    #[error(
        "{q} is not a lifetime: write a number of days, e.g. 90d (1 to {MAX_DAYS} days)",
        q = crate::text::quoted(.0)
    )]
    Lifetime(String),
    #[error("{q} is not a scope: read or write", q = crate::text::quoted(.0))]
    Scope(String),
    #[error("a disabled account cannot have tokens")]
    Disabled,
}

/// The token's name, trimmed, if it is one.
pub fn check_name(name: &str) -> Result<String, TokenError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(TokenError::EmptyName);
    }
    if name.chars().count() > MAX_NAME {
        return Err(TokenError::NameTooLong);
    }
    if name.chars().any(char::is_control) {
        return Err(TokenError::ControlCharacter);
    }
    Ok(name.to_string())
}

/// A lifetime in days, written `90d` or `90`: 1 to [`MAX_DAYS`].
pub fn parse_lifetime(input: &str) -> Result<i64, TokenError> {
    let trimmed = input.trim();
    let digits = trimmed.strip_suffix('d').unwrap_or(trimmed);
    match digits.parse::<i64>() {
        Ok(days) if (1..=MAX_DAYS).contains(&days) && digits.bytes().all(|b| b.is_ascii_digit()) => Ok(days),
        _ => Err(TokenError::Lifetime(input.to_string())),
    }
}

/// Whether `user` may make a token for the account `owner`: their own
/// only (an administrator does not act as another person).
pub fn can_create_token(user: &User, owner: &User) -> bool {
    user.id == owner.id && !user.disabled
}

/// Whether `user` may revoke the token of `owner_id`: its owner, or an
/// administrator (a token that leaked must end even if its owner is away).
pub fn can_revoke_token(user: &User, owner_id: i64) -> bool {
    !user.disabled && (user.id == owner_id || crate::user::can_manage_users(user))
}

/// Whether `user` may see the tokens of `owner_id` (their names, scopes
/// and last use; never a secret): as for revoking.
pub fn can_list_tokens(user: &User, owner_id: i64) -> bool {
    can_revoke_token(user, owner_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;

    fn user(id: i64, role: Role) -> User {
        User {
            id,
            email: format!("u{id}@example.org"),
            role,
            countries: Vec::new(),
            disabled: false,
            created_at: jiff::Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn a_read_token_never_writes() {
        assert!(TokenScope::Read.allows(false));
        assert!(!TokenScope::Read.allows(true));
        assert!(TokenScope::Write.allows(true));
        assert_eq!(TokenScope::parse("write"), Some(TokenScope::Write));
        assert_eq!(TokenScope::parse("admin"), None);
    }

    #[test]
    fn lifetimes_are_days_within_bounds() {
        assert_eq!(parse_lifetime("90d"), Ok(90));
        assert_eq!(parse_lifetime("7"), Ok(7));
        assert_eq!(parse_lifetime("366d"), Ok(366));
        for wrong in ["0d", "367d", "-5d", "+5d", "90h", "", "d", "1e3d"] {
            assert!(parse_lifetime(wrong).is_err(), "{wrong}");
        }
        assert!(parse_lifetime("400d").unwrap_err().to_string().contains("1 to 366 days"));
    }

    #[test]
    fn names_are_short_printable_and_present() {
        assert_eq!(check_name("  sync  "), Ok("sync".to_string()));
        assert_eq!(check_name(" "), Err(TokenError::EmptyName));
        assert_eq!(check_name("a\u{7}"), Err(TokenError::ControlCharacter));
        assert_eq!(check_name(&"x".repeat(101)), Err(TokenError::NameTooLong));
    }

    #[test]
    fn tokens_are_made_by_their_owner_and_ended_by_them_or_an_administrator() {
        let analyst = user(1, Role::Analyst);
        let other = user(2, Role::Analyst);
        let admin = user(3, Role::Admin);
        assert!(can_create_token(&analyst, &analyst));
        assert!(!can_create_token(&admin, &analyst), "an administrator does not make another's token");
        assert!(can_revoke_token(&analyst, 1));
        assert!(!can_revoke_token(&other, 1));
        assert!(can_revoke_token(&admin, 1));
        let mut disabled = analyst.clone();
        disabled.disabled = true;
        assert!(!can_create_token(&disabled, &disabled));
        assert!(!can_list_tokens(&other, 1));
    }

    #[test]
    fn a_token_ends_at_its_expiry_or_revocation() {
        let now = jiff::Timestamp::from_second(1_000_000).unwrap();
        let mut token = ApiToken {
            id: 1,
            user_id: 1,
            email: "a@example.org".into(),
            name: "t".into(),
            scope: TokenScope::Read,
            shown: "vigie_pat_abcdef".into(),
            created_at: now,
            expires_at: now + jiff::SignedDuration::from_secs(60),
            revoked_at: None,
            last_used_at: None,
        };
        assert!(token.is_active(now));
        assert!(!token.is_active(now + jiff::SignedDuration::from_secs(60)));
        token.revoked_at = Some(now);
        assert!(!token.is_active(now));
    }
}
