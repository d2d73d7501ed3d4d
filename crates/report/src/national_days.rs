//! The national days of the member states that fall in one month, by date:
//! the bulletin's national-days section.
//!
//! A national day on 29 February falls, in a year that is not a leap year,
//! on 28 February: it is listed there, marked `observed`, so that renderers
//! can say so. A state that had not yet joined on the day is left out.

use jiff::civil::Date;
use vigie_domain::{CountryCode, Member, Month, NationalDay};
use vigie_store::{Store, StoreError};

/// One national day in the month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalDayEntry {
    pub country: CountryCode,
    /// The day it falls on in the month's year.
    pub date: Date,
    /// The day as registered, with its names.
    pub national_day: NationalDay,
    /// Whether `date` is not the registered day (29 February, in a year that
    /// is not a leap year).
    pub observed: bool,
}

#[derive(Debug, Clone)]
pub struct NationalDaysReport {
    pub month: Month,
    /// By date, then country code.
    pub entries: Vec<NationalDayEntry>,
}

/// The report of `month` from the store's member register.
pub fn national_days(store: &dyn Store, month: Month) -> Result<NationalDaysReport, StoreError> {
    Ok(from_members(&store.members()?, month))
}

/// The report of `month` from a list of members.
pub fn from_members(members: &[Member], month: Month) -> NationalDaysReport {
    let mut entries: Vec<NationalDayEntry> = members
        .iter()
        .flat_map(|member| {
            member.national_days.iter().filter(move |day| day.month == month.number()).filter_map(move |day| {
                let date = day.date_in(month.year());
                let member_then = member.joined.is_none_or(|joined| joined <= date);
                member_then.then(|| NationalDayEntry {
                    country: member.country,
                    date,
                    national_day: day.clone(),
                    observed: day.observed_in(month.year()),
                })
            })
        })
        .collect();
    entries.sort_by(|a, b| a.date.cmp(&b.date).then(a.country.cmp(&b.country)));
    NationalDaysReport { month, entries }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::Names;

    fn day(month: i8, day: i8, en: &str) -> NationalDay {
        NationalDay { month, day, name: Names { fr: String::new(), en: en.into(), ar: String::new() } }
    }

    fn member(country: &str, joined: Option<&str>, days: Vec<NationalDay>) -> Member {
        Member {
            country: CountryCode::new(country).unwrap(),
            joined: joined.map(|d| d.parse().unwrap()),
            national_days: days,
            representative_title: String::new(),
        }
    }

    /// A small register: two days on 18 December, one state with two
    /// national days, one that joined late, and a 29 February.
    fn register() -> Vec<Member> {
        vec![
            member("QA", Some("2015-12-15"), vec![day(12, 18, "National Day")]),
            member("AE", Some("2015-12-15"), vec![day(12, 2, "National Day")]),
            member("NE", Some("2015-12-15"), vec![day(12, 18, "Republic Day")]),
            member("KW", None, vec![day(2, 25, "National Day"), day(2, 26, "Liberation Day")]),
            member("KE", Some("2022-09-01"), vec![day(12, 12, "Jamhuri Day")]),
            member("BN", None, vec![day(2, 29, "Leap Day"), day(7, 1, "Other")]),
        ]
    }

    /// (date, country, observed) of each entry.
    fn listed(month: &str) -> Vec<(String, String, bool)> {
        from_members(&register(), Month::parse(month).unwrap())
            .entries
            .iter()
            .map(|e| (e.date.to_string(), e.country.to_string(), e.observed))
            .collect()
    }

    fn entry(date: &str, country: &str, observed: bool) -> (String, String, bool) {
        (date.to_string(), country.to_string(), observed)
    }

    #[test]
    fn by_date_then_country() {
        assert_eq!(
            listed("2023-12"),
            [
                entry("2023-12-02", "AE", false),
                entry("2023-12-12", "KE", false),
                entry("2023-12-18", "NE", false),
                entry("2023-12-18", "QA", false),
            ]
        );
    }

    #[test]
    fn a_state_is_listed_from_the_day_it_joined() {
        // Kenya joined on 1 September 2022
        assert_eq!(listed("2021-12").iter().filter(|e| e.1 == "KE").count(), 0);
        assert_eq!(listed("2022-12").iter().filter(|e| e.1 == "KE").count(), 1);
        // the coalition was founded on 15 December 2015: Qatar's day (18th) counts, the UAE's (2nd) not yet
        let december_2015: Vec<String> = listed("2015-12").into_iter().map(|e| e.1).collect();
        assert_eq!(december_2015, ["NE", "QA"]);
    }

    #[test]
    fn a_month_with_none() {
        assert!(listed("2023-03").is_empty());
        assert_eq!(from_members(&[], Month::parse("2023-12").unwrap()).entries, []);
    }

    #[test]
    fn the_29th_of_february_in_a_leap_year_and_in_another() {
        assert_eq!(
            listed("2024-02"),
            [entry("2024-02-25", "KW", false), entry("2024-02-26", "KW", false), entry("2024-02-29", "BN", false)]
        );
        assert_eq!(
            listed("2023-02"),
            [entry("2023-02-25", "KW", false), entry("2023-02-26", "KW", false), entry("2023-02-28", "BN", true)]
        );
        let report = from_members(&register(), Month::parse("2023-02").unwrap());
        assert_eq!(report.entries[2].national_day.code(), "02-29");
    }
}
