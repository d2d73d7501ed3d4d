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

/// The register of organisations and two activities, for the people tests.
fn two_activities() -> Sandbox {
    let sb = Sandbox::new();
    sb.write(
        "o.csv",
        "id,kind,country,partner,name_fr,name_en,name_ar\n\
         gcc,regional_organisation,,,,Gulf Cooperation Council,\n\
         unodc,un_body,,,,UN Office on Drugs and Crime,\n",
    );
    sb.ok(&["organisations", "import", "o.csv"]);
    sb.write(
        "a.csv",
        "id,kind,date,title_en,organisations\n\
         visit,delegation_received,2026-01-28,GCC visit,gcc\n\
         forum,conference,2026-02-03,Forum,unodc\n",
    );
    sb
}

#[test]
fn an_activity_s_people_come_in_their_own_file_in_the_same_import() {
    let sb = two_activities();
    sb.write(
        "people.csv",
        "activity,organisation,person,person_ar,title_fr,title_en,title_ar\n\
         visit,gcc,Abdulaziz Al-Balawi,عبدالعزيز البلوي,Général de division,Major General,لواء\n\
         visit,gcc,Sara Al-Harbi,,,Adviser,\n\
         forum,unodc,Hatem Ali,,,Regional Representative,\n",
    );
    // the people come after their activities, in the same transaction
    sb.ok(&["activities", "import", "a.csv", "people.csv"]);
    let csv = sb.ok(&["activities", "list", "--people", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(csv.contains("visit,gcc,Sara Al-Harbi,,,Adviser,"), "{csv}");
    let json: Value = serde_json::from_str(&sb.ok(&["activities", "list", "--format", "json"])).unwrap();
    let visit = json.as_array().unwrap().iter().find(|a| a["id"] == "visit").unwrap();
    assert_eq!(visit["people"][0]["person_ar"], "عبدالعزيز البلوي", "{visit}");
    assert_eq!(visit["people"][1]["title_en"], "Adviser", "{visit}");

    // a round trip: what the list writes imports back into the same register
    let jsonl = sb.ok(&["activities", "list", "--people", "--format", "jsonl"]);
    let other = two_activities();
    other.write("people.jsonl", &jsonl);
    other.ok(&["activities", "import", "a.csv", "people.jsonl"]);
    assert_eq!(other.ok(&["activities", "list", "--people", "--format", "csv"]), csv);

    // the cooperation report names the people of the organisation
    let text = sb.ok(&["report", "cooperation", "--org", "gcc"]);
    assert!(text.contains("with Abdulaziz Al-Balawi (Major General), Sara Al-Harbi (Adviser)"), "{text}");
    let text = sb.ok(&["report", "cooperation", "--org", "gcc", "--lang", "ar"]);
    assert!(text.contains("عبدالعزيز البلوي (لواء)"), "{text}");

    // a later file replaces the activity's people; the other activity keeps its own
    sb.write("fewer.csv", "activity,person,title_en\nvisit,Abdulaziz Al-Balawi,Major General\n");
    sb.ok(&["activities", "import", "fewer.csv"]);
    let csv = sb.ok(&["activities", "list", "--people", "--format", "csv"]);
    assert!(!csv.contains("Sara") && csv.contains("Hatem Ali"), "{csv}");
}

#[test]
fn a_wrong_person_is_refused_with_its_place_and_nothing_is_written() {
    let sb = two_activities();
    sb.ok(&["activities", "import", "a.csv"]);
    sb.write(
        "people.csv",
        "activity,organisation,person,title_en\n\
         visit,gcc,Khalid,Chief\n\
         nowhere,,Amina,\n\
         visit,oic,Omar,\n\
         visit,gcc,khalid ,Again\n\
         forum,,,Nobody\n",
    );
    let run = sb.run(&["activities", "import", "people.csv", "--rejects", "rejects.csv"]);
    assert_eq!(run.code, 1, "{run:?}");
    for expected in [
        "people.csv:3: column activity: unknown activity: import it first",
        "people.csv:4: column organisation: unknown organisation",
        "people.csv:5: column activity: gives this activity the same person",
        "people.csv:6: column person: is required",
    ] {
        assert!(run.stderr.contains(expected), "{expected}: {}", run.stderr);
    }
    assert_eq!(sb.ok(&["activities", "list", "--people", "--format", "csv"]).lines().count(), 1, "nothing written");
    // with --skip-invalid the valid person is written, the others are in a
    // rejects file of their own layout beside the one asked for
    let run = sb.run(&["activities", "import", "people.csv", "--skip-invalid", "--rejects", "rejects.csv"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("rejects.counterpart.csv"), "{}", run.stdout);
    let rejects = sb.read("rejects.counterpart.csv");
    assert!(
        rejects.starts_with("activity,organisation,person,person_ar,title_fr,title_en,title_ar,reason\n"),
        "{rejects}"
    );
    assert_eq!(rejects.lines().count(), 5, "{rejects}");
    assert_eq!(sb.ok(&["activities", "list", "--people", "--format", "csv"]).lines().count(), 2);
}

/// The register of themes: imported and listed back, a wrong one refused
/// with its place; the cooperation report prints the themes' labels in its
/// language (the tag when the register has no label), its JSON the labels
/// of those it uses.
#[test]
fn themes_print_by_their_labels() {
    let sb = demo();
    let csv = sb.ok(&["themes", "list", "--format", "csv"]);
    assert!(csv.starts_with("id,label_fr,label_en,label_ar\n") && csv.contains("sahel,Sahel,Sahel,الساحل"), "{csv}");
    let other = Sandbox::new();
    other.write("t.csv", &csv);
    other.ok(&["themes", "import", "t.csv"]);
    assert_eq!(other.ok(&["themes", "list", "--format", "csv"]), csv);
    other.write("bad.csv", "id,label_fr,label_en,label_ar\nSahel Region,,,\n");
    let run = other.run(&["themes", "import", "bad.csv"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("bad.csv:2: column id:") && run.stderr.contains("bad.csv:2: column label_en:"),
        "{}",
        run.stderr
    );

    let text = sb.ok(&["report", "cooperation", "--org", "gcc", "--lang", "ar"]);
    assert!(text.contains("التجنيد عبر الإنترنت"), "{text}");
    let text = sb.ok(&["report", "cooperation", "--org", "gcc", "--lang", "fr"]);
    assert!(text.contains("Recrutement en ligne"), "{text}");
    let report = cooperation(&sb, &[]);
    assert_eq!(report["themes"]["online-recruitment"]["en"], "Online recruitment", "{}", report["themes"]);
}
