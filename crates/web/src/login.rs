//! `GET /login`, `POST /login` and `POST /logout`. Passwords are checked
//! with argon2id off the async threads; an unknown email costs the same as
//! a wrong password (a dummy hash is verified), so timing tells nothing.
//! Both outcomes go in the audit log (`login`, `login.failed`; never the
//! password), and failures feed the rate limiter.
//!
//! An account with a second factor gets no session for its password alone:
//! it is sent to `/login/code`, and an account whose role requires one but
//! has none to `/account/totp` to enrol (`second_factor.rs`).

use std::sync::OnceLock;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Deserialize;
use vigie_domain::{AuditEntry, Lang, User};
use vigie_store::password;

use crate::auth::CurrentUser;
use crate::cookies;
use crate::csrf::login_token;
use crate::errors::Error;
use crate::second_factor;
use crate::session::SESSION_COOKIE;
use crate::sign_in::{ClientIp, audit, open_session, safe_next};
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

fn form_page(
    state: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    status: StatusCode,
    email: &str,
    next: &str,
    error: Option<&str>,
) -> Result<Response, Error> {
    let (csrf, cookie) = login_token(state, headers)?;
    let error = error.map(|id| vigie_i18n::catalog().text(lang, id));
    let html = templates::render("login.html", lang, None, context! { csrf, email, next, error })?;
    Ok((status, AppendHeaders(cookie.map(|c| (SET_COOKIE, c))), html).into_response())
}

pub async fn form(
    State(state): State<AppState>,
    current: CurrentUser,
    headers: HeaderMap,
    Query(query): Query<NextQuery>,
) -> Result<Response, Error> {
    let next = safe_next(query.next.as_deref());
    if current.session.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    form_page(&state, &headers, current.lang, StatusCode::OK, "", &next, None)
}

/// A hash that matches no password, verified when the email is unknown.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| password::hash("not a password: timing only").unwrap_or_default())
}

pub async fn submit(
    State(state): State<AppState>,
    current: CurrentUser,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, Error> {
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
    let (user, hash) =
        state.read(move |store| Ok((store.user_by_email(&lookup)?, store.password_hash(&lookup)?))).await?;
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
    let (totp, required) = state.read(move |store| Ok((store.totp(&lookup)?, store.totp_roles()?))).await?;
    if totp.as_ref().is_some_and(|t| t.enrolled()) {
        return Ok(second_factor::ask_for_code(&state, &user, &next));
    }
    if required.contains(&user.role) {
        return Ok(second_factor::ask_to_enrol(&state, &user, &next));
    }
    let cookie = open_session(&state, &user, format!("from {ip}")).await?;
    Ok((AppendHeaders([(SET_COOKIE, cookie)]), Redirect::to(&next)).into_response())
}

pub async fn logout(State(state): State<AppState>, current: CurrentUser) -> Result<Response, Error> {
    if let Some(session) = current.session {
        let entry =
            AuditEntry::new(jiff::Timestamp::now(), &session.user.email, "logout", "user", Some(&session.user.email));
        let hash = session.token_hash;
        let ended = state.write(move |store| store.delete_session(&hash, &entry).map(|_| ())).await;
        ended?;
    }
    let cookie = cookies::set(SESSION_COOKIE, "", 0, state.config.secure_cookies);
    Ok((AppendHeaders([(SET_COOKIE, cookie)]), Redirect::to("/")).into_response())
}
