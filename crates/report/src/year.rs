//! The year in numbers: how many activities of each kind the coalition held
//! in a year, and its agreements with partners (signed that year, and in all
//! by the year's end).
//!
//! An agreement whose signing date is not known counts in every year's
//! total: it was signed before it was recorded, and the register has no
//! better date to leave it out by.

use jiff::civil::Date;
use vigie_domain::{Activity, ActivityKind, Partner};
use vigie_store::{ActivityFilter, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearReport {
    pub year: i16,
    /// Every kind, in the order of [`ActivityKind::ALL`], with its number of
    /// activities (zeros included).
    pub counts: Vec<(ActivityKind, u64)>,
    /// Agreements signed on or before 31 December of the year, and those
    /// whose signing date is not known.
    pub agreements_total: u64,
    /// Agreements signed in the year.
    pub agreements_signed: u64,
}

impl YearReport {
    /// The number of activities of `kind`.
    pub fn count(&self, kind: ActivityKind) -> u64 {
        self.counts.iter().find(|(k, _)| *k == kind).map_or(0, |(_, n)| *n)
    }
}

/// The report of `year` from the store's activity and partner registers.
pub fn year(store: &dyn Store, year: i16) -> Result<YearReport, StoreError> {
    let filter = ActivityFilter { from: first_day(year), to: last_day(year), ..ActivityFilter::default() };
    Ok(from_registers(&store.activities(&filter)?, &store.partners()?, year))
}

pub(crate) fn first_day(year: i16) -> Option<Date> {
    Date::new(year, 1, 1).ok()
}

pub(crate) fn last_day(year: i16) -> Option<Date> {
    Date::new(year, 12, 31).ok()
}

/// The report of `year` from lists of activities (of any years) and
/// partners.
pub fn from_registers(activities: &[Activity], partners: &[Partner], year: i16) -> YearReport {
    let counts = ActivityKind::ALL
        .iter()
        .map(|&kind| {
            let count = activities.iter().filter(|a| a.kind == kind && a.date.year() == year).count();
            (kind, count as u64)
        })
        .collect();
    let agreements = partners.iter().flat_map(|p| &p.agreements);
    let agreements_total = agreements.clone().filter(|a| a.signed.is_none_or(|d| d.year() <= year)).count();
    let agreements_signed = agreements.filter(|a| a.signed.is_some_and(|d| d.year() == year)).count();
    YearReport { year, counts, agreements_total: agreements_total as u64, agreements_signed: agreements_signed as u64 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::{Agreement, DatePrecision, Names, Scope};

    fn activity(id: &str, kind: ActivityKind, date: &str) -> Activity {
        Activity {
            id: id.into(),
            kind,
            date: date.parse().unwrap(),
            date_precision: DatePrecision::Day,
            end_date: None,
            title: Names { fr: String::new(), en: id.into(), ar: String::new() },
            counterpart_country: None,
            counterpart_org: Names::default(),
            counterpart_person: String::new(),
            counterpart_person_ar: String::new(),
            counterpart_title: Names::default(),
            domains: Vec::new(),
            place: Names::default(),
            description: Names::default(),
            article: None,
            highlight: None,
            organisations: Vec::new(),
            themes: Vec::new(),
            people: Vec::new(),
        }
    }

    fn agreement(signed: Option<&str>) -> Agreement {
        Agreement {
            title: Names { fr: String::new(), en: format!("{signed:?}"), ar: String::new() },
            signed: signed.map(|d| d.parse().unwrap()),
            areas: Vec::new(),
            reference: String::new(),
        }
    }

    #[test]
    fn counts_every_kind_and_the_agreements_up_to_the_year() {
        let activities = [
            activity("a", ActivityKind::Conference, "2023-01-01"),
            activity("b", ActivityKind::Conference, "2023-12-31"),
            activity("c", ActivityKind::Workshop, "2023-06-01"),
            activity("d", ActivityKind::Conference, "2022-12-31"),
            activity("e", ActivityKind::Conference, "2024-01-01"),
        ];
        let partner = Partner {
            id: "p".into(),
            name: Names { fr: String::new(), en: "P".into(), ar: String::new() },
            scope: Scope::Local,
            kind: Names::default(),
            agreements: vec![
                agreement(Some("2022-05-01")),
                agreement(Some("2023-12-31")),
                agreement(Some("2024-01-01")),
                agreement(None),
            ],
        };
        let report = from_registers(&activities, &[partner], 2023);
        assert_eq!(report.counts.len(), ActivityKind::ALL.len());
        assert_eq!(report.counts[0], (ActivityKind::DelegationReceived, 0));
        assert_eq!(report.count(ActivityKind::Conference), 2);
        assert_eq!(report.count(ActivityKind::Workshop), 1);
        assert_eq!(report.counts.iter().map(|(_, n)| n).sum::<u64>(), 3);
        assert_eq!((report.agreements_signed, report.agreements_total), (1, 3));
        let empty = from_registers(&[], &[], 2015);
        assert!(empty.counts.iter().all(|(_, n)| *n == 0));
        assert_eq!((empty.agreements_signed, empty.agreements_total), (0, 0));
    }
}
