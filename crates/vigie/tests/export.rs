//! `vigie export`: native CSV and JSON Lines that import back identically,
//! and GeoJSON that GDAL opens.

mod common;

use common::Sandbox;

fn demo() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    sb
}

#[test]
fn csv_and_jsonl_exports_import_back_to_the_identical_set() {
    let sb = demo();
    let original = sb.list_csv(&[]);
    for format in ["csv", "jsonl"] {
        let file = format!("all.{format}");
        let run = sb.run(&["export", "--format", format, "-o", &file]);
        assert_eq!(run.code, 0, "{run:?}");
        assert_eq!(run.stderr, format!("49 incidents exported to {file}\n"));
        let copy = sb.with_db(&format!("copy-{format}.db"));
        let imported = copy.ok(&["import", &file]);
        assert!(imported.starts_with("49 new, 0 updated, 0 unchanged, 0 rejected"), "{imported}");
        assert_eq!(copy.list_csv(&[]), original, "{format} round trip");
    }
}

#[test]
fn export_to_standard_output_takes_the_list_filters() {
    let sb = demo();
    let out =
        sb.ok(&["export", "--region", "g5-sahel", "--from", "2023-12", "--to", "2023-12", "--status", "verified"]);
    let ids: Vec<&str> = out.lines().skip(1).map(|line| line.split(',').next().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "demo-bf-2023-12-01",
            "demo-ml-2023-12-01",
            "demo-ne-2023-12-01",
            "demo-bf-2023-12-02",
            "demo-ml-2023-12-02",
            "demo-bf-2023-12-03",
            "demo-ne-2023-12-02"
        ]
    );
}

#[test]
fn geojson_is_a_feature_collection_of_points_with_labels() {
    let sb = demo();
    // one incident without coordinates, which the GeoJSON leaves out
    let file = sb.write("nocoords.csv", "id,date,country,status\nno-xy,2023-12-20,ML,verified\n");
    sb.ok(&["import", &file]);
    let run = sb.run(&["export", "--format", "geojson", "--lang", "fr", "-o", "out.geojson"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stderr,
        "49 incidents exported to out.geojson\n1 incidents without coordinates left out of the GeoJSON\n"
    );
    let json: serde_json::Value = serde_json::from_str(&sb.read("out.geojson")).unwrap();
    assert_eq!(json["type"], "FeatureCollection");
    assert!(json.get("crs").is_none(), "RFC 7946 has no crs member");
    let features = json["features"].as_array().unwrap();
    assert_eq!(features.len(), 49);
    let djibo = features.iter().find(|f| f["id"] == "demo-bf-2023-12-01").unwrap();
    assert_eq!(djibo["geometry"], serde_json::json!({"type": "Point", "coordinates": [-1.63, 14.1]}));
    let properties = &djibo["properties"];
    assert_eq!(properties["country"], "BF");
    assert_eq!(properties["country_name"], "Burkina Faso");
    assert_eq!(properties["target"], "military");
    assert_eq!(properties["target_label"], "Forces armées");
    assert_eq!(properties["method_label"], "Embuscade");
    assert_eq!(properties["perpetrator"], "jnim");
    assert_eq!(properties["killed"], 40);
    assert_eq!(properties["victims"], 61);
    assert!(features.iter().all(|f| f["id"] != "no-xy"));
}

/// GDAL (Debian's gdal-bin, installed by .ci/run) reads the export as a
/// point layer with every feature and the labelled fields.
#[test]
fn gdal_opens_the_geojson() {
    let sb = demo();
    sb.ok(&["export", "--format", "geojson", "-o", "out.geojson"]);
    let output = std::process::Command::new("ogrinfo")
        .args(["-ro", "-al", "-so"])
        .arg(sb.path("out.geojson"))
        .output()
        .expect("ogrinfo (Debian package gdal-bin) is installed");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let info = String::from_utf8_lossy(&output.stdout);
    assert!(info.contains("using driver `GeoJSON' successful"), "{info}");
    assert!(info.contains("Geometry: Point"), "{info}");
    assert!(info.contains("Feature Count: 49"), "{info}");
    assert!(info.contains("ID[\"EPSG\",4326]"), "{info}");
    for field in ["country_name: String", "killed: Integer", "victims: Integer", "perpetrator_name: String"] {
        assert!(info.contains(field), "{field} in {info}");
    }
}

#[test]
fn a_failed_export_leaves_no_file() {
    let sb = demo();
    let run = sb.run(&["export", "--country", "Atlantis", "-o", "out.csv"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("unknown country \"Atlantis\""), "{run:?}");
    assert!(!sb.path("out.csv").exists() && !sb.path("out.csv.partial").exists());
    let run = sb.run(&["export", "-o", "no-such-folder/out.csv"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("error: cannot create no-such-folder/out.csv.partial"), "{run:?}");
}
