//! Imports of the register of organisations, a register of flat records
//! (`flat.rs`): an organisation is its id.

use vigie_domain::organisation::{ORGANISATION_COLUMNS, RawOrganisation, validate_organisation};
use vigie_domain::{FieldError, Organisation};
use vigie_formats::register::flat::FlatLayout;
use vigie_store::{RegisterSession, Store, StoreError};

use crate::flat::{FlatRegister, import_flat};
use crate::{IngestError, Options, Source, Summary};

/// The register's columns: the id and kind are required.
pub const ORGANISATION_LAYOUT: FlatLayout = FlatLayout {
    kind: "organisation",
    columns: &ORGANISATION_COLUMNS,
    required: &[0, 1],
    lists: &[],
    booleans: false,
    aliases: &[],
};

struct Organisations;

impl FlatRegister for Organisations {
    type Record = Organisation;

    fn layout(&self) -> &'static FlatLayout {
        &ORGANISATION_LAYOUT
    }

    fn key_column(&self, _layout: usize) -> &'static str {
        "id"
    }

    fn repeated(&self, _layout: usize) -> String {
        "appears more than once in this import: give each organisation once".into()
    }

    fn check(&self, _layout: usize, values: &[Option<String>]) -> Result<(Organisation, String), Vec<FieldError>> {
        let mut raw = RawOrganisation::default();
        for (slot, value) in raw.0.iter_mut().zip(values) {
            *slot = value.clone();
        }
        let organisation = validate_organisation(&raw)?;
        let id = organisation.id.clone();
        Ok((organisation, id))
    }

    fn begin<'s>(
        &self,
        store: &'s mut dyn Store,
        source: &str,
    ) -> Result<Box<dyn RegisterSession<Organisation> + 's>, StoreError> {
        store.begin_organisation_import(source, "organisations")
    }
}

/// Imports organisation records from all sources in one transaction.
pub fn import_organisations(
    store: &mut dyn Store,
    sources: Vec<Source>,
    options: &Options,
) -> Result<Summary, IngestError> {
    import_flat(&Organisations, store, sources, options)
}
