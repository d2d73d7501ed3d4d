//! The monthly regional report (`docs/data-model.md#the-monthly-report`):
//! per-country operations and victims this month against last month,
//! totals, and three breakdowns.

use std::collections::BTreeMap;

use serde::Serialize;
use vigie_domain::region::{FormerMembers, Member, RegionGroup};
use vigie_domain::{Change, CountryCode, GroupRegister, Month, Names};
use vigie_store::{Actors, Aggregate, AggregateRow, Dimension, IncidentFilter, Store, StoreError};

#[derive(Debug, Clone, Serialize)]
pub struct CountryRow {
    pub country: CountryCode,
    pub operations: Change,
    pub victims: Change,
    /// The victims' low–high range, where an incident counted gives one.
    #[serde(skip_serializing_if = "RangeChange::is_empty")]
    pub victims_range: RangeChange,
}

#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    pub operations: Change,
    pub victims: Change,
    #[serde(skip_serializing_if = "RangeChange::is_empty")]
    pub victims_range: RangeChange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    pub key: String,
    pub operations: u64,
    pub victims: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub victims_range: Option<Range>,
}

/// The victims of a cell at the lowest and highest estimates of the killed
/// (`docs/data-model.md#casualty-ranges`); the cell itself sums the best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Range {
    pub low: u64,
    pub high: u64,
}

impl Range {
    /// The range of a cell whose best sum is `best`: none when both bounds
    /// are the best (no incident of the cell gives a range that differs).
    pub fn of(best: u64, low: u64, high: u64) -> Option<Range> {
        (low != best || high != best).then_some(Range { low, high })
    }

    fn of_row(row: &AggregateRow) -> Option<Range> {
        Range::of(row.victims, row.victims_low, row.victims_high)
    }
}

/// The ranges of a cell's two months.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RangeChange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Range>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<Range>,
}

impl RangeChange {
    pub fn is_empty(&self) -> bool {
        self.previous.is_none() && self.current.is_none()
    }
}

/// Incidents counted whose killed or wounded figure is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct UnknownCasualties {
    pub previous: u64,
    pub current: u64,
}

/// The membership the report used: a report says which countries it
/// counted and why (`docs/data-model.md#membership-over-time`).
#[derive(Debug, Clone, Serialize)]
pub struct MembershipUsed {
    pub former_members: FormerMembers,
    /// Countries in the table whose membership had ended by the month.
    pub former: Vec<Member>,
    /// Countries of the group left out of this month's table.
    pub excluded: Vec<Member>,
}

/// What a report counts: verified incidents of non-state perpetrators
/// unless told otherwise (`docs/data-model.md#perpetrator-kinds`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counting {
    pub include_drafts: bool,
    /// Count the incidents of state forces too.
    pub include_state_actors: bool,
}

impl Counting {
    pub fn actors(self) -> Actors {
        if self.include_state_actors { Actors::All } else { Actors::NonState }
    }

    pub fn status(self) -> Option<vigie_domain::Status> {
        (!self.include_drafts).then_some(vigie_domain::Status::Verified)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MonthlyReport {
    pub region: String,
    pub month: Month,
    pub previous_month: Month,
    pub countries: Vec<CountryRow>,
    pub total: Totals,
    pub by_target: Vec<Breakdown>,
    pub by_method: Vec<Breakdown>,
    pub by_perpetrator: Vec<Breakdown>,
    pub unknown_casualties: UnknownCasualties,
    pub include_drafts: bool,
    /// Whether the incidents of state forces are counted.
    pub include_state_actors: bool,
    /// Incidents of the month attributed to state forces, left out of the
    /// figures (0 when they are counted).
    pub state_actors_left_out: u64,
    pub membership: MembershipUsed,
    /// The previous month's figures as an issue published them, when they
    /// differ from today's (the table shows today's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_published: Option<PreviousPublished>,
    /// The incidents behind every cell (`--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
    /// The region's names, for renderers.
    #[serde(skip)]
    pub region_group: RegionGroup,
    /// Names of the perpetrator groups of `by_perpetrator`, for renderers.
    #[serde(skip)]
    pub perpetrator_names: BTreeMap<String, Names>,
}

impl MonthlyReport {
    /// Whether a cell of the report has a low–high range.
    pub fn has_ranges(&self) -> bool {
        !self.total.victims_range.is_empty()
    }
}

/// The previous month's totals as an issue published them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreviousPublished {
    /// The issue (or revision) that published them.
    pub issue: String,
    pub operations: u64,
    pub victims: u64,
}

/// The previous month's published figures when a country's or the
/// total's differ from `countries` and `total` (their `previous` side).
fn previous_published(
    store: &dyn Store,
    region: &RegionGroup,
    previous_month: Month,
    countries: &[CountryRow],
    total: &Totals,
) -> Result<Option<PreviousPublished>, StoreError> {
    use crate::revisions::{Measure, Table, cells, published_report};
    let Some((label, published)) = published_report(store, &region.id, previous_month)? else {
        return Ok(None);
    };
    let published = cells(&published);
    let value = |table: Table, key: &str, measure: Measure| {
        published.iter().find(|(c, _)| c.table == table && c.key == key && c.measure == measure).map_or(0, |(_, v)| *v)
    };
    let differs = countries.iter().any(|row| {
        value(Table::Countries, row.country.as_str(), Measure::Operations) != row.operations.previous
            || value(Table::Countries, row.country.as_str(), Measure::Victims) != row.victims.previous
    }) || value(Table::Total, "", Measure::Operations) != total.operations.previous
        || value(Table::Total, "", Measure::Victims) != total.victims.previous;
    Ok(differs.then(|| PreviousPublished {
        issue: label.to_string(),
        operations: value(Table::Total, "", Measure::Operations),
        victims: value(Table::Total, "", Measure::Victims),
    }))
}

/// Builds the report of `region` for `month` from the store.
pub fn monthly(
    store: &dyn Store,
    groups: &GroupRegister,
    region: &RegionGroup,
    month: Month,
    counting: Counting,
) -> Result<MonthlyReport, StoreError> {
    let membership = region.membership(month);
    let previous_month = month.previous();
    let query_of = |period: Month, by: Dimension, actors: Actors| -> Result<Vec<AggregateRow>, StoreError> {
        store.aggregate(&Aggregate {
            from: period.first_day(),
            to: period.last_day(),
            countries: membership.countries.clone(),
            include_drafts: counting.include_drafts,
            by,
            actors,
        })
    };
    let query = |period: Month, by: Dimension| query_of(period, by, counting.actors());
    let previous = query(previous_month, Dimension::Country)?;
    let current = query(month, Dimension::Country)?;
    let state_actors_left_out = if counting.include_state_actors {
        0
    } else {
        query_of(month, Dimension::Country, Actors::StateForces)?.iter().map(|r| r.operations).sum()
    };
    let find = |rows: &[AggregateRow], country: CountryCode| -> (u64, u64, Option<Range>) {
        rows.iter()
            .find(|row| row.key == country.as_str())
            .map_or((0, 0, None), |row| (row.operations, row.victims, Range::of_row(row)))
    };
    let countries: Vec<CountryRow> = membership
        .countries
        .iter()
        .map(|&country| {
            let (previous_operations, previous_victims, previous_range) = find(&previous, country);
            let (operations, victims, range) = find(&current, country);
            CountryRow {
                country,
                operations: Change::new(previous_operations, operations),
                victims: Change::new(previous_victims, victims),
                victims_range: RangeChange { previous: previous_range, current: range },
            }
        })
        .collect();
    let sum = |rows: &[AggregateRow], field: fn(&AggregateRow) -> u64| rows.iter().map(field).sum::<u64>();
    let range_of = |rows: &[AggregateRow]| {
        Range::of(sum(rows, |r| r.victims), sum(rows, |r| r.victims_low), sum(rows, |r| r.victims_high))
    };
    let total = Totals {
        operations: Change::new(sum(&previous, |r| r.operations), sum(&current, |r| r.operations)),
        victims: Change::new(sum(&previous, |r| r.victims), sum(&current, |r| r.victims)),
        victims_range: RangeChange { previous: range_of(&previous), current: range_of(&current) },
    };
    let unknown_casualties = UnknownCasualties {
        previous: sum(&previous, |r| r.unknown_casualties),
        current: sum(&current, |r| r.unknown_casualties),
    };
    let previous_published = previous_published(store, region, previous_month, &countries, &total)?;
    let by_perpetrator = breakdown(query(month, Dimension::Perpetrator)?);
    let perpetrator_names = by_perpetrator
        .iter()
        .map(|row| {
            let names = groups.get(&row.key).map(|g| g.name.clone()).unwrap_or_else(|| Names {
                fr: row.key.clone(),
                en: row.key.clone(),
                ar: row.key.clone(),
            });
            (row.key.clone(), names)
        })
        .collect();
    Ok(MonthlyReport {
        region: region.id.clone(),
        month,
        previous_month,
        countries,
        total,
        by_target: breakdown(query(month, Dimension::Target)?),
        by_method: breakdown(query(month, Dimension::Method)?),
        by_perpetrator,
        unknown_casualties,
        include_drafts: counting.include_drafts,
        include_state_actors: counting.include_state_actors,
        state_actors_left_out,
        membership: MembershipUsed {
            former_members: membership.former_members,
            former: membership.former,
            excluded: membership.excluded,
        },
        previous_published,
        explanation: None,
        region_group: region.clone(),
        perpetrator_names,
    })
}

/// One incident a monthly report counted: what makes its cells
/// (`--explain`, and the snapshot a published issue keeps).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Counted {
    pub id: String,
    pub date: String,
    pub country: String,
    pub admin1: String,
    pub location: String,
    pub perpetrator: String,
    pub target: String,
    pub method: String,
    pub killed: Option<u32>,
    /// The killed's low and high estimates, when given (absent from the
    /// snapshots of issues published before ranges existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed_low: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed_high: Option<u32>,
    pub wounded: Option<u32>,
    pub kidnapped: Option<u32>,
    pub sources: String,
}

impl Counted {
    fn of(incident: &vigie_domain::Incident) -> Counted {
        Counted {
            id: incident.id.clone(),
            date: incident.date.to_string(),
            country: incident.country.to_string(),
            admin1: incident.admin1.clone(),
            location: incident.location.clone(),
            perpetrator: incident.perpetrator.clone(),
            target: incident.target.code().to_string(),
            method: incident.method.code().to_string(),
            killed: incident.killed,
            killed_low: incident.killed_low,
            killed_high: incident.killed_high,
            wounded: incident.wounded,
            kidnapped: incident.kidnapped,
            sources: incident.sources.clone(),
        }
    }

    /// The killed's low–high range, when it differs from the best estimate.
    pub fn killed_range(&self) -> Option<Range> {
        let best = u64::from(self.killed?);
        let bound = |bound: Option<u32>| bound.map_or(best, u64::from);
        Range::of(best, bound(self.killed_low), bound(self.killed_high))
    }

    /// Killed + wounded, unknown figures counting as 0 (the report's rule).
    pub fn victims(&self) -> u64 {
        crate::revisions::Figures::of(self).victims()
    }

    /// The key of this incident in a breakdown or the country table.
    pub fn key(&self, by: Dimension) -> &str {
        match by {
            Dimension::Country => &self.country,
            Dimension::Target => &self.target,
            Dimension::Method => &self.method,
            Dimension::Perpetrator => &self.perpetrator,
        }
    }
}

/// The incidents the report of `region` for `month` counts, by date then
/// id: their sum per cell is the cell.
pub fn counted(
    store: &dyn Store,
    region: &RegionGroup,
    month: Month,
    counting: Counting,
) -> Result<Vec<Counted>, StoreError> {
    counted_in(store, &region.membership(month).countries, month, counting)
}

/// The incidents `counting` counts in `countries` in `month`.
fn counted_in(
    store: &dyn Store,
    countries: &[CountryCode],
    month: Month,
    counting: Counting,
) -> Result<Vec<Counted>, StoreError> {
    if countries.is_empty() {
        return Ok(Vec::new());
    }
    let filter = IncidentFilter {
        countries: countries.to_vec(),
        from: Some(month.first_day()),
        to: Some(month.last_day()),
        status: counting.status(),
        actors: counting.actors(),
        ..IncidentFilter::default()
    };
    let mut counted = Vec::new();
    store.incidents(&filter, &mut |incident| {
        counted.push(Counted::of(&incident));
        Ok(())
    })?;
    Ok(counted)
}

/// The incidents of one cell of the table's two months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthsIds {
    pub previous: Vec<String>,
    pub current: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountryIds {
    pub country: CountryCode,
    pub incident_ids: MonthsIds,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BreakdownIds {
    pub key: String,
    pub incident_ids: Vec<String>,
}

/// What makes each cell of a report: the incidents counted, and their ids
/// per row (operations are their number, victims the sum of their killed
/// and wounded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The previous month's incidents counted, by date then id.
    pub previous: Vec<Counted>,
    /// The month's.
    pub current: Vec<Counted>,
    pub countries: Vec<CountryIds>,
    pub total: MonthsIds,
    pub by_target: Vec<BreakdownIds>,
    pub by_method: Vec<BreakdownIds>,
    pub by_perpetrator: Vec<BreakdownIds>,
}

impl Explanation {
    /// The incidents of a report's month and the previous, as `counting`
    /// counts them, sorted into the report's rows.
    pub fn of(
        store: &dyn Store,
        region: &RegionGroup,
        report: &MonthlyReport,
        counting: Counting,
    ) -> Result<Explanation, StoreError> {
        // the previous month counts over this month's membership, as the table does
        let previous = counted_in(store, &region.membership(report.month).countries, report.previous_month, counting)?;
        let current = counted(store, region, report.month, counting)?;
        let ids = |list: &[Counted], by: Dimension, key: &str| -> Vec<String> {
            list.iter().filter(|i| i.key(by) == key).map(|i| i.id.clone()).collect()
        };
        let all = |list: &[Counted]| list.iter().map(|i| i.id.clone()).collect();
        let rows = |rows: &[Breakdown], by: Dimension| -> Vec<BreakdownIds> {
            rows.iter()
                .map(|row| BreakdownIds { key: row.key.clone(), incident_ids: ids(&current, by, &row.key) })
                .collect()
        };
        Ok(Explanation {
            countries: report
                .countries
                .iter()
                .map(|row| CountryIds {
                    country: row.country,
                    incident_ids: MonthsIds {
                        previous: ids(&previous, Dimension::Country, row.country.as_str()),
                        current: ids(&current, Dimension::Country, row.country.as_str()),
                    },
                })
                .collect(),
            total: MonthsIds { previous: all(&previous), current: all(&current) },
            by_target: rows(&report.by_target, Dimension::Target),
            by_method: rows(&report.by_method, Dimension::Method),
            by_perpetrator: rows(&report.by_perpetrator, Dimension::Perpetrator),
            previous,
            current,
        })
    }
}

/// Sorted by operations, then victims (both descending), then key; rows with
/// no operation are left out.
fn breakdown(rows: Vec<AggregateRow>) -> Vec<Breakdown> {
    let mut rows: Vec<Breakdown> = rows
        .into_iter()
        .filter(|row| row.operations > 0)
        .map(|row| Breakdown {
            victims_range: Range::of_row(&row),
            key: row.key,
            operations: row.operations,
            victims: row.victims,
        })
        .collect();
    rows.sort_by(|a, b| b.operations.cmp(&a.operations).then(b.victims.cmp(&a.victims)).then(a.key.cmp(&b.key)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(key: &str, operations: u64, victims: u64) -> AggregateRow {
        AggregateRow {
            key: key.into(),
            operations,
            victims,
            victims_low: victims,
            victims_high: victims,
            unknown_casualties: 0,
        }
    }

    #[test]
    fn breakdown_order_is_operations_victims_key() {
        let sorted = breakdown(vec![
            row("civilians", 1, 50),
            row("military", 3, 10),
            row("security", 3, 40),
            row("business", 1, 50),
            row("other", 0, 0),
        ]);
        let keys: Vec<_> = sorted.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, ["security", "military", "business", "civilians"]);
    }
}
