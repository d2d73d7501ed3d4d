//! The editors' hand on an issue (the demo's issue file): the editorial
//! signed with its author's name and title, the reference's cover order,
//! the year's eight tiles with the editor's labels, the intros, the
//! highlights panel, and the national days page from the congratulations
//! the coalition sent, each with its flag and message. Read back from the
//! editions' JSON (what both renderers print) and from the real files.

mod common;

use common::Sandbox;
use serde_json::Value;

/// The demo's issue file, as committed.
fn issue_file() -> String {
    format!("{}/demo/issue-58.toml", env!("CARGO_MANIFEST_DIR"))
}

fn demo() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    sb
}

/// The edition of `lang` built from `issue`, as JSON, and what the command
/// said on stderr.
fn edition(sb: &Sandbox, issue: &str, lang: &str) -> (Value, String) {
    let args = ["bulletin", "--issue", issue, "--format", "json", "--lang", lang, "-o", "json"];
    let run = sb.run(&args);
    assert_eq!(run.code, 0, "{run:?}");
    let path = run.stdout.lines().next().unwrap().trim().to_string();
    (serde_json::from_str(&std::fs::read_to_string(sb.path(&path)).unwrap()).unwrap(), run.stderr)
}

fn texts(values: &Value, key: &str) -> Vec<String> {
    values.as_array().unwrap().iter().map(|v| v[key].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_demo_issue_prints_what_its_editors_chose_in_each_language() {
    let sb = demo();
    let issue = issue_file();
    for (lang, title, author_title, tiles) in [
        (
            "fr",
            "Des chiffres que l'on peut vérifier",
            "Responsable de l'observatoire",
            ["Conférences", "Ateliers", "Visites à l'étranger", "Délégations reçues"],
        ),
        (
            "en",
            "Figures that can be checked",
            "Head of the observatory",
            ["Conferences", "Workshops", "Visits abroad", "Delegations received"],
        ),
        (
            "ar",
            "أرقام قابلة للتحقّق",
            "رئيسة المرصد",
            ["المؤتمرات", "ورش العمل", "الزيارات الخارجية", "الوفود المستقبَلة"],
        ),
    ] {
        let (edition, said) = edition(&sb, &issue, lang);
        assert!(!said.contains("notice"), "{lang}: the demo issue is complete in three languages: {said}");
        let editorial = &edition["editorial"];
        assert_eq!(editorial["title"], title, "{lang}");
        assert_eq!(editorial["lang"], lang, "{lang}");
        assert_eq!(editorial["author_title"], author_title, "{lang}");
        // the reference's cover order, not the stories' dates
        let featured: Vec<String> =
            edition["featured"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().into()).collect();
        assert_eq!(
            featured,
            ["chiefs-of-staff-second-meeting", "mou-standing-committee-ihl", "kyrgyz-chief-of-staff-visit"],
            "{lang}"
        );
        let lead_photo = &edition["featured"][0]["images"][0];
        assert!(lead_photo["file"].as_str().unwrap().starts_with("images/"), "{lang}: {lead_photo}");
        assert!(!lead_photo["caption"].as_str().unwrap().is_empty(), "{lang}");
        let year = &edition["year"];
        let figures = year["figures"].as_array().unwrap();
        assert_eq!(figures.len(), 8, "{lang}: the reference's eight tiles");
        let kinds = texts(&year["figures"], "kind");
        assert_eq!(
            kinds,
            [
                "conference",
                "workshop",
                "visit_abroad",
                "delegation_received",
                "internal_activity",
                "training",
                "national_day",
                "delegate_accredited"
            ],
            "{lang}"
        );
        assert_eq!(texts(&year["figures"], "value")[..4], ["17", "11", "12", "59"], "{lang}");
        assert_eq!(texts(&year["figures"], "label")[..4], tiles, "{lang}");
        assert!(!year["intro"].as_str().unwrap().is_empty(), "{lang}");
        assert!(!edition["partners"]["intro"].as_str().unwrap().is_empty(), "{lang}");
        let highlights = year["highlights"].as_array().unwrap();
        assert_eq!(highlights.len(), 4, "{lang}");
        assert!(highlights.iter().all(|h| !h["image"]["caption"].as_str().unwrap().is_empty()), "{lang}");
        // the congratulations sent: six, each with its flag and message
        let days = &edition["national_days"];
        let rows = days["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 6, "{lang}: {days}");
        assert_eq!(rows[0]["flag"], "flags/ae.svg", "{lang}");
        assert!(rows.iter().all(|r| r["message"].as_str().unwrap().chars().count() > 40), "{lang}");
        assert!(days["rule"].as_str().unwrap().contains(match lang {
            "fr" => "registre des activités",
            "en" => "register of activities",
            _ => "سجل أنشطته",
        }));
    }
}

#[test]
fn the_register_rule_lists_every_member_states_national_day_of_the_month() {
    let sb = demo();
    let plain = sb.write("plain.toml", "number = 58\nmonth = \"2023-12\"\n");
    let (edition, _) = edition(&sb, &plain, "en");
    let days = &edition["national_days"];
    assert!(days["rule"].as_str().unwrap().contains("from the member register"), "{days}");
    let rows = days["rows"].as_array().unwrap();
    assert!(rows.iter().all(|r| r["message"] == ""), "the register has no messages");
    assert!(rows.iter().any(|r| r["flag"] == "flags/bf.svg"), "{days}");
    // without tiles: every kind the year counts, then the partnerships
    let kinds = texts(&edition["year"]["figures"], "kind");
    assert_eq!(kinds.last().unwrap(), "partnerships", "{kinds:?}");
    assert!(edition["year"]["highlights"].as_array().unwrap().is_empty());
    assert_eq!(edition["year"]["intro"], "");
}

#[test]
fn an_issue_file_with_a_wrong_choice_is_refused_with_its_place() {
    let sb = demo();
    for (text, said) in [
        ("[[tiles]]\nfigure = \"conferences\"\n", "tiles: unknown figure \"conferences\": use delegation_received,"),
        (
            "highlights = [\"gcc-cooperation-visit-2026\"]\n",
            "highlight \"gcc-cooperation-visit-2026\": the story has no photo",
        ),
        ("highlights = [\"nowhere\"]\n", "highlight \"nowhere\": no published article has this id"),
        ("national_days = \"all\"\n", "unknown variant `all`, expected `register` or `sent`"),
    ] {
        let file = sb.write("issue.toml", format!("number = 58\nmonth = \"2023-12\"\n{text}"));
        let run = sb.run(&["bulletin", "--issue", &file, "--format", "json", "--lang", "en", "-o", "out"]);
        assert_eq!(run.code, 1, "{text}: {run:?}");
        assert!(run.stderr.contains(said), "{text}: {}", run.stderr);
        assert!(!sb.path("out").exists() || std::fs::read_dir(sb.path("out")).unwrap().next().is_none());
    }
}

/// The demo's six files: photos resized and shared, flags on the national
/// days page, and the French and Arabic editions without a word of the
/// English data.
#[test]
fn the_demo_bulletin_shows_photos_and_flags_in_every_edition() {
    let sb = Sandbox::new();
    let run = sb.run(&["demo"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!run.stderr.contains("notice"), "no text of the data fell back: {}", run.stderr);
    for lang in ["fr", "en", "ar"] {
        let html = sb.read(&format!("bulletin/bulletin-58-2023-12.{lang}.html"));
        assert_eq!(html.matches("<img class=\"flag\" src=\"data:image/svg+xml;base64,").count(), 6, "{lang}");
        assert!(html.contains("class=\"lead__photo\""), "{lang}: the cover shows the lead's photo");
        assert!(html.contains("class=\"signature\""), "{lang}: the editorial is signed");
        assert!(html.len() < 3 * 1024 * 1024, "{lang}: {} bytes of HTML", html.len());
        if lang != "en" {
            for english in ["Illustration: Vigie project", "Head of the observatory", "Coalition congratulates"] {
                assert!(!html.contains(english), "{lang}: {english}");
            }
        }
        let pdf = sb.path(&format!("bulletin/bulletin-58-2023-12.{lang}.pdf"));
        let listed = std::process::Command::new("pdfimages").arg("-list").arg(&pdf).output().unwrap();
        let listed = String::from_utf8_lossy(&listed.stdout).to_string();
        let photos: Vec<&str> = listed.lines().skip(2).filter(|l| l.contains(" jpeg ")).collect();
        assert!(photos.len() >= 5, "{lang}: {listed}");
        for line in &photos {
            let width: u32 = line.split_whitespace().nth(3).unwrap().parse().unwrap();
            assert!(width <= 1600, "{lang}: {line}");
        }
        let size = std::fs::metadata(&pdf).unwrap().len();
        assert!(size < 10 * 1024 * 1024, "{lang}: {size} bytes");
    }
}

/// A profile with `digits = "arabic-indic"`: the Arabic edition's text and
/// charts print ٠–٩, codes touching Latin letters stay as written, and the
/// other editions keep Western digits.
#[test]
fn the_arabic_edition_prints_arabic_indic_digits_when_the_profile_asks() {
    let sb = demo();
    let profile = include_str!("../../bulletin/data/organisation.toml");
    let file = sb.write("profile.toml", format!("digits = \"arabic-indic\"\n{profile}"));
    let issue = issue_file();
    let run = sb.run(&["bulletin", "--issue", &issue, "--profile", &file, "--lang", "ar", "-o", "out"]);
    assert_eq!(run.code, 0, "{run:?}");
    let html = sb.read("out/bulletin-58-2023-12.ar.html");
    assert!(html.contains("١٧٥"), "the region's total");
    assert!(html.contains("CC0"), "a licence name keeps its digit");
    let pdf = sb.path("out/bulletin-58-2023-12.ar.pdf");
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("٢٠٢٣") && !text.contains("2023"), "{text}");
    let run =
        sb.run(&["bulletin", "--issue", &issue, "--profile", &file, "--lang", "fr", "--format", "html", "-o", "fr"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!sb.read("fr/bulletin-58-2023-12.fr.html").contains('١'), "French keeps Western digits");
}

/// An Arabic title that begins with a Latin acronym keeps its right-to-left
/// order: the HTML isolates it as right-to-left, whatever its first letter,
/// and the PDF prints it (pdftotext gives the Arabic words back).
#[test]
fn an_arabic_title_that_begins_with_a_latin_acronym_stays_right_to_left() {
    let sb = demo();
    std::fs::create_dir(sb.path("a")).unwrap();
    sb.write(
        "a/acronym.ar.md",
        "+++\nid = \"acronym\"\nlang = \"ar\"\ndate = \"2023-12-20\"\ntitle = \"IMCTC يستقبل وفدًا من الشركاء\"\n\
         status = \"published\"\nfeatured = false\n+++\n\nنص الخبر.\n",
    );
    sb.ok(&["articles", "import", "a"]);
    let run = sb.run(&["bulletin", "--month", "2023-12", "--number", "58", "--lang", "ar", "-o", "out"]);
    assert_eq!(run.code, 0, "{run:?}");
    let html = sb.read("out/bulletin-58-2023-12.ar.html");
    assert!(html.contains("<bdi dir=\"rtl\">IMCTC يستقبل وفدًا من الشركاء</bdi>"), "the title isolated right to left");
    let pdf = sb.path("out/bulletin-58-2023-12.ar.pdf");
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("IMCTC") && text.contains("الشركاء"), "{text}");
}
