//! Errors, and Typst's diagnostics made readable (`FILE:LINE:COLUMN: message`).

use std::fmt;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::syntax::{DiagSpan, FileId};

use crate::world::VigieWorld;

/// Why a document could not be turned into a PDF.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A virtual file's path is not a usable path in the project root.
    #[error("invalid file path {path:?}: {reason}")]
    InvalidPath { path: String, reason: String },
    /// Two virtual files have the same path (or one is named like the main
    /// source, `main.typ`).
    #[error("the file {0:?} is given twice (or is named like the main source, main.typ)")]
    DuplicateFile(String),
    /// The date given as `today` cannot be represented by Typst.
    #[error("the date {0} cannot be used as today's date")]
    InvalidDate(jiff::civil::Date),
    /// The Typst document does not compile: errors in the template, a missing
    /// or malformed file, an error raised by the template itself.
    #[error("the Typst document does not compile:\n{0}")]
    Compile(Diagnostics),
    /// The document compiled but could not be written as PDF.
    #[error("the PDF export failed:\n{0}")]
    Export(Diagnostics),
}

impl PdfError {
    /// The diagnostics, for the errors that come from Typst.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            PdfError::Compile(d) | PdfError::Export(d) => &d.0,
            _ => &[],
        }
    }
}

/// Typst diagnostics, one a line when displayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

/// A place in a file of the document: its path in the virtual file system
/// (`main.typ`, `data.json`), 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// One error or warning from Typst.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// `true` for an error, `false` for a warning.
    pub is_error: bool,
    /// Where it is, when Typst says.
    pub location: Option<Location>,
    pub message: String,
    /// Typst's hints, in order.
    pub hints: Vec<String>,
    /// The calls that led there, innermost first ("while calling `f`", with
    /// where the call is).
    pub trace: Vec<(String, Option<Location>)>,
}

impl fmt::Display for Diagnostic {
    /// `main.typ:3:7: error: unknown variable: foo`, then hints and the trace
    /// indented on the following lines.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        let severity = if self.is_error { "error" } else { "warning" };
        write!(f, "{severity}: {}", self.message)?;
        for hint in &self.hints {
            write!(f, "\n  hint: {hint}")?;
        }
        for (point, location) in &self.trace {
            write!(f, "\n  {point}")?;
            if let Some(location) = location {
                write!(f, " ({location})")?;
            }
        }
        Ok(())
    }
}

pub(crate) fn convert(world: &VigieWorld, diagnostics: &[SourceDiagnostic]) -> Diagnostics {
    Diagnostics(
        diagnostics
            .iter()
            .map(|diagnostic| Diagnostic {
                is_error: diagnostic.severity == Severity::Error,
                location: locate(world, diagnostic.span),
                message: diagnostic.message.to_string(),
                hints: diagnostic.hints.iter().map(|hint| hint.v.to_string()).collect(),
                trace: diagnostic
                    .trace
                    .iter()
                    .map(|point| (point.v.to_string(), locate(world, point.span.into())))
                    .collect(),
            })
            .collect(),
    )
}

fn locate(world: &VigieWorld, span: DiagSpan) -> Option<Location> {
    let id: FileId = span.id()?;
    let file = id.vpath().get_without_slash().to_owned();
    let position = world
        .range(span)
        .and_then(|range| Some((range.start, world.text(id)?)))
        .and_then(|(offset, text)| line_column(text, offset));
    Some(Location { file, line: position.map(|(line, _)| line), column: position.map(|(_, column)| column) })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> Option<(usize, usize)> {
    let before = text.get(..offset)?;
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Some((line, column))
}

#[cfg(test)]
mod tests {
    use super::line_column;

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\nçé#x\n";
        assert_eq!(line_column(text, 0), Some((1, 1)));
        assert_eq!(line_column(text, 3), Some((2, 1)));
        // "çé" is 4 bytes, 2 characters.
        assert_eq!(line_column(text, 7), Some((2, 3)));
        assert_eq!(line_column(text, 4), None); // inside "ç"
    }
}
