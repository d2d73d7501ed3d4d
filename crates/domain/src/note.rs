//! Country developments notes: for a region group, a month and one of the
//! group's countries, the analyst's short account of the month's most
//! important political and security developments, in each language.

use crate::country::{CountryCode, Names, countries};
use crate::month::Month;
use crate::region::Regions;
use crate::validate::{FieldError, FieldErrorKind};

/// The columns of the note CSV, in order.
pub const NOTE_COLUMNS: [&str; 6] = ["region", "month", "country", "text_fr", "text_en", "text_ar"];
/// The longest note, in characters, per language.
pub const MAX_NOTE: usize = 2000;

/// One country's note for one month of one region group. A note is its
/// region, month and country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub region: String,
    pub month: Month,
    pub country: CountryCode,
    /// At least one of the three is not empty; each may run over several
    /// lines (paragraphs).
    pub text: Names,
}

impl Note {
    /// The values of the note's columns, in [`NOTE_COLUMNS`] order.
    pub fn values(&self) -> Vec<String> {
        vec![
            self.region.clone(),
            self.month.to_string(),
            self.country.to_string(),
            self.text.fr.clone(),
            self.text.en.clone(),
            self.text.ar.clone(),
        ]
    }
}

/// Validates note records against the region groups.
pub struct NoteValidator<'a> {
    regions: &'a Regions,
    /// The latest month a note may be about.
    latest: Month,
}

fn trimmed(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl<'a> NoteValidator<'a> {
    pub fn new(regions: &'a Regions, latest: Month) -> NoteValidator<'a> {
        NoteValidator { regions, latest }
    }

    /// Turns the values of [`NOTE_COLUMNS`] into a note.
    pub fn note(&self, values: &[Option<String>]) -> Result<Note, Vec<FieldError>> {
        let mut errors = Vec::new();
        let value = |index: usize| values.get(index).cloned().flatten();
        let region = match trimmed(&value(0)) {
            None => {
                errors.push(FieldError::new("region", FieldErrorKind::RequiredCode { codes: self.regions.ids() }, ""));
                None
            }
            Some(id) => self.regions.get(id).or_else(|| {
                errors.push(FieldError::new("region", FieldErrorKind::UnknownCode { codes: self.regions.ids() }, id));
                None
            }),
        };
        let month = match trimmed(&value(1)) {
            None => {
                errors.push(FieldError::new("month", FieldErrorKind::Required, ""));
                None
            }
            Some(text) => match Month::parse(text) {
                None => {
                    errors.push(FieldError::new("month", FieldErrorKind::InvalidMonth, text));
                    None
                }
                Some(month) if month > self.latest => {
                    errors.push(FieldError::new("month", FieldErrorKind::FutureMonth { latest: self.latest }, text));
                    None
                }
                Some(month) => Some(month),
            },
        };
        let country = match trimmed(&value(2)) {
            None => {
                errors.push(FieldError::new("country", FieldErrorKind::Required, ""));
                None
            }
            Some(text) => countries().resolve(text).map(|c| c.code).or_else(|| {
                errors.push(FieldError::new("country", FieldErrorKind::UnknownCountry, text));
                None
            }),
        };
        if let (Some(region), Some(month), Some(country)) = (region, month, country)
            && !region.membership(month).countries.contains(&country)
        {
            let kind = FieldErrorKind::NotInRegion { region: region.id.clone(), month };
            errors.push(FieldError::new("country", kind, country.to_string()));
        }
        let before = errors.len();
        let text = Names {
            fr: text("text_fr", &value(3), &mut errors),
            en: text("text_en", &value(4), &mut errors),
            ar: text("text_ar", &value(5), &mut errors),
        };
        if errors.len() == before && text.fr.is_empty() && text.en.is_empty() && text.ar.is_empty() {
            let columns = ["text_fr", "text_en", "text_ar"].map(String::from).to_vec();
            errors.push(FieldError::new("text_fr", FieldErrorKind::AtLeastOneOf { columns }, ""));
        }
        match (region, month, country) {
            (Some(region), Some(month), Some(country)) if errors.is_empty() => {
                Ok(Note { region: region.id.clone(), month, country, text })
            }
            _ => Err(errors),
        }
    }
}

/// A note's text: trimmed, line breaks kept as `\n`, no other control
/// characters, at most [`MAX_NOTE`] characters.
fn text(column: &str, value: &Option<String>, errors: &mut Vec<FieldError>) -> String {
    let value = trimmed(value).unwrap_or("").replace("\r\n", "\n");
    if value.chars().count() > MAX_NOTE {
        let start: String = value.chars().take(40).collect();
        errors.push(FieldError::new(column, FieldErrorKind::TooLong { max: MAX_NOTE }, format!("{start}…")));
        return String::new();
    }
    if value.chars().any(crate::text::is_invisible) {
        errors.extend(crate::text::check(column, &value, true));
        return String::new();
    }
    if value.chars().any(|c| c.is_control() && c != '\n') {
        errors.push(FieldError::new(column, FieldErrorKind::ControlCharacter, value));
        return String::new();
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(values: [&str; 6]) -> Result<Note, Vec<String>> {
        let regions = Regions::builtin();
        let validator = NoteValidator::new(&regions, Month::new(2026, 1).unwrap());
        let values: Vec<Option<String>> = values.iter().map(|v| Some(v.to_string())).collect();
        validator.note(&values).map_err(|e| e.iter().map(|e| e.brief()).collect())
    }

    #[test]
    fn a_good_note() {
        let note = check(["g5-sahel", "2023-12", "Mali", "", "First.\r\nSecond.", ""]).unwrap();
        assert_eq!(note.country.as_str(), "ML");
        assert_eq!(note.text.en, "First.\nSecond.");
        assert_eq!(note.values()[..3], ["g5-sahel", "2023-12", "ML"]);
    }

    #[test]
    fn problems_are_located() {
        assert_eq!(
            check(["g5-sahel", "2023-13", "XX", "a", "", ""]).unwrap_err(),
            [r#"month: InvalidMonth (got "2023-13")"#, r#"country: UnknownCountry (got "XX")"#]
        );
        assert_eq!(
            check(["g5-sahel", "2023-12", "SN", "a", "", ""]).unwrap_err(),
            [format!(
                r#"country: NotInRegion {{ region: "g5-sahel", month: {:?} }} (got "SN")"#,
                Month::parse("2023-12").unwrap()
            )]
        );
        assert_eq!(
            check(["g5-sahel", "2027-01", "ML", "a", "", ""]).unwrap_err(),
            [format!(r#"month: FutureMonth {{ latest: {:?} }} (got "2027-01")"#, Month::parse("2026-01").unwrap())]
        );
        assert_eq!(
            check(["g5-sahel", "2023-12", "ML", "", " ", ""]).unwrap_err(),
            [r#"text_fr: AtLeastOneOf { columns: ["text_fr", "text_en", "text_ar"] } (got "")"#]
        );
        assert!(
            check(["nowhere", "2023-12", "ML", "a", "", ""]).unwrap_err()[0]
                .starts_with(r#"region: UnknownCode { codes: "#)
        );
        assert!(check(["g5-sahel", "2023-12", "ML", "a\tb", "", ""]).is_err());
        assert!(check(["g5-sahel", "2023-12", "ML", &"x".repeat(MAX_NOTE + 1), "", ""]).is_err());
    }
}
