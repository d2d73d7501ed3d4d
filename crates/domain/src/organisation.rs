//! The organisations the coalition works with (the GCC, UNODC, a member
//! state's ministry, a university…): names in three languages, a kind, the
//! country when they have one, and the partner they are, when they are one.
//! An activity names its counterparts among them (`Activity::organisations`).

use crate::partner::{MAX_ID, is_slug};
use crate::validate::{FieldError, FieldErrorKind};
use crate::{CountryCode, Lang, Names, countries};

const MAX_NAME: usize = 200;

/// The columns of the register's CSV, in order (JSON Lines: the same keys).
pub const ORGANISATION_COLUMNS: [&str; 7] = ["id", "kind", "country", "partner", "name_fr", "name_en", "name_ar"];

/// What an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrganisationKind {
    RegionalOrganisation,
    UnBody,
    GovernmentBody,
    ArmedForces,
    Academic,
    Ngo,
    Company,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 7] = [
        OrganisationKind::RegionalOrganisation,
        OrganisationKind::UnBody,
        OrganisationKind::GovernmentBody,
        OrganisationKind::ArmedForces,
        OrganisationKind::Academic,
        OrganisationKind::Ngo,
        OrganisationKind::Company,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrganisationKind::RegionalOrganisation => "regional_organisation",
            OrganisationKind::UnBody => "un_body",
            OrganisationKind::GovernmentBody => "government_body",
            OrganisationKind::ArmedForces => "armed_forces",
            OrganisationKind::Academic => "academic",
            OrganisationKind::Ngo => "ngo",
            OrganisationKind::Company => "company",
        }
    }

    pub fn parse(code: &str) -> Option<OrganisationKind> {
        OrganisationKind::ALL.into_iter().find(|k| k.code().eq_ignore_ascii_case(code.trim()))
    }

    pub fn codes() -> String {
        OrganisationKind::ALL.map(OrganisationKind::code).join(", ")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub id: String,
    pub kind: OrganisationKind,
    pub country: Option<CountryCode>,
    /// The id of the partner it is, when it is one.
    pub partner: Option<String>,
    /// At least one of the three is not empty.
    pub name: Names,
}

impl Organisation {
    /// Its values in [`ORGANISATION_COLUMNS`] order.
    pub fn values(&self) -> [String; 7] {
        [
            self.id.clone(),
            self.kind.code().to_string(),
            self.country.map(|c| c.to_string()).unwrap_or_default(),
            self.partner.clone().unwrap_or_default(),
            self.name.fr.clone(),
            self.name.en.clone(),
            self.name.ar.clone(),
        ]
    }

    /// Its name in `lang`, else in another language.
    pub fn name_in(&self, lang: Lang) -> &str {
        crate::partner::first_of(&self.name, lang)
    }
}

/// The raw values of one record, `None` when absent, in
/// [`ORGANISATION_COLUMNS`] order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawOrganisation(pub [Option<String>; 7]);

fn trimmed(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn name(column: &str, value: &Option<String>, errors: &mut Vec<FieldError>) -> String {
    let value = trimmed(value).unwrap_or("");
    if value.chars().count() > MAX_NAME {
        let start: String = value.chars().take(40).collect();
        errors.push(FieldError::new(column, FieldErrorKind::TooLong { max: MAX_NAME }, format!("{start}…")));
        return String::new();
    }
    if let Some(error) = crate::text::check(column, value, false) {
        errors.push(error);
        return String::new();
    }
    value.to_string()
}

/// Checks one record: its id, kind, country and partner id, and at least
/// one name.
pub fn validate_organisation(raw: &RawOrganisation) -> Result<Organisation, Vec<FieldError>> {
    let [id, kind, country, partner, name_fr, name_en, name_ar] = &raw.0;
    let mut errors = Vec::new();
    let id = match trimmed(id) {
        None => {
            errors.push(FieldError::new("id", FieldErrorKind::Required, ""));
            None
        }
        Some(id) if is_slug(id) => Some(id.to_string()),
        Some(id) => {
            errors.push(FieldError::new("id", FieldErrorKind::BadSlug { max: MAX_ID, example: "gcc" }, id));
            None
        }
    };
    let kind = match trimmed(kind) {
        None => {
            errors.push(FieldError::new("kind", FieldErrorKind::RequiredCode { codes: OrganisationKind::codes() }, ""));
            None
        }
        Some(value) => OrganisationKind::parse(value).or_else(|| {
            let codes = OrganisationKind::codes();
            errors.push(FieldError::new("kind", FieldErrorKind::UnknownCode { codes }, value));
            None
        }),
    };
    let country = trimmed(country).and_then(|value| match countries().resolve(value) {
        Some(country) => Some(country.code),
        None => {
            errors.push(FieldError::new("country", FieldErrorKind::UnknownCountry, value));
            None
        }
    });
    let partner = trimmed(partner).and_then(|value| {
        if is_slug(value) {
            Some(value.to_string())
        } else {
            let kind = FieldErrorKind::BadSlug { max: MAX_ID, example: "oic" };
            errors.push(FieldError::new("partner", kind, value));
            None
        }
    });
    let before = errors.len();
    let names = Names {
        fr: name("name_fr", name_fr, &mut errors),
        en: name("name_en", name_en, &mut errors),
        ar: name("name_ar", name_ar, &mut errors),
    };
    if errors.len() == before && Lang::ALL.iter().all(|&l| names.get(l).is_empty()) {
        let columns = ["name_fr", "name_en", "name_ar"].map(String::from).to_vec();
        errors.push(FieldError::new("name_en", FieldErrorKind::AtLeastOneOf { columns }, ""));
    }
    match (id, kind) {
        (Some(id), Some(kind)) if errors.is_empty() => Ok(Organisation { id, kind, country, partner, name: names }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(values: [&str; 7]) -> RawOrganisation {
        RawOrganisation(values.map(|v| Some(v.to_string()).filter(|v| !v.is_empty())))
    }

    #[test]
    fn an_organisation_reads_back_from_its_values() {
        let gcc = validate_organisation(&raw([
            "gcc",
            "regional_organisation",
            "",
            "",
            "Conseil de coopération du Golfe",
            "Gulf Cooperation Council",
            "مجلس التعاون لدول الخليج العربية",
        ]))
        .unwrap();
        assert_eq!(gcc.kind, OrganisationKind::RegionalOrganisation);
        assert_eq!(gcc.name_in(Lang::Ar), "مجلس التعاون لدول الخليج العربية");
        let again = validate_organisation(&RawOrganisation(gcc.values().map(Some))).unwrap();
        assert_eq!(again, gcc);
    }

    #[test]
    fn what_is_wrong_is_said_per_column() {
        let errors = validate_organisation(&raw(["GCC!", "club", "Atlantis", "Bad Id", "", "", ""])).unwrap_err();
        let columns: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(columns, ["id", "kind", "country", "partner", "name_en"]);
        let ministry =
            validate_organisation(&raw(["mod-sa", "government_body", "sa", "", "", "Ministry of Defence", ""]));
        assert_eq!(ministry.unwrap().country, CountryCode::new("SA"));
    }
}
