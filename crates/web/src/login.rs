//! `GET /login`, `POST /login` and `POST /logout`. Passwords are checked
//! with argon2id off the async threads; an unknown email costs the same as
//! a wrong password (a dummy hash is verified), so timing tells nothing.
//! Both outcomes go in the audit log (`login`, `login.failed`; never the
//! password), and failures feed the rate limiter.
//!
//! An account with a second factor gets no session for its password alone:
//! it is sent to `/login/code`, and an account whose role requires one but
//! has none to `/account/totp` to enrol (`second_factor.rs`).

use std::net::SocketAddr;
use std::sync::OnceLock;

use axum::Form;
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Deserialize;
use vigie_domain::{AuditEntry, Lang, User};
use vigie_store::password;

use crate::auth::CurrentUser;
use crate::cookies;
use crate::csrf::login_token;
use crate::errors;
use crate::second_factor;
use crate::session::{SESSION_COOKIE, SESSION_HOURS, new_token, token_hash};
use crate::state::AppState;
use crate::templates;

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// Where to go after login: a path of this site only (no `//host`).
pub(crate) fn safe_next(next: Option<&str>) -> String {
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

fn form_page(
    state: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    status: StatusCode,
    email: &str,
    next: &str,
    error: Option<&str>,
) -> Response {
    let (csrf, cookie) = match login_token(state, headers) {
        Ok(token) => token,
        Err(e) => return errors::internal(lang, e),
    };
    let error = error.map(|id| vigie_i18n::catalog().text(lang, id));
    match templates::render("login.html", lang, None, context! { csrf, email, next, error }) {
        Ok(html) => (status, AppendHeaders(cookie.map(|c| (SET_COOKIE, c))), html).into_response(),
        Err(e) => errors::internal(lang, e),
    }
}

pub async fn form(
    State(state): State<AppState>,
    current: CurrentUser,
    headers: HeaderMap,
    Query(query): Query<NextQuery>,
) -> Response {
    let next = safe_next(query.next.as_deref());
    if current.session.is_some() {
        return Redirect::to(&next).into_response();
    }
    form_page(&state, &headers, current.lang, StatusCode::OK, "", &next, None)
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

/// A hash that matches no password, verified when the email is unknown.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| password::hash("not a password: timing only").unwrap_or_default())
}

pub(crate) async fn audit(state: &AppState, entry: AuditEntry) {
    if let Err(e) = state.write(move |store| store.record_sign_in(&entry)).await {
        tracing::error!("cannot record a login in the audit log: {e}");
    }
}

pub async fn submit(
    State(state): State<AppState>,
    current: CurrentUser,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let lang = current.lang;
    let next = safe_next(form.next.as_deref());
    let email: String =
        vigie_domain::user::normal_email(&form.email).chars().take(vigie_domain::user::MAX_EMAIL).collect();
    let keys = [format!("email:{email}"), format!("ip:{ip}")];
    // what was typed, its controls written as escapes: a log is read on terminals
    let typed = vigie_domain::text::escaped(&email);
    let actor = if email.is_empty() { "anonymous".to_string() } else { typed.clone() };
    let failed = |detail: &str| {
        AuditEntry::new(jiff::Timestamp::now(), &actor, "login.failed", "user", Some(&typed))
            .with_detail(format!("{detail}; from {ip}"))
    };
    let Some(attempt) = state.limiter.attempt(&keys) else {
        audit(&state, failed("refused: too many failed attempts")).await;
        return form_page(
            &state,
            &headers,
            lang,
            StatusCode::TOO_MANY_REQUESTS,
            &email,
            &next,
            Some("web-login-too-many"),
        );
    };
    let lookup = email.clone();
    let found = state.read(move |store| Ok((store.user_by_email(&lookup)?, store.password_hash(&lookup)?))).await;
    let (user, hash) = match found {
        Ok(found) => found,
        Err(e) => return errors::internal(lang, e),
    };
    let password = form.password;
    let matches = tokio::task::spawn_blocking(move || {
        let hash = hash.as_deref().unwrap_or_else(|| dummy_hash());
        password::verify(&password, hash)
    })
    .await
    .unwrap_or(false);
    let user: Option<User> = match user {
        Some(user) if matches && !user.disabled => {
            state.limiter.succeeded(attempt);
            Some(user)
        }
        // the attempt stays counted as a failure
        Some(user) if matches && user.disabled => {
            audit(&state, failed("account disabled")).await;
            None
        }
        _ => {
            audit(&state, failed("wrong email or password")).await;
            None
        }
    };
    let Some(user) = user else {
        return form_page(&state, &headers, lang, StatusCode::UNAUTHORIZED, &email, &next, Some("web-login-failed"));
    };
    let lookup = user.email.clone();
    let second = state.read(move |store| Ok((store.totp(&lookup)?, store.totp_roles()?))).await;
    let (totp, required) = match second {
        Ok(found) => found,
        Err(e) => return errors::internal(lang, e),
    };
    if totp.as_ref().is_some_and(|t| t.enrolled()) {
        return second_factor::ask_for_code(&state, &user, &next);
    }
    if required.contains(&user.role) {
        return second_factor::ask_to_enrol(&state, &user, &next);
    }
    match open_session(&state, &user, format!("from {ip}")).await {
        Ok(cookie) => (AppendHeaders([(SET_COOKIE, cookie)]), Redirect::to(&next)).into_response(),
        Err(e) => errors::internal(lang, e),
    }
}

/// Opens a session for `user` and records the `login` (`detail`: where
/// from, and how); the `Set-Cookie` value of its token.
pub(crate) async fn open_session(state: &AppState, user: &User, detail: String) -> anyhow::Result<String> {
    let token = new_token()?;
    let hash = token_hash(&token);
    let expires = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(SESSION_HOURS);
    let entry =
        AuditEntry::new(jiff::Timestamp::now(), &user.email, "login", "user", Some(&user.email)).with_detail(detail);
    let user_id = user.id;
    state.write(move |store| store.create_session(&hash, user_id, expires, &entry)).await?;
    Ok(cookies::set(SESSION_COOKIE, &token, SESSION_HOURS as u64 * 3600, state.config.secure_cookies))
}

pub async fn logout(State(state): State<AppState>, current: CurrentUser) -> Response {
    if let Some(session) = current.session {
        let entry =
            AuditEntry::new(jiff::Timestamp::now(), &session.user.email, "logout", "user", Some(&session.user.email));
        let hash = session.token_hash;
        let ended = state.write(move |store| store.delete_session(&hash, &entry).map(|_| ())).await;
        if let Err(e) = ended {
            return errors::internal(current.lang, e);
        }
    }
    let cookie = cookies::set(SESSION_COOKIE, "", 0, state.config.secure_cookies);
    (AppendHeaders([(SET_COOKIE, cookie)]), Redirect::to("/")).into_response()
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
