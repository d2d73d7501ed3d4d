//! The README's API guide, run as written: its curl commands against `vigie
//! serve` on the demo, with `vigie` and the database of a sandbox (only the
//! server's port is the test's); then the Python version. The guide's
//! promises are checked on what it printed: the verified incidents of
//! Burkina Faso in December 2023, a draft made, refused for approval by
//! its author (403) and approved by the second analyst.

mod common;

use std::process::Command;

use common::Sandbox;
use common::server::Server;

/// The README's code block of `language` in the section "The API".
fn guide(language: &str) -> String {
    let readme = include_str!("../../../README.md");
    let section = readme.split("### The API").nth(1).expect("a section The API").split("\n### ").next().unwrap();
    let fence = format!("```{language}\n");
    let start = section.find(&fence).unwrap_or_else(|| panic!("a {language} block")) + fence.len();
    section[start..].split("```").next().unwrap().to_string()
}

fn require(program: &str) {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .stdout(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(found, "{program} is needed by the README's guide (Debian: curl, python3)");
}

#[test]
fn the_readme_s_api_guide_works_as_written() {
    require("curl");
    require("python3");
    let sandbox = Sandbox::new();
    sandbox.ok(&["demo", "--no-bulletin"]);
    let server = Server::start(&sandbox);
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_vigie")).parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let script = guide("sh").replace("http://127.0.0.1:8080", &server.url);
    let run = Command::new("bash")
        .args(["-euo", "pipefail", "-c", &script])
        .current_dir(sandbox.path("."))
        .env("PATH", &path)
        .env("VIGIE_DB", sandbox.db())
        .env_remove("VIGIE_LANG")
        .output()
        .expect("run the guide");
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "the guide failed:\n{stdout}\n{stderr}\nserver:\n{}", server.log());
    // curl prints the answers one after another: the list, the refusal,
    // the approval
    let answers: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&stdout)
        .into_iter::<serde_json::Value>()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("the guide's answers as JSON ({e}): {stdout}"));
    assert_eq!(answers.len(), 3, "{stdout}");
    // Burkina Faso's verified incidents of December 2023
    let items = answers[0]["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|i| i["country"] == "BF" && i["status"] == "verified"));
    assert!(items.iter().all(|i| i["date"].as_str().unwrap().starts_with("2023-12")));
    // the author's approval refused, the second analyst's done
    assert_eq!(answers[1]["status"], 403, "{stdout}");
    assert_eq!(answers[2]["status"], "verified");
    assert_eq!(answers[2]["location"], "Djibo");

    // the Python version, with the tokens the shell made
    let tokens = |email: &str| {
        let run = sandbox
            .cmd()
            .args(["token", "create", "--user", email, "--scope", "write", "--name", "python"])
            .output()
            .unwrap();
        String::from_utf8(run.stdout).unwrap().trim().to_string()
    };
    let python = guide("python").replace("http://127.0.0.1:8080", &server.url);
    let run = Command::new("python3")
        .args(["-c", &python])
        .env("A1", tokens("analyst@vigie.example"))
        .env("A2", tokens("analyst2@vigie.example"))
        .output()
        .expect("run the Python guide");
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(run.status.success(), "the Python guide failed:\n{stdout}\n{}", String::from_utf8_lossy(&run.stderr));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[lines.len() - 2..], ["403", "200"], "{stdout}");
    assert!(lines.iter().any(|l| l.contains("Djibo")), "the draft the shell approved is listed: {stdout}");
}
