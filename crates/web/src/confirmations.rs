//! Member states confirm their figures: where each country of a region
//! stands for a month (the dashboard and the bulletin composer show it),
//! and the form by which a delegate confirms or disputes their own
//! country's figures (`can_confirm_figures`). A verdict is given on the
//! incidents the delegate saw: if they changed meanwhile, it is refused
//! (409) and the page shows the new figures.

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::confirmation::{ConfirmationStatus, MAX_COMMENT, Verdict};
use vigie_domain::user::can_confirm_figures;
use vigie_domain::{AuditEntry, CountryCode, Lang, Month, User};
use vigie_render::Labels;
use vigie_store::{Confirmation, ConfirmationState, StoreError};

use crate::auth::RequireUser;
use crate::errors::Error;
use crate::state::AppState;

/// The states of `countries` for `month`.
pub async fn states(
    state: &AppState,
    month: Month,
    countries: Vec<CountryCode>,
) -> Result<Vec<ConfirmationState>, StoreError> {
    state.read(move |store| store.confirmations(month, &countries)).await
}

/// What a page shows of the states: a row a country, with the form for the
/// delegate who may give a verdict.
pub fn values(states: &[ConfirmationState], month: Month, user: Option<&User>, lang: Lang, back: String) -> Value {
    let labels = Labels::new(lang);
    let rows: Vec<Value> = states
        .iter()
        .map(|state| {
            let last = state.last.as_ref();
            let given = last.map(|c| {
                let date = c.at.to_zoned(jiff::tz::TimeZone::UTC).date();
                labels.text_with("confirm-given", &[("by", c.by.clone().into()), ("date", labels.date(date).into())])
            });
            // a verdict undone by a change since is said so
            let undone = last.is_some() && state.status == ConfirmationStatus::NotConfirmed;
            context! {
                country => state.country.as_str(),
                name => labels.country(state.country),
                status => state.status.code(),
                status_label => labels.text(&format!("confirm-status-{}", state.status.code())),
                given,
                undone,
                comment => last.map(|c| c.comment.clone()).filter(|c| !c.is_empty()),
                form => user.is_some_and(|u| can_confirm_figures(u, state.country)),
                fingerprint => state.fingerprint.clone(),
            }
        })
        .collect();
    let title = labels.text_with("confirm-title", &[("month", labels.month(month).into())]);
    context! { month => month.to_string(), title, rows, back }
}

#[derive(Debug, Deserialize)]
pub struct VerdictForm {
    country: String,
    month: String,
    fingerprint: String,
    verdict: String,
    #[serde(default)]
    comment: String,
    /// Where to go back to (a dashboard address).
    #[serde(default)]
    back: String,
}

/// Records a delegate's verdict; back to the page it was given on.
pub async fn record(
    State(state): State<AppState>,
    user: RequireUser,
    Form(form): Form<VerdictForm>,
) -> Result<Response, Error> {
    let country = CountryCode::new(form.country.trim()).ok_or(Error::bad_request("web-error-filter"))?;
    if !can_confirm_figures(&user.session.user, country) {
        return Err(Error::forbidden());
    }
    let month = Month::parse(form.month.trim()).ok_or(Error::bad_request("web-error-month"))?;
    let verdict = Verdict::parse(&form.verdict).ok_or(Error::bad_request("web-error-filter"))?;
    let comment = form.comment.trim().to_string();
    if comment.chars().count() > MAX_COMMENT || vigie_domain::text::forbidden_character(&comment, true).is_some() {
        return Err(Error::bad_request("confirm-error-comment"));
    }
    if verdict == Verdict::Disputed && comment.is_empty() {
        return Err(Error::bad_request("confirm-error-dispute"));
    }
    let email = user.session.user.email.clone();
    let now = jiff::Timestamp::now();
    let confirmation = Confirmation {
        country,
        month,
        verdict,
        comment,
        fingerprint: form.fingerprint.clone(),
        by: email.clone(),
        at: now,
    };
    let recorded = state
        .write(move |store| {
            let action = match confirmation.verdict {
                Verdict::Confirmed => "figures.confirm",
                Verdict::Disputed => "figures.dispute",
            };
            let entry = AuditEntry::new(now, &email, action, "figures", Some(&format!("{country} {month}")))
                .with_detail(if confirmation.comment.is_empty() {
                    confirmation.fingerprint.clone()
                } else {
                    format!("{}: {}", confirmation.fingerprint, confirmation.comment)
                });
            store.record_confirmation(&confirmation, &entry)
        })
        .await?;
    if !recorded {
        return Err(Error::new(StatusCode::CONFLICT, "confirm-error-changed"));
    }
    // only an address of this site's dashboard, of visible ASCII (a
    // header value)
    let back = if form.back.starts_with("/dashboard?")
        && !form.back.contains("//")
        && form.back.len() <= 512
        && form.back.bytes().all(|b| b.is_ascii_graphic())
    {
        form.back
    } else {
        "/dashboard".to_string()
    };
    Ok(Redirect::to(&back).into_response())
}
