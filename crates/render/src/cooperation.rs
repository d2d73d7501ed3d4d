//! The cooperation report of one organisation as text, Markdown and JSON:
//! its activities, agreements and stories, year by year.

use serde_json::{Value as Json, json};
use vigie_domain::partner::first_of;
use vigie_domain::theme::{Theme, label_of};
use vigie_domain::{Activity, Agreement, Lang, Names, Story};
use vigie_i18n::Value;
use vigie_report::CooperationReport;

use crate::Labels;

fn names(names: &Names) -> Json {
    json!({ "fr": names.fr, "en": names.en, "ar": names.ar })
}

fn activity_json(activity: &Activity) -> Json {
    json!({
        "id": activity.id,
        "date": activity.date_text(),
        "kind": activity.kind.code(),
        "title": names(&activity.title),
        "organisations": activity.organisations,
        "themes": activity.themes,
        "domains": activity.domains.iter().map(|d| d.code()).collect::<Vec<_>>(),
        "article": activity.article,
        "counterpart": {
            "person": activity.counterpart_person,
            "person_ar": activity.counterpart_person_ar,
            "title": names(&activity.counterpart_title),
        },
        "people": activity.people.iter().map(|p| json!({
            "organisation": p.organisation,
            "person": p.person,
            "person_ar": p.person_ar,
            "title": names(&p.title),
        })).collect::<Vec<_>>(),
    })
}

fn agreement_json(agreement: &Agreement) -> Json {
    json!({ "signed": agreement.signed_text(), "title": names(&agreement.title), "reference": agreement.reference })
}

fn story_json(story: &Story) -> Json {
    let titles: serde_json::Map<String, Json> =
        story.versions.iter().map(|v| (v.lang.code().to_string(), Json::from(v.title.clone()))).collect();
    json!({ "id": story.id, "title": titles })
}

/// The report as JSON: every text in its three languages, codes as codes.
pub fn json(report: &CooperationReport) -> Json {
    let o = &report.organisation;
    json!({
        "organisation": {
            "id": o.id,
            "kind": o.kind.code(),
            "country": o.country.map(|c| c.to_string()),
            "partner": o.partner,
            "name": names(&o.name),
        },
        "from": report.from.map(|m| m.to_string()),
        "to": report.to.map(|m| m.to_string()),
        "activities": report.activity_count(),
        "years": report.years.iter().map(|year| json!({
            "year": year.year,
            "activities": year.activities.iter().map(activity_json).collect::<Vec<_>>(),
            "agreements": year.agreements.iter().map(agreement_json).collect::<Vec<_>>(),
            "stories": year.stories.iter().map(story_json).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "undated_agreements": report.undated_agreements.iter().map(agreement_json).collect::<Vec<_>>(),
        // the labels of the themes its activities are tagged with
        "themes": report
            .themes
            .iter()
            .filter(|t| report.years.iter().flat_map(|y| &y.activities).any(|a| a.themes.contains(&t.id)))
            .map(|t| (t.id.clone(), names(&t.label)))
            .collect::<serde_json::Map<String, Json>>(),
    })
}

/// The title: "Gulf Cooperation Council (regional organisation, Saudi Arabia)".
pub fn title(report: &CooperationReport, labels: &Labels) -> String {
    let o = &report.organisation;
    let mut about = vec![labels.text(&format!("organisation-kind-{}", o.kind.code()))];
    if let Some(country) = o.country {
        about.push(labels.country(country));
    }
    let comma = if labels.lang == Lang::Ar { "، " } else { ", " };
    format!("{} ({})", o.name_in(labels.lang), about.join(comma))
}

/// One line an activity: its date, title, themes (their labels), and the
/// people who spoke for the organisation `id`.
fn activity_line(activity: &Activity, id: &str, themes: &[Theme], labels: &Labels) -> String {
    let date = match activity.date_precision {
        vigie_domain::DatePrecision::Day => labels.date(activity.date),
        _ => labels.month(activity.month()),
    };
    let kind = labels.text_with(&format!("activity-kind-{}", activity.kind.code()), &[("count", Value::from(1))]);
    let mut line = format!("{date} · {} ({kind})", activity.title_in(labels.lang));
    if !activity.themes.is_empty() {
        let shown: Vec<&str> = activity.themes.iter().map(|t| label_of(themes, t, labels.lang)).collect();
        let comma = if labels.lang == Lang::Ar { "، " } else { ", " };
        line.push_str(&format!(" [{}]", shown.join(comma)));
    }
    let people: Vec<String> = activity
        .people_of(id, labels.lang)
        .into_iter()
        .map(|(name, title)| if title.is_empty() { name } else { format!("{name} ({title})") })
        .collect();
    if !people.is_empty() {
        let people = vigie_i18n::join_list(labels.lang, people);
        line.push_str(&format!(" — {}", labels.text_with("cooperation-people", &[("people", Value::from(people))])));
    }
    line
}

fn agreement_line(agreement: &Agreement, labels: &Labels) -> String {
    let title = first_of(&agreement.title, labels.lang);
    match agreement.signed {
        Some(date) => format!("{} · {title}", labels.date(date)),
        None => title.to_string(),
    }
}

fn story_line(story: &Story, lang: Lang) -> String {
    story.preferred(lang).map_or_else(|| story.id.clone(), |v| v.title.clone())
}

/// A part of a section: its heading (empty: none) and its lines.
type Part = (String, Vec<String>);

/// The sections of the report: (heading, parts), each year's then the
/// undated agreements'.
fn sections(report: &CooperationReport, labels: &Labels) -> Vec<(String, Vec<Part>)> {
    let mut out = Vec::new();
    for year in &report.years {
        let mut parts = Vec::new();
        let count = |n: usize| [("count", Value::from(n))];
        if !year.activities.is_empty() {
            parts.push((
                labels.text_with("cooperation-activities", &count(year.activities.len())),
                year.activities
                    .iter()
                    .map(|a| activity_line(a, &report.organisation.id, &report.themes, labels))
                    .collect(),
            ));
        }
        if !year.agreements.is_empty() {
            parts.push((
                labels.text_with("cooperation-agreements", &count(year.agreements.len())),
                year.agreements.iter().map(|a| agreement_line(a, labels)).collect(),
            ));
        }
        if !year.stories.is_empty() {
            parts.push((
                labels.text_with("cooperation-stories", &count(year.stories.len())),
                year.stories.iter().map(|s| story_line(s, labels.lang)).collect(),
            ));
        }
        out.push((year.year.to_string(), parts));
    }
    if !report.undated_agreements.is_empty() {
        let lines = report.undated_agreements.iter().map(|a| agreement_line(a, labels)).collect();
        out.push((labels.text("cooperation-undated"), vec![(String::new(), lines)]));
    }
    out
}

/// The report as text.
pub fn text(report: &CooperationReport, labels: &Labels) -> String {
    let mut out = format!("{}\n", title(report, labels));
    if let Some(partner) = &report.partner {
        let name = Value::from(partner.name_in(labels.lang).to_string());
        out.push_str(&format!("{}\n", labels.text_with("cooperation-partner-line", &[("name", name)])));
    }
    let sections = sections(report, labels);
    if sections.is_empty() {
        out.push_str(&format!("\n{}\n", labels.text("cooperation-none")));
    }
    for (heading, parts) in sections {
        out.push_str(&format!("\n{heading}\n"));
        for (subheading, lines) in parts {
            if !subheading.is_empty() {
                out.push_str(&format!("  {subheading}\n"));
            }
            for line in lines {
                out.push_str(&format!("    {line}\n"));
            }
        }
    }
    out
}

/// The report as Markdown.
pub fn markdown(report: &CooperationReport, labels: &Labels) -> String {
    let escape = crate::timeline::escaped;
    let mut out = format!("# {}\n", escape(&title(report, labels)));
    if let Some(partner) = &report.partner {
        let name = Value::from(escape(partner.name_in(labels.lang)));
        out.push_str(&format!("\n{}\n", labels.text_with("cooperation-partner-line", &[("name", name)])));
    }
    let sections = sections(report, labels);
    if sections.is_empty() {
        out.push_str(&format!("\n{}\n", labels.text("cooperation-none")));
    }
    for (heading, parts) in sections {
        out.push_str(&format!("\n## {}\n", escape(&heading)));
        for (subheading, lines) in parts {
            if !subheading.is_empty() {
                out.push_str(&format!("\n### {}\n\n", escape(&subheading)));
            } else {
                out.push('\n');
            }
            for line in lines {
                out.push_str(&format!("- {}\n", escape(&line)));
            }
        }
    }
    out
}
