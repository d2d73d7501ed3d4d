//! `vigie report monthly` through the binary: the reference table of the
//! demo, a hand-computed report from a file to JSON, the renderings, the
//! flags and the errors. The report's rules (drafts, victims, the month
//! before, rounding, membership over time, empty months) are checked at
//! the library's boundary, in crates/report/tests/monthly.rs.

mod common;

use common::{Sandbox, fixture_text, fixtures, line_starting};
use serde_json::{Value, json};

const NNBSP: char = '\u{202F}';
const RLM: char = '\u{200F}';

fn demo() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    sb
}

fn report(sb: &Sandbox, extra: &[&str]) -> String {
    let mut args = vec!["report", "monthly", "--region", "g5-sahel", "--month", "2023-12"];
    args.extend_from_slice(extra);
    sb.ok(&args)
}

fn report_json(sb: &Sandbox, extra: &[&str]) -> Value {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&report(sb, &args)).expect("report JSON")
}

fn change(previous: u64, current: u64, trend: &str, change_pct: Option<i64>) -> Value {
    json!({"previous": previous, "current": current, "trend": trend, "change_pct": change_pct})
}

// ---------------------------------------------------------------- the reference bulletin

#[test]
fn demo_reproduces_the_reference_table_cell_by_cell() {
    let sb = demo();
    let report = report_json(&sb, &[]);
    assert_eq!(report["region"], "g5-sahel");
    assert_eq!(report["month"], "2023-12");
    assert_eq!(report["previous_month"], "2023-11");
    let countries = report["countries"].as_array().expect("countries");
    let codes: Vec<&str> = countries.iter().map(|c| c["country"].as_str().unwrap()).collect();
    assert_eq!(codes, ["BF", "ML", "NE", "TD", "MR"]);
    let expected = [
        ("BF", change(3, 3, "same", Some(0)), change(167, 98, "down", Some(-41))),
        ("ML", change(3, 2, "down", Some(-33)), change(30, 60, "up", Some(100))),
        ("NE", change(0, 2, "up", None), change(0, 17, "up", None)),
        ("TD", change(0, 0, "same", None), change(0, 0, "same", None)),
        ("MR", change(0, 0, "same", None), change(0, 0, "same", None)),
    ];
    for (row, (code, operations, victims)) in countries.iter().zip(expected) {
        assert_eq!(row["country"], code);
        assert_eq!(row["operations"], operations, "{code} operations");
        assert_eq!(row["victims"], victims, "{code} victims");
    }
    assert_eq!(report["total"]["operations"], change(6, 7, "up", Some(17)));
    assert_eq!(report["total"]["victims"], change(197, 175, "down", Some(-11)));

    // January against December of the year before (the rule:
    // crates/report/tests/monthly.rs)
    let january: Value = serde_json::from_str(
        &sb.ok(&["report", "monthly", "--region", "g5-sahel", "--month", "2024-01", "--format", "json"]),
    )
    .unwrap();
    assert_eq!(january["previous_month"], "2023-12");
    assert_eq!(january["total"]["operations"], change(7, 6, "down", Some(-14)));
    // the kidnapping near Diapaga has unknown killed and wounded
    assert_eq!(january["unknown_casualties"], json!({"previous": 1, "current": 1}));
}

#[test]
fn demo_breakdowns_follow_the_order_rule() {
    let sb = demo();
    let report = report_json(&sb, &[]);
    let rows = |key: &str| -> Vec<(String, u64, u64)> {
        report[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["key"].as_str().unwrap().to_string(),
                    r["operations"].as_u64().unwrap(),
                    r["victims"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let own = |list: &[(&str, u64, u64)]| list.iter().map(|(k, o, v)| (k.to_string(), *o, *v)).collect::<Vec<_>>();
    assert_eq!(rows("by_target"), own(&[("military", 3, 125), ("civilians", 2, 26), ("security", 2, 24)]));
    assert_eq!(
        rows("by_method"),
        own(&[
            ("ambush", 2, 75),
            ("explosive", 2, 24),
            ("suicide", 1, 50),
            ("armed_assault", 1, 16),
            ("kidnapping", 1, 10)
        ])
    );
    assert_eq!(rows("by_perpetrator"), own(&[("jnim", 3, 132), ("is-sahel", 3, 27), ("ansarul-islam", 1, 16)]));
    assert_eq!(report["unknown_casualties"], json!({"previous": 0, "current": 1}));
    assert_eq!(report["include_drafts"], false);
}

#[test]
fn demo_with_drafts_counts_the_two_drafts() {
    let sb = demo();
    let report = report_json(&sb, &["--include-drafts"]);
    assert_eq!(report["include_drafts"], true);
    // one draft in BF (3 killed, wounded unknown), one in ML (5 + 2)
    assert_eq!(report["countries"][0]["operations"], change(3, 4, "up", Some(33)));
    assert_eq!(report["countries"][0]["victims"], change(167, 101, "down", Some(-40)));
    assert_eq!(report["countries"][1]["operations"], change(3, 3, "same", Some(0)));
    assert_eq!(report["countries"][1]["victims"], change(30, 67, "up", Some(123)));
    assert_eq!(report["total"]["operations"], change(6, 9, "up", Some(50)));
    assert_eq!(report["total"]["victims"], change(197, 185, "down", Some(-6)));
    assert_eq!(report["unknown_casualties"], json!({"previous": 0, "current": 2}));
}

#[test]
fn demo_prints_the_french_report() {
    let sb = Sandbox::new();
    let out = sb.ok(&["demo", "--no-bulletin"]);
    assert!(out.starts_with("49 new, 0 updated, 0 unchanged, 0 rejected\n"), "{out}");
    assert!(out.contains(&format!("hausse des opérations terroristes (17{NNBSP}%)")), "{out}");
    assert!(out.contains(&format!("baisse du nombre de morts et de blessés (11{NNBSP}%)")), "{out}");
    assert!(out.contains("par rapport à novembre 2023"), "{out}");
    // running it again on the demo database rebuilds it
    let again = sb.ok(&["demo", "--no-bulletin"]);
    assert!(again.starts_with("49 new, 0 updated, 0 unchanged, 0 rejected\n"), "{again}");
}

#[test]
fn demo_refuses_to_replace_another_database() {
    let sb = Sandbox::new();
    let file = sb.fixture("good.csv");
    sb.ok(&["import", &file]);
    let before = sb.list_csv(&[]);
    let run = sb.run(&["demo", "--no-bulletin"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("is not a demo database"), "{run:?}");
    assert_eq!(sb.list_csv(&[]), before);
    let run = sb.run(&["demo", "--force", "--no-bulletin"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(sb.list_csv(&[]).lines().count(), 50);
}

#[test]
fn french_text_sentence() {
    let sb = demo();
    let text = report(&sb, &["--lang", "fr"]);
    let expected = format!(
        "Au cours du mois de décembre 2023, le G5 Sahel a connu une hausse des opérations terroristes (17{NNBSP}%) \
         et une baisse du nombre de morts et de blessés (11{NNBSP}%) par rapport à novembre 2023."
    );
    assert!(text.lines().any(|l| l == expected), "{text}");
    assert!(text.contains(&format!("hausse des opérations terroristes (17{NNBSP}%)")));
    assert!(text.contains(&format!("baisse du nombre de morts et de blessés (11{NNBSP}%)")));
    assert!(text.contains("par rapport à novembre 2023"));
    let total = line_starting(&text, "Total ");
    let cells: Vec<&str> = total.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(cells, ["Total", "6", "↑ 7", "197", "↓ 175"]);
    let burkina = line_starting(&text, "Burkina Faso ");
    let cells: Vec<&str> = burkina.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(cells, ["Burkina Faso", "3", "= 3", "167", "↓ 98"]);
}

#[test]
fn vigie_lang_sets_the_default_language() {
    let sb = demo();
    let out = sb
        .cmd()
        .args(["report", "monthly", "--region", "g5-sahel", "--month", "2023-12"])
        .env("VIGIE_LANG", "fr")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("par rapport à novembre 2023"), "{text}");
}

#[test]
fn english_text_sentence() {
    let sb = demo();
    let text = report(&sb, &["--lang", "en"]);
    assert!(
        text.lines().any(|l| l
            == "In December 2023, the G5 Sahel saw a rise in terrorist operations (17%) and a fall in the number of \
                people killed and wounded (11%) compared with November 2023."),
        "{text}"
    );
    assert_eq!(text.lines().next(), Some("Terrorism in the G5 Sahel in December 2023"));
    let chad = line_starting(&text, "Chad ");
    let cells: Vec<&str> = chad.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(cells, ["Chad", "0", "= 0", "0", "= 0"]);
}

#[test]
fn arabic_text_is_right_to_left() {
    let sb = demo();
    let text = report(&sb, &["--lang", "ar"]);
    assert!(text.contains("ديسمبر"), "{text}");
    assert!(text.contains("نوفمبر"), "{text}");
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert!(lines.len() > 10, "{text}");
    for line in lines {
        assert!(line.starts_with(RLM), "line without U+200F: {line:?}");
    }
}

#[test]
fn csv_rendering() {
    let sb = demo();
    let csv = report(&sb, &["--format", "csv", "--lang", "en"]);
    assert_eq!(
        csv,
        "region,month,country,country_name,operations_previous,operations_current,operations_trend,\
         operations_change_pct,victims_previous,victims_current,victims_trend,victims_change_pct,\
         victims_previous_low,victims_previous_high,victims_current_low,victims_current_high\n\
         g5-sahel,2023-12,BF,Burkina Faso,3,3,same,0,167,98,down,-41,,,,\n\
         g5-sahel,2023-12,ML,Mali,3,2,down,-33,30,60,up,100,,,,\n\
         g5-sahel,2023-12,NE,Niger,0,2,up,,0,17,up,,,,,\n\
         g5-sahel,2023-12,TD,Chad,0,0,same,,0,0,same,,,,,\n\
         g5-sahel,2023-12,MR,Mauritania,0,0,same,,0,0,same,,,,,\n\
         g5-sahel,2023-12,TOTAL,Total,6,7,up,17,197,175,down,-11,,,,\n"
    );
    // the country names follow the language, the codes do not
    let french = report(&sb, &["--format", "csv", "--lang", "fr"]);
    assert!(french.contains("\ng5-sahel,2023-12,TD,Tchad,0,0,same,,0,0,same,,,,,\n"), "{french}");
}

#[test]
fn markdown_rendering() {
    let sb = demo();
    let md = report(&sb, &["--format", "md", "--lang", "en"]);
    assert_eq!(md.lines().next(), Some("## Terrorism in the G5 Sahel in December 2023"));
    assert!(md.lines().any(|l| l == "| Burkina Faso | 3 | = 3 | 167 | ↓ 98 |"), "{md}");
    assert!(md.lines().any(|l| l == "| Niger | 0 | ↑ 2 | 0 | ↑ 17 |"), "{md}");
    assert!(md.lines().any(|l| l == "| **Total** | **6** | **↑ 7** | **197** | **↓ 175** |"), "{md}");
    assert!(md.lines().any(|l| l == "| Military | 3 | 125 |"), "{md}");
    assert!(md.contains("compared with November 2023."), "{md}");
    let arabic = report(&sb, &["--format", "md", "--lang", "ar"]);
    assert!(arabic.starts_with("<div dir=\"rtl\" lang=\"ar\">"), "{arabic}");
    assert!(arabic.trim_end().ends_with("</div>"), "{arabic}");
}

// ---------------------------------------------------------------- a hand-computed report

fn trio() -> Sandbox {
    let sb = Sandbox::new();
    let file = sb.fixture("report-incidents.csv");
    sb.fixture("report-regions.toml");
    let run = sb.run(&["import", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("14 new, 0 updated, 0 unchanged, 0 rejected"), "{run:?}");
    sb
}

fn trio_json(sb: &Sandbox, extra: &[&str]) -> Value {
    let mut args =
        vec!["--regions", "report-regions.toml", "report", "monthly", "--region", "trio", "--month", "2024-03"];
    args.push("--format");
    args.push("json");
    args.extend_from_slice(extra);
    serde_json::from_str(&sb.ok(&args)).expect("report JSON")
}

fn expected(name: &str) -> Value {
    serde_json::from_str(&fixture_text(name)).expect("expected JSON fixture")
}

#[test]
fn report_json_equals_the_hand_computed_fixture() {
    let sb = trio();
    assert_eq!(trio_json(&sb, &[]), expected("report-expected.json"));
}

#[test]
fn regions_file_from_the_environment() {
    let sb = trio();
    let out = sb
        .cmd()
        .args(["report", "monthly", "--region", "trio", "--month", "2024-03", "--format", "json"])
        .env("VIGIE_REGIONS", fixtures().join("report-regions.toml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report, expected("report-expected.json"));
}

#[test]
fn a_regions_file_replaces_the_defaults() {
    let sb = trio();
    let run = sb.run(&[
        "--regions",
        "report-regions.toml",
        "report",
        "monthly",
        "--region",
        "g5-sahel",
        "--month",
        "2024-03",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("choose one of trio"), "{run:?}");
    let regions: Value =
        serde_json::from_str(&sb.ok(&["--regions", "report-regions.toml", "regions", "--format", "json"])).unwrap();
    let ids: Vec<&str> = regions.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["trio"]);
}

#[test]
fn trio_text_summary_in_english() {
    let sb = trio();
    let text = sb.ok(&[
        "--regions",
        "report-regions.toml",
        "report",
        "monthly",
        "--region",
        "trio",
        "--month",
        "2024-03",
        "--lang",
        "en",
    ]);
    assert!(
        text.contains(
            "In March 2024, the test trio saw a rise in terrorist operations (67%) and a rise in the number of people \
             killed and wounded (4%) compared with February 2024."
        ),
        "{text}"
    );
    assert!(text.contains("One incident of March 2024 has unknown casualty figures"), "{text}");
    let table = text.split("\n\n").nth(2).unwrap_or_default();
    assert!(
        table.starts_with("Country") && !table.contains("Mauritania"),
        "a former member left out of the table: {text}"
    );
    assert!(text.contains("Not in the table (not a member that month): Mauritania (until "), "and said so: {text}");
}

// ---------------------------------------------------------------- errors

#[test]
fn unknown_region_lists_the_region_ids() {
    let sb = demo();
    let run = sb.run(&["report", "monthly", "--region", "sahara", "--month", "2023-12"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert!(run.stderr.contains("unknown region \"sahara\""), "{run:?}");
    for id in ["g5-sahel", "aes", "lake-chad", "horn-of-africa", "gcc", "members"] {
        assert!(run.stderr.contains(id), "{id} missing from {:?}", run.stderr);
    }
}

#[test]
fn bad_months_are_refused() {
    let sb = demo();
    for month in ["2023-13", "2023-00", "2023-1", "12-2023", "2023-12-01", "december"] {
        let run = sb.run(&["report", "monthly", "--region", "g5-sahel", "--month", month]);
        assert_eq!(run.code, 1, "--month {month}: {run:?}");
        assert!(run.stdout.is_empty(), "{run:?}");
        assert!(run.stderr.contains("--month"), "{run:?}");
    }
}
