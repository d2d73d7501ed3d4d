//! Revisions of published figures (`vigie report revisions`) as text,
//! Markdown and JSON, and the lines of the bulletin's "revised figures"
//! box, in the reader's language.

use vigie_domain::{CountryCode, GroupRegister};
use vigie_i18n::Value;
use vigie_report::revisions::{Measure, Movement, Responsible, RevisedCell, RevisedMonth, RevisionsReport, Table};

use crate::Labels;
use crate::table::layout;

/// One changed cell, said in a language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisedLine {
    /// "Burkina Faso: victims".
    pub figure: String,
    pub published: String,
    pub current: String,
    /// "demo-bf-2023-12-01 (61 → 66 victims)", …
    pub incidents: String,
}

/// "December 2023, G5 Sahel (issue 58)".
pub fn heading(month: &RevisedMonth, labels: &Labels) -> String {
    let region = month.region_group.as_ref().map_or_else(|| month.region.clone(), |r| r.name(labels.lang).to_string());
    labels.text_with(
        "revisions-month",
        &[
            ("month", Value::from(labels.month(month.month))),
            ("region", Value::from(region)),
            ("issue", Value::from(month.issue.clone())),
        ],
    )
}

/// What a cell is: its row's name and its measure.
pub fn figure(cell: &RevisedCell, labels: &Labels, groups: &GroupRegister) -> String {
    let key = &cell.cell.key;
    let row = match cell.cell.table {
        Table::Countries => CountryCode::new(key).map_or_else(|| key.clone(), |code| labels.country(code)),
        Table::Total => labels.text("report-total"),
        Table::ByTarget => labels.code("target", key),
        Table::ByMethod => labels.code("method", key),
        Table::ByPerpetrator => groups.name(key, labels.lang),
    };
    let id = match cell.cell.measure {
        Measure::Operations => "revisions-operations",
        Measure::Victims => "revisions-victims",
    };
    labels.text_with(id, &[("row", Value::from(row))])
}

fn victims(figures: Option<vigie_report::revisions::Figures>) -> u64 {
    figures.map_or(0, vigie_report::revisions::Figures::victims)
}

/// "demo-bf-2023-12-01 (61 → 66 victims)", "x (added)", "y (left out)".
fn incident(responsible: &Responsible, labels: &Labels) -> String {
    let how = match responsible.movement {
        Movement::Added => labels.text("revisions-added"),
        Movement::Removed => labels.text("revisions-removed"),
        Movement::Changed => labels.text_with(
            "revisions-changed",
            &[
                ("before", Value::from(labels.number(victims(responsible.published)))),
                ("after", Value::from(labels.number(victims(responsible.current)))),
            ],
        ),
    };
    format!("{} ({how})", responsible.id)
}

pub fn lines(month: &RevisedMonth, labels: &Labels, groups: &GroupRegister) -> Vec<RevisedLine> {
    month
        .cells
        .iter()
        .map(|cell| RevisedLine {
            figure: figure(cell, labels, groups),
            published: labels.number(cell.published),
            current: labels.number(cell.current),
            incidents: vigie_i18n::join_list(labels.lang, cell.incidents.iter().map(|i| incident(i, labels))),
        })
        .collect()
}

fn empty_line(report: &RevisionsReport, labels: &Labels) -> String {
    if report.months_checked.is_empty() {
        labels.text("revisions-nothing-published")
    } else {
        labels.text_with("revisions-none", &[("months", Value::from(report.months_checked.len() as u64))])
    }
}

pub fn text(report: &RevisionsReport, labels: &Labels, groups: &GroupRegister) -> String {
    let mut out = format!("{}\n", labels.text("revisions-title"));
    if report.revised.is_empty() {
        out.push_str(&format!("{}\n", empty_line(report, labels)));
        return out;
    }
    for month in &report.revised {
        out.push_str(&format!("\n{}\n", heading(month, labels)));
        let mut rows = vec![vec![
            labels.text("revisions-col-figure"),
            labels.text("revisions-col-published"),
            labels.text("revisions-col-current"),
            labels.text("revisions-col-incidents"),
        ]];
        for line in lines(month, labels, groups) {
            rows.push(vec![line.figure, line.published, line.current, line.incidents]);
        }
        for line in layout(&rows, 0) {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

pub fn markdown(report: &RevisionsReport, labels: &Labels, groups: &GroupRegister) -> String {
    let mut out = format!("# {}\n", labels.text("revisions-title"));
    if report.revised.is_empty() {
        out.push_str(&format!("\n{}\n", empty_line(report, labels)));
        return out;
    }
    let cell = |text: &str| text.replace('|', "\\|");
    for month in &report.revised {
        out.push_str(&format!("\n## {}\n\n", heading(month, labels)));
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n|---|--:|--:|---|\n",
            labels.text("revisions-col-figure"),
            labels.text("revisions-col-published"),
            labels.text("revisions-col-current"),
            labels.text("revisions-col-incidents"),
        ));
        for line in lines(month, labels, groups) {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                cell(&line.figure),
                line.published,
                line.current,
                cell(&line.incidents)
            ));
        }
    }
    out
}

pub fn json(report: &RevisionsReport) -> String {
    let mut text = serde_json::to_string_pretty(report).expect("a report always serialises");
    text.push('\n');
    text
}
