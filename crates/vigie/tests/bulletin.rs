//! `vigie bulletin`: the issue from flags or an issue file, the edition each
//! language gets (checked through `--format json`, the model both the PDF
//! and the HTML templates print), and the demo's six files.

mod common;

use common::Sandbox;
use serde_json::Value;

fn demo() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    sb
}

fn edition(sb: &Sandbox, lang: &str, extra: &[&str]) -> Value {
    let mut args = vec!["bulletin", "--format", "json", "--lang", lang, "-o", "json"];
    args.extend_from_slice(extra);
    if !extra.contains(&"--issue") {
        args.extend_from_slice(&["--month", "2023-12", "--number", "58"]);
    }
    let out = sb.ok(&args);
    let path = out.lines().next().unwrap().trim().to_string();
    serde_json::from_str(&std::fs::read_to_string(sb.path(&path)).unwrap()).unwrap()
}

fn titles(list: &Value) -> Vec<String> {
    list.as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_demo_prints_six_files() {
    let sb = Sandbox::new();
    let out = sb.ok(&["demo"]);
    for lang in ["fr", "en", "ar"] {
        let pdf = format!("bulletin/bulletin-58-2023-12.{lang}.pdf");
        let html = format!("bulletin/bulletin-58-2023-12.{lang}.html");
        assert!(out.contains(&format!("  {pdf}\n")) && out.contains(&format!("  {html}\n")), "{out}");
        assert!(std::fs::read(sb.path(&pdf)).unwrap().starts_with(b"%PDF-"), "{pdf}");
        let page = sb.read(&html);
        assert!(page.to_ascii_lowercase().starts_with("<!doctype html>"), "{html}");
        assert!(page.contains(&format!("lang=\"{lang}\"")), "{html}");
    }
    assert!(!sb.path("bulletin/bulletin-58-2023-12.fr.partial").exists());
}

#[test]
fn a_december_edition_holds_every_section() {
    let sb = demo();
    let fr = edition(&sb, "fr", &[]);
    assert_eq!((fr["lang"].as_str(), fr["dir"].as_str(), fr["number"].as_u64()), (Some("fr"), Some("ltr"), Some(58)));
    assert_eq!(fr["issue_line"], "Numéro 58 · décembre 2023");
    // the month's featured stories, by date
    assert_eq!(
        titles(&fr["featured"]),
        ["chiefs-of-staff-second-meeting", "kyrgyz-chief-of-staff-visit", "mou-standing-committee-ihl"]
    );
    // the editorial, not named as one by flags, is one of the month's stories
    assert_eq!(titles(&fr["articles"]), ["cybersecurity-exhibition-2023", "editorial-2023-12"]);
    let lead = &fr["featured"][0];
    assert!(lead["opening"].as_str().unwrap().contains("13 décembre 2023"), "{lead}");
    assert_eq!(lead["translation_note"], "");
    assert_eq!(fr["pages"].as_array().unwrap().len(), 2);
    assert_eq!(fr["domains"]["items"].as_array().unwrap().len(), 4);
    assert_eq!(fr["agreements"]["items"][0]["date"], "27 décembre 2023");
    assert_eq!(fr["partners"]["count"], 14);
    assert_eq!(fr["partners"]["count_label"], "14 partenaires");
    let figures: Vec<(&str, &str)> = fr["year"]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["kind"].as_str().unwrap(), f["value"].as_str().unwrap()))
        .collect();
    for expected in
        [("conference", "17"), ("delegation_received", "59"), ("delegate_accredited", "13"), ("partnerships", "14")]
    {
        assert!(figures.contains(&expected), "{expected:?} in {figures:?}");
    }
    assert_eq!(fr["year"]["months"].as_array().unwrap().len(), 12);
    let region = &fr["regions"][0];
    assert_eq!(region["id"], "g5-sahel");
    assert_eq!(region["table"]["rows"][0]["country"], "Burkina Faso");
    assert_eq!(region["table"]["rows"][0]["victims"]["current"], "98");
    assert_eq!(region["table"]["rows"][0]["victims"]["arrow"], "↓");
    assert_eq!(region["table"]["total"]["operations"]["current"], "7");
    assert!(region["summary"].as_str().unwrap().contains("17\u{202f}%"), "{}", region["summary"]);
    assert_eq!(region["charts"].as_array().unwrap().len(), 3);
    assert!(region["charts"][0]["svg"].as_str().unwrap().starts_with("<svg"));
    let notes: Vec<&str> = region["notes"].as_array().unwrap().iter().map(|n| n["country"].as_str().unwrap()).collect();
    assert_eq!(notes[..2], ["Burkina Faso", "Mali"], "notes follow the table's order");
    assert_eq!(fr["national_days"]["rows"][0]["date"], "2 décembre 2023");
    assert_eq!(fr["national_days"]["empty"], "");

    let ar = edition(&sb, "ar", &[]);
    assert_eq!(ar["dir"], "rtl");
    assert_eq!(ar["partners"]["count_label"], "14 شريكًا");
    assert!(ar["featured"][0]["title"].as_str().unwrap().chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)));
}

#[test]
fn flags_choose_the_cover_regions_and_review() {
    let sb = demo();
    let en = edition(
        &sb,
        "en",
        &["--featured", "mou-standing-committee-ihl,gcc-cooperation-visit-2026", "--regions", "g5-sahel,lake-chad"],
    );
    assert_eq!(titles(&en["featured"]), ["mou-standing-committee-ihl", "gcc-cooperation-visit-2026"]);
    // the month's other stories, without the ones on the cover
    assert_eq!(
        titles(&en["articles"]),
        [
            "chiefs-of-staff-second-meeting",
            "kyrgyz-chief-of-staff-visit",
            "cybersecurity-exhibition-2023",
            "editorial-2023-12"
        ]
    );
    let regions: Vec<&str> = en["regions"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(regions, ["g5-sahel", "lake-chad"]);

    let november =
        sb.ok(&["bulletin", "--format", "json", "--lang", "en", "--month", "2023-11", "--number", "57", "-o", "nov"]);
    let november: Value = serde_json::from_str(&sb.read(november.trim())).unwrap();
    assert!(november["year"].is_null(), "only December reviews the year");
    assert_eq!(november["agreements"]["items"], serde_json::json!([]));
    let reviewed = sb.ok(&[
        "bulletin",
        "--format",
        "json",
        "--lang",
        "en",
        "--month",
        "2023-11",
        "--number",
        "57",
        "--year-review",
        "-o",
        "nov2",
    ]);
    let reviewed: Value = serde_json::from_str(&sb.read(reviewed.trim())).unwrap();
    assert_eq!(reviewed["year"]["title"], "2023 in numbers");
}

#[test]
fn an_issue_file_describes_the_issue() {
    let sb = demo();
    sb.write(
        "issue.toml",
        "number = 58\nmonth = \"2023-12\"\nfeatured = [\"kyrgyz-chief-of-staff-visit\"]\nregions = [\"lake-chad\"]\nstanding_pages = false\n",
    );
    let en = edition(&sb, "en", &["--issue", "issue.toml"]);
    assert_eq!(en["number"], 58);
    assert_eq!(titles(&en["featured"]), ["kyrgyz-chief-of-staff-visit"]);
    assert_eq!(en["regions"][0]["id"], "lake-chad");
    assert_eq!(en["pages"], serde_json::json!([]));
    // a flag beside the file wins
    let en = edition(&sb, "en", &["--issue", "issue.toml", "--number", "59"]);
    assert_eq!(en["number"], 59);
}

#[test]
fn a_missing_translation_prints_another_language_and_says_so() {
    let sb = demo();
    std::fs::create_dir_all(sb.path("articles")).unwrap();
    sb.write(
        "articles/solo.en.md",
        "+++\nid = \"solo\"\nlang = \"en\"\ndate = \"2023-12-20\"\ntitle = \"English only\"\nstatus = \"published\"\n+++\n\nOnly in English.\n",
    );
    sb.ok(&["articles", "import", "articles"]);
    let fr = edition(&sb, "fr", &[]);
    let solo = fr["articles"].as_array().unwrap().iter().find(|a| a["id"] == "solo").unwrap();
    assert_eq!(solo["lang"], "en");
    assert_eq!(
        solo["translation_note"],
        "Cet article n'existe pas encore en français ; la version en anglais est publiée."
    );
}

#[test]
fn bad_issues_are_refused_with_the_reason() {
    let sb = demo();
    let cases: [(&[&str], &str); 4] = [
        (
            &["--month", "2023-12", "--number", "58", "--featured", "nope"],
            "featured story \"nope\": no published article has this id",
        ),
        (&["--month", "2023-12", "--number", "58", "--regions", "sahel"], "unknown region \"sahel\""),
        (&["--month", "December", "--number", "58"], "--month \"December\": write YYYY-MM"),
        (&["--issue", "missing.toml"], "cannot read missing.toml"),
    ];
    for (args, message) in cases {
        let mut all = vec!["bulletin", "-o", "bad"];
        all.extend_from_slice(args);
        let run = sb.run(&all);
        assert_eq!(run.code, 1, "{args:?}: {run:?}");
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"));
    }
    assert!(!sb.path("bad").join("bulletin-58-2023-12.fr.pdf").exists(), "nothing written");
    sb.write("profile.toml", "name = { en = \"X\" }\nshort_name = { en = \"X\" }\npublication = { en = \"X\" }\ndomains_title = { en = \"X\" }\n[[domains]]\ndomain = \"economic\"\nbody = { en = \"x\" }\n");
    let run = sb.run(&["bulletin", "--month", "2023-12", "--number", "58", "--profile", "profile.toml"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("profile.toml: unknown domain \"economic\""), "{}", run.stderr);
}
