//! `/audit`, for administrators: the audit log, latest first, filtered by
//! actor, record (kind and id), action and a range of days (UTC), 100
//! entries a page.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use minijinja::context;
use serde::Deserialize;
use vigie_domain::validate::parse_iso_date;
use vigie_store::AuditFilter;

use crate::auth::RequireAdmin;
use crate::errors::Error;
use crate::history;
use crate::listing::{self, given, text};
use crate::templates;

/// Entries on one page.
pub const PAGE_SIZE: u64 = 100;

#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    actor: Option<String>,
    entity: Option<String>,
    entity_id: Option<String>,
    action: Option<String>,
    /// The id of the API token the changes came through.
    token: Option<String>,
    /// First day, `YYYY-MM-DD` (UTC).
    from: Option<String>,
    /// Last day, `YYYY-MM-DD` (UTC), included.
    to: Option<String>,
    page: Option<u64>,
}

fn nonempty(value: &Option<String>) -> Option<String> {
    given(value).map(str::to_string)
}

/// The start of a day in UTC.
fn start(date: Date) -> Option<Timestamp> {
    date.to_zoned(TimeZone::UTC).ok().map(|z| z.timestamp())
}

impl AuditQuery {
    /// The filter of these parameters (without the page's window); the
    /// message of each wrong field.
    fn filter(&self) -> Result<AuditFilter, HashMap<&'static str, &'static str>> {
        let mut wrong = HashMap::new();
        let mut day = |name: &'static str, value: &Option<String>, next: bool| {
            let text = nonempty(value)?;
            let date = parse_iso_date(&text).and_then(|d| if next { d.tomorrow().ok() } else { Some(d) });
            match date.and_then(start) {
                Some(at) => Some(at),
                None => {
                    wrong.insert(name, "web-audit-error-date");
                    None
                }
            }
        };
        let from = day("from", &self.from, false);
        let to = day("to", &self.to, true);
        let token = match nonempty(&self.token) {
            None => None,
            Some(text) => match text.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => {
                    wrong.insert("token", "web-audit-error-token");
                    None
                }
            },
        };
        if !wrong.is_empty() {
            return Err(wrong);
        }
        Ok(AuditFilter {
            actor: nonempty(&self.actor),
            entity: nonempty(&self.entity),
            entity_id: nonempty(&self.entity_id),
            action: nonempty(&self.action),
            token_id: token,
            from,
            to,
            limit: None,
            offset: None,
        })
    }

    /// The query string of these filters and `page`, for links.
    fn link(&self, page: u64) -> String {
        format!(
            "/audit?{}",
            listing::query_string(&[
                ("actor", text(&self.actor)),
                ("entity", text(&self.entity)),
                ("entity_id", text(&self.entity_id)),
                ("action", text(&self.action)),
                ("token", text(&self.token)),
                ("from", text(&self.from)),
                ("to", text(&self.to)),
                ("page", &page.to_string()),
            ])
        )
    }
}

pub async fn list(
    State(state): State<crate::state::AppState>,
    admin: RequireAdmin,
    Query(query): Query<AuditQuery>,
) -> Result<Response, Error> {
    let lang = admin.lang;
    let page = query.page.unwrap_or(1).max(1);
    let (entries, errors, status) = match query.filter() {
        Ok(mut filter) => {
            // one more than a page: whether there is a next one
            filter.limit = Some(PAGE_SIZE + 1);
            filter.offset = Some((page - 1).saturating_mul(PAGE_SIZE));
            (state.read(move |store| store.audit(&filter)).await?, HashMap::new(), StatusCode::OK)
        }
        Err(wrong) => (Vec::new(), wrong, StatusCode::BAD_REQUEST),
    };
    let more = entries.len() as u64 > PAGE_SIZE;
    let rows = history::rows(&entries[..entries.len().min(PAGE_SIZE as usize)]);
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let error = |name: &str| errors.get(name).map(|id| vigie_i18n::catalog().text(lang, id));
    let values = context! {
        entries => rows,
        q => context! {
            actor => value(&query.actor), entity => value(&query.entity), entity_id => value(&query.entity_id),
            action => value(&query.action), token => value(&query.token),
            from => value(&query.from), to => value(&query.to),
        },
        errors => context! { from => error("from"), to => error("to"), token => error("token") },
        page,
        previous => (page > 1).then(|| query.link(page - 1)),
        next => more.then(|| query.link(page + 1)),
    };
    Ok((status, templates::render("audit.html", lang, Some(&admin.session), values)?).into_response())
}
