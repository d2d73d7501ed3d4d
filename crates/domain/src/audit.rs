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
    /// The personal access token the actor used, when the change came
    /// through the API (`token.rs`); set by the store from the connection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_id: Option<i64>,
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
            token_id: None,
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

/// An incident's history as shown to someone who may not read its drafts
/// (`entries`: its audit entries, latest first, as the log lists them).
///
/// They read the incident only while it is verified, so they see only its
/// verified versions: nothing before its first approval, and each later
/// draft period (a change that made it a draft, the changes and rejections
/// that followed) folded into the approval that ended it, which carries the
/// net change of each field from one verified version to the next. A value
/// written and removed while it was a draft (a source named, then taken
/// out) never shows. A period still open (a draft now) is left out.
pub fn verified_history(entries: &[AuditEntry]) -> Vec<AuditEntry> {
    let status = |entry: &AuditEntry| {
        entry
            .changes
            .iter()
            .find(|c| c.field == "status")
            .map(|c| (c.before.as_str().map(str::to_string), c.after.as_str().map(str::to_string)))
    };
    let mut shown = Vec::new();
    // the net changes of the draft period under way, by field in order
    let mut period: Vec<FieldChange> = Vec::new();
    // verified now, as far as the log tells; until it tells, a draft
    let mut verified = false;
    let mut ever_verified = false;
    for entry in entries.iter().rev() {
        let (before, after) = status(entry).unwrap_or_default();
        if !verified && before.as_deref() == Some("verified") {
            // verified by what the log does not hold (the operator's import):
            // what came before is not known to have been verified, and stays out
            period.clear();
            verified = true;
            ever_verified = true;
        }
        if verified && after.as_deref() != Some("draft") {
            // changed while verified (a merge): seen as it is
            shown.push(entry.clone());
            continue;
        }
        for change in entry.changes.iter().filter(|c| c.field != "status") {
            match period.iter_mut().find(|c| c.field == change.field) {
                Some(net) => net.after = change.after.clone(),
                None => period.push(change.clone()),
            }
        }
        match after.as_deref() {
            Some("verified") => {
                let mut approval = entry.clone();
                approval.changes = if ever_verified {
                    period.drain(..).filter(|c| c.before != c.after).collect()
                } else {
                    // what it said before it was first verified is not theirs to read
                    Vec::new()
                };
                approval.changes.push(FieldChange::new("status", "draft", "verified"));
                shown.push(approval);
                period.clear();
                verified = true;
                ever_verified = true;
            }
            Some(_) => verified = false,
            None => {}
        }
    }
    shown.reverse();
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, action: &str, changes: Vec<FieldChange>) -> AuditEntry {
        let mut entry = AuditEntry::new(jiff::Timestamp::UNIX_EPOCH, "a@vigie.example", action, "incident", Some("x"));
        entry.id = id;
        entry.with_changes(changes)
    }

    fn fields(entry: &AuditEntry) -> Vec<(String, Value, Value)> {
        entry.changes.iter().map(|c| (c.field.clone(), c.before.clone(), c.after.clone())).collect()
    }

    /// A draft names an informant, which is removed before approval; once
    /// verified it is changed (killed 1 → 3) through a second draft period
    /// with a rejection on the way.
    #[test]
    fn drafts_are_folded_into_the_approvals_that_end_them() {
        let log_oldest_first = vec![
            entry(
                1,
                "incident.create",
                vec![
                    FieldChange::new("killed", Value::Null, "1"),
                    FieldChange::new("sources", Value::Null, "informant K."),
                    FieldChange::new("status", Value::Null, "draft"),
                ],
            ),
            entry(2, "incident.update", vec![FieldChange::new("sources", "informant K.", "AFP")]),
            entry(3, "incident.approve", vec![FieldChange::new("status", "draft", "verified")]),
            entry(
                4,
                "incident.update",
                vec![FieldChange::new("killed", "1", "999"), FieldChange::new("status", "verified", "draft")],
            ),
            entry(5, "incident.reject", vec![FieldChange::new("status", "draft", "draft")]),
            entry(6, "incident.update", vec![FieldChange::new("killed", "999", "3")]),
            entry(7, "incident.approve", vec![FieldChange::new("status", "draft", "verified")]),
        ];
        let latest_first: Vec<AuditEntry> = log_oldest_first.into_iter().rev().collect();
        let shown = verified_history(&latest_first);
        assert_eq!(shown.iter().map(|e| e.id).collect::<Vec<_>>(), [7, 3]);
        assert_eq!(fields(&shown[1]), [("status".into(), "draft".into(), "verified".into())]);
        assert_eq!(
            fields(&shown[0]),
            [("killed".into(), "1".into(), "3".into()), ("status".into(), "draft".into(), "verified".into())]
        );
        let text = serde_json::to_string(&shown).unwrap();
        assert!(!text.contains("informant") && !text.contains("999"), "{text}");
    }

    /// A draft made and edited, then verified by the operator's import
    /// (which writes no entry of its own), then changed and approved: the
    /// edits before the import never show.
    #[test]
    fn edits_before_an_unlogged_verification_stay_hidden() {
        let latest_first = vec![
            entry(4, "incident.approve", vec![FieldChange::new("status", "draft", "verified")]),
            entry(
                3,
                "incident.update",
                vec![FieldChange::new("killed", "1", "2"), FieldChange::new("status", "verified", "draft")],
            ),
            entry(2, "incident.update", vec![FieldChange::new("sources", "informant SECRETX", "AFP")]),
            entry(1, "incident.update", vec![FieldChange::new("sources", "AFP", "informant SECRETX")]),
        ];
        let shown = verified_history(&latest_first);
        assert_eq!(shown.iter().map(|e| e.id).collect::<Vec<_>>(), [4]);
        assert_eq!(
            fields(&shown[0]),
            [("killed".into(), "1".into(), "2".into()), ("status".into(), "draft".into(), "verified".into())]
        );
        assert!(!serde_json::to_string(&shown).unwrap().contains("SECRETX"));
    }

    #[test]
    fn an_open_draft_period_and_a_never_verified_incident_show_nothing() {
        let latest_first = vec![
            entry(2, "incident.update", vec![FieldChange::new("killed", "1", "2")]),
            entry(1, "incident.create", vec![FieldChange::new("status", Value::Null, "draft")]),
        ];
        assert!(verified_history(&latest_first).is_empty());
        let reopened = vec![
            entry(
                3,
                "incident.update",
                vec![FieldChange::new("killed", "1", "2"), FieldChange::new("status", "verified", "draft")],
            ),
            entry(2, "incident.approve", vec![FieldChange::new("status", "draft", "verified")]),
            entry(1, "incident.create", vec![FieldChange::new("status", Value::Null, "draft")]),
        ];
        assert_eq!(verified_history(&reopened).iter().map(|e| e.id).collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn a_change_that_nets_to_nothing_leaves_only_the_approval() {
        let latest_first = vec![
            entry(4, "incident.approve", vec![FieldChange::new("status", "draft", "verified")]),
            entry(3, "incident.import", vec![FieldChange::new("wounded", "2", "5")]),
            entry(
                2,
                "incident.update",
                vec![FieldChange::new("wounded", "5", "2"), FieldChange::new("status", "verified", "draft")],
            ),
        ];
        // verified before the log (an operator's import); 3 reverts 2
        let shown = verified_history(&latest_first);
        assert_eq!(shown.len(), 1);
        assert_eq!(fields(&shown[0]), [("status".into(), "draft".into(), "verified".into())]);
    }

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
