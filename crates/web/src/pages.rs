//! The pages and the API: public home, dashboard (and its JSON).
//! Statistics are of verified incidents only (drafts follow per-country
//! rules that aggregate views do not apply yet).

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::region::{RegionGroup, Regions};
use vigie_domain::{Lang, Month};
use vigie_render::{Labels, monthly};
use vigie_report::Counting;
use vigie_store::StoreError;

use crate::auth::{CurrentUser, RequireUser};
use crate::cache::Report;
use crate::errors::Error;
use crate::state::AppState;
use crate::templates;

/// The region shown when none is asked for.
const DEFAULT_REGION: &str = "g5-sahel";

pub async fn stylesheet() -> Response {
    (
        [(CONTENT_TYPE, "text/css; charset=utf-8"), (CACHE_CONTROL, "public, max-age=31536000, immutable")],
        templates::CSS,
    )
        .into_response()
}

fn default_region(regions: &Regions) -> Option<&RegionGroup> {
    regions.get(DEFAULT_REGION).or_else(|| regions.iter().next())
}

/// The report of `region` for `month`, or for the latest month with
/// verified incidents; `None` when the region has none. Computed once per
/// data version (`cache.rs`): the dashboard's JSON is asked for far more
/// often than incidents change.
pub(crate) async fn report(
    state: &AppState,
    region: String,
    month: Option<Month>,
) -> Result<Option<Arc<Report>>, StoreError> {
    let key = (region, month);
    // the version before the reads: a commit during them makes the entry
    // stale at once, never a stale entry look current
    let version = state.content_version().await?;
    if let Some(found) = state.reports.get(version, &key) {
        return Ok(found);
    }
    let regions = Arc::clone(&state.regions);
    let (region, month) = key.clone();
    let report = state
        .read(move |store| {
            let Some(group) = regions.get(&region) else {
                return Ok(None);
            };
            let month = match month {
                Some(month) => month,
                None => {
                    let countries: Vec<_> = group.members.iter().map(|m| m.country).collect();
                    match store.latest_incident_date(&countries, false)? {
                        Some(date) => Month::of(date),
                        None => return Ok(None),
                    }
                }
            };
            let groups = store.groups()?;
            let report = vigie_report::monthly(store, &groups, group, month, Counting::default())?;
            // a published month whose figures changed since: marked
            let revised = vigie_report::revisions::revised_month(store, group, &report)?;
            Ok(Some(Arc::new(Report::new(report, revised, groups))))
        })
        .await?;
    state.reports.insert(version, key, report.clone());
    Ok(report)
}

/// What the monthly template shows of a report.
fn report_values(shown: &Report, lang: Lang, charts: bool) -> Value {
    let report = &shown.model;
    let labels = Labels::new(lang);
    let revised = shown.revised.as_ref().map(|month| {
        let lines: Vec<Value> = vigie_render::revisions::lines(month, &labels, &shown.groups)
            .into_iter()
            .map(|line| context! { figure => line.figure, published => line.published, current => line.current, incidents => line.incidents })
            .collect();
        context! {
            title => labels.text("revisions-title"),
            heading => vigie_render::revisions::heading(month, &labels),
            figure_label => labels.text("revisions-col-figure"),
            published_label => labels.text("revisions-col-published"),
            current_label => labels.text("revisions-col-current"),
            incidents_label => labels.text("revisions-col-incidents"),
            lines,
        }
    });
    let table = monthly::table(report, &labels);
    let (head, body) = table.split_at(2.min(table.len()));
    let svgs: Vec<Value> = if charts {
        // the chart renderer escapes every text it draws
        vigie_render::charts::monthly_charts(report, &labels).iter().map(|c| Value::from_safe_string(c.svg())).collect()
    } else {
        Vec::new()
    };
    context! {
        title => monthly::title(report, &labels),
        summary => monthly::summary(report, &labels),
        head => head.to_vec(),
        // a country's row carries its ISO code: a hook for scripts and
        // tests that does not change with the language (the total has none)
        body => body.iter().enumerate().map(|(index, cells)| {
            let country = report.countries.get(index).map(|row| row.country.as_str());
            // on the dashboard each figure opens the incidents behind it
            let links: Vec<Option<String>> = if charts {
                let (table, key) = match country { Some(code) => ("countries", code), None => ("total", "") };
                let link = |period: &str| Some(format!(
                    "/dashboard/explain?region={}&month={}&table={table}&key={key}&period={period}",
                    report.region, report.month
                ));
                vec![None, link("previous"), link("current"), link("previous"), link("current")]
            } else {
                Vec::new()
            };
            context! { country, cells, links }
        }).collect::<Vec<_>>(),
        notes => monthly::notes(report, &labels),
        charts => svgs,
        revised,
    }
}

pub async fn home(State(state): State<AppState>, current: CurrentUser) -> Result<Response, Error> {
    let lang = current.lang;
    let region = default_region(&state.regions).map(|r| r.id.clone()).unwrap_or_default();
    let report = report(&state, region, None).await?;
    let monthly = report.as_ref().map(|r| report_values(r, lang, false));
    let organisation = state.config.organisation(lang).map(str::to_string);
    let bulletins = crate::bulletins::published(&state, lang).await?;
    templates::page("home.html", lang, current.session.as_ref(), context! { monthly, organisation, bulletins })
}

#[derive(Debug, Deserialize)]
pub struct DashboardQuery {
    region: Option<String>,
    month: Option<String>,
}

/// The region id and month asked for, checked.
fn selection(state: &AppState, query: &DashboardQuery) -> Result<(String, Option<Month>), Error> {
    let unknown = || Error::bad_request("web-error-region");
    let region = match query.region.as_deref().filter(|r| !r.is_empty()) {
        Some(id) if state.regions.get(id).is_some() => id.to_string(),
        Some(_) => return Err(unknown()),
        None => default_region(&state.regions).map(|r| r.id.clone()).ok_or_else(unknown)?,
    };
    let month = match query.month.as_deref().filter(|m| !m.is_empty()) {
        Some(text) => Some(Month::parse(text).ok_or(Error::bad_request("web-error-month"))?),
        None => None,
    };
    Ok((region, month))
}

pub async fn dashboard(
    State(state): State<AppState>,
    user: RequireUser,
    Query(query): Query<DashboardQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let (region, month) = selection(&state, &query)?;
    let report = report(&state, region.clone(), month).await?;
    let labels = Labels::new(lang);
    let regions: Vec<Value> = state
        .regions
        .iter()
        .map(|r| context! { id => r.id.clone(), name => labels.names(&r.name).to_string(), selected => r.id == region })
        .collect();
    let month = report.as_ref().map(|r| r.model.month).or(month).map(|m| m.to_string()).unwrap_or_default();
    let monthly = report.as_ref().map(|r| report_values(r, lang, true));
    let figures = match report.as_ref().map(|r| (r.model.region.clone(), r.model.month)) {
        Some((region, month)) => trend_and_map(&state, region, month, &labels).await?,
        None => Vec::new(),
    };
    let confirmations = match report.as_ref() {
        Some(report) => {
            let countries: Vec<_> = report.model.countries.iter().map(|row| row.country).collect();
            let states = crate::confirmations::states(&state, report.model.month, countries).await?;
            let back = format!("/dashboard?region={}&month={}", report.model.region, report.model.month);
            Some(crate::confirmations::values(&states, report.model.month, Some(&user.session.user), lang, back))
        }
        None => None,
    };
    templates::page(
        "dashboard.html",
        lang,
        Some(&user.session),
        context! { regions, month, monthly, figures, confirmations },
    )
}

/// The dashboard's twelve-month trend chart and map of the month's
/// incidents, as SVG (the renderers escape every text they draw).
async fn trend_and_map(
    state: &AppState,
    region: String,
    month: Month,
    labels: &Labels,
) -> Result<Vec<Value>, StoreError> {
    let regions = Arc::clone(&state.regions);
    let models = state
        .read(move |store| {
            let Some(group) = regions.get(&region) else {
                return Ok(None);
            };
            let trend = vigie_report::trend(store, group, month, 12, Counting::default())?;
            let map = vigie_report::incident_map(store, group, month, Counting::default())?;
            Ok(Some((trend, map)))
        })
        .await?;
    Ok(models.map_or_else(Vec::new, |(trend, map)| {
        vec![
            Value::from_safe_string(vigie_render::charts::trend_chart(&trend, labels)),
            Value::from_safe_string(vigie_render::charts::incident_map(&map, labels)),
        ]
    }))
}

pub async fn dashboard_json(
    State(state): State<AppState>,
    _user: RequireUser,
    Query(query): Query<DashboardQuery>,
) -> Result<Response, Error> {
    let (region, month) = selection(&state, &query)?;
    match report(&state, region, month).await? {
        Some(report) => Ok(([(CONTENT_TYPE, "application/json")], report.json.clone()).into_response()),
        None => Err(Error::new(StatusCode::NOT_FOUND, "web-no-data")),
    }
}

#[derive(Debug, Deserialize)]
pub struct ExplainQuery {
    region: Option<String>,
    month: Option<String>,
    /// `countries` or `total`.
    table: Option<String>,
    key: Option<String>,
    /// `previous` or `current`.
    period: Option<String>,
}

/// The incidents behind one figure of the monthly table, with their sum
/// (which is the figure).
pub async fn explain(
    State(state): State<AppState>,
    user: RequireUser,
    Query(query): Query<ExplainQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let (region, month) =
        selection(&state, &DashboardQuery { region: query.region.clone(), month: query.month.clone() })?;
    let month = month.ok_or(Error::bad_request("web-error-month"))?;
    let previous = match query.period.as_deref() {
        Some("previous") => true,
        Some("current") | None => false,
        Some(_) => return Err(Error::bad_request("web-error-filter")),
    };
    let country = match (query.table.as_deref(), query.key.as_deref()) {
        (Some("total") | None, _) => None,
        (Some("countries"), Some(key)) => {
            Some(vigie_domain::CountryCode::new(key).ok_or(Error::bad_request("web-error-filter"))?)
        }
        _ => return Err(Error::bad_request("web-error-filter")),
    };
    let regions = Arc::clone(&state.regions);
    let found = state
        .read(move |store| {
            let Some(group) = regions.get(&region) else {
                return Ok(None);
            };
            let groups = store.groups()?;
            let report = vigie_report::monthly(store, &groups, group, month, Counting::default())?;
            let explanation = vigie_report::Explanation::of(store, group, &report, Counting::default())?;
            Ok(Some((report, explanation, groups)))
        })
        .await?;
    let (report, explanation, groups) = found.ok_or_else(Error::not_found)?;
    if country.is_some_and(|c| !report.countries.iter().any(|row| row.country == c)) {
        return Err(Error::not_found());
    }
    let labels = Labels::new(lang);
    let (list, shown_month) =
        if previous { (&explanation.previous, report.previous_month) } else { (&explanation.current, report.month) };
    let incidents: Vec<&vigie_report::Counted> =
        list.iter().filter(|i| country.is_none_or(|c| i.country == c.as_str())).collect();
    let victims: u64 = incidents.iter().map(|i| i.victims()).sum();
    let row = country.map_or_else(|| labels.text("report-total"), |c| labels.country(c));
    let figure = |value: Option<u32>| value.map_or_else(String::new, |n| labels.number(u64::from(n)));
    let rows: Vec<Value> = incidents
        .iter()
        .map(|i| {
            context! {
                id => i.id.clone(),
                href => format!("/incidents/{}", i.id),
                date => i.date.clone(),
                place => [i.location.as_str(), i.admin1.as_str()].iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(", "),
                perpetrator => groups.name(&i.perpetrator, lang),
                killed => i.killed.map_or_else(String::new, |n| labels.victims(u64::from(n), i.killed_range())),
                wounded => figure(i.wounded),
                kidnapped => figure(i.kidnapped),
                sources => i.sources.clone(),
            }
        })
        .collect();
    let heading = labels.text_with(
        "explain-row",
        &[
            ("row", row.into()),
            ("month", labels.month(shown_month).into()),
            ("operations", (incidents.len() as u64).into()),
            ("victims", victims.into()),
        ],
    );
    let back = format!("/dashboard?region={}&month={}", report.region, report.month);
    let notes = monthly::notes(&report, &labels);
    templates::page(
        "explain.html",
        lang,
        Some(&user.session),
        context! { heading, rows, operations => labels.number(incidents.len() as u64), victims => labels.number(victims), back, notes },
    )
}
