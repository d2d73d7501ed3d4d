//! Export and re-import give the identical incidents; the list filters
//! return exactly the incidents they mean.

mod common;

use common::{Sandbox, fixture_text};

fn imported_good() -> Sandbox {
    let sb = Sandbox::new();
    let file = sb.fixture("good.csv");
    sb.ok(&["import", &file]);
    sb
}

#[test]
fn csv_export_reimports_byte_identical() {
    let sb = imported_good();
    let first = sb.list_csv(&[]);
    assert_eq!(first, fixture_text("good-list.csv"));
    sb.write("export.csv", &first);

    let other = sb.with_db("other.db");
    let run = other.run(&["import", "export.csv"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("10 new, 0 updated, 0 unchanged, 0 rejected"), "{run:?}");
    assert_eq!(other.list_csv(&[]), first);
    // and the export re-imported over the original changes nothing
    let run = sb.run(&["import", "export.csv"]);
    assert!(run.stdout.starts_with("0 new, 0 updated, 10 unchanged, 0 rejected"), "{run:?}");
}

#[test]
fn jsonl_export_reimports_byte_identical() {
    let sb = imported_good();
    let first = sb.ok(&["incidents", "list", "--format", "jsonl"]);
    assert_eq!(first.lines().count(), 10);
    for line in first.lines() {
        let object: serde_json::Value = serde_json::from_str(line).expect("one JSON object a line");
        assert_eq!(object.as_object().unwrap().len(), 22, "every key of the contract: {line}");
    }
    sb.write("export.jsonl", &first);

    let other = sb.with_db("other.db");
    let run = other.run(&["import", "export.jsonl"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("10 new, 0 updated, 0 unchanged, 0 rejected"), "{run:?}");
    assert_eq!(other.ok(&["incidents", "list", "--format", "jsonl"]), first);
    // both exports describe the same incidents
    assert_eq!(other.list_csv(&[]), fixture_text("good-list.csv"));
}

#[test]
fn jsonl_export_has_typed_values() {
    let sb = imported_good();
    let jsonl = sb.ok(&["incidents", "list", "--format", "jsonl", "--search", "ngouboua"]);
    let object: serde_json::Value = serde_json::from_str(jsonl.trim_end()).unwrap();
    assert_eq!(object["id"], "t-td-1");
    assert_eq!(object["country"], "TD");
    assert_eq!(object["perpetrator"], "boko-haram");
    assert_eq!(object["killed"], 4);
    assert_eq!(object["perpetrators_killed"], 9);
    assert_eq!(object["kidnapped"], serde_json::Value::Null);
    assert_eq!(object["latitude"], 13.33);
    assert_eq!(object["geo_precision"], 2);
    assert_eq!(object["status"], "verified");
}

#[test]
fn demo_data_round_trips_through_both_formats() {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    let csv = sb.list_csv(&[]);
    assert_eq!(csv.lines().count(), 50, "header and the 49 demo incidents");
    let jsonl = sb.ok(&["incidents", "list", "--format", "jsonl"]);
    sb.write("demo.csv", &csv);
    sb.write("demo.jsonl", &jsonl);
    let from_csv = sb.with_db("from-csv.db");
    from_csv.ok(&["import", "demo.csv"]);
    assert_eq!(from_csv.list_csv(&[]), csv);
    let from_jsonl = sb.with_db("from-jsonl.db");
    from_jsonl.ok(&["import", "demo.jsonl"]);
    assert_eq!(from_jsonl.list_csv(&[]), csv);
    assert_eq!(from_jsonl.ok(&["incidents", "list", "--format", "jsonl"]), jsonl);
}

// ---------------------------------------------------------------- filters

const ALL: [&str; 10] =
    ["t-bf-2", "t-td-1", "t-ml-2", "t-bf-1", "t-ml-1", "t-td-2", "t-ne-1", "t-ng-1", "t-td-3", "t-so-1"];

#[test]
fn list_is_ordered_by_date_then_id() {
    let sb = imported_good();
    assert_eq!(sb.ids(&[]), ALL);
}

#[test]
fn filter_by_country_accepts_codes_and_names() {
    let sb = imported_good();
    assert_eq!(sb.ids(&["--country", "TD"]), ["t-td-1", "t-td-2", "t-td-3"]);
    assert_eq!(sb.ids(&["--country", "Tchad"]), ["t-td-1", "t-td-2", "t-td-3"]);
    assert_eq!(sb.ids(&["--country", "تشاد"]), ["t-td-1", "t-td-2", "t-td-3"]);
    assert_eq!(sb.ids(&["--country", "ML,Niger"]), ["t-ml-2", "t-ml-1", "t-ne-1"]);
    assert_eq!(sb.ids(&["--country", "MR"]), Vec::<String>::new());
    let run = sb.run(&["incidents", "list", "--country", "Atlantis"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("unknown country \"Atlantis\""), "{run:?}");
}

#[test]
fn filter_by_region() {
    let sb = imported_good();
    assert_eq!(
        sb.ids(&["--region", "g5-sahel"]),
        ["t-bf-2", "t-td-1", "t-ml-2", "t-bf-1", "t-ml-1", "t-td-2", "t-ne-1", "t-td-3"]
    );
    assert_eq!(sb.ids(&["--region", "lake-chad"]), ["t-td-1", "t-td-2", "t-ne-1", "t-ng-1", "t-td-3"]);
    assert_eq!(sb.ids(&["--region", "horn-of-africa"]), ["t-so-1"]);
    assert_eq!(sb.ids(&["--region", "lake-chad", "--country", "TD,ML"]), ["t-td-1", "t-td-2", "t-td-3"]);
    let run = sb.run(&["incidents", "list", "--region", "lake-chad", "--country", "ML"]);
    assert_eq!(run.code, 1, "{run:?}");
    let run = sb.run(&["incidents", "list", "--region", "sahara"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("g5-sahel") && run.stderr.contains("lake-chad"), "{run:?}");
}

#[test]
fn filter_by_days_is_inclusive() {
    let sb = imported_good();
    assert_eq!(sb.ids(&["--from", "2023-12-04", "--to", "2023-12-11"]), ["t-bf-1", "t-ml-1", "t-td-2", "t-ne-1"]);
    assert_eq!(sb.ids(&["--from", "2023-12-20"]), ["t-td-3", "t-so-1"]);
    assert_eq!(sb.ids(&["--to", "2023-11-03"]), ["t-bf-2", "t-td-1"]);
}

#[test]
fn filter_by_months_covers_whole_months() {
    let sb = imported_good();
    assert_eq!(
        sb.ids(&["--from", "2023-12", "--to", "2023-12"]),
        ["t-bf-1", "t-ml-1", "t-td-2", "t-ne-1", "t-ng-1", "t-td-3"]
    );
    assert_eq!(sb.ids(&["--to", "2023-11"]), ["t-bf-2", "t-td-1", "t-ml-2"]);
    assert_eq!(sb.ids(&["--from", "2024-01"]), ["t-so-1"]);
    assert_eq!(sb.ids(&["--from", "2023-11", "--to", "2023-11"]), ["t-td-1", "t-ml-2"]);
    for bad in ["2023-13", "12/2023", "2023-12-32"] {
        let run = sb.run(&["incidents", "list", "--from", bad]);
        assert_eq!(run.code, 1, "--from {bad}: {run:?}");
        assert!(run.stderr.contains("--from"), "{run:?}");
    }
}

#[test]
fn filter_by_perpetrator_resolves_aliases() {
    let sb = imported_good();
    assert_eq!(sb.ids(&["--perpetrator", "GSIM"]), ["t-ml-2", "t-bf-1"]);
    assert_eq!(sb.ids(&["--perpetrator", "jnim"]), ["t-ml-2", "t-bf-1"]);
    assert_eq!(sb.ids(&["--perpetrator", "GSIM,EIGS"]), ["t-ml-2", "t-bf-1", "t-ml-1", "t-ne-1"]);
    assert_eq!(sb.ids(&["--perpetrator", "Boko Haram"]), ["t-td-1", "t-td-2"]);
    assert_eq!(sb.ids(&["--perpetrator", "unknown"]), ["t-td-3"]);
    let run = sb.run(&["incidents", "list", "--perpetrator", "Nobody"]);
    assert_eq!(run.code, 1, "{run:?}");
}

#[test]
fn filter_by_target_method_and_status() {
    let sb = imported_good();
    assert_eq!(sb.ids(&["--target", "security"]), ["t-ne-1", "t-ng-1"]);
    assert_eq!(sb.ids(&["--target", "military,government"]), ["t-td-1", "t-ml-2", "t-bf-1", "t-so-1"]);
    assert_eq!(sb.ids(&["--method", "ambush"]), ["t-ml-2", "t-bf-1", "t-ng-1"]);
    assert_eq!(sb.ids(&["--method", "kidnapping,suicide"]), ["t-td-2", "t-so-1"]);
    assert_eq!(sb.ids(&["--status", "draft"]), ["t-ng-1", "t-td-3"]);
    assert_eq!(
        sb.ids(&["--status", "verified"]),
        ["t-bf-2", "t-td-1", "t-ml-2", "t-bf-1", "t-ml-1", "t-td-2", "t-ne-1", "t-so-1"]
    );
    assert_eq!(sb.incidents_error(&["--target", "army"]), 1);
    assert_eq!(sb.incidents_error(&["--method", "ied"]), 1);
}

#[test]
fn search_ignores_case_and_accents() {
    let sb = imported_good();
    assert_eq!(sb.ids(&["--search", "menaka"]), ["t-ml-1"]);
    assert_eq!(sb.ids(&["--search", "MÉNAKA"]), ["t-ml-1"]);
    assert_eq!(sb.ids(&["--search", "tillaberi"]), ["t-ne-1"]);
    assert_eq!(sb.ids(&["--search", "vehicule de la gendarmerie"]), ["t-ne-1"]);
    assert_eq!(sb.ids(&["--search", "بحيرة"]), ["t-td-3"]);
    assert_eq!(sb.ids(&["--search", "example.org/b"]), ["t-ml-2"]);
    assert_eq!(sb.ids(&["--search", "T-TD"]), ["t-td-1", "t-td-2", "t-td-3"]);
    assert_eq!(sb.ids(&["--search", "nowhere at all"]), Vec::<String>::new());
}

#[test]
fn filters_combine_and_limit_cuts() {
    let sb = imported_good();
    assert_eq!(sb.ids(&["--region", "g5-sahel", "--method", "ambush", "--status", "verified"]), ["t-ml-2", "t-bf-1"]);
    assert_eq!(
        sb.ids(&["--country", "TD", "--from", "2023-12", "--perpetrator", "JAS", "--target", "civilians"]),
        ["t-td-2"]
    );
    assert_eq!(sb.ids(&["--limit", "3"]), ["t-bf-2", "t-td-1", "t-ml-2"]);
    assert_eq!(sb.ids(&["--region", "g5-sahel", "--from", "2023-12", "--limit", "2"]), ["t-bf-1", "t-ml-1"]);
}

#[test]
fn filtered_csv_export_reimports_to_the_same_subset() {
    let sb = imported_good();
    let subset = sb.list_csv(&["--region", "lake-chad", "--from", "2023-12"]);
    sb.write("subset.csv", &subset);
    let other = sb.with_db("subset.db");
    other.ok(&["import", "subset.csv"]);
    assert_eq!(other.ids(&[]), ["t-td-2", "t-ne-1", "t-ng-1", "t-td-3"]);
    assert_eq!(other.list_csv(&[]), subset);
}

#[test]
fn table_format_counts_on_stderr() {
    let sb = imported_good();
    let run = sb.run(&["incidents", "list", "--country", "TD"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stderr.trim_end(), "3 incidents");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    assert!(lines[0].starts_with("id "), "{}", lines[0]);
    assert!(lines[3].starts_with("t-td-3 ") && lines[3].contains(" ? "), "unknown figures shown as ?: {}", lines[3]);
}

#[test]
fn show_prints_one_incident() {
    let sb = imported_good();
    let json = sb.ok(&["incidents", "show", "t-td-2", "--format", "json"]);
    let object: serde_json::Value = serde_json::from_str(json.trim_end()).unwrap();
    assert_eq!(object["description"], "First line of the account,\nsecond line: \"twelve\" abducted");
    assert_eq!(object["date_end"], "2023-12-11");
    let text = sb.ok(&["incidents", "show", "t-td-2", "--lang", "fr"]);
    assert!(text.lines().any(|l| l.starts_with("country") && l.ends_with("TD (Tchad)")), "{text}");
    let run = sb.run(&["incidents", "show", "nope"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("no incident with id \"nope\""), "{run:?}");
}

trait Errors {
    fn incidents_error(&self, filters: &[&str]) -> i32;
}

impl Errors for Sandbox {
    fn incidents_error(&self, filters: &[&str]) -> i32 {
        let mut args = vec!["incidents", "list"];
        args.extend_from_slice(filters);
        self.run(&args).code
    }
}
