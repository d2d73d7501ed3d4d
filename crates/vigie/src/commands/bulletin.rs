//! `vigie bulletin`: composes an issue from the store and writes its
//! editions (PDF, HTML, or the edition JSON) per language.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use vigie_bulletin::{Issue, Outputs, Profile, Sources};
use vigie_domain::AuditEntry;
use vigie_domain::audit::CLI_ACTOR;
use vigie_domain::publication::{BuildRefusal, IssueLabel};
use vigie_domain::text::quoted;
use vigie_domain::{Lang, Month};
use vigie_i18n::publication_refusal;

use crate::Outcome;
use crate::cli::{BulletinArgs, BulletinCommand, BulletinFormat, BulletinLang, Cli};
use crate::context::{open_store, open_store_read_only, regions};

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
    issue.casualty_ranges |= args.casualty_ranges;
    Ok(issue)
}

fn parse_month(text: &str) -> Result<Month> {
    Month::parse(text).ok_or_else(|| anyhow!("--month {}: write YYYY-MM", quoted(text)))
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
    stage(files)?.place()
}

/// Files written to their temporaries, not yet in place.
struct Staged {
    pending: Vec<(PathBuf, tempfile::TempPath)>,
}

/// Writes each file to a temporary of its own in its directory; dropped,
/// the temporaries go.
fn stage(files: Vec<(PathBuf, Vec<u8>)>) -> Result<Staged> {
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
    Ok(Staged { pending })
}

impl Staged {
    /// Renames every temporary into place, or puts the earlier files back.
    fn place(self) -> Result<Vec<PathBuf>> {
        let paths: Vec<PathBuf> = self.pending.iter().map(|(path, _)| path.clone()).collect();
        // the files being replaced, kept until every rename has succeeded
        let mut backups: Vec<(PathBuf, tempfile::TempPath)> = Vec::new();
        let mut placed: Vec<PathBuf> = Vec::new();
        let mut failure = None;
        for (path, temp) in self.pending {
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
        Ok(paths)
    }
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

/// Composes the issue and writes its files; returns their paths. A build
/// of every language in PDF and HTML is kept in the database as the
/// issue's draft (or its revision's, with `--revise`); a published issue is
/// never built again.
pub fn build(cli: &Cli, args: &BulletinArgs) -> Result<Vec<PathBuf>> {
    let issue = issue(args)?;
    let profile = profile(args.profile.as_deref())?;
    let regions = regions(cli.regions.as_deref())?;
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
    // the six files make an issue the database keeps; anything less is a
    // preview, written to the folder only
    let kept = args.lang == BulletinLang::All && args.format == BulletinFormat::Both;
    let mut store = if kept { open_store(&cli.db)? } else { open_store_read_only(&cli.db)? };
    let label = vigie_bulletin::publication::revision(store.as_ref(), &issue, args.revise.as_deref())?
        .map_err(|refusal| anyhow!("{}{}", publication_refusal(Lang::En, &refusal), remedy(&refusal)))?;
    let sources = Sources::read(store.as_ref(), &issue, &regions)?;
    std::fs::create_dir_all(&args.output).with_context(|| format!("cannot create {}", args.output.display()))?;
    let stem = format!("bulletin-{label}-{}", issue.month);
    let printed = vigie_bulletin::print(&sources, &profile, &langs, outputs)?;
    // the data's texts an edition had to take from another language
    let fallbacks: Vec<_> = printed.iter().flat_map(|p| &p.edition.fallbacks).collect();
    for fallback in &fallbacks {
        eprintln!("notice: {}", fallback.describe());
    }
    for missing in vigie_bulletin::missing::notes(&sources) {
        eprintln!("notice: {}", missing.describe(Lang::En));
    }
    if args.strict && !fallbacks.is_empty() {
        bail!(
            "--strict: {} text{} of the data would print in another language than the edition's (listed above); \
             nothing was written",
            fallbacks.len(),
            if fallbacks.len() == 1 { "" } else { "s" }
        );
    }
    let built = kept.then(|| {
        let now = jiff::Timestamp::now();
        let built =
            vigie_bulletin::publication::built(&sources, &printed, label, args.revise.as_deref(), CLI_ACTOR, now);
        (now, built)
    });
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for printed in printed {
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
    // every language and format, or none; the draft kept only when every
    // file could be written, and the files placed only when it is kept
    let staged = stage(files)?;
    if let Some((now, built)) = built {
        let audit = AuditEntry::new(now, CLI_ACTOR, "bulletin.build", "bulletin", Some(&label.to_string()))
            .with_detail(format!("{} {}", built.record.month, built.record.spec));
        store.save_bulletin(&built.record, &built.files, &built.reports, &audit)?;
    }
    staged.place()
}

/// What to type, after a refusal's words.
fn remedy(refusal: &BuildRefusal) -> &'static str {
    match refusal {
        BuildRefusal::Published { .. } => " (--revise REASON)",
        BuildRefusal::NothingToRevise { .. } => " (without --revise)",
        BuildRefusal::EmptyReason | BuildRefusal::OtherMonth { .. } => "",
    }
}

pub fn run(cli: &Cli, args: &BulletinArgs) -> Result<Outcome> {
    match &args.command {
        None => {
            for path in build(cli, args)? {
                out!("{}", path.display())?;
            }
        }
        Some(BulletinCommand::Publish { number }) => publish(cli, *number)?,
        Some(BulletinCommand::List) => list(cli)?,
        Some(BulletinCommand::Files { issue, output }) => {
            for path in stored_files(cli, issue, output)? {
                out!("{}", path.display())?;
            }
        }
    }
    Ok(Outcome::Success)
}

/// Freezes the draft of issue `number`.
fn publish(cli: &Cli, number: u32) -> Result<()> {
    let mut store = open_store(&cli.db)?;
    let now = jiff::Timestamp::now();
    let audit = AuditEntry::new(now, CLI_ACTOR, "bulletin.publish", "bulletin", Some(&number.to_string()));
    let Some(label) = store.publish_bulletin(number, now, CLI_ACTOR, &audit)? else {
        let issues = store.bulletins()?;
        let published: Vec<_> = issues.iter().filter(|i| i.number == number && i.published).collect();
        match published.iter().max_by_key(|i| i.revision) {
            Some(last) => bail!(
                "issue {number} has no draft to publish: {} is published already; a correction is built first \
                 (vigie bulletin --number {number} --month {} --revise REASON)",
                last.label(),
                last.month
            ),
            None => bail!(
                "issue {number} has not been built: build it first (vigie bulletin --number {number} --month YYYY-MM)"
            ),
        }
    };
    out!("issue {label} published; its files are frozen:")?;
    for file in store.bulletin_files(label)? {
        out!("  {}.{}  sha256 {}", file.lang, file.format, file.sha256)?;
    }
    Ok(())
}

/// Every issue and revision, one line each, then its files.
fn list(cli: &Cli) -> Result<()> {
    let store = open_store_read_only(&cli.db)?;
    let issues = store.bulletins()?;
    if issues.is_empty() {
        out!("no issue built yet")?;
    }
    for issue in issues {
        let status = match (&issue.published_at, &issue.published_by) {
            (Some(at), Some(by)) if issue.published => format!("published {at} by {by}"),
            _ if issue.published => "published".to_string(),
            _ => "draft".to_string(),
        };
        let built = issue.built_at.map(|at| format!(", built {at} by {}", issue.created_by)).unwrap_or_default();
        out!("{:<6} {}  {status}{built}", issue.label().to_string(), issue.month)?;
        if let Some(reason) = &issue.reason {
            out!("       reason: {reason}")?;
        }
        for file in store.bulletin_files(issue.label())? {
            out!("       {}.{}  sha256 {}", file.lang, file.format, file.sha256)?;
        }
    }
    Ok(())
}

/// Writes the stored files of issue `label` to `output`.
fn stored_files(cli: &Cli, label: &str, output: &Path) -> Result<Vec<PathBuf>> {
    let parsed = IssueLabel::parse(label)
        .ok_or_else(|| anyhow!("--issue {}: write the number (58) or a revision (58.1)", quoted(label)))?;
    let store = open_store_read_only(&cli.db)?;
    let issue = store
        .bulletins()?
        .into_iter()
        .find(|i| i.label() == parsed)
        .ok_or_else(|| anyhow!("--issue {parsed}: no such issue in the database (vigie bulletin list)"))?;
    std::fs::create_dir_all(output).with_context(|| format!("cannot create {}", output.display()))?;
    let files = store
        .bulletin_files(parsed)?
        .into_iter()
        .map(|file| {
            (output.join(format!("bulletin-{parsed}-{}.{}.{}", issue.month, file.lang, file.format)), file.bytes)
        })
        .collect();
    write_all(files)
}
