//! The GTD reader on invented look-alike files of the release (the real data
//! may not be redistributed): Windows-1252, CRLF, the 135 columns; every row
//! checked against hand-written expectations.

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::civil::Date;
use vigie_domain::incident::Column;
use vigie_domain::{GroupRegister, Validator};
use vigie_formats::dataset::DatasetOptions;
use vigie_formats::dataset::gtd::{COLUMNS, GtdReader, LAYOUT_OLD_RELEASE, LAYOUT_OTHER, LAYOUT_RELEASE};
use vigie_formats::{ReadError, RowProblem};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gtd").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One row as the reader gives it: line, native values, described problems.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    line: u64,
    values: BTreeMap<&'static str, String>,
    problems: Vec<String>,
}

impl Seen {
    fn get(&self, column: &str) -> Option<&str> {
        self.values.get(column).map(String::as_str)
    }
}

fn read(input: &[u8]) -> Result<(&'static str, Vec<Seen>), ReadError> {
    let mut reader = GtdReader::new(input, DatasetOptions::default())?;
    let mut rows = Vec::new();
    reader.for_each::<ReadError>(|row| {
        let values = Column::ALL.iter().filter_map(|c| row.raw.get(*c).map(|v| (c.name(), v.to_string()))).collect();
        rows.push(Seen { line: row.line, values, problems: row.problems.iter().map(RowProblem::describe).collect() });
        Ok(())
    })?;
    assert_eq!(reader.skipped(), 0);
    Ok((reader.layout(), rows))
}

fn rows(name: &str) -> Vec<Seen> {
    let (layout, rows) = read(&fixture(name)).unwrap();
    assert_eq!(layout, LAYOUT_RELEASE);
    rows
}

/// The expected native values of one row, column by column (absent = empty).
fn expect(row: &Seen, expected: &[(&str, &str)]) {
    assert!(row.problems.is_empty(), "line {}: {:?}", row.line, row.problems);
    let mut want: BTreeMap<&str, &str> = expected.iter().copied().collect();
    want.retain(|_, v| !v.is_empty());
    let got: BTreeMap<&str, &str> = row
        .values
        .iter()
        .filter(|(k, _)| !matches!(**k, "description" | "sources") || want.contains_key(*k))
        .map(|(k, v)| (*k, v.as_str()))
        .collect();
    assert_eq!(got, want, "line {}", row.line);
}

#[test]
fn header_is_the_release_s_135_columns() {
    let data = fixture("gtd.csv");
    let header = data.split(|&b| b == b'\n').next().unwrap();
    assert_eq!(header, format!("{}\r", COLUMNS.join(",")).as_bytes());
    assert_eq!(COLUMNS.len(), 135);
    assert_eq!(&COLUMNS[..4], ["eventid", "iyear", "imonth", "iday"]);
    assert_eq!(COLUMNS[134], "related");
    assert!(data.windows(2).filter(|w| w == b"\r\n").count() >= 9, "CRLF line ends");
    assert!(data.contains(&0xe9), "é written as one Windows-1252 byte");
    assert!(data.contains(&0x92), "’ written as one Windows-1252 byte");
}

#[test]
fn every_row_of_the_fixture() {
    let rows = rows("gtd.csv");
    assert_eq!(rows.len(), 8);
    assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3, 4, 5, 6, 7, 8, 9]);

    // a normal day date; nkillter taken out of nkill; figures written 12.0;
    // a summary with a comma, quotes, an accent and a curly apostrophe
    expect(
        &rows[0],
        &[
            ("id", "gtd:201903150007"),
            ("date", "2019-03-15"),
            ("date_precision", "day"),
            ("country", "Mali"),
            ("admin1", "Ménaka"),
            ("location", "Anderamboukane"),
            ("latitude", "15.421300"),
            ("longitude", "3.028100"),
            ("geo_precision", "1"),
            ("perpetrator", "Islamic State in the Greater Sahara (ISGS)"),
            ("target", "military"),
            ("method", "armed_assault"),
            ("killed", "9"),
            ("wounded", "5"),
            ("kidnapped", "0"),
            ("perpetrators_killed", "3"),
            (
                "description",
                "03/15/2019: Assailants attacked a Malian army post near Anderamboukane, Ménaka region, Mali. \
                 The soldiers’ vehicles were burned and a witness said the attackers \"came on motorbikes\". \
                 Islamic State in the Greater Sahara (ISGS) claimed responsibility.",
            ),
            (
                "sources",
                "GTD, event 201903150007 ; \"Gunmen strike army post in eastern Mali,\" Sahel Monitor, March 16, 2019. \
                 ; \"Mali: nine soldiers killed near the Niger border,\" Bamako Evening Post, March 17, 2019.",
            ),
        ],
    );
    // day 0: the 1st, precision month; empty and -9 figures unknown; city
    // "Unknown" empty; specificity 4 → 3; approxdate kept as a note
    expect(
        &rows[1],
        &[
            ("id", "gtd:201806000012"),
            ("date", "2018-06-01"),
            ("date_precision", "month"),
            ("country", "Niger"),
            ("admin1", "Tillabéri"),
            ("geo_precision", "3"),
            ("perpetrator", "unknown"),
            ("target", "security"),
            ("method", "explosive"),
            ("kidnapped", "0"),
            (
                "description",
                "06/2018: An explosive device detonated near a police patrol in Tillabéri region, Niger. \
                 Casualties were not reported. [GTD approximate date: June 2018]",
            ),
        ],
    );
    // month 0: January 1st, precision year; attack type Unknown refined by
    // the weapon; nkillter -99 → killed = nkill; ishostkid -9 → unknown
    expect(
        &rows[2],
        &[
            ("id", "gtd:199200000003"),
            ("date", "1992-01-01"),
            ("date_precision", "year"),
            ("country", "Somalia"),
            ("admin1", "Banaadir"),
            ("location", "Mogadishu"),
            ("latitude", "2.046900"),
            ("longitude", "45.318200"),
            ("geo_precision", "1"),
            ("perpetrator", "unknown"),
            ("target", "unknown"),
            ("method", "explosive"),
            ("killed", "2"),
            ("sources", "GTD, event 199200000003"),
        ],
    );
    // a kidnapping: ishostkid 1, nhostkid 27.0; extended with a later resolution
    expect(
        &rows[3],
        &[
            ("id", "gtd:202103040004"),
            ("date", "2021-03-04"),
            ("date_end", "2021-03-14"),
            ("date_precision", "day"),
            ("country", "Nigeria"),
            ("admin1", "Zamfara"),
            ("location", "Dan Gulbi"),
            ("latitude", "11.735600"),
            ("longitude", "6.283400"),
            ("geo_precision", "2"),
            ("perpetrator", "Fulani extremists"),
            ("target", "education"),
            ("method", "kidnapping"),
            ("killed", "1"),
            ("wounded", "0"),
            ("kidnapped", "27"),
        ],
    );
    // a suicide bombing: the bomber taken out of the dead; three citations
    expect(
        &rows[4],
        &[
            ("id", "gtd:202008160002"),
            ("date", "2020-08-16"),
            ("date_precision", "day"),
            ("country", "Somalia"),
            ("admin1", "Banaadir"),
            ("location", "Mogadishu"),
            ("latitude", "2.037800"),
            ("longitude", "45.343800"),
            ("geo_precision", "1"),
            ("perpetrator", "Al-Shabaab"),
            ("target", "business"),
            ("method", "suicide"),
            ("killed", "10"),
            ("wounded", "22"),
            ("kidnapped", "0"),
            ("perpetrators_killed", "1"),
            (
                "sources",
                "GTD, event 202008160002 ; \"Hotel blast kills ten in Mogadishu,\" Horn Wire, August 17, 2020. ; \
                 \"Somalia: suicide attack on hotel,\" Benadir Times, August 16, 2020. ; \
                 \"Al-Shabaab claims hotel bombing,\" Horn Wire, August 18, 2020.",
            ),
        ],
    );
    // doubtterr 1 noted; vicinity 1 makes specificity 1 a 2
    expect(
        &rows[5],
        &[
            ("id", "gtd:201411200021"),
            ("date", "2014-11-20"),
            ("date_precision", "day"),
            ("country", "Pakistan"),
            ("admin1", "Khyber Pakhtunkhwa"),
            ("location", "Peshawar"),
            ("latitude", "34.006004"),
            ("longitude", "71.537430"),
            ("geo_precision", "2"),
            ("perpetrator", "Tehrik-i-Taliban Pakistan (TTP)"),
            ("target", "government"),
            ("method", "assassination"),
            ("killed", "1"),
            ("wounded", "2"),
            ("kidnapped", "0"),
            ("perpetrators_killed", "0"),
            (
                "description",
                "11/20/2014: Assailants shot a district official near Peshawar, Khyber Pakhtunkhwa, Pakistan. \
                 [GTD: doubt that this is terrorism (doubtterr = 1)]",
            ),
        ],
    );
    // a historic state; no summary
    expect(
        &rows[6],
        &[
            ("id", "gtd:197806140002"),
            ("date", "1978-06-14"),
            ("date_precision", "day"),
            ("country", "Rhodesia"),
            ("admin1", "Manicaland"),
            ("location", "Umtali"),
            ("latitude", "-18.970000"),
            ("longitude", "32.670000"),
            ("geo_precision", "1"),
            ("perpetrator", "Zimbabwe African National Liberation Army (ZANLA)"),
            ("target", "civilians"),
            ("method", "armed_assault"),
            ("killed", "4"),
            ("kidnapped", "0"),
        ],
    );
    // hijacking; a resolution before the date is ignored; nhostkid -99
    expect(
        &rows[7],
        &[
            ("id", "gtd:201911060003"),
            ("date", "2019-11-06"),
            ("date_precision", "day"),
            ("country", "Burkina Faso"),
            ("admin1", "Est"),
            ("location", "Fada N'Gourma"),
            ("latitude", "12.061600"),
            ("longitude", "0.358400"),
            ("geo_precision", "1"),
            ("perpetrator", "Jamaat Nusrat al-Islam wal Muslimin (JNIM)"),
            ("target", "infrastructure"),
            ("method", "hostage_taking"),
            ("killed", "0"),
            ("wounded", "0"),
            ("perpetrators_killed", "0"),
            (
                "description",
                "11/06/2019: Assailants stopped a bus on the road to Fada N’Gourma, Est region, Burkina Faso, \
                 and held the passengers. [GTD approximate date: November 6-7, 2019]",
            ),
        ],
    );
}

#[test]
fn every_row_passes_the_validator_with_resolved_countries_and_groups() {
    let mut validator = Validator::new(GroupRegister::builtin(), Date::new(2026, 1, 1).unwrap());
    validator.new_groups = true;
    let mut resolved = Vec::new();
    let data = fixture("gtd.csv");
    let mut reader = GtdReader::new(&data[..], DatasetOptions::default()).unwrap();
    reader
        .for_each::<ReadError>(|row| {
            let valid = validator.validate(&row.raw).unwrap_or_else(|e| panic!("line {}: {e:?}", row.line));
            resolved.push((
                valid.incident.country.to_string(),
                valid.incident.perpetrator.clone(),
                valid.new_group.is_some(),
            ));
            Ok(())
        })
        .unwrap();
    let expected = [
        ("ML", "is-sahel", false),
        ("NE", "unknown", false),
        ("SO", "unknown", false),
        ("NG", "fulani-extremists", true),
        ("SO", "al-shabaab", false),
        ("PK", "ttp", false),
        ("ZW", "zimbabwe-african-national-liberation-army-zanla", true),
        ("BF", "jnim", false),
    ];
    let resolved: Vec<(&str, &str, bool)> = resolved.iter().map(|(c, p, n)| (c.as_str(), p.as_str(), *n)).collect();
    assert_eq!(resolved.len(), expected.len());
    for (got, want) in resolved.iter().zip(expected) {
        assert_eq!(got.0, want.0);
        assert_eq!(got.2, want.2, "{got:?}");
        if !want.2 {
            assert_eq!(got.1, want.1);
        }
    }
}

#[test]
fn historic_country_names_of_the_gtd() {
    for (name, code) in [
        ("West Germany (FRG)", "DE"),
        ("East Germany (GDR)", "DE"),
        ("Soviet Union", "RU"),
        ("Zaire", "CD"),
        ("Rhodesia", "ZW"),
        ("South Vietnam", "VN"),
        ("North Yemen", "YE"),
        ("South Yemen", "YE"),
        ("People's Republic of the Congo", "CG"),
        ("New Hebrides", "VU"),
    ] {
        let country = vigie_domain::countries().resolve(name).map(|c| c.code.to_string());
        assert_eq!(country.as_deref(), Some(code), "{name}");
    }
}

#[test]
fn the_updated_release_changes_one_figure() {
    let old = rows("gtd.csv");
    let new = rows("gtd-updated.csv");
    let changed: Vec<_> = old.iter().zip(&new).filter(|(a, b)| a != b).collect();
    assert_eq!(changed.len(), 1);
    let (before, after) = changed[0];
    assert_eq!(after.get("id"), Some("gtd:202008160002"));
    assert_eq!((before.get("killed"), after.get("killed")), (Some("10"), Some("12")));
}

#[test]
fn bad_rows_are_located_by_line_and_gtd_column() {
    let (layout, rows) = read(&fixture("gtd-bad.csv")).unwrap();
    assert_eq!(layout, LAYOUT_RELEASE);
    let seen: Vec<(u64, Vec<String>)> = rows.iter().map(|r| (r.line, r.problems.clone())).collect();
    assert_eq!(
        seen,
        [
            (2, vec![]),
            (4, vec!["4: column iday: not a GTD day: 1 to 31, or 0 when not known (got \"x\")".to_string()]),
            (5, vec!["5: row has 20 fields but the header has 135".to_string()]),
            (
                6,
                vec![
                    "6: column specificity: not a GTD specificity: 1 to 5 (got \"9\")".to_string(),
                    "6: column nkill: not a GTD figure: a whole number, or -9, -99 or empty when not known \
                     (got \"many\")"
                        .to_string(),
                ]
            ),
            (7, vec![]),
            (8, vec![]),
        ]
    );
    // the two-line summary stays one field
    assert_eq!(rows[0].get("description"), Some("First line of the summary,\r\nsecond line."));
    // a short row keeps its id for the rejects file, nothing else
    assert_eq!(rows[2].values.len(), 1);
    assert_eq!(rows[2].get("id"), Some("gtd:197806140002"));
    // a country the register does not know is the validator's to reject
    assert_eq!(rows[4].get("country"), Some("Yugoslavia"));
    assert_eq!(rows[4].get("admin1"), None);
    assert_eq!(rows[4].get("geo_precision"), Some("3"));
}

#[test]
fn other_bad_values_name_their_column() {
    let header = COLUMNS.join(",");
    let good: Vec<String> = {
        let data = String::from_utf8_lossy(&fixture("gtd.csv")).into_owned();
        let mut reader = csv::ReaderBuilder::new().from_reader(data.as_bytes());
        reader.records().next().unwrap().unwrap().iter().map(str::to_string).collect()
    };
    let with = |changes: &[(&str, &str)]| {
        let mut fields = good.clone();
        for (column, value) in changes {
            fields[COLUMNS.iter().position(|c| c == column).unwrap()] = value.to_string();
        }
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&fields).unwrap();
        let row = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        let (_, rows) = read(format!("{header}\r\n{row}").as_bytes()).unwrap();
        rows[0].problems.clone()
    };
    assert_eq!(with(&[]), Vec::<String>::new());
    assert_eq!(
        with(&[("eventid", "2019-03-15")]),
        ["2: column eventid: not a GTD event id: digits, e.g. 201903150007 (got \"2019-03-15\")"]
    );
    assert_eq!(with(&[("iyear", "19")]), ["2: column iyear: not a year in the GTD layout (e.g. 2019) (got \"19\")"]);
    assert_eq!(
        with(&[("imonth", "13")]),
        ["2: column imonth: not a GTD month: 1 to 12, or 0 when not known (got \"13\")"]
    );
    assert_eq!(
        with(&[("imonth", "2"), ("iday", "30")]),
        ["2: column iday: no such day in 2019-02 (iyear-imonth) (got \"30\")"]
    );
    assert_eq!(
        with(&[("nwound", "-3")]),
        ["2: column nwound: not a GTD figure: a whole number, or -9, -99 or empty when not known (got \"-3\")"]
    );
    assert_eq!(
        with(&[("nkillter", "2.5")]),
        ["2: column nkillter: not a GTD figure: a whole number, or -9, -99 or empty when not known (got \"2.5\")"]
    );
    assert_eq!(
        with(&[("suicide", "yes")]),
        ["2: column suicide: not a GTD yes/no value: 1, 0, or -9 or empty when not known (got \"yes\")"]
    );
    assert_eq!(
        with(&[("extended", "1"), ("resolution", "soon")]),
        ["2: column resolution: not a date: M/D/YYYY or YYYY-MM-DD (got \"soon\")"]
    );
    assert_eq!(with(&[("latitude", "north")]), ["2: column latitude: not a number: decimal degrees (got \"north\")"]);
    // an out-of-range coordinate (a typo the release has) drops both
    assert_eq!(with(&[("longitude", "-86185896")]), Vec::<String>::new());
    // resolution is not read unless extended = 1
    assert_eq!(with(&[("resolution", "soon")]), Vec::<String>::new());
}

#[test]
fn edge_figures_and_dates() {
    let header = COLUMNS.join(",");
    let good: Vec<String> = {
        let data = String::from_utf8_lossy(&fixture("gtd.csv")).into_owned();
        let mut reader = csv::ReaderBuilder::new().from_reader(data.as_bytes());
        reader.records().next().unwrap().unwrap().iter().map(str::to_string).collect()
    };
    let row = |changes: &[(&str, &str)]| {
        let mut fields = good.clone();
        for (column, value) in changes {
            fields[COLUMNS.iter().position(|c| c == column).unwrap()] = value.to_string();
        }
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&fields).unwrap();
        let line = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        read(format!("{header}\r\n{line}").as_bytes()).unwrap().1.remove(0)
    };
    // more perpetrators than dead: the figures disagree, killed unknown
    let seen = row(&[("nkill", "2"), ("nkillter", "3")]);
    assert_eq!((seen.get("killed"), seen.get("perpetrators_killed")), (None, Some("3")));
    // nkill unknown: killed unknown whatever nkillter says
    let seen = row(&[("nkill", "-99"), ("nkillter", "1")]);
    assert_eq!(seen.get("killed"), None);
    // month 0 wins over a day
    let seen = row(&[("imonth", "0"), ("iday", "12")]);
    assert_eq!((seen.get("date"), seen.get("date_precision")), (Some("2019-01-01"), Some("year")));
    // an ISO resolution, with a time, later than the date
    let seen = row(&[("extended", "1"), ("resolution", "2019-03-20 00:00:00")]);
    assert_eq!(seen.get("date_end"), Some("2019-03-20"));
    // the same day is no end date
    let seen = row(&[("extended", "1"), ("resolution", "3/15/2019")]);
    assert_eq!(seen.get("date_end"), None);
    // ishostkid 1 with an unknown count
    let seen = row(&[("ishostkid", "1"), ("nhostkid", "-99")]);
    assert_eq!(seen.get("kidnapped"), None);
    let seen = row(&[("ishostkid", "-9"), ("nhostkid", "")]);
    assert_eq!(seen.get("kidnapped"), None);
    // "Unknown" places and groups; empty gname
    let seen = row(&[("provstate", "Unknown"), ("city", "unknown"), ("gname", "")]);
    assert_eq!((seen.get("admin1"), seen.get("location"), seen.get("perpetrator")), (None, None, Some("unknown")));
    // specificity 5 with vicinity stays 3
    let seen = row(&[("specificity", "5"), ("vicinity", "1")]);
    assert_eq!(seen.get("geo_precision"), Some("3"));
    let seen = row(&[("specificity", ""), ("vicinity", "-9")]);
    assert_eq!(seen.get("geo_precision"), None);
}

#[test]
fn a_copy_saved_again_as_utf8_reads_the_same() {
    let cp1252 = fixture("gtd.csv");
    let (text, _, errors) = encoding_rs::WINDOWS_1252.decode(&cp1252);
    assert!(!errors);
    let mut utf8 = b"\xEF\xBB\xBF".to_vec();
    utf8.extend_from_slice(text.as_bytes());
    let (layout, rows) = read(&utf8).unwrap();
    assert_eq!(layout, LAYOUT_RELEASE);
    assert_eq!(rows, self::rows("gtd.csv"));
    // and with LF line ends
    let lf = text.replace("\r\n", "\n");
    assert_eq!(read(lf.as_bytes()).unwrap().1, self::rows("gtd.csv"));
}

/// Rebuilds the fixture with the columns chosen by `keep` (by name), plus an
/// optional leading index column.
fn reshaped(keep: impl Fn(&str) -> bool, index: bool) -> Vec<u8> {
    let data = fixture("gtd.csv");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(&data[..]);
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for (n, record) in reader.byte_records().enumerate() {
        let record = record.unwrap();
        let mut fields: Vec<&[u8]> = Vec::new();
        let number = n.saturating_sub(1).to_string();
        if index {
            fields.push(if n == 0 { b"" } else { number.as_bytes() });
        }
        fields.extend(record.iter().zip(COLUMNS).filter(|(_, name)| keep(name)).map(|(f, _)| f));
        writer.write_record(&fields).unwrap();
    }
    writer.into_inner().unwrap()
}

#[test]
fn other_layouts_are_read_by_column_name() {
    let expected = rows("gtd.csv");
    let (layout, rows) = read(&reshaped(|name| name != "individual", false)).unwrap();
    assert_eq!(layout, LAYOUT_OLD_RELEASE);
    assert_eq!(rows, expected);
    let (layout, rows) = read(&reshaped(|_| true, true)).unwrap();
    assert_eq!(layout, LAYOUT_OTHER);
    assert_eq!(rows, expected);
    // a subset without the optional columns still maps what it has
    let required = [
        "eventid",
        "iyear",
        "imonth",
        "iday",
        "country_txt",
        "attacktype1_txt",
        "targtype1_txt",
        "gname",
        "nkill",
        "nkillter",
        "nwound",
        "nwoundte",
    ];
    let (layout, rows) = read(&reshaped(|name| required.contains(&name), false)).unwrap();
    assert_eq!(layout, LAYOUT_OTHER);
    assert_eq!(rows[4].get("method"), Some("explosive"), "no suicide column");
    assert_eq!(rows[4].get("killed"), Some("10"));
    assert_eq!(rows[4].get("sources"), Some("GTD, event 202008160002"));
}

#[test]
fn header_problems_are_located() {
    let Err(ReadError::Header(problems)) = read(b"event_id_cnty,event_date,country,fatalities\r\n") else {
        panic!("an ACLED header is not a GTD one")
    };
    let text: Vec<String> = problems.iter().map(RowProblem::describe).collect();
    assert_eq!(text.len(), 12, "{text:?}");
    assert_eq!(text[0], "1: column eventid: required GTD column is missing from the header");
    assert_eq!(text[4], "1: column country_txt: required GTD column is missing from the header");
    let without_nkillter = reshaped(|name| name != "nkillter", false);
    let Err(ReadError::Header(problems)) = read(&without_nkillter) else { panic!() };
    assert_eq!(
        problems.iter().map(RowProblem::describe).collect::<Vec<_>>(),
        ["1: column nkillter: required GTD column is missing from the header"]
    );
    let Err(ReadError::Header(problems)) = read(b"") else { panic!() };
    assert_eq!(problems[0].describe(), "1: the file is empty: expected the GTD header row");
}

#[test]
fn damaged_files_never_panic() {
    let data = fixture("gtd.csv");
    let mut cut = 0;
    while cut < data.len() {
        let _ = read(&data[..cut]);
        cut += 61;
    }
    let junk: &[u8] = &[b'"', b',', b'\r', b'\n', 0xff, 0x81, b'-', b'9', b'.', b'x', 0];
    for (i, position) in (0..data.len()).step_by(37).enumerate() {
        let mut damaged = data.clone();
        damaged[position] = junk[i % junk.len()];
        // any answer but a panic
        let _ = read(&damaged);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Any damage to the cp1252 release (bytes changed, cut short) gives rows
    /// or located problems, never a panic.
    #[test]
    fn damaged_releases_never_panic(
        edits in proptest::collection::vec((0usize..20000, proptest::prelude::any::<u8>()), 1..12),
        cut in 0usize..20000,
    ) {
        let mut bytes = fixture("gtd.csv");
        for (position, byte) in edits {
            let at = position % bytes.len();
            bytes[at] = byte;
        }
        bytes.truncate(cut.max(1).min(bytes.len()));
        if let Ok((_, rows)) = read(&bytes) {
            for row in rows {
                proptest::prop_assert!(row.line >= 2, "a data row starts after the header");
            }
        }
    }
}
