//! Audit entries as the pages show them (an incident's, an article's, an
//! activity's or an account's history, the audit log): when, who, what,
//! and the fields changed, both as rows (`changes`: field, before, after)
//! and as the JSON the log keeps (`changes_json`).

use minijinja::{Value, context};
use serde_json::Value as Json;
use vigie_domain::AuditEntry;

/// The rows of `entries`, in their order.
pub fn rows(entries: &[AuditEntry]) -> Vec<Value> {
    entries.iter().map(row).collect()
}

fn row(entry: &AuditEntry) -> Value {
    context! {
        at => entry.at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string(),
        actor => entry.actor.clone(),
        token => entry.token_id,
        action => entry.action.clone(),
        entity => entry.entity.clone(),
        entity_id => entry.entity_id.clone(),
        changes => entry.changes.iter().map(|c| context! {
            field => c.field.clone(), before => plain(&c.before), after => plain(&c.after),
        }).collect::<Vec<_>>(),
        changes_json => if entry.changes.is_empty() {
            String::new()
        } else {
            serde_json::to_string(&entry.changes).unwrap_or_default()
        },
        detail => entry.detail.clone(),
    }
}

/// A value as read: a string without its quotes, nothing for null.
fn plain(value: &Json) -> String {
    match value {
        Json::Null => String::new(),
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::FieldChange;

    #[test]
    fn a_row_shows_values_plainly_and_keeps_the_json() {
        let entry = AuditEntry::new(jiff::Timestamp::UNIX_EPOCH, "a@vigie.example", "x.update", "x", Some("1"))
            .with_changes(vec![FieldChange::new("killed", Json::Null, 3), FieldChange::new("place", "Gao", "Kidal")]);
        let row = row(&entry);
        assert_eq!(row.get_attr("at").unwrap().to_string(), "1970-01-01 00:00:00 UTC");
        let changes = row.get_attr("changes").unwrap();
        let first = changes.get_item(&Value::from(0)).unwrap();
        assert_eq!(first.get_attr("before").unwrap().to_string(), "");
        assert_eq!(first.get_attr("after").unwrap().to_string(), "3");
        let second = changes.get_item(&Value::from(1)).unwrap();
        assert_eq!(second.get_attr("before").unwrap().to_string(), "Gao");
        assert_eq!(
            row.get_attr("changes_json").unwrap().to_string(),
            r#"[{"field":"killed","before":null,"after":3},{"field":"place","before":"Gao","after":"Kidal"}]"#
        );
        let quiet = AuditEntry::new(jiff::Timestamp::UNIX_EPOCH, "a", "login", "user", None);
        assert_eq!(super::row(&quiet).get_attr("changes_json").unwrap().to_string(), "");
    }
}
