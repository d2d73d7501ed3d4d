//! What readers hand out: one row's raw values with its line number, or the
//! problems that stop a file from being read at all.

use vigie_domain::text::{echoed, quoted};
use vigie_domain::validate::RawIncident;
use vigie_domain::{FieldErrorKind, Lang};

/// One problem of one row (or of the header), located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: u64,
    /// The column concerned; empty when the problem is the row's shape.
    pub column: String,
    /// What is wrong, in English: the command line's words.
    pub message: String,
    pub value: Option<String>,
    /// What is wrong, for a message in any language
    /// (`vigie_i18n::field_error_kind`); `None` for the problems still said
    /// in English only (the datasets' layouts, register and article files).
    pub kind: Option<FieldErrorKind>,
}

impl RowProblem {
    /// A problem of `kind`, in the command line's words.
    pub fn of_kind(line: u64, column: &str, kind: FieldErrorKind, value: Option<String>) -> RowProblem {
        let message = vigie_i18n::field_error_english(&kind);
        RowProblem { line, column: column.to_string(), message, value, kind: Some(kind) }
    }

    /// `LINE: column COLUMN: what is wrong (got "VALUE")`; the caller puts the
    /// file name in front. One line of text whatever the file holds: a
    /// column name with a control character (a header that is really a data
    /// row with a quoted line break, say) is quoted and escaped like a value.
    pub fn describe(&self) -> String {
        let mut text = format!("{}: ", self.line);
        if self.column.chars().any(char::is_control) {
            text.push_str(&format!("column {}: ", quoted(&self.column)));
        } else if !self.column.is_empty() {
            text.push_str(&format!("column {}: ", echoed(&self.column)));
        }
        text.push_str(&self.message);
        if let Some(value) = &self.value {
            text.push_str(&format!(" (got {})", quoted(value)));
        }
        text
    }
}

impl RowProblem {
    /// `describe` in `lang` (a web import's rejects file): `LINE: column
    /// COLUMN: what is wrong (got "VALUE")` in that language's words, what
    /// is wrong in English when the problem has no kind.
    pub fn describe_in(&self, lang: Lang) -> String {
        use vigie_i18n::{Value, catalog};
        let mut text = match &self.kind {
            Some(kind) => vigie_i18n::field_error_kind(lang, kind),
            None => self.message.clone(),
        };
        if !self.column.is_empty() {
            let column =
                if self.column.chars().any(char::is_control) { quoted(&self.column) } else { echoed(&self.column) };
            let args = [("column", Value::from(column)), ("reason", Value::from(text))];
            text = catalog().text_with(lang, "field-error-in-column", &args);
        }
        if let Some(value) = &self.value {
            let args = [("text", Value::from(text)), ("value", Value::from(quoted(value)))];
            text = catalog().text_with(lang, "field-error-got", &args);
        }
        format!("{}: {text}", self.line)
    }
}

/// A data row: its line (where it starts), its raw values, and the
/// structural problems the reader found (then the row is not valid).
#[derive(Debug)]
pub struct Row<'a> {
    pub line: u64,
    pub raw: RawIncident<'a>,
    pub problems: Vec<RowProblem>,
}

/// Why a file cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The header is unusable; each problem is located.
    #[error("the header is not valid")]
    Header(Vec<RowProblem>),
}

#[cfg(test)]
mod tests {
    use super::{FieldErrorKind, Lang, RowProblem};

    #[test]
    fn a_column_name_with_a_line_break_stays_on_one_line() {
        // found by the mutation test: a file whose header line was dropped,
        // its first row (with a quoted line break) read as the header
        let problem = RowProblem {
            kind: None,
            line: 1,
            column: "Fighters crossed\nthe lake".into(),
            message: "unknown column".into(),
            value: None,
        };
        assert_eq!(problem.describe(), "1: column \"Fighters crossed\\u{a}the lake\": unknown column");
        assert_eq!(problem.describe().lines().count(), 1);
        let plain = RowProblem { kind: None, column: "date".into(), ..problem };
        assert_eq!(plain.describe(), "1: column date: unknown column");
    }

    #[test]
    fn a_problem_with_a_kind_is_said_in_every_language() {
        let problem = RowProblem::of_kind(2, "adm_1", FieldErrorKind::NotUtf8, Some("ILIB".into()));
        let english = r#"2: column adm_1: not valid UTF-8 (save the file as UTF-8) (got "ILIB")"#;
        assert_eq!(problem.describe(), english);
        assert_eq!(problem.describe_in(Lang::En), english);
        assert_eq!(
            problem.describe_in(Lang::Fr),
            r#"2: colonne adm_1 : n’est pas de l’UTF-8 valide (enregistrez le fichier en UTF-8) (valeur donnée : "ILIB")"#
        );
        let shape = RowProblem::of_kind(5, "", FieldErrorKind::FieldCount { found: 4, expected: 31 }, None);
        assert_eq!(shape.describe_in(Lang::Ar), "5: في السطر 4 حقول بينما عدد أعمدة سطر العناوين 31");
        // without a kind, what is wrong stays English, in the language's frame
        let plain = RowProblem { kind: None, line: 3, column: "x".into(), message: "bad".into(), value: None };
        assert_eq!(plain.describe_in(Lang::Fr), "3: colonne x : bad");
    }
}
