//! The coalition's partners (universities, research centres, international
//! organisations, government bodies) and the agreements signed with each;
//! the validation of one record's raw values, every problem located by
//! column.

use jiff::civil::Date;

use crate::country::Names;
use crate::validate::{FieldError, FieldErrorKind, parse_iso_date};

/// The longest name, title, kind, area or reference.
const MAX_TEXT: usize = 200;
/// The longest partner id.
/// The longest id of a partner, an activity or an article.
pub const MAX_ID: usize = 64;
/// How the areas of cooperation are separated in a CSV cell.
pub const AREA_SEPARATOR: &str = " ; ";

/// The columns of the partner CSV, in order.
pub const PARTNER_COLUMNS: [&str; 6] = ["id", "name_fr", "name_en", "name_ar", "scope", "kind"];
/// The columns of the agreement CSV, in order.
pub const AGREEMENT_COLUMNS: [&str; 7] =
    ["partner", "title_fr", "title_en", "title_ar", "signed", "areas", "reference"];

/// How far a partner's work reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Local,
    Regional,
    International,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::Local, Scope::Regional, Scope::International];

    pub fn code(self) -> &'static str {
        match self {
            Scope::Local => "local",
            Scope::Regional => "regional",
            Scope::International => "international",
        }
    }

    pub fn parse(value: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.code().eq_ignore_ascii_case(value.trim()))
    }

    /// `local, regional, international`.
    pub fn codes() -> String {
        Scope::ALL.map(Scope::code).join(", ")
    }
}

/// An agreement signed with a partner. Within a partner, an agreement is
/// identified by its signing date and titles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// At least one of the three is not empty.
    pub title: Names,
    /// `None` when the signing date is not on record (an agreement known
    /// from the partners page, its document not at hand).
    pub signed: Option<Date>,
    /// The areas of cooperation, in the order given.
    pub areas: Vec<String>,
    /// The document's reference; empty when not given.
    pub reference: String,
}

impl Agreement {
    /// The signing date as written in files and the store: `YYYY-MM-DD`, or
    /// empty when not on record.
    pub fn signed_text(&self) -> String {
        self.signed.map(|d| d.to_string()).unwrap_or_default()
    }

    /// Its values as the agreement CSV writes them, after the `partner`
    /// column (`AGREEMENT_COLUMNS[1..]`).
    pub fn values(&self) -> [String; 6] {
        [
            self.title.fr.clone(),
            self.title.en.clone(),
            self.title.ar.clone(),
            self.signed_text(),
            self.areas.join(AREA_SEPARATOR),
            self.reference.clone(),
        ]
    }
}

/// One partner of the coalition, identified by a stable slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub id: String,
    /// At least one of the three is not empty.
    pub name: Names,
    pub scope: Scope,
    /// Free text: university, research centre, international organisation…
    pub kind: String,
    /// By signing date, then title.
    pub agreements: Vec<Agreement>,
}

impl Partner {
    /// Its values in the order of [`PARTNER_COLUMNS`], as the partner CSV
    /// writes them.
    pub fn values(&self) -> [String; 6] {
        [
            self.id.clone(),
            self.name.fr.clone(),
            self.name.en.clone(),
            self.name.ar.clone(),
            self.scope.code().to_string(),
            self.kind.clone(),
        ]
    }

    /// The name in `lang`; when that one is empty, the English, then the
    /// French, then the Arabic one.
    pub fn name_in(&self, lang: crate::Lang) -> &str {
        first_of(&self.name, lang)
    }

    /// Puts the agreements in their stored order: by signing date, those
    /// without one last.
    pub fn sort_agreements(&mut self) {
        self.agreements.sort_by(|a, b| {
            (a.signed.is_none(), a.signed, &a.title.en, &a.title.fr, &a.title.ar).cmp(&(
                b.signed.is_none(),
                b.signed,
                &b.title.en,
                &b.title.fr,
                &b.title.ar,
            ))
        });
    }
}

/// The name in `lang`, else the first not empty of en, fr, ar.
pub fn first_of(names: &Names, lang: crate::Lang) -> &str {
    [names.get(lang), &names.en, &names.fr, &names.ar].into_iter().find(|n| !n.is_empty()).unwrap_or("")
}

/// The raw text of a partner record; `None` when absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawPartner {
    pub id: Option<String>,
    pub name_fr: Option<String>,
    pub name_en: Option<String>,
    pub name_ar: Option<String>,
    pub scope: Option<String>,
    pub kind: Option<String>,
}

/// The raw text of an agreement record; `areas` as written in CSV
/// (` ; `-separated).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawAgreement {
    pub partner: Option<String>,
    pub title_fr: Option<String>,
    pub title_en: Option<String>,
    pub title_ar: Option<String>,
    pub signed: Option<String>,
    pub areas: Option<String>,
    pub reference: Option<String>,
}

fn trimmed(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// Whether `id` is a slug: lowercase ASCII letters, digits and single
/// hyphens, starting and ending with a letter or digit.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

fn slug(column: &str, value: &Option<String>, errors: &mut Vec<FieldError>) -> Option<String> {
    match trimmed(value) {
        None => {
            errors.push(FieldError::new(column, FieldErrorKind::Required, ""));
            None
        }
        Some(id) if is_slug(id) => Some(id.to_string()),
        Some(id) => {
            errors.push(FieldError::new(
                column,
                FieldErrorKind::BadSlug { max: MAX_ID, example: "naif-arab-university" },
                id,
            ));
            None
        }
    }
}

fn text(column: &str, value: &Option<String>, errors: &mut Vec<FieldError>) -> String {
    let value = trimmed(value).unwrap_or("");
    if value.chars().count() > MAX_TEXT {
        let start: String = value.chars().take(40).collect();
        errors.push(FieldError::new(column, FieldErrorKind::TooLong { max: MAX_TEXT }, format!("{start}…")));
        return String::new();
    }
    if value.chars().any(crate::text::is_invisible) {
        errors.extend(crate::text::check(column, value, true));
        return String::new();
    }
    if value.chars().any(char::is_control) {
        errors.push(FieldError::new(column, FieldErrorKind::NotOneLine, value));
        return String::new();
    }
    value.to_string()
}

fn names(columns: [&str; 3], values: [&Option<String>; 3], errors: &mut Vec<FieldError>) -> Names {
    let before = errors.len();
    let names = Names {
        fr: text(columns[0], values[0], errors),
        en: text(columns[1], values[1], errors),
        ar: text(columns[2], values[2], errors),
    };
    if errors.len() == before && names.fr.is_empty() && names.en.is_empty() && names.ar.is_empty() {
        let kind = FieldErrorKind::AtLeastOneOf { columns: columns.map(String::from).to_vec() };
        errors.push(FieldError::new(columns[0], kind, ""));
    }
    names
}

/// Validates partner and agreement records.
pub struct PartnerValidator {
    today: Date,
}

impl PartnerValidator {
    /// `today` is the latest date an agreement may have been signed.
    pub fn new(today: Date) -> PartnerValidator {
        PartnerValidator { today }
    }

    /// Turns a partner record into a partner (without agreements).
    pub fn partner(&self, raw: &RawPartner) -> Result<Partner, Vec<FieldError>> {
        let mut errors = Vec::new();
        let id = slug("id", &raw.id, &mut errors);
        let name = names(["name_fr", "name_en", "name_ar"], [&raw.name_fr, &raw.name_en, &raw.name_ar], &mut errors);
        let scope = match trimmed(&raw.scope) {
            None => {
                errors.push(FieldError::new("scope", FieldErrorKind::RequiredCode { codes: Scope::codes() }, ""));
                None
            }
            Some(value) => Scope::parse(value).or_else(|| {
                errors.push(FieldError::new("scope", FieldErrorKind::UnknownCode { codes: Scope::codes() }, value));
                None
            }),
        };
        let kind = text("kind", &raw.kind, &mut errors);
        match (id, scope) {
            (Some(id), Some(scope)) if errors.is_empty() => Ok(Partner { id, name, scope, kind, agreements: vec![] }),
            _ => Err(errors),
        }
    }

    /// Turns an agreement record into the partner id it belongs to and the
    /// agreement; whether that partner exists is the importer's concern.
    pub fn agreement(&self, raw: &RawAgreement) -> Result<(String, Agreement), Vec<FieldError>> {
        let mut errors = Vec::new();
        let partner = slug("partner", &raw.partner, &mut errors);
        let title =
            names(["title_fr", "title_en", "title_ar"], [&raw.title_fr, &raw.title_en, &raw.title_ar], &mut errors);
        // Outer None: the date is wrong; inner None: not on record.
        let signed = match trimmed(&raw.signed) {
            None => Some(None),
            Some(value) => match parse_iso_date(value) {
                None => {
                    errors.push(FieldError::new("signed", FieldErrorKind::InvalidDate, value));
                    None
                }
                Some(date) if date > self.today => {
                    errors.push(FieldError::new("signed", FieldErrorKind::FutureDate { today: self.today }, value));
                    None
                }
                Some(date) => Some(Some(date)),
            },
        };
        let mut areas: Vec<String> = Vec::new();
        for area in trimmed(&raw.areas).unwrap_or("").split(';').map(str::trim).filter(|a| !a.is_empty()) {
            let area = text("areas", &Some(area.to_string()), &mut errors);
            if !area.is_empty() && !areas.contains(&area) {
                areas.push(area);
            }
        }
        let reference = text("reference", &raw.reference, &mut errors);
        match (partner, signed) {
            (Some(partner), Some(signed)) if errors.is_empty() => {
                Ok((partner, Agreement { title, signed, areas, reference }))
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(value: &str) -> Option<String> {
        Some(value.to_string())
    }

    fn validator() -> PartnerValidator {
        PartnerValidator::new(Date::new(2026, 1, 28).unwrap())
    }

    fn partner(values: [&str; 6]) -> Result<Partner, Vec<String>> {
        let raw = RawPartner {
            id: some(values[0]),
            name_fr: some(values[1]),
            name_en: some(values[2]),
            name_ar: some(values[3]),
            scope: some(values[4]),
            kind: some(values[5]),
        };
        validator().partner(&raw).map_err(|e| e.iter().map(|e| e.brief()).collect())
    }

    fn agreement(values: [&str; 7]) -> Result<(String, Agreement), Vec<String>> {
        let raw = RawAgreement {
            partner: some(values[0]),
            title_fr: some(values[1]),
            title_en: some(values[2]),
            title_ar: some(values[3]),
            signed: some(values[4]),
            areas: some(values[5]),
            reference: some(values[6]),
        };
        validator().agreement(&raw).map_err(|e| e.iter().map(|e| e.brief()).collect())
    }

    #[test]
    fn a_full_partner_row() {
        let p = partner(["naif-arab-university", "Université arabe Nayef", "", "", "Regional", "university"]).unwrap();
        assert_eq!(p.id, "naif-arab-university");
        assert_eq!(p.scope, Scope::Regional);
        assert_eq!(p.name_in(crate::Lang::Ar), "Université arabe Nayef");
    }

    #[test]
    fn partner_problems_are_located() {
        assert_eq!(
            partner(["Naif University", "a", "", "", "local", ""]).unwrap_err(),
            [r#"id: BadSlug { max: 64, example: "naif-arab-university" } (got "Naif University")"#]
        );
        assert_eq!(
            partner(["x", "", "", "", "local", ""]).unwrap_err(),
            [r#"name_fr: AtLeastOneOf { columns: ["name_fr", "name_en", "name_ar"] } (got "")"#]
        );
        assert_eq!(
            partner(["x", "a", "", "", "global", ""]).unwrap_err(),
            [r#"scope: UnknownCode { codes: "local, regional, international" } (got "global")"#]
        );
        assert_eq!(partner(["", "a", "", "", "", ""]).unwrap_err().len(), 2);
        assert!(partner(["x-", "a", "", "", "local", ""]).is_err());
        assert!(partner(["x", "a\nb", "", "", "local", ""]).is_err());
    }

    #[test]
    fn agreements() {
        let (partner, a) = agreement(["scihl", "", "MoU", "", "2023-12-27", " a ; b;a ; ", "REF-1"]).unwrap();
        assert_eq!(partner, "scihl");
        assert_eq!(a.areas, ["a", "b"]);
        assert_eq!(a.signed, Some(Date::new(2023, 12, 27).unwrap()));
        assert_eq!(agreement(["scihl", "", "MoU", "", " ", "", ""]).unwrap().1.signed, None);
        assert_eq!(a.reference, "REF-1");
        assert_eq!(
            agreement(["scihl", "", "MoU", "", "27/12/2023", "", ""]).unwrap_err(),
            [r#"signed: InvalidDate (got "27/12/2023")"#]
        );
        assert_eq!(
            agreement(["scihl", "", "MoU", "", "2027-01-01", "", ""]).unwrap_err(),
            [r#"signed: FutureDate { today: 2026-01-28 } (got "2027-01-01")"#]
        );
        assert_eq!(
            agreement(["scihl", "", "", "", "2023-12-27", "", ""]).unwrap_err(),
            [r#"title_fr: AtLeastOneOf { columns: ["title_fr", "title_en", "title_ar"] } (got "")"#]
        );
        assert_eq!(agreement(["", "", "", "", "", "", ""]).unwrap_err().len(), 2);
    }
}
