//! What every request shares: the store (behind a mutex: it is not `Sync`),
//! the region groups, the login rate limiter and the configuration.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use vigie_domain::region::Regions;
use vigie_store::{DataVersion, Store, StoreError};

use crate::rate_limit::RateLimiter;

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Mark cookies `Secure` (serve over HTTPS). Off by default, for
    /// `http://127.0.0.1`.
    pub secure_cookies: bool,
    /// The organisation's name in fr, en and ar (the home page's title);
    /// empty: the application's name.
    pub organisation: [String; 3],
    /// How long the server waits for a client (`serve`).
    pub timeouts: Timeouts,
}

/// How long `serve` waits for a client before closing the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// From the connection's opening, or the end of the previous response
    /// on a kept-alive connection, to the end of a request's header: a
    /// connection that sends nothing, or half a header, is closed after
    /// it, and so is a kept-alive connection left idle that long.
    pub header_read: Duration,
    /// The longest pause while a request's body is read (not the time of
    /// the whole body): a body announced and not sent gets 408, while an
    /// upload on a slow line goes on as long as bytes keep coming.
    pub body_read: Duration,
}

impl Default for Timeouts {
    /// 10 s for a header (a browser sends it at once, and reopens a
    /// kept-alive connection the server closed; each idle one holds a
    /// socket), 30 s of silence in a body: a 20 MiB upload on a
    /// 256 kbit/s line takes about 11 minutes but never pauses for 30 s,
    /// while TCP retransmits a lost segment within seconds.
    fn default() -> Timeouts {
        Timeouts { header_read: Duration::from_secs(10), body_read: Duration::from_secs(30) }
    }
}

impl Config {
    pub fn organisation(&self, lang: vigie_domain::Lang) -> Option<&str> {
        let index = vigie_domain::Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        Some(self.organisation[index].as_str()).filter(|name| !name.is_empty())
    }
}

#[derive(Clone)]
pub struct AppState {
    store: Arc<Mutex<Box<dyn Store>>>,
    pub(crate) regions: Arc<Regions>,
    pub(crate) config: Arc<Config>,
    pub(crate) limiter: Arc<RateLimiter>,
    /// Signs the login form's CSRF cookie; new at each start.
    pub(crate) secret: Arc<[u8; 32]>,
    /// The organisation profile bulletins are built with.
    pub(crate) profile: Arc<vigie_bulletin::Profile>,
    /// The rejects files of recent incident imports, for download.
    pub(crate) rejects: Arc<crate::incidents::RejectsFiles>,
    /// Sessions and dashboard reports read from the store, valid while
    /// its data version stays the same (`cache.rs`).
    pub(crate) sessions: Arc<crate::cache::Sessions>,
    pub(crate) reports: Arc<crate::cache::Reports>,
}

impl AppState {
    pub fn new(store: Box<dyn Store>, regions: Regions, config: Config) -> anyhow::Result<AppState> {
        Ok(AppState {
            store: Arc::new(Mutex::new(store)),
            regions: Arc::new(regions),
            config: Arc::new(config),
            limiter: Arc::new(RateLimiter::default()),
            secret: Arc::new(crate::session::random_bytes()?),
            profile: Arc::new(crate::bulletins::default_profile()),
            rejects: Arc::default(),
            sessions: Arc::new(crate::cache::Versioned::new(10_000)),
            reports: Arc::new(crate::cache::Versioned::new(1_000)),
        })
    }

    /// Builds bulletins with `profile` (the demo's otherwise).
    pub fn with_profile(mut self, profile: vigie_bulletin::Profile) -> AppState {
        self.profile = Arc::new(profile);
        self
    }

    /// The store's data version, which the caches compare. Reading it
    /// takes microseconds and, in WAL mode, never waits for a writer: when
    /// no request holds the store it is read right here, without the trip
    /// to a blocking thread.
    pub async fn data_version(&self) -> Result<DataVersion, StoreError> {
        let here = match self.store.try_lock() {
            Ok(guard) => Some(guard.data_version()),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner().data_version()),
            Err(std::sync::TryLockError::WouldBlock) => None,
        };
        match here {
            Some(version) => version,
            None => self.with_store(|store| store.data_version()).await,
        }
    }

    /// Runs `work` on the store in a blocking thread (SQLite calls block).
    pub async fn with_store<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Store) -> Result<T, StoreError> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || {
            // a panic in another request leaves the store usable
            let mut guard = store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            work(guard.as_mut())
        })
        .await
        .map_err(|e| StoreError::Visitor(Box::new(e)))?
    }
}
