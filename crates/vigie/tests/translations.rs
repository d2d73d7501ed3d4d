//! Every printed text of the data in the edition's language: the partner
//! register's kinds and an agreement's areas carry French, English and
//! Arabic; files of the earlier layout (one English column) still import,
//! with a notice; `vigie bulletin` lists every text it had to print in
//! another language, and `--strict` refuses to build then.

mod common;

use common::Sandbox;
use serde_json::Value;

fn demo() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    sb
}

/// The edition of `lang` as JSON, and what the command said on stderr.
fn edition(sb: &Sandbox, lang: &str, extra: &[&str]) -> (Value, String) {
    let mut args = vec!["bulletin", "--format", "json", "--lang", lang, "-o", "json", "--month", "2023-12"];
    args.extend_from_slice(&["--number", "58"]);
    args.extend_from_slice(extra);
    let run = sb.run(&args);
    assert_eq!(run.code, 0, "{run:?}");
    let path = run.stdout.lines().next().unwrap().trim().to_string();
    (serde_json::from_str(&std::fs::read_to_string(sb.path(&path)).unwrap()).unwrap(), run.stderr)
}

#[test]
fn the_demo_editions_print_the_memorandums_areas_in_their_language() {
    let sb = demo();
    for (lang, first) in [
        ("fr", "diffusion de la culture du droit international humanitaire"),
        ("en", "promoting the culture of international humanitarian law"),
        ("ar", "نشر ثقافة القانون الدولي الإنساني"),
    ] {
        let (edition, said) = edition(&sb, lang, &[]);
        let areas = &edition["agreements"]["items"][0]["areas"];
        assert_eq!(areas.as_array().unwrap().len(), 4, "{lang}: {areas}");
        assert_eq!(areas[0], first, "{lang}");
        assert!(!said.contains("notice"), "{lang}: the demo is complete in three languages: {said}");
    }
    let listed = sb.ok(&["partners", "list", "--lang", "ar"]);
    assert!(listed.contains("منظمة دولية"), "the partner kinds in Arabic: {listed}");
}

#[test]
fn an_earlier_single_language_file_imports_as_english_with_a_notice() {
    let sb = Sandbox::new();
    sb.write("partners.csv", "id,name_en,scope,kind\nnauss,Naif Arab University,regional,university\n");
    sb.write("agreements.csv", "partner,title_en,signed,areas\nnauss,Memorandum,2023-05-02,training ; research\n");
    let run = sb.run(&["partners", "import", "partners.csv", "agreements.csv"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains(
            "partners.csv: notice: column kind was read as kind_en, the English text; \
             the French and Arabic go in kind_fr and kind_ar"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("agreements.csv: notice: column areas was read as areas_en"), "{}", run.stderr);
    let written = sb.ok(&["partners", "list", "--agreements", "--format", "csv"]);
    assert!(written.starts_with("partner,title_fr,title_en,title_ar,signed,areas_fr,areas_en,areas_ar,reference\n"));
    assert!(written.contains("nauss,,Memorandum,,2023-05-02,,training ; research,,"), "{written}");
}

#[test]
fn lists_of_areas_that_are_not_translations_of_each_other_are_refused() {
    let sb = Sandbox::new();
    sb.write("partners.csv", "id,name_en,scope\nnauss,Naif Arab University,regional\n");
    sb.write(
        "agreements.csv",
        "partner,title_en,signed,areas_fr,areas_en\nnauss,Memorandum,2023-05-02,formation,training ; research\n",
    );
    let run = sb.run(&["partners", "import", "partners.csv", "agreements.csv"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "agreements.csv:2: column areas_fr: must have as many items as areas_en, its translation (2 items), \
             in the same order (got \"formation\")"
        ),
        "{}",
        run.stderr
    );
    assert!(sb.ok(&["partners", "list", "--format", "csv"]).lines().count() == 1, "nothing written");
}

#[test]
fn a_text_missing_in_a_language_is_listed_and_strict_refuses_to_build() {
    let sb = demo();
    // the memorandum's areas lose their Arabic
    let agreements = sb.ok(&["partners", "list", "--agreements", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(agreements.as_bytes());
    let header = reader.headers().unwrap().clone();
    let arabic = header.iter().position(|h| h == "areas_ar").unwrap();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).unwrap();
    for record in reader.records() {
        let mut record: Vec<String> = record.unwrap().iter().map(String::from).collect();
        record[arabic].clear();
        writer.write_record(&record).unwrap();
    }
    sb.write("agreements.csv", writer.into_inner().unwrap());
    sb.ok(&["partners", "import", "agreements.csv"]);

    let (edition, said) = edition(&sb, "ar", &[]);
    assert_eq!(
        edition["agreements"]["items"][0]["areas"][0],
        "promoting the culture of international humanitarian law"
    );
    for n in 1..=4 {
        assert!(
            said.contains(&format!("notice: ar: agreement scihl 2023-12-27: area {n}: printed in English")),
            "{said}"
        );
    }
    let run = sb.run(&["bulletin", "--month", "2023-12", "--number", "58", "--strict", "-o", "strict"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("--strict: 4 texts of the data would print in another language than the edition's"),
        "{}",
        run.stderr
    );
    assert!(!sb.path("strict").join("bulletin-58-2023-12.ar.pdf").exists(), "nothing written");
    assert!(
        sb.ok(&["bulletin", "list"]).trim().lines().count() <= 1,
        "no draft kept: {}",
        sb.ok(&["bulletin", "list"])
    );
}

/// `vigie groups name`: a group an import created is named in Arabic from
/// the command line, audited as `group.name`; a wrong name is refused with
/// its column, nothing changed.
#[test]
fn a_group_is_named_from_the_command_line() {
    let sb = Sandbox::new();
    sb.ok(&["groups", "add", "katiba-serma", "--name", "Katiba Serma"]);
    let out = sb.ok(&["groups", "name", "katiba-serma", "--name-ar", "كتيبة سيرما"]);
    assert!(out.contains("Katiba Serma / Katiba Serma / كتيبة سيرما"), "{out}");
    let table = sb.ok(&["groups", "--lang", "ar"]);
    assert!(table.contains("كتيبة سيرما"), "{table}");
    let audit = sb.ok(&["audit", "--action", "group.name"]);
    assert!(audit.contains("katiba-serma") && audit.contains("name_ar"), "{audit}");
    let run = sb.run(&["groups", "name", "katiba-serma", "--name-fr", "a\nb"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("name_fr: must be one line"), "{}", run.stderr);
    assert_eq!(
        sb.ok(&["groups", "name", "katiba-serma", "--name-ar", "كتيبة سيرما"]).trim(),
        "group katiba-serma already had these names: nothing changed"
    );
    let run = sb.run(&["groups", "name", "nobody", "--name-ar", "x"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no group \"nobody\""), "{}", run.stderr);
}

/// A group an import created prints in the Latin letters it was met in
/// until it is named in Arabic: `vigie bulletin` says so for the Arabic
/// edition, and once `vigie groups name` gave its Arabic name, it prints
/// that.
#[test]
fn a_group_an_import_created_is_listed_until_it_is_named_in_arabic() {
    let sb = demo();
    sb.write(
        "new.csv",
        "id,date,country,location,perpetrator,target,method,killed,status\n\
         new-1,2023-12-09,BF,Djibo,Katiba Serma,military,ambush,3,verified\n",
    );
    sb.ok(&["import", "new.csv", "--new-groups"]);
    let (printed, said) = edition(&sb, "ar", &[]);
    assert!(said.contains("notice: ar: group katiba-serma: name: printed in English"), "{said}");
    assert!(printed.to_string().contains("Katiba Serma"));
    sb.ok(&["groups", "name", "katiba-serma", "--name-ar", "كتيبة سيرما"]);
    let (printed, said) = edition(&sb, "ar", &[]);
    assert!(!said.contains("katiba-serma"), "{said}");
    assert!(printed.to_string().contains("كتيبة سيرما"));
}
