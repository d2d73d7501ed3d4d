//! `vigie duplicates` and `vigie merge` (in the audit log as `cli`).

use std::io::Write;

use anyhow::{Result, bail};
use vigie_domain::audit::CLI_ACTOR;
use vigie_formats::cell;
use vigie_report::duplicates::{PairRow, duplicates};

use crate::Outcome;
use crate::cli::{Cli, DuplicatesArgs, DuplicatesFormat};
use crate::context::{filter, open_store, open_store_read_only, regions};

pub fn list(cli: &Cli, args: &DuplicatesArgs) -> Result<Outcome> {
    if !(0.0..=1.0).contains(&args.min_score) {
        bail!("--min-score {} is not between 0 and 1", args.min_score);
    }
    if args.max_km.is_nan() || args.max_km < 0.0 {
        bail!("--max-km {} is not a distance", args.max_km);
    }
    let store = open_store_read_only(&cli.db)?;
    let groups = store.groups()?;
    let filter = filter(&args.filter, &regions(cli.regions.as_deref())?, &groups)?;
    let mut pairs = duplicates(store.as_ref(), &filter, args.max_km, args.min_score)?;
    let found = pairs.len();
    pairs.truncate(args.limit.unwrap_or(usize::MAX));
    let mut stdout = std::io::stdout().lock();
    match args.format {
        DuplicatesFormat::Json => {
            let rows: Vec<_> = pairs.iter().map(|p| p.row()).collect();
            serde_json::to_writer_pretty(&mut stdout, &rows)?;
            writeln!(stdout)?;
        }
        DuplicatesFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut stdout);
            for pair in &pairs {
                // ids are typed text: escaped for spreadsheets
                let row = pair.row();
                let (first, second) = (cell::escape(row.first), cell::escape(row.second));
                writer.serialize(PairRow { first: &first, second: &second, ..row })?;
            }
            writer.flush()?;
        }
        DuplicatesFormat::Table => {
            for pair in &pairs {
                let row = pair.row();
                writeln!(
                    stdout,
                    "{:.2}  {}  {}  {} {} / {}  {}",
                    row.score, row.first, row.second, row.country, row.first_date, row.second_date, row.reasons
                )?;
            }
            eprintln!(
                "{found} likely duplicate pair{} (score ≥ {}); merge one with `vigie merge KEEP DROP`",
                if found == 1 { "" } else { "s" },
                args.min_score
            );
        }
    }
    Ok(Outcome::Success)
}

pub fn merge(cli: &Cli, keep: &str, drop: &str) -> Result<Outcome> {
    let mut store = open_store(&cli.db)?;
    store.merge(keep, drop, CLI_ACTOR)?;
    let aliases = store.aliases(keep)?;
    out!("merged {drop} into {keep}; {keep} is also known as {}", aliases.join(", "))?;
    Ok(Outcome::Success)
}
