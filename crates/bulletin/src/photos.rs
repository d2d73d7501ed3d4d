//! Photos as the editions print them: a camera's 12 MP JPEG (4 to 8 MB)
//! would make every edition that size or more, so each photo is resized to
//! fit the widest frame of the page and compressed again, once per issue.
//!
//! The budget: a photo costs at most [`PHOTO_BUDGET_BYTES`] in an edition
//! (PDF or HTML), so that an issue with its cover photo, four stories of
//! two photos and a highlights panel of six stays under 10 MB a file.

use std::io::Cursor;

use image::ImageReader;
use image::codecs::jpeg::JpegEncoder;
use vigie_domain::MediaType;

/// The longest side a photo keeps in the PDF: the page's widest frame (the
/// cover, 17 cm) at about 240 dpi.
pub const MAX_SIDE: u32 = 1600;
/// In the HTML edition: wider than its text column (50 rem) on a screen
/// of twice the density.
pub const HTML_MAX_SIDE: u32 = 1200;
/// The highlights panel's thumbnails in the HTML edition.
pub const THUMBNAIL_SIDE: u32 = 640;
/// JPEG quality of a recompressed photo.
pub const JPEG_QUALITY: u8 = 82;
/// What one photo may cost in an edition (see the module's note).
pub const PHOTO_BUDGET_BYTES: usize = 600 * 1024;

/// The photo as the editions print it: the same bytes when it already fits
/// (within [`MAX_SIDE`] and the budget), else resized and compressed again
/// in its own format (a PNG stays a PNG: it may be a drawing with
/// transparency). Bytes that cannot be decoded are kept as they are; the
/// renderer reports them.
pub fn fitted(bytes: &[u8], media_type: MediaType) -> Vec<u8> {
    fitted_to(bytes, media_type, MAX_SIDE)
}

/// [`fitted`], with `max_side` pixels on the longest side.
pub fn fitted_to(bytes: &[u8], media_type: MediaType, max_side: u32) -> Vec<u8> {
    if media_type == MediaType::Svg {
        return bytes.to_vec();
    }
    let Ok(reader) = ImageReader::new(Cursor::new(bytes)).with_guessed_format() else {
        return bytes.to_vec();
    };
    let Ok((width, height)) = reader.into_dimensions() else {
        return bytes.to_vec();
    };
    if width.max(height) <= max_side && bytes.len() <= PHOTO_BUDGET_BYTES {
        return bytes.to_vec();
    }
    let Ok(decoded) = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map(|r| r.decode()) else {
        return bytes.to_vec();
    };
    let Ok(photo) = decoded else {
        return bytes.to_vec();
    };
    let photo = if width.max(height) > max_side {
        photo.resize(max_side, max_side, image::imageops::FilterType::CatmullRom)
    } else {
        photo
    };
    let mut out = Vec::new();
    let written = match media_type {
        MediaType::Jpeg => {
            let mut quality = JPEG_QUALITY;
            loop {
                out.clear();
                let encoder = JpegEncoder::new_with_quality(&mut out, quality);
                if photo.to_rgb8().write_with_encoder(encoder).is_err() {
                    break false;
                }
                // a noisy photo may still be over the budget: lower the quality
                if out.len() <= PHOTO_BUDGET_BYTES || quality <= 50 {
                    break true;
                }
                quality -= 8;
            }
        }
        _ => photo.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png).is_ok(),
    };
    if written && out.len() < bytes.len() { out } else { bytes.to_vec() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        // a gradient with fine texture compresses like a photo
        let photo = image::RgbImage::from_fn(width, height, |x, y| {
            let grain = ((x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 23) as u8;
            image::Rgb([(x * 200 / width) as u8 + grain, (y * 180 / height) as u8 + grain, 90 + grain])
        });
        let mut out = Vec::new();
        photo.write_with_encoder(JpegEncoder::new_with_quality(&mut out, 95)).unwrap();
        out
    }

    #[test]
    fn a_large_photo_is_resized_within_the_budget() {
        let camera = jpeg(4000, 3000);
        let printed = fitted(&camera, MediaType::Jpeg);
        let size = image::load_from_memory(&printed).unwrap();
        assert_eq!((size.width(), size.height()), (1600, 1200));
        assert!(printed.len() <= PHOTO_BUDGET_BYTES, "{} bytes", printed.len());
        assert!(printed.len() < camera.len() / 4, "{} of {} bytes", printed.len(), camera.len());
        assert_eq!(fitted(&camera, MediaType::Jpeg), printed, "the same photo gives the same bytes");
        let thumbnail = image::load_from_memory(&fitted_to(&camera, MediaType::Jpeg, THUMBNAIL_SIDE)).unwrap();
        assert_eq!((thumbnail.width(), thumbnail.height()), (640, 480));
    }

    #[test]
    fn a_photo_that_fits_is_kept_as_it_is() {
        let small = jpeg(800, 600);
        assert_eq!(fitted(&small, MediaType::Jpeg), small);
        assert_eq!(fitted(b"not a photo", MediaType::Jpeg), b"not a photo");
    }
}
