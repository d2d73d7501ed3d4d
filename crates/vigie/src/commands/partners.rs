//! `vigie partners import|list`: the register of the coalition's partners
//! and the agreements signed with them.

use std::io::Write;

use anyhow::Result;
use vigie_domain::partner::first_of;
use vigie_domain::{Lang, Partner};
use vigie_formats::register::partners::{to_json, write_agreements_csv, write_jsonl, write_partners_csv};

use super::import::{open_sources, print_summary, register_options};
use crate::Outcome;
use crate::cli::{Cli, MembersListFormat, PartnersListArgs, RegisterImportArgs};
use crate::context::{open_store, open_store_read_only};

pub fn import(cli: &Cli, args: &RegisterImportArgs) -> Result<Outcome> {
    let options = register_options(args);
    let sources = open_sources(&args.files)?;
    let mut store = open_store(&cli.db)?;
    let summary = vigie_ingest::import_partners(store.as_mut(), sources, &options)?;
    print_summary(&summary, &options)
}

pub fn list(cli: &Cli, args: &PartnersListArgs) -> Result<Outcome> {
    let store = open_store_read_only(&cli.db)?;
    let partners = store.partners()?;
    let mut stdout = std::io::stdout().lock();
    match args.format {
        MembersListFormat::Csv if args.agreements => {
            write_agreements_csv(&partners, &mut stdout)?;
        }
        MembersListFormat::Csv => {
            write_partners_csv(&partners, &mut stdout)?;
        }
        MembersListFormat::Jsonl => {
            write_jsonl(&partners, &mut stdout)?;
        }
        MembersListFormat::Json => {
            serde_json::to_writer_pretty(&mut stdout, &to_json(&partners))?;
            writeln!(stdout)?;
        }
        MembersListFormat::Table => {
            let lang = args.lang.lang();
            let rows = if args.agreements { agreement_rows(&partners, lang) } else { partner_rows(&partners, lang) };
            for line in vigie_render::table::layout(&rows, 0) {
                writeln!(stdout, "{line}")?;
            }
            let count = partners.len();
            let agreements: usize = partners.iter().map(|p| p.agreements.len()).sum();
            eprintln!(
                "{count} partner{}, {agreements} agreement{}",
                if count == 1 { "" } else { "s" },
                if agreements == 1 { "" } else { "s" }
            );
        }
    }
    stdout.flush()?;
    Ok(Outcome::Success)
}

fn partner_rows(partners: &[Partner], lang: Lang) -> Vec<Vec<String>> {
    let header = ["id", "partner", "scope", "kind", "agreements"].map(String::from).to_vec();
    std::iter::once(header)
        .chain(partners.iter().map(|p| {
            vec![
                p.id.clone(),
                p.name_in(lang).to_string(),
                p.scope.code().to_string(),
                first_of(&p.kind, lang).to_string(),
                p.agreements.len().to_string(),
            ]
        }))
        .collect()
}

fn agreement_rows(partners: &[Partner], lang: Lang) -> Vec<Vec<String>> {
    let header = ["partner", "signed", "title", "areas", "reference"].map(String::from).to_vec();
    std::iter::once(header)
        .chain(partners.iter().flat_map(|p| {
            p.agreements.iter().map(|a| {
                vec![
                    p.id.clone(),
                    a.signed_text(),
                    first_of(&a.title, lang).to_string(),
                    a.areas.iter().map(|area| first_of(area, lang)).collect::<Vec<_>>().join("; "),
                    a.reference.clone(),
                ]
            })
        }))
        .collect()
}
