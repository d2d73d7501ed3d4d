//! The partners and their agreements: the list for everyone, and for
//! administrators (`can_manage_partners`) the forms that add or change a
//! partner and an agreement, checked by the domain's `PartnerValidator`.
//! An agreement is addressed by its position in its partner's list (by
//! signing date), and saved only over the agreement that was read there.

use std::collections::HashMap;

use axum::Form as PostedForm;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use vigie_domain::partner::{AREA_SEPARATOR, RawAgreement, RawPartner};
use vigie_domain::user::can_manage_partners;
use vigie_domain::{Agreement, AuditEntry, Lang, Partner, PartnerValidator, Scope};
use vigie_render::Labels;

use super::form::{Field, Form, Values};
use super::{Saved, changes, message_on, messages, page, today};
use crate::auth::RequireUser;
use crate::cookies::percent_encode;
use crate::errors;
use crate::state::AppState;

/// A partner's fields, in order (also the audit entry's).
const PARTNER_FIELDS: [&str; 6] = ["id", "name_fr", "name_en", "name_ar", "scope", "kind"];
/// An agreement's fields, in order (also the audit entry's).
const AGREEMENT_FIELDS: [&str; 6] = ["title_fr", "title_en", "title_ar", "signed", "areas", "reference"];

fn partner_href(id: &str) -> String {
    format!("/partners/{}", percent_encode(id))
}

fn scope_label(scope: Scope, lang: Lang) -> String {
    vigie_i18n::catalog().text(lang, &format!("web-partner-scope-{}", scope.code()))
}

fn partner_values(partner: &Partner) -> [String; 6] {
    [
        partner.id.clone(),
        partner.name.fr.clone(),
        partner.name.en.clone(),
        partner.name.ar.clone(),
        partner.scope.code().to_string(),
        partner.kind.clone(),
    ]
}

fn agreement_values(agreement: &Agreement) -> [String; 6] {
    [
        agreement.title.fr.clone(),
        agreement.title.en.clone(),
        agreement.title.ar.clone(),
        agreement.signed_text(),
        agreement.areas.join(AREA_SEPARATOR),
        agreement.reference.clone(),
    ]
}

fn values_from(fields: &[&str], values: &[String]) -> Values {
    Values::from_pairs(fields.iter().zip(values).map(|(f, v)| (f.to_string(), v.clone())))
}

fn row(partner: &Partner, labels: &Labels, admin: bool) -> Value {
    let lang = labels.lang;
    let base = partner_href(&partner.id);
    let agreements: Vec<Value> = partner
        .agreements
        .iter()
        .enumerate()
        .map(|(index, a)| {
            context! {
                title => vigie_domain::partner::first_of(&a.title, lang),
                signed => a.signed.map(|d| labels.date(d)).unwrap_or_default(),
                areas => a.areas.join(", "),
                reference => a.reference.clone(),
                edit => admin.then(|| format!("{base}/agreements/{index}/edit")),
            }
        })
        .collect();
    context! {
        id => partner.id.clone(),
        name => partner.name_in(lang),
        scope => scope_label(partner.scope, lang),
        kind => partner.kind.clone(),
        agreements,
        edit => admin.then(|| format!("{base}/edit")),
        add_agreement => admin.then(|| format!("{base}/agreements/new")),
    }
}

pub async fn list(State(state): State<AppState>, user: RequireUser) -> Response {
    let lang = user.lang;
    let mut partners = match state.with_store(|store| store.partners()).await {
        Ok(partners) => partners,
        Err(e) => return errors::internal(lang, e),
    };
    partners.sort_by(|a, b| a.name_in(lang).cmp(b.name_in(lang)));
    let admin = can_manage_partners(&user.session.user);
    let labels = Labels::new(lang);
    let rows: Vec<Value> = partners.iter().map(|p| row(p, &labels, admin)).collect();
    page("partners.html", lang, &user.session, context! { partners => rows, can_create => admin })
}

/// The partner form; `editing` is the id of the partner changed.
fn partner_form(lang: Lang, editing: Option<&str>) -> Form {
    let label = |id: &str| vigie_i18n::catalog().text(lang, &format!("web-partner-{id}"));
    let id = match editing {
        Some(id) => Field::fixed("id", label("id"), id.to_string()),
        None => Field::text("id", label("id")).hint("naif-arab-university"),
    };
    let scopes = Scope::ALL.iter().map(|s| (s.code().to_string(), scope_label(*s, lang))).collect();
    let fields = vec![
        id,
        Field::text("name_fr", label("name_fr")),
        Field::text("name_en", label("name_en")),
        Field::text("name_ar", label("name_ar")),
        Field::select("scope", label("scope"), scopes),
        Field::text("kind", label("kind")),
    ];
    let (title, action) = match editing {
        Some(id) => (label("edit"), format!("{}/edit", partner_href(id))),
        None => (label("new"), "/partners".to_string()),
    };
    Form { title, action, back: "/partners".into(), groups: vec![(None, fields)] }
}

/// The agreement form of `partner`; `index` is the agreement changed.
fn agreement_form(lang: Lang, partner: &Partner, index: Option<usize>) -> Form {
    let label = |id: &str| vigie_i18n::catalog().text(lang, &format!("web-agreement-{id}"));
    let fields = vec![
        Field::fixed("partner", label("partner"), partner.name_in(lang).to_string()),
        Field::text("title_fr", label("title_fr")),
        Field::text("title_en", label("title_en")),
        Field::text("title_ar", label("title_ar")),
        Field::text("signed", label("signed")).hint("YYYY-MM-DD"),
        Field::text("areas", label("areas")).hint("training ; research"),
        Field::text("reference", label("reference")),
    ];
    let base = partner_href(&partner.id);
    let (title, action) = match index {
        Some(index) => (label("edit"), format!("{base}/agreements/{index}/edit")),
        None => (label("new"), format!("{base}/agreements")),
    };
    Form { title, action, back: "/partners".into(), groups: vec![(None, fields)] }
}

fn raw_partner(values: &Values, id: Option<&str>) -> RawPartner {
    RawPartner {
        id: id.map(str::to_string).or_else(|| values.raw("id")),
        name_fr: values.raw("name_fr"),
        name_en: values.raw("name_en"),
        name_ar: values.raw("name_ar"),
        scope: values.raw("scope"),
        kind: values.raw("kind"),
    }
}

fn raw_agreement(values: &Values, partner: &str) -> RawAgreement {
    RawAgreement {
        partner: Some(partner.to_string()),
        title_fr: values.raw("title_fr"),
        title_en: values.raw("title_en"),
        title_ar: values.raw("title_ar"),
        signed: values.raw("signed"),
        areas: values.raw("areas"),
        reference: values.raw("reference"),
    }
}

/// The partner with this id, with its agreements.
async fn find(state: &AppState, id: String) -> Result<Option<Partner>, vigie_store::StoreError> {
    state.with_store(move |store| Ok(store.partners()?.into_iter().find(|p| p.id == id))).await
}

pub async fn new_form(user: RequireUser) -> Response {
    if !can_manage_partners(&user.session.user) {
        return super::forbidden(user.lang);
    }
    partner_form(user.lang, None).render(
        user.lang,
        &user.session,
        StatusCode::OK,
        &Values::default(),
        &HashMap::new(),
        None,
    )
}

pub async fn create(
    State(state): State<AppState>,
    user: RequireUser,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Response {
    let lang = user.lang;
    let me = user.session.user.clone();
    if !can_manage_partners(&me) {
        return super::forbidden(lang);
    }
    let values = Values::from_pairs(pairs);
    let raw = raw_partner(&values, None);
    let saved = state
        .with_store(move |store| {
            let partner = match PartnerValidator::new(today()).partner(&raw) {
                Ok(partner) => partner,
                Err(e) => return Ok(Saved::Invalid(messages(e, lang), "web-form-invalid")),
            };
            let entry =
                AuditEntry::new(jiff::Timestamp::now(), &me.email, "partner.create", "partner", Some(&partner.id))
                    .with_changes(changes(&PARTNER_FIELDS, None, &partner_values(&partner)));
            if store.save_partner(&partner, None, &entry)? {
                Ok(Saved::Done("/partners".into()))
            } else {
                Ok(Saved::Conflict(message_on("id", lang, "web-register-id-taken"), "web-register-exists"))
            }
        })
        .await;
    match saved {
        Ok(saved) => saved.respond(lang, |status, errors, message| {
            partner_form(lang, None).render(lang, &user.session, status, &values, errors, Some(message))
        }),
        Err(e) => errors::internal(lang, e),
    }
}

pub async fn edit_form(State(state): State<AppState>, user: RequireUser, Path(id): Path<String>) -> Response {
    let lang = user.lang;
    if !can_manage_partners(&user.session.user) {
        return super::forbidden(lang);
    }
    let partner = match find(&state, id).await {
        Ok(Some(partner)) => partner,
        Ok(None) => return super::not_found(lang),
        Err(e) => return errors::internal(lang, e),
    };
    let values = values_from(&PARTNER_FIELDS, &partner_values(&partner));
    partner_form(lang, Some(&partner.id)).render(lang, &user.session, StatusCode::OK, &values, &HashMap::new(), None)
}

pub async fn update(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Response {
    let lang = user.lang;
    let me = user.session.user.clone();
    if !can_manage_partners(&me) {
        return super::forbidden(lang);
    }
    let values = Values::from_pairs(pairs);
    let raw = raw_partner(&values, Some(&id));
    let target = id.clone();
    let saved = state
        .with_store(move |store| {
            let Some(stored) = store.partners()?.into_iter().find(|p| p.id == target) else {
                return Ok(Saved::NotFound);
            };
            let partner = match PartnerValidator::new(today()).partner(&raw) {
                Ok(partner) => partner,
                Err(e) => return Ok(Saved::Invalid(messages(e, lang), "web-form-invalid")),
            };
            let changed = changes(&PARTNER_FIELDS, Some(&partner_values(&stored)), &partner_values(&partner));
            if changed.is_empty() {
                return Ok(Saved::Done("/partners".into()));
            }
            let entry = AuditEntry::new(jiff::Timestamp::now(), &me.email, "partner.update", "partner", Some(&target))
                .with_changes(changed);
            if store.save_partner(&partner, Some(&stored), &entry)? {
                Ok(Saved::Done("/partners".into()))
            } else {
                Ok(Saved::Conflict(HashMap::new(), "web-register-changed"))
            }
        })
        .await;
    match saved {
        Ok(saved) => saved.respond(lang, |status, errors, message| {
            partner_form(lang, Some(&id)).render(lang, &user.session, status, &values, errors, Some(message))
        }),
        Err(e) => errors::internal(lang, e),
    }
}

pub async fn new_agreement_form(State(state): State<AppState>, user: RequireUser, Path(id): Path<String>) -> Response {
    let lang = user.lang;
    if !can_manage_partners(&user.session.user) {
        return super::forbidden(lang);
    }
    match find(&state, id).await {
        Ok(Some(partner)) => agreement_form(lang, &partner, None).render(
            lang,
            &user.session,
            StatusCode::OK,
            &Values::default(),
            &HashMap::new(),
            None,
        ),
        Ok(None) => super::not_found(lang),
        Err(e) => errors::internal(lang, e),
    }
}

pub async fn edit_agreement_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path((id, index)): Path<(String, usize)>,
) -> Response {
    let lang = user.lang;
    if !can_manage_partners(&user.session.user) {
        return super::forbidden(lang);
    }
    let partner = match find(&state, id).await {
        Ok(Some(partner)) => partner,
        Ok(None) => return super::not_found(lang),
        Err(e) => return errors::internal(lang, e),
    };
    let Some(agreement) = partner.agreements.get(index) else { return super::not_found(lang) };
    let values = values_from(&AGREEMENT_FIELDS, &agreement_values(agreement));
    agreement_form(lang, &partner, Some(index)).render(
        lang,
        &user.session,
        StatusCode::OK,
        &values,
        &HashMap::new(),
        None,
    )
}

pub async fn create_agreement(
    state: State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    form: PostedForm<Vec<(String, String)>>,
) -> Response {
    save_agreement(state, user, id, None, form).await
}

pub async fn update_agreement(
    state: State<AppState>,
    user: RequireUser,
    Path((id, index)): Path<(String, usize)>,
    form: PostedForm<Vec<(String, String)>>,
) -> Response {
    save_agreement(state, user, id, Some(index), form).await
}

/// Adds an agreement to partner `id` (`index` `None`) or changes the one
/// at `index`.
async fn save_agreement(
    State(state): State<AppState>,
    user: RequireUser,
    id: String,
    index: Option<usize>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Response {
    let lang = user.lang;
    let me = user.session.user.clone();
    if !can_manage_partners(&me) {
        return super::forbidden(lang);
    }
    let values = Values::from_pairs(pairs);
    let raw = raw_agreement(&values, &id);
    let target = id.clone();
    let saved = state
        .with_store(move |store| {
            let Some(partner) = store.partners()?.into_iter().find(|p| p.id == target) else {
                return Ok((Saved::NotFound, None));
            };
            let stored = match index {
                None => None,
                Some(index) => match partner.agreements.get(index) {
                    Some(agreement) => Some(agreement.clone()),
                    None => return Ok((Saved::NotFound, None)),
                },
            };
            let agreement = match PartnerValidator::new(today()).agreement(&raw) {
                Ok((_, agreement)) => agreement,
                Err(e) => return Ok((Saved::Invalid(messages(e, lang), "web-form-invalid"), Some(partner))),
            };
            let before = stored.as_ref().map(agreement_values);
            let changed =
                changes(&AGREEMENT_FIELDS, before.as_ref().map(|b| b.as_slice()), &agreement_values(&agreement));
            if changed.is_empty() {
                return Ok((Saved::Done("/partners".into()), None));
            }
            let action = if stored.is_some() { "agreement.update" } else { "agreement.create" };
            let entry = AuditEntry::new(jiff::Timestamp::now(), &me.email, action, "partner", Some(&target))
                .with_changes(changed);
            if store.save_agreement(&target, &agreement, stored.as_ref(), &entry)? {
                Ok((Saved::Done("/partners".into()), None))
            } else {
                Ok((Saved::Conflict(HashMap::new(), "web-agreement-exists"), Some(partner)))
            }
        })
        .await;
    match saved {
        Ok((saved, partner)) => saved.respond(lang, |status, errors, message| match &partner {
            Some(partner) => {
                agreement_form(lang, partner, index).render(lang, &user.session, status, &values, errors, Some(message))
            }
            None => super::not_found(lang),
        }),
        Err(e) => errors::internal(lang, e),
    }
}
