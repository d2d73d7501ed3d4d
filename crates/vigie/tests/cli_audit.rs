//! Every command that changes data is in the audit log as `cli`, in the
//! change's transaction: each import that is written (one entry with its
//! sources, format and counts; a re-import that changed nothing still says
//! it ran), groups and aliases added, duplicates merged. A dry run, a
//! failed import or a refused change leaves no entry.

mod common;

use common::{HEADER, Sandbox};
use serde_json::{Value, json};

/// The entries of one action, latest first.
fn audit(sb: &Sandbox, action: &str) -> Vec<Value> {
    match serde_json::from_str(&sb.ok(&["audit", "--format", "json", "--action", action])).expect("audit JSON") {
        Value::Array(entries) => entries,
        other => panic!("not an array: {other}"),
    }
}

/// One import command, its good and bad inputs and what the log says.
struct Import<'a> {
    /// `["members", "import"]`, …
    command: &'a [&'a str],
    action: &'a str,
    entity: &'a str,
    /// The files (or folder) of a good import, as given on the command line.
    good: &'a [&'a str],
    /// Files that fail the import.
    bad: &'a [&'a str],
    /// What the detail names: sources and format.
    sources: &'a str,
    /// Records the good import holds.
    records: u64,
}

impl Import<'_> {
    fn run(&self, sb: &Sandbox, extra: &[&str], files: &[&str]) -> common::Run {
        let mut args: Vec<&str> = self.command.to_vec();
        args.extend_from_slice(extra);
        args.extend_from_slice(files);
        sb.run(&args)
    }

    /// Fails, checks, imports, imports again; the log after each step.
    fn check(&self, sb: &Sandbox) {
        let failed = self.run(sb, &[], self.bad);
        assert_eq!(failed.code, 1, "{:?} should fail: {}", self.command, failed.stderr);
        assert_eq!(audit(sb, self.action), Vec::<Value>::new(), "a failed import writes no entry");

        let dry = self.run(sb, &["--dry-run"], self.good);
        assert_eq!(dry.code, 0, "{}", dry.stderr);
        assert_eq!(audit(sb, self.action), Vec::<Value>::new(), "a dry run writes no entry");

        let written = self.run(sb, &[], self.good);
        assert_eq!(written.code, 0, "{}", written.stderr);
        let entries = audit(sb, self.action);
        assert_eq!(entries.len(), 1, "{entries:?}");
        let entry = &entries[0];
        assert_eq!(entry["actor"], "cli");
        assert_eq!(entry["entity"], self.entity);
        assert_eq!(entry["entity_id"], Value::Null);
        let detail = format!("{}: {} new, 0 updated, 0 unchanged, 0 rejected, 0 skipped", self.sources, self.records);
        // an incident import adds what it verified without review
        assert!(entry["detail"].as_str().unwrap().starts_with(&detail), "{entry}");
        assert!(entry["at"].as_str().unwrap().parse::<jiff::Timestamp>().is_ok(), "{entry}");

        // the same input again changes nothing, and the log says it ran
        let again = self.run(sb, &[], self.good);
        assert_eq!(again.code, 0, "{}", again.stderr);
        let entries = audit(sb, self.action);
        assert_eq!(entries.len(), 2, "{entries:?}");
        let detail = format!("{}: 0 new, 0 updated, {} unchanged, 0 rejected, 0 skipped", self.sources, self.records);
        assert_eq!(entries[0]["detail"], detail.as_str());
        assert_eq!(entries[0]["actor"], "cli");
    }
}

#[test]
fn incident_imports() {
    let sb = Sandbox::new();
    let good = sb.fixture("good.csv");
    let bad = sb.fixture("one-bad-row.csv");
    Import {
        command: &["import"],
        action: "incident.import",
        entity: "incident",
        good: &[&good],
        bad: &[&bad],
        sources: "good.csv (detected)",
        records: 10,
    }
    .check(&sb);
    // the operator's import of verified rows says so: no second person saw them
    let first = audit(&sb, "incident.import").pop().unwrap();
    assert!(first["detail"].as_str().unwrap().ends_with("; 8 verified without review (operator import)"), "{first}");
    // rows kept despite bad ones are counted as such
    sb.ok(&["import", "--skip-invalid", &bad]);
    let detail = audit(&sb, "incident.import")[0]["detail"].as_str().unwrap().to_string();
    assert!(detail.starts_with("one-bad-row.csv (detected): "), "{detail}");
    assert!(detail.contains(", 1 rejected, 0 skipped"), "{detail}");
}

#[test]
fn standard_input_and_a_given_format_are_named() {
    let sb = Sandbox::new();
    let row = "s-1,2023-12-01,,day,BF,,,,,,,military,armed_assault,1,,,,,,verified";
    let run = sb.run_stdin(&["import", "--format", "csv", "-"], format!("{HEADER}\n{row}\n"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let entries = audit(&sb, "incident.import");
    assert_eq!(
        entries[0]["detail"],
        "stdin (csv): 1 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped; 1 verified without review (operator import)"
    );
}

#[test]
fn member_imports() {
    let sb = Sandbox::new();
    let header = "country,joined,national_day,name_fr,name_en,name_ar,representative_title";
    let good = sb.write(
        "members.csv",
        format!("{header}\nPK,2015-12-15,08-14,,Independence Day,,\nAE,,12-02,,National Day,,\n"),
    );
    let bad = sb.write("bad-members.csv", format!("{header}\nPK,2015-12-15,08-14,,,,\nXX,,,,,,\n"));
    Import {
        command: &["members", "import"],
        action: "member.import",
        entity: "member",
        good: &[&good],
        bad: &[&bad],
        sources: "members.csv (detected)",
        records: 2,
    }
    .check(&sb);
    assert_eq!(sb.ok(&["members", "list", "--format", "csv"]).lines().count(), 3, "the bad file wrote nothing");
}

#[test]
fn partner_imports_of_two_files() {
    let sb = Sandbox::new();
    let partners = sb.write("partners.csv", "id,name_fr,name_en,name_ar,scope,kind\noic,,OIC,,international,\n");
    let agreements =
        sb.write("agreements.jsonl", "{\"partner\":\"oic\",\"title_en\":\"Memorandum\",\"signed\":\"2023-12-27\"}\n");
    let bad = sb.write("bad-partners.csv", "id,name_fr,name_en,name_ar,scope,kind\nx,,X,,everywhere,\n");
    Import {
        command: &["partners", "import"],
        action: "partner.import",
        entity: "partner",
        good: &[&partners, &agreements],
        bad: &[&bad],
        sources: "partners.csv, agreements.jsonl (detected)",
        records: 2,
    }
    .check(&sb);
}

#[test]
fn activity_imports() {
    let sb = Sandbox::new();
    let header = "id,kind,date,end_date,title_fr,title_en,title_ar,counterpart_country,counterpart_org,\
                  counterpart_person,counterpart_title,domains,place,description,article,highlight";
    let good =
        sb.write("activities.csv", format!("{header}\n2023-01-25-workshop,workshop,2023-01-25,,,Workshop,,,,,,,,,,\n"));
    let bad = sb.write("bad.csv", format!("{header}\n2023-01-26-party,party,2023-01-26,,,Party,,,,,,,,,,\n"));
    Import {
        command: &["activities", "import", "--format", "csv"],
        action: "activity.import",
        entity: "activity",
        good: &[&good],
        bad: &[&bad],
        sources: "activities.csv (csv)",
        records: 1,
    }
    .check(&sb);
}

#[test]
fn note_imports() {
    let sb = Sandbox::new();
    let header = "region,month,country,text_fr,text_en,text_ar";
    let good =
        sb.write("notes.csv", format!("{header}\ng5-sahel,2023-12,Mali,,A note.,\ng5-sahel,2023-12,BF,,Another.,\n"));
    let bad = sb.write("bad.csv", format!("{header}\ng5-sahel,2023-12,Japan,,Not of the region.,\n"));
    Import {
        command: &["notes", "import"],
        action: "note.import",
        entity: "note",
        good: &[&good],
        bad: &[&bad],
        sources: "notes.csv (detected)",
        records: 2,
    }
    .check(&sb);
}

#[test]
fn article_imports() {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.path("articles")).unwrap();
    std::fs::create_dir_all(sb.path("broken")).unwrap();
    let article = |lang: &str| format!("---\nid: words\nlang: {lang}\ndate: 2024-01-05\ntitle: Words\n---\nText.\n");
    sb.write("articles/words.en.md", article("en"));
    sb.write("articles/words.fr.md", article("fr"));
    sb.write("broken/words.en.md", "---\nid: words\nlang: en\ndate: 2024-01-05\n---\nNo title.\n");
    Import {
        command: &["articles", "import"],
        action: "article.import",
        entity: "article",
        good: &["articles"],
        bad: &["broken"],
        sources: "articles (markdown)",
        records: 2,
    }
    .check(&sb);
}

#[test]
fn groups_added_and_aliased() {
    let sb = Sandbox::new();
    sb.ok(&["groups", "add", "katiba-x", "--name", "Katiba X", "--name-ar", "كتيبة إكس", "--alias", "KX"]);
    let added = audit(&sb, "group.add");
    assert_eq!(added.len(), 1);
    assert_eq!(
        (&added[0]["actor"], &added[0]["entity"], &added[0]["entity_id"]),
        (&json!("cli"), &json!("group"), &json!("katiba-x"))
    );
    assert_eq!(
        added[0]["changes"],
        json!([
            {"field": "name_fr", "before": null, "after": "Katiba X"},
            {"field": "name_en", "before": null, "after": "Katiba X"},
            {"field": "name_ar", "before": null, "after": "كتيبة إكس"},
            {"field": "kind", "before": null, "after": "unknown"},
            {"field": "aliases", "before": null, "after": ["KX"]},
        ])
    );
    // refused: the id exists; nothing more in the log
    assert_eq!(sb.run(&["groups", "add", "katiba-x", "--name", "Other"]).code, 1);
    assert_eq!(audit(&sb, "group.add").len(), 1);

    assert_eq!(sb.ok(&["groups", "alias", "katiba-x", "Katibat X"]), "\"Katibat X\" now names group katiba-x\n");
    let aliased = audit(&sb, "group.alias");
    assert_eq!(aliased.len(), 1);
    assert_eq!(aliased[0]["entity_id"], "katiba-x");
    assert_eq!(aliased[0]["changes"], json!([{"field": "aliases", "before": ["KX"], "after": ["KX", "Katibat X"]}]));
    // an alias it already has changes nothing, and is not logged
    let same = sb.ok(&["groups", "alias", "katiba-x", "KX"]);
    assert_eq!(same, "\"KX\" already names group katiba-x: nothing changed\n");
    assert_eq!(audit(&sb, "group.alias").len(), 1);
    assert_eq!(sb.run(&["groups", "alias", "no-such-group", "Y"]).code, 1);
    assert_eq!(audit(&sb, "group.alias").len(), 1);
}

#[test]
fn merges() {
    let sb = Sandbox::new();
    let rows = [
        "m-1,2023-12-01,,day,BF,,Djibo,,,,,military,armed_assault,4,,,,,Agency A,verified",
        "m-2,2023-12-01,,day,BF,,Djibo,,,,,military,armed_assault,5,,,,,Agency B,verified",
    ];
    let file = sb.write("pair.csv", format!("{HEADER}\n{}\n", rows.join("\n")));
    sb.ok(&["import", &file]);
    assert_eq!(sb.run(&["merge", "m-1", "nope"]).code, 1);
    assert_eq!(audit(&sb, "incident.merge"), Vec::<Value>::new(), "a refused merge is not logged");

    sb.ok(&["merge", "m-1", "m-2"]);
    let merged = audit(&sb, "incident.merge");
    assert_eq!(merged.len(), 1);
    let entry = &merged[0];
    assert_eq!(
        (&entry["actor"], &entry["entity"], &entry["entity_id"]),
        (&json!("cli"), &json!("incident"), &json!("m-2"))
    );
    assert_eq!(entry["detail"], "merged into m-1, which keeps m-2 as an alias");
    // the dropped incident's values, each gone; empty ones left out
    let changes = entry["changes"].as_array().unwrap();
    let change = |field: &str| changes.iter().find(|c| c["field"] == field).cloned();
    assert_eq!(change("id"), Some(json!({"field": "id", "before": "m-2", "after": null})));
    assert_eq!(change("killed"), Some(json!({"field": "killed", "before": "5", "after": null})));
    assert_eq!(change("sources"), Some(json!({"field": "sources", "before": "Agency B", "after": null})));
    assert_eq!(change("admin1"), None);
}
