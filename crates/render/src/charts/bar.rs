//! Horizontal bar charts with one or two measures per category: category
//! labels on the reading side, bars growing away from them, value labels at
//! the bar ends, a scaled axis with its label, a legend and a title. In a
//! right-to-left edition the whole chart is mirrored.

use std::fmt::Write;

use super::svg::{GRID, INK, MUTED, axis, data_label, escape, label, num, open, shorten};

/// One measure drawn for every category.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub colour: &'static str,
}

/// One category: its label, and one value (with its formatted label) per
/// series.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub values: Vec<(u64, String)>,
}

/// A chart ready to draw; every text is already in the edition's language.
#[derive(Debug, Clone)]
pub struct BarChart {
    /// Makes the element ids unique when several charts share a page.
    pub id: String,
    pub title: String,
    pub axis_label: String,
    pub series: Vec<Series>,
    pub bars: Vec<Bar>,
    /// Said instead of the bars when there are none.
    pub empty: String,
    pub rtl: bool,
    /// Formats the axis tick values.
    pub ticks: Vec<String>,
}

const WIDTH: f64 = 640.0;
const TITLE_HEIGHT: f64 = 34.0;
const LEGEND_HEIGHT: f64 = 24.0;
const BAR: f64 = 14.0;
const BAR_GAP: f64 = 2.0;
const ROW_GAP: f64 = 10.0;
const AXIS_HEIGHT: f64 = 44.0;
const LABEL_CHARS: usize = 34;
const MAX_TICKS: u64 = 5;

/// The axis step and maximum of a chart's values; the caller formats the
/// tick values (`0..=max` by `step`) into [`BarChart::ticks`].
pub fn scale(bars: &[Bar]) -> (u64, u64) {
    let max = bars.iter().flat_map(|b| b.values.iter().map(|v| v.0)).max().unwrap_or(0);
    axis(max, MAX_TICKS)
}

impl BarChart {
    /// The chart as a standalone SVG document.
    pub fn svg(&self) -> String {
        let (step, max) = scale(&self.bars);
        let series = self.series.len().max(1) as f64;
        let row = series * BAR + (series - 1.0) * BAR_GAP + ROW_GAP;
        let rows = self.bars.len().max(1) as f64;
        let plot_top = TITLE_HEIGHT + LEGEND_HEIGHT;
        let plot_height = rows * row;
        let height = plot_top + plot_height + AXIS_HEIGHT;
        let longest = self.bars.iter().map(|b| shorten(&b.label, LABEL_CHARS).chars().count()).max().unwrap_or(0);
        // room for the category labels, from an average glyph width
        let label_width = (longest as f64 * 6.6).clamp(60.0, 230.0);
        let plot_start = 12.0 + label_width + 8.0;
        let plot_end = WIDTH - 48.0;
        let span = plot_end - plot_start;
        // x in left-to-right terms; mirrored for right-to-left
        let x = |value: f64| if self.rtl { WIDTH - value } else { value };
        let (start, end) = if self.rtl { ("end", "start") } else { ("start", "end") };
        let id = escape(&self.id);

        let mut svg = open(&id, None, WIDTH, height, &self.title, self.rtl);
        // legend
        let mut legend_x = 12.0;
        for s in &self.series {
            let swatch = if self.rtl { x(legend_x) - 12.0 } else { legend_x };
            let _ = writeln!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"{start}\">{}</text>",
                num(swatch),
                num(TITLE_HEIGHT + 2.0),
                s.colour,
                num(x(legend_x + 18.0)),
                num(TITLE_HEIGHT + 12.0),
                label(&s.name, self.rtl)
            );
            legend_x += 18.0 + s.name.chars().count() as f64 * 6.6 + 24.0;
        }
        // grid and ticks
        let axis_y = plot_top + plot_height;
        let ticks = max / step;
        for tick in 0..=ticks {
            let value = tick * step;
            let at = x(plot_start + span * value as f64 / max as f64);
            let text = self.ticks.get(tick as usize).cloned().unwrap_or_else(|| value.to_string());
            let _ = writeln!(
                svg,
                "<line x1=\"{at}\" y1=\"{}\" x2=\"{at}\" y2=\"{}\" stroke=\"{GRID}\" stroke-width=\"1\"/><text x=\"{at}\" y=\"{}\" text-anchor=\"middle\" fill=\"{MUTED}\" font-size=\"11\">{}</text>",
                num(plot_top),
                num(axis_y),
                num(axis_y + 15.0),
                escape(&text),
                at = num(at),
            );
        }
        let _ = writeln!(
            svg,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{MUTED}\" stroke-width=\"1\"/>\n<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{MUTED}\" font-size=\"11\">{}</text>",
            num(x(plot_start)),
            num(x(plot_end)),
            num(x(plot_start + span / 2.0)),
            num(axis_y + 34.0),
            label(&self.axis_label, self.rtl),
            y = num(axis_y),
        );
        if self.bars.is_empty() {
            let _ = writeln!(
                svg,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{MUTED}\">{}</text>",
                num(x(plot_start + span / 2.0)),
                num(plot_top + row / 2.0 + 4.0),
                label(&self.empty, self.rtl)
            );
        }
        for (index, bar) in self.bars.iter().enumerate() {
            let top = plot_top + ROW_GAP / 2.0 + index as f64 * row;
            let short = shorten(&bar.label, LABEL_CHARS);
            let _ = write!(
                svg,
                "<g><text x=\"{}\" y=\"{}\" text-anchor=\"{end}\">",
                num(x(plot_start - 8.0)),
                num(top + (row - ROW_GAP) / 2.0 + 4.0)
            );
            if short != bar.label {
                let _ = write!(svg, "<title>{}</title>", escape(&bar.label));
            }
            // a bar's name may be a group's, as typed
            let _ = writeln!(svg, "{}</text>", data_label(&short));
            for (s, (value, text)) in bar.values.iter().enumerate() {
                let colour = self.series.get(s).map_or(INK, |s| s.colour);
                let y = top + s as f64 * (BAR + BAR_GAP);
                let length = span * *value as f64 / max as f64;
                let left = if self.rtl { x(plot_start) - length } else { plot_start };
                let _ = writeln!(
                    svg,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"{start}\" font-size=\"11\">{}</text>",
                    num(left),
                    num(y),
                    num(length),
                    num(BAR),
                    num(x(plot_start + length + 4.0)),
                    num(y + BAR - 3.0),
                    escape(text)
                );
            }
            svg.push_str("</g>\n");
        }
        svg.push_str("</svg>\n");
        svg
    }
}
