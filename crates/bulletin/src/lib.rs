//! The monthly bulletin: an issue is read from the store once
//! ([`Sources`]), written out per language as an [`Edition`] (every text
//! localised, charts drawn), then printed by two renderers that only lay it
//! out: Typst for the PDF, minijinja for the self-contained HTML.

pub mod digits;
pub mod edition;
pub mod fallbacks;
mod html;
pub mod issue;
pub mod missing;
mod pdf;
pub mod photos;
pub mod profile;
pub mod publication;
pub mod snapshot;
pub mod sources;

pub use edition::Edition;
pub use html::html;
pub use issue::Issue;
pub use pdf::pdf;
pub use profile::Profile;
pub use sources::Sources;

#[derive(Debug, thiserror::Error)]
pub enum BulletinError {
    #[error("issue: {0}")]
    Issue(String),
    #[error("organisation profile: {0}")]
    Profile(String),
    #[error(transparent)]
    Store(#[from] vigie_store::StoreError),
    #[error("PDF: {0}")]
    Pdf(#[from] vigie_pdf::PdfError),
    #[error("HTML template: {0}")]
    Html(String),
}

use std::collections::BTreeMap;

use base64::Engine;
use vigie_domain::Lang;

/// The files of one edition.
pub struct Printed {
    pub lang: Lang,
    pub edition: Edition,
    pub pdf: Option<vigie_pdf::Pdf>,
    pub html: Option<String>,
}

/// Which renderings to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outputs {
    pub pdf: bool,
    pub html: bool,
}

/// Every image of the issue under its edition file name, as bytes (for the
/// PDF) and as data URLs (for the HTML), photos fitted to the page
/// ([`photos::fitted`]), each once.
fn image_files(sources: &Sources) -> (BTreeMap<String, Vec<u8>>, BTreeMap<String, String>) {
    let mut bytes = BTreeMap::new();
    let mut urls = BTreeMap::new();
    let stories = sources.featured.iter().chain(&sources.editorial).chain(&sources.others).chain(&sources.highlights);
    for image in stories.flat_map(|s| s.versions.iter().flat_map(|v| &v.images)) {
        let file = edition::image_file(&image.hash, image.media_type);
        if bytes.contains_key(&file) {
            continue;
        }
        if let Some(original) = sources.images.get(&image.hash) {
            let url = |side: u32| {
                let data = photos::fitted_to(original, image.media_type, side);
                let encoded = base64::engine::general_purpose::STANDARD.encode(&data);
                format!("data:{};base64,{encoded}", image.media_type.mime())
            };
            urls.insert(file.clone(), url(photos::HTML_MAX_SIDE));
            urls.insert(format!("{file}#thumbnail"), url(photos::THUMBNAIL_SIDE));
            bytes.insert(file, photos::fitted(original, image.media_type));
        }
    }
    // the flags of the national days page, whichever rule fills it
    let countries = sources
        .national_days
        .entries
        .iter()
        .map(|entry| entry.country)
        .chain(sources.sent_national_days.iter().filter_map(|activity| activity.counterpart_country));
    for country in countries {
        if let (Some(file), Some(svg)) = (edition::flag_file(country), vigie_render::flags::svg(country)) {
            let encoded = base64::engine::general_purpose::STANDARD.encode(svg);
            urls.insert(file.clone(), format!("data:image/svg+xml;base64,{encoded}"));
            bytes.insert(file, svg.as_bytes().to_vec());
        }
    }
    (bytes, urls)
}

/// Writes the editions of `langs` out of the sources. The PDF's date is
/// the last day of the issue's month, so that the same data give the same
/// file whenever it is printed.
pub fn print(
    sources: &Sources,
    profile: &Profile,
    langs: &[Lang],
    outputs: Outputs,
) -> Result<Vec<Printed>, BulletinError> {
    let (bytes, urls) = image_files(sources);
    let today = sources.issue.month.last_day();
    langs
        .iter()
        .map(|&lang| {
            let edition = Edition::new(sources, profile, lang);
            let pdf = if outputs.pdf { Some(pdf(&edition, &bytes, today)?) } else { None };
            let html = if outputs.html { Some(html(&edition, &urls)?) } else { None };
            Ok(Printed { lang, edition, pdf, html })
        })
        .collect()
}
