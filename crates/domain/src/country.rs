//! ISO 3166-1 countries with en/fr/ar names (from CLDR via
//! `i18n-iso-countries`, see `data/countries-LICENSE.txt`), resolved from any
//! code or name, case- and accent-insensitively.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::Lang;
use crate::fold::fold;

/// An ISO 3166-1 alpha-2 code (upper case ASCII), e.g. `TD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Accepts exactly two ASCII letters, any case.
    pub fn new(code: &str) -> Option<CountryCode> {
        let bytes = code.as_bytes();
        if bytes.len() == 2 && bytes.iter().all(u8::is_ascii_alphabetic) {
            Some(CountryCode([bytes[0].to_ascii_uppercase(), bytes[1].to_ascii_uppercase()]))
        } else {
            None
        }
    }

    pub fn as_str(&self) -> &str {
        // always two ASCII letters
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A name in each of Vigie's languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Names {
    pub fr: String,
    pub en: String,
    pub ar: String,
}

impl Names {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
            Lang::Ar => &self.ar,
        }
    }
}

#[derive(Debug, Deserialize)]
struct CountryRecord {
    alpha2: String,
    alpha3: String,
    numeric: String,
    names: Names,
    #[serde(default)]
    aliases: Vec<String>,
}

/// One country of the register.
#[derive(Debug)]
pub struct Country {
    pub code: CountryCode,
    pub alpha3: String,
    pub numeric: String,
    pub names: Names,
    pub aliases: Vec<String>,
}

impl Country {
    pub fn name(&self, lang: Lang) -> &str {
        self.names.get(lang)
    }
}

/// The country register shipped with the binary.
#[derive(Debug)]
pub struct Countries {
    list: Vec<Country>,
    by_code: HashMap<CountryCode, usize>,
    by_folded: HashMap<String, usize>,
}

/// The shipped register, parsed once.
pub fn countries() -> &'static Countries {
    static REGISTER: OnceLock<Countries> = OnceLock::new();
    REGISTER.get_or_init(|| {
        Countries::from_json(include_str!("../data/countries.json"))
            .expect("the shipped countries.json is valid (checked by tests)")
    })
}

impl Countries {
    fn from_json(json: &str) -> Result<Countries, String> {
        let records: Vec<CountryRecord> = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let mut list = Vec::with_capacity(records.len());
        let mut by_code = HashMap::new();
        let mut by_folded = HashMap::new();
        for (index, record) in records.into_iter().enumerate() {
            let code =
                CountryCode::new(&record.alpha2).ok_or_else(|| format!("bad alpha-2 code {:?}", record.alpha2))?;
            by_code.insert(code, index);
            let keys = [&record.alpha2, &record.alpha3, &record.numeric]
                .into_iter()
                .chain([&record.names.en, &record.names.fr, &record.names.ar])
                .chain(record.aliases.iter());
            for key in keys {
                let folded = fold(key);
                if !folded.is_empty() {
                    by_folded.entry(folded).or_insert(index);
                }
            }
            list.push(Country {
                code,
                alpha3: record.alpha3,
                numeric: record.numeric,
                names: record.names,
                aliases: record.aliases,
            });
        }
        Ok(Countries { list, by_code, by_folded })
    }

    /// Resolves any code (alpha-2, alpha-3, numeric) or name in en/fr/ar.
    pub fn resolve(&self, input: &str) -> Option<&Country> {
        let trimmed = input.trim();
        if let Some(&index) = CountryCode::new(trimmed).and_then(|code| self.by_code.get(&code)) {
            return Some(&self.list[index]);
        }
        let mut folded = fold(trimmed);
        if !folded.is_empty() && folded.bytes().all(|b| b.is_ascii_digit()) {
            // numeric codes are written with or without leading zeros
            if let Ok(number) = folded.parse::<u16>() {
                folded = format!("{number:03}");
            }
        }
        self.by_folded.get(&folded).map(|&index| &self.list[index])
    }

    pub fn get(&self, code: CountryCode) -> Option<&Country> {
        self.by_code.get(&code).map(|&index| &self.list[index])
    }

    /// The name of a country in a language, or its code when unknown.
    pub fn name(&self, code: CountryCode, lang: Lang) -> String {
        self.get(code).map(|c| c.name(lang).to_string()).unwrap_or_else(|| code.to_string())
    }

    pub fn iter(&self) -> impl Iterator<Item = &Country> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(input: &str) -> Option<String> {
        countries().resolve(input).map(|c| c.code.to_string())
    }

    #[test]
    fn resolves_codes_and_names_in_three_languages() {
        for input in ["Tchad", "Chad", "TCD", "تشاد", "td", "148", " tchad ", "TCHAD"] {
            assert_eq!(code(input).as_deref(), Some("TD"), "{input}");
        }
        assert_eq!(code("Burkina Faso").as_deref(), Some("BF"));
        assert_eq!(code("Mauritanie").as_deref(), Some("MR"));
        assert_eq!(code("Côte d'Ivoire").as_deref(), Some("CI"));
        assert_eq!(code("cote d’ivoire").as_deref(), Some("CI"));
        assert_eq!(code("Ivory Coast").as_deref(), Some("CI"));
        assert_eq!(code("Myanmar (Burma)").as_deref(), Some("MM"));
        assert_eq!(code("004").as_deref(), Some("AF"));
        assert_eq!(code("4").as_deref(), Some("AF"));
        assert_eq!(code("Nigeria").as_deref(), Some("NG"));
        assert_eq!(code("Niger").as_deref(), Some("NE"));
        assert_eq!(code("النيجر").as_deref(), Some("NE"));
    }

    #[test]
    fn rejects_unknown_names() {
        assert_eq!(code("Atlantis"), None);
        assert_eq!(code(""), None);
        assert_eq!(code("ZZ"), None);
    }

    #[test]
    fn register_is_complete() {
        assert!(countries().len() >= 249, "{}", countries().len());
        let td = countries().get(CountryCode::new("TD").unwrap()).unwrap();
        assert_eq!(td.names.fr, "Tchad");
        assert_eq!(td.alpha3, "TCD");
        assert_eq!(td.numeric, "148");
    }
}
