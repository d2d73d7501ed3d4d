//! The browser scenario: Playwright (npm `playwright-core`) driving the
//! system's Chromium through the web application, served by the real binary
//! over a demo database. The scenario itself is
//! `crates/web/tests/browser/scenario.mjs`; this test makes the database,
//! starts `vigie serve`, installs the scenario's package with `npm ci` when
//! it is missing or older than its lock file, runs the scenario with `node`
//! and stops the server however the test ends.
//!
//! Needs node, npm and Chromium (Debian: `apt-get install chromium nodejs
//! npm`, which `.ci/run` does). `CHROMIUM` names another browser binary. The
//! screenshots and the downloaded PDF are left in `target/tmp/browser/`.

// a test that reports what it ran on the test output
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::SystemTime;

use common::Sandbox;
use common::server::Server;

const INSTALL: &str = "install with apt-get install chromium nodejs npm";

/// The folder of the scenario and its `package.json`.
fn scenario_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("web").join("tests").join("browser")
}

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// Panics with the way to install `program` when it does not run.
fn require(program: &str) {
    let output = Command::new(program)
        .arg("--version")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} ({e}): {INSTALL}"));
    assert!(output.status.success(), "{program} --version failed ({INSTALL}):\n{}", text(&output));
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// `npm ci` unless `node_modules` was installed after the lock file last
/// changed (npm writes `node_modules/.package-lock.json` on every install).
fn install(dir: &Path) {
    let lock = modified(&dir.join("package-lock.json")).expect("the scenario's package-lock.json");
    if modified(&dir.join("node_modules").join(".package-lock.json")).is_some_and(|installed| installed >= lock) {
        return;
    }
    let output = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run npm ({e}): {INSTALL}"));
    assert!(output.status.success(), "npm ci in {} failed:\n{}", dir.display(), text(&output));
}

#[test]
fn browser_scenario_from_a_draft_to_the_arabic_dashboard() {
    require("node");
    require("npm");
    let browser = chromium();
    assert!(browser.exists(), "no Chromium at {} (or set CHROMIUM): {INSTALL}", browser.display());
    let dir = scenario_dir();
    install(&dir);

    let sandbox = Sandbox::new();
    sandbox.ok(&["demo", "--no-bulletin"]);
    let server = Server::start(&sandbox);
    let artifacts = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let output = Command::new("node")
        .arg("scenario.mjs")
        .current_dir(&dir)
        .env("VIGIE_URL", &server.url)
        .env("VIGIE_ARTIFACTS", &artifacts)
        .env("CHROMIUM", &browser)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run node ({e}): {INSTALL}"));
    assert!(
        output.status.success(),
        "the browser scenario failed ({}):\n{}\nthe server's log:\n{}",
        output.status,
        text(&output),
        server.log()
    );
    print!("{}", String::from_utf8_lossy(&output.stdout));
}
