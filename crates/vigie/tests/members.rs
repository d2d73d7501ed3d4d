//! `vigie members import|list` and `vigie report national-days`: the member
//! register's formats, all-or-nothing imports with located errors,
//! re-imports, and the national days of a month checked against
//! hand-computed lists.

mod common;

use common::{Sandbox, line_starting};
use serde_json::json;

const HEADER: &str = "country,joined,national_day,name_fr,name_en,name_ar,representative_title";

/// Three members: Pakistan with two national days (rows apart, title on one
/// row only), the UAE, and a state whose national day is 29 February.
fn good_csv() -> String {
    format!(
        "{HEADER}\n\
         PK,2015-12-15,08-14,Fête de l'indépendance,Independence Day,عيد الاستقلال,Delegate\n\
         Émirats arabes unis,2015-12-15,12-02,Fête nationale,National Day,اليوم الوطني,\n\
         Pakistan,,03-23,Journée du Pakistan,Pakistan Day,يوم باكستان,\n\
         BN,,02-29,,Leap Day,,\n"
    )
}

/// What `members list --format csv` gives for `good_csv()`: by country code,
/// national days in calendar order, every row complete.
fn good_list() -> String {
    format!(
        "{HEADER}\n\
         AE,2015-12-15,12-02,Fête nationale,National Day,اليوم الوطني,\n\
         BN,,02-29,,Leap Day,,\n\
         PK,2015-12-15,03-23,Journée du Pakistan,Pakistan Day,يوم باكستان,Delegate\n\
         PK,2015-12-15,08-14,Fête de l'indépendance,Independence Day,عيد الاستقلال,Delegate\n"
    )
}

fn imported() -> Sandbox {
    let sb = Sandbox::new();
    let file = sb.write("members.csv", good_csv());
    let out = sb.ok(&["members", "import", &file]);
    assert_eq!(out, "3 new, 0 updated, 0 unchanged, 0 rejected\n");
    sb
}

fn list_csv(sb: &Sandbox) -> String {
    sb.ok(&["members", "list", "--format", "csv"])
}

fn national_days(sb: &Sandbox, args: &[&str]) -> String {
    let mut all = vec!["report", "national-days"];
    all.extend_from_slice(args);
    sb.ok(&all)
}

fn national_days_json(sb: &Sandbox, month: &str, lang: &str) -> serde_json::Value {
    let text = national_days(sb, &["--month", month, "--format", "json", "--lang", lang]);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

// ---------------------------------------------------------------- imports

#[test]
fn csv_rows_of_one_country_make_one_member() {
    let sb = imported();
    assert_eq!(list_csv(&sb), good_list());
}

#[test]
fn json_lines_import_and_located_errors() {
    let sb = Sandbox::new();
    let good = sb.write(
        "members.jsonl",
        "{\"country\":\"AE\",\"joined\":\"2015-12-15\",\"national_days\":[{\"date\":\"12-02\",\"name\":{\"fr\":\"Fête nationale\",\"en\":\"National Day\",\"ar\":\"اليوم الوطني\"}}],\"representative_title\":null}\n\
         \n\
         {\"country\":\"PK\",\"national_days\":[{\"date\":\"08-14\",\"name\":{\"en\":\"Independence Day\"}},{\"date\":\"03-23\",\"name\":{\"en\":\"Pakistan Day\"}}]}\n",
    );
    assert_eq!(sb.ok(&["members", "import", &good]), "2 new, 0 updated, 0 unchanged, 0 rejected\n");
    assert!(list_csv(&sb).contains("\nPK,,03-23,,Pakistan Day,,\nPK,,08-14,,Independence Day,,\n"));

    let bad = sb.write(
        "bad.jsonl",
        "{\"country\":\"QA\",\"national_days\":[{\"date\":\"12-18\",\"name\":{\"en\":\"National Day\"}},{\"date\":\"02-30\",\"name\":{\"en\":\"x\"}}]}\n\
         {\"country\":\"SA\",\"national_days\":[{\"date\":\"09-23\",\"name\":{}}]}\n\
         {\"country\":\"Qatar\"}\n",
    );
    let run = sb.run(&["members", "import", &bad]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr_lines()[..3],
        [
            "bad.jsonl:1: column national_days[1].date: not a day of the year: write MM-DD, e.g. 12-02 (02-29 is \
             allowed) (got \"02-30\")",
            "bad.jsonl:2: column national_days[0].name: give at least one of national_days[0].name.fr, \
             national_days[0].name.en or national_days[0].name.ar (got \"\")",
            "bad.jsonl:3: column country: QA appears more than once in this import (first at bad.jsonl:1): describe \
             each member once (in CSV, one row per national day) (got \"Qatar\")",
        ]
    );
    assert_eq!(run.stdout, "");
    assert_eq!(sb.ok(&["members", "list", "--format", "jsonl"]).lines().count(), 2, "nothing more written");
}

#[test]
fn one_bad_row_and_nothing_is_written() {
    let sb = imported();
    let before = list_csv(&sb);
    let file = sb.write(
        "bad.csv",
        format!(
            "{HEADER}\n\
             AE,2015-12-15,12-02,,National Day,,\n\
             AE,2016-01-01,12-03,,Other Day,,\n\
             Atlantis,,02-30,,,,\n\
             QA,2030-01-01,12-18,,National Day,,\n\
             BH,,12-16,,National Day,,\n\
             BH,,12-16,,Again,,\n\
             SA,,,Fête nationale,,,\n\
             SA,,09-23,,,,\n\
             OM,,11-20,,National Day,,First\n\
             OM,,11-18,,Former National Day,,Second\n"
        ),
    );
    let run = sb.run(&["members", "import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr_lines(),
        [
            "bad.csv:3: column joined: differs from bad.csv:2 (2015-12-15) for the same country: give one date on \
             every row of a country, or leave it empty (got \"2016-01-01\")",
            "bad.csv:4: column country: unknown country: give an ISO 3166-1 code or the English, French or Arabic \
             name (got \"Atlantis\")",
            "bad.csv:4: column national_day: not a day of the year: write MM-DD, e.g. 12-02 (02-29 is allowed) \
             (got \"02-30\")",
            line_starting(&run.stderr, "bad.csv:5: column joined: is in the future (today is "),
            "bad.csv:7: column national_day: is already a national day of BH in this import: give each day once \
             (got \"12-16\")",
            "bad.csv:8: column national_day: is required when the day's name is given: write MM-DD, e.g. 12-02 \
             (got \"\")",
            "bad.csv:9: column name_fr: give at least one of name_fr, name_en or name_ar (got \"\")",
            "bad.csv:11: column representative_title: differs from bad.csv:10 (\"First\") for the same country: give \
             one title on every row of a country, or leave it empty (got \"Second\")",
            "import failed: 8 errors; nothing was written (fix the rows, or import the valid ones with \
             --skip-invalid --rejects FILE)",
        ]
    );
    assert!(line_starting(&run.stderr, "bad.csv:5:").ends_with("(got \"2030-01-01\")"));
    assert_eq!(run.stdout, "");
    assert_eq!(list_csv(&sb), before, "the register is as it was");
}

#[test]
fn header_problems_stop_the_import() {
    let sb = Sandbox::new();
    let file = sb.write("h.csv", "country,nationalday\nAE,12-02\n");
    let run = sb.run(&["members", "import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    line_starting(&run.stderr, "h.csv:1: column nationalday: unknown column (the columns are country, joined");
    assert_eq!(list_csv(&sb), format!("{HEADER}\n"));
}

#[test]
fn only_the_first_twenty_errors_are_printed() {
    let sb = Sandbox::new();
    let rows: String = (0..25).map(|_| "Atlantis,,12-02,,Day,,\n").collect();
    let file = sb.write("many.csv", format!("{HEADER}\n{rows}"));
    let run = sb.run(&["members", "import", &file]);
    assert_eq!(run.code, 1);
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 22, "{run:?}");
    assert!(lines[19].starts_with("many.csv:21: column country"));
    assert_eq!(lines[20], "… and 5 more errors");
}

#[test]
fn reimport_is_idempotent_and_replaces_national_days() {
    let sb = imported();
    let file = sb.write("again.csv", good_csv());
    assert_eq!(sb.ok(&["members", "import", &file]), "0 new, 0 updated, 3 unchanged, 0 rejected\n");
    // the list itself imports back unchanged
    let list = sb.write("list.csv", list_csv(&sb));
    assert_eq!(sb.ok(&["members", "import", &list]), "0 new, 0 updated, 3 unchanged, 0 rejected\n");
    let jsonl = sb.write("list.jsonl", sb.ok(&["members", "list", "--format", "jsonl"]));
    assert_eq!(sb.ok(&["members", "import", &jsonl]), "0 new, 0 updated, 3 unchanged, 0 rejected\n");

    // Pakistan now with one day: its days are replaced, not added to
    let file = sb
        .write("pk.csv", format!("{HEADER}\nPK,2015-12-15,03-23,,Pakistan Day,,Delegate\nSA,,09-23,,National Day,,\n"));
    assert_eq!(sb.ok(&["members", "import", &file]), "1 new, 1 updated, 0 unchanged, 0 rejected\n");
    let list = list_csv(&sb);
    assert!(list.contains("\nPK,2015-12-15,03-23,,Pakistan Day,,Delegate\nSA,"), "{list}");
    assert!(!list.contains("08-14"), "{list}");
    assert!(list.contains("\nAE,2015-12-15,12-02,"), "members not in the file stay: {list}");
}

#[test]
fn skip_invalid_writes_the_rejected_member_whole() {
    let sb = Sandbox::new();
    let file = sb.write(
        "mixed.csv",
        format!("{HEADER}\nAE,,12-02,,National Day,,\nKW,,02-25,,National Day,,\nKW,,02-30,,Liberation Day,,\n"),
    );
    let run = sb.run(&["members", "import", "--skip-invalid", "--rejects", "rejects.csv", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "1 new, 0 updated, 0 unchanged, 2 rejected\nrejected rows written to rejects.csv\n");
    assert_eq!(
        sb.read("rejects.csv"),
        format!(
            "{HEADER},reason\n\
             KW,,02-25,,National Day,,,not imported: mixed.csv:4 of the same member is invalid\n\
             KW,,02-30,,Liberation Day,,,\"mixed.csv:4: column national_day: not a day of the year: write MM-DD, \
             e.g. 12-02 (02-29 is allowed) (got \"\"02-30\"\")\"\n"
        )
    );
    // corrected, the rejects file imports as it is (its reason column ignored)
    let corrected = sb.read("rejects.csv").replace("02-30", "02-26");
    let file = sb.write("corrected.csv", corrected);
    assert_eq!(sb.ok(&["members", "import", &file]), "1 new, 0 updated, 0 unchanged, 0 rejected\n");
    assert!(list_csv(&sb).contains("\nKW,,02-25,,National Day,,\nKW,,02-26,,Liberation Day,,\n"));

    // JSON Lines rejects: the member's rows as one object
    let file = sb.write("bad.csv", format!("{HEADER}\nOM,,11-20,,National Day,,\nOM,,13-01,,x,,\n"));
    let run = sb.run(&["members", "import", "--skip-invalid", "--rejects", "rejects.jsonl", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    let object: serde_json::Value = serde_json::from_str(sb.read("rejects.jsonl").trim()).unwrap();
    assert_eq!(object["country"], "OM");
    assert_eq!(object["national_days"][1]["date"], "13-01");
    assert!(object["reason"].as_str().unwrap().contains("bad.csv:3: column national_day"), "{object}");
}

#[test]
fn dry_run_and_stdin() {
    let sb = Sandbox::new();
    let run = sb.run_stdin(&["members", "import", "--dry-run", "-"], good_csv());
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "dry run, nothing written: 3 new, 0 updated, 0 unchanged, 0 rejected\n");
    assert_eq!(list_csv(&sb), format!("{HEADER}\n"));
    let jsonl = "{\"country\":\"AE\",\"national_days\":[{\"date\":\"12-02\",\"name\":{\"en\":\"National Day\"}}]}\n";
    assert_eq!(sb.run_stdin(&["members", "import", "-"], jsonl).stdout, "1 new, 0 updated, 0 unchanged, 0 rejected\n");
}

// ---------------------------------------------------------------- list

#[test]
fn list_formats() {
    let sb = imported();
    let table = sb.run(&["members", "list", "--lang", "fr"]);
    assert_eq!(table.stderr, "3 member states\n");
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", table.stdout);
    assert!(lines[0].starts_with("cc  member state"));
    assert!(lines[1].starts_with("AE  Émirats Arabes Unis  2015-12-15  12-02 Fête nationale"), "{lines:?}");
    assert!(lines[2].contains("02-29 Leap Day"), "no French name: the English one: {lines:?}");
    assert!(lines[3].contains("03-23 Journée du Pakistan; 08-14 Fête de l'indépendance  Delegate"), "{lines:?}");

    let jsonl = sb.ok(&["members", "list", "--format", "jsonl"]);
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(
        first,
        json!({"country": "AE", "joined": "2015-12-15", "national_days": [
            {"date": "12-02", "name": {"fr": "Fête nationale", "en": "National Day", "ar": "اليوم الوطني"}}
        ], "representative_title": null})
    );
    let array: serde_json::Value = serde_json::from_str(&sb.ok(&["members", "list", "--format", "json"])).unwrap();
    assert_eq!(array.as_array().unwrap().len(), 3);
    assert_eq!(array[0], first);
    assert_eq!(array[2]["representative_title"], "Delegate");
    assert_eq!(array[2]["national_days"][1]["date"], "08-14");
}

// ---------------------------------------------------------------- report

#[test]
fn twenty_ninth_of_february_in_a_leap_year_and_in_another() {
    let sb = imported();
    assert_eq!(
        national_days_json(&sb, "2024-02", "en"),
        json!([{"country": "BN", "date": "2024-02-29", "name": "Leap Day"}])
    );
    assert_eq!(
        national_days_json(&sb, "2023-02", "fr"),
        json!([{"country": "BN", "date": "2023-02-28", "name": "Leap Day"}])
    );
    let text = national_days(&sb, &["--month", "2023-02"]);
    assert!(text.contains("\n28 February 2023  Brunei Darussalam  Leap Day\n"), "{text}");
    assert!(
        text.ends_with(
            "Brunei Darussalam: the national day of 29 February is observed on 28 February 2023, as 2023 is not a \
             leap year.\n"
        ),
        "{text}"
    );
    let leap = national_days(&sb, &["--month", "2024-02"]);
    assert!(!leap.contains("leap year"), "{leap}");
    let csv = national_days(&sb, &["--month", "2023-02", "--format", "csv"]);
    assert_eq!(csv, "date,country,country_name,name,national_day\n2023-02-28,BN,Brunei Darussalam,Leap Day,02-29\n");
}

#[test]
fn a_month_with_none() {
    let sb = imported();
    assert_eq!(national_days_json(&sb, "2023-06", "en"), json!([]));
    assert_eq!(
        national_days(&sb, &["--month", "2023-06", "--lang", "fr"]),
        "Fêtes nationales des États membres en juin 2023\n\nAucun État membre ne célèbre sa fête nationale en juin 2023.\n"
    );
    // an empty register too
    let empty = Sandbox::new();
    assert_eq!(national_days_json(&empty, "2023-12", "ar"), json!([]));
}

#[test]
fn a_bad_month_is_a_usage_error() {
    let sb = Sandbox::new();
    let run = sb.run(&["report", "national-days", "--month", "2023-13"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("--month \"2023-13\" is not a month: write YYYY-MM"), "{run:?}");
}

/// December 2023 from the demo register, computed by hand from
/// demo/members.csv: the UAE on the 2nd, Burkina Faso on the 11th, Kenya on
/// the 12th, Bahrain on the 16th, Niger and Qatar on the 18th (by country
/// code), Libya on the 24th.
#[test]
fn december_2023_of_the_demo_in_three_languages() {
    let sb = Sandbox::new();
    let out = sb.ok(&["demo", "--no-bulletin"]);
    assert!(out.starts_with("49 new, 0 updated, 0 unchanged, 0 rejected\n"), "{out}");
    line_starting(&out, "43 member states with 46 national days (vigie report national-days --month 2023-12)");
    assert_eq!(sb.ok(&["members", "list", "--format", "jsonl"]).lines().count(), 43);

    assert_eq!(
        national_days_json(&sb, "2023-12", "en"),
        json!([
            {"country": "AE", "date": "2023-12-02", "name": "National Day"},
            {"country": "BF", "date": "2023-12-11", "name": "National Day (Proclamation of the Republic)"},
            {"country": "KE", "date": "2023-12-12", "name": "Jamhuri Day"},
            {"country": "BH", "date": "2023-12-16", "name": "National Day"},
            {"country": "NE", "date": "2023-12-18", "name": "Republic Day"},
            {"country": "QA", "date": "2023-12-18", "name": "National Day"},
            {"country": "LY", "date": "2023-12-24", "name": "Independence Day"},
        ])
    );
    let fr = national_days_json(&sb, "2023-12", "fr");
    let names: Vec<&str> = fr.as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Fête nationale",
            "Fête nationale (proclamation de la République)",
            "Fête de la République (Jamhuri Day)",
            "Fête nationale",
            "Fête de la République",
            "Fête nationale",
            "Fête de l'indépendance",
        ]
    );
    let ar = national_days_json(&sb, "2023-12", "ar");
    assert_eq!(ar[0], json!({"country": "AE", "date": "2023-12-02", "name": "اليوم الوطني"}));
    assert_eq!(ar[6], json!({"country": "LY", "date": "2023-12-24", "name": "عيد الاستقلال"}));

    let en = national_days(&sb, &["--month", "2023-12"]);
    assert_eq!(
        en,
        "National days of the member states in December 2023\n\
         \n\
         Date              Member state          National day\n\
         2 December 2023   United Arab Emirates  National Day\n\
         11 December 2023  Burkina Faso          National Day (Proclamation of the Republic)\n\
         12 December 2023  Kenya                 Jamhuri Day\n\
         16 December 2023  Bahrain               National Day\n\
         18 December 2023  Niger                 Republic Day\n\
         18 December 2023  Qatar                 National Day\n\
         24 December 2023  Libya                 Independence Day\n"
    );
    let fr = national_days(&sb, &["--month", "2023-12", "--lang", "fr"]);
    assert!(fr.starts_with("Fêtes nationales des États membres en décembre 2023\n\nDate "), "{fr}");
    assert!(fr.contains("\n2 décembre 2023   Émirats Arabes Unis  Fête nationale\n"), "{fr}");
    let ar = national_days(&sb, &["--month", "2023-12", "--lang", "ar"]);
    assert!(ar.lines().filter(|l| !l.is_empty()).all(|l| l.starts_with('\u{200F}')), "right-to-left: {ar}");
    assert!(ar.contains("الأعياد الوطنية للدول الأعضاء في ديسمبر 2023"), "{ar}");
    assert!(ar.contains("24 ديسمبر 2023  ليبيا"), "{ar}");
    let md = national_days(&sb, &["--month", "2023-12", "--format", "md", "--lang", "fr"]);
    assert!(md.contains("| 24 décembre 2023 | Libye | Fête de l'indépendance |"), "{md}");
}

#[test]
fn every_month_of_the_demo_has_a_national_day() {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    for month in 1..=12 {
        let month = format!("2024-{month:02}");
        let list = national_days_json(&sb, &month, "en");
        assert!(!list.as_array().unwrap().is_empty(), "{month}");
    }
    // Kuwait's two days and Saudi Arabia's Founding Day in February
    let february: Vec<String> = national_days_json(&sb, "2024-02", "en")
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{} {}", e["date"].as_str().unwrap(), e["country"].as_str().unwrap()))
        .collect();
    assert_eq!(february, ["2024-02-18 GM", "2024-02-22 SA", "2024-02-23 BN", "2024-02-25 KW", "2024-02-26 KW"]);
}
