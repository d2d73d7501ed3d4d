//! `vigie backup` and `vigie restore`, and the database under concurrent
//! use from the command line: a backup holds every committed change (also
//! one still in the write-ahead log) and is consistent while an import
//! writes; a restore gives back every table; commands that only read
//! create and change nothing and never wait; a second import waits in line
//! for the first, saying so.

// a test that reports what it ran on the test output
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::{HEADER, Sandbox};
use rusqlite::Connection;

/// `rows` valid incidents, ids `b-{start}`….
fn incidents(start: usize, rows: usize) -> String {
    let mut text = format!("{HEADER}\n");
    for n in start..start + rows {
        let day = n % 28 + 1;
        text.push_str(&format!(
            "b-{n},2023-11-{day:02},,day,BF,Sahel,Djibo,14.1,-1.6,2,JNIM,military,ambush,{},1,,,Row {n},src,verified\n",
            n % 7
        ));
    }
    text
}

/// `vigie --db DB ARGS` started in the background, stderr piped.
fn spawn(sb: &Sandbox, args: &[&str]) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("vigie"))
        .current_dir(sb.path(""))
        .arg("--db")
        .arg(sb.db())
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn count(db: &std::path::Path, sql: &str) -> i64 {
    Connection::open(db).unwrap().query_row(sql, [], |row| row.get(0)).unwrap()
}

/// Every row of every table but the audit log, as text, table by table.
fn tables(db: &std::path::Path) -> Vec<(String, Vec<String>)> {
    let conn = Connection::open(db).unwrap();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    names
        .into_iter()
        .filter(|name| name != "audit_log")
        .map(|name| {
            let mut statement = conn.prepare(&format!("SELECT * FROM \"{name}\"")).unwrap();
            let columns = statement.column_count();
            let mut rows: Vec<String> = statement
                .query_map([], |row| {
                    Ok((0..columns).map(|i| format!("{:?}", row.get_ref(i).unwrap())).collect::<Vec<_>>().join("|"))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort();
            (name, rows)
        })
        .collect()
}

fn audit_actions(db: &std::path::Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let mut statement = conn.prepare("SELECT action || ' ' || actor FROM audit_log ORDER BY id").unwrap();
    statement.query_map([], |row| row.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn a_backup_holds_what_the_wal_holds_and_a_restore_gives_every_table_back() {
    let sb = Sandbox::new();
    sb.write("first.csv", incidents(0, 50));
    sb.ok(&["import", "first.csv"]);
    let added = sb.run_stdin(
        &["user", "add", "--email", "admin@vigie.example", "--role", "admin"],
        "a long enough passphrase, 42 times\n",
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    // a reader keeps its snapshot: the next import stays in the WAL, which
    // a copy of the .db file alone lacks
    let reader = Connection::open(sb.db()).unwrap();
    reader.execute_batch("BEGIN; SELECT count(*) FROM incident;").unwrap();
    sb.write("second.csv", incidents(50, 30));
    sb.ok(&["import", "second.csv"]);
    std::fs::copy(sb.db(), sb.path("naive.db")).unwrap();
    assert_eq!(count(&sb.path("naive.db"), "SELECT count(*) FROM incident"), 50, "the WAL's rows are not in the file");

    let out = sb.ok(&["backup", "copy.db"]);
    assert!(out.contains("80 incidents"), "{out}");
    reader.execute_batch("COMMIT").unwrap();
    let copy = sb.path("copy.db");
    assert_eq!(count(&copy, "SELECT count(*) FROM incident"), 80);
    assert!(!sb.path("copy.db-wal").exists(), "one self-contained file");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "password hashes and secrets: the owner's only");

    let restored = sb.with_db("restored.db");
    let out = restored.ok(&["restore", "copy.db"]);
    assert!(out.contains("80 incidents"), "{out}");
    assert_eq!(tables(restored.db()), tables(sb.db()), "every table restored as it was");
    let mut expected = audit_actions(sb.db());
    expected.push("database.restore cli".into());
    assert_eq!(audit_actions(restored.db()), expected, "the audit log restored, and the restore in it");
    assert_eq!(restored.ids(&[]).len(), 80);
}

#[test]
fn a_backup_during_an_import_is_consistent_and_a_second_import_waits_in_line() {
    let sb = Sandbox::new();
    sb.write("small.csv", incidents(0, 10));
    sb.ok(&["import", "small.csv"]);
    sb.write("big.csv", incidents(10, 60_000));
    let mut import = spawn(&sb, &["import", "big.csv"]);

    // the import holds the write lock: commands that read go on at once
    let mut backups = 0;
    while import.try_wait().unwrap().is_none() && backups < 3 {
        let name = format!("during-{backups}.db");
        sb.ok(&["backup", &name]);
        let copy = sb.path(&name);
        let integrity: String =
            Connection::open(&copy).unwrap().query_row("PRAGMA integrity_check", [], |row| row.get(0)).unwrap();
        assert_eq!(integrity, "ok");
        let rows = count(&copy, "SELECT count(*) FROM incident");
        assert!(rows == 10 || rows == 60_010, "before or after the import, never part of it: {rows}");
        assert_eq!(sb.ids(&["--country", "BF", "--limit", "5"]).len(), 5, "a list during the import");
        backups += 1;
    }
    assert!(backups >= 1, "a backup ran while the import did");
    let status = import.wait().unwrap();
    assert!(status.success());
    assert_eq!(count(sb.db(), "SELECT count(*) FROM incident"), 60_010);
    let wal = std::fs::metadata(sb.path("vigie.db-wal")).map(|m| m.len()).unwrap_or(0);
    assert_eq!(wal, 0, "the import's pages folded back into the database, the log cut back");

    // an import while another holds the lock: it says so, and waits
    let holder = Connection::open(sb.db()).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE; UPDATE meta SET value = value WHERE 0;").unwrap();
    sb.write("late.csv", incidents(70_000, 5));
    let mut late = spawn(&sb, &["import", "late.csv"]);
    let mut first_line = String::new();
    BufReader::new(late.stderr.take().unwrap()).read_line(&mut first_line).unwrap();
    assert!(first_line.contains("another process is writing"), "{first_line}");
    assert!(first_line.contains("waiting"), "{first_line}");
    holder.execute_batch("COMMIT").unwrap();
    assert!(late.wait().unwrap().success(), "the queued import ran once the lock was free");
    assert_eq!(count(sb.db(), "SELECT count(*) FROM incident"), 60_015);
}

#[test]
fn commands_that_read_create_nothing_and_refusals_change_nothing() {
    let sb = Sandbox::new();
    sb.write("first.csv", incidents(0, 20));
    sb.ok(&["import", "first.csv"]);
    sb.ok(&["backup", "copy.db"]);
    let copy = sb.with_db("copy.db");
    assert_eq!(copy.ids(&[]).len(), 20);
    copy.ok(&["report", "monthly", "--region", "g5-sahel", "--month", "2023-11"]);
    assert!(!sb.path("copy.db-sessions").exists(), "a read creates no sessions file");

    let run = sb.run(&["backup", "copy.db"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);

    let tables_before = tables(sb.db());
    let run = sb.run(&["restore", "copy.db"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("--replace"), "{}", run.stderr);
    sb.write("notes.txt", "not a database at all, just text\n");
    let run = sb.run(&["restore", "notes.txt", "--replace"]);
    assert_eq!(run.code, 1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    std::fs::copy(sb.path("copy.db"), sb.path("newer.db")).unwrap();
    Connection::open(sb.path("newer.db")).unwrap().execute_batch("PRAGMA user_version = 999").unwrap();
    let run = sb.run(&["restore", "newer.db", "--replace"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("newer Vigie"), "{}", run.stderr);
    assert_eq!(tables(sb.db()), tables_before, "no refusal changed the database");
}

/// Makes `folder` read-only for this process, root included (`chattr +i`
/// where the file system has it, else permissions); undone when dropped.
/// `None` when neither holds here.
struct ReadOnlyFolder(std::path::PathBuf);

impl ReadOnlyFolder {
    fn make(folder: &std::path::Path) -> Option<ReadOnlyFolder> {
        use std::os::unix::fs::PermissionsExt;
        let guard = ReadOnlyFolder(folder.to_path_buf());
        let writable =
            || std::fs::write(folder.join(".probe"), b"").map(|_| std::fs::remove_file(folder.join(".probe")));
        let _ = std::process::Command::new("chattr").arg("+i").arg(folder).stderr(Stdio::null()).status();
        if writable().is_err() {
            return Some(guard);
        }
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o555)).unwrap();
        if writable().is_err() { Some(guard) } else { None }
    }
}

impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::process::Command::new("chattr").arg("-i").arg(&self.0).stderr(Stdio::null()).status();
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_database_in_a_read_only_folder_is_read_and_a_write_says_why() {
    let sb = Sandbox::new();
    sb.write("first.csv", incidents(0, 12));
    sb.ok(&["import", "first.csv"]);
    std::fs::create_dir(sb.path("archive")).unwrap();
    // a WAL database, closed: no -wal or -shm beside it, and none can be made
    std::fs::copy(sb.db(), sb.path("archive/vigie.db")).unwrap();
    let Some(_read_only) = ReadOnlyFolder::make(&sb.path("archive")) else {
        eprintln!("skipped: no way to make a folder read-only for this user on this file system");
        return;
    };
    let archive = sb.with_db("archive/vigie.db");
    assert_eq!(archive.ids(&[]).len(), 12, "read where nothing can be written");
    archive.ok(&["report", "monthly", "--region", "g5-sahel", "--month", "2023-11"]);
    archive.ok(&["backup", "copy-of-archive.db"]);
    assert_eq!(count(&sb.path("copy-of-archive.db"), "SELECT count(*) FROM incident"), 12);
    let run = archive.run(&["import", "first.csv"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("nothing can be written in"), "{}", run.stderr);
    let files: Vec<_> = std::fs::read_dir(sb.path("archive")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(files, ["vigie.db"], "nothing created beside it");
}
