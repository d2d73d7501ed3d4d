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

/// Writes every file or none: each goes to a temporary file of its own in
/// its directory (a dot, the file's name, a random part, `.tmp`), and only
/// when all are written and synced are they renamed into place. A failure
/// removes the temporaries;
/// a rename that fails half-way puts back the files already replaced (kept
/// as hard links until the end), so the directory holds the earlier files
/// or all the new ones, never a mix of issues or languages.
fn write_all(files: Vec<(PathBuf, Vec<u8>)>) -> Result<Vec<PathBuf>> {
    use std::io::Write;
    let mut pending = Vec::with_capacity(files.len());
    for (path, bytes) in &files {
        let (dir, name) = split(path)?;
        let mut temp =
            tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(dir).with_context(
                || format!("cannot write {}: cannot create a temporary file in {}", path.display(), dir.display()),
            )?;
        temp.write_all(bytes)
            .and_then(|()| temp.as_file().sync_all())
            .with_context(|| format!("cannot write {}", path.display()))?;
        // dropped on any failure below: the temporary is removed
        pending.push((path.clone(), temp.into_temp_path()));
    }
    // the files being replaced, kept until every rename has succeeded
    let mut backups: Vec<(PathBuf, tempfile::TempPath)> = Vec::new();
    let mut placed: Vec<PathBuf> = Vec::new();
    let mut failure = None;
    for (path, temp) in pending {
        if let Err(error) = replace(&path, temp, &mut backups) {
            failure = Some(error);
            break;
        }
        placed.push(path);
    }
    if let Some(error) = failure {
        // undo: the files renamed into place go, the earlier ones come back
        for path in &placed {
            let _ = std::fs::remove_file(path);
        }
        for (path, backup) in backups {
            let _ = backup.persist(&path);
        }
        return Err(error);
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// Renames `temp` onto `path`, first keeping the file it replaces (a hard
/// link, else a copy) in `backups`.
fn replace(path: &Path, temp: tempfile::TempPath, backups: &mut Vec<(PathBuf, tempfile::TempPath)>) -> Result<()> {
    let context = || format!("cannot write {}", path.display());
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
        let (dir, name) = split(path)?;
        let backup = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".old")
            .tempfile_in(dir)
            .with_context(context)?
            .into_temp_path();
        std::fs::remove_file(&backup).with_context(context)?;
        if std::fs::hard_link(path, &backup).is_err() {
            std::fs::copy(path, &backup).with_context(context)?;
        }
        backups.push((path.to_path_buf(), backup));
    }
    temp.persist(path).map_err(|e| e.error).with_context(context)?;
    Ok(())
}

/// A file's directory and name.
fn split(path: &Path) -> Result<(&Path, String)> {
    let name = path.file_name().ok_or_else(|| anyhow!("{}: not a file name", path.display()))?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Ok((dir, name.to_string_lossy().into_owned()))
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
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for printed in vigie_bulletin::print(&sources, &profile, &langs, outputs)? {
        let name = |extension: &str| args.output.join(format!("{stem}.{}.{extension}", printed.lang));
        if args.format == BulletinFormat::Json {
            let mut json = serde_json::to_vec_pretty(&printed.edition)?;
            json.push(b'\n');
            files.push((name("json"), json));
        }
        if let Some(pdf) = printed.pdf {
            // the layout printed, but something in it deserves a look
            for warning in &pdf.warnings {
                eprintln!("{}: {warning}", name("pdf").display());
            }
            files.push((name("pdf"), pdf.bytes));
        }
        if let Some(html) = printed.html {
            files.push((name("html"), html.into_bytes()));
        }
    }
    // every language and format, or none
    write_all(files)
}

pub fn run(cli: &Cli, args: &BulletinArgs) -> Result<Outcome> {
    for path in build(cli, args)? {
        out!("{}", path.display())?;
    }
    Ok(Outcome::Success)
}
