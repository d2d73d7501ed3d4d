//! `vigie report monthly`, `vigie report national-days`, `vigie report year`
//! and `vigie report timeline`.

use anyhow::{Result, anyhow};
use vigie_render::Labels;
use vigie_render::{monthly, national_days as days};

use crate::Outcome;
use crate::cli::{Cli, MonthlyArgs, NationalDaysArgs, ReportFormat};
use crate::context::{month, open_store_read_only, regions};

pub fn monthly(cli: &Cli, args: &MonthlyArgs) -> Result<Outcome> {
    let regions = regions(cli.regions.as_deref())?;
    let region = regions.get(&args.region).ok_or_else(|| {
        anyhow!("unknown region {}: choose one of {}", vigie_domain::text::quoted(&args.region), regions.ids())
    })?;
    let month = month(&args.month)?;
    let store = open_store_read_only(&cli.db)?;
    let groups = store.groups()?;
    let counting =
        vigie_report::Counting { include_drafts: args.include_drafts, include_state_actors: args.include_state_actors };
    let mut report = vigie_report::monthly(store.as_ref(), &groups, region, month, counting)?;
    if args.explain {
        report.explanation = Some(vigie_report::Explanation::of(store.as_ref(), region, &report, counting)?);
    }
    let labels = Labels::new(args.lang.lang());
    let output = match args.format {
        ReportFormat::Text => monthly::text(&report, &labels),
        ReportFormat::Json => monthly::json(&report),
        ReportFormat::Csv => monthly::csv(&report, &labels),
        ReportFormat::Md => monthly::markdown(&report, &labels),
    };
    out_raw!("{output}")?;
    Ok(Outcome::Success)
}

pub fn national_days(cli: &Cli, args: &NationalDaysArgs) -> Result<Outcome> {
    let month = month(&args.month)?;
    let store = open_store_read_only(&cli.db)?;
    let report = vigie_report::national_days(store.as_ref(), month)?;
    let labels = Labels::new(args.lang.lang());
    let output = match args.format {
        ReportFormat::Text => days::text(&report, &labels),
        ReportFormat::Json => days::json(&report, &labels),
        ReportFormat::Csv => days::csv(&report, &labels),
        ReportFormat::Md => days::markdown(&report, &labels),
    };
    out_raw!("{output}")?;
    Ok(Outcome::Success)
}

pub fn year(cli: &Cli, args: &crate::cli::YearArgs) -> Result<Outcome> {
    use crate::cli::SummaryFormat;
    let store = open_store_read_only(&cli.db)?;
    let report = vigie_report::year(store.as_ref(), args.year)?;
    let labels = Labels::new(args.lang.lang());
    let output = match args.format {
        SummaryFormat::Text => vigie_render::year::text(&report, &labels),
        SummaryFormat::Json => vigie_render::year::json(&report),
        SummaryFormat::Md => vigie_render::year::markdown(&report, &labels),
    };
    out_raw!("{output}")?;
    Ok(Outcome::Success)
}

pub fn timeline(cli: &Cli, args: &crate::cli::TimelineArgs) -> Result<Outcome> {
    use crate::cli::SummaryFormat;
    let store = open_store_read_only(&cli.db)?;
    let report = vigie_report::timeline(store.as_ref(), args.year, args.month)?;
    let labels = Labels::new(args.lang.lang());
    let output = match args.format {
        SummaryFormat::Text => vigie_render::timeline::text(&report, &labels),
        SummaryFormat::Json => vigie_render::timeline::json(&report, &labels),
        SummaryFormat::Md => vigie_render::timeline::markdown(&report, &labels),
    };
    out_raw!("{output}")?;
    Ok(Outcome::Success)
}

pub fn revisions(cli: &Cli, args: &crate::cli::RevisionsArgs) -> Result<Outcome> {
    use crate::cli::SummaryFormat;
    let since = args.since.as_deref().map(month).transpose()?;
    let regions = regions(cli.regions.as_deref())?;
    let store = open_store_read_only(&cli.db)?;
    let groups = store.groups()?;
    let report = vigie_report::revisions(store.as_ref(), &groups, &regions, since)?;
    let labels = Labels::new(args.lang.lang());
    let output = match args.format {
        SummaryFormat::Text => vigie_render::revisions::text(&report, &labels, &groups),
        SummaryFormat::Json => vigie_render::revisions::json(&report),
        SummaryFormat::Md => vigie_render::revisions::markdown(&report, &labels, &groups),
    };
    out_raw!("{output}")?;
    Ok(Outcome::Success)
}

pub fn cooperation(cli: &Cli, args: &crate::cli::CooperationArgs) -> Result<Outcome> {
    use crate::cli::SummaryFormat;
    let from = args.from.as_deref().map(month).transpose()?;
    let to = args.to.as_deref().map(month).transpose()?;
    let store = open_store_read_only(&cli.db)?;
    let Some(report) = vigie_report::cooperation(store.as_ref(), &args.org, from, to)? else {
        anyhow::bail!(
            "--org {}: no organisation has this id (vigie organisations list)",
            vigie_domain::text::quoted(&args.org)
        );
    };
    let labels = Labels::new(args.lang.lang());
    let output = match args.format {
        SummaryFormat::Text => vigie_render::cooperation::text(&report, &labels),
        SummaryFormat::Json => format!("{:#}\n", vigie_render::cooperation::json(&report)),
        SummaryFormat::Md => vigie_render::cooperation::markdown(&report, &labels),
    };
    out_raw!("{output}")?;
    Ok(Outcome::Success)
}
