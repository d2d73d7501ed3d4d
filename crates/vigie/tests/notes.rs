//! `vigie notes import|list`: developments notes per region group, month
//! and country; located errors and all-or-nothing imports; list formats
//! that import back.

mod common;

use common::{Sandbox, line_starting};

const HEADER: &str = "region,month,country,text_fr,text_en,text_ar";

fn imported() -> Sandbox {
    let sb = Sandbox::new();
    let file = sb.write(
        "notes.csv",
        format!(
            "{HEADER}\n\
             g5-sahel,2023-12,Mali,Le Mali convoque l'ambassadeur.,\"Mali summons the ambassador, again.\",مالي تستدعي السفير.\n\
             g5-sahel,2023-12,BF,,\"Two paragraphs.\n\nSecond one.\",\n\
             g5-sahel,2023-11,NE,,November note.,\n"
        ),
    );
    assert_eq!(sb.ok(&["notes", "import", &file]), "3 new, 0 updated, 0 unchanged, 0 rejected\n");
    sb
}

#[test]
fn import_list_and_reimport() {
    let sb = imported();
    let csv = sb.ok(&["notes", "list", "--format", "csv"]);
    assert_eq!(
        csv,
        format!(
            "{HEADER}\n\
             g5-sahel,2023-11,NE,,November note.,\n\
             g5-sahel,2023-12,BF,,\"Two paragraphs.\n\nSecond one.\",\n\
             g5-sahel,2023-12,ML,Le Mali convoque l'ambassadeur.,\"Mali summons the ambassador, again.\",مالي تستدعي السفير.\n"
        )
    );
    let file = sb.path("notes.csv").display().to_string();
    assert_eq!(sb.ok(&["notes", "import", &file]), "0 new, 0 updated, 3 unchanged, 0 rejected\n");
    let changed = sb.write("changed.csv", format!("{HEADER}\ng5-sahel,2023-12,ML,,Changed.,\n"));
    assert_eq!(sb.ok(&["notes", "import", &changed]), "0 new, 1 updated, 0 unchanged, 0 rejected\n");
    let month = sb.ok(&["notes", "list", "--month", "2023-12", "--format", "jsonl"]);
    assert_eq!(
        month,
        "{\"country\":\"BF\",\"month\":\"2023-12\",\"region\":\"g5-sahel\",\"text_en\":\"Two paragraphs.\\n\\nSecond one.\"}\n\
         {\"country\":\"ML\",\"month\":\"2023-12\",\"region\":\"g5-sahel\",\"text_en\":\"Changed.\"}\n"
    );
    let table = sb.ok(&["notes", "list", "--country", "niger"]);
    line_starting(&table, "g5-sahel  2023-11  NE  November note.");
    assert_eq!(table.lines().count(), 2, "{table}");
    assert_eq!(sb.ok(&["notes", "list", "--year", "2022", "--format", "json"]), "[]\n");
}

#[test]
fn table_falls_back_to_another_language() {
    let sb = imported();
    let table = sb.ok(&["notes", "list", "--lang", "fr", "--month", "2023-12"]);
    line_starting(&table, "g5-sahel  2023-12  BF  Two paragraphs.  Second one.");
    line_starting(&table, "g5-sahel  2023-12  ML  Le Mali convoque l'ambassadeur.");
}

#[test]
fn csv_and_jsonl_import_back() {
    let sb = imported();
    let csv = sb.ok(&["notes", "list", "--format", "csv"]);
    let jsonl = sb.ok(&["notes", "list", "--format", "jsonl"]);
    for (name, text) in [("back.csv", &csv), ("back.jsonl", &jsonl)] {
        let other = sb.with_db(&format!("{name}.db"));
        let file = other.write(name, text);
        assert_eq!(other.ok(&["notes", "import", &file]), "3 new, 0 updated, 0 unchanged, 0 rejected\n", "{name}");
        assert_eq!(other.ok(&["notes", "list", "--format", "csv"]), csv, "{name}");
    }
}

#[test]
fn bad_notes_are_located_and_nothing_is_written() {
    let sb = imported();
    let before = sb.ok(&["notes", "list", "--format", "csv"]);
    let file = sb.write(
        "bad.csv",
        format!(
            "{HEADER}\n\
             g5-sahel,2023-12,TD,,Fine.,\n\
             g5-sahel,2023-12,SN,,Senegal is not in the G5.,\n\
             sahel,2023-12,ML,,x,\n\
             g5-sahel,December,ML,,x,\n\
             g5-sahel,2023-12,TD,,Twice.,\n\
             g5-sahel,2023-12,MR,,,\n"
        ),
    );
    let run = sb.run(&["notes", "import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    let lines = run.stderr_lines();
    assert_eq!(
        lines[..5],
        [
            "bad.csv:3: column country: is not in the g5-sahel group's table for December 2023 (got \"SN\")",
            "bad.csv:4: column region: unknown code: use one of g5-sahel, aes, lake-chad, horn-of-africa, gcc, members (got \"sahel\")",
            "bad.csv:5: column month: not a month: write YYYY-MM (got \"December\")",
            "bad.csv:6: column country: the same note appears more than once in this import (got \"g5-sahel 2023-12 TD\")",
            "bad.csv:7: column text_fr: give at least one of text_fr, text_en or text_ar (got \"\")",
        ]
    );
    assert!(lines[5].starts_with("import failed: 5 errors; nothing was written"), "{lines:?}");
    assert_eq!(sb.ok(&["notes", "list", "--format", "csv"]), before);

    let run = sb.run(&["notes", "import", "--skip-invalid", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "1 new, 0 updated, 0 unchanged, 5 rejected\n");

    let header = sb.write("header.csv", "region,month,text_en,colour\n");
    let run = sb.run(&["notes", "import", &header]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr_lines()[..2],
        [
            "header.csv:1: column colour: unknown column (the columns are region, month, country, text_fr, text_en, text_ar)",
            "header.csv:1: column country: required column is missing from the header",
        ]
    );
}

#[test]
fn jsonl_problems_are_located() {
    let sb = Sandbox::new();
    let file = sb.write(
        "notes.jsonl",
        "{\"region\":\"g5-sahel\",\"month\":\"2023-12\",\"country\":\"NE\",\"text_en\":\"ok\"}\n\
         \n\
         {\"region\":\"g5-sahel\",\"month\":\"2023-12\",\"country\":\"ML\",\"text\":\"x\"}\n\
         {\"region\":\"g5-sahel\",\"month\":\"2023-12\",\"country\":\"ML\",\"text_en\":[\"x\"]}\n",
    );
    let run = sb.run(&["notes", "import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    let lines = run.stderr_lines();
    assert_eq!(
        lines[0],
        "notes.jsonl:3: column text: unknown key (the keys are region, month, country, text_fr, text_en, text_ar)"
    );
    assert_eq!(lines[1], "notes.jsonl:4: column text_en: must be a string or null (got \"[\\\"x\\\"]\")");
}

#[test]
fn demo_has_the_g5_sahel_notes_of_december_2023() {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    let csv = sb.ok(&["notes", "list", "--region", "g5-sahel", "--month", "2023-12", "--format", "csv"]);
    let countries: Vec<&str> = csv.lines().skip(1).map(|l| l.split(',').nth(2).unwrap()).collect();
    assert_eq!(countries, ["BF", "ML", "MR", "NE", "TD"]);
    let json: serde_json::Value = serde_json::from_str(&sb.ok(&["notes", "list", "--format", "json"])).unwrap();
    assert!(json.as_array().unwrap().iter().all(|n| n["text_fr"] != "" && n["text_en"] != "" && n["text_ar"] != ""));
}

#[test]
fn skip_invalid_writes_the_rejects_as_read() {
    let sb = Sandbox::new();
    let file = sb.write(
        "mixed.csv",
        format!(
            "{HEADER}\n\
             g5-sahel,2023-12,NE,,Fine.,\n\
             g5-sahel,2023-12,SN,,\"Not in the G5, \"\"really\"\".\",\n\
             g5-sahel,2023-12,NE,,Twice.,\n"
        ),
    );
    let run = sb.run(&["notes", "import", "--skip-invalid", "--rejects", "r.csv", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "1 new, 0 updated, 0 unchanged, 2 rejected\nrejected rows written to r.csv\n");
    assert_eq!(
        sb.read("r.csv"),
        format!(
            "{HEADER},reason\n\
             g5-sahel,2023-12,SN,,\"Not in the G5, \"\"really\"\".\",,\
             \"mixed.csv:3: column country: is not in the g5-sahel group's table for December 2023 (got \"\"SN\"\")\"\n\
             g5-sahel,2023-12,NE,,Twice.,,\
             \"mixed.csv:4: column country: the same note appears more than once in this import \
             (got \"\"g5-sahel 2023-12 NE\"\")\"\n"
        )
    );
    // the rejects file imports back once corrected (its reason column is ignored)
    let corrected = sb.write("corrected.csv", sb.read("r.csv").replace(",SN,", ",ML,").replace(",NE,", ",TD,"));
    assert_eq!(sb.ok(&["notes", "import", &corrected]), "2 new, 0 updated, 0 unchanged, 0 rejected\n");

    // JSON Lines: the rejected objects as read, with their reason
    let jsonl = sb.write(
        "mixed.jsonl",
        "{\"region\":\"g5-sahel\",\"month\":\"2024-01\",\"country\":\"NE\",\"text_en\":\"ok\"}\n\
         {\"region\":\"g5-sahel\",\"month\":\"2024-01\",\"country\":\"SN\",\"text_en\":\"no\",\"text_fr\":1}\n",
    );
    let run = sb.run(&["notes", "import", "--skip-invalid", "--rejects", "r.jsonl", &jsonl]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        sb.read("r.jsonl"),
        "{\"country\":\"SN\",\"month\":\"2024-01\",\"reason\":\"mixed.jsonl:2: column country: is not in the \
         g5-sahel group's table for January 2024 (got \\\"SN\\\")\",\"region\":\"g5-sahel\",\"text_en\":\"no\",\
         \"text_fr\":1}\n"
    );
}
