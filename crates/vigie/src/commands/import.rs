//! `vigie import`: the import pipeline (`vigie-ingest`) on files or standard
//! input, with a progress bar, the summary and the located problems. Every
//! import on the command line that is written is in the audit log as `cli`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use vigie_domain::audit::CLI_ACTOR;
use vigie_formats::Format;
use vigie_ingest::{FormatChoice, Options, Source, Summary};

use crate::Outcome;
use crate::cli::{Cli, ImportArgs, InputFormat, RegisterFormat, RegisterImportArgs};
use crate::context::{latest_valid_date, open_store, status};
use crate::progress;

pub fn run(cli: &Cli, args: &ImportArgs) -> Result<Outcome> {
    let mut options = Options::new(latest_valid_date());
    options.format = match args.format {
        None => FormatChoice::Detect,
        Some(InputFormat::Native) => FormatChoice::Native,
        Some(InputFormat::Csv) => FormatChoice::Given(Format::Csv),
        Some(InputFormat::Jsonl) => FormatChoice::Given(Format::Jsonl),
        Some(InputFormat::Acled) => FormatChoice::Given(Format::Acled),
        Some(InputFormat::Ucdp) => FormatChoice::Given(Format::Ucdp),
        Some(InputFormat::Gtd) => FormatChoice::Given(Format::Gtd),
    };
    options.dataset.all_events = args.all_events;
    options.skip_invalid = args.skip_invalid;
    options.rejects = args.rejects.clone();
    options.new_groups = args.new_groups;
    options.default_status = args.default_status.map(status);
    options.dry_run = args.dry_run;
    options.audit_actor = Some(CLI_ACTOR.into());
    options.progress = Box::new(progress::bytes);
    let sources = open_sources(&args.files)?;
    let mut store = open_store(&cli.db)?;
    let summary = vigie_ingest::import(store.as_mut(), sources, &options)?;
    // the import's transaction went through the write-ahead log, which
    // would otherwise keep its size (hundreds of MB for a million rows);
    // a reader still on old pages only delays this to SQLite's next one
    let started = std::time::Instant::now();
    match store.checkpoint() {
        Ok(complete) => tracing::debug!(complete, elapsed = ?started.elapsed(), "checkpoint after the import"),
        Err(error) => tracing::warn!("checkpoint after the import: {error}"),
    }
    print_summary(&summary, &options)
}

/// The files to import (`-`: standard input, at most once).
pub fn open_sources(files: &[PathBuf]) -> Result<Vec<Source>> {
    if files.iter().filter(|f| f.as_path() == Path::new("-")).count() > 1 {
        bail!("standard input (-) can be read only once");
    }
    Ok(files.iter().map(|path| Source::open(path)).collect::<Result<Vec<_>, _>>()?)
}

/// The import options of a register file (members, partners, activities,
/// notes), audited as `cli`.
pub fn register_options(args: &RegisterImportArgs) -> Options {
    let mut options = Options::new(latest_valid_date());
    options.format = match args.format {
        None => FormatChoice::Detect,
        Some(RegisterFormat::Csv) => FormatChoice::Given(Format::Csv),
        Some(RegisterFormat::Jsonl) => FormatChoice::Given(Format::Jsonl),
    };
    options.skip_invalid = args.skip_invalid;
    options.dry_run = args.dry_run;
    options.audit_actor = Some(CLI_ACTOR.into());
    options
}

/// Problems on standard error, the summary on standard output.
pub fn print_summary(summary: &Summary, options: &Options) -> Result<Outcome> {
    let mut stderr = std::io::stderr().lock();
    for problem in &summary.problems {
        writeln!(stderr, "{problem}")?;
    }
    let hidden = summary.problem_count.saturating_sub(summary.problems.len() as u64);
    if hidden > 0 {
        writeln!(stderr, "… and {hidden} more errors")?;
    }
    for source in summary.sources.iter().filter(|s| s.format.is_dataset() && !s.layout.is_empty()) {
        // which dataset and layout was recognised (none when its header was unusable)
        writeln!(stderr, "{}: {}", source.name, source.layout)?;
    }
    for source in &summary.sources {
        for (old, new) in &source.legacy_columns {
            let notice = vigie_i18n::legacy_column_notice(vigie_domain::Lang::En, old, new);
            writeln!(stderr, "{}: notice: {notice}", source.name)?;
        }
    }
    let counts = summary.counts;
    if !summary.written && !options.dry_run {
        writeln!(
            stderr,
            "import failed: {} error{}; nothing was written (fix the rows, or import the valid ones with \
             --skip-invalid --rejects FILE)",
            summary.problem_count,
            if summary.problem_count == 1 { "" } else { "s" }
        )?;
        return Ok(Outcome::Failure);
    }
    out!(
        "{}{} new, {} updated, {} unchanged, {} rejected",
        if options.dry_run { "dry run, nothing written: " } else { "" },
        counts.new,
        counts.updated,
        counts.unchanged,
        counts.rejected
    )?;
    if counts.skipped > 0 {
        out!(
            "{} skipped: protests, riots and strategic developments are not terrorist operations (--all-events keeps them)",
            counts.skipped
        )?;
    }
    if !summary.new_groups.is_empty() {
        const LISTED: usize = 12;
        let count = summary.new_groups.len();
        let mut listed = summary.new_groups.iter().take(LISTED).cloned().collect::<Vec<_>>().join(", ");
        if count > LISTED {
            listed.push_str(&format!(", … and {} more (see `vigie groups`)", count - LISTED));
        }
        out!("{count} new perpetrator group{}: {listed}", if count == 1 { "" } else { "s" })?;
    }
    if summary.state_forces > 0 {
        out!(
            "{} of the rows are attributed to state forces: kept in the register, left out of the terrorism \
             statistics (a group's kind: vigie groups; count them with report monthly --include-state-actors)",
            summary.state_forces
        )?;
    }
    if summary.drafts > 0 {
        out!(
            "{} of the new or updated incidents are drafts: reports count verified incidents only \
             (give a status column or --default-status verified)",
            summary.drafts
        )?;
    }
    if let Some(path) = options.rejects.as_ref().filter(|_| counts.rejected > 0) {
        out!("rejected rows written to {}", path.display())?;
    }
    for path in &summary.more_rejects {
        out!("rejected rows of another layout written to {}", path.display())?;
    }
    let failed_check = options.dry_run && summary.problem_count > 0 && !options.skip_invalid;
    Ok(if failed_check { Outcome::Failure } else { Outcome::Success })
}
