//! The timeline of a year's key highlights: the activities the register
//! marks with a `highlight` position, month by month (January first), each
//! month's in the order of their positions, then by id. Months without a
//! highlight are left out; a year without any gives an empty timeline.

use vigie_domain::{Activity, Month};
use vigie_store::{ActivityFilter, Store, StoreError};

use crate::year::{first_day, last_day};

/// One month of the timeline and its highlights, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineMonth {
    pub month: Month,
    pub items: Vec<Activity>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineReport {
    pub year: i16,
    /// The one month asked for (1 to 12), if any.
    pub month: Option<i8>,
    /// The months that have highlights, in calendar order.
    pub months: Vec<TimelineMonth>,
}

/// The timeline of `year` (or of one of its months) from the store's
/// activity register.
pub fn timeline(store: &dyn Store, year: i16, month: Option<i8>) -> Result<TimelineReport, StoreError> {
    let filter = ActivityFilter { from: first_day(year), to: last_day(year), ..ActivityFilter::default() };
    Ok(from_activities(store.activities(&filter)?, year, month))
}

/// The timeline of `year` (or of one of its months) from a list of
/// activities of any years.
pub fn from_activities(activities: Vec<Activity>, year: i16, month: Option<i8>) -> TimelineReport {
    let mut items: Vec<Activity> = activities
        .into_iter()
        .filter(|a| a.highlight.is_some() && a.date.year() == year)
        .filter(|a| month.is_none_or(|m| a.date.month() == m))
        .collect();
    items.sort_by(|a, b| (a.month(), a.highlight, &a.id).cmp(&(b.month(), b.highlight, &b.id)));
    let mut months: Vec<TimelineMonth> = Vec::new();
    for item in items {
        match months.last_mut() {
            Some(last) if last.month == item.month() => last.items.push(item),
            _ => months.push(TimelineMonth { month: item.month(), items: vec![item] }),
        }
    }
    TimelineReport { year, month, months }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::{ActivityKind, DatePrecision, Names};

    fn activity(id: &str, date: &str, highlight: Option<u32>) -> Activity {
        Activity {
            id: id.into(),
            kind: ActivityKind::Meeting,
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
            highlight,
            organisations: Vec::new(),
            themes: Vec::new(),
            people: Vec::new(),
        }
    }

    fn register() -> Vec<Activity> {
        vec![
            activity("late-first", "2023-03-28", Some(1)),
            activity("early-second", "2023-03-02", Some(2)),
            activity("also-second", "2023-03-15", Some(2)),
            activity("not-a-highlight", "2023-03-01", None),
            activity("january", "2023-01-31", Some(5)),
            activity("other-year", "2022-03-01", Some(1)),
        ]
    }

    /// (month, ids) of each month.
    fn listed(report: &TimelineReport) -> Vec<(String, Vec<&str>)> {
        report.months.iter().map(|m| (m.month.to_string(), m.items.iter().map(|a| a.id.as_str()).collect())).collect()
    }

    #[test]
    fn by_month_then_highlight_then_id() {
        let report = from_activities(register(), 2023, None);
        assert_eq!(
            listed(&report),
            [
                ("2023-01".to_string(), vec!["january"]),
                ("2023-03".to_string(), vec!["late-first", "also-second", "early-second"]),
            ]
        );
    }

    #[test]
    fn one_month_and_a_year_without_highlights() {
        let report = from_activities(register(), 2023, Some(1));
        assert_eq!(listed(&report), [("2023-01".to_string(), vec!["january"])]);
        assert!(from_activities(register(), 2023, Some(2)).months.is_empty());
        assert!(from_activities(register(), 2021, None).months.is_empty());
    }
}
