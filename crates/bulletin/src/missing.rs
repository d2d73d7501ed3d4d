//! What an issue still lacks before it is built: the texts of the data an
//! edition would print in another language (a story without its Arabic
//! version, an agreement's areas without their French), and the countries
//! of a region's table without a developments note. The web composer lists
//! them; `vigie bulletin` prints them as notices.

use vigie_domain::{CountryCode, Lang};
use vigie_i18n::Value;

use crate::edition::Edition;
use crate::fallbacks::Fallback;
use crate::profile::Profile;
use crate::sources::Sources;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// A text of the data an edition prints in another language.
    Text(Fallback),
    /// A country of a region's table without a developments note.
    Note { region: String, country: CountryCode },
}

impl Missing {
    /// In `lang`, for a page.
    pub fn describe(&self, lang: Lang) -> String {
        let catalog = vigie_i18n::catalog();
        let language = |l: Lang| Value::from(catalog.text(lang, &format!("lang-{}", l.code())));
        match self {
            Missing::Text(fallback) => match fallback.used {
                Some(used) => catalog.text_with(
                    lang,
                    "bulletin-missing-text",
                    &[
                        ("edition", language(fallback.lang)),
                        ("what", Value::from(fallback.what.clone())),
                        ("used", language(used)),
                    ],
                ),
                None => catalog.text_with(
                    lang,
                    "bulletin-missing-empty",
                    &[("edition", language(fallback.lang)), ("what", Value::from(fallback.what.clone()))],
                ),
            },
            Missing::Note { region, country } => catalog.text_with(
                lang,
                "bulletin-missing-note",
                &[
                    ("region", Value::from(region.clone())),
                    ("country", Value::from(vigie_domain::countries().name(*country, lang))),
                ],
            ),
        }
    }
}

/// Everything the issue of `sources` lacks, its three editions' texts first.
pub fn missing(sources: &Sources, profile: &Profile) -> Vec<Missing> {
    let mut found: Vec<Missing> =
        Lang::ALL.iter().flat_map(|&lang| Edition::new(sources, profile, lang).fallbacks).map(Missing::Text).collect();
    found.extend(notes(sources));
    found
}

/// The countries of the regions' tables without a developments note.
pub fn notes(sources: &Sources) -> Vec<Missing> {
    let mut found = Vec::new();
    for region in &sources.regions {
        for row in &region.report.countries {
            if !region.notes.iter().any(|note| note.country == row.country) {
                found.push(Missing::Note { region: region.report.region.clone(), country: row.country });
            }
        }
    }
    found
}
