//! The trend chart and the incident map against golden SVG files (set
//! `UPDATE_GOLDEN=1` to rewrite them), and what must hold of them:
//! well-formed XML, one path per member, markers growing with victims,
//! incidents without coordinates counted but not drawn.

use std::path::PathBuf;

use vigie_domain::{CountryCode, Lang, Month};
use vigie_render::Labels;
use vigie_render::charts::{atlas, incident_map, radius, trend_chart};
use vigie_report::{MapIncident, MapReport, TrendMonth, TrendReport};

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_GOLDEN=1", path.display()));
    assert!(expected == actual, "{name} differs from its golden file; rerun with UPDATE_GOLDEN=1 if deliberate");
}

fn trend() -> TrendReport {
    let figures = [
        (4, 60),
        (6, 88),
        (3, 41),
        (5, 120),
        (7, 97),
        (2, 15),
        (6, 140),
        (8, 210),
        (5, 76),
        (4, 58),
        (7, 175),
        (6, 197),
    ];
    let mut month = Month::new(2023, 1).unwrap();
    let mut months = Vec::new();
    for (operations, victims) in figures {
        months.push(TrendMonth { month, operations, victims });
        month = month.next();
    }
    TrendReport { region: "g5-sahel".into(), months }
}

fn g5() -> Vec<CountryCode> {
    ["BF", "ML", "MR", "NE", "TD"].iter().map(|c| CountryCode::new(c).unwrap()).collect()
}

fn map() -> MapReport {
    let at = |lat, lon, victims, geo_precision| MapIncident { position: Some((lat, lon)), victims, geo_precision };
    MapReport {
        region: "g5-sahel".into(),
        month: Month::new(2023, 12).unwrap(),
        countries: g5(),
        incidents: vec![
            at(13.1, -1.08, 125, Some(1)),
            at(14.35, 0.08, 26, Some(2)),
            at(15.0, -3.0, 0, Some(3)),
            at(16.27, -0.04, 16, None),
            MapIncident { position: None, victims: 10, geo_precision: None },
        ],
    }
}

#[test]
fn trend_and_map_match_their_golden_files() {
    golden("trend.en.svg", &trend_chart(&trend(), &Labels::new(Lang::En)));
    golden("trend.ar.svg", &trend_chart(&trend(), &Labels::new(Lang::Ar)));
    golden("map.en.svg", &incident_map(&map(), &Labels::new(Lang::En)));
}

#[test]
fn trend_is_well_formed_localised_and_mirrored() {
    for lang in Lang::ALL {
        let svg = trend_chart(&trend(), &Labels::new(lang));
        let document = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{lang}: {e}"));
        assert_eq!(document.root_element().attribute("direction"), Some("ltr"));
        assert_eq!(
            document.descendants().filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some("#1f4e79")).count(),
            13
        );
    }
    let en = trend_chart(&trend(), &Labels::new(Lang::En));
    assert!(en.contains(">Jan<") && en.contains(">Dec<") && en.contains(">2023<"));
    assert!(en.contains(">210<"));
    let fr = trend_chart(&trend(), &Labels::new(Lang::Fr));
    assert!(fr.contains("déc.") && fr.contains("Évolution"));
    let ar = trend_chart(&trend(), &Labels::new(Lang::Ar));
    assert!(ar.contains("&#x2067;ديسمبر&#x2069;"));
    // the first column is at the left in English, at the right in Arabic
    let first_column = |svg: &str| {
        let document = roxmltree::Document::parse(svg).unwrap();
        let rect = document
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some("#1f4e79"))
            .nth(1)
            .unwrap();
        rect.attribute("x").unwrap().parse::<f64>().unwrap()
    };
    assert!(first_column(&en) < 320.0);
    assert!(first_column(&ar) > 320.0);
}

#[test]
fn map_draws_members_and_located_incidents_only() {
    let svg = incident_map(&map(), &Labels::new(Lang::En));
    let document = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(document.root_element().attribute("direction"), Some("ltr"));
    for id in ["854", "466", "562", "148", "478"] {
        let path = document
            .descendants()
            .find(|n| n.has_tag_name("path") && n.attribute("data-country") == Some(id))
            .unwrap_or_else(|| panic!("no path for {id}"));
        assert_eq!(path.attribute("class"), Some("member"));
    }
    // neighbours are drawn too, not highlighted
    let senegal = document.descendants().find(|n| n.attribute("data-country") == Some("686")).unwrap();
    assert_eq!(senegal.attribute("class"), None);
    let markers: Vec<_> = document.descendants().filter(|n| n.attribute("class") == Some("incident")).collect();
    assert_eq!(markers.len(), 4, "the incident without coordinates is not drawn");
    assert!(svg.contains("4 incidents shown, 1 without coordinates"));
    // styles by precision
    let by_victims = |v: &str| markers.iter().find(|n| n.attribute("data-victims") == Some(v)).unwrap();
    assert_eq!(by_victims("125").attribute("fill"), Some("#c0392b"));
    assert_eq!(by_victims("26").attribute("fill"), Some("none"));
    assert_eq!(by_victims("0").attribute("stroke-dasharray"), Some("3 2"));
    // radius grows with victims
    let r = |v: &str| by_victims(v).attribute("r").unwrap().parse::<f64>().unwrap();
    assert!(r("0") < r("16") && r("16") < r("26") && r("26") < r("125"));
    assert!(radius(0) < radius(1) && radius(10) < radius(100));
    for lang in Lang::ALL {
        roxmltree::Document::parse(&incident_map(&map(), &Labels::new(lang))).unwrap();
    }
}

#[test]
fn the_atlas_has_every_g5_member() {
    let atlas = atlas();
    assert!(atlas.len() > 170);
    for id in ["854", "466", "562", "148", "478"] {
        assert!(atlas.get(id).is_some_and(|shape| !shape.is_empty()), "{id}");
    }
}
