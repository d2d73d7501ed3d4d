//! A register import's memory does not grow with its rows: records are
//! written as they are read, in the import's transaction (a member's, kept
//! on disk until its country's last row is read). Measured as the peak
//! resident memory of each `vigie` process (`wait4`).

// wait4 (libc) reads the child's peak memory: the one unsafe call in Vigie
#![allow(unsafe_code)]

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

use common::Sandbox;

/// Runs `vigie --db DB ARGS…` in the sandbox; its stdout and its peak
/// resident set, KiB.
// the child is reaped by wait4, which gives its own resource usage
#[allow(clippy::zombie_processes)]
fn run_measured(sb: &Sandbox, args: &[&str]) -> (String, i64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .current_dir(sb.path(""))
        .env_remove("VIGIE_DB")
        .env_remove("VIGIE_LANG")
        .env_remove("VIGIE_LOG")
        .arg("--db")
        .arg(sb.db())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run vigie");
    let mut out = String::new();
    child.stdout.take().expect("stdout").read_to_string(&mut out).expect("read stdout");
    let pid = i32::try_from(child.id()).expect("a pid");
    let mut status = 0;
    // SAFETY: wait4 only writes the status and the struct it is given
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::wait4(pid, &mut status, 0, &mut usage) }, pid);
    (out, usage.ru_maxrss)
}

/// Imports a generated file of `rows` rows into a new database; the
/// summary and the peak memory.
fn import(kind: &str, rows: usize, file: fn(usize) -> String, extra: &[&str]) -> (String, i64) {
    let sb = Sandbox::new();
    let name = sb.write(&format!("{kind}.csv"), file(rows));
    let mut args = vec![kind, "import"];
    args.extend(extra);
    args.push(&name);
    run_measured(&sb, &args)
}

/// Imports 10,000 then 100,000 rows: the peak memory may grow by `within`
/// MiB (SQLite's page cache grows with the database), not with the rows.
fn ten_times(kind: &str, file: fn(usize) -> String, extra: &[&str], within: i64, summary: fn(usize) -> String) {
    let (out, small) = import(kind, 10_000, file, extra);
    assert!(out.starts_with(&summary(10_000)), "{out}");
    let (out, large) = import(kind, 100_000, file, extra);
    assert!(out.starts_with(&summary(100_000)), "{out}");
    assert!(large - small < within * 1024, "{kind}: 10,000 rows: {small} KiB; 100,000: {large} KiB");
}

fn activities(rows: usize) -> String {
    let mut csv = String::from("id,kind,date,title_en\n");
    for i in 0..rows {
        csv.push_str(&format!("a{i},meeting,2023-01-01,Meeting {i}\n"));
    }
    csv
}

#[test]
fn ten_times_the_activities_take_about_the_same_memory() {
    // holding the records cost about 0.5 KiB each (45 MiB more here)
    ten_times("activities", activities, &[], 24, |rows| format!("{rows} new, 0 updated"));
}

fn partners(rows: usize) -> String {
    let mut csv = String::from("id,name_fr,name_en,name_ar,scope,kind\n");
    for i in 0..rows {
        csv.push_str(&format!("p{i},,Partner {i},,regional,university\n"));
    }
    csv
}

#[test]
fn ten_times_the_partners_take_about_the_same_memory() {
    ten_times("partners", partners, &[], 24, |rows| format!("{rows} new, 0 updated"));
}

/// Rows of 10 members, interleaved, some valid and the others repeating a
/// day or out of the year: every member is rejected whole, every row kept
/// for the rejects file.
fn bad_members(rows: usize) -> String {
    let codes = ["AE", "BF", "EG", "FR", "JO", "MA", "NE", "PK", "QA", "SA"];
    let mut csv = String::from("country,joined,national_day,name_fr,name_en,name_ar,representative_title\n");
    for i in 0..rows {
        let code = codes[i % codes.len()];
        let day =
            if i % 7 == 6 { "13-45".to_string() } else { format!("{:02}-{:02}", 1 + i / 10 % 12, 1 + i / 120 % 28) };
        csv.push_str(&format!("{code},2015-12-15,{day},,National Day {i},,Ambassador\n"));
    }
    csv
}

#[test]
fn ten_times_the_bad_member_rows_take_about_the_same_memory() {
    // holding the records cost about 1.5 KiB each (136 MiB more here)
    let extra = ["--skip-invalid", "--rejects", "rejects.jsonl"];
    ten_times("members", bad_members, &extra, 24, |rows| format!("0 new, 0 updated, 0 unchanged, {rows} rejected"));
    // without --skip-invalid nothing is written and nothing said on stdout
    ten_times("members", bad_members, &["--rejects", "rejects.csv"], 24, |_| String::new());
}
