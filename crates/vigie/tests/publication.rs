//! Published issues are frozen, as a user meets it on the command line:
//! the demo builds issue 58 as a draft, `bulletin publish` freezes it; a
//! later change to a verified December incident leaves its files byte for
//! byte; building 58 again is refused with the way out; a revision (58.1,
//! with its reason) sits beside it. And the state forces of a real UCDP
//! file are kept in the register and counted out of the statistics.

mod common;

use common::Sandbox;

const HEADER: &str = "id,date,date_end,date_precision,country,admin1,location,latitude,longitude,geo_precision,\
perpetrator,target,method,killed,wounded,kidnapped,perpetrators_killed,description,sources,status";

/// The demo's first December incident in Burkina Faso, its killed figure
/// corrected from 40 to 45.
const CORRECTED: &str = "demo-bf-2023-12-01,2023-12-04,,day,BF,Sahel,Djibo,14.1,-1.63,1,jnim,military,ambush,45,21,,12,\
\"[Illustrative demo record] An army column returning to Djibo was ambushed; the army reports a dozen attackers killed.\",\
Vigie demo data (illustrative; not a real report),verified";

/// The text of a PDF, by poppler's `pdftotext`.
fn pdf_text(path: &std::path::Path) -> String {
    let output =
        std::process::Command::new("pdftotext").arg(path).arg("-").output().expect("pdftotext (poppler-utils)");
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

fn names() -> Vec<String> {
    ["ar", "en", "fr"]
        .iter()
        .flat_map(|lang| ["html", "pdf"].map(|ext| format!("bulletin-58-2023-12.{lang}.{ext}")))
        .collect()
}

#[test]
fn a_published_issue_stays_as_published_and_is_corrected_by_a_revision() {
    let sb = Sandbox::new();
    sb.ok(&["demo"]);
    let listed = sb.ok(&["bulletin", "list"]);
    assert!(listed.starts_with("58     2023-12  draft"), "{listed}");

    // the demo's Burkina Faso delegate confirmed December; the others not yet
    let html = sb.read("bulletin/bulletin-58-2023-12.en.html");
    assert!(html.contains(r#"<th scope="row">Burkina Faso</th>"#), "confirmed: no mark");
    assert!(html.contains(r#"<th scope="row">Mali<sup class="unconfirmed">†</sup></th>"#));
    assert!(html.contains("† Figures not yet confirmed by the member state."));

    let published = sb.ok(&["bulletin", "publish", "--number", "58"]);
    assert!(published.starts_with("issue 58 published; its files are frozen:"), "{published}");
    assert_eq!(published.matches("sha256 ").count(), 6, "{published}");
    let demo_files: Vec<Vec<u8>> =
        names().iter().map(|n| std::fs::read(sb.path("bulletin").join(n)).unwrap()).collect();

    // a verified December incident changes after publication
    sb.write("corrected.csv", format!("{HEADER}\n{CORRECTED}\n"));
    assert!(sb.ok(&["import", "corrected.csv"]).contains("0 new, 1 updated"));

    // the files kept are those published, byte for byte
    sb.ok(&["bulletin", "files", "--issue", "58", "-o", "kept"]);
    for (name, demo) in names().iter().zip(&demo_files) {
        assert_eq!(&std::fs::read(sb.path("kept").join(name)).unwrap(), demo, "{name}");
    }

    // the change, cell by cell, with the incident responsible
    let revisions = sb.ok(&["report", "revisions"]);
    assert!(revisions.contains("December 2023, G5 Sahel (issue 58)"), "{revisions}");
    let line = |figure: &str| {
        revisions.lines().find(|l| l.starts_with(figure)).map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    assert_eq!(
        line("Burkina Faso: victims").as_deref(),
        Some("Burkina Faso: victims 98 103 demo-bf-2023-12-01 (61 → 66 victims)"),
        "{revisions}"
    );
    assert!(line("Total: victims").is_some_and(|l| l.contains("175 180")), "{revisions}");
    assert!(line("Burkina Faso: operations").is_none(), "operations unchanged: {revisions}");
    let json: serde_json::Value = serde_json::from_str(&sb.ok(&["report", "revisions", "--format", "json"])).unwrap();
    let cells = json["revised"][0]["cells"].as_array().unwrap();
    assert!(cells.iter().all(|c| c["published"] != c["current"] && !c["incidents"].as_array().unwrap().is_empty()));
    assert_eq!(
        sb.ok(&["report", "revisions", "--since", "2024-01"]).lines().nth(1),
        Some("No issue has been published yet: there is nothing to compare.")
    );
    // January's report says its previous month is today's, not as published
    let january = sb.ok(&["report", "monthly", "--region", "g5-sahel", "--month", "2024-01"]);
    assert!(
        january.contains("The December 2023 figures are today's; issue 58 published 7 operations and 175 victims."),
        "{january}"
    );

    // issue 59 prints the revised figures, in three languages
    sb.ok(&["bulletin", "--number", "59", "--month", "2024-01", "-o", "b59"]);
    for (lang, title) in
        [("en", "Figures revised since publication"), ("fr", "Chiffres révisés depuis leur publication")]
    {
        let text = pdf_text(&sb.path(&format!("b59/bulletin-59-2024-01.{lang}.pdf")));
        let at = text.find(title).unwrap_or_else(|| panic!("{lang}: no revised box in\n{text}"));
        let revised = &text[at..];
        assert!(revised.contains("98") && revised.contains("103"), "{lang}: {revised}");
    }
    let html = sb.read("b59/bulletin-59-2024-01.ar.html");
    assert!(html.contains("أرقام عُدّلت بعد نشرها") && html.contains("<td><strong>103</strong></td>"), "the Arabic box");

    // building 58 again is refused, and says what to do instead
    for args in [
        &["bulletin", "--number", "58", "--month", "2023-12", "-o", "again"][..],
        &["bulletin", "--number", "58", "--month", "2023-12", "--lang", "en", "--format", "json", "-o", "again"],
    ] {
        let refused = sb.run(args);
        assert_eq!(refused.code, 1, "{refused:?}");
        assert!(refused.stderr.contains("Issue 58 is published and frozen"), "{}", refused.stderr);
        assert!(refused.stderr.contains("58.1") && refused.stderr.contains("--revise REASON"), "{}", refused.stderr);
        assert!(!refused.stderr.contains("panicked"));
    }
    assert!(!sb.path("again").join("bulletin-58-2023-12.en.pdf").exists());
    let nothing = sb.run(&["bulletin", "publish", "--number", "58"]);
    assert_eq!(nothing.code, 1);
    assert!(nothing.stderr.contains("58 is published already"), "{}", nothing.stderr);
    let wrong_reason = sb.run(&["bulletin", "--number", "59", "--month", "2024-01", "--revise", "why", "-o", "x"]);
    assert_eq!(wrong_reason.code, 1);
    assert!(wrong_reason.stderr.contains("Issue 59 is not published"), "{}", wrong_reason.stderr);

    // the correction: 58.1, with its reason, beside 58
    let reason = "Burkina Faso's 4 December ambush: 45 killed, not 40";
    let revised = sb.ok(&["bulletin", "--number", "58", "--month", "2023-12", "--revise", reason, "-o", "revised"]);
    assert!(revised.contains("bulletin-58.1-2023-12.en.pdf"), "{revised}");
    sb.ok(&["bulletin", "publish", "--number", "58"]);
    let listed = sb.ok(&["bulletin", "list"]);
    let lines: Vec<&str> = listed.lines().filter(|l| l.starts_with("58")).collect();
    assert!(listed.starts_with("59     2024-01  draft"), "{listed}");
    assert!(lines[0].starts_with("58.1   2023-12  published"), "{listed}");
    assert!(lines[1].starts_with("58     2023-12  published"), "{listed}");
    assert!(listed.contains(&format!("reason: {reason}")), "{listed}");
    sb.ok(&["bulletin", "files", "--issue", "58", "-o", "kept-again"]);
    for (name, demo) in names().iter().zip(&demo_files) {
        assert_eq!(&std::fs::read(sb.path("kept-again").join(name)).unwrap(), demo, "{name} after the revision");
    }
    let revised_pdf = std::fs::read(sb.path("revised/bulletin-58.1-2023-12.en.pdf")).unwrap();
    assert_ne!(revised_pdf, demo_files[3], "the revision prints the corrected figures");

    // the audit log has each step, as `cli`
    let audit = sb.ok(&["audit", "--format", "json"]);
    assert_eq!(audit.matches("\"bulletin.publish\"").count(), 2, "{audit}");
    assert!(audit.matches("\"bulletin.build\"").count() >= 2);
}

#[test]
fn a_ucdp_file_counts_government_forces_out_and_says_so() {
    let sb = Sandbox::new();
    let file = common::fixtures()
        .join("../../../formats/tests/fixtures/ucdp/real/gedevents-2025-01-17_burkina-faso.csv")
        .display()
        .to_string();
    let imported = sb.ok(&["import", &file]);
    assert!(
        imported.contains("government-of-burkina-faso (state_forces, from \"Government of Burkina Faso\")"),
        "{imported}"
    );
    assert!(imported.contains("100 of the rows are attributed to state forces"), "{imported}");
    assert!(sb.ok(&["groups"]).contains("government-of-burkina-faso imported  state_forces"));

    let json = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["report", "monthly", "--region", "g5-sahel", "--month", "2023-12", "--format", "json"];
        args.extend_from_slice(extra);
        serde_json::from_str(&sb.ok(&args)).unwrap()
    };
    let counted = json(&[]);
    let all = json(&["--include-state-actors"]);
    // two government operations against civilians in December 2023
    assert_eq!(counted["state_actors_left_out"], 2);
    let operations = |report: &serde_json::Value| report["total"]["operations"]["current"].as_u64().unwrap();
    assert_eq!(operations(&all), operations(&counted) + 2);
    assert_eq!(all["state_actors_left_out"], 0);
    let perpetrators = |report: &serde_json::Value| report["by_perpetrator"].to_string();
    assert!(!perpetrators(&counted).contains("government-of-burkina-faso"));
    assert!(perpetrators(&all).contains("government-of-burkina-faso"));
    let text = sb.ok(&["report", "monthly", "--region", "g5-sahel", "--month", "2023-12"]);
    assert!(text.contains("2 events attributed to state forces left out"), "{text}");
    let november = sb.ok(&["report", "monthly", "--region", "g5-sahel", "--month", "2023-11", "--lang", "fr"]);
    assert!(november.contains("1 événement attribué à des forces étatiques n’est pas compté"), "{november}");

    // an analyst says otherwise (audited), and the events count
    sb.ok(&["groups", "kind", "government-of-burkina-faso", "militia"]);
    assert_eq!(json(&[])["state_actors_left_out"], 0);
    assert_eq!(operations(&json(&[])), operations(&all));
    let audit = sb.ok(&["audit", "--format", "json"]);
    assert!(audit.contains("\"group.kind\""), "{audit}");
}
