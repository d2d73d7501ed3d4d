//! Imports of the activity register, a register of flat records (`flat.rs`):
//! an activity is its id, and an id met twice in one import is a problem of
//! the second record.

use vigie_domain::activity::RawActivity;
use vigie_domain::activity::unknown_organisations;
use vigie_domain::{Activity, ActivityValidator, FieldError};
use vigie_formats::register::activities::ACTIVITY_LAYOUT;
use vigie_formats::register::flat::FlatLayout;
use vigie_store::{RegisterSession, Store, StoreError};

use crate::flat::{FlatRegister, import_flat};
use crate::{IngestError, Options, Source, Summary};

struct Activities {
    validator: ActivityValidator,
    /// The organisations of the register, which an activity's
    /// `organisations` name.
    organisations: Vec<String>,
}

impl FlatRegister for Activities {
    type Record = Activity;

    fn layout(&self) -> &'static FlatLayout {
        &ACTIVITY_LAYOUT
    }

    fn key_column(&self) -> &'static str {
        "id"
    }

    fn repeated(&self) -> String {
        "appears more than once in this import: give each activity once".into()
    }

    fn check(&self, values: &[Option<String>]) -> Result<(Activity, String), Vec<FieldError>> {
        let activity = self.validator.activity(&RawActivity::from_values(values.to_vec()))?;
        let unknown = unknown_organisations(&activity, &self.organisations);
        if !unknown.is_empty() {
            return Err(unknown);
        }
        let id = activity.id.clone();
        Ok((activity, id))
    }

    fn begin<'s>(
        &self,
        store: &'s mut dyn Store,
        source: &str,
    ) -> Result<Box<dyn RegisterSession<Activity> + 's>, StoreError> {
        store.begin_activity_import(source, "activities")
    }
}

/// Imports activity records from all sources in one transaction.
pub fn import_activities(
    store: &mut dyn Store,
    sources: Vec<Source>,
    options: &Options,
) -> Result<Summary, IngestError> {
    let organisations = store.organisations()?.into_iter().map(|o| o.id).collect();
    import_flat(&Activities { validator: ActivityValidator::new(), organisations }, store, sources, options)
}
