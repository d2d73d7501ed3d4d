//! In-memory caches of what the store answers, so that a hot page (the
//! dashboard's JSON, the session of every request) costs no query.
//!
//! Every entry belongs to the store's [`DataVersion`] it was read at, and a
//! lookup gives it only while the store is still at that version: any write
//! through the server's store handle, or a commit by another process (a
//! `vigie import` or `vigie user disable` on the command line), empties the
//! cache at the next request. Nothing is ever served stale, and no write
//! path has to remember to invalidate anything.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use vigie_domain::{Month, User};
use vigie_report::MonthlyReport;
use vigie_store::DataVersion;

/// A map whose entries hold for one store version. At most `capacity`
/// entries: a full map is emptied rather than grown (keys come from
/// requests).
pub struct Versioned<K, V> {
    inner: Mutex<Inner<K, V>>,
    capacity: usize,
}

struct Inner<K, V> {
    version: Option<DataVersion>,
    entries: HashMap<K, V>,
}

impl<K: Eq + Hash, V: Clone> Versioned<K, V> {
    pub fn new(capacity: usize) -> Versioned<K, V> {
        Versioned { inner: Mutex::new(Inner { version: None, entries: HashMap::new() }), capacity }
    }

    fn at(&self, version: DataVersion) -> std::sync::MutexGuard<'_, Inner<K, V>> {
        // a panic while holding this lock leaves a map that is still whole
        let mut inner = self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if inner.version != Some(version) {
            inner.entries.clear();
            inner.version = Some(version);
        }
        inner
    }

    /// The value of `key` read at `version`, the store's current one.
    pub fn get(&self, version: DataVersion, key: &K) -> Option<V> {
        self.at(version).entries.get(key).cloned()
    }

    /// Keeps `value`, read at `version` (taken before the value was read).
    pub fn insert(&self, version: DataVersion, key: K, value: V) {
        let mut inner = self.at(version);
        if inner.entries.len() >= self.capacity {
            inner.entries.clear();
        }
        inner.entries.insert(key, value);
    }
}

/// A region's monthly report and its JSON, as the dashboard serves them.
pub struct Report {
    pub model: MonthlyReport,
    pub json: Bytes,
    /// The month's figures that changed since an issue published them.
    pub revised: Option<vigie_report::RevisedMonth>,
    /// For the names of the perpetrators of revised figures.
    pub groups: vigie_domain::GroupRegister,
}

impl Report {
    pub fn new(
        model: MonthlyReport,
        revised: Option<vigie_report::RevisedMonth>,
        groups: vigie_domain::GroupRegister,
    ) -> Report {
        let json = Bytes::from(vigie_render::monthly::json(&model));
        Report { model, json, revised, groups }
    }
}

/// Reports by region id and month asked for (`None`: the latest month
/// with verified incidents); `None` when the region has none.
pub type Reports = Versioned<(String, Option<Month>), Option<Arc<Report>>>;

/// Sessions by token hash: the account and the session's end.
/// Pages of the incident list, by their filter (the reader's scope in it):
/// the incidents of the page and the number of all that match.
pub type Lists = Versioned<String, Arc<(Vec<vigie_domain::Incident>, u64)>>;

pub type Sessions = Versioned<String, (User, jiff::Timestamp)>;

/// API tokens by the hash of their secret: the token and its account.
pub type Tokens = Versioned<String, (vigie_domain::token::ApiToken, User)>;

#[cfg(test)]
mod tests {
    use super::*;

    fn version(others: u64, own: u64) -> DataVersion {
        DataVersion { others, own, sessions: 0 }
    }

    #[test]
    fn entries_hold_for_their_version_only() {
        let cache: Versioned<&str, u32> = Versioned::new(8);
        cache.insert(version(1, 0), "a", 1);
        assert_eq!(cache.get(version(1, 0), &"a"), Some(1));
        assert_eq!(cache.get(version(1, 1), &"a"), None, "a write through this handle");
        assert_eq!(cache.get(version(1, 0), &"a"), None, "emptied, not kept aside");
        cache.insert(version(2, 0), "a", 2);
        assert_eq!(cache.get(version(2, 0), &"a"), Some(2));
    }

    #[test]
    fn a_full_cache_starts_again() {
        let cache: Versioned<u32, u32> = Versioned::new(2);
        for key in 0..3 {
            cache.insert(version(0, 0), key, key);
        }
        assert_eq!(cache.get(version(0, 0), &0), None);
        assert_eq!(cache.get(version(0, 0), &2), Some(2));
    }
}
