//! `vigie articles import|list|show`: Markdown files with TOML or YAML front
//! matter, translations linked by id and missing ones shown, idempotent
//! re-imports, located errors that write nothing, and images stored by
//! content hash.

mod common;

use common::{Sandbox, line_starting};
use serde_json::Value;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\npixels";
const PNG_HASH: &str = "4624836652c450f26fc11e7e372a59af7963ea7613e59ce92186c60c22301c97";
const OTHER_PNG: &[u8] = b"\x89PNG\r\n\x1a\nother pixels";
const OTHER_PNG_HASH: &str = "4395d14c116eeefeaff43dfe93a33a3605afaa68f5c8a30847693ff68887b774";
const SVG: &[u8] = b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n";
const SVG_HASH: &str = "fb91f9a03c202c5f160eef644da6f2f704b19ac5c5f8b4c124e1b0b485ad57a0";

/// The French version, TOML front matter, with two images.
const MEETING_FR: &str = "+++
id = \"chiefs-of-staff-second-meeting\"
lang = \"fr\"
date = 2023-12-13
title = \"Deuxième réunion des chefs d'état-major\"
subtitle = \"À Riyad\"
kind = \"feature\"
domains = [\"military\", \"ideological\"]
author = \"Département de la communication\"
status = \"published\"
featured = true

[[images]]
file = \"photos/hall.png\"
caption = \"La salle de réunion\"

[[images]]
file = \"logo.svg\"
+++

Riyad a accueilli la **deuxième** réunion.

## Suite
";

/// The English version, YAML front matter, the same picture.
const MEETING_EN: &str = "---
id: chiefs-of-staff-second-meeting
lang: en
date: 2023-12-13
title: Second meeting of the chiefs of staff
status: published
featured: true
images:
  - file: photos/hall.png
    caption: The meeting hall
---
Riyadh hosted the **second** meeting.
";

/// A story written in English only, a draft.
const OPINION_EN: &str = "---
id: why-words-matter
lang: en
date: 2024-01-05
title: Why words matter
kind: opinion
domains: communication
---
Text.
";

/// A sandbox whose `articles` folder holds the two stories and their images.
fn sandbox() -> Sandbox {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.path("articles/photos")).unwrap();
    sb.write("articles/meeting.fr.md", MEETING_FR);
    sb.write("articles/meeting.en.md", MEETING_EN);
    sb.write("articles/opinion.en.md", OPINION_EN);
    sb.write("articles/photos/hall.png", PNG);
    sb.write("articles/logo.svg", SVG);
    sb.write("articles/notes.txt", "not an article: ignored");
    sb.write("articles/.meeting.fr.md", "an editor's backup: ignored");
    sb
}

fn imported() -> Sandbox {
    let sb = sandbox();
    assert_eq!(sb.ok(&["articles", "import", "articles"]), "3 new, 0 updated, 0 unchanged, 0 rejected\n");
    sb
}

fn list(sb: &Sandbox, args: &[&str]) -> String {
    let mut all = vec!["articles", "list"];
    all.extend_from_slice(args);
    sb.ok(&all)
}

fn json(sb: &Sandbox, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&list(sb, &all)).expect("list JSON")
}

#[test]
fn translations_are_linked_and_missing_ones_shown() {
    let sb = imported();
    let run = sb.run(&["articles", "list"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "id                              date        kind     status     featured  languages  missing  title\n\
         chiefs-of-staff-second-meeting  2023-12-13  mixed    published  yes       fr en      ar       Second meeting of the chiefs of staff\n\
         why-words-matter                2024-01-05  opinion  draft      no        en         fr ar    Why words matter\n"
    );
    assert_eq!(run.stderr, "2 stories, 2 missing a translation\n");
    let french = list(&sb, &["--lang", "fr"]);
    assert!(
        line_starting(&french, "chiefs-of-staff-second-meeting").ends_with("Deuxième réunion des chefs d'état-major")
    );
    assert!(french.contains("Why words matter"), "no French title: the English one");

    let stories = json(&sb, &[]);
    let meeting = &stories[0];
    assert_eq!(meeting["id"], "chiefs-of-staff-second-meeting");
    assert_eq!(meeting["date"], "2023-12-13");
    assert_eq!(meeting["missing"], serde_json::json!(["ar"]));
    let versions = meeting["versions"].as_object().unwrap();
    assert_eq!(versions.keys().collect::<Vec<_>>(), ["en", "fr"]);
    let fr = &versions["fr"];
    assert_eq!(fr["title"], "Deuxième réunion des chefs d'état-major");
    assert_eq!(fr["subtitle"], "À Riyad");
    assert_eq!(fr["kind"], "feature");
    assert_eq!(fr["status"], "published");
    assert_eq!(fr["featured"], true);
    assert_eq!(fr["author"], "Département de la communication");
    assert_eq!(fr["domains"], serde_json::json!(["military", "ideological"]));
    assert_eq!(versions["en"]["kind"], "news", "the default kind");
    let opinion = &stories[1];
    assert_eq!(opinion["missing"], serde_json::json!(["fr", "ar"]));
    assert_eq!(opinion["versions"]["en"]["status"], "draft", "the default status");
    assert_eq!(opinion["versions"]["en"]["featured"], false);
    assert_eq!(opinion["versions"]["en"]["domains"], serde_json::json!(["communication"]));

    let jsonl = list(&sb, &["--format", "jsonl"]);
    let lines: Vec<Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines, stories.as_array().unwrap().clone());

    assert_eq!(
        list(&sb, &["--format", "csv"]),
        "id,lang,date,kind,status,featured,title,subtitle,author,domains,images,translations,missing\n\
         chiefs-of-staff-second-meeting,fr,2023-12-13,feature,published,true,Deuxième réunion des chefs d'état-major,À Riyad,Département de la communication,military ; ideological,2,en,ar\n\
         chiefs-of-staff-second-meeting,en,2023-12-13,news,published,true,Second meeting of the chiefs of staff,,,,1,fr,ar\n\
         why-words-matter,en,2024-01-05,opinion,draft,false,Why words matter,,,communication,0,,fr ar\n"
    );
}

#[test]
fn list_filters() {
    let sb = imported();
    let ids = |args: &[&str]| -> Vec<String> {
        json(&sb, args).as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(ids(&["--month", "2024-01"]), ["why-words-matter"]);
    assert_eq!(ids(&["--month", "2023-12"]), ["chiefs-of-staff-second-meeting"]);
    assert!(ids(&["--month", "2024-02"]).is_empty());
    assert_eq!(ids(&["--status", "draft"]), ["why-words-matter"]);
    assert_eq!(ids(&["--featured"]), ["chiefs-of-staff-second-meeting"]);
    let run = sb.run(&["articles", "list", "--month", "2024-13"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("is not a month"), "{run:?}");
}

#[test]
fn images_are_stored_by_content_hash() {
    let sb = imported();
    let stories = json(&sb, &[]);
    assert_eq!(
        stories[0]["versions"]["fr"]["images"],
        serde_json::json!([
            {"file": "photos/hall.png", "caption": "La salle de réunion", "hash": PNG_HASH, "media_type": "image/png"},
            {"file": "logo.svg", "caption": "", "hash": SVG_HASH, "media_type": "image/svg+xml"},
        ])
    );
    assert_eq!(
        stories[0]["versions"]["en"]["images"],
        serde_json::json!([
            {"file": "photos/hall.png", "caption": "The meeting hall", "hash": PNG_HASH, "media_type": "image/png"},
        ])
    );
    // the bytes are in the database: the bulletin does not need the folder
    std::fs::remove_dir_all(sb.path("articles")).unwrap();
    let images = stored_images(&sb);
    assert_eq!(images, [(PNG_HASH.to_string(), PNG.to_vec()), (SVG_HASH.to_string(), SVG.to_vec())]);

    // a picture replaced: the one no article shows any more is dropped
    let sb = sandbox();
    sb.ok(&["articles", "import", "articles"]);
    sb.write("articles/photos/hall.png", OTHER_PNG);
    assert_eq!(sb.ok(&["articles", "import", "articles"]), "0 new, 2 updated, 1 unchanged, 0 rejected\n");
    let hashes: Vec<String> = stored_images(&sb).into_iter().map(|(hash, _)| hash).collect();
    assert_eq!(hashes, [OTHER_PNG_HASH, SVG_HASH]);
}

fn stored_images(sb: &Sandbox) -> Vec<(String, Vec<u8>)> {
    let db = rusqlite::Connection::open(sb.db()).unwrap();
    let mut statement = db.prepare("SELECT hash, bytes FROM image ORDER BY hash").unwrap();
    statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?))).unwrap().map(Result::unwrap).collect()
}

#[test]
fn reimport_is_idempotent_and_updates_what_changed() {
    let sb = imported();
    let before = list(&sb, &["--format", "json"]);
    assert_eq!(sb.ok(&["articles", "import", "articles"]), "0 new, 0 updated, 3 unchanged, 0 rejected\n");
    assert_eq!(list(&sb, &["--format", "json"]), before);

    sb.write("articles/meeting.en.md", MEETING_EN.replace("Second meeting", "The second meeting"));
    sb.write("articles/opinion.en.md", OPINION_EN.replace("Text.", "Text, revised."));
    assert_eq!(sb.ok(&["articles", "import", "articles"]), "0 new, 2 updated, 1 unchanged, 0 rejected\n");
    let show = sb.ok(&["articles", "show", "why-words-matter"]);
    assert!(show.ends_with("+++\nText, revised.\n"), "{show}");
    let table = list(&sb, &[]);
    assert!(
        line_starting(&table, "chiefs-of-staff-second-meeting").ends_with("The second meeting of the chiefs of staff")
    );

    // a translation added: the story is complete
    sb.write(
        "articles/meeting.ar.md",
        "+++\nid = \"chiefs-of-staff-second-meeting\"\nlang = \"ar\"\ndate = \"2023-12-13\"\ntitle = \"الاجتماع الثاني لرؤساء الأركان\"\n+++\nنص.\n",
    );
    assert_eq!(sb.ok(&["articles", "import", "articles"]), "1 new, 0 updated, 3 unchanged, 0 rejected\n");
    let run = sb.run(&["articles", "list"]);
    assert_eq!(run.stderr, "2 stories, 1 missing a translation\n");
    assert_eq!(json(&sb, &[])[0]["missing"], serde_json::json!([]));

    // a dry run counts, and writes nothing
    sb.write("articles/opinion.en.md", OPINION_EN.replace("Text.", "Third text."));
    assert_eq!(
        sb.ok(&["articles", "import", "articles", "--dry-run"]),
        "dry run, nothing written: 0 new, 1 updated, 3 unchanged, 0 rejected\n"
    );
    assert!(sb.ok(&["articles", "show", "why-words-matter"]).ends_with("Text, revised.\n"));
}

#[test]
fn show_prints_front_matter_and_body() {
    let sb = imported();
    let run = sb.run(&["articles", "show", "chiefs-of-staff-second-meeting", "--lang", "fr"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        format!(
            "+++
id = \"chiefs-of-staff-second-meeting\"
lang = \"fr\"
date = \"2023-12-13\"
title = \"Deuxième réunion des chefs d'état-major\"
subtitle = \"À Riyad\"
kind = \"feature\"
domains = [\"military\", \"ideological\"]
author = \"Département de la communication\"
status = \"published\"
featured = true

[[images]]
file = \"photos/hall.png\"
caption = \"La salle de réunion\"
# image/png, sha256 {PNG_HASH}

[[images]]
file = \"logo.svg\"
# image/svg+xml, sha256 {SVG_HASH}
+++
Riyad a accueilli la **deuxième** réunion.

## Suite
"
        )
    );
    assert_eq!(run.stderr, "chiefs-of-staff-second-meeting: fr, en; missing: ar\n");
    let both = sb.ok(&["articles", "show", "chiefs-of-staff-second-meeting"]);
    assert_eq!(both.matches("+++\nid = ").count(), 2, "{both}");
    assert!(both.find("lang = \"fr\"") < both.find("lang = \"en\""));

    // what show prints imports back unchanged
    std::fs::create_dir_all(sb.path("again")).unwrap();
    let en = sb.ok(&["articles", "show", "chiefs-of-staff-second-meeting", "--lang", "en"]);
    sb.write("again/meeting.en.md", en);
    std::fs::create_dir_all(sb.path("again/photos")).unwrap();
    sb.write("again/photos/hall.png", PNG);
    assert_eq!(sb.ok(&["articles", "import", "again"]), "0 new, 0 updated, 1 unchanged, 0 rejected\n");

    let run = sb.run(&["articles", "show", "why-words-matter", "--lang", "ar"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "error: article why-words-matter has no ar version (it has en)\n");
    let run = sb.run(&["articles", "show", "nothing-here"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no article \"nothing-here\""), "{run:?}");
}

/// Imports `articles` with `name` written as `contents` beside the good
/// files; asserts it fails with exactly `problems` and writes nothing.
fn fails_with(name: &str, contents: &[u8], problems: &[&str]) {
    let sb = sandbox();
    sb.write(&format!("articles/{name}"), contents);
    sb.write("articles/fake.png", "GIF89a: not one of ours");
    sb.write(
        "articles/tracker.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://tracker.example/p.png"/></svg>"#,
    );
    let run = sb.run(&["articles", "import", "articles"]);
    assert_eq!(run.code, 1, "{name}: {run:?}");
    assert_eq!(run.stdout, "", "{name}");
    let lines = run.stderr_lines();
    assert_eq!(lines[..lines.len() - 1], *problems, "{name}");
    let last = lines.last().unwrap();
    assert!(last.starts_with(&format!("import failed: {} error", problems.len())), "{last}");
    assert!(last.contains("nothing was written"), "{last}");
    let run = sb.run(&["articles", "list", "--format", "json"]);
    assert_eq!(run.stdout, "[]\n", "{name}: nothing written");
    assert!(!sb.db().exists() || stored_images(&sb).is_empty(), "{name}: no image written");
}

#[test]
fn bad_files_give_located_errors_and_write_nothing() {
    fails_with(
        "plain.en.md",
        b"# A title\n\nNo front matter.\n",
        &[
            "articles/plain.en.md:1: no front matter: an article starts with a line +++ (TOML) or --- (YAML), then its keys",
        ],
    );
    fails_with(
        "unclosed.en.md",
        b"+++\nid = \"x\"\n",
        &["articles/unclosed.en.md:1: the front matter is not closed: add a line +++ after its last key"],
    );
    fails_with(
        "typo.en.md",
        b"---\nid: typo\nlang: en\ndate: 2024-01-01\ntitle: T\nauthr: Someone\n---\nText\n",
        &[
            "articles/typo.en.md:6: authr: unknown key: did you mean author? use id, lang, date, title, subtitle, kind, domains, author, author_title, status, featured, images",
        ],
    );
    fails_with(
        "dates.en.md",
        b"+++\nid = \"dates\"\nlang = \"en\"\ndate = \"2024-02-30\"\ntitle = \"T\"\n+++\n",
        &["articles/dates.en.md:4: date: not a valid date: write YYYY-MM-DD (got \"2024-02-30\")"],
    );
    fails_with(
        "lang.de.md",
        b"---\nid: lang\n\nlang: de\ndate: 2024-01-01\ntitle: T\n---\n",
        &["articles/lang.de.md:4: lang: unknown code: use one of fr, en, ar (got \"de\")"],
    );
    fails_with(
        "required.en.md",
        b"---\nlang: en\ndate: 2024-01-01\n---\nText\n",
        &["articles/required.en.md:1: id: is required", "articles/required.en.md:1: title: is required"],
    );
    fails_with(
        "types.en.md",
        b"+++\nid = \"types\"\nlang = \"en\"\ndate = \"2024-01-01\"\ntitle = 12\nfeatured = \"yes\"\n+++\n",
        &[
            "articles/types.en.md:5: title: must be text, not a number: put it in quotes",
            "articles/types.en.md:6: featured: must be true or false (without quotes) (got \"yes\")",
        ],
    );
    fails_with(
        "missing-image.en.md",
        b"---\nid: missing-image\nlang: en\ndate: 2024-01-01\ntitle: T\nimages:\n  - file: photos/hall.png\n  - caption: Lost\n    file: photos/lost.jpg\n---\n",
        &[
            "articles/missing-image.en.md:9: images[2].file: no such file (looked for articles/photos/lost.jpg) (got \"photos/lost.jpg\")",
        ],
    );
    fails_with(
        "not-image.en.md",
        b"+++\nid = \"not-image\"\nlang = \"en\"\ndate = \"2024-01-01\"\ntitle = \"T\"\n\n[[images]]\nfile = \"fake.png\"\n+++\n",
        &[
            "articles/not-image.en.md:8: images[1].file: not a PNG, JPEG or SVG image (by its content) (got \"fake.png\")",
        ],
    );
    fails_with(
        "unsafe-svg.en.md",
        b"+++\nid = \"unsafe-svg\"\nlang = \"en\"\ndate = \"2024-01-01\"\ntitle = \"T\"\n\n[[images]]\nfile = \"logo.svg\"\n\n[[images]]\nfile = \"tracker.svg\"\n+++\n",
        &[
            "articles/unsafe-svg.en.md:11: images[2].file: unsafe SVG: line 1: its xlink:href links outside the drawing \
             (https://tracker.example/p.png); only #ids are allowed, and in <image> embedded PNG, JPEG, GIF or WebP data \
             (got \"tracker.svg\")",
        ],
    );
    fails_with(
        "zz-duplicate.md",
        b"---\ndate: 2024-01-01\nid: why-words-matter\nlang: en\ntitle: Again\n---\n",
        &[
            "articles/zz-duplicate.md:3: id: the en version of why-words-matter is already in articles/opinion.en.md:2: \
             give each story one file per language",
        ],
    );
    fails_with(
        "syntax.en.md",
        b"---\nid: syntax\ntitle: [unclosed\n---\n",
        &["articles/syntax.en.md:4: YAML front matter: while parsing a flow sequence, expected ',' or ']'"],
    );
    fails_with(
        "binary.en.md",
        b"+++\nid = \"\xff\"\n+++\n",
        &["articles/binary.en.md:2: not UTF-8 text: save the file as UTF-8"],
    );
}

#[test]
fn skip_invalid_imports_the_valid_files() {
    let sb = sandbox();
    sb.write("articles/bad.en.md", "---\nid: bad\nlang: en\ndate: 2024-01-01\ntitle: T\nkind: interview\n---\n");
    let run = sb.run(&["articles", "import", "articles", "--skip-invalid"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "3 new, 0 updated, 0 unchanged, 1 rejected\n");
    assert_eq!(
        run.stderr,
        "articles/bad.en.md:6: kind: unknown code: use one of news, opinion, feature (got \"interview\")\n"
    );
    let ids: Vec<String> =
        json(&sb, &[]).as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["chiefs-of-staff-second-meeting", "why-words-matter"]);
}

#[test]
fn a_folder_without_articles_is_an_error() {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.path("empty")).unwrap();
    let run = sb.run(&["articles", "import", "empty"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "error: cannot read empty: no article files (*.md) in this folder\n");
    let run = sb.run(&["articles", "import", "absent"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("error: cannot read absent: "), "{run:?}");
}
