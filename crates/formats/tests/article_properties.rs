//! Properties of article files: no bytes make the front matter reader panic,
//! and what the writer writes, in TOML or YAML, reads back identically.

use proptest::prelude::*;
use vigie_domain::article::{RawArticle, RawImage, validate_article};
use vigie_formats::article::{Syntax, read_article, write_article};

/// Text as people write it (accents, Arabic, quotes, `#`, `:`, `+++`,
/// escapes) and as they should not (control characters, odd spaces).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Zéè0-9 '\"#:,\\[\\]{}*&!|>%@`\\\\+\\-]{0,30}",
        2 => "[\u{0600}-\u{06ff} \u{0660}-\u{0669}]{0,20}",
        1 => any::<String>(),
        1 => Just("---".to_string()),
        1 => Just("+++".to_string()),
        1 => Just("a\n+++\nb\n---\n".to_string()),
        1 => Just("null".to_string()),
        1 => Just("true".to_string()),
        1 => Just("1984".to_string()),
        1 => Just(" padded \t".to_string()),
        1 => Just("\u{2028}\u{feff}\u{85}\r\n".to_string()),
    ]
}

fn image() -> impl Strategy<Value = RawImage> {
    (proptest::option::of(text()), proptest::option::of(text()), proptest::option::of(text()))
        .prop_map(|(file, caption, credit)| RawImage { file, caption, credit })
}

fn article() -> impl Strategy<Value = RawArticle> {
    (
        proptest::collection::vec(proptest::option::of(text()), 9),
        proptest::option::of(proptest::collection::vec(text(), 0..4)),
        proptest::option::of(any::<bool>()),
        proptest::collection::vec(image(), 0..3),
        // a body starts with a line that is not blank: leading blank lines are not kept
        "[a-zA-Z#>*\\-+]([^\r]|\r\n){0,200}",
    )
        .prop_map(|(texts, domains, featured, images, body)| {
            let mut texts = texts.into_iter();
            let mut next = || texts.next().flatten();
            RawArticle {
                id: next(),
                lang: next(),
                date: next(),
                title: next(),
                subtitle: next(),
                kind: next(),
                author: next(),
                author_title: next(),
                status: next(),
                domains,
                featured,
                images,
                body,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_bytes_are_read_or_refused_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_article(&bytes);
    }

    #[test]
    fn any_front_matter_is_read_or_refused_without_panic(
        delimiter in prop_oneof![Just("+++"), Just("---")],
        front in proptest::collection::vec(
            prop_oneof![
                Just("id = ".to_string()), Just("images:\n  - ".to_string()), Just("[[images]]\n".to_string()),
                Just("\n".to_string()), Just(": ".to_string()), Just("- ".to_string()), Just("\"".to_string()),
                Just("[".to_string()), Just("]".to_string()), Just("{".to_string()), Just("}".to_string()),
                Just("&a ".to_string()), Just("*a".to_string()), Just("!!str ".to_string()), Just("  ".to_string()),
                Just("featured".to_string()), Just("title".to_string()), Just("2024-02-11".to_string()),
                text(),
            ],
            0..30,
        ),
    ) {
        let file = format!("{delimiter}\n{}\n{delimiter}\nbody\n", front.concat());
        if let Ok(read) = read_article(file.as_bytes()) {
            // whatever was read, the validator takes without panicking
            let _ = validate_article(&read.raw);
        }
    }

    #[test]
    fn written_articles_read_back(raw in article()) {
        for syntax in [Syntax::Toml, Syntax::Yaml] {
            let text = write_article(&raw, syntax);
            let read = read_article(text.as_bytes());
            prop_assert!(read.is_ok(), "{syntax:?} {text:?}: {:?}", read.err());
            let read = read.unwrap();
            prop_assert!(read.problems.is_empty(), "{:?}", read.problems);
            prop_assert_eq!(read.syntax, syntax);
            prop_assert_eq!(&read.raw, &raw, "{:?}", text);
        }
    }
}
