//! Shared helpers of the integration tests: a temporary working directory
//! with its own database, and the real `vigie` binary run inside it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;
use std::rc::Rc;

use assert_cmd::Command;
use tempfile::TempDir;

pub mod db;
pub mod server;

/// The directory of the test fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures")
}

pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// A native CSV header without the killed range (`killed_low`,
/// `killed_high`), as the files written before ranges existed, which still
/// import (`docs/data-model.md#native-csv`).
pub const HEADER: &str = "id,date,date_end,date_precision,country,admin1,location,latitude,longitude,geo_precision,\
                          perpetrator,target,method,killed,wounded,kidnapped,perpetrators_killed,description,sources,\
                          status";

/// The header Vigie writes: every column of the contract.
#[allow(dead_code)]
pub const FULL_HEADER: &str = "id,date,date_end,date_precision,country,admin1,location,latitude,longitude,\
                               geo_precision,perpetrator,target,method,killed,killed_low,killed_high,wounded,kidnapped,\
                               perpetrators_killed,description,sources,status";

/// A temporary directory holding a database (`vigie.db` unless told).
pub struct Sandbox {
    dir: Rc<TempDir>,
    db: PathBuf,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temporary directory");
        let db = dir.path().join("vigie.db");
        Sandbox { dir: Rc::new(dir), db }
    }

    /// A sandbox under `parent` (a memory file system, say).
    pub fn new_in(parent: &Path) -> Sandbox {
        let dir = tempfile::tempdir_in(parent).expect("temporary directory");
        let db = dir.path().join("vigie.db");
        Sandbox { dir: Rc::new(dir), db }
    }

    /// The same directory (and files) with another database.
    pub fn with_db(&self, name: &str) -> Sandbox {
        Sandbox { dir: Rc::clone(&self.dir), db: self.path(name) }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn db(&self) -> &Path {
        &self.db
    }

    /// Writes a file into the sandbox; returns its name.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
        std::fs::write(self.path(name), contents).expect("write test file");
        name.to_string()
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap_or_else(|e| panic!("read {name}: {e}"))
    }

    /// Copies a fixture into the sandbox under its own name.
    pub fn fixture(&self, name: &str) -> String {
        std::fs::copy(fixtures().join(name), self.path(name)).unwrap_or_else(|e| panic!("copy fixture {name}: {e}"));
        name.to_string()
    }

    /// `vigie --db DB`, run in the sandbox, with no VIGIE_* environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("vigie").expect("the vigie binary");
        cmd.current_dir(self.dir.path())
            .env_remove("VIGIE_DB")
            .env_remove("VIGIE_REGIONS")
            .env_remove("VIGIE_LANG")
            .env_remove("VIGIE_LOG")
            .env("NO_COLOR", "1")
            .arg("--db")
            .arg(&self.db);
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.cmd().args(args).output().expect("run vigie"))
    }

    pub fn run_stdin(&self, args: &[&str], stdin: impl Into<Vec<u8>>) -> Run {
        Run::from(self.cmd().args(args).write_stdin(stdin.into()).output().expect("run vigie"))
    }

    /// Runs and insists on exit 0; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "vigie {args:?} failed:\nstdout: {}\nstderr: {}", run.stdout, run.stderr);
        run.stdout
    }

    /// `incidents list --format csv` plus filters.
    pub fn list_csv(&self, filters: &[&str]) -> String {
        let mut args = vec!["incidents", "list", "--format", "csv"];
        args.extend_from_slice(filters);
        self.ok(&args)
    }

    /// The ids `incidents list` returns for these filters, in order.
    pub fn ids(&self, filters: &[&str]) -> Vec<String> {
        let csv = self.list_csv(filters);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().expect("list header").clone();
        assert_eq!(headers.get(0), Some("id"), "first column of the list is id");
        reader.records().map(|r| r.expect("list record")[0].to_string()).collect()
    }
}

/// What one run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().expect("vigie was not killed by a signal"),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }
}

impl Run {
    pub fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

/// Asserts and returns the one line of `text` that starts with `prefix`.
pub fn line_starting<'a>(text: &'a str, prefix: &str) -> &'a str {
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with(prefix)).collect();
    assert_eq!(lines.len(), 1, "expected exactly one line starting with {prefix:?} in:\n{text}");
    lines[0]
}
