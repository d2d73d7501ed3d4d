//! Renderings of the timeline of key highlights: text, Markdown and the JSON
//! `{"year": 2023, "months": [{"month": "2023-01", "name": "January", "items":
//! [{"id", "kind", "date", "title"}]}]}`, month names and titles in the
//! chosen language (a title missing in that language falls back to English,
//! French, then Arabic). Arabic text lines carry a right-to-left mark, as
//! the other reports' do.

use serde::Serialize;
use vigie_domain::Activity;
use vigie_domain::DatePrecision;
use vigie_i18n::{Value, capitalize};
use vigie_report::TimelineReport;

use crate::Labels;
use crate::table::layout;

/// U+200F RIGHT-TO-LEFT MARK.
const RLM: char = '\u{200F}';

/// The period the report covers, in words: the year, or the month and year.
fn period(report: &TimelineReport, labels: &Labels) -> (String, &'static str, &'static str) {
    match report.month {
        Some(month) => {
            (vigie_i18n::month_year(labels.lang, report.year, month), "timeline-title-month", "timeline-none-month")
        }
        None => (report.year.to_string(), "timeline-title-year", "timeline-none-year"),
    }
}

pub fn title(report: &TimelineReport, labels: &Labels) -> String {
    let (period, id, _) = period(report, labels);
    let key = if report.month.is_some() { "month" } else { "year" };
    capitalize(&labels.text_with(id, &[(key, Value::from(period))]))
}

/// The sentence said when the period has no highlight.
fn none(report: &TimelineReport, labels: &Labels) -> String {
    let (period, _, id) = period(report, labels);
    let key = if report.month.is_some() { "month" } else { "year" };
    labels.text_with(id, &[(key, Value::from(period))])
}

/// The activity's date in words: the day, or the month when the day is not
/// known.
fn date(activity: &Activity, labels: &Labels) -> String {
    match activity.date_precision {
        DatePrecision::Month => labels.month(activity.month()),
        _ => labels.date(activity.date),
    }
}

/// A month's heading: its name, capitalised.
fn heading(month: i8, labels: &Labels) -> String {
    capitalize(&vigie_i18n::month_name(labels.lang, month))
}

pub fn text(report: &TimelineReport, labels: &Labels) -> String {
    let mut lines = vec![title(report, labels), String::new()];
    if report.months.is_empty() {
        lines.push(none(report, labels));
    }
    for (index, month) in report.months.iter().enumerate() {
        if index > 0 {
            lines.push(String::new());
        }
        lines.push(heading(month.month.number(), labels));
        let rows: Vec<Vec<String>> = month
            .items
            .iter()
            .map(|activity| vec![date(activity, labels), activity.title_in(labels.lang).to_string()])
            .collect();
        lines.extend(layout(&rows, 0).into_iter().map(|line| format!("  {line}")));
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

pub(crate) fn escaped(text: &str) -> String {
    // a title is one line; keep Markdown from reading it as markup
    text.replace('\\', "\\\\").replace('*', "\\*").replace('_', "\\_")
}

pub fn markdown(report: &TimelineReport, labels: &Labels) -> String {
    let mut lines = vec![format!("## {}", title(report, labels))];
    if report.months.is_empty() {
        lines.push(String::new());
        lines.push(none(report, labels));
    }
    for month in &report.months {
        lines.push(String::new());
        lines.push(format!("### {}", heading(month.month.number(), labels)));
        lines.push(String::new());
        for activity in &month.items {
            lines.push(format!("- **{}** — {}", date(activity, labels), escaped(activity.title_in(labels.lang))));
        }
    }
    let body = lines.join("\n");
    if labels.lang.is_rtl() {
        format!("<div dir=\"rtl\" lang=\"ar\">\n\n{body}\n\n</div>\n")
    } else {
        format!("{body}\n")
    }
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    kind: &'static str,
    date: String,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonMonth<'a> {
    month: String,
    name: String,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct Json<'a> {
    year: i16,
    months: Vec<JsonMonth<'a>>,
}

/// `{"year": 2023, "months": [{"month": "2023-01", "name": "January",
/// "items": [{"id", "kind", "date", "title"}]}]}`; `date` as the register
/// writes it (`YYYY-MM` when the day is not known).
pub fn json(report: &TimelineReport, labels: &Labels) -> String {
    let json = Json {
        year: report.year,
        months: report
            .months
            .iter()
            .map(|month| JsonMonth {
                month: month.month.to_string(),
                name: vigie_i18n::month_name(labels.lang, month.month.number()),
                items: month
                    .items
                    .iter()
                    .map(|activity| JsonItem {
                        id: &activity.id,
                        kind: activity.kind.code(),
                        date: activity.date_text(),
                        title: activity.title_in(labels.lang),
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&json).expect("numbers and strings always serialise");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::{ActivityKind, Lang, Names};
    use vigie_report::timeline::from_activities;

    fn activity(id: &str, date: &str, highlight: u32, title: [&str; 3]) -> Activity {
        Activity {
            id: id.into(),
            kind: ActivityKind::Conference,
            date: date.parse().unwrap(),
            date_precision: DatePrecision::Day,
            end_date: None,
            title: Names { fr: title[0].into(), en: title[1].into(), ar: title[2].into() },
            counterpart_country: None,
            counterpart_org: Names::default(),
            counterpart_person: String::new(),
            counterpart_person_ar: String::new(),
            counterpart_title: Names::default(),
            domains: Vec::new(),
            place: Names::default(),
            description: Names::default(),
            article: None,
            highlight: Some(highlight),
            organisations: Vec::new(),
            themes: Vec::new(),
            people: Vec::new(),
        }
    }

    fn report(month: Option<i8>) -> TimelineReport {
        let mut by_month = activity("forum", "2023-03-01", 3, ["Forum", "Forum", "منتدى"]);
        by_month.date_precision = DatePrecision::Month;
        let activities = vec![
            activity("summit", "2023-03-20", 1, ["Sommet", "Summit", "قمة"]),
            by_month,
            activity("visit", "2023-01-15", 1, ["Visite", "", ""]),
            activity("workshop", "2023-03-02", 2, ["", "Workshop *one*", "ورشة"]),
        ];
        from_activities(activities, 2023, month)
    }

    #[test]
    fn json_months_and_items_in_order() {
        let value: serde_json::Value = serde_json::from_str(&json(&report(None), &Labels::new(Lang::En))).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"year": 2023, "months": [
                {"month": "2023-01", "name": "January", "items": [
                    {"id": "visit", "kind": "conference", "date": "2023-01-15", "title": "Visite"}]},
                {"month": "2023-03", "name": "March", "items": [
                    {"id": "summit", "kind": "conference", "date": "2023-03-20", "title": "Summit"},
                    {"id": "workshop", "kind": "conference", "date": "2023-03-02", "title": "Workshop *one*"},
                    {"id": "forum", "kind": "conference", "date": "2023-03", "title": "Forum"}]}
            ]})
        );
        let fr: serde_json::Value = serde_json::from_str(&json(&report(None), &Labels::new(Lang::Fr))).unwrap();
        assert_eq!(fr["months"][1]["name"], "mars");
        assert_eq!(fr["months"][1]["items"][1]["title"], "Workshop *one*", "no French title: the English one");
        let empty = json(&from_activities(vec![], 2020, None), &Labels::new(Lang::En));
        assert_eq!(empty, "{\n  \"year\": 2020,\n  \"months\": []\n}\n");
    }

    #[test]
    fn text_in_three_languages() {
        let en = text(&report(None), &Labels::new(Lang::En));
        assert_eq!(
            en,
            "Key highlights of 2023\n\
             \n\
             January\n\
             \x20 15 January 2023  Visite\n\
             \n\
             March\n\
             \x20 20 March 2023  Summit\n\
             \x20 2 March 2023   Workshop *one*\n\
             \x20 March 2023     Forum\n"
        );
        let fr = text(&report(Some(3)), &Labels::new(Lang::Fr));
        assert!(fr.starts_with("Faits marquants de mars 2023\n\nMars\n  20 mars 2023  Sommet\n"), "{fr}");
        let ar = text(&report(None), &Labels::new(Lang::Ar));
        assert!(ar.lines().filter(|l| !l.is_empty()).all(|l| l.starts_with(RLM)), "{ar}");
        assert!(ar.contains("أبرز محطات عام 2023"), "{ar}");
        assert!(ar.contains("20 مارس 2023  قمة"), "{ar}");
    }

    #[test]
    fn nothing_to_show_is_said() {
        assert_eq!(
            text(&report(Some(2)), &Labels::new(Lang::En)),
            "Key highlights of February 2023\n\nNo key highlights are recorded for February 2023.\n"
        );
        let none = from_activities(vec![], 2019, None);
        assert!(
            text(&none, &Labels::new(Lang::Fr)).contains("Aucun fait marquant n'est enregistré pour l'année 2019.")
        );
        assert!(markdown(&none, &Labels::new(Lang::Ar)).contains("لا توجد محطات بارزة مسجّلة لعام 2019."));
    }

    #[test]
    fn markdown_sections() {
        let md = markdown(&report(None), &Labels::new(Lang::En));
        assert!(
            md.starts_with(
                "## Key highlights of 2023\n\n### January\n\n- **15 January 2023** — Visite\n\n### March\n\n\
                 - **20 March 2023** — Summit\n- **2 March 2023** — Workshop \\*one\\*\n"
            ),
            "{md}"
        );
        let ar = markdown(&report(None), &Labels::new(Lang::Ar));
        assert!(ar.starts_with("<div dir=\"rtl\" lang=\"ar\">\n\n## "), "{ar}");
        assert!(ar.ends_with("\n\n</div>\n"), "{ar}");
    }
}
