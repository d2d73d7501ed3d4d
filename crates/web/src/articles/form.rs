//! The editor's form: what was typed (kept as typed, to be shown again),
//! read from the multipart body, turned into the domain's `RawArticle`,
//! and each problem as a message in the page's language next to its field.

use std::collections::{BTreeMap, HashMap};

use axum::extract::Multipart;
use axum::http::StatusCode;
use vigie_domain::article::{MAX_AUTHOR, MAX_CAPTION, MAX_IMAGES, MAX_TITLE, RawArticle, RawImage};
use vigie_domain::{Article, ArticleStatus, FieldError, Lang, MediaType};
use vigie_i18n::Value as FluentValue;

/// The longest Markdown body, in bytes.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Image rows beyond this index are not read (the domain allows
/// `MAX_IMAGES`; the extra one lets it say "too many").
const MAX_IMAGE_ROWS: usize = MAX_IMAGES + 1;

/// One image of the version being edited.
#[derive(Debug, Clone, Default)]
pub struct EnteredImage {
    pub hash: String,
    pub file: String,
    pub caption: String,
    pub credit: String,
    /// Known when the image came from the stored version or this upload;
    /// otherwise told from the stored bytes before saving.
    pub media_type: Option<MediaType>,
}

/// The values of the form, as typed.
#[derive(Debug, Clone, Default)]
pub struct Entered {
    pub id: String,
    pub lang: String,
    pub date: String,
    pub title: String,
    pub subtitle: String,
    pub kind: String,
    pub domains: Vec<String>,
    pub author: String,
    pub author_title: String,
    pub status: String,
    pub featured: bool,
    pub body: String,
    pub images: Vec<EnteredImage>,
    /// The version a translation is written from (`lang` code), shown
    /// beside the editor.
    pub source: String,
    /// The fingerprint of the stored version the editor was opened on
    /// (`crate::version`), kept as sent through previews and messages.
    pub version: String,
}

impl Entered {
    pub fn from_article(article: &Article) -> Entered {
        Entered {
            id: article.id.clone(),
            lang: article.lang.code().into(),
            date: article.date.to_string(),
            title: article.title.clone(),
            subtitle: article.subtitle.clone(),
            kind: article.kind.code().into(),
            domains: article.domains.iter().map(|d| d.code().to_string()).collect(),
            author: article.author.clone(),
            author_title: article.author_title.clone(),
            status: article.status.code().into(),
            featured: article.featured,
            body: article.body.clone(),
            images: article
                .images
                .iter()
                .map(|i| EnteredImage {
                    hash: i.hash.clone(),
                    file: i.file.clone(),
                    caption: i.caption.clone(),
                    credit: i.credit.clone(),
                    media_type: Some(i.media_type),
                })
                .collect(),
            source: String::new(),
            version: String::new(),
        }
    }

    /// A new translation of `source` into `lang`: the story's id and the
    /// values that do not depend on the language; text to be written, and
    /// a draft.
    pub fn translation(source: &Article, lang: Lang) -> Entered {
        Entered {
            lang: lang.code().into(),
            title: String::new(),
            subtitle: String::new(),
            body: String::new(),
            status: ArticleStatus::Draft.code().into(),
            source: source.lang.code().into(),
            ..Entered::from_article(source)
        }
    }

    /// What a translator may write of a version held to `reference` (the
    /// version translated, or the version changed): its title, subtitle,
    /// body, author's title and the captions and credits of the
    /// reference's images; its date, kind, domains, author, images and
    /// featured flag are the reference's, and it stays a draft.
    pub fn held_to(self, reference: &Article) -> Entered {
        let images = reference
            .images
            .iter()
            .map(|image| {
                let typed = self.images.iter().find(|e| e.hash == image.hash);
                EnteredImage {
                    hash: image.hash.clone(),
                    file: image.file.clone(),
                    caption: typed.map(|t| t.caption.clone()).unwrap_or_default(),
                    credit: typed.map_or_else(|| image.credit.clone(), |t| t.credit.clone()),
                    media_type: Some(image.media_type),
                }
            })
            .collect();
        let fixed = Entered::from_article(reference);
        Entered {
            date: fixed.date,
            kind: fixed.kind,
            domains: fixed.domains,
            author: fixed.author,
            featured: fixed.featured,
            status: ArticleStatus::Draft.code().into(),
            images,
            ..self
        }
    }

    pub fn to_raw(&self) -> RawArticle {
        let given = |text: &str| Some(text.to_string()).filter(|t| !t.trim().is_empty());
        RawArticle {
            id: given(&self.id),
            lang: given(&self.lang),
            date: given(&self.date),
            title: given(&self.title),
            subtitle: given(&self.subtitle),
            kind: given(&self.kind),
            domains: Some(self.domains.clone()),
            author: given(&self.author),
            author_title: given(&self.author_title),
            status: given(&self.status),
            featured: Some(self.featured),
            images: self
                .images
                .iter()
                .map(|i| RawImage { file: Some(i.file.clone()), caption: given(&i.caption), credit: given(&i.credit) })
                .collect(),
            body: self.body.clone(),
        }
    }

    /// The version's language, when it is one.
    pub fn language(&self) -> Option<Lang> {
        Lang::parse(&self.lang)
    }
}

/// Which button was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Preview,
    Save,
}

/// A file sent with the form.
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
    pub caption: String,
    pub credit: String,
}

pub struct Submitted {
    pub entered: Entered,
    pub upload: Option<Upload>,
    pub action: Action,
}

/// Why a form could not be read at all.
pub enum Unreadable {
    TooLarge,
    Malformed,
}

fn unreadable(error: axum::extract::multipart::MultipartError) -> Unreadable {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE { Unreadable::TooLarge } else { Unreadable::Malformed }
}

/// `image-3-caption` → (3, "caption").
fn image_field(name: &str) -> Option<(usize, &str)> {
    let (index, part) = name.strip_prefix("image-")?.split_once('-')?;
    Some((index.parse().ok().filter(|i| *i < MAX_IMAGE_ROWS)?, part))
}

/// Reads the multipart form (the body limit is the route's).
pub async fn read(mut multipart: Multipart) -> Result<Submitted, Unreadable> {
    let mut entered = Entered::default();
    let mut rows: BTreeMap<usize, (EnteredImage, bool)> = BTreeMap::new();
    let mut upload: Option<Upload> = None;
    let mut upload_caption = String::new();
    let mut upload_credit = String::new();
    let mut action = Action::Preview;
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or("").to_string();
        if name == "upload" {
            let file_name = field.file_name().unwrap_or("").to_string();
            let bytes = field.bytes().await.map_err(unreadable)?;
            // a file input left empty still sends a part, without a name
            if !(file_name.is_empty() && bytes.is_empty()) {
                upload = Some(Upload {
                    name: file_name,
                    bytes: bytes.to_vec(),
                    caption: String::new(),
                    credit: String::new(),
                });
            }
            continue;
        }
        let value = field.text().await.map_err(unreadable)?;
        match name.as_str() {
            "id" => entered.id = value,
            "lang" => entered.lang = value,
            "date" => entered.date = value,
            "title" => entered.title = value,
            "subtitle" => entered.subtitle = value,
            "kind" => entered.kind = value,
            "domains" => entered.domains.push(value),
            "author" => entered.author = value,
            "author_title" => entered.author_title = value,
            "status" => entered.status = value,
            "featured" => entered.featured = true,
            // browsers send text areas with CRLF line ends
            "body" => entered.body = value.replace("\r\n", "\n"),
            "source" => entered.source = value,
            crate::version::FIELD => entered.version = value,
            "upload_caption" => upload_caption = value,
            "upload_credit" => upload_credit = value,
            "action" if value == "save" => action = Action::Save,
            other => {
                if let Some((index, part)) = image_field(other) {
                    let (row, removed) = rows.entry(index).or_default();
                    match part {
                        "hash" => row.hash = value.trim().to_string(),
                        "file" => row.file = value,
                        "caption" => row.caption = value,
                        "credit" => row.credit = value,
                        "remove" => *removed = true,
                        _ => {}
                    }
                }
            }
        }
    }
    entered.images =
        rows.into_values().filter(|(row, removed)| !removed && !row.hash.is_empty()).map(|(row, _)| row).collect();
    if let Some(upload) = &mut upload {
        upload.caption = upload_caption;
        upload.credit = upload_credit;
    }
    Ok(Submitted { entered, upload, action })
}

/// Problems by form field name, as messages in the page's language.
#[derive(Debug, Default)]
pub struct Problems(pub HashMap<String, String>);

impl Problems {
    pub fn add(&mut self, field: &str, message: String) {
        self.0.entry(field.to_string()).or_insert(message);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<String> {
        self.0.get(field).cloned()
    }
}

/// `images[2].caption` → 1: the row of the form (counted from 0).
fn image_index(key: &str) -> usize {
    let index = key["images[".len()..].split(']').next().and_then(|n| n.parse::<usize>().ok());
    index.unwrap_or(1).saturating_sub(1)
}

fn text_with(lang: Lang, id: &str, name: &str, value: usize) -> String {
    vigie_i18n::catalog().text_with(lang, id, &[(name, FluentValue::from(value))])
}

/// The domain's problems with the typed values, each next to its field:
/// which one it is is told from the key and the value typed (the domain's
/// own sentences are English).
pub fn field_messages(errors: &[FieldError], entered: &Entered, lang: Lang, problems: &mut Problems) {
    let catalog = vigie_i18n::catalog();
    for error in errors {
        let key = error.column.as_str();
        // images[2].caption → image-1-caption
        let (field, typed, max) = match key {
            "title" => ("title".to_string(), entered.title.as_str(), MAX_TITLE),
            "subtitle" => ("subtitle".to_string(), entered.subtitle.as_str(), MAX_TITLE),
            "author" => ("author".to_string(), entered.author.as_str(), MAX_AUTHOR),
            "author_title" => ("author_title".to_string(), entered.author_title.as_str(), MAX_AUTHOR),
            key if key.starts_with("images[") && key.ends_with(".caption") => {
                let index = image_index(key);
                let caption = entered.images.get(index).map_or("", |i| i.caption.as_str());
                (format!("image-{index}-caption"), caption, MAX_CAPTION)
            }
            key if key.starts_with("images[") && key.ends_with(".credit") => {
                let index = image_index(key);
                let credit = entered.images.get(index).map_or("", |i| i.credit.as_str());
                (format!("image-{index}-credit"), credit, MAX_AUTHOR)
            }
            other => (other.to_string(), "", 0),
        };
        let message = match key {
            "id" | "lang" | "date" | "title" if error.value.is_empty() => {
                catalog.text(lang, "web-article-error-required")
            }
            "id" => catalog.text(lang, "web-article-error-id"),
            "date" => catalog.text(lang, "web-article-error-date"),
            "lang" | "kind" | "status" | "domains" => catalog.text(lang, "web-article-error-choice"),
            "images" => text_with(lang, "web-article-error-images", "max", MAX_IMAGES),
            _ if max > 0 && typed.trim().chars().count() > max => {
                text_with(lang, "web-article-error-too-long", "max", max)
            }
            _ if max > 0 => catalog.text(lang, "web-article-error-one-line"),
            // an image's file name: made by the server, so a forged form
            _ => catalog.text(lang, "web-article-error-images-file"),
        };
        let field = if field.starts_with("images[") { "images".to_string() } else { field };
        problems.add(&field, message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::article::validate_article;

    #[test]
    fn image_fields_by_index() {
        assert_eq!(image_field("image-0-hash"), Some((0, "hash")));
        assert_eq!(image_field("image-12-remove"), Some((12, "remove")));
        assert_eq!(image_field("image-x-hash"), None);
        assert_eq!(image_field(&format!("image-{}-hash", MAX_IMAGE_ROWS)), None);
        assert_eq!(image_field("title"), None);
    }

    #[test]
    fn problems_land_next_to_their_field_in_the_page_language() {
        let entered = Entered {
            id: "Not A Slug".into(),
            lang: "fr".into(),
            date: "2024-02-30".into(),
            title: "x".repeat(MAX_TITLE + 1),
            author: "a\tb".into(),
            images: vec![EnteredImage {
                hash: "0".repeat(64),
                file: "a.png".into(),
                caption: "c".repeat(MAX_CAPTION + 1),
                credit: "d".repeat(MAX_AUTHOR + 1),
                media_type: None,
            }],
            ..Entered::default()
        };
        let errors = validate_article(&entered.to_raw()).unwrap_err();
        let mut problems = Problems::default();
        field_messages(&errors, &entered, Lang::En, &mut problems);
        let catalog = vigie_i18n::catalog();
        assert_eq!(problems.get("id"), Some(catalog.text(Lang::En, "web-article-error-id")));
        assert_eq!(problems.get("date"), Some(catalog.text(Lang::En, "web-article-error-date")));
        assert!(problems.get("title").unwrap().contains("300"), "{:?}", problems.get("title"));
        assert_eq!(problems.get("author"), Some(catalog.text(Lang::En, "web-article-error-one-line")));
        assert!(problems.get("image-0-caption").unwrap().contains("1000"));
        assert!(problems.get("image-0-credit").unwrap().contains("200"), "{problems:?}");
        let mut problems = Problems::default();
        let empty = Entered::default();
        field_messages(&validate_article(&empty.to_raw()).unwrap_err(), &empty, Lang::Fr, &mut problems);
        for field in ["id", "lang", "date", "title"] {
            assert_eq!(problems.get(field), Some(catalog.text(Lang::Fr, "web-article-error-required")), "{field}");
        }
    }
}
