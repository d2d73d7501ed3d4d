//! `vigie user add|passwd|disable|enable|list|totp-reset|totp-roles` and
//! `vigie audit`: the accounts of the web application, their second
//! factors, and the audit log. Passwords are read
//! from standard input when it is not a terminal, else asked twice without
//! echo; only their argon2id hashes are stored, and the audit log shows
//! `***` for them.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Context, Result, anyhow, bail};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde_json::{Value, json};
use vigie_domain::audit::CLI_ACTOR;
use vigie_domain::user::{check_countries, check_email, check_password, confusable_email};
use vigie_domain::validate::parse_iso_date;
use vigie_domain::{AuditEntry, Role, User, UserError};
use vigie_store::{AuditFilter, NewUser, Store, password};

use crate::Outcome;
use crate::cli::{AuditArgs, Cli, TableFormat, TotpRolesArgs, UserAddArgs, UserEmailArgs, UserListArgs};
use crate::context::{country, open_store, open_store_read_only};

/// Reads a new password for `email` and checks it against the policy:
/// one line of standard input when it is not a terminal (its line end
/// removed, nothing else), else asked twice on the terminal without echo.
fn read_password(email: &str) -> Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let first = rpassword::prompt_password(format!("Password for {email}: "))
            .context("cannot read the password from the terminal")?;
        check_password(&first, email)?;
        let again = rpassword::prompt_password("The same password again: ")
            .context("cannot read the password from the terminal")?;
        if again != first {
            bail!("the two passwords differ: nothing was changed");
        }
        return Ok(first);
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line).context("cannot read the password from standard input (is it UTF-8?)")?;
    let password = line.strip_suffix('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).unwrap_or(&line);
    if password.is_empty() {
        bail!("no password on standard input: write it there as one line, or run the command in a terminal");
    }
    check_password(password, email)?;
    Ok(password.to_string())
}

/// Makes an account whose values are already checked; the caller says how
/// the password was obtained.
pub fn create(
    store: &mut dyn Store,
    email: &str,
    role: Role,
    password: &str,
    countries: &[vigie_domain::CountryCode],
) -> Result<()> {
    let password_hash = password::hash(password)?;
    let user = NewUser { email: email.to_string(), role, countries: countries.to_vec(), password_hash };
    store.add_user(&user, CLI_ACTOR)?;
    Ok(())
}

fn describe(role: Role, countries: &[vigie_domain::CountryCode]) -> String {
    if countries.is_empty() {
        role.to_string()
    } else {
        let codes: Vec<&str> = countries.iter().map(|c| c.as_str()).collect();
        format!("{role} of {}", codes.join(", "))
    }
}

pub fn add(cli: &Cli, args: &UserAddArgs) -> Result<Outcome> {
    let email = check_email(&args.email)?;
    let role = Role::parse(&args.role).ok_or_else(|| UserError::UnknownRole(args.role.trim().to_string()))?;
    let given: Vec<_> =
        args.country.iter().filter(|c| !c.trim().is_empty()).map(|c| country(c.trim())).collect::<Result<_>>()?;
    let countries = check_countries(role, &given)?;
    let mut store = open_store(&cli.db)?;
    // said before the password is asked for
    if store.user_by_email(&email)?.is_some() {
        bail!("a user with the email {email} already exists");
    }
    let users = store.users()?;
    if let Some(like) = confusable_email(&email, users.iter().map(|u| u.email.as_str())) {
        return Err(UserError::EmailConfusable(email.clone(), like.to_string()).into());
    }
    let password = read_password(&email)?;
    create(store.as_mut(), &email, role, &password, &countries)?;
    out!("user {email} added: {}", describe(role, &countries))?;
    Ok(Outcome::Success)
}

/// The account with this email, or the error that says there is none.
pub(crate) fn existing(store: &dyn Store, email: &str) -> Result<User> {
    let email = check_email(email)?;
    store.user_by_email(&email)?.ok_or_else(|| anyhow!("no user has the email {email} (see `vigie user list`)"))
}

pub fn passwd(cli: &Cli, args: &UserEmailArgs) -> Result<Outcome> {
    let mut store = open_store(&cli.db)?;
    let user = existing(store.as_ref(), &args.email)?;
    let password = read_password(&user.email)?;
    store.set_password(&user.email, &password::hash(&password)?, CLI_ACTOR)?;
    out!("password of {} changed", user.email)?;
    Ok(Outcome::Success)
}

pub fn set_disabled(cli: &Cli, args: &UserEmailArgs, disabled: bool) -> Result<Outcome> {
    let mut store = open_store(&cli.db)?;
    let user = existing(store.as_ref(), &args.email)?;
    let state = if disabled { "disabled" } else { "enabled" };
    if store.set_user_disabled(&user.email, disabled, CLI_ACTOR)? {
        out!("user {} {state}", user.email)?;
    } else {
        out!("user {} was already {state}", user.email)?;
    }
    Ok(Outcome::Success)
}

/// A timestamp as the tables show it: UTC to the second.
pub(crate) fn when(at: Timestamp) -> String {
    at.strftime("%Y-%m-%d %H:%M:%S").to_string()
}

fn user_json(user: &User, totp: bool) -> Value {
    json!({
        "id": user.id,
        "email": user.email,
        "role": user.role,
        "countries": user.countries,
        "disabled": user.disabled,
        "totp": totp,
        "created_at": user.created_at,
    })
}

pub(crate) fn print_table(rows: Vec<Vec<String>>) -> Result<()> {
    // stored text is shown, never run by the terminal (escapes, line breaks)
    let rows: Vec<Vec<String>> =
        rows.iter().map(|row| row.iter().map(|cell| vigie_domain::text::escaped(cell)).collect()).collect();
    let mut stdout = std::io::stdout().lock();
    for line in vigie_render::table::layout(&rows, 0) {
        writeln!(stdout, "{}", line.trim_end())?;
    }
    stdout.flush()?;
    Ok(())
}

pub(crate) fn print_json(value: &Value) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, value)?;
    writeln!(stdout)?;
    stdout.flush()?;
    Ok(())
}

pub(crate) fn count(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

pub fn list(cli: &Cli, args: &UserListArgs) -> Result<Outcome> {
    let store = open_store_read_only(&cli.db)?;
    let users = store.users()?;
    let enrolled = store.totp_enrolled()?;
    let required = store.totp_roles()?;
    match args.format {
        TableFormat::Json => {
            print_json(&Value::Array(users.iter().map(|u| user_json(u, enrolled.contains(&u.id))).collect()))?
        }
        TableFormat::Table => {
            let header =
                ["email", "role", "countries", "status", "2nd factor", "created (UTC)"].map(String::from).to_vec();
            let rows = std::iter::once(header)
                .chain(users.iter().map(|user| {
                    let factor = match (enrolled.contains(&user.id), required.contains(&user.role)) {
                        (true, _) => "totp",
                        (false, true) => "required",
                        (false, false) => "-",
                    };
                    vec![
                        user.email.clone(),
                        user.role.to_string(),
                        user.countries.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(","),
                        if user.disabled { "disabled" } else { "active" }.to_string(),
                        factor.to_string(),
                        when(user.created_at),
                    ]
                }))
                .collect();
            print_table(rows)?;
            eprintln!("{}", count(users.len(), "user", "users"));
        }
    }
    Ok(Outcome::Success)
}

pub fn totp_reset(cli: &Cli, args: &UserEmailArgs) -> Result<Outcome> {
    let mut store = open_store(&cli.db)?;
    let user = existing(store.as_ref(), &args.email)?;
    if store.reset_totp(&user.email, CLI_ACTOR)? {
        let then = if store.totp_roles()?.contains(&user.role) {
            "its role requires one: it sets a new one at its next login"
        } else {
            "it logs in with its password alone until it sets a new one"
        };
        out!("second factor of {} removed, its sessions ended: {then}", user.email)?;
    } else {
        out!("{} has no second factor: nothing to reset", user.email)?;
    }
    Ok(Outcome::Success)
}

pub fn totp_roles(cli: &Cli, args: &TotpRolesArgs) -> Result<Outcome> {
    let mut store = open_store(&cli.db)?;
    let codes = |roles: &[Role]| {
        if roles.is_empty() {
            "none".to_string()
        } else {
            roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ")
        }
    };
    let Some(given) = &args.require else {
        out!("roles that require a second factor: {}", codes(&store.totp_roles()?))?;
        return Ok(Outcome::Success);
    };
    let mut roles = Vec::new();
    for item in given.iter().map(|r| r.trim()).filter(|r| !r.is_empty() && !r.eq_ignore_ascii_case("none")) {
        roles.push(Role::parse(item).ok_or_else(|| UserError::UnknownRole(item.to_string()))?);
    }
    if store.set_totp_roles(&roles, CLI_ACTOR)? {
        out!("roles that require a second factor: {}", codes(&store.totp_roles()?))?;
    } else {
        out!("roles that require a second factor unchanged: {}", codes(&store.totp_roles()?))?;
    }
    Ok(Outcome::Success)
}

/// A day's first instant in UTC (`next`: the next day's).
fn day_start(flag: &str, input: &str, next: bool) -> Result<Timestamp> {
    let date = parse_iso_date(input.trim())
        .ok_or_else(|| anyhow!("{flag} {} is not a day: write YYYY-MM-DD", vigie_domain::text::quoted(input)))?;
    let date = if next { date.tomorrow()? } else { date };
    Ok(date.to_zoned(TimeZone::UTC)?.timestamp())
}

/// One value of a change, as the table shows it.
fn shown(value: &Value) -> String {
    match value {
        Value::Null => "-".to_string(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(","),
        other => other.to_string(),
    }
}

fn changes_text(entry: &AuditEntry) -> String {
    entry
        .changes
        .iter()
        .map(|c| format!("{}: {} → {}", c.field, shown(&c.before), shown(&c.after)))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn audit(cli: &Cli, args: &AuditArgs) -> Result<Outcome> {
    let filter = AuditFilter {
        actor: args.actor.clone(),
        entity: args.entity.clone(),
        entity_id: None,
        action: args.action.clone(),
        token_id: args.token,
        from: args.from.as_deref().map(|d| day_start("--from", d, false)).transpose()?,
        to: args.to.as_deref().map(|d| day_start("--to", d, true)).transpose()?,
        limit: args.limit,
        offset: None,
    };
    let store = open_store_read_only(&cli.db)?;
    let entries = store.audit(&filter)?;
    match args.format {
        TableFormat::Json => print_json(&serde_json::to_value(&entries)?)?,
        TableFormat::Table => {
            let header =
                ["at (UTC)", "actor", "action", "entity", "id", "changes", "detail"].map(String::from).to_vec();
            let rows = std::iter::once(header)
                .chain(entries.iter().map(|entry| {
                    vec![
                        when(entry.at),
                        match entry.token_id {
                            Some(token) => format!("{} (token {token})", entry.actor),
                            None => entry.actor.clone(),
                        },
                        entry.action.clone(),
                        entry.entity.clone(),
                        entry.entity_id.clone().unwrap_or_default(),
                        changes_text(entry),
                        entry.detail.clone().unwrap_or_default(),
                    ]
                }))
                .collect();
            print_table(rows)?;
            eprintln!("{}", count(entries.len(), "entry", "entries"));
        }
    }
    Ok(Outcome::Success)
}
