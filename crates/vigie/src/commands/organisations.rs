//! `vigie organisations import|list`: the register of the organisations
//! the coalition works with.

use std::io::Write;

use anyhow::Result;
use vigie_formats::register::flat;
use vigie_ingest::ORGANISATION_LAYOUT;

use super::import::{open_sources, print_summary, register_options};
use crate::Outcome;
use crate::cli::{Cli, MembersListFormat, OrganisationsListArgs, RegisterImportArgs};
use crate::context::{open_store, open_store_read_only};

pub fn import(cli: &Cli, args: &RegisterImportArgs) -> Result<Outcome> {
    let options = register_options(args);
    let sources = open_sources(&args.files)?;
    let mut store = open_store(&cli.db)?;
    let summary = vigie_ingest::import_organisations(store.as_mut(), sources, &options)?;
    print_summary(&summary, &options)
}

pub fn list(cli: &Cli, args: &OrganisationsListArgs) -> Result<Outcome> {
    let store = open_store_read_only(&cli.db)?;
    let organisations = store.organisations()?;
    let records: Vec<Vec<String>> = organisations.iter().map(|o| o.values().to_vec()).collect();
    let mut stdout = std::io::stdout().lock();
    match args.format {
        MembersListFormat::Csv | MembersListFormat::Jsonl | MembersListFormat::Json => {
            write_records(&ORGANISATION_LAYOUT, &records, args.format, &mut stdout)?;
        }
        MembersListFormat::Table => {
            let lang = args.lang.lang();
            let labels = vigie_render::Labels::new(lang);
            let header = ["id", "organisation", "kind", "country", "partner"].map(String::from).to_vec();
            let rows: Vec<Vec<String>> = std::iter::once(header)
                .chain(organisations.iter().map(|o| {
                    vec![
                        o.id.clone(),
                        o.name_in(lang).to_string(),
                        labels.text(&format!("organisation-kind-{}", o.kind.code())),
                        o.country.map(|c| labels.country(c)).unwrap_or_default(),
                        o.partner.clone().unwrap_or_default(),
                    ]
                }))
                .collect();
            for line in vigie_render::table::layout(&rows, 0) {
                writeln!(stdout, "{line}")?;
            }
            let count = organisations.len();
            eprintln!("{count} organisation{}", if count == 1 { "" } else { "s" });
        }
    }
    stdout.flush()?;
    Ok(Outcome::Success)
}

/// A flat register's records in one of its native formats (`csv` and
/// `jsonl` import back; `json` is one array of the JSON Lines objects); a
/// table is the caller's.
pub(super) fn write_records(
    layout: &flat::FlatLayout,
    records: &[Vec<String>],
    format: MembersListFormat,
    output: &mut impl Write,
) -> Result<()> {
    match format {
        MembersListFormat::Csv => {
            flat::write_csv(layout, records.iter(), &mut *output)?;
        }
        MembersListFormat::Jsonl => {
            flat::write_jsonl(layout, records, &mut *output)?;
        }
        MembersListFormat::Json | MembersListFormat::Table => {
            let objects: Vec<_> = records.iter().map(|r| flat::to_object(layout, r)).collect();
            serde_json::to_writer_pretty(&mut *output, &objects)?;
            writeln!(output)?;
        }
    }
    Ok(())
}
