//! Renderings of the national days of a month: text, Markdown, CSV and the
//! JSON list `[{"country": "AE", "date": "2023-12-02", "name": "…"}]`, with
//! the day's name in the chosen language (or, when the register lacks it,
//! in English, then French). Arabic text lines carry a right-to-left mark,
//! as the monthly report's do.

use serde::Serialize;
use vigie_i18n::{Value, capitalize};
use vigie_report::{NationalDayEntry, NationalDaysReport};

use crate::Labels;
use crate::table::layout;

/// U+200F RIGHT-TO-LEFT MARK.
const RLM: char = '\u{200F}';

pub fn title(report: &NationalDaysReport, labels: &Labels) -> String {
    capitalize(&labels.text_with("national-days-title", &[("month", Value::from(labels.month(report.month)))]))
}

/// The sentence said when no national day falls in the month.
fn none(report: &NationalDaysReport, labels: &Labels) -> String {
    labels.text_with("national-days-none", &[("month", Value::from(labels.month(report.month)))])
}

fn header(labels: &Labels) -> Vec<String> {
    vec![
        labels.text("national-days-col-date"),
        labels.text("national-days-col-country"),
        labels.text("national-days-col-name"),
    ]
}

/// Date, country and name of each entry.
fn rows(report: &NationalDaysReport, labels: &Labels) -> Vec<Vec<String>> {
    report
        .entries
        .iter()
        .map(|entry| {
            vec![
                labels.date(entry.date),
                labels.country(entry.country),
                entry.national_day.name_in(labels.lang).to_string(),
            ]
        })
        .collect()
}

/// One note a national day of 29 February kept on the 28th.
pub fn notes(report: &NationalDaysReport, labels: &Labels) -> Vec<String> {
    report
        .entries
        .iter()
        .filter(|entry| entry.observed)
        .map(|entry: &NationalDayEntry| {
            let day = &entry.national_day;
            labels.text_with(
                "national-days-observed",
                &[
                    ("country", Value::from(labels.country(entry.country))),
                    ("day", Value::from(vigie_i18n::day_month(labels.lang, day.month, day.day))),
                    ("date", Value::from(labels.date(entry.date))),
                    ("year", Value::from(entry.date.year().to_string())),
                ],
            )
        })
        .collect()
}

pub fn text(report: &NationalDaysReport, labels: &Labels) -> String {
    let mut lines = vec![title(report, labels), String::new()];
    if report.entries.is_empty() {
        lines.push(none(report, labels));
    } else {
        let mut table = vec![header(labels)];
        table.extend(rows(report, labels));
        lines.extend(layout(&table, 0));
        let notes = notes(report, labels);
        if !notes.is_empty() {
            lines.push(String::new());
            lines.extend(notes);
        }
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

#[derive(Serialize)]
struct JsonEntry<'a> {
    country: &'a str,
    date: String,
    name: &'a str,
}

/// `[{"country": "AE", "date": "2023-12-02", "name": "…"}, …]`.
pub fn json(report: &NationalDaysReport, labels: &Labels) -> String {
    let entries: Vec<JsonEntry<'_>> = report
        .entries
        .iter()
        .map(|entry| JsonEntry {
            country: entry.country.as_str(),
            date: entry.date.to_string(),
            name: entry.national_day.name_in(labels.lang),
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&entries).expect("a list of strings always serialises");
    text.push('\n');
    text
}

/// One row a national day, with stable English column names: the date in
/// the month's year, the country's code and name, the day's name, and the
/// day as registered (`MM-DD`, which differs from the date only for a
/// 29 February kept on the 28th). Text cells are escaped for spreadsheets
/// (`vigie_formats::cell`).
pub fn csv(report: &NationalDaysReport, labels: &Labels) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let write = |writer: &mut ::csv::Writer<Vec<u8>>| -> ::csv::Result<()> {
        writer.write_record(["date", "country", "country_name", "name", "national_day"])?;
        for entry in &report.entries {
            vigie_formats::cell::write_record(
                writer,
                [
                    entry.date.to_string(),
                    entry.country.to_string(),
                    labels.country(entry.country),
                    entry.national_day.name_in(labels.lang).to_string(),
                    entry.national_day.code(),
                ],
            )?;
        }
        writer.flush()?;
        Ok(())
    };
    write(&mut writer).expect("writing CSV to memory cannot fail");
    String::from_utf8(writer.into_inner().expect("in-memory writer")).expect("CSV of UTF-8 strings")
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

pub fn markdown(report: &NationalDaysReport, labels: &Labels) -> String {
    let mut lines = vec![format!("## {}", title(report, labels)), String::new()];
    if report.entries.is_empty() {
        lines.push(none(report, labels));
    } else {
        let row = |cells: &[String]| format!("| {} |", cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "));
        lines.push(row(&header(labels)));
        lines.push("|---|---|---|".into());
        lines.extend(rows(report, labels).iter().map(|cells| row(cells)));
        let notes = notes(report, labels);
        if !notes.is_empty() {
            lines.push(String::new());
            lines.extend(notes.into_iter().map(|note| format!("*{note}*  ")));
        }
    }
    let body = lines.join("\n");
    if labels.lang.is_rtl() {
        format!("<div dir=\"rtl\" lang=\"ar\">\n\n{body}\n\n</div>\n")
    } else {
        format!("{body}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::{CountryCode, Lang, Member, Month, Names, NationalDay};
    use vigie_report::national_days::from_members;

    fn names(fr: &str, en: &str, ar: &str) -> Names {
        Names { fr: fr.into(), en: en.into(), ar: ar.into() }
    }

    fn register() -> Vec<Member> {
        let member = |country: &str, month, day, name: Names| Member {
            country: CountryCode::new(country).unwrap(),
            joined: None,
            national_days: vec![NationalDay { month, day, name }],
            representative_title: String::new(),
        };
        vec![
            member("AE", 12, 2, names("Fête nationale", "National Day", "اليوم الوطني")),
            member("BF", 12, 11, names("Fête nationale", "", "")),
            member("BN", 2, 29, names("Jour bissextile", "Leap Day", "يوم كبيس")),
        ]
    }

    fn report(month: &str) -> NationalDaysReport {
        from_members(&register(), Month::parse(month).unwrap())
    }

    #[test]
    fn json_has_the_name_in_the_language_or_a_fallback() {
        let en = json(&report("2023-12"), &Labels::new(Lang::En));
        let value: serde_json::Value = serde_json::from_str(&en).unwrap();
        assert_eq!(
            value,
            serde_json::json!([
                {"country": "AE", "date": "2023-12-02", "name": "National Day"},
                {"country": "BF", "date": "2023-12-11", "name": "Fête nationale"},
            ])
        );
        assert!(
            en.starts_with("[\n  {\n    \"country\": \"AE\",\n    \"date\": \"2023-12-02\",\n    \"name\""),
            "{en}"
        );
        let ar: serde_json::Value = serde_json::from_str(&json(&report("2023-12"), &Labels::new(Lang::Ar))).unwrap();
        assert_eq!(ar[0]["name"], "اليوم الوطني");
        assert_eq!(ar[1]["name"], "Fête nationale", "no Arabic nor English name: the French one");
        assert_eq!(json(&report("2023-03"), &Labels::new(Lang::Fr)), "[]\n");
    }

    #[test]
    fn text_in_three_languages() {
        let fr = text(&report("2023-12"), &Labels::new(Lang::Fr));
        assert_eq!(
            fr,
            "Fêtes nationales des États membres en décembre 2023\n\
             \n\
             Date              État membre          Fête nationale\n\
             2 décembre 2023   Émirats Arabes Unis  Fête nationale\n\
             11 décembre 2023  Burkina Faso         Fête nationale\n"
        );
        let en = text(&report("2023-12"), &Labels::new(Lang::En));
        assert!(en.starts_with("National days of the member states in December 2023\n\n"), "{en}");
        assert!(en.contains("\n2 December 2023   United Arab Emirates  National Day\n"), "{en}");
        let ar = text(&report("2023-12"), &Labels::new(Lang::Ar));
        assert!(ar.lines().filter(|l| !l.is_empty()).all(|l| l.starts_with(RLM)), "{ar}");
        assert!(ar.contains("الأعياد الوطنية للدول الأعضاء في ديسمبر 2023"), "{ar}");
        assert!(ar.contains("2 ديسمبر 2023"), "{ar}");
        assert!(ar.contains("اليوم الوطني"), "{ar}");
    }

    #[test]
    fn a_month_with_none_says_so() {
        let en = text(&report("2023-03"), &Labels::new(Lang::En));
        assert_eq!(
            en,
            "National days of the member states in March 2023\n\nNo member state has its national day in March 2023.\n"
        );
        assert!(markdown(&report("2023-03"), &Labels::new(Lang::Fr)).contains("Aucun État membre"));
        assert_eq!(csv(&report("2023-03"), &Labels::new(Lang::En)), "date,country,country_name,name,national_day\n");
    }

    #[test]
    fn the_29th_of_february_is_noted_in_other_years() {
        let leap = text(&report("2024-02"), &Labels::new(Lang::En));
        assert!(leap.contains("29 February 2024  Brunei Darussalam  Leap Day"), "{leap}");
        assert!(!leap.contains("leap year"), "{leap}");
        let other = text(&report("2023-02"), &Labels::new(Lang::En));
        assert!(other.contains("28 February 2023  Brunei Darussalam  Leap Day"), "{other}");
        assert!(
            other.ends_with(
                "\n\nBrunei Darussalam: the national day of 29 February is observed on 28 February 2023, as 2023 is not \
                 a leap year.\n"
            ),
            "{other}"
        );
        let fr = text(&report("2023-02"), &Labels::new(Lang::Fr));
        assert!(fr.contains("la fête nationale du 29 février est célébrée le 28 février 2023"), "{fr}");
        let csv = csv(&report("2023-02"), &Labels::new(Lang::En));
        assert_eq!(
            csv,
            "date,country,country_name,name,national_day\n2023-02-28,BN,Brunei Darussalam,Leap Day,02-29\n"
        );
        let json: serde_json::Value = serde_json::from_str(&json(&report("2023-02"), &Labels::new(Lang::En))).unwrap();
        assert_eq!(json, serde_json::json!([{"country": "BN", "date": "2023-02-28", "name": "Leap Day"}]));
    }

    #[test]
    fn markdown_table_and_arabic_block() {
        let md = markdown(&report("2023-12"), &Labels::new(Lang::En));
        assert!(md.starts_with("## National days of the member states in December 2023\n\n| Date | Member state | National day |\n|---|---|---|\n| 2 December 2023 | United Arab Emirates | National Day |\n"), "{md}");
        let ar = markdown(&report("2023-12"), &Labels::new(Lang::Ar));
        assert!(ar.starts_with("<div dir=\"rtl\" lang=\"ar\">\n\n## "), "{ar}");
        assert!(ar.ends_with("\n\n</div>\n"), "{ar}");
    }
}
