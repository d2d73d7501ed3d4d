//! Article images: an upload checked by its content (PNG, JPEG, or an SVG
//! with nothing that can run), and the images served by content hash.
//!
//! SVG is XML that browsers run scripts in when it is opened as a page, so
//! an uploaded SVG is parsed and refused (not rewritten) when it has a
//! script, a foreign object, an event handler attribute, a `javascript:`
//! value or a link to anything but itself or embedded PNG/JPEG data. Served
//! SVG also carries a sandboxing Content-Security-Policy, for the images
//! the command line imported before this check.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use axum::response::{IntoResponse, Response};
use vigie_domain::article::MAX_IMAGE_BYTES;
use vigie_domain::{Image, Lang, MediaType};

use crate::auth::RequireUser;
use crate::errors;
use crate::state::AppState;

/// Why an upload was refused: the message id of the editor's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    TooLarge,
    NotAnImage,
    UnsafeSvg,
}

impl Refused {
    pub fn message_id(self) -> &'static str {
        match self {
            Refused::TooLarge => "web-article-error-image-size",
            Refused::NotAnImage => "web-article-error-image-type",
            Refused::UnsafeSvg => "web-article-error-image-svg",
        }
    }
}

/// An uploaded file's bytes as an image, or why not.
pub fn check_upload(bytes: Vec<u8>) -> Result<Image, Refused> {
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(Refused::TooLarge);
    }
    let image = Image::from_bytes(bytes).ok_or(Refused::NotAnImage)?;
    if image.media_type == MediaType::Svg && !svg_is_safe(&image.bytes) {
        return Err(Refused::UnsafeSvg);
    }
    Ok(image)
}

/// Elements that run or embed active content.
const ACTIVE_ELEMENTS: [&str; 8] =
    ["script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "audio"];

fn harmless_link(value: &str) -> bool {
    let value = value.trim().to_ascii_lowercase();
    value.starts_with('#') || value.starts_with("data:image/png") || value.starts_with("data:image/jpeg")
}

/// Whether an SVG document parses and has nothing that can run.
pub fn svg_is_safe(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    // a doctype is common in drawings; its entities are expanded (with
    // roxmltree's limits) before the values are checked
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    let Ok(document) = roxmltree::Document::parse_with_options(text, options) else {
        return false;
    };
    document.descendants().filter(|node| node.is_element()).all(|element| {
        let name = element.tag_name().name().to_ascii_lowercase();
        !ACTIVE_ELEMENTS.contains(&name.as_str())
            && element.attributes().all(|attribute| {
                let name = attribute.name().to_ascii_lowercase();
                let value: String =
                    attribute.value().chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
                !name.starts_with("on")
                    && !value.contains("javascript:")
                    && !value.contains("vbscript:")
                    && (name != "href" || harmless_link(attribute.value()))
            })
    })
}

/// The name an uploaded image keeps (the `file` of its front matter, for
/// exports): the last part of the browser's name, in safe characters,
/// else one made of the hash.
pub fn file_name(given: &str, image: &Image) -> String {
    let base = given.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '-' })
        .take(100)
        .collect();
    let cleaned = cleaned.trim_start_matches('.');
    if cleaned.is_empty() {
        let extension = match image.media_type {
            MediaType::Png => "png",
            MediaType::Jpeg => "jpg",
            MediaType::Svg => "svg",
        };
        format!("image-{}.{extension}", &image.hash[..12])
    } else {
        cleaned.to_string()
    }
}

fn is_hash(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// `/articles/images/{hash}`: the bytes with the type their content says.
/// (The route's static segment wins over `/articles/{id}/{lang}`: a story
/// whose id is `images` is shown from here.)
pub async fn image(state: State<AppState>, user: RequireUser, Path(hash): Path<String>) -> Response {
    if let Some(lang) = Lang::parse(&hash).filter(|_| hash.len() == 2) {
        return super::show::show(state, user, Path(("images".to_string(), lang.code().to_string()))).await;
    }
    let lang = user.lang;
    if !is_hash(&hash) {
        return errors::page(lang, StatusCode::NOT_FOUND, "web-error-not-found");
    }
    let found = state.with_store(move |store| store.image(&hash)).await;
    let bytes = match found {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return errors::page(lang, StatusCode::NOT_FOUND, "web-error-not-found"),
        Err(e) => return errors::internal(lang, e),
    };
    let Some(media_type) = MediaType::sniff(&bytes) else {
        return errors::page(lang, StatusCode::NOT_FOUND, "web-error-not-found");
    };
    (
        [
            (CONTENT_TYPE, media_type.mime()),
            (X_CONTENT_TYPE_OPTIONS, "nosniff"),
            // the hash names the bytes: they never change
            (CACHE_CONTROL, "private, max-age=31536000, immutable"),
            (CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'; sandbox"),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str =
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">"#;

    fn svg(inner: &str) -> Vec<u8> {
        format!("{SVG}{inner}</svg>").into_bytes()
    }

    #[test]
    fn harmless_drawings_pass() {
        assert!(svg_is_safe(&svg(
            r##"<defs><circle id="c" r="2"/></defs><use xlink:href="#c"/><style>circle{fill:red}</style>"##
        )));
        let doctype =
            format!("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n{SVG}</svg>");
        assert!(svg_is_safe(doctype.as_bytes()));
    }

    #[test]
    fn anything_that_runs_is_refused() {
        for inner in [
            "<script>alert(1)</script>",
            "<SCRIPT>alert(1)</SCRIPT>",
            r#"<rect onload="alert(1)"/>"#,
            r#"<rect OnClick="alert(1)"/>"#,
            r#"<a href="javascript:alert(1)"><text>x</text></a>"#,
            r#"<a xlink:href=" java&#x09;script:alert(1)"><text>x</text></a>"#,
            r#"<set attributeName="href" to="javascript:alert(1)"/>"#,
            r#"<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>"#,
            r#"<image href="https://tracker.example/x.png"/>"#,
        ] {
            assert!(!svg_is_safe(&svg(inner)), "{inner}");
        }
        assert!(!svg_is_safe(b"<svg><unclosed></svg>"), "not XML");
        let entity = format!("<!DOCTYPE svg [<!ENTITY s \"javascript:alert(1)\">]>{SVG}<a href=\"&s;\"/></svg>");
        assert!(!svg_is_safe(entity.as_bytes()), "an entity is expanded before the check");
    }

    #[test]
    fn uploads_by_content() {
        assert_eq!(check_upload(b"\x89PNG\r\n\x1a\nrest".to_vec()).unwrap().media_type, MediaType::Png);
        assert_eq!(check_upload(b"GIF89a".to_vec()), Err(Refused::NotAnImage));
        assert_eq!(check_upload(svg("<script>x</script>")), Err(Refused::UnsafeSvg));
        let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
        big.resize(MAX_IMAGE_BYTES as usize + 1, 0);
        assert_eq!(check_upload(big), Err(Refused::TooLarge));
    }

    #[test]
    fn file_names_are_tamed() {
        let image = Image::from_bytes(b"\x89PNG\r\n\x1a\nrest".to_vec()).unwrap();
        assert_eq!(file_name(r"C:\photos\salle de réunion.png", &image), "salle-de-réunion.png");
        assert_eq!(file_name("../../etc/passwd", &image), "passwd");
        assert_eq!(file_name("..", &image), format!("image-{}.png", &image.hash[..12]));
        assert_eq!(file_name("", &image), format!("image-{}.png", &image.hash[..12]));
    }
}
