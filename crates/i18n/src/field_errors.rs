//! What is wrong with a field, said in each language: the domain's
//! `FieldErrorKind` turned into a `field-error-*` message. The one source
//! of these sentences: the web forms and import reports say them in the
//! page's language, the command line in English (`field_error_english`).

use vigie_domain::{FieldError, FieldErrorKind, Lang};

use crate::{Value, catalog, join_list, month_year, number};

/// What is wrong with `error`, in `lang` (its column and value are the
/// caller's to show).
pub fn field_error(lang: Lang, error: &FieldError) -> String {
    field_error_kind(lang, &error.kind)
}

/// What the command line says is wrong: the English message, but for the
/// problems whose remedy there is a command or an option (an unknown
/// perpetrator group: `vigie groups add`, `--new-groups`).
pub fn field_error_english(kind: &FieldErrorKind) -> String {
    match kind {
        FieldErrorKind::UnknownGroup => catalog().text(Lang::En, "field-error-unknown-group-command-line"),
        kind => field_error_kind(Lang::En, kind),
    }
}

/// The notice of a file that names a column by its earlier name: `old`
/// (one language) read as `new` (`kind_en`), the other languages' columns
/// said.
pub fn legacy_column_notice(lang: Lang, old: &str, new: &str) -> String {
    let stem = new.rsplit_once('_').map_or(new, |(stem, _)| stem);
    catalog().text_with(
        lang,
        "import-legacy-column",
        &[
            ("old", Value::from(old.to_string())),
            ("new", Value::from(new.to_string())),
            ("fr", Value::from(format!("{stem}_fr"))),
            ("ar", Value::from(format!("{stem}_ar"))),
        ],
    )
}

/// `a, b or c` in `lang`.
fn join_or(lang: Lang, items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => catalog().text_with(
            lang,
            "field-error-list-or",
            &[("first", Value::from(join_list(lang, rest))), ("last", Value::from(last.clone()))],
        ),
        _ => join_list(lang, items),
    }
}

/// The message of `kind` in `lang`.
pub fn field_error_kind(lang: Lang, kind: &FieldErrorKind) -> String {
    let text = |id: &str| catalog().text(lang, id);
    let with = |id: &str, args: &[(&str, Value<'_>)]| catalog().text_with(lang, id, args);
    let shown = |n: usize| Value::from(number(lang, i64::try_from(n).unwrap_or(i64::MAX)));
    // a count's plural form is chosen by its number, shown with the language's grouping
    let count = |n: usize| Value::from(i64::try_from(n).unwrap_or(i64::MAX));
    let string = |s: &str| Value::from(s.to_string());
    match kind {
        FieldErrorKind::Required => text("field-error-required"),
        FieldErrorKind::RequiredCode { codes } => with("field-error-required-code", &[("codes", string(codes))]),
        FieldErrorKind::DayRequiredWithName => text("field-error-day-required-with-name"),
        FieldErrorKind::InvalidDate => text("field-error-invalid-date"),
        FieldErrorKind::InvalidDayOrMonth => text("field-error-invalid-day-or-month"),
        FieldErrorKind::InvalidMonth => text("field-error-invalid-month"),
        FieldErrorKind::InvalidMonthDay => text("field-error-invalid-month-day"),
        FieldErrorKind::FutureDate { today } => {
            with("field-error-future-date", &[("today", Value::from(today.to_string()))])
        }
        FieldErrorKind::FutureMonth { latest } => {
            let latest = month_year(lang, latest.year(), latest.number());
            with("field-error-future-month", &[("latest", Value::from(latest))])
        }
        FieldErrorKind::Before1900 => text("field-error-before-1900"),
        FieldErrorKind::EndBeforeStart { start } => {
            with("field-error-end-before-start", &[("start", Value::from(start.to_string()))])
        }
        FieldErrorKind::UnknownCountry => text("field-error-unknown-country"),
        FieldErrorKind::UnknownCode { codes } => with("field-error-unknown-code", &[("codes", string(codes))]),
        FieldErrorKind::UnknownCodeInList { codes } => {
            with("field-error-unknown-code-in-list", &[("codes", string(codes))])
        }
        FieldErrorKind::UnknownGroup => text("field-error-unknown-group"),
        FieldErrorKind::UnknownOrganisation => text("field-error-unknown-organisation"),
        FieldErrorKind::NotInRegion { region, month } => {
            let month = month_year(lang, month.year(), month.number());
            with("field-error-not-in-region", &[("region", string(region)), ("month", Value::from(month))])
        }
        FieldErrorKind::Negative => text("field-error-negative"),
        FieldErrorKind::NotWholeNumber => text("field-error-not-whole-number"),
        FieldErrorKind::RangeWithoutBest => text("field-error-range-without-best"),
        FieldErrorKind::LowAboveBest { best } => {
            with("field-error-low-above-best", &[("best", Value::from(number(lang, i64::from(*best))))])
        }
        FieldErrorKind::HighBelowBest { best } => {
            with("field-error-high-below-best", &[("best", Value::from(number(lang, i64::from(*best))))])
        }
        FieldErrorKind::WholeNumberFrom { min } => {
            with("field-error-whole-number-from", &[("min", Value::from(min.to_string()))])
        }
        FieldErrorKind::NotANumber => text("field-error-not-a-number"),
        FieldErrorKind::OutOfRange { limit } => {
            with("field-error-out-of-range", &[("limit", Value::from(limit.to_string()))])
        }
        FieldErrorKind::MissingPair { other } => with("field-error-missing-pair", &[("other", string(other.name()))]),
        FieldErrorKind::GeoPrecision => text("field-error-geo-precision"),
        FieldErrorKind::TooLong { max } => {
            with("field-error-too-long", &[("max", shown(*max)), ("count", count(*max))])
        }
        FieldErrorKind::TooManyImages { max } => {
            with("field-error-too-many-images", &[("max", shown(*max)), ("count", count(*max))])
        }
        FieldErrorKind::ReservedCharacter { character } => {
            with("field-error-reserved-character", &[("character", string(character))])
        }
        FieldErrorKind::TooManyPeople { max } => {
            with("field-error-too-many-people", &[("max", shown(*max)), ("count", count(*max))])
        }
        FieldErrorKind::NotOneLine => text("field-error-not-one-line"),
        FieldErrorKind::ControlCharacter => text("field-error-control-character"),
        FieldErrorKind::AtLeastOneOf { columns } => {
            with("field-error-at-least-one-of", &[("columns", Value::from(join_or(lang, columns)))])
        }
        FieldErrorKind::Repeated => text("field-error-repeated"),
        FieldErrorKind::ItemCount { expected, other } => with(
            "field-error-item-count",
            &[("expected", shown(*expected)), ("count", count(*expected)), ("other", string(other))],
        ),
        FieldErrorKind::BadId { max } => with("field-error-bad-id", &[("max", shown(*max)), ("count", count(*max))]),
        FieldErrorKind::BadSlug { max, example } => {
            with("field-error-bad-slug", &[("max", shown(*max)), ("count", count(*max)), ("example", string(example))])
        }
        FieldErrorKind::NotRelative => text("field-error-not-relative"),
        FieldErrorKind::TooDeep { max, line } => {
            with("field-error-too-deep", &[("max", shown(*max)), ("count", count(*max)), ("line", shown(*line))])
        }
        FieldErrorKind::ReservedId => with(
            "field-error-reserved-id",
            &[("words", Value::from(join_list(lang, vigie_domain::validate::RESERVED_IDS)))],
        ),
        FieldErrorKind::RepeatedId => text("field-error-repeated-id"),
        FieldErrorKind::CountryNotAllowed { allowed } => {
            let codes: Vec<&str> = allowed.iter().map(|c| c.as_str()).collect();
            with("field-error-country-not-allowed", &[("countries", Value::from(join_list(lang, codes)))])
        }
        FieldErrorKind::AlreadyVerified => text("field-error-already-verified"),
        FieldErrorKind::UnknownId => text("field-error-unknown-id"),
        FieldErrorKind::DatasetNotAllowed => text("field-error-dataset-not-allowed"),
        FieldErrorKind::HiddenCharacter { code, position } => {
            with("field-error-hidden-character", &[("code", string(code)), ("position", shown(*position))])
        }
        FieldErrorKind::EmptyFile => text("field-error-empty-file"),
        FieldErrorKind::RepeatedColumn => text("field-error-repeated-column"),
        FieldErrorKind::MissingColumn => text("field-error-missing-column"),
        FieldErrorKind::UnknownColumn { columns } => {
            with("field-error-unknown-column", &[("columns", string(columns))])
        }
        FieldErrorKind::UnknownKey { keys } => with("field-error-unknown-key", &[("keys", string(keys))]),
        FieldErrorKind::FieldCount { found, expected } => with(
            "field-error-field-count",
            &[("found", shown(*found)), ("count", count(*found)), ("expected", shown(*expected))],
        ),
        FieldErrorKind::NotUtf8 => text("field-error-not-utf8"),
        FieldErrorKind::NotStringNumberOrNull => text("field-error-not-string-number-or-null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::incident::Column;
    use vigie_domain::{CountryCode, Month};

    /// The number of `FieldErrorKind` variants, each given an index by
    /// `variant`: a new variant does not compile until it is counted here
    /// and an example of it is added to `one_of_each`.
    const VARIANTS: usize = 55;

    fn variant(kind: &FieldErrorKind) -> usize {
        use FieldErrorKind as K;
        match kind {
            K::Required => 0,
            K::RequiredCode { .. } => 1,
            K::DayRequiredWithName => 2,
            K::InvalidDate => 3,
            K::InvalidDayOrMonth => 4,
            K::InvalidMonth => 5,
            K::InvalidMonthDay => 6,
            K::FutureDate { .. } => 7,
            K::FutureMonth { .. } => 8,
            K::Before1900 => 9,
            K::EndBeforeStart { .. } => 10,
            K::UnknownCountry => 11,
            K::UnknownCode { .. } => 12,
            K::UnknownGroup => 13,
            K::NotInRegion { .. } => 14,
            K::Negative => 15,
            K::NotWholeNumber => 16,
            K::WholeNumberFrom { .. } => 17,
            K::NotANumber => 18,
            K::OutOfRange { .. } => 19,
            K::MissingPair { .. } => 20,
            K::GeoPrecision => 21,
            K::TooLong { .. } => 22,
            K::TooManyImages { .. } => 23,
            K::NotOneLine => 24,
            K::ControlCharacter => 25,
            K::AtLeastOneOf { .. } => 26,
            K::Repeated => 27,
            K::BadId { .. } => 28,
            K::BadSlug { .. } => 29,
            K::NotRelative => 30,
            K::ReservedId => 31,
            K::RepeatedId => 32,
            K::CountryNotAllowed { .. } => 33,
            K::AlreadyVerified => 34,
            K::HiddenCharacter { .. } => 35,
            K::TooDeep { .. } => 36,
            K::DatasetNotAllowed => 37,
            K::UnknownId => 38,
            K::UnknownCodeInList { .. } => 39,
            K::EmptyFile => 40,
            K::RepeatedColumn => 41,
            K::MissingColumn => 42,
            K::UnknownColumn { .. } => 43,
            K::UnknownKey { .. } => 44,
            K::FieldCount { .. } => 45,
            K::NotUtf8 => 46,
            K::NotStringNumberOrNull => 47,
            K::RangeWithoutBest => 48,
            K::LowAboveBest { .. } => 49,
            K::HighBelowBest { .. } => 50,
            K::ItemCount { .. } => 51,
            K::UnknownOrganisation => 52,
            K::TooManyPeople { .. } => 53,
            K::ReservedCharacter { .. } => 54,
        }
    }

    /// One of each kind, with the texts its message must show in `lang`.
    fn one_of_each(lang: Lang) -> Vec<(FieldErrorKind, Vec<String>)> {
        use FieldErrorKind as K;
        let day = Month::parse("2023-12").unwrap().first_day();
        let month = Month::parse("2024-01").unwrap();
        let n = |v: i64| number(lang, v);
        let none = Vec::new;
        vec![
            (K::Required, none()),
            (K::RequiredCode { codes: "meeting, visit".into() }, vec!["meeting, visit".into()]),
            (K::DayRequiredWithName, vec!["12-02".into()]),
            (K::InvalidDate, none()),
            (K::InvalidDayOrMonth, none()),
            (K::InvalidMonth, none()),
            (K::InvalidMonthDay, vec!["12-02".into()]),
            (K::FutureDate { today: day }, vec!["2023-12-01".into()]),
            (K::FutureMonth { latest: month }, vec![month_year(lang, 2024, 1)]),
            (K::Before1900, vec!["1900".into()]),
            (K::EndBeforeStart { start: day }, vec!["2023-12-01".into()]),
            (K::UnknownCountry, vec!["ISO 3166-1".into()]),
            (K::UnknownCode { codes: "draft, verified".into() }, vec!["draft, verified".into()]),
            (K::UnknownGroup, none()),
            (K::NotInRegion { region: "g5-sahel".into(), month }, vec!["g5-sahel".into(), month_year(lang, 2024, 1)]),
            (K::Negative, vec!["0".into()]),
            (K::NotWholeNumber, none()),
            (K::RangeWithoutBest, vec!["killed".into()]),
            (K::LowAboveBest { best: 98 }, vec![n(98)]),
            (K::HighBelowBest { best: 98 }, vec![n(98)]),
            (K::WholeNumberFrom { min: 1 }, vec!["1".into()]),
            (K::NotANumber, vec!["14.35".into()]),
            (K::OutOfRange { limit: 90 }, vec!["90".into()]),
            (K::MissingPair { other: Column::Latitude }, none()),
            (K::GeoPrecision, vec!["1".into(), "2".into(), "3".into()]),
            (K::TooLong { max: 20_000 }, vec![n(20_000)]),
            (K::TooManyImages { max: 50 }, vec![n(50)]),
            (K::TooManyPeople { max: 40 }, vec![n(40)]),
            (K::ReservedCharacter { character: "|".into() }, vec!["|".into()]),
            (K::NotOneLine, none()),
            (K::ControlCharacter, none()),
            (
                K::AtLeastOneOf { columns: vec!["title_fr".into(), "title_en".into(), "title_ar".into()] },
                vec!["title_fr".into(), "title_en".into(), "title_ar".into()],
            ),
            (K::Repeated, none()),
            (K::ItemCount { expected: 4, other: "areas_en".into() }, vec!["areas_en".into(), n(4)]),
            (K::UnknownOrganisation, none()),
            (K::BadId { max: 128 }, vec![n(128)]),
            (K::BadSlug { max: 64, example: "naif-arab-university" }, vec![n(64), "naif-arab-university".into()]),
            (K::NotRelative, none()),
            (K::ReservedId, vigie_domain::validate::RESERVED_IDS.map(String::from).to_vec()),
            (K::RepeatedId, none()),
            (K::CountryNotAllowed { allowed: vec![CountryCode::new("BF").unwrap()] }, vec!["BF".into()]),
            (K::AlreadyVerified, none()),
            (K::HiddenCharacter { code: "U+202E".into(), position: 4 }, vec!["U+202E".into(), "4".into()]),
            (K::TooDeep { max: 16, line: 3 }, vec![n(16), "3".into()]),
            (K::DatasetNotAllowed, vec!["ACLED".into()]),
            (K::UnknownId, none()),
            (
                K::UnknownCodeInList { codes: "military, ideological".into() },
                vec!["military, ideological".into(), ";".into()],
            ),
            (K::EmptyFile, none()),
            (K::RepeatedColumn, none()),
            (K::MissingColumn, none()),
            (K::UnknownColumn { columns: "id, date".into() }, vec!["id, date".into()]),
            (K::UnknownKey { keys: "id, date".into() }, vec!["id, date".into()]),
            (K::FieldCount { found: 4, expected: 31 }, vec!["4".into(), "31".into()]),
            (K::NotUtf8, vec!["UTF-8".into()]),
            (K::NotStringNumberOrNull, vec!["null".into()]),
        ]
    }

    #[test]
    fn every_kind_is_said_in_every_language_with_its_arguments() {
        let mut seen = [false; VARIANTS];
        for lang in Lang::ALL {
            let mut said = Vec::new();
            for (kind, arguments) in one_of_each(lang) {
                let index = variant(&kind);
                assert!(index < VARIANTS, "count the new kind in VARIANTS");
                seen[index] = true;
                let text = field_error_kind(lang, &kind);
                assert!(!text.starts_with("field-error-"), "{lang} {kind:?}: no message");
                assert!(!text.contains('{') && !text.contains('}'), "{lang} {kind:?}: a placeable left: {text}");
                for argument in arguments {
                    assert!(text.contains(&argument), "{lang} {kind:?}: {argument:?} not in {text:?}");
                }
                if lang != Lang::En {
                    assert_ne!(text, field_error_kind(Lang::En, &kind), "{lang} {kind:?}: not translated");
                }
                said.push(text);
            }
            // two kinds never say the same
            let mut unique = said.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), said.len(), "{lang}: two kinds share a message");
            // the other coordinate is named
            let latitude = field_error_kind(lang, &FieldErrorKind::MissingPair { other: Column::Latitude });
            let longitude = field_error_kind(lang, &FieldErrorKind::MissingPair { other: Column::Longitude });
            assert_ne!(latitude, longitude, "{lang}");
        }
        let missing: Vec<usize> = (0..VARIANTS).filter(|i| !seen[*i]).collect();
        assert!(missing.is_empty(), "kinds without an example: {missing:?}");
    }

    #[test]
    fn counts_take_their_plural_form() {
        let too_long = |lang, max| field_error_kind(lang, &FieldErrorKind::TooLong { max });
        assert_eq!(too_long(Lang::En, 20_000), "longer than 20,000 characters");
        assert_eq!(too_long(Lang::En, 1), "longer than 1 character");
        assert_eq!(too_long(Lang::Fr, 200), "dépasse 200 caractères");
        assert_eq!(too_long(Lang::Ar, 20_000), "يتجاوز 20,000 حرف");
        assert_eq!(too_long(Lang::Ar, 200), "يتجاوز 200 حرف");
        assert_eq!(too_long(Lang::Ar, 64), "يتجاوز 64 حرفًا");
        assert_eq!(too_long(Lang::Ar, 5), "يتجاوز 5 أحرف");
        assert_eq!(too_long(Lang::Ar, 2), "يتجاوز حرفين");
        let images = field_error_kind(Lang::Ar, &FieldErrorKind::TooManyImages { max: 50 });
        assert_eq!(images, "أكثر من 50 صورةً");
        let images = field_error_kind(Lang::Ar, &FieldErrorKind::TooManyImages { max: 10 });
        assert_eq!(images, "أكثر من 10 صور");
        let fields = |lang, found| field_error_kind(lang, &FieldErrorKind::FieldCount { found, expected: 2 });
        assert_eq!(fields(Lang::En, 1), "row has 1 field but the header has 2");
        assert_eq!(fields(Lang::En, 3), "row has 3 fields but the header has 2");
        assert_eq!(fields(Lang::Fr, 1), "la ligne a 1 champ, mais l’en-tête en a 2");
        assert_eq!(fields(Lang::Ar, 4), "في السطر 4 حقول بينما عدد أعمدة سطر العناوين 2");
        assert_eq!(fields(Lang::Ar, 12), "في السطر 12 حقلًا بينما عدد أعمدة سطر العناوين 2");
    }

    #[test]
    fn the_command_line_says_its_own_remedy() {
        let future = FieldErrorKind::FutureDate { today: Month::parse("2023-12").unwrap().first_day() };
        assert_eq!(field_error_kind(Lang::Fr, &future), "est dans le futur (nous sommes le 2023-12-01)");
        assert_eq!(field_error_english(&future), "is in the future (today is 2023-12-01)");
        let group = field_error_english(&FieldErrorKind::UnknownGroup);
        assert!(group.contains("vigie groups add") && group.contains("--new-groups"), "{group}");
        assert!(!field_error_kind(Lang::En, &FieldErrorKind::UnknownGroup).contains("--new-groups"));
        let pair = field_error_kind(Lang::Ar, &FieldErrorKind::MissingPair { other: Column::Longitude });
        assert!(pair.contains("خط الطول"), "{pair}");
    }

    #[test]
    fn the_validators_errors_in_english() {
        use vigie_domain::GroupRegister;
        use vigie_domain::validate::RawIncident;
        let mut validator = vigie_domain::Validator::new(GroupRegister::builtin(), "2026-11-23".parse().unwrap());
        let mut raw = RawIncident::default();
        for (column, value) in [("date", "05/12/2023"), ("country", "ML"), ("target", "army"), ("killed", "-1")] {
            raw.set(Column::parse(column).unwrap(), value);
        }
        raw.set(Column::Id, "import");
        let said: Vec<(String, String)> = validator
            .validate(&raw)
            .unwrap_err()
            .iter()
            .map(|e| (e.column.clone(), field_error_english(&e.kind)))
            .collect();
        let said: Vec<(&str, &str)> = said.iter().map(|(c, m)| (c.as_str(), m.as_str())).collect();
        assert_eq!(
            said,
            [
                ("date", "not a valid date: write YYYY-MM-DD"),
                ("target", format!("unknown code: use one of {}", vigie_domain::Target::codes()).as_str()),
                ("killed", "must be 0 or more (leave empty when not known)"),
                ("id", "is a word the web addresses use (import, new, export.csv, export.geojson): choose another id"),
            ]
        );
        let regions = vigie_domain::Regions::builtin();
        let notes = vigie_domain::NoteValidator::new(&regions, Month::parse("2026-01").unwrap());
        let values = ["g5-sahel", "2027-01", "ML", "", "", ""].map(|v| Some(v.to_string()));
        let errors = notes.note(&values).unwrap_err();
        let said: Vec<String> = errors.iter().map(|e| field_error(Lang::En, e)).collect();
        assert_eq!(
            said,
            ["is in the future (the latest month is January 2026)", "give at least one of text_fr, text_en or text_ar"]
        );
        let columns = field_error(Lang::Ar, &errors[1]);
        assert_eq!(columns, "أدخل واحدًا على الأقل من الحقول التالية: text_fr\u{60C} text_en أو text_ar");
        assert_eq!(field_error(Lang::Fr, &errors[0]), "est dans le futur (le dernier mois possible est janvier 2026)");
    }
}
