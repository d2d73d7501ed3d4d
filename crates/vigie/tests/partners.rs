//! `vigie partners import|list`: the partner register's two CSV layouts and
//! JSON Lines, all-or-nothing imports with located errors, idempotent
//! re-imports, and list formats that import back.

mod common;

use common::{Sandbox, line_starting};

const PARTNERS: &str = "id,name_fr,name_en,name_ar,scope,kind_fr,kind_en,kind_ar";
const AGREEMENTS: &str = "partner,title_fr,title_en,title_ar,signed,areas_fr,areas_en,areas_ar,reference";

fn good_partners() -> String {
    format!(
        "{PARTNERS}\n\
         nauss,Université arabe Nayef des sciences de sécurité,Naif Arab University for Security Sciences,جامعة نايف العربية للعلوم الأمنية,regional,,university,\n\
         oic,,Organisation of Islamic Cooperation,,International,,international organisation,\n"
    )
}

fn good_agreements() -> String {
    format!(
        "{AGREEMENTS}\n\
         nauss,,Training agreement,,2022-05-01,,training ; research,,REF/22/1\n\
         oic,Mémorandum,\"Memorandum, first\",,2023-12-27,,exchange of experience,,\n"
    )
}

fn imported() -> Sandbox {
    let sb = Sandbox::new();
    let partners = sb.write("partners.csv", good_partners());
    let agreements = sb.write("agreements.csv", good_agreements());
    assert_eq!(sb.ok(&["partners", "import", &partners, &agreements]), "4 new, 0 updated, 0 unchanged, 0 rejected\n");
    sb
}

fn list(sb: &Sandbox, args: &[&str]) -> String {
    let mut all = vec!["partners", "list"];
    all.extend_from_slice(args);
    sb.ok(&all)
}

#[test]
fn good_import_and_idempotent_reimport() {
    let sb = imported();
    assert_eq!(
        list(&sb, &["--format", "csv"]),
        format!(
            "{PARTNERS}\n\
             nauss,Université arabe Nayef des sciences de sécurité,Naif Arab University for Security Sciences,جامعة نايف العربية للعلوم الأمنية,regional,,university,\n\
             oic,,Organisation of Islamic Cooperation,,international,,international organisation,\n"
        )
    );
    assert_eq!(
        list(&sb, &["--format", "csv", "--agreements"]),
        format!(
            "{AGREEMENTS}\n\
             nauss,,Training agreement,,2022-05-01,,training ; research,,REF/22/1\n\
             oic,Mémorandum,\"Memorandum, first\",,2023-12-27,,exchange of experience,,\n"
        )
    );
    let partners = sb.path("partners.csv").display().to_string();
    let agreements = sb.path("agreements.csv").display().to_string();
    assert_eq!(sb.ok(&["partners", "import", &partners, &agreements]), "0 new, 0 updated, 4 unchanged, 0 rejected\n");
    // agreements alone, their partners in the database
    assert_eq!(sb.ok(&["partners", "import", &agreements]), "0 new, 0 updated, 2 unchanged, 0 rejected\n");
    let changed = sb.write("changed.csv", format!("{PARTNERS}\noic,,OIC,,international,,,\n"));
    assert_eq!(sb.ok(&["partners", "import", &changed]), "0 new, 1 updated, 0 unchanged, 0 rejected\n");
    assert_eq!(list(&sb, &["--format", "jsonl"]).lines().count(), 4, "agreements stay");
    let table = list(&sb, &[]);
    assert!(table.starts_with("id     partner"), "{table}");
    line_starting(&table, "oic    OIC");
}

#[test]
fn bad_file_gives_located_errors_and_writes_nothing() {
    let sb = imported();
    let before = list(&sb, &["--format", "jsonl"]);
    let file = sb.write(
        "bad.csv",
        format!(
            "{AGREEMENTS}\n\
             nauss,,Second,,2023-02-30,,,,\n\
             unknown,,Third,,2023-01-01,,,,\n\
             ,,,,,,,,\n\
             nauss,,Training agreement,,2022-05-01,,other,,\n"
        ),
    );
    let run = sb.run(&["partners", "import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    let lines = run.stderr_lines();
    assert_eq!(
        lines[..4],
        [
            "bad.csv:2: column signed: not a valid date: write YYYY-MM-DD (got \"2023-02-30\")",
            "bad.csv:3: column partner: unknown partner: import it first, or earlier in the same import (got \"unknown\")",
            "bad.csv:4: column partner: is required (got \"\")",
            "bad.csv:4: column title_fr: give at least one of title_fr, title_en or title_ar (got \"\")",
        ]
    );
    assert!(lines[4].starts_with("import failed: 4 errors; nothing was written"), "{lines:?}");
    assert_eq!(run.stdout, "");

    let partners = sb.write(
        "bad-partners.jsonl",
        "{\"id\":\"New One\",\"name_en\":\"x\",\"scope\":\"local\"}\n\
         {\"id\":\"ok\",\"name_en\":\"OK\",\"scope\":\"global\"}\n\
         {\"id\":\"fine\",\"name_en\":\"Fine\",\"scope\":\"local\"}\n\
         {\"id\":\"fine\",\"name_en\":\"Again\",\"scope\":\"local\"}\n",
    );
    let run = sb.run(&["partners", "import", &partners]);
    assert_eq!(run.code, 1, "{run:?}");
    let lines = run.stderr_lines();
    assert!(lines[0].starts_with("bad-partners.jsonl:1: column id: must be lowercase letters"), "{lines:?}");
    assert_eq!(
        lines[1],
        "bad-partners.jsonl:2: column scope: unknown code: use one of local, regional, international (got \"global\")"
    );
    assert!(
        lines[2].starts_with(
            "bad-partners.jsonl:4: column id: appears more than once in this import: give each partner once"
        ),
        "{lines:?}"
    );
    assert_eq!(list(&sb, &["--format", "jsonl"]), before, "nothing written");

    // more than 20 problems: the first 20, then a count
    let mut many = format!("{PARTNERS}\n");
    for n in 0..25 {
        many.push_str(&format!("p{n},,,,local,\n"));
    }
    let run = sb.run(&["partners", "import", &sb.write("many.csv", many)]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr_lines()[20], "… and 5 more errors");
    assert_eq!(list(&sb, &["--format", "jsonl"]), before);
}

#[test]
fn agreement_partner_may_come_earlier_in_the_same_jsonl() {
    let sb = Sandbox::new();
    let file = sb.write(
        "all.jsonl",
        "{\"id\":\"scihl\",\"name_en\":\"Standing Committee\",\"scope\":\"local\",\"kind\":\"government body\"}\n\
         {\"partner\":\"scihl\",\"title_en\":\"MoU\",\"signed\":\"2023-12-27\",\"areas\":[\"a\",\"b\"]}\n",
    );
    assert_eq!(sb.ok(&["partners", "import", &file]), "2 new, 0 updated, 0 unchanged, 0 rejected\n");
    let late = sb.write(
        "late.jsonl",
        "{\"partner\":\"later\",\"title_en\":\"MoU\",\"signed\":\"2023-12-27\"}\n\
         {\"id\":\"later\",\"name_en\":\"Later\",\"scope\":\"local\"}\n",
    );
    let run = sb.run(&["partners", "import", &late]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("late.jsonl:1: column partner: unknown partner"), "{run:?}");
}

#[test]
fn list_formats_import_back() {
    let sb = imported();
    let jsonl = list(&sb, &["--format", "jsonl"]);
    let partners_csv = list(&sb, &["--format", "csv"]);
    let agreements_csv = list(&sb, &["--format", "csv", "--agreements"]);
    let json: serde_json::Value = serde_json::from_str(&list(&sb, &["--format", "json"])).unwrap();
    assert_eq!(json[0]["agreements"][0]["areas_en"], serde_json::json!(["training", "research"]));
    assert_eq!(json[1]["scope"], "international");

    let other = Sandbox::new();
    let file = other.write("back.jsonl", &jsonl);
    assert_eq!(other.ok(&["partners", "import", &file]), "4 new, 0 updated, 0 unchanged, 0 rejected\n");
    assert_eq!(list(&other, &["--format", "csv"]), partners_csv);
    assert_eq!(list(&other, &["--format", "csv", "--agreements"]), agreements_csv);

    let third = Sandbox::new();
    let p = third.write("p.csv", &partners_csv);
    let a = third.write("a.csv", &agreements_csv);
    assert_eq!(third.ok(&["partners", "import", &p, &a]), "4 new, 0 updated, 0 unchanged, 0 rejected\n");
    assert_eq!(list(&third, &["--format", "jsonl"]), jsonl);
}

#[test]
fn demo_has_the_fourteen_partners_and_the_memorandum() {
    let sb = Sandbox::new();
    let out = sb.ok(&["demo", "--no-bulletin"]);
    line_starting(&out, "14 partners, 14 agreements (vigie partners list)");
    let json: serde_json::Value = serde_json::from_str(&list(&sb, &["--format", "json"])).unwrap();
    let partners = json.as_array().unwrap();
    assert_eq!(partners.len(), 14);
    assert!(partners.iter().all(|p| p["name_fr"] != "" && p["name_en"] != "" && p["name_ar"] != ""));
    let scihl = partners.iter().find(|p| p["id"] == "scihl").unwrap();
    assert_eq!(scihl["agreements"][0]["signed"], "2023-12-27");
    for lang in ["fr", "en", "ar"] {
        assert_eq!(scihl["agreements"][0][format!("areas_{lang}")].as_array().unwrap().len(), 4, "{lang}");
    }
}

#[test]
fn an_agreement_without_a_known_date_is_kept_and_listed_last() {
    let sb = imported();
    let file = sb.write("undated.csv", format!("{AGREEMENTS}\nnauss,,Cooperation agreement,,,,research,,\n"));
    assert_eq!(sb.ok(&["partners", "import", &file]), "1 new, 0 updated, 0 unchanged, 0 rejected\n");
    assert_eq!(sb.ok(&["partners", "import", &file]), "0 new, 0 updated, 1 unchanged, 0 rejected\n");
    let csv = list(&sb, &["--format", "csv", "--agreements"]);
    let nauss: Vec<&str> = csv.lines().filter(|l| l.starts_with("nauss,")).collect();
    assert_eq!(
        nauss,
        [
            "nauss,,Training agreement,,2022-05-01,,training ; research,,REF/22/1",
            "nauss,,Cooperation agreement,,,,research,,"
        ]
    );
    let json: serde_json::Value = serde_json::from_str(&list(&sb, &["--format", "json"])).unwrap();
    let nauss = json.as_array().unwrap().iter().find(|p| p["id"] == "nauss").unwrap();
    assert_eq!(nauss["agreements"][1]["signed"], "");
}
