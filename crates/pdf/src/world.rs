//! The Typst `World`: everything a compilation can see.
//!
//! Nothing comes from the machine: the library is built with the caller's
//! `sys.inputs`, fonts are the embedded ones, files are the caller's virtual
//! files, and `today()` is the caller's date.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Dict, Duration, Str, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontFamily, FontList, TextElem};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::fonts::{ARABIC_FAMILY, FONTS, LATIN_FAMILY};
use crate::{Document, PdfError};

/// The path of the main source in the virtual file system.
pub(crate) const MAIN_PATH: &str = "main.typ";

pub(crate) struct VigieWorld {
    library: LazyHash<Library>,
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

/// The file id of a path in the project root (`data.json`, `/img/a.svg`).
pub(crate) fn file_id(path: &str) -> Result<FileId, PdfError> {
    let vpath = VirtualPath::new(path)
        .map_err(|err| PdfError::InvalidPath { path: path.to_owned(), reason: err.to_string() })?;
    if vpath.is_root() {
        return Err(PdfError::InvalidPath { path: path.to_owned(), reason: "names no file".to_owned() });
    }
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// A date as Typst's `Datetime`: the date alone (as `today()` gives), or
/// with the time 00:00:00.
pub(crate) fn typst_datetime(date: jiff::civil::Date, midnight: bool) -> Result<Datetime, PdfError> {
    let (year, month, day) = (i32::from(date.year()), date.month().unsigned_abs(), date.day().unsigned_abs());
    let datetime =
        if midnight { Datetime::from_ymd_hms(year, month, day, 0, 0, 0) } else { Datetime::from_ymd(year, month, day) };
    datetime.ok_or(PdfError::InvalidDate(date))
}

impl VigieWorld {
    pub(crate) fn new(doc: &Document) -> Result<Self, PdfError> {
        let main_id = file_id(MAIN_PATH)?;
        let mut files = HashMap::with_capacity(doc.files.len());
        for (path, bytes) in &doc.files {
            let id = file_id(path)?;
            if id == main_id || files.insert(id, Bytes::new(bytes.clone())).is_some() {
                return Err(PdfError::DuplicateFile(path.clone()));
            }
        }

        let inputs: Dict = doc
            .inputs
            .iter()
            .map(|(key, value)| (Str::from(key.as_str()), Value::Str(value.as_str().into())))
            .collect();
        let mut library = Library::builder().with_inputs(inputs).build();
        // Typst's default font (Libertinus Serif) is not embedded: default to
        // the embedded families, Latin first, then Arabic.
        library
            .styles
            .set(TextElem::font, FontList(vec![FontFamily::new(LATIN_FAMILY), FontFamily::new(ARABIC_FAMILY)]));

        Ok(Self {
            library: LazyHash::new(library),
            main: Source::new(main_id, doc.main.clone()),
            files,
            today: typst_datetime(doc.today, false)?,
        })
    }

    /// The text of a file, for locating diagnostics (main or a virtual file).
    pub(crate) fn text(&self, id: FileId) -> Option<&str> {
        if id == self.main.id() {
            Some(self.main.text())
        } else {
            std::str::from_utf8(self.files.get(&id)?.as_slice()).ok()
        }
    }

    fn lookup(&self, id: FileId) -> FileResult<&Bytes> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Package(PackageError::Other(Some(
                format!("no package can be loaded here: {spec}").into(),
            ))));
        }
        self.files.get(&id).ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }
}

impl World for VigieWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        // A virtual file may be a template module (`import "parts.typ"`).
        let bytes = self.lookup(id)?;
        let text = std::str::from_utf8(bytes.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_owned()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_owned()));
        }
        self.lookup(id).cloned()
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
