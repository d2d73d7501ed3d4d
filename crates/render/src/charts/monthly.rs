//! The three charts of a monthly regional report: targeted sectors
//! (operations), operations and victims by perpetrator, victims by modus
//! operandi. Built from the report model, in the labels' language.

use vigie_report::{Breakdown, MonthlyReport};

use super::bar::{Bar, BarChart, Series, scale};
use super::svg::{OPERATIONS, VICTIMS};
use crate::Labels;

/// Which measures a chart draws.
#[derive(Clone, Copy)]
enum Measures {
    Operations,
    Victims,
    Both,
}

fn chart(
    id: String,
    title: String,
    list: &[Breakdown],
    name: &dyn Fn(&str) -> String,
    measures: Measures,
    labels: &Labels,
) -> BarChart {
    let operations = Series { name: labels.text("chart-legend-operations"), colour: OPERATIONS };
    let victims = Series { name: labels.text("chart-legend-victims"), colour: VICTIMS };
    let (series, axis_label) = match measures {
        Measures::Operations => (vec![operations], labels.text("chart-axis-operations")),
        Measures::Victims => (vec![victims], labels.text("chart-axis-victims")),
        Measures::Both => (vec![operations, victims], labels.text("chart-axis-count")),
    };
    let value = |v: u64| (v, labels.number(v));
    let mut rows: Vec<&Breakdown> = list.iter().collect();
    if let Measures::Victims = measures {
        // biggest impact first; the report orders by operations
        rows.sort_by(|a, b| b.victims.cmp(&a.victims).then(b.operations.cmp(&a.operations)).then(a.key.cmp(&b.key)));
    }
    let bars: Vec<Bar> = rows
        .into_iter()
        .map(|b| Bar {
            label: name(&b.key),
            values: match measures {
                Measures::Operations => vec![value(b.operations)],
                Measures::Victims => vec![value(b.victims)],
                Measures::Both => vec![value(b.operations), value(b.victims)],
            },
        })
        .collect();
    let (step, max) = scale(&bars);
    let ticks = (0..=max / step).map(|t| labels.number(t * step)).collect();
    BarChart {
        id,
        title,
        axis_label,
        series,
        bars,
        empty: labels.text("report-no-operations"),
        rtl: labels.lang.is_rtl(),
        ticks,
    }
}

/// The report's three charts, in the order of the bulletin.
pub fn charts(report: &MonthlyReport, labels: &Labels) -> Vec<BarChart> {
    let id = |what: &str| format!("{}-{}-{what}", report.region, report.month);
    let perpetrator = |key: &str| {
        report.perpetrator_names.get(key).map_or_else(|| key.to_string(), |names| labels.names(names).to_string())
    };
    vec![
        chart(
            id("targets"),
            labels.text("report-by-target"),
            &report.by_target,
            &|key| labels.code("target", key),
            Measures::Operations,
            labels,
        ),
        chart(
            id("perpetrators"),
            labels.text("report-by-perpetrator"),
            &report.by_perpetrator,
            &perpetrator,
            Measures::Both,
            labels,
        ),
        chart(
            id("methods"),
            labels.text("report-by-method"),
            &report.by_method,
            &|key| labels.code("method", key),
            Measures::Victims,
            labels,
        ),
    ]
}
