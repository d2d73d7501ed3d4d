//! The monthly report as Markdown (GitHub tables); the Arabic edition is
//! wrapped in a right-to-left block.

use vigie_report::MonthlyReport;

use super::{breakdowns, notes, summary, table, title};
use crate::Labels;

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn markdown_table(header: &[String], rows: &[Vec<String>]) -> Vec<String> {
    let mut lines = vec![
        format!("| {} |", header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")),
        format!(
            "|{}",
            header.iter().enumerate().map(|(i, _)| if i == 0 { "---|" } else { "---:|" }).collect::<String>()
        ),
    ];
    lines.extend(rows.iter().map(|row| format!("| {} |", row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "))));
    lines
}

pub fn markdown(report: &MonthlyReport, labels: &Labels) -> String {
    let mut lines =
        vec![format!("## {}", title(report, labels)), String::new(), summary(report, labels), String::new()];
    let rows = table(report, labels);
    // one header row: "Operations — November 2023", …
    let header = vec![
        rows[0][0].clone(),
        format!("{} — {}", rows[0][1], rows[1][1]),
        format!("{} — {}", rows[0][1], rows[1][2]),
        format!("{} — {}", rows[0][3], rows[1][3]),
        format!("{} — {}", rows[0][3], rows[1][4]),
    ];
    let mut body: Vec<Vec<String>> = rows[2..].to_vec();
    if let Some(total) = body.last_mut() {
        for value in total.iter_mut() {
            *value = format!("**{value}**");
        }
    }
    lines.extend(markdown_table(&header, &body));
    for breakdown in breakdowns(report, labels) {
        lines.push(String::new());
        lines.push(format!("### {}", breakdown.title));
        lines.push(String::new());
        if breakdown.rows.is_empty() {
            lines.push(labels.text("report-no-operations"));
            continue;
        }
        let header = vec![
            labels.text("report-breakdown-key"),
            labels.text("report-col-operations-short"),
            labels.text("report-col-victims-short"),
        ];
        let body: Vec<Vec<String>> = breakdown.rows.into_iter().map(|(a, b, c)| vec![a, b, c]).collect();
        lines.extend(markdown_table(&header, &body));
    }
    lines.push(String::new());
    lines.extend(notes(report, labels).into_iter().map(|note| format!("*{note}*  ")));
    let explained = super::explanation_lines(report, labels);
    if let Some((title, rest)) = explained.split_first() {
        lines.extend([String::new(), format!("### {title}"), String::new(), "```text".to_string()]);
        lines.extend(rest.iter().skip_while(|l| l.is_empty()).cloned());
        lines.push("```".to_string());
    }
    let body = lines.join("\n");
    if labels.lang.is_rtl() {
        format!("<div dir=\"rtl\" lang=\"ar\">\n\n{body}\n\n</div>\n")
    } else {
        format!("{body}\n")
    }
}
