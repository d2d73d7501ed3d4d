//! `vigie groups`: the perpetrator register; groups and aliases added here
//! are in the audit log as `cli`.

use anyhow::{Result, bail};
use vigie_domain::audit::CLI_ACTOR;
use vigie_domain::group::group_names;
use vigie_domain::{AuditEntry, FieldChange, Group, GroupOrigin, Names};

use crate::Outcome;
use crate::cli::{Cli, GroupsArgs, GroupsCommand, TableFormat};
use crate::context::open_store;

pub fn run(cli: &Cli, args: &GroupsArgs) -> Result<Outcome> {
    let mut store = open_store(&cli.db)?;
    match &args.command {
        None => {
            let groups = store.groups()?;
            let lang = args.list.lang.lang();
            match args.list.format {
                TableFormat::Json => {
                    let list: Vec<&Group> = groups.iter().collect();
                    out!("{}", serde_json::to_string_pretty(&list)?)?;
                }
                TableFormat::Table => {
                    for group in groups.iter() {
                        let aliases: Vec<&str> = group.aliases.iter().take(4).map(String::as_str).collect();
                        let more = group.aliases.len().saturating_sub(aliases.len());
                        let more = if more > 0 { format!(" (+{more})") } else { String::new() };
                        out!(
                            "{:<20} {:<9} {:<13} {}",
                            group.id,
                            group.origin.code(),
                            group.kind.code(),
                            group.name(lang)
                        )?;
                        if !aliases.is_empty() {
                            out!("{:<44} aka {}{more}", "", aliases.join(", "))?;
                        }
                    }
                }
            }
        }
        Some(GroupsCommand::Add { id, name, name_fr, name_en, name_ar, alias, kind }) => {
            let register = store.groups()?;
            for other in std::iter::once(name).chain(alias) {
                if let Some(existing) = register.resolve(other) {
                    bail!(
                        "{} already names group {}",
                        vigie_domain::text::quoted(other),
                        vigie_domain::text::quoted(&existing.id)
                    );
                }
            }
            let pick = |specific: &Option<String>| specific.clone().unwrap_or_else(|| name.clone());
            let group = Group {
                id: id.clone(),
                name: Names { fr: pick(name_fr), en: pick(name_en), ar: pick(name_ar) },
                aliases: alias.clone(),
                kind: kind.kind(),
                origin: GroupOrigin::Added,
            };
            store.add_group(&group, CLI_ACTOR)?;
            out!("added group {id}")?;
        }
        Some(GroupsCommand::Kind { id, kind }) => {
            let kind = kind.kind();
            if store.set_group_kind(id, kind, CLI_ACTOR)? {
                out!("group {id} is now of kind {}", kind.code())?;
            } else {
                out!("group {id} was already of kind {}", kind.code())?;
            }
        }
        Some(GroupsCommand::Name { id, name_fr, name_en, name_ar }) => {
            let Some(stored) = store.groups()?.iter().find(|g| g.id == *id).cloned() else {
                bail!("no group {}: see `vigie groups`", vigie_domain::text::quoted(id));
            };
            let given = |new: &Option<String>, old: &String| new.clone().unwrap_or_else(|| old.clone());
            let names = group_names(
                &given(name_fr, &stored.name.fr),
                &given(name_en, &stored.name.en),
                &given(name_ar, &stored.name.ar),
            )
            .map_err(|errors| {
                let said: Vec<String> = errors
                    .iter()
                    .map(|e| format!("{}: {}", e.column, vigie_i18n::field_error_english(&e.kind)))
                    .collect();
                anyhow::anyhow!("group {id}: {}", said.join("; "))
            })?;
            let changes: Vec<FieldChange> =
                [("name_fr", &stored.name.fr, &names.fr), ("name_en", &stored.name.en, &names.en)]
                    .into_iter()
                    .chain([("name_ar", &stored.name.ar, &names.ar)])
                    .filter(|(_, before, after)| before != after)
                    .map(|(field, before, after)| FieldChange::new(field, before.as_str(), after.as_str()))
                    .collect();
            if changes.is_empty() {
                out!("group {id} already had these names: nothing changed")?;
                return Ok(Outcome::Success);
            }
            let entry = AuditEntry::new(jiff::Timestamp::now(), CLI_ACTOR, "group.name", "group", Some(id))
                .with_changes(changes);
            let group = Group { name: names, ..stored.clone() };
            if !store.save_group_names(&group, &stored, &entry)? {
                bail!("group {id} changed while it was being named: run the command again");
            }
            out!("group {id} is named {} / {} / {}", group.name.fr, group.name.en, group.name.ar)?;
        }
        Some(GroupsCommand::Alias { id, alias }) => {
            if let Some(existing) = store.groups()?.resolve(alias)
                && existing.id != *id
            {
                bail!(
                    "{} already names group {}",
                    vigie_domain::text::quoted(alias),
                    vigie_domain::text::quoted(&existing.id)
                );
            }
            if store.add_alias(id, alias, CLI_ACTOR)? {
                out!("{} now names group {id}", vigie_domain::text::quoted(alias))?;
            } else {
                out!("{} already names group {id}: nothing changed", vigie_domain::text::quoted(alias))?;
            }
        }
    }
    Ok(Outcome::Success)
}
