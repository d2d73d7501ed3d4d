//! The list of incidents: the command line's filters as GET parameters
//! (lists comma-separated), a free-text search, date order either way, 50
//! a page, and the CSV and GeoJSON exports of the same filter (audited).

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::Response;
use jiff::civil::Date;
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::user::{Drafts, can_read_incident, can_write_incidents, readable_drafts};
use vigie_domain::validate::parse_iso_date;
use vigie_domain::{
    AuditEntry, CountryCode, FieldError, FieldErrorKind, Incident, Method, Month, Status, Target, User, countries,
};
use vigie_formats::native::{CsvWriter, GeoJsonWriter};
use vigie_render::Labels;
use vigie_store::{IncidentFilter, Store, StoreError};

use super::{PAGE_SIZE, href};
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::listing::{self, Pages, given, text, write_error};
use crate::state::AppState;
use crate::templates;

/// The list's parameters, as the command line's flags (lists
/// comma-separated).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ListQuery {
    pub(crate) country: Option<String>,
    pub(crate) region: Option<String>,
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
    pub(crate) perpetrator: Option<String>,
    pub(crate) target: Option<String>,
    pub(crate) method: Option<String>,
    pub(crate) status: Option<String>,
    /// Free text in the incident's id, description, places, sources and
    /// perpetrator's names (`q` is also understood).
    #[serde(alias = "q")]
    pub(crate) search: Option<String>,
    pub(crate) sort: Option<String>,
    pub(crate) page: Option<u64>,
}

/// Why a list's parameters select nothing.
#[derive(Debug)]
pub(crate) enum FilterError {
    /// A parameter's value is wrong (`column`: the parameter).
    Field(FieldError),
    /// No such region group.
    Region,
    Store(StoreError),
}

impl FilterError {
    /// The page's message id: what the list and the exports say.
    fn message(&self) -> &'static str {
        match self {
            FilterError::Field(_) => "web-error-filter",
            FilterError::Region => "web-error-region",
            FilterError::Store(_) => "web-error-internal",
        }
    }
}

fn items(value: &Option<String>) -> impl Iterator<Item = &str> {
    given(value).into_iter().flat_map(|v| v.split(',')).map(str::trim).filter(|v| !v.is_empty())
}

/// A day, or a month meaning its first (`start`) or last day.
fn day(input: &str, start: bool) -> Option<Date> {
    parse_iso_date(input).or_else(|| Month::parse(input).map(|m| if start { m.first_day() } else { m.last_day() }))
}

impl ListQuery {
    pub(crate) fn descending(&self) -> bool {
        self.sort.as_deref() != Some("asc")
    }

    /// The filters in domain terms, as the command line reads them; the
    /// first wrong one, named by its parameter.
    pub(crate) fn filter(&self, state: &AppState, store: &dyn Store) -> Result<IncidentFilter, FilterError> {
        let wrong = |name: &str, value: &str, kind| FilterError::Field(FieldError::new(name, kind, value));
        let mut filter = IncidentFilter::default();
        let listed: Vec<CountryCode> = items(&self.country)
            .map(|c| {
                countries()
                    .resolve(c)
                    .map(|c| c.code)
                    .ok_or_else(|| wrong("country", c, FieldErrorKind::UnknownCountry))
            })
            .collect::<Result<_, _>>()?;
        filter.countries = match given(&self.region) {
            None => listed,
            Some(id) => {
                let region = state.regions.get(id).ok_or(FilterError::Region)?;
                region.members_among(listed).ok_or_else(|| {
                    let codes = region.members.iter().map(|m| m.country.as_str()).collect::<Vec<_>>().join(", ");
                    wrong("country", text(&self.country), FieldErrorKind::UnknownCode { codes })
                })?
            }
        };
        let date = |name: &str, value: &Option<String>, start: bool| {
            given(value)
                .map(|v| day(v, start).ok_or_else(|| wrong(name, v, FieldErrorKind::InvalidDayOrMonth)))
                .transpose()
        };
        filter.from = date("from", &self.from, true)?;
        filter.to = date("to", &self.to, false)?;
        if items(&self.perpetrator).next().is_some() {
            let groups = store.groups().map_err(FilterError::Store)?;
            for name in items(&self.perpetrator) {
                let group =
                    groups.resolve(name).ok_or_else(|| wrong("perpetrator", name, FieldErrorKind::UnknownGroup))?;
                filter.perpetrators.push(group.id.clone());
            }
        }
        let codes = |all: Vec<&str>| all.join(", ");
        for code in items(&self.target) {
            let known = codes(Target::ALL.iter().map(|t| t.code()).collect());
            filter.targets.push(
                Target::parse(code)
                    .ok_or_else(|| wrong("target", code, FieldErrorKind::UnknownCode { codes: known }))?,
            );
        }
        for code in items(&self.method) {
            let known = codes(Method::ALL.iter().map(|m| m.code()).collect());
            filter.methods.push(
                Method::parse(code)
                    .ok_or_else(|| wrong("method", code, FieldErrorKind::UnknownCode { codes: known }))?,
            );
        }
        filter.status = given(&self.status)
            .map(|s| {
                let known = codes(Status::ALL.iter().map(|s| s.code()).collect());
                Status::parse(s).ok_or_else(|| wrong("status", s, FieldErrorKind::UnknownCode { codes: known }))
            })
            .transpose()?;
        filter.search = given(&self.search).map(str::to_string);
        Ok(filter)
    }

    /// The query string of these filters (without page), for links.
    fn query_string(&self, sort: Option<&str>, page: Option<usize>) -> String {
        let page = page.map(|p| p.to_string()).unwrap_or_default();
        listing::query_string(&[
            ("country", text(&self.country)),
            ("region", text(&self.region)),
            ("from", text(&self.from)),
            ("to", text(&self.to)),
            ("perpetrator", text(&self.perpetrator)),
            ("target", text(&self.target)),
            ("method", text(&self.method)),
            ("status", text(&self.status)),
            ("search", text(&self.search)),
            ("sort", sort.or(self.sort.as_deref()).unwrap_or_default()),
            ("page", &page),
        ])
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

pub async fn list(
    State(state): State<AppState>,
    user: RequireUser,
    Query(query): Query<ListQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let current = user.session.user.clone();
    let page_number = query.page.unwrap_or(1).max(1);
    // a page past any list is an empty page, not an overflow
    let offset = (page_number - 1).saturating_mul(PAGE_SIZE);
    let descending = query.descending();
    let (worker_state, worker_query) = (state.clone(), query.clone());
    // the version before the reads: a commit during them makes the entry
    // stale at once, never a stale entry look current
    let version = state.content_version().await?;
    let lists = Arc::clone(&state.lists);
    let result = state
        .read(move |store| {
            let mut filter = match worker_query.filter(&worker_state, store) {
                Ok(filter) => filter,
                Err(error) => return Ok(Err(error.message())),
            };
            // the reader's scope, in the query: a page of what they may read
            filter.drafts_of = match readable_drafts(&current) {
                Drafts::All => None,
                Drafts::Of(countries) => Some(countries),
            };
            filter.descending = descending;
            filter.offset = offset;
            filter.limit = Some(PAGE_SIZE);
            let groups = store.groups()?;
            let key = format!("{filter:?}");
            if let Some(found) = lists.get(version, &key) {
                let (rows, total) = found.as_ref().clone();
                return Ok(Ok((rows, total, groups)));
            }
            let total = store.count_incidents(&filter)?;
            let mut rows = Vec::new();
            store.incidents(&filter, &mut |incident| {
                if can_read_incident(&current, incident.country, incident.status == Status::Verified) {
                    rows.push(incident);
                }
                Ok(())
            })?;
            lists.insert(version, key, Arc::new((rows.clone(), total)));
            Ok(Ok((rows, total, groups)))
        })
        .await;
    let (incidents, total, groups) = result?.map_err(Error::bad_request)?;
    let labels = Labels::new(lang);
    let rows: Vec<Value> = incidents.iter().map(|i| row(i, &labels, &groups)).collect();
    let pages = Pages::at(page_number as usize, total as usize, PAGE_SIZE as usize);
    let filters = query.query_string(None, None);
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let sort_link = |sort: &str| format!("/incidents?{}", query.query_string(Some(sort), None));
    templates::page(
        "incidents.html",
        lang,
        Some(&user.session),
        context! {
            incidents => rows,
            total,
            export_csv => format!("/incidents/export.csv?{filters}"),
            export_geojson => format!("/incidents/export.geojson?{filters}"),
            sort_asc => sort_link("asc"),
            sort_desc => sort_link("desc"),
            descending,
            can_create => can_write_incidents(&user.session.user),
            q => context! {
                country => value(&query.country), region => value(&query.region), from => value(&query.from),
                to => value(&query.to), perpetrator => value(&query.perpetrator), target => value(&query.target),
                method => value(&query.method), status => value(&query.status), search => value(&query.search),
            },
            targets => Target::ALL.iter().map(|t| context! { code => t.code(), label => labels.code("target", t.code()) }).collect::<Vec<_>>(),
            methods => Method::ALL.iter().map(|m| context! { code => m.code(), label => labels.code("method", m.code()) }).collect::<Vec<_>>(),
            statuses => Status::ALL.iter().map(|s| context! { code => s.code(), label => labels.code("status", s.code()) }).collect::<Vec<_>>(),
            ..pages.values(|n| format!("/incidents?{}", query.query_string(None, Some(n))))
        },
    )
}

#[derive(Clone, Copy)]
enum ExportFormat {
    Csv,
    GeoJson,
}

pub async fn export_csv(state: State<AppState>, user: RequireUser, query: Query<ListQuery>) -> Result<Response, Error> {
    export(state, user, query, ExportFormat::Csv).await
}

pub async fn export_geojson(
    state: State<AppState>,
    user: RequireUser,
    query: Query<ListQuery>,
) -> Result<Response, Error> {
    export(state, user, query, ExportFormat::GeoJson).await
}

async fn export(
    State(state): State<AppState>,
    user: RequireUser,
    Query(query): Query<ListQuery>,
    format: ExportFormat,
) -> Result<Response, Error> {
    let lang = user.lang;
    let current = user.session.user.clone();
    let (worker_state, detail) = (state.clone(), query.query_string(None, None));
    let result = state
        .write(move |store| {
            let filter = match query.filter(&worker_state, store) {
                Ok(filter) => filter,
                Err(error) => return Ok(Err(error.message())),
            };
            let (bytes, count) = match format {
                ExportFormat::Csv => {
                    let mut writer = CsvWriter::new(Vec::new()).map_err(write_error)?;
                    let count = visible(store, &filter, &current, &mut |incident| {
                        writer.write(&incident).map_err(write_error)
                    })?;
                    (writer.finish().map_err(write_error)?, count)
                }
                ExportFormat::GeoJson => {
                    let groups = store.groups()?;
                    let mut writer = GeoJsonWriter::new(Vec::new()).map_err(write_error)?;
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
                        writer.write(&incident, &labels).map_err(write_error)
                    })?;
                    (writer.finish().map_err(write_error)?.0, count)
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
    let bytes = result?.map_err(Error::bad_request)?;
    let (content_type, file) = match format {
        ExportFormat::Csv => ("text/csv; charset=utf-8", "incidents.csv"),
        ExportFormat::GeoJson => ("application/geo+json", "incidents.geojson"),
    };
    Ok(listing::download(content_type, file, bytes))
}
