//! Imports of articles, with the rules of the register imports: every
//! `*.md` file directly in one folder, in file name order, in one
//! transaction, committed only if every file is valid (or `skip_invalid`),
//! problems located at the line of the key to fix. The images an article
//! names are read, checked by content and stored by hash as the article is
//! read, so that only one image is held in memory at a time; a rejected
//! article's images are not stored.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use vigie_domain::article::{ImageRef, MAX_IMAGE_BYTES, validate_article};
use vigie_domain::validate::FieldErrorKind;
use vigie_domain::{Article, ArticleImage, FieldError, Image, Lang};
use vigie_formats::RowProblem;
use vigie_formats::article::{KeyLines, read_article};
use vigie_store::{ArticleImportSession, Store};

use crate::audit::import_entry;
use crate::problems::Problems;
use crate::{IngestError, Options, Summary};

/// The largest article file: Markdown text, so anything larger is a mistake.
const MAX_ARTICLE_BYTES: u64 = 2 * 1024 * 1024;

/// Imports the article files of `dir` in one transaction.
pub fn import_articles(store: &mut dyn Store, dir: &Path, options: &Options) -> Result<Summary, IngestError> {
    let files = article_files(dir)?;
    let problems = Problems::new(None);
    let mut summary = Summary::default();
    let source = dir.display().to_string();
    let mut session = store.begin_article_import(&source, "articles")?;
    // the valid versions met so far, with where they are
    let mut seen: HashMap<(String, Lang), String> = HashMap::new();
    let mut articles: Vec<Article> = Vec::new();
    for (index, path) in files.iter().enumerate() {
        let name = path.display().to_string();
        match read_one(path, &name, &mut seen, session.as_mut())? {
            Ok(article) => articles.push(article),
            Err(found) => {
                problems.note(index, &name, &found);
                summary.counts.rejected += 1;
            }
        }
    }
    let found = problems.finish()?;
    summary.problems = found.problems;
    summary.details = found.details;
    summary.problem_count = found.count;

    let complete = found.count == 0 || options.skip_invalid;
    if complete || options.dry_run {
        for article in &articles {
            // repeats are found above: none comes here (it would count as rejected)
            summary.counts.record(session.upsert_article(article)?);
        }
        if complete && !options.dry_run {
            if let Some(entry) =
                import_entry(options, "article", std::slice::from_ref(&source), "markdown", summary.counts)
            {
                session.record_audit(&entry)?;
            }
            session.finish(summary.counts)?;
            summary.written = true;
        }
        // otherwise the session is dropped and the transaction rolls back
    }
    Ok(summary)
}

/// The `*.md` files directly in `dir`, by file name; hidden ones (editors'
/// backups and locks) left out.
fn article_files(dir: &Path) -> Result<Vec<PathBuf>, IngestError> {
    let read_error = |source| IngestError::Read { name: dir.display().to_string(), source };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        let markdown = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("md"));
        let hidden = path.file_name().is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
        if markdown && !hidden && path.is_file() {
            files.push(path);
        }
    }
    if files.is_empty() {
        return Err(read_error(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no article files (*.md) in this folder",
        )));
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}

/// A problem at `line` about `key`, reading `FILE:LINE: KEY: …`.
fn problem(line: u64, key: &str, message: impl std::fmt::Display, value: Option<&str>) -> RowProblem {
    RowProblem {
        kind: None,
        line,
        column: String::new(),
        message: format!("{key}: {message}"),
        value: value.map(str::to_string),
    }
}

fn located(lines: &KeyLines, errors: Vec<FieldError>) -> Vec<RowProblem> {
    errors
        .into_iter()
        .map(|e| {
            let line = match e.kind {
                // a line of the body, counted from the body's first
                FieldErrorKind::TooDeep { line, .. } => lines.line(&e.column) + line as u64 - 1,
                _ => lines.line(&e.column),
            };
            let message = vigie_i18n::field_error_english(&e.kind);
            problem(line, &e.column, message, Some(e.value.as_str()).filter(|v| !v.is_empty()))
        })
        .collect()
}

/// Reads, checks and (for its images) stores one article file; the
/// article, or what is wrong with it.
fn read_one(
    path: &Path,
    name: &str,
    seen: &mut HashMap<(String, Lang), String>,
    session: &mut dyn ArticleImportSession,
) -> Result<Result<Article, Vec<RowProblem>>, IngestError> {
    let bytes = match read_limited(path, MAX_ARTICLE_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            let message = format!("larger than {} MiB: not an article", MAX_ARTICLE_BYTES >> 20);
            return Ok(Err(vec![RowProblem { kind: None, line: 1, column: String::new(), message, value: None }]));
        }
        Err(source) => return Err(IngestError::Read { name: name.to_string(), source }),
    };
    let file = match read_article(&bytes) {
        Ok(file) => file,
        Err(problems) => return Ok(Err(problems)),
    };
    let mut problems: Vec<RowProblem> = file.problems.iter().map(|p| p.problem.clone()).collect();
    let (mut article, images) = match validate_article(&file.raw) {
        Ok(valid) if problems.is_empty() => valid,
        Ok(_) => return Ok(Err(problems)),
        Err(errors) => {
            // a key whose value could not be read is not also "required"
            let errors = errors.into_iter().filter(|e| !file.has_problem(&e.column)).collect();
            problems.extend(located(&file.lines, errors));
            return Ok(Err(problems));
        }
    };
    let id_line = file.lines.line("id");
    let key = (article.id.clone(), article.lang);
    if let Some(first) = seen.get(&key) {
        let message = format!(
            "the {} version of {} is already in {first}: give each story one file per language",
            article.lang, article.id
        );
        return Ok(Err(vec![problem(id_line, "id", message, None)]));
    }
    seen.insert(key, format!("{name}:{id_line}"));

    let folder = path.parent().unwrap_or(Path::new("."));
    let mut loaded = Vec::new();
    for image in images {
        match load_image(&folder.join(&image.file)) {
            Ok(bytes) => loaded.push((image, bytes)),
            Err(message) => problems.push(problem(file.lines.line(&image.key), &image.key, message, Some(&image.file))),
        }
    }
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    for (ImageRef { file, caption, credit, .. }, image) in loaded {
        session.put_image(&image)?;
        article.images.push(ArticleImage { file, caption, credit, hash: image.hash, media_type: image.media_type });
    }
    Ok(Ok(article))
}

/// The file's bytes, or `None` if it is larger than `limit`.
fn read_limited(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// An image file, checked: present, not too large, PNG, JPEG or a safe
/// SVG by content (the domain's rule, the web editor's too).
fn load_image(path: &Path) -> Result<Image, String> {
    if !path.is_file() {
        return Err(format!("no such file (looked for {})", path.display()));
    }
    let bytes = match read_limited(path, MAX_IMAGE_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err(format!("larger than {} MiB", MAX_IMAGE_BYTES >> 20)),
        Err(error) => return Err(format!("cannot read {}: {error}", path.display())),
    };
    Image::from_bytes(bytes).map_err(|refused| refused.to_string())
}
