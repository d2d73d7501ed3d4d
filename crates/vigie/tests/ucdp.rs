//! `vigie import` of UCDP GED files, end to end with the real binary: the
//! fixtures of each layout (`crates/formats/tests/fixtures/ucdp/`), their
//! re-import, a changed export, and the five real UCDP GED files of
//! `crates/formats/tests/fixtures/ucdp/real/` imported whole without a
//! rejected row.

mod common;

use std::path::{Path, PathBuf};

use common::{Sandbox, line_starting};

fn ucdp_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/tests/fixtures/ucdp").join(name)
}

/// One of the five real files: copies of UCDP GED downloads (the annual
/// release, the web download tool, HDX copies), kept whole with their README
/// (where each was found, attribution, licence CC BY 4.0).
fn real_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/tests/fixtures/ucdp/real").join(name)
}

/// Copies a file into the sandbox; returns its name there.
fn copy(sb: &Sandbox, from: &Path) -> String {
    let name = from.file_name().unwrap().to_str().unwrap().to_string();
    std::fs::copy(from, sb.path(&name)).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    name
}

fn show(sb: &Sandbox, id: &str) -> serde_json::Value {
    let json = sb.ok(&["incidents", "show", id, "--format", "json"]);
    serde_json::from_str(json.trim_end()).unwrap_or_else(|e| panic!("{id}: {e}: {json}"))
}

/// Imports a file, insists on the summary and on the layout being named.
fn import(sb: &Sandbox, file: &str, summary: &str, layout: &str) {
    let run = sb.run(&["import", file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout.lines().next(), Some(summary), "{run:?}");
    assert_eq!(line_starting(&run.stderr, file), format!("{file}: {layout}"), "{run:?}");
}

// each fixture: file, rows, layout
const FIXTURES: [(&str, usize, &str); 5] = [
    ("annual-release-23.1.csv", 14, "UCDP GED annual release (49 columns, best/high/low)"),
    ("release-19.1.csv", 8, "UCDP GED release up to 19.1 (42 columns, low/best/high)"),
    ("web-tool-export.csv", 11, "UCDP GED web download tool export (best_est/high_est/low_est, MM/DD/YYYY dates)"),
    ("hdx-indexed-nga.csv", 8, "UCDP GED HDX copy re-saved with an index column (HXL tag row, numbers as 1.0)"),
    ("hdx-bgd.csv", 5, "UCDP GED HDX copy (HXL tag row, start_year/end_year/iso3)"),
];

#[test]
fn each_fixture_imports_then_reimports_unchanged() {
    for (name, rows, layout) in FIXTURES {
        let sb = Sandbox::new();
        let file = copy(&sb, &ucdp_fixture(name));
        import(&sb, &file, &format!("{rows} new, 0 updated, 0 unchanged, 0 rejected"), layout);
        let ids = sb.ids(&[]);
        assert_eq!(ids.len(), rows, "{name}");
        assert!(ids.iter().all(|id| id.starts_with("ucdp:")), "{name}: {ids:?}");
        // datasets' rows are verified: no drafts notice
        assert_eq!(sb.ids(&["--status", "verified"]).len(), rows, "{name}");
        import(&sb, &file, &format!("0 new, 0 updated, {rows} unchanged, 0 rejected"), layout);
    }
}

#[test]
fn web_tool_rows_as_stored() {
    let sb = Sandbox::new();
    let file = copy(&sb, &ucdp_fixture("web-tool-export.csv"));
    sb.ok(&["import", &file]);

    let nouna = show(&sb, "ucdp:497710");
    assert_eq!(nouna["date"], "2023-10-06");
    assert_eq!(nouna["date_end"], serde_json::Value::Null);
    assert_eq!(nouna["date_precision"], "day");
    assert_eq!(nouna["country"], "BF");
    assert_eq!(nouna["admin1"], "Boucle du Mouhoun region");
    assert_eq!(nouna["location"], "Nouna town");
    assert_eq!(nouna["geo_precision"], 1);
    assert_eq!(nouna["perpetrator"], "jnim");
    assert_eq!(nouna["target"], "civilians");
    assert_eq!(nouna["method"], "unknown");
    assert_eq!(nouna["killed"], 0);
    assert_eq!(nouna["wounded"], serde_json::Value::Null);
    assert_eq!(nouna["perpetrators_killed"], serde_json::Value::Null);
    assert_eq!(nouna["status"], "verified");
    assert_eq!(
        nouna["sources"],
        "UCDP GED web download tool export, event 497710 ; Crisis Watch ,2023-11-02,Burkina Faso OCTOBER 2023"
    );

    // state-based: the non-government side, against the military
    let gargassa = show(&sb, "ucdp:376383");
    // UCDP's "IS" in Burkina Faso: the Sahel Province
    assert_eq!(gargassa["perpetrator"], "is-sahel");
    assert_eq!(gargassa["target"], "military");
    // best 3, all of them on the perpetrator's side: no victim
    assert_eq!(gargassa["killed"], 0);
    assert_eq!(gargassa["perpetrators_killed"], 3);
    assert_eq!(gargassa["geo_precision"], 2);

    // a government's one-sided violence, dated to the year
    let year = show(&sb, "ucdp:488058");
    assert_eq!(year["perpetrator"], "government-of-burkina-faso");
    assert_eq!(year["date_precision"], "year");
    assert_eq!(year["date_end"], "2023-05-26");

    // filters see the mapped codes
    assert_eq!(sb.ids(&["--target", "armed_groups"]), ["ucdp:377089"]);
    assert_eq!(sb.ids(&["--perpetrator", "ansarul-islam"]), ["ucdp:240577"]);
}

#[test]
fn hdx_rows_as_stored() {
    let sb = Sandbox::new();
    let file = copy(&sb, &ucdp_fixture("hdx-indexed-nga.csv"));
    sb.ok(&["import", &file]);
    let first = show(&sb, "ucdp:15960");
    assert_eq!(first["country"], "NG");
    assert_eq!(first["perpetrator"], "boko-haram");
    assert_eq!(first["killed"], 0);
    assert_eq!(first["latitude"], 11.84644);
    let coalition = show(&sb, "ucdp:16783");
    assert_eq!(coalition["perpetrator"], "unknown");
    assert_eq!(coalition["target"], "armed_groups");
    assert_eq!(coalition["killed"], 9);
}

#[test]
fn ucdp_country_names_resolve() {
    let sb = Sandbox::new();
    let file = copy(&sb, &ucdp_fixture("annual-release-23.1.csv"));
    sb.ok(&["import", &file]);
    for (id, country) in [
        ("ucdp:433058", "MM"), // Myanmar (Burma)
        ("ucdp:24605", "CD"),  // DR Congo (Zaire)
        ("ucdp:331784", "YE"), // Yemen (North Yemen)
        ("ucdp:14863", "SZ"),  // Kingdom of eSwatini (Swaziland)
        ("ucdp:448050", "UA"),
    ] {
        assert_eq!(show(&sb, id)["country"], country, "{id}");
    }
    // an interstate dyad names no perpetrator
    assert_eq!(show(&sb, "ucdp:448050")["perpetrator"], "unknown");
}

#[test]
fn a_changed_casualty_figure_updates_one_incident() {
    let sb = Sandbox::new();
    let file = copy(&sb, &ucdp_fixture("hdx-bgd.csv"));
    import(&sb, &file, "5 new, 0 updated, 0 unchanged, 0 rejected", FIXTURES[4].2);
    let text = sb.read(&file);
    // event 73855: low,best,high = 6,6,6 → best 7
    let before = ",Bangladesh,771,BGD,Asia,1,1,1989-09-30,1989-09-30,0,0,6,0,6,6,6\n";
    assert_eq!(text.matches(before).count(), 1);
    sb.write(&file, text.replace(before, &before.replace("6,6,6\n", "6,7,6\n")));
    import(&sb, &file, "0 new, 1 updated, 4 unchanged, 0 rejected", FIXTURES[4].2);
    assert_eq!(show(&sb, "ucdp:73855")["killed"], 7);
}

#[test]
fn a_bad_row_is_located_by_line_and_ucdp_column() {
    let sb = Sandbox::new();
    let file = copy(&sb, &ucdp_fixture("web-tool-export.csv"));
    let text = sb.read(&file);
    // the fourth data row (line 5) is dated 05/02/2020
    let text = text.replacen("05/02/2020 00:00:00,05/02/2020", "05/32/2020 00:00:00,05/02/2020", 1);
    sb.write(&file, text);
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr_lines()[0],
        format!(
            "{file}:5: column date_start: not a date in the UCDP GED layouts (YYYY-MM-DD or MM/DD/YYYY, with an \
             optional time) (got \"05/32/2020 00:00:00\")"
        ),
        "{run:?}"
    );
    assert!(sb.ids(&[]).is_empty(), "nothing written");
}

#[test]
fn the_five_real_files_import_whole() {
    for (name, rows, layout) in [
        ("gedevents-2025-01-17_burkina-faso.csv", 1504, FIXTURES[2].2),
        ("ucdpged_sample_v23_1_1000rows.csv", 1000, FIXTURES[0].2),
        ("conflict_data_nga.csv", 4603, FIXTURES[3].2),
        ("ged191_subset_myanmar_bangladesh.csv", 3194, FIXTURES[1].2),
        ("conflict_data_BGD_hdx.csv", 601, FIXTURES[4].2),
    ] {
        let path = real_file(name);
        assert!(path.exists(), "the real UCDP files are expected in {}", path.display());
        let sb = Sandbox::new();
        let file = copy(&sb, &path);
        import(&sb, &file, &format!("{rows} new, 0 updated, 0 unchanged, 0 rejected"), layout);
        assert_eq!(sb.ids(&[]).len(), rows, "{name}");
    }
}
