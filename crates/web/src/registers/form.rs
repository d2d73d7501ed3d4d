//! The one form template of the registers (`register_form.html`): fields
//! described here, shown with the values typed (or stored) and the message
//! of each wrong one.

use std::collections::HashMap;

use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use vigie_domain::Lang;

use crate::errors::Error;
use crate::session::Session;

/// A form's submitted values by field name; a field may come several times
/// (checkboxes).
#[derive(Debug, Clone, Default)]
pub struct Values(HashMap<String, Vec<String>>);

impl Values {
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Values {
        let mut values = Values::default();
        for (name, value) in pairs {
            values.push(&name, value);
        }
        values
    }

    pub fn push(&mut self, name: &str, value: impl Into<String>) {
        self.0.entry(name.to_string()).or_default().push(value.into());
    }

    /// Replaces the field's values by `value`.
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.0.insert(name.to_string(), vec![value.into()]);
    }

    /// The field's first value, if it came.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).and_then(|v| v.first()).map(String::as_str)
    }

    /// The field's first value, or empty.
    pub fn one(&self, name: &str) -> String {
        self.get(name).unwrap_or_default().to_string()
    }

    /// Every value of the field.
    pub fn all(&self, name: &str) -> &[String] {
        self.0.get(name).map_or(&[], Vec::as_slice)
    }

    /// The field's first value as a validator reads it (`None`: absent).
    pub fn raw(&self, name: &str) -> Option<String> {
        self.get(name).map(str::to_string)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One line.
    Text,
    /// Several lines.
    Long,
    /// A list typed a line each, across the form, left to right (its
    /// values separated by `|`).
    Lines,
    /// One of the choices.
    Select,
    /// Any of the choices.
    Checks,
    /// Shown, not editable and not sent (a record's key on its edit form).
    Fixed,
}

impl Kind {
    fn code(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Long => "long",
            Kind::Lines => "lines",
            Kind::Select => "select",
            Kind::Checks => "checks",
            Kind::Fixed => "fixed",
        }
    }
}

/// One field of a form.
pub struct Field {
    name: String,
    label: String,
    kind: Kind,
    /// (value, label) of a select or checkboxes.
    choices: Vec<(String, String)>,
    /// A placeholder showing the expected shape (`YYYY-MM-DD`).
    hint: Option<&'static str>,
    /// What a fixed field shows.
    shown: String,
}

impl Field {
    fn new(name: &str, label: String, kind: Kind) -> Field {
        Field { name: name.to_string(), label, kind, choices: Vec::new(), hint: None, shown: String::new() }
    }

    pub fn text(name: &str, label: String) -> Field {
        Field::new(name, label, Kind::Text)
    }

    pub fn long(name: &str, label: String) -> Field {
        Field::new(name, label, Kind::Long)
    }

    pub fn lines(name: &str, label: String) -> Field {
        Field::new(name, label, Kind::Lines)
    }

    pub fn select(name: &str, label: String, choices: Vec<(String, String)>) -> Field {
        Field { choices, ..Field::new(name, label, Kind::Select) }
    }

    pub fn checks(name: &str, label: String, choices: Vec<(String, String)>) -> Field {
        Field { choices, ..Field::new(name, label, Kind::Checks) }
    }

    pub fn fixed(name: &str, label: String, shown: String) -> Field {
        Field { shown, ..Field::new(name, label, Kind::Fixed) }
    }

    pub fn hint(mut self, hint: &'static str) -> Field {
        self.hint = Some(hint);
        self
    }

    /// The language of a text in one language (`title_ar`, `day_ar_0`…),
    /// so that Arabic is typed right to left in any page.
    fn lang(&self) -> Option<&'static str> {
        ["fr", "en", "ar"]
            .into_iter()
            .find(|code| self.name.ends_with(&format!("_{code}")) || self.name.contains(&format!("_{code}_")))
    }

    fn value(&self, values: &Values, errors: &HashMap<String, String>) -> Value {
        let selected = values.all(&self.name);
        let choices: Vec<Value> = self
            .choices
            .iter()
            .map(|(code, label)| context! { code, label, selected => selected.contains(code) })
            .collect();
        let value = if self.kind == Kind::Fixed { self.shown.clone() } else { values.one(&self.name) };
        context! {
            name => self.name.clone(),
            label => self.label.clone(),
            kind => self.kind.code(),
            value,
            choices,
            hint => self.hint,
            lang => self.lang(),
            error => errors.get(&self.name),
        }
    }
}

/// A register's form page.
pub struct Form {
    pub title: String,
    /// Where it posts.
    pub action: String,
    /// Fields under an optional legend.
    pub groups: Vec<(Option<String>, Vec<Field>)>,
    /// Where "cancel" goes.
    pub back: String,
}

impl Form {
    /// Renders the form as first shown: `values`, no message.
    pub fn show(&self, lang: Lang, session: &Session, values: &Values) -> Result<Response, Error> {
        self.render(lang, session, StatusCode::OK, values, &HashMap::new(), None)
    }

    /// Renders the form with `values`, the field `errors` and the message
    /// `message` (a catalogue id) above it.
    pub fn render(
        &self,
        lang: Lang,
        session: &Session,
        status: StatusCode,
        values: &Values,
        errors: &HashMap<String, String>,
        message: Option<&str>,
    ) -> Result<Response, Error> {
        let groups: Vec<Value> = self
            .groups
            .iter()
            .map(|(legend, fields)| {
                context! {
                    legend,
                    fields => fields.iter().map(|f| f.value(values, errors)).collect::<Vec<_>>(),
                }
            })
            .collect();
        let mut response = crate::templates::page(
            "register_form.html",
            lang,
            Some(session),
            context! {
                title => self.title.clone(),
                action => self.action.clone(),
                back => self.back.clone(),
                // an edit form's fingerprint of the record as first shown,
                // kept as sent when the form is shown again
                version => values.get(crate::version::FIELD),
                groups,
                message => message.map(|id| vigie_i18n::catalog().text(lang, id)),
            },
        )?;
        *response.status_mut() = status;
        Ok(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_every_repeat() {
        let values = Values::from_pairs([
            ("domains".to_string(), "military".to_string()),
            ("domains".to_string(), "communication".to_string()),
            ("id".to_string(), "x".to_string()),
        ]);
        assert_eq!(values.all("domains"), ["military", "communication"]);
        assert_eq!(values.one("id"), "x");
        assert_eq!(values.raw("place"), None);
        assert_eq!(values.one("place"), "");
    }

    #[test]
    fn a_language_field_knows_its_language() {
        let label = String::new;
        assert_eq!(Field::text("title_ar", label()).lang(), Some("ar"));
        assert_eq!(Field::text("day_fr_2", label()).lang(), Some("fr"));
        assert_eq!(Field::text("counterpart_org", label()).lang(), None);
    }
}
