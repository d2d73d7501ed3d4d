//! Revisions of published figures (`vigie report revisions`): for every
//! month a published issue printed, and each region of it, the cells of the
//! monthly table whose current value differs from the one published, with
//! the incidents responsible (`docs/data-model.md#revised-figures`).
//!
//! The published side is what the issue kept (`bulletin_report`): the
//! monthly report's JSON and the incidents it counted. A cell is a figure
//! of the month: a country's or the total's operations or victims, or a
//! breakdown row's (target, method, perpetrator).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;
use vigie_domain::publication::IssueLabel;
use vigie_domain::region::RegionGroup;
use vigie_domain::{GroupRegister, Month, Regions};
use vigie_store::{BulletinIssue, BulletinReport, Dimension, Store, StoreError};

use crate::monthly::{Counted, Counting, MonthlyReport, counted, monthly};

/// The two figures of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Operations,
    Victims,
}

/// Which table a cell is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    /// The country table (key: the country code).
    Countries,
    /// The total row (no key).
    Total,
    ByTarget,
    ByMethod,
    ByPerpetrator,
}

impl Table {
    fn dimension(self) -> Option<Dimension> {
        match self {
            Table::Countries => Some(Dimension::Country),
            Table::Total => None,
            Table::ByTarget => Some(Dimension::Target),
            Table::ByMethod => Some(Dimension::Method),
            Table::ByPerpetrator => Some(Dimension::Perpetrator),
        }
    }
}

/// One cell of a month's table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Cell {
    pub table: Table,
    /// A country code, a target or method code, a group id; empty for the
    /// total.
    pub key: String,
    pub measure: Measure,
}

/// How an incident moved a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// Counted now, not when published (new, verified since, moved in).
    Added,
    /// Counted when published, not now (rejected, merged, moved out,
    /// its perpetrator now state forces).
    Removed,
    /// Counted in both, with other casualty figures.
    Changed,
}

/// An incident responsible for a cell's change, with its figures then and
/// now (`None`: not counted in the cell then, or now).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Responsible {
    pub id: String,
    pub movement: Movement,
    pub published: Option<Figures>,
    pub current: Option<Figures>,
}

/// An incident's casualty figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub killed: Option<u32>,
    pub wounded: Option<u32>,
}

impl Figures {
    pub(crate) fn of(incident: &Counted) -> Figures {
        Figures { killed: incident.killed, wounded: incident.wounded }
    }

    /// Killed + wounded, an unknown figure counting as 0 (the report's rule).
    pub fn victims(self) -> u64 {
        u64::from(self.killed.unwrap_or(0)) + u64::from(self.wounded.unwrap_or(0))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevisedCell {
    pub cell: Cell,
    pub published: u64,
    pub current: u64,
    pub incidents: Vec<Responsible>,
}

/// One month and region whose figures changed since they were published.
#[derive(Debug, Clone, Serialize)]
pub struct RevisedMonth {
    pub month: Month,
    pub region: String,
    /// The issue (or revision) whose figures are compared.
    pub issue: String,
    pub published_at: Option<jiff::Timestamp>,
    pub cells: Vec<RevisedCell>,
    /// The region's names, for renderers.
    #[serde(skip)]
    pub region_group: Option<RegionGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RevisionsReport {
    /// The first month looked at (`--since`), if any.
    pub since: Option<Month>,
    /// The published months looked at, latest first.
    pub months_checked: Vec<Month>,
    /// Those whose figures changed, latest first, then by region.
    pub revised: Vec<RevisedMonth>,
}

/// The cells of a monthly report's JSON (the published one, or the current
/// one serialised the same way).
pub fn cells(report: &Value) -> BTreeMap<Cell, u64> {
    let mut cells = BTreeMap::new();
    let number = |value: &Value| value.as_u64().unwrap_or(0);
    let cell = |table, key: &str, measure| Cell { table, key: key.to_string(), measure };
    for row in report["countries"].as_array().into_iter().flatten() {
        let key = row["country"].as_str().unwrap_or_default();
        cells.insert(cell(Table::Countries, key, Measure::Operations), number(&row["operations"]["current"]));
        cells.insert(cell(Table::Countries, key, Measure::Victims), number(&row["victims"]["current"]));
    }
    cells.insert(cell(Table::Total, "", Measure::Operations), number(&report["total"]["operations"]["current"]));
    cells.insert(cell(Table::Total, "", Measure::Victims), number(&report["total"]["victims"]["current"]));
    for (name, table) in
        [("by_target", Table::ByTarget), ("by_method", Table::ByMethod), ("by_perpetrator", Table::ByPerpetrator)]
    {
        for row in report[name].as_array().into_iter().flatten() {
            let key = row["key"].as_str().unwrap_or_default();
            cells.insert(cell(table, key, Measure::Operations), number(&row["operations"]));
            cells.insert(cell(table, key, Measure::Victims), number(&row["victims"]));
        }
    }
    cells
}

/// Whether an incident counts in a cell's table and key.
fn in_cell(incident: &Counted, cell: &Cell) -> bool {
    cell.table.dimension().is_none_or(|by| incident.key(by) == cell.key)
}

/// The incidents that make the difference between the published and the
/// current value of `cell`.
fn responsible(cell: &Cell, published: &[Counted], current: &[Counted]) -> Vec<Responsible> {
    let then: BTreeMap<&str, &Counted> =
        published.iter().filter(|i| in_cell(i, cell)).map(|i| (i.id.as_str(), i)).collect();
    let now: BTreeMap<&str, &Counted> =
        current.iter().filter(|i| in_cell(i, cell)).map(|i| (i.id.as_str(), i)).collect();
    let ids: BTreeSet<&str> = then.keys().chain(now.keys()).copied().collect();
    ids.into_iter()
        .filter_map(|id| {
            let (before, after) = (then.get(id), now.get(id));
            let movement = match (before, after) {
                (Some(_), None) => Movement::Removed,
                (None, Some(_)) => Movement::Added,
                (Some(b), Some(a)) if cell.measure == Measure::Victims && b.victims() != a.victims() => {
                    Movement::Changed
                }
                _ => return None,
            };
            Some(Responsible {
                id: id.to_string(),
                movement,
                published: before.map(|i| Figures::of(i)),
                current: after.map(|i| Figures::of(i)),
            })
        })
        .collect()
}

/// The latest published revision of each month, from `since` on, latest
/// month first.
fn published_months(issues: &[BulletinIssue], since: Option<Month>) -> Vec<(Month, &BulletinIssue)> {
    let mut latest: BTreeMap<Month, &BulletinIssue> = BTreeMap::new();
    for issue in issues.iter().filter(|i| i.published) {
        let Some(month) = Month::parse(&issue.month) else { continue };
        if since.is_some_and(|since| month < since) {
            continue;
        }
        let newer = |known: &&BulletinIssue| (issue.published_at, issue.label()) > (known.published_at, known.label());
        if latest.get(&month).is_none_or(newer) {
            latest.insert(month, issue);
        }
    }
    latest.into_iter().rev().collect()
}

/// The cells of `current` (a report of a published month) that differ from
/// those `issue` published, with the incidents responsible; `None` when
/// none does, or when the issue did not print this region.
fn compare(
    store: &dyn Store,
    region: &RegionGroup,
    issue: &BulletinIssue,
    kept: &[BulletinReport],
    current: &MonthlyReport,
) -> Result<Option<RevisedMonth>, StoreError> {
    let label = issue.label();
    let kept_json = |kind: &str| kept.iter().find(|r| r.kind == kind && r.key == region.id).map(|r| r.json.as_str());
    let Some(report) = kept_json("monthly") else {
        return Ok(None);
    };
    let published: Value = serde_json::from_str(report)
        .map_err(|e| StoreError::Corrupt(format!("issue {label}: monthly report {}: {e}", region.id)))?;
    let published_incidents: Vec<Counted> =
        kept_json("monthly_incidents").and_then(|json| serde_json::from_str(json).ok()).unwrap_or_default();
    let (before, after) = (cells(&published), cells(&serde_json::to_value(current).unwrap_or_default()));
    let keys: BTreeSet<&Cell> = before.keys().chain(after.keys()).collect();
    let changed: Vec<(&Cell, u64, u64)> = keys
        .into_iter()
        .map(|cell| (cell, before.get(cell).copied().unwrap_or(0), after.get(cell).copied().unwrap_or(0)))
        .filter(|(_, published, current)| published != current)
        .collect();
    if changed.is_empty() {
        return Ok(None);
    }
    // the incidents are read only for a month that changed
    let current_incidents = counted(store, region, current.month, Counting::default())?;
    let cells = changed
        .into_iter()
        .map(|(cell, published, current)| RevisedCell {
            cell: cell.clone(),
            published,
            current,
            incidents: responsible(cell, &published_incidents, &current_incidents),
        })
        .collect();
    Ok(Some(RevisedMonth {
        month: current.month,
        region: region.id.clone(),
        issue: label.to_string(),
        published_at: issue.published_at,
        cells,
        region_group: Some(region.clone()),
    }))
}

/// Every cell of every published month (from `since` on) whose value
/// changed since its publication.
pub fn revisions(
    store: &dyn Store,
    groups: &GroupRegister,
    regions: &Regions,
    since: Option<Month>,
) -> Result<RevisionsReport, StoreError> {
    let issues = store.bulletins()?;
    let months = published_months(&issues, since);
    let mut revised = Vec::new();
    for (month, issue) in &months {
        let kept = store.bulletin_reports(issue.label())?;
        for report in kept.iter().filter(|r| r.kind == "monthly") {
            let Some(region) = regions.get(&report.key) else { continue };
            let current = monthly(store, groups, region, *month, Counting::default())?;
            revised.extend(compare(store, region, issue, &kept, &current)?);
        }
    }
    Ok(RevisionsReport { since, months_checked: months.iter().map(|(m, _)| *m).collect(), revised })
}

/// The latest published revision of an issue of `month`, if any.
fn latest_published(store: &dyn Store, month: Month) -> Result<Option<BulletinIssue>, StoreError> {
    let issues = store.bulletins()?;
    Ok(published_months(&issues, Some(month)).into_iter().find(|(m, _)| *m == month).map(|(_, i)| i.clone()))
}

/// How `current`, a report just computed, differs from the figures an
/// issue published for its month and region (the dashboard's mark).
pub fn revised_month(
    store: &dyn Store,
    region: &RegionGroup,
    current: &MonthlyReport,
) -> Result<Option<RevisedMonth>, StoreError> {
    let Some(issue) = latest_published(store, current.month)? else {
        return Ok(None);
    };
    let kept = store.bulletin_reports(issue.label())?;
    compare(store, region, &issue, &kept, current)
}

/// The published figures of `region` for `month`, if an issue printed
/// them: the report JSON the latest revision kept, and which it is.
pub fn published_report(
    store: &dyn Store,
    region: &str,
    month: Month,
) -> Result<Option<(IssueLabel, Value)>, StoreError> {
    let Some(issue) = latest_published(store, month)? else {
        return Ok(None);
    };
    let label = issue.label();
    let kept = store.bulletin_reports(label)?;
    Ok(kept
        .iter()
        .find(|r| r.kind == "monthly" && r.key == region)
        .and_then(|r| serde_json::from_str(&r.json).ok())
        .map(|json| (label, json)))
}
