//! The texts of the data an edition prints in another language than its
//! own, because the data have none in it: picked here, and recorded, so
//! that `vigie bulletin` can list them and `--strict` refuse to build.

use std::cell::RefCell;

use serde::Serialize;
use vigie_domain::{Lang, Names};

/// One text of the data printed in another language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fallback {
    /// The edition's language.
    pub lang: Lang,
    /// The language printed instead; `None` when the text is empty in all
    /// three.
    pub used: Option<Lang>,
    /// Which text: "agreement scihl 2023-12-27: areas".
    pub what: String,
}

impl Fallback {
    /// `fr: agreement scihl 2023-12-27: areas, printed in English`, for the
    /// command line.
    pub fn describe(&self) -> String {
        match self.used {
            Some(used) => {
                let language = vigie_i18n::catalog().text(Lang::En, &format!("lang-{}", used.code()));
                format!("{}: {}: printed in {language}", self.lang.code(), self.what)
            }
            None => format!("{}: {}: empty in every language", self.lang.code(), self.what),
        }
    }
}

/// Picks the texts of one edition's language and keeps the fallbacks.
#[derive(Debug)]
pub struct Texts {
    lang: Lang,
    fallbacks: RefCell<Vec<Fallback>>,
}

impl Texts {
    pub fn new(lang: Lang) -> Texts {
        Texts { lang, fallbacks: RefCell::new(Vec::new()) }
    }

    /// The text in the edition's language; when it has none, the English,
    /// French or Arabic one (in that order), recorded under `what`.
    pub fn pick<'a>(&self, names: &'a Names, what: impl FnOnce() -> String) -> &'a str {
        let text = names.get(self.lang);
        if !text.is_empty() {
            return text;
        }
        let used = [Lang::En, Lang::Fr, Lang::Ar].into_iter().find(|&lang| !names.get(lang).is_empty());
        self.record(used, what());
        used.map_or("", |lang| names.get(lang))
    }

    /// Records a text printed in `used` (a story without a version in the
    /// edition's language).
    pub fn record(&self, used: Option<Lang>, what: String) {
        self.fallbacks.borrow_mut().push(Fallback { lang: self.lang, used, what });
    }

    pub fn into_fallbacks(self) -> Vec<Fallback> {
        self.fallbacks.into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(fr: &str, en: &str, ar: &str) -> Names {
        Names { fr: fr.into(), en: en.into(), ar: ar.into() }
    }

    #[test]
    fn a_text_missing_in_the_language_is_taken_from_another_and_recorded() {
        let texts = Texts::new(Lang::Ar);
        assert_eq!(texts.pick(&names("droit", "law", "القانون"), || "a".into()), "القانون");
        assert_eq!(texts.pick(&names("droit", "law", ""), || "b".into()), "law");
        assert_eq!(texts.pick(&names("droit", "", ""), || "c".into()), "droit");
        assert_eq!(texts.pick(&names("", "", ""), || "d".into()), "");
        let found = texts.into_fallbacks();
        assert_eq!(
            found.iter().map(|f| (f.what.as_str(), f.used)).collect::<Vec<_>>(),
            [("b", Some(Lang::En)), ("c", Some(Lang::Fr)), ("d", None)]
        );
        assert_eq!(found[0].describe(), "ar: b: printed in English");
    }
}
