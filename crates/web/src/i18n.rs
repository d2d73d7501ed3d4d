//! The interface language: `?lang=` (remembered in the `vigie_lang`
//! cookie), else the cookie, else the browser's `Accept-Language`, else
//! French. The middleware puts the [`Lang`] in the request's extensions.

use axum::extract::{Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use vigie_domain::Lang;

use crate::cookies;
use crate::state::AppState;

pub const LANG_COOKIE: &str = "vigie_lang";

/// The language a request's pages are in (French when the middleware did
/// not run).
pub fn of(request: &Request) -> Lang {
    request.extensions().get::<Lang>().copied().unwrap_or(Lang::Fr)
}

fn from_query(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Lang::parse(v))
}

fn from_headers(headers: &HeaderMap) -> Lang {
    if let Some(lang) = cookies::get(headers, LANG_COOKIE).and_then(|v| Lang::parse(&v)) {
        return lang;
    }
    let accept = headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    accept
        .split(',')
        .filter_map(|part| part.split(';').next())
        .filter_map(|tag| Lang::parse(tag.trim().split('-').next().unwrap_or("").to_ascii_lowercase().as_str()))
        .next()
        .unwrap_or(Lang::Fr)
}

pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let chosen = from_query(request.uri().query());
    let lang = chosen.unwrap_or_else(|| from_headers(request.headers()));
    request.extensions_mut().insert(lang);
    let mut response = next.run(request).await;
    if let Some(lang) = chosen {
        let cookie = cookies::set(LANG_COOKIE, lang.code(), 365 * 24 * 3600, state.config.secure_cookies);
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}
