//! The monthly table as CSV: one row per country and a total row, with
//! stable English column names and the country name in the chosen language;
//! text cells escaped for spreadsheets (`vigie_formats::cell`).

use vigie_domain::Change;
use vigie_report::MonthlyReport;

use crate::Labels;

const HEADER: [&str; 12] = [
    "region",
    "month",
    "country",
    "country_name",
    "operations_previous",
    "operations_current",
    "operations_trend",
    "operations_change_pct",
    "victims_previous",
    "victims_current",
    "victims_trend",
    "victims_change_pct",
];

fn change_fields(change: &Change) -> [String; 4] {
    [
        change.previous.to_string(),
        change.current.to_string(),
        change.trend.code().to_string(),
        change.change_pct.map(|p| p.to_string()).unwrap_or_default(),
    ]
}

pub fn csv(report: &MonthlyReport, labels: &Labels) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for row in &report.countries {
        rows.push(
            [row.country.to_string(), labels.country(row.country)]
                .into_iter()
                .chain(change_fields(&row.operations))
                .chain(change_fields(&row.victims))
                .collect(),
        );
    }
    rows.push(
        ["TOTAL".to_string(), labels.text("report-total")]
            .into_iter()
            .chain(change_fields(&report.total.operations))
            .chain(change_fields(&report.total.victims))
            .collect(),
    );
    let write = |writer: &mut ::csv::Writer<Vec<u8>>| -> ::csv::Result<()> {
        writer.write_record(HEADER)?;
        for row in &rows {
            vigie_formats::cell::write_record(
                writer,
                [report.region.clone(), report.month.to_string()].iter().chain(row),
            )?;
        }
        writer.flush()?;
        Ok(())
    };
    write(&mut writer).expect("writing CSV to memory cannot fail");
    String::from_utf8(writer.into_inner().expect("in-memory writer")).expect("CSV of UTF-8 strings")
}
