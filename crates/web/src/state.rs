//! What every request shares: the store (behind a mutex: it is not `Sync`),
//! the region groups, the login rate limiter and the configuration.

use std::sync::{Arc, Mutex};

use vigie_domain::region::Regions;
use vigie_store::{Store, StoreError};

use crate::rate_limit::RateLimiter;

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Mark cookies `Secure` (serve over HTTPS). Off by default, for
    /// `http://127.0.0.1`.
    pub secure_cookies: bool,
    /// The organisation's name in fr, en and ar (the home page's title);
    /// empty: the application's name.
    pub organisation: [String; 3],
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
        })
    }

    /// Builds bulletins with `profile` (the demo's otherwise).
    pub fn with_profile(mut self, profile: vigie_bulletin::Profile) -> AppState {
        self.profile = Arc::new(profile);
        self
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
