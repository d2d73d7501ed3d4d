//! The PDF edition: a static Typst template reads the edition as JSON and
//! the charts and images as files. No text of the edition ever becomes Typst
//! source: Typst markup is a programming language.

use std::collections::BTreeMap;

use vigie_pdf::{Document, compile_pdf};

use crate::BulletinError;
use crate::edition::Edition;

const TEMPLATE: &str = include_str!("../templates/bulletin.typ");

/// The edition as a PDF; `images` maps the edition's image files to their
/// bytes. `today` is the document's date (reproducible output).
pub fn pdf(
    edition: &Edition,
    images: &BTreeMap<String, Vec<u8>>,
    today: jiff::civil::Date,
) -> Result<vigie_pdf::Pdf, BulletinError> {
    let mut files = vec![(
        "edition.json".to_string(),
        serde_json::to_vec(edition).map_err(|e| BulletinError::Issue(e.to_string()))?,
    )];
    for region in &edition.regions {
        for chart in &region.charts {
            files.push((chart.file.clone(), edition.digits.in_markup(chart.svg.clone()).into_bytes()));
        }
    }
    for (file, bytes) in images {
        files.push((file.clone(), bytes.clone()));
    }
    let document = Document { main: TEMPLATE.to_string(), files, inputs: Vec::new(), today };
    Ok(compile_pdf(&document)?)
}
