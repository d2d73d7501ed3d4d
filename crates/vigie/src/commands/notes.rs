//! `vigie notes import|list`: the analysts' developments notes per region
//! group, month and country.

use std::io::Write;

use anyhow::{Context, Result, anyhow};
use vigie_domain::partner::first_of;
use vigie_domain::{Month, Note, countries};
use vigie_formats::register::flat;
use vigie_ingest::NOTE_LAYOUT;
use vigie_store::NoteFilter;

use super::import::{open_sources, print_summary, register_options};
use crate::Outcome;
use crate::cli::{Cli, MembersListFormat, NotesListArgs, RejectingImportArgs};
use crate::context::{open_store, open_store_read_only, regions};

pub fn import(cli: &Cli, args: &RejectingImportArgs) -> Result<Outcome> {
    let regions = regions(cli.regions.as_deref())?;
    let mut options = register_options(&args.import);
    options.rejects = args.rejects.clone();
    let sources = open_sources(&args.import.files)?;
    let mut store = open_store(&cli.db)?;
    let summary = vigie_ingest::import_notes(store.as_mut(), sources, &options, &regions)?;
    print_summary(&summary, &options)
}

fn filter(args: &NotesListArgs) -> Result<NoteFilter> {
    let mut filter = NoteFilter { region: args.region.clone(), ..NoteFilter::default() };
    if let Some(text) = &args.month {
        let month =
            Month::parse(text).ok_or_else(|| anyhow!("--month {}: write YYYY-MM", vigie_domain::text::quoted(text)))?;
        (filter.from, filter.to) = (Some(month), Some(month));
    }
    if let Some(year) = args.year {
        let (first, last) = (Month::new(year, 1), Month::new(year, 12));
        filter.from = Some(first.with_context(|| format!("--year {year}: not a year"))?);
        filter.to = last;
    }
    if let Some(text) = &args.country {
        let country = countries()
            .resolve(text)
            .ok_or_else(|| anyhow!("--country {}: unknown country", vigie_domain::text::quoted(text)))?;
        filter.country = Some(country.code);
    }
    Ok(filter)
}

pub fn list(cli: &Cli, args: &NotesListArgs) -> Result<Outcome> {
    let filter = filter(args)?;
    let store = open_store_read_only(&cli.db)?;
    let notes = store.notes(&filter)?;
    let records: Vec<Vec<String>> = notes.iter().map(Note::values).collect();
    let mut stdout = std::io::stdout().lock();
    match args.format {
        MembersListFormat::Csv => {
            flat::write_csv(&NOTE_LAYOUT, &records, &mut stdout)?;
        }
        MembersListFormat::Jsonl => {
            flat::write_jsonl(&NOTE_LAYOUT, &records, &mut stdout)?;
        }
        MembersListFormat::Json => {
            let array: Vec<_> = records.iter().map(|r| flat::to_object(&NOTE_LAYOUT, r)).collect();
            serde_json::to_writer_pretty(&mut stdout, &array)?;
            writeln!(stdout)?;
        }
        MembersListFormat::Table => {
            let lang = args.lang.lang();
            let header = ["region", "month", "cc", "note"].map(String::from).to_vec();
            let rows: Vec<Vec<String>> = std::iter::once(header)
                .chain(notes.iter().map(|note| {
                    vec![
                        note.region.clone(),
                        note.month.to_string(),
                        note.country.to_string(),
                        // one line a note in the table
                        first_of(&note.text, lang).replace('\n', " "),
                    ]
                }))
                .collect();
            for line in vigie_render::table::layout(&rows, 0) {
                writeln!(stdout, "{line}")?;
            }
            let count = notes.len();
            eprintln!("{count} note{}", if count == 1 { "" } else { "s" });
        }
    }
    stdout.flush()?;
    Ok(Outcome::Success)
}
