//! An import's entry in the audit log: one per import that is committed,
//! written in the import's own transaction (so a rolled-back import leaves
//! none), by whoever `Options::audit_actor` names: a web user's email, or
//! `cli`. An import that changed no record still says it ran (all
//! unchanged), like its `import_run`; a dry run or a failed import writes
//! none.

use vigie_domain::AuditEntry;
use vigie_store::ImportCounts;

use crate::Options;

/// The entry of an import about to be committed: action `REGISTER.import`,
/// entity the register (`incident`, `member`, …), and as detail its sources,
/// format and counts. `None` when the options name no actor.
pub(crate) fn import_entry(
    options: &Options,
    register: &str,
    names: &[String],
    format: &str,
    counts: ImportCounts,
) -> Option<AuditEntry> {
    let actor = options.audit_actor.as_deref()?;
    let action = format!("{register}.import");
    let detail = format!(
        "{} ({format}): {} new, {} updated, {} unchanged, {} rejected, {} skipped",
        names.join(", "),
        counts.new,
        counts.updated,
        counts.unchanged,
        counts.rejected,
        counts.skipped
    );
    Some(AuditEntry::new(jiff::Timestamp::now(), actor, &action, register, None).with_detail(detail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_with_an_actor_and_with_sources_format_and_counts() {
        let mut options = Options::new(jiff::civil::date(2024, 1, 1));
        let names = vec!["a.csv".to_string(), "b.jsonl".to_string()];
        let counts = ImportCounts { new: 2, updated: 1, unchanged: 3, rejected: 4, skipped: 5 };
        assert!(import_entry(&options, "member", &names, "detected", counts).is_none());
        options.audit_actor = Some("cli".into());
        let entry = import_entry(&options, "member", &names, "detected", counts).unwrap();
        assert_eq!(
            (entry.actor.as_str(), entry.action.as_str(), entry.entity.as_str()),
            ("cli", "member.import", "member")
        );
        assert_eq!(entry.entity_id, None);
        assert_eq!(
            entry.detail.as_deref(),
            Some("a.csv, b.jsonl (detected): 2 new, 1 updated, 3 unchanged, 4 rejected, 5 skipped")
        );
    }
}
