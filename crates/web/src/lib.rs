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

mod articles;
mod audit;
mod auth;
mod bulletins;
mod cache;
mod cookies;
mod csrf;
mod errors;
mod history;
mod i18n;
mod incidents;
mod listing;
mod login;
mod multipart_csrf;
mod pages;
mod rate_limit;
mod registers;
mod routes;
mod second_factor;
mod session;
mod state;
mod templates;
mod users;
mod version;

pub use rate_limit::{MAX_FAILURES, WINDOW};
pub use routes::router;
pub use session::{SESSION_COOKIE, SESSION_HOURS, token_hash};
pub use state::{AppState, Config};

use std::net::SocketAddr;

use anyhow::Context;

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
        let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("the web server stopped")
    })
}
