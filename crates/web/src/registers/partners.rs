//! The partners and their agreements: the list for everyone, and for
//! administrators (`can_manage_partners`) the forms that add or change a
//! partner and an agreement, checked by the domain's `PartnerValidator`.
//! An agreement is addressed by its position in its partner's list (by
//! signing date), and saved only over the agreement that was read there.

use std::collections::HashMap;

use axum::Form as PostedForm;
use axum::extract::{Path, State};
use axum::response::Response;
use minijinja::{Value, context};
use vigie_domain::partner::{AGREEMENT_COLUMNS, PARTNER_COLUMNS, RawAgreement, RawPartner};
use vigie_domain::user::can_manage_partners;
use vigie_domain::{Agreement, AuditEntry, Lang, Partner, PartnerValidator, Scope};
use vigie_render::Labels;

use vigie_store::{Store, StoreError};

use super::form::{Field, Form, Values};
use super::save::{Record, Saved, save};
use super::today;
use crate::auth::RequireUser;
use crate::cookies::percent_encode;
use crate::errors::Error;
use crate::state::AppState;
use crate::templates;
use crate::version;

/// A partner's fields, in order (also the audit entry's): the CSV's.
pub(super) const PARTNER_FIELDS: [&str; 8] = PARTNER_COLUMNS;
/// An agreement's fields, in order (also the audit entry's): the CSV's
/// after `partner`.
pub(super) const AGREEMENT_FIELDS: [&str; 8] = [
    AGREEMENT_COLUMNS[1],
    AGREEMENT_COLUMNS[2],
    AGREEMENT_COLUMNS[3],
    AGREEMENT_COLUMNS[4],
    AGREEMENT_COLUMNS[5],
    AGREEMENT_COLUMNS[6],
    AGREEMENT_COLUMNS[7],
    AGREEMENT_COLUMNS[8],
];

fn partner_href(id: &str) -> String {
    format!("/partners/{}", percent_encode(id))
}

fn scope_label(scope: Scope, lang: Lang) -> String {
    vigie_i18n::catalog().text(lang, &format!("web-partner-scope-{}", scope.code()))
}

pub(super) fn values_from(fields: &[&str], values: &[String]) -> Values {
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
                areas => vigie_i18n::join_list(lang, a.areas.iter().map(|area| vigie_domain::partner::first_of(area, lang))),
                reference => a.reference.clone(),
                edit => admin.then(|| format!("{base}/agreements/{index}/edit")),
            }
        })
        .collect();
    context! {
        id => partner.id.clone(),
        name => partner.name_in(lang),
        scope => scope_label(partner.scope, lang),
        kind => vigie_domain::partner::first_of(&partner.kind, lang),
        agreements,
        edit => admin.then(|| format!("{base}/edit")),
        add_agreement => admin.then(|| format!("{base}/agreements/new")),
    }
}

pub async fn list(State(state): State<AppState>, user: RequireUser) -> Result<Response, Error> {
    let lang = user.lang;
    let mut partners = state.read(|store| store.partners()).await?;
    partners.sort_by(|a, b| a.name_in(lang).cmp(b.name_in(lang)));
    let admin = can_manage_partners(&user.session.user);
    let labels = Labels::new(lang);
    let rows: Vec<Value> = partners.iter().map(|p| row(p, &labels, admin)).collect();
    templates::page("partners.html", lang, Some(&user.session), context! { partners => rows, can_create => admin })
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
        Field::text("kind_fr", label("kind_fr")),
        Field::text("kind_en", label("kind_en")),
        Field::text("kind_ar", label("kind_ar")),
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
        Field::text("areas_fr", label("areas_fr")).hint("formation ; recherche"),
        Field::text("areas_en", label("areas_en")).hint("training ; research"),
        Field::text("areas_ar", label("areas_ar")).hint("التدريب ; البحث"),
        Field::text("reference", label("reference")),
    ];
    let base = partner_href(&partner.id);
    let (title, action) = match index {
        Some(index) => (label("edit"), format!("{base}/agreements/{index}/edit")),
        None => (label("new"), format!("{base}/agreements")),
    };
    Form { title, action, back: "/partners".into(), groups: vec![(None, fields)] }
}

pub(super) fn raw_partner(values: &Values, id: Option<&str>) -> RawPartner {
    RawPartner {
        id: id.map(str::to_string).or_else(|| values.raw("id")),
        name_fr: values.raw("name_fr"),
        name_en: values.raw("name_en"),
        name_ar: values.raw("name_ar"),
        scope: values.raw("scope"),
        kind_fr: values.raw("kind_fr"),
        kind_en: values.raw("kind_en"),
        kind_ar: values.raw("kind_ar"),
    }
}

pub(super) fn raw_agreement(values: &Values, partner: &str) -> RawAgreement {
    RawAgreement {
        partner: Some(partner.to_string()),
        title_fr: values.raw("title_fr"),
        title_en: values.raw("title_en"),
        title_ar: values.raw("title_ar"),
        signed: values.raw("signed"),
        areas_fr: values.raw("areas_fr"),
        areas_en: values.raw("areas_en"),
        areas_ar: values.raw("areas_ar"),
        reference: values.raw("reference"),
    }
}

/// The partner with this id, with its agreements.
async fn find(state: &AppState, id: String) -> Result<Option<Partner>, StoreError> {
    state.read(move |store| Ok(store.partners()?.into_iter().find(|p| p.id == id))).await
}

impl Record for Partner {
    const KIND: &'static str = "partner";
    const FIELDS: &'static [&'static str] = &PARTNER_FIELDS;

    fn audited(&self) -> Vec<String> {
        self.values().to_vec()
    }

    fn entity_id(&self) -> String {
        self.id.clone()
    }

    fn saved_page(&self) -> String {
        "/partners".into()
    }

    fn write(&self, store: &mut dyn Store, stored: Option<&Self>, entry: &AuditEntry) -> Result<bool, StoreError> {
        store.save_partner(self, stored, entry)
    }
}

/// An agreement and its partner's id, which its audit entries name.
pub(super) struct PartnerAgreement {
    pub(super) partner: String,
    pub(super) agreement: Agreement,
}

impl Record for PartnerAgreement {
    const KIND: &'static str = "agreement";
    const ENTITY: &'static str = "partner";
    const FIELDS: &'static [&'static str] = &AGREEMENT_FIELDS;

    fn audited(&self) -> Vec<String> {
        self.agreement.values().to_vec()
    }

    fn entity_id(&self) -> String {
        self.partner.clone()
    }

    fn saved_page(&self) -> String {
        "/partners".into()
    }

    fn write(&self, store: &mut dyn Store, stored: Option<&Self>, entry: &AuditEntry) -> Result<bool, StoreError> {
        store.save_agreement(&self.partner, &self.agreement, stored.map(|s| &s.agreement), entry)
    }

    fn refused(_new: bool, _lang: Lang) -> Saved {
        Saved::Conflict(HashMap::new(), "web-agreement-exists")
    }
}

/// The partner of the page, if the user manages partners and it exists;
/// else the error to answer.
async fn managed(state: &AppState, user: &RequireUser, id: String) -> Result<Partner, Error> {
    if !can_manage_partners(&user.session.user) {
        return Err(Error::forbidden());
    }
    find(state, id).await?.ok_or_else(Error::not_found)
}

pub async fn new_form(user: RequireUser) -> Result<Response, Error> {
    if !can_manage_partners(&user.session.user) {
        return Err(Error::forbidden());
    }
    partner_form(user.lang, None).show(user.lang, &user.session, &Values::default())
}

pub async fn create(
    State(state): State<AppState>,
    user: RequireUser,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    if !can_manage_partners(&user.session.user) {
        return Err(Error::forbidden());
    }
    let values = Values::from_pairs(pairs);
    let (raw, lang) = (raw_partner(&values, None), user.lang);
    let check = move |_: &mut dyn Store| Ok(validated(&raw, lang).map(|partner| (partner, None)));
    save(&state, &user, None, check, |status, errors, message| {
        partner_form(lang, None).render(lang, &user.session, status, &values, errors, Some(message))
    })
    .await
}

/// The form's partner, checked by the domain's validator.
fn validated(raw: &RawPartner, lang: Lang) -> Result<Partner, Saved> {
    PartnerValidator::new(today()).partner(raw).map_err(|e| Saved::invalid(e, lang))
}

pub async fn edit_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
) -> Result<Response, Error> {
    let partner = managed(&state, &user, id).await?;
    let mut values = values_from(&PARTNER_FIELDS, &partner.values());
    values.push(version::FIELD, partner.fingerprint());
    partner_form(user.lang, Some(&partner.id)).show(user.lang, &user.session, &values)
}

pub async fn update(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    let lang = user.lang;
    if !can_manage_partners(&user.session.user) {
        return Err(Error::forbidden());
    }
    let values = Values::from_pairs(pairs);
    let raw = raw_partner(&values, Some(&id));
    let target = id.clone();
    let check = move |store: &mut dyn Store| {
        let Some(stored) = store.partners()?.into_iter().find(|p| p.id == target) else {
            return Ok(Err(Saved::NotFound));
        };
        Ok(validated(&raw, lang).map(|partner| (partner, Some(stored))))
    };
    save(&state, &user, values.get(version::FIELD), check, |status, errors, message| {
        partner_form(lang, Some(&id)).render(lang, &user.session, status, &values, errors, Some(message))
    })
    .await
}

pub async fn new_agreement_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
) -> Result<Response, Error> {
    let partner = managed(&state, &user, id).await?;
    agreement_form(user.lang, &partner, None).show(user.lang, &user.session, &Values::default())
}

pub async fn edit_agreement_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path((id, index)): Path<(String, usize)>,
) -> Result<Response, Error> {
    let partner = managed(&state, &user, id).await?;
    let Some(agreement) = partner.agreements.get(index) else { return Err(Error::not_found()) };
    let mut values = values_from(&AGREEMENT_FIELDS, &agreement.values());
    let shown = PartnerAgreement { partner: partner.id.clone(), agreement: agreement.clone() };
    values.push(version::FIELD, shown.fingerprint());
    agreement_form(user.lang, &partner, Some(index)).show(user.lang, &user.session, &values)
}

pub async fn create_agreement(
    state: State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    form: PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    save_agreement(state, user, id, None, form).await
}

pub async fn update_agreement(
    state: State<AppState>,
    user: RequireUser,
    Path((id, index)): Path<(String, usize)>,
    form: PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
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
) -> Result<Response, Error> {
    let lang = user.lang;
    // the partner as the form shows it; the save reads it again
    let partner = managed(&state, &user, id.clone()).await?;
    let values = Values::from_pairs(pairs);
    let raw = raw_agreement(&values, &id);
    let check = move |store: &mut dyn Store| {
        let Some(partner) = store.partners()?.into_iter().find(|p| p.id == id) else {
            return Ok(Err(Saved::NotFound));
        };
        let stored = match index.map(|index| partner.agreements.get(index)) {
            None => None,
            Some(Some(agreement)) => Some(PartnerAgreement { partner: id.clone(), agreement: agreement.clone() }),
            Some(None) => return Ok(Err(Saved::NotFound)),
        };
        let checked = PartnerValidator::new(today()).agreement(&raw).map_err(|e| Saved::invalid(e, lang));
        Ok(checked.map(|(_, agreement)| (PartnerAgreement { partner: id, agreement }, stored)))
    };
    save(&state, &user, values.get(version::FIELD), check, |status, errors, message| {
        agreement_form(lang, &partner, index).render(lang, &user.session, status, &values, errors, Some(message))
    })
    .await
}
