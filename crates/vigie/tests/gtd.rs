//! `vigie import` of GTD files, end to end with the real binary, on the
//! invented look-alike fixtures of `crates/formats/tests/fixtures/gtd/`
//! (Windows-1252, CRLF, the release's 135 columns).

mod common;

use std::path::{Path, PathBuf};

use common::{Sandbox, line_starting};

fn gtd_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/tests/fixtures/gtd").join(name)
}

/// Copies a GTD fixture into the sandbox under `as_name`.
fn copy(sb: &Sandbox, name: &str, as_name: &str) -> String {
    std::fs::copy(gtd_fixture(name), sb.path(as_name)).unwrap_or_else(|e| panic!("copy {name}: {e}"));
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

const IDS: [&str; 8] = [
    "gtd:197806140002",
    "gtd:199200000003",
    "gtd:201411200021",
    "gtd:201806000012",
    "gtd:201903150007",
    "gtd:201911060003",
    "gtd:202008160002",
    "gtd:202103040004",
];

#[test]
fn the_release_imports_every_row_verified() {
    let sb = Sandbox::new();
    let file = copy(&sb, "gtd.csv", "gtd.csv");
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout.lines().next(), Some("8 new, 0 updated, 0 unchanged, 0 rejected"), "{run:?}");
    assert_eq!(line_starting(&run.stderr, "gtd.csv:"), "gtd.csv: GTD release (135 columns)");
    // names nobody knows became groups; no drafts
    assert!(run.stdout.contains("fulani-extremists"), "{run:?}");
    assert!(!run.stdout.contains("drafts"), "{run:?}");

    let mut ids = sb.ids(&[]);
    ids.sort();
    assert_eq!(ids, IDS);
    let list = sb.list_csv(&[]);
    for (id, country, perpetrator, target, method, killed, wounded, kidnapped) in [
        ("gtd:201903150007", "ML", "is-sahel", "military", "armed_assault", "9", "5", "0"),
        ("gtd:201806000012", "NE", "unknown", "security", "explosive", "", "", "0"),
        ("gtd:199200000003", "SO", "unknown", "unknown", "explosive", "2", "", ""),
        ("gtd:202103040004", "NG", "fulani-extremists", "education", "kidnapping", "1", "0", "27"),
        ("gtd:202008160002", "SO", "al-shabaab", "business", "suicide", "10", "22", "0"),
        ("gtd:201411200021", "PK", "ttp", "government", "assassination", "1", "2", "0"),
        (
            "gtd:197806140002",
            "ZW",
            "zimbabwe-african-national-liberation-army-zanla",
            "civilians",
            "armed_assault",
            "4",
            "",
            "0",
        ),
        ("gtd:201911060003", "BF", "jnim", "infrastructure", "hostage_taking", "0", "0", ""),
    ] {
        assert_eq!(value_of(&list, id, "country"), country, "{id}");
        assert_eq!(value_of(&list, id, "perpetrator"), perpetrator, "{id}");
        assert_eq!(value_of(&list, id, "target"), target, "{id}");
        assert_eq!(value_of(&list, id, "method"), method, "{id}");
        assert_eq!(value_of(&list, id, "killed"), killed, "{id}");
        assert_eq!(value_of(&list, id, "wounded"), wounded, "{id}");
        assert_eq!(value_of(&list, id, "kidnapped"), kidnapped, "{id}");
        assert_eq!(value_of(&list, id, "status"), "verified", "{id}");
    }
    assert_eq!(value_of(&list, "gtd:201806000012", "date"), "2018-06-01");
    assert_eq!(value_of(&list, "gtd:201806000012", "date_precision"), "month");
    assert_eq!(value_of(&list, "gtd:199200000003", "date"), "1992-01-01");
    assert_eq!(value_of(&list, "gtd:199200000003", "date_precision"), "year");
    assert_eq!(value_of(&list, "gtd:202103040004", "date_end"), "2021-03-14");
    assert_eq!(value_of(&list, "gtd:201911060003", "date_end"), "");
}

#[test]
fn shown_incidents_keep_the_gtd_s_text() {
    let sb = Sandbox::new();
    let file = copy(&sb, "gtd.csv", "gtd.csv");
    sb.ok(&["import", &file]);
    let mali = show(&sb, "gtd:201903150007");
    assert_eq!(mali["country"], "ML");
    assert_eq!(mali["admin1"], "Ménaka", "decoded from Windows-1252");
    assert_eq!(mali["date_precision"], "day");
    assert_eq!(mali["geo_precision"], 1);
    assert_eq!(mali["killed"], 9);
    assert_eq!(mali["perpetrators_killed"], 3);
    let description = mali["description"].as_str().unwrap();
    assert!(description.contains("Ménaka region, Mali."), "{description}");
    assert!(description.contains("The soldiers’ vehicles"), "{description}");
    assert!(description.contains("\"came on motorbikes\""), "{description}");
    assert!(mali["sources"].as_str().unwrap().starts_with("GTD, event 201903150007 ; \"Gunmen strike"));

    let somalia = show(&sb, "gtd:202008160002");
    assert_eq!(somalia["method"], "suicide");
    assert_eq!(somalia["killed"], 10);
    assert_eq!(somalia["perpetrators_killed"], 1);
    assert_eq!(somalia["sources"].as_str().unwrap().matches(" ; ").count(), 3);

    let pakistan = show(&sb, "gtd:201411200021");
    assert_eq!(pakistan["geo_precision"], 2, "vicinity");
    assert!(pakistan["description"].as_str().unwrap().ends_with("[GTD: doubt that this is terrorism (doubtterr = 1)]"));

    let niger = show(&sb, "gtd:201806000012");
    assert_eq!(niger["killed"], serde_json::Value::Null);
    assert_eq!(niger["wounded"], serde_json::Value::Null);
    assert_eq!(niger["location"], serde_json::Value::Null, "city Unknown");
    assert_eq!(niger["geo_precision"], 3);
}

#[test]
fn reimports_are_unchanged_and_a_changed_figure_updates() {
    let sb = Sandbox::new();
    let file = copy(&sb, "gtd.csv", "gtd.csv");
    sb.ok(&["import", &file]);
    let again = sb.ok(&["import", &file]);
    assert_eq!(again.lines().next(), Some("0 new, 0 updated, 8 unchanged, 0 rejected"));
    // the next release corrects one nkill (11 → 13, the bomber still taken out)
    let updated = copy(&sb, "gtd-updated.csv", "gtd-updated.csv");
    let run = sb.run(&["import", &updated]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout.lines().next(), Some("0 new, 1 updated, 7 unchanged, 0 rejected"), "{run:?}");
    assert_eq!(line_starting(&run.stderr, "gtd-updated.csv:"), "gtd-updated.csv: GTD release (135 columns)");
    assert_eq!(show(&sb, "gtd:202008160002")["killed"], 12);
    assert_eq!(sb.ids(&[]).len(), 8);
}

#[test]
fn bad_rows_are_located_and_nothing_is_written() {
    let sb = Sandbox::new();
    let file = copy(&sb, "gtd-bad.csv", "gtd-bad.csv");
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "gtd-bad.csv:4: column iday: not a GTD day: 1 to 31, or 0 when not known (got \"x\")");
    line_starting(&run.stderr, "gtd-bad.csv:5: row has 20 fields but the header has 135");
    line_starting(&run.stderr, "gtd-bad.csv:6: column specificity: not a GTD specificity: 1 to 5 (got \"9\")");
    line_starting(&run.stderr, "gtd-bad.csv:6: column nkill: not a GTD figure");
    // a historic state the country register does not know
    let line = line_starting(&run.stderr, "gtd-bad.csv:7: column country: unknown country");
    assert!(line.ends_with("(got \"Yugoslavia\")"), "{line}");
    line_starting(&run.stderr, "import failed: 5 errors; nothing was written");
    assert!(sb.ids(&[]).is_empty());

    // the valid rows alone (the first one's summary spans two lines)
    let run = sb.run(&["import", "--skip-invalid", "--rejects", "rejects.csv", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout.lines().next(), Some("2 new, 0 updated, 0 unchanged, 4 rejected"), "{run:?}");
    let mut ids = sb.ids(&[]);
    ids.sort();
    assert_eq!(ids, ["gtd:199200000003", "gtd:202008160002"]);
    let rejects = sb.read("rejects.csv");
    assert!(rejects.contains("gtd:201411200099"), "{rejects}");
    assert!(rejects.contains("gtd:197806140002"), "the short row keeps its id: {rejects}");
}

#[test]
fn a_file_that_is_not_the_gtd_is_refused_with_the_missing_columns() {
    let sb = Sandbox::new();
    let file = sb.write("acled.csv", "event_id_cnty,event_date,country,fatalities\r\nMLI1,2023-12-01,Mali,3\r\n");
    let run = sb.run(&["import", "--format", "gtd", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "acled.csv:1: column eventid: required GTD column is missing from the header");
    line_starting(&run.stderr, "acled.csv:1: column nkillter: required GTD column is missing from the header");
    assert!(sb.ids(&[]).is_empty());
}
