//! The organisations the coalition works with: the list, and a page per
//! organisation with the cooperation report (`vigie report cooperation`):
//! every activity, agreement and story linked to it, by year. Everyone
//! logged in reads them; the register is imported (`vigie organisations
//! import`).

use axum::extract::{Path, Query, State};
use axum::response::Response;
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::Month;
use vigie_render::Labels;

use crate::auth::RequireUser;
use crate::cookies::percent_encode;
use crate::errors::Error;
use crate::state::AppState;
use crate::templates;

fn href(id: &str) -> String {
    format!("/organisations/{}", percent_encode(id))
}

pub async fn list(State(state): State<AppState>, user: RequireUser) -> Result<Response, Error> {
    let lang = user.lang;
    let (mut organisations, activities) = state
        .read(|store| Ok((store.organisations()?, store.activities(&vigie_store::ActivityFilter::default())?)))
        .await?;
    organisations.sort_by(|a, b| a.name_in(lang).cmp(b.name_in(lang)));
    let labels = Labels::new(lang);
    let rows: Vec<Value> = organisations
        .iter()
        .map(|o| {
            let count = activities.iter().filter(|a| a.names_organisation(&o.id)).count();
            context! {
                id => o.id.clone(),
                href => href(&o.id),
                name => o.name_in(lang).to_string(),
                kind => labels.text(&format!("organisation-kind-{}", o.kind.code())),
                country => o.country.map(|c| labels.country(c)).unwrap_or_default(),
                partner => o.partner.is_some(),
                activities => count,
            }
        })
        .collect();
    templates::page("organisations.html", lang, Some(&user.session), context! { organisations => rows })
}

#[derive(Debug, Default, Deserialize)]
pub struct PeriodQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

pub async fn show(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Query(period): Query<PeriodQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let from = Month::parse(period.from.trim());
    let to = Month::parse(period.to.trim());
    let report =
        state.read(move |store| vigie_report::cooperation(store, &id, from, to)).await?.ok_or_else(Error::not_found)?;
    let labels = Labels::new(lang);
    let count = |n: usize| [("count", vigie_i18n::Value::from(n))];
    let years: Vec<Value> = report
        .years
        .iter()
        .map(|year| {
            context! {
                year => year.year,
                activities_title => labels.text_with("cooperation-activities", &count(year.activities.len())),
                activities => year.activities.iter().map(|a| context! {
                    href => format!("/activities/{}", percent_encode(&a.id)),
                    date => match a.date_precision {
                        vigie_domain::DatePrecision::Day => labels.date(a.date),
                        _ => labels.month(a.month()),
                    },
                    title => a.title_in(lang).to_string(),
                    kind => labels.text_with(&format!("activity-kind-{}", a.kind.code()), &count(1)),
                    domains => a.domains.iter().map(|d| labels.text(&format!("domain-{}", d.code()))).collect::<Vec<_>>(),
                    themes => a.themes.iter().map(|t| context! {
                        code => t.clone(),
                        label => vigie_domain::theme::label_of(&report.themes, t, lang).to_string(),
                    }).collect::<Vec<_>>(),
                    people => a.people_of(&report.organisation.id, lang).into_iter()
                        .map(|(name, title)| context! { name, title }).collect::<Vec<_>>(),
                }).collect::<Vec<_>>(),
                agreements_title => labels.text_with("cooperation-agreements", &count(year.agreements.len())),
                agreements => year.agreements.iter().map(|a| context! {
                    date => a.signed.map(|d| labels.date(d)).unwrap_or_default(),
                    title => vigie_domain::partner::first_of(&a.title, lang).to_string(),
                }).collect::<Vec<_>>(),
                stories_title => labels.text_with("cooperation-stories", &count(year.stories.len())),
                stories => year.stories.iter().map(|s| context! {
                    href => format!("/articles/{}", percent_encode(&s.id)),
                    title => s.preferred(lang).map_or_else(|| s.id.clone(), |v| v.title.clone()),
                }).collect::<Vec<_>>(),
            }
        })
        .collect();
    let undated: Vec<String> =
        report.undated_agreements.iter().map(|a| vigie_domain::partner::first_of(&a.title, lang).to_string()).collect();
    templates::page(
        "organisation.html",
        lang,
        Some(&user.session),
        context! {
            title => vigie_render::cooperation::title(&report, &labels),
            id => report.organisation.id.clone(),
            partner => report.partner.as_ref().map(|p| p.name_in(lang).to_string()),
            partner_href => report.partner.as_ref().map(|p| format!("/partners#partner-{}", p.id)),
            names => vigie_domain::Lang::ALL.iter().map(|l| context! {
                lang => l.code(),
                dir => if l.is_rtl() { "rtl" } else { "ltr" },
                name => report.organisation.name.get(*l).to_string(),
            }).collect::<Vec<_>>(),
            years,
            undated_title => labels.text("cooperation-undated"),
            undated,
            none => labels.text("cooperation-none"),
            from => period.from,
            to => period.to,
        },
    )
}
