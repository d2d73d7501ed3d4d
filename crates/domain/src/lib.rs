//! Vigie's domain: incidents, codes, countries, perpetrator groups, region
//! groups, member states, user accounts and their access rules, and the rules
//! that validate and count them. No I/O lives here: no file, database,
//! terminal or clock (a time is always given; the data files are compiled
//! in), so every rule can be tested and used alike by the command line and
//! the web application.

pub mod activity;
pub mod article;
pub mod audit;
pub mod codes;
pub mod confirmation;
pub mod counterpart;
pub mod country;
pub mod domain_of_action;
pub mod duplicates;
pub mod fold;
pub mod group;
pub mod hash;
pub mod incident;
pub mod member;
pub mod month;
pub mod note;
pub mod organisation;
pub mod partner;
pub mod publication;
pub mod region;
pub mod svg;
pub mod text;
pub mod theme;
pub mod token;
pub mod trend;
pub mod user;
pub mod validate;

pub use activity::{Activity, ActivityKind, ActivityValidator};
pub use article::{Article, ArticleImage, ArticleKind, ArticleStatus, Image, ImageError, MediaType, Story};
pub use audit::{AuditEntry, FieldChange};
pub use codes::{DatePrecision, Method, Status, Target};
pub use country::{Country, CountryCode, Names, countries};
pub use domain_of_action::Domain;
pub use group::{Group, GroupKind, GroupOrigin, GroupRegister};
pub use incident::Incident;
pub use member::{Member, MemberValidator, NationalDay};
pub use month::Month;
pub use note::{Note, NoteValidator};
pub use organisation::{Organisation, OrganisationKind};
pub use partner::{Agreement, Partner, PartnerValidator, Scope};
pub use region::{RegionGroup, Regions};
pub use trend::{Change, Trend, change_pct};
pub use user::{Role, User, UserError};
pub use validate::{FieldError, FieldErrorKind, Validator};

/// The three languages of Vigie's catalogues and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Ar];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    pub fn parse(input: &str) -> Option<Lang> {
        match input.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
