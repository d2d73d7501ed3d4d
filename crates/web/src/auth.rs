//! Access checks as extractors: [`CurrentUser`] (anyone),
//! [`RequireUser`] (logged in: else 303 to `/login?next=…`, or 401 JSON
//! under `/api/`) and [`RequireAdmin`] (role admin: else 403). They read
//! the [`Session`] the session middleware resolved.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use vigie_domain::Lang;

use crate::cookies::percent_encode;
use crate::errors::Error;
use crate::session::Session;

/// The session of the request, if any, and the page language.
pub struct CurrentUser {
    pub session: Option<Session>,
    pub lang: Lang,
}

/// A logged-in user's session.
pub struct RequireUser {
    pub session: Session,
    pub lang: Lang,
}

/// An administrator's session.
pub struct RequireAdmin {
    pub session: Session,
    pub lang: Lang,
}

fn lang(parts: &Parts) -> Lang {
    parts.extensions.get::<Lang>().copied().unwrap_or(Lang::Fr)
}

fn is_api(parts: &Parts) -> bool {
    parts.uri.path().starts_with("/api/")
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(CurrentUser { session: parts.extensions.get::<Session>().cloned(), lang: lang(parts) })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequireUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<Session>() {
            Some(session) => match crate::bearer::out_of_scope(session, &parts.method) {
                Some(refused) => Err(refused),
                None => Ok(RequireUser { session: session.clone(), lang: lang(parts) }),
            },
            None if is_api(parts) => {
                let mut response = Error::new(StatusCode::UNAUTHORIZED, "web-error-token-required").into_response();
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"vigie\""));
                Err(response)
            }
            None => {
                let target = parts.uri.path_and_query().map_or("/", |pq| pq.as_str());
                Err(Redirect::to(&format!("/login?next={}", percent_encode(target))).into_response())
            }
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequireAdmin {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let RequireUser { session, lang } = RequireUser::from_request_parts(parts, state).await?;
        if !vigie_domain::user::can_manage_users(&session.user) {
            return Err(Error::forbidden().into_response());
        }
        Ok(RequireAdmin { session, lang })
    }
}
