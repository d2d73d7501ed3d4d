//! `vigie_ingest::import` at its boundary: incident files as text in, a
//! compact rendering of what the import did out (its counts, its located
//! problems, the rejects file, then every incident of a real SQLite store),
//! compared with the expected text. `check` runs one import on a fresh
//! store; `Db::check` runs several on the same one.
//!
//! The rendering, line by line:
//!
//! ```text
//! written: N new, N updated, N unchanged, N rejected, N skipped   (or "nothing written: …")
//! drafts: N                          when some new or updated incidents are drafts
//! new groups: id (from "Name")       when the import created groups
//! source: NAME: LAYOUT               for a dataset (ACLED, UCDP, GTD)
//! FILE:LINE: column COLUMN: what is wrong (got "VALUE")   each problem kept
//! problems: N                        when more were found than kept
//! rejects: name=value … reason=…     each row of the rejects file
//! ID DATE COUNTRY PERPETRATOR TARGET METHOD killed=K wounded=W STATUS extras…
//! ```
//!
//! An unknown figure is `?`; the extras (`end=`, `precision=`, `at=`,
//! `kidnapped=`, `description=`, `sources=`, …) are shown only when set,
//! and not at all with `--brief` (a word of these tests, not of the
//! command line). The expected texts are `expect-test` literals:
//! `UPDATE_EXPECT=1 cargo test -p vigie-ingest --test import` writes what
//! the code gives into them, for review.

use expect_test::{Expect, expect};
use std::io::Cursor;
use std::path::{Path, PathBuf};

use jiff::civil::date;
use vigie_domain::Status;
use vigie_domain::incident::Column;
use vigie_formats::Format;
use vigie_ingest::{FormatChoice, Options, Source, Summary};
use vigie_store::{IncidentFilter, Store};

/// A real SQLite store in a temporary folder, and the files given to it.
struct Db {
    dir: tempfile::TempDir,
    store: Box<dyn Store>,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("vigie.db");
        let store = vigie_store::open(path.to_str().unwrap()).expect("open the store");
        Db { dir, store }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Imports `files` (name, text) with the options `flags` name, as the
    /// command line spells them.
    fn import<T: AsRef<[u8]>>(&mut self, flags: &str, files: &[(&str, T)]) -> Summary {
        let mut options = Options::new(date(2024, 12, 31));
        let mut words = flags.split_whitespace();
        while let Some(flag) = words.next() {
            match flag {
                "--skip-invalid" => options.skip_invalid = true,
                "--new-groups" => options.new_groups = true,
                "--dry-run" => options.dry_run = true,
                "--all-events" => options.dataset.all_events = true,
                "--brief" => {}
                "--rejects" => options.rejects = Some(self.path(words.next().expect("a rejects file"))),
                "--default-status" => {
                    options.default_status = Some(match words.next() {
                        Some("verified") => Status::Verified,
                        _ => Status::Draft,
                    })
                }
                "--format" => {
                    options.format = match words.next() {
                        Some("native") => FormatChoice::Native,
                        Some("jsonl") => FormatChoice::Given(Format::Jsonl),
                        other => panic!("format {other:?}"),
                    }
                }
                other => panic!("unknown flag {other}"),
            }
        }
        let sources = files
            .iter()
            .map(|(name, text)| Source {
                name: name.to_string(),
                input: Box::new(Cursor::new(text.as_ref().to_vec())),
                size: Some(text.as_ref().len() as u64),
                format: Format::from_path(Path::new(name)),
            })
            .collect();
        vigie_ingest::import(self.store.as_mut(), sources, &options).expect("the import runs")
    }

    /// Imports, then compares the rendering with `expect`.
    #[track_caller]
    fn check<T: AsRef<[u8]>>(&mut self, flags: &str, files: &[(&str, T)], expect: Expect) {
        let summary = self.import(flags, files);
        let mut actual = render_summary(&summary);
        if let Some(name) = flags.split_whitespace().skip_while(|f| *f != "--rejects").nth(1) {
            actual.push_str(&render_rejects(&std::fs::read_to_string(self.path(name)).expect("rejects file")));
        }
        let brief = flags.split_whitespace().any(|f| f == "--brief");
        actual.push_str(&self.stored_with(!brief));
        expect.assert_eq(&actual);
    }

    /// Every stored incident, one a line, by date then id.
    fn stored(&self) -> String {
        self.stored_with(true)
    }

    /// Every stored incident, with or without the extras.
    fn stored_with(&self, show_extras: bool) -> String {
        let mut text = String::new();
        self.store
            .incidents(&IncidentFilter::default(), &mut |incident| {
                let value = |column| incident.value(column);
                text.push_str(&format!(
                    "{} {} {} {} {} {} killed={} wounded={} {}",
                    incident.id,
                    incident.date,
                    incident.country,
                    incident.perpetrator,
                    value(Column::Target),
                    value(Column::Method),
                    figure(value(Column::Killed)),
                    figure(value(Column::Wounded)),
                    value(Column::Status),
                ));
                let extras = [
                    ("end", value(Column::DateEnd)),
                    ("precision", Some(value(Column::DatePrecision)).filter(|p| p != "day").unwrap_or_default()),
                    ("admin1", value(Column::Admin1)),
                    ("location", value(Column::Location)),
                    ("at", format!("{},{}", value(Column::Latitude), value(Column::Longitude))),
                    ("geo_precision", value(Column::GeoPrecision)),
                    ("kidnapped", value(Column::Kidnapped)),
                    ("perpetrators_killed", value(Column::PerpetratorsKilled)),
                    ("description", value(Column::Description)),
                    ("sources", value(Column::Sources)),
                ];
                for (name, value) in extras.iter().filter(|(_, v)| show_extras && !v.is_empty() && v != ",") {
                    text.push_str(&format!(" {name}={}", quoted(value)));
                }
                text.push('\n');
                Ok(())
            })
            .expect("list the incidents");
        text
    }
}

/// An unknown figure is `?`.
fn figure(value: String) -> String {
    if value.is_empty() { "?".into() } else { value }
}

/// A value as is when it is one plain word, else quoted.
fn quoted(value: &str) -> String {
    let plain = value.chars().all(|c| c.is_alphanumeric() || "-_.:,/".contains(c));
    if plain { value.to_string() } else { format!("{value:?}") }
}

fn render_summary(summary: &Summary) -> String {
    let counts = summary.counts;
    let mut text = format!(
        "{}: {} new, {} updated, {} unchanged, {} rejected, {} skipped\n",
        if summary.written { "written" } else { "nothing written" },
        counts.new,
        counts.updated,
        counts.unchanged,
        counts.rejected,
        counts.skipped
    );
    if summary.drafts > 0 {
        text.push_str(&format!("drafts: {}\n", summary.drafts));
    }
    if !summary.new_groups.is_empty() {
        text.push_str(&format!("new groups: {}\n", summary.new_groups.join(", ")));
    }
    for source in summary.sources.iter().filter(|s| s.format.is_dataset()) {
        text.push_str(&format!("source: {}: {}\n", source.name, source.layout));
    }
    // the text and its parts say the same
    let details: Vec<String> = summary.details.iter().map(ToString::to_string).collect();
    assert_eq!(details, summary.problems);
    for problem in &summary.problems {
        text.push_str(problem);
        text.push('\n');
    }
    if summary.problem_count > summary.problems.len() as u64 {
        text.push_str(&format!("problems: {}\n", summary.problem_count));
    }
    text
}

/// Each row of a CSV rejects file as its non-empty cells, `name=value`; a
/// JSON Lines one as its lines. The CSV header is checked, not shown.
fn render_rejects(text: &str) -> String {
    if text.starts_with('{') || text.is_empty() {
        return text.lines().map(|line| format!("rejects: {line}\n")).collect();
    }
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().expect("rejects header").iter().map(str::to_string).collect();
    let mut expected: Vec<&str> = Column::header().to_vec();
    expected.push("reason");
    assert_eq!(header, expected, "the native columns, then reason");
    let mut rendered = String::new();
    for record in reader.records() {
        let record = record.expect("a rejects row");
        let cells: Vec<String> = header
            .iter()
            .zip(&record)
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", quoted(v)))
            .collect();
        rendered.push_str(&format!("rejects: {}\n", cells.join(" ")));
    }
    rendered
}

/// One import on a fresh store.
#[track_caller]
fn check<T: AsRef<[u8]>>(flags: &str, files: &[(&str, T)], expect: Expect) {
    Db::new().check(flags, files, expect);
}

// ---------------------------------------------------------------- counts

#[test]
fn new_then_unchanged_then_one_update() {
    let mut db = Db::new();
    let file = "id,date,country,killed,wounded,status\n\
                a-1,2023-12-01,ML,3,2,verified\n\
                a-2,2023-12-02,BF,1,,draft\n";
    db.check(
        "",
        &[("a.csv", file)],
        expect![["
        written: 2 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        drafts: 1
        a-1 2023-12-01 ML unknown unknown unknown killed=3 wounded=2 verified
        a-2 2023-12-02 BF unknown unknown unknown killed=1 wounded=? draft
    "]],
    );
    // the same file again changes nothing, and its drafts are not counted again
    db.check(
        "",
        &[("a.csv", file)],
        expect![["
        written: 0 new, 0 updated, 2 unchanged, 0 rejected, 0 skipped
        a-1 2023-12-01 ML unknown unknown unknown killed=3 wounded=2 verified
        a-2 2023-12-02 BF unknown unknown unknown killed=1 wounded=? draft
    "]],
    );
    db.check(
        "",
        &[("a.csv", &file.replace(",3,2,", ",4,2,"))],
        expect![["
        written: 0 new, 1 updated, 1 unchanged, 0 rejected, 0 skipped
        a-1 2023-12-01 ML unknown unknown unknown killed=4 wounded=2 verified
        a-2 2023-12-02 BF unknown unknown unknown killed=1 wounded=? draft
    "]],
    );
}

#[test]
fn rows_without_id_get_stable_ids_from_their_content() {
    let mut db = Db::new();
    let file = "date,country,location,perpetrator,killed,description\n\
                2023-12-01,Tchad,Bol,JAS,2,first\n\
                2023-12-02,ML,Gao,GSIM,,second\n\
                2023-12-02,ML,Gao,GSIM,,other text\n";
    db.check("", &[("noid.csv", file)], expect![[r#"
        written: 3 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        drafts: 3
        vg-737044f84db8fffe 2023-12-01 TD boko-haram unknown unknown killed=2 wounded=? draft location=Bol description=first
        vg-0a7a4ce72e252ad0 2023-12-02 ML jnim unknown unknown killed=? wounded=? draft location=Gao description="other text"
        vg-974b0d08792fe04b 2023-12-02 ML jnim unknown unknown killed=? wounded=? draft location=Gao description=second
    "#]]);
    db.check("", &[("noid.csv", file)], expect![[r#"
        written: 0 new, 0 updated, 3 unchanged, 0 rejected, 0 skipped
        vg-737044f84db8fffe 2023-12-01 TD boko-haram unknown unknown killed=2 wounded=? draft location=Bol description=first
        vg-0a7a4ce72e252ad0 2023-12-02 ML jnim unknown unknown killed=? wounded=? draft location=Gao description="other text"
        vg-974b0d08792fe04b 2023-12-02 ML jnim unknown unknown killed=? wounded=? draft location=Gao description=second
    "#]]);
    // the same operations written with other names of the same country and
    // group are the same incidents
    let other_names = "date,country,location,perpetrator,killed,description\n\
                       2023-12-01,TCD,Bol,Boko Haram,2,first\n\
                       2023-12-02,Mali,Gao,JNIM,,second\n";
    db.check("", &[("noid-2.csv", other_names)], expect![[r#"
        written: 0 new, 0 updated, 2 unchanged, 0 rejected, 0 skipped
        vg-737044f84db8fffe 2023-12-01 TD boko-haram unknown unknown killed=2 wounded=? draft location=Bol description=first
        vg-0a7a4ce72e252ad0 2023-12-02 ML jnim unknown unknown killed=? wounded=? draft location=Gao description="other text"
        vg-974b0d08792fe04b 2023-12-02 ML jnim unknown unknown killed=? wounded=? draft location=Gao description=second
    "#]]);
}

#[test]
fn a_file_with_a_bom_and_crlf_line_ends() {
    check(
        "",
        &[(
            "bom.csv",
            "\u{feff}id,date,country,perpetrator,description\r\nbom-1,2023-12-01,Tchad,GSIM,\r\n\
             bom-2,2023-12-02,ML,,\"two lines,\r\nas written\"\r\n",
        )],
        expect![[r#"
        written: 2 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        drafts: 2
        bom-1 2023-12-01 TD jnim unknown unknown killed=? wounded=? draft
        bom-2 2023-12-02 ML unknown unknown unknown killed=? wounded=? draft description="two lines,\r\nas written"
    "#]],
    );
    // the mark takes no line: the bad row is line 3
    check(
        "",
        &[("bom-bad.csv", "\u{feff}date,country,killed\r\n2023-12-01,ML,1\r\n2023-12-02,ML,-1\r\n")],
        expect![[r#"
        nothing written: 1 new, 0 updated, 0 unchanged, 1 rejected, 0 skipped
        drafts: 1
        bom-bad.csv:3: column killed: must be 0 or more (leave empty when not known) (got "-1")
    "#]],
    );
}

#[test]
fn the_status_of_rows_that_do_not_say() {
    let file = "id,date,country,status\ns-1,2023-12-01,ML,\ns-2,2023-12-02,ML,draft\ns-3,2023-12-03,ML,verified\n";
    check(
        "",
        &[("s.csv", file)],
        expect![[r#"
        written: 3 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        drafts: 2
        s-1 2023-12-01 ML unknown unknown unknown killed=? wounded=? draft
        s-2 2023-12-02 ML unknown unknown unknown killed=? wounded=? draft
        s-3 2023-12-03 ML unknown unknown unknown killed=? wounded=? verified
    "#]],
    );
    check(
        "--default-status verified",
        &[("s.csv", file)],
        expect![[r#"
        written: 3 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        drafts: 1
        s-1 2023-12-01 ML unknown unknown unknown killed=? wounded=? verified
        s-2 2023-12-02 ML unknown unknown unknown killed=? wounded=? draft
        s-3 2023-12-03 ML unknown unknown unknown killed=? wounded=? verified
    "#]],
    );
}

// ---------------------------------------------------------------- names resolved

#[test]
fn countries_groups_and_codes_are_resolved() {
    check(
        "",
        &[(
            "names.csv",
            "id,date,date_end,date_precision,country,latitude,longitude,perpetrator,target,method,killed,wounded,kidnapped,description,sources\n\
             n-1,2023-11-03,,day,Tchad,13.33,14.06,Boko Haram,military,armed_assault,4,7,,,source A ; source B\n\
             n-2,2023-12-10,2023-12-11,day,TCD,,,JAS,civilians,kidnapping,0,0,12,\"First line,\nsecond: \"\"twelve\"\"\",\n\
             n-3,2023-12-20,,week,تشاد,,,,,,,,,هجوم,\n\
             n-4,2023-12-08,,day,Mali,,,EIGS,,,9,3,,,\n\
             n-5,2023-11-24,,day,MLI,,,GSIM,,,12,8,,,\n\
             n-6,2023-12-04,,day,Burkina Faso,,,JNIM,,,40,21,,,\n\
             n-7,2023-10-19,,day,BFA,,,Ansarul Islam,,,11,,,,\n\
             n-8,2023-12-11,,day,Niger,,,ISGS,,,2,1,,,\n\
             n-9,2024-01-10,,month,Somalie,,,Al-Shabaab,,,8,14,,,\n",
        )],
        expect![[r#"
        written: 9 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        drafts: 9
        n-7 2023-10-19 BF ansarul-islam unknown unknown killed=11 wounded=? draft
        n-1 2023-11-03 TD boko-haram military armed_assault killed=4 wounded=7 draft at=13.33,14.06 sources="source A ; source B"
        n-5 2023-11-24 ML jnim unknown unknown killed=12 wounded=8 draft
        n-6 2023-12-04 BF jnim unknown unknown killed=40 wounded=21 draft
        n-4 2023-12-08 ML is-sahel unknown unknown killed=9 wounded=3 draft
        n-2 2023-12-10 TD boko-haram civilians kidnapping killed=0 wounded=0 draft end=2023-12-11 kidnapped=12 description="First line,\nsecond: \"twelve\""
        n-8 2023-12-11 NE is-sahel unknown unknown killed=2 wounded=1 draft
        n-3 2023-12-20 TD unknown unknown unknown killed=? wounded=? draft precision=week description=هجوم
        n-9 2024-01-10 SO al-shabaab unknown unknown killed=8 wounded=14 draft precision=month
    "#]],
    );
}

#[test]
fn an_unknown_group_is_a_problem_unless_new_groups_are_allowed() {
    let mut db = Db::new();
    let file = "id,date,country,perpetrator\nk-1,2023-12-01,ML,Katiba Serma\n";
    db.check("", &[("ng.csv", file)], expect![[r#"
        nothing written: 0 new, 0 updated, 0 unchanged, 1 rejected, 0 skipped
        ng.csv:2: column perpetrator: unknown perpetrator group: add it with `vigie groups add ID --name NAME --alias NAME`, or import with --new-groups (got "Katiba Serma")
    "#]]);
    db.check(
        "--new-groups",
        &[("ng.csv", file)],
        expect![[r#"
        written: 1 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        drafts: 1
        new groups: katiba-serma (from "Katiba Serma")
        k-1 2023-12-01 ML katiba-serma unknown unknown killed=? wounded=? draft
    "#]],
    );
    // the group now exists: another spelling resolves to it, no second group
    db.check(
        "--new-groups",
        &[("ng2.csv", "id,date,country,perpetrator\nk-2,2023-12-02,ML,KATIBA SERMA\n")],
        expect![[r#"
        written: 1 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        drafts: 1
        k-1 2023-12-01 ML katiba-serma unknown unknown killed=? wounded=? draft
        k-2 2023-12-02 ML katiba-serma unknown unknown killed=? wounded=? draft
    "#]],
    );
    let groups = db.store.groups().unwrap();
    let group = groups.resolve("Katiba Serma").expect("the new group");
    assert_eq!(
        (group.id.as_str(), group.aliases.as_slice()),
        ("katiba-serma", ["Katiba Serma".to_string()].as_slice())
    );
    assert_eq!(group.origin.code(), "imported");
}

#[test]
fn a_failed_or_dry_import_creates_no_group() {
    let mut db = Db::new();
    let file = "id,date,country,perpetrator,killed\nk-1,2023-12-01,ML,Katiba Serma,1\nk-2,2023-12-02,ML,JNIM,-1\n";
    db.check(
        "--new-groups",
        &[("ng.csv", file)],
        expect![[r#"
        nothing written: 1 new, 0 updated, 0 unchanged, 1 rejected, 0 skipped
        drafts: 1
        new groups: katiba-serma (from "Katiba Serma")
        ng.csv:3: column killed: must be 0 or more (leave empty when not known) (got "-1")
    "#]],
    );
    db.check(
        "--new-groups --dry-run",
        &[("ng.csv", "id,date,country,perpetrator\nk-1,2023-12-01,ML,Katiba Serma\n")],
        expect![[r#"
        nothing written: 1 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        drafts: 1
        new groups: katiba-serma (from "Katiba Serma")
    "#]],
    );
    assert!(db.store.groups().unwrap().resolve("Katiba Serma").is_none());
}

// ---------------------------------------------------------------- all or nothing

const GOOD: &str = "id,date,country,perpetrator,killed,wounded,status\n\
                    g-1,2023-12-01,ML,GSIM,3,2,verified\n\
                    g-2,2023-12-02,BF,JNIM,1,0,verified\n";

#[test]
fn a_bad_row_writes_nothing_of_any_file() {
    let mut db = Db::new();
    let bad = "id,date,country,killed\nb-1,2023-12-03,NE,-3\n";
    db.check(
        "",
        &[("good.csv", GOOD), ("bad.csv", bad)],
        expect![[r#"
        nothing written: 2 new, 0 updated, 0 unchanged, 1 rejected, 0 skipped
        bad.csv:2: column killed: must be 0 or more (leave empty when not known) (got "-3")
    "#]],
    );
    db.check(
        "",
        &[("good.csv", GOOD)],
        expect![[r#"
        written: 2 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        g-1 2023-12-01 ML jnim unknown unknown killed=3 wounded=2 verified
        g-2 2023-12-02 BF jnim unknown unknown killed=1 wounded=0 verified
    "#]],
    );
    // an update, an addition, then a bad row: neither is kept
    let mixed = "id,date,country,perpetrator,killed,wounded,status\n\
                 g-1,2023-12-01,ML,GSIM,4,2,verified\n\
                 new-1,2023-12-30,ML,jnim,1,1,verified\n\
                 new-2,2023-12-31,Atlantis,jnim,1,1,verified\n";
    let before = db.stored();
    db.check("", &[("mixed.csv", mixed)], expect![[r#"
        nothing written: 1 new, 1 updated, 0 unchanged, 1 rejected, 0 skipped
        mixed.csv:4: column country: unknown country: give an ISO 3166-1 code or the English, French or Arabic name (got "Atlantis")
        g-1 2023-12-01 ML jnim unknown unknown killed=3 wounded=2 verified
        g-2 2023-12-02 BF jnim unknown unknown killed=1 wounded=0 verified
    "#]]);
    assert_eq!(db.stored(), before);
}

#[test]
fn a_dry_run_counts_and_writes_nothing() {
    let mut db = Db::new();
    db.check(
        "--dry-run",
        &[("good.csv", GOOD)],
        expect![[r#"
        nothing written: 2 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
    "#]],
    );
    db.check(
        "",
        &[("good.csv", GOOD)],
        expect![[r#"
        written: 2 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        g-1 2023-12-01 ML jnim unknown unknown killed=3 wounded=2 verified
        g-2 2023-12-02 BF jnim unknown unknown killed=1 wounded=0 verified
    "#]],
    );
    db.check(
        "--dry-run",
        &[("good.csv", &GOOD.replace(",3,2,", ",4,2,"))],
        expect![[r#"
        nothing written: 0 new, 1 updated, 1 unchanged, 0 rejected, 0 skipped
        g-1 2023-12-01 ML jnim unknown unknown killed=3 wounded=2 verified
        g-2 2023-12-02 BF jnim unknown unknown killed=1 wounded=0 verified
    "#]],
    );
    db.check(
        "--dry-run",
        &[("bad.csv", "date,country,killed\n2023-12-01,ML,x\n")],
        expect![[r#"
        nothing written: 0 new, 0 updated, 0 unchanged, 1 rejected, 0 skipped
        bad.csv:2: column killed: not a whole number (leave empty when not known) (got "x")
        g-1 2023-12-01 ML jnim unknown unknown killed=3 wounded=2 verified
        g-2 2023-12-02 BF jnim unknown unknown killed=1 wounded=0 verified
    "#]],
    );
}

#[test]
fn skip_invalid_writes_the_good_rows_and_the_bad_ones_to_the_rejects_file() {
    let mut db = Db::new();
    let mixed = "id,date,country,perpetrator,killed,wounded,description,status\n\
                 m-1,2023-12-01,ML,GSIM,3,2,,verified\n\
                 m-2,2023-12-02,BF,JNIM,-3,0,\"comma, and\nnewline\",verified\n\
                 m-3,2023-12-03,NE,EIGS,1,1,,verified\n\
                 m-4,2023-13-04,TD,JAS,0,0,,verified\n\
                 m-5,2023-12-05,Tchad,JAS,2,0,,verified\n";
    db.check("--skip-invalid --rejects rejects.csv", &[("mixed.csv", mixed)], expect![[r#"
        written: 3 new, 0 updated, 0 unchanged, 2 rejected, 0 skipped
        mixed.csv:3: column killed: must be 0 or more (leave empty when not known) (got "-3")
        mixed.csv:6: column date: not a valid date: write YYYY-MM-DD (got "2023-13-04")
        rejects: id=m-2 date=2023-12-02 country=BF perpetrator=JNIM killed=-3 wounded=0 description="comma, and\nnewline" status=verified reason="mixed.csv:3: column killed: must be 0 or more (leave empty when not known) (got \"-3\")"
        rejects: id=m-4 date=2023-13-04 country=TD perpetrator=JAS killed=0 wounded=0 status=verified reason="mixed.csv:6: column date: not a valid date: write YYYY-MM-DD (got \"2023-13-04\")"
        m-1 2023-12-01 ML jnim unknown unknown killed=3 wounded=2 verified
        m-3 2023-12-03 NE is-sahel unknown unknown killed=1 wounded=1 verified
        m-5 2023-12-05 TD boko-haram unknown unknown killed=2 wounded=0 verified
    "#]]);
    // the rejects file, corrected, imports (its reason column ignored)
    let rejects = std::fs::read_to_string(db.path("rejects.csv")).unwrap();
    let fixed = rejects.replace(",-3,", ",3,").replace("2023-13-04", "2023-12-04");
    assert_ne!(fixed, rejects);
    db.check(
        "",
        &[("rejects.csv", &fixed)],
        expect![[r#"
        written: 2 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        m-1 2023-12-01 ML jnim unknown unknown killed=3 wounded=2 verified
        m-2 2023-12-02 BF jnim unknown unknown killed=3 wounded=0 verified description="comma, and\nnewline"
        m-3 2023-12-03 NE is-sahel unknown unknown killed=1 wounded=1 verified
        m-4 2023-12-04 TD boko-haram unknown unknown killed=0 wounded=0 verified
        m-5 2023-12-05 TD boko-haram unknown unknown killed=2 wounded=0 verified
    "#]],
    );
}

#[test]
fn rejects_as_json_lines_import_back() {
    let mut db = Db::new();
    let file = "id,date,country,killed\nj-1,2023-12-01,ML,1\nj-2,2023-12-02,ML,-3\n";
    db.check("--skip-invalid --rejects rejects.jsonl", &[("one-bad.csv", file)], expect![[r#"
        written: 1 new, 0 updated, 0 unchanged, 1 rejected, 0 skipped
        drafts: 1
        one-bad.csv:3: column killed: must be 0 or more (leave empty when not known) (got "-3")
        rejects: {"country":"ML","date":"2023-12-02","id":"j-2","killed":"-3","reason":"one-bad.csv:3: column killed: must be 0 or more (leave empty when not known) (got \"-3\")"}
        j-1 2023-12-01 ML unknown unknown unknown killed=1 wounded=? draft
    "#]]);
    let rejects = std::fs::read_to_string(db.path("rejects.jsonl")).unwrap();
    db.check(
        "",
        &[("rejects.jsonl", &rejects.replace("\"-3\"", "\"3\""))],
        expect![[r#"
        written: 1 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        drafts: 1
        j-1 2023-12-01 ML unknown unknown unknown killed=1 wounded=? draft
        j-2 2023-12-02 ML unknown unknown unknown killed=3 wounded=? draft
    "#]],
    );
}

#[test]
fn skip_invalid_does_not_skip_an_unusable_header() {
    check(
        "--skip-invalid --rejects rejects.csv",
        &[("typo.csv", "date,country,colour\n2023-12-01,ML,red\n2023-12-02,ML,blue\n")],
        expect![[r#"
            nothing written: 0 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
            typo.csv:1: column colour: unknown column (the columns are id, date, date_end, date_precision, country, admin1, location, latitude, longitude, geo_precision, perpetrator, target, method, killed, killed_low, killed_high, wounded, kidnapped, perpetrators_killed, description, sources, status)
        "#]],
    );
}

// ---------------------------------------------------------------- ids

#[test]
fn an_id_twice_in_one_import_is_a_problem_not_an_overwrite() {
    check(
        "",
        &[("twice.csv", "id,date,country,killed\na-1,2023-12-01,ML,1\na-2,2023-12-01,ML,1\na-1,2023-12-02,BF,5\n")],
        expect![[r#"
        nothing written: 2 new, 0 updated, 0 unchanged, 1 rejected, 0 skipped
        drafts: 2
        twice.csv:4: column id: appears more than once in this import: each incident once, with its own id (rows without an id get one from their date, country, place, perpetrator, target, method and description) (got "a-1")
    "#]],
    );
    // rows without ids that describe the same operation
    check(
        "",
        &[("same.csv", "date,country,location\n2023-12-01,ML,Gao\n2023-12-01,Mali,Gao\n")],
        expect![[r#"
        nothing written: 1 new, 0 updated, 0 unchanged, 1 rejected, 0 skipped
        drafts: 1
        same.csv:3: column id: appears more than once in this import: each incident once, with its own id (rows without an id get one from their date, country, place, perpetrator, target, method and description) (got "vg-b897322876db8418")
    "#]],
    );
    // across the files of one import
    check(
        "",
        &[("one.csv", "id,date,country\nx,2023-12-01,ML\n"), ("two.csv", "id,date,country\nx,2023-12-01,ML\n")],
        expect![[r#"
        nothing written: 1 new, 0 updated, 0 unchanged, 1 rejected, 0 skipped
        drafts: 1
        two.csv:2: column id: appears more than once in this import: each incident once, with its own id (rows without an id get one from their date, country, place, perpetrator, target, method and description) (got "x")
    "#]],
    );
}

#[test]
fn a_repeat_of_a_row_stored_unchanged_is_rejected_too() {
    let mut db = Db::new();
    db.check(
        "",
        &[("first.csv", "id,date,country,killed\nr-1,2023-12-01,ML,1\n")],
        expect![[r#"
        written: 1 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        drafts: 1
        r-1 2023-12-01 ML unknown unknown unknown killed=1 wounded=? draft
    "#]],
    );
    db.check(
        "--skip-invalid --rejects rejects.csv",
        &[("again.csv", "id,date,country,killed\nr-1,2023-12-01,ML,1\nr-1,2023-12-01,ML,9\n")],
        expect![[r#"
        written: 0 new, 0 updated, 1 unchanged, 1 rejected, 0 skipped
        again.csv:3: column id: appears more than once in this import: each incident once, with its own id (rows without an id get one from their date, country, place, perpetrator, target, method and description) (got "r-1")
        rejects: id=r-1 date=2023-12-01 date_precision=day country=ML perpetrator=unknown target=unknown method=unknown killed=9 status=draft reason="again.csv:3: column id: appears more than once in this import: each incident once, with its own id (rows without an id get one from their date, country, place, perpetrator, target, method and description) (got \"r-1\")"
        r-1 2023-12-01 ML unknown unknown unknown killed=1 wounded=? draft
    "#]],
    );
}

// ---------------------------------------------------------------- located problems

#[test]
fn problems_are_located_by_file_line_and_column() {
    check(
        "",
        &[("typo.csv", "date,country,colour\n2023-12-01,ML,red\n")],
        expect![[r#"
            nothing written: 0 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
            typo.csv:1: column colour: unknown column (the columns are id, date, date_end, date_precision, country, admin1, location, latitude, longitude, geo_precision, perpetrator, target, method, killed, killed_low, killed_high, wounded, kidnapped, perpetrators_killed, description, sources, status)
        "#]],
    );
    check(
        "",
        &[("nocountry.csv", "id,date\nx-1,2023-12-01\n")],
        expect![[r#"
        nothing written: 0 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        nocountry.csv:1: column country: required column is missing from the header
    "#]],
    );
    check(
        "",
        &[(
            "ragged.csv",
            "id,date,country\nr-1,2023-12-01,ML\nr-2,2023-12-02,ML,extra\nr-3,2023-12-03\nr-4,2023-12-04,ML\n",
        )],
        expect![[r#"
        nothing written: 1 new, 0 updated, 0 unchanged, 2 rejected, 0 skipped
        drafts: 1
        ragged.csv:3: row has 4 fields but the header has 3
        ragged.csv:4: row has 2 fields but the header has 3
    "#]],
    );
    // a quoted field over three lines, a blank line, CRLF line ends
    check(
        "",
        &[(
            "multi.csv",
            "date,country,killed,description\n2023-12-01,ML,1,\"one\ntwo\nthree\"\n2023-12-02,ML,x,four\n",
        )],
        expect![[r#"
        nothing written: 1 new, 0 updated, 0 unchanged, 1 rejected, 0 skipped
        drafts: 1
        multi.csv:5: column killed: not a whole number (leave empty when not known) (got "x")
    "#]],
    );
    check(
        "",
        &[("blank.csv", "date,country,killed\n2023-12-01,ML,1\n\n2023-12-02,ML,x\n")],
        expect![[r#"
        nothing written: 1 new, 0 updated, 0 unchanged, 1 rejected, 0 skipped
        drafts: 1
        blank.csv:4: column killed: not a whole number (leave empty when not known) (got "x")
    "#]],
    );
    check(
        "",
        &[("crlf.csv", "date,country,killed\r\n2023-12-01,ML,1\r\n2023-12-02,ML,x\r\n")],
        expect![[r#"
        nothing written: 1 new, 0 updated, 0 unchanged, 1 rejected, 0 skipped
        drafts: 1
        crlf.csv:3: column killed: not a whole number (leave empty when not known) (got "x")
    "#]],
    );
}

#[test]
fn the_first_twenty_problems_are_kept_and_all_counted() {
    let mut file = String::from("date,country,killed\n");
    for day in 1..=25 {
        file.push_str(&format!("2023-12-{day:02},ML,-{day}\n"));
    }
    check(
        "",
        &[("many-bad.csv", &file)],
        expect![[r#"
        nothing written: 0 new, 0 updated, 0 unchanged, 25 rejected, 0 skipped
        many-bad.csv:2: column killed: must be 0 or more (leave empty when not known) (got "-1")
        many-bad.csv:3: column killed: must be 0 or more (leave empty when not known) (got "-2")
        many-bad.csv:4: column killed: must be 0 or more (leave empty when not known) (got "-3")
        many-bad.csv:5: column killed: must be 0 or more (leave empty when not known) (got "-4")
        many-bad.csv:6: column killed: must be 0 or more (leave empty when not known) (got "-5")
        many-bad.csv:7: column killed: must be 0 or more (leave empty when not known) (got "-6")
        many-bad.csv:8: column killed: must be 0 or more (leave empty when not known) (got "-7")
        many-bad.csv:9: column killed: must be 0 or more (leave empty when not known) (got "-8")
        many-bad.csv:10: column killed: must be 0 or more (leave empty when not known) (got "-9")
        many-bad.csv:11: column killed: must be 0 or more (leave empty when not known) (got "-10")
        many-bad.csv:12: column killed: must be 0 or more (leave empty when not known) (got "-11")
        many-bad.csv:13: column killed: must be 0 or more (leave empty when not known) (got "-12")
        many-bad.csv:14: column killed: must be 0 or more (leave empty when not known) (got "-13")
        many-bad.csv:15: column killed: must be 0 or more (leave empty when not known) (got "-14")
        many-bad.csv:16: column killed: must be 0 or more (leave empty when not known) (got "-15")
        many-bad.csv:17: column killed: must be 0 or more (leave empty when not known) (got "-16")
        many-bad.csv:18: column killed: must be 0 or more (leave empty when not known) (got "-17")
        many-bad.csv:19: column killed: must be 0 or more (leave empty when not known) (got "-18")
        many-bad.csv:20: column killed: must be 0 or more (leave empty when not known) (got "-19")
        many-bad.csv:21: column killed: must be 0 or more (leave empty when not known) (got "-20")
        problems: 25
    "#]],
    );
}

// ---------------------------------------------------------------- JSON Lines

const JSONL: &str = concat!(
    "{\"id\":\"j-1\",\"date\":\"2023-12-01\",\"country\":\"Tchad\",\"perpetrator\":\"GSIM\",\"killed\":3,",
    "\"wounded\":null,\"latitude\":13.5,\"longitude\":14.25,",
    "\"description\":\"ligne 1\\nligne 2, \\\"citée\\\"\",\"status\":\"verified\"}\n",
    "{\"id\":\"j-2\",\"date\":\"2023-12-02\",\"country\":\"النيجر\",\"perpetrator\":\"EIGS\",\"killed\":\"4\",",
    "\"target\":\"military\",\"method\":\"ambush\"}\n",
    "\n",
    "{\"id\":\"j-3\",\"date\":\"2023-12-03\",\"country\":\"MLI\"}\n",
);

#[test]
fn json_lines_by_name_by_flag_or_by_content() {
    let mut db = Db::new();
    db.check("", &[("incidents.jsonl", JSONL)], expect![[r#"
        written: 3 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        drafts: 2
        j-1 2023-12-01 TD jnim unknown unknown killed=3 wounded=? verified at=13.5,14.25 description="ligne 1\nligne 2, \"citée\""
        j-2 2023-12-02 NE is-sahel military ambush killed=4 wounded=? draft
        j-3 2023-12-03 ML unknown unknown unknown killed=? wounded=? draft
    "#]]);
    db.check("", &[("incidents.ndjson", JSONL)], expect![[r#"
        written: 0 new, 0 updated, 3 unchanged, 0 rejected, 0 skipped
        j-1 2023-12-01 TD jnim unknown unknown killed=3 wounded=? verified at=13.5,14.25 description="ligne 1\nligne 2, \"citée\""
        j-2 2023-12-02 NE is-sahel military ambush killed=4 wounded=? draft
        j-3 2023-12-03 ML unknown unknown unknown killed=? wounded=? draft
    "#]]);
    db.check("--format jsonl", &[("incidents.txt", JSONL)], expect![[r#"
        written: 0 new, 0 updated, 3 unchanged, 0 rejected, 0 skipped
        j-1 2023-12-01 TD jnim unknown unknown killed=3 wounded=? verified at=13.5,14.25 description="ligne 1\nligne 2, \"citée\""
        j-2 2023-12-02 NE is-sahel military ambush killed=4 wounded=? draft
        j-3 2023-12-03 ML unknown unknown unknown killed=? wounded=? draft
    "#]]);
    db.check("", &[("stdin", &format!("\u{feff}\n  \n{JSONL}"))], expect![[r#"
        written: 0 new, 0 updated, 3 unchanged, 0 rejected, 0 skipped
        j-1 2023-12-01 TD jnim unknown unknown killed=3 wounded=? verified at=13.5,14.25 description="ligne 1\nligne 2, \"citée\""
        j-2 2023-12-02 NE is-sahel military ambush killed=4 wounded=? draft
        j-3 2023-12-03 ML unknown unknown unknown killed=? wounded=? draft
    "#]]);
}

#[test]
fn bad_json_lines_are_located() {
    check(
        "",
        &[(
            "bad.jsonl",
            "{\"date\":\"2023-12-01\",\"country\":\"ML\"}\n\
             {\"date\":\"2023-12-01\",\"country\":\"ML\",\"killed\":-1}\n\
             \n\
             {oops\n\
             {\"date\":\"2023-12-01\",\"country\":\"ML\",\"colour\":\"red\"}\n",
        )],
        expect![[r#"
            nothing written: 1 new, 0 updated, 0 unchanged, 3 rejected, 0 skipped
            drafts: 1
            bad.jsonl:2: column killed: must be 0 or more (leave empty when not known) (got "-1")
            bad.jsonl:4: not a JSON object: key must be a string at line 1 column 2
            bad.jsonl:5: column colour: unknown key (the keys are id, date, date_end, date_precision, country, admin1, location, latitude, longitude, geo_precision, perpetrator, target, method, killed, killed_low, killed_high, wounded, kidnapped, perpetrators_killed, description, sources, status)
        "#]],
    );
}

// ---------------------------------------------------------------- datasets

/// A file of `crates/formats/tests/fixtures` (GTD's is Windows-1252).
fn dataset(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/tests/fixtures").join(path)).unwrap()
}

#[test]
fn an_acled_export_imports_verified_with_new_groups() {
    check(
        "--brief",
        &[("acled.csv", &dataset("acled/current-export.csv"))],
        expect![[r#"
            written: 7 new, 0 updated, 0 unchanged, 0 rejected, 2 skipped
            new groups: military-forces-of-mali (state_forces, from "Military Forces of Mali")
            source: acled.csv: ACLED current export
            acled:BFO11801 2023-11-15 BF unknown security indirect_fire killed=2 wounded=? verified
            acled:CAO9012 2023-11-25 CM boko-haram civilians suicide killed=5 wounded=? verified
            acled:NIG25012 2023-11-27 NG iswap humanitarian kidnapping killed=0 wounded=? verified
            acled:NIR9954 2023-11-28 NE is-sahel civilians armed_assault killed=7 wounded=? verified
            acled:MLI31500 2023-12-01 ML military-forces-of-mali armed_groups drone killed=6 wounded=? verified
            acled:SOM51234 2023-12-02 SO al-shabaab military explosive killed=3 wounded=? verified
            acled:BFO11872 2023-12-05 BF jnim military ambush killed=14 wounded=? verified
        "#]],
    );
}

#[test]
fn a_ucdp_release_and_a_gtd_extract() {
    check(
        "--brief",
        &[("ged.csv", &dataset("ucdp/release-19.1.csv"))],
        expect![[r#"
            written: 8 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
            new groups: mndaa (from "MNDAA"), supporters-of-awami-league (from "Supporters of Awami League"), government-of-myanmar-burma (state_forces, from "Government of Myanmar (Burma)"), mta (from "MTA"), jss-sb (from "JSS/SB"), knu (from "KNU"), sspp (from "SSPP")
            source: ged.csv: UCDP GED release up to 19.1 (42 columns, low/best/high)
            ucdp:71686 1989-01-01 MM knu military unknown killed=3 wounded=? verified
            ucdp:73855 1989-09-30 BD jss-sb civilians unknown killed=6 wounded=? verified
            ucdp:50348 1990-02-01 MM mta armed_groups unknown killed=32 wounded=? verified
            ucdp:50110 2003-03-01 MM government-of-myanmar-burma civilians unknown killed=2 wounded=? verified
            ucdp:71663 2013-12-13 BD supporters-of-awami-league armed_groups unknown killed=1 wounded=? verified
            ucdp:209980 2015-05-11 MM mndaa military unknown killed=0 wounded=? verified
            ucdp:209406 2015-05-14 MM mndaa military unknown killed=2 wounded=? verified
            ucdp:224479 2016-05-05 MM sspp military unknown killed=0 wounded=? verified
        "#]],
    );
    check(
        "--brief",
        &[("gtd.csv", &dataset("gtd/gtd.csv"))],
        expect![[r#"
        written: 8 new, 0 updated, 0 unchanged, 0 rejected, 0 skipped
        new groups: fulani-extremists (from "Fulani extremists"), zimbabwe-african-national-liberation-army-zanla (from "Zimbabwe African National Liberation Army (ZANLA)")
        source: gtd.csv: GTD release (135 columns)
        gtd:197806140002 1978-06-14 ZW zimbabwe-african-national-liberation-army-zanla civilians armed_assault killed=4 wounded=? verified
        gtd:199200000003 1992-01-01 SO unknown unknown explosive killed=2 wounded=? verified
        gtd:201411200021 2014-11-20 PK ttp government assassination killed=1 wounded=2 verified
        gtd:201806000012 2018-06-01 NE unknown security explosive killed=? wounded=? verified
        gtd:201903150007 2019-03-15 ML is-sahel military armed_assault killed=9 wounded=5 verified
        gtd:201911060003 2019-11-06 BF jnim infrastructure hostage_taking killed=0 wounded=0 verified
        gtd:202008160002 2020-08-16 SO al-shabaab business suicide killed=10 wounded=22 verified
        gtd:202103040004 2021-03-04 NG fulani-extremists education kidnapping killed=1 wounded=0 verified
    "#]],
    );
}
