//! `vigie themes import|list`: the labels of the themes activities are
//! tagged with.

use std::io::Write;

use anyhow::Result;
use vigie_domain::partner::first_of;
use vigie_ingest::THEME_LAYOUT;

use super::import::{open_sources, print_summary, register_options};
use super::organisations::write_records;
use crate::Outcome;
use crate::cli::{Cli, MembersListFormat, OrganisationsListArgs, RegisterImportArgs};
use crate::context::{open_store, open_store_read_only};

pub fn import(cli: &Cli, args: &RegisterImportArgs) -> Result<Outcome> {
    let options = register_options(args);
    let sources = open_sources(&args.files)?;
    let mut store = open_store(&cli.db)?;
    let summary = vigie_ingest::import_themes(store.as_mut(), sources, &options)?;
    print_summary(&summary, &options)
}

pub fn list(cli: &Cli, args: &OrganisationsListArgs) -> Result<Outcome> {
    let store = open_store_read_only(&cli.db)?;
    let themes = store.themes()?;
    let records: Vec<Vec<String>> = themes.iter().map(|t| t.values().to_vec()).collect();
    let mut stdout = std::io::stdout().lock();
    if args.format == MembersListFormat::Table {
        let lang = args.lang.lang();
        let header = vec!["id".to_string(), "label".to_string()];
        let rows: Vec<Vec<String>> = std::iter::once(header)
            .chain(themes.iter().map(|t| vec![t.id.clone(), first_of(&t.label, lang).to_string()]))
            .collect();
        for line in vigie_render::table::layout(&rows, 0) {
            writeln!(stdout, "{line}")?;
        }
        eprintln!("{} theme{}", themes.len(), if themes.len() == 1 { "" } else { "s" });
    } else {
        write_records(&THEME_LAYOUT, &records, args.format, &mut stdout)?;
    }
    stdout.flush()?;
    Ok(Outcome::Success)
}
