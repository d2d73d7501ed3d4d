//! `vigie articles import|list|show`: the bulletin's articles, one Markdown
//! file per language version, listed by story so that a missing translation
//! shows.

use std::io::Write;

use anyhow::{Result, bail};
use serde::Serialize;
use vigie_domain::audit::CLI_ACTOR;
use vigie_domain::{Article, ArticleStatus, Lang, Story};
use vigie_formats::article::{Syntax, write_article_with_notes};
use vigie_ingest::Options;
use vigie_store::ArticleFilter;

use super::import::print_summary;
use crate::Outcome;
use crate::cli::{ArticleStatusArg, ArticlesImportArgs, ArticlesListArgs, ArticlesListFormat, ArticlesShowArgs, Cli};
use crate::context::{latest_valid_date, month, open_store, open_store_read_only};

pub fn import(cli: &Cli, args: &ArticlesImportArgs) -> Result<Outcome> {
    let mut options = Options::new(latest_valid_date());
    options.skip_invalid = args.skip_invalid;
    options.dry_run = args.dry_run;
    options.audit_actor = Some(CLI_ACTOR.into());
    let mut store = open_store(&cli.db)?;
    let summary = vigie_ingest::import_articles(store.as_mut(), &args.dir, &options)?;
    print_summary(&summary, &options)
}

pub fn list(cli: &Cli, args: &ArticlesListArgs) -> Result<Outcome> {
    let mut filter = match &args.month {
        Some(text) => ArticleFilter::month(month(text)?),
        None => ArticleFilter::default(),
    };
    filter.status = args.status.map(|status| match status {
        ArticleStatusArg::Draft => ArticleStatus::Draft,
        ArticleStatusArg::Published => ArticleStatus::Published,
    });
    filter.featured = args.featured.then_some(true);
    let store = open_store_read_only(&cli.db)?;
    let stories = Story::group(store.articles(&filter)?);
    let mut stdout = std::io::stdout().lock();
    match args.format {
        ArticlesListFormat::Table => {
            table(&story_rows(&stories, args.lang.lang()), &mut stdout)?;
            let count = stories.len();
            let incomplete = stories.iter().filter(|s| !s.missing().is_empty()).count();
            eprintln!("{count} stor{}, {incomplete} missing a translation", if count == 1 { "y" } else { "ies" });
        }
        ArticlesListFormat::Csv => write_csv(&stories, &mut stdout)?,
        ArticlesListFormat::Jsonl => {
            for story in &stories {
                serde_json::to_writer(&mut stdout, &story_json(story))?;
                writeln!(stdout)?;
            }
        }
        ArticlesListFormat::Json => {
            let all: Vec<StoryJson<'_>> = stories.iter().map(story_json).collect();
            serde_json::to_writer_pretty(&mut stdout, &all)?;
            writeln!(stdout)?;
        }
    }
    stdout.flush()?;
    Ok(Outcome::Success)
}

pub fn show(cli: &Cli, args: &ArticlesShowArgs) -> Result<Outcome> {
    let store = open_store_read_only(&cli.db)?;
    let filter = ArticleFilter { id: Some(args.id.clone()), ..ArticleFilter::default() };
    let all = store.articles(&filter)?;
    let Some(story) = Story::group(all).pop() else {
        bail!("no article {}: see `vigie articles list`", vigie_domain::text::quoted(&args.id));
    };
    let versions: Vec<&Article> = match args.lang {
        None => story.versions.iter().collect(),
        Some(lang) => match story.version(lang.lang()) {
            Some(version) => vec![version],
            None => bail!("article {} has no {} version (it has {})", story.id, lang.lang(), codes(&story.languages())),
        },
    };
    let mut stdout = std::io::stdout().lock();
    for (index, version) in versions.iter().enumerate() {
        if index > 0 {
            writeln!(stdout)?;
        }
        let notes: Vec<String> =
            version.images.iter().map(|i| format!("{}, sha256 {}", i.media_type.mime(), i.hash)).collect();
        let text = write_article_with_notes(&version.to_raw(), Syntax::Toml, &notes);
        stdout.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            writeln!(stdout)?;
        }
    }
    stdout.flush()?;
    let missing = story.missing();
    if missing.is_empty() {
        eprintln!("{}: {}", story.id, codes(&story.languages()));
    } else {
        eprintln!("{}: {}; missing: {}", story.id, codes(&story.languages()), codes(&missing));
    }
    Ok(Outcome::Success)
}

fn codes(langs: &[Lang]) -> String {
    langs.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ")
}

/// The value all versions share, else `mixed`.
fn common(story: &Story, value: impl Fn(&Article) -> &'static str) -> &'static str {
    let first = story.versions.first().map(&value).unwrap_or("");
    if story.versions.iter().all(|v| value(v) == first) { first } else { "mixed" }
}

fn story_rows(stories: &[Story], lang: Lang) -> Vec<Vec<String>> {
    let header =
        ["id", "date", "kind", "status", "featured", "languages", "missing", "title"].map(String::from).to_vec();
    std::iter::once(header)
        .chain(stories.iter().map(|story| {
            let langs = |langs: Vec<Lang>| langs.iter().map(|l| l.code()).collect::<Vec<_>>().join(" ");
            vec![
                story.id.clone(),
                story.date().to_string(),
                common(story, |v| v.kind.code()).to_string(),
                common(story, |v| v.status.code()).to_string(),
                common(story, |v| if v.featured { "yes" } else { "no" }).to_string(),
                langs(story.languages()),
                langs(story.missing()),
                story.preferred(lang).map(|v| v.title.clone()).unwrap_or_default(),
            ]
        }))
        .collect()
}

/// One row per version; `translations` lists the story's other languages.
fn write_csv(stories: &[Story], output: &mut impl Write) -> Result<()> {
    let mut writer = csv::Writer::from_writer(output);
    writer.write_record([
        "id",
        "lang",
        "date",
        "kind",
        "status",
        "featured",
        "title",
        "subtitle",
        "author",
        "domains",
        "images",
        "translations",
        "missing",
    ])?;
    for story in stories {
        let missing = story.missing().iter().map(|l| l.code()).collect::<Vec<_>>().join(" ");
        for version in &story.versions {
            let others: Vec<&str> =
                story.versions.iter().filter(|v| v.lang != version.lang).map(|v| v.lang.code()).collect();
            let domains: Vec<&str> = version.domains.iter().map(|d| d.code()).collect();
            vigie_formats::cell::write_record(
                &mut writer,
                [
                    version.id.as_str(),
                    version.lang.code(),
                    &version.date.to_string(),
                    version.kind.code(),
                    version.status.code(),
                    if version.featured { "true" } else { "false" },
                    &version.title,
                    &version.subtitle,
                    &version.author,
                    &domains.join(vigie_domain::Domain::SEPARATOR),
                    &version.images.len().to_string(),
                    &others.join(" "),
                    &missing,
                ],
            )?;
        }
    }
    writer.flush()?;
    Ok(())
}

#[derive(Serialize)]
struct StoryJson<'a> {
    id: &'a str,
    /// The earliest of the versions' dates.
    date: String,
    versions: VersionsJson<'a>,
    missing: Vec<&'static str>,
}

/// The versions by language, in the bulletin's order; absent ones left out.
#[derive(Serialize)]
struct VersionsJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    fr: Option<VersionJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    en: Option<VersionJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ar: Option<VersionJson<'a>>,
}

#[derive(Serialize)]
struct VersionJson<'a> {
    date: String,
    kind: &'static str,
    title: &'a str,
    subtitle: &'a str,
    status: &'static str,
    featured: bool,
    author: &'a str,
    domains: Vec<&'static str>,
    images: Vec<ImageJson<'a>>,
}

#[derive(Serialize)]
struct ImageJson<'a> {
    file: &'a str,
    caption: &'a str,
    hash: &'a str,
    media_type: &'static str,
}

fn story_json(story: &Story) -> StoryJson<'_> {
    let version = |lang: Lang| {
        story.version(lang).map(|v| VersionJson {
            date: v.date.to_string(),
            kind: v.kind.code(),
            title: &v.title,
            subtitle: &v.subtitle,
            status: v.status.code(),
            featured: v.featured,
            author: &v.author,
            domains: v.domains.iter().map(|d| d.code()).collect(),
            images: v
                .images
                .iter()
                .map(|i| ImageJson {
                    file: &i.file,
                    caption: &i.caption,
                    hash: &i.hash,
                    media_type: i.media_type.mime(),
                })
                .collect(),
        })
    };
    StoryJson {
        id: &story.id,
        date: story.date().to_string(),
        versions: VersionsJson { fr: version(Lang::Fr), en: version(Lang::En), ar: version(Lang::Ar) },
        missing: story.missing().iter().map(|l| l.code()).collect(),
    }
}

/// Pads by characters (enough for the Latin titles; Arabic ones are not
/// aligned by a terminal anyway).
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.chars().count())))
}

fn table(rows: &[Vec<String>], output: &mut impl Write) -> std::io::Result<()> {
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> =
        (0..columns).map(|c| rows.iter().map(|row| row[c].chars().count()).max().unwrap_or(0)).collect();
    for row in rows {
        let line: Vec<String> = row.iter().zip(&widths).map(|(cell, &width)| pad(cell, width)).collect();
        writeln!(output, "{}", line.join("  ").trim_end())?;
    }
    Ok(())
}
