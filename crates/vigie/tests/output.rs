//! Output to a closed pipe (`vigie … | head`): the main function treats a
//! broken pipe as a normal end, so no command may panic on one.

mod common;

use std::process::{Command, Stdio};

use common::Sandbox;

/// Runs vigie with its standard output already closed by the reader; returns
/// the exit code and standard error.
fn with_closed_stdout(sb: &Sandbox, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("vigie"))
        .current_dir(sb.path(""))
        .env_remove("VIGIE_DB")
        .env_remove("VIGIE_REGIONS")
        .env_remove("VIGIE_LANG")
        .arg("--db")
        .arg(sb.db())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start vigie");
    // the reader goes away before vigie writes anything
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait for vigie");
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

fn demo() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    sb
}

#[test]
fn incidents_list_stops_quietly() {
    let sb = demo();
    for format in ["table", "csv", "jsonl"] {
        let (code, stderr) = with_closed_stdout(&sb, &["incidents", "list", "--format", format]);
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert_eq!(code, Some(0), "{format}: {stderr}");
    }
}

#[test]
fn report_stops_quietly() {
    let sb = demo();
    let (code, stderr) = with_closed_stdout(&sb, &["report", "monthly", "--region", "g5-sahel", "--month", "2023-12"]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn groups_stops_quietly() {
    let sb = demo();
    let (code, stderr) = with_closed_stdout(&sb, &["groups"]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn countries_stops_quietly() {
    let sb = demo();
    let (code, stderr) = with_closed_stdout(&sb, &["countries"]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(0), "{stderr}");
}
