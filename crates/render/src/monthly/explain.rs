//! The incidents behind each figure of a monthly report (`--explain`), as
//! text: per country and month, the incidents counted and their sum, which
//! is the table's cell; then the breakdowns' rows by incident id.

use vigie_i18n::Value;
use vigie_report::{Counted, Explanation, MonthlyReport};

use crate::Labels;
use crate::table::layout;

fn perpetrator(report: &MonthlyReport, labels: &Labels, id: &str) -> String {
    report.perpetrator_names.get(id).map_or_else(|| id.to_string(), |names| labels.names(names).to_string())
}

fn figure(value: Option<u32>) -> String {
    value.map_or_else(|| "?".to_string(), |n| n.to_string())
}

/// The lines of one cell: its heading with the sums, then its incidents.
fn cell(
    report: &MonthlyReport,
    labels: &Labels,
    row: &str,
    month: vigie_domain::Month,
    incidents: &[&Counted],
) -> Vec<String> {
    let victims: u64 = incidents.iter().map(|i| i.victims()).sum();
    let mut lines = vec![labels.text_with(
        "explain-row",
        &[
            ("row", Value::from(row.to_string())),
            ("month", Value::from(labels.month(month))),
            ("operations", Value::from(incidents.len() as u64)),
            ("victims", Value::from(victims)),
        ],
    )];
    if incidents.is_empty() {
        return lines;
    }
    let mut rows = vec![
        [
            "explain-col-id",
            "explain-col-date",
            "explain-col-place",
            "explain-col-perpetrator",
            "explain-col-killed",
            "explain-col-wounded",
            "explain-col-kidnapped",
            "explain-col-sources",
        ]
        .map(|id| labels.text(id))
        .to_vec(),
    ];
    for incident in incidents {
        let place = [incident.location.as_str(), incident.admin1.as_str()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        rows.push(vec![
            incident.id.clone(),
            incident.date.clone(),
            place,
            perpetrator(report, labels, &incident.perpetrator),
            incident
                .killed
                .map_or_else(|| "?".to_string(), |killed| labels.victims(u64::from(killed), incident.killed_range())),
            figure(incident.wounded),
            figure(incident.kidnapped),
            incident.sources.clone(),
        ]);
    }
    lines.extend(layout(&rows, 0).into_iter().map(|line| format!("  {}", line.trim_end())));
    lines
}

/// The explanation's lines, empty when the report has none.
pub fn explanation_lines(report: &MonthlyReport, labels: &Labels) -> Vec<String> {
    let Some(explanation) = &report.explanation else {
        return Vec::new();
    };
    let mut lines = vec![labels.text("explain-title")];
    let of = |list: &'_ [Counted], ids: &[String]| -> Vec<Counted> {
        ids.iter().filter_map(|id| list.iter().find(|i| &i.id == id)).cloned().collect()
    };
    for row in &explanation.countries {
        let name = labels.country(row.country);
        for (month, list, ids) in [
            (report.previous_month, &explanation.previous, &row.incident_ids.previous),
            (report.month, &explanation.current, &row.incident_ids.current),
        ] {
            let incidents = of(list, ids);
            lines.push(String::new());
            lines.extend(cell(report, labels, &name, month, &incidents.iter().collect::<Vec<_>>()));
        }
    }
    lines.push(String::new());
    lines.extend(breakdown_lines(report, explanation, labels));
    lines
}

fn breakdown_lines(report: &MonthlyReport, explanation: &Explanation, labels: &Labels) -> Vec<String> {
    let mut lines = Vec::new();
    let tables = [
        ("report-by-target", &explanation.by_target, "target"),
        ("report-by-perpetrator", &explanation.by_perpetrator, ""),
        ("report-by-method", &explanation.by_method, "method"),
    ];
    for (title, rows, prefix) in tables {
        lines.push(labels.text(title));
        for row in rows.iter() {
            let name =
                if prefix.is_empty() { perpetrator(report, labels, &row.key) } else { labels.code(prefix, &row.key) };
            lines.push(format!("  {name}: {}", row.incident_ids.join(", ")));
        }
    }
    lines
}
