//! `vigie bulletin --format pdf`: the PDF editions of the demo issue, read
//! back with poppler's `pdftotext`, `pdfinfo` and `pdftoppm`: every section's
//! words in every language, the cover's "continued on page N" pointing at the
//! page the story starts on, pages that render, byte-identical runs, a
//! story whose title is full of Typst markup printed as plain text, and
//! names typed in Latin letters drawn as typed in the Arabic edition.

mod common;

use std::process::Command;

use common::Sandbox;
use serde_json::Value;

const LANGS: [&str; 3] = ["fr", "en", "ar"];

fn demo() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    sb
}

/// Prints the December issue into `dir` in `format` (all languages).
fn bulletin(sb: &Sandbox, format: &str, dir: &str) {
    sb.ok(&["bulletin", "--month", "2023-12", "--number", "58", "--format", format, "-o", dir]);
}

fn pdf_path(sb: &Sandbox, dir: &str, lang: &str) -> String {
    sb.path(&format!("{dir}/bulletin-58-2023-12.{lang}.pdf")).display().to_string()
}

fn edition(sb: &Sandbox, dir: &str, lang: &str) -> Value {
    let text = sb.read(&format!("{dir}/bulletin-58-2023-12.{lang}.json"));
    serde_json::from_str(&text).expect("edition JSON")
}

fn tool(program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} (Debian poppler-utils) cannot be run: {e}"));
    assert!(output.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The text of pages `first..=last` (1-based), normalised.
fn pages_text(pdf: &str, first: usize, last: usize) -> String {
    normalise(&tool("pdftotext", &["-f", &first.to_string(), "-l", &last.to_string(), "-enc", "UTF-8", pdf, "-"]))
}

/// The text of each page, normalised.
fn each_page(pdf: &str) -> Vec<String> {
    (1..=page_count(pdf)).map(|page| pages_text(pdf, page, page)).collect()
}

fn page_count(pdf: &str) -> usize {
    let info = tool("pdfinfo", &[pdf]);
    let line = info.lines().find(|l| l.starts_with("Pages:")).expect("Pages: in pdfinfo's output");
    line["Pages:".len()..].trim().parse().expect("a page count")
}

/// Text as comparable words: the bidi controls pdftotext wraps Arabic and
/// digit runs in made spaces (a digit run can come out against a word),
/// Arabic vowel marks removed (pdftotext moves them about), words hyphenated
/// at a line's end joined, every run of white space (line ends, no-break
/// spaces) one space.
fn normalise(text: &str) -> String {
    let joined = text.replace("\u{AD}\n", "").replace('\u{AD}', "");
    let kept: String = joined
        .chars()
        .filter(|c| !is_mark(*c))
        .map(|c| {
            let control = matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            if control || c.is_whitespace() { ' ' } else { c }
        })
        .collect();
    kept.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn s<'a>(value: &'a Value, pointer: &str) -> &'a str {
    value.pointer(pointer).and_then(Value::as_str).unwrap_or_else(|| panic!("{pointer} in the edition"))
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// The words of an Arabic `wanted` that pdftotext gives back: it splits and
/// repeats the letters of a word with a vowel mark (Typst's text of a
/// cluster), those words are left out; it detaches the punctuation that
/// ends a word ("شهر،" comes out "شهر ،"), which is left out too.
fn plain_words(wanted: &str) -> Vec<String> {
    wanted
        .split_whitespace()
        .filter(|w| !w.chars().any(is_mark))
        .map(|w| w.trim_end_matches(['،', '؛', '؟', '.', ':']))
        .filter(|w| !w.is_empty())
        .map(normalise)
        .collect()
}

/// `wanted` is in `text`, in order; for Arabic, where a mixed line's digits
/// come out elsewhere, each word at least.
fn assert_has(text: &str, wanted: &str, what: &str) {
    if text.contains(&normalise(wanted)) {
        return;
    }
    assert!(wanted.chars().any(is_arabic), "{what}: {wanted:?} is not in the PDF text:\n{text}");
    let words: Vec<&str> = text.split(' ').collect();
    for word in plain_words(wanted) {
        assert!(words.contains(&word.as_str()), "{what}: {word:?} (of {wanted:?}) is not in the PDF text:\n{text}");
    }
}

/// `wanted`, in order, is in `text`.
fn assert_in_order(text: &str, wanted: &str, what: &str) {
    let wanted = normalise(wanted);
    assert!(text.contains(&wanted), "{what}: {wanted:?} is not in the PDF text:\n{text}");
}

/// The whole numbers that follow `after` in `text`, up to `n` of them.
fn numbers_after(text: &str, after: &str, n: usize) -> Vec<String> {
    let after = normalise(after);
    let start = text.find(&after).unwrap_or_else(|| panic!("{after:?} is not in:\n{text}"));
    text[start + after.len()..]
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_string)
        .collect()
}

/// Whether `text` holds `wanted` (in order, or for Arabic every word).
fn holds(text: &str, wanted: &str) -> bool {
    if text.contains(&normalise(wanted)) {
        return true;
    }
    let words: Vec<&str> = text.split(' ').collect();
    wanted.chars().any(is_arabic) && plain_words(wanted).iter().all(|w| words.contains(&w.as_str()))
}

/// The first page (1-based) after `after` whose text holds `wanted`.
fn first_page_with(pages: &[String], wanted: &str, after: usize) -> Option<usize> {
    pages.iter().enumerate().skip(after).find(|(_, text)| holds(text, wanted)).map(|(i, _)| i + 1)
}

/// The demo issue printed once (and once more, to compare), then read in
/// every way the checks below read it.
#[test]
fn the_demo_issue_in_pdf() {
    let sb = demo();
    bulletin(&sb, "pdf", "pdf");
    bulletin(&sb, "json", "json");
    bulletin(&sb, "pdf", "again");
    every_section_is_printed_in_every_language(&sb);
    arabic_reads_in_logical_order(&sb);
    the_cover_says_on_which_page_each_story_continues(&sb);
    every_page_renders_and_two_runs_are_identical(&sb);
    no_text_runs_over_other_text_or_off_the_page(&sb);
    a_page_s_columns_fill_in_reading_order(&sb);
}

fn every_section_is_printed_in_every_language(sb: &Sandbox) {
    for lang in LANGS {
        let ed = edition(sb, "json", lang);
        let pdf = pdf_path(sb, "pdf", lang);
        let pages = page_count(&pdf);
        let cover = pages_text(&pdf, 1, 1);
        let all = pages_text(&pdf, 1, pages);
        let each = each_page(&pdf);

        // the masthead
        assert_has(&cover, s(&ed, "/publication"), "publication");
        for word in s(&ed, "/issue_line").split_whitespace() {
            assert_has(&cover, word, "a word of the issue line");
        }
        assert_has(&cover, s(&ed, "/short_name"), "short name");
        // the cover's stories, then the stories told in full
        for story in ed["featured"].as_array().unwrap() {
            assert_has(&cover, s(story, "/title"), "a featured title on the cover");
        }
        let after_cover = pages_text(&pdf, 2, pages);
        for story in ed["featured"].as_array().unwrap().iter().chain(ed["articles"].as_array().unwrap()) {
            assert_has(&after_cover, s(story, "/title"), "a story title");
            assert_has(&after_cover, s(story, "/subtitle"), "a story subtitle");
        }
        assert_has(&after_cover, s(&ed, "/labels/contents"), "contents");
        assert_has(&after_cover, s(&ed, "/labels/news"), "news");
        assert_has(&after_cover, s(&ed, "/labels/footer"), "footer");
        // the standing pages and the domains of action
        assert_has(&all, s(&ed, "/pages/0/title"), "who we are");
        assert_has(&all, s(&ed, "/domains/title"), "domains of action");
        assert_has(&all, s(&ed, "/domains/items/3/title"), "the fourth domain");
        // the month's agreements and the partners
        assert_has(&all, s(&ed, "/agreements/title"), "agreements");
        assert_has(&all, s(&ed, "/agreements/items/0/title"), "an agreement");
        assert_has(&all, s(&ed, "/partners/count_label"), "partner count");
        for name in ed["partners"]["names"].as_array().unwrap() {
            assert_has(&all, name.as_str().unwrap(), "a partner");
        }
        // the year in numbers: 59 delegations received, and the timeline
        let delegations = ed["year"]["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["kind"] == "delegation_received")
            .expect("delegations received");
        assert_eq!(delegations["value"], "59");
        let year_page = first_page_with(&each, s(&ed, "/year/title"), 2).expect("the year's page");
        let year_text = &each[year_page - 1];
        assert!(year_text.split(' ').any(|w| w == "59"), "{lang}: 59 is not on the year's page:\n{year_text}");
        assert_has(year_text, s(delegations, "/label"), "the figure's label");
        assert_has(&all, s(&ed, "/year/timeline_title"), "timeline title");
        assert_has(&all, s(&ed, "/year/months/0/name"), "a timeline month");
        assert_has(&all, s(&ed, "/year/months/0/items/0/title"), "a timeline item");
        assert_has(&all, s(&ed, "/year/months/11/items/0/title"), "a December timeline item");
        // the statistics: the table's cells, the total, the summary
        let region = &ed["regions"][0];
        assert_has(&all, s(region, "/title"), "region title");
        let stats_page = first_page_with(&each, s(region, "/title"), 2).expect("the statistics page");
        let stats = pages_text(&pdf, stats_page, pages);
        let table = &stats[stats.find(&normalise(s(region, "/table/victims"))).expect("the table's header")..];
        let burkina = s(region, "/table/rows/0/country");
        assert_eq!(numbers_after(table, burkina, 4), ["3", "3", "167", "98"], "{lang}: Burkina Faso's row");
        let total = s(region, "/table/total/country");
        assert_eq!(numbers_after(table, total, 4), ["6", "7", "197", "175"], "{lang}: the total row");
        let summary = s(region, "/summary");
        if lang == "ar" {
            // the digits of a right-to-left line come out reordered: the
            // words, then the percentages
            for word in summary.split_whitespace().filter(|w| !w.chars().any(|c| c.is_ascii_digit())) {
                assert_has(&all, word, "a word of the summary");
            }
        } else {
            assert_has(&all, summary, "the summary");
        }
        assert!(all.contains("17") && all.contains("11") && all.contains('%'), "{lang}: the summary's percentages");
        assert_has(&all, s(region, "/notes_title"), "notes title");
        assert_has(&all, s(region, "/notes/0/country"), "a note's country");
        // the national days
        assert_has(&all, s(&ed, "/national_days/title"), "national days");
        assert_has(&all, s(&ed, "/national_days/rows/0/country"), "a national day's country");
        assert_has(&all, s(&ed, "/national_days/rows/0/name"), "a national day's name");
        assert_has(&all, s(&ed, "/national_days/rows/0/date"), "a national day's date");
    }
}

fn arabic_reads_in_logical_order(sb: &Sandbox) {
    let pdf = pdf_path(sb, "pdf", "ar");
    let all = pages_text(&pdf, 1, page_count(&pdf));
    for words in [
        "التحالف الإسلامي العسكري لمحاربة الإرهاب",
        "النشرة الشهرية",
        "بوركينا فاسو",
        "الأعياد الوطنية للدول الأعضاء",
        "مجالات العمل",
    ] {
        assert_in_order(&all, words, "Arabic words");
    }
    // the Latin editions keep their own words
    let fr = pages_text(&pdf_path(sb, "pdf", "fr"), 1, 2);
    assert_has(&fr, "Bulletin mensuel", "French masthead");
    assert!(!fr.contains("التحالف"), "no Arabic in the French masthead");
}

fn the_cover_says_on_which_page_each_story_continues(sb: &Sandbox) {
    for lang in LANGS {
        let ed = edition(sb, "json", lang);
        let pdf = pdf_path(sb, "pdf", lang);
        let pages = each_page(&pdf);
        let continued = normalise(s(&ed, "/labels/continued"));
        // the contents list the titles too: stories start after them
        let contents = first_page_with(&pages, s(&ed, "/labels/contents"), 1).expect("a contents page");
        let mut expected = Vec::new();
        for story in ed["featured"].as_array().unwrap() {
            let page = first_page_with(&pages, s(story, "/title"), contents)
                .unwrap_or_else(|| panic!("{lang}: {} is told nowhere", s(story, "/title")));
            expected.push(page);
        }
        for region in ed["regions"].as_array().unwrap() {
            expected.push(first_page_with(&pages, s(region, "/title"), contents).expect("the region's page"));
        }
        assert!(expected.iter().all(|&p| p > contents), "{lang}: {expected:?}");
        // "Continued on page N", once for each story and region, in order
        let cover = &pages[0];
        let mut said: Vec<usize> = cover
            .match_indices(&continued)
            .map(|(i, _)| {
                let rest = &cover[i + continued.len()..];
                let number: String = rest.trim_start().chars().take_while(char::is_ascii_digit).collect();
                number.parse().unwrap_or_else(|_| panic!("{lang}: no page number after {continued:?}"))
            })
            .collect();
        assert_eq!(said.len(), expected.len(), "{lang}: {cover}");
        // the lead story comes first on the cover
        assert_eq!(said[0], expected[0], "{lang}: the lead story");
        said.sort_unstable();
        let mut sorted = expected.clone();
        sorted.sort_unstable();
        assert_eq!(said, sorted, "{lang}: the pages the cover points at");
        // and the story's title is on the page said
        for (story, page) in ed["featured"].as_array().unwrap().iter().zip(&expected) {
            assert_has(&pages[page - 1], s(story, "/title"), "the story on the page the cover says");
        }
    }
}

fn every_page_renders_and_two_runs_are_identical(sb: &Sandbox) {
    for lang in LANGS {
        let one = pdf_path(sb, "pdf", lang);
        let two = pdf_path(sb, "again", lang);
        assert!(std::fs::read(&one).unwrap() == std::fs::read(&two).unwrap(), "{lang}: two runs differ");
        let pages = page_count(&one);
        assert!((10..=40).contains(&pages), "{lang}: {pages} pages");
        let prefix = sb.path(&format!("png-{lang}/p"));
        std::fs::create_dir_all(prefix.parent().unwrap()).unwrap();
        tool("pdftoppm", &["-r", "30", "-png", &one, &prefix.display().to_string()]);
        let rendered = std::fs::read_dir(prefix.parent().unwrap())
            .unwrap()
            .filter(|entry| {
                let path = entry.as_ref().unwrap().path();
                path.extension().is_some_and(|e| e == "png") && std::fs::metadata(&path).unwrap().len() > 0
            })
            .count();
        assert_eq!(rendered, pages, "{lang}: rendered pages");
    }
}

/// A word of `pdftotext -bbox`: its box, its text.
struct Word {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

/// The words of each page, with their boxes.
fn words(pdf: &str) -> Vec<(f64, f64, Vec<Word>)> {
    let html = tool("pdftotext", &["-bbox", "-enc", "UTF-8", pdf, "-"]);
    let attribute = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).expect("an attribute") + name.len() + 2;
        tag[start..start + tag[start..].find('"').unwrap()].parse().expect("a number")
    };
    html.split("<page ")
        .skip(1)
        .map(|page| {
            let words = page
                .split("<word ")
                .skip(1)
                .map(|word| {
                    let (tag, rest) = word.split_once('>').unwrap();
                    Word {
                        x0: attribute(tag, "xMin"),
                        y0: attribute(tag, "yMin"),
                        x1: attribute(tag, "xMax"),
                        y1: attribute(tag, "yMax"),
                        text: rest.split("</word>").next().unwrap().to_string(),
                    }
                })
                .collect();
            (attribute(page, "width"), attribute(page, "height"), words)
        })
        .collect()
}

fn no_text_runs_over_other_text_or_off_the_page(sb: &Sandbox) {
    // what an overflowing column or a block too small for its text would do
    for lang in LANGS {
        for (number, (width, height, words)) in words(&pdf_path(sb, "pdf", lang)).iter().enumerate() {
            let page = number + 1;
            for word in words {
                assert!(
                    word.x0 >= 0.0 && word.y0 >= 0.0 && word.x1 <= *width && word.y1 <= *height,
                    "{lang}, page {page}: {:?} is off the page",
                    word.text
                );
            }
            // a word's box runs from the font's ascent to its descent, which
            // neighbouring lines share: only the middle half of each box is
            // compared, and only words (not the isolates and punctuation of
            // a chart's labels)
            let cores: Vec<(f64, f64, f64, f64, &str)> = words
                .iter()
                .filter(|w| w.text.chars().any(char::is_alphanumeric))
                .map(|w| {
                    let quarter = (w.y1 - w.y0) / 4.0;
                    (w.x0, w.y0 + quarter, w.x1, w.y1 - quarter, w.text.as_str())
                })
                .collect();
            for (i, a) in cores.iter().enumerate() {
                for b in &cores[i + 1..] {
                    let across = a.2.min(b.2) - a.0.max(b.0);
                    let down = a.3.min(b.3) - a.1.max(b.1);
                    assert!(
                        across <= 1.0 || down <= 0.0,
                        "{lang}, page {page}: {:?} and {:?} are drawn over each other",
                        a.4,
                        b.4
                    );
                }
            }
        }
    }
}

/// Two columns fill the one the language reads first before the other: a
/// page whose second column (the left one in Arabic) holds text while the
/// first is empty is a column overflowing a block too short for it (the
/// balanced columns of a story's last page), or columns laid out in the
/// wrong direction.
fn a_page_s_columns_fill_in_reading_order(sb: &Sandbox) {
    for lang in LANGS {
        for (number, (width, height, words)) in words(&pdf_path(sb, "pdf", lang)).iter().enumerate() {
            // the body, below the running head and above the footer
            let body: Vec<&Word> = words.iter().filter(|w| w.y0 > 80.0 && w.y1 < height - 70.0).collect();
            let middle = width / 2.0;
            let left = body.iter().any(|w| w.x1 < middle - 3.0);
            let right = body.iter().any(|w| w.x0 > middle + 3.0);
            let (first, second) = if lang == "ar" { (right, left) } else { (left, right) };
            assert!(first || !second, "{lang}, page {}: text in the second column, none in the first", number + 1);
        }
    }
}

/// A story whose title and body are full of Typst markup, and a story told
/// only in Arabic (printed right to left in the other editions).
const MARKUP_STORY: &str = "+++
id = \"markup-in-titles\"
lang = \"fr\"
date = 2023-12-20
title = \"Budget #1 : $5 *net* [sic] <b> @ref = #pagebreak()\"
subtitle = \"#set text(red) et $x^2$\"
kind = \"news\"
status = \"published\"
featured = false

[[images]]
file = \"chart.svg\"
caption = \"Un graphique #image(\\\"x\\\") *légende*\"
+++

Un paragraphe avec `#eval(\"1\")`, *de l'emphase* et [un lien](javascript:alert(1)).

# #heading[Intertitre] <x>

- un élément $y$
";

const ARABIC_STORY: &str = "+++
id = \"arabic-only-story\"
lang = \"ar\"
date = 2023-12-21
title = \"قصة منشورة بالعربية فقط\"
status = \"published\"
featured = false
+++

نص القصة بالعربية، ويبقى من اليمين إلى اليسار.
";

const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">\
                   <rect width=\"200\" height=\"100\" fill=\"#1f4e79\"/></svg>\n";

#[test]
fn markup_in_a_story_is_printed_as_text() {
    let sb = demo();
    std::fs::create_dir_all(sb.path("extra")).unwrap();
    sb.write("extra/markup.fr.md", MARKUP_STORY);
    sb.write("extra/chart.svg", SVG);
    sb.write("extra/arabic.ar.md", ARABIC_STORY);
    assert_eq!(sb.ok(&["articles", "import", "extra"]), "2 new, 0 updated, 0 unchanged, 0 rejected\n");
    bulletin(&sb, "pdf", "pdf");
    let pdf = pdf_path(&sb, "pdf", "fr");
    let text = pages_text(&pdf, 1, page_count(&pdf));
    for literal in [
        "Budget #1 : $5 *net* [sic] <b> @ref = #pagebreak()",
        "#set text(red) et $x^2$",
        "Un graphique #image(\"x\") *légende*",
        "#eval(\"1\")",
        "de l'emphase",
        "#heading[Intertitre] <x>",
        "un élément $y$",
        "قصة منشورة بالعربية فقط",
        "نص القصة بالعربية",
    ] {
        assert_has(&text, literal, "markup printed literally");
    }
    // the other editions print the French story too (with a note); the
    // Arabic one read as drawn: pdftotext moves the brackets that end a
    // Latin run of a right-to-left line to the line's other end
    let title = "Budget #1 : $5 *net* [sic] <b> @ref = #pagebreak()";
    let pdf = pdf_path(&sb, "pdf", "en");
    assert_has(&pages_text(&pdf, 1, page_count(&pdf)), title, "the French story in English");
    let lines = drawn_lines(&pdf_path(&sb, "pdf", "ar"));
    assert!(lines.iter().any(|line| line.contains(title)), "the French story in Arabic:\n{}", lines.join("\n"));
    // the picture, the note and the right-to-left story keep their places
    no_text_runs_over_other_text_or_off_the_page(&sb);
}

/// Names typed in Latin letters, each ending in punctuation, that the
/// Arabic edition prints: a partner (the partners' grid, its agreement), an
/// agreement's title, areas and reference, a highlight of the year's
/// timeline, a perpetrator group (the statistics' chart), and a story's
/// title and author.
const LATIN_PARTNER: &str = "id,name_fr,name_en,name_ar,scope,kind\n\
                             latin-partner,Wagner Ltd.,Wagner Ltd.,Wagner Ltd.,regional,company\n";
const LATIN_AGREEMENT: &str = "partner,title_fr,title_en,title_ar,signed,areas,reference\n\
                               latin-partner,ISWAP-1 (test).,ISWAP-1 (test).,ISWAP-1 (test).,2023-12-10,\
                               Intel. ; Training-2!,REF-7.\n";
const LATIN_ACTIVITY: &str = "id,kind,date,title_fr,title_en,title_ar,counterpart_country,domains,highlight\n\
                              latin-workshop,workshop,2023-12-08,Workshop Djibo-3.,Workshop Djibo-3.,\
                              Workshop Djibo-3.,BF,military,1\n";
const LATIN_INCIDENTS: &str = "id,date,country,location,perpetrator,target,method,killed,sources,status\n\
                               latin-1,2023-12-05,BF,Djibo,latin-group,civilians,armed_assault,30,a,verified\n\
                               latin-2,2023-12-06,BF,Djibo,latin-group,civilians,armed_assault,30,a,verified\n";
const LATIN_STORY: &str = "+++
id = \"latin-title\"
lang = \"ar\"
date = 2023-12-14
title = \"Sahel Brief.\"
author = \"Reuters.\"
status = \"published\"
featured = false
+++

اجتمع رؤساء أركان الدول الأعضاء.
";

/// What the Arabic edition must print left to right as typed, by its first
/// word: without isolation the full stop stands before the name.
const LATIN_NAMES: [(&str, &str); 8] = [
    ("Wagner", "Wagner Ltd."),
    ("ISWAP-1", "ISWAP-1 (test)."),
    ("Intel", "Intel."),
    ("Training-2", "Training-2!"),
    ("REF-7", "REF-7."),
    ("Workshop", "Workshop Djibo-3."),
    ("Sahel", "Sahel Brief."),
    ("Reuters", "Reuters."),
];

/// The lines of a PDF as drawn, left to right: the words of each page that
/// share a top, joined by a space, as written (pdftotext escapes them for
/// XML), the bidi controls pdftotext adds left out.
fn drawn_lines(pdf: &str) -> Vec<String> {
    let control = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let mut lines: std::collections::BTreeMap<(usize, i64), Vec<(f64, String)>> = Default::default();
    for (page, (_, _, words)) in words(pdf).into_iter().enumerate() {
        for word in words {
            let text: String = word.text.chars().filter(|c| !control(*c)).collect();
            let text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
            if !text.is_empty() {
                lines.entry((page, (word.y0 * 10.0).round() as i64)).or_default().push((word.x0, text));
            }
        }
    }
    lines
        .into_values()
        .map(|mut line| {
            line.sort_by(|a, b| a.0.total_cmp(&b.0));
            line.into_iter().map(|(_, text)| text).collect::<Vec<_>>().join(" ")
        })
        .collect()
}

#[test]
fn latin_names_in_the_arabic_edition_keep_their_punctuation() {
    let sb = demo();
    sb.write("partners.csv", LATIN_PARTNER);
    sb.write("agreements.csv", LATIN_AGREEMENT);
    sb.ok(&["partners", "import", "partners.csv", "agreements.csv"]);
    sb.write("activities.csv", LATIN_ACTIVITY);
    sb.ok(&["activities", "import", "activities.csv"]);
    sb.ok(&["groups", "add", "--name", "Wagner Ltd.", "latin-group"]);
    sb.write("incidents.csv", LATIN_INCIDENTS);
    sb.ok(&["import", "incidents.csv"]);
    std::fs::create_dir_all(sb.path("latin")).unwrap();
    sb.write("latin/latin-title.ar.md", LATIN_STORY);
    sb.ok(&["articles", "import", "latin"]);
    sb.ok(&["bulletin", "--month", "2023-12", "--number", "58", "--lang", "ar", "-o", "out"]);

    let lines = drawn_lines(&pdf_path(&sb, "out", "ar"));
    for (first, name) in LATIN_NAMES {
        let holding: Vec<&String> =
            lines.iter().filter(|line| line.split(' ').any(|word| word.contains(first))).collect();
        assert!(!holding.is_empty(), "{name:?} is not printed:\n{}", lines.join("\n"));
        for line in holding {
            assert!(line.contains(name), "{name:?} is drawn as {line:?}");
        }
    }
    // the partner's grid, its agreement, the chart of the perpetrators
    let wagner = lines.iter().filter(|line| line.contains("Wagner Ltd.")).count();
    assert!(wagner >= 3, "Wagner Ltd. is printed {wagner} times:\n{}", lines.join("\n"));

    // the HTML edition isolates the same names (a browser applies the same
    // bidi algorithm): <bdi>, the byline's isolates, the chart's
    let html = sb.read("out/bulletin-58-2023-12.ar.html");
    for (_, name) in LATIN_NAMES.iter().filter(|(first, _)| *first != "Reuters") {
        // a title's isolate says its direction (its letters are Latin)
        let isolated =
            html.contains(&format!("<bdi>{name}</bdi>")) || html.contains(&format!("<bdi dir=\"ltr\">{name}</bdi>"));
        assert!(isolated, "{name:?} is not isolated in the HTML edition");
    }
    assert!(html.contains("\u{2068}Reuters.\u{2069}"), "the byline's author is not isolated");
    assert!(html.contains("&#x2068;Wagner Ltd.&#x2069;"), "the chart's group is not isolated");
}

/// Markdown nested `depth` levels in each way an article can nest: quotes
/// (each with its paragraph), tight lists (a list and its item a level),
/// emphasis in a paragraph, and a mix of the three.
fn nested_body(depth: usize) -> String {
    let emphasis = |levels: usize| {
        (0..levels).fold("x".to_string(), |inner, i| {
            let mark = if i % 2 == 0 { '_' } else { '*' };
            format!("{mark}e{i} {inner} f{mark}")
        })
    };
    let quotes = format!("{} deep quote\n", ">".repeat(depth - 1));
    let lists: String = (0..depth / 2).map(|i| format!("{}- level {i}\n", "  ".repeat(i))).collect();
    let emphasised = format!("{}\n", emphasis(depth - 1));
    // three quotes, three lists (six levels), then emphasis in the last item
    let mut mixed = String::new();
    for i in 0..2 {
        mixed.push_str(&format!("> > > {}- item {i}\n", "  ".repeat(i)));
    }
    mixed.push_str(&format!("> > > {}- {}\n", "  ".repeat(2), emphasis(depth - 9)));
    [quotes, lists, emphasised, mixed].join("\nSeparator.\n\n")
}

fn nested_story(depth: usize) -> String {
    format!(
        "+++\nid = \"deep-{depth}\"\nlang = \"fr\"\ndate = 2023-12-20\ntitle = \"Deep\"\nstatus = \"published\"\n\
         featured = false\n+++\n\n{}",
        nested_body(depth)
    )
}

#[test]
fn the_deepest_markdown_accepted_prints_and_one_level_more_is_refused() {
    let sb = demo();
    std::fs::create_dir_all(sb.path("deeper")).unwrap();
    sb.write("deeper/deep.fr.md", nested_story(17));
    let run = sb.run(&["articles", "import", "deeper"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("deeper/deep.fr.md:10:") && run.stderr.contains("16 levels deep"), "{run:?}");

    std::fs::create_dir_all(sb.path("deepest")).unwrap();
    sb.write("deepest/deep.fr.md", nested_story(16));
    assert_eq!(sb.ok(&["articles", "import", "deepest"]), "1 new, 0 updated, 0 unchanged, 0 rejected\n");
    sb.ok(&["bulletin", "--month", "2023-12", "--number", "58", "--format", "pdf", "--lang", "fr", "-o", "pdf"]);
    let text = pages_text(&pdf_path(&sb, "pdf", "fr"), 1, page_count(&pdf_path(&sb, "pdf", "fr")));
    assert_has(&text, "deep quote", "the deepest quote");
    assert_has(&text, "level 7", "the deepest list");
}
