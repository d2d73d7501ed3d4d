//! Properties of the native CSV: what the writer writes, the reader and the
//! validator give back identically, with the right line numbers; and no
//! damaged file makes the reader panic or lose track of where it is.

use jiff::civil::Date;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use vigie_domain::incident::Column;
use vigie_domain::{CountryCode, DatePrecision, GroupRegister, Incident, Method, Status, Target, Validator};
use vigie_formats::Format;
use vigie_formats::cell;
use vigie_formats::native::{CsvReader, CsvWriter, JsonlReader, JsonlWriter};
use vigie_formats::register::flat::{self, FlatLayout};
use vigie_formats::{ReadError, RowProblem};

fn validator() -> Validator {
    Validator::new(GroupRegister::builtin(), Date::new(2026, 1, 1).unwrap())
}

// ---------------------------------------------------------------- generators

const COUNTRIES: &[&str] = &["ML", "BF", "NE", "TD", "MR", "NG", "CM", "SO", "SA", "FR"];
const GROUPS: &[&str] = &["jnim", "is-sahel", "iswap", "boko-haram", "ansarul-islam", "aqim", "al-shabaab", "unknown"];
/// Pieces of free text: letters, accents, Arabic, and everything CSV must quote.
const PIECES: &[&str] = &[
    "a",
    "Z",
    "x",
    "0",
    "7",
    " ",
    " ",
    "é",
    "è",
    "ç",
    "ï",
    "Œ",
    "ñ",
    "Ménaka",
    "Tillabéri",
    "ت",
    "ش",
    "ا",
    "د",
    "تشاد",
    "جماعة نصرة",
    ",",
    ",",
    "\"",
    "\"\"",
    "'",
    ";",
    " ; ",
    "\n",
    "\r\n",
    "\t",
    "«",
    "»",
    "…",
    "-",
    "#",
    "{",
    "}",
    // what a spreadsheet takes for a formula, and the escape itself
    "=",
    "=HYPERLINK(\"x\")",
    "+",
    "@",
    "'",
    "-2+3",
    "-1.5",
];

fn date() -> impl Strategy<Value = Date> {
    (2000i16..=2024, 1i8..=12, 1i8..=31).prop_map(|(year, month, day)| {
        let last = Date::new(year, month, 1).unwrap().days_in_month();
        Date::new(year, month, day.min(last)).unwrap()
    })
}

/// Free text as the validator leaves it: trimmed.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(select(PIECES), 0..16).prop_map(|pieces| pieces.concat().trim().to_string())
}

fn coordinates() -> impl Strategy<Value = Option<(f64, f64)>> {
    let degrees = |limit: i32| {
        prop_oneof![
            (-limit * 100..=limit * 100).prop_map(|n| f64::from(n) / 100.0),
            (-limit * 10_000..=limit * 10_000).prop_map(|n| f64::from(n) / 10_000.0),
        ]
    };
    prop::option::of((degrees(90), degrees(180)))
}

fn incident() -> impl Strategy<Value = Incident> {
    let when = (date(), prop::option::of(0i64..40), select(DatePrecision::ALL));
    let place = (select(COUNTRIES), text(), text(), coordinates(), prop::option::of(1u8..=3));
    let what = (select(GROUPS), select(Target::ALL), select(Method::ALL));
    let figures = (
        prop::option::of(any::<u32>()),
        prop::option::of(0u32..1000),
        prop::option::of(0u32..100),
        prop::option::of(any::<u32>()),
        // how far below and above the best estimate its range reaches, if any
        (prop::option::of(0u32..50), prop::option::of(0u32..50)),
    );
    let rest = ("[a-z0-9-]{1,40}", text(), text(), select(Status::ALL));
    (when, place, what, figures, rest).prop_map(
        |(
            (date, end_days, date_precision),
            (country, admin1, location, coordinates, geo_precision),
            (perpetrator, target, method),
            (killed, wounded, kidnapped, perpetrators_killed, (below, above)),
            (id, description, sources, status),
        )| Incident {
            id,
            date,
            date_end: end_days.map(|days| date.checked_add(jiff::Span::new().days(days)).unwrap()),
            date_precision,
            country: CountryCode::new(country).unwrap(),
            admin1,
            location,
            latitude: coordinates.map(|c| c.0),
            longitude: coordinates.map(|c| c.1),
            geo_precision,
            perpetrator: perpetrator.to_string(),
            target,
            method,
            killed,
            killed_low: killed.zip(below).map(|(best, below)| best.saturating_sub(below)),
            killed_high: killed.zip(above).map(|(best, above)| best.saturating_add(above)),
            wounded,
            kidnapped,
            perpetrators_killed,
            description,
            sources,
            status,
        },
    )
}

fn write_csv(incidents: &[Incident]) -> Vec<u8> {
    let mut writer = CsvWriter::new(Vec::new()).unwrap();
    for incident in incidents {
        writer.write(incident).unwrap();
    }
    writer.finish().unwrap()
}

/// One row read back: its line and either the valid incident or the
/// problems (reader's and validator's) it has.
#[derive(Debug)]
struct ReadRow {
    line: u64,
    result: Result<Incident, Vec<String>>,
}

fn read_csv(bytes: &[u8]) -> Result<Vec<ReadRow>, ReadError> {
    let mut validator = validator();
    let mut rows = Vec::new();
    let mut reader = CsvReader::new(bytes)?;
    reader.for_each::<ReadError>(|row| {
        let result = if row.problems.is_empty() {
            validator.validate(&row.raw).map(|v| v.incident).map_err(|errors| {
                errors.iter().map(|e| format!("{}: {}: {:?}", row.line, e.column, e.kind)).collect::<Vec<_>>()
            })
        } else {
            for problem in &row.problems {
                assert_eq!(problem.line, row.line, "a row's problems carry the row's line");
            }
            Err(row.problems.iter().map(RowProblem::describe).collect())
        };
        rows.push(ReadRow { line: row.line, result });
        Ok(())
    })?;
    Ok(rows)
}

/// The line a record starts on: after the header and every line break of
/// the records before it.
fn expected_lines(incidents: &[Incident]) -> Vec<u64> {
    let mut line = 2;
    incidents
        .iter()
        .map(|incident| {
            let start = line;
            let breaks: usize = incident.values().iter().map(|v| v.matches('\n').count()).sum();
            line += 1 + breaks as u64;
            start
        })
        .collect()
}

// ---------------------------------------------------------------- (a) round trip

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn written_incidents_read_back_identical(incidents in prop::collection::vec(incident(), 1..6)) {
        let bytes = write_csv(&incidents);
        let rows = read_csv(&bytes).expect("the writer's header is valid");
        prop_assert_eq!(rows.len(), incidents.len());
        for (row, incident) in rows.iter().zip(&incidents) {
            match &row.result {
                Ok(read) => prop_assert_eq!(read, incident),
                Err(problems) => prop_assert!(false, "valid incident rejected: {:?}\n{:?}", problems, incident),
            }
        }
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        prop_assert_eq!(lines, expected_lines(&incidents));
    }

    /// The header written is the contract's, and the reader takes the
    /// columns in any order.
    #[test]
    fn columns_in_any_order_read_the_same(
        incident in incident(),
        order in Just((0..Column::COUNT).collect::<Vec<_>>()).prop_shuffle(),
    ) {
        let values = incident.values();
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(order.iter().map(|&i| Column::ALL[i].name())).unwrap();
        cell::write_record(&mut writer, order.iter().map(|&i| values[i].as_str())).unwrap();
        let bytes = writer.into_inner().unwrap();
        let rows = read_csv(&bytes).unwrap();
        prop_assert_eq!(rows.len(), 1);
        prop_assert_eq!(rows[0].result.as_ref().ok(), Some(&incident));
    }
}

// ---------------------------------------------------------------- (a') spreadsheets

/// Any text, often beginning with what a spreadsheet takes for a formula
/// or with the escape `'` (one or more), or a number.
fn cell_text() -> impl Strategy<Value = String> {
    let lead =
        prop::collection::vec(select(&["=", "+", "-", "@", "'", "\t", "\r", "\n", " ", "1", ".", "e"][..]), 0..4);
    (lead, any::<String>()).prop_map(|(lead, rest)| lead.concat() + &rest)
}

const FLAT: FlatLayout =
    FlatLayout { kind: "test", columns: &["a", "b"], required: &[0], lists: &[], booleans: false, aliases: &[] };

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Escaping for spreadsheets and back is the identity, and what is
    /// written never begins like a formula unless it is a number.
    #[test]
    fn cells_escaped_for_spreadsheets_read_back_identical(text in cell_text()) {
        let written = cell::escape(&text);
        prop_assert_eq!(cell::unescape(&written), text.as_str());
        let formula = written.starts_with(['=', '+', '-', '@', '\t', '\r']);
        prop_assert!(!formula || written.parse::<f64>().is_ok(), "{:?} written {:?}", text, written);
    }

    /// A register's CSV (the shape of activities, notes, members,
    /// partners) gives back any text exactly.
    #[test]
    fn register_csv_reads_back_any_text(rows in prop::collection::vec((cell_text(), cell_text()), 1..5)) {
        let rows: Vec<Vec<String>> = rows.into_iter().map(|(a, b)| vec![a, b]).collect();
        let bytes = flat::write_csv(&FLAT, &rows, Vec::new()).unwrap();
        let mut read = Vec::new();
        flat::read(Format::Csv, &bytes[..], &FLAT, |record| {
            read.push(record.values.into_iter().map(Option::unwrap_or_default).collect::<Vec<_>>());
            Ok::<_, ReadError>(())
        })
        .unwrap();
        prop_assert_eq!(read, rows);
    }
}

#[test]
fn a_formula_is_exported_quoted_and_a_negative_number_as_a_number() {
    let mut incident = Incident {
        id: "=HYPERLINK(\"x\")".into(),
        date: Date::new(2023, 12, 1).unwrap(),
        date_end: None,
        date_precision: DatePrecision::Day,
        country: CountryCode::new("ML").unwrap(),
        admin1: "@SUM(A1)".into(),
        location: "+cmd|' /C calc'!A0".into(),
        latitude: Some(14.5),
        longitude: Some(-2.0),
        geo_precision: Some(1),
        perpetrator: "jnim".into(),
        target: Target::Military,
        method: Method::Ambush,
        killed: Some(3),
        wounded: None,
        kidnapped: None,
        perpetrators_killed: None,
        killed_low: None,
        killed_high: None,
        description: "-2+3".into(),
        sources: "'quoted".into(),
        status: Status::Verified,
    };
    let text = String::from_utf8(write_csv(std::slice::from_ref(&incident))).unwrap();
    let row = text.lines().nth(1).unwrap();
    assert!(row.starts_with(r#""'=HYPERLINK(""x"")",2023-12-01,"#), "{row}");
    for cell in ["'@SUM(A1)", "'+cmd|' /C calc'!A0", ",14.5,-2,", "'-2+3", "''quoted"] {
        assert!(row.contains(cell), "{cell} in {row}");
    }
    let rows = read_csv(text.as_bytes()).unwrap();
    assert_eq!(rows[0].result.as_ref().unwrap(), &incident);
    incident.longitude = Some(-1.5);
    let text = String::from_utf8(write_csv(&[incident])).unwrap();
    assert!(text.contains(",14.5,-1.5,"), "{text}");
}

// ---------------------------------------------------------------- (b) damaged files

#[derive(Debug, Clone)]
enum Mutation {
    Flip(Index, u8),
    Insert(Index, u8),
    Delete(Index),
    Truncate(Index),
}

fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        select(&[b'"', b',', b'\n', b'\r', b' ', b'-', b'9', 0x00, 0xC3, 0xD8, 0xEF, 0xBB, 0xBF, 0xFF][..]),
        any::<u8>(),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), 1u8..=255).prop_map(|(i, mask)| Mutation::Flip(i, mask)),
        4 => (any::<Index>(), interesting_byte()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        3 => any::<Index>().prop_map(Mutation::Delete),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for mutation in mutations {
        if bytes.is_empty() {
            if let Mutation::Insert(_, b) = mutation {
                bytes.push(*b);
            }
            continue;
        }
        match mutation {
            Mutation::Flip(i, mask) => {
                let i = i.index(bytes.len());
                bytes[i] ^= mask;
            }
            Mutation::Insert(i, b) => {
                let i = i.index(bytes.len() + 1);
                bytes.insert(i, *b);
            }
            Mutation::Delete(i) => {
                let i = i.index(bytes.len());
                bytes.remove(i);
            }
            Mutation::Truncate(i) => {
                let i = i.index(bytes.len());
                bytes.truncate(i);
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn damaged_csv_never_panics_and_every_problem_is_located(
        incidents in prop::collection::vec(incident(), 1..5),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let original = write_csv(&incidents);
        let bytes = mutate(original, &mutations);
        // lines as an editor counts them: LF, CRLF and a lone CR each end one
        let breaks = bytes
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\r' || (b == b'\n' && (i == 0 || bytes[i - 1] != b'\r')))
            .count();
        let line_count = breaks as u64 + 1;
        match read_csv(&bytes) {
            Ok(rows) => {
                for row in rows {
                    prop_assert!(row.line >= 1, "row without a line: {:?}", row);
                    prop_assert!(row.line <= line_count, "line {} past the end ({} lines)", row.line, line_count);
                    if let Err(problems) = &row.result {
                        prop_assert!(!problems.is_empty());
                        for problem in problems {
                            prop_assert!(
                                problem.starts_with(&format!("{}: ", row.line)),
                                "problem not located on its row: {:?}", problem
                            );
                        }
                    }
                }
            }
            Err(ReadError::Header(problems)) => {
                prop_assert!(!problems.is_empty());
                for problem in &problems {
                    prop_assert!(problem.line >= 1, "header problem without a line: {:?}", problem);
                    let located = problem.describe().starts_with(&format!("{}: ", problem.line));
                    prop_assert!(located, "{:?}", problem);
                }
            }
            Err(ReadError::Io(error)) => {
                prop_assert!(false, "an in-memory file gave an unlocated error: {}", error);
            }
        }
    }

    #[test]
    fn damaged_json_lines_never_panic_and_every_problem_is_located(
        incidents in prop::collection::vec(incident(), 1..5),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let mut writer = JsonlWriter::new(Vec::new());
        for incident in &incidents {
            writer.write(incident).unwrap();
        }
        let bytes = mutate(writer.finish().unwrap(), &mutations);
        // lines as an editor counts them: LF, CRLF and a lone CR each end one
        let breaks = bytes
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\r' || (b == b'\n' && (i == 0 || bytes[i - 1] != b'\r')))
            .count();
        let line_count = breaks as u64 + 1;
        let mut validator = validator();
        let mut seen = Vec::new();
        JsonlReader::new(&bytes[..])
            .for_each::<ReadError>(|row| {
                let problems = row.problems.clone();
                if problems.is_empty() {
                    let _ = validator.validate(&row.raw);
                }
                seen.push((row.line, problems));
                Ok(())
            })
            .expect("an in-memory file reads");
        for (line, problems) in seen {
            prop_assert!(line >= 1 && line <= line_count, "line {} of {}", line, line_count);
            for problem in problems {
                prop_assert_eq!(problem.line, line);
            }
        }
    }

    #[test]
    fn written_json_lines_read_back_identical(incidents in prop::collection::vec(incident(), 1..6)) {
        let mut writer = JsonlWriter::new(Vec::new());
        for incident in &incidents {
            writer.write(incident).unwrap();
        }
        let bytes = writer.finish().unwrap();
        let mut validator = validator();
        let mut read = Vec::new();
        JsonlReader::new(&bytes[..])
            .for_each::<ReadError>(|row| {
                assert!(row.problems.is_empty(), "{:?}", row.problems);
                read.push((row.line, validator.validate(&row.raw).map(|v| v.incident).map_err(|e| format!("{e:?}"))));
                Ok(())
            })
            .unwrap();
        prop_assert_eq!(read.len(), incidents.len());
        for (i, ((line, result), incident)) in read.into_iter().zip(&incidents).enumerate() {
            prop_assert_eq!(line, i as u64 + 1);
            prop_assert_eq!(result.as_ref(), Ok(incident));
        }
    }
}

// ---------------------------------------------------------------- line numbers of real-world layouts

fn lines_of(input: &[u8]) -> Vec<u64> {
    read_csv(input).unwrap().iter().map(|r| r.line).collect()
}

#[test]
fn lines_with_lf_and_quoted_breaks() {
    assert_eq!(lines_of(b"date,country\n2023-12-01,ML\n2023-12-02,ML\n"), [2, 3]);
    assert_eq!(lines_of(b"date,country,description\n2023-12-01,ML,\"a\nb\nc\"\n2023-12-02,ML,d\n"), [2, 5]);
}

/// Files saved with Windows line ends (CRLF): the first data row is on line 2.
#[test]
fn lines_with_crlf_line_ends() {
    assert_eq!(lines_of(b"date,country\r\n2023-12-01,ML\r\n2023-12-02,ML\r\n"), [2, 3]);
}

/// Blank lines between rows are lines of the file.
#[test]
fn lines_after_blank_lines() {
    assert_eq!(lines_of(b"date,country\n2023-12-01,ML\n\n\n2023-12-02,ML\n"), [2, 5]);
}
