//! The register of organisations and what links to it: imported and
//! listed in the native formats (a round trip), activities naming their
//! counterparts among them (an unknown one refused with its place, nothing
//! written), and the cooperation report of one organisation, by year, on
//! the demo.

mod common;

use common::Sandbox;
use serde_json::Value;

fn demo() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    sb
}

#[test]
fn the_register_round_trips_through_its_formats() {
    let sb = demo();
    let csv = sb.ok(&["organisations", "list", "--format", "csv"]);
    assert!(csv.starts_with("id,kind,country,partner,name_fr,name_en,name_ar\n"), "{csv}");
    assert!(csv.contains("gcc,regional_organisation,,,"), "{csv}");
    let jsonl = sb.ok(&["organisations", "list", "--format", "jsonl"]);
    let other = Sandbox::new();
    other.write("o.csv", &csv);
    other.ok(&["organisations", "import", "o.csv"]);
    assert_eq!(other.ok(&["organisations", "list", "--format", "jsonl"]), jsonl);
    let table = sb.ok(&["organisations", "list", "--lang", "ar"]);
    assert!(table.contains("مجلس التعاون لدول الخليج العربية") && table.contains("منظمة إقليمية"), "{table}");
}

#[test]
fn a_wrong_organisation_or_an_unknown_counterpart_is_refused_with_its_place() {
    let sb = Sandbox::new();
    sb.write("o.csv", "id,kind,country,partner,name_fr,name_en,name_ar\ngcc,club,,,,Gulf Cooperation Council,\n");
    let run = sb.run(&["organisations", "import", "o.csv"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("o.csv:2: column kind:"), "{}", run.stderr);
    assert!(run.stderr.contains("regional_organisation, un_body"), "{}", run.stderr);
    sb.write(
        "o.csv",
        "id,kind,country,partner,name_fr,name_en,name_ar\ngcc,regional_organisation,,,,Gulf Cooperation Council,\n",
    );
    sb.ok(&["organisations", "import", "o.csv"]);
    sb.write(
        "a.csv",
        "id,kind,date,title_en,organisations,themes\n\
         visit-1,delegation_received,2026-01-28,GCC visit,gcc,sahel\n\
         visit-2,delegation_received,2026-01-29,Another visit,gcc ; unodc,sahel\n\
         visit-3,delegation_received,2026-01-30,A third visit,gcc,Sahel Region\n",
    );
    let run = sb.run(&["activities", "import", "a.csv"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("a.csv:3: column organisations: unknown organisation"), "{}", run.stderr);
    assert!(run.stderr.contains("a.csv:4: column themes:"), "{}", run.stderr);
    assert!(sb.ok(&["activities", "list", "--format", "csv"]).lines().count() <= 1, "nothing written");
}

fn cooperation(sb: &Sandbox, extra: &[&str]) -> Value {
    let mut args = vec!["report", "cooperation", "--org", "gcc", "--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&sb.ok(&args)).unwrap()
}

#[test]
fn the_cooperation_report_lists_what_links_to_an_organisation_by_year() {
    let sb = demo();
    let report = cooperation(&sb, &[]);
    let years: Vec<i64> = report["years"].as_array().unwrap().iter().map(|y| y["year"].as_i64().unwrap()).collect();
    assert_eq!(years, [2026, 2023], "latest first");
    // the January 2026 visit: one activity, the GCC its counterpart, three domains
    let visit = &report["years"][0]["activities"][0];
    assert_eq!(visit["date"], "2026-01-28");
    assert_eq!(visit["organisations"], serde_json::json!(["gcc"]));
    assert_eq!(visit["domains"], serde_json::json!(["ideological", "counter_financing", "military"]));
    assert!(visit["themes"].as_array().unwrap().iter().any(|t| t == "online-recruitment"), "{visit}");
    assert_eq!(report["years"][0]["stories"][0]["id"], "gcc-cooperation-visit-2026");
    let since = cooperation(&sb, &["--from", "2024-01"]);
    assert_eq!(since["years"].as_array().unwrap().len(), 1, "{since}");
    // a partner's agreements are its organisation's
    let scihl: Value =
        serde_json::from_str(&sb.ok(&["report", "cooperation", "--org", "scihl", "--format", "json"])).unwrap();
    assert_eq!(scihl["years"][0]["agreements"][0]["signed"], "2023-12-27", "{scihl}");
    let text = sb.ok(&["report", "cooperation", "--org", "scihl", "--lang", "fr"]);
    assert!(text.contains("Partenaire : Comité permanent du droit international humanitaire"), "{text}");
    let run = sb.run(&["report", "cooperation", "--org", "nobody"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("--org \"nobody\": no organisation has this id"), "{}", run.stderr);
}
