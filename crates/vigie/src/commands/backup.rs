//! `vigie backup FILE` and `vigie restore FILE`.

use std::path::Path;

use anyhow::{Result, bail};
use vigie_domain::AuditEntry;
use vigie_domain::audit::CLI_ACTOR;
use vigie_store::{AuditFilter, IncidentFilter};

use crate::Outcome;
use crate::cli::Cli;
use crate::context::{open_store, open_store_read_only};

pub fn backup(cli: &Cli, file: &Path) -> Result<Outcome> {
    let store = open_store_read_only(&cli.db)?;
    let copy = store.backup(file)?;
    out!(
        "backup of {} written to {}: {} bytes, {} incidents, {} audit entries, schema version {}",
        cli.db.display(),
        file.display(),
        copy.bytes,
        copy.incidents,
        copy.audit_entries,
        copy.schema_version
    )?;
    Ok(Outcome::Success)
}

pub fn restore(cli: &Cli, file: &Path, replace: bool) -> Result<Outcome> {
    if !file.is_file() {
        bail!("{}: no such backup file", file.display());
    }
    let mut store = open_store(&cli.db)?;
    let incidents = store.incidents(&IncidentFilter::default(), &mut |_| Ok(()))?;
    let users = store.users()?.len();
    let entries = store.audit(&AuditFilter { limit: Some(1), ..AuditFilter::default() })?.len();
    if !replace && (incidents > 0 || users > 0 || entries > 0) {
        bail!(
            "{} holds data ({incidents} incidents, {users} accounts): add --replace to replace it all with the backup",
            cli.db.display()
        );
    }
    let restored = store.restore(file)?;
    let entry =
        AuditEntry::new(jiff::Timestamp::now(), CLI_ACTOR, "database.restore", "database", None).with_detail(format!(
            "from {} ({} incidents, schema version {})",
            file.display(),
            restored.incidents,
            restored.schema_version
        ));
    store.record_audit(&entry)?;
    out!(
        "{} restored from {}: {} incidents, {} audit entries; every web session ended",
        cli.db.display(),
        file.display(),
        restored.incidents,
        restored.audit_entries
    )?;
    Ok(Outcome::Success)
}
