//! `kill -9` during `vigie import`: whenever the process dies, the database
//! is sound (`PRAGMA integrity_check`) and holds either exactly what it held
//! before or exactly what a complete import gives, never part of the file;
//! and importing the file again after the kill gives what one uninterrupted
//! import gives.
//!
//! The kill points follow the import's progress, not the clock where it can
//! be helped: when the process has read a given share of the file (its
//! `rchar` in /proc), when its log says the rows are written (the commit is
//! next), and a few fixed delays. Nothing asserted depends on time.

// a test that reports what it ran on the test output
#![allow(clippy::print_stdout, clippy::print_stderr)]
#![cfg(target_os = "linux")]

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::Sandbox;
use common::db::{DbState, db_state, exact_state, integrity_ok};

const ROWS: usize = 40_000;

/// A deterministic native file of `ROWS` valid incidents (what
/// tools/gen-incidents writes, in a few lines: that tool is another
/// package's binary, not built for these tests).
fn big_file() -> String {
    let mut out = String::from(common::HEADER);
    out.push('\n');
    for i in 0..ROWS {
        out.push_str(&format!(
            "kill-{i},2023-{:02}-{:02},,day,ML,Mopti,Place {},14.{:02},-3.{:02},2,JNIM,civilians,armed_assault,{},{},,,\
             \"Row {i}, described\",source {},verified\n",
            1 + i % 12,
            1 + i % 28,
            i % 97,
            i % 90,
            i % 80,
            i % 7,
            i % 5,
            i % 13
        ));
    }
    out
}

/// Copies a database no process has open (its WAL too, if one is left).
fn copy_db(from: &Path, to: &Path) {
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(from, to).unwrap();
    let wal = format!("{}-wal", from.display());
    if Path::new(&wal).exists() {
        std::fs::copy(&wal, format!("{}-wal", to.display())).unwrap();
    }
}

/// The content without the times (`at`, `…_at`), which differ between two
/// runs of the same import.
fn untimed(db: &Path) -> DbState {
    db_state(db, &[], |_, column| column == "at" || column.ends_with("_at"))
}

/// What the data is, whatever the imports that brought it: neither the
/// imports' log (`import_run`, `audit_log`) nor which import a row came from.
fn content(db: &Path) -> DbState {
    db_state(db, &["import_run", "audit_log"], |_, column| {
        column == "at" || column.ends_with("_at") || column == "import_id"
    })
}

/// Bytes the process has read so far.
fn bytes_read(pid: u32) -> Option<u64> {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).ok()?;
    io.lines().find_map(|line| line.strip_prefix("rchar: ")).and_then(|v| v.trim().parse().ok())
}

#[derive(Debug, Clone, Copy)]
enum KillPoint {
    /// A fixed delay after the start.
    After(Duration),
    /// Once this share (in percent) of the file is read.
    Read(u64),
    /// When the log says the rows are read and written (before the commit).
    Logged,
}

/// Runs the import into `db` and kills it at `point`; whether it was killed
/// (or had finished first).
fn import_and_kill(sb: &Sandbox, db: &Path, file: &str, size: u64, point: KillPoint) -> bool {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("vigie"))
        .current_dir(sb.path(""))
        .env_remove("VIGIE_DB")
        .env_remove("VIGIE_REGIONS")
        .env("VIGIE_LOG", "vigie_ingest=debug")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(db)
        .args(["import", file])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (lines, logged) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains("rows read and written") {
                let _ = lines.send(());
            }
            all.push_str(&line);
            all.push('\n');
        }
        all
    });
    let start = Instant::now();
    // a bound on the waiting only, never asserted: the kill just comes later
    let deadline = Duration::from_secs(300);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        let now = match point {
            KillPoint::After(delay) => start.elapsed() >= delay,
            KillPoint::Read(percent) => bytes_read(pid).is_some_and(|read| read * 100 >= size * percent),
            KillPoint::Logged => logged.try_recv().is_ok(),
        };
        if now || start.elapsed() > deadline {
            let _ = child.kill(); // SIGKILL
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let status = child.wait().unwrap();
    let stderr = reader.join().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    use std::os::unix::process::ExitStatusExt;
    match status.signal() {
        Some(9) => true,
        None => {
            assert_eq!(status.code(), Some(0), "{stderr}");
            false
        }
        Some(other) => panic!("signal {other}: {stderr}"),
    }
}

#[test]
fn a_killed_import_leaves_the_database_as_before_or_as_after() {
    let sb = Sandbox::new();
    // the database before: a few incidents already there
    sb.fixture("good.csv");
    sb.ok(&["import", "good.csv"]);
    let base = sb.path("base.db");
    copy_db(sb.db(), &base);
    let before_exact = exact_state(&base);
    let before = untimed(&base);

    let file = sb.write("big.csv", big_file());
    let size = std::fs::metadata(sb.path(&file)).unwrap().len();

    // the reference: one uninterrupted import
    let reference = sb.with_db("reference.db");
    copy_db(&base, reference.db());
    let out = reference.ok(&["import", &file]);
    assert!(out.contains(&format!("{ROWS} new, 0 updated, 0 unchanged, 0 rejected")), "{out}");
    let after = untimed(reference.db());
    let after_content = content(reference.db());
    assert_ne!(before, after);
    assert_eq!(after.counts["incident"], before.counts["incident"] + ROWS as i64);

    let points = [
        KillPoint::After(Duration::from_millis(30)),
        KillPoint::Read(5),
        KillPoint::Read(35),
        KillPoint::Read(70),
        KillPoint::Read(100),
        KillPoint::Logged,
        KillPoint::After(Duration::from_millis(1300)),
    ];
    let mut rolled_back = 0;
    for (i, point) in points.into_iter().enumerate() {
        let db = sb.path(&format!("killed-{i}.db"));
        copy_db(&base, &db);
        let killed = import_and_kill(&sb, &db, &file, size, point);
        assert!(integrity_ok(&db), "{point:?}: integrity_check failed");
        let state = untimed(&db);
        let whole = if state == before {
            assert_eq!(exact_state(&db), before_exact, "{point:?}");
            rolled_back += 1;
            false
        } else {
            assert_eq!(state, after, "{point:?}: neither before nor after (killed: {killed})");
            true
        };
        assert!(killed || whole, "{point:?}: finished, yet nothing was imported");

        // importing again gives what one import gives
        let again = sb.with_db(&format!("killed-{i}.db"));
        let out = again.ok(&["import", &file]);
        let expected = if whole {
            format!("0 new, 0 updated, {ROWS} unchanged, 0 rejected")
        } else {
            format!("{ROWS} new, 0 updated, 0 unchanged, 0 rejected")
        };
        assert!(out.contains(&expected), "{point:?}: {out}");
        assert!(integrity_ok(&db));
        assert_eq!(content(&db), after_content, "{point:?}: a re-import after the kill differs");
    }
    // the kill points before the end of the reading found the import unfinished
    assert!(rolled_back >= 1, "no kill landed during the import");
    eprintln!("{} kill points, {rolled_back} during the import", points.len());
}
