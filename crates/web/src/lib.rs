//! Vigie's web application: pages rendered on the server (minijinja,
//! HTML auto-escaped) and JSON under `/api/v1/`, over the same store as the
//! command line. Sessions live in the store (`web_session`, token hashed),
//! every POST carries a CSRF token, and every access check is made here,
//! on the server.
//!
//! No value of the data is ever marked safe HTML: the only markup a page
//! takes as is comes from `vigie_render` (charts, article bodies), which
//! escapes every text itself. Store calls run on a blocking thread
//! (`AppState::with_store`); only the data version the caches compare,
//! microseconds to read, is read in place when the store is free.

mod api;
mod api_rate;
mod articles;
mod audit;
mod auth;
mod bearer;
mod bulletins;
mod cache;
mod composer;
mod confirmations;
mod cookies;
mod csrf;
mod error_page;
mod errors;
mod groups;
mod history;
mod i18n;
mod incidents;
mod listing;
mod login;
mod multipart_csrf;
mod no_store;
mod pages;
mod pool;
mod rate_limit;
mod registers;
mod rejects;
mod routes;
mod second_factor;
mod session;
mod sign_in;
mod state;
mod templates;
mod tokens;
mod users;
mod util;
mod version;

pub use api_rate::ApiRate;
pub use rate_limit::{MAX_FAILURES, WINDOW};
pub use routes::router;
pub use session::{SESSION_COOKIE, SESSION_HOURS, token_hash};
pub use state::{AppState, Config, Timeouts};

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tower_http::add_extension::AddExtension;
use tower_http::timeout::RequestBodyTimeout;

/// How long a shutdown waits for the requests under way.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Serves `state` on `addr` with a two-worker runtime until Ctrl-C;
/// `ready` is told the bound address first.
pub fn serve(addr: SocketAddr, state: AppState, ready: impl FnOnce(SocketAddr)) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the web server's runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| format!("cannot listen on {addr}"))?;
        ready(listener.local_addr()?);
        serve_on(listener, state, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
    })
}

/// Serves `state` on `listener` until `shutdown` completes, then lets the
/// requests under way finish (for [`SHUTDOWN_GRACE`] at most).
///
/// Each connection is HTTP/1.1 with the time-outs of the state's
/// [`Timeouts`]: hyper's header read time-out (which also ends a
/// kept-alive connection left idle) and tower-http's request body
/// time-out (the longest pause in a body). `axum::serve` has neither.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    let timeouts = state.config.timeouts;
    let app = router(state);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(timeouts.header_read).keep_alive(true);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // out of file descriptors, say: wait rather than spin
                    tracing::warn!("cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = RequestBodyTimeout::new(AddExtension::new(app.clone(), ConnectInfo(peer)), timeouts.body_read);
        let connection = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!("connection from {peer}: {e}");
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await.is_err() {
        tracing::warn!("requests still under way after {} s: stopped", SHUTDOWN_GRACE.as_secs());
    }
    Ok(())
}
