//! Vigie's translation catalogues (Fluent, in `locales/{fr,en,ar}`) and the
//! formatting of numbers, percentages and months per language. Every label
//! a person reads (reports, bulletin, web pages, field errors) comes from
//! these catalogues; a test checks that every message exists in all three
//! languages.
//!
//! Digits: Western (0–9) in all three languages, including Arabic, so that
//! figures read the same in every edition and in exported data; they stay
//! left-to-right inside right-to-left text.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::FluentValue as Value;

pub use vigie_domain::Lang;

mod field_errors;
pub use field_errors::{field_error, field_error_english, field_error_kind, legacy_column_notice};
mod publication;
pub use publication::publication_refusal;

fn index(lang: Lang) -> usize {
    lang as usize
}

const SOURCES: [(&str, &str); 3] = [
    ("fr", include_str!("../locales/fr/vigie.ftl")),
    ("en", include_str!("../locales/en/vigie.ftl")),
    ("ar", include_str!("../locales/ar/vigie.ftl")),
];

/// The three catalogues, parsed once; usable from any thread.
pub struct Catalog {
    bundles: Vec<FluentBundle<FluentResource>>,
}

/// The shipped catalogues.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::load().expect("the shipped catalogues parse (checked by tests)"))
}

impl Catalog {
    fn load() -> Result<Catalog, String> {
        let mut bundles = Vec::new();
        for (lang, (code, source)) in Lang::ALL.into_iter().zip(SOURCES) {
            debug_assert_eq!(lang.code(), code);
            let langid: LanguageIdentifier = code.parse().map_err(|e| format!("{code}: {e}"))?;
            let resource =
                FluentResource::try_new(source.to_string()).map_err(|(_, errors)| format!("{code}: {errors:?}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Output goes to terminals, CSV and Typst, which do not want
            // Unicode isolation marks around every placeable.
            bundle.set_use_isolating(false);
            bundle.add_resource(resource).map_err(|errors| format!("{code}: {errors:?}"))?;
            bundles.push(bundle);
        }
        Ok(Catalog { bundles })
    }

    /// The message `id` in `lang`; the id itself when missing, so a gap shows
    /// instead of failing (tests check that no id is missing).
    pub fn text(&self, lang: Lang, id: &str) -> String {
        self.format(lang, id, None)
    }

    pub fn text_with(&self, lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(lang, id, Some(&fluent_args))
    }

    fn format(&self, lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundle = &self.bundles[index(lang)];
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, args, &mut errors).into_owned()
    }

    /// Whether every language has the message.
    pub fn has(&self, id: &str) -> bool {
        self.bundles.iter().all(|b| b.has_message(id))
    }

    /// The message ids of a language's catalogue.
    pub fn ids(&self, lang: Lang) -> Vec<String> {
        SOURCES[index(lang)]
            .1
            .lines()
            .filter_map(|line| line.split_once(" = ").map(|(id, _)| id))
            .filter(|id| !id.starts_with(' ') && !id.starts_with('#'))
            .map(str::to_string)
            .collect()
    }
}

/// U+202F NARROW NO-BREAK SPACE: French thousands separator and the space
/// before `%`.
pub const NARROW_NBSP: char = '\u{202F}';

/// An integer with the language's digit grouping: `12 345` (fr, narrow
/// no-break space), `12,345` (en, ar).
pub fn number(lang: Lang, value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let separator = match lang {
        Lang::Fr => NARROW_NBSP,
        Lang::En | Lang::Ar => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('−');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(ch);
    }
    out
}

/// A whole percentage: `17 %` (fr, narrow no-break space), `17%` (en, ar).
pub fn percent(lang: Lang, value: i64) -> String {
    match lang {
        Lang::Fr => format!("{}{NARROW_NBSP}%", number(lang, value)),
        Lang::En | Lang::Ar => format!("{}%", number(lang, value)),
    }
}

/// The month's name: `décembre`, `December`, `ديسمبر`.
pub fn month_name(lang: Lang, month: i8) -> String {
    catalog().text(lang, &format!("month-{month}"))
}

/// The month and year: `décembre 2023`, `December 2023`, `ديسمبر 2023`.
pub fn month_year(lang: Lang, year: i16, month: i8) -> String {
    catalog().text_with(
        lang,
        "month-year",
        &[("month", FluentValue::from(month_name(lang, month))), ("year", FluentValue::from(year.to_string()))],
    )
}

/// A day in words: `2 décembre 2023`, `2 December 2023`, `2 ديسمبر 2023`.
pub fn long_date(lang: Lang, year: i16, month: i8, day: i8) -> String {
    catalog().text_with(
        lang,
        "date-long",
        &[
            ("day", FluentValue::from(day)),
            ("month", FluentValue::from(month_name(lang, month))),
            ("year", FluentValue::from(year.to_string())),
        ],
    )
}

/// A day of the year in words, without the year: `1er décembre`,
/// `29 February`, `2 ديسمبر`.
pub fn day_month(lang: Lang, month: i8, day: i8) -> String {
    catalog().text_with(
        lang,
        "date-day-month",
        &[("day", FluentValue::from(day)), ("month", FluentValue::from(month_name(lang, month)))],
    )
}

/// Names joined for display: `Mali, Niger` (fr, en), `مالي، النيجر` (ar,
/// with the Arabic comma U+060C).
pub fn join_list<S: AsRef<str>>(lang: Lang, items: impl IntoIterator<Item = S>) -> String {
    let separator = match lang {
        Lang::Fr | Lang::En => ", ",
        Lang::Ar => "\u{060C} ",
    };
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// Names joined in a sentence, the last with "and" as each language
/// writes it: `Mali, Niger et Tchad` (fr), `Mali, Niger and Chad` (en),
/// `مالي، النيجر وتشاد` (ar: the Arabic comma, and و joined to the last
/// word, as Arabic writes it).
pub fn join_and<S: AsRef<str>>(lang: Lang, items: impl IntoIterator<Item = S>) -> String {
    let items: Vec<String> = items.into_iter().map(|item| item.as_ref().to_string()).collect();
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => catalog().text_with(
            lang,
            "list-and",
            &[("first", Value::from(join_list(lang, rest))), ("last", Value::from(last.clone()))],
        ),
        _ => join_list(lang, &items),
    }
}

/// Upper-cases the first letter of a sentence.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_joined_as_each_language_writes_them() {
        let countries = ["Mali", "Niger", "Tchad"];
        assert_eq!(join_and(Lang::Fr, countries), "Mali, Niger et Tchad");
        assert_eq!(join_and(Lang::En, ["Mali", "Niger", "Chad"]), "Mali, Niger and Chad");
        assert_eq!(join_and(Lang::Ar, ["مالي", "النيجر", "تشاد"]), "مالي، النيجر وتشاد");
        assert_eq!(join_and(Lang::Ar, ["مالي", "تشاد"]), "مالي وتشاد");
        assert_eq!(join_and(Lang::En, ["Mali"]), "Mali");
        assert_eq!(join_and(Lang::En, Vec::<String>::new()), "");
    }

    #[test]
    fn every_language_has_every_message() {
        let mut all = Vec::new();
        for lang in Lang::ALL {
            all.extend(catalog().ids(lang));
        }
        assert!(all.len() > 60);
        for id in all {
            assert!(catalog().has(&id), "{id} is missing from a catalogue");
        }
    }

    #[test]
    fn lists_use_the_language_comma() {
        assert_eq!(join_list(Lang::Fr, ["Mali", "Niger", "Tchad"]), "Mali, Niger, Tchad");
        assert_eq!(join_list(Lang::En, vec!["Mali".to_string()]), "Mali");
        assert_eq!(join_list(Lang::Ar, ["مالي", "النيجر"]), "مالي\u{060C} النيجر");
        assert_eq!(join_list(Lang::Ar, Vec::<String>::new()), "");
    }

    #[test]
    fn numbers_and_percentages_per_language() {
        assert_eq!(number(Lang::Fr, 1_234_567), "1\u{202F}234\u{202F}567");
        assert_eq!(number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(number(Lang::En, 999), "999");
        assert_eq!(number(Lang::En, -1000), "−1,000");
        assert_eq!(percent(Lang::Fr, 17), "17\u{202F}%");
        assert_eq!(percent(Lang::En, 17), "17%");
        assert_eq!(percent(Lang::Ar, 11), "11%");
    }

    #[test]
    fn months() {
        assert_eq!(month_year(Lang::Fr, 2023, 12), "décembre 2023");
        assert_eq!(month_year(Lang::En, 2023, 11), "November 2023");
        assert_eq!(month_year(Lang::Ar, 2023, 12), "ديسمبر 2023");
        assert_eq!(capitalize("au cours"), "Au cours");
        assert_eq!(long_date(Lang::Fr, 2023, 12, 2), "2 décembre 2023");
        assert_eq!(long_date(Lang::En, 2022, 5, 15), "15 May 2022");
        assert_eq!(long_date(Lang::Fr, 2024, 1, 1), "1er janvier 2024");
        assert_eq!(long_date(Lang::En, 2024, 1, 1), "1 January 2024");
        assert_eq!(day_month(Lang::Fr, 2, 29), "29 février");
        assert_eq!(day_month(Lang::Fr, 12, 1), "1er décembre");
        assert_eq!(day_month(Lang::En, 2, 29), "29 February");
        assert_eq!(day_month(Lang::Ar, 12, 2), "2 ديسمبر");
    }

    #[test]
    fn selectors_and_plurals() {
        let text =
            catalog().text_with(Lang::En, "report-unknown-casualties", &[("count", 1.into()), ("month", "May".into())]);
        assert!(text.starts_with("One incident"), "{text}");
        let text =
            catalog().text_with(Lang::Fr, "report-unknown-casualties", &[("count", 3.into()), ("month", "mai".into())]);
        assert!(text.starts_with("3 opérations"), "{text}");
    }

    /// French puts 0 in the plural category "one": a message whose "one"
    /// variant says "Un …" or "1 …" needs its own `[0]` variant.
    #[test]
    fn french_zero_is_not_one() {
        let text = |id: &str, name: &str| {
            catalog().text_with(Lang::Fr, id, &[(name, 0.into()), ("month", "mai".into()), ("missing", 0.into())])
        };
        assert_eq!(text("bulletin-partners-count", "count"), "Aucun partenaire");
        assert!(text("chart-map-counts", "shown").starts_with("Aucun incident représenté"));
        assert!(text("report-unknown-casualties", "count").starts_with("Aucune opération"));
        // every French message with a "one" variant, given 0
        let source = include_str!("../locales/fr/vigie.ftl");
        let mut id = "";
        for line in source.lines() {
            if let Some((name, _)) = line.split_once(" = ").filter(|_| !line.starts_with(' ')) {
                id = name;
            } else if let Some(variant) = line.trim().strip_prefix("[one] ") {
                let starts_with_one = ["Un ", "Une ", "un ", "une ", "1 "].iter().any(|p| variant.starts_with(p));
                let zero: Vec<_> = ["count", "shown", "n"].iter().map(|name| (*name, 0.into())).collect();
                let text = catalog().text_with(Lang::Fr, id, &zero);
                assert!(!(starts_with_one && text.contains(variant.trim())), "{id} says one of zero: {text}");
            }
        }
    }
}
