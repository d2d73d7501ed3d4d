//! Sources disagree on the killed: an incident keeps its best estimate in
//! `killed` and, when known, its lowest and highest in `killed_low` and
//! `killed_high`. The report sums the best and gives each cell's low–high
//! range; the bulletin prints "98 (90–120)" only when the issue asks. A
//! range that does not hold its best estimate is refused with its place,
//! and nothing is written.

mod common;

use common::Sandbox;
use serde_json::Value;

const HEADER: &str = "id,date,country,perpetrator,target,killed,killed_low,killed_high,wounded,status";

/// Nigeria: 50 (42–72) killed and 10 wounded, then 30 killed and 8 wounded
/// with no range: 98 victims, 90 to 120. Cameroon: 10 killed, 10 to 12.
const ROWS: &str = "ng-1,2024-03-04,NG,,military,50,42,72,10,verified
ng-2,2024-03-11,NG,,civilians,30,,,8,verified
cm-1,2024-03-20,CM,,civilians,10,,12,0,verified
";

fn march(sb: &Sandbox, extra: &[&str]) -> String {
    let mut args = vec!["report", "monthly", "--region", "lake-chad", "--month", "2024-03", "--lang", "en"];
    args.extend_from_slice(extra);
    sb.ok(&args)
}

fn imported() -> Sandbox {
    let sb = Sandbox::new();
    sb.write("ranges.csv", format!("{HEADER}\n{ROWS}"));
    assert!(sb.ok(&["import", "ranges.csv"]).contains("3 new"));
    sb
}

#[test]
fn the_report_sums_the_best_estimate_and_gives_each_cells_range() {
    let sb = imported();

    let json: Value = serde_json::from_str(&march(&sb, &["--format", "json"])).unwrap();
    let row = |code: &str| json["countries"].as_array().unwrap().iter().find(|r| r["country"] == code).unwrap().clone();
    let nigeria = row("NG");
    assert_eq!(nigeria["victims"]["current"], 98, "the best estimates");
    assert_eq!(nigeria["victims_range"]["current"], serde_json::json!({ "low": 90, "high": 120 }));
    assert!(nigeria["victims_range"].get("previous").is_none(), "February has no incident");
    assert_eq!(row("CM")["victims_range"]["current"], serde_json::json!({ "low": 10, "high": 12 }));
    assert!(row("TD").get("victims_range").is_none(), "no incident, no range");
    assert_eq!(json["total"]["victims"]["current"], 108);
    assert_eq!(json["total"]["victims_range"]["current"], serde_json::json!({ "low": 100, "high": 132 }));
    let military = &json["by_target"].as_array().unwrap().iter().find(|r| r["key"] == "military").unwrap();
    assert_eq!(military["victims_range"], serde_json::json!({ "low": 52, "high": 82 }));
    let civilians = &json["by_target"].as_array().unwrap().iter().find(|r| r["key"] == "civilians").unwrap();
    assert_eq!(civilians["victims"], 48);
    assert_eq!(civilians["victims_range"], serde_json::json!({ "low": 48, "high": 50 }));

    let text = march(&sb, &[]);
    let nigeria_line = common::line_starting(&text, "Nigeria");
    assert!(nigeria_line.ends_with("↑ 98 (90–120)"), "{nigeria_line}");
    assert!(common::line_starting(&text, "Total").ends_with("↑ 108 (100–132)"), "{text}");
    assert!(text.contains("Figures in brackets: the range between the lowest and highest estimates"), "{text}");
    let french = sb.ok(&["report", "monthly", "--region", "lake-chad", "--month", "2024-03", "--lang", "fr"]);
    assert!(french.contains("↑ 98 (90–120)") && french.contains("Entre parenthèses"), "{french}");

    let csv = march(&sb, &["--format", "csv"]);
    assert!(csv.lines().next().unwrap().ends_with(",victims_current_low,victims_current_high"), "{csv}");
    assert!(common::line_starting(&csv, "lake-chad,2024-03,NG,").ends_with(",,,90,120"), "{csv}");
    assert!(common::line_starting(&csv, "lake-chad,2024-03,TD,").ends_with(",,,,"), "{csv}");

    // the explanation shows each incident's range beside its best estimate
    let explained = march(&sb, &["--explain"]);
    assert!(explained.lines().any(|l| l.contains("ng-1") && l.contains("50 (42–72)")), "{explained}");
    assert!(explained.lines().any(|l| l.contains("ng-2") && l.contains(" 30 ")), "{explained}");
}

#[test]
fn a_range_that_does_not_hold_its_best_estimate_is_refused_and_nothing_is_written() {
    let sb = Sandbox::new();
    sb.write(
        "bad.csv",
        format!(
            "{HEADER}\n{ROWS}x-1,2024-03-05,NG,,military,50,51,,0,verified\nx-2,2024-03-05,NG,,military,,3,,0,draft\n"
        ),
    );
    let run = sb.run(&["import", "bad.csv"]);
    assert_eq!(run.code, 1);
    let lines = run.stderr_lines();
    assert!(
        lines.contains(
            &"bad.csv:5: column killed_low: the low estimate must not exceed the best estimate (50) (got \"51\")"
        ),
        "{lines:?}"
    );
    assert!(
        lines.contains(
            &"bad.csv:6: column killed_low: a low or high estimate needs the best estimate in the killed column (got \"3\")"
        ),
        "{lines:?}"
    );
    assert_eq!(sb.list_csv(&[]).lines().count(), 1, "the header alone: an import is all or nothing");
}

#[test]
fn ranges_survive_export_and_import() {
    let sb = imported();
    let exported = sb.ok(&["export", "--format", "csv"]);
    assert!(exported.starts_with("id,date,date_end,date_precision,country,admin1,location,latitude,longitude,geo_precision,perpetrator,target,method,killed,killed_low,killed_high,wounded"), "{exported}");
    assert!(exported.contains("ng-1,2024-03-04,,day,NG,,,,,,unknown,military,unknown,50,42,72,10,"), "{exported}");
    let jsonl = sb.ok(&["export", "--format", "jsonl"]);
    assert!(jsonl.contains(r#""killed":50,"killed_low":42,"killed_high":72,"wounded":10"#), "{jsonl}");

    let other = Sandbox::new();
    other.write("back.csv", &exported);
    other.ok(&["import", "back.csv"]);
    assert_eq!(other.ok(&["export", "--format", "csv"]), exported, "the round trip is the identity");
}

#[test]
fn the_bulletin_prints_ranges_only_when_the_issue_asks() {
    let sb = imported();
    let build = |dir: &str, extra: &[&str]| -> String {
        let mut args = vec![
            "bulletin",
            "--month",
            "2024-03",
            "--number",
            "61",
            "--regions",
            "lake-chad",
            "--lang",
            "en",
            "--format",
            "html",
            "-o",
            dir,
        ];
        args.extend_from_slice(extra);
        sb.ok(&args);
        sb.read(&format!("{dir}/bulletin-61-2024-03.en.html"))
    };
    let plain = build("plain", &[]);
    assert!(plain.contains(">98<") || plain.contains(" 98<"), "the best estimate is printed");
    assert!(!plain.contains("90–120"), "off by default");
    assert!(!plain.contains("Figures in brackets"));

    // the issue is still a draft: a build with ranges replaces it
    let ranged = build("ranged", &["--casualty-ranges"]);
    assert!(ranged.contains("98 (90–120)"), "asked for");
    assert!(ranged.contains("108 (100–132)"));
    assert!(ranged.contains("Figures in brackets"));

    // and the same from an issue file
    sb.write("issue.toml", "number = 61\nmonth = \"2024-03\"\nregions = [\"lake-chad\"]\ncasualty_ranges = true\n");
    sb.ok(&["bulletin", "--issue", "issue.toml", "--lang", "en", "--format", "html", "-o", "file"]);
    assert!(sb.read("file/bulletin-61-2024-03.en.html").contains("98 (90–120)"));
}

#[test]
fn ucdp_estimates_become_ranges_that_the_explanation_adds_up_to() {
    let sb = Sandbox::new();
    let file = common::fixtures()
        .join("../../../formats/tests/fixtures/ucdp/real/gedevents-2025-01-17_burkina-faso.csv")
        .display()
        .to_string();
    sb.ok(&["import", &file]);
    let args = ["report", "monthly", "--region", "g5-sahel", "--month", "2023-11", "--format", "json", "--explain"];
    let report: Value = serde_json::from_str(&sb.ok(&args)).unwrap();
    let burkina = report["countries"].as_array().unwrap().iter().find(|r| r["country"] == "BF").unwrap();
    let best = burkina["victims"]["current"].as_u64().unwrap();
    let range = &burkina["victims_range"]["current"];
    let (low, high) = (range["low"].as_u64().unwrap(), range["high"].as_u64().unwrap());
    assert!(low <= best && best <= high && low < high, "{low} {best} {high}");

    // the range is the sum of the incidents' bounds, each its best where it has none
    let incidents = report["explanation"]["current"].as_array().unwrap();
    let bound = |incident: &Value, key: &str| incident[key].as_u64().or(incident["killed"].as_u64()).unwrap_or(0);
    let wounded = |incident: &Value| incident["wounded"].as_u64().unwrap_or(0);
    let burkina_incidents: Vec<&Value> = incidents.iter().filter(|i| i["country"] == "BF").collect();
    assert_eq!(burkina_incidents.iter().map(|i| bound(i, "killed_low") + wounded(i)).sum::<u64>(), low);
    assert_eq!(burkina_incidents.iter().map(|i| bound(i, "killed_high") + wounded(i)).sum::<u64>(), high);
    assert!(burkina_incidents.iter().any(|i| i.get("killed_high").is_some()), "UCDP's high estimates are kept");
}
