//! Member states of the coalition: when each joined, its national day(s)
//! with their names in fr/en/ar, and the title of its representative; the
//! validation of one record's raw values, every problem located by column.

use jiff::civil::Date;

use crate::country::{CountryCode, Names, countries};
use crate::validate::{FieldError, FieldErrorKind, parse_iso_date};

/// The longest name of a national day or representative's title.
const MAX_NAME: usize = 200;

/// The names of the member register's CSV columns, in order.
pub const MEMBER_COLUMNS: [&str; 7] =
    ["country", "joined", "national_day", "name_fr", "name_en", "name_ar", "representative_title"];

/// The columns of the member register's CSV, in order. One row per national
/// day: a country with two national days has two rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MemberColumn {
    Country,
    Joined,
    NationalDay,
    NameFr,
    NameEn,
    NameAr,
    RepresentativeTitle,
}

impl MemberColumn {
    pub const ALL: [MemberColumn; 7] = [
        MemberColumn::Country,
        MemberColumn::Joined,
        MemberColumn::NationalDay,
        MemberColumn::NameFr,
        MemberColumn::NameEn,
        MemberColumn::NameAr,
        MemberColumn::RepresentativeTitle,
    ];

    pub fn name(self) -> &'static str {
        MEMBER_COLUMNS[self as usize]
    }

    pub fn parse(name: &str) -> Option<MemberColumn> {
        MemberColumn::ALL.into_iter().find(|c| c.name() == name)
    }

    pub fn header() -> [&'static str; 7] {
        MEMBER_COLUMNS
    }
}

/// A day of the year (month and day, no year) celebrated as a national day,
/// with its name in each language; a name may be empty, not all three.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalDay {
    /// 1 to 12.
    pub month: i8,
    /// 1 to 31, a real day of that month in a leap year (29 February is one).
    pub day: i8,
    pub name: Names,
}

impl NationalDay {
    /// `MM-DD`, as written in the native formats.
    pub fn code(&self) -> String {
        format!("{:02}-{:02}", self.month, self.day)
    }

    /// The day in `year`. 29 February falls on 28 February in a year that is
    /// not a leap year (see [`NationalDay::observed_in`]).
    pub fn date_in(&self, year: i16) -> Date {
        Date::new(year, self.month, self.day)
            .or_else(|_| Date::new(year, self.month, self.day - 1))
            .expect("a national day is a real day of a leap year")
    }

    /// Whether the day is celebrated on another day in `year` than its own:
    /// only 29 February, in a year that is not a leap year.
    pub fn observed_in(&self, year: i16) -> bool {
        Date::new(year, self.month, self.day).is_err()
    }

    /// The name in `lang`; when that one is empty, the English, then the
    /// French, then the Arabic one.
    pub fn name_in(&self, lang: crate::Lang) -> &str {
        [self.name.get(lang), &self.name.en, &self.name.fr, &self.name.ar]
            .into_iter()
            .find(|name| !name.is_empty())
            .unwrap_or("")
    }
}

/// One member state of the coalition, identified by its country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub country: CountryCode,
    /// When it joined, if known.
    pub joined: Option<Date>,
    /// In calendar order (month, day), each day once.
    pub national_days: Vec<NationalDay>,
    /// The title of its representative to the coalition; empty when not given.
    pub representative_title: String,
}

impl Member {
    /// Puts the national days in calendar order, as stored and compared.
    pub fn sort_days(&mut self) {
        self.national_days.sort_by_key(|day| (day.month, day.day));
    }
}

/// How the columns of one national day are called in the file it comes
/// from, so that errors name them as the file does: `national_day`,
/// `name_fr`… in CSV; `national_days[0].date`, `national_days[0].name.fr`…
/// in JSON Lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayColumns {
    pub date: String,
    pub name_fr: String,
    pub name_en: String,
    pub name_ar: String,
    /// Where a missing name is reported.
    pub name: String,
}

impl DayColumns {
    /// The CSV's columns.
    pub fn csv() -> DayColumns {
        DayColumns {
            date: MemberColumn::NationalDay.name().into(),
            name_fr: MemberColumn::NameFr.name().into(),
            name_en: MemberColumn::NameEn.name().into(),
            name_ar: MemberColumn::NameAr.name().into(),
            name: MemberColumn::NameFr.name().into(),
        }
    }
}

/// The raw text of one national day; `None` when absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawNationalDay {
    /// `MM-DD`.
    pub date: Option<String>,
    pub name_fr: Option<String>,
    pub name_en: Option<String>,
    pub name_ar: Option<String>,
    pub columns: DayColumns,
}

/// The raw text of one record of the register: a CSV row (at most one
/// national day) or a JSON Lines object (any number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMember {
    pub country: Option<String>,
    pub joined: Option<String>,
    pub representative_title: Option<String>,
    pub national_days: Vec<RawNationalDay>,
}

fn trimmed(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// Parses `MM-DD`: a day that exists in a leap year (so `02-29` is one).
pub fn parse_month_day(value: &str) -> Option<(i8, i8)> {
    let bytes = value.as_bytes();
    let shaped =
        bytes.len() == 5 && bytes[2] == b'-' && bytes.iter().enumerate().all(|(i, b)| i == 2 || b.is_ascii_digit());
    if !shaped {
        return None;
    }
    let month: i8 = value[0..2].parse().ok()?;
    let day: i8 = value[3..5].parse().ok()?;
    // 2000 is a leap year: every day that can be a national day exists in it
    Date::new(2000, month, day).ok().map(|_| (month, day))
}

/// Validates member records against the rules of the register.
pub struct MemberValidator {
    today: Date,
}

impl MemberValidator {
    /// `today` is the latest date a member may have joined.
    pub fn new(today: Date) -> MemberValidator {
        MemberValidator { today }
    }

    /// Turns one record into a member, or says what is wrong with each field.
    pub fn validate(&self, raw: &RawMember) -> Result<Member, Vec<FieldError>> {
        let mut errors = Vec::new();
        let country = match trimmed(&raw.country) {
            None => {
                errors.push(FieldError::new(MemberColumn::Country.name(), FieldErrorKind::Required, ""));
                None
            }
            Some(value) => match countries().resolve(value) {
                Some(country) => Some(country.code),
                None => {
                    errors.push(FieldError::new(MemberColumn::Country.name(), FieldErrorKind::UnknownCountry, value));
                    None
                }
            },
        };
        let joined = trimmed(&raw.joined).and_then(|value| match parse_iso_date(value) {
            None => {
                errors.push(FieldError::new(MemberColumn::Joined.name(), FieldErrorKind::InvalidDate, value));
                None
            }
            Some(date) if date > self.today => {
                let kind = FieldErrorKind::FutureDate { today: self.today };
                errors.push(FieldError::new(MemberColumn::Joined.name(), kind, value));
                None
            }
            Some(date) => Some(date),
        });
        let representative_title =
            text(MemberColumn::RepresentativeTitle.name(), &raw.representative_title, &mut errors);
        let mut national_days: Vec<NationalDay> = Vec::new();
        for raw_day in &raw.national_days {
            let Some(day) = self.national_day(raw_day, &mut errors) else { continue };
            if national_days.iter().any(|d| (d.month, d.day) == (day.month, day.day)) {
                errors.push(FieldError::new(raw_day.columns.date.clone(), FieldErrorKind::Repeated, day.code()));
                continue;
            }
            national_days.push(day);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let Some(country) = country else {
            unreachable!("a missing or unknown country always records an error");
        };
        let mut member = Member { country, joined, national_days, representative_title };
        member.sort_days();
        Ok(member)
    }

    /// One national day; `None` when it has errors (recorded) or when the
    /// record gives neither a day nor a name (a member without a national
    /// day on this row).
    fn national_day(&self, raw: &RawNationalDay, errors: &mut Vec<FieldError>) -> Option<NationalDay> {
        let columns = &raw.columns;
        let before = errors.len();
        let name = Names {
            fr: text(&columns.name_fr, &raw.name_fr, errors),
            en: text(&columns.name_en, &raw.name_en, errors),
            ar: text(&columns.name_ar, &raw.name_ar, errors),
        };
        let named = !(name.fr.is_empty() && name.en.is_empty() && name.ar.is_empty());
        let date = match trimmed(&raw.date) {
            None if named => {
                errors.push(FieldError::new(columns.date.clone(), FieldErrorKind::DayRequiredWithName, ""));
                None
            }
            None => return None,
            Some(value) => match parse_month_day(value) {
                Some(date) => Some(date),
                None => {
                    errors.push(FieldError::new(columns.date.clone(), FieldErrorKind::InvalidMonthDay, value));
                    None
                }
            },
        };
        if date.is_some() && !named && errors.len() == before {
            let columns_given = vec![columns.name_fr.clone(), columns.name_en.clone(), columns.name_ar.clone()];
            errors.push(FieldError::new(
                columns.name.clone(),
                FieldErrorKind::AtLeastOneOf { columns: columns_given },
                "",
            ));
        }
        let (month, day) = date?;
        (errors.len() == before).then_some(NationalDay { month, day, name })
    }
}

fn text(column: &str, value: &Option<String>, errors: &mut Vec<FieldError>) -> String {
    let value = trimmed(value).unwrap_or("");
    if value.chars().count() > MAX_NAME {
        let start: String = value.chars().take(40).collect();
        errors.push(FieldError::new(column, FieldErrorKind::TooLong { max: MAX_NAME }, format!("{start}…")));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn validator() -> MemberValidator {
        MemberValidator::new(Date::new(2026, 1, 28).unwrap())
    }

    fn some(value: &str) -> Option<String> {
        Some(value.to_string())
    }

    /// A CSV row: country, joined, national_day, name_fr, name_en, name_ar, title.
    fn row(values: [&str; 7]) -> RawMember {
        RawMember {
            country: some(values[0]),
            joined: some(values[1]),
            representative_title: some(values[6]),
            national_days: vec![RawNationalDay {
                date: some(values[2]),
                name_fr: some(values[3]),
                name_en: some(values[4]),
                name_ar: some(values[5]),
                columns: DayColumns::csv(),
            }],
        }
    }

    fn errors(values: [&str; 7]) -> Vec<String> {
        match validator().validate(&row(values)) {
            Ok(_) => vec![],
            Err(errors) => errors.iter().map(|e| e.brief()).collect(),
        }
    }

    fn one_error(values: [&str; 7]) -> String {
        let errors = errors(values);
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors[0].clone()
    }

    const GOOD: [&str; 7] = [
        "Émirats arabes unis",
        "2015-12-15",
        "12-02",
        "Fête nationale",
        "National Day",
        "اليوم الوطني",
        "Military delegate",
    ];

    #[test]
    fn a_full_row_becomes_a_member() {
        let member = validator().validate(&row(GOOD)).unwrap();
        assert_eq!(member.country.as_str(), "AE");
        assert_eq!(member.joined, Some(Date::new(2015, 12, 15).unwrap()));
        assert_eq!(member.representative_title, "Military delegate");
        assert_eq!(member.national_days.len(), 1);
        let day = &member.national_days[0];
        assert_eq!((day.month, day.day, day.code().as_str()), (12, 2, "12-02"));
        assert_eq!(day.name.ar, "اليوم الوطني");
    }

    #[test]
    fn optional_fields_may_be_empty() {
        let member = validator().validate(&row(["bh", "", "12-16", "", "National Day", "", ""])).unwrap();
        assert_eq!(member.country.as_str(), "BH");
        assert_eq!(member.joined, None);
        assert_eq!(member.representative_title, "");
        assert_eq!(member.national_days[0].name.fr, "");
        // a row with neither a day nor a name: a member without a national day
        let member = validator().validate(&row(["Qatar", "", "", "", "", "", ""])).unwrap();
        assert!(member.national_days.is_empty());
    }

    #[test]
    fn country() {
        assert_eq!(one_error(["", "2015-12-15", "12-02", "a", "b", "c", ""]), r#"country: Required (got "")"#);
        assert!(one_error(["Atlantis", "", "12-02", "a", "b", "c", ""]).starts_with("country: UnknownCountry"));
        for name in ["AE", "ARE", "784", "United Arab Emirates", "الإمارات العربية المتحدة"] {
            assert_eq!(validator().validate(&row([name, "", "", "", "", "", ""])).unwrap().country.as_str(), "AE");
        }
    }

    #[test]
    fn joined() {
        assert_eq!(
            one_error(["AE", "15/12/2015", "12-02", "a", "b", "c", ""]),
            r#"joined: InvalidDate (got "15/12/2015")"#
        );
        assert_eq!(
            one_error(["AE", "2027-01-01", "12-02", "a", "b", "c", ""]),
            r#"joined: FutureDate { today: 2026-01-28 } (got "2027-01-01")"#
        );
        assert!(errors(["AE", "2026-01-28", "12-02", "a", "b", "c", ""]).is_empty(), "today is not the future");
    }

    #[test]
    fn national_day_is_a_real_day_of_a_leap_year() {
        for good in ["01-01", "02-29", "04-30", "12-31"] {
            assert!(errors(["AE", "", good, "a", "", "", ""]).is_empty(), "{good}");
        }
        for bad in ["02-30", "04-31", "13-01", "00-10", "12-00", "2-9", "12/02", "2023-12-02", "1202", "xx-yy"] {
            assert_eq!(
                one_error(["AE", "", bad, "a", "", "", ""]),
                format!("national_day: InvalidMonthDay (got {bad:?})")
            );
        }
        assert_eq!(
            one_error(["AE", "", "", "Fête nationale", "", "", ""]),
            r#"national_day: DayRequiredWithName (got "")"#
        );
    }

    #[test]
    fn names() {
        assert_eq!(
            one_error(["AE", "", "12-02", "", "", "", ""]),
            r#"name_fr: AtLeastOneOf { columns: ["name_fr", "name_en", "name_ar"] } (got "")"#
        );
        let long = "x".repeat(201);
        for (index, column) in [(3, "name_fr"), (4, "name_en"), (5, "name_ar"), (6, "representative_title")] {
            let mut values = ["AE", "", "12-02", "a", "b", "c", ""];
            values[index] = &long;
            assert!(one_error(values).starts_with(&format!("{column}: TooLong {{ max: 200 }}")));
            values[index] = "two\nlines";
            assert!(one_error(values).starts_with(&format!("{column}: NotOneLine")));
        }
    }

    #[test]
    fn every_problem_of_a_row_is_reported() {
        let errors = errors(["Atlantis", "soon", "02-30", "", "", "", ""]);
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].starts_with("country:"));
        assert!(errors[1].starts_with("joined:"));
        assert!(errors[2].starts_with("national_day:"));
    }

    #[test]
    fn several_days_are_sorted_and_each_given_once() {
        let day = |date: &str, index: usize| RawNationalDay {
            date: some(date),
            name_fr: None,
            name_en: some("Day"),
            name_ar: None,
            columns: DayColumns {
                date: format!("national_days[{index}].date"),
                name_fr: format!("national_days[{index}].name.fr"),
                name_en: format!("national_days[{index}].name.en"),
                name_ar: format!("national_days[{index}].name.ar"),
                name: format!("national_days[{index}].name"),
            },
        };
        let mut raw = RawMember {
            country: some("PK"),
            joined: None,
            representative_title: None,
            national_days: vec![day("08-14", 0), day("03-23", 1)],
        };
        let member = validator().validate(&raw).unwrap();
        let codes: Vec<String> = member.national_days.iter().map(NationalDay::code).collect();
        assert_eq!(codes, ["03-23", "08-14"]);
        raw.national_days.push(day("08-14", 2));
        let errors = validator().validate(&raw).unwrap_err();
        assert_eq!(errors[0].brief(), r#"national_days[2].date: Repeated (got "08-14")"#);
    }

    #[test]
    fn the_29th_of_february_falls_on_the_28th_in_other_years() {
        let day = NationalDay {
            month: 2,
            day: 29,
            name: Names { fr: String::new(), en: "Leap Day".into(), ar: String::new() },
        };
        assert_eq!(day.date_in(2024).to_string(), "2024-02-29");
        assert!(!day.observed_in(2024));
        assert_eq!(day.date_in(2023).to_string(), "2023-02-28");
        assert!(day.observed_in(2023));
        assert_eq!(day.date_in(2100).to_string(), "2100-02-28");
        assert_eq!(day.date_in(2000).to_string(), "2000-02-29");
    }

    #[test]
    fn a_missing_name_falls_back_to_english_then_french() {
        let day = |fr: &str, en: &str, ar: &str| NationalDay {
            month: 1,
            day: 1,
            name: Names { fr: fr.into(), en: en.into(), ar: ar.into() },
        };
        use crate::Lang;
        assert_eq!(day("Fête", "Day", "عيد").name_in(Lang::Ar), "عيد");
        assert_eq!(day("Fête", "Day", "").name_in(Lang::Ar), "Day");
        assert_eq!(day("Fête", "", "").name_in(Lang::Ar), "Fête");
        assert_eq!(day("", "", "عيد").name_in(Lang::En), "عيد");
        assert_eq!(day("", "Day", "").name_in(Lang::Fr), "Day");
    }
}
