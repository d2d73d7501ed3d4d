//! The map of a month's incidents: the countries around the region (its
//! members highlighted), from Natural Earth's 1:110m shapes
//! (`data/countries-110m.json`, converted once by `data/convert-atlas.mjs`),
//! in an equirectangular projection of the members' bounding box; each
//! located incident a circle whose area grows with its victims, filled when
//! the place is exact, hollow when approximate, dashed when only the region
//! is known. The legend gives the styles, three sizes, and how many
//! incidents are shown and how many have no coordinates. The map itself is
//! never mirrored; in a right-to-left edition the title and legend are.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::OnceLock;

use vigie_domain::countries;
use vigie_i18n::Value;
use vigie_report::{MapIncident, MapReport};

use super::svg::{MUTED, VICTIMS, escape, label, num, open};
use crate::Labels;

/// A country's polygons, each a list of rings of `[lon, lat]`.
type Shape = Vec<Vec<Vec<[f64; 2]>>>;

/// The shipped shapes, by ISO 3166-1 numeric id (`"854"`).
pub fn atlas() -> &'static BTreeMap<String, Shape> {
    static ATLAS: OnceLock<BTreeMap<String, Shape>> = OnceLock::new();
    ATLAS.get_or_init(|| {
        serde_json::from_str(include_str!("../../data/countries-110m.json"))
            .expect("the shipped countries-110m.json is valid (checked by tests)")
    })
}

const WIDTH: f64 = 640.0;
const TITLE_HEIGHT: f64 = 34.0;
const MAP_WIDTH: f64 = 616.0;
const MAP_MAX_HEIGHT: f64 = 420.0;
const MARGIN_DEGREES: f64 = 2.0;
const MEMBER_FILL: &str = "#dbe4ee";
const MEMBER_STROKE: &str = "#7d8b99";
const OTHER_FILL: &str = "#f1f2f4";
const OTHER_STROKE: &str = "#c5cbd3";
const SEA: &str = "#f7fafc";
const LEGEND_SIZES: [u64; 3] = [1, 10, 100];

/// A marker's radius: its area grows with the victims (3 for none).
pub fn radius(victims: u64) -> f64 {
    3.0 + 1.5 * (victims as f64).sqrt()
}

/// `(min_lon, min_lat, max_lon, max_lat)` of some points.
fn bounds(points: impl Iterator<Item = [f64; 2]>) -> Option<[f64; 4]> {
    points.fold(None, |b, [lon, lat]| {
        Some(match b {
            None => [lon, lat, lon, lat],
            Some([a, b, c, d]) => [a.min(lon), b.min(lat), c.max(lon), d.max(lat)],
        })
    })
}

fn points(shape: &Shape) -> impl Iterator<Item = [f64; 2]> + '_ {
    shape.iter().flatten().flatten().copied()
}

/// The marker's style attributes by geo precision.
fn style(precision: Option<u8>) -> String {
    match precision {
        Some(1) => format!("fill=\"{VICTIMS}\" fill-opacity=\"0.55\" stroke=\"{VICTIMS}\" stroke-width=\"1\""),
        Some(2) => format!("fill=\"none\" stroke=\"{VICTIMS}\" stroke-width=\"1.5\""),
        _ => format!("fill=\"none\" stroke=\"{VICTIMS}\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\""),
    }
}

/// The map of `report` as a standalone SVG document.
pub fn incident_map(report: &MapReport, labels: &Labels) -> String {
    let rtl = labels.lang.is_rtl();
    let x = |value: f64| if rtl { WIDTH - value } else { value };
    let start = if rtl { "end" } else { "start" };
    let id = escape(&format!("{}-{}-map", report.region, report.month));
    let title = labels.text_with("chart-map-title", &[("month", Value::from(labels.month(report.month)))]);
    let atlas = atlas();
    let members: Vec<String> =
        report.countries.iter().filter_map(|&c| countries().get(c)).map(|c| c.numeric.clone()).collect();
    let located: Vec<(f64, f64, &MapIncident)> = report
        .incidents
        .iter()
        .filter_map(|i| i.position.map(|(lat, lon)| (lat, lon, i)))
        .filter(|(lat, lon, _)| lat.is_finite() && lon.is_finite())
        .collect();
    let missing = report.incidents.len() - located.len();
    let view = bounds(
        members
            .iter()
            .filter_map(|m| atlas.get(m))
            .flat_map(points)
            .chain(located.iter().map(|(lat, lon, _)| [*lon, *lat])),
    )
    .unwrap_or([-20.0, 0.0, 30.0, 30.0]);
    let [west, south, east, north] =
        [view[0] - MARGIN_DEGREES, view[1] - MARGIN_DEGREES, view[2] + MARGIN_DEGREES, view[3] + MARGIN_DEGREES];
    let kx = ((south + north) / 2.0).to_radians().cos().max(0.2);
    let scale = (MAP_WIDTH / ((east - west) * kx)).min(MAP_MAX_HEIGHT / (north - south));
    let map_width = (east - west) * kx * scale;
    let map_height = (north - south) * scale;
    let left = 12.0 + (MAP_WIDTH - map_width) / 2.0;
    let top = TITLE_HEIGHT + 4.0;
    let project = |lon: f64, lat: f64| (left + (lon - west) * kx * scale, top + (north - lat) * scale);

    let legend_top = top + map_height + 14.0;
    let size_row = 2.0 * radius(LEGEND_SIZES[2]) + 10.0;
    let height = legend_top + 22.0 + size_row + 26.0;

    let mut svg = open(&id, Some("map"), WIDTH, height, &title, rtl);
    let _ = writeln!(
        svg,
        "<clipPath id=\"{id}-clip\"><rect x=\"{l}\" y=\"{t}\" width=\"{w}\" height=\"{h}\"/></clipPath>\n<rect x=\"{l}\" y=\"{t}\" width=\"{w}\" height=\"{h}\" fill=\"{SEA}\" stroke=\"{OTHER_STROKE}\"/>\n<g clip-path=\"url(#{id}-clip)\" stroke-linejoin=\"round\">",
        l = num(left),
        t = num(top),
        w = num(map_width),
        h = num(map_height),
    );
    // other countries first, members on top
    let mut shapes: Vec<(&String, &Shape, bool)> = atlas
        .iter()
        .filter(|(_, shape)| {
            bounds(points(shape)).is_some_and(|[a, b, c, d]| a <= east && c >= west && b <= north && d >= south)
        })
        .map(|(key, shape)| (key, shape, members.contains(key)))
        .collect();
    shapes.sort_by_key(|(_, _, member)| *member);
    for (key, shape, member) in shapes {
        let mut d = String::new();
        for ring in shape.iter().flatten() {
            for (index, [lon, lat]) in ring.iter().enumerate() {
                let (px, py) = project(*lon, *lat);
                let _ = write!(d, "{}{},{}", if index == 0 { "M" } else { "L" }, num(px), num(py));
            }
            d.push('Z');
        }
        let (fill, stroke) = if member { (MEMBER_FILL, MEMBER_STROKE) } else { (OTHER_FILL, OTHER_STROKE) };
        let _ = writeln!(
            svg,
            "<path data-country=\"{}\"{} d=\"{d}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"0.8\"/>",
            escape(key),
            if member { " class=\"member\"" } else { "" },
        );
    }
    // biggest first, so that small markers stay visible on top
    let mut markers = located.clone();
    markers.sort_by_key(|m| std::cmp::Reverse(m.2.victims));
    for (lat, lon, incident) in markers {
        let (px, py) = project(lon, lat);
        let _ = writeln!(
            svg,
            "<circle class=\"incident\" data-victims=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{}\" {}/>",
            incident.victims,
            num(px),
            num(py),
            num(radius(incident.victims)),
            style(incident.geo_precision),
        );
    }
    svg.push_str("</g>\n");

    // legend: styles, sizes, counts
    let mut at = 12.0;
    let row = legend_top + 8.0;
    for (precision, id) in
        [(Some(1), "chart-map-exact"), (Some(2), "chart-map-approximate"), (Some(3), "chart-map-region")]
    {
        let text = labels.text(id);
        let _ = writeln!(
            svg,
            "<circle cx=\"{}\" cy=\"{}\" r=\"6\" {}/><text x=\"{}\" y=\"{}\" text-anchor=\"{start}\">{}</text>",
            num(x(at + 6.0)),
            num(row),
            style(precision),
            num(x(at + 18.0)),
            num(row + 4.0),
            label(&text, rtl)
        );
        at += 18.0 + text.chars().count() as f64 * 6.6 + 22.0;
    }
    let size_text = labels.text("chart-map-size");
    let base = legend_top + 22.0 + size_row - 6.0;
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{start}\">{}</text>",
        num(x(12.0)),
        num(base - 4.0),
        label(&size_text, rtl)
    );
    let mut at = 12.0 + size_text.chars().count() as f64 * 6.6 + 16.0;
    for victims in LEGEND_SIZES {
        let r = radius(victims);
        let _ = writeln!(
            svg,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {}/><text x=\"{}\" y=\"{}\" text-anchor=\"{start}\" font-size=\"11\">{}</text>",
            num(x(at + r)),
            num(base - r),
            num(r),
            style(Some(2)),
            num(x(at + 2.0 * r + 4.0)),
            num(base - 4.0),
            escape(&labels.number(victims))
        );
        at += 2.0 * r + 4.0 + 36.0;
    }
    let counts = labels.text_with(
        "chart-map-counts",
        &[("shown", Value::from(located.len() as u64)), ("missing", Value::from(missing as u64))],
    );
    let _ = writeln!(
        svg,
        "<text class=\"counts\" x=\"{}\" y=\"{}\" text-anchor=\"{start}\" fill=\"{MUTED}\">{}</text>",
        num(x(12.0)),
        num(base + 20.0),
        label(&counts, rtl)
    );
    svg.push_str("</svg>\n");
    svg
}
