//! Every cell of the demo's December 2023 table is explained by its
//! incidents: `report monthly --explain` gives each row the ids of the
//! incidents it counts, their number is the operations cell and the sum of
//! their killed and wounded the victims cell, in both months and in every
//! breakdown.

mod common;

use std::collections::BTreeMap;

use common::Sandbox;
use serde_json::Value;

fn victims(incident: &Value) -> u64 {
    incident["killed"].as_u64().unwrap_or(0) + incident["wounded"].as_u64().unwrap_or(0)
}

/// The number and victims of the incidents `ids` names in `list`.
fn sums(list: &BTreeMap<String, Value>, ids: &Value) -> (u64, u64) {
    let ids = ids.as_array().unwrap();
    let victims = ids.iter().map(|id| victims(&list[id.as_str().unwrap()])).sum();
    (ids.len() as u64, victims)
}

#[test]
fn every_cell_of_the_december_table_is_the_sum_of_its_incidents() {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    let args = ["report", "monthly", "--region", "g5-sahel", "--month", "2023-12", "--format", "json"];
    let plain: Value = serde_json::from_str(&sb.ok(&args)).unwrap();
    assert!(plain.get("explanation").is_none(), "only with --explain");
    let report: Value = serde_json::from_str(&sb.ok(&[&args[..], &["--explain"]].concat())).unwrap();
    let explanation = &report["explanation"];
    let index = |month: &str| -> BTreeMap<String, Value> {
        explanation[month]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["id"].as_str().unwrap().to_string(), i.clone()))
            .collect()
    };
    let (previous, current) = (index("previous"), index("current"));
    assert_eq!(current.len(), 7, "the reference's seven operations");
    assert!(current.values().all(|i| i["date"].as_str().unwrap().starts_with("2023-12")));

    let rows = report["countries"].as_array().unwrap();
    let explained = explanation["countries"].as_array().unwrap();
    assert_eq!(rows.len(), explained.len());
    let mut cells = 0;
    for (row, ids) in rows.iter().zip(explained) {
        assert_eq!(row["country"], ids["country"]);
        for (month, list) in [("previous", &previous), ("current", &current)] {
            let (operations, victims) = sums(list, &ids["incident_ids"][month]);
            assert_eq!(operations, row["operations"][month].as_u64().unwrap(), "{} {month}", row["country"]);
            assert_eq!(victims, row["victims"][month].as_u64().unwrap(), "{} {month}", row["country"]);
            cells += 2;
        }
    }
    for (month, list) in [("previous", &previous), ("current", &current)] {
        let (operations, victims) = sums(list, &explanation["total"][month]);
        assert_eq!(operations, report["total"]["operations"][month].as_u64().unwrap());
        assert_eq!(victims, report["total"]["victims"][month].as_u64().unwrap());
        cells += 2;
    }
    for table in ["by_target", "by_method", "by_perpetrator"] {
        let rows = report[table].as_array().unwrap();
        let explained = explanation[table].as_array().unwrap();
        assert_eq!(rows.len(), explained.len(), "{table}");
        for (row, ids) in rows.iter().zip(explained) {
            assert_eq!(row["key"], ids["key"]);
            let (operations, victims) = sums(&current, &ids["incident_ids"]);
            assert_eq!(
                (operations, victims),
                (row["operations"].as_u64().unwrap(), row["victims"].as_u64().unwrap()),
                "{table} {}",
                row["key"]
            );
            cells += 2;
        }
    }
    assert_eq!(cells, 5 * 4 + 4 + 2 * (3 + 5 + 3));

    // the text lists each country's incidents under a line with their sums
    let text = sb.ok(&["report", "monthly", "--region", "g5-sahel", "--month", "2023-12", "--explain"]);
    assert!(text.contains("Burkina Faso, December 2023: 3 operations, 98 victims"), "{text}");
    let djibo = text.lines().find(|l| l.trim_start().starts_with("demo-bf-2023-12-01")).unwrap();
    let djibo: Vec<&str> = djibo.split_whitespace().collect();
    assert_eq!(djibo[..4], ["demo-bf-2023-12-01", "2023-12-04", "Djibo,", "Sahel"]);
    let french =
        sb.ok(&["report", "monthly", "--region", "g5-sahel", "--month", "2023-12", "--explain", "--lang", "fr"]);
    assert!(french.contains("Tchad, novembre 2023 : aucune opération, aucune victime"), "{french}");
}
