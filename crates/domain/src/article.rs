//! The bulletin's articles. A story (its id) is written in up to three
//! language versions, one file each; the versions share the id, which is how
//! translations are linked. This module holds the article, its images (kept
//! by content hash so that the bulletin never depends on the folder it was
//! imported from) and the validation of one version's raw front matter
//! values, every problem named by its key.

use jiff::civil::Date;
use sha2::{Digest, Sha256};

use crate::Lang;
use crate::domain_of_action::Domain;
use crate::partner::{MAX_ID, is_slug};
use crate::svg::{SvgHazard, check_svg};
use crate::validate::{FieldError, FieldErrorKind, parse_iso_date};

/// The longest title or subtitle: official titles run long, in Arabic most.
pub const MAX_TITLE: usize = 300;
/// The longest author line.
pub const MAX_AUTHOR: usize = 200;
/// The longest image caption.
pub const MAX_CAPTION: usize = 1_000;
/// The most images one version may carry.
pub const MAX_IMAGES: usize = 50;
/// How deep an article's Markdown may nest (quotes, lists and their items,
/// emphasis, links: every open element counts): deeper, Typst stops
/// ("maximum show rule depth exceeded", near 30 quotes or 25 lists) and no
/// bulletin could be printed. Real articles nest three or four levels.
pub const MAX_MARKDOWN_DEPTH: usize = 16;
/// The largest image file accepted, in bytes.
pub const MAX_IMAGE_BYTES: u64 = 10 * 1024 * 1024;

/// The front matter keys, in the order files are written with.
pub const ARTICLE_KEYS: [&str; 12] = [
    "id",
    "lang",
    "date",
    "title",
    "subtitle",
    "kind",
    "domains",
    "author",
    "author_title",
    "status",
    "featured",
    "images",
];
/// The keys of one image.
pub const IMAGE_KEYS: [&str; 3] = ["file", "caption", "credit"];

/// What kind of piece an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ArticleKind {
    #[default]
    News,
    Opinion,
    Feature,
}

impl ArticleKind {
    pub const ALL: [ArticleKind; 3] = [ArticleKind::News, ArticleKind::Opinion, ArticleKind::Feature];

    pub fn code(self) -> &'static str {
        match self {
            ArticleKind::News => "news",
            ArticleKind::Opinion => "opinion",
            ArticleKind::Feature => "feature",
        }
    }

    pub fn parse(value: &str) -> Option<ArticleKind> {
        ArticleKind::ALL.into_iter().find(|k| k.code().eq_ignore_ascii_case(value.trim()))
    }
}

/// Whether a version may go into the bulletin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ArticleStatus {
    #[default]
    Draft,
    Published,
}

impl ArticleStatus {
    pub const ALL: [ArticleStatus; 2] = [ArticleStatus::Draft, ArticleStatus::Published];

    pub fn code(self) -> &'static str {
        match self {
            ArticleStatus::Draft => "draft",
            ArticleStatus::Published => "published",
        }
    }

    pub fn parse(value: &str) -> Option<ArticleStatus> {
        ArticleStatus::ALL.into_iter().find(|s| s.code().eq_ignore_ascii_case(value.trim()))
    }
}

/// The image formats the bulletin can embed, told by content, never by the
/// file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaType {
    Png,
    Jpeg,
    Svg,
}

impl MediaType {
    pub const ALL: [MediaType; 3] = [MediaType::Png, MediaType::Jpeg, MediaType::Svg];

    /// The IANA media type.
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Png => "image/png",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Svg => "image/svg+xml",
        }
    }

    pub fn parse(mime: &str) -> Option<MediaType> {
        MediaType::ALL.into_iter().find(|m| m.mime() == mime)
    }

    /// What the first bytes say: the PNG and JPEG signatures, or an XML
    /// document whose root element is `<svg`.
    pub fn sniff(bytes: &[u8]) -> Option<MediaType> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Some(MediaType::Png);
        }
        if bytes.starts_with(b"\xFF\xD8\xFF") {
            return Some(MediaType::Jpeg);
        }
        is_svg(bytes).then_some(MediaType::Svg)
    }
}

/// Whether the text starts (after an XML declaration, comments and a
/// doctype) with an `<svg` root element.
fn is_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let mut rest = head;
    loop {
        rest = rest.trim_ascii_start();
        let skip_to = |rest: &[u8], end: &[u8]| -> Option<usize> {
            rest.windows(end.len()).position(|w| w == end).map(|at| at + end.len())
        };
        let skipped = if rest.starts_with(b"<?") {
            skip_to(rest, b"?>")
        } else if rest.starts_with(b"<!--") {
            skip_to(rest, b"-->")
        } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<!doctype") {
            let subset = rest.iter().position(|&b| b == b'[');
            let close = rest.iter().position(|&b| b == b'>');
            match (subset, close) {
                (Some(open), Some(close)) if open < close => skip_to(rest, b"]>"),
                _ => close.map(|at| at + 1),
            }
        } else {
            break;
        };
        match skipped {
            Some(at) => rest = &rest[at..],
            None => return false,
        }
    }
    rest.starts_with(b"<svg") && rest.get(4).is_none_or(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
}

/// The lowercase hexadecimal SHA-256 of `bytes`: images are kept by it, so
/// the same picture in several articles is stored once.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
    }
    hex
}

/// An image's bytes, with what they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// `content_hash(bytes)`.
    pub hash: String,
    pub media_type: MediaType,
    pub bytes: Vec<u8>,
}

/// Why some bytes are not an image an article may carry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    #[error("larger than {} MiB", MAX_IMAGE_BYTES >> 20)]
    TooLarge,
    #[error("not a PNG, JPEG or SVG image (by its content)")]
    NotAnImage,
    #[error("{0}")]
    UnsafeSvg(SvgHazard),
}

impl Image {
    /// The image, if the bytes are at most `MAX_IMAGE_BYTES` of PNG, JPEG
    /// or an SVG with nothing that can run or reach outside (`check_svg`):
    /// every way in (the web editor, the command line's import) comes
    /// through here.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Image, ImageError> {
        if bytes.len() as u64 > MAX_IMAGE_BYTES {
            return Err(ImageError::TooLarge);
        }
        let media_type = MediaType::sniff(&bytes).ok_or(ImageError::NotAnImage)?;
        if media_type == MediaType::Svg {
            check_svg(&bytes).map_err(ImageError::UnsafeSvg)?;
        }
        Ok(Image { hash: content_hash(&bytes), media_type, bytes })
    }
}

/// An image as one article version shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleImage {
    /// The file name as the front matter gave it, relative to the article.
    pub file: String,
    pub caption: String,
    /// Who made the photo ("Photo: …"), or empty.
    pub credit: String,
    pub hash: String,
    pub media_type: MediaType,
}

/// One language version of a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The story's id, shared by its versions.
    pub id: String,
    pub lang: Lang,
    pub date: Date,
    pub title: String,
    /// Empty when there is none; so are `author` and image captions.
    pub subtitle: String,
    pub kind: ArticleKind,
    /// In the order given, without repeats.
    pub domains: Vec<Domain>,
    pub author: String,
    /// The author's title or function ("Head of the observatory"), printed
    /// under the name of an opinion piece; empty when none.
    pub author_title: String,
    pub status: ArticleStatus,
    pub featured: bool,
    pub images: Vec<ArticleImage>,
    /// Markdown, as written (leading blank lines left out).
    pub body: String,
}

impl Article {
    /// The front matter values that describe this version, defaults written
    /// out: what a file must say to be imported as it is.
    pub fn to_raw(&self) -> RawArticle {
        let given = |text: &str| Some(text.to_string()).filter(|t| !t.is_empty());
        RawArticle {
            id: Some(self.id.clone()),
            lang: Some(self.lang.code().to_string()),
            date: Some(self.date.to_string()),
            title: Some(self.title.clone()),
            subtitle: given(&self.subtitle),
            kind: Some(self.kind.code().to_string()),
            domains: Some(self.domains.iter().map(|d| d.code().to_string()).collect())
                .filter(|d: &Vec<_>| !d.is_empty()),
            author: given(&self.author),
            author_title: given(&self.author_title),
            status: Some(self.status.code().to_string()),
            featured: Some(self.featured),
            images: self
                .images
                .iter()
                .map(|image| RawImage {
                    file: Some(image.file.clone()),
                    caption: given(&image.caption),
                    credit: given(&image.credit),
                })
                .collect(),
            body: self.body.clone(),
        }
    }
}

/// Sorts languages as the bulletin lists them: fr, en, ar.
pub fn lang_rank(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(Lang::ALL.len())
}

/// A story: the versions that share an id, in fr, en, ar order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    pub id: String,
    /// Never empty.
    pub versions: Vec<Article>,
}

impl Story {
    /// Brings versions together by id; stories by their earliest date, then id.
    pub fn group(articles: Vec<Article>) -> Vec<Story> {
        let mut stories: Vec<Story> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for article in articles {
            match index.get(&article.id) {
                Some(&at) => stories[at].versions.push(article),
                None => {
                    index.insert(article.id.clone(), stories.len());
                    stories.push(Story { id: article.id.clone(), versions: vec![article] });
                }
            }
        }
        for story in &mut stories {
            story.versions.sort_by_key(|v| lang_rank(v.lang));
        }
        stories.sort_by(|a, b| (a.date(), &a.id).cmp(&(b.date(), &b.id)));
        stories
    }

    /// The earliest date of its versions.
    pub fn date(&self) -> Date {
        self.versions.iter().map(|v| v.date).min().unwrap_or_default()
    }

    pub fn version(&self, lang: Lang) -> Option<&Article> {
        self.versions.iter().find(|v| v.lang == lang)
    }

    /// The version in `lang`, else the English, French, then Arabic one.
    pub fn preferred(&self, lang: Lang) -> Option<&Article> {
        [lang, Lang::En, Lang::Fr, Lang::Ar].into_iter().find_map(|l| self.version(l))
    }

    pub fn languages(&self) -> Vec<Lang> {
        self.versions.iter().map(|v| v.lang).collect()
    }

    /// The languages without a version: translations still to be written.
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|l| self.version(*l).is_none()).collect()
    }
}

/// The raw front matter values of one version; `None` when the key is
/// absent. Types (text, list, true/false) are the file reader's concern;
/// values are checked here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawArticle {
    pub id: Option<String>,
    pub lang: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub kind: Option<String>,
    pub domains: Option<Vec<String>>,
    pub author: Option<String>,
    pub author_title: Option<String>,
    pub status: Option<String>,
    pub featured: Option<bool>,
    pub images: Vec<RawImage>,
    pub body: String,
}

/// One entry of `images`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawImage {
    pub file: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// An image an article names, still to be read and checked by the importer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    /// The key problems about this image are named by, e.g. `images[2].file`.
    pub key: String,
    pub file: String,
    pub caption: String,
    pub credit: String,
}

fn trimmed(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn text(key: &str, value: &Option<String>, max: usize, errors: &mut Vec<FieldError>) -> String {
    let value = trimmed(value).unwrap_or("");
    if value.chars().count() > max {
        let start: String = value.chars().take(40).collect();
        errors.push(FieldError::new(key, FieldErrorKind::TooLong { max }, format!("{start}…")));
        return String::new();
    }
    if value.chars().any(crate::text::is_invisible) {
        errors.extend(crate::text::check(key, value, true));
        return String::new();
    }
    if value.chars().any(char::is_control) {
        errors.push(FieldError::new(key, FieldErrorKind::NotOneLine, value));
        return String::new();
    }
    value.to_string()
}

fn required<'a>(key: &str, value: &'a Option<String>, errors: &mut Vec<FieldError>) -> Option<&'a str> {
    let found = trimmed(value);
    if found.is_none() {
        errors.push(FieldError::new(key, FieldErrorKind::Required, ""));
    }
    found
}

/// `a, b, c`: the codes a message lists.
fn one_of(codes: &[&str]) -> String {
    codes.join(", ")
}

/// Whether `file` is a relative path: images live beside their article.
fn is_relative(file: &str) -> bool {
    let bytes = file.as_bytes();
    let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    !file.starts_with('/') && !file.starts_with('\\') && !drive
}

/// The line of `body` (1 for the first) where its Markdown first nests
/// deeper than `MAX_MARKDOWN_DEPTH`, if it does; parsed as the renderer
/// parses it (CommonMark, no extensions).
pub fn too_deep(body: &str) -> Option<usize> {
    use pulldown_cmark::{Event, Options, Parser};
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_MARKDOWN_DEPTH {
                    return Some(1 + body[..range.start].matches('\n').count());
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Checks one version's values; returns the article (without its images)
/// and the images it names, which the importer reads.
pub fn validate_article(raw: &RawArticle) -> Result<(Article, Vec<ImageRef>), Vec<FieldError>> {
    let mut errors = Vec::new();
    let id = required("id", &raw.id, &mut errors).and_then(|id| {
        if is_slug(id) {
            return Some(id.to_string());
        }
        let kind = FieldErrorKind::BadSlug { max: MAX_ID, example: "chiefs-of-staff-second-meeting" };
        errors.push(FieldError::new("id", kind, id));
        None
    });
    let lang = required("lang", &raw.lang, &mut errors).and_then(|value| {
        Lang::parse(value).or_else(|| {
            errors.push(FieldError::new(
                "lang",
                FieldErrorKind::UnknownCode { codes: one_of(&Lang::ALL.map(Lang::code)) },
                value,
            ));
            None
        })
    });
    let date = required("date", &raw.date, &mut errors).and_then(|value| {
        parse_iso_date(value).or_else(|| {
            errors.push(FieldError::new("date", FieldErrorKind::InvalidDate, value));
            None
        })
    });
    let before = errors.len();
    let title = text("title", &raw.title, MAX_TITLE, &mut errors);
    if title.is_empty() && errors.len() == before {
        errors.push(FieldError::new("title", FieldErrorKind::Required, ""));
    }
    let subtitle = text("subtitle", &raw.subtitle, MAX_TITLE, &mut errors);
    let kind = match trimmed(&raw.kind) {
        None => ArticleKind::default(),
        Some(value) => ArticleKind::parse(value).unwrap_or_else(|| {
            let codes = one_of(&ArticleKind::ALL.map(ArticleKind::code));
            errors.push(FieldError::new("kind", FieldErrorKind::UnknownCode { codes }, value));
            ArticleKind::default()
        }),
    };
    let mut domains = Vec::new();
    for value in raw.domains.iter().flatten() {
        match Domain::parse(value) {
            Some(domain) if !domains.contains(&domain) => domains.push(domain),
            Some(_) => {}
            None => errors.push(FieldError::new(
                "domains",
                FieldErrorKind::UnknownCode { codes: one_of(&Domain::ALL.map(Domain::code)) },
                value.as_str(),
            )),
        }
    }
    let author = text("author", &raw.author, MAX_AUTHOR, &mut errors);
    let author_title = text("author_title", &raw.author_title, MAX_AUTHOR, &mut errors);
    let status = match trimmed(&raw.status) {
        None => ArticleStatus::default(),
        Some(value) => ArticleStatus::parse(value).unwrap_or_else(|| {
            let codes = one_of(&ArticleStatus::ALL.map(ArticleStatus::code));
            errors.push(FieldError::new("status", FieldErrorKind::UnknownCode { codes }, value));
            ArticleStatus::default()
        }),
    };
    if raw.images.len() > MAX_IMAGES {
        let kind = FieldErrorKind::TooManyImages { max: MAX_IMAGES };
        errors.push(FieldError::new("images", kind, raw.images.len().to_string()));
    }
    if let Some(line) = too_deep(&raw.body) {
        errors.push(FieldError::new("body", FieldErrorKind::TooDeep { max: MAX_MARKDOWN_DEPTH, line }, ""));
    }
    let mut images = Vec::new();
    for (index, image) in raw.images.iter().enumerate() {
        let key = format!("images[{}]", index + 1);
        let file_key = format!("{key}.file");
        let caption = text(&format!("{key}.caption"), &image.caption, MAX_CAPTION, &mut errors);
        let credit = text(&format!("{key}.credit"), &image.credit, MAX_AUTHOR, &mut errors);
        let Some(file) = required(&file_key, &image.file, &mut errors) else {
            continue;
        };
        if !is_relative(file) {
            errors.push(FieldError::new(&file_key, FieldErrorKind::NotRelative, file));
        } else if file.chars().any(char::is_control) {
            errors.push(FieldError::new(&file_key, FieldErrorKind::NotOneLine, file));
        } else {
            images.push(ImageRef { key: file_key, file: file.to_string(), caption, credit });
        }
    }
    match (id, lang, date) {
        (Some(id), Some(lang), Some(date)) if errors.is_empty() => Ok((
            Article {
                id,
                lang,
                date,
                title,
                subtitle,
                kind,
                domains,
                author,
                author_title,
                status,
                featured: raw.featured.unwrap_or(false),
                images: Vec::new(),
                body: raw.body.clone(),
            },
            images,
        )),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_nested_too_deep_is_found_on_its_line() {
        let quotes = |n: usize| format!("Intro.\n\n{} deep\n", ">".repeat(n));
        // each quote and the paragraph inside count
        assert_eq!(too_deep(&quotes(MAX_MARKDOWN_DEPTH - 1)), None);
        assert_eq!(too_deep(&quotes(MAX_MARKDOWN_DEPTH)), Some(3));
        let lists: String = (0..MAX_MARKDOWN_DEPTH / 2 + 1).map(|i| format!("{}- {i}\n", "  ".repeat(i))).collect();
        assert_eq!(too_deep(&lists), Some(MAX_MARKDOWN_DEPTH / 2 + 1));
        assert_eq!(too_deep("*a **b** [c](https://x)*\n\n> - d\n"), None);
    }

    fn some(value: &str) -> Option<String> {
        Some(value.to_string())
    }

    fn raw() -> RawArticle {
        RawArticle {
            id: some("chiefs-of-staff-second-meeting"),
            lang: some("fr"),
            date: some("2024-02-11"),
            title: some(" Deuxième réunion des chefs d'état-major "),
            domains: Some(vec!["military".into(), "Military".into(), "ideological".into()]),
            images: vec![RawImage {
                file: some("photos/a.jpg"),
                caption: some("La salle"),
                credit: some("Photo: A. B."),
            }],
            body: "Texte.\n".into(),
            ..RawArticle::default()
        }
    }

    fn errors(raw: &RawArticle) -> Vec<String> {
        validate_article(raw).unwrap_err().iter().map(|e| e.brief()).collect()
    }

    #[test]
    fn a_valid_version_with_defaults() {
        let (article, images) = validate_article(&raw()).unwrap();
        assert_eq!(article.title, "Deuxième réunion des chefs d'état-major");
        assert_eq!(article.lang, Lang::Fr);
        assert_eq!(article.kind, ArticleKind::News);
        assert_eq!(article.status, ArticleStatus::Draft);
        assert!(!article.featured);
        assert_eq!(article.domains, [Domain::Military, Domain::Ideological]);
        assert_eq!(
            images,
            [ImageRef {
                key: "images[1].file".into(),
                file: "photos/a.jpg".into(),
                caption: "La salle".into(),
                credit: "Photo: A. B.".into()
            }]
        );
    }

    #[test]
    fn problems_are_named_by_key() {
        let mut bad = raw();
        bad.id = some("Chiefs of staff");
        bad.lang = some("de");
        bad.date = some("2024-02-30");
        bad.kind = some("interview");
        bad.status = some("live");
        bad.domains = Some(vec!["financing".into()]);
        bad.images = vec![RawImage { file: some("/tmp/a.png"), caption: None, credit: None }, RawImage::default()];
        assert_eq!(
            errors(&bad),
            [
                r#"id: BadSlug { max: 64, example: "chiefs-of-staff-second-meeting" } (got "Chiefs of staff")"#,
                r#"lang: UnknownCode { codes: "fr, en, ar" } (got "de")"#,
                r#"date: InvalidDate (got "2024-02-30")"#,
                r#"kind: UnknownCode { codes: "news, opinion, feature" } (got "interview")"#,
                r#"domains: UnknownCode { codes: "ideological, communication, counter_financing, military" } (got "financing")"#,
                r#"status: UnknownCode { codes: "draft, published" } (got "live")"#,
                r#"images[1].file: NotRelative (got "/tmp/a.png")"#,
                r#"images[2].file: Required (got "")"#,
            ]
        );
        assert_eq!(errors(&RawArticle::default()).len(), 4, "id, lang, date and title are required");
        let mut long = raw();
        long.title = Some("x".repeat(301));
        assert!(errors(&long)[0].starts_with("title: TooLong { max: 300 }"));
    }

    #[test]
    fn media_types_by_content() {
        assert_eq!(MediaType::sniff(b"\x89PNG\r\n\x1a\n...."), Some(MediaType::Png));
        assert_eq!(MediaType::sniff(b"\xFF\xD8\xFF\xE0..JFIF"), Some(MediaType::Jpeg));
        assert_eq!(MediaType::sniff(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), Some(MediaType::Svg));
        let prolog = "\u{feff}<?xml version=\"1.0\"?>\n<!-- drawn -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n<svg>";
        assert_eq!(MediaType::sniff(prolog.as_bytes()), Some(MediaType::Svg));
        assert_eq!(MediaType::sniff(b"<svgx>"), None);
        assert_eq!(MediaType::sniff(b"<html><svg>"), None);
        assert_eq!(MediaType::sniff(b"GIF89a"), None);
        assert_eq!(MediaType::sniff(b""), None);
        assert_eq!(MediaType::sniff(b"<?xml never closed"), None);
        for media_type in MediaType::ALL {
            assert_eq!(MediaType::parse(media_type.mime()), Some(media_type));
        }
    }

    #[test]
    fn images_are_kept_by_sha256() {
        assert_eq!(content_hash(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        let image = Image::from_bytes(b"\x89PNG\r\n\x1a\nrest".to_vec()).unwrap();
        assert_eq!(image.media_type, MediaType::Png);
        assert_eq!(image.hash.len(), 64);
        assert_eq!(Image::from_bytes(b"text".to_vec()), Err(ImageError::NotAnImage));
    }

    #[test]
    fn an_image_is_checked_whatever_brings_it() {
        let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
        big.resize(MAX_IMAGE_BYTES as usize + 1, 0);
        assert_eq!(Image::from_bytes(big), Err(ImageError::TooLarge));
        let script = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec();
        assert!(matches!(Image::from_bytes(script), Err(ImageError::UnsafeSvg(SvgHazard::Element { .. }))));
        let drawing = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"2\"/></svg>".to_vec();
        assert_eq!(Image::from_bytes(drawing).unwrap().media_type, MediaType::Svg);
    }

    #[test]
    fn an_article_gives_back_its_values() {
        let (mut article, images) = validate_article(&raw()).unwrap();
        article.images = images
            .into_iter()
            .map(|i| ArticleImage {
                file: i.file,
                caption: i.caption,
                credit: i.credit,
                hash: "0".repeat(64),
                media_type: MediaType::Jpeg,
            })
            .collect();
        let (again, _) = validate_article(&article.to_raw()).unwrap();
        assert_eq!(again, Article { images: Vec::new(), ..article });
    }

    #[test]
    fn stories_link_translations() {
        let version = |id: &str, lang: Lang, day: i8| {
            let mut raw = raw();
            raw.id = some(id);
            raw.lang = some(lang.code());
            raw.date = some(&format!("2024-02-{day:02}"));
            validate_article(&raw).unwrap().0
        };
        let stories = Story::group(vec![
            version("b", Lang::Ar, 3),
            version("a", Lang::En, 5),
            version("b", Lang::Fr, 4),
            version("b", Lang::En, 3),
        ]);
        assert_eq!(stories.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["b", "a"]);
        assert_eq!(stories[0].languages(), [Lang::Fr, Lang::En, Lang::Ar]);
        assert!(stories[0].missing().is_empty());
        assert_eq!(stories[1].missing(), [Lang::Fr, Lang::Ar]);
        assert_eq!(stories[1].preferred(Lang::Ar).map(|v| v.lang), Some(Lang::En));
        assert_eq!(stories[0].date(), Date::new(2024, 2, 3).unwrap());
    }
}
