//! The accounts, for administrators (`RequireAdmin` on every route):
//! `/admin/users` lists them and adds one; `/admin/users/{id}` changes an
//! account's role and countries, disables or enables it, sets a new
//! password. Values are checked by the domain's rules (`vigie_domain::user`,
//! messages from the catalogues next to each field); every change is written
//! with its audit entry in one transaction by the store. An administrator
//! cannot disable or demote their own account, so an active administrator
//! always remains; disabling an account ends its sessions at once.
//!
//! Second factors: the list shows who has one and which roles require one
//! (a form of a checkbox a role, `POST /admin/users/totp-roles`); an
//! account's page resets a lost one (`POST /admin/users/{id}/totp-reset`).

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::user::{can_manage_users, check_countries, check_email, check_password, confusable_email};
use vigie_domain::{AuditEntry, CountryCode, Lang, Role, User, UserError, countries};
use vigie_store::{AuditFilter, NewUser, Store, StoreError, password};

use crate::auth::RequireAdmin;
use crate::cookies::percent_encode;
use crate::errors::Error;
use crate::history;
use crate::session::Session;
use crate::state::AppState;
use crate::templates;

/// Entries of an account's history shown on its page.
const HISTORY: u64 = 20;

/// Field name → message, in the page's language.
type Messages = HashMap<&'static str, String>;

/// The fields of the account forms (each form sends some of them).
#[derive(Debug, Default, Clone, Deserialize)]
pub struct UserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    countries: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_again: String,
}

impl UserForm {
    fn of(user: &User) -> UserForm {
        UserForm { role: user.role.code().to_string(), countries: codes(&user.countries), ..UserForm::default() }
    }
}

fn codes(list: &[CountryCode]) -> String {
    list.iter().map(CountryCode::as_str).collect::<Vec<_>>().join(", ")
}

fn href(id: i64) -> String {
    format!("/admin/users/{id}")
}

fn text(lang: Lang, id: &str) -> String {
    vigie_i18n::catalog().text(lang, id)
}

/// The field a domain error is about and its catalogue message.
fn message(error: &UserError) -> (&'static str, &'static str) {
    match error {
        UserError::EmptyEmail => ("email", "web-user-error-email-empty"),
        UserError::EmailTooLong(_) => ("email", "web-user-error-email-long"),
        UserError::EmailSpace(_) | UserError::EmailShape(_) | UserError::EmailDomain(_) => {
            ("email", "web-user-error-email")
        }
        UserError::UnknownRole(_) => ("role", "web-user-error-role"),
        UserError::DelegateWithoutCountry => ("countries", "web-user-error-delegate"),
        UserError::CountryForbidden(_) => ("countries", "web-user-error-countries"),
        UserError::UnknownCountry(_) => ("countries", "web-user-error-country"),
        UserError::PasswordTooShort => ("password", "web-user-error-password-short"),
        UserError::PasswordTooLong => ("password", "web-user-error-password-long"),
        UserError::PasswordFewCharacters => ("password", "web-user-error-password-repeated"),
        UserError::PasswordIsEmail => ("password", "web-user-error-password-email"),
        UserError::EmailInvisible(_) => ("email", "web-user-error-email-invisible"),
        UserError::EmailMixedScripts(_) => ("email", "web-user-error-email-scripts"),
        UserError::EmailUnusualLetter(_) => ("email", "web-user-error-email-unusual"),
        UserError::EmailConfusable(..) => ("email", "web-user-error-email-confusable"),
        UserError::PasswordCommon => ("password", "web-user-error-password-common"),
        UserError::PasswordCommonVariant => ("password", "web-user-error-password-common-variant"),
        UserError::PasswordRepeatedPattern => ("password", "web-user-error-password-pattern"),
        UserError::PasswordSequence => ("password", "web-user-error-password-sequence"),
    }
}

fn refuse(messages: &mut Messages, lang: Lang, error: &UserError) {
    let (field, id) = message(error);
    messages.entry(field).or_insert_with(|| text(lang, id));
}

/// The role and countries of the form, checked; what is wrong in `messages`.
fn role_and_countries(form: &UserForm, lang: Lang, messages: &mut Messages) -> Option<(Role, Vec<CountryCode>)> {
    let Some(role) = Role::parse(&form.role) else {
        refuse(messages, lang, &UserError::UnknownRole(form.role.clone()));
        return None;
    };
    let mut given = Vec::new();
    for item in form.countries.split([',', ';']).map(str::trim).filter(|c| !c.is_empty()) {
        match countries().resolve(item) {
            Some(country) => given.push(country.code),
            None => {
                refuse(messages, lang, &UserError::UnknownCountry(item.to_string()));
                return None;
            }
        }
    }
    match check_countries(role, &given) {
        Ok(codes) => Some((role, codes)),
        Err(error) => {
            refuse(messages, lang, &error);
            None
        }
    }
}

/// The new password of the form, checked against the policy and its
/// repetition; what is wrong in `messages`.
fn new_password(form: &UserForm, email: &str, lang: Lang, messages: &mut Messages) -> Option<String> {
    if let Err(error) = check_password(&form.password, email) {
        refuse(messages, lang, &error);
        return None;
    }
    if form.password_again != form.password {
        messages.insert("password_again", text(lang, "web-user-error-password-again"));
        return None;
    }
    Some(form.password.clone())
}

/// Hashes off the async threads (argon2id takes tens of milliseconds),
/// and outside the store's lock.
async fn hash(password: String) -> Result<String, StoreError> {
    tokio::task::spawn_blocking(move || password::hash(&password))
        .await
        .map_err(|e| StoreError::Visitor(Box::new(e)))?
        .map_err(|e| StoreError::Visitor(Box::new(e)))
}

/// The values and messages of the form fields, as the templates read them
/// (passwords are never sent back).
fn fields(form: &UserForm, messages: &Messages, lang: Lang) -> Value {
    let field = |name: &str, value: &str| context! { value, error => messages.get(name).cloned() };
    context! {
        email => field("email", &form.email),
        role => field("role", &form.role),
        countries => field("countries", &form.countries),
        password => field("password", ""),
        password_again => field("password_again", ""),
        roles => roles(lang),
    }
}

fn roles(lang: Lang) -> Vec<Value> {
    Role::ALL
        .iter()
        .map(|r| context! { code => r.code(), label => text(lang, &format!("web-role-{}", r.code())) })
        .collect()
}

fn render(name: &str, lang: Lang, session: &Session, status: StatusCode, values: Value) -> Result<Response, Error> {
    let html = templates::render(name, lang, Some(session), values)?;
    Ok((status, html).into_response())
}

/// The accounts and what the list shows of their second factors.
struct Listing {
    users: Vec<User>,
    /// Ids of the accounts with a second factor.
    enrolled: Vec<i64>,
    /// Roles that require one.
    required: Vec<Role>,
}

async fn listing(state: &AppState) -> Result<Listing, StoreError> {
    state
        .read(|store| {
            Ok(Listing { users: store.users()?, enrolled: store.totp_enrolled()?, required: store.totp_roles()? })
        })
        .await
}

fn list_page(
    lang: Lang,
    session: &Session,
    status: StatusCode,
    listing: &Listing,
    form: &UserForm,
    messages: &Messages,
    saved: bool,
) -> Result<Response, Error> {
    let rows: Vec<Value> = listing
        .users
        .iter()
        .map(|u| {
            context! {
                href => href(u.id),
                email => u.email.clone(),
                role => text(lang, &format!("web-role-{}", u.role.code())),
                countries => codes(&u.countries),
                disabled => u.disabled,
                totp => listing.enrolled.contains(&u.id),
                created => u.created_at.strftime("%Y-%m-%d %H:%M UTC").to_string(),
            }
        })
        .collect();
    let totp_roles: Vec<Value> = Role::ALL
        .iter()
        .map(|r| {
            context! {
                code => r.code(),
                label => text(lang, &format!("web-role-{}", r.code())),
                required => listing.required.contains(r),
            }
        })
        .collect();
    let message = (!messages.is_empty()).then(|| text(lang, "web-form-invalid"));
    let values = context! {
        users => rows,
        form => fields(form, messages, lang),
        roles => roles(lang),
        totp_roles,
        message,
        saved,
    };
    render("users.html", lang, session, status, values)
}

pub async fn list(
    State(state): State<AppState>,
    admin: RequireAdmin,
    Query(query): Query<SavedQuery>,
) -> Result<Response, Error> {
    let lang = admin.lang;
    let form = UserForm { role: Role::Viewer.code().to_string(), ..UserForm::default() };
    let listing = listing(&state).await?;
    list_page(lang, &admin.session, StatusCode::OK, &listing, &form, &Messages::new(), query.saved.is_some())
}

/// `POST /admin/users/totp-roles`: the roles whose accounts must log in
/// with a second factor (a `totp_ROLE` checkbox each). Accounts of a role
/// added that have none lose their sessions and enrol at their next login.
pub async fn set_totp_roles(
    State(state): State<AppState>,
    admin: RequireAdmin,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, Error> {
    let roles: Vec<Role> = Role::ALL.into_iter().filter(|r| form.contains_key(&format!("totp_{}", r.code()))).collect();
    let actor = admin.session.user.email.clone();
    state.write(move |store| store.set_totp_roles(&roles, &actor)).await?;
    Ok(Redirect::to("/admin/users?saved=1").into_response())
}

/// `POST /admin/users/{id}/totp-reset`: removes an account's lost second
/// factor (its sessions end; it enrols again if its role requires one).
pub async fn reset_totp(
    State(state): State<AppState>,
    admin: RequireAdmin,
    Path(id): Path<i64>,
) -> Result<Response, Error> {
    let actor = admin.session.user.email.clone();
    let result = state
        .write(move |store| {
            let Some(user) = store.users()?.into_iter().find(|u| u.id == id) else {
                return Ok(Changed::NotFound);
            };
            store.reset_totp(&user.email, &actor)?;
            Ok(Changed::Done)
        })
        .await;
    outcome(&state, &admin, id, result, &UserForm::default(), &Messages::new()).await
}

pub async fn create(
    State(state): State<AppState>,
    admin: RequireAdmin,
    Form(form): Form<UserForm>,
) -> Result<Response, Error> {
    let lang = admin.lang;
    let mut messages = Messages::new();
    let email = check_email(&form.email).map_err(|e| refuse(&mut messages, lang, &e)).ok();
    let role = role_and_countries(&form, lang, &mut messages);
    let password = new_password(&form, email.as_deref().unwrap_or(&form.email), lang, &mut messages);
    let (Some(email), Some((role, countries)), Some(password), true) = (email, role, password, messages.is_empty())
    else {
        return invalid_create(&state, &admin, &form, &messages).await;
    };
    let password_hash = hash(password).await?;
    let user = NewUser { email, role, countries, password_hash };
    let actor = admin.session.user.email.clone();
    let added = state
        .write(move |store| {
            // one that looks like an existing address: said next to the field
            let users = store.users()?;
            if confusable_email(&user.email, users.iter().map(|u| u.email.as_str())).is_some() {
                return Ok(None);
            }
            store.add_user(&user, &actor).map(Some)
        })
        .await;
    match added {
        Ok(Some(id)) => Ok(Redirect::to(&format!("{}?saved=1", href(id))).into_response()),
        Ok(None) => {
            messages.insert("email", text(lang, "web-user-error-email-confusable"));
            invalid_create(&state, &admin, &form, &messages).await
        }
        Err(StoreError::Conflict(_)) => {
            messages.insert("email", text(lang, "web-user-error-email-taken"));
            invalid_create(&state, &admin, &form, &messages).await
        }
        Err(e) => Err(Error::from(e)),
    }
}

async fn invalid_create(
    state: &AppState,
    admin: &RequireAdmin,
    form: &UserForm,
    messages: &Messages,
) -> Result<Response, Error> {
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    let listing = listing(state).await?;
    list_page(admin.lang, &admin.session, status, &listing, form, messages, false)
}

/// What an account's page shows besides the forms.
struct Account {
    user: User,
    history: Vec<AuditEntry>,
    /// Its second factor, if enrolled: since when, recovery codes left.
    totp: Option<vigie_store::Totp>,
}

async fn account(state: &AppState, id: i64) -> Result<Option<Account>, StoreError> {
    state
        .read(move |store| {
            let Some(user) = store.users()?.into_iter().find(|u| u.id == id) else {
                return Ok(None);
            };
            let history = store.audit(&AuditFilter {
                entity: Some("user".into()),
                entity_id: Some(user.email.clone()),
                limit: Some(HISTORY),
                ..AuditFilter::default()
            })?;
            let totp = store.totp(&user.email)?.filter(vigie_store::Totp::enrolled);
            Ok(Some(Account { user, history, totp }))
        })
        .await
}

/// An account's page: its forms filled with `form` (the account's values
/// unless a form came back with `messages`), `message` above them.
fn account_page(
    admin: &RequireAdmin,
    status: StatusCode,
    account: &Account,
    form: &UserForm,
    messages: &Messages,
    message: Option<&str>,
    saved: bool,
) -> Result<Response, Error> {
    let lang = admin.lang;
    let user = &account.user;
    let message =
        message.map(|id| text(lang, id)).or_else(|| (!messages.is_empty()).then(|| text(lang, "web-form-invalid")));
    let values = context! {
        href => href(user.id),
        email => user.email.clone(),
        role => text(lang, &format!("web-role-{}", user.role.code())),
        countries => codes(&user.countries),
        disabled => user.disabled,
        is_self => user.id == admin.session.user.id,
        created => user.created_at.strftime("%Y-%m-%d %H:%M UTC").to_string(),
        totp_since => account.totp.as_ref().and_then(|t| t.enrolled_at).map(|at| at.strftime("%Y-%m-%d %H:%M UTC").to_string()),
        totp_left => account.totp.as_ref().map(|t| t.recovery_codes_left),
        form => fields(form, messages, lang),
        roles => roles(lang),
        history => history::rows(&account.history),
        audit_href => format!("/audit?entity=user&entity_id={}", percent_encode(&user.email)),
        message,
        saved,
    };
    render("user.html", lang, &admin.session, status, values)
}

#[derive(Debug, Default, Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    admin: RequireAdmin,
    Path(id): Path<i64>,
    Query(query): Query<SavedQuery>,
) -> Result<Response, Error> {
    let account = account(&state, id).await?.ok_or_else(Error::not_found)?;
    let form = UserForm::of(&account.user);
    account_page(&admin, StatusCode::OK, &account, &form, &Messages::new(), None, query.saved.is_some())
}

/// How a change of an account ended.
enum Changed {
    Done,
    /// Refused: the catalogue id of why, and the status.
    Refused(&'static str, StatusCode),
    NotFound,
}

/// Shows the outcome of a change of account `id`: back to its page when
/// done, else the page again with the form as sent and its messages.
async fn outcome(
    state: &AppState,
    admin: &RequireAdmin,
    id: i64,
    result: Result<Changed, StoreError>,
    form: &UserForm,
    messages: &Messages,
) -> Result<Response, Error> {
    let (status, message) = match result? {
        Changed::Done => return Ok(Redirect::to(&format!("{}?saved=1", href(id))).into_response()),
        Changed::NotFound => return Err(Error::not_found()),
        Changed::Refused(message, status) => (status, Some(message)),
    };
    let account = account(state, id).await?.ok_or_else(Error::not_found)?;
    // a refused role form comes back as sent; the others show the account
    let mut shown = UserForm::of(&account.user);
    if messages.contains_key("role") || messages.contains_key("countries") {
        shown.role = form.role.clone();
        shown.countries = form.countries.clone();
    }
    account_page(admin, status, &account, &shown, messages, message, false)
}

/// `user` with `role` and `disabled`, to ask the access rules about.
fn changed_to(user: &User, role: Role, disabled: bool) -> User {
    User { role, disabled, ..user.clone() }
}

/// Whether `users` keep someone who manages the accounts if `changed`
/// becomes `role` and `disabled`.
fn admin_remains(users: &[User], changed: i64, role: Role, disabled: bool) -> bool {
    users
        .iter()
        .any(|u| if u.id == changed { can_manage_users(&changed_to(u, role, disabled)) } else { can_manage_users(u) })
}

/// Why account `user` may not become `role` and `disabled` (by the acting
/// administrator `me`, among `users`): an administrator keeps their own
/// account, and an active administrator remains.
fn refusal(users: &[User], me: &User, user: &User, role: Role, disabled: bool) -> Option<Changed> {
    if user.id == me.id && !can_manage_users(&changed_to(user, role, false)) {
        return Some(Changed::Refused("web-user-error-demote-self", StatusCode::FORBIDDEN));
    }
    if user.id == me.id && disabled {
        return Some(Changed::Refused("web-user-error-disable-self", StatusCode::FORBIDDEN));
    }
    if !admin_remains(users, user.id, role, disabled) {
        return Some(Changed::Refused("web-user-error-last-admin", StatusCode::CONFLICT));
    }
    None
}

/// Changes account `id` with `write` (given the store, the account and the
/// actor's email; `false` when nothing was to change), to the role and
/// state `after` reads off the account, unless `refusal` says why not.
async fn change_account(
    state: &AppState,
    admin: &RequireAdmin,
    id: i64,
    after: impl FnOnce(&User) -> (Role, bool) + Send + 'static,
    write: impl FnOnce(&mut dyn Store, &User, &str) -> Result<bool, StoreError> + Send + 'static,
) -> Result<Changed, StoreError> {
    let me = admin.session.user.clone();
    state
        .write(move |store| {
            let users = store.users()?;
            let Some(user) = users.iter().find(|u| u.id == id) else {
                return Ok(Changed::NotFound);
            };
            let (role, disabled) = after(user);
            if let Some(refused) = refusal(&users, &me, user, role, disabled) {
                return Ok(refused);
            }
            write(store, user, &me.email)?;
            Ok(Changed::Done)
        })
        .await
}

pub async fn set_role(
    State(state): State<AppState>,
    admin: RequireAdmin,
    Path(id): Path<i64>,
    Form(form): Form<UserForm>,
) -> Result<Response, Error> {
    let lang = admin.lang;
    let mut messages = Messages::new();
    let Some((role, countries)) = role_and_countries(&form, lang, &mut messages) else {
        let result = Ok(Changed::Refused("web-form-invalid", StatusCode::UNPROCESSABLE_ENTITY));
        return outcome(&state, &admin, id, result, &form, &messages).await;
    };
    let result = change_account(
        &state,
        &admin,
        id,
        move |user| (role, user.disabled),
        move |store, user, actor| store.set_user_role(&user.email, role, &countries, actor),
    )
    .await;
    outcome(&state, &admin, id, result, &form, &messages).await
}

pub async fn disable(state: State<AppState>, admin: RequireAdmin, id: Path<i64>) -> Result<Response, Error> {
    set_disabled(state, admin, id, true).await
}

pub async fn enable(state: State<AppState>, admin: RequireAdmin, id: Path<i64>) -> Result<Response, Error> {
    set_disabled(state, admin, id, false).await
}

async fn set_disabled(
    State(state): State<AppState>,
    admin: RequireAdmin,
    Path(id): Path<i64>,
    disabled: bool,
) -> Result<Response, Error> {
    let result = change_account(
        &state,
        &admin,
        id,
        move |user| (user.role, disabled),
        move |store, user, actor| {
            // ends the account's sessions in the same transaction
            store.set_user_disabled(&user.email, disabled, actor)
        },
    )
    .await;
    outcome(&state, &admin, id, result, &UserForm::default(), &Messages::new()).await
}

pub async fn set_password(
    State(state): State<AppState>,
    admin: RequireAdmin,
    Path(id): Path<i64>,
    Form(form): Form<UserForm>,
) -> Result<Response, Error> {
    let lang = admin.lang;
    let email = account(&state, id).await?.ok_or_else(Error::not_found)?.user.email;
    let mut messages = Messages::new();
    let Some(password) = new_password(&form, &email, lang, &mut messages) else {
        let result = Ok(Changed::Refused("web-form-invalid", StatusCode::UNPROCESSABLE_ENTITY));
        return outcome(&state, &admin, id, result, &form, &messages).await;
    };
    let password_hash = hash(password).await?;
    let actor = admin.session.user.email.clone();
    let result = state
        .write(move |store| match store.set_password(&email, &password_hash, &actor) {
            Ok(()) => Ok(Changed::Done),
            Err(StoreError::NotFound(_)) => Ok(Changed::NotFound),
            Err(e) => Err(e),
        })
        .await;
    outcome(&state, &admin, id, result, &form, &messages).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: i64, role: Role, disabled: bool) -> User {
        User {
            id,
            email: format!("{id}@example.org"),
            role,
            countries: Vec::new(),
            disabled,
            created_at: jiff::Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn an_active_administrator_remains() {
        let users = [user(1, Role::Admin, false), user(2, Role::Admin, true), user(3, Role::Viewer, false)];
        assert!(!admin_remains(&users, 1, Role::Admin, true), "the only active one disabled");
        assert!(!admin_remains(&users, 1, Role::Analyst, false), "the only active one demoted");
        assert!(admin_remains(&users, 2, Role::Admin, false), "another enabled");
        assert!(admin_remains(&users, 3, Role::Admin, false), "another promoted");
    }

    #[test]
    fn an_administrator_keeps_their_own_account() {
        let users = [user(1, Role::Admin, false), user(2, Role::Admin, false), user(3, Role::Viewer, false)];
        let refused = |changed: usize, role, disabled| match refusal(&users, &users[0], &users[changed], role, disabled)
        {
            Some(Changed::Refused(id, _)) => Some(id),
            _ => None,
        };
        assert_eq!(refused(0, Role::Analyst, false), Some("web-user-error-demote-self"));
        assert_eq!(refused(0, Role::Admin, true), Some("web-user-error-disable-self"));
        assert_eq!(refused(0, Role::Admin, false), None);
        assert_eq!(refused(1, Role::Viewer, true), None, "another administrator remains");
        assert_eq!(refused(2, Role::Admin, false), None);
    }

    #[test]
    fn every_user_error_has_a_field_and_a_message() {
        let errors = [
            UserError::EmptyEmail,
            UserError::EmailTooLong("x".into()),
            UserError::EmailShape("x".into()),
            UserError::UnknownRole("x".into()),
            UserError::DelegateWithoutCountry,
            UserError::CountryForbidden(Role::Viewer),
            UserError::UnknownCountry("x".into()),
            UserError::PasswordTooShort,
            UserError::PasswordTooLong,
            UserError::PasswordFewCharacters,
            UserError::PasswordIsEmail,
            UserError::EmailInvisible("x".into()),
            UserError::EmailMixedScripts("x".into()),
            UserError::EmailUnusualLetter("x".into()),
            UserError::EmailConfusable("x".into(), "y".into()),
            UserError::PasswordCommon,
            UserError::PasswordCommonVariant,
            UserError::PasswordRepeatedPattern,
            UserError::PasswordSequence,
        ];
        for error in errors {
            let (_, id) = message(&error);
            assert!(vigie_i18n::catalog().has(id), "{id}");
        }
    }
}
