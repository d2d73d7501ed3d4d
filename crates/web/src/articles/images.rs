//! Article images: an upload checked by its content (PNG, JPEG, or an SVG
//! with nothing that can run), and the images served by content hash.
//!
//! SVG is XML that browsers run scripts in when it is opened as a page, so
//! an SVG with anything that can run or reach outside is refused
//! (`vigie_domain::svg::check_svg`, which the command line's import
//! applies too). Served SVG also carries a sandboxing
//! Content-Security-Policy, for images stored before that check.

use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use axum::response::{IntoResponse, Response};
use vigie_domain::{Image, ImageError, Lang, MediaType};

use crate::auth::RequireUser;
use crate::errors::Error;
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

/// An uploaded file's bytes as an image, or why not: the domain's rule,
/// which the command line's import applies too.
pub fn check_upload(bytes: Vec<u8>) -> Result<Image, Refused> {
    Image::from_bytes(bytes).map_err(|refused| match refused {
        ImageError::TooLarge => Refused::TooLarge,
        ImageError::NotAnImage => Refused::NotAnImage,
        ImageError::UnsafeSvg(_) => Refused::UnsafeSvg,
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
pub async fn image(state: State<AppState>, user: RequireUser, Path(hash): Path<String>) -> Result<Response, Error> {
    if let Some(lang) = Lang::parse(&hash).filter(|_| hash.len() == 2) {
        return super::show::show(state, user, Path(("images".to_string(), lang.code().to_string()))).await;
    }
    if !is_hash(&hash) {
        return Err(Error::not_found());
    }
    let bytes = state.read(move |store| store.image(&hash)).await?.ok_or_else(Error::not_found)?;
    let media_type = MediaType::sniff(&bytes).ok_or_else(Error::not_found)?;
    Ok((
        [
            (CONTENT_TYPE, media_type.mime()),
            (X_CONTENT_TYPE_OPTIONS, "nosniff"),
            // the hash names the bytes: they never change (to a session,
            // `no_store.rs` replaces this with no-store)
            (CACHE_CONTROL, "private, max-age=31536000, immutable"),
            (CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'; sandbox"),
        ],
        bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::article::MAX_IMAGE_BYTES;

    const SVG: &str =
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">"#;

    fn svg(inner: &str) -> Vec<u8> {
        format!("{SVG}{inner}</svg>").into_bytes()
    }

    #[test]
    fn uploads_by_content() {
        assert_eq!(check_upload(b"\x89PNG\r\n\x1a\nrest".to_vec()).unwrap().media_type, MediaType::Png);
        assert_eq!(check_upload(b"GIF89a".to_vec()), Err(Refused::NotAnImage));
        assert_eq!(check_upload(svg("<script>x</script>")), Err(Refused::UnsafeSvg));
        // the domain's rule (its own tests hold the list of what is refused)
        assert_eq!(check_upload(svg(r#"<rect style="fill:url(https://x.example/)"/>"#)), Err(Refused::UnsafeSvg));
        assert_eq!(check_upload(svg(r##"<use xlink:href="#c"/>"##)).unwrap().media_type, MediaType::Svg);
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
