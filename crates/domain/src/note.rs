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
                errors.push(FieldError::new("region", format!("is required: one of {}", self.regions.ids()), ""));
                None
            }
            Some(id) => self.regions.get(id).or_else(|| {
                errors.push(FieldError::new(
                    "region",
                    format!("unknown region: use one of {}", self.regions.ids()),
                    id,
                ));
                None
            }),
        };
        let month = match trimmed(&value(1)) {
            None => {
                errors.push(FieldError::new("month", "is required: write YYYY-MM", ""));
                None
            }
            Some(text) => match Month::parse(text) {
                None => {
                    errors.push(FieldError::new("month", "not a month: write YYYY-MM", text));
                    None
                }
                Some(month) if month > self.latest => {
                    errors.push(FieldError::new(
                        "month",
                        format!("is in the future (latest is {})", self.latest),
                        text,
                    ));
                    None
                }
                Some(month) => Some(month),
            },
        };
        let country = match trimmed(&value(2)) {
            None => {
                errors.push(
                    FieldError::new("country", "is required: a country code or name", "")
                        .with_kind(FieldErrorKind::Required),
                );
                None
            }
            Some(text) => countries().resolve(text).map(|c| c.code).or_else(|| {
                errors.push(
                    FieldError::new("country", "unknown country: use an ISO 3166 code or a name", text)
                        .with_kind(FieldErrorKind::UnknownCountry),
                );
                None
            }),
        };
        if let (Some(region), Some(month), Some(country)) = (region, month, country)
            && !region.membership(month).countries.contains(&country)
        {
            errors.push(FieldError::new(
                "country",
                format!("is not in the {} group's table for {month}", region.id),
                country.to_string(),
            ));
        }
        let before = errors.len();
        let text = Names {
            fr: text("text_fr", &value(3), &mut errors),
            en: text("text_en", &value(4), &mut errors),
            ar: text("text_ar", &value(5), &mut errors),
        };
        if errors.len() == before && text.fr.is_empty() && text.en.is_empty() && text.ar.is_empty() {
            errors.push(FieldError::new("text_fr", "give at least one of text_fr, text_en or text_ar", ""));
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
        errors.push(
            FieldError::new(column, format!("longer than {MAX_NOTE} characters"), format!("{start}…"))
                .with_kind(FieldErrorKind::TooLong { max: MAX_NOTE }),
        );
        return String::new();
    }
    if value.chars().any(crate::text::is_invisible) {
        errors.extend(crate::text::check(column, &value, true));
        return String::new();
    }
    if value.chars().any(|c| c.is_control() && c != '\n') {
        errors.push(FieldError::new(
            column,
            "has a control character (tabs and lone carriage returns are not allowed)",
            value,
        ));
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
        validator.note(&values).map_err(|e| e.iter().map(|e| e.to_string()).collect())
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
            [
                "column month: not a month: write YYYY-MM (got \"2023-13\")",
                "column country: unknown country: use an ISO 3166 code or a name (got \"XX\")"
            ]
        );
        assert_eq!(
            check(["g5-sahel", "2023-12", "SN", "a", "", ""]).unwrap_err(),
            ["column country: is not in the g5-sahel group's table for 2023-12 (got \"SN\")"]
        );
        assert_eq!(
            check(["g5-sahel", "2027-01", "ML", "a", "", ""]).unwrap_err(),
            ["column month: is in the future (latest is 2026-01) (got \"2027-01\")"]
        );
        assert_eq!(
            check(["g5-sahel", "2023-12", "ML", "", " ", ""]).unwrap_err(),
            ["column text_fr: give at least one of text_fr, text_en or text_ar (got \"\")"]
        );
        assert!(
            check(["nowhere", "2023-12", "ML", "a", "", ""]).unwrap_err()[0]
                .starts_with("column region: unknown region")
        );
        assert!(check(["g5-sahel", "2023-12", "ML", "a\tb", "", ""]).is_err());
        assert!(check(["g5-sahel", "2023-12", "ML", &"x".repeat(MAX_NOTE + 1), "", ""]).is_err());
    }
}
