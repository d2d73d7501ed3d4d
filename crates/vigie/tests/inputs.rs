//! Inputs nobody planned for (issue 12): names without a letter, values
//! that would flood or drive a terminal, a database from a newer Vigie, an
//! interrupted demo. The real binary, end to end.

mod common;

use common::{HEADER, Sandbox};

/// `vigie groups` (one group a line) and the incident ids.
fn state(sb: &Sandbox) -> (String, Vec<String>) {
    (sb.ok(&["groups"]), sb.ids(&[]))
}

#[test]
fn names_without_letters_reimport_unchanged_in_native_csv() {
    let sb = Sandbox::new();
    let file = sb.write(
        "symbols.csv",
        format!(
            "{HEADER}\n\
             ,2023-12-01,,,ML,,Gao,,,,???,,,1,,,,first,,\n\
             ,2023-12-02,,,ML,,Gao,,,,-,,,2,,,,second,,\n\
             ,2023-12-03,,,ML,,Gao,,,,…,,,3,,,,third,,\n\
             ,2023-12-04,,,ML,,Gao,,,, ?? ,,,4,,,,fourth,,\n"
        ),
    );
    let run = sb.run(&["import", "--new-groups", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("4 new, 0 updated, 0 unchanged, 0 rejected\n"), "{run:?}");
    let first = state(&sb);
    assert!(!first.0.contains("-new"), "{}", first.0);
    for _ in 0..3 {
        let run = sb.run(&["import", "--new-groups", &file]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(run.stdout.starts_with("0 new, 0 updated, 4 unchanged, 0 rejected\n"), "{run:?}");
        assert_eq!(state(&sb), first);
    }
}

#[test]
fn names_without_letters_reimport_unchanged_from_ucdp() {
    let sb = Sandbox::new();
    let original = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/tests/fixtures/ucdp/web-tool-export.csv"),
    )
    .unwrap();
    // one-sided violence by a side UCDP could not name, as in real files
    let changed = original.replace(",6716,6716,JNIM,", ",6716,6716,???,");
    assert_ne!(changed, original);
    let file = sb.write("ucdp.csv", changed);
    sb.ok(&["import", &file]);
    let first = state(&sb);
    assert!(!first.0.contains("-new"), "{}", first.0);
    for _ in 0..3 {
        let run = sb.run(&["import", &file]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(run.stdout.starts_with("0 new, 0 updated, 11 unchanged, 0 rejected\n"), "{run:?}");
        assert_eq!(state(&sb), first);
    }
}

/// What a terminal would run: colour, clear screen, a new window title.
const ESCAPES: &str = "\u{1b}[31m\u{1b}[2J\u{1b}]0;owned\u{7}";

fn assert_short_and_inert(run: &common::Run) {
    assert_ne!(run.code, 0, "{run:?}");
    assert!(run.stderr.len() < 4096, "{} bytes of stderr: {:.2000}", run.stderr.len(), run.stderr);
    assert!(!run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{7}'), "{:.2000}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{run:?}");
}

#[test]
fn a_header_line_of_many_megabytes_is_refused_briefly() {
    let sb = Sandbox::new();
    // 17 MiB of escapes in one header line, then a row
    let mut header = String::from("id,date,");
    while header.len() < 17 << 20 {
        header.push_str(ESCAPES);
    }
    let file = sb.write("huge.csv", format!("{header}\nx,2023-12-01\n"));
    let run = sb.run(&["import", &file]);
    assert_short_and_inert(&run);
    assert!(
        run.stderr.contains("huge.csv") && run.stderr.contains("line 1") && run.stderr.contains("16 MiB"),
        "{run:?}"
    );
    // the same as JSON Lines
    let file = sb.write("huge.jsonl", format!("{{\"id\":\"{}\"}}\n", "x".repeat(17 << 20)));
    let run = sb.run(&["import", &file]);
    assert_short_and_inert(&run);
    assert!(run.stderr.contains("line 1") && run.stderr.contains("16 MiB"), "{run:?}");
}

#[test]
fn echoed_header_names_and_values_are_cut_and_escaped() {
    let sb = Sandbox::new();
    // one unknown column of 50 KB of escapes, one bad value likewise
    let name = ESCAPES.repeat(2000);
    let file = sb.write("bad-header.csv", format!("id,date,country,{name}\nx,2023-12-01,ML,1\n"));
    let run = sb.run(&["import", &file]);
    assert_short_and_inert(&run);
    assert!(run.stderr.contains("bad-header.csv:1: column \"\\u{1b}[31m"), "{run:?}");
    let file = sb.write("bad-value.csv", format!("id,date,country\nx,{name},ML\n"));
    let run = sb.run(&["import", &file]);
    assert!(run.stdout.len() + run.stderr.len() < 4096, "{run:?}");
    assert!(!run.stdout.contains('\u{1b}') && !run.stderr.contains('\u{1b}'), "{run:?}");
    // an argument echoed back
    let run = sb.run(&["incidents", "show", &name]);
    assert_short_and_inert(&run);
}

#[test]
fn a_database_of_another_schema_is_one_line_saying_what_to_do() {
    let sb = Sandbox::new();
    sb.ok(&["groups"]);
    // what a newer Vigie leaves: tables this one would create, a version it cannot place
    let conn = rusqlite::Connection::open(sb.db()).unwrap();
    conn.pragma_update(None, "user_version", 0).unwrap();
    drop(conn);
    let run = sb.run(&["incidents", "list"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    assert!(!run.stderr.contains("CREATE"), "{run:?}");
    for part in ["schema version 0", "this Vigie knows", "open it with that Vigie, or give another --db"] {
        assert!(run.stderr.contains(part), "{part}: {run:?}");
    }
    // a version beyond this one's
    let conn = rusqlite::Connection::open(sb.db()).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let run = sb.run(&["incidents", "list"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    assert!(run.stderr.contains("schema version 999") && run.stderr.contains("upgrade Vigie"), "{run:?}");
}

#[test]
fn a_failed_demo_does_not_block_the_next() {
    let sb = Sandbox::new();
    // a regions file without the demo's g5-sahel: the demo fails half-way
    std::fs::copy(common::fixtures().join("report-regions.toml"), sb.path("trio.toml")).unwrap();
    let run = sb.run(&["--regions", "trio.toml", "demo", "--no-bulletin"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(!sb.db().exists(), "a failed demo leaves no database behind: {run:?}");
    let run = sb.run(&["demo", "--no-bulletin"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("demo database:"), "{run:?}");
}

#[test]
fn a_killed_demo_does_not_block_the_next() {
    let sb = Sandbox::new();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("vigie"))
        .current_dir(sb.path(""))
        .env_remove("VIGIE_DB")
        .env_remove("VIGIE_REGIONS")
        .arg("--db")
        .arg(sb.db())
        .args(["demo", "--no-bulletin"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // killed as soon as it has begun writing a database
    let partial = sb.path("vigie.db.demo-partial");
    while !partial.exists() && !sb.db().exists() && child.try_wait().unwrap().is_none() {
        std::thread::yield_now();
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let run = sb.run(&["demo", "--no-bulletin"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!partial.exists());
    assert!(sb.ok(&["user", "list"]).contains("admin@vigie.example"));
}
