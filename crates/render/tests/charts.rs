//! The monthly report's charts against golden SVG files (set
//! `UPDATE_GOLDEN=1` to rewrite them after a deliberate change), and what
//! must hold of any chart: well-formed XML, localised text, escaped labels,
//! bars in proportion, mirrored in Arabic.

use std::collections::BTreeMap;
use std::path::PathBuf;

use vigie_domain::region::FormerMembers;
use vigie_domain::{Change, CountryCode, Lang, Month, Names, Regions};
use vigie_render::Labels;
use vigie_render::charts::monthly_charts;
use vigie_report::{Breakdown, CountryRow, MembershipUsed, MonthlyReport, Totals, UnknownCasualties};

fn breakdown(list: &[(&str, u64, u64)]) -> Vec<Breakdown> {
    list.iter()
        .map(|&(key, operations, victims)| Breakdown { key: key.into(), operations, victims, victims_range: None })
        .collect()
}

/// The G5 Sahel in December 2023, as the demo data give it.
fn report() -> MonthlyReport {
    let region_group = Regions::builtin().get("g5-sahel").unwrap().clone();
    let mut perpetrator_names = BTreeMap::new();
    for (key, en, ar) in [
        ("jnim", "JNIM", "جماعة نصرة الإسلام والمسلمين"),
        ("is-sahel", "Islamic State Sahel Province", "ولاية الساحل"),
        ("ansarul-islam", "Ansarul Islam <&>", "أنصار الإسلام"),
    ] {
        perpetrator_names.insert(key.to_string(), Names { fr: en.into(), en: en.into(), ar: ar.into() });
    }
    MonthlyReport {
        region: "g5-sahel".into(),
        month: Month::new(2023, 12).unwrap(),
        previous_month: Month::new(2023, 11).unwrap(),
        countries: vec![CountryRow {
            country: CountryCode::new("BF").unwrap(),
            operations: Change::new(3, 3),
            victims: Change::new(167, 98),
            victims_range: Default::default(),
        }],
        total: Totals {
            operations: Change::new(6, 7),
            victims: Change::new(197, 175),
            victims_range: Default::default(),
        },
        by_target: breakdown(&[("military", 3, 125), ("civilians", 2, 26), ("security", 2, 24)]),
        by_method: breakdown(&[
            ("ambush", 2, 75),
            ("explosive", 2, 24),
            ("suicide", 1, 50),
            ("armed_assault", 1, 16),
            ("kidnapping", 1, 10),
        ]),
        by_perpetrator: breakdown(&[("jnim", 3, 132), ("is-sahel", 3, 27), ("ansarul-islam", 1, 16)]),
        unknown_casualties: UnknownCasualties { previous: 0, current: 0 },
        include_drafts: false,
        include_state_actors: false,
        state_actors_left_out: 0,
        previous_published: None,
        explanation: None,
        membership: MembershipUsed { former_members: FormerMembers::Include, former: vec![], excluded: vec![] },
        region_group,
        perpetrator_names,
    }
}

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_GOLDEN=1", path.display()));
    assert!(expected == actual, "{name} differs from its golden file; rerun with UPDATE_GOLDEN=1 if deliberate");
}

#[test]
fn charts_match_their_golden_files() {
    for lang in Lang::ALL {
        for (index, chart) in monthly_charts(&report(), &Labels::new(lang)).iter().enumerate() {
            golden(&format!("monthly-{index}.{lang}.svg"), &chart.svg());
        }
    }
}

#[test]
fn charts_are_well_formed_and_localised() {
    let report = report();
    let en = monthly_charts(&report, &Labels::new(Lang::En));
    assert_eq!(en.len(), 3);
    for chart in &en {
        let svg = chart.svg();
        roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{}: {e}\n{svg}", chart.id));
    }
    let targets = en[0].svg();
    assert!(targets.contains(">Targeted sectors</text>"), "{targets}");
    // a bar's name is isolated in every language: it may be a group's, as typed
    assert!(targets.contains(">&#x2068;Military&#x2069;</text>"), "{targets}");
    assert!(targets.contains(">Number of terrorist operations</text>"));
    let perpetrators = en[1].svg();
    assert!(perpetrators.contains("Ansarul Islam &lt;&amp;&gt;"), "labels are escaped");
    assert!(
        perpetrators.contains(">Killed and wounded</text>") && perpetrators.contains(">Terrorist operations</text>")
    );
    // methods are ordered by victims: the suicide attack (50) before the IED (24)
    let methods = en[2].svg();
    assert!(
        methods.find(">&#x2068;Suicide attack&#x2069;<").unwrap()
            < methods.find(">&#x2068;IED or landmine&#x2069;<").unwrap()
    );

    let fr = monthly_charts(&report, &Labels::new(Lang::Fr));
    assert!(fr[0].svg().contains("Secteurs ciblés"), "{}", fr[0].svg());
    let ar = monthly_charts(&report, &Labels::new(Lang::Ar));
    let svg = ar[1].svg();
    roxmltree::Document::parse(&svg).unwrap();
    assert!(svg.contains("&#x2067;العدد&#x2069;"), "Arabic labels are isolated right to left: {svg}");
    assert!(svg.contains("&#x2068;جماعة نصرة الإسلام والمسلمين&#x2069;"), "a bar's name by its first letter");
    assert!(svg.contains("direction=\"ltr\""), "mirrored by coordinates, not by the renderer");
}

/// The widths of the bars of one chart, in drawing order.
fn bar_widths(svg: &str) -> Vec<f64> {
    let document = roxmltree::Document::parse(svg).unwrap();
    document
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.parent().is_some_and(|p| p.has_tag_name("g")))
        .map(|n| n.attribute("width").unwrap().parse().unwrap())
        .collect()
}

#[test]
fn bars_are_in_proportion_and_mirrored_in_arabic() {
    let report = report();
    let en = monthly_charts(&report, &Labels::new(Lang::En))[1].svg();
    let widths = bar_widths(&en);
    // jnim: 3 operations, 132 victims; is-sahel 3, 27; ansarul-islam 1, 16
    assert_eq!(widths.len(), 6);
    assert!((widths[1] / widths[3] - 132.0 / 27.0).abs() < 0.05, "{widths:?}");
    assert!((widths[0] / widths[4] - 3.0).abs() < 0.05, "{widths:?}");
    let ar = monthly_charts(&report, &Labels::new(Lang::Ar))[1].svg();
    assert_eq!(bar_widths(&ar), widths, "same lengths in every language");
    let first_x = |svg: &str| -> f64 {
        let document = roxmltree::Document::parse(svg).unwrap();
        let rect = document
            .descendants()
            .find(|n| n.has_tag_name("rect") && n.parent().is_some_and(|p| p.has_tag_name("g")))
            .unwrap();
        rect.attribute("x").unwrap().parse().unwrap()
    };
    // left to right the bars start on the left; right to left they end on the right
    assert!(first_x(&en) < 320.0);
    assert!(first_x(&ar) + widths[0] > 320.0);
}

#[test]
fn an_empty_month_says_so() {
    let mut report = report();
    report.by_target.clear();
    let svg = monthly_charts(&report, &Labels::new(Lang::En))[0].svg();
    roxmltree::Document::parse(&svg).unwrap();
    assert!(svg.contains("No terrorist operations this month."), "{svg}");
}
