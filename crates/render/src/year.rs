//! Renderings of the year in numbers: text, Markdown and the JSON
//! `{"year": 2023, "counts": {"delegation_received": 3, …}, "agreements_total": 5, "agreements_signed": 1}`
//! (every kind, in the register's order, zeros included). Text and Markdown
//! say each kind with its plural label, in the bulletin's order (the kinds
//! the coalition reports first, then the others), then the agreements.

use serde::ser::{Serialize, SerializeMap, Serializer};
use vigie_domain::ActivityKind;
use vigie_i18n::{Value, capitalize};
use vigie_report::YearReport;

use crate::Labels;
use crate::table::layout;

/// U+200F RIGHT-TO-LEFT MARK.
const RLM: char = '\u{200F}';

/// The kinds the bulletin lists first, in its order; the other kinds follow
/// in the register's order.
const FIRST: [ActivityKind; 8] = [
    ActivityKind::Conference,
    ActivityKind::Workshop,
    ActivityKind::VisitAbroad,
    ActivityKind::DelegationReceived,
    ActivityKind::InternalActivity,
    ActivityKind::Training,
    ActivityKind::NationalDay,
    ActivityKind::DelegateAccredited,
];

/// Every kind, in the order text and Markdown list them.
pub fn kind_order() -> Vec<ActivityKind> {
    let mut order = FIRST.to_vec();
    order.extend(ActivityKind::ALL.into_iter().filter(|k| !FIRST.contains(k)));
    order
}

pub fn title(report: &YearReport, labels: &Labels) -> String {
    capitalize(&labels.text_with("year-title", &[("year", Value::from(report.year.to_string()))]))
}

/// The label and the number of each line: the kinds, then the agreements.
fn lines(report: &YearReport, labels: &Labels) -> Vec<(String, String)> {
    let count = |n: u64| Value::from(n);
    let year = Value::from(report.year.to_string());
    let mut lines: Vec<(String, String)> = kind_order()
        .into_iter()
        .map(|kind| {
            let n = report.count(kind);
            let label = labels.text_with(&format!("activity-kind-{}", kind.code()), &[("count", count(n))]);
            (label, labels.number(n))
        })
        .collect();
    for (id, n) in
        [("year-agreements-signed", report.agreements_signed), ("year-agreements-total", report.agreements_total)]
    {
        lines.push((labels.text_with(id, &[("count", count(n)), ("year", year.clone())]), labels.number(n)));
    }
    lines
}

/// Numbers right-aligned among themselves.
fn aligned(numbers: impl Iterator<Item = String> + Clone) -> Vec<String> {
    let width = numbers.clone().map(|n| n.chars().count()).max().unwrap_or(0);
    numbers.map(|n| format!("{}{n}", " ".repeat(width - n.chars().count()))).collect()
}

pub fn text(report: &YearReport, labels: &Labels) -> String {
    let lines = lines(report, labels);
    let numbers = aligned(lines.iter().map(|(_, n)| n.clone()));
    let table: Vec<Vec<String>> =
        lines.into_iter().zip(numbers).map(|((label, _), number)| vec![label, number]).collect();
    let mut out = String::new();
    for line in [title(report, labels), String::new()].into_iter().chain(layout(&table, 0)) {
        if labels.lang.is_rtl() && !line.is_empty() {
            out.push(RLM);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

pub fn markdown(report: &YearReport, labels: &Labels) -> String {
    let mut rows = vec![
        format!("## {}", title(report, labels)),
        String::new(),
        format!("| {} | {} |", cell(&labels.text("year-col-category")), cell(&labels.text("year-col-count"))),
        "|---|---:|".to_string(),
    ];
    rows.extend(lines(report, labels).into_iter().map(|(label, number)| format!("| {} | {number} |", cell(&label))));
    let body = rows.join("\n");
    if labels.lang.is_rtl() {
        format!("<div dir=\"rtl\" lang=\"ar\">\n\n{body}\n\n</div>\n")
    } else {
        format!("{body}\n")
    }
}

/// The counts as one JSON object whose keys keep the register's order.
struct Counts<'a>(&'a [(ActivityKind, u64)]);

impl Serialize for Counts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (kind, count) in self.0 {
            map.serialize_entry(kind.code(), count)?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
struct Json<'a> {
    year: i16,
    counts: Counts<'a>,
    agreements_total: u64,
    agreements_signed: u64,
}

/// `{"year": 2023, "counts": {…}, "agreements_total": N, "agreements_signed": M}`;
/// the same in every language.
pub fn json(report: &YearReport) -> String {
    let json = Json {
        year: report.year,
        counts: Counts(&report.counts),
        agreements_total: report.agreements_total,
        agreements_signed: report.agreements_signed,
    };
    let mut text = serde_json::to_string_pretty(&json).expect("numbers and strings always serialise");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::Lang;

    fn report() -> YearReport {
        let counts = ActivityKind::ALL
            .iter()
            .map(|&kind| {
                let n = match kind {
                    ActivityKind::Conference => 17,
                    ActivityKind::Workshop => 1,
                    ActivityKind::Meeting => 1_250,
                    ActivityKind::VisitAbroad => 2,
                    _ => 0,
                };
                (kind, n)
            })
            .collect();
        YearReport { year: 2023, counts, agreements_total: 3, agreements_signed: 1 }
    }

    #[test]
    fn the_bulletin_order() {
        let codes: Vec<&str> = kind_order().iter().map(|k| k.code()).collect();
        assert_eq!(
            codes,
            [
                "conference",
                "workshop",
                "visit_abroad",
                "delegation_received",
                "internal_activity",
                "training",
                "national_day",
                "delegate_accredited",
                "agreement_signed",
                "exhibition",
                "meeting"
            ]
        );
    }

    #[test]
    fn json_keeps_the_register_order_with_zeros() {
        let text = json(&report());
        let keys: Vec<&str> =
            text.lines().filter_map(|l| l.trim().strip_prefix('"')).filter_map(|l| l.split('"').next()).collect();
        assert_eq!(
            keys,
            [
                "year",
                "counts",
                "delegation_received",
                "visit_abroad",
                "conference",
                "workshop",
                "training",
                "internal_activity",
                "national_day",
                "delegate_accredited",
                "agreement_signed",
                "exhibition",
                "meeting",
                "agreements_total",
                "agreements_signed"
            ]
        );
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["counts"]["conference"], 17);
        assert_eq!(value["counts"]["training"], 0);
        assert_eq!((value["agreements_total"].as_u64(), value["agreements_signed"].as_u64()), (Some(3), Some(1)));
    }

    #[test]
    fn text_in_three_languages() {
        let en = text(&report(), &Labels::new(Lang::En));
        let lines: Vec<&str> = en.lines().collect();
        assert_eq!(lines[0], "2023 in numbers");
        assert_eq!(lines[2], "Conferences                                           17");
        assert_eq!(lines[3], "Workshop                                               1");
        assert_eq!(lines[4], "Visits abroad                                          2");
        assert_eq!(lines[5], "Delegations received                                   0");
        assert_eq!(lines[12], "Meetings                                           1,250");
        assert_eq!(lines[13], "Agreement signed in 2023                               1");
        assert_eq!(lines[14], "Partnership agreements in all, by the end of 2023      3");
        assert_eq!(lines.len(), 15);
        let fr = text(&report(), &Labels::new(Lang::Fr));
        assert!(fr.starts_with("L'année 2023 en chiffres\n\nConférences "), "{fr}");
        assert!(fr.lines().any(|l| l.starts_with("Réunions ") && l.ends_with(" 1\u{202F}250")), "{fr}");
        assert!(fr.contains("\nAccord signé en 2023 "), "{fr}");
        let ar = text(&report(), &Labels::new(Lang::Ar));
        assert!(ar.lines().filter(|l| !l.is_empty()).all(|l| l.starts_with(RLM)), "{ar}");
        assert!(ar.contains("عام 2023 بالأرقام"), "{ar}");
        assert!(ar.contains("المؤتمرات"), "{ar}");
        assert!(ar.contains("زيارتان خارجيتان"), "{ar}");
    }

    #[test]
    fn markdown_table() {
        let md = markdown(&report(), &Labels::new(Lang::En));
        assert!(
            md.starts_with(
                "## 2023 in numbers\n\n| Category | Number |\n|---|---:|\n| Conferences | 17 |\n| Workshop | 1 |\n"
            ),
            "{md}"
        );
        assert!(md.ends_with("| Partnership agreements in all, by the end of 2023 | 3 |\n"), "{md}");
        let ar = markdown(&report(), &Labels::new(Lang::Ar));
        assert!(ar.starts_with("<div dir=\"rtl\" lang=\"ar\">\n\n## "), "{ar}");
    }
}
