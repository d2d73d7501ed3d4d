//! `vigie activities import|list`: the register of the coalition's own
//! activities, which `vigie report year` and `vigie report timeline` read.

use std::io::Write;

use anyhow::{Result, anyhow};
use vigie_domain::{Activity, ActivityKind, Lang, Month};
use vigie_formats::register::activities::{to_json, write_csv, write_jsonl, write_people_csv, write_people_jsonl};
use vigie_render::table::layout;
use vigie_store::ActivityFilter;

use super::import::{open_sources, print_summary, register_options};
use crate::Outcome;
use crate::cli::{ActivitiesListArgs, Cli, MembersListFormat, RejectingImportArgs};
use crate::context::{country, month, open_store, open_store_read_only};

pub fn import(cli: &Cli, args: &RejectingImportArgs) -> Result<Outcome> {
    let mut options = register_options(&args.import);
    options.rejects = args.rejects.clone();
    let sources = open_sources(&args.import.files)?;
    let mut store = open_store(&cli.db)?;
    let summary = vigie_ingest::import_activities(store.as_mut(), sources, &options)?;
    print_summary(&summary, &options)
}

/// The flags as a store filter.
fn filter(args: &ActivitiesListArgs) -> Result<ActivityFilter> {
    let mut filter = ActivityFilter::default();
    if let Some(year) = args.year {
        let (first, last) = (Month::new(year, 1), Month::new(year, 12));
        filter.from = first.map(Month::first_day);
        filter.to = last.map(Month::last_day);
    }
    if let Some(text) = &args.month {
        let month = month(text)?;
        filter.from = Some(month.first_day());
        filter.to = Some(month.last_day());
    }
    for code in &args.kind {
        let kind = ActivityKind::parse(code).ok_or_else(|| {
            anyhow!("unknown kind {}: use one of {}", vigie_domain::text::quoted(code), ActivityKind::codes())
        })?;
        if !filter.kinds.contains(&kind) {
            filter.kinds.push(kind);
        }
    }
    filter.country = args.country.as_deref().map(country).transpose()?;
    Ok(filter)
}

pub fn list(cli: &Cli, args: &ActivitiesListArgs) -> Result<Outcome> {
    let filter = filter(args)?;
    let store = open_store_read_only(&cli.db)?;
    let activities = store.activities(&filter)?;
    let mut stdout = std::io::stdout().lock();
    if args.people {
        match args.format {
            MembersListFormat::Jsonl => write_people_jsonl(&activities, &mut stdout).map(drop)?,
            MembersListFormat::Csv => write_people_csv(&activities, &mut stdout).map(drop)?,
            _ => return Err(anyhow!("--people writes the counterparts file: give --format csv or --format jsonl")),
        }
        stdout.flush()?;
        return Ok(Outcome::Success);
    }
    match args.format {
        MembersListFormat::Csv => {
            write_csv(&activities, &mut stdout)?;
        }
        MembersListFormat::Jsonl => {
            write_jsonl(&activities, &mut stdout)?;
        }
        MembersListFormat::Json => {
            serde_json::to_writer_pretty(&mut stdout, &to_json(&activities))?;
            writeln!(stdout)?;
        }
        MembersListFormat::Table => {
            for line in layout(&rows(&activities, args.lang.lang()), 0) {
                writeln!(stdout, "{line}")?;
            }
            let count = activities.len();
            writeln!(std::io::stderr(), "{count} activit{}", if count == 1 { "y" } else { "ies" })?;
        }
    }
    stdout.flush()?;
    Ok(Outcome::Success)
}

/// A header, then one row an activity: id, date, kind, counterpart country,
/// highlight position, title.
fn rows(activities: &[Activity], lang: Lang) -> Vec<Vec<String>> {
    let header = ["id", "date", "kind", "country", "highlight", "title"].map(String::from).to_vec();
    std::iter::once(header)
        .chain(activities.iter().map(|a| {
            vec![
                a.id.clone(),
                a.date_text(),
                a.kind.code().to_string(),
                a.counterpart_country.map(|c| c.to_string()).unwrap_or_default(),
                a.highlight.map(|h| h.to_string()).unwrap_or_default(),
                a.title_in(lang).to_string(),
            ]
        }))
        .collect()
}
