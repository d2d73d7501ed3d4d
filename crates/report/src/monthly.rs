//! The monthly regional report (`docs/data-model.md#the-monthly-report`):
//! per-country operations and victims this month against last month,
//! totals, and three breakdowns.

use std::collections::BTreeMap;

use serde::Serialize;
use vigie_domain::region::{FormerMembers, Member, RegionGroup};
use vigie_domain::{Change, CountryCode, GroupRegister, Month, Names};
use vigie_store::{Aggregate, AggregateRow, Dimension, Store, StoreError};

#[derive(Debug, Clone, Serialize)]
pub struct CountryRow {
    pub country: CountryCode,
    pub operations: Change,
    pub victims: Change,
}

#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    pub operations: Change,
    pub victims: Change,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    pub key: String,
    pub operations: u64,
    pub victims: u64,
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
    pub membership: MembershipUsed,
    /// The region's names, for renderers.
    #[serde(skip)]
    pub region_group: RegionGroup,
    /// Names of the perpetrator groups of `by_perpetrator`, for renderers.
    #[serde(skip)]
    pub perpetrator_names: BTreeMap<String, Names>,
}

/// Builds the report of `region` for `month` from the store.
pub fn monthly(
    store: &dyn Store,
    groups: &GroupRegister,
    region: &RegionGroup,
    month: Month,
    include_drafts: bool,
) -> Result<MonthlyReport, StoreError> {
    let membership = region.membership(month);
    let previous_month = month.previous();
    let query = |period: Month, by: Dimension| -> Result<Vec<AggregateRow>, StoreError> {
        store.aggregate(&Aggregate {
            from: period.first_day(),
            to: period.last_day(),
            countries: membership.countries.clone(),
            include_drafts,
            by,
        })
    };
    let previous = query(previous_month, Dimension::Country)?;
    let current = query(month, Dimension::Country)?;
    let find = |rows: &[AggregateRow], country: CountryCode| -> (u64, u64) {
        rows.iter().find(|row| row.key == country.as_str()).map_or((0, 0), |row| (row.operations, row.victims))
    };
    let countries: Vec<CountryRow> = membership
        .countries
        .iter()
        .map(|&country| {
            let (previous_operations, previous_victims) = find(&previous, country);
            let (operations, victims) = find(&current, country);
            CountryRow {
                country,
                operations: Change::new(previous_operations, operations),
                victims: Change::new(previous_victims, victims),
            }
        })
        .collect();
    let sum = |rows: &[AggregateRow], field: fn(&AggregateRow) -> u64| rows.iter().map(field).sum::<u64>();
    let total = Totals {
        operations: Change::new(sum(&previous, |r| r.operations), sum(&current, |r| r.operations)),
        victims: Change::new(sum(&previous, |r| r.victims), sum(&current, |r| r.victims)),
    };
    let unknown_casualties = UnknownCasualties {
        previous: sum(&previous, |r| r.unknown_casualties),
        current: sum(&current, |r| r.unknown_casualties),
    };
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
        include_drafts,
        membership: MembershipUsed {
            former_members: membership.former_members,
            former: membership.former,
            excluded: membership.excluded,
        },
        region_group: region.clone(),
        perpetrator_names,
    })
}

/// Sorted by operations, then victims (both descending), then key; rows with
/// no operation are left out.
fn breakdown(rows: Vec<AggregateRow>) -> Vec<Breakdown> {
    let mut rows: Vec<Breakdown> = rows
        .into_iter()
        .filter(|row| row.operations > 0)
        .map(|row| Breakdown { key: row.key, operations: row.operations, victims: row.victims })
        .collect();
    rows.sort_by(|a, b| b.operations.cmp(&a.operations).then(b.victims.cmp(&a.victims)).then(a.key.cmp(&b.key)));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(key: &str, operations: u64, victims: u64) -> AggregateRow {
        AggregateRow { key: key.into(), operations, victims, unknown_casualties: 0 }
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
