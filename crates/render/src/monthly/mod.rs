//! Renderings of the monthly regional report. The parts every rendering
//! shares (sentence, table cells, breakdown rows, notes) are built here once.

mod csv;
mod explain;
mod markdown;
mod text;

pub use csv::csv;
pub use explain::explanation_lines;
pub use markdown::markdown;
pub use text::text;

use vigie_domain::Change;
use vigie_domain::Trend;
use vigie_domain::region::Member;
use vigie_i18n::{Value, capitalize};
use vigie_report::{Breakdown, MonthlyReport, Range, RangeChange};

use crate::Labels;

/// The report as JSON (`docs/data-model.md#the-monthly-report`).
pub fn json(report: &MonthlyReport) -> String {
    let mut text = serde_json::to_string_pretty(report).expect("a report always serialises");
    text.push('\n');
    text
}

/// The selector of the summary sentence for one figure.
fn selector(change: &Change) -> &'static str {
    match (change.previous, change.current, change.trend) {
        (0, 0, _) => "none",
        (0, _, _) => "new",
        (_, _, Trend::Up) => "up",
        (_, _, Trend::Down) => "down",
        (_, _, Trend::Same) => "same",
    }
}

/// "In December 2023, the G5 Sahel saw a rise in terrorist operations (17%)
/// and a fall …", in the report's language.
pub fn summary(report: &MonthlyReport, labels: &Labels) -> String {
    let pct = |change: &Change| labels.percent(change.change_pct.unwrap_or(0).abs());
    let sentence = labels.text_with(
        "report-summary",
        &[
            ("month", Value::from(labels.month(report.month))),
            ("previous", Value::from(labels.month(report.previous_month))),
            ("region", Value::from(labels.names(&report.region_group.phrase).to_string())),
            ("operations", Value::from(selector(&report.total.operations))),
            ("operations_pct", Value::from(pct(&report.total.operations))),
            ("victims", Value::from(selector(&report.total.victims))),
            ("victims_pct", Value::from(pct(&report.total.victims))),
        ],
    );
    capitalize(&sentence)
}

pub fn title(report: &MonthlyReport, labels: &Labels) -> String {
    capitalize(&labels.text_with(
        "report-title",
        &[
            ("region", Value::from(labels.names(&report.region_group.phrase).to_string())),
            ("month", Value::from(labels.month(report.month))),
        ],
    ))
}

/// `↑ 7`, `= 3`, `↓ 98 (90–120)`: this month's figure with its trend
/// (and its range, if any).
fn current_cell(change: &Change, range: Option<Range>, labels: &Labels) -> String {
    format!("{} {}", change.trend.arrow(), labels.victims(change.current, range))
}

/// The two header rows and the body rows of the country table.
pub fn table(report: &MonthlyReport, labels: &Labels) -> Vec<Vec<String>> {
    let previous = labels.month(report.previous_month);
    let current = labels.month(report.month);
    let mut rows = vec![
        vec![
            labels.text("report-col-country"),
            labels.text("report-col-operations"),
            String::new(),
            labels.text("report-col-victims"),
            String::new(),
        ],
        vec![String::new(), previous.clone(), current.clone(), previous, current],
    ];
    let mut push = |name: String, operations: &Change, victims: &Change, range: &RangeChange| {
        rows.push(vec![
            name,
            labels.number(operations.previous),
            current_cell(operations, None, labels),
            labels.victims(victims.previous, range.previous),
            current_cell(victims, range.current, labels),
        ]);
    };
    for row in &report.countries {
        push(labels.country(row.country), &row.operations, &row.victims, &row.victims_range);
    }
    let total = &report.total;
    push(labels.text("report-total"), &total.operations, &total.victims, &total.victims_range);
    rows
}

/// One breakdown: its title and its rows (label, operations, victims).
pub struct BreakdownTable {
    pub title: String,
    pub rows: Vec<(String, String, String)>,
}

pub fn breakdowns(report: &MonthlyReport, labels: &Labels) -> Vec<BreakdownTable> {
    let rows = |list: &[Breakdown], label: &dyn Fn(&str) -> String| {
        list.iter()
            .map(|b| (label(&b.key), labels.number(b.operations), labels.victims(b.victims, b.victims_range)))
            .collect::<Vec<_>>()
    };
    vec![
        BreakdownTable {
            title: labels.text("report-by-target"),
            rows: rows(&report.by_target, &|key| labels.code("target", key)),
        },
        BreakdownTable {
            title: labels.text("report-by-perpetrator"),
            rows: rows(&report.by_perpetrator, &|key| {
                report
                    .perpetrator_names
                    .get(key)
                    .map_or_else(|| key.to_string(), |names| labels.names(names).to_string())
            }),
        },
        BreakdownTable {
            title: labels.text("report-by-method"),
            rows: rows(&report.by_method, &|key| labels.code("method", key)),
        },
    ]
}

/// The notes under the table: what was counted, unknown figures, ranges,
/// membership.
pub fn notes(report: &MonthlyReport, labels: &Labels) -> Vec<String> {
    notes_of(report, labels, true)
}

/// The notes, saying what the figures in brackets are when `ranges` are
/// printed and the report has one.
pub fn notes_of(report: &MonthlyReport, labels: &Labels, ranges: bool) -> Vec<String> {
    let mut notes =
        vec![labels.text(if report.include_drafts { "report-drafts-included" } else { "report-verified-only" })];
    if ranges && report.has_ranges() {
        notes.push(labels.text("report-ranges-note"));
    }
    if report.include_state_actors {
        notes.push(labels.text("report-state-actors-included"));
    } else if report.state_actors_left_out > 0 {
        notes.push(
            labels.text_with("report-state-actors-left-out", &[("count", Value::from(report.state_actors_left_out))]),
        );
    }
    for (count, month) in
        [(report.unknown_casualties.current, report.month), (report.unknown_casualties.previous, report.previous_month)]
    {
        if count > 0 {
            notes.push(labels.text_with(
                "report-unknown-casualties",
                &[("count", Value::from(count)), ("month", Value::from(labels.month(month)))],
            ));
        }
    }
    if let Some(published) = &report.previous_published {
        notes.push(labels.text_with(
            "report-previous-revised",
            &[
                ("month", Value::from(labels.month(report.previous_month))),
                ("issue", Value::from(published.issue.clone())),
                ("operations", Value::from(labels.number(published.operations))),
                ("victims", Value::from(labels.number(published.victims))),
            ],
        ));
    }
    let member = |member: &Member| {
        let country = Value::from(labels.country(member.country));
        match (member.from, member.until) {
            (_, Some(until)) if member.from.is_none_or(|from| from <= report.month.last_day()) => labels
                .text_with("report-former-member", &[("country", country), ("until", Value::from(labels.date(until)))]),
            (Some(from), _) => labels
                .text_with("report-future-member", &[("country", country), ("from", Value::from(labels.date(from)))]),
            _ => labels.country(member.country),
        }
    };
    let list = |members: &[Member]| Value::from(vigie_i18n::join_and(labels.lang, members.iter().map(member)));
    if !report.membership.former.is_empty() {
        notes.push(labels.text_with("report-former-members", &[("members", list(&report.membership.former))]));
    }
    if !report.membership.excluded.is_empty() {
        notes.push(labels.text_with("report-excluded-members", &[("members", list(&report.membership.excluded))]));
    }
    notes
}
