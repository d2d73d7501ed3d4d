//! The examples of `docs/data-model.md`, run with the real binary: every
//! import example imports without a rejected row (and the rejects file's
//! example is rejected with the message its `reason` shows), the region and
//! issue files load, and the reports' examples are what the demo data give
//! (an example's lists may be shortened: each is the start of the real one).

mod common;

use common::Sandbox;
use serde_json::Value;

const DOC: &str = include_str!("../../../docs/data-model.md");

/// The fenced blocks of language `lang` in the section under `heading` (a
/// whole line), up to the next heading of the same or a higher level.
fn blocks(heading: &str, lang: &str) -> Vec<String> {
    let level = heading.chars().take_while(|&c| c == '#').count();
    let mut lines = DOC.lines().skip_while(|line| *line != heading);
    assert!(lines.next().is_some(), "docs/data-model.md has no heading {heading:?}");
    let mut out = Vec::new();
    // inside a fence: Some(Some(text)) when it is of `lang`, Some(None) otherwise
    let mut fence: Option<Option<String>> = None;
    for line in lines {
        match (&mut fence, line.strip_prefix("```")) {
            (Some(block), Some("")) => {
                out.extend(block.take());
                fence = None;
            }
            (Some(Some(block)), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (Some(None), _) => {}
            (None, Some(opening)) => fence = Some((opening == lang).then(String::new)),
            (None, None) => {
                let hashes = line.chars().take_while(|&c| c == '#').count();
                if hashes > 0 && hashes <= level && line[hashes..].starts_with(' ') {
                    break;
                }
            }
        }
    }
    assert!(!out.is_empty(), "docs/data-model.md, {heading}: no {lang} example");
    out
}

/// Imports `text` as `name` with `command` and insists on no rejected row.
fn imports(sb: &Sandbox, command: &[&str], files: &[(&str, &str)]) {
    let mut args: Vec<&str> = command.to_vec();
    for (name, text) in files {
        sb.write(name, text);
        args.push(name);
    }
    let out = sb.ok(&args);
    assert!(out.contains(", 0 rejected"), "vigie {args:?}: {out}");
}

#[test]
fn the_import_examples_import() {
    let sb = Sandbox::new();
    for (i, csv) in blocks("## Native CSV", "csv").iter().enumerate() {
        imports(&sb, &["import"], &[(&format!("native-{i}.csv"), csv)]);
    }
    imports(&sb, &["import"], &[("native.jsonl", &blocks("## Native JSON Lines", "json")[0])]);

    let members = "### Member states";
    imports(&sb, &["members", "import"], &[("members.csv", &blocks(members, "csv")[0])]);
    imports(&sb, &["members", "import"], &[("members.jsonl", &blocks(members, "json")[0])]);
    let partners = blocks("### Partners and agreements", "csv");
    imports(&sb, &["partners", "import"], &[("partners.csv", &partners[0]), ("agreements.csv", &partners[1])]);
    let partners = blocks("### Partners and agreements", "json");
    imports(&sb, &["partners", "import"], &[("partners.jsonl", &partners[0])]);
    let organisations = blocks("### Organisations", "csv");
    imports(&sb, &["organisations", "import"], &[("organisations.csv", &organisations[0])]);
    imports(&sb, &["activities", "import"], &[("activities.csv", &blocks("### Activities", "csv")[0])]);
    imports(&sb, &["notes", "import"], &[("notes.csv", &blocks("### Developments notes", "csv")[0])]);

    // the article and the image it names (a PNG: the type is told by content)
    std::fs::create_dir(sb.path("articles")).unwrap();
    sb.write("articles/story.en.md", &blocks("### Articles", "markdown")[0]);
    let png = b"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\
                \x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\x00\x00\x03\x01\x01\
                \x00\xc9\xfe\x92\xef\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";
    sb.write("articles/meeting.jpg", png);
    let out = sb.ok(&["articles", "import", "articles"]);
    assert!(out.contains("1 new"), "{out}");

    sb.write("regions.toml", &blocks("## Region groups", "toml")[0]);
    let out = sb.ok(&["--regions", "regions.toml", "regions"]);
    assert!(out.starts_with("g5-sahel"), "{out}");
}

#[test]
fn the_rejects_example_gives_its_reason() {
    let sb = Sandbox::new();
    let example = &blocks("## Import messages and rejects files", "csv")[0];
    sb.write("bad.csv", example);
    let run = sb.run(&["import", "bad.csv"]);
    assert_eq!(run.code, 1);
    // the reason column holds the message the import prints (quotes doubled in CSV)
    let reason = example.lines().nth(1).unwrap().rsplit_once(",\"").unwrap().1.trim_end_matches('"');
    let message = reason.replace("\"\"", "\"");
    assert!(run.stderr.contains(&message), "expected {message:?} in:\n{}", run.stderr);
}

/// Whether `example` is `actual` with its lists possibly shortened.
fn is_within(example: &Value, actual: &Value) -> bool {
    match (example, actual) {
        (Value::Object(example), Value::Object(actual)) => {
            example.iter().all(|(key, value)| actual.get(key).is_some_and(|a| is_within(value, a)))
        }
        (Value::Array(example), Value::Array(actual)) => {
            example.len() <= actual.len() && example.iter().zip(actual).all(|(e, a)| is_within(e, a))
        }
        _ => example == actual,
    }
}

fn check_report(sb: &Sandbox, heading: &str, args: &[&str]) {
    let example: Value = serde_json::from_str(&blocks(heading, "json")[0]).unwrap();
    let actual: Value = serde_json::from_str(&sb.ok(args)).unwrap();
    assert!(
        is_within(&example, &actual),
        "docs/data-model.md, {heading}: the example is not what\nvigie {args:?} gives:\n{actual:#}"
    );
}

#[test]
fn the_report_examples_are_what_the_demo_gives() {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    let monthly = "### The monthly report";
    check_report(
        &sb,
        monthly,
        &["report", "monthly", "--region", "g5-sahel", "--month", "2023-12", "--format", "json"],
    );
    let csv = sb.ok(&["report", "monthly", "--region", "g5-sahel", "--month", "2023-12", "--format", "csv"]);
    for line in blocks(monthly, "csv")[0].lines() {
        assert!(csv.lines().any(|l| l == line), "the monthly CSV has no line {line}:\n{csv}");
    }
    check_report(&sb, "### National days", &["report", "national-days", "--month", "2023-12", "--format", "json"]);
    check_report(&sb, "### The year in numbers", &["report", "year", "--year", "2023", "--format", "json"]);
    check_report(
        &sb,
        "### The timeline",
        &["report", "timeline", "--year", "2023", "--month", "12", "--format", "json"],
    );

    sb.write("issue.toml", &blocks("### The bulletin's issue file", "toml")[0]);
    let out = sb.ok(&["bulletin", "--issue", "issue.toml", "--format", "json", "--lang", "en", "-o", "out"]);
    assert!(out.contains("bulletin-58-2023-12.en.json"), "{out}");
}
