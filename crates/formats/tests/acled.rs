//! The ACLED reader on look-alike files of each real layout (invented
//! events, real headers and quirks), checked row by row, then through the
//! validator; header errors and bad rows located by line and ACLED column.

use std::collections::BTreeMap;
use std::path::PathBuf;

use vigie_domain::incident::Column;
use vigie_domain::{GroupRegister, Validator};
use vigie_formats::dataset::DatasetOptions;
use vigie_formats::dataset::acled::AcledReader;
use vigie_formats::{ReadError, RowProblem};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acled").join(name)
}

/// One row as the reader handed it out.
#[derive(Debug)]
struct Seen {
    line: u64,
    values: BTreeMap<&'static str, String>,
    problems: Vec<String>,
    /// The incident's id, country and perpetrator after validation, or the
    /// validator's errors.
    valid: Result<(String, String, String), Vec<String>>,
}

struct Read {
    layout: &'static str,
    skipped: u64,
    rows: Vec<Seen>,
}

fn read_bytes(bytes: &[u8], options: DatasetOptions) -> Result<Read, ReadError> {
    let mut reader = AcledReader::new(bytes, options)?;
    let mut validator = Validator::new(GroupRegister::builtin(), jiff::civil::date(2026, 11, 23));
    validator.new_groups = true;
    let mut rows = Vec::new();
    reader.for_each::<ReadError>(|row| {
        let values = Column::ALL.iter().filter_map(|c| row.raw.get(*c).map(|v| (c.name(), v.to_string()))).collect();
        let valid = validator
            .validate(&row.raw)
            .map(|v| (v.incident.id, v.incident.country.to_string(), v.incident.perpetrator))
            .map_err(|errors| {
                errors.iter().map(|e| format!("{}: {:?} (got {:?})", e.column, e.kind, e.value)).collect()
            });
        rows.push(Seen {
            line: row.line,
            values,
            problems: row.problems.iter().map(RowProblem::describe).collect(),
            valid,
        });
        Ok(())
    })?;
    Ok(Read { layout: reader.layout(), skipped: reader.skipped(), rows })
}

fn read(name: &str, options: DatasetOptions) -> Read {
    let bytes = std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    read_bytes(&bytes, options).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn all_events() -> DatasetOptions {
    DatasetOptions { all_events: true }
}

/// What a row must hold: every native value but the description, which must
/// start with `notes`.
struct Expected {
    line: u64,
    values: &'static [(&'static str, &'static str)],
    notes: &'static str,
    /// Resolved country and perpetrator group id.
    country: &'static str,
    group: &'static str,
}

fn check(read: &Read, expected: &[Expected]) {
    assert_eq!(read.rows.len(), expected.len(), "rows: {:#?}", read.rows);
    for (seen, expected) in read.rows.iter().zip(expected) {
        let at = format!("line {}", expected.line);
        assert_eq!(seen.line, expected.line, "{at}");
        assert!(seen.problems.is_empty(), "{at}: {:?}", seen.problems);
        let mut values = seen.values.clone();
        let description = values.remove("description").unwrap_or_default();
        assert!(description.starts_with(expected.notes), "{at}: description {description:?}");
        let wanted: BTreeMap<&str, String> = expected.values.iter().map(|(k, v)| (*k, v.to_string())).collect();
        assert_eq!(values, wanted, "{at}");
        let id = expected.values.iter().find(|(k, _)| *k == "id").map(|(_, v)| v.to_string()).unwrap_or_default();
        assert_eq!(seen.valid, Ok((id, expected.country.to_string(), expected.group.to_string())), "{at}");
    }
}

// ------------------------------------------------------------ current export

const CURRENT: &[Expected] = &[
    Expected {
        line: 2,
        values: &[
            ("id", "acled:BFO11872"),
            ("date", "2023-12-05"),
            ("date_precision", "day"),
            ("country", "Burkina Faso"),
            ("admin1", "Est"),
            ("location", "Fada N'Gourma"),
            ("latitude", "12.0616"),
            ("longitude", "0.3584"),
            ("geo_precision", "1"),
            ("perpetrator", "JNIM: Group for Support of Islam and Muslims"),
            ("target", "military"),
            ("method", "ambush"),
            ("killed", "14"),
            ("sources", "ACLED current export, BFO11872 ; Le Faso ; Radio Omega"),
        ],
        notes: "On 5 December 2023, JNIM militants ambushed a military supply convoy",
        country: "BF",
        group: "jnim",
    },
    Expected {
        line: 3,
        values: &[
            ("id", "acled:NIR9954"),
            ("date", "2023-11-28"),
            ("date_precision", "week"),
            ("country", "Niger"),
            ("admin1", "Tillaberi"),
            ("location", "Yatakala"),
            ("latitude", "14.4630"),
            ("longitude", "0.6612"),
            ("geo_precision", "2"),
            ("perpetrator", "Islamic State (Sahel)"),
            ("target", "civilians"),
            ("method", "armed_assault"),
            ("killed", "7"),
            ("sources", "ACLED current export, NIR9954 ; Aniamey ; Actu Niger"),
        ],
        notes: "Around 28 November 2023 (week of), IS Sahel militants killed 7 herders",
        country: "NE",
        group: "is-sahel",
    },
    // line 4: a peaceful protest, skipped
    Expected {
        line: 5,
        values: &[
            ("id", "acled:SOM51234"),
            ("date", "2023-12-02"),
            ("date_precision", "day"),
            ("country", "Somalia"),
            ("admin1", "Lower Shabelle"),
            ("location", "Afgooye"),
            ("latitude", "2.1381"),
            ("longitude", "45.1212"),
            ("geo_precision", "1"),
            ("perpetrator", "Al Shabaab"),
            ("target", "military"),
            ("method", "explosive"),
            ("killed", "3"),
            ("sources", "ACLED current export, SOM51234 ; Garowe Online ; Radio Risaala"),
        ],
        notes: "On 2 December 2023, an IED planted by Al Shabaab",
        country: "SO",
        group: "al-shabaab",
    },
    Expected {
        line: 6,
        values: &[
            ("id", "acled:MLI31500"),
            ("date", "2023-12-01"),
            ("date_precision", "day"),
            ("country", "Mali"),
            ("admin1", "Mopti"),
            ("location", "Femaye"),
            ("latitude", "14.0710"),
            ("longitude", "-4.3650"),
            ("geo_precision", "2"),
            // a one-sided event: actor1 acts, even when it is the state
            ("perpetrator", "Military Forces of Mali"),
            ("target", "armed_groups"),
            ("method", "drone"),
            ("killed", "6"),
            ("sources", "ACLED current export, MLI31500 ; FAMa ; Studio Tamani"),
        ],
        notes: "On 1 December 2023, a FAMa drone struck a JNIM position",
        country: "ML",
        group: "military-forces-of-mali",
    },
    // line 7: looting (a strategic development), skipped
    Expected {
        line: 8,
        values: &[
            ("id", "acled:NIG25012"),
            ("date", "2023-11-27"),
            ("date_precision", "day"),
            ("country", "Nigeria"),
            ("admin1", "Borno"),
            ("location", "Gamboru"),
            ("latitude", "12.3717"),
            ("longitude", "14.2089"),
            ("geo_precision", "1"),
            ("perpetrator", "Islamic State (West Africa) - Lake Chad Faction"),
            ("target", "humanitarian"),
            ("method", "kidnapping"),
            ("killed", "0"),
            ("sources", "ACLED current export, NIG25012 ; Premium Times ; HumAngle"),
        ],
        notes: "On 27 November 2023, ISWAP fighters stopped a vehicle",
        country: "NG",
        group: "iswap",
    },
    Expected {
        line: 9,
        values: &[
            ("id", "acled:CAO9012"),
            ("date", "2023-11-25"),
            ("date_precision", "day"),
            ("country", "Cameroon"),
            ("admin1", "Extreme-Nord"),
            ("location", "Mora"),
            ("latitude", "11.0460"),
            ("longitude", "14.1401"),
            ("geo_precision", "2"),
            ("perpetrator", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
            ("target", "civilians"),
            ("method", "suicide"),
            ("killed", "5"),
            ("sources", "ACLED current export, CAO9012 ; Cameroon Tribune ; L'Oeil du Sahel"),
        ],
        notes: "On 25 November 2023, a suicide bomber, \"a teenage girl\" per witnesses,",
        country: "CM",
        group: "boko-haram",
    },
    Expected {
        line: 10,
        values: &[
            ("id", "acled:BFO11801"),
            ("date", "2023-11-15"),
            ("date_precision", "month"),
            ("country", "Burkina Faso"),
            ("admin1", "Nord"),
            ("location", "Titao"),
            ("latitude", "13.7667"),
            ("longitude", "-2.0667"),
            ("geo_precision", "3"),
            ("perpetrator", "unknown"),
            ("target", "security"),
            ("method", "indirect_fire"),
            ("killed", "2"),
            ("sources", "ACLED current export, BFO11801 ; Twitter"),
        ],
        notes: "In November 2023, unidentified gunmen fired mortar rounds",
        country: "BF",
        group: "unknown",
    },
];

#[test]
fn current_export_with_a_bom_and_day_month_year_dates() {
    let bytes = std::fs::read(fixture("current-export.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFevent_id_cnty,"), "the fixture starts with a BOM");
    let read = read("current-export.csv", DatasetOptions::default());
    assert_eq!(read.layout, "ACLED current export");
    assert_eq!(read.skipped, 2, "the protest and the looting");
    check(&read, CURRENT);
}

#[test]
fn all_events_keeps_protests_riots_and_strategic_developments() {
    let read = read("current-export.csv", all_events());
    assert_eq!(read.skipped, 0);
    assert_eq!(read.rows.len(), 9);
    let protest = &read.rows[2];
    assert_eq!(protest.line, 4);
    assert_eq!(protest.values["id"], "acled:BFO11873");
    assert_eq!(protest.values["perpetrator"], "Protesters (Burkina Faso)");
    assert_eq!(protest.values["target"], "unknown", "no second actor");
    assert_eq!(protest.values["method"], "other");
    let looting = &read.rows[5];
    assert_eq!(looting.line, 7);
    assert_eq!(looting.values["id"], "acled:CHA1845");
    assert_eq!(looting.values["target"], "civilians");
    assert_eq!(looting.values["method"], "facility_attack");
    assert_eq!(looting.valid.as_ref().map(|v| v.2.as_str()), Ok("boko-haram"));
}

#[test]
fn a_revised_export_differs_in_one_fatality_count() {
    let first = read("current-export.csv", DatasetOptions::default());
    let second = read("current-export-v2.csv", DatasetOptions::default());
    assert_eq!(first.rows.len(), second.rows.len());
    let changed: Vec<_> = first.rows.iter().zip(&second.rows).filter(|(a, b)| a.values != b.values).collect();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].0.values["killed"], "14");
    assert_eq!(changed[0].1.values["killed"], "16");
}

// ------------------------------------------------------------ 2019–2022

const EXPORT_2019: &[Expected] = &[
    Expected {
        line: 2,
        values: &[
            ("id", "acled:MLI20111"),
            ("date", "2022-03-04"),
            ("date_precision", "day"),
            ("country", "Mali"),
            ("admin1", "Segou"),
            ("location", "Dogofry"),
            ("latitude", "14.2231"),
            ("longitude", "-5.3114"),
            ("geo_precision", "1"),
            // a battle: the non-state armed actor, though ACLED put the army first
            ("perpetrator", "JNIM: Group for Support of Islam and Muslims"),
            ("target", "military"),
            ("method", "armed_assault"),
            ("killed", "17"),
            ("sources", "ACLED 2019–2022 export, MLI20111 ; Studio Tamani ; AFP"),
        ],
        notes: "On 4 March 2022, FAMa soldiers clashed with JNIM militants",
        country: "ML",
        group: "jnim",
    },
    Expected {
        line: 3,
        values: &[
            ("id", "acled:SOM40001"),
            ("date", "2022-02-21"),
            ("date_precision", "day"),
            ("country", "Somalia"),
            ("admin1", "Hiraan"),
            ("location", "Beledweyne"),
            ("latitude", "4.7358"),
            ("longitude", "45.2036"),
            ("geo_precision", "1"),
            ("perpetrator", "Al Shabaab"),
            ("target", "government"),
            ("method", "suicide"),
            ("killed", "14"),
            ("sources", "ACLED 2019–2022 export, SOM40001 ; Hiiraan Online"),
        ],
        notes: "On 21 February 2022, an Al Shabaab suicide bomber",
        country: "SO",
        group: "al-shabaab",
    },
    // line 4: a riot, skipped
    Expected {
        line: 5,
        values: &[
            ("id", "acled:SOM40010"),
            ("date", "2022-02-27"),
            ("date_precision", "day"),
            ("country", "Somalia"),
            ("admin1", "Bari"),
            ("location", "Bossaso"),
            ("latitude", "11.2842"),
            ("longitude", "49.1816"),
            ("geo_precision", "1"),
            ("perpetrator", "Islamic State (Somalia)"),
            ("target", "security"),
            ("method", "explosive"),
            // fatalities NA: unknown, not 0
            ("sources", "ACLED 2019–2022 export, SOM40010 ; Garowe Online"),
        ],
        notes: "On 27 February 2022, IS Somalia militants threw a grenade",
        country: "SO",
        group: "is-somalia",
    },
    Expected {
        line: 6,
        values: &[
            ("id", "acled:NIR5110"),
            ("date", "2022-01-20"),
            ("date_precision", "week"),
            ("country", "Niger"),
            ("admin1", "Tillaberi"),
            ("location", "Ouallam"),
            ("latitude", "14.3188"),
            ("longitude", "2.0866"),
            ("geo_precision", "2"),
            ("perpetrator", "unknown"),
            ("target", "civilians"),
            ("method", "other"),
            ("killed", "0"),
            ("sources", "ACLED 2019–2022 export, NIR5110 ; ActuNiger"),
        ],
        notes: "During the week of 20 January 2022, unidentified gunmen",
        country: "NE",
        group: "unknown",
    },
    Expected {
        line: 7,
        values: &[
            ("id", "acled:BFO6001"),
            ("date", "2022-04-02"),
            ("date_precision", "day"),
            ("country", "Burkina Faso"),
            ("admin1", "Sahel"),
            ("location", "Djibo"),
            ("latitude", "14.1022"),
            ("longitude", "-1.6306"),
            ("geo_precision", "1"),
            ("perpetrator", "Ansaroul Islam"),
            ("target", "military"),
            ("method", "armed_assault"),
            ("killed", "9"),
            ("sources", "ACLED 2019–2022 export, BFO6001 ; Burkina24 ; AIB"),
        ],
        notes: "On 2 April 2022, the army and VDP retook positions around Djibo",
        country: "BF",
        group: "ansarul-islam",
    },
];

#[test]
fn export_2019_2022_with_iso_dates_numeric_actor_types_and_na() {
    let read = read("export-2019-2022.csv", DatasetOptions::default());
    assert_eq!(read.layout, "ACLED 2019–2022 export");
    assert_eq!(read.skipped, 1, "the riot");
    check(&read, EXPORT_2019);
}

// ------------------------------------------------------------ HDX copy

const HDX: &[Expected] = &[
    Expected {
        line: 3,
        values: &[
            ("id", "acled:CHA1201"),
            ("date", "2021-08-05"),
            ("date_precision", "day"),
            ("country", "Chad"),
            ("admin1", "Lac"),
            ("location", "Tchoukoutalia"),
            ("latitude", "13.6960"),
            ("longitude", "14.1710"),
            ("geo_precision", "1"),
            ("perpetrator", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
            ("target", "military"),
            ("method", "armed_assault"),
            ("killed", "26"),
            ("sources", "ACLED 2019–2022 export, CHA1201 ; Alwihda Info ; AFP"),
        ],
        notes: "On 5 August 2021, Boko Haram (JAS) fighters attacked an army post",
        country: "TD",
        group: "boko-haram",
    },
    Expected {
        line: 4,
        values: &[
            ("id", "acled:CAO5412"),
            ("date", "2021-07-18"),
            ("date_precision", "day"),
            ("country", "Cameroon"),
            ("admin1", "Extreme-Nord"),
            ("location", "Zamai"),
            ("latitude", "10.8560"),
            ("longitude", "13.8000"),
            ("geo_precision", "1"),
            ("perpetrator", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
            ("target", "civilians"),
            ("method", "suicide"),
            ("killed", "5"),
            ("sources", "ACLED 2019–2022 export, CAO5412 ; Cameroon Tribune"),
        ],
        notes: "On 18 July 2021, a suicide bomber blew himself up",
        country: "CM",
        group: "boko-haram",
    },
    Expected {
        line: 5,
        values: &[
            ("id", "acled:NIG19001"),
            ("date", "2021-06-11"),
            ("date_precision", "day"),
            ("country", "Nigeria"),
            ("admin1", "Borno"),
            ("location", "Monguno"),
            ("latitude", "12.6709"),
            ("longitude", "13.6124"),
            ("geo_precision", "1"),
            ("perpetrator", "Islamic State (West Africa) - Lake Chad Faction"),
            ("target", "military"),
            ("method", "indirect_fire"),
            ("killed", "0"),
            ("sources", "ACLED 2019–2022 export, NIG19001 ; HumAngle"),
        ],
        notes: "On 11 June 2021, ISWAP fighters fired mortar rounds",
        country: "NG",
        group: "iswap",
    },
    // line 6: a protest, skipped
    Expected {
        line: 7,
        values: &[
            ("id", "acled:MAU410"),
            ("date", "2021-05-02"),
            ("date_precision", "day"),
            ("country", "Mauritania"),
            ("admin1", "Hodh ech Chargui"),
            ("location", "Fassala"),
            ("latitude", "15.5400"),
            ("longitude", "-5.5200"),
            ("geo_precision", "2"),
            ("perpetrator", "JNIM: Group for Support of Islam and Muslims"),
            ("target", "civilians"),
            ("method", "armed_assault"),
            ("killed", "1"),
            ("sources", "ACLED 2019–2022 export, MAU410 ; Sahara Medias"),
        ],
        notes: "On 2 May 2021, JNIM militants shot dead a herder",
        country: "MR",
        group: "jnim",
    },
];

#[test]
fn hdx_copy_with_a_hxl_tag_row_and_crlf() {
    let bytes = std::fs::read(fixture("hdx-hxl.csv")).unwrap();
    assert!(bytes.windows(15).any(|w| w == b"\r\n,,#event+code"), "the fixture has CRLF and a HXL row");
    let read = read("hdx-hxl.csv", DatasetOptions::default());
    assert_eq!(read.layout, "ACLED 2019–2022 export with HXL tags (HDX copy)");
    assert_eq!(read.skipped, 1);
    check(&read, HDX);
}

// ------------------------------------------------------------ legacy v7

const LEGACY: &[Expected] = &[
    Expected {
        line: 2,
        values: &[
            ("id", "acled:MLI2101"),
            ("date", "2013-01-15"),
            ("date_precision", "day"),
            ("country", "Mali"),
            ("admin1", "Mopti"),
            ("location", "Konna"),
            ("latitude", "14.9433"),
            ("longitude", "-3.8919"),
            ("geo_precision", "1"),
            ("perpetrator", "Ansar Dine"),
            ("target", "military"),
            ("method", "armed_assault"),
            ("killed", "28"),
            ("sources", "ACLED legacy layout (version 7 and earlier), MLI2101 ; AFP"),
        ],
        notes: "Ansar Dine fighters, supported by AQIM, took the town of Konna",
        country: "ML",
        group: "ansar-dine",
    },
    Expected {
        line: 3,
        values: &[
            ("id", "acled:NIR812"),
            ("date", "2014-06-14"),
            ("date_precision", "day"),
            ("country", "Niger"),
            ("admin1", "Tillaberi"),
            ("location", "Ouallam"),
            ("latitude", "14.3188"),
            ("longitude", "2.0866"),
            ("geo_precision", "2"),
            ("perpetrator", "MUJAO: Movement for Unity and Jihad in West Africa"),
            ("target", "military"),
            ("method", "explosive"),
            ("killed", "2"),
            ("sources", "ACLED legacy layout (version 7 and earlier), NIR812 ; Reuters"),
        ],
        notes: "A landmine laid by MUJAO exploded",
        country: "NE",
        group: "mujao",
    },
    Expected {
        line: 4,
        values: &[
            ("id", "acled:NIG4521"),
            ("date", "2015-02-02"),
            ("date_precision", "day"),
            ("country", "Nigeria"),
            ("admin1", "Borno"),
            ("location", "Gwoza"),
            ("latitude", "11.0861"),
            ("longitude", "13.6914"),
            ("geo_precision", "1"),
            ("perpetrator", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
            ("target", "civilians"),
            ("method", "armed_assault"),
            ("killed", "12"),
            ("sources", "ACLED legacy layout (version 7 and earlier), NIG4521 ; Vanguard ; Premium Times"),
        ],
        notes: "Boko Haram gunmen raided a village outside Gwoza",
        country: "NG",
        group: "boko-haram",
    },
    // line 5: Riots/Protests, skipped
    Expected {
        line: 6,
        values: &[
            ("id", "acled:SOM3300"),
            ("date", "2016-09-18"),
            ("date_precision", "week"),
            ("country", "Somalia"),
            ("admin1", "Hiraan"),
            ("location", "Bulo Burto"),
            ("latitude", "3.8500"),
            ("longitude", "45.5667"),
            ("geo_precision", "2"),
            ("perpetrator", "Al Shabaab"),
            ("target", "military"),
            ("method", "armed_assault"),
            ("killed", "7"),
            ("sources", "ACLED legacy layout (version 7 and earlier), SOM3300 ; Shabelle Media Network"),
        ],
        notes: "During the week, government and AMISOM troops retook villages",
        country: "SO",
        group: "al-shabaab",
    },
    // lines 7 and 8: headquarters established, strategic development, skipped
    Expected {
        line: 9,
        values: &[
            ("id", "acled:4101RTA"),
            ("date", "2016-11-03"),
            ("date_precision", "day"),
            ("country", "Burkina Faso"),
            ("admin1", "Sahel"),
            ("location", "Tongomayel"),
            ("latitude", "14.0333"),
            ("longitude", "-1.3500"),
            ("geo_precision", "2"),
            ("perpetrator", "unknown"),
            ("target", "education"),
            ("method", "armed_assault"),
            ("killed", "1"),
            ("sources", "ACLED legacy layout (version 7 and earlier), 4101RTA ; Le Faso"),
        ],
        notes: "Unidentified gunmen shot dead a school teacher",
        country: "BF",
        group: "unknown",
    },
    Expected {
        line: 10,
        values: &[
            ("id", "acled:MLI2450"),
            ("date", "2016-01-07"),
            ("date_precision", "day"),
            ("country", "Mali"),
            ("admin1", "Tombouctou"),
            // Windows-1252 bytes read as such
            ("location", "Léré"),
            ("latitude", "15.7167"),
            ("longitude", "-4.9167"),
            ("geo_precision", "1"),
            ("perpetrator", "AQIM: Al Qaeda in the Islamic Maghreb"),
            ("target", "diplomatic"),
            ("method", "explosive"),
            ("killed", "1"),
            ("sources", "ACLED legacy layout (version 7 and earlier), MLI2450 ; Jeune Afrique"),
        ],
        notes: "Une mine a touché un véhicule de la MINUSMA près de Léré",
        country: "ML",
        group: "aqim",
    },
];

#[test]
fn legacy_layout_upper_case_slash_dates_windows_1252() {
    let bytes = std::fs::read(fixture("legacy-v7.csv")).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture is Windows-1252");
    let read = read("legacy-v7.csv", DatasetOptions::default());
    assert_eq!(read.layout, "ACLED legacy layout (version 7 and earlier)");
    assert_eq!(read.skipped, 3, "Riots/Protests, Headquarters or base established, Strategic development");
    check(&read, LEGACY);
}

#[test]
fn legacy_event_types_kept_with_all_events() {
    let read = read("legacy-v7.csv", all_events());
    assert_eq!(read.skipped, 0);
    let lines: Vec<u64> = read.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for index in [3, 5, 6] {
        let row = &read.rows[index];
        assert!(row.problems.is_empty(), "line {}: {:?}", row.line, row.problems);
        assert_eq!(row.values["method"], "other", "line {}", row.line);
    }
    // no actor2 (INTER2 0): no target
    assert_eq!(read.rows[5].values["target"], "unknown");
}

// ------------------------------------------------------------ errors

#[test]
fn bad_rows_are_located_by_line_and_acled_column() {
    let read = read("bad-rows.csv", DatasetOptions::default());
    assert_eq!(read.skipped, 1, "a protest is skipped before its date is read");
    let seen: Vec<(u64, Vec<String>)> = read.rows.iter().map(|r| (r.line, r.problems.clone())).collect();
    assert_eq!(
        seen,
        [
            (2, vec![]),
            (3, vec![r#"3: column event_date: not a date in the ACLED layouts (got "31/02/2023")"#.to_string()]),
            (
                4,
                vec![
                    r#"4: column fatalities: not a whole number of deaths (leave empty or NA when not known) (got "many")"#
                        .into()
                ]
            ),
            (5, vec!["5: row has 4 fields but the header has 31".into()]),
            (6, vec![r#"6: column time_precision: must be 1 (day), 2 (week) or 3 (month) (got "4")"#.into()]),
            (7, vec![r#"7: column latitude: not a number: decimal degrees expected (got "12,0616")"#.into()]),
            (8, vec![]),
            (9, vec![r#"9: column event_id_cnty: is empty: every ACLED event has an id (got "")"#.into()]),
            (10, vec![r#"10: column event_date: not a date in the ACLED layouts (got "2023-12-32")"#.into()]),
        ]
    );
    // the row the reader found fine but the validator does not
    assert_eq!(read.rows[6].valid, Err(vec![r#"country: UnknownCountry (got "Atlantis")"#.to_string()]));
    assert!(read.rows[0].valid.is_ok());
}

#[test]
fn problems_name_the_column_as_the_file_spells_it() {
    let text = "EVENT_ID_CNTY,EVENT_DATE,EVENT_TYPE,COUNTRY,FATALITIES\nMLI1,31 June 2016,Remote violence,Mali,-3\n";
    let read = read_bytes(text.as_bytes(), DatasetOptions::default()).unwrap();
    assert_eq!(
        read.rows[0].problems,
        [
            r#"2: column EVENT_DATE: not a date in the ACLED layouts (got "31 June 2016")"#,
            r#"2: column FATALITIES: not a whole number of deaths (leave empty or NA when not known) (got "-3")"#,
        ]
    );
}

fn header_problems(text: &[u8]) -> Vec<String> {
    match AcledReader::new(text, DatasetOptions::default()) {
        Err(ReadError::Header(problems)) => problems.iter().map(RowProblem::describe).collect(),
        Err(other) => panic!("{other:?}"),
        Ok(reader) => panic!("accepted as {}", reader.layout()),
    }
}

#[test]
fn a_file_that_is_not_acled_names_the_missing_columns() {
    let missing = "required ACLED column is missing from the header (is this an ACLED export?)";
    assert_eq!(
        header_problems(b"id,date,country,killed\n1,2023-12-01,ML,3\n"),
        [
            format!("1: column event_id_cnty: {missing}"),
            format!("1: column event_date: {missing}"),
            format!("1: column event_type: {missing}"),
            format!("1: column fatalities: {missing}"),
        ]
    );
    assert_eq!(header_problems(b""), ["1: the file is empty: expected an ACLED header row"]);
    // a UCDP GED header
    assert_eq!(header_problems(b"id,relid,year,type_of_violence,country,best\n").len(), 4);
}

#[test]
fn minimal_quoted_header_with_a_bom_and_no_rows() {
    let read = read_bytes(
        b"\xEF\xBB\xBF\"event_id_cnty\",\"event_date\",\"event_type\",\"country\",\"fatalities\"\r\n",
        DatasetOptions::default(),
    )
    .unwrap();
    assert_eq!(read.layout, "ACLED legacy layout (version 7 and earlier)");
    assert!(read.rows.is_empty());
    // a HXL row alone
    let read = read_bytes(
        b"event_id_cnty,event_date,event_type,country,fatalities,sub_event_type\n#event+code,#date,,,,\n",
        DatasetOptions::default(),
    )
    .unwrap();
    assert_eq!(read.layout, "ACLED 2019–2022 export with HXL tags (HDX copy)");
    assert!(read.rows.is_empty());
}

#[test]
fn rows_of_empty_fields_are_no_events() {
    let text = "event_id_cnty,event_date,event_type,country,fatalities\r\nMLI1,2016-01-07,Remote violence,Mali,1\r\n,,,,\r\n , ,,,\r\n";
    let read = read_bytes(text.as_bytes(), DatasetOptions::default()).unwrap();
    assert_eq!(read.rows.len(), 1);
    assert_eq!(read.skipped, 0, "not an event left out");
}

#[test]
fn upper_case_current_layout_with_iso_dates_and_numeric_inter() {
    let text = "\
EVENT_ID_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,DISORDER_TYPE,EVENT_TYPE,SUB_EVENT_TYPE,ACTOR1,ASSOC_ACTOR_1,INTER1,\
ACTOR2,ASSOC_ACTOR_2,INTER2,INTERACTION,CIVILIAN_TARGETING,ISO,REGION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,\
LONGITUDE,GEO_PRECISION,SOURCE,SOURCE_SCALE,NOTES,FATALITIES,TAGS,TIMESTAMP
MLI30001,2023-10-01,2023,1,Political violence,Battles,Armed clash,Military Forces of Mali (2021-),Wagner Group,1,\
Islamic State (Sahel),,2,12,,466,Western Africa,Mali,Gao,Ansongo,,Tessit,15.2,0.98,2,Studio Tamani,National,\
\"Clashes near Tessit, Ansongo.\",12.0,,1696500000
";
    let read = read_bytes(text.as_bytes(), DatasetOptions::default()).unwrap();
    assert_eq!(read.layout, "ACLED current export");
    let row = &read.rows[0];
    assert!(row.problems.is_empty(), "{:?}", row.problems);
    assert_eq!(row.values["date"], "2023-10-01");
    assert_eq!(row.values["killed"], "12");
    assert_eq!(row.values["perpetrator"], "Islamic State (Sahel)");
    assert_eq!(row.values["target"], "military");
    assert_eq!(row.values["description"], "Clashes near Tessit, Ansongo.");
    assert_eq!(row.valid.as_ref().map(|v| v.2.as_str()), Ok("is-sahel"));
}

#[test]
fn a_country_name_the_register_lacks_falls_back_to_the_iso_code() {
    // a name no register knows: the numeric ISO code of the same row gives
    // the country
    let text = "event_id_cnty,event_date,event_type,sub_event_type,country,iso,fatalities\n\
                JEY1,2022-06-01,Violence against civilians,Attack,Channel Bailiwick,832,0\n\
                JEY2,2022-06-02,Violence against civilians,Attack,Bailiwick of Jersey,832,0\n";
    let read = read_bytes(text.as_bytes(), DatasetOptions::default()).unwrap();
    assert_eq!(read.rows[0].values["country"], "832");
    assert_eq!(read.rows[0].valid.as_ref().map(|v| v.1.as_str()), Ok("JE"));
    // ACLED's own spelling is an alias of the register
    assert_eq!(read.rows[1].values["country"], "Bailiwick of Jersey");
    assert_eq!(read.rows[1].valid.as_ref().map(|v| v.1.as_str()), Ok("JE"));
}

#[test]
fn arbitrary_bytes_never_panic() {
    let header = b"event_id_cnty,event_date,event_type,country,fatalities,inter1,inter2,actor1,actor2,notes\n";
    let samples: [&[u8]; 8] = [
        b"\xff\xfe\x00,\x00",
        b"\"unterminated",
        b",,,,,,,,,,,,,,,,,,,,,,,",
        b"X,\xe9\xe9 D\xe9cembre 2023,\xc3,\xc3\xa9,\xf0\x9f\x92,9,9,a,b,\r\r\r",
        b"X,2023-02-29,Battles,Mali,99999999999999999999,1,2,,\"\"",
        b"\n\n\n#x,#y\n",
        b"X,\xd9\xa1\xd9\xa2 May 2023,Battles,Mali,\xd9\xa3",
        b"X,29 Feb 2024,Battles,Mali,1.0,State forces,Rebel group,A,B,ambush\x00",
    ];
    for sample in samples {
        let mut bytes = header.to_vec();
        bytes.extend_from_slice(sample);
        let _ = read_bytes(&bytes, DatasetOptions::default());
        let _ = read_bytes(sample, all_events());
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Any damage to a real-layout file (bytes changed, cut short) gives rows
    /// or located problems, never a panic.
    #[test]
    fn damaged_exports_never_panic(
        edits in proptest::collection::vec((0usize..4000, proptest::prelude::any::<u8>()), 1..12),
        cut in 0usize..4000,
    ) {
        let mut bytes = std::fs::read(fixture("current-export.csv")).unwrap();
        for (position, byte) in edits {
            let at = position % bytes.len();
            bytes[at] = byte;
        }
        bytes.truncate(cut.max(1).min(bytes.len()));
        if let Ok(read) = read_bytes(&bytes, DatasetOptions::default()) {
            for row in read.rows {
                proptest::prop_assert!(row.line >= 2, "a data row starts after the header");
            }
        }
    }
}
