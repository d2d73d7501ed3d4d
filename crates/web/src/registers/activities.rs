//! The activity register: the list (search, period, kind, domain and
//! country filters, date order either way, pages), its export in the
//! register's CSV and JSON Lines (audited), one activity with its history,
//! and the form that creates or changes one.
//!
//! The one country an activity names is its counterpart country: a
//! delegate writes the activities whose counterpart country is one of
//! theirs (`can_edit_activity`), so never one without a counterpart
//! country.

use std::collections::HashMap;

use axum::Form as PostedForm;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::civil::Date;
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::activity::{ACTIVITY_COLUMNS, RawActivity};
use vigie_domain::counterpart::{Counterpart, check_people, people_from_lines, people_lines};
use vigie_domain::fold::fold;
use vigie_domain::partner::first_of;
use vigie_domain::user::{can_edit_activity, can_write_activities};
use vigie_domain::{
    Activity, ActivityKind, ActivityValidator, AuditEntry, DatePrecision, Domain, FieldError, Lang, Month, Names, User,
    countries,
};
use vigie_formats::register::activities::{write_csv, write_jsonl, write_people_csv};
use vigie_render::Labels;
use vigie_store::{ActivityFilter, AuditFilter, Store, StoreError};

use super::form::{Field, Form, Values};
use super::save::{Record, Saved, save};
use super::{PAGE_SIZE, country_choices, country_name};
use crate::auth::RequireUser;
use crate::cookies::percent_encode;
use crate::errors::Error;
use crate::history;
use crate::listing::{self, Pages};
use crate::session::Session;
use crate::state::AppState;
use crate::templates;
use crate::version;

/// Taken by the page of the form: no activity may have it as id.
const RESERVED_ID: &str = "new";

pub(super) fn href(id: &str) -> String {
    format!("/activities/{}", percent_encode(id))
}

/// A kind's label (singular) in `lang`.
fn kind_label(kind: ActivityKind, lang: Lang) -> String {
    vigie_i18n::catalog().text_with(lang, &format!("activity-kind-{}", kind.code()), &[("count", 1.into())])
}

fn domain_label(domain: Domain, lang: Lang) -> String {
    vigie_i18n::catalog().text(lang, &format!("domain-{}", domain.code()))
}

/// The fields of an activity's form: its record's columns, then its
/// further people (a line each).
const FIELDS: [&str; 28] = {
    let mut fields = [PEOPLE; 28];
    let mut index = 0;
    while index < ACTIVITY_COLUMNS.len() {
        fields[index] = ACTIVITY_COLUMNS[index];
        index += 1;
    }
    fields
};

/// The form's field of the further people.
const PEOPLE: &str = "people";

impl Record for Activity {
    const KIND: &'static str = "activity";
    const FIELDS: &'static [&'static str] = &FIELDS;

    fn audited(&self) -> Vec<String> {
        let mut values = self.values().to_vec();
        values.push(people_lines(&self.people));
        values
    }

    fn entity_id(&self) -> String {
        self.id.clone()
    }

    fn saved_page(&self) -> String {
        href(&self.id)
    }

    fn write(&self, store: &mut dyn Store, stored: Option<&Self>, entry: &AuditEntry) -> Result<bool, StoreError> {
        store.save_activity(self, stored, entry)
    }
}

/// The list's parameters.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ListQuery {
    /// Free text over the titles, description, place and counterpart.
    #[serde(default)]
    pub(crate) search: String,
    /// `YYYY` or `YYYY-MM`.
    #[serde(default)]
    pub(crate) period: String,
    #[serde(default)]
    pub(crate) kind: String,
    #[serde(default)]
    pub(crate) domain: String,
    /// A counterpart country's code or name.
    #[serde(default)]
    pub(crate) country: String,
    /// `asc`: oldest first; latest first otherwise.
    #[serde(default)]
    pub(crate) sort: String,
    pub(crate) page: Option<usize>,
}

impl ListQuery {
    /// The activities these parameters select, in their order; `None` when
    /// one of them is wrong.
    pub(crate) fn find(&self, store: &dyn Store) -> Result<Option<Vec<Activity>>, StoreError> {
        let Some(wanted) = self.wanted() else {
            return Ok(None);
        };
        let mut found = matching(store, &wanted)?;
        if self.descending() {
            found.reverse();
        }
        Ok(Some(found))
    }
}

/// The list's filters in domain terms.
struct Wanted {
    filter: ActivityFilter,
    domain: Option<Domain>,
    /// Folded.
    search: Option<String>,
}

/// The first and last days of `YYYY` or `YYYY-MM`.
fn period(text: &str) -> Option<(Date, Date)> {
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        let year: i16 = text.parse().ok()?;
        return Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?));
    }
    Month::parse(text).map(|month| (month.first_day(), month.last_day()))
}

impl ListQuery {
    fn descending(&self) -> bool {
        self.sort != "asc"
    }

    /// The filters, or `None` when one is not understood.
    fn wanted(&self) -> Option<Wanted> {
        let mut filter = ActivityFilter::default();
        if !self.period.trim().is_empty() {
            let (from, to) = period(self.period.trim())?;
            (filter.from, filter.to) = (Some(from), Some(to));
        }
        if !self.kind.trim().is_empty() {
            filter.kinds.push(ActivityKind::parse(&self.kind)?);
        }
        if !self.country.trim().is_empty() {
            filter.country = Some(countries().resolve(&self.country)?.code);
        }
        let domain = match self.domain.trim() {
            "" => None,
            code => Some(Domain::parse(code)?),
        };
        let search = Some(fold(self.search.trim())).filter(|s| !s.is_empty());
        Some(Wanted { filter, domain, search })
    }

    /// The filters as a query string (without page), for links.
    fn query_string(&self, sort: Option<&str>, page: Option<usize>) -> String {
        let page = page.map(|p| p.to_string()).unwrap_or_default();
        listing::query_string(&[
            ("search", &self.search),
            ("period", &self.period),
            ("kind", &self.kind),
            ("domain", &self.domain),
            ("country", &self.country),
            ("sort", sort.unwrap_or(&self.sort)),
            ("page", &page),
        ])
    }
}

/// Whether the activity is of the domain asked and holds the search in a
/// title, its description, place or counterpart (case, accents and Arabic
/// letter variants folded).
fn matches(activity: &Activity, wanted: &Wanted) -> bool {
    if wanted.domain.is_some_and(|d| !activity.domains.contains(&d)) {
        return false;
    }
    let Some(search) = &wanted.search else { return true };
    let country = activity.counterpart_country.and_then(|c| countries().get(c));
    let three = |names: &Names| [names.fr.clone(), names.en.clone(), names.ar.clone()];
    let texts = [
        &activity.title,
        &activity.description,
        &activity.place,
        &activity.counterpart_org,
        &activity.counterpart_title,
    ]
    .into_iter()
    .flat_map(three)
    .chain([activity.counterpart_person.clone(), activity.counterpart_person_ar.clone()])
    .chain(
        activity.people.iter().flat_map(|p| [p.person.clone(), p.person_ar.clone()].into_iter().chain(three(&p.title))),
    );
    texts.into_iter().any(|t| fold(&t).contains(search.as_str()))
        || country.is_some_and(|c| Lang::ALL.iter().any(|l| fold(c.name(*l)).contains(search.as_str())))
}

/// The activities of the filter, in register order (date, highlight, id).
fn matching(store: &dyn Store, wanted: &Wanted) -> Result<Vec<Activity>, StoreError> {
    let mut found = store.activities(&wanted.filter)?;
    found.retain(|a| matches(a, wanted));
    Ok(found)
}

/// An activity's date as read: a day, or a month, and its last day.
fn date_label(activity: &Activity, labels: &Labels) -> String {
    let start = match activity.date_precision {
        DatePrecision::Month => labels.month(activity.month()),
        _ => labels.date(activity.date),
    };
    match activity.end_date {
        Some(end) if end != activity.date => format!("{start} – {}", labels.date(end)),
        _ => start,
    }
}

fn row(activity: &Activity, labels: &Labels) -> Value {
    let lang = labels.lang;
    context! {
        href => href(&activity.id),
        date => date_label(activity, labels),
        kind => kind_label(activity.kind, lang),
        title => activity.title_in(lang),
        place => first_of(&activity.place, lang),
        counterpart => [country_name(activity.counterpart_country, lang), first_of(&activity.counterpart_org, lang).to_string()]
            .into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" · "),
        domains => vigie_i18n::join_list(lang, activity.domains.iter().map(|d| domain_label(*d, lang))),
        highlight => activity.highlight,
    }
}

fn bad_filter() -> Error {
    Error::bad_request("web-activity-error-filter")
}

pub async fn list(
    State(state): State<AppState>,
    user: RequireUser,
    Query(query): Query<ListQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let wanted = query.wanted().ok_or_else(bad_filter)?;
    let mut found = state.read(move |store| matching(store, &wanted)).await?;
    let descending = query.descending();
    if descending {
        found.reverse();
    }
    let labels = Labels::new(lang);
    let pages = Pages::new(query.page, found.len(), PAGE_SIZE);
    let rows: Vec<Value> = found[pages.range(found.len())].iter().map(|a| row(a, &labels)).collect();
    let filters = query.query_string(None, None);
    let me = &user.session.user;
    templates::page(
        "activities.html",
        lang,
        Some(&user.session),
        context! {
            activities => rows,
            total => found.len(),
            pager => pages.values(|n| format!("/activities?{}", query.query_string(None, Some(n)))),
            descending,
            sort_asc => format!("/activities?{}", query.query_string(Some("asc"), None)),
            sort_desc => format!("/activities?{}", query.query_string(Some("desc"), None)),
            export_csv => format!("/activities/export.csv?{filters}"),
            export_jsonl => format!("/activities/export.jsonl?{filters}"),
            export_people => format!("/activities/counterparts.csv?{filters}"),
            can_create => can_write_activities(me),
            q => context! {
                search => query.search, period => query.period, kind => query.kind,
                domain => query.domain, country => query.country,
            },
            kinds => ActivityKind::ALL.iter().map(|k| context! { code => k.code(), label => kind_label(*k, lang) }).collect::<Vec<_>>(),
            domains => Domain::ALL.iter().map(|d| context! { code => d.code(), label => domain_label(*d, lang) }).collect::<Vec<_>>(),
        },
    )
}

#[derive(Clone, Copy)]
enum ExportFormat {
    Csv,
    JsonLines,
}

pub async fn export_csv(state: State<AppState>, user: RequireUser, query: Query<ListQuery>) -> Result<Response, Error> {
    export(state, user, query, ExportFormat::Csv, false).await
}

/// The counterparts file of the filter's activities (their further people).
pub async fn export_people_csv(
    state: State<AppState>,
    user: RequireUser,
    query: Query<ListQuery>,
) -> Result<Response, Error> {
    export(state, user, query, ExportFormat::Csv, true).await
}

pub async fn export_jsonl(
    state: State<AppState>,
    user: RequireUser,
    query: Query<ListQuery>,
) -> Result<Response, Error> {
    export(state, user, query, ExportFormat::JsonLines, false).await
}

/// The activities of the filter in the register's own format (as `vigie
/// export` writes it, read back identically by an import), or their
/// `people` (the counterparts file), recorded in the audit log as `export`.
async fn export(
    State(state): State<AppState>,
    user: RequireUser,
    Query(query): Query<ListQuery>,
    format: ExportFormat,
    people: bool,
) -> Result<Response, Error> {
    let _lang = user.lang;
    let wanted = query.wanted().ok_or_else(bad_filter)?;
    let actor = user.session.user.email.clone();
    let detail = query.query_string(None, None);
    let bytes = state
        .write(move |store| {
            let found = matching(store, &wanted)?;
            let (name, bytes) = match format {
                ExportFormat::Csv if people => {
                    ("counterparts csv", write_people_csv(&found, Vec::new()).map_err(listing::write_error)?)
                }
                ExportFormat::Csv => ("csv", write_csv(&found, Vec::new()).map_err(listing::write_error)?),
                ExportFormat::JsonLines => ("jsonl", write_jsonl(&found, Vec::new()).map_err(listing::write_error)?),
            };
            let entry = AuditEntry::new(jiff::Timestamp::now(), &actor, "export", "activity", None)
                .with_detail(format!("{name} {} activities: {detail}", found.len()));
            store.record_audit(&entry)?;
            Ok(bytes)
        })
        .await?;
    let (content_type, file) = match format {
        ExportFormat::Csv if people => ("text/csv; charset=utf-8", "counterparts.csv"),
        ExportFormat::Csv => ("text/csv; charset=utf-8", "activities.csv"),
        ExportFormat::JsonLines => ("application/jsonl; charset=utf-8", "activities.jsonl"),
    };
    Ok(listing::download(content_type, file, bytes))
}

pub async fn show(State(state): State<AppState>, user: RequireUser, Path(id): Path<String>) -> Result<Response, Error> {
    let lang = user.lang;
    let result = state
        .read(move |store| {
            let Some(activity) = store.activity(&id)? else { return Ok(None) };
            let filter = AuditFilter { entity: Some("activity".into()), entity_id: Some(id), ..AuditFilter::default() };
            Ok(Some((activity, store.audit(&filter)?, store.organisations()?, store.themes()?)))
        })
        .await;
    let (activity, history, organisations, themes) = result?.ok_or_else(Error::not_found)?;
    // each further person: name as written, its Arabic spelling, title and
    // organisation in the page's language (another when that one is empty)
    let people: Vec<Value> = activity
        .people
        .iter()
        .map(|person| {
            let organisation = person.organisation.as_ref().map(|id| {
                let name = organisations.iter().find(|o| &o.id == id).map_or(id.as_str(), |o| o.name_in(lang));
                context! { href => format!("/organisations/{}", percent_encode(id)), name }
            });
            context! {
                person => person.person.clone(),
                person_ar => (person.person_ar != person.person).then(|| person.person_ar.clone()),
                title => first_of(&person.title, lang),
                organisation,
            }
        })
        .collect();
    let labels = Labels::new(lang);
    let text = |id: &str| labels.text(id);
    let shown = [
        ("kind", kind_label(activity.kind, lang)),
        ("date", date_label(&activity, &labels)),
        ("title_fr", activity.title.fr.clone()),
        ("title_en", activity.title.en.clone()),
        ("title_ar", activity.title.ar.clone()),
        ("place_fr", activity.place.fr.clone()),
        ("place_en", activity.place.en.clone()),
        ("place_ar", activity.place.ar.clone()),
        ("counterpart_country", country_name(activity.counterpart_country, lang)),
        ("counterpart_org_fr", activity.counterpart_org.fr.clone()),
        ("counterpart_org_en", activity.counterpart_org.en.clone()),
        ("counterpart_org_ar", activity.counterpart_org.ar.clone()),
        ("counterpart_person", activity.counterpart_person.clone()),
        ("counterpart_person_ar", activity.counterpart_person_ar.clone()),
        ("counterpart_title_fr", activity.counterpart_title.fr.clone()),
        ("counterpart_title_en", activity.counterpart_title.en.clone()),
        ("counterpart_title_ar", activity.counterpart_title.ar.clone()),
        ("domains", vigie_i18n::join_list(lang, activity.domains.iter().map(|d| domain_label(*d, lang)))),
        ("article", activity.article.clone().unwrap_or_default()),
        ("highlight", activity.highlight.map(|h| h.to_string()).unwrap_or_default()),
        ("organisations", activity.organisations.join(", ")),
        (
            "themes",
            vigie_i18n::join_list(
                lang,
                activity.themes.iter().map(|t| vigie_domain::theme::label_of(&themes, t, lang)),
            ),
        ),
    ];
    let fields: Vec<Value> = shown
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(column, value)| {
            // a text of one language is marked as such (read right to left in Arabic)
            let lang_of = ["fr", "en", "ar"].into_iter().find(|code| column.ends_with(&format!("_{code}")));
            context! { label => text(&format!("web-activity-{column}")), value, lang => lang_of }
        })
        .collect();
    templates::page(
        "activity.html",
        lang,
        Some(&user.session),
        context! {
            id => activity.id.clone(),
            title => activity.title_in(lang),
            fields,
            descriptions => [("fr", &activity.description.fr), ("en", &activity.description.en), ("ar", &activity.description.ar)]
                .into_iter()
                .filter(|(_, written)| !written.is_empty())
                .map(|(code, written)| context! { lang => code, label => text(&format!("web-activity-description_{code}")), text => written.clone() })
                .collect::<Vec<_>>(),
            edit => can_edit_activity(&user.session.user, activity.counterpart_country)
                .then(|| format!("{}/edit", href(&activity.id))),
            people,
            history => history::rows(&history),
        },
    )
}

/// The form's values of a stored activity (one value a domain).
pub(super) fn values_of(activity: &Activity) -> Values {
    let mut values = Values::default();
    for (column, value) in ACTIVITY_COLUMNS.iter().zip(activity.values()) {
        if *column != "domains" {
            values.push(column, value);
        }
    }
    for domain in &activity.domains {
        values.push("domains", domain.code());
    }
    values.push(PEOPLE, people_lines(&activity.people));
    // each person's name and title apart, for the translation desk
    for (index, person) in activity.people.iter().enumerate() {
        values.push(&format!("person_{index}"), person.person.clone());
        for (lang, title) in [("fr", &person.title.fr), ("en", &person.title.en), ("ar", &person.title.ar)] {
            values.push(&format!("person_title_{lang}_{index}"), title.clone());
        }
    }
    values
}

/// The stored people with the titles of `values` (`person_title_LANG_N`,
/// as [`values_of`] writes them, a translator's changes in place), each
/// checked as an import checks it; or the problems, on those fields.
pub(super) fn people_with_titles(stored: &Activity, values: &Values) -> Result<Vec<Counterpart>, Vec<FieldError>> {
    let mut people = Vec::new();
    let mut problems = Vec::new();
    for (index, person) in stored.people.iter().enumerate() {
        let mut row: Vec<Option<String>> = person.values(&stored.id).into_iter().map(Some).collect();
        for (at, lang) in [(4, "fr"), (5, "en"), (6, "ar")] {
            row[at] = values.raw(&format!("person_title_{lang}_{index}"));
        }
        match vigie_domain::counterpart::counterpart_of(&row) {
            Ok((_, person)) => people.push(person),
            Err(errors) => problems.extend(errors.into_iter().map(|error| {
                let column = match error.column.strip_prefix("title_") {
                    Some(lang) => format!("person_title_{lang}_{index}"),
                    None => error.column.clone(),
                };
                FieldError { column, ..error }
            })),
        }
    }
    if problems.is_empty() { Ok(people) } else { Err(problems) }
}

/// The record a form's values make, as the validator reads a file's.
pub(super) fn raw_of(values: &Values, id: Option<&str>) -> RawActivity {
    let mut raw = RawActivity::from_values(ACTIVITY_COLUMNS.iter().map(|c| values.raw(c)).collect());
    raw.domains = Some(values.all("domains").join(Domain::SEPARATOR));
    if let Some(id) = id {
        raw.id = Some(id.to_string());
    }
    raw
}

/// The form; `editing` is the id of the activity changed (shown, fixed).
fn form(user: &User, lang: Lang, editing: Option<&str>) -> Form {
    let label = |column: &str| vigie_i18n::catalog().text(lang, &format!("web-activity-{column}"));
    let id = match editing {
        Some(id) => Field::fixed("id", label("id"), id.to_string()),
        None => Field::text("id", label("id")).hint("2023-12-13-chiefs-of-staff-meeting"),
    };
    let kinds = ActivityKind::ALL.iter().map(|k| (k.code().to_string(), kind_label(*k, lang))).collect();
    let domains = Domain::ALL.iter().map(|d| (d.code().to_string(), domain_label(*d, lang))).collect();
    let text = |column: &str| Field::text(column, label(column));
    let activity = vec![
        id,
        Field::select("kind", label("kind"), kinds),
        text("date").hint("YYYY-MM-DD"),
        text("end_date").hint("YYYY-MM-DD"),
        text("title_fr"),
        text("title_en"),
        text("title_ar"),
        text("place_fr"),
        text("place_en"),
        text("place_ar"),
        Field::long("description_fr", label("description_fr")),
        Field::long("description_en", label("description_en")),
        Field::long("description_ar", label("description_ar")),
        Field::checks("domains", label("domains"), domains),
        text("article"),
        text("highlight"),
        text("themes").hint("sahel ; online-recruitment"),
    ];
    let counterpart = vec![
        Field::select(
            "counterpart_country",
            label("counterpart_country"),
            country_choices(lang, |c| can_edit_activity(user, Some(c))),
        ),
        text("counterpart_org_fr"),
        text("counterpart_org_en"),
        text("counterpart_org_ar"),
        text("counterpart_person"),
        text("counterpart_person_ar"),
        text("organisations").hint("gcc ; unodc"),
        text("counterpart_title_fr"),
        text("counterpart_title_en"),
        text("counterpart_title_ar"),
        Field::lines(PEOPLE, label(PEOPLE)).hint("gcc | Khalid Al-Shamsi | خالد الشامسي | Chef | Chief | رئيس"),
    ];
    let (title, action, back) = match editing {
        Some(id) => (label("edit"), format!("{}/edit", href(id)), href(id)),
        None => (label("new"), "/activities".to_string(), "/activities".to_string()),
    };
    Form {
        title,
        action,
        back,
        groups: vec![(Some(label("legend-activity")), activity), (Some(label("legend-counterpart")), counterpart)],
    }
}

fn show_form(
    user: &RequireUser,
    editing: Option<&str>,
    status: StatusCode,
    values: &Values,
    errors: &HashMap<String, String>,
    message: Option<&str>,
) -> Result<Response, Error> {
    let session: &Session = &user.session;
    form(&session.user, user.lang, editing).render(user.lang, session, status, values, errors, message)
}

pub async fn new_form(user: RequireUser) -> Result<Response, Error> {
    if !can_write_activities(&user.session.user) {
        return Err(Error::forbidden());
    }
    show_form(&user, None, StatusCode::OK, &Values::default(), &HashMap::new(), None)
}

/// The ids of the register of organisations, which an activity names.
fn organisation_ids(store: &dyn Store) -> Result<Vec<String>, StoreError> {
    Ok(store.organisations()?.into_iter().map(|o| o.id).collect())
}

/// The form's further people, checked by the rules of an import; or the
/// field's message, each problem with its line.
fn people_of(text: &str, lang: Lang, organisations: &[String]) -> Result<Vec<Counterpart>, Saved> {
    let problems = match people_from_lines(text) {
        Ok(people) => check_people(&people, organisations),
        Err(problems) => problems,
    };
    if problems.is_empty() {
        return Ok(people_from_lines(text).unwrap_or_default());
    }
    let said: Vec<String> = problems
        .iter()
        .map(|(line, error)| {
            let args = [
                ("line", vigie_i18n::Value::from(line.to_string())),
                ("column", vigie_i18n::Value::from(error.column.as_str())),
                ("message", vigie_i18n::Value::from(vigie_i18n::field_error_kind(lang, &error.kind))),
            ];
            vigie_i18n::catalog().text_with(lang, "web-activity-people-problem", &args)
        })
        .collect();
    Err(Saved::Invalid(HashMap::from([(PEOPLE.to_string(), said.join(" · "))]), "web-form-invalid"))
}

/// Validates the form's activity (`people`: its further people, a line
/// each) and checks that `user` may write it; the activity, or what to
/// answer.
fn checked(
    raw: &RawActivity,
    people: &str,
    user: &User,
    lang: Lang,
    organisations: &[String],
) -> Result<Activity, Saved> {
    // a country the user may not write is refused before anything else is
    // said about the form
    if let Some(country) = raw.counterpart_country.as_deref().and_then(|c| countries().resolve(c))
        && !can_edit_activity(user, Some(country.code))
    {
        return Err(Saved::Forbidden);
    }
    let activity = ActivityValidator::new().activity(raw).map_err(|e| Saved::invalid(e, lang))?;
    let unknown = vigie_domain::activity::unknown_organisations(&activity, organisations);
    if !unknown.is_empty() {
        return Err(Saved::invalid(unknown, lang));
    }
    if activity.counterpart_country.is_none() && !can_edit_activity(user, None) {
        return Err(Saved::invalid_on("counterpart_country", lang, "web-activity-error-country"));
    }
    Ok(Activity { people: people_of(people, lang, organisations)?, ..activity })
}

pub async fn create(
    State(state): State<AppState>,
    user: RequireUser,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let me = user.session.user.clone();
    if !can_write_activities(&me) {
        return Err(Error::forbidden());
    }
    let values = Values::from_pairs(pairs);
    let raw = raw_of(&values, None);
    let people = values.raw(PEOPLE).unwrap_or_default();
    let check = move |store: &mut dyn Store| {
        let organisations = organisation_ids(store)?;
        let activity = match checked(&raw, &people, &me, lang, &organisations) {
            Ok(activity) => activity,
            Err(refused) => return Ok(Err(refused)),
        };
        if activity.id == RESERVED_ID {
            return Ok(Err(Saved::invalid_on("id", lang, "web-activity-error-id-new")));
        }
        Ok(Ok((activity, None)))
    };
    save(&state, &user, None, check, |status, errors, message| {
        show_form(&user, None, status, &values, errors, Some(message))
    })
    .await
}

pub async fn edit_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
) -> Result<Response, Error> {
    let stored = state.read(move |store| store.activity(&id)).await?.ok_or_else(Error::not_found)?;
    if !can_edit_activity(&user.session.user, stored.counterpart_country) {
        return Err(Error::forbidden());
    }
    let mut values = values_of(&stored);
    values.push(version::FIELD, stored.fingerprint());
    show_form(&user, Some(&stored.id), StatusCode::OK, &values, &HashMap::new(), None)
}

pub async fn update(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let me = user.session.user.clone();
    let values = Values::from_pairs(pairs);
    // the id is the page's, whatever the form says
    let raw = raw_of(&values, Some(&id));
    let people = values.raw(PEOPLE).unwrap_or_default();
    let target = id.clone();
    let check = move |store: &mut dyn Store| {
        let Some(stored) = store.activity(&target)? else { return Ok(Err(Saved::NotFound)) };
        if !can_edit_activity(&me, stored.counterpart_country) {
            return Ok(Err(Saved::Forbidden));
        }
        let organisations = organisation_ids(store)?;
        Ok(checked(&raw, &people, &me, lang, &organisations).map(|activity| (activity, Some(stored))))
    };
    save(&state, &user, values.get(version::FIELD), check, |status, errors, message| {
        show_form(&user, Some(&id), status, &values, errors, Some(message))
    })
    .await
}
