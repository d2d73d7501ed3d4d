//! The fonts compiled into the crate: the only fonts a document can use.
//!
//! Output never depends on the fonts of the machine. The files are OFL 1.1
//! (`fonts/OFL.txt`), from Debian's `fonts-noto-core`.

use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The Latin family, the default for text.
pub const LATIN_FAMILY: &str = "Noto Sans";
/// The Arabic family, next in the default fallback list.
pub const ARABIC_FAMILY: &str = "Noto Naskh Arabic";

/// The embedded font files: (file name, bytes).
const FILES: &[(&str, &[u8])] = &[
    ("NotoSans-Regular.ttf", include_bytes!("../fonts/NotoSans-Regular.ttf")),
    ("NotoSans-Bold.ttf", include_bytes!("../fonts/NotoSans-Bold.ttf")),
    ("NotoSans-Italic.ttf", include_bytes!("../fonts/NotoSans-Italic.ttf")),
    ("NotoSans-BoldItalic.ttf", include_bytes!("../fonts/NotoSans-BoldItalic.ttf")),
    ("NotoNaskhArabic-Regular.ttf", include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf")),
    ("NotoNaskhArabic-Bold.ttf", include_bytes!("../fonts/NotoNaskhArabic-Bold.ttf")),
];

/// The parsed fonts and their book, built once per process.
pub(crate) struct Fonts {
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
}

pub(crate) static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = FILES
        .iter()
        .flat_map(|(name, data)| {
            let parsed: Vec<Font> = Font::iter(Bytes::new(*data)).collect();
            assert!(!parsed.is_empty(), "embedded font {name} does not parse");
            parsed
        })
        .collect();
    Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
});

/// The family names of the embedded fonts, sorted, without repeats.
pub fn families() -> Vec<String> {
    let mut names: Vec<String> = FONTS.fonts.iter().map(|font| font.info().family.clone()).collect();
    names.sort();
    names.dedup();
    names
}
