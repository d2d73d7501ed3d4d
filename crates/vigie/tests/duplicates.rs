//! `vigie duplicates` and `vigie merge`: the same operation from two
//! sources is found, merged on request, and stays merged on re-import.

mod common;

use common::{HEADER, Sandbox};

/// A second source reporting two of the demo's December operations, and one
/// operation of its own.
fn second_source(sb: &Sandbox) -> String {
    sb.write(
        "other.csv",
        format!(
            "{HEADER}\n\
             other:1,2023-12-04,,day,BF,Sahel,Djibo,14.11,-1.62,1,GSIM,military,ambush,42,,,,Convoy ambushed,Other agency,verified\n\
             other:2,2023-12-12,,day,NE,Tillabéri,Tillabéri,14.20,1.46,2,,military,ambush,9,,,,Patrol attacked,Other agency,verified\n\
             other:3,2023-12-04,,day,BF,Est,Diapaga,12.07,1.79,2,JNIM,military,ambush,3,,,,Far away,Other agency,verified\n"
        ),
    )
}

#[test]
fn likely_pairs_are_listed_best_first_with_reasons() {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    sb.ok(&["import", &second_source(&sb)]);
    let json: serde_json::Value =
        serde_json::from_str(&sb.ok(&["duplicates", "--format", "json", "--from", "2023-12", "--to", "2023-12"]))
            .unwrap();
    let pairs = json.as_array().unwrap();
    assert_eq!(pairs.len(), 2, "{json:#}");
    assert_eq!(pairs[0]["first"], "demo-bf-2023-12-01");
    assert_eq!(pairs[0]["second"], "other:1");
    assert_eq!(pairs[0]["score"], 1.0);
    assert_eq!(pairs[0]["distance_km"], 1.5);
    assert_eq!(
        pairs[0]["reasons"],
        "same day, 2 km apart, same method, same perpetrator, same target, similar death toll"
    );
    assert_eq!(pairs[1]["first"], "demo-ne-2023-12-01");
    assert_eq!(pairs[1]["second"], "other:2");
    assert_eq!(pairs[1]["first_date"], "2023-12-11");
    assert_eq!(pairs[1]["score"], 0.75);
    assert_eq!(
        pairs[1]["reasons"],
        "one day apart, 2 km apart, same method, perpetrator unknown in one, same target, similar death toll"
    );
    // a higher threshold keeps the first only; the table says how to merge
    let run = sb.run(&["duplicates", "--min-score", "0.8"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), 1, "{run:?}");
    assert!(run.stdout.starts_with("1.00  demo-bf-2023-12-01  other:1  BF 2023-12-04 / 2023-12-04"), "{run:?}");
    assert!(run.stderr.contains("vigie merge KEEP DROP"), "{run:?}");
}

#[test]
fn merge_keeps_both_ids_and_a_reimport_changes_nothing() {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    let other = second_source(&sb);
    sb.ok(&["import", &other]);
    let out = sb.ok(&["merge", "demo-bf-2023-12-01", "other:1"]);
    assert_eq!(out, "merged other:1 into demo-bf-2023-12-01; demo-bf-2023-12-01 is also known as other:1\n");
    assert!(!sb.ids(&[]).contains(&"other:1".to_string()));
    let shown = sb.ok(&["incidents", "show", "demo-bf-2023-12-01"]);
    assert!(shown.contains("also known as        other:1 (merged duplicates)"), "{shown}");
    // the second source comes again: the merged row is not recreated
    let again = sb.ok(&["import", &other]);
    assert!(again.starts_with("0 new, 0 updated, 3 unchanged, 0 rejected"), "{again}");
    assert!(!sb.ids(&[]).contains(&"other:1".to_string()));
    // the merge is logged with the dropped row
    let conn = rusqlite::Connection::open(sb.db()).unwrap();
    let (kept, dropped, row): (String, String, String) = conn
        .query_row("SELECT kept, dropped, dropped_row FROM merge_log", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    assert_eq!((kept.as_str(), dropped.as_str()), ("demo-bf-2023-12-01", "other:1"));
    let row: serde_json::Value = serde_json::from_str(&row).unwrap();
    assert_eq!(row["killed"], "42");
    assert_eq!(row["sources"], "Other agency");
    // merging again, or into itself, or an unknown id, is refused
    for (keep, drop, message) in [
        ("demo-bf-2023-12-01", "other:1", "no incident with id \"other:1\" to merge"),
        ("other:2", "other:2", "cannot merge \"other:2\" into itself"),
        ("nope", "other:2", "no incident with id \"nope\" to keep"),
    ] {
        let run = sb.run(&["merge", keep, drop]);
        assert_eq!(run.code, 1, "{run:?}");
        assert!(run.stderr.contains(message), "{run:?}");
    }
}
