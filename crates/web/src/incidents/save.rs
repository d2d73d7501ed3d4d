//! Writing an incident, one flow for every door that writes one (the form,
//! the API): a new draft, or a change of an existing incident bound to the
//! version its writer read. The rules are the domain's: `can_write_incidents`
//! to write at all, `can_edit_incident` for the country named (checked
//! before anything else, so that a delegate learns nothing of another
//! country's rules) and the country the values make, `can_change_incident`
//! for the incident changed; the values are checked by its `Validator`.
//! A change makes the incident a draft again; a change that changes
//! nothing writes nothing. Each write carries its audit entry, in the
//! store's transaction.

use vigie_domain::incident::Column;
use vigie_domain::user::{can_change_incident, can_edit_incident, can_read_incident};
use vigie_domain::validate::{RawIncident, Validator};
use vigie_domain::{AuditEntry, FieldError, Incident, Status, User, countries};
use vigie_store::{Store, StoreError};

use super::today;
use crate::version;

/// The values a writer gave, by column; a column not given keeps its
/// stored value (a change) or is empty (a new draft).
pub(crate) type Given = Vec<(Column, String)>;

/// What became of a write.
pub(crate) enum Saved {
    /// Written (or, for a change that changed nothing, left as it was):
    /// the incident as stored now.
    Done(Box<Incident>),
    Invalid(Vec<FieldError>),
    Forbidden,
    /// No such incident, or one the writer may not read (the same).
    NotFound,
    /// A new incident with these values, or this id, exists already.
    Duplicate,
    /// A change started from a version that is no longer the stored one.
    Stale,
}

/// The fingerprint of an incident's version: what a form carries and the
/// API's `ETag` is.
pub(crate) fn fingerprint(incident: &Incident) -> String {
    version::fingerprint(incident.values())
}

/// Whether the country `raw` names, if it names one, is the writer's.
fn named_country_allowed(raw: &RawIncident<'_>, user: &User) -> bool {
    raw.get(Column::Country).and_then(|c| countries().resolve(c)).is_none_or(|c| can_edit_incident(user, c.code))
}

/// A new draft of `user` with the values `given`.
pub(crate) fn create(store: &mut dyn Store, user: &User, given: &Given) -> Result<Saved, StoreError> {
    let mut raw = RawIncident::default();
    for (column, value) in given {
        raw.set(*column, value);
    }
    if !named_country_allowed(&raw, user) {
        return Ok(Saved::Forbidden);
    }
    let mut validator = Validator::new(store.groups()?, today());
    validator.default_status = Status::Draft;
    let mut incident = match validator.validate(&raw) {
        Ok(validated) => validated.incident,
        Err(errors) => return Ok(Saved::Invalid(errors)),
    };
    incident.status = Status::Draft;
    if !can_edit_incident(user, incident.country) {
        return Ok(Saved::Forbidden);
    }
    let entry = AuditEntry::new(jiff::Timestamp::now(), &user.email, "incident.create", "incident", Some(&incident.id))
        .with_changes(incident.changes_from(None));
    if store.create_incident(&incident, user.id, &entry)? {
        Ok(Saved::Done(Box::new(incident)))
    } else {
        Ok(Saved::Duplicate)
    }
}

/// The incident `id` if `user` may change it: else what to answer (not
/// found when they may not even read it).
pub(crate) fn changeable(store: &dyn Store, id: &str, user: &User) -> Result<Result<Incident, Saved>, StoreError> {
    let Some(incident) = store.incident(id)? else {
        return Ok(Err(Saved::NotFound));
    };
    let verified = incident.status == Status::Verified;
    if !can_read_incident(user, incident.country, verified) {
        return Ok(Err(Saved::NotFound));
    }
    if !can_change_incident(user, incident.country, verified) {
        return Ok(Err(Saved::Forbidden));
    }
    Ok(Ok(incident))
}

/// A change by `user` of the incident `id` to the values `given`, checked
/// and not written: the stored incident and the changed one, or what to
/// answer (the refusals of [`change`] but `Stale`).
pub(crate) fn prepare_change(
    store: &dyn Store,
    user: &User,
    id: &str,
    given: &Given,
) -> Result<Result<(Incident, Incident), Saved>, StoreError> {
    let stored = match changeable(store, id, user)? {
        Ok(stored) => stored,
        Err(refused) => return Ok(Err(refused)),
    };
    // the stored values, those given replacing theirs
    let stored_values = stored.values();
    let mut raw = RawIncident::default();
    for (column, value) in Column::ALL.iter().zip(&stored_values) {
        raw.set(*column, value);
    }
    for (column, value) in given {
        raw.set(*column, value);
    }
    if !named_country_allowed(&raw, user) {
        return Ok(Err(Saved::Forbidden));
    }
    let changed = match Validator::new(store.groups()?, today()).validate(&raw) {
        Ok(validated) => validated.incident,
        Err(errors) => return Ok(Err(Saved::Invalid(errors))),
    };
    if !can_edit_incident(user, changed.country) {
        return Ok(Err(Saved::Forbidden));
    }
    Ok(Ok((stored, changed)))
}

/// A change by `user` of the incident `id`, as it was at `version` (its
/// fingerprint when the writer read it), to the values `given`: the values
/// are checked first, then the version. Also whether the stored incident
/// was verified, when it could be read.
pub(crate) fn change(
    store: &mut dyn Store,
    user: &User,
    id: &str,
    version: Option<&str>,
    given: &Given,
) -> Result<(Saved, Option<bool>), StoreError> {
    let (stored, mut changed) = match prepare_change(store, user, id, given)? {
        Ok(both) => both,
        Err(Saved::NotFound) => return Ok((Saved::NotFound, None)),
        Err(refused) => {
            let verified = store.incident(id)?.map(|i| i.status == Status::Verified);
            return Ok((refused, verified));
        }
    };
    let verified = Some(stored.status == Status::Verified);
    if !version::is_current(version, &fingerprint(&stored)) {
        return Ok((Saved::Stale, verified));
    }
    if changed.changes_from(Some(&stored)).is_empty() {
        return Ok((Saved::Done(Box::new(stored)), verified));
    }
    changed.status = Status::Draft;
    let entry = AuditEntry::new(jiff::Timestamp::now(), &user.email, "incident.update", "incident", Some(id))
        .with_changes(changed.changes_from(Some(&stored)));
    if store.update_incident(&changed, stored.content_hash(), &entry)? {
        Ok((Saved::Done(Box::new(changed)), verified))
    } else {
        Ok((Saved::Stale, verified))
    }
}
