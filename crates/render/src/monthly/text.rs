//! The monthly report as plain text for a terminal: title, sentence, table,
//! breakdowns, notes. Arabic lines carry a right-to-left mark so that
//! bidi-aware terminals and editors lay them out from the right.

use vigie_report::MonthlyReport;

use super::{breakdowns, explanation_lines, notes, summary, table, title};
use crate::Labels;
use crate::table::layout;

/// U+200F RIGHT-TO-LEFT MARK.
const RLM: char = '\u{200F}';

pub fn text(report: &MonthlyReport, labels: &Labels) -> String {
    let mut lines = vec![title(report, labels), String::new(), summary(report, labels), String::new()];
    lines.extend(layout(&table(report, labels), 1));
    for breakdown in breakdowns(report, labels) {
        lines.push(String::new());
        lines.push(breakdown.title);
        if breakdown.rows.is_empty() {
            lines.push(format!("  {}", labels.text("report-no-operations")));
            continue;
        }
        let mut rows = vec![vec![
            String::new(),
            labels.text("report-col-operations-short"),
            labels.text("report-col-victims-short"),
        ]];
        rows.extend(breakdown.rows.into_iter().map(|(label, operations, victims)| vec![label, operations, victims]));
        lines.extend(layout(&rows, 0).into_iter().map(|line| format!("  {line}")));
    }
    lines.push(String::new());
    lines.extend(notes(report, labels));
    let explained = explanation_lines(report, labels);
    if !explained.is_empty() {
        lines.push(String::new());
        lines.extend(explained);
    }
    let mut out = String::new();
    for line in lines {
        if labels.lang.is_rtl() && !line.is_empty() {
            out.push(RLM);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}
