//! The twelve-month trend of a region: operations as columns (top panel)
//! and victims as a line (bottom panel), each with its own scale, value
//! labels, short month names and the year under each January and under the
//! first month. In a right-to-left edition the time axis runs from the right.

use std::fmt::Write;

use vigie_report::TrendReport;

use super::svg::{GRID, MUTED, OPERATIONS, VICTIMS, axis, escape, label, num, open};
use crate::Labels;

const WIDTH: f64 = 640.0;
const TITLE_HEIGHT: f64 = 34.0;
const LEGEND_HEIGHT: f64 = 26.0;
const PANEL: f64 = 110.0;
const PANEL_GAP: f64 = 26.0;
const MONTHS_HEIGHT: f64 = 40.0;
const PLOT_START: f64 = 52.0;
const PLOT_END: f64 = WIDTH - 16.0;
const MAX_TICKS: u64 = 4;

/// The trend chart of `report` as a standalone SVG document.
pub fn trend_chart(report: &TrendReport, labels: &Labels) -> String {
    let rtl = labels.lang.is_rtl();
    let x = |value: f64| if rtl { WIDTH - value } else { value };
    let (start, end) = if rtl { ("end", "start") } else { ("start", "end") };
    let last = report.months.last().map(|m| m.month.to_string()).unwrap_or_default();
    let id = escape(&format!("{}-{last}-trend", report.region));
    let title = labels.text("chart-trend-title");
    let height = TITLE_HEIGHT + LEGEND_HEIGHT + 2.0 * PANEL + PANEL_GAP + MONTHS_HEIGHT;
    let slots = report.months.len().max(1) as f64;
    let slot = (PLOT_END - PLOT_START) / slots;
    let centre = |index: usize| x(PLOT_START + slot * (index as f64 + 0.5));

    let mut svg = open(&id, Some("trend"), WIDTH, height, &title, rtl);
    // legend: a column swatch, a line swatch
    let operations = labels.text("chart-legend-operations");
    let victims = labels.text("chart-legend-victims");
    let legend_y = TITLE_HEIGHT + 2.0;
    let swatch = if rtl { x(12.0) - 12.0 } else { 12.0 };
    let _ = writeln!(
        svg,
        "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{OPERATIONS}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"{start}\">{}</text>",
        num(swatch),
        num(legend_y),
        num(x(30.0)),
        num(legend_y + 10.0),
        label(&operations, rtl)
    );
    let second = 30.0 + operations.chars().count() as f64 * 6.6 + 24.0;
    let _ = writeln!(
        svg,
        "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{VICTIMS}\" stroke-width=\"2\"/><circle cx=\"{}\" cy=\"{y}\" r=\"3\" fill=\"{VICTIMS}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"{start}\">{}</text>",
        num(x(second)),
        num(x(second + 14.0)),
        num(x(second + 7.0)),
        num(x(second + 20.0)),
        num(legend_y + 10.0),
        label(&victims, rtl),
        y = num(legend_y + 6.0),
    );

    let panel = |svg: &mut String, top: f64, values: &[u64], colour: &str, columns: bool| {
        let (step, max) = axis(values.iter().copied().max().unwrap_or(0), MAX_TICKS);
        let bottom = top + PANEL;
        let y = |value: u64| bottom - PANEL * value as f64 / max as f64;
        for tick in 0..=max / step {
            let at = y(tick * step);
            let _ = writeln!(
                svg,
                "<line x1=\"{}\" y1=\"{at}\" x2=\"{}\" y2=\"{at}\" stroke=\"{GRID}\" stroke-width=\"1\"/><text x=\"{}\" y=\"{}\" text-anchor=\"{end}\" fill=\"{MUTED}\" font-size=\"11\">{}</text>",
                num(x(PLOT_START)),
                num(x(PLOT_END)),
                num(x(PLOT_START - 6.0)),
                num(at + 4.0),
                escape(&labels.number(tick * step)),
                at = num(at),
            );
        }
        let points: Vec<(f64, f64)> = values.iter().enumerate().map(|(i, &v)| (centre(i), y(v))).collect();
        if columns {
            let width = slot * 0.6;
            for (i, &value) in values.iter().enumerate() {
                let _ = writeln!(
                    svg,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\"/>",
                    num(centre(i) - width / 2.0),
                    num(y(value)),
                    num(width),
                    num(bottom - y(value)),
                );
            }
        } else if !points.is_empty() {
            let line: Vec<String> = points.iter().map(|(px, py)| format!("{},{}", num(*px), num(*py))).collect();
            let _ = writeln!(
                svg,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>",
                line.join(" ")
            );
            for (px, py) in &points {
                let _ = writeln!(svg, "<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"{colour}\"/>", num(*px), num(*py));
            }
        }
        for (i, &value) in values.iter().enumerate() {
            let _ = writeln!(
                svg,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
                num(centre(i)),
                num(y(value) - 6.0),
                escape(&labels.number(value)),
            );
        }
        let _ = writeln!(
            svg,
            "<line x1=\"{}\" y1=\"{b}\" x2=\"{}\" y2=\"{b}\" stroke=\"{MUTED}\" stroke-width=\"1\"/>",
            num(x(PLOT_START)),
            num(x(PLOT_END)),
            b = num(bottom),
        );
    };
    let top = TITLE_HEIGHT + LEGEND_HEIGHT + 10.0;
    let operations: Vec<u64> = report.months.iter().map(|m| m.operations).collect();
    let victims: Vec<u64> = report.months.iter().map(|m| m.victims).collect();
    svg.push_str("<g class=\"operations\">\n");
    panel(&mut svg, top, &operations, OPERATIONS, true);
    svg.push_str("</g>\n<g class=\"victims\">\n");
    panel(&mut svg, top + PANEL + PANEL_GAP, &victims, VICTIMS, false);
    svg.push_str("</g>\n");
    // month names, and the year under January and the first month
    let months_y = top + 2.0 * PANEL + PANEL_GAP + 16.0;
    for (i, m) in report.months.iter().enumerate() {
        let name = labels.text(&format!("month-short-{}", m.month.number()));
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{MUTED}\" font-size=\"11\">{}</text>",
            num(centre(i)),
            num(months_y),
            label(&name, rtl)
        );
        if i == 0 || m.month.number() == 1 {
            let _ = write!(
                svg,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{MUTED}\" font-size=\"11\">{}</text>",
                num(centre(i)),
                num(months_y + 14.0),
                m.month.year()
            );
        }
        svg.push('\n');
    }

    svg.push_str("</svg>\n");
    svg
}
