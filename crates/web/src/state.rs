//! What every request shares: the store's connections, the region groups,
//! the login rate limiter and the configuration.
//!
//! Connections come from two pools (`pool.rs`): readers, which in WAL mode
//! never wait for a writer, and writers, which wait for SQLite's write lock
//! at most [`WRITE_WAIT`] and then give up with `StoreError::Busy` (a 503
//! page, `errors.rs`). A login writes only the sessions file, so it goes on
//! while an import holds the database's lock. A third connection, never
//! used to write, tells the data version: its `PRAGMA data_version` moves
//! with every commit of the others.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use vigie_domain::region::Regions;
use vigie_store::{Access, DataVersion, Store, StoreError};

use crate::pool::Pool;
use crate::rate_limit::RateLimiter;

/// How long a write waits for a free connection, then as long again for
/// SQLite's write lock, before the user gets "busy, try again".
pub const WRITE_WAIT: Duration = Duration::from_secs(2);
/// How long a read waits for a free connection (all busy with long reads).
const READ_WAIT: Duration = Duration::from_secs(10);
const READERS: usize = 8;
const WRITERS: usize = 4;

tokio::task_local! {
    /// The API token of the request being served, if it came with one
    /// (`bearer.rs` sets it): the audit entries its writes make name it.
    pub static AUDIT_TOKEN: Option<i64>;
}

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
    /// How many API requests a token may send.
    pub api_rate: crate::api_rate::ApiRate,
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
    readers: Arc<Pool>,
    writers: Arc<Pool>,
    /// Tells the data version; never writes.
    watcher: Arc<Mutex<Box<dyn Store>>>,
    pub(crate) regions: Arc<Regions>,
    pub(crate) config: Arc<Config>,
    pub(crate) limiter: Arc<RateLimiter>,
    /// Signs the login form's CSRF cookie; new at each start.
    pub(crate) secret: Arc<[u8; 32]>,
    /// The organisation profile bulletins are built with (the demo's
    /// unless [`AppState::with_profile`] gives one).
    pub(crate) profile: Arc<vigie_bulletin::Profile>,
    /// The rejects files of recent incident imports, for download.
    pub(crate) rejects: Arc<crate::rejects::RejectsFiles>,
    /// Sessions and dashboard reports read from the store, valid while
    /// its data version stays the same (`cache.rs`).
    pub(crate) sessions: Arc<crate::cache::Sessions>,
    pub(crate) reports: Arc<crate::cache::Reports>,
    pub(crate) lists: Arc<crate::cache::Lists>,
    /// API tokens read from the store, as sessions are.
    pub(crate) tokens: Arc<crate::cache::Tokens>,
    pub(crate) api_limiter: Arc<crate::api_rate::ApiLimiter>,
    pub(crate) touches: Arc<crate::api_rate::Touches>,
}

impl AppState {
    /// The state over `store` (migrated), with the pools' other
    /// connections opened beside it.
    pub fn new(store: Box<dyn Store>, regions: Regions, config: Config) -> anyhow::Result<AppState> {
        let mut readers = Vec::with_capacity(READERS);
        for _ in 0..READERS {
            readers.push(store.connect(Access::Read)?);
        }
        let mut writers = vec![store];
        for _ in 1..WRITERS {
            writers.push(writers[0].connect(Access::Write)?);
        }
        for writer in &mut writers {
            writer.set_busy_timeout(WRITE_WAIT)?;
        }
        let watcher = writers[0].connect(Access::Read)?;
        let config_rate = config.api_rate;
        Ok(AppState {
            readers: Arc::new(Pool::new(readers, READ_WAIT)),
            writers: Arc::new(Pool::new(writers, WRITE_WAIT)),
            watcher: Arc::new(Mutex::new(watcher)),
            regions: Arc::new(regions),
            config: Arc::new(config),
            limiter: Arc::new(RateLimiter::default()),
            secret: Arc::new(crate::util::random_bytes()?),
            profile: Arc::new(vigie_bulletin::Profile::demo()),
            rejects: Arc::default(),
            sessions: Arc::new(crate::cache::Versioned::new(10_000)),
            reports: Arc::new(crate::cache::Versioned::new(1_000)),
            lists: Arc::new(crate::cache::Versioned::new(1_000)),
            tokens: Arc::new(crate::cache::Versioned::new(10_000)),
            api_limiter: Arc::new(crate::api_rate::ApiLimiter::new(config_rate)),
            touches: Arc::default(),
        })
    }

    /// Builds bulletins with `profile` (the demo's otherwise).
    pub fn with_profile(mut self, profile: vigie_bulletin::Profile) -> AppState {
        self.profile = Arc::new(profile);
        self
    }

    /// The store's data version, which the caches compare: read in
    /// microseconds, right here (in WAL mode it never waits for a writer).
    pub async fn data_version(&self) -> Result<DataVersion, StoreError> {
        let watcher = self.watcher.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        watcher.data_version()
    }

    /// The data version without the sessions file's part: what a report
    /// depends on (a login must not recompute the dashboards).
    pub async fn content_version(&self) -> Result<DataVersion, StoreError> {
        Ok(DataVersion { sessions: 0, ..self.data_version().await? })
    }

    /// Runs `work` on a reading connection in a blocking thread (SQLite
    /// calls block); never waits for a writer.
    pub async fn read<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Store) -> Result<T, StoreError> + Send + 'static,
    {
        let store = self.readers.take().await?;
        tokio::task::spawn_blocking(move || work(&*store)).await.map_err(|e| StoreError::Visitor(Box::new(e)))?
    }

    /// Runs `work` on a writing connection in a blocking thread; gives up
    /// with [`StoreError::Busy`] when the write lock stays taken (an
    /// import) longer than [`WRITE_WAIT`].
    pub async fn write<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Store) -> Result<T, StoreError> + Send + 'static,
    {
        let mut store = self.writers.take().await?;
        // the audit entries of a request that came with an API token name it
        let token = AUDIT_TOKEN.try_with(|token| *token).ok().flatten();
        tokio::task::spawn_blocking(move || {
            store.set_audit_token(token);
            work(&mut *store)
        })
        .await
        .map_err(|e| StoreError::Visitor(Box::new(e)))?
    }
}
