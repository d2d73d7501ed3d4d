//! The bulletin's articles in SQLite: language versions with their images in
//! order, the images' bytes by content hash, imported in one transaction.

use std::collections::HashSet;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use vigie_domain::article::lang_rank;
use vigie_domain::validate::parse_iso_date;
use vigie_domain::{Article, ArticleImage, ArticleKind, ArticleStatus, AuditEntry, Domain, Image, Lang, MediaType};

use super::import::RunTransaction;
use super::users::insert_audit;
use crate::{ArticleFilter, ArticleImportSession, ImportCounts, Result, StoreError, Upsert};

const COLUMNS: &str = "id, lang, date, title, subtitle, kind, domains, author, status, featured, body, author_title";

/// The article at the row's `COLUMNS`, without its images.
fn article_row(row: &rusqlite::Row<'_>) -> Result<Article> {
    let corrupt = |what: &str, value: &str| StoreError::Corrupt(format!("article {what} {value:?}"));
    let lang: String = row.get(1)?;
    let date: String = row.get(2)?;
    let kind: String = row.get(5)?;
    let domains: String = row.get(6)?;
    let status: String = row.get(8)?;
    Ok(Article {
        id: row.get(0)?,
        lang: Lang::parse(&lang).ok_or_else(|| corrupt("lang", &lang))?,
        date: parse_iso_date(&date).ok_or_else(|| corrupt("date", &date))?,
        title: row.get(3)?,
        subtitle: row.get(4)?,
        kind: ArticleKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
        domains: domains
            .lines()
            .map(|code| Domain::parse(code).ok_or_else(|| corrupt("domain", code)))
            .collect::<Result<_>>()?,
        author: row.get(7)?,
        author_title: row.get(11)?,
        status: ArticleStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
        featured: row.get(9)?,
        images: Vec::new(),
        body: row.get(10)?,
    })
}

/// The images of one version, in order.
fn images(conn: &Connection, id: &str, lang: Lang) -> Result<Vec<ArticleImage>> {
    let mut statement = conn.prepare_cached(
        "SELECT file, caption, hash, media_type, credit FROM article_image WHERE article = ?1 AND lang = ?2 ORDER BY position",
    )?;
    let mut rows = statement.query(params![id, lang.code()])?;
    let mut images = Vec::new();
    while let Some(row) = rows.next()? {
        let media_type: String = row.get(3)?;
        images.push(ArticleImage {
            file: row.get(0)?,
            caption: row.get(1)?,
            credit: row.get(4)?,
            hash: row.get(2)?,
            media_type: MediaType::parse(&media_type)
                .ok_or_else(|| StoreError::Corrupt(format!("article image media type {media_type:?}")))?,
        });
    }
    Ok(images)
}

/// The versions that match, by date, then id, then language (fr, en, ar).
pub fn matching(conn: &Connection, filter: &ArticleFilter) -> Result<Vec<Article>> {
    let mut conditions = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let mut condition = |sql: &str, value: Value| {
        values.push(value);
        conditions.push(format!("{sql} ?{}", values.len()));
    };
    if let Some(id) = &filter.id {
        condition("id =", Value::Text(id.clone()));
    }
    if let Some(from) = filter.from {
        condition("date >=", Value::Text(from.to_string()));
    }
    if let Some(to) = filter.to {
        condition("date <=", Value::Text(to.to_string()));
    }
    if let Some(status) = filter.status {
        condition("status =", Value::Text(status.code().into()));
    }
    if let Some(lang) = filter.lang {
        condition("lang =", Value::Text(lang.code().into()));
    }
    if let Some(featured) = filter.featured {
        condition("featured =", Value::Integer(i64::from(featured)));
    }
    let condition = if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
    let mut statement = conn.prepare(&format!("SELECT {COLUMNS} FROM article {condition} ORDER BY date, id"))?;
    let mut rows = statement.query(rusqlite::params_from_iter(values))?;
    let mut articles = Vec::new();
    while let Some(row) = rows.next()? {
        articles.push(article_row(row)?);
    }
    // languages in the bulletin's order (fr, en, ar), not the alphabet's
    articles.sort_by(|a, b| (a.date, &a.id, lang_rank(a.lang)).cmp(&(b.date, &b.id, lang_rank(b.lang))));
    for article in &mut articles {
        article.images = images(conn, &article.id, article.lang)?;
    }
    Ok(articles)
}

/// One version, with its images.
fn one(conn: &Connection, id: &str, lang: Lang) -> Result<Option<Article>> {
    let article = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM article WHERE id = ?1 AND lang = ?2"),
            params![id, lang.code()],
            |row| Ok(article_row(row)),
        )
        .optional()?
        .transpose()?;
    match article {
        Some(mut article) => {
            article.images = images(conn, id, lang)?;
            Ok(Some(article))
        }
        None => Ok(None),
    }
}

/// An image's bytes.
pub fn image(conn: &Connection, hash: &str) -> Result<Option<Vec<u8>>> {
    Ok(conn.query_row("SELECT bytes FROM image WHERE hash = ?1", [hash], |row| row.get(0)).optional()?)
}

/// Stores an image's bytes under its hash (once).
pub fn put_image(conn: &Connection, image: &Image) -> Result<()> {
    conn.execute(
        "INSERT INTO image (hash, bytes) VALUES (?1, ?2) ON CONFLICT (hash) DO NOTHING",
        params![image.hash, image.bytes],
    )?;
    Ok(())
}

/// Inserts or replaces one version and its images (as a whole: their order
/// is part of the article); `import_id` is the import that wrote it, `None`
/// when written in the web application.
fn write_version(conn: &Connection, article: &Article, import_id: Option<i64>) -> Result<()> {
    let lang = article.lang.code();
    let domains: Vec<&str> = article.domains.iter().map(|d| d.code()).collect();
    conn.execute(
        &format!(
            "INSERT INTO article ({COLUMNS}, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT (id, lang) DO UPDATE SET date = ?3, title = ?4, subtitle = ?5, kind = ?6, domains = ?7,
                 author = ?8, status = ?9, featured = ?10, body = ?11, author_title = ?12, import_id = ?13"
        ),
        params![
            article.id,
            lang,
            article.date.to_string(),
            article.title,
            article.subtitle,
            article.kind.code(),
            domains.join("\n"),
            article.author,
            article.status.code(),
            article.featured,
            article.body,
            article.author_title,
            import_id
        ],
    )?;
    conn.execute("DELETE FROM article_image WHERE article = ?1 AND lang = ?2", params![article.id, lang])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO article_image (article, lang, position, hash, media_type, file, caption, credit)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (index, image) in article.images.iter().enumerate() {
        insert.execute(params![
            article.id,
            lang,
            index as i64 + 1,
            image.hash,
            image.media_type.mime(),
            image.file,
            image.caption,
            image.credit
        ])?;
    }
    Ok(())
}

/// Writes one version entered in the web application, the new images it
/// shows and its audit entry in one transaction: inserted when `create`
/// (`false`, nothing written, if it exists), else replaced (`false` if it
/// does not exist).
pub fn save(
    conn: &mut Connection,
    article: &Article,
    images: &[Image],
    create: bool,
    audit: &AuditEntry,
) -> Result<bool> {
    // IMMEDIATE: take the write lock before reading whether it exists
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let exists = one(&tx, &article.id, article.lang)?.is_some();
    if exists == create {
        return Ok(false);
    }
    for image in images {
        put_image(&tx, image)?;
    }
    write_version(&tx, article, None)?;
    insert_audit(&tx, audit)?;
    tx.commit()?;
    Ok(true)
}

pub struct SqliteArticleImport<'a> {
    run: RunTransaction<'a>,
    /// Versions written by this import: a second write is a repeat.
    seen: HashSet<(String, Lang)>,
}

impl<'a> SqliteArticleImport<'a> {
    pub fn begin(conn: &'a mut Connection, source: &str, format: &str) -> Result<SqliteArticleImport<'a>> {
        Ok(SqliteArticleImport { run: RunTransaction::begin(conn, source, format)?, seen: HashSet::new() })
    }
}

impl ArticleImportSession for SqliteArticleImport<'_> {
    fn put_image(&mut self, image: &Image) -> Result<()> {
        put_image(self.run.conn, image)
    }

    fn upsert_article(&mut self, article: &Article) -> Result<Upsert> {
        if !self.seen.insert((article.id.clone(), article.lang)) {
            return Ok(Upsert::Repeated);
        }
        let lang = article.lang.code();
        let outcome = match one(self.run.conn, &article.id, article.lang)? {
            Some(stored) if stored == *article => Upsert::Unchanged,
            Some(_) => Upsert::Updated,
            None => Upsert::New,
        };
        if outcome == Upsert::Unchanged {
            self.run.conn.execute(
                "UPDATE article SET import_id = ?3 WHERE id = ?1 AND lang = ?2",
                params![article.id, lang, self.run.import_id],
            )?;
            return Ok(outcome);
        }
        write_version(self.run.conn, article, Some(self.run.import_id))?;
        Ok(outcome)
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        self.run.record_audit(entry)
    }

    fn finish(mut self: Box<Self>, counts: ImportCounts) -> Result<i64> {
        // images no article shows any more (replaced, or never used)
        self.run.conn.execute("DELETE FROM image WHERE hash NOT IN (SELECT hash FROM article_image)", [])?;
        self.run.finish(counts)
    }
}
