//! Who writes articles, as an extractor: logged in (else the login
//! redirect of [`RequireUser`]) and `can_edit_articles` (else 403); who
//! writes a version of one, translators too.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use vigie_domain::Lang;
use vigie_domain::user::{can_edit_articles, can_translate};

use crate::auth::RequireUser;
use crate::errors::Error;
use crate::session::Session;

/// An editor's or administrator's session.
pub struct RequireArticleEditor {
    pub session: Session,
}

impl<S: Send + Sync> FromRequestParts<S> for RequireArticleEditor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let RequireUser { session, .. } = RequireUser::from_request_parts(parts, state).await?;
        if !can_edit_articles(&session.user) {
            return Err(Error::forbidden().into_response());
        }
        Ok(RequireArticleEditor { session })
    }
}

/// A session that may write a version of a story: an editor's or an
/// administrator's, or a translator's (`translator`: whose writes are held
/// to draft translations, `can_write_article_version`).
pub struct RequireArticleWriter {
    pub session: Session,
    pub lang: Lang,
    /// Only a translator: not an editor or an administrator.
    pub translator: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for RequireArticleWriter {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let RequireUser { session, lang } = RequireUser::from_request_parts(parts, state).await?;
        let editor = can_edit_articles(&session.user);
        if !editor && !can_translate(&session.user) {
            return Err(Error::forbidden().into_response());
        }
        Ok(RequireArticleWriter { session, lang, translator: !editor })
    }
}
