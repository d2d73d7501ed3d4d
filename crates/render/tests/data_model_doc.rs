//! `docs/data-model.md` against the code: the incident columns in order,
//! every code of each closed list with its labels in the three catalogues,
//! every register's columns and CSV header, the shipped perpetrator and
//! region groups, and every key of the reports' JSON. Adding a column, a
//! code, a label, a register column or a report key to the code without
//! adding it to the document fails here.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use vigie_domain::activity::{ACTIVITY_COLUMNS, RawActivity};
use vigie_domain::article::{ARTICLE_KEYS, IMAGE_KEYS};
use vigie_domain::incident::Column;
use vigie_domain::member::MEMBER_COLUMNS;
use vigie_domain::note::NOTE_COLUMNS;
use vigie_domain::partner::{AGREEMENT_COLUMNS, PARTNER_COLUMNS};
use vigie_domain::region::FormerMembers;
use vigie_domain::{
    ActivityKind, ActivityValidator, ArticleKind, ArticleStatus, Change, CountryCode, DatePrecision, Domain,
    GroupRegister, Lang, Member, Method, Month, Names, NationalDay, Regions, Scope, Status, Target,
};
use vigie_i18n::{Value as FluentValue, catalog};
use vigie_render::Labels;
use vigie_report::{Breakdown, CountryRow, MembershipUsed, MonthlyReport, Totals, UnknownCasualties};

const DOC: &str = include_str!("../../../docs/data-model.md");

/// The lines of the section under `heading` (a whole line, `## Name`), up
/// to the next heading of the same or a higher level; headings inside code
/// blocks do not count.
fn section(heading: &str) -> Vec<&'static str> {
    let level = heading.chars().take_while(|&c| c == '#').count();
    let mut lines = DOC.lines().skip_while(|line| *line != heading);
    assert!(lines.next().is_some(), "docs/data-model.md has no heading {heading:?}");
    let mut fenced = false;
    let mut out = Vec::new();
    for line in lines {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if !fenced && hashes > 0 && hashes <= level && line[hashes..].starts_with(' ') {
            break;
        }
        out.push(line);
    }
    out
}

/// The tables of a section, each as its body rows (header and separator
/// left out).
fn tables(lines: &[&'static str]) -> Vec<Vec<&'static str>> {
    let mut tables = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in lines.iter().copied().chain([""]) {
        if line.starts_with('|') {
            current.push(line);
        } else if !current.is_empty() {
            tables.push(current.split_off(0).into_iter().skip(2).collect());
        }
    }
    tables
}

/// A row's first cell, without its backquotes.
fn first_cell(row: &str) -> &str {
    row.split('|').nth(1).unwrap_or("").trim().trim_matches('`')
}

/// The first cells of the `index`-th table of the section under `heading`.
fn first_cells(heading: &str, index: usize) -> Vec<&'static str> {
    let tables = tables(&section(heading));
    let table = tables.get(index).unwrap_or_else(|| panic!("{heading}: no table number {}", index + 1));
    table.iter().map(|row| first_cell(row)).collect()
}

fn label(id: &str, lang: Lang) -> String {
    assert!(catalog().has(id), "the catalogues have no message {id}");
    // the plural messages (activity kinds) give their singular
    catalog().text_with(lang, id, &[("count", FluentValue::from(1))])
}

/// The code list's table (the first of its section) lists exactly `codes`,
/// in order, each with its French, English and Arabic labels.
fn check_code_table(heading: &str, codes: &[&str], label_prefix: &str) {
    assert_eq!(first_cells(heading, 0), codes, "docs/data-model.md, {heading}: the codes differ from the code's list");
    let rows = &tables(&section(heading))[0];
    for code in codes {
        let id = format!("{label_prefix}{code}");
        let expected =
            format!("| `{code}` | {} | {} | {} |", label(&id, Lang::Fr), label(&id, Lang::En), label(&id, Lang::Ar));
        assert!(rows.contains(&expected.as_str()), "docs/data-model.md, {heading}: expected the row\n{expected}");
    }
}

#[test]
fn the_incident_table_lists_every_native_column_in_order() {
    assert_eq!(first_cells("## Incident fields", 0), Column::header(), "docs/data-model.md: the incident table");
    let header = Column::header().join(",");
    let native_csv = section("## Native CSV");
    assert!(native_csv.contains(&header.as_str()), "docs/data-model.md, Native CSV: no header line {header}");
}

#[test]
fn every_code_appears_with_its_labels() {
    check_code_table(
        "### Target sectors (`target`)",
        &Target::ALL.iter().map(|t| t.code()).collect::<Vec<_>>(),
        "target-",
    );
    check_code_table(
        "### Modus operandi (`method`)",
        &Method::ALL.iter().map(|m| m.code()).collect::<Vec<_>>(),
        "method-",
    );
    check_code_table(
        "### Incident status (`status`)",
        &Status::ALL.iter().map(|s| s.code()).collect::<Vec<_>>(),
        "status-",
    );
    check_code_table(
        "### Activity kinds (`kind` of an activity)",
        &ActivityKind::ALL.map(ActivityKind::code),
        "activity-kind-",
    );
    check_code_table(
        "### Domains of action (`domains` of an activity or an article)",
        &Domain::ALL.map(Domain::code),
        "domain-",
    );
    check_code_table(
        "### Article kinds (`kind` of an article)",
        &ArticleKind::ALL.map(ArticleKind::code),
        "article-kind-",
    );
    check_code_table(
        "### Article statuses (`status` of an article)",
        &ArticleStatus::ALL.map(ArticleStatus::code),
        "web-article-status-",
    );
    check_code_table("### Partner scopes (`scope` of a partner)", &Scope::ALL.map(Scope::code), "web-partner-scope-");
    let precisions: Vec<&str> = DatePrecision::ALL.iter().map(|p| p.code()).collect();
    assert_eq!(first_cells("### Date precision codes (`date_precision`)", 0), precisions);
    assert_eq!(first_cells("### Date precision", 0), precisions, "docs/data-model.md: the meaning of each precision");
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
    assert_eq!(first_cells("### Status", 0), statuses, "docs/data-model.md: the meaning of each status");
}

#[test]
fn every_register_column_appears_in_order_with_the_csv_header() {
    let registers: [(&str, usize, &[&str]); 5] = [
        ("### Member states", 0, &MEMBER_COLUMNS),
        ("### Partners and agreements", 0, &PARTNER_COLUMNS),
        ("### Partners and agreements", 1, &AGREEMENT_COLUMNS),
        ("### Activities", 0, &ACTIVITY_COLUMNS),
        ("### Developments notes", 0, &NOTE_COLUMNS),
    ];
    for (heading, index, columns) in registers {
        assert_eq!(first_cells(heading, index), columns, "docs/data-model.md, {heading}: the columns");
        let header = columns.join(",");
        assert!(section(heading).contains(&header.as_str()), "docs/data-model.md, {heading}: no CSV header {header}");
    }
    assert_eq!(first_cells("### Articles", 0), ARTICLE_KEYS, "docs/data-model.md: the articles' front matter keys");
    let articles = section("### Articles").join("\n");
    for key in IMAGE_KEYS {
        assert!(articles.contains(&format!("`{key}`")), "docs/data-model.md, Articles: the image key {key}");
    }
}

#[test]
fn the_shipped_groups_and_regions_are_listed() {
    let group_tables = tables(&section("## Perpetrator groups"));
    let groups = group_tables
        .iter()
        .find(|t| t.iter().any(|row| row.starts_with("| `jnim`")))
        .expect("the shipped groups' table");
    let register = GroupRegister::builtin();
    for group in register.iter() {
        let expected = format!("| `{}` | {} | `{}` |", group.id, group.name.en, group.kind.code());
        assert!(groups.contains(&expected.as_str()), "docs/data-model.md, Perpetrator groups: expected {expected}");
    }
    assert_eq!(groups.iter().filter(|row| row.starts_with("| `")).count(), register.len());
    let regions = tables(&section("## Region groups")).concat();
    for region in Regions::builtin().iter() {
        let countries: Vec<&str> = region.members.iter().map(|m| m.country.as_str()).collect();
        let rule = match region.former_members {
            FormerMembers::Exclude => "exclude",
            FormerMembers::Include => "include",
        };
        let expected = format!("| `{}` | {} | {rule} |", region.id, countries.join(", "));
        assert!(
            regions.iter().any(|row| row.starts_with(&expected)),
            "docs/data-model.md, Region groups: expected a row starting {expected}"
        );
        let dates: Vec<String> = region
            .members
            .iter()
            .filter(|m| m.from.is_some() || m.until.is_some())
            .map(|m| {
                let from = m.from.map(|d| format!(" from {d}")).unwrap_or_default();
                let until = m.until.map(|d| format!(" until {d}")).unwrap_or_default();
                format!("{}{from}{until}", m.country)
            })
            .collect();
        let dates = if dates.is_empty() { "—".to_string() } else { dates.join("; ") };
        let row = format!("{expected} {dates} |");
        assert!(regions.contains(&row.as_str()), "docs/data-model.md, Region groups: expected the row\n{row}");
    }
}

/// The path of every key of `json` (`countries[].operations.previous`),
/// except those below the keys of `opaque` (objects whose keys are data,
/// not names). A list at the top adds nothing to the paths.
fn paths(json: &Value, prefix: &str, opaque: &[&str], out: &mut BTreeSet<String>) {
    match json {
        Value::Object(map) => {
            for (key, value) in map {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                out.insert(path.clone());
                if !opaque.contains(&key.as_str()) {
                    paths(value, &path, opaque, out);
                }
            }
        }
        Value::Array(items) => {
            let prefix = if prefix.is_empty() { String::new() } else { format!("{prefix}[]") };
            items.iter().for_each(|item| paths(item, &prefix, opaque, out));
        }
        _ => {}
    }
}

/// Every key of the JSON is described by a table of the section under
/// `heading`: a row for its whole path, or for its name in a table of the
/// object it belongs to (the keys of a change, of a breakdown row…).
fn check_keys(heading: &str, json: &str, opaque: &[&str]) {
    let value: Value = serde_json::from_str(json).unwrap();
    let mut found = BTreeSet::new();
    paths(&value, "", opaque, &mut found);
    assert!(!found.is_empty());
    let described: BTreeSet<&str> = tables(&section(heading)).concat().into_iter().map(first_cell).collect();
    for path in found {
        let name = path.rsplit(['.', ']']).next().unwrap_or(&path);
        assert!(
            described.contains(path.as_str()) || described.contains(name),
            "docs/data-model.md, {heading}: no table describes the JSON key {path}"
        );
    }
}

fn monthly_report() -> MonthlyReport {
    let region = Regions::builtin().get("g5-sahel").unwrap().clone();
    let month = Month::new(2023, 12).unwrap();
    let membership = region.membership(month);
    let row = |key: &str| Breakdown { key: key.into(), operations: 2, victims: 30, victims_range: None };
    MonthlyReport {
        region: region.id.clone(),
        month,
        previous_month: month.previous(),
        countries: membership
            .countries
            .iter()
            .map(|&country| CountryRow {
                country,
                operations: Change::new(1, 2),
                victims: Change::new(0, 5),
                victims_range: Default::default(),
            })
            .collect(),
        total: Totals {
            operations: Change::new(5, 10),
            victims: Change::new(0, 25),
            victims_range: Default::default(),
        },
        by_target: vec![row("military")],
        by_method: vec![row("ambush")],
        by_perpetrator: vec![row("jnim")],
        unknown_casualties: UnknownCasualties { previous: 0, current: 1 },
        include_drafts: false,
        include_state_actors: false,
        state_actors_left_out: 0,
        previous_published: Some(vigie_report::PreviousPublished { issue: "57".into(), operations: 4, victims: 9 }),
        explanation: None,
        membership: MembershipUsed {
            former_members: membership.former_members,
            former: membership.former.clone(),
            // a member with both dates, so that every key shows
            excluded: membership.former,
        },
        region_group: region,
        perpetrator_names: BTreeMap::new(),
    }
}

#[test]
fn every_key_of_the_monthly_report_is_described() {
    let report = monthly_report();
    check_keys("### The monthly report", &vigie_render::monthly::json(&report), &[]);
    let csv = vigie_render::monthly::csv(&report, &Labels::new(Lang::En));
    let header = csv.lines().next().unwrap();
    assert!(section("### The monthly report").contains(&header), "docs/data-model.md: the monthly CSV header {header}");
}

#[test]
fn every_key_of_the_other_reports_is_described() {
    let labels = Labels::new(Lang::En);
    let year = vigie_report::year::from_registers(&[], &[], 2023);
    check_keys("### The year in numbers", &vigie_render::year::json(&year), &["counts"]);

    let mut values = vec![None; ACTIVITY_COLUMNS.len()];
    for (column, value) in [
        ("id", "a-meeting"),
        ("kind", "meeting"),
        ("date", "2023-12-13"),
        ("title_en", "A meeting"),
        ("highlight", "1"),
    ] {
        values[ACTIVITY_COLUMNS.iter().position(|c| *c == column).unwrap()] = Some(value.to_string());
    }
    let activity = ActivityValidator::new().activity(&RawActivity::from_values(values)).unwrap();
    let timeline = vigie_report::timeline::from_activities(vec![activity], 2023, None);
    check_keys("### The timeline", &vigie_render::timeline::json(&timeline, &labels), &[]);

    let name = Names { fr: "Fête nationale".into(), en: "National Day".into(), ar: "اليوم الوطني".into() };
    let member = Member {
        country: CountryCode::new("AE").unwrap(),
        joined: None,
        national_days: vec![NationalDay { month: 12, day: 2, name }],
        representative_title: String::new(),
    };
    let days = vigie_report::national_days::from_members(&[member], Month::new(2023, 12).unwrap());
    check_keys("### National days", &vigie_render::national_days::json(&days, &labels), &[]);
    let csv = vigie_render::national_days::csv(&days, &labels);
    let header = csv.lines().next().unwrap();
    assert!(
        section("### National days").contains(&header),
        "docs/data-model.md: the national days CSV header {header}"
    );
}

/// A heading's anchor as GitHub makes it: lower case, spaces to hyphens,
/// punctuation other than hyphens and underscores dropped.
fn anchor(heading: &str) -> String {
    heading
        .trim_start_matches('#')
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[test]
fn every_link_inside_the_document_finds_its_heading() {
    let mut fenced = false;
    let mut anchors = BTreeSet::new();
    for line in DOC.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if !fenced && line.starts_with('#') {
            anchors.insert(anchor(line));
        }
    }
    for link in DOC.split("](#").skip(1) {
        let target = &link[..link.find(')').unwrap()];
        assert!(anchors.contains(target), "docs/data-model.md links to #{target}, which no heading has");
    }
    // the anchors the code's comments and the README point to
    for target in ["incident-fields", "native-csv", "code-lists", "the-monthly-report", "membership-over-time"] {
        assert!(anchors.contains(target), "docs/data-model.md lost the heading of #{target}");
    }
}
