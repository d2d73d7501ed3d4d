//! `vigie import`: native CSV and JSON Lines, all-or-nothing, located
//! errors, --skip-invalid/--rejects, re-imports, --new-groups, --dry-run.

mod common;

use common::{HEADER, Sandbox, fixture_text, line_starting};

const SUMMARY_GOOD: &str = "10 new, 0 updated, 0 unchanged, 0 rejected";

fn empty_list() -> String {
    format!("{HEADER}\n")
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
fn resolved_values_of_single_rows() {
    let sb = Sandbox::new();
    let file = sb.fixture("good.csv");
    sb.ok(&["import", &file]);
    let list = sb.list_csv(&[]);
    for (id, country, perpetrator) in [
        ("t-td-1", "TD", "boko-haram"),
        ("t-td-2", "TD", "boko-haram"),
        ("t-td-3", "TD", "unknown"),
        ("t-ml-1", "ML", "is-sahel"),
        ("t-ml-2", "ML", "jnim"),
        ("t-bf-1", "BF", "jnim"),
        ("t-ne-1", "NE", "is-sahel"),
        ("t-so-1", "SO", "al-shabaab"),
    ] {
        assert_eq!(value_of(&list, id, "country"), country, "{id}");
        assert_eq!(value_of(&list, id, "perpetrator"), perpetrator, "{id}");
    }
    assert_eq!(
        value_of(&list, "t-td-2", "description"),
        "First line of the account,\nsecond line: \"twelve\" abducted"
    );
    assert_eq!(value_of(&list, "t-td-2", "date_end"), "2023-12-11");
    assert_eq!(value_of(&list, "t-td-2", "kidnapped"), "12");
    assert_eq!(value_of(&list, "t-bf-2", "wounded"), "", "empty figure stays unknown, not 0");
    assert_eq!(value_of(&list, "t-td-3", "target"), "unknown");
    assert_eq!(value_of(&list, "t-td-3", "method"), "unknown");
    assert_eq!(value_of(&list, "t-td-3", "date_precision"), "week");
    assert_eq!(value_of(&list, "t-td-3", "latitude"), "");
    assert_eq!(value_of(&list, "t-td-1", "sources"), "source A ; source B");
}

#[test]
fn utf8_bom_at_the_start_is_ignored() {
    let sb = Sandbox::new();
    let file =
        sb.write("bom.csv", "\u{feff}id,date,country,perpetrator\nbom-1,2023-12-01,Tchad,GSIM\nbom-2,2023-12-02,ML,\n");
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("2 new, 0 updated, 0 unchanged, 0 rejected"), "{run:?}");
    assert_eq!(sb.ids(&[]), ["bom-1", "bom-2"]);
    assert_eq!(value_of(&sb.list_csv(&[]), "bom-1", "country"), "TD");
}

#[test]
fn utf8_bom_does_not_shift_line_numbers() {
    let sb = Sandbox::new();
    let file = sb.write("bom-bad.csv", "\u{feff}date,country,killed\n2023-12-01,ML,1\n2023-12-02,ML,-1\n");
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "bom-bad.csv:3: column killed: must be 0 or more");
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
fn one_bad_row_leaves_an_existing_database_identical() {
    let sb = Sandbox::new();
    let good = sb.fixture("good.csv");
    sb.ok(&["import", &good]);
    let before = sb.list_csv(&[]);
    let before_jsonl = sb.ok(&["incidents", "list", "--format", "jsonl"]);

    let bad = sb.fixture("one-bad-row.csv");
    let run = sb.run(&["import", &bad]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(sb.list_csv(&[]), before);

    // a file that updates an existing incident and adds one, then has a bad
    // row: neither the update nor the addition is kept
    let changed = before.replace(",40,21,,12,", ",41,21,,12,");
    assert_ne!(changed, before);
    let mut mixed = changed.clone();
    mixed.push_str("new-1,2023-12-30,,day,ML,,,,,,jnim,military,ambush,1,1,,,,,verified\n");
    mixed.push_str("new-2,2023-12-31,,day,Atlantis,,,,,,jnim,military,ambush,1,1,,,,,verified\n");
    let file = sb.write("mixed.csv", &mixed);
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "mixed.csv:14: column country: unknown country");
    assert_eq!(sb.list_csv(&[]), before);
    assert_eq!(sb.ok(&["incidents", "list", "--format", "jsonl"]), before_jsonl);
}

#[test]
fn all_files_of_one_import_are_one_transaction() {
    let sb = Sandbox::new();
    let good = sb.fixture("good.csv");
    let bad = sb.fixture("one-bad-row.csv");
    let run = sb.run(&["import", &good, &bad]);
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "one-bad-row.csv:4: column killed:");
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

#[test]
fn skip_invalid_imports_good_rows_and_rejects_file_can_be_fixed_and_reimported() {
    let sb = Sandbox::new();
    let file = sb.write(
        "mixed.csv",
        "id,date,country,perpetrator,killed,wounded,description,status\n\
         m-1,2023-12-01,ML,GSIM,3,2,,verified\n\
         m-2,2023-12-02,BF,JNIM,-3,0,\"comma, and\nnewline\",verified\n\
         m-3,2023-12-03,NE,EIGS,1,1,,verified\n\
         m-4,2023-13-04,TD,JAS,0,0,,verified\n\
         m-5,2023-12-05,Tchad,JAS,2,0,,verified\n",
    );
    let run = sb.run(&["import", "--skip-invalid", "--rejects", "rejects.csv", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("3 new, 0 updated, 0 unchanged, 2 rejected\n"), "{run:?}");
    assert!(run.stdout.contains("rejected rows written to rejects.csv"), "{run:?}");
    // the errors are still printed, located
    line_starting(&run.stderr, "mixed.csv:3: column killed: must be 0 or more");
    line_starting(&run.stderr, "mixed.csv:6: column date: not a valid date");
    assert_eq!(sb.ids(&[]), ["m-1", "m-3", "m-5"]);

    let rejects = sb.read("rejects.csv");
    let rows = records(&rejects);
    let mut header: Vec<&str> = HEADER.split(',').collect();
    header.push("reason");
    assert_eq!(rows[0], header);
    assert_eq!(rows.len(), 3, "header and one row per rejected row:\n{rejects}");
    let reason = rows[0].iter().position(|c| c == "reason").unwrap();
    let id = |row: &Vec<String>| row[0].clone();
    assert_eq!(id(&rows[1]), "m-2");
    assert_eq!(id(&rows[2]), "m-4");
    assert!(rows[1][reason].starts_with("mixed.csv:3: column killed: "), "{:?}", rows[1][reason]);
    assert!(rows[2][reason].starts_with("mixed.csv:6: column date: "), "{:?}", rows[2][reason]);
    // the row is kept as read (multi-line description included)
    assert_eq!(rows[1][header.iter().position(|c| *c == "description").unwrap()], "comma, and\nnewline");
    assert_eq!(rows[1][header.iter().position(|c| *c == "killed").unwrap()], "-3");

    // fix the values in the rejects file; the reason column is ignored
    let fixed = rejects.replace(",-3,", ",3,").replace("2023-13-04", "2023-12-04");
    assert_ne!(fixed, rejects);
    sb.write("rejects.csv", fixed);
    let run = sb.run(&["import", "rejects.csv"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("2 new, 0 updated, 0 unchanged, 0 rejected\n"), "{run:?}");
    assert_eq!(sb.ids(&[]), ["m-1", "m-2", "m-3", "m-4", "m-5"]);
    let list = sb.list_csv(&[]);
    assert_eq!(value_of(&list, "m-2", "killed"), "3");
    assert_eq!(value_of(&list, "m-2", "description"), "comma, and\nnewline");
    assert_eq!(value_of(&list, "m-4", "perpetrator"), "boko-haram");
}

#[test]
fn skip_invalid_rejects_as_json_lines() {
    let sb = Sandbox::new();
    let file = sb.fixture("one-bad-row.csv");
    let run = sb.run(&["import", "--skip-invalid", "--rejects", "rejects.jsonl", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("3 new, 0 updated, 0 unchanged, 1 rejected\n"), "{run:?}");
    let text = sb.read("rejects.jsonl");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    let object: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(object["id"], "b-3");
    assert_eq!(object["killed"], "-3");
    assert!(object["reason"].as_str().unwrap().starts_with("one-bad-row.csv:4: column killed: must be 0 or more"));
    // fixed, it imports (reason ignored)
    sb.write("rejects.jsonl", text.replace("\"-3\"", "\"3\""));
    let run = sb.run(&["import", "rejects.jsonl"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("1 new, 0 updated, 0 unchanged, 0 rejected\n"), "{run:?}");
    assert_eq!(sb.ids(&[]), ["b-1", "b-2", "b-3", "b-4"]);
}

// ---------------------------------------------------------------- re-imports

#[test]
fn reimport_is_unchanged_and_one_changed_value_is_one_update() {
    let sb = Sandbox::new();
    let file = sb.fixture("good.csv");
    sb.ok(&["import", &file]);
    let before = sb.list_csv(&[]);
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("0 new, 0 updated, 10 unchanged, 0 rejected\n"), "{run:?}");
    assert!(!run.stdout.contains("drafts"), "unchanged drafts are not reported again: {run:?}");
    assert_eq!(sb.list_csv(&[]), before);

    let original = fixture_text("good.csv");
    let changed = original.replace("GSIM,military,ambush,12,8", "GSIM,military,ambush,13,8");
    assert_ne!(changed, original);
    let file = sb.write("changed.csv", changed);
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("0 new, 1 updated, 9 unchanged, 0 rejected\n"), "{run:?}");
    let after = sb.list_csv(&[]);
    assert_eq!(value_of(&after, "t-ml-2", "killed"), "13");
    assert_eq!(after, before.replace("jnim,military,ambush,12,8", "jnim,military,ambush,13,8"));
}

#[test]
fn rows_without_id_get_stable_derived_ids() {
    let sb = Sandbox::new();
    let file = sb.write(
        "noid.csv",
        "date,country,location,perpetrator,killed,description\n\
         2023-12-01,Tchad,Bol,JAS,2,first\n\
         2023-12-02,ML,Gao,GSIM,,second\n\
         2023-12-02,ML,Gao,GSIM,,other text\n",
    );
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("3 new, 0 updated, 0 unchanged, 0 rejected\n"), "{run:?}");
    let ids = sb.ids(&[]);
    assert_eq!(ids.len(), 3);
    assert!(ids.iter().all(|id| id.starts_with("vg-")), "{ids:?}");
    let run = sb.run(&["import", &file]);
    assert!(run.stdout.starts_with("0 new, 0 updated, 3 unchanged, 0 rejected\n"), "{run:?}");
    assert_eq!(sb.ids(&[]), ids);
    // the same operations written with other names of the same country and
    // group are the same incidents
    let file = sb.write(
        "noid-2.csv",
        "date,country,location,perpetrator,killed,description\n\
         2023-12-01,TCD,Bol,Boko Haram,2,first\n\
         2023-12-02,Mali,Gao,JNIM,,second\n",
    );
    let run = sb.run(&["import", &file]);
    assert!(run.stdout.starts_with("0 new, 0 updated, 2 unchanged, 0 rejected\n"), "{run:?}");
    assert_eq!(sb.ids(&[]), ids);
}

#[test]
fn an_id_twice_in_one_import_is_an_error_not_an_overwrite() {
    let sb = Sandbox::new();
    let file = sb.write(
        "twice.csv",
        "id,date,country,killed\n\
         a-1,2023-12-01,ML,1\n\
         a-2,2023-12-01,ML,1\n\
         a-1,2023-12-02,BF,5\n",
    );
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.starts_with("twice.csv:4: column id: appears more than once in this import: each incident once")
            && run.stderr.lines().next().unwrap().ends_with("(got \"a-1\")"),
        "{run:?}"
    );
    assert!(sb.ids(&[]).is_empty());
    // rows without ids that describe the same operation are caught the same way
    let file = sb.write("same.csv", "date,country,location\n2023-12-01,ML,Gao\n2023-12-01,Mali,Gao\n");
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.starts_with("same.csv:3: column id: appears more than once in this import"), "{run:?}");
    // a repeat of a row already stored unchanged is caught too, and with
    // --skip-invalid it goes to the rejects file
    let first = sb.write("first.csv", "id,date,country,killed\nr-1,2023-12-01,ML,1\n");
    assert_eq!(sb.run(&["import", &first]).code, 0);
    let again = sb.write("again.csv", "id,date,country,killed\nr-1,2023-12-01,ML,1\nr-1,2023-12-01,ML,9\n");
    let run = sb.run(&["import", &again, "--skip-invalid", "--rejects", "rejects.csv"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("0 new, 0 updated, 1 unchanged, 1 rejected"), "{run:?}");
    let rejects = sb.read("rejects.csv");
    assert_eq!(rejects.lines().count(), 2, "{rejects}");
    assert!(rejects.lines().nth(1).unwrap().starts_with("r-1,2023-12-01,,day,ML,"), "{rejects}");
    assert!(rejects.contains("again.csv:3: column id: appears more than once"), "{rejects}");
    assert_eq!(value_of(&sb.list_csv(&[]), "r-1", "killed"), "1");
    // across files of one import too
    let one = sb.write("one.csv", "id,date,country\nx,2023-12-01,ML\n");
    let two = sb.write("two.csv", "id,date,country\nx,2023-12-01,ML\n");
    let run = sb.run(&["import", &one, &two]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.starts_with("two.csv:2: column id:"), "{run:?}");
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
        "{HEADER}\n\
         j-1,2023-12-01,,day,TD,,,13.5,14.25,,jnim,unknown,unknown,3,,,,\"ligne 1\nligne 2, \"\"citée\"\"\",,verified\n\
         j-2,2023-12-02,,day,NE,,,,,,is-sahel,military,ambush,4,,,,,,draft\n\
         j-3,2023-12-03,,day,ML,,,,,,unknown,unknown,unknown,,,,,,,draft\n"
    )
}

#[test]
fn json_lines_file_imports() {
    let sb = Sandbox::new();
    let file = sb.write("incidents.jsonl", JSONL);
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("3 new, 0 updated, 0 unchanged, 0 rejected\n"), "{run:?}");
    assert_eq!(sb.list_csv(&[]), expected_jsonl_list());
}

#[test]
fn ndjson_extension_and_format_flag_mean_json_lines() {
    let sb = Sandbox::new();
    let file = sb.write("incidents.ndjson", JSONL);
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    let file = sb.write("incidents.txt", JSONL);
    let run = sb.run(&["import", "--format", "jsonl", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("0 new, 0 updated, 3 unchanged"), "{run:?}");
    assert_eq!(sb.list_csv(&[]), expected_jsonl_list());
}

#[test]
fn bad_json_lines_are_located() {
    let sb = Sandbox::new();
    let file = sb.write(
        "bad.jsonl",
        "{\"date\":\"2023-12-01\",\"country\":\"ML\"}\n\
         {\"date\":\"2023-12-01\",\"country\":\"ML\",\"killed\":-1}\n\
         \n\
         {oops\n\
         {\"date\":\"2023-12-01\",\"country\":\"ML\",\"colour\":\"red\"}\n",
    );
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    let line = line_starting(&run.stderr, "bad.jsonl:2: column killed: must be 0 or more");
    assert!(line.ends_with("(got \"-1\")"), "{line}");
    line_starting(&run.stderr, "bad.jsonl:4: not a JSON object");
    line_starting(&run.stderr, "bad.jsonl:5: column colour: unknown key");
    assert_eq!(sb.list_csv(&[]), empty_list());
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
fn stdin_json_with_bom_and_leading_blank_lines_is_sniffed() {
    let sb = Sandbox::new();
    let input = "\u{feff}\n  \n{\"id\":\"s-1\",\"date\":\"2023-12-01\",\"country\":\"ML\"}\n";
    let run = sb.run_stdin(&["import", "-"], input);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(sb.ids(&[]), ["s-1"]);
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

#[test]
fn unknown_column_is_an_error_on_line_one() {
    let sb = Sandbox::new();
    let file = sb.write("typo.csv", "date,country,colour\n2023-12-01,ML,red\n");
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "typo.csv:1: column colour: unknown column");
    assert_eq!(sb.list_csv(&[]), empty_list());
}

#[test]
fn missing_required_column_is_an_error_on_line_one() {
    let sb = Sandbox::new();
    let file = sb.write("nocountry.csv", "id,date\nx-1,2023-12-01\n");
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "nocountry.csv:1: column country: required column is missing");
}

/// With --skip-invalid, a file whose header cannot be read is not a file of
/// zero rows: its rows are neither imported nor rejected, so the import must
/// not report success.
#[test]
fn unknown_column_with_skip_invalid_still_fails() {
    let sb = Sandbox::new();
    let file = sb.write("typo.csv", "date,country,colour\n2023-12-01,ML,red\n2023-12-02,ML,blue\n");
    let run = sb.run(&["import", "--skip-invalid", "--rejects", "rejects.csv", &file]);
    line_starting(&run.stderr, "typo.csv:1: column colour: unknown column");
    assert_eq!(
        run.code, 1,
        "the file's two rows were silently dropped, yet the import succeeded with: {:?}",
        run.stdout
    );
}

#[test]
fn unknown_perpetrator_names_the_group_and_the_way_out() {
    let sb = Sandbox::new();
    let file = sb.write("ng.csv", "id,date,country,perpetrator\nk-1,2023-12-01,ML,Katiba Serma\n");
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    let line = line_starting(&run.stderr, "ng.csv:2: column perpetrator: unknown perpetrator group");
    assert!(line.contains("--new-groups"), "{line}");
    assert!(line.contains("vigie groups add"), "{line}");
    assert!(line.ends_with("(got \"Katiba Serma\")"), "{line}");
    assert_eq!(sb.list_csv(&[]), empty_list());
    assert!(!sb.ok(&["groups"]).contains("katiba-serma"));

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

    // the group now exists: other spellings resolve to it, no second group
    let file = sb.write("ng2.csv", "id,date,country,perpetrator\nk-2,2023-12-02,ML,KATIBA SERMA\n");
    let run = sb.run(&["import", "--new-groups", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!run.stdout.contains("new perpetrator group"), "{run:?}");
    assert_eq!(value_of(&sb.list_csv(&[]), "k-2", "perpetrator"), "katiba-serma");
    let groups: serde_json::Value = serde_json::from_str(&sb.ok(&["groups", "--format", "json"])).unwrap();
    let count =
        groups.as_array().unwrap().iter().filter(|g| g["id"].as_str().unwrap().starts_with("katiba-serma")).count();
    assert_eq!(count, 1);
}

#[test]
fn new_groups_are_not_created_by_a_failed_import() {
    let sb = Sandbox::new();
    let file = sb.write(
        "ng.csv",
        "id,date,country,perpetrator,killed\nk-1,2023-12-01,ML,Katiba Serma,1\nk-2,2023-12-02,ML,JNIM,-1\n",
    );
    let run = sb.run(&["import", "--new-groups", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(!sb.ok(&["groups"]).contains("katiba-serma"));
    assert_eq!(sb.list_csv(&[]), empty_list());
}

// ---------------------------------------------------------------- dry run

#[test]
fn dry_run_writes_nothing() {
    let sb = Sandbox::new();
    let file = sb.fixture("good.csv");
    let run = sb.run(&["import", "--dry-run", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with(&format!("dry run, nothing written: {SUMMARY_GOOD}")), "{run:?}");
    assert_eq!(sb.list_csv(&[]), empty_list());

    sb.ok(&["import", &file]);
    let before = sb.list_csv(&[]);
    let changed = fixture_text("good.csv").replace("JNIM,military,ambush,40,21", "JNIM,military,ambush,41,21");
    let file = sb.write("changed.csv", changed);
    let run = sb.run(&["import", "--dry-run", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("dry run, nothing written: 0 new, 1 updated, 9 unchanged, 0 rejected"), "{run:?}");
    assert_eq!(sb.list_csv(&[]), before);
}

#[test]
fn dry_run_with_new_groups_creates_no_group() {
    let sb = Sandbox::new();
    let file = sb.write("ng.csv", "id,date,country,perpetrator\nk-1,2023-12-01,ML,Katiba Serma\n");
    let run = sb.run(&["import", "--dry-run", "--new-groups", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!sb.ok(&["groups"]).contains("katiba-serma"));
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
fn row_with_the_wrong_number_of_fields_names_its_line() {
    let sb = Sandbox::new();
    let file = sb.write(
        "ragged.csv",
        "id,date,country\nr-1,2023-12-01,ML\nr-2,2023-12-02,ML,extra\nr-3,2023-12-03\nr-4,2023-12-04,ML\n",
    );
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "ragged.csv:3: row has 4 fields but the header has 3");
    line_starting(&run.stderr, "ragged.csv:4: row has 2 fields but the header has 3");
    assert_eq!(run.stderr_lines().len(), 3, "{}", run.stderr);
    assert_eq!(sb.list_csv(&[]), empty_list());
}

#[test]
fn line_numbers_count_the_lines_of_quoted_multi_line_fields() {
    let sb = Sandbox::new();
    let file = sb.write(
        "multi.csv",
        "date,country,killed,description\n\
         2023-12-01,ML,1,\"one\ntwo\nthree\"\n\
         2023-12-02,ML,x,four\n",
    );
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "multi.csv:5: column killed: not a whole number");
}

/// A CSV saved with Windows line ends (Excel's default): the bad row is on
/// line 3.
#[test]
fn line_numbers_are_right_with_crlf_line_ends() {
    let sb = Sandbox::new();
    let file = sb.write("crlf.csv", "date,country,killed\r\n2023-12-01,ML,1\r\n2023-12-02,ML,x\r\n");
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "crlf.csv:3: column killed: not a whole number");
}

#[test]
fn line_numbers_count_blank_lines() {
    let sb = Sandbox::new();
    let file = sb.write("blank.csv", "date,country,killed\n2023-12-01,ML,1\n\n2023-12-02,ML,x\n");
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "blank.csv:4: column killed: not a whole number");
}

#[test]
fn crlf_file_imports() {
    let sb = Sandbox::new();
    let crlf = fixture_text("good.csv").replace('\n', "\r\n");
    let file = sb.write("good-crlf.csv", crlf);
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with(SUMMARY_GOOD), "{run:?}");
    // the quoted line break is kept as written (CRLF), every other field equal
    let list = sb.list_csv(&[]);
    assert_eq!(list.replace("account,\r\nsecond", "account,\nsecond"), fixture_text("good-list.csv"));
}

#[test]
fn missing_file_is_an_error_and_nothing_is_written() {
    let sb = Sandbox::new();
    let good = sb.fixture("good.csv");
    let run = sb.run(&["import", &good, "does-not-exist.csv"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("does-not-exist.csv"), "{run:?}");
    assert_eq!(sb.list_csv(&[]), empty_list());
}
