//! The perpetrator groups register: every group with its kind, for every
//! signed-in user; administrators and analysts change a group's kind
//! (`can_set_group_kind`), which decides whether its incidents count in
//! the statistics (state forces do not). Each change is audited by the
//! store in its transaction.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::GroupKind;
use vigie_domain::user::can_set_group_kind;

use crate::auth::RequireUser;
use crate::errors::Error;
use crate::state::AppState;
use crate::templates;

pub async fn list(State(state): State<AppState>, user: RequireUser) -> Result<Response, Error> {
    let lang = user.lang;
    let groups = state.read(|store| store.groups()).await?;
    let catalog = vigie_i18n::catalog();
    let kinds: Vec<Value> = GroupKind::ALL
        .iter()
        .map(|kind| context! { code => kind.code(), label => catalog.text(lang, &format!("group-kind-{}", kind.code())) })
        .collect();
    let rows: Vec<Value> = groups
        .iter()
        .map(|group| {
            context! {
                id => group.id.clone(),
                name => group.name(lang).to_string(),
                kind => group.kind.code(),
                kind_label => catalog.text(lang, &format!("group-kind-{}", group.kind.code())),
                origin => catalog.text(lang, &format!("group-origin-{}", group.origin.code())),
                aliases => group.aliases.len(),
                action => format!("/groups/{}/kind", group.id),
            }
        })
        .collect();
    let edit = can_set_group_kind(&user.session.user);
    templates::page("groups.html", lang, Some(&user.session), context! { rows, kinds, edit })
}

#[derive(Debug, Deserialize)]
pub struct KindForm {
    kind: String,
}

pub async fn set_kind(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Form(form): Form<KindForm>,
) -> Result<Response, Error> {
    if !can_set_group_kind(&user.session.user) {
        return Err(Error::forbidden());
    }
    let kind = GroupKind::parse(&form.kind).ok_or(Error::bad_request("web-error-filter"))?;
    let email = user.session.user.email.clone();
    state.write(move |store| store.set_group_kind(&id, kind, &email)).await?;
    Ok(Redirect::to("/groups").into_response())
}
