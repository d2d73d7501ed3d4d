//! Personal access tokens on API requests: `Authorization: Bearer
//! vigie_pat_…` under `/api/` gives the request its token's user as a
//! [`Session`] (the same extractors, the same rules as a browser's
//! session), narrowed to the token's scope. A token that is malformed,
//! unknown, expired or revoked, or whose account is disabled, is 401: a
//! request that names a token is never served as anonymous.
//!
//! The request runs with `state::AUDIT_TOKEN` set, so that every audit
//! entry it writes names the token (`AppState::write`). Its use is noted at
//! most once a minute, in the background. This middleware runs before the
//! session's: a request it identified is not looked up by its cookie.

use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use vigie_domain::User;
use vigie_domain::token::ApiToken;
use vigie_store::api_token;

use crate::errors::Error;
use crate::session::{Session, TokenUse};
use crate::state::AppState;

/// The secret of an `Authorization: Bearer` header, if there is one (the
/// scheme in any case, RFC 9110).
pub fn secret(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, secret) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| secret.trim().to_string())
}

fn challenge(status: StatusCode, message: &'static str, error: &str) -> Response {
    let mut response = Error::new(status, message).into_response();
    let value = format!("Bearer realm=\"vigie\", error=\"{error}\"");
    if let Ok(value) = HeaderValue::from_str(&value) {
        response.headers_mut().insert(header::WWW_AUTHENTICATE, value);
    }
    response
}

/// The token of `secret` and its user, if it opens the API now.
async fn lookup(state: &AppState, secret: &str) -> Option<(ApiToken, User)> {
    if !api_token::well_formed(secret) {
        return None;
    }
    let hash = api_token::secret_hash(secret);
    let version = state.data_version().await.ok()?;
    let found = match state.tokens.get(version, &hash) {
        Some(found) => found,
        None => {
            let key = hash.clone();
            let found = state.read(move |store| store.token_by_hash(&key)).await.ok()??;
            state.tokens.insert(version, hash, found.clone());
            found
        }
    };
    let (token, user) = &found;
    (token.is_active(jiff::Timestamp::now()) && !user.disabled).then_some(found)
}

/// Identifies an API request by its bearer token (see the module's comment).
pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let Some(secret) = secret(request.headers()) else {
        return next.run(request).await;
    };
    let session = match authenticate(&state, &secret).await {
        Ok(session) => session,
        Err(refused) => return refused,
    };
    let token = session.token.map(|t| t.id);
    request.extensions_mut().insert(session);
    crate::state::AUDIT_TOKEN.scope(token, next.run(request)).await
}

/// The refusal of a request outside its token's scope (a write with a read
/// token): checked by the extractors, once the route is known, so that a
/// method a route does not have is 405 whatever the token.
pub fn out_of_scope(session: &Session, method: &Method) -> Option<Response> {
    let token = session.token?;
    // the methods that change something
    let writes = matches!(*method, Method::POST | Method::PUT | Method::PATCH | Method::DELETE);
    (!token.scope.allows(writes))
        .then(|| challenge(StatusCode::FORBIDDEN, "web-error-token-scope", "insufficient_scope"))
}

/// The session of a request that came with `secret`, or the answer that
/// refuses it: 401 for a token that does not open the API, 429 when the
/// token's rate is used up.
pub async fn authenticate(state: &AppState, secret: &str) -> Result<Session, Response> {
    let Some((token, user)) = lookup(state, secret).await else {
        return Err(challenge(StatusCode::UNAUTHORIZED, "web-error-token-invalid", "invalid_token"));
    };
    let now = Instant::now();
    if let Err(wait) = state.api_limiter.take(&format!("token:{}", token.id), now) {
        let mut response = Error::new(StatusCode::TOO_MANY_REQUESTS, "web-error-rate-limited").into_response();
        let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
        return Err(response);
    }
    if state.touches.due(token.id, now) {
        let (state, id) = (state.clone(), token.id);
        tokio::spawn(async move {
            if let Err(e) = state.write(move |store| store.touch_token(id, jiff::Timestamp::now())).await {
                tracing::warn!("the last use of token {id}: {e}");
            }
        });
    }
    Ok(Session {
        user,
        token_hash: String::new(),
        csrf: String::new(),
        token: Some(TokenUse { id: token.id, scope: token.scope }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bearer_scheme_in_any_case() {
        let mut headers = HeaderMap::new();
        assert_eq!(secret(&headers), None);
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("bearer  vigie_pat_x "));
        assert_eq!(secret(&headers).as_deref(), Some("vigie_pat_x"));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic dXNlcjpwYXNz"));
        assert_eq!(secret(&headers), None);
    }
}
