//! The second factor: TOTP codes (`vigie_store::totp`) and recovery codes.
//!
//! - `GET/POST /login/code`: the second step of a login, for an account
//!   with a second factor: a code of the authenticator app, or one of the
//!   recovery codes (each works once). Wrong codes feed the login rate
//!   limiter and are audited as `login.failed`, like wrong passwords.
//! - `GET/POST /account/totp`: enrolment. The page shows a new secret
//!   (base32, `otpauth://` URI, QR code as inline SVG), kept by the store as
//!   an enrolment under way; a code of it confirms it, and the page then
//!   shows the ten recovery codes, once. A logged-in user enrols here; so
//!   does, between password and session, one whose role requires a second
//!   factor (`Store::totp_roles`) and who has none: they get a session only
//!   once enrolled. Once enrolled, the page gives ten new recovery codes
//!   for a current code (`POST /account/totp/recovery-codes`), the old
//!   ones then void.
//!
//! Between the password and the session the browser holds a short-lived
//! signed state, not a session: the `vigie_pending` cookie,
//! `USER_ID.EXPIRES.PURPOSE.SIGNATURE`, signed with HMAC-SHA256 under the
//! server's secret (`AppState::secret`, as the login form's CSRF cookie).
//! Chosen over a pending row in the store: nothing is written before the
//! second step and nothing is left to clean up; a restart (a new secret)
//! only means typing the password again. It lasts five minutes, grants
//! nothing but the code form (`code`) or the enrolment page (`enrol`), and
//! is removed once the session is opened.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::header::{CACHE_CONTROL, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::{AuditEntry, Lang, User};
use vigie_store::{Store, StoreError, Totp, totp};

use crate::auth::{CurrentUser, RequireUser};
use crate::cookies::{self, percent_encode};
use crate::csrf::login_token;
use crate::errors::Error;
use crate::session::Session;
use crate::sign_in::{ClientIp, audit, open_session, safe_next};
use crate::state::AppState;
use crate::templates;
use crate::util::{hex, hmac_sha256, random_bytes, same};

pub const PENDING_COOKIE: &str = "vigie_pending";
/// How long the state between password and session lasts.
const PENDING_SECONDS: i64 = 5 * 60;
/// The issuer an authenticator app shows beside the account.
const ISSUER: &str = "Vigie";

/// What the pending state allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// The second step of a login.
    Code,
    /// An enrolment required by the account's role.
    Enrol,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::Code => "code",
            Purpose::Enrol => "enrol",
        }
    }
}

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

fn signature(secret: &[u8; 32], user_id: i64, expires: i64, purpose: Purpose) -> String {
    hex(&hmac_sha256(secret, format!("vigie-pending-login:{user_id}:{expires}:{}", purpose.code()).as_bytes()))
}

fn pending_value(secret: &[u8; 32], user_id: i64, expires: i64, purpose: Purpose) -> String {
    format!("{user_id}.{expires}.{}.{}", purpose.code(), signature(secret, user_id, expires, purpose))
}

/// The account a valid, unexpired pending state of `purpose` names.
fn pending_user(secret: &[u8; 32], value: &str, purpose: Purpose, now: i64) -> Option<i64> {
    let mut parts = value.splitn(4, '.');
    let user_id: i64 = parts.next()?.parse().ok()?;
    let expires: i64 = parts.next()?.parse().ok()?;
    let (code, signed) = (parts.next()?, parts.next()?);
    let valid = code == purpose.code() && same(signed, &signature(secret, user_id, expires, purpose));
    (valid && expires > now).then_some(user_id)
}

fn pending_id(state: &AppState, headers: &HeaderMap, purpose: Purpose) -> Option<i64> {
    pending_user(&state.secret, &cookies::get(headers, PENDING_COOKIE)?, purpose, now())
}

fn pending_cookie(state: &AppState, user_id: i64, purpose: Purpose) -> String {
    let value = pending_value(&state.secret, user_id, now() + PENDING_SECONDS, purpose);
    cookies::set(PENDING_COOKIE, &value, PENDING_SECONDS as u64, state.config.secure_cookies)
}

fn clear_pending(state: &AppState) -> String {
    cookies::set(PENDING_COOKIE, "", 0, state.config.secure_cookies)
}

fn with_next(path: &str, next: &str) -> String {
    format!("{path}?next={}", percent_encode(next))
}

/// After a correct password of an account with a second factor: to the
/// code form, no session yet.
pub(crate) fn ask_for_code(state: &AppState, user: &User, next: &str) -> Response {
    let cookie = pending_cookie(state, user.id, Purpose::Code);
    (AppendHeaders([(SET_COOKIE, cookie)]), Redirect::to(&with_next("/login/code", next))).into_response()
}

/// After a correct password of an account whose role requires a second
/// factor it does not have: to enrolment, no session yet.
pub(crate) fn ask_to_enrol(state: &AppState, user: &User, next: &str) -> Response {
    let cookie = pending_cookie(state, user.id, Purpose::Enrol);
    (AppendHeaders([(SET_COOKIE, cookie)]), Redirect::to(&with_next("/account/totp", next))).into_response()
}

async fn user_by_id(state: &AppState, id: i64) -> Result<Option<User>, StoreError> {
    state.read(move |store| Ok(store.users()?.into_iter().find(|u| u.id == id && !u.disabled))).await
}

fn text(lang: Lang, id: &str) -> String {
    vigie_i18n::catalog().text(lang, id)
}

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    next: Option<String>,
}

/// A page of the login's second step or of a required enrolment (no
/// session: the login form's CSRF token), never cached.
fn pending_page(
    state: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    status: StatusCode,
    name: &str,
    page: Value,
    mut cookies: Vec<String>,
) -> Result<Response, Error> {
    let (csrf, cookie) = login_token(state, headers)?;
    cookies.extend(cookie);
    let html = templates::render(name, lang, None, context! { csrf, ..page })?;
    let headers = AppendHeaders(cookies.into_iter().map(|c| (SET_COOKIE, c)));
    Ok((status, [(CACHE_CONTROL, "no-store")], headers, html).into_response())
}

fn code_page(
    state: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    status: StatusCode,
    next: &str,
    error: Option<&str>,
) -> Result<Response, Error> {
    let error = error.map(|id| text(lang, id));
    pending_page(state, headers, lang, status, "login_code.html", context! { next, error }, Vec::new())
}

pub async fn code_form(
    State(state): State<AppState>,
    current: CurrentUser,
    headers: HeaderMap,
    Query(query): Query<NextQuery>,
) -> Result<Response, Error> {
    let next = safe_next(query.next.as_deref());
    if pending_id(&state, &headers, Purpose::Code).is_none() {
        return Ok(Redirect::to(&with_next("/login", &next)).into_response());
    }
    code_page(&state, &headers, current.lang, StatusCode::OK, &next, None)
}

/// How a typed second factor passed, if it did: a code of the app (six
/// digits, a step not used before) or an unused recovery code.
fn check_second_factor(
    store: &mut dyn Store,
    email: &str,
    typed: &str,
    now: i64,
) -> Result<Option<&'static str>, StoreError> {
    let Some(totp) = store.totp(email)?.filter(Totp::enrolled) else {
        return Ok(None);
    };
    let compact: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() == totp::DIGITS as usize && compact.bytes().all(|b| b.is_ascii_digit()) {
        let Some(step) = totp::matching_step(&totp.secret, &compact, now, totp.last_step) else {
            return Ok(None);
        };
        // atomic: the same code sent twice at once passes once
        return Ok(store.accept_totp_step(email, step)?.then_some("authenticator code"));
    }
    if compact.is_empty() || compact.len() > 64 {
        return Ok(None);
    }
    Ok(store.use_recovery_code(email, &totp::recovery_hash(&compact), email)?.then_some("recovery code"))
}

pub async fn code_submit(
    State(state): State<AppState>,
    current: CurrentUser,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Result<Response, Error> {
    let lang = current.lang;
    let next = safe_next(form.next.as_deref());
    let Some(id) = pending_id(&state, &headers, Purpose::Code) else {
        return Ok(Redirect::to(&with_next("/login", &next)).into_response());
    };
    let Some(user) = user_by_id(&state, id).await? else {
        return Ok(Redirect::to(&with_next("/login", &next)).into_response());
    };
    let keys = [format!("email:{}", user.email), format!("ip:{ip}")];
    let failed = |detail: &str| {
        AuditEntry::new(jiff::Timestamp::now(), &user.email, "login.failed", "user", Some(&user.email))
            .with_detail(format!("{detail}; from {ip}"))
    };
    let Some(attempt) = state.limiter.attempt(&keys) else {
        audit(&state, failed("second step refused: too many failed attempts")).await;
        return code_page(&state, &headers, lang, StatusCode::TOO_MANY_REQUESTS, &next, Some("web-login-too-many"));
    };
    let (email, typed) = (user.email.clone(), form.code);
    let checked = state.write(move |store| check_second_factor(store, &email, &typed, now())).await;
    if matches!(checked, Ok(Some(_))) {
        state.limiter.succeeded(attempt);
    }
    match checked? {
        Some(how) => {
            let session = open_session(&state, &user, format!("from {ip}; second factor: {how}")).await?;
            let cookies = [(SET_COOKIE, session), (SET_COOKIE, clear_pending(&state))];
            Ok((AppendHeaders(cookies), Redirect::to(&next)).into_response())
        }
        None => {
            audit(&state, failed("wrong second-factor code")).await;
            code_page(&state, &headers, lang, StatusCode::UNAUTHORIZED, &next, Some("web-login-code-failed"))
        }
    }
}

/// Who is at the enrolment page: a logged-in user, or an account between
/// password and session whose role requires a second factor.
enum Enrolling {
    Session(Box<Session>),
    Pending(User),
}

impl Enrolling {
    fn user(&self) -> &User {
        match self {
            Enrolling::Session(session) => &session.user,
            Enrolling::Pending(user) => user,
        }
    }
}

async fn enrolling(
    state: &AppState,
    current: &CurrentUser,
    headers: &HeaderMap,
) -> Result<Option<Enrolling>, StoreError> {
    if let Some(session) = &current.session {
        return Ok(Some(Enrolling::Session(Box::new(session.clone()))));
    }
    let Some(id) = pending_id(state, headers, Purpose::Enrol) else {
        return Ok(None);
    };
    Ok(user_by_id(state, id).await?.map(Enrolling::Pending))
}

/// The QR code of `uri` as inline SVG (no script; the CSP allows it).
fn qr_svg(uri: &str) -> Option<String> {
    let code = qrcode::QrCode::new(uri.as_bytes()).ok()?;
    let svg = code.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).build();
    let start = svg.find("<svg")?;
    Some(svg[start..].replacen("<svg ", r#"<svg role="img" aria-labelledby="totp-qr-caption" "#, 1))
}

/// A base32 secret in groups of four, easier to type.
fn grouped(secret: &str) -> String {
    secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// What every page of a request needs: the state, the request's headers
/// (its cookies), the page language.
#[derive(Clone, Copy)]
struct Request<'a> {
    state: &'a AppState,
    headers: &'a HeaderMap,
    lang: Lang,
}

/// Renders an enrolment page for `who`: their session's page, or a
/// pending one (no session: the login form's CSRF token).
fn enrolling_page(
    request: &Request<'_>,
    who: &Enrolling,
    status: StatusCode,
    name: &str,
    page: Value,
    cookies: Vec<String>,
) -> Result<Response, Error> {
    let Request { state, headers, lang } = *request;
    match who {
        Enrolling::Session(session) => {
            let page = context! { csrf => session.csrf.clone(), ..page };
            let html = templates::render(name, lang, Some(session), page)?;
            let headers = AppendHeaders(cookies.into_iter().map(|c| (SET_COOKIE, c)));
            Ok((status, [(CACHE_CONTROL, "no-store")], headers, html).into_response())
        }
        Enrolling::Pending(_) => pending_page(state, headers, lang, status, name, page, cookies),
    }
}

fn enrol_page(
    request: &Request<'_>,
    who: &Enrolling,
    status: StatusCode,
    totp: &Totp,
    next: &str,
    error: Option<&str>,
) -> Result<Response, Error> {
    let lang = request.lang;
    let email = who.user().email.clone();
    let required = matches!(who, Enrolling::Pending(_));
    let page = if let Some(since) = totp.enrolled_at {
        context! {
            enrolled => true,
            since => since.strftime("%Y-%m-%d %H:%M UTC").to_string(),
            left => totp.recovery_codes_left,
            next,
            error => error.map(|id| text(lang, id)),
        }
    } else {
        let uri = totp::otpauth_uri(ISSUER, &email, &totp.secret);
        let qr = qr_svg(&uri).map(Value::from_safe_string);
        context! {
            enrolled => false,
            secret => grouped(&totp::encode_secret(&totp.secret)),
            uri,
            qr,
            required,
            next,
            error => error.map(|id| text(lang, id)),
        }
    };
    enrolling_page(request, who, status, "account_totp.html", page, Vec::new())
}

pub async fn enrol_form(
    State(state): State<AppState>,
    current: CurrentUser,
    headers: HeaderMap,
    Query(query): Query<NextQuery>,
) -> Result<Response, Error> {
    let lang = current.lang;
    let next = safe_next(query.next.as_deref());
    let Some(who) = enrolling(&state, &current, &headers).await? else {
        return Ok(Redirect::to(&with_next("/login", "/account/totp")).into_response());
    };
    let secret = random_bytes()?[..totp::SECRET_BYTES].to_vec();
    let email = who.user().email.clone();
    // every showing of the page draws a new secret: one seen earlier (by
    // whoever had the password before the owner enrolled) is void
    let found = state
        .write(move |store| {
            if !store.totp(&email)?.is_some_and(|t| t.enrolled()) {
                store.start_totp(&email, &secret)?;
            }
            store.totp(&email)
        })
        .await?;
    match found {
        // enrolled meanwhile (another tab): the login goes through the code
        Some(totp) if totp.enrolled() && matches!(who, Enrolling::Pending(_)) => {
            let cookies = [(SET_COOKIE, clear_pending(&state))];
            Ok((AppendHeaders(cookies), Redirect::to(&with_next("/login", &next))).into_response())
        }
        Some(totp) => {
            let request = Request { state: &state, headers: &headers, lang };
            enrol_page(&request, &who, StatusCode::OK, &totp, &next, None)
        }
        None => Err(Error::not_found()),
    }
}

/// Ten new recovery codes, as shown.
fn recovery_codes() -> anyhow::Result<Vec<String>> {
    (0..totp::RECOVERY_CODES)
        .map(|_| {
            let bytes = random_bytes()?;
            let mut code = [0u8; totp::RECOVERY_BYTES];
            code.copy_from_slice(&bytes[..totp::RECOVERY_BYTES]);
            Ok(totp::format_recovery_code(&code))
        })
        .collect()
}

/// How a confirmation ended.
enum Confirmed {
    Done,
    /// The code does not match the secret under way (shown again).
    Wrong(Totp),
    /// Nothing under way, or enrolled already.
    Nothing,
}

pub async fn enrol_submit(
    State(state): State<AppState>,
    current: CurrentUser,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Result<Response, Error> {
    let lang = current.lang;
    let next = safe_next(form.next.as_deref());
    let Some(who) = enrolling(&state, &current, &headers).await? else {
        return Ok(Redirect::to(&with_next("/login", "/account/totp")).into_response());
    };
    let user = who.user().clone();
    let keys = [format!("email:{}", user.email), format!("ip:{ip}")];
    let pending = matches!(who, Enrolling::Pending(_));
    // a code typed here is a guess like any other: limited, session or not
    let Some(attempt) = state.limiter.attempt(&keys) else {
        return Err(Error::new(StatusCode::TOO_MANY_REQUESTS, "web-login-too-many"));
    };
    let codes = recovery_codes()?;
    let hashes: Vec<String> = codes.iter().map(|c| totp::recovery_hash(c)).collect();
    let (email, typed) = (user.email.clone(), form.code);
    let confirmed = state
        .write(move |store| {
            let Some(totp) = store.totp(&email)?.filter(|t| !t.enrolled()) else {
                return Ok(Confirmed::Nothing);
            };
            let Some(step) = totp::matching_step(&totp.secret, &typed, now(), None) else {
                return Ok(Confirmed::Wrong(totp));
            };
            Ok(if store.enrol_totp(&email, Some(step), &hashes, &email)? {
                Confirmed::Done
            } else {
                Confirmed::Nothing
            })
        })
        .await;
    if !matches!(confirmed, Ok(Confirmed::Wrong(_))) {
        state.limiter.succeeded(attempt);
    }
    match confirmed? {
        Confirmed::Done => {
            let mut cookies = Vec::new();
            if pending {
                let session = open_session(&state, &user, format!("from {ip}; second factor enrolled")).await?;
                cookies.extend([session, clear_pending(&state)]);
            }
            let page = context! { codes, next };
            let request = Request { state: &state, headers: &headers, lang };
            enrolling_page(&request, &who, StatusCode::OK, "account_totp_codes.html", page, cookies)
        }
        Confirmed::Wrong(totp) => {
            if pending {
                let entry =
                    AuditEntry::new(jiff::Timestamp::now(), &user.email, "login.failed", "user", Some(&user.email))
                        .with_detail(format!("wrong code at a required enrolment; from {ip}"));
                audit(&state, entry).await;
            }
            let request = Request { state: &state, headers: &headers, lang };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            enrol_page(&request, &who, status, &totp, &next, Some("web-totp-error-code"))
        }
        Confirmed::Nothing => Ok(Redirect::to(&with_next("/account/totp", &next)).into_response()),
    }
}

/// `POST /account/totp/recovery-codes`: ten new recovery codes for a
/// logged-in user with a second factor, given a current code (a step not
/// used before, which it uses); the old codes are void.
pub async fn renew_codes(
    State(state): State<AppState>,
    user: RequireUser,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<CodeForm>,
) -> Result<Response, Error> {
    let lang = user.lang;
    // a stolen session must not guess its way to a lasting second factor
    let keys = [format!("email:{}", user.session.user.email), format!("ip:{ip}")];
    let Some(attempt) = state.limiter.attempt(&keys) else {
        return Err(Error::new(StatusCode::TOO_MANY_REQUESTS, "web-login-too-many"));
    };
    let codes = recovery_codes()?;
    let hashes: Vec<String> = codes.iter().map(|c| totp::recovery_hash(c)).collect();
    let (email, typed) = (user.session.user.email.clone(), form.code);
    let renewed = state
        .write(move |store| {
            let Some(totp) = store.totp(&email)?.filter(Totp::enrolled) else {
                return Ok(Err(None));
            };
            let Some(step) = totp::matching_step(&totp.secret, &typed, now(), totp.last_step) else {
                return Ok(Err(Some(totp)));
            };
            Ok(if store.renew_recovery_codes(&email, step, &hashes, &email)? { Ok(()) } else { Err(Some(totp)) })
        })
        .await;
    if !matches!(renewed, Ok(Err(Some(_)))) {
        state.limiter.succeeded(attempt);
    }
    let who = Enrolling::Session(Box::new(user.session));
    let request = Request { state: &state, headers: &headers, lang };
    match renewed? {
        Ok(()) => {
            let page = context! { codes, next => "/account/totp", renewed => true };
            enrolling_page(&request, &who, StatusCode::OK, "account_totp_codes.html", page, Vec::new())
        }
        Err(Some(totp)) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            enrol_page(&request, &who, status, &totp, "/account/totp", Some("web-login-code-failed"))
        }
        Err(None) => Ok(Redirect::to("/account/totp").into_response()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pending_state_is_signed_scoped_and_short_lived() {
        let secret = [7u8; 32];
        let value = pending_value(&secret, 42, 1_000, Purpose::Code);
        assert_eq!(pending_user(&secret, &value, Purpose::Code, 999), Some(42));
        assert_eq!(pending_user(&secret, &value, Purpose::Code, 1_000), None, "expired");
        assert_eq!(pending_user(&secret, &value, Purpose::Enrol, 999), None, "another purpose");
        assert_eq!(pending_user(&[8u8; 32], &value, Purpose::Code, 999), None, "another server secret");
        let forged = value.replacen("42.", "43.", 1);
        assert_eq!(pending_user(&secret, &forged, Purpose::Code, 999), None, "another account");
        let later = value.replacen(".1000.", ".9000.", 1);
        assert_eq!(pending_user(&secret, &later, Purpose::Code, 999), None, "a later expiry");
        assert_eq!(pending_user(&secret, "garbage", Purpose::Code, 0), None);
    }

    #[test]
    fn the_qr_code_is_inline_svg_without_script_or_style() {
        let svg = qr_svg("otpauth://totp/Vigie:a@b.example?secret=GEZDGNBV").unwrap();
        assert!(svg.starts_with("<svg role=\"img\""), "{}", &svg[..60]);
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("<?xml") && !svg.contains("script") && !svg.contains("style"));
        assert_eq!(grouped("GEZDGNBVGY"), "GEZD GNBV GY");
    }
}
