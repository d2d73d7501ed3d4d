//! Compiles a Typst document in process into PDF bytes.
//!
//! A [`Document`] is a static Typst template (`main`), virtual files it reads
//! (`json("data.json")`, `image("chart.svg")`, `read("notes.txt")`), string
//! inputs (`sys.inputs`) and the date `today()` returns. Data goes in as files
//! and inputs, never into the template's source: Typst markup is a
//! programming language, and text pasted into it would be evaluated.
//!
//! Only the fonts embedded in this crate are used (Noto Sans and Noto Naskh
//! Arabic, see [`fonts::families`]); the default font list is those two, Latin
//! first. The PDF's creation date is `today` at midnight UTC (unless the
//! template sets `document(date: ..)`), so the same document gives the same
//! bytes.
//!
//! Only this crate depends on Typst (slow to build, a large API): the rest
//! of the workspace sees `compile_pdf` and its errors.

mod error;
pub mod fonts;
mod world;

pub use error::{Diagnostic, Diagnostics, Location, PdfError};

use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::world::VigieWorld;

/// What to compile.
#[derive(Debug, Clone)]
pub struct Document {
    /// The Typst source of the main file (`main.typ`): a static template.
    pub main: String,
    /// Virtual files, by path relative to the project root (`data.json`,
    /// `charts/map.svg`).
    pub files: Vec<(String, Vec<u8>)>,
    /// The dictionary `sys.inputs` (all values are strings).
    pub inputs: Vec<(String, String)>,
    /// What `datetime.today()` returns, and the PDF's creation date.
    pub today: jiff::civil::Date,
}

/// A compiled PDF.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    /// The number of pages.
    pub pages: usize,
    /// Typst's warnings (the compilation went through).
    pub warnings: Vec<Diagnostic>,
}

/// Compiles the document and exports it as PDF.
///
/// Blocking and CPU-bound (tens to hundreds of milliseconds): in an async
/// server, call it inside `spawn_blocking`. Typst's memoization cache is
/// trimmed after each call.
pub fn compile_pdf(doc: &Document) -> Result<Pdf, PdfError> {
    let result = compile(doc);
    // Keep Typst's memoization cache from growing with every document, while
    // keeping what recent compilations used.
    comemo::evict(10);
    result
}

fn compile(doc: &Document) -> Result<Pdf, PdfError> {
    let world = VigieWorld::new(doc)?;
    let warned = typst::compile::<PagedDocument>(&world);
    let warnings = error::convert(&world, &warned.warnings).0;
    let document = warned.output.map_err(|errors| PdfError::Compile(error::convert(&world, &errors)))?;

    // Midnight UTC: a full timestamp, the same on every machine.
    let midnight = world::typst_datetime(doc.today, true)?;
    let options = PdfOptions { timestamp: Some(Timestamp::new_utc(midnight)), ..PdfOptions::default() };
    let bytes =
        typst_pdf::pdf(&document, &options).map_err(|errors| PdfError::Export(error::convert(&world, &errors)))?;
    Ok(Pdf { bytes, pages: document.pages().len(), warnings })
}
