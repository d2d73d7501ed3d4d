//! `vigie activities import|list`, `vigie report year` and `vigie report
//! timeline`: all-or-nothing imports with located errors, idempotent
//! re-imports, rejects, list filters and formats that import back, and the
//! two reports against a small register counted by hand.

mod common;

use common::{Sandbox, line_starting};

/// The header of files written before the counterpart, place and
/// description had three languages: these tests' files keep it, as many
/// files in use do (each such text is read as English, with a notice).
const HEADER: &str = "id,kind,date,end_date,title_fr,title_en,title_ar,counterpart_country,counterpart_org,\
                      counterpart_person,counterpart_title,domains,place,description,article,highlight";

/// The header Vigie writes.
const WRITTEN: &str = "id,kind,date,end_date,title_fr,title_en,title_ar,counterpart_country,counterpart_org_fr,\
                       counterpart_org_en,counterpart_org_ar,counterpart_person,counterpart_person_ar,\
                       counterpart_title_fr,counterpart_title_en,counterpart_title_ar,domains,place_fr,place_en,\
                       place_ar,description_fr,description_en,description_ar,article,highlight,organisations,themes";

/// Standard error without the notices of the earlier header's columns.
fn without_notices(text: &str) -> Vec<&str> {
    text.lines().filter(|line| !line.contains(": notice: column ")).collect()
}

/// The register counted by hand. In 2023: 2 conferences (one known only by
/// its month), 1 visit abroad, 1 workshop, 2 delegations received, no
/// training nor any other kind. January's highlights: the visit (1) before
/// the forum (2), although the forum came first; March's: the delegation.
/// One meeting in 2022 and one in 2024, highlights of their own years.
fn register() -> String {
    format!(
        "{HEADER}\n\
         2023-01-10-riyadh-forum,conference,2023-01-10,2023-01-11,Forum de Riyad,Riyadh forum,منتدى الرياض,SA,,,,\
         ideological ; communication,Riyadh,\"Two days,\nthree panels\",riyadh-forum,2\n\
         2023-01-20-visit-chad,Visit_Abroad,2023-01-20,,Visite au Tchad,Visit to Chad,زيارة إلى تشاد,Tchad,\
         Ministry of Defence,General X,Chief of staff,military,N'Djamena,,,1\n\
         2023-01-25-workshop,workshop,2023-01-25,,Atelier,Workshop,ورشة عمل,,,,,,,,,\n\
         2023-03-financing-conference,conference,2023-03,,,Conference on financing,,,,,,counter_financing,,,,\n\
         2023-03-05-niger-delegation,delegation_received,2023-03-05,,Délégation du Niger,,,NE,,,,,,,,1\n\
         2023-11-30-pakistan-delegation,delegation_received,2023-11-30,,,Delegation from Pakistan,,PK,,,,,,,,\n\
         2022-12-31-meeting,meeting,2022-12-31,,,Year-end meeting,,,,,,,,,,1\n\
         2024-01-02-meeting,meeting,2024-01-02,,,New year meeting,,,,,,,,,,1\n"
    )
}

/// The ids of the register in list order (date, highlight, id).
const ALL: [&str; 8] = [
    "2022-12-31-meeting",
    "2023-01-10-riyadh-forum",
    "2023-01-20-visit-chad",
    "2023-01-25-workshop",
    "2023-03-financing-conference",
    "2023-03-05-niger-delegation",
    "2023-11-30-pakistan-delegation",
    "2024-01-02-meeting",
];

fn imported() -> Sandbox {
    let sb = Sandbox::new();
    let file = sb.write("activities.csv", register());
    assert_eq!(sb.ok(&["activities", "import", &file]), "8 new, 0 updated, 0 unchanged, 0 rejected\n");
    sb
}

fn list(sb: &Sandbox, args: &[&str]) -> String {
    let mut all = vec!["activities", "list"];
    all.extend_from_slice(args);
    sb.ok(&all)
}

/// The ids `activities list` gives for these filters, in order.
fn ids(sb: &Sandbox, filters: &[&str]) -> Vec<String> {
    let mut args = vec!["--format", "jsonl"];
    args.extend_from_slice(filters);
    list(sb, &args)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["id"].as_str().unwrap().to_string())
        .collect()
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn good_import_idempotent_reimport_and_update() {
    let sb = imported();
    assert_eq!(ids(&sb, &[]), ALL);
    let csv = list(&sb, &["--format", "csv"]);
    assert!(csv.starts_with(&format!("{WRITTEN}\n2022-12-31-meeting,meeting,2022-12-31,")), "{csv}");
    assert!(
        csv.contains(
            "2023-01-10-riyadh-forum,conference,2023-01-10,2023-01-11,Forum de Riyad,Riyadh forum,منتدى الرياض,SA,,,,,,\
             ,,,ideological ; communication,,Riyadh,,,\"Two days,\nthree panels\",,riyadh-forum,2,,\n"
        ),
        "{csv}"
    );
    // kinds are stored lowercase, country names as their code, months as months
    assert!(csv.contains("\n2023-01-20-visit-chad,visit_abroad,2023-01-20,,Visite au Tchad,Visit to Chad,"), "{csv}");
    assert!(
        csv.contains(",TD,,Ministry of Defence,,General X,,,Chief of staff,,military,,N'Djamena,,,,,,1,,\n"),
        "{csv}"
    );
    assert!(csv.contains("\n2023-03-financing-conference,conference,2023-03,,"), "{csv}");

    let file = sb.path("activities.csv").display().to_string();
    assert_eq!(sb.ok(&["activities", "import", &file]), "0 new, 0 updated, 8 unchanged, 0 rejected\n");
    let changed = sb.write(
        "changed.csv",
        format!(
            "{HEADER}\n\
             2023-01-25-workshop,workshop,2023-01-25,,Atelier,Workshop on messaging,ورشة عمل,,,,,,,,,\n\
             2023-12-01-new,exhibition,2023-12-01,,,Exhibition,,,,,,,,,,\n"
        ),
    );
    assert_eq!(sb.ok(&["activities", "import", &changed]), "1 new, 1 updated, 0 unchanged, 0 rejected\n");
    assert_eq!(ids(&sb, &[]).len(), 9, "the others stay");
    let table = list(&sb, &[]);
    assert!(table.starts_with("id  "), "{table}");
    line_starting(&table, "2023-01-25-workshop             2023-01-25  workshop");
    assert!(table.contains("Workshop on messaging"), "{table}");
    let fr = list(&sb, &["--lang", "fr", "--month", "2023-11"]);
    assert!(fr.contains("Delegation from Pakistan"), "no French title: the English one\n{fr}");
}

#[test]
fn bad_file_gives_located_errors_and_writes_nothing() {
    let sb = imported();
    let before = list(&sb, &["--format", "jsonl"]);
    let file = sb.write(
        "bad.csv",
        format!(
            "{HEADER}\n\
             ok-one,meeting,2023-01-01,,,Fine,,,,,,,,\"first\nsecond\",,\n\
             Bad Id,meeting,2023-01-01,,,T,,,,,,,,,,\n\
             x2,seminar,2023-13,,,T,,,,,,,,,,\n\
             x3,meeting,2023-01-05,2023-01-04,,,,Atlantis,,,,military ; finance,,,,0\n\
             ok-one,meeting,2023-01-02,,,Again,,,,,,,,,,\n"
        ),
    );
    let run = sb.run(&["activities", "import", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stdout, "");
    let lines = without_notices(&run.stderr);
    assert_eq!(
        lines,
        [
            "bad.csv:4: column id: must be lowercase letters, digits and hyphens (at most 64 characters), e.g. \
             2023-12-13-chiefs-of-staff-meeting (got \"Bad Id\")",
            "bad.csv:5: column kind: unknown code: use one of delegation_received, visit_abroad, conference, \
             workshop, training, internal_activity, national_day, delegate_accredited, agreement_signed, exhibition, \
             meeting (got \"seminar\")",
            "bad.csv:5: column date: not a valid date: write YYYY-MM-DD, or YYYY-MM when the day is not known \
             (got \"2023-13\")",
            "bad.csv:6: column end_date: is before the start date 2023-01-05 (got \"2023-01-04\")",
            "bad.csv:6: column title_en: give at least one of title_fr, title_en or title_ar (got \"\")",
            "bad.csv:6: column counterpart_country: unknown country: give an ISO 3166-1 code or the English, French \
             or Arabic name (got \"Atlantis\")",
            "bad.csv:6: column domains: unknown code: use one of ideological, communication, counter_financing, \
             military, separated by \" ; \" (got \"finance\")",
            "bad.csv:6: column highlight: must be a whole number from 1, or empty (got \"0\")",
            "bad.csv:7: column id: appears more than once in this import: give each activity once (got \"ok-one\")",
            "import failed: 9 errors; nothing was written (fix the rows, or import the valid ones with \
             --skip-invalid --rejects FILE)",
        ]
    );
    assert_eq!(list(&sb, &["--format", "jsonl"]), before, "nothing written");

    // a header without a required column: nothing can be read
    let header = sb.write("header.csv", "id,date,title_en\nx,2023-01-01,X\n");
    let run = sb.run(&["activities", "import", &header]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr_lines()[0], "header.csv:1: column kind: required column is missing from the header");
    assert_eq!(list(&sb, &["--format", "jsonl"]), before);

    // a dry run checks and counts, and writes nothing
    let good = sb.write("good.csv", format!("{HEADER}\nnew-one,meeting,2023-05,,,New,,,,,,,,,,\n"));
    assert_eq!(
        sb.ok(&["activities", "import", "--dry-run", &good]),
        "dry run, nothing written: 1 new, 0 updated, 0 unchanged, 0 rejected\n"
    );
    assert_eq!(list(&sb, &["--format", "jsonl"]), before);
}

#[test]
fn skip_invalid_writes_the_valid_ones_and_the_rejects() {
    let sb = Sandbox::new();
    let file = sb.write(
        "mixed.csv",
        format!(
            "{HEADER}\n\
             good-one,meeting,2023-01-01,,,Good,,,,,,,,,,\n\
             bad-one,meeting,2023-01-01,,,Bad,,,,,,ideological ; Ideological,,,,\n\
             good-two,training,2023-02,,,Good two,,,,,,,,,,3\n"
        ),
    );
    let run = sb.run(&["activities", "import", "--skip-invalid", "--rejects", "rejects.csv", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "2 new, 0 updated, 0 unchanged, 1 rejected\nrejected rows written to rejects.csv\n");
    assert_eq!(
        without_notices(&run.stderr),
        ["mixed.csv:3: column domains: appears more than once: give each value once (got \"Ideological\")"]
    );
    assert!(
        run.stderr.contains(
            "mixed.csv: notice: column place was read as place_en, the English text; the French and Arabic go in \
             place_fr and place_ar"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(ids(&sb, &[]), ["good-one", "good-two"]);
    assert_eq!(
        sb.read("rejects.csv"),
        format!(
            "{WRITTEN},reason\n\
             bad-one,meeting,2023-01-01,,,Bad,,,,,,,,,,,ideological ; Ideological,,,,,,,,,,,\
             \"mixed.csv:3: column domains: appears more than once: give each value once (got \"\"Ideological\"\")\"\n"
        )
    );

    // JSON Lines: the rejected objects as read, with their reason
    let jsonl = sb.write(
        "mixed.jsonl",
        "{\"id\":\"j-good\",\"kind\":\"exhibition\",\"date\":\"2023-04-01\",\"title_en\":\"Expo\"}\n\
         {\"id\":\"j-bad\",\"kind\":\"exhibition\",\"date\":\"2023-04-31\",\"title_en\":\"Expo\",\"highlight\":1}\n",
    );
    let run = sb.run(&["activities", "import", "--skip-invalid", "--rejects", "rejects.jsonl", &jsonl]);
    assert_eq!(run.code, 0, "{run:?}");
    let rejected = json(sb.read("rejects.jsonl").trim_end());
    assert_eq!(rejected["id"], "j-bad");
    assert_eq!(rejected["highlight"], 1);
    assert_eq!(
        rejected["reason"],
        "mixed.jsonl:2: column date: not a valid date: write YYYY-MM-DD, or YYYY-MM when the day is not known \
         (got \"2023-04-31\")"
    );
    assert_eq!(ids(&sb, &[]), ["good-one", "good-two", "j-good"]);
}

#[test]
fn json_lines_in_and_located_problems() {
    let sb = Sandbox::new();
    let file = sb.write(
        "activities.jsonl",
        "{\"id\":\"j1\",\"kind\":\"Workshop\",\"date\":\"2023-02-01\",\"title_en\":\"JSON workshop\",\
         \"domains\":[\"communication\",\"military\"],\"highlight\":1,\"counterpart_country\":\"Maroc\"}\n\
         \n\
         {\"id\":\"j2\",\"kind\":\"meeting\",\"date\":\"2023-02\",\"title_ar\":\"اجتماع\",\"highlight\":null,\
         \"article\":null,\"domains\":null}\n",
    );
    assert_eq!(sb.ok(&["activities", "import", &file]), "2 new, 0 updated, 0 unchanged, 0 rejected\n");
    assert_eq!(
        list(&sb, &["--format", "csv"]),
        format!(
            "{WRITTEN}\n\
             j1,workshop,2023-02-01,,,JSON workshop,,MA,,,,,,,,,communication ; military,,,,,,,,1,,\n\
             j2,meeting,2023-02,,,,اجتماع,,,,,,,,,,,,,,,,,,,,\n"
        )
    );
    let value = json(&list(&sb, &["--format", "json"]));
    assert_eq!(value[0]["domains"], serde_json::json!(["communication", "military"]));
    assert_eq!((value[0]["highlight"].as_u64(), value[1]["highlight"].is_null()), (Some(1), true));

    let bad = sb.write(
        "bad.jsonl",
        "{\"id\":\"j3\",\"kind\":\"meeting\",\"date\":\"2023-02-02\",\"title_en\":\"x\",\"colour\":\"red\"}\n\
         {\"id\":\"j4\",\"kind\":\"meeting\",\"date\":\"2023-02-02\",\"title_en\":\"x\",\"domains\":[\"military\",\"military\"]}\n\
         not json\n",
    );
    let run = sb.run(&["activities", "import", &bad]);
    assert_eq!(run.code, 1);
    let lines = run.stderr_lines();
    assert!(lines[0].starts_with("bad.jsonl:1: column colour: unknown key (the keys are id, kind, date,"), "{lines:?}");
    assert_eq!(
        lines[1],
        "bad.jsonl:2: column domains: appears more than once: give each value once (got \"military\")"
    );
    assert!(lines[2].starts_with("bad.jsonl:3: not a JSON object"), "{lines:?}");
    assert_eq!(ids(&sb, &[]), ["j1", "j2"]);
}

#[test]
fn list_formats_import_back_unchanged() {
    let sb = imported();
    let csv = list(&sb, &["--format", "csv"]);
    let jsonl = list(&sb, &["--format", "jsonl"]);
    let array = json(&list(&sb, &["--format", "json"]));
    assert_eq!(array.as_array().unwrap().len(), 8);
    // the array's objects are the JSON Lines ones with their people
    let mut second = array[1].clone();
    assert_eq!(second.as_object_mut().unwrap().remove("people"), Some(serde_json::json!([])));
    assert_eq!(json(jsonl.lines().nth(1).unwrap()), second);

    let from_csv = Sandbox::new();
    let file = from_csv.write("back.csv", &csv);
    assert_eq!(from_csv.ok(&["activities", "import", &file]), "8 new, 0 updated, 0 unchanged, 0 rejected\n");
    assert_eq!(list(&from_csv, &["--format", "csv"]), csv);
    assert_eq!(list(&from_csv, &["--format", "jsonl"]), jsonl);

    let from_jsonl = Sandbox::new();
    let file = from_jsonl.write("back.jsonl", &jsonl);
    assert_eq!(from_jsonl.ok(&["activities", "import", &file]), "8 new, 0 updated, 0 unchanged, 0 rejected\n");
    assert_eq!(list(&from_jsonl, &["--format", "jsonl"]), jsonl);
    assert_eq!(list(&from_jsonl, &["--format", "csv"]), csv);
    // and into the database they came from, nothing changes
    let again = sb.write("again.jsonl", &jsonl);
    assert_eq!(sb.ok(&["activities", "import", &again]), "0 new, 0 updated, 8 unchanged, 0 rejected\n");
}

#[test]
fn list_filters() {
    let sb = imported();
    assert_eq!(ids(&sb, &["--year", "2023"]), &ALL[1..7]);
    assert_eq!(ids(&sb, &["--month", "2023-01"]), &ALL[1..4]);
    assert_eq!(ids(&sb, &["--month", "2023-02"]), Vec::<String>::new());
    assert_eq!(
        ids(&sb, &["--year", "2023", "--kind", "conference", "--kind", "WORKSHOP"]),
        ["2023-01-10-riyadh-forum", "2023-01-25-workshop", "2023-03-financing-conference"]
    );
    assert_eq!(
        ids(&sb, &["--kind", "delegation_received,visit_abroad"]),
        ["2023-01-20-visit-chad", "2023-03-05-niger-delegation", "2023-11-30-pakistan-delegation"]
    );
    assert_eq!(ids(&sb, &["--country", "Tchad"]), ["2023-01-20-visit-chad"]);
    assert_eq!(ids(&sb, &["--country", "pk", "--year", "2023"]), ["2023-11-30-pakistan-delegation"]);
    assert_eq!(ids(&sb, &["--country", "pk", "--kind", "meeting"]), Vec::<String>::new());

    let run = sb.run(&["activities", "list", "--kind", "seminar"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("unknown kind \"seminar\": use one of delegation_received, visit_abroad"), "{run:?}");
    let run = sb.run(&["activities", "list", "--country", "Atlantis"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("unknown country \"Atlantis\""), "{run:?}");
    let run = sb.run(&["activities", "list", "--month", "2023-13"]);
    assert_eq!(run.code, 1);
    assert_eq!(sb.run(&["activities", "list", "--year", "2023", "--month", "2023-01"]).code, 2);
}

/// Partners with four agreements: signed in 2022, in 2023, in 2024, and one
/// whose signing date is not known.
fn with_agreements(sb: &Sandbox) {
    let partners =
        sb.write("partners.csv", "id,name_fr,name_en,name_ar,scope,kind\nnauss,,Naif University,,regional,\n");
    let agreements = sb.write(
        "agreements.csv",
        "partner,title_fr,title_en,title_ar,signed,areas,reference\n\
         nauss,,Before,,2022-05-01,,\n\
         nauss,,During,,2023-06-01,,\n\
         nauss,,After,,2024-02-01,,\n\
         nauss,,Undated,,,,\n",
    );
    assert_eq!(sb.ok(&["partners", "import", &partners, &agreements]), "5 new, 0 updated, 0 unchanged, 0 rejected\n");
}

#[test]
fn report_year_counts_by_hand() {
    let sb = imported();
    with_agreements(&sb);
    let text = sb.ok(&["report", "year", "--year", "2023", "--format", "json"]);
    assert_eq!(
        json(&text),
        serde_json::json!({
            "year": 2023,
            "counts": {
                "delegation_received": 2, "visit_abroad": 1, "conference": 2, "workshop": 1, "training": 0,
                "internal_activity": 0, "national_day": 0, "delegate_accredited": 0, "agreement_signed": 0,
                "exhibition": 0, "meeting": 0
            },
            "agreements_total": 3,
            "agreements_signed": 1
        })
    );
    let keys: Vec<&str> =
        text.lines().filter_map(|l| l.trim().strip_prefix('"')).filter_map(|l| l.split('"').next()).collect();
    assert_eq!(keys[..5], ["year", "counts", "delegation_received", "visit_abroad", "conference"]);
    assert_eq!(keys[13..], ["agreements_total", "agreements_signed"]);

    let next = json(&sb.ok(&["report", "year", "--year", "2024", "--format", "json"]));
    assert_eq!((next["counts"]["meeting"].as_u64(), next["counts"]["conference"].as_u64()), (Some(1), Some(0)));
    assert_eq!((next["agreements_total"].as_u64(), next["agreements_signed"].as_u64()), (Some(4), Some(1)));
    let empty = json(&sb.ok(&["report", "year", "--year", "2016", "--format", "json"]));
    assert!(empty["counts"].as_object().unwrap().values().all(|n| n == 0));
    assert_eq!((empty["agreements_total"].as_u64(), empty["agreements_signed"].as_u64()), (Some(1), Some(0)));

    let en = sb.ok(&["report", "year", "--year", "2023"]);
    let lines: Vec<&str> = en.lines().collect();
    assert_eq!(lines[0], "2023 in numbers");
    let labels: Vec<&str> = lines[2..].iter().map(|l| l.rsplit_once("  ").unwrap().0.trim_end()).collect();
    assert_eq!(
        labels,
        [
            "Conferences",
            "Workshop",
            "Visit abroad",
            "Delegations received",
            "Internal activities",
            "Training courses",
            "National days celebrated",
            "Delegates accredited",
            "Agreement signings",
            "Exhibitions",
            "Meetings",
            "Agreement signed in 2023",
            "Partnership agreements in all, by the end of 2023",
        ]
    );
    assert!(lines[2].ends_with(" 2") && lines[14].ends_with(" 3"), "{en}");
}

#[test]
fn report_year_in_french_and_arabic() {
    let sb = imported();
    with_agreements(&sb);
    let fr = sb.ok(&["report", "year", "--year", "2023", "--lang", "fr"]);
    assert!(fr.starts_with("L'année 2023 en chiffres\n\nConférences "), "{fr}");
    line_starting(&fr, "Délégations reçues ");
    line_starting(&fr, "Accords de partenariat au total, fin 2023 ");
    let ar = sb.ok(&["report", "year", "--year", "2023", "--lang", "ar"]);
    assert!(ar.lines().filter(|l| !l.is_empty()).all(|l| l.starts_with('\u{200F}')), "{ar}");
    for label in ["عام 2023 بالأرقام", "مؤتمران", "زيارة خارجية", "الدورات التدريبية", "إجمالي اتفاقيات الشراكة"]
    {
        assert!(ar.contains(label), "{label}: {ar}");
    }
    let md = sb.ok(&["report", "year", "--year", "2023", "--format", "md", "--lang", "fr"]);
    assert!(
        md.starts_with("## L'année 2023 en chiffres\n\n| Catégorie | Nombre |\n|---|---:|\n| Conférences | 2 |\n"),
        "{md}"
    );
}

#[test]
fn report_timeline_orders_by_highlight_within_a_month() {
    let sb = imported();
    let value = json(&sb.ok(&["report", "timeline", "--year", "2023", "--format", "json"]));
    assert_eq!(
        value,
        serde_json::json!({"year": 2023, "months": [
            {"month": "2023-01", "name": "January", "items": [
                {"id": "2023-01-20-visit-chad", "kind": "visit_abroad", "date": "2023-01-20", "title": "Visit to Chad"},
                {"id": "2023-01-10-riyadh-forum", "kind": "conference", "date": "2023-01-10", "title": "Riyadh forum"}
            ]},
            {"month": "2023-03", "name": "March", "items": [
                {"id": "2023-03-05-niger-delegation", "kind": "delegation_received", "date": "2023-03-05",
                 "title": "Délégation du Niger"}
            ]}
        ]})
    );
    let march = json(&sb.ok(&["report", "timeline", "--year", "2023", "--month", "3", "--format", "json"]));
    assert_eq!(march["months"].as_array().unwrap().len(), 1);
    assert_eq!(march["months"][0]["month"], "2023-03");

    let en = sb.ok(&["report", "timeline", "--year", "2023"]);
    assert_eq!(
        en,
        "Key highlights of 2023\n\
         \n\
         January\n\
         \x20 20 January 2023  Visit to Chad\n\
         \x20 10 January 2023  Riyadh forum\n\
         \n\
         March\n\
         \x20 5 March 2023  Délégation du Niger\n"
    );
}

#[test]
fn report_timeline_without_highlights_is_empty_not_an_error() {
    let sb = imported();
    assert_eq!(
        json(&sb.ok(&["report", "timeline", "--year", "2019", "--format", "json"])),
        serde_json::json!({"year": 2019, "months": []})
    );
    assert_eq!(
        sb.ok(&["report", "timeline", "--year", "2023", "--month", "02"]),
        "Key highlights of February 2023\n\nNo key highlights are recorded for February 2023.\n"
    );
    let empty = Sandbox::new();
    assert_eq!(
        empty.ok(&["report", "timeline", "--year", "2023", "--lang", "fr"]),
        "Faits marquants de l'année 2023\n\nAucun fait marquant n'est enregistré pour l'année 2023.\n"
    );
    assert_eq!(sb.run(&["report", "timeline", "--year", "2023", "--month", "13"]).code, 2);
}

#[test]
fn report_timeline_in_french_and_arabic() {
    let sb = imported();
    let fr = sb.ok(&["report", "timeline", "--year", "2023", "--lang", "fr"]);
    assert!(fr.starts_with("Faits marquants de l'année 2023\n\nJanvier\n  20 janvier 2023  Visite au Tchad\n"), "{fr}");
    assert!(fr.contains("\nMars\n  5 mars 2023  Délégation du Niger\n"), "{fr}");
    let ar = sb.ok(&["report", "timeline", "--year", "2023", "--lang", "ar"]);
    assert!(ar.lines().filter(|l| !l.is_empty()).all(|l| l.starts_with('\u{200F}')), "{ar}");
    for text in ["أبرز محطات عام 2023", "يناير", "20 يناير 2023  زيارة إلى تشاد", "مارس", "Délégation du Niger"]
    {
        assert!(ar.contains(text), "{text}: {ar}");
    }
    let md = sb.ok(&["report", "timeline", "--year", "2023", "--format", "md", "--lang", "ar"]);
    assert!(md.starts_with("<div dir=\"rtl\" lang=\"ar\">\n\n## أبرز محطات عام 2023\n\n### يناير\n\n- **20 يناير 2023** — زيارة إلى تشاد\n"), "{md}");
}

#[test]
fn demo_gives_the_reference_year_in_numbers() {
    let sb = Sandbox::new();
    let out = sb.ok(&["demo", "--no-bulletin"]);
    assert!(out.contains("140 activities"), "{out}");
    let json: serde_json::Value =
        serde_json::from_str(&sb.ok(&["report", "year", "--year", "2023", "--format", "json"])).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "year": 2023,
            "counts": {
                "delegation_received": 59, "visit_abroad": 12, "conference": 17, "workshop": 11, "training": 4,
                "internal_activity": 6, "national_day": 14, "delegate_accredited": 13, "agreement_signed": 1,
                "exhibition": 1, "meeting": 1
            },
            "agreements_total": 14,
            "agreements_signed": 1
        })
    );
    // the reference's December highlights, in its order
    let december: serde_json::Value =
        serde_json::from_str(&sb.ok(&["report", "timeline", "--year", "2023", "--month", "12", "--format", "json"]))
            .unwrap();
    let ids: Vec<&str> =
        december["months"][0]["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "2023-12-13-chiefs-of-staff-second-meeting",
            "2023-12-18-kyrgyz-chief-of-staff-visit",
            "2023-12-27-mou-standing-committee-ihl"
        ]
    );
    let year: serde_json::Value =
        serde_json::from_str(&sb.ok(&["report", "timeline", "--year", "2023", "--format", "json"])).unwrap();
    let per_month: Vec<usize> =
        year["months"].as_array().unwrap().iter().map(|m| m["items"].as_array().unwrap().len()).collect();
    assert_eq!(per_month, [5, 3, 5, 1, 8, 8, 4, 5, 6, 6, 4, 3]);
}
