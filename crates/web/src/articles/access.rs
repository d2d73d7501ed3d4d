//! Who writes articles, as an extractor: logged in (else the login
//! redirect of [`RequireUser`]) and `can_edit_articles` (else 403).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use vigie_domain::Lang;
use vigie_domain::user::can_edit_articles;

use crate::auth::RequireUser;
use crate::errors::Error;
use crate::session::Session;

/// An editor's or administrator's session.
pub struct RequireArticleEditor {
    pub session: Session,
    pub lang: Lang,
}

impl<S: Send + Sync> FromRequestParts<S> for RequireArticleEditor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let RequireUser { session, lang } = RequireUser::from_request_parts(parts, state).await?;
        if !can_edit_articles(&session.user) {
            return Err(Error::forbidden().into_response());
        }
        Ok(RequireArticleEditor { session, lang })
    }
}
