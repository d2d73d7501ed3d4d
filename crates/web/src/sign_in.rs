//! What the two steps of a login share (`login.rs`, then the second
//! factor's `second_factor.rs`): where to go after it, the client's
//! address, the sign-in journal, and the opening of a session.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use vigie_domain::{AuditEntry, User};

use crate::cookies;
use crate::session::{SESSION_COOKIE, SESSION_HOURS, token_hash};
use crate::state::AppState;
use crate::util::new_token;

/// Where to go after login: a path of this site only (no `//host`).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.chars().any(char::is_control) =>
        {
            path.to_string()
        }
        _ => "/dashboard".to_string(),
    }
}

/// The client's address: the TCP peer's. Behind a reverse proxy every
/// client is the proxy (`X-Forwarded-For` is not trusted).
pub struct ClientIp(pub(crate) String);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        // through the extractor, which also reads a test's `MockConnectInfo`
        let ip = ConnectInfo::<SocketAddr>::from_request_parts(parts, state).await.ok().map(|c| c.0.ip().to_string());
        Ok(ClientIp(ip.unwrap_or_else(|| "unknown".to_string())))
    }
}

/// Records a sign-in event (a refused login, say) in the sign-in journal;
/// a failure to is logged, not shown.
pub async fn audit(state: &AppState, entry: AuditEntry) {
    if let Err(e) = state.write(move |store| store.record_sign_in(&entry)).await {
        tracing::error!("cannot record a login in the audit log: {e}");
    }
}

/// Opens a session for `user` and records the `login` (`detail`: where
/// from, and how); the `Set-Cookie` value of its token.
pub async fn open_session(state: &AppState, user: &User, detail: String) -> anyhow::Result<String> {
    let token = new_token()?;
    let hash = token_hash(&token);
    let expires = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(SESSION_HOURS);
    let entry =
        AuditEntry::new(jiff::Timestamp::now(), &user.email, "login", "user", Some(&user.email)).with_detail(detail);
    let user_id = user.id;
    state.write(move |store| store.create_session(&hash, user_id, expires, &entry)).await?;
    Ok(cookies::set(SESSION_COOKIE, &token, SESSION_HOURS as u64 * 3600, state.config.secure_cookies))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/audit?actor=x")), "/audit?actor=x");
        assert_eq!(safe_next(Some("//evil.example/")), "/dashboard");
        assert_eq!(safe_next(Some("/\\evil.example/")), "/dashboard");
        assert_eq!(safe_next(Some("https://evil.example/")), "/dashboard");
        assert_eq!(safe_next(None), "/dashboard");
    }
}
