//! Imports of the register of themes, a register of flat records
//! (`flat.rs`): a theme is its id.

use vigie_domain::FieldError;
use vigie_domain::theme::{THEME_COLUMNS, Theme, validate_theme};
use vigie_formats::register::flat::FlatLayout;
use vigie_store::{RegisterSession, Store, StoreError};

use crate::flat::{FlatRegister, import_flat};
use crate::{IngestError, Options, Source, Summary};

/// The register's columns: the id is required.
pub const THEME_LAYOUT: FlatLayout =
    FlatLayout { kind: "theme", columns: &THEME_COLUMNS, required: &[0], lists: &[], booleans: false, aliases: &[] };

struct Themes;

impl FlatRegister for Themes {
    type Record = Theme;

    fn layout(&self) -> &'static FlatLayout {
        &THEME_LAYOUT
    }

    fn key_column(&self, _layout: usize) -> &'static str {
        "id"
    }

    fn check(&self, _layout: usize, values: &[Option<String>]) -> Result<(Theme, String), Vec<FieldError>> {
        let theme = validate_theme(values)?;
        let id = theme.id.clone();
        Ok((theme, id))
    }

    fn begin<'s>(
        &self,
        store: &'s mut dyn Store,
        source: &str,
    ) -> Result<Box<dyn RegisterSession<Theme> + 's>, StoreError> {
        store.begin_theme_import(source, "themes")
    }
}

/// Imports theme records from all sources in one transaction.
pub fn import_themes(store: &mut dyn Store, sources: Vec<Source>, options: &Options) -> Result<Summary, IngestError> {
    import_flat(&Themes, store, sources, options)
}
