//! `vigie_report::monthly` at its boundary: incidents as native CSV text
//! imported into a real SQLite store, a region and a month in, a compact
//! rendering of the report out, compared with the expected text.
//!
//! ```text
//! REGION MONTH against PREVIOUS (verified only | drafts included)
//! COUNTRY  operations PREVIOUS → CURRENT ARROW PCT  victims PREVIOUS → CURRENT ARROW PCT
//! total    …
//! unknown casualties: PREVIOUS → CURRENT
//! target|method|perpetrator: KEY OPERATIONS/VICTIMS, …
//! membership: former members RULE; former: …; excluded: …
//! ```
//!
//! The arrow is ↑ ↓ or =; the percentage, rounded, is left out when the
//! previous month had none. `UPDATE_EXPECT=1 cargo test -p vigie-report
//! --test monthly` writes what the code gives into the expectations.

use expect_test::{Expect, expect};
use std::fmt::Write;

use jiff::civil::date;
use vigie_domain::region::Member;
use vigie_domain::{Change, Month, Regions};
use vigie_ingest::{Options, Source};
use vigie_report::{Breakdown, MonthlyReport};
use vigie_store::Store;

/// The region groups of these tests.
const REGIONS: &str = r#"
# three members in a deliberate order, and a member that left long ago
[[region]]
id = "trio"
name = { fr = "Trio du test", en = "Test trio", ar = "الثلاثي التجريبي" }
members = [
  { country = "NE" },
  { country = "TD" },
  { country = "ML" },
  { country = "MR", until = "2020-01-01" },
]

# members that join and leave during 2024
[[region]]
id = "moving"
name = { fr = "Mouvant", en = "Moving", ar = "متحرك" }
members = [
  { country = "BF", until = "2024-03-10" },
  { country = "TD", from = "2024-03-31" },
  { country = "MR", from = "2024-04-01" },
  { country = "NE", until = "2024-01-31" },
]

# the same, counting the members that have left
[[region]]
id = "moving-all"
name = { fr = "Mouvant", en = "Moving", ar = "متحرك" }
former_members = "include"
members = [
  { country = "BF", until = "2024-03-10" },
  { country = "TD", from = "2024-03-31" },
  { country = "MR", from = "2024-04-01" },
  { country = "NE", until = "2024-01-31" },
]
"#;

/// A store in a temporary folder holding `incidents` (native CSV).
fn store(incidents: &str) -> (tempfile::TempDir, Box<dyn Store>) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = vigie_store::open(dir.path().join("vigie.db").to_str().unwrap()).unwrap();
    let source = Source {
        name: "incidents.csv".into(),
        input: Box::new(std::io::Cursor::new(incidents.as_bytes().to_vec())),
        size: None,
        format: None,
    };
    let summary = vigie_ingest::import(store.as_mut(), vec![source], &Options::new(date(2030, 1, 1))).unwrap();
    assert!(summary.written, "the incidents import: {:?}", summary.problems);
    (dir, store)
}

/// The report of `query` ("REGION YYYY-MM", then `--include-drafts` if
/// so) over `incidents`, against `expect`.
#[track_caller]
fn check(incidents: &str, query: &str, expect: Expect) {
    let (_dir, store) = store(incidents);
    let mut words = query.split_whitespace();
    let region = words.next().unwrap();
    let month = Month::parse(words.next().unwrap()).unwrap();
    let include_drafts = words.next() == Some("--include-drafts");
    let regions = Regions::from_toml(REGIONS).unwrap();
    let region = regions.get(region).unwrap();
    let groups = store.groups().unwrap();
    let report = vigie_report::monthly(
        store.as_ref(),
        &groups,
        region,
        month,
        vigie_report::Counting { include_drafts, ..Default::default() },
    )
    .unwrap();
    expect.assert_eq(&render(&report));
}

fn change(change: &Change) -> String {
    let pct = change.change_pct.map(|p| format!(" {p:+}%").replace("+0%", "0%")).unwrap_or_default();
    format!("{} → {} {}{pct}", change.previous, change.current, change.trend.arrow())
}

fn breakdown(rows: &[Breakdown]) -> String {
    let rows: Vec<String> = rows.iter().map(|r| format!("{} {}/{}", r.key, r.operations, r.victims)).collect();
    if rows.is_empty() { "none".into() } else { rows.join(", ") }
}

fn members(members: &[Member]) -> String {
    let members: Vec<String> = members
        .iter()
        .map(|m| {
            let from = m.from.map(|d| format!(" from {d}")).unwrap_or_default();
            let until = m.until.map(|d| format!(" until {d}")).unwrap_or_default();
            format!("{}{from}{until}", m.country)
        })
        .collect();
    if members.is_empty() { "none".into() } else { members.join(", ") }
}

fn render(report: &MonthlyReport) -> String {
    let mut text = String::new();
    let drafts = if report.include_drafts { "drafts included" } else { "verified only" };
    writeln!(text, "{} {} against {} ({drafts})", report.region, report.month, report.previous_month).unwrap();
    let mut row = |name: &str, operations: &Change, victims: &Change| {
        let line = format!("{name:<6} operations {:<16} victims {}", change(operations), change(victims));
        writeln!(text, "{}", line.trim_end()).unwrap();
    };
    for country in &report.countries {
        row(country.country.as_str(), &country.operations, &country.victims);
    }
    row("total", &report.total.operations, &report.total.victims);
    let unknown = report.unknown_casualties;
    writeln!(text, "unknown casualties: {} → {}", unknown.previous, unknown.current).unwrap();
    writeln!(text, "target: {}", breakdown(&report.by_target)).unwrap();
    writeln!(text, "method: {}", breakdown(&report.by_method)).unwrap();
    writeln!(text, "perpetrator: {}", breakdown(&report.by_perpetrator)).unwrap();
    // every perpetrator of the breakdown is named for the renderers
    for row in &report.by_perpetrator {
        assert!(report.perpetrator_names.contains_key(&row.key), "{} has names", row.key);
    }
    let membership = &report.membership;
    writeln!(
        text,
        "membership: former members {}; former: {}; excluded: {}",
        serde_json::to_value(membership.former_members).unwrap().as_str().unwrap(),
        members(&membership.former),
        members(&membership.excluded)
    )
    .unwrap();
    text
}

// ---------------------------------------------------------------- a report computed by hand

/// February (p), March (c) and outside the region or the months (x); p4
/// and c6 are drafts.
const TRIO: &str = "\
id,date,country,perpetrator,target,method,killed,wounded,kidnapped,perpetrators_killed,status
p1,2024-02-01,NE,jnim,military,ambush,5,5,,,verified
p2,2024-02-29,Niger,EIGS,civilians,armed_assault,4,2,,,verified
p3,2024-02-15,ML,GSIM,military,explosive,8,,,,verified
p4,2024-02-20,TD,boko-haram,civilians,kidnapping,1,1,3,,draft
c1,2024-03-01,NE,is-sahel,military,ambush,3,4,,20,verified
c2,2024-03-31,NE,jnim,civilians,armed_assault,6,1,,,verified
c3,2024-03-10,Mali,jnim,military,ambush,4,3,,,verified
c4,2024-03-12,ML,is-sahel,security,explosive,2,,,,verified
c5,2024-03-15,Tchad,JAS,civilians,suicide,2,0,5,,verified
c6,2024-03-20,TD,,civilians,armed_assault,8,2,,,draft
x1,2024-03-05,BF,jnim,military,ambush,50,50,,,verified
x2,2024-03-06,MR,jnim,military,ambush,30,30,,,verified
x3,2024-01-31,NE,jnim,military,ambush,9,9,,,verified
x4,2024-04-01,NE,jnim,military,ambush,9,9,,,verified
";

/// Victims are killed + wounded (an unknown figure counts 0 and the
/// incident is counted as having unknown casualties; kidnapped and
/// perpetrators killed are not victims); the first and last days are in
/// the month; other countries, a member gone and other months are not.
#[test]
fn verified_incidents_of_the_members_in_the_month_and_the_one_before() {
    check(
        TRIO,
        "trio 2024-03",
        expect![[r#"
        trio 2024-03 against 2024-02 (verified only)
        NE     operations 2 → 2 = 0%       victims 16 → 14 ↓ -13%
        TD     operations 0 → 1 ↑          victims 0 → 2 ↑
        ML     operations 1 → 2 ↑ +100%    victims 8 → 9 ↑ +13%
        total  operations 3 → 5 ↑ +67%     victims 24 → 25 ↑ +4%
        unknown casualties: 1 → 1
        target: military 2/14, civilians 2/9, security 1/2
        method: ambush 2/14, armed_assault 1/7, explosive 1/2, suicide 1/2
        perpetrator: jnim 2/14, is-sahel 2/9, boko-haram 1/2
        membership: former members exclude; former: none; excluded: MR until 2020-01-01
    "#]],
    );
}

#[test]
fn drafts_count_only_when_asked() {
    check(
        TRIO,
        "trio 2024-03 --include-drafts",
        expect![[r#"
        trio 2024-03 against 2024-02 (drafts included)
        NE     operations 2 → 2 = 0%       victims 16 → 14 ↓ -13%
        TD     operations 1 → 2 ↑ +100%    victims 2 → 12 ↑ +500%
        ML     operations 1 → 2 ↑ +100%    victims 8 → 9 ↑ +13%
        total  operations 4 → 6 ↑ +50%     victims 26 → 35 ↑ +35%
        unknown casualties: 1 → 1
        target: civilians 3/19, military 2/14, security 1/2
        method: armed_assault 2/17, ambush 2/14, explosive 1/2, suicide 1/2
        perpetrator: jnim 2/14, is-sahel 2/9, unknown 1/10, boko-haram 1/2
        membership: former members exclude; former: none; excluded: MR until 2020-01-01
    "#]],
    );
}

// ---------------------------------------------------------------- months

#[test]
fn january_is_compared_with_december_of_the_year_before() {
    let incidents = "date,country,killed,wounded,status\n\
                     2023-12-31,NE,1,1,verified\n\
                     2023-12-01,NE,1,,verified\n\
                     2024-01-01,NE,1,1,verified\n\
                     2023-11-30,NE,5,5,verified\n";
    check(
        incidents,
        "trio 2024-01",
        expect![[r#"
        trio 2024-01 against 2023-12 (verified only)
        NE     operations 2 → 1 ↓ -50%     victims 3 → 2 ↓ -33%
        TD     operations 0 → 0 =          victims 0 → 0 =
        ML     operations 0 → 0 =          victims 0 → 0 =
        total  operations 2 → 1 ↓ -50%     victims 3 → 2 ↓ -33%
        unknown casualties: 1 → 0
        target: unknown 1/2
        method: unknown 1/2
        perpetrator: unknown 1/2
        membership: former members exclude; former: none; excluded: MR until 2020-01-01
    "#]],
    );
}

#[test]
fn an_empty_month_and_an_empty_store() {
    check(
        "date,country\n2024-02-10,ML\n",
        "trio 2024-03",
        expect![[r#"
        trio 2024-03 against 2024-02 (verified only)
        NE     operations 0 → 0 =          victims 0 → 0 =
        TD     operations 0 → 0 =          victims 0 → 0 =
        ML     operations 0 → 0 =          victims 0 → 0 =
        total  operations 0 → 0 =          victims 0 → 0 =
        unknown casualties: 0 → 0
        target: none
        method: none
        perpetrator: none
        membership: former members exclude; former: none; excluded: MR until 2020-01-01
    "#]],
    );
    check(
        "date,country\n",
        "trio 2024-03",
        expect![[r#"
        trio 2024-03 against 2024-02 (verified only)
        NE     operations 0 → 0 =          victims 0 → 0 =
        TD     operations 0 → 0 =          victims 0 → 0 =
        ML     operations 0 → 0 =          victims 0 → 0 =
        total  operations 0 → 0 =          victims 0 → 0 =
        unknown casualties: 0 → 0
        target: none
        method: none
        perpetrator: none
        membership: former members exclude; former: none; excluded: MR until 2020-01-01
    "#]],
    );
}

/// Half away from zero: 40 → 41 is +2.5 % → 3, 200 → 199 is −0.5 % → −1,
/// 8 → 7 is −12.5 % → −13, 1000 → 1005 is +0.5 % → 1; 1207 → 1212 is a
/// rise that rounds to 0 %.
#[test]
fn change_pct_rounds_half_away_from_zero() {
    let mut csv = String::from("date,country,killed,wounded,description,status\n");
    let mut add = |country: &str, month: &str, operations: u32, victims: u32| {
        for i in 0..operations {
            let day = i % 28 + 1;
            let killed = if i == 0 { victims } else { 0 };
            csv.push_str(&format!("{month}-{day:02},{country},{killed},0,operation {i},verified\n"));
        }
    };
    add("NE", "2023-11", 40, 200);
    add("NE", "2023-12", 41, 199);
    add("TD", "2023-11", 8, 1000);
    add("TD", "2023-12", 7, 1005);
    add("ML", "2023-11", 3, 7);
    add("ML", "2023-12", 1, 8);
    check(
        &csv,
        "trio 2023-12",
        expect![[r#"
        trio 2023-12 against 2023-11 (verified only)
        NE     operations 40 → 41 ↑ +3%    victims 200 → 199 ↓ -1%
        TD     operations 8 → 7 ↓ -13%     victims 1000 → 1005 ↑ +1%
        ML     operations 3 → 1 ↓ -67%     victims 7 → 8 ↑ +14%
        total  operations 51 → 49 ↓ -4%    victims 1207 → 1212 ↑ 0%
        unknown casualties: 0 → 0
        target: unknown 49/1212
        method: unknown 49/1212
        perpetrator: unknown 49/1212
        membership: former members exclude; former: none; excluded: MR until 2020-01-01
    "#]],
    );
}

// ---------------------------------------------------------------- membership over time

const MOVING: &str = "date,country,killed,wounded,status\n\
                      2024-03-05,BF,1,1,verified\n\
                      2024-03-31,TD,2,2,verified\n\
                      2024-03-10,MR,3,3,verified\n\
                      2024-03-10,NE,4,4,verified\n\
                      2024-04-10,BF,5,5,verified\n";

/// BF leaves during March: in March's table as a former member, left out
/// of April's; TD joins on 31 March and MR on 1 April; NE left in
/// January, counted only by a group that keeps former members. The month
/// before is counted with the membership of the report's month (April's
/// table compares MR with its March, before it joined).
#[test]
fn members_joining_and_leaving() {
    check(
        MOVING,
        "moving 2024-03",
        expect![[r#"
        moving 2024-03 against 2024-02 (verified only)
        BF     operations 0 → 1 ↑          victims 0 → 2 ↑
        TD     operations 0 → 1 ↑          victims 0 → 4 ↑
        total  operations 0 → 2 ↑          victims 0 → 6 ↑
        unknown casualties: 0 → 0
        target: unknown 2/6
        method: unknown 2/6
        perpetrator: unknown 2/6
        membership: former members exclude; former: BF until 2024-03-10; excluded: MR from 2024-04-01, NE until 2024-01-31
    "#]],
    );
    check(
        MOVING,
        "moving 2024-04",
        expect![[r#"
        moving 2024-04 against 2024-03 (verified only)
        TD     operations 1 → 0 ↓ -100%    victims 4 → 0 ↓ -100%
        MR     operations 1 → 0 ↓ -100%    victims 6 → 0 ↓ -100%
        total  operations 2 → 0 ↓ -100%    victims 10 → 0 ↓ -100%
        unknown casualties: 0 → 0
        target: none
        method: none
        perpetrator: none
        membership: former members exclude; former: none; excluded: BF until 2024-03-10, NE until 2024-01-31
    "#]],
    );
    check(
        MOVING,
        "moving-all 2024-03",
        expect![[r#"
        moving-all 2024-03 against 2024-02 (verified only)
        BF     operations 0 → 1 ↑          victims 0 → 2 ↑
        TD     operations 0 → 1 ↑          victims 0 → 4 ↑
        NE     operations 0 → 1 ↑          victims 0 → 8 ↑
        total  operations 0 → 3 ↑          victims 0 → 14 ↑
        unknown casualties: 0 → 0
        target: unknown 3/14
        method: unknown 3/14
        perpetrator: unknown 3/14
        membership: former members include; former: BF until 2024-03-10, NE until 2024-01-31; excluded: MR from 2024-04-01
    "#]],
    );
}
