//! The audit log's entries: who did what to which record, when, with the
//! fields it changed.

use serde::Serialize;
use serde_json::Value;

/// The actor of changes made on the command line (the web application
/// records the user's email).
pub const CLI_ACTOR: &str = "cli";
/// What the log shows instead of a secret (a password, before and after).
pub const HIDDEN: &str = "***";

/// One field's value before and after a change; `null` before a record
/// existed, or after it is gone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub before: Value,
    pub after: Value,
}

impl FieldChange {
    pub fn new(field: &str, before: impl Into<Value>, after: impl Into<Value>) -> FieldChange {
        FieldChange { field: field.to_string(), before: before.into(), after: after.into() }
    }

    /// A secret's change: both values shown as [`HIDDEN`] (`before` is
    /// `null` when there was none).
    pub fn hidden(field: &str, had_one: bool) -> FieldChange {
        FieldChange::new(field, if had_one { Value::from(HIDDEN) } else { Value::Null }, HIDDEN)
    }
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    /// Given by the log; 0 for an entry not recorded yet.
    pub id: i64,
    /// When, in UTC.
    pub at: jiff::Timestamp,
    /// The user's email, or [`CLI_ACTOR`].
    pub actor: String,
    /// What was done, as `entity.verb` (`user.add`, `user.passwd`,
    /// `incident.update`) or a plain verb (`login`, `export`).
    pub action: String,
    /// The kind of record (`user`, `incident`, …).
    pub entity: String,
    /// Which one (a user's email, an incident's id), when there is one.
    pub entity_id: Option<String>,
    pub changes: Vec<FieldChange>,
    /// Anything else worth knowing (a comment, an export's filter).
    pub detail: Option<String>,
}

impl AuditEntry {
    /// An entry to record, made at `at` (the domain reads no clock).
    pub fn new(at: jiff::Timestamp, actor: &str, action: &str, entity: &str, entity_id: Option<&str>) -> AuditEntry {
        AuditEntry {
            id: 0,
            at,
            actor: actor.to_string(),
            action: action.to_string(),
            entity: entity.to_string(),
            entity_id: entity_id.map(str::to_string),
            changes: Vec::new(),
            detail: None,
        }
    }

    pub fn with_changes(mut self, changes: Vec<FieldChange>) -> AuditEntry {
        self.changes = changes;
        self
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> AuditEntry {
        self.detail = Some(detail.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_serialise_as_field_before_after() {
        let changes = vec![
            FieldChange::new("role", Value::Null, "delegate"),
            FieldChange::new("disabled", false, true),
            FieldChange::hidden("password", true),
        ];
        assert_eq!(
            serde_json::to_string(&changes).unwrap(),
            r#"[{"field":"role","before":null,"after":"delegate"},{"field":"disabled","before":false,"after":true},{"field":"password","before":"***","after":"***"}]"#
        );
        assert_eq!(FieldChange::hidden("password", false).before, Value::Null);
    }
}
