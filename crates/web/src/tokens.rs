//! `/account/tokens`: a user's personal access tokens of the API. They
//! make one for themself (name, scope, life), see its secret once, on the
//! page that answers the creation, and list and revoke theirs; an
//! administrator also sees every account's and may revoke any
//! (`can_revoke_token`). Creation and revocation are audited in their
//! transaction (`vigie_store::api_token`, the same flow as `vigie token`).

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::Lang;
use vigie_domain::token::{ApiToken, TokenScope, can_create_token, can_list_tokens, can_revoke_token, check_name};
use vigie_domain::user::can_manage_users;
use vigie_store::api_token;

use crate::auth::RequireUser;
use crate::errors::Error;
use crate::session::Session;
use crate::state::AppState;
use crate::templates;

/// The lives offered, in days.
const LIVES: [i64; 5] = [7, 30, 90, 180, 366];
const DEFAULT_LIFE: i64 = 90;

fn day(at: jiff::Timestamp) -> String {
    at.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

fn row(token: &ApiToken, lang: Lang, now: jiff::Timestamp) -> Value {
    let catalog = vigie_i18n::catalog();
    let state = match (token.revoked_at, token.expires_at > now) {
        (Some(_), _) => "revoked",
        (None, false) => "expired",
        (None, true) => "active",
    };
    context! {
        id => token.id,
        email => token.email.clone(),
        name => token.name.clone(),
        scope => catalog.text(lang, &format!("web-token-scope-{}", token.scope.code())),
        shown => format!("{}…", token.shown),
        created => day(token.created_at),
        expires => day(token.expires_at),
        last_used => token.last_used_at.map(day),
        state => catalog.text(lang, &format!("web-token-state-{state}")),
        active => state == "active",
        revoke => format!("/account/tokens/{}/revoke", token.id),
    }
}

/// What the page shows besides the lists.
#[derive(Default)]
struct Shown {
    /// The secret of the token just made.
    secret: Option<String>,
    /// What was wrong with the form (a catalogue id), and what was typed.
    error: Option<&'static str>,
    form: TokenForm,
}

async fn page(
    state: &AppState,
    session: &Session,
    lang: Lang,
    status: StatusCode,
    shown: Shown,
) -> Result<Response, Error> {
    let user = session.user.clone();
    let all = can_manage_users(&user);
    let owner = user.id;
    let tokens = state.read(move |store| store.tokens(if all { None } else { Some(owner) })).await?;
    let now = jiff::Timestamp::now();
    let (own, others): (Vec<&ApiToken>, Vec<&ApiToken>) = tokens.iter().partition(|t| t.user_id == owner);
    let catalog = vigie_i18n::catalog();
    let scopes: Vec<Value> = [TokenScope::Read, TokenScope::Write]
        .iter()
        .map(|s| context! { code => s.code(), label => catalog.text(lang, &format!("web-token-scope-{}", s.code())) })
        .collect();
    let life = shown.form.days.unwrap_or(DEFAULT_LIFE);
    let mut response = templates::page(
        "tokens.html",
        lang,
        Some(session),
        context! {
            own => own.iter().map(|t| row(t, lang, now)).collect::<Vec<_>>(),
            others => others.iter().filter(|t| t.is_active(now)).map(|t| row(t, lang, now)).collect::<Vec<_>>(),
            admin => all,
            secret => shown.secret,
            error => shown.error.map(|id| catalog.text(lang, id)),
            scopes,
            lives => LIVES.iter().map(|d| context! { days => d, selected => *d == life }).collect::<Vec<_>>(),
            form => context! { name => shown.form.name.clone(), scope => shown.form.scope.clone() },
        },
    )?;
    *response.status_mut() = status;
    Ok(response)
}

pub async fn list(State(state): State<AppState>, user: RequireUser) -> Result<Response, Error> {
    page(&state, &user.session, user.lang, StatusCode::OK, Shown::default()).await
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
    days: Option<i64>,
}

pub async fn create(
    State(state): State<AppState>,
    user: RequireUser,
    Form(form): Form<TokenForm>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let owner = user.session.user.clone();
    if !can_create_token(&owner, &owner) {
        return Err(Error::forbidden());
    }
    let refuse = |error: &'static str, form: TokenForm| {
        let shown = Shown { error: Some(error), form, ..Shown::default() };
        page(&state, &user.session, lang, StatusCode::UNPROCESSABLE_ENTITY, shown)
    };
    let Ok(name) = check_name(&form.name) else {
        return refuse("web-token-error-name", form).await;
    };
    let Some(scope) = TokenScope::parse(&form.scope) else {
        return refuse("web-token-error-scope", form).await;
    };
    let Some(days) = form.days.filter(|d| LIVES.contains(d)) else {
        return refuse("web-token-error-life", form).await;
    };
    let issued = state
        .write(move |store| {
            let actor = owner.email.clone();
            api_token::issue(store, &owner, &name, scope, days, &actor, jiff::Timestamp::now())
        })
        .await?;
    let shown = Shown { secret: Some(issued.secret), ..Shown::default() };
    page(&state, &user.session, lang, StatusCode::CREATED, shown).await
}

pub async fn revoke(State(state): State<AppState>, user: RequireUser, Path(id): Path<i64>) -> Result<Response, Error> {
    let current = user.session.user.clone();
    let token = state.read(move |store| store.token(id)).await?;
    // a token the user may not see is not found, as any record
    let Some(token) = token.filter(|t| can_list_tokens(&current, t.user_id)) else {
        return Err(Error::not_found());
    };
    if !can_revoke_token(&current, token.user_id) {
        return Err(Error::forbidden());
    }
    state.write(move |store| api_token::revoke(store, id, &current.email, jiff::Timestamp::now())).await?;
    Ok(Redirect::to("/account/tokens").into_response())
}
