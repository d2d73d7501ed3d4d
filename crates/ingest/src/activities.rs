//! Imports of the activity register, a register of flat records (`flat.rs`):
//! an activity is its id, and an id met twice in one import is a problem of
//! the second record. The same import reads the counterparts file, a row a
//! person of an activity's counterparts (told by its `activity` column):
//! the people an import gives an activity replace those it had.

use vigie_domain::activity::RawActivity;
use vigie_domain::activity::unknown_organisations;
use vigie_domain::counterpart::{Counterpart, check_people, counterpart_of};
use vigie_domain::{Activity, ActivityValidator, AuditEntry, FieldError};
use vigie_formats::register::activities::{ACTIVITY_LAYOUT, ACTIVITY_LAYOUTS};
use vigie_formats::register::flat::FlatLayout;
use vigie_store::{ActivityImportSession, ImportCounts, RegisterSession, Store, StoreError, Upsert};

use crate::flat::{FlatRegister, import_flat};
use crate::{IngestError, Options, Source, Summary};

/// A record of the activity register's files.
enum ActivityRecord {
    Activity(Box<Activity>),
    /// A person, and the id of their activity.
    Person(String, Counterpart),
}

/// The layouts' places in [`ACTIVITY_LAYOUTS`].
const ACTIVITIES: usize = 0;

struct Activities {
    validator: ActivityValidator,
    /// The organisations of the register, which an activity's
    /// `organisations` and a person's `organisation` name.
    organisations: Vec<String>,
}

impl FlatRegister for Activities {
    type Record = ActivityRecord;

    fn layout(&self) -> &'static FlatLayout {
        &ACTIVITY_LAYOUT
    }

    fn layouts(&self) -> Vec<&'static FlatLayout> {
        ACTIVITY_LAYOUTS.to_vec()
    }

    fn key_column(&self, layout: usize) -> &'static str {
        if layout == ACTIVITIES { "id" } else { "activity" }
    }

    fn repeated(&self, layout: usize) -> String {
        if layout == ACTIVITIES {
            "appears more than once in this import: give each activity once".into()
        } else {
            "gives this activity the same person (and organisation) twice: give each person once".into()
        }
    }

    fn orphan(&self, _layout: usize) -> String {
        "unknown activity: import it first, or earlier in the same import".into()
    }

    fn check(&self, layout: usize, values: &[Option<String>]) -> Result<(ActivityRecord, String), Vec<FieldError>> {
        if layout != ACTIVITIES {
            let (activity, person) = counterpart_of(values)?;
            let problems = check_people(std::slice::from_ref(&person), &self.organisations);
            if !problems.is_empty() {
                return Err(problems.into_iter().map(|(_, error)| error).collect());
            }
            return Ok((ActivityRecord::Person(activity.clone(), person), activity));
        }
        let activity = self.validator.activity(&RawActivity::from_values(values.to_vec()))?;
        let unknown = unknown_organisations(&activity, &self.organisations);
        if !unknown.is_empty() {
            return Err(unknown);
        }
        let id = activity.id.clone();
        Ok((ActivityRecord::Activity(Box::new(activity)), id))
    }

    fn begin<'s>(
        &self,
        store: &'s mut dyn Store,
        source: &str,
    ) -> Result<Box<dyn RegisterSession<ActivityRecord> + 's>, StoreError> {
        Ok(Box::new(Session(store.begin_activity_import(source, "activities")?)))
    }
}

/// The store's activity import, for both kinds of record.
struct Session<'s>(Box<dyn ActivityImportSession + 's>);

impl RegisterSession<ActivityRecord> for Session<'_> {
    fn upsert(&mut self, record: &ActivityRecord) -> Result<Upsert, StoreError> {
        match record {
            ActivityRecord::Activity(activity) => self.0.upsert(activity),
            ActivityRecord::Person(activity, person) => self.0.add_person(activity, person),
        }
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<(), StoreError> {
        self.0.record_audit(entry)
    }

    fn finish(self: Box<Self>, counts: ImportCounts) -> Result<i64, StoreError> {
        self.0.finish(counts)
    }
}

/// Imports activity records (and their people) from all sources in one
/// transaction.
pub fn import_activities(
    store: &mut dyn Store,
    sources: Vec<Source>,
    options: &Options,
) -> Result<Summary, IngestError> {
    let organisations = store.organisations()?.into_iter().map(|o| o.id).collect();
    import_flat(&Activities { validator: ActivityValidator::new(), organisations }, store, sources, options)
}
