//! The save of a register form, one flow for every register: on the
//! store's thread, the register reads the record edited (none for a new
//! one) and checks the form's record and the user's right to write it;
//! then, unless the edit form was shown from another version of the record
//! (its fingerprint, `crate::version`, no longer the stored record's), the
//! record is written with its audit entry (every field changed, before and
//! after) in one transaction, over the record as it was read. The answer
//! is the redirection after the save, or the form again with the values
//! typed and the messages.

use std::collections::HashMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::Value as Json;
use vigie_domain::{AuditEntry, FieldChange, FieldError, Lang};
use vigie_store::{Store, StoreError};

use crate::auth::RequireUser;
use crate::errors::Error;
use crate::state::AppState;
use crate::version;

/// Messages by field name, in the page's language.
pub(super) type Messages = HashMap<String, String>;

/// What a POST of a register form came to.
pub(super) enum Saved {
    /// Written (or nothing to change): go to this page.
    Done(String),
    /// Field messages; a message id for the whole form.
    Invalid(Messages, &'static str),
    /// The same, when the record exists already or was changed meanwhile.
    Conflict(Messages, &'static str),
    Forbidden,
    NotFound,
}

impl Saved {
    /// The validator's refusal: its messages by field, the first of each,
    /// in `lang`.
    pub(super) fn invalid(field_errors: Vec<FieldError>, lang: Lang) -> Saved {
        let mut messages = Messages::new();
        for e in field_errors {
            let message = vigie_i18n::field_error(lang, &e);
            messages.entry(e.column).or_insert(message);
        }
        Saved::Invalid(messages, "web-form-invalid")
    }

    /// One message (catalogue id `id`) on one field of a refused form.
    pub(super) fn invalid_on(field: &str, lang: Lang, id: &str) -> Saved {
        Saved::Invalid(message_on(field, lang, id), "web-form-invalid")
    }

    /// The page of a refusal, or the redirection after a save; `form`
    /// re-shows the form with the values typed and the messages.
    fn respond(
        self,
        form: impl FnOnce(StatusCode, &Messages, &'static str) -> Result<Response, Error>,
    ) -> Result<Response, Error> {
        match self {
            Saved::Done(to) => Ok(Redirect::to(&to).into_response()),
            Saved::Invalid(messages, id) => form(StatusCode::UNPROCESSABLE_ENTITY, &messages, id),
            Saved::Conflict(messages, id) => form(StatusCode::CONFLICT, &messages, id),
            Saved::Forbidden => Err(Error::forbidden()),
            Saved::NotFound => Err(Error::not_found()),
        }
    }
}

/// One message (a catalogue id's text) on one field.
fn message_on(field: &str, lang: Lang, id: &str) -> Messages {
    HashMap::from([(field.to_string(), vigie_i18n::catalog().text(lang, id))])
}

/// A register's record as its forms write it.
pub(super) trait Record: Sized + Send + 'static {
    /// The first word of its audit actions (`activity.create`).
    const KIND: &'static str;
    /// The entity its audit entries name.
    const ENTITY: &'static str = Self::KIND;
    /// The fields its audit entries compare, in order.
    const FIELDS: &'static [&'static str];
    /// The field of its key, and the message on it when a new record's key
    /// is taken already.
    const KEY: &'static str = "id";
    const TAKEN: &'static str = "web-register-id-taken";

    /// Its values, one a field of `FIELDS`: everything its form edits.
    fn audited(&self) -> Vec<String>;
    /// The fingerprint its edit form carries: that of its values.
    fn fingerprint(&self) -> String {
        version::fingerprint(self.audited())
    }
    /// The id its audit entries name.
    fn entity_id(&self) -> String;
    /// Where the browser goes once it is saved.
    fn saved_page(&self) -> String;
    /// Writes it in place of `stored` with `entry` (a `Store::save_*`):
    /// `false`, nothing written, when the store no longer holds `stored`.
    fn write(&self, store: &mut dyn Store, stored: Option<&Self>, entry: &AuditEntry) -> Result<bool, StoreError>;
    /// What the form says when the store refused the write: a new
    /// record's key is taken (`new`), or the record changed meanwhile.
    fn refused(new: bool, lang: Lang) -> Saved {
        if new {
            Saved::Conflict(message_on(Self::KEY, lang, Self::TAKEN), "web-register-exists")
        } else {
            changed_meanwhile()
        }
    }
}

/// The record a form makes, checked, and the stored one it replaces
/// (`None`: a new record); or the answer instead.
pub(super) type Checked<R> = Result<(R, Option<R>), Saved>;

/// Saves a register form: `check` runs on the store's thread and gives the
/// record to write; `sent` is the fingerprint the form carried (an edit
/// form's, of the record it showed: compared with the stored record's on
/// the same thread, just before the write); `form` re-shows the form with
/// its messages when the record is refused.
pub(super) async fn save<R, C>(
    state: &AppState,
    user: &RequireUser,
    sent: Option<&str>,
    check: C,
    form: impl FnOnce(StatusCode, &Messages, &'static str) -> Result<Response, Error>,
) -> Result<Response, Error>
where
    R: Record,
    C: FnOnce(&mut dyn Store) -> Result<Checked<R>, StoreError> + Send + 'static,
{
    save_as(state, user, sent, check, form, None).await
}

/// [`save`], the audit entry's action ending in `verb` (`translate`)
/// instead of `create` or `update`.
pub(super) async fn save_as<R, C>(
    state: &AppState,
    user: &RequireUser,
    sent: Option<&str>,
    check: C,
    form: impl FnOnce(StatusCode, &Messages, &'static str) -> Result<Response, Error>,
    verb: Option<&'static str>,
) -> Result<Response, Error>
where
    R: Record,
    C: FnOnce(&mut dyn Store) -> Result<Checked<R>, StoreError> + Send + 'static,
{
    let lang = user.lang;
    let actor = user.session.user.email.clone();
    let sent = sent.map(str::to_string);
    let saved = state
        .write(move |store| match check(store)? {
            Ok((_, Some(stored))) if !version::is_current(sent.as_deref(), &stored.fingerprint()) => {
                Ok(changed_meanwhile())
            }
            Ok((record, stored)) => write(store, &actor, &record, stored.as_ref(), lang, verb),
            Err(refused) => Ok(refused),
        })
        .await?;
    saved.respond(form)
}

/// The answer to an edit form shown from a record that was changed since:
/// the form again, with what was typed and the message to reload.
fn changed_meanwhile() -> Saved {
    Saved::Conflict(Messages::new(), "web-register-changed")
}

/// Writes `record` in place of `stored` with the audit entry of the fields
/// changed, by `actor`; nothing when nothing changed.
fn write<R: Record>(
    store: &mut dyn Store,
    actor: &str,
    record: &R,
    stored: Option<&R>,
    lang: Lang,
    verb: Option<&'static str>,
) -> Result<Saved, StoreError> {
    let before = stored.map(R::audited);
    let changed = changes(R::FIELDS, before.as_deref(), &record.audited());
    if changed.is_empty() {
        return Ok(Saved::Done(record.saved_page()));
    }
    let verb = verb.unwrap_or(if stored.is_some() { "update" } else { "create" });
    let action = format!("{}.{verb}", R::KIND);
    let entry = AuditEntry::new(jiff::Timestamp::now(), actor, &action, R::ENTITY, Some(&record.entity_id()))
        .with_changes(changed);
    if record.write(store, stored, &entry)? {
        Ok(Saved::Done(record.saved_page()))
    } else {
        Ok(R::refused(stored.is_none(), lang))
    }
}

/// The fields that differ between a record's values before (`None`: a new
/// record, whose empty fields are left out) and after, by column.
fn changes(columns: &[&str], before: Option<&[String]>, after: &[String]) -> Vec<FieldChange> {
    columns
        .iter()
        .zip(after)
        .enumerate()
        .filter_map(|(index, (column, after))| match before {
            None if after.is_empty() => None,
            None => Some(FieldChange::new(column, Json::Null, after.as_str())),
            Some(before) if before[index] == *after => None,
            Some(before) => Some(FieldChange::new(column, before[index].as_str(), after.as_str())),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_of_a_new_record_leave_empty_fields_out() {
        let after = ["a".to_string(), String::new(), "c".to_string()];
        let found = changes(&["x", "y", "z"], None, &after);
        let fields: Vec<&str> = found.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["x", "z"]);
        assert_eq!(found[0].before, Json::Null);
    }

    #[test]
    fn changes_of_an_edit_are_the_fields_that_differ() {
        let before = ["a".to_string(), "b".to_string(), "c".to_string()];
        let after = ["a".to_string(), String::new(), "d".to_string()];
        let found = changes(&["x", "y", "z"], Some(&before), &after);
        assert_eq!(found, [FieldChange::new("y", "b", ""), FieldChange::new("z", "c", "d")]);
    }
}
