//! The themes activities are tagged with beside the four domains of action
//! (`online-recruitment`, `terrorist-financing`, `sahel`): a tag and its
//! label in three languages. An activity's tag the register does not hold
//! is shown as the tag.

use crate::country::Names;
use crate::partner::{MAX_ID, first_of, is_slug};
use crate::validate::{FieldError, FieldErrorKind};
use crate::{Lang, activity};

/// The columns of the theme CSV, in order (also the JSON Lines keys).
pub const THEME_COLUMNS: [&str; 4] = ["id", "label_fr", "label_en", "label_ar"];

/// The longest label.
pub const MAX_LABEL: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// The tag activities carry.
    pub id: String,
    /// At least one of the three is not empty.
    pub label: Names,
}

impl Theme {
    /// Its values in [`THEME_COLUMNS`] order.
    pub fn values(&self) -> [String; 4] {
        [self.id.clone(), self.label.fr.clone(), self.label.en.clone(), self.label.ar.clone()]
    }
}

/// The label of the tag `id` in `lang` (another language's when that one
/// is empty), or the tag itself when `themes` do not hold it.
pub fn label_of<'a>(themes: &'a [Theme], id: &'a str, lang: Lang) -> &'a str {
    themes.iter().find(|t| t.id == id).map_or(id, |t| first_of(&t.label, lang))
}

/// Checks one record (values in [`THEME_COLUMNS`] order, `None` when
/// absent): a tag, and at least one label, each one line of at most
/// [`MAX_LABEL`] characters.
pub fn validate_theme(values: &[Option<String>]) -> Result<Theme, Vec<FieldError>> {
    let value = |index: usize| values.get(index).cloned().flatten();
    let mut errors = Vec::new();
    let id = match activity::trimmed(&value(0)) {
        None => {
            errors.push(FieldError::new("id", FieldErrorKind::Required, ""));
            None
        }
        Some(id) if is_slug(id) => Some(id.to_string()),
        Some(id) => {
            let kind = FieldErrorKind::BadSlug { max: MAX_ID, example: "online-recruitment" };
            errors.push(FieldError::new("id", kind, id));
            None
        }
    };
    let before = errors.len();
    let label = Names {
        fr: activity::text("label_fr", &value(1), MAX_LABEL, false, &mut errors),
        en: activity::text("label_en", &value(2), MAX_LABEL, false, &mut errors),
        ar: activity::text("label_ar", &value(3), MAX_LABEL, false, &mut errors),
    };
    if errors.len() == before && label.fr.is_empty() && label.en.is_empty() && label.ar.is_empty() {
        let columns = ["label_fr", "label_en", "label_ar"].map(String::from).to_vec();
        errors.push(FieldError::new("label_en", FieldErrorKind::AtLeastOneOf { columns }, ""));
    }
    match id {
        Some(id) if errors.is_empty() => Ok(Theme { id, label }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: &[&str]) -> Vec<Option<String>> {
        values.iter().map(|v| (!v.is_empty()).then(|| v.to_string())).collect()
    }

    #[test]
    fn a_theme_is_a_tag_and_its_labels() {
        let theme = validate_theme(&row(&["sahel", "Sahel", "", "الساحل"])).unwrap();
        assert_eq!(label_of(std::slice::from_ref(&theme), "sahel", Lang::Ar), "الساحل");
        assert_eq!(label_of(std::slice::from_ref(&theme), "sahel", Lang::En), "Sahel", "another language's");
        assert_eq!(label_of(std::slice::from_ref(&theme), "other-tag", Lang::Fr), "other-tag");
        assert_eq!(theme.values()[3], "الساحل");
        let errors = validate_theme(&row(&["Sahel Region", "a\nb", "", ""])).unwrap_err();
        let columns: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(columns, ["id", "label_fr"]);
        assert_eq!(validate_theme(&row(&["sahel", "", "", ""])).unwrap_err()[0].column, "label_en");
    }
}
