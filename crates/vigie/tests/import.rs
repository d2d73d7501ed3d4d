//! `vigie import` through the binary: what only it does (flags, exit
//! status, what it prints and where, standard input, files it cannot open)
//! and a few journeys from a file to `incidents list`. What the import
//! itself does (counts, re-imports, all or nothing, located problems, the
//! rejects file, names resolved, ids) is checked at the library's boundary,
//! in crates/ingest/tests/import.rs.

mod common;

use common::{FULL_HEADER, Sandbox, fixture_text, line_starting};

const SUMMARY_GOOD: &str = "10 new, 0 updated, 0 unchanged, 0 rejected";

fn empty_list() -> String {
    format!("{FULL_HEADER}\n")
}

/// Parses CSV text into records (header included).
fn records(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader.records().map(|r| r.expect("valid CSV").iter().map(str::to_string).collect()).collect()
}

/// The value of `column` for the incident `id` in a list CSV.
fn value_of(list: &str, id: &str, column: &str) -> String {
    let rows = records(list);
    let index = rows[0].iter().position(|c| c == column).unwrap_or_else(|| panic!("no column {column}"));
    let row = rows.iter().find(|r| r[0] == id).unwrap_or_else(|| panic!("no incident {id} in\n{list}"));
    row[index].clone()
}

// ---------------------------------------------------------------- good files

#[test]
fn good_csv_imports_every_row_with_resolved_codes() {
    let sb = Sandbox::new();
    let file = sb.fixture("good.csv");
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout.lines().next(), Some(SUMMARY_GOOD), "{run:?}");
    assert!(run.stdout.contains("2 of the new or updated incidents are drafts"), "{run:?}");
    // countries, groups and codes resolved (Tchad/TCD/تشاد → TD, GSIM/JNIM → jnim,
    // EIGS/ISGS → is-sahel, JAS → boko-haram, …), quoted commas, quotes and
    // newlines kept, empty optional fields empty, missing codes `unknown`
    assert_eq!(sb.list_csv(&[]), fixture_text("good-list.csv"));
}

#[test]
fn default_status_flag_applies_to_rows_without_status() {
    let sb = Sandbox::new();
    let file = sb.write("s.csv", "id,date,country,status\ns-1,2023-12-01,ML,\ns-2,2023-12-02,ML,draft\n");
    let run = sb.run(&["import", "--default-status", "verified", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("\n1 of the new or updated incidents are drafts"), "only s-2: {run:?}");
    assert_eq!(sb.ids(&["--status", "verified"]), ["s-1"]);
    assert_eq!(sb.ids(&["--status", "draft"]), ["s-2"]);
}

// ---------------------------------------------------------------- bad rows

#[test]
fn one_bad_row_fails_with_a_located_message_and_a_fresh_db_stays_empty() {
    let sb = Sandbox::new();
    let file = sb.fixture("one-bad-row.csv");
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    let line = line_starting(&run.stderr, "one-bad-row.csv:4: column killed: must be 0 or more");
    assert!(line.ends_with(" (got \"-3\")"), "{line:?}");
    // one error line, then the failure summary; nothing on stdout
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[1].starts_with("import failed: 1 error; nothing was written"), "{lines:?}");
    assert!(!run.stdout.contains("new,"), "{run:?}");
    assert_eq!(sb.list_csv(&[]), empty_list());
}

#[test]
fn more_than_twenty_errors_are_cut_after_twenty() {
    let sb = Sandbox::new();
    let mut text = String::from("date,country,killed\n");
    for day in 1..=25 {
        text.push_str(&format!("2023-12-{day:02},ML,-{day}\n"));
    }
    text.push_str("2023-12-26,ML,1\n");
    let file = sb.write("many-bad.csv", text);
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 22, "20 errors, the count of the rest, the failure line:\n{}", run.stderr);
    for (i, line) in lines[..20].iter().enumerate() {
        let row = i + 2;
        let day = i + 1;
        assert_eq!(
            *line,
            format!(
                "many-bad.csv:{row}: column killed: must be 0 or more (leave empty when not known) (got \"-{day}\")"
            )
        );
    }
    assert_eq!(lines[20], "… and 5 more errors");
    assert!(lines[21].starts_with("import failed: 25 errors; nothing was written"), "{}", lines[21]);
    assert_eq!(sb.list_csv(&[]), empty_list());
}

#[test]
fn exactly_twenty_errors_have_no_more_line() {
    let sb = Sandbox::new();
    let mut text = String::from("date,country,killed\n");
    for day in 1..=20 {
        text.push_str(&format!("2023-12-{day:02},ML,x\n"));
    }
    let file = sb.write("twenty.csv", text);
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(!run.stderr.contains("more errors"), "{}", run.stderr);
    assert_eq!(run.stderr_lines().len(), 21, "{}", run.stderr);
}

/// What --skip-invalid prints: the located errors on standard error, the
/// counts and where the rejected rows went on standard output (the rejects
/// file's rows and reasons, and a corrected one imported back:
/// crates/ingest/tests/import.rs).
#[test]
fn skip_invalid_prints_the_errors_and_names_the_rejects_file() {
    let sb = Sandbox::new();
    let file = sb.fixture("one-bad-row.csv");
    let run = sb.run(&["import", "--skip-invalid", "--rejects", "rejects.csv", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "3 new, 0 updated, 0 unchanged, 1 rejected\nrejected rows written to rejects.csv\n");
    line_starting(&run.stderr, "one-bad-row.csv:4: column killed: must be 0 or more");
    assert_eq!(sb.ids(&[]), ["b-1", "b-2", "b-4"]);
    // the file is where the relative path says, from the working directory
    let rows = records(&sb.read("rejects.csv"));
    assert_eq!((rows.len(), rows[1][0].as_str()), (2, "b-3"));
}

// ---------------------------------------------------------------- JSON Lines, stdin

const JSONL: &str = concat!(
    "{\"id\":\"j-1\",\"date\":\"2023-12-01\",\"country\":\"Tchad\",\"perpetrator\":\"GSIM\",\"killed\":3,",
    "\"wounded\":null,\"latitude\":13.5,\"longitude\":14.25,",
    "\"description\":\"ligne 1\\nligne 2, \\\"citée\\\"\",\"status\":\"verified\"}\n",
    "{\"id\":\"j-2\",\"date\":\"2023-12-02\",\"country\":\"النيجر\",\"perpetrator\":\"EIGS\",\"killed\":\"4\",",
    "\"target\":\"military\",\"method\":\"ambush\"}\n",
    "\n",
    "{\"id\":\"j-3\",\"date\":\"2023-12-03\",\"country\":\"MLI\"}\n",
);

fn expected_jsonl_list() -> String {
    format!(
        "{FULL_HEADER}\n\
         j-1,2023-12-01,,day,TD,,,13.5,14.25,,jnim,unknown,unknown,3,,,,,,\"ligne 1\nligne 2, \"\"citée\"\"\",,verified\n\
         j-2,2023-12-02,,day,NE,,,,,,is-sahel,military,ambush,4,,,,,,,,draft\n\
         j-3,2023-12-03,,day,ML,,,,,,unknown,unknown,unknown,,,,,,,,,draft\n"
    )
}

#[test]
fn format_flag_means_json_lines_whatever_the_name() {
    let sb = Sandbox::new();
    let file = sb.write("incidents.txt", JSONL);
    let run = sb.run(&["import", "--format", "jsonl", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("3 new, 0 updated, 0 unchanged"), "{run:?}");
    assert_eq!(sb.list_csv(&[]), expected_jsonl_list());
}

#[test]
fn stdin_is_sniffed_as_json_lines() {
    let sb = Sandbox::new();
    let run = sb.run_stdin(&["import", "-"], JSONL);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("3 new, 0 updated, 0 unchanged, 0 rejected\n"), "{run:?}");
    assert_eq!(sb.list_csv(&[]), expected_jsonl_list());
}

#[test]
fn stdin_is_sniffed_as_csv() {
    let sb = Sandbox::new();
    let run = sb.run_stdin(&["import", "-"], fixture_text("good.csv"));
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with(SUMMARY_GOOD), "{run:?}");
    assert_eq!(sb.list_csv(&[]), fixture_text("good-list.csv"));
}

#[test]
fn stdin_errors_are_named_stdin() {
    let sb = Sandbox::new();
    let run = sb.run_stdin(&["import", "-"], fixture_text("one-bad-row.csv"));
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "stdin:4: column killed: must be 0 or more");
}

#[test]
fn stdin_can_be_given_only_once() {
    let sb = Sandbox::new();
    let run = sb.run_stdin(&["import", "-", "-"], "date,country\n2023-12-01,ML\n");
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("only once"), "{run:?}");
    assert_eq!(sb.list_csv(&[]), empty_list());
}

// ---------------------------------------------------------------- header, groups

/// --new-groups: the groups created are printed and listed by `vigie
/// groups` as imported (the problem without it, other spellings, failed
/// and dry imports: crates/ingest/tests/import.rs).
#[test]
fn new_groups_are_printed_and_listed() {
    let sb = Sandbox::new();
    let file = sb.write("ng.csv", "id,date,country,perpetrator\nk-1,2023-12-01,ML,Katiba Serma\n");
    let run = sb.run(&["import", "--new-groups", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("1 new, 0 updated, 0 unchanged, 0 rejected\n"), "{run:?}");
    assert!(run.stdout.contains("1 new perpetrator group: katiba-serma (from \"Katiba Serma\")"), "{run:?}");
    assert_eq!(value_of(&sb.list_csv(&[]), "k-1", "perpetrator"), "katiba-serma");

    let groups: serde_json::Value = serde_json::from_str(&sb.ok(&["groups", "--format", "json"])).unwrap();
    let group = groups.as_array().unwrap().iter().find(|g| g["id"] == "katiba-serma").expect("group listed");
    assert_eq!(group["origin"], "imported");
    assert_eq!(group["aliases"], serde_json::json!(["Katiba Serma"]));
    let table = sb.ok(&["groups"]);
    let line = line_starting(&table, "katiba-serma ");
    assert!(line.contains(" imported "), "{line}");
    assert!(line.ends_with("Katiba Serma"), "{line}");
    let builtin = line_starting(&table, "jnim ");
    assert!(builtin.contains(" builtin "), "{builtin}");
}

// ---------------------------------------------------------------- dry run

#[test]
fn dry_run_says_so_and_writes_nothing() {
    let sb = Sandbox::new();
    let file = sb.fixture("good.csv");
    let run = sb.run(&["import", "--dry-run", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with(&format!("dry run, nothing written: {SUMMARY_GOOD}")), "{run:?}");
    assert_eq!(sb.list_csv(&[]), empty_list());
}

#[test]
fn dry_run_reports_errors_and_fails() {
    let sb = Sandbox::new();
    let file = sb.fixture("one-bad-row.csv");
    let run = sb.run(&["import", "--dry-run", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "one-bad-row.csv:4: column killed:");
    assert_eq!(sb.list_csv(&[]), empty_list());
}

// ---------------------------------------------------------------- shape and lines

#[test]
fn missing_file_is_an_error_and_nothing_is_written() {
    let sb = Sandbox::new();
    let good = sb.fixture("good.csv");
    let run = sb.run(&["import", &good, "does-not-exist.csv"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("does-not-exist.csv"), "{run:?}");
    assert_eq!(sb.list_csv(&[]), empty_list());
}
