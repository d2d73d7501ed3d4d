//! Sessions: a random 32-byte token in the `vigie_session` cookie, its
//! SHA-256 in the store. The middleware here resolves the cookie once per
//! request and leaves a [`Session`] (or nothing) in the request's
//! extensions for the extractors of `auth.rs`.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};
use vigie_domain::User;

use crate::cookies;
use crate::state::AppState;
use crate::util::hex;

pub const SESSION_COOKIE: &str = "vigie_session";
/// How long a session lasts after login (not sliding).
pub const SESSION_HOURS: i64 = 8;

/// The logged-in user of a request.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub token_hash: String,
    /// The CSRF token of this session's forms (empty for a token's).
    pub csrf: String,
    /// The API token the request came with, when it came with one
    /// (`bearer.rs`) rather than a browser's cookie.
    pub token: Option<TokenUse>,
}

/// The token a request was authenticated with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenUse {
    pub id: i64,
    pub scope: vigie_domain::token::TokenScope,
}

/// What the store keeps of a token: its SHA-256, lower-case hex.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The CSRF token of a session: derived from its secret token, so nothing
/// more is stored and it cannot be computed without the cookie.
fn session_csrf(token: &str) -> String {
    hex(&Sha256::digest(format!("vigie-csrf:{token}").as_bytes()))
}

fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The account and end of the session whose token has this hash: from
/// the session cache while the store's data are unchanged (a logout, a
/// disabled account, a changed role all change them), else from the store.
async fn lookup(state: &AppState, hash: &str) -> Option<(User, jiff::Timestamp)> {
    let version = state.data_version().await.ok()?;
    if let Some(found) = state.sessions.get(version, &hash.to_string()) {
        return Some(found);
    }
    let key = hash.to_string();
    // the version read before the lookup: a commit meanwhile makes the entry
    // stale at once, never a stale entry look current
    let found = state.read(move |store| store.session(&key)).await.ok()??;
    state.sessions.insert(version, hash.to_string(), found.clone());
    Some(found)
}

/// Resolves the session cookie: an unknown, expired or disabled account's
/// session is no session. A request a bearer token identified
/// (`bearer.rs`, the middleware before this one) keeps its token's.
pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    if request.extensions().get::<Session>().is_some() {
        return next.run(request).await;
    }
    if let Some(token) = cookies::get(request.headers(), SESSION_COOKIE).filter(|t| well_formed(t)) {
        let hash = token_hash(&token);
        if let Some((user, expires)) = lookup(&state, &hash).await
            && expires > jiff::Timestamp::now()
            && !user.disabled
        {
            request.extensions_mut().insert(Session {
                user,
                token_hash: hash,
                csrf: session_csrf(&token),
                token: None,
            });
        }
    }
    next.run(request).await
}
