//! ARCHITECTURE.md's invariants, checked on the workspace's sources and
//! manifests: the crates depend on each other in one direction, only the
//! store speaks SQL, only `vigie-pdf` depends on Typst, the domain does no
//! I/O, library crates print nothing, and no file points to a document
//! outside the repository.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2).expect("crates/vigie is two levels down").to_path_buf()
}

/// `cargo metadata` of the workspace's own packages, read once for all
/// the tests.
fn packages() -> &'static [Value] {
    static PACKAGES: OnceLock<Vec<Value>> = OnceLock::new();
    PACKAGES.get_or_init(|| {
        let output = std::process::Command::new(env!("CARGO"))
            .args(["metadata", "--format-version", "1", "--no-deps", "--offline"])
            .current_dir(workspace_root())
            .output()
            .expect("cargo metadata runs");
        assert!(output.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&output.stderr));
        let metadata: Value = serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
        metadata["packages"].as_array().expect("packages").clone()
    })
}

fn name(package: &Value) -> &str {
    package["name"].as_str().expect("package name")
}

/// The names of a package's dependencies of one kind (`None`: normal).
fn dependencies<'a>(package: &'a Value, kind: Option<&str>) -> Vec<&'a str> {
    package["dependencies"]
        .as_array()
        .expect("dependencies")
        .iter()
        .filter(|d| d["kind"].as_str() == kind)
        .map(|d| d["name"].as_str().expect("dependency name"))
        .collect()
}

/// The folder of a package's manifest.
fn folder(package: &Value) -> PathBuf {
    Path::new(package["manifest_path"].as_str().expect("manifest path")).parent().expect("a folder").to_path_buf()
}

/// Every `.rs` file under `dir`, with its text.
fn rust_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a readable source");
                files.push((path, text));
            }
        }
    }
    files.sort();
    files
}

/// The `src/` files of the workspace's library crates (not the binary, not
/// the benchmark tools).
fn library_sources() -> Vec<(String, PathBuf, String)> {
    packages()
        .iter()
        .filter(|p| p["targets"].as_array().expect("targets").iter().any(|t| t["kind"][0] == "lib"))
        .flat_map(|p| {
            let crate_name = name(p).to_string();
            rust_files(&folder(p).join("src")).into_iter().map(move |(path, text)| (crate_name.clone(), path, text))
        })
        .collect()
}

/// Lines of `text` (outside comments and unit tests: a test may read a
/// golden file or print) that contain one of `needles`.
fn offending_lines(path: &Path, text: &str, needles: &[&str]) -> Vec<String> {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return Vec::new();
    }
    text.lines()
        .enumerate()
        .take_while(|(_, line)| line.trim() != "#[cfg(test)]")
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .filter(|(_, line)| needles.iter().any(|n| line.contains(n)))
        .map(|(i, line)| format!("{}:{}: {}", path.display(), i + 1, line.trim()))
        .collect()
}

/// Data flows one way: each crate depends only on crates of lower layers.
#[test]
fn crates_depend_on_lower_layers_only() {
    let layer: BTreeMap<&str, u8> = [
        ("vigie-domain", 0),
        ("vigie-pdf", 0),
        ("vigie-i18n", 1),
        ("vigie-store", 1),
        ("vigie-formats", 2),
        ("vigie-report", 2),
        ("vigie-ingest", 3),
        ("vigie-render", 4),
        ("vigie-fuzz-targets", 5),
        ("vigie-bulletin", 5),
        ("vigie-web", 6),
        ("vigie", 7),
        ("gen-incidents", 7),
    ]
    .into_iter()
    .collect();
    let mut wrong = Vec::new();
    for package in packages() {
        let own = *layer.get(name(package)).unwrap_or_else(|| panic!("{} has no layer in this test", name(package)));
        for dependency in dependencies(package, None).into_iter().filter(|d| layer.contains_key(d)) {
            if layer[dependency] >= own {
                wrong.push(format!(
                    "{} (layer {own}) depends on {dependency} (layer {})",
                    name(package),
                    layer[dependency]
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "dependencies against the flow:\n{}", wrong.join("\n"));
}

#[test]
fn only_the_store_depends_on_a_database_driver() {
    let drivers = ["rusqlite", "sqlx", "postgres", "tokio-postgres", "libsqlite3-sys"];
    let wrong: Vec<String> = packages()
        .iter()
        .filter(|p| name(p) != "vigie-store")
        .flat_map(|p| {
            dependencies(p, None)
                .into_iter()
                .filter(|d| drivers.contains(d))
                .map(|d| format!("{} depends on {d}", name(p)))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn only_the_store_speaks_sql() {
    let statements = [
        "\"SELECT ",
        "\"INSERT ",
        "\"UPDATE ",
        "\"DELETE ",
        "\"CREATE ",
        "\"DROP ",
        "\"ALTER ",
        "\"PRAGMA ",
        "\"BEGIN",
        "\"COMMIT",
        "\"ROLLBACK",
        "\"WITH ",
    ];
    let mut wrong = Vec::new();
    for (crate_name, path, text) in library_sources() {
        if crate_name != "vigie-store" {
            wrong.extend(offending_lines(&path, &text, &statements));
        }
    }
    let binary = workspace_root().join("crates/vigie/src");
    for (path, text) in rust_files(&binary) {
        wrong.extend(offending_lines(&path, &text, &statements));
    }
    assert!(wrong.is_empty(), "SQL outside crates/store:\n{}", wrong.join("\n"));
}

#[test]
fn only_the_pdf_crate_depends_on_typst() {
    let mut wrong: Vec<String> = packages()
        .iter()
        .filter(|p| name(p) != "vigie-pdf")
        .flat_map(|p| {
            dependencies(p, None)
                .into_iter()
                .filter(|d| d.starts_with("typst"))
                .map(|d| format!("{} depends on {d}", name(p)))
                .collect::<Vec<_>>()
        })
        .collect();
    for (crate_name, path, text) in library_sources() {
        if crate_name != "vigie-pdf" {
            wrong.extend(offending_lines(&path, &text, &["typst::", "use typst", "typst_"]));
        }
    }
    assert!(wrong.is_empty(), "Typst outside crates/pdf:\n{}", wrong.join("\n"));
}

#[test]
fn the_domain_does_no_io() {
    let io = [
        "std::fs",
        "std::net",
        "std::env",
        "std::process",
        "std::io::stdin",
        "std::io::stdout",
        "std::io::stderr",
        "SystemTime::now",
        "Instant::now",
        "Timestamp::now",
        "Zoned::now",
        "::today()",
        "rusqlite",
    ];
    let wrong: Vec<String> = library_sources()
        .iter()
        .filter(|(crate_name, _, _)| crate_name == "vigie-domain")
        .flat_map(|(_, path, text)| offending_lines(path, text, &io))
        .collect();
    assert!(wrong.is_empty(), "I/O in crates/domain:\n{}", wrong.join("\n"));
}

#[test]
fn library_crates_print_nothing() {
    let printing = ["println!", "eprintln!", "print!(", "eprint!(", "dbg!("];
    let wrong: Vec<String> =
        library_sources().iter().flat_map(|(_, path, text)| offending_lines(path, text, &printing)).collect();
    assert!(wrong.is_empty(), "printing in a library crate:\n{}", wrong.join("\n"));
}

/// Every document the project relies on is in the repository: no file
/// names the design folder the project started from, or a path above the
/// repository.
#[test]
fn no_file_points_outside_the_repository() {
    let root = workspace_root();
    let listed = std::process::Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(&root)
        .output()
        .expect("git ls-files runs");
    assert!(listed.status.success(), "git ls-files: {}", String::from_utf8_lossy(&listed.stderr));
    let forbidden = ["DATA-MODEL", "../shared", "shared/design", "shared/reference", "shared/data"];
    let this_file = Path::new(file!()).file_name().expect("a file name");
    let mut wrong = Vec::new();
    for relative in listed.stdout.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        let relative = Path::new(std::str::from_utf8(relative).expect("UTF-8 paths"));
        if relative.file_name() == Some(this_file) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(root.join(relative)) else { continue };
        for (i, line) in text.lines().enumerate() {
            if forbidden.iter().any(|f| line.contains(f)) {
                wrong.push(format!("{}:{}: {}", relative.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(wrong.is_empty(), "references outside the repository:\n{}", wrong.join("\n"));
}

/// Every crate takes the workspace's toolchain floor and lint settings, and
/// is optimised in the release profile.
#[test]
fn every_crate_inherits_rust_version_and_lints() {
    let root = workspace_root();
    let mut wrong = Vec::new();
    for package in packages() {
        let manifest = std::fs::read_to_string(folder(package).join("Cargo.toml")).expect("a manifest");
        if !manifest.contains("rust-version.workspace = true") {
            wrong.push(format!("{}: rust-version is not the workspace's", name(package)));
        }
        if !manifest.contains("[lints]\nworkspace = true") {
            wrong.push(format!("{}: lints are not the workspace's", name(package)));
        }
    }
    let workspace = std::fs::read_to_string(root.join("Cargo.toml")).expect("the workspace manifest");
    assert!(workspace.contains("[workspace.lints.rust]"), "the workspace manifest has no [workspace.lints]");
    // the release profile builds dependencies at opt-level 1 for a short
    // first build; a crate of Vigie's own that is not named is slow too
    for package in packages().iter().filter(|p| name(p) != "vigie-fuzz-targets") {
        let section = format!("[profile.release.package.{}]\nopt-level = 3", name(package));
        if !workspace.contains(&section) {
            wrong.push(format!("{}: not at opt-level 3 in the release profile", name(package)));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
