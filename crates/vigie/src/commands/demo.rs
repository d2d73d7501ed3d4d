//! `vigie demo`: a demo database of illustrative incidents and of the
//! coalition's member states with their national days and its partners,
//! then the G5 Sahel
//! report of December 2023, which reproduces the reference bulletin's
//! table.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use vigie_domain::Month;
use vigie_formats::Format;
use vigie_render::{Labels, monthly};

use vigie_ingest::{Options, Source};

use super::import::print_summary;
use crate::Outcome;
use crate::cli::{Cli, DemoArgs};
use crate::context::{latest_valid_date, open_store, regions};

/// Illustrative incidents written for the demo (descriptions in our own
/// words, marked as illustrative).
const DEMO_INCIDENTS: &str = include_str!("../../demo/incidents.csv");
/// The coalition's 43 member states and their real national days. Joined
/// dates only where known: the 34 founding members on 15 December 2015,
/// Oman on 28 December 2016, Kenya on 1 September 2022; the others are
/// left empty.
const DEMO_MEMBERS: &str = include_str!("../../demo/members.csv");
/// The coalition's 14 partners named in the reference bulletin, one
/// partnership agreement with each: the memorandum of understanding it
/// reports (signed on 27 December 2023), and 13 whose date is not on record.
const DEMO_PARTNERS: &str = include_str!("../../demo/partners.csv");
const DEMO_AGREEMENTS: &str = include_str!("../../demo/agreements.csv");
const DEMO_KEY: &str = "demo";

fn sidecars(db: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .collect()
}

/// Starts from an empty file, unless the existing one holds other data.
fn reset(db: &Path, force: bool) -> Result<()> {
    if !db.exists() {
        return Ok(());
    }
    let is_demo = open_store(db)?.meta(DEMO_KEY)?.is_some();
    if !is_demo && !force {
        bail!(
            "{} exists and is not a demo database; choose another file with --db (e.g. --db vigie-demo.db) \
             or replace it with --force",
            db.display()
        );
    }
    for file in sidecars(db) {
        if file.exists() {
            std::fs::remove_file(&file).with_context(|| format!("cannot remove {}", file.display()))?;
        }
    }
    Ok(())
}

pub fn run(cli: &Cli, args: &DemoArgs) -> Result<Outcome> {
    reset(&cli.db, args.force)?;
    let mut store = open_store(&cli.db)?;
    store.set_meta(DEMO_KEY, "illustrative data written for the Vigie demo")?;
    let options = Options::new(latest_valid_date());
    let source = Source::from_bytes("demo/incidents.csv", DEMO_INCIDENTS.as_bytes(), Format::Csv);
    let summary = vigie_ingest::import(store.as_mut(), vec![source], &options)?;
    if print_summary(&summary, &options)? != Outcome::Success {
        bail!("the demo data did not import");
    }
    let source = Source::from_bytes("demo/members.csv", DEMO_MEMBERS.as_bytes(), Format::Csv);
    let summary = vigie_ingest::import_members(store.as_mut(), vec![source], &options)?;
    if !summary.written {
        print_summary(&summary, &options)?;
        bail!("the demo member states did not import");
    }
    let members = store.members()?;
    let days: usize = members.iter().map(|m| m.national_days.len()).sum();
    out!("{} member states with {days} national days (vigie report national-days --month 2023-12)", members.len())?;
    let sources = vec![
        Source::from_bytes("demo/partners.csv", DEMO_PARTNERS.as_bytes(), Format::Csv),
        Source::from_bytes("demo/agreements.csv", DEMO_AGREEMENTS.as_bytes(), Format::Csv),
    ];
    let summary = vigie_ingest::import_partners(store.as_mut(), sources, &options)?;
    if !summary.written {
        print_summary(&summary, &options)?;
        bail!("the demo partners did not import");
    }
    let partners = store.partners()?;
    let agreements: usize = partners.iter().map(|p| p.agreements.len()).sum();
    out!(
        "{} partners, {agreements} agreement{} (vigie partners list)",
        partners.len(),
        if agreements == 1 { "" } else { "s" }
    )?;
    out!("demo database: {}", cli.db.display())?;
    out!()?;
    let regions = regions(cli.regions.as_deref())?;
    let region = regions.get("g5-sahel").context("the regions file has no g5-sahel group")?;
    let month = Month::parse("2023-12").context("demo month")?;
    let report = vigie_report::monthly(store.as_ref(), &store.groups()?, region, month, false)?;
    out_raw!("{}", monthly::text(&report, &Labels::new(args.lang.lang())))?;
    out!()?;
    out!("Next: vigie report monthly --region lake-chad --month 2023-12 --lang en")?;
    out!("      vigie incidents list --region g5-sahel --from 2023-12 --to 2023-12")?;
    Ok(Outcome::Success)
}
