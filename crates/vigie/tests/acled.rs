//! `vigie import` of ACLED exports, end to end with the real binary, on the
//! invented look-alike fixtures of `crates/formats/tests/fixtures/acled/`
//! (the current export with a BOM, the 2019–2022 export with `NA`, an HDX
//! copy with HXL tags, the legacy version 7 layout in Windows-1252).

mod common;

use std::path::{Path, PathBuf};

use common::{Sandbox, line_starting};

fn acled_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/tests/fixtures/acled").join(name)
}

/// Copies an ACLED fixture into the sandbox under `as_name`.
fn copy(sb: &Sandbox, name: &str, as_name: &str) -> String {
    std::fs::copy(acled_fixture(name), sb.path(as_name)).unwrap_or_else(|e| panic!("copy {name}: {e}"));
    as_name.to_string()
}

/// The list CSV's records, header first.
fn records(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.expect("valid CSV").iter().map(str::to_string).collect()).collect()
}

fn value_of(list: &str, id: &str, column: &str) -> String {
    let rows = records(list);
    let index = rows[0].iter().position(|c| c == column).unwrap_or_else(|| panic!("no column {column}"));
    let row = rows.iter().find(|r| r[0] == id).unwrap_or_else(|| panic!("no incident {id} in\n{list}"));
    row[index].clone()
}

fn show(sb: &Sandbox, id: &str) -> serde_json::Value {
    serde_json::from_str(&sb.ok(&["incidents", "show", id, "--format", "json"])).expect("show gives JSON")
}

fn sorted_ids(sb: &Sandbox) -> Vec<String> {
    let mut ids = sb.ids(&[]);
    ids.sort();
    ids
}

const SKIPPED_LINE: &str = "skipped: protests, riots and strategic developments are not terrorist operations";

/// Each fixture: its file, the layout the summary names, the events kept
/// (sorted ids) and how many were left out.
const FILES: [(&str, &str, &[&str], u64); 4] = [
    (
        "current-export.csv",
        "ACLED current export",
        &[
            "acled:BFO11801",
            "acled:BFO11872",
            "acled:CAO9012",
            "acled:MLI31500",
            "acled:NIG25012",
            "acled:NIR9954",
            "acled:SOM51234",
        ],
        2,
    ),
    (
        "export-2019-2022.csv",
        "ACLED 2019–2022 export",
        &["acled:BFO6001", "acled:MLI20111", "acled:NIR5110", "acled:SOM40001", "acled:SOM40010"],
        1,
    ),
    (
        "hdx-hxl.csv",
        "ACLED 2019–2022 export with HXL tags (HDX copy)",
        &["acled:CAO5412", "acled:CHA1201", "acled:MAU410", "acled:NIG19001"],
        1,
    ),
    (
        "legacy-v7.csv",
        "ACLED legacy layout (version 7 and earlier)",
        &["acled:4101RTA", "acled:MLI2101", "acled:MLI2450", "acled:NIG4521", "acled:NIR812", "acled:SOM3300"],
        3,
    ),
];

#[test]
fn each_layout_imports_its_events_verified_and_skips_the_others() {
    for (name, layout, ids, skipped) in FILES {
        let sb = Sandbox::new();
        let file = copy(&sb, name, name);
        let run = sb.run(&["import", &file]);
        assert_eq!(run.code, 0, "{name}: {run:?}");
        let mut lines = run.stdout.lines();
        assert_eq!(lines.next(), Some(format!("{} new, 0 updated, 0 unchanged, 0 rejected", ids.len()).as_str()));
        assert_eq!(lines.next(), Some(format!("{skipped} {SKIPPED_LINE} (--all-events keeps them)").as_str()));
        assert_eq!(line_starting(&run.stderr, &format!("{name}:")), format!("{name}: {layout}"));
        assert!(!run.stdout.contains("drafts"), "{name}: {run:?}");
        assert_eq!(sorted_ids(&sb), ids, "{name}");
        let list = sb.list_csv(&[]);
        for id in ids {
            assert_eq!(value_of(&list, id, "status"), "verified", "{name} {id}");
        }
    }
}

#[test]
fn imported_values_are_resolved_and_mapped() {
    let sb = Sandbox::new();
    let files: Vec<String> = FILES.iter().map(|(name, ..)| copy(&sb, name, name)).collect();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let run = sb.run(&args);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout.lines().next(), Some("22 new, 0 updated, 0 unchanged, 0 rejected"), "{run:?}");
    assert!(run.stdout.contains(&format!("7 {SKIPPED_LINE}")), "{run:?}");
    // the army of an air strike is the perpetrator of a one-sided event:
    // ACLED's name, without its period, becomes a group
    let groups = line_starting(&run.stdout, "1 new perpetrator group");
    assert!(groups.contains("military-forces-of-mali (state_forces, from \"Military Forces of Mali\")"), "{groups}");
    for (_, layout, ..) in FILES {
        assert!(run.stderr.contains(&format!(": {layout}\n")), "{layout}: {run:?}");
    }

    let list = sb.list_csv(&[]);
    for (id, date, precision, country, perpetrator, target, method, killed) in [
        ("acled:BFO11872", "2023-12-05", "day", "BF", "jnim", "military", "ambush", "14"),
        ("acled:NIR9954", "2023-11-28", "week", "NE", "is-sahel", "civilians", "armed_assault", "7"),
        ("acled:SOM51234", "2023-12-02", "day", "SO", "al-shabaab", "military", "explosive", "3"),
        ("acled:MLI31500", "2023-12-01", "day", "ML", "military-forces-of-mali", "armed_groups", "drone", "6"),
        ("acled:NIG25012", "2023-11-27", "day", "NG", "iswap", "humanitarian", "kidnapping", "0"),
        ("acled:CAO9012", "2023-11-25", "day", "CM", "boko-haram", "civilians", "suicide", "5"),
        ("acled:BFO11801", "2023-11-15", "month", "BF", "unknown", "security", "indirect_fire", "2"),
        ("acled:MLI20111", "2022-03-04", "day", "ML", "jnim", "military", "armed_assault", "17"),
        ("acled:SOM40001", "2022-02-21", "day", "SO", "al-shabaab", "government", "suicide", "14"),
        ("acled:SOM40010", "2022-02-27", "day", "SO", "is-somalia", "security", "explosive", ""),
        ("acled:NIR5110", "2022-01-20", "week", "NE", "unknown", "civilians", "other", "0"),
        ("acled:BFO6001", "2022-04-02", "day", "BF", "ansarul-islam", "military", "armed_assault", "9"),
        ("acled:CHA1201", "2021-08-05", "day", "TD", "boko-haram", "military", "armed_assault", "26"),
        ("acled:CAO5412", "2021-07-18", "day", "CM", "boko-haram", "civilians", "suicide", "5"),
        ("acled:NIG19001", "2021-06-11", "day", "NG", "iswap", "military", "indirect_fire", "0"),
        ("acled:MAU410", "2021-05-02", "day", "MR", "jnim", "civilians", "armed_assault", "1"),
        ("acled:MLI2101", "2013-01-15", "day", "ML", "ansar-dine", "military", "armed_assault", "28"),
        ("acled:NIR812", "2014-06-14", "day", "NE", "mujao", "military", "explosive", "2"),
        ("acled:NIG4521", "2015-02-02", "day", "NG", "boko-haram", "civilians", "armed_assault", "12"),
        ("acled:SOM3300", "2016-09-18", "week", "SO", "al-shabaab", "military", "armed_assault", "7"),
        ("acled:4101RTA", "2016-11-03", "day", "BF", "unknown", "education", "armed_assault", "1"),
        ("acled:MLI2450", "2016-01-07", "day", "ML", "aqim", "diplomatic", "explosive", "1"),
    ] {
        assert_eq!(value_of(&list, id, "date"), date, "{id}");
        assert_eq!(value_of(&list, id, "date_precision"), precision, "{id}");
        assert_eq!(value_of(&list, id, "country"), country, "{id}");
        assert_eq!(value_of(&list, id, "perpetrator"), perpetrator, "{id}");
        assert_eq!(value_of(&list, id, "target"), target, "{id}");
        assert_eq!(value_of(&list, id, "method"), method, "{id}");
        assert_eq!(value_of(&list, id, "killed"), killed, "{id}");
        assert_eq!(value_of(&list, id, "wounded"), "", "{id}: ACLED has no wounded");
        assert_eq!(value_of(&list, id, "date_end"), "", "{id}");
    }

    let shown = show(&sb, "acled:NIG25012");
    assert_eq!(shown["country"], "NG");
    assert_eq!(shown["admin1"], "Borno");
    assert_eq!(shown["location"], "Gamboru");
    assert_eq!(shown["latitude"], 12.3717);
    assert_eq!(shown["longitude"], 14.2089);
    assert_eq!(shown["geo_precision"], 1);
    assert_eq!(shown["kidnapped"], serde_json::Value::Null, "ACLED does not count the abducted");
    assert_eq!(shown["sources"], "ACLED current export, NIG25012 ; Premium Times ; HumAngle");
    assert!(shown["description"].as_str().unwrap().starts_with("On 27 November 2023, ISWAP fighters"));
    assert_eq!(shown["status"], "verified");

    let legacy = show(&sb, "acled:MLI2450");
    assert_eq!(legacy["location"], "Léré", "Windows-1252 read as such");
    assert_eq!(legacy["description"], "Une mine a touché un véhicule de la MINUSMA près de Léré ; 1 casque bleu tué.");
    assert_eq!(legacy["sources"], "ACLED legacy layout (version 7 and earlier), MLI2450 ; Jeune Afrique");
    assert_eq!(show(&sb, "acled:SOM40010")["killed"], serde_json::Value::Null, "NA stays unknown");
    assert_eq!(show(&sb, "acled:BFO11801")["geo_precision"], 3);
}

#[test]
fn reimports_are_unchanged_and_a_revised_export_updates_one_incident() {
    let sb = Sandbox::new();
    let file = copy(&sb, "current-export.csv", "acled.csv");
    sb.ok(&["import", &file]);
    let again = sb.ok(&["import", &file]);
    assert_eq!(again.lines().next(), Some("0 new, 0 updated, 7 unchanged, 0 rejected"), "{again}");
    assert!(!again.contains("new perpetrator group"), "{again}");

    let revised = copy(&sb, "current-export-v2.csv", "acled-revised.csv");
    let run = sb.ok(&["import", &revised]);
    assert_eq!(run.lines().next(), Some("0 new, 1 updated, 6 unchanged, 0 rejected"), "{run}");
    assert_eq!(show(&sb, "acled:BFO11872")["killed"], 16);
    assert_eq!(show(&sb, "acled:NIR9954")["killed"], 7);
    assert_eq!(sb.ids(&[]).len(), 7);
}

#[test]
fn all_events_keeps_protests_riots_and_strategic_developments() {
    let sb = Sandbox::new();
    let file = copy(&sb, "current-export.csv", "acled.csv");
    let run = sb.run(&["import", "--all-events", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout.lines().next(), Some("9 new, 0 updated, 0 unchanged, 0 rejected"), "{run:?}");
    assert!(!run.stdout.contains("skipped"), "{run:?}");
    let list = sb.list_csv(&[]);
    assert_eq!(value_of(&list, "acled:BFO11873", "method"), "other");
    assert_eq!(value_of(&list, "acled:CHA1845", "method"), "facility_attack");
    assert_eq!(value_of(&list, "acled:CHA1845", "perpetrator"), "boko-haram");
    assert_eq!(value_of(&list, "acled:CHA1845", "country"), "TD");
}

#[test]
fn bad_rows_are_located_and_nothing_is_written() {
    let sb = Sandbox::new();
    let file = copy(&sb, "bad-rows.csv", "bad.csv");
    let run = sb.run(&["import", &file]);
    assert_ne!(run.code, 0, "{run:?}");
    let problems: Vec<&str> = run.stderr_lines().into_iter().filter(|l| l.starts_with("bad.csv")).collect();
    assert_eq!(
        problems,
        [
            r#"bad.csv:3: column event_date: not a date in the ACLED layouts (got "31/02/2023")"#,
            r#"bad.csv:4: column fatalities: not a whole number of deaths (leave empty or NA when not known) (got "many")"#,
            "bad.csv:5: row has 4 fields but the header has 31",
            r#"bad.csv:6: column time_precision: must be 1 (day), 2 (week) or 3 (month) (got "4")"#,
            r#"bad.csv:7: column latitude: not a number: decimal degrees expected (got "12,0616")"#,
            r#"bad.csv:8: column country: unknown country: give an ISO 3166-1 code or the English, French or Arabic name (got "Atlantis")"#,
            r#"bad.csv:9: column event_id_cnty: is empty: every ACLED event has an id (got "")"#,
            r#"bad.csv:10: column event_date: not a date in the ACLED layouts (got "2023-12-32")"#,
            "bad.csv: ACLED current export",
        ]
    );
    assert!(run.stderr.contains("import failed: 8 errors; nothing was written"), "{run:?}");
    assert!(sb.ids(&[]).is_empty());

    // the valid row alone, the others to a rejects file
    let run = sb.run(&["import", "--skip-invalid", "--rejects", "rejects.csv", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout.lines().next(), Some("1 new, 0 updated, 0 unchanged, 8 rejected"), "{run:?}");
    assert_eq!(sb.ids(&[]), ["acled:BFO20001"]);
    let rejects = records(&sb.read("rejects.csv"));
    assert_eq!(rejects.len(), 9, "header and 8 rows");
}

#[test]
fn a_file_that_is_not_acled_is_refused_at_its_header() {
    let sb = Sandbox::new();
    let file = sb.write("native.csv", "date,country,killed\n2023-12-01,ML,3\n");
    let run = sb.run(&["import", "--format", "acled", &file]);
    assert_ne!(run.code, 0, "{run:?}");
    let missing = "required ACLED column is missing from the header (is this an ACLED export?)";
    for column in ["event_id_cnty", "event_date", "event_type", "fatalities"] {
        assert!(run.stderr.contains(&format!("native.csv:1: column {column}: {missing}")), "{column}: {run:?}");
    }
    assert!(sb.ids(&[]).is_empty());
}
