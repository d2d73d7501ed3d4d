//! The incident pages: the list (the command line's filters as GET
//! parameters, sorting, pagination, CSV and GeoJSON export), one incident
//! (fields, sources, review, history), the form of a new draft, and the
//! four-eyes review (approve, reject with a comment).
//!
//! Sovereignty is applied here, on the server, row by row:
//! `can_read_incident` decides what a list, an export or a page shows (an
//! incident the user may not read is "not found"), `can_edit_incident` who
//! writes a draft of a country, `can_approve` who reviews it.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::incident::Column;
use vigie_domain::user::{can_approve, can_edit_incident, can_read_incident};
use vigie_domain::validate::{RawIncident, Validator, parse_iso_date};
use vigie_domain::{
    AuditEntry, CountryCode, FieldChange, Incident, Lang, Method, Month, Status, Target, User, countries,
};
use vigie_formats::native::{CsvWriter, GeoJsonWriter};
use vigie_render::Labels;
use vigie_store::{AuditFilter, IncidentFilter, Store, StoreError};

use crate::auth::RequireUser;
use crate::cookies::percent_encode;
use crate::errors;
use crate::session::Session;
use crate::state::AppState;
use crate::templates;

/// Incidents on one page of the list.
pub const PAGE_SIZE: u64 = 50;

/// The fields of the form, in its order.
const FORM_FIELDS: [Column; 14] = [
    Column::Date,
    Column::Country,
    Column::Location,
    Column::Admin1,
    Column::Latitude,
    Column::Longitude,
    Column::Perpetrator,
    Column::Target,
    Column::Method,
    Column::Killed,
    Column::Wounded,
    Column::Kidnapped,
    Column::Description,
    Column::Sources,
];

fn page(name: &str, lang: Lang, session: &Session, values: Value) -> Response {
    match templates::render(name, lang, Some(session), values) {
        Ok(html) => html.into_response(),
        Err(e) => errors::internal(lang, e),
    }
}

fn href(id: &str) -> String {
    format!("/incidents/{}", percent_encode(id))
}

/// The list's parameters, as the command line's flags (lists
/// comma-separated).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ListQuery {
    country: Option<String>,
    region: Option<String>,
    from: Option<String>,
    to: Option<String>,
    perpetrator: Option<String>,
    target: Option<String>,
    method: Option<String>,
    status: Option<String>,
    search: Option<String>,
    sort: Option<String>,
    page: Option<u64>,
}

fn nonempty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn items(value: &Option<String>) -> impl Iterator<Item = &str> {
    nonempty(value).into_iter().flat_map(|v| v.split(',')).map(str::trim).filter(|v| !v.is_empty())
}

/// A day, or a month meaning its first (`start`) or last day.
fn day(input: &str, start: bool) -> Option<Date> {
    parse_iso_date(input).or_else(|| Month::parse(input).map(|m| if start { m.first_day() } else { m.last_day() }))
}

impl ListQuery {
    fn descending(&self) -> bool {
        self.sort.as_deref() != Some("asc")
    }

    /// The filters in domain terms, as the command line reads them; the
    /// message id of the first wrong one.
    fn filter(&self, state: &AppState, store: &dyn Store) -> Result<IncidentFilter, &'static str> {
        let mut filter = IncidentFilter::default();
        let listed: Vec<CountryCode> = items(&self.country)
            .map(|c| countries().resolve(c).map(|c| c.code).ok_or("web-error-filter"))
            .collect::<Result<_, _>>()?;
        filter.countries = match nonempty(&self.region) {
            None => listed,
            Some(id) => {
                let region = state.regions.get(id).ok_or("web-error-region")?;
                let members: Vec<CountryCode> = region.members.iter().map(|m| m.country).collect();
                if listed.is_empty() {
                    members
                } else {
                    let both: Vec<CountryCode> = listed.into_iter().filter(|c| members.contains(c)).collect();
                    if both.is_empty() {
                        return Err("web-error-filter");
                    }
                    both
                }
            }
        };
        filter.from = nonempty(&self.from).map(|v| day(v, true).ok_or("web-error-filter")).transpose()?;
        filter.to = nonempty(&self.to).map(|v| day(v, false).ok_or("web-error-filter")).transpose()?;
        if items(&self.perpetrator).next().is_some() {
            let groups = store.groups().map_err(|_| "web-error-internal")?;
            for name in items(&self.perpetrator) {
                filter.perpetrators.push(groups.resolve(name).ok_or("web-error-filter")?.id.clone());
            }
        }
        for code in items(&self.target) {
            filter.targets.push(Target::parse(code).ok_or("web-error-filter")?);
        }
        for code in items(&self.method) {
            filter.methods.push(Method::parse(code).ok_or("web-error-filter")?);
        }
        filter.status = nonempty(&self.status).map(|s| Status::parse(s).ok_or("web-error-filter")).transpose()?;
        filter.search = nonempty(&self.search).map(str::to_string);
        Ok(filter)
    }

    /// The query string of these filters (without page), for links.
    fn query_string(&self, sort: Option<&str>, page: Option<u64>) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let fields = [
            ("country", &self.country),
            ("region", &self.region),
            ("from", &self.from),
            ("to", &self.to),
            ("perpetrator", &self.perpetrator),
            ("target", &self.target),
            ("method", &self.method),
            ("status", &self.status),
            ("search", &self.search),
        ];
        for (name, value) in fields {
            if let Some(value) = nonempty(value) {
                pairs.push((name, value.to_string()));
            }
        }
        if let Some(sort) = sort.or(self.sort.as_deref()).filter(|s| !s.is_empty()) {
            pairs.push(("sort", sort.to_string()));
        }
        if let Some(page) = page {
            pairs.push(("page", page.to_string()));
        }
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    }
}

/// Reads the incidents of `filter` that `user` may read; calls `visit` on
/// each; their number.
fn visible(
    store: &dyn Store,
    filter: &IncidentFilter,
    user: &User,
    visit: &mut dyn FnMut(Incident) -> Result<(), StoreError>,
) -> Result<u64, StoreError> {
    let mut count = 0;
    store.incidents(filter, &mut |incident| {
        if can_read_incident(user, incident.country, incident.status == Status::Verified) {
            count += 1;
            visit(incident)?;
        }
        Ok(())
    })?;
    Ok(count)
}

fn row(incident: &Incident, labels: &Labels, groups: &vigie_domain::GroupRegister) -> Value {
    context! {
        id => incident.id.clone(),
        href => href(&incident.id),
        date => incident.date.to_string(),
        country => labels.country(incident.country),
        location => incident.location.clone(),
        perpetrator => groups.name(&incident.perpetrator, labels.lang),
        target => labels.code("target", incident.target.code()),
        method => labels.code("method", incident.method.code()),
        killed => incident.killed.map(|n| n.to_string()).unwrap_or_default(),
        wounded => incident.wounded.map(|n| n.to_string()).unwrap_or_default(),
        status => incident.status.code(),
        status_label => labels.code("status", incident.status.code()),
    }
}

pub async fn list(State(state): State<AppState>, user: RequireUser, Query(query): Query<ListQuery>) -> Response {
    let lang = user.lang;
    let current = user.session.user.clone();
    let page_number = query.page.unwrap_or(1).max(1);
    let offset = (page_number - 1) * PAGE_SIZE;
    let descending = query.descending();
    let (worker_state, worker_query) = (state.clone(), query.clone());
    let result = state
        .with_store(move |store| {
            let filter = match worker_query.filter(&worker_state, store) {
                Ok(filter) => filter,
                Err(id) => return Ok(Err(id)),
            };
            let groups = store.groups()?;
            // the page's window in date order; a descending list counts first
            let total = if descending { visible(store, &filter, &current, &mut |_| Ok(()))? } else { 0 };
            let (start, end) = if descending {
                (total.saturating_sub(offset + PAGE_SIZE), total.saturating_sub(offset))
            } else {
                (offset, offset + PAGE_SIZE)
            };
            let mut index = 0;
            let mut rows = Vec::new();
            let counted = visible(store, &filter, &current, &mut |incident| {
                if index >= start && index < end {
                    rows.push(incident);
                }
                index += 1;
                Ok(())
            })?;
            if descending {
                rows.reverse();
            }
            Ok(Ok((rows, counted, groups)))
        })
        .await;
    let (incidents, total, groups) = match result {
        Ok(Ok(found)) => found,
        Ok(Err(id)) => return errors::page(lang, StatusCode::BAD_REQUEST, id),
        Err(e) => return errors::internal(lang, e),
    };
    let labels = Labels::new(lang);
    let rows: Vec<Value> = incidents.iter().map(|i| row(i, &labels, &groups)).collect();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let link = |page: u64| format!("/incidents?{}", query.query_string(None, Some(page)));
    let filters = query.query_string(None, None);
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let sort_link = |sort: &str| format!("/incidents?{}", query.query_string(Some(sort), None));
    page(
        "incidents.html",
        lang,
        &user.session,
        context! {
            incidents => rows,
            total,
            page => page_number,
            pages,
            previous => (page_number > 1).then(|| link(page_number - 1)),
            next => (page_number < pages).then(|| link(page_number + 1)),
            export_csv => format!("/incidents/export.csv?{filters}"),
            export_geojson => format!("/incidents/export.geojson?{filters}"),
            sort_asc => sort_link("asc"),
            sort_desc => sort_link("desc"),
            descending,
            can_create => can_create(&user.session.user),
            q => context! {
                country => value(&query.country), region => value(&query.region), from => value(&query.from),
                to => value(&query.to), perpetrator => value(&query.perpetrator), target => value(&query.target),
                method => value(&query.method), status => value(&query.status), search => value(&query.search),
            },
            targets => Target::ALL.iter().map(|t| context! { code => t.code(), label => labels.code("target", t.code()) }).collect::<Vec<_>>(),
            methods => Method::ALL.iter().map(|m| context! { code => m.code(), label => labels.code("method", m.code()) }).collect::<Vec<_>>(),
            statuses => Status::ALL.iter().map(|s| context! { code => s.code(), label => labels.code("status", s.code()) }).collect::<Vec<_>>(),
        },
    )
}

/// Whether `user` may write a draft of some country.
fn can_create(user: &User) -> bool {
    use vigie_domain::Role;
    !user.disabled && matches!(user.role, Role::Admin | Role::Analyst | Role::Delegate)
}

#[derive(Clone, Copy)]
enum ExportFormat {
    Csv,
    GeoJson,
}

pub async fn export_csv(state: State<AppState>, user: RequireUser, query: Query<ListQuery>) -> Response {
    export(state, user, query, ExportFormat::Csv).await
}

pub async fn export_geojson(state: State<AppState>, user: RequireUser, query: Query<ListQuery>) -> Response {
    export(state, user, query, ExportFormat::GeoJson).await
}

fn io_error(error: impl std::error::Error + Send + Sync + 'static) -> StoreError {
    StoreError::Visitor(Box::new(error))
}

async fn export(
    State(state): State<AppState>,
    user: RequireUser,
    Query(query): Query<ListQuery>,
    format: ExportFormat,
) -> Response {
    let lang = user.lang;
    let current = user.session.user.clone();
    let (worker_state, detail) = (state.clone(), query.query_string(None, None));
    let result = state
        .with_store(move |store| {
            let filter = match query.filter(&worker_state, store) {
                Ok(filter) => filter,
                Err(id) => return Ok(Err(id)),
            };
            let (bytes, count) = match format {
                ExportFormat::Csv => {
                    let mut writer = CsvWriter::new(Vec::new()).map_err(io_error)?;
                    let count =
                        visible(store, &filter, &current, &mut |incident| writer.write(&incident).map_err(io_error))?;
                    (writer.finish().map_err(io_error)?, count)
                }
                ExportFormat::GeoJson => {
                    let groups = store.groups()?;
                    let mut writer = GeoJsonWriter::new(Vec::new()).map_err(io_error)?;
                    let count = visible(store, &filter, &current, &mut |incident| {
                        let labels = [
                            ("country_name", countries().name(incident.country, lang)),
                            ("perpetrator_name", groups.name(&incident.perpetrator, lang)),
                            (
                                "target_label",
                                vigie_i18n::catalog().text(lang, &format!("target-{}", incident.target.code())),
                            ),
                            (
                                "method_label",
                                vigie_i18n::catalog().text(lang, &format!("method-{}", incident.method.code())),
                            ),
                        ];
                        writer.write(&incident, &labels).map_err(io_error)
                    })?;
                    (writer.finish().map_err(io_error)?.0, count)
                }
            };
            let name = match format {
                ExportFormat::Csv => "csv",
                ExportFormat::GeoJson => "geojson",
            };
            let entry = AuditEntry::new(jiff::Timestamp::now(), &current.email, "export", "incident", None)
                .with_detail(format!("{name} {count} incidents: {detail}"));
            store.record_audit(&entry)?;
            Ok(Ok(bytes))
        })
        .await;
    let bytes = match result {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(id)) => return errors::page(lang, StatusCode::BAD_REQUEST, id),
        Err(e) => return errors::internal(lang, e),
    };
    let (content_type, file) = match format {
        ExportFormat::Csv => ("text/csv; charset=utf-8", "incidents.csv"),
        ExportFormat::GeoJson => ("application/geo+json", "incidents.geojson"),
    };
    ([(CONTENT_TYPE, content_type), (CONTENT_DISPOSITION, &format!("attachment; filename=\"{file}\""))], bytes)
        .into_response()
}

/// An incident `user` may read, with its workflow and history; `None`
/// when there is none or the user may not read it (the same answer).
type Found = (Incident, vigie_store::Workflow, Vec<AuditEntry>, Vec<User>, vigie_domain::GroupRegister);

fn readable(store: &dyn Store, id: &str, user: &User) -> Result<Option<Found>, StoreError> {
    let Some(incident) = store.incident(id)? else {
        return Ok(None);
    };
    if !can_read_incident(user, incident.country, incident.status == Status::Verified) {
        return Ok(None);
    }
    let workflow = store.incident_workflow(id)?.unwrap_or_default();
    let history = store.audit(&AuditFilter {
        entity: Some("incident".into()),
        entity_id: Some(id.to_string()),
        ..Default::default()
    })?;
    Ok(Some((incident, workflow, history, store.users()?, store.groups()?)))
}

pub async fn show(State(state): State<AppState>, user: RequireUser, Path(id): Path<String>) -> Response {
    let lang = user.lang;
    let current = user.session.user.clone();
    let found = match state.with_store(move |store| readable(store, &id, &current)).await {
        Ok(Some(found)) => found,
        Ok(None) => return errors::page(lang, StatusCode::NOT_FOUND, "web-error-not-found"),
        Err(e) => return errors::internal(lang, e),
    };
    let (incident, workflow, history, users, groups) = found;
    let labels = Labels::new(lang);
    let email = |id: Option<i64>| id.and_then(|id| users.iter().find(|u| u.id == id)).map(|u| u.email.clone());
    let shown = |column: Column| -> String {
        match column {
            Column::Country => labels.country(incident.country),
            Column::Perpetrator => groups.name(&incident.perpetrator, lang),
            Column::Target => labels.code("target", incident.target.code()),
            Column::Method => labels.code("method", incident.method.code()),
            Column::Status => labels.code("status", incident.status.code()),
            Column::DatePrecision => incident.date_precision.code().to_string(),
            other => incident.value(other),
        }
    };
    let fields: Vec<Value> = Column::ALL
        .iter()
        .filter(|c| !matches!(c, Column::Sources | Column::Description))
        .map(|&c| context! { label => labels.text(&format!("web-field-{}", c.name())), value => shown(c) })
        .collect();
    let sources: Vec<String> =
        incident.sources.split(" ; ").map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
    let history: Vec<Value> = history
        .iter()
        .map(|e| {
            context! {
                at => e.at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string(),
                actor => e.actor.clone(),
                action => e.action.clone(),
                changes => e.changes.iter().map(|c| context! {
                    field => c.field.clone(),
                    before => plain(&c.before),
                    after => plain(&c.after),
                }).collect::<Vec<_>>(),
                detail => e.detail.clone(),
            }
        })
        .collect();
    let me = &user.session.user;
    page(
        "incident.html",
        lang,
        &user.session,
        context! {
            id => incident.id.clone(),
            href => href(&incident.id),
            status => incident.status.code(),
            status_label => labels.code("status", incident.status.code()),
            fields,
            description => incident.description.clone(),
            sources,
            author => email(workflow.author_id),
            reviewer => email(workflow.reviewer_id),
            review_comment => workflow.review_comment.clone(),
            can_approve => incident.status == Status::Draft && can_approve(me, workflow.author_id),
            can_reject => can_approve(me, workflow.author_id),
            history,
        },
    )
}

fn plain(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The form's values and the message of each wrong field.
fn form_values(values: &HashMap<String, String>, errors: &HashMap<String, String>, lang: Lang) -> Vec<Value> {
    let labels = Labels::new(lang);
    FORM_FIELDS
        .iter()
        .map(|c| {
            let name = c.name();
            context! {
                name,
                label => labels.text(&format!("web-field-{name}")),
                value => values.get(name).cloned().unwrap_or_default(),
                error => errors.get(name).cloned(),
                long => matches!(c, Column::Description | Column::Sources),
            }
        })
        .collect()
}

fn form_page(
    lang: Lang,
    session: &Session,
    status: StatusCode,
    values: &HashMap<String, String>,
    errors: &HashMap<String, String>,
    message: Option<&str>,
) -> Response {
    let mut response = page(
        "incident_form.html",
        lang,
        session,
        context! {
            fields => form_values(values, errors, lang),
            message => message.map(|id| vigie_i18n::catalog().text(lang, id)),
        },
    );
    *response.status_mut() = status;
    response
}

pub async fn new_form(user: RequireUser) -> Response {
    if !can_create(&user.session.user) {
        return errors::page(user.lang, StatusCode::FORBIDDEN, "web-error-forbidden");
    }
    form_page(user.lang, &user.session, StatusCode::OK, &HashMap::new(), &HashMap::new(), None)
}

enum Created {
    Done(String),
    Invalid(HashMap<String, String>),
    Forbidden,
    Exists,
}

pub async fn create(
    State(state): State<AppState>,
    user: RequireUser,
    Form(values): Form<HashMap<String, String>>,
) -> Response {
    let lang = user.lang;
    if !can_create(&user.session.user) {
        return errors::page(lang, StatusCode::FORBIDDEN, "web-error-forbidden");
    }
    let current = user.session.user.clone();
    let submitted = values.clone();
    let result = state
        .with_store(move |store| {
            let mut raw = RawIncident::default();
            for column in FORM_FIELDS {
                if let Some(value) = submitted.get(column.name()) {
                    raw.set(column, value);
                }
            }
            // the country is checked first: a delegate learns nothing of
            // another country's rules
            if let Some(country) = raw.get(Column::Country).and_then(|c| countries().resolve(c))
                && !can_edit_incident(&current, country.code)
            {
                return Ok(Created::Forbidden);
            }
            let mut validator = Validator::new(store.groups()?, today());
            validator.default_status = Status::Draft;
            let validated = match validator.validate(&raw) {
                Ok(validated) => validated,
                Err(field_errors) => {
                    let mut messages = HashMap::new();
                    for e in field_errors {
                        messages.entry(e.column).or_insert(e.message);
                    }
                    return Ok(Created::Invalid(messages));
                }
            };
            let mut incident = validated.incident;
            incident.status = Status::Draft;
            if !can_edit_incident(&current, incident.country) {
                return Ok(Created::Forbidden);
            }
            let changes: Vec<FieldChange> = Column::ALL
                .iter()
                .map(|&c| (c, incident.value(c)))
                .filter(|(_, v)| !v.is_empty())
                .map(|(c, v)| FieldChange::new(c.name(), serde_json::Value::Null, v))
                .collect();
            let entry = AuditEntry::new(
                jiff::Timestamp::now(),
                &current.email,
                "incident.create",
                "incident",
                Some(&incident.id),
            )
            .with_changes(changes);
            if store.create_incident(&incident, current.id, &entry)? {
                Ok(Created::Done(incident.id))
            } else {
                Ok(Created::Exists)
            }
        })
        .await;
    match result {
        Ok(Created::Done(id)) => Redirect::to(&href(&id)).into_response(),
        Ok(Created::Invalid(messages)) => form_page(
            lang,
            &user.session,
            StatusCode::UNPROCESSABLE_ENTITY,
            &values,
            &messages,
            Some("web-form-invalid"),
        ),
        Ok(Created::Exists) => {
            form_page(lang, &user.session, StatusCode::CONFLICT, &values, &HashMap::new(), Some("web-error-duplicate"))
        }
        Ok(Created::Forbidden) => errors::page(lang, StatusCode::FORBIDDEN, "web-error-forbidden"),
        Err(e) => errors::internal(lang, e),
    }
}

/// Today in UTC, plus a day (as the command line: an incident dated today
/// east of UTC is not in the future).
fn today() -> Date {
    let today = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date();
    today.tomorrow().unwrap_or(today)
}

#[derive(Debug, Default, Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    comment: String,
}

enum Reviewed {
    Done,
    NotFound,
    Forbidden,
    Conflict,
}

pub async fn approve(state: State<AppState>, user: RequireUser, id: Path<String>, form: Form<ReviewForm>) -> Response {
    review(state, user, id, form, Status::Verified).await
}

pub async fn reject(state: State<AppState>, user: RequireUser, id: Path<String>, form: Form<ReviewForm>) -> Response {
    review(state, user, id, form, Status::Draft).await
}

async fn review(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Form(form): Form<ReviewForm>,
    to: Status,
) -> Response {
    let lang = user.lang;
    let comment = form.comment.trim().to_string();
    if to == Status::Draft && comment.is_empty() {
        return errors::page(lang, StatusCode::BAD_REQUEST, "web-error-comment");
    }
    let current = user.session.user.clone();
    let target = id.clone();
    let result = state
        .with_store(move |store| {
            let Some(incident) = store.incident(&target)? else {
                return Ok(Reviewed::NotFound);
            };
            if !can_read_incident(&current, incident.country, incident.status == Status::Verified) {
                return Ok(Reviewed::NotFound);
            }
            let workflow = store.incident_workflow(&target)?.unwrap_or_default();
            if !can_approve(&current, workflow.author_id) {
                return Ok(Reviewed::Forbidden);
            }
            if to == Status::Verified && incident.status == Status::Verified {
                return Ok(Reviewed::Conflict);
            }
            let action = if to == Status::Verified { "incident.approve" } else { "incident.reject" };
            let mut entry = AuditEntry::new(jiff::Timestamp::now(), &current.email, action, "incident", Some(&target))
                .with_changes(vec![FieldChange::new("status", incident.status.code(), to.code())]);
            let comment = (!comment.is_empty()).then_some(comment);
            if let Some(comment) = &comment {
                entry = entry.with_detail(comment.clone());
            }
            store.review_incident(&target, to, current.id, comment.as_deref(), &entry)?;
            Ok(Reviewed::Done)
        })
        .await;
    match result {
        Ok(Reviewed::Done) => Redirect::to(&href(&id)).into_response(),
        Ok(Reviewed::NotFound) => errors::page(lang, StatusCode::NOT_FOUND, "web-error-not-found"),
        Ok(Reviewed::Forbidden) => errors::page(lang, StatusCode::FORBIDDEN, "web-error-forbidden"),
        Ok(Reviewed::Conflict) => errors::page(lang, StatusCode::CONFLICT, "web-error-verified"),
        Err(e) => errors::internal(lang, e),
    }
}
