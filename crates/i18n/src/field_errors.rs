//! What is wrong with a field, said in each language: the domain's
//! `FieldErrorKind` turned into a `field-error-*` message. The command line
//! keeps the domain's English sentence; the web forms and import reports
//! use these.

use vigie_domain::{FieldError, FieldErrorKind, Lang};

use crate::{Value, catalog, number};

/// `error` in `lang`; its English message when its kind has no
/// translation (`Other`: problems of a file's shape, other registers).
pub fn field_error(lang: Lang, error: &FieldError) -> String {
    field_error_kind(lang, &error.kind).unwrap_or_else(|| error.message.clone())
}

/// The message of `kind` in `lang`; `None` for `Other`.
pub fn field_error_kind(lang: Lang, kind: &FieldErrorKind) -> Option<String> {
    let text = |id: &str| catalog().text(lang, id);
    let with = |id: &str, name: &str, value: String| catalog().text_with(lang, id, &[(name, Value::from(value))]);
    let count = |n: usize| number(lang, i64::try_from(n).unwrap_or(i64::MAX));
    Some(match kind {
        FieldErrorKind::Required => text("field-error-required"),
        FieldErrorKind::InvalidDate => text("field-error-invalid-date"),
        FieldErrorKind::FutureDate { today } => with("field-error-future-date", "today", today.to_string()),
        FieldErrorKind::Before1900 => text("field-error-before-1900"),
        FieldErrorKind::EndBeforeStart { start } => with("field-error-end-before-start", "start", start.to_string()),
        FieldErrorKind::UnknownCountry => text("field-error-unknown-country"),
        FieldErrorKind::UnknownCode { codes } => with("field-error-unknown-code", "codes", codes.clone()),
        FieldErrorKind::UnknownGroup => text("field-error-unknown-group"),
        FieldErrorKind::Negative => text("field-error-negative"),
        FieldErrorKind::NotWholeNumber => text("field-error-not-whole-number"),
        FieldErrorKind::NotANumber => text("field-error-not-a-number"),
        FieldErrorKind::OutOfRange { limit } => with("field-error-out-of-range", "limit", limit.to_string()),
        FieldErrorKind::MissingPair { other } => with("field-error-missing-pair", "other", other.name().to_string()),
        FieldErrorKind::GeoPrecision => text("field-error-geo-precision"),
        FieldErrorKind::TooLong { max } => with("field-error-too-long", "max", count(*max)),
        FieldErrorKind::BadId { max } => with("field-error-bad-id", "max", count(*max)),
        FieldErrorKind::TooDeep { max, line } => catalog().text_with(
            lang,
            "field-error-too-deep",
            &[("max", Value::from(count(*max))), ("line", Value::from(count(*line)))],
        ),
        FieldErrorKind::ReservedId => {
            with("field-error-reserved-id", "words", crate::join_list(lang, vigie_domain::validate::RESERVED_IDS))
        }
        FieldErrorKind::RepeatedId => text("field-error-repeated-id"),
        FieldErrorKind::CountryNotAllowed { allowed } => {
            let codes: Vec<&str> = allowed.iter().map(|c| c.as_str()).collect();
            with("field-error-country-not-allowed", "countries", crate::join_list(lang, codes))
        }
        FieldErrorKind::AlreadyVerified => text("field-error-already-verified"),
        FieldErrorKind::UnknownId => text("field-error-unknown-id"),
        FieldErrorKind::DatasetNotAllowed => text("field-error-dataset-not-allowed"),
        FieldErrorKind::HiddenCharacter { code, position } => {
            let args = [("code", Value::from(code.clone())), ("position", Value::from(count(*position)))];
            catalog().text_with(lang, "field-error-hidden-character", &args)
        }
        FieldErrorKind::Other => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::incident::Column;

    #[test]
    fn every_kind_is_said_in_every_language() {
        let date = vigie_domain::Month::parse("2023-12").unwrap().first_day();
        let kinds = [
            FieldErrorKind::Required,
            FieldErrorKind::InvalidDate,
            FieldErrorKind::FutureDate { today: date },
            FieldErrorKind::Before1900,
            FieldErrorKind::EndBeforeStart { start: date },
            FieldErrorKind::UnknownCountry,
            FieldErrorKind::UnknownCode { codes: "a, b".into() },
            FieldErrorKind::UnknownGroup,
            FieldErrorKind::Negative,
            FieldErrorKind::NotWholeNumber,
            FieldErrorKind::NotANumber,
            FieldErrorKind::OutOfRange { limit: 90 },
            FieldErrorKind::MissingPair { other: Column::Latitude },
            FieldErrorKind::GeoPrecision,
            FieldErrorKind::TooLong { max: 20_000 },
            FieldErrorKind::BadId { max: 128 },
            FieldErrorKind::TooDeep { max: 16, line: 3 },
            FieldErrorKind::ReservedId,
            FieldErrorKind::RepeatedId,
            FieldErrorKind::CountryNotAllowed { allowed: vec![vigie_domain::CountryCode::new("BF").unwrap()] },
            FieldErrorKind::AlreadyVerified,
            FieldErrorKind::UnknownId,
            FieldErrorKind::DatasetNotAllowed,
            FieldErrorKind::HiddenCharacter { code: "U+202E".into(), position: 4 },
        ];
        for lang in Lang::ALL {
            for kind in &kinds {
                let text = field_error_kind(lang, kind).unwrap();
                assert!(!text.starts_with("field-error-") && !text.contains('{'), "{lang} {kind:?}: {text}");
            }
        }
        let future = FieldErrorKind::FutureDate { today: date };
        assert_eq!(field_error_kind(Lang::Fr, &future).unwrap(), "est dans le futur (nous sommes le 2023-12-01)");
        assert_eq!(
            field_error_kind(Lang::En, &FieldErrorKind::TooLong { max: 20_000 }).unwrap(),
            "longer than 20,000 characters"
        );
        let pair = field_error_kind(Lang::Ar, &FieldErrorKind::MissingPair { other: Column::Longitude }).unwrap();
        assert!(pair.contains("خط الطول"), "{pair}");
        let other = FieldError::new("x", "is wrong", "");
        assert_eq!(field_error(Lang::Ar, &other), "is wrong");
    }
}
