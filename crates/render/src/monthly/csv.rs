//! The monthly table as CSV: one row per country and a total row, with
//! stable English column names and the country name in the chosen language;
//! text cells escaped for spreadsheets (`vigie_formats::cell`).

use vigie_domain::Change;
use vigie_report::{MonthlyReport, RangeChange};

use crate::Labels;

const HEADER: [&str; 16] = [
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
    // the victims' low–high range, empty where no incident gives one
    "victims_previous_low",
    "victims_previous_high",
    "victims_current_low",
    "victims_current_high",
];

fn change_fields(change: &Change) -> [String; 4] {
    [
        change.previous.to_string(),
        change.current.to_string(),
        change.trend.code().to_string(),
        change.change_pct.map(|p| p.to_string()).unwrap_or_default(),
    ]
}

fn range_fields(range: &RangeChange) -> [String; 4] {
    let bound = |range: Option<vigie_report::Range>, high: bool| {
        range.map(|r| if high { r.high } else { r.low }.to_string()).unwrap_or_default()
    };
    [bound(range.previous, false), bound(range.previous, true), bound(range.current, false), bound(range.current, true)]
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
                .chain(range_fields(&row.victims_range))
                .collect(),
        );
    }
    rows.push(
        ["TOTAL".to_string(), labels.text("report-total")]
            .into_iter()
            .chain(change_fields(&report.total.operations))
            .chain(change_fields(&report.total.victims))
            .chain(range_fields(&report.total.victims_range))
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
