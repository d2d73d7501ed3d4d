//! Localised labels of codes, countries, groups and months.

use vigie_domain::{CountryCode, Lang, Month, Names, countries};
use vigie_i18n::{Value, catalog};

/// The labels of one language.
#[derive(Debug, Clone, Copy)]
pub struct Labels {
    pub lang: Lang,
}

impl Labels {
    pub fn new(lang: Lang) -> Labels {
        Labels { lang }
    }

    pub fn text(&self, id: &str) -> String {
        catalog().text(self.lang, id)
    }

    pub fn text_with(&self, id: &str, args: &[(&str, Value<'_>)]) -> String {
        catalog().text_with(self.lang, id, args)
    }

    pub fn country(&self, code: CountryCode) -> String {
        countries().name(code, self.lang)
    }

    pub fn month(&self, month: Month) -> String {
        vigie_i18n::month_year(self.lang, month.year(), month.number())
    }

    pub fn date(&self, date: jiff::civil::Date) -> String {
        vigie_i18n::long_date(self.lang, date.year(), date.month(), date.day())
    }

    /// The label of a target (`target-…`) or method (`method-…`) code.
    pub fn code(&self, prefix: &str, code: &str) -> String {
        self.text(&format!("{prefix}-{code}"))
    }

    /// The name in the language; when it has none, the English, French or
    /// Arabic one (never an empty cell for a name given in one language).
    pub fn names<'a>(&self, names: &'a Names) -> &'a str {
        vigie_domain::partner::first_of(names, self.lang)
    }

    pub fn number(&self, value: u64) -> String {
        vigie_i18n::number(self.lang, value as i64)
    }

    /// A victims figure with its low–high range when it has one:
    /// "98 (90–120)".
    pub fn victims(&self, best: u64, range: Option<vigie_report::Range>) -> String {
        match range {
            None => self.number(best),
            Some(range) => self.text_with(
                "report-victims-range",
                &[
                    ("best", Value::from(self.number(best))),
                    ("low", Value::from(self.number(range.low))),
                    ("high", Value::from(self.number(range.high))),
                ],
            ),
        }
    }

    pub fn percent(&self, value: i64) -> String {
        vigie_i18n::percent(self.lang, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_missing_in_the_language_is_printed_in_another_not_left_empty() {
        let names = Names { fr: String::new(), en: "Katiba Serma".into(), ar: String::new() };
        assert_eq!(Labels::new(Lang::Ar).names(&names), "Katiba Serma");
        let full =
            Names { fr: "Katiba Serma (fr)".into(), en: "Katiba Serma".into(), ar: "كتيبة سرما".into() };
        assert_eq!(Labels::new(Lang::Ar).names(&full), "كتيبة سرما");
    }
}
