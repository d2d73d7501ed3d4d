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
pub const PARTNER_COLUMNS: [&str; 8] =
    ["id", "name_fr", "name_en", "name_ar", "scope", "kind_fr", "kind_en", "kind_ar"];
/// The partner CSV's column of earlier versions, read as English.
pub const PARTNER_ALIASES: [(&str, &str); 1] = [("kind", "kind_en")];
/// The columns of the agreement CSV, in order.
pub const AGREEMENT_COLUMNS: [&str; 9] =
    ["partner", "title_fr", "title_en", "title_ar", "signed", "areas_fr", "areas_en", "areas_ar", "reference"];
/// The agreement CSV's column of earlier versions, read as English.
pub const AGREEMENT_ALIASES: [(&str, &str); 1] = [("areas", "areas_en")];

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
    /// The areas of cooperation, in the order given, each in three
    /// languages (one may be empty).
    pub areas: Vec<Names>,
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
    pub fn values(&self) -> [String; 8] {
        let areas = |lang: crate::Lang| self.areas_written(lang);
        [
            self.title.fr.clone(),
            self.title.en.clone(),
            self.title.ar.clone(),
            self.signed_text(),
            areas(crate::Lang::Fr),
            areas(crate::Lang::En),
            areas(crate::Lang::Ar),
            self.reference.clone(),
        ]
    }

    /// The areas in `lang`, in order; none when no area is in that
    /// language (a list of empty texts would say there were some).
    pub fn areas_in(&self, lang: crate::Lang) -> Vec<&str> {
        if self.areas.iter().all(|area| area.get(lang).is_empty()) {
            return Vec::new();
        }
        self.areas.iter().map(|area| area.get(lang)).collect()
    }

    /// The areas in `lang` as a CSV cell writes them (` ; `-separated).
    pub fn areas_written(&self, lang: crate::Lang) -> String {
        self.areas_in(lang).join(AREA_SEPARATOR)
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
    /// in three languages (any may be empty).
    pub kind: Names,
    /// By signing date, then title.
    pub agreements: Vec<Agreement>,
}

impl Partner {
    /// Its values in the order of [`PARTNER_COLUMNS`], as the partner CSV
    /// writes them.
    pub fn values(&self) -> [String; 8] {
        [
            self.id.clone(),
            self.name.fr.clone(),
            self.name.en.clone(),
            self.name.ar.clone(),
            self.scope.code().to_string(),
            self.kind.fr.clone(),
            self.kind.en.clone(),
            self.kind.ar.clone(),
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
    pub kind_fr: Option<String>,
    pub kind_en: Option<String>,
    pub kind_ar: Option<String>,
}

/// The raw text of an agreement record; the `areas_*` as written in CSV
/// (` ; `-separated).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawAgreement {
    pub partner: Option<String>,
    pub title_fr: Option<String>,
    pub title_en: Option<String>,
    pub title_ar: Option<String>,
    pub signed: Option<String>,
    pub areas_fr: Option<String>,
    pub areas_en: Option<String>,
    pub areas_ar: Option<String>,
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

/// The areas of an agreement: the lists of the languages given are
/// translations of each other, item by item, so they have as many items;
/// an item given twice (in every language) is kept once.
fn areas(raw: &RawAgreement, errors: &mut Vec<FieldError>) -> Vec<Names> {
    let columns = ["areas_fr", "areas_en", "areas_ar"];
    let lists: Vec<Vec<String>> = [&raw.areas_fr, &raw.areas_en, &raw.areas_ar]
        .into_iter()
        .zip(columns)
        .map(|(value, column)| {
            let items = trimmed(value).unwrap_or("").split(';').map(str::trim).filter(|a| !a.is_empty());
            items.map(|item| text(column, &Some(item.to_string()), errors)).collect()
        })
        .collect();
    let count = lists.iter().map(Vec::len).max().unwrap_or(0);
    for (list, column) in lists.iter().zip(columns) {
        if !list.is_empty() && list.len() != count {
            let longest = columns[lists.iter().position(|l| l.len() == count).unwrap_or(0)];
            let kind = FieldErrorKind::ItemCount { expected: count, other: longest.to_string() };
            errors.push(FieldError::new(column, kind, list.join(AREA_SEPARATOR)));
        }
    }
    let mut areas: Vec<Names> = Vec::new();
    for index in 0..count {
        let item = |list: &Vec<String>| list.get(index).cloned().unwrap_or_default();
        let area = Names { fr: item(&lists[0]), en: item(&lists[1]), ar: item(&lists[2]) };
        let given = !area.fr.is_empty() || !area.en.is_empty() || !area.ar.is_empty();
        if given && !areas.contains(&area) {
            areas.push(area);
        }
    }
    areas
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
        let kind = Names {
            fr: text("kind_fr", &raw.kind_fr, &mut errors),
            en: text("kind_en", &raw.kind_en, &mut errors),
            ar: text("kind_ar", &raw.kind_ar, &mut errors),
        };
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
        let areas = areas(raw, &mut errors);
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
            kind_en: some(values[5]),
            ..RawPartner::default()
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
            areas_en: some(values[5]),
            reference: some(values[6]),
            ..RawAgreement::default()
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
        let english = |list: &[Names]| list.iter().map(|n| n.en.clone()).collect::<Vec<_>>();
        assert_eq!(english(&a.areas), ["a", "b"]);
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

    fn areas(fr: &str, en: &str, ar: &str) -> Result<Agreement, Vec<String>> {
        let raw = RawAgreement {
            partner: some("scihl"),
            title_en: some("MoU"),
            areas_fr: some(fr),
            areas_en: some(en),
            areas_ar: some(ar),
            ..RawAgreement::default()
        };
        validator().agreement(&raw).map(|(_, a)| a).map_err(|e| e.iter().map(|e| e.brief()).collect())
    }

    #[test]
    fn areas_are_translated_item_by_item() {
        let a = areas("droit ; recherche", "law ; research", "القانون ; البحث").unwrap();
        assert_eq!(a.areas.len(), 2);
        assert_eq!(
            (a.areas[1].fr.as_str(), a.areas[1].en.as_str(), a.areas[1].ar.as_str()),
            ("recherche", "research", "البحث")
        );
        assert_eq!(a.areas_written(crate::Lang::Ar), "القانون ; البحث");
        // a language not given stays empty, and is written empty
        let english = areas("", "law ; research", "").unwrap();
        assert_eq!(english.areas_written(crate::Lang::Fr), "");
        assert_eq!(english.values()[4..7], ["".to_string(), "law ; research".into(), "".into()]);
        // lists of other lengths are not translations of each other
        assert_eq!(
            areas("droit", "law ; research", "").unwrap_err(),
            [r#"areas_fr: ItemCount { expected: 2, other: "areas_en" } (got "droit")"#]
        );
        // the same item twice is kept once
        assert_eq!(areas("a ; a", "b ; b", "").unwrap().areas.len(), 1);
    }
}
