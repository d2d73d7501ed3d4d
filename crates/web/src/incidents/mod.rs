//! The incident pages: the list (the command line's filters as GET
//! parameters, free-text search, sorting, pagination, CSV and GeoJSON
//! export; `list.rs`), one incident (fields, sources, review, history;
//! `show.rs`), the form of a new draft and of a change (`form.rs`), the
//! four-eyes review (approve, reject with a comment; `review.rs`), the
//! import of a file (`import.rs`) and the review of an import's drafts
//! (`imports.rs`).
//!
//! Sovereignty is applied here, on the server, row by row:
//! `can_read_incident` decides what a list, an export or a page shows (an
//! incident the user may not read is "not found"), `can_write_incidents`
//! who opens the form and the import at all (`can_import_any_incident`
//! whose import is not held to drafts of their countries),
//! `can_edit_incident` who writes a draft of a country, `can_change_incident` who changes an
//! existing one, `can_approve_draft` who reviews it.

mod form;
pub(crate) mod import;
pub mod imports;
mod list;
pub(crate) mod review;
pub(crate) mod save;
mod show;

pub use form::{create, edit_form, new_form, update};
pub use import::{IMPORT_LIMIT, import_form, import_upload, rejects_file};
pub(crate) use list::{FilterError, ListQuery};
pub use list::{export_csv, export_geojson, list};
pub use review::{approve, reject};
pub use show::show;

use jiff::civil::Date;
use vigie_domain::incident::Column;
use vigie_domain::user::can_read_incident;
use vigie_domain::{AuditEntry, Incident, Status, User};
use vigie_store::{AuditFilter, Store, StoreError};

use crate::cookies::percent_encode;

/// Incidents on one page of the list.
pub const PAGE_SIZE: u64 = 50;

/// The fields of the form, in its order.
const FORM_FIELDS: [Column; 16] = [
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
    Column::KilledLow,
    Column::KilledHigh,
    Column::Wounded,
    Column::Kidnapped,
    Column::Description,
    Column::Sources,
];

fn href(id: &str) -> String {
    format!("/incidents/{}", percent_encode(id))
}

/// Today in UTC, plus a day (as the command line: an incident dated today
/// east of UTC is not in the future).
fn today() -> Date {
    let today = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date();
    today.tomorrow().unwrap_or(today)
}

/// An incident `user` may read, with its workflow and history; `None`
/// when there is none or the user may not read it (the same answer).
pub(crate) type Found = (Incident, vigie_store::Workflow, Vec<AuditEntry>, Vec<User>, vigie_domain::GroupRegister);

pub(crate) fn readable(store: &dyn Store, id: &str, user: &User) -> Result<Option<Found>, StoreError> {
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
    let history = history_for(user, incident.country, history);
    Ok(Some((incident, workflow, history, store.users()?, store.groups()?)))
}

/// An incident's history as `user` may read it: all of it for whoever may
/// read its drafts in every country it had (analysts, its own country's
/// delegates), else only its verified versions (`verified_history`).
fn history_for(user: &User, country: vigie_domain::CountryCode, history: Vec<AuditEntry>) -> Vec<AuditEntry> {
    let countries = history
        .iter()
        .flat_map(|e| e.changes.iter().filter(|c| c.field == "country"))
        .flat_map(|c| [c.before.as_str(), c.after.as_str()])
        .flatten()
        .filter_map(vigie_domain::CountryCode::new);
    let full = std::iter::once(country).chain(countries).all(|c| can_read_incident(user, c, false));
    if full { history } else { vigie_domain::audit::verified_history(&history) }
}
