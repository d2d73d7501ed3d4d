//! The organisation profile: its names, the bulletin's name, and the
//! standing pages (who we are, founding principles, the domains of action),
//! each in fr, en and ar. A TOML file, so that the secretariat edits it as
//! text; the demo's is compiled in.

use serde::Deserialize;
use vigie_domain::{Domain, Lang};

use crate::BulletinError;

/// One text in the three languages.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    #[serde(default)]
    pub fr: String,
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub ar: String,
}

impl Texts {
    /// The text in `lang`, or else in English, French, then Arabic.
    pub fn get(&self, lang: Lang) -> &str {
        let own = match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
            Lang::Ar => &self.ar,
        };
        [own, &self.en, &self.fr, &self.ar].into_iter().find(|t| !t.is_empty()).map_or("", |t| t.as_str())
    }
}

/// A standing page: a title and a Markdown body.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub id: String,
    pub title: Texts,
    pub body: Texts,
}

/// One of the domains of action, described.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainText {
    pub domain: String,
    pub body: Texts,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The organisation's full name.
    pub name: Texts,
    /// Its acronym.
    pub short_name: Texts,
    /// The bulletin's own title (the masthead).
    pub publication: Texts,
    /// Who we are, founding principles…, in order.
    #[serde(default)]
    pub pages: Vec<Page>,
    /// The title of the domains page.
    pub domains_title: Texts,
    /// The domains of action, in order.
    #[serde(default)]
    pub domains: Vec<DomainText>,
    /// The digits of the Arabic edition: `western` (the default) or
    /// `arabic-indic`.
    #[serde(default)]
    pub digits: crate::digits::Digits,
}

/// The demo organisation's profile.
pub const DEMO_PROFILE: &str = include_str!("../data/organisation.toml");

impl Profile {
    /// Reads a profile; `source` names it in errors.
    pub fn from_toml(text: &str, source: &str) -> Result<Profile, BulletinError> {
        let profile: Profile =
            toml::from_str(text).map_err(|e| BulletinError::Profile(format!("{source}: {}", e.to_string().trim())))?;
        for domain in &profile.domains {
            if Domain::parse(&domain.domain).is_none() {
                return Err(BulletinError::Profile(format!(
                    "{source}: unknown domain {:?}: use one of {}",
                    domain.domain,
                    Domain::ALL.map(|d| d.code()).join(", ")
                )));
            }
        }
        Ok(profile)
    }

    pub fn demo() -> Profile {
        Profile::from_toml(DEMO_PROFILE, "organisation.toml").expect("the demo profile is valid")
    }
}
