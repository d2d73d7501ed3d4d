//! Imports of the country developments notes.

use vigie_domain::note::NOTE_COLUMNS;
use vigie_domain::{FieldError, Month, Note, NoteValidator, Regions};
use vigie_formats::register::flat::FlatLayout;
use vigie_store::{RegisterSession, Store, StoreError};

use crate::flat::{FlatRegister, import_flat};
use crate::{IngestError, Options, Source, Summary};

/// The note files' columns: region, month and country are required; a JSON
/// `true` or `false` is read as that text.
pub const NOTE_LAYOUT: FlatLayout =
    FlatLayout { kind: "note", columns: &NOTE_COLUMNS, required: &[0, 1, 2], lists: &[], booleans: true, aliases: &[] };

struct Notes<'a> {
    validator: NoteValidator<'a>,
}

impl FlatRegister for Notes<'_> {
    type Record = Note;

    fn layout(&self) -> &'static FlatLayout {
        &NOTE_LAYOUT
    }

    fn key_column(&self, _layout: usize) -> &'static str {
        "country"
    }

    fn check(&self, _layout: usize, values: &[Option<String>]) -> Result<(Note, String), Vec<FieldError>> {
        let note = self.validator.note(values)?;
        let key = format!("{} {} {}", note.region, note.month, note.country);
        Ok((note, key))
    }

    fn begin<'s>(
        &self,
        store: &'s mut dyn Store,
        source: &str,
    ) -> Result<Box<dyn RegisterSession<Note> + 's>, StoreError> {
        store.begin_note_import(source, "notes")
    }
}

/// Imports developments notes from all sources in one transaction; each
/// country must be in its region group's table for the note's month.
pub fn import_notes(
    store: &mut dyn Store,
    sources: Vec<Source>,
    options: &Options,
    regions: &Regions,
) -> Result<Summary, IngestError> {
    let notes = Notes { validator: NoteValidator::new(regions, Month::of(options.latest_date)) };
    import_flat(&notes, store, sources, options)
}
