//! `vigie bulletin`: composes an issue from the store and writes its
//! editions (PDF, HTML, or the edition JSON) per language.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use vigie_bulletin::{Issue, Outputs, Profile, Sources};
use vigie_domain::{Lang, Month};

use crate::Outcome;
use crate::cli::{BulletinArgs, BulletinFormat, BulletinLang, Cli};
use crate::context::{open_store_read_only, regions};

/// The issue the flags and the issue file describe; flags win.
fn issue(args: &BulletinArgs) -> Result<Issue> {
    let mut issue = match &args.issue {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            Issue::from_toml(&text, &path.display().to_string())?
        }
        None => {
            // clap requires both without an issue file
            let number = args.number.ok_or_else(|| anyhow!("--number is required"))?;
            let text = args.month.as_deref().ok_or_else(|| anyhow!("--month is required"))?;
            Issue::new(number, parse_month(text)?)
        }
    };
    if let Some(number) = args.number {
        issue.number = number;
    }
    if let Some(text) = &args.month {
        issue.month = parse_month(text)?;
        issue.year_review = issue.month.number() == 12;
    }
    if !args.regions.is_empty() {
        issue.regions = args.regions.clone();
    }
    if !args.featured.is_empty() {
        issue.featured = args.featured.clone();
    }
    issue.year_review |= args.year_review;
    Ok(issue)
}

fn parse_month(text: &str) -> Result<Month> {
    Month::parse(text).ok_or_else(|| anyhow!("--month {}: write YYYY-MM", vigie_domain::text::quoted(text)))
}

fn profile(path: Option<&Path>) -> Result<Profile> {
    match path {
        None => Ok(Profile::demo()),
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            Ok(Profile::from_toml(&text, &path.display().to_string())?)
        }
    }
}

fn write(path: PathBuf, bytes: &[u8]) -> Result<PathBuf> {
    // whole or not at all: a reader never sees half a file
    let partial = path.with_extension("partial");
    std::fs::write(&partial, bytes).with_context(|| format!("cannot write {}", partial.display()))?;
    std::fs::rename(&partial, &path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// Composes the issue and writes its files; returns their paths.
pub fn build(cli: &Cli, args: &BulletinArgs) -> Result<Vec<PathBuf>> {
    let issue = issue(args)?;
    let profile = profile(args.profile.as_deref())?;
    let regions = regions(cli.regions.as_deref())?;
    let store = open_store_read_only(&cli.db)?;
    let sources = Sources::read(store.as_ref(), &issue, &regions)?;
    let langs: Vec<Lang> = match args.lang {
        BulletinLang::Fr => vec![Lang::Fr],
        BulletinLang::En => vec![Lang::En],
        BulletinLang::Ar => vec![Lang::Ar],
        BulletinLang::All => Lang::ALL.to_vec(),
    };
    let outputs = Outputs {
        pdf: matches!(args.format, BulletinFormat::Pdf | BulletinFormat::Both),
        html: matches!(args.format, BulletinFormat::Html | BulletinFormat::Both),
    };
    std::fs::create_dir_all(&args.output).with_context(|| format!("cannot create {}", args.output.display()))?;
    let stem = issue.file_stem();
    let mut written = Vec::new();
    for printed in vigie_bulletin::print(&sources, &profile, &langs, outputs)? {
        let name = |extension: &str| args.output.join(format!("{stem}.{}.{extension}", printed.lang));
        if args.format == BulletinFormat::Json {
            let mut json = serde_json::to_vec_pretty(&printed.edition)?;
            json.push(b'\n');
            written.push(write(name("json"), &json)?);
        }
        if let Some(pdf) = &printed.pdf {
            // the layout printed, but something in it deserves a look
            for warning in &pdf.warnings {
                eprintln!("{}: {warning}", name("pdf").display());
            }
            written.push(write(name("pdf"), &pdf.bytes)?);
        }
        if let Some(html) = &printed.html {
            written.push(write(name("html"), html.as_bytes())?);
        }
    }
    Ok(written)
}

pub fn run(cli: &Cli, args: &BulletinArgs) -> Result<Outcome> {
    for path in build(cli, args)? {
        out!("{}", path.display())?;
    }
    Ok(Outcome::Success)
}
