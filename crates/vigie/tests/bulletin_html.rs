//! `vigie bulletin --format html`: each language's edition of the demo
//! issue, read back with a real HTML5 parser. Language and direction, the
//! masthead and the stories, the statistics table and its charts, the
//! partners, the year and the national days; a self-contained page whose
//! in-page links all land; the same bytes twice; every text escaped.

mod common;

use std::collections::BTreeSet;

use common::Sandbox;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

const LANGS: [&str; 3] = ["fr", "en", "ar"];

/// A 1×1 "image": a PNG by its signature, which is all the importer reads.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\npixels";

/// A story written to break out of the page: markup in every field.
const HOSTILE: &str = r#"+++
id = "escaping-check"
lang = "en"
date = 2023-12-20
title = "<script>alert(1)</script>"
subtitle = "\"Quotes\" & <b>tags</b>"
kind = "news"
author = "<i>Mallory</i>"
status = "published"
featured = false

[[images]]
file = "pixel.png"
caption = "\"><script>alert(2)</script>"
+++

Hello <img src=x onerror=alert(1)> and [x](javascript:alert(1)).

<script>alert(3)</script>
"#;

fn demo() -> Sandbox {
    let sb = Sandbox::new();
    // the demo data, without the demo's own bulletin (its PDFs take a while)
    sb.ok(&["demo", "--no-bulletin"]);
    sb
}

/// Writes the issue's HTML editions into `dir`; returns them by language.
fn editions(sb: &Sandbox, dir: &str) -> Vec<(&'static str, String)> {
    sb.ok(&["bulletin", "--month", "2023-12", "--number", "58", "--format", "html", "-o", dir]);
    LANGS.iter().map(|lang| (*lang, sb.read(&format!("{dir}/bulletin-58-2023-12.{lang}.html")))).collect()
}

/// The edition the templates saw, as JSON.
fn edition(sb: &Sandbox, lang: &str) -> Value {
    let dir = format!("json-{lang}");
    sb.ok(&["bulletin", "--month", "2023-12", "--number", "58", "--format", "json", "--lang", lang, "-o", &dir]);
    serde_json::from_str(&sb.read(&format!("{dir}/bulletin-58-2023-12.{lang}.json"))).expect("edition JSON")
}

/// Parses a page and insists that it is well-formed HTML5.
fn parse(lang: &str, html: &str) -> Html {
    let doc = Html::parse_document(html);
    assert!(doc.errors.is_empty(), "{lang}: HTML parse errors: {:?}", doc.errors);
    doc
}

fn all<'a>(scope: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e}"));
    scope.select(&selector).collect()
}

fn one<'a>(scope: ElementRef<'a>, css: &str) -> ElementRef<'a> {
    let found = all(scope, css);
    assert_eq!(found.len(), 1, "expected one {css}, found {}", found.len());
    found[0]
}

/// White space collapsed (the narrow no-break space before `%` too).
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an element, white space collapsed.
fn text(element: ElementRef) -> String {
    squash(&element.text().collect::<String>())
}

fn texts(elements: &[ElementRef]) -> Vec<String> {
    elements.iter().map(|e| text(*e)).collect()
}

/// The cells of a table row, header cells included, as text.
fn cells(row: ElementRef) -> Vec<String> {
    texts(&all(row, "th, td"))
}

/// A text of the edition, white space collapsed as `text` does.
fn str_of(value: &Value, key: &str) -> String {
    squash(value[key].as_str().unwrap_or_else(|| panic!("{key} is not a string in {value}")))
}

#[test]
fn each_language_has_its_direction_masthead_and_stories() {
    let sb = demo();
    for (lang, html) in editions(&sb, "out") {
        let doc = parse(lang, &html);
        let json = edition(&sb, lang);
        let root = doc.root_element();
        assert_eq!(root.value().name(), "html");
        assert_eq!(root.attr("lang"), Some(lang));
        assert_eq!(root.attr("dir"), Some(if lang == "ar" { "rtl" } else { "ltr" }), "{lang}");
        assert!(html.starts_with("<!doctype html>"), "{lang}: {}", &html[..40]);
        assert_eq!(one(root, "meta[charset]").attr("charset"), Some("utf-8"));
        assert!(one(root, "meta[name=viewport]").attr("content").unwrap().contains("width=device-width"));
        assert!(text(one(root, "head > title")).starts_with(&str_of(&json, "publication")), "{lang}");

        // the masthead
        assert_eq!(text(one(root, "h1")), str_of(&json, "publication"), "{lang}");
        assert_eq!(text(one(root, ".masthead__org")), str_of(&json, "organisation"), "{lang}");
        assert_eq!(text(one(root, ".masthead__issue")), str_of(&json, "issue_line"), "{lang}");

        // the cover lists the featured stories in order, each told in full
        let featured = json["featured"].as_array().expect("featured");
        assert_eq!(featured.len(), 3, "{lang}");
        let cover: Vec<String> = all(root, ".cover :is(.lead__title, .card__title) a")
            .iter()
            .map(|a| a.attr("href").unwrap().into())
            .collect();
        let anchors: Vec<String> = featured.iter().map(|s| format!("#{}", str_of(s, "anchor"))).collect();
        assert_eq!(cover, anchors, "{lang}");
        for story in featured {
            let anchor = str_of(story, "anchor");
            let article = one(root, &format!("article#{anchor}"));
            assert_eq!(article.attr("lang"), Some(str_of(story, "lang").as_str()));
            assert_eq!(text(one(article, "h3")), str_of(story, "title"), "{lang} {anchor}");
            assert_eq!(text(one(root, &format!(".cover a[href='#{anchor}']"))), str_of(story, "title"));
            assert!(text(one(article, ".prose")).starts_with(&str_of(story, "opening")), "{lang} {anchor}");
        }
        let news = all(root, "#news article.story");
        assert_eq!(news.len(), json["articles"].as_array().unwrap().len(), "{lang}");
        assert_eq!(text(one(root, "#news > h2")), str_of(&json["labels"], "news"));
        // the standing pages, and the four domains as cards
        assert_eq!(all(root, "#about .standing").len(), 2, "{lang}");
        assert_eq!(all(root, "#about .domain").len(), 4, "{lang}");
        assert_eq!(
            text(one(root, "footer")),
            format!("{} {}", str_of(&json["labels"], "footer"), str_of(&json, "organisation"))
        );
    }

    let fr = Html::parse_document(&sb.read("out/bulletin-58-2023-12.fr.html"));
    let lead = one(fr.root_element(), ".lead__title");
    assert_eq!(
        text(lead),
        "Les chefs d'état-major des États membres et des pays soutiens réunis pour la deuxième fois à Riyad"
    );
    let ar = Html::parse_document(&sb.read("out/bulletin-58-2023-12.ar.html"));
    assert_eq!(text(one(ar.root_element(), "h1")), "النشرة الشهرية");
}

#[test]
fn headings_descend_one_level_at_a_time_and_header_cells_have_a_scope() {
    let sb = demo();
    for (lang, html) in editions(&sb, "out") {
        let doc = parse(lang, &html);
        let root = doc.root_element();
        assert_eq!(all(root, "h1").len(), 1, "{lang}");
        let mut previous = 0;
        for heading in all(root, "h1, h2, h3, h4, h5, h6") {
            let level: u32 = heading.value().name()[1..].parse().unwrap();
            assert!(level <= previous + 1, "{lang}: h{level} after h{previous}: {}", text(heading));
            previous = level;
        }
        for th in all(root, "th") {
            assert!(matches!(th.attr("scope"), Some("col" | "row" | "colgroup")), "{lang}: {}", th.html());
        }
        for figure in all(root, "figure") {
            assert_eq!(all(figure, "figcaption").len(), 1, "{lang}: {}", figure.html());
        }
    }
}

#[test]
fn statistics_partners_year_and_national_days() {
    let sb = demo();
    for (lang, html) in editions(&sb, "out") {
        let doc = parse(lang, &html);
        let json = edition(&sb, lang);
        let root = doc.root_element();
        let regions = all(root, "#statistics section.region");
        assert_eq!(regions.len(), json["regions"].as_array().unwrap().len(), "{lang}");
        let region = regions[0];
        let table_json = &json["regions"][0]["table"];
        assert_eq!(region.attr("id"), Some("region-g5-sahel"));
        assert_eq!(text(one(region, "h3")), str_of(&json["regions"][0], "title"));
        assert_eq!(text(one(region, ".region__summary")), str_of(&json["regions"][0], "summary"));

        // two header rows: country | operations ×2 | victims ×2, then the months
        let table = one(region, "table.stats");
        let head = all(table, "thead tr");
        assert_eq!(head.len(), 2, "{lang}");
        let top = all(head[0], "th");
        assert_eq!(
            texts(&top),
            [str_of(table_json, "country"), str_of(table_json, "operations"), str_of(table_json, "victims")]
        );
        assert_eq!(top[0].attr("rowspan"), Some("2"));
        assert_eq!((top[1].attr("colspan"), top[2].attr("colspan")), (Some("2"), Some("2")));
        let (previous, current) = (str_of(table_json, "previous_month"), str_of(table_json, "current_month"));
        assert_eq!(cells(head[1]), [previous.as_str(), &current, &previous, &current], "{lang}");

        let rows = all(table, "tbody tr");
        assert_eq!(rows.len(), 5, "{lang}");
        let burkina = cells(rows[0]);
        let country = if lang == "ar" { "بوركينا فاسو" } else { "Burkina Faso" };
        assert_eq!(burkina, [country, "3", "= 3", "167", "↓ 98"], "{lang}");
        let numbers = all(rows[0], "td");
        assert!(numbers.iter().all(|td| td.attr("dir") == Some("ltr")), "{lang}: numbers read left to right");
        assert!(numbers[1].value().has_class("trend--same", scraper::CaseSensitivity::CaseSensitive));
        assert!(numbers[3].value().has_class("trend--down", scraper::CaseSensitivity::CaseSensitive));
        let total = cells(one(table, "tfoot tr"));
        assert_eq!(total, [str_of(&table_json["total"], "country").as_str(), "6", "↑ 7", "197", "↓ 175"], "{lang}");
        if lang == "fr" {
            assert_eq!(total[0], "Total");
            assert_eq!((previous.as_str(), current.as_str()), ("novembre 2023", "décembre 2023"));
        }

        // the three charts of every region, inline
        for region in &regions {
            assert_eq!(all(*region, "figure.chart > svg").len(), 3, "{lang}");
        }
        assert_eq!(all(region, ".notes dt").len(), json["regions"][0]["notes"].as_array().unwrap().len());

        // partners: the count, and every name
        assert_eq!(text(one(root, "#partners .bignum__value")), "14", "{lang}");
        assert_eq!(all(root, "#partners .partners__names li").len(), 14, "{lang}");
        assert_eq!(all(root, "#agreements .agreement").len(), 1, "{lang}");

        // the year in numbers, and its timeline month by month
        let delegations = one(root, "#year .figure-tile.kind--delegation_received .figure-tile__value");
        assert_eq!(text(delegations), "59", "{lang}");
        assert_eq!(all(root, "#year .figure-tile").len(), json["year"]["figures"].as_array().unwrap().len());
        assert_eq!(all(root, "#year .timeline__month").len(), 12, "{lang}");

        // national days
        let days = all(root, "#national-days table.days tbody tr");
        assert_eq!(days.len(), 7, "{lang}");
        let first = &json["national_days"]["rows"][0];
        assert_eq!(cells(days[0]), [str_of(first, "date"), str_of(first, "country"), str_of(first, "name")]);
        if lang == "fr" {
            assert_eq!(cells(days[0]), ["2 décembre 2023", "Émirats Arabes Unis", "Fête nationale"]);
        }
    }
}

/// The attributes that load something.
const RESOURCE_ATTRIBUTES: [&str; 6] = ["src", "srcset", "poster", "data", "action", "formaction"];

#[test]
fn pages_are_self_contained_and_their_links_land() {
    let sb = demo();
    for (lang, html) in editions(&sb, "out") {
        let doc = parse(lang, &html);
        let root = doc.root_element();
        for tag in ["script", "link", "iframe", "object", "embed", "base", "noscript"] {
            assert!(all(root, tag).is_empty(), "{lang}: a <{tag}> element");
        }
        let style = text(one(root, "head > style"));
        assert!(!style.contains("url(") && !style.contains("@import"), "{lang}: the style loads something");

        let mut ids = BTreeSet::new();
        let mut targets = Vec::new();
        for element in root.descendent_elements() {
            let name = element.value().name();
            for (attr, value) in element.value().attrs() {
                let value = value.trim();
                assert!(!attr.starts_with("on"), "{lang}: event handler {attr} on <{name}>");
                assert!(attr != "style" || !value.contains("url("), "{lang}: style attribute loads {value}");
                if RESOURCE_ATTRIBUTES.contains(&attr) {
                    assert!(value.starts_with("data:"), "{lang}: <{name} {attr}={value:?}>");
                }
                if attr == "href" {
                    if name == "a" {
                        // a story may link out; the page itself never does
                        let allowed = ["#", "https://", "http://", "mailto:"];
                        assert!(allowed.iter().any(|p| value.starts_with(p)), "{lang}: <a href={value:?}>");
                    } else {
                        assert!(
                            value.starts_with('#') || value.starts_with("data:"),
                            "{lang}: <{name} href={value:?}>"
                        );
                    }
                    if let Some(target) = value.strip_prefix('#') {
                        targets.push(target.to_string());
                    }
                }
                if attr == "id" {
                    assert!(ids.insert(value.to_string()), "{lang}: id {value:?} twice");
                }
            }
        }
        assert!(targets.len() > 10, "{lang}: {targets:?}");
        for target in &targets {
            assert!(ids.contains(target), "{lang}: #{target} goes nowhere");
        }
        // every entry of the contents leads somewhere
        assert!(all(root, "nav.toc a").iter().all(|a| a.attr("href").unwrap().starts_with('#')));
    }
}

#[test]
fn the_same_data_gives_the_same_bytes() {
    let sb = demo();
    let first = editions(&sb, "first");
    let second = editions(&sb, "second");
    for ((lang, a), (_, b)) in first.iter().zip(&second) {
        assert!(a == b, "{lang}: two runs differ");
        assert!(a.len() > 50_000, "{lang}: {} bytes", a.len());
    }
}

#[test]
fn every_value_is_escaped() {
    let sb = demo();
    std::fs::create_dir_all(sb.path("articles")).unwrap();
    sb.write("articles/pixel.png", PNG);
    sb.write("articles/escaping-check.en.md", HOSTILE);
    assert_eq!(sb.ok(&["articles", "import", "articles"]), "1 new, 0 updated, 0 unchanged, 0 rejected\n");
    for (lang, html) in editions(&sb, "out") {
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "{lang}: a script tag");
        assert!(!lower.contains("javascript:"), "{lang}: a javascript: URL");
        let doc = parse(lang, &html);
        let root = doc.root_element();
        assert!(all(root, "script").is_empty(), "{lang}");
        assert!(all(root, "[onerror]").is_empty(), "{lang}");
        for a in all(root, "a[href]") {
            assert!(!a.attr("href").unwrap().trim().to_lowercase().starts_with("javascript:"), "{lang}");
        }

        let story = one(root, "#news article#story-escaping-check");
        assert_eq!(text(one(story, "h3")), "<script>alert(1)</script>", "{lang}");
        assert_eq!(text(one(story, ".story__dek")), "\"Quotes\" & <b>tags</b>");
        assert!(all(story, "b, i, img[src=x]").is_empty(), "{lang}: {}", story.html());
        assert!(text(one(story, ".meta__byline")).contains("<i>Mallory</i>"), "{lang}");
        let body = text(one(story, ".prose"));
        assert!(body.contains("Hello <img src=x onerror=alert(1)> and x."), "{lang}: {body}");
        assert!(body.contains("<script>alert(3)</script>"), "{lang}: {body}");
        // the image, inline, its caption as alternative text and caption
        let caption = "\"><script>alert(2)</script>";
        let img = one(story, "figure img");
        assert!(img.attr("src").unwrap().starts_with("data:image/png;base64,"), "{lang}");
        assert_eq!(img.attr("alt"), Some(caption));
        assert_eq!(text(one(story, "figure figcaption")), caption);
        assert_eq!(text(one(root, "nav.toc a[href='#story-escaping-check']")), "<script>alert(1)</script>");

        // told in English everywhere: the story says so, in the edition's language
        assert_eq!((story.attr("lang"), story.attr("dir")), (Some("en"), Some("ltr")), "{lang}");
        let notes = all(story, ".callout--translation");
        if lang == "en" {
            assert!(notes.is_empty());
        } else {
            assert_eq!(notes.len(), 1, "{lang}");
            assert_eq!(notes[0].attr("lang"), Some(lang));
            assert_eq!(notes[0].attr("dir"), Some(if lang == "ar" { "rtl" } else { "ltr" }));
        }
    }
}
