//! `vigie token create|list|revoke`: personal access tokens of the API,
//! made by the operator for an account (the web's account page makes them
//! for oneself). The secret is printed once, alone on standard output, so
//! that `TOKEN=$(vigie token create …)` keeps it; only its hash is stored.

use anyhow::{Result, bail};
use jiff::Timestamp;
use serde_json::{Value, json};
use vigie_domain::audit::CLI_ACTOR;
use vigie_domain::token::{ApiToken, TokenScope, check_name, parse_lifetime};
use vigie_store::api_token;

use super::user::{count, existing, print_json, print_table, when};
use crate::Outcome;
use crate::cli::{Cli, TableFormat, TokenCreateArgs, TokenListArgs, TokenRevokeArgs};
use crate::context::{open_store, open_store_read_only};

pub fn create(cli: &Cli, args: &TokenCreateArgs) -> Result<Outcome> {
    let Some(scope) = TokenScope::parse(&args.scope) else {
        bail!(vigie_domain::token::TokenError::Scope(args.scope.clone()));
    };
    let days = parse_lifetime(&args.expires)?;
    let name = check_name(&args.name)?;
    let mut store = open_store(&cli.db)?;
    let owner = existing(store.as_ref(), &args.user)?;
    if owner.disabled {
        bail!("{} is disabled: a disabled account cannot have tokens (`vigie user enable` first)", owner.email);
    }
    let issued = api_token::issue(store.as_mut(), &owner, &name, scope, days, CLI_ACTOR, Timestamp::now())?;
    eprintln!(
        "token {} for {} ({}, {} scope) until {} UTC: copy it now, it is not shown again",
        issued.id,
        owner.email,
        owner.role,
        scope.code(),
        when(issued.expires_at)
    );
    out!("{}", issued.secret)?;
    Ok(Outcome::Success)
}

fn state(token: &ApiToken, now: Timestamp) -> &'static str {
    match (token.revoked_at, token.expires_at > now) {
        (Some(_), _) => "revoked",
        (None, false) => "expired",
        (None, true) => "active",
    }
}

fn token_json(token: &ApiToken, now: Timestamp) -> Value {
    json!({
        "id": token.id,
        "user": token.email,
        "name": token.name,
        "scope": token.scope,
        "shown": token.shown,
        "created_at": token.created_at,
        "expires_at": token.expires_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
        "state": state(token, now),
    })
}

pub fn list(cli: &Cli, args: &TokenListArgs) -> Result<Outcome> {
    let store = open_store_read_only(&cli.db)?;
    let owner = args.user.as_deref().map(|email| existing(store.as_ref(), email)).transpose()?;
    let tokens = store.tokens(owner.map(|u| u.id))?;
    let now = Timestamp::now();
    match args.format {
        TableFormat::Json => print_json(&Value::Array(tokens.iter().map(|t| token_json(t, now)).collect()))?,
        TableFormat::Table => {
            let header = ["id", "user", "name", "scope", "starts", "expires (UTC)", "last used (UTC)", "state"]
                .map(String::from)
                .to_vec();
            let rows = std::iter::once(header)
                .chain(tokens.iter().map(|token| {
                    vec![
                        token.id.to_string(),
                        token.email.clone(),
                        token.name.clone(),
                        token.scope.code().to_string(),
                        format!("{}…", token.shown),
                        when(token.expires_at),
                        token.last_used_at.map(when).unwrap_or_else(|| "never".into()),
                        state(token, now).to_string(),
                    ]
                }))
                .collect();
            print_table(rows)?;
            eprintln!("{}", count(tokens.len(), "token", "tokens"));
        }
    }
    Ok(Outcome::Success)
}

pub fn revoke(cli: &Cli, args: &TokenRevokeArgs) -> Result<Outcome> {
    let mut store = open_store(&cli.db)?;
    let Some(token) = store.token(args.id)? else {
        bail!("no token has the id {} (see `vigie token list`)", args.id);
    };
    if api_token::revoke(store.as_mut(), token.id, CLI_ACTOR, Timestamp::now())? {
        out!("token {} ({}, {}) revoked", token.id, token.name, token.email)?;
    } else {
        out!("token {} ({}, {}) was already revoked", token.id, token.name, token.email)?;
    }
    Ok(Outcome::Success)
}
