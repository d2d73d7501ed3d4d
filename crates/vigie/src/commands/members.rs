//! `vigie members import|list`: the register of member states and their
//! national days.

use std::io::Write;

use anyhow::Result;
use vigie_domain::{Lang, Member, countries};
use vigie_formats::register::members::{to_json, write_csv, write_jsonl};

use super::import::{open_sources, print_summary, register_options};
use crate::Outcome;
use crate::cli::{Cli, MembersListArgs, MembersListFormat, RejectingImportArgs};
use crate::context::{open_store, open_store_read_only};

pub fn import(cli: &Cli, args: &RejectingImportArgs) -> Result<Outcome> {
    let mut options = register_options(&args.import);
    options.rejects = args.rejects.clone();
    let sources = open_sources(&args.import.files)?;
    let mut store = open_store(&cli.db)?;
    let summary = vigie_ingest::import_members(store.as_mut(), sources, &options)?;
    print_summary(&summary, &options)
}

pub fn list(cli: &Cli, args: &MembersListArgs) -> Result<Outcome> {
    let store = open_store_read_only(&cli.db)?;
    let members = store.members()?;
    let mut stdout = std::io::stdout().lock();
    match args.format {
        MembersListFormat::Csv => {
            write_csv(&members, &mut stdout)?;
        }
        MembersListFormat::Jsonl => {
            write_jsonl(&members, &mut stdout)?;
        }
        MembersListFormat::Json => {
            serde_json::to_writer_pretty(&mut stdout, &to_json(&members))?;
            writeln!(stdout)?;
        }
        MembersListFormat::Table => {
            table(&members, args.lang.lang(), &mut stdout)?;
            let count = members.len();
            eprintln!("{count} member state{}", if count == 1 { "" } else { "s" });
        }
    }
    stdout.flush()?;
    Ok(Outcome::Success)
}

/// One line a member: code, name, joined date, national days, title.
fn table(members: &[Member], lang: Lang, output: &mut impl Write) -> std::io::Result<()> {
    let header = ["cc", "member state", "joined", "national days", "representative"].map(String::from).to_vec();
    let rows: Vec<Vec<String>> = std::iter::once(header)
        .chain(members.iter().map(|member| {
            let days: Vec<String> =
                member.national_days.iter().map(|day| format!("{} {}", day.code(), day.name_in(lang))).collect();
            vec![
                member.country.to_string(),
                countries().name(member.country, lang),
                member.joined.map(|date| date.to_string()).unwrap_or_default(),
                days.join("; "),
                member.representative_title.clone(),
            ]
        }))
        .collect();
    for line in vigie_render::table::layout(&rows, 0) {
        writeln!(output, "{line}")?;
    }
    Ok(())
}
