//! The coalition's own activities (delegations, visits, conferences,
//! workshops, agreements signed…), the register the year in numbers and the
//! timeline of key highlights are built on; the validation of one record's
//! raw values, every problem located by column.

use jiff::civil::Date;

use crate::codes::DatePrecision;
use crate::country::{CountryCode, Names, countries};
use crate::domain_of_action::Domain;
use crate::month::Month;
use crate::partner::{MAX_ID, first_of, is_slug};
use crate::validate::{FieldError, FieldErrorKind, parse_iso_date};

/// The longest counterpart organisation, person, title or place.
pub(crate) const MAX_TEXT: usize = 200;
/// The longest title: titles of official visits run long, in Arabic most.
const MAX_TITLE: usize = 300;
/// The longest description.
const MAX_DESCRIPTION: usize = 5_000;

/// The columns of the activity CSV, in order (also the JSON Lines keys).
pub const ACTIVITY_COLUMNS: [&str; 27] = [
    "id",
    "kind",
    "date",
    "end_date",
    "title_fr",
    "title_en",
    "title_ar",
    "counterpart_country",
    "counterpart_org_fr",
    "counterpart_org_en",
    "counterpart_org_ar",
    "counterpart_person",
    "counterpart_person_ar",
    "counterpart_title_fr",
    "counterpart_title_en",
    "counterpart_title_ar",
    "domains",
    "place_fr",
    "place_en",
    "place_ar",
    "description_fr",
    "description_en",
    "description_ar",
    "article",
    "highlight",
    "organisations",
    "themes",
];

/// The activity CSV's columns of earlier versions, read as English.
pub const ACTIVITY_ALIASES: [(&str, &str); 4] = [
    ("counterpart_org", "counterpart_org_en"),
    ("counterpart_title", "counterpart_title_en"),
    ("place", "place_en"),
    ("description", "description_en"),
];

/// What kind of activity it was. Labels live in the translation catalogues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActivityKind {
    DelegationReceived,
    VisitAbroad,
    Conference,
    Workshop,
    Training,
    InternalActivity,
    NationalDay,
    DelegateAccredited,
    AgreementSigned,
    Exhibition,
    Meeting,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 11] = [
        ActivityKind::DelegationReceived,
        ActivityKind::VisitAbroad,
        ActivityKind::Conference,
        ActivityKind::Workshop,
        ActivityKind::Training,
        ActivityKind::InternalActivity,
        ActivityKind::NationalDay,
        ActivityKind::DelegateAccredited,
        ActivityKind::AgreementSigned,
        ActivityKind::Exhibition,
        ActivityKind::Meeting,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ActivityKind::DelegationReceived => "delegation_received",
            ActivityKind::VisitAbroad => "visit_abroad",
            ActivityKind::Conference => "conference",
            ActivityKind::Workshop => "workshop",
            ActivityKind::Training => "training",
            ActivityKind::InternalActivity => "internal_activity",
            ActivityKind::NationalDay => "national_day",
            ActivityKind::DelegateAccredited => "delegate_accredited",
            ActivityKind::AgreementSigned => "agreement_signed",
            ActivityKind::Exhibition => "exhibition",
            ActivityKind::Meeting => "meeting",
        }
    }

    /// Parses a code, ignoring case and surrounding spaces.
    pub fn parse(input: &str) -> Option<ActivityKind> {
        let input = input.trim();
        ActivityKind::ALL.into_iter().find(|k| k.code().eq_ignore_ascii_case(input))
    }

    /// The valid codes, for error messages.
    pub fn codes() -> String {
        ActivityKind::ALL.map(ActivityKind::code).join(", ")
    }
}

impl std::fmt::Display for ActivityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for ActivityKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// One activity of the coalition, identified by a stable slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub id: String,
    pub kind: ActivityKind,
    /// The day it took place, or began; the first of the month when only the
    /// month is known.
    pub date: Date,
    /// `Day`, or `Month` when the day is not known.
    pub date_precision: DatePrecision,
    /// The last day, for an activity of several days; never before `date`.
    pub end_date: Option<Date>,
    /// At least one of the three is not empty.
    pub title: Names,
    pub counterpart_country: Option<CountryCode>,
    /// Free text in three languages; any may be empty.
    pub counterpart_org: Names,
    /// A person's name stays as written, with its Arabic spelling when the
    /// name is in Latin letters (empty when not given).
    pub counterpart_person: String,
    pub counterpart_person_ar: String,
    pub counterpart_title: Names,
    /// In the order given, each once.
    pub domains: Vec<Domain>,
    pub place: Names,
    /// May hold line breaks.
    pub description: Names,
    /// The id of the article that tells of the activity.
    pub article: Option<String>,
    /// Its position among its month's key highlights (1 first); `None` when
    /// it is not one.
    pub highlight: Option<u32>,
    /// The ids of its counterpart organisations (the register of
    /// organisations), in order, each once.
    pub organisations: Vec<String>,
    /// Free tags beside the domains ("online-recruitment", "sahel"), in
    /// order, each once.
    pub themes: Vec<String>,
    /// The further people of its counterparts, in order (the counterparts
    /// file; not a column of the activity's own record).
    pub people: Vec<crate::counterpart::Counterpart>,
}

impl Activity {
    /// The title in `lang`; when that one is empty, the English, then the
    /// French, then the Arabic one.
    pub fn title_in(&self, lang: crate::Lang) -> &str {
        first_of(&self.title, lang)
    }

    /// The date as written: `YYYY-MM-DD`, or `YYYY-MM` when the day is not
    /// known.
    pub fn date_text(&self) -> String {
        match self.date_precision {
            DatePrecision::Month => Month::of(self.date).to_string(),
            _ => self.date.to_string(),
        }
    }

    pub fn month(&self) -> Month {
        Month::of(self.date)
    }

    /// Whether the organisation `id` is among its counterparts: named by the
    /// activity, or by one of its people.
    pub fn names_organisation(&self, id: &str) -> bool {
        self.organisations.iter().any(|o| o == id) || self.people.iter().any(|p| p.organisation.as_deref() == Some(id))
    }

    /// The people who spoke for the organisation `id`, as (name, title)
    /// pairs in `lang`: the lead counterpart when `id` is the first
    /// organisation the activity names, then the further people of `id`.
    pub fn people_of(&self, id: &str, lang: crate::Lang) -> Vec<(String, String)> {
        let lead =
            (self.organisations.first().is_some_and(|o| o == id) && !self.counterpart_person.is_empty()).then(|| {
                let name = match lang {
                    crate::Lang::Ar if !self.counterpart_person_ar.is_empty() => &self.counterpart_person_ar,
                    _ => &self.counterpart_person,
                };
                (name.clone(), first_of(&self.counterpart_title, lang).to_string())
            });
        let further = self
            .people
            .iter()
            .filter(|p| p.organisation.as_deref() == Some(id))
            .map(|p| (p.person_in(lang).to_string(), first_of(&p.title, lang).to_string()));
        lead.into_iter().chain(further).collect()
    }

    /// The values of the activity's columns as written in the register, in
    /// [`ACTIVITY_COLUMNS`] order (an absent value is empty, `domains`
    /// ` ; `-separated): what a validator reads back into the same activity.
    pub fn values(&self) -> [String; 27] {
        let three = |names: &Names| [names.fr.clone(), names.en.clone(), names.ar.clone()];
        let [org_fr, org_en, org_ar] = three(&self.counterpart_org);
        let [title_fr, title_en, title_ar] = three(&self.counterpart_title);
        let [place_fr, place_en, place_ar] = three(&self.place);
        let [description_fr, description_en, description_ar] = three(&self.description);
        [
            self.id.clone(),
            self.kind.code().to_string(),
            self.date_text(),
            self.end_date.map(|d| d.to_string()).unwrap_or_default(),
            self.title.fr.clone(),
            self.title.en.clone(),
            self.title.ar.clone(),
            self.counterpart_country.map(|c| c.to_string()).unwrap_or_default(),
            org_fr,
            org_en,
            org_ar,
            self.counterpart_person.clone(),
            self.counterpart_person_ar.clone(),
            title_fr,
            title_en,
            title_ar,
            self.domains.iter().map(|d| d.code()).collect::<Vec<_>>().join(Domain::SEPARATOR),
            place_fr,
            place_en,
            place_ar,
            description_fr,
            description_en,
            description_ar,
            self.article.clone().unwrap_or_default(),
            self.highlight.map(|h| h.to_string()).unwrap_or_default(),
            self.organisations.join(Domain::SEPARATOR),
            self.themes.join(Domain::SEPARATOR),
        ]
    }
}

/// The raw text of an activity record, a field a column; `None` when absent.
/// `domains` is as written in CSV (` ; `-separated).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawActivity {
    pub id: Option<String>,
    pub kind: Option<String>,
    pub date: Option<String>,
    pub end_date: Option<String>,
    pub title_fr: Option<String>,
    pub title_en: Option<String>,
    pub title_ar: Option<String>,
    pub counterpart_country: Option<String>,
    pub counterpart_org_fr: Option<String>,
    pub counterpart_org_en: Option<String>,
    pub counterpart_org_ar: Option<String>,
    pub counterpart_person: Option<String>,
    pub counterpart_person_ar: Option<String>,
    pub counterpart_title_fr: Option<String>,
    pub counterpart_title_en: Option<String>,
    pub counterpart_title_ar: Option<String>,
    pub domains: Option<String>,
    pub place_fr: Option<String>,
    pub place_en: Option<String>,
    pub place_ar: Option<String>,
    pub description_fr: Option<String>,
    pub description_en: Option<String>,
    pub description_ar: Option<String>,
    pub article: Option<String>,
    pub highlight: Option<String>,
    /// ` ; `-separated ids.
    pub organisations: Option<String>,
    /// ` ; `-separated tags.
    pub themes: Option<String>,
}

impl RawActivity {
    /// From the values of [`ACTIVITY_COLUMNS`], in order (missing ones are
    /// absent).
    pub fn from_values(values: Vec<Option<String>>) -> RawActivity {
        let mut v = values.into_iter();
        let mut next = || v.next().flatten();
        RawActivity {
            id: next(),
            kind: next(),
            date: next(),
            end_date: next(),
            title_fr: next(),
            title_en: next(),
            title_ar: next(),
            counterpart_country: next(),
            counterpart_org_fr: next(),
            counterpart_org_en: next(),
            counterpart_org_ar: next(),
            counterpart_person: next(),
            counterpart_person_ar: next(),
            counterpart_title_fr: next(),
            counterpart_title_en: next(),
            counterpart_title_ar: next(),
            domains: next(),
            place_fr: next(),
            place_en: next(),
            place_ar: next(),
            description_fr: next(),
            description_en: next(),
            description_ar: next(),
            article: next(),
            highlight: next(),
            organisations: next(),
            themes: next(),
        }
    }

    /// The values in the order of [`ACTIVITY_COLUMNS`].
    pub fn values(&self) -> [&Option<String>; 27] {
        [
            &self.id,
            &self.kind,
            &self.date,
            &self.end_date,
            &self.title_fr,
            &self.title_en,
            &self.title_ar,
            &self.counterpart_country,
            &self.counterpart_org_fr,
            &self.counterpart_org_en,
            &self.counterpart_org_ar,
            &self.counterpart_person,
            &self.counterpart_person_ar,
            &self.counterpart_title_fr,
            &self.counterpart_title_en,
            &self.counterpart_title_ar,
            &self.domains,
            &self.place_fr,
            &self.place_en,
            &self.place_ar,
            &self.description_fr,
            &self.description_en,
            &self.description_ar,
            &self.article,
            &self.highlight,
            &self.organisations,
            &self.themes,
        ]
    }
}

pub(crate) fn trimmed(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// A value's first characters, for the message of a value too long to quote.
fn start_of(value: &str) -> String {
    let start: String = value.chars().take(40).collect();
    format!("{start}…")
}

/// Free text of at most `max` characters; one line unless `lines`.
pub(crate) fn text(
    column: &str,
    value: &Option<String>,
    max: usize,
    lines: bool,
    errors: &mut Vec<FieldError>,
) -> String {
    let value = trimmed(value).unwrap_or("");
    if value.chars().count() > max {
        errors.push(FieldError::new(column, FieldErrorKind::TooLong { max }, start_of(value)));
        return String::new();
    }
    let allowed = |c: char| lines && matches!(c, '\n' | '\r' | '\t');
    if value.chars().any(crate::text::is_invisible) {
        errors.extend(crate::text::check(column, value, true));
        return String::new();
    }
    if value.chars().any(|c| c.is_control() && !allowed(c)) {
        let kind = if lines { FieldErrorKind::ControlCharacter } else { FieldErrorKind::NotOneLine };
        errors.push(FieldError::new(column, kind, value));
        return String::new();
    }
    value.to_string()
}

/// A ` ; `-separated list of ids or tags (lower-case letters, digits and
/// hyphens), each once.
fn slugs(column: &str, value: &Option<String>, example: &'static str, errors: &mut Vec<FieldError>) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for item in trimmed(value).unwrap_or("").split(';').map(str::trim).filter(|i| !i.is_empty()) {
        if !is_slug(item) {
            errors.push(FieldError::new(column, FieldErrorKind::BadSlug { max: MAX_ID, example }, item));
        } else if found.iter().any(|f| f == item) {
            errors.push(FieldError::new(column, FieldErrorKind::Repeated, item));
        } else {
            found.push(item.to_string());
        }
    }
    found
}

/// The problems of an activity whose counterparts name organisations the
/// register does not hold (`known`: its ids): the same rule for an import
/// and a form.
pub fn unknown_organisations(activity: &Activity, known: &[String]) -> Vec<FieldError> {
    activity
        .organisations
        .iter()
        .filter(|id| !known.contains(id))
        .map(|id| FieldError::new("organisations", FieldErrorKind::UnknownOrganisation, id.as_str()))
        .collect()
}

/// Parses `YYYY-MM-DD` (a day) or `YYYY-MM` (a month whose day is not known).
pub fn parse_activity_date(value: &str) -> Option<(Date, DatePrecision)> {
    let value = value.trim();
    if let Some(date) = parse_iso_date(value) {
        return Some((date, DatePrecision::Day));
    }
    Month::parse(value).map(|month| (month.first_day(), DatePrecision::Month))
}

/// Validates activity records.
#[derive(Debug, Clone, Copy, Default)]
pub struct ActivityValidator;

impl ActivityValidator {
    pub fn new() -> ActivityValidator {
        ActivityValidator
    }

    /// Turns an activity record into an activity, or says what is wrong with
    /// each of its values.
    pub fn activity(&self, raw: &RawActivity) -> Result<Activity, Vec<FieldError>> {
        let mut errors = Vec::new();
        let id = match trimmed(&raw.id) {
            None => {
                errors.push(FieldError::new("id", FieldErrorKind::Required, ""));
                None
            }
            Some(id) if is_slug(id) => Some(id.to_string()),
            Some(id) => {
                let kind = FieldErrorKind::BadSlug { max: MAX_ID, example: "2023-12-13-chiefs-of-staff-meeting" };
                errors.push(FieldError::new("id", kind, id));
                None
            }
        };
        let kind = match trimmed(&raw.kind) {
            None => {
                errors.push(FieldError::new("kind", FieldErrorKind::RequiredCode { codes: ActivityKind::codes() }, ""));
                None
            }
            Some(value) => ActivityKind::parse(value).or_else(|| {
                errors.push(FieldError::new(
                    "kind",
                    FieldErrorKind::UnknownCode { codes: ActivityKind::codes() },
                    value,
                ));
                None
            }),
        };
        let date = match trimmed(&raw.date) {
            None => {
                errors.push(FieldError::new("date", FieldErrorKind::Required, ""));
                None
            }
            Some(value) => parse_activity_date(value).or_else(|| {
                errors.push(FieldError::new("date", FieldErrorKind::InvalidDayOrMonth, value));
                None
            }),
        };
        let end_date = trimmed(&raw.end_date).and_then(|value| match parse_iso_date(value) {
            None => {
                errors.push(FieldError::new("end_date", FieldErrorKind::InvalidDate, value));
                None
            }
            Some(end) => match date {
                Some((start, _)) if end < start => {
                    errors.push(FieldError::new("end_date", FieldErrorKind::EndBeforeStart { start }, value));
                    None
                }
                _ => Some(end),
            },
        });
        let before = errors.len();
        let title = Names {
            fr: text("title_fr", &raw.title_fr, MAX_TITLE, false, &mut errors),
            en: text("title_en", &raw.title_en, MAX_TITLE, false, &mut errors),
            ar: text("title_ar", &raw.title_ar, MAX_TITLE, false, &mut errors),
        };
        if errors.len() == before && title.fr.is_empty() && title.en.is_empty() && title.ar.is_empty() {
            let columns = ["title_fr", "title_en", "title_ar"].map(String::from).to_vec();
            errors.push(FieldError::new("title_en", FieldErrorKind::AtLeastOneOf { columns }, ""));
        }
        let counterpart_country =
            trimmed(&raw.counterpart_country).and_then(|value| match countries().resolve(value) {
                Some(country) => Some(country.code),
                None => {
                    errors.push(FieldError::new("counterpart_country", FieldErrorKind::UnknownCountry, value));
                    None
                }
            });
        let mut three = |stem: &str, values: [&Option<String>; 3], max: usize, lines: bool| Names {
            fr: text(&format!("{stem}_fr"), values[0], max, lines, &mut errors),
            en: text(&format!("{stem}_en"), values[1], max, lines, &mut errors),
            ar: text(&format!("{stem}_ar"), values[2], max, lines, &mut errors),
        };
        let counterpart_org = three(
            "counterpart_org",
            [&raw.counterpart_org_fr, &raw.counterpart_org_en, &raw.counterpart_org_ar],
            MAX_TEXT,
            false,
        );
        let counterpart_title = three(
            "counterpart_title",
            [&raw.counterpart_title_fr, &raw.counterpart_title_en, &raw.counterpart_title_ar],
            MAX_TEXT,
            false,
        );
        let place = three("place", [&raw.place_fr, &raw.place_en, &raw.place_ar], MAX_TEXT, false);
        let description = three(
            "description",
            [&raw.description_fr, &raw.description_en, &raw.description_ar],
            MAX_DESCRIPTION,
            true,
        );
        let counterpart_person = text("counterpart_person", &raw.counterpart_person, MAX_TEXT, false, &mut errors);
        let counterpart_person_ar =
            text("counterpart_person_ar", &raw.counterpart_person_ar, MAX_TEXT, false, &mut errors);
        let mut domains: Vec<Domain> = Vec::new();
        for code in trimmed(&raw.domains).unwrap_or("").split(';').map(str::trim).filter(|c| !c.is_empty()) {
            match Domain::parse(code) {
                None => errors.push(FieldError::new(
                    "domains",
                    FieldErrorKind::UnknownCodeInList { codes: Domain::codes() },
                    code,
                )),
                Some(domain) if domains.contains(&domain) => {
                    errors.push(FieldError::new("domains", FieldErrorKind::Repeated, code));
                }
                Some(domain) => domains.push(domain),
            }
        }
        let article = trimmed(&raw.article).and_then(|value| {
            if is_slug(value) {
                Some(value.to_string())
            } else {
                let kind = FieldErrorKind::BadSlug { max: MAX_ID, example: "chiefs-of-staff-second-meeting" };
                errors.push(FieldError::new("article", kind, value));
                None
            }
        });
        let highlight = trimmed(&raw.highlight).and_then(|value| match value.parse::<u32>() {
            Ok(n) if n >= 1 && value.bytes().all(|b| b.is_ascii_digit()) => Some(n),
            _ => {
                errors.push(FieldError::new("highlight", FieldErrorKind::WholeNumberFrom { min: 1 }, value));
                None
            }
        });
        let organisations = slugs("organisations", &raw.organisations, "gcc", &mut errors);
        let themes = slugs("themes", &raw.themes, "online-recruitment", &mut errors);
        match (id, kind, date) {
            (Some(id), Some(kind), Some((date, date_precision))) if errors.is_empty() => Ok(Activity {
                id,
                kind,
                date,
                date_precision,
                end_date,
                title,
                counterpart_country,
                counterpart_org,
                counterpart_person,
                counterpart_person_ar,
                counterpart_title,
                domains,
                place,
                description,
                article,
                highlight,
                organisations,
                themes,
                people: Vec::new(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record from its values in column order ("" is an empty cell).
    fn raw(values: &[&str]) -> RawActivity {
        RawActivity::from_values(values.iter().map(|v| Some(v.to_string())).collect())
    }

    fn check(values: &[&str]) -> Result<Activity, Vec<String>> {
        ActivityValidator::new().activity(&raw(values)).map_err(|e| e.iter().map(|e| e.brief()).collect())
    }

    const GOOD: [&str; 25] = [
        "2023-12-13-chiefs-of-staff-meeting",
        "Conference",
        "2023-12-13",
        "2023-12-14",
        "Réunion des chefs d'état-major",
        "",
        "اجتماع رؤساء الأركان",
        "Pakistan",
        "Forces armées",
        "Armed forces",
        "القوات المسلحة",
        "",
        "",
        "",
        "",
        "",
        " military ; Ideological;",
        "Riyad",
        "Riyadh",
        "الرياض",
        "",
        "First line\nsecond line",
        "",
        "chiefs-of-staff",
        "2",
    ];

    /// The good record with one value changed.
    fn with(column: &str, value: &str) -> Result<Activity, Vec<String>> {
        let mut values = GOOD;
        values[ACTIVITY_COLUMNS.iter().position(|c| *c == column).unwrap()] = value;
        check(&values)
    }

    #[test]
    fn kinds_and_their_order() {
        let codes: Vec<&str> = ActivityKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(
            codes,
            [
                "delegation_received",
                "visit_abroad",
                "conference",
                "workshop",
                "training",
                "internal_activity",
                "national_day",
                "delegate_accredited",
                "agreement_signed",
                "exhibition",
                "meeting"
            ]
        );
        for kind in ActivityKind::ALL {
            assert_eq!(ActivityKind::parse(&kind.code().to_uppercase()), Some(kind));
        }
    }

    #[test]
    fn a_full_record() {
        let a = check(&GOOD).unwrap();
        assert_eq!(a.kind, ActivityKind::Conference);
        assert_eq!(a.date_text(), "2023-12-13");
        assert_eq!(a.end_date, Some(Date::new(2023, 12, 14).unwrap()));
        assert_eq!(a.counterpart_country.unwrap().as_str(), "PK");
        assert_eq!(a.domains, [Domain::Military, Domain::Ideological]);
        assert_eq!(a.description.en, "First line\nsecond line");
        assert_eq!((a.place.fr.as_str(), a.place.ar.as_str()), ("Riyad", "الرياض"));
        assert_eq!(a.counterpart_org.ar, "القوات المسلحة");
        assert_eq!(a.article.as_deref(), Some("chiefs-of-staff"));
        assert_eq!(a.highlight, Some(2));
        assert_eq!(a.title_in(crate::Lang::En), "Réunion des chefs d'état-major", "no English title: the French one");
        assert_eq!(a.title_in(crate::Lang::Ar), "اجتماع رؤساء الأركان");
    }

    #[test]
    fn values_read_back_into_the_same_activity() {
        let a = check(&GOOD).unwrap();
        let values = a.values();
        assert_eq!(values[16], "military ; ideological");
        let again = RawActivity::from_values(values.into_iter().map(Some).collect());
        assert_eq!(ActivityValidator::new().activity(&again).unwrap(), a);
    }

    #[test]
    fn a_minimal_record_and_a_month() {
        let mut values = [""; 16];
        values[0] = "x";
        values[1] = "meeting";
        values[2] = "2023-05";
        values[6] = "اجتماع";
        let a = check(&values).unwrap();
        assert_eq!((a.date, a.date_precision), (Date::new(2023, 5, 1).unwrap(), DatePrecision::Month));
        assert_eq!(a.date_text(), "2023-05");
        assert_eq!((a.end_date, a.counterpart_country, a.article.as_deref(), a.highlight), (None, None, None, None));
        assert!(a.domains.is_empty());
        let absent = RawActivity {
            id: Some("x".into()),
            kind: Some("meeting".into()),
            date: Some("2023-05-02".into()),
            title_en: Some("Meeting".into()),
            ..RawActivity::default()
        };
        assert!(ActivityValidator::new().activity(&absent).is_ok());
    }

    #[test]
    fn problems_are_located() {
        let one = |column: &str, value: &str| with(column, value).unwrap_err();
        assert_eq!(
            one("id", "Chiefs of staff"),
            [r#"id: BadSlug { max: 64, example: "2023-12-13-chiefs-of-staff-meeting" } (got "Chiefs of staff")"#]
        );
        let kind = one("kind", "seminar");
        assert!(kind[0].starts_with(r#"kind: UnknownCode { codes: "delegation_received, visit_abroad, "#), "{kind:?}");
        assert!(kind[0].ends_with(r#"exhibition, meeting" } (got "seminar")"#), "{kind:?}");
        assert_eq!(one("date", "13/12/2023"), [r#"date: InvalidDayOrMonth (got "13/12/2023")"#]);
        assert_eq!(one("date", "2023-02-30"), [r#"date: InvalidDayOrMonth (got "2023-02-30")"#]);
        assert_eq!(one("date", "2023-13"), [r#"date: InvalidDayOrMonth (got "2023-13")"#]);
        assert_eq!(
            one("end_date", "2023-12-12"),
            [r#"end_date: EndBeforeStart { start: 2023-12-13 } (got "2023-12-12")"#]
        );
        assert_eq!(one("end_date", "2023-12"), [r#"end_date: InvalidDate (got "2023-12")"#]);
        assert_eq!(one("counterpart_country", "Atlantis"), [r#"counterpart_country: UnknownCountry (got "Atlantis")"#]);
        assert_eq!(
            one("domains", "military ; finance"),
            [
                r#"domains: UnknownCodeInList { codes: "ideological, communication, counter_financing, military" } (got "finance")"#
            ]
        );
        assert_eq!(one("domains", "military;MILITARY"), [r#"domains: Repeated (got "MILITARY")"#]);
        for bad in ["0", "-1", "1.5", "first", "+2", "99999999999"] {
            assert_eq!(
                one("highlight", bad),
                [format!("highlight: WholeNumberFrom {{ min: 1 }} (got {bad:?})")],
                "{bad}"
            );
        }
        assert!(one("article", "Some Article")[0].starts_with("article: BadSlug { max: 64"));
        assert_eq!(one("place_fr", "a\tb"), [r#"place_fr: NotOneLine (got "a\tb")"#]);
        assert_eq!(one("description_ar", "a\u{7}b"), [r#"description_ar: ControlCharacter (got "a\u{7}b")"#]);
        assert_eq!(
            one("counterpart_org_en", &"x".repeat(201))[0],
            format!("counterpart_org_en: TooLong {{ max: 200 }} (got \"{}…\")", "x".repeat(40))
        );
        assert!(with("description_en", &"x".repeat(5_000)).is_ok());
        assert!(one("description_fr", &"x".repeat(5_001))[0].starts_with("description_fr: TooLong { max: 5000 }"));
    }

    #[test]
    fn a_title_is_required_and_said_on_title_en() {
        let mut values = GOOD;
        (values[4], values[6]) = ("", "");
        assert_eq!(
            check(&values).unwrap_err(),
            [r#"title_en: AtLeastOneOf { columns: ["title_fr", "title_en", "title_ar"] } (got "")"#]
        );
    }

    #[test]
    fn every_problem_of_a_record_at_once() {
        let errors = check(&[""; 16]).unwrap_err();
        let columns: Vec<&str> = errors.iter().map(|e| e.split(':').next().unwrap()).collect();
        assert_eq!(columns, ["id", "kind", "date", "title_en"]);
    }
}
