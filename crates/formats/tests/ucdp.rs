//! The UCDP GED reader on rows cut from real files of each layout (see
//! `fixtures/ucdp/README.md`): ids, dates, precisions, places, casualties and
//! mapped codes row by row; the validator accepts every row; header errors,
//! bad rows located by line and UCDP column; no input makes it panic.

use std::collections::HashMap;
use std::path::PathBuf;

use jiff::civil::Date;
use proptest::prelude::*;
use vigie_domain::incident::Column;
use vigie_domain::{GroupRegister, Validator};
use vigie_formats::dataset::DatasetOptions;
use vigie_formats::dataset::ucdp::UcdpReader;
use vigie_formats::{ReadError, RowProblem};

fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", "ucdp", name].iter().collect();
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One row as the reader hands it out.
#[derive(Debug)]
struct Seen {
    line: u64,
    values: HashMap<&'static str, String>,
    problems: Vec<String>,
    /// The validator's verdict: country code and perpetrator group id, or
    /// its errors.
    valid: Result<(String, String), Vec<String>>,
}

impl Seen {
    fn get(&self, column: &str) -> &str {
        self.values.get(column).map_or("", String::as_str)
    }
}

fn read(input: &[u8]) -> Result<(&'static str, Vec<Seen>), ReadError> {
    let mut reader = UcdpReader::new(input, DatasetOptions::default())?;
    let mut validator = Validator::new(GroupRegister::builtin(), Date::new(2026, 1, 1).unwrap());
    validator.new_groups = true;
    let mut rows = Vec::new();
    reader.for_each::<ReadError>(|row| {
        let values = Column::ALL
            .iter()
            .filter_map(|column| row.raw.get(*column).map(|value| (column.name(), value.to_string())))
            .collect();
        let valid = validator
            .validate(&row.raw)
            .map(|v| (v.incident.country.to_string(), v.incident.perpetrator.clone()))
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
    assert_eq!(reader.skipped(), 0);
    Ok((reader.layout(), rows))
}

/// line, id, date, date_end, date_precision, country (as UCDP writes it),
/// geo_precision, perpetrator (as UCDP writes it), target, killed,
/// perpetrators_killed; "" for an empty value.
type Expected = (
    u64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// Checks every row against the expectations, and that the validator
/// accepts it with the given country code and group id.
fn check(name: &str, layout: &str, expected: &[Expected], resolved: &[(&str, &str)]) -> Vec<Seen> {
    let (found, rows) = read(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(found, layout, "{name}");
    assert_eq!(rows.len(), expected.len(), "{name}: rows");
    for ((row, want), (country, group)) in rows.iter().zip(expected).zip(resolved) {
        let (line, id, date, date_end, precision, country_name, geo, perpetrator, target, killed, perpetrators_killed) =
            *want;
        let at = format!("{name} row {id}");
        assert!(row.problems.is_empty(), "{at}: {:?}", row.problems);
        assert_eq!(row.line, line, "{at}: line");
        assert_eq!(row.get("id"), id, "{at}");
        assert_eq!(row.get("date"), date, "{at}: date");
        assert_eq!(row.get("date_end"), date_end, "{at}: date_end");
        assert_eq!(row.get("date_precision"), precision, "{at}: date_precision");
        assert_eq!(row.get("country"), country_name, "{at}: country");
        assert_eq!(row.get("geo_precision"), geo, "{at}: geo_precision");
        assert_eq!(row.get("perpetrator"), perpetrator, "{at}: perpetrator");
        assert_eq!(row.get("target"), target, "{at}: target");
        assert_eq!(row.get("method"), "unknown", "{at}: method");
        assert_eq!(row.get("killed"), killed, "{at}: killed");
        assert_eq!(row.get("wounded"), "", "{at}: UCDP has no wounded");
        assert_eq!(row.get("kidnapped"), "", "{at}: UCDP has no kidnapped");
        assert_eq!(row.get("perpetrators_killed"), perpetrators_killed, "{at}: perpetrators_killed");
        assert_eq!(row.get("status"), "", "{at}: the import decides the status");
        assert!(!row.get("latitude").is_empty() && !row.get("longitude").is_empty(), "{at}: coordinates");
        assert_eq!(row.valid, Ok((country.to_string(), group.to_string())), "{at}: validated");
    }
    rows
}

fn row<'a>(rows: &'a [Seen], id: &str) -> &'a Seen {
    rows.iter().find(|r| r.get("id") == id).unwrap_or_else(|| panic!("no row {id}"))
}

// ------------------------------------------------------------------ layouts

#[test]
fn annual_release() {
    #[rustfmt::skip]
    let expected = [
        (2, "ucdp:300380", "2013-01-03", "", "day", "Syria", "1", "Syrian insurgents", "military", "0", "2"),
        (3, "ucdp:21300", "1989-05-10", "1989-05-16", "week", "Angola", "3", "UNITA", "military", "0", "14"),
        // low 3 > best 2: kept
        (4, "ucdp:236880", "2016-12-29", "2016-12-30", "week", "Afghanistan", "3", "Taleban", "military", "0", "2"),
        (5, "ucdp:298457", "1994-04-07", "1994-05-31", "year", "Rwanda", "2", "Government of Rwanda", "civilians", "0", ""),
        // a coalition side names no single perpetrator
        (6, "ucdp:301611", "2013-01-26", "", "day", "Syria", "1", "unknown", "armed_groups", "0", "0"),
        (7, "ucdp:331784", "2020-02-03", "2020-02-12", "month", "Yemen (North Yemen)", "2", "Forces of the Presidential Leadership Council", "military", "2", "0"),
        // source_original holds newlines: the next row starts 3 lines down
        (8, "ucdp:433058", "2022-03-01", "", "day", "Myanmar (Burma)", "3", "NUG", "military", "0", "4"),
        // where_prec 7: over water
        (11, "ucdp:23893", "2004-11-01", "2004-11-30", "month", "DR Congo (Zaire)", "3", "FRPI", "civilians", "10", ""),
        (12, "ucdp:24605", "2008-10-13", "2008-10-14", "week", "DR Congo (Zaire)", "1", "CNDP", "military", "3", "13"),
        (19, "ucdp:464847", "2022-08-26", "2022-08-28", "week", "Ethiopia", "2", "TPLF", "military", "333", "0"),
        (20, "ucdp:14863", "1989-02-12", "", "day", "Kingdom of eSwatini (Swaziland)", "1", "Government of South Africa", "civilians", "1", ""),
        (21, "ucdp:456557", "2022-11-21", "", "day", "Burkina Faso", "1", "JNIM", "military", "7", "0"),
        (22, "ucdp:352268", "2020-08-22", "2020-08-23", "week", "Mali", "2", "is-sahel", "armed_groups", "4", "8"),
        // interstate: no perpetrator
        (23, "ucdp:448050", "2022-05-22", "", "day", "Ukraine", "3", "unknown", "military", "35", ""),
    ];
    let resolved = [
        ("SY", "syrian-insurgents"),
        ("AO", "unita"),
        ("AF", "taleban"),
        ("RW", "government-of-rwanda"),
        ("SY", "unknown"),
        ("YE", "forces-of-the-presidential-leadership-council"),
        ("MM", "nug"),
        ("CD", "frpi"),
        ("CD", "cndp"),
        ("ET", "tplf"),
        ("SZ", "government-of-south-africa"),
        ("BF", "jnim"),
        ("ML", "is-sahel"),
        ("UA", "unknown"),
    ];
    let rows =
        check("annual-release-23.1.csv", "UCDP GED annual release (49 columns, best/high/low)", &expected, &resolved);

    let syria = row(&rows, "ucdp:300380");
    assert_eq!(syria.get("admin1"), "Idlib governorate");
    assert_eq!(syria.get("location"), "Rami village");
    assert_eq!((syria.get("latitude"), syria.get("longitude")), ("35.763369", "36.558974"));
    assert_eq!(
        syria.get("description"),
        "State-based conflict: Government of Syria - Syrian insurgents. Where: in the al-Rami village. \
         Headlines: Thursday 3 January 2013; Abdul Satar Mustafa Hankosh"
    );
    assert_eq!(
        syria.get("sources"),
        "UCDP GED annual release, event 300380 ; Support Kurds in Syria,2013-01-03, Thursday 3 January 2013 ; \
         VDC,2013-01-03,Abdul Satar Mustafa Hankosh"
    );
    // an old-style citation with an unbalanced quote, no office
    let angola = row(&rows, "ucdp:21300");
    assert_eq!(
        angola.get("sources"),
        "UCDP GED annual release, event 21300 ; Reuters 1989-05-17 \"ANGOLAN UNITA REBELS BLOW UP POWER LINES DURING \
         PEACE SUMMIT"
    );
    assert_eq!(
        angola.get("description"),
        "State-based conflict: Government of Angola - UNITA. Where: Lunda Sul province"
    );
    // low > best: all three estimates in the description
    assert!(
        row(&rows, "ucdp:236880").get("description").ends_with("UCDP deaths estimate: best 2, low 3, high 3"),
        "{:?}",
        row(&rows, "ucdp:236880").get("description")
    );
    // the coalition stays in the description
    assert!(row(&rows, "ucdp:301611").get("description").starts_with(
        "Non-state conflict: Ahfad al Rasoul Brigade, Ahrar al-Sham, al-Farouq Brigades, Ghuraba al-Sham, IS, Jabhat \
         Fateh al-Sham, Jazeera-Euphrates Liberation Front, Liwa al-Fateh - PYD. Where: Ras al-A’in city"
    ));
}

#[test]
fn release_19_1() {
    #[rustfmt::skip]
    let expected = [
        (2, "ucdp:209980", "2015-05-11", "2015-05-12", "week", "Myanmar (Burma)", "2", "MNDAA", "military", "0", "1"),
        // source_original spans three lines
        (3, "ucdp:209406", "2015-05-14", "2015-05-15", "week", "Myanmar (Burma)", "2", "MNDAA", "military", "2", "0"),
        (6, "ucdp:71663", "2013-12-13", "2013-12-14", "week", "Bangladesh", "1", "Supporters of Awami League", "armed_groups", "1", "0"),
        (7, "ucdp:50110", "2003-03-01", "2003-03-31", "month", "Myanmar (Burma)", "3", "Government of Myanmar (Burma)", "civilians", "2", ""),
        (8, "ucdp:50348", "1990-02-01", "1990-02-14", "month", "Myanmar (Burma)", "3", "MTA", "armed_groups", "32", "0"),
        (9, "ucdp:73855", "1989-09-30", "", "day", "Bangladesh", "2", "JSS/SB", "civilians", "6", ""),
        // a yearly aggregate: low 0, best 3, high 0, no source
        (10, "ucdp:71686", "1989-01-01", "1989-12-31", "year", "Myanmar (Burma)", "3", "KNU", "military", "3", "0"),
        (11, "ucdp:224479", "2016-05-05", "2016-05-20", "month", "Myanmar (Burma)", "3", "SSPP", "military", "0", "0"),
    ];
    let resolved = [
        ("MM", "mndaa"),
        ("MM", "mndaa"),
        ("BD", "supporters-of-awami-league"),
        ("MM", "government-of-myanmar-burma"),
        ("MM", "mta"),
        ("BD", "jss-sb"),
        ("MM", "knu"),
        ("MM", "sspp"),
    ];
    let rows =
        check("release-19.1.csv", "UCDP GED release up to 19.1 (42 columns, low/best/high)", &expected, &resolved);

    let aggregate = row(&rows, "ucdp:71686");
    assert_eq!(aggregate.get("location"), "Myanmar (Burma)");
    assert_eq!(aggregate.get("admin1"), "");
    assert_eq!(
        aggregate.get("description"),
        "State-based conflict: Government of Myanmar (Burma) - KNU. UCDP deaths estimate: best 3, low 0, high 0"
    );
    assert_eq!(aggregate.get("sources"), "UCDP GED release up to 19.1, event 71686");
    let kokang = row(&rows, "ucdp:209406");
    assert_eq!(
        kokang.get("sources"),
        "UCDP GED release up to 19.1, event 209406 ; Associated Press Newswires,2015-05-15,Myanmar says 24 rebels \
         killed in clashes near China border ; MRTV English Channel,2015-05-16,Laukkaing Attack - Military occupied \
         point 2202 hill ; Democratic Voice of Burma,2015-05-18,Both sides dig in heels over Laogai ; Myanmar Peace \
         Monitor,2015-05-14,Myanmar army captured point-2202 near Laukkai"
    );
    assert_eq!((kokang.get("admin1"), kokang.get("location")), ("Shan State", "Laukkaing Town"));
}

#[test]
fn web_download_tool_export() {
    #[rustfmt::skip]
    let expected = [
        (2, "ucdp:497710", "2023-10-06", "", "day", "Burkina Faso", "1", "JNIM", "civilians", "0", ""),
        (3, "ucdp:376383", "2020-03-17", "", "day", "Burkina Faso", "2", "is-sahel", "military", "0", "3"),
        (4, "ucdp:495544", "2023-05-31", "", "day", "Burkina Faso", "3", "JNIM", "military", "0", "3"),
        // where_description holds newlines
        (5, "ucdp:339357", "2020-05-02", "", "day", "Burkina Faso", "1", "JNIM", "military", "1", "0"),
        (8, "ucdp:440250", "2022-02-17", "2022-02-19", "week", "Burkina Faso", "1", "Government of Burkina Faso", "civilians", "8", ""),
        // active_year False
        (9, "ucdp:240546", "2017-07-15", "", "day", "Burkina Faso", "2", "JNIM", "military", "8", "0"),
        (10, "ucdp:488058", "2023-02-15", "2023-05-26", "year", "Burkina Faso", "1", "Government of Burkina Faso", "civilians", "0", ""),
        (11, "ucdp:240577", "2017-06-02", "2017-06-03", "week", "Burkina Faso", "1", "Ansaroul Islam", "civilians", "2", ""),
        (12, "ucdp:377089", "2020-06-11", "", "day", "Burkina Faso", "3", "is-sahel", "armed_groups", "13", "7"),
        (13, "ucdp:408876", "2021-07-19", "2021-07-25", "week", "Burkina Faso", "3", "JNIM", "military", "0", "12"),
        // low_est 46 > best_est 0: kept
        (14, "ucdp:285444", "2019-01-01", "2019-01-03", "week", "Burkina Faso", "3", "Koglweogo", "civilians", "0", ""),
    ];
    let resolved = [
        ("BF", "jnim"),
        ("BF", "is-sahel"),
        ("BF", "jnim"),
        ("BF", "jnim"),
        ("BF", "government-of-burkina-faso"),
        ("BF", "jnim"),
        ("BF", "government-of-burkina-faso"),
        ("BF", "ansarul-islam"),
        ("BF", "is-sahel"),
        ("BF", "jnim"),
        ("BF", "koglweogo"),
    ];
    let rows = check(
        "web-tool-export.csv",
        "UCDP GED web download tool export (best_est/high_est/low_est, MM/DD/YYYY dates)",
        &expected,
        &resolved,
    );

    let nouna = row(&rows, "ucdp:497710");
    assert_eq!((nouna.get("admin1"), nouna.get("location")), ("Boucle du Mouhoun region", "Nouna town"));
    assert_eq!((nouna.get("latitude"), nouna.get("longitude")), ("12.729390", "-3.863050"));
    assert_eq!(
        nouna.get("description"),
        "One-sided violence: JNIM - Civilians. Where: Nouna, Kossi province. Headlines: Burkina Faso OCTOBER 2023. \
         UCDP deaths estimate: best 0, low 0, high 12"
    );
    assert_eq!(
        nouna.get("sources"),
        "UCDP GED web download tool export, event 497710 ; Crisis Watch ,2023-11-02,Burkina Faso OCTOBER 2023"
    );
    // newlines of where_description folded into the one-line description
    assert_eq!(
        row(&rows, "ucdp:339357").get("description"),
        "State-based conflict: Government of Burkina Faso - JNIM. Where: #Gaskindé (( #Soum ) Pobe-Mengao commune. \
         Headlines: 26- #Burkina#Sahel#Soum; #Sahel"
    );
    assert_eq!(row(&rows, "ucdp:339357").get("location"), "Gaskindé village");

    // UCDP's low and high estimates become the killed range, around the best
    let range = |id: &str| {
        let row = row(&rows, id);
        (row.get("killed_low"), row.get("killed"), row.get("killed_high"))
    };
    assert_eq!(range("ucdp:497710"), ("0", "0", "12"), "best 0, high 12");
    assert_eq!(range("ucdp:240577"), ("0", "2", "2"), "low 0, best 2");
    assert_eq!(range("ucdp:440250"), ("", "8", ""), "low = best = high: no range");
    // best 12, high 15, the 12 of the perpetrator side off each
    assert_eq!(range("ucdp:408876"), ("0", "0", "3"));
    // low 46 above best 0 (a slip of the source): held to the best, no range
    assert_eq!(range("ucdp:285444"), ("", "0", ""));
}

#[test]
fn hdx_copy_with_index_column() {
    #[rustfmt::skip]
    let expected = [
        // line 2 is the HXL tag row; ids written 15960.0
        (3, "ucdp:15960", "2009-06-09", "", "day", "Nigeria", "1", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", "military", "0", "0"),
        (4, "ucdp:15720", "2009-07-26", "2009-07-27", "week", "Nigeria", "3", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", "military", "2", "9"),
        (5, "ucdp:247379", "2017-11-06", "2017-11-12", "week", "Nigeria", "3", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", "military", "3", "24"),
        (6, "ucdp:16830", "1994-05-22", "1994-06-30", "year", "Nigeria", "3", "Government of Nigeria", "civilians", "24", ""),
        (7, "ucdp:193640", "2015-03-18", "", "day", "Nigeria", "1", "iswap", "civilians", "8", ""),
        (8, "ucdp:51429", "2013-05-20", "2013-05-26", "week", "Nigeria", "3", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad", "civilians", "3", ""),
        (9, "ucdp:16421", "2008-01-14", "", "day", "Nigeria", "2", "Supporters of ACN", "armed_groups", "20", "0"),
        // "Afisare, Anaguta, Birom" vs "Fulani, Hausa"
        (10, "ucdp:16783", "2001-09-09", "", "day", "Nigeria", "1", "unknown", "armed_groups", "9", "0"),
    ];
    let resolved = [
        ("NG", "boko-haram"),
        ("NG", "boko-haram"),
        ("NG", "boko-haram"),
        ("NG", "government-of-nigeria"),
        ("NG", "iswap"),
        ("NG", "boko-haram"),
        ("NG", "supporters-of-acn"),
        ("NG", "unknown"),
    ];
    let rows = check(
        "hdx-indexed-nga.csv",
        "UCDP GED HDX copy re-saved with an index column (HXL tag row, numbers as 1.0)",
        &expected,
        &resolved,
    );
    let first = row(&rows, "ucdp:15960");
    assert_eq!((first.get("admin1"), first.get("location")), ("Borno state", "Maiduguri town"));
    assert_eq!(
        first.get("description"),
        "State-based conflict: Government of Nigeria - Jama'atu Ahlis Sunna Lidda'awati wal-Jihad. Where: Maiduguri \
         town. Headlines: Police Deny Shooting Islamic Sect Members. UCDP deaths estimate: best 0, low 0, high 14"
    );
    assert_eq!(
        first.get("sources"),
        "UCDP GED HDX copy, event 15960 ; All Africa,2009-06-16,Police Deny Shooting Islamic Sect Members"
    );
}

#[test]
fn hdx_copy() {
    #[rustfmt::skip]
    let expected = [
        (3, "ucdp:71663", "2013-12-13", "2013-12-14", "week", "Bangladesh", "1", "Supporters of Awami League", "armed_groups", "1", "0"),
        (4, "ucdp:73855", "1989-09-30", "", "day", "Bangladesh", "2", "JSS/SB", "civilians", "6", ""),
        (5, "ucdp:73807", "1991-01-01", "", "day", "Bangladesh", "1", "Government of Bangladesh", "civilians", "0", ""),
        (6, "ucdp:73641", "1991-03-06", "", "day", "Bangladesh", "2", "JSS/SB", "military", "0", "1"),
        (7, "ucdp:84006", "1991-01-01", "1991-12-31", "year", "Bangladesh", "3", "JSS/SB", "military", "3", "0"),
    ];
    let resolved = [
        ("BD", "supporters-of-awami-league"),
        ("BD", "jss-sb"),
        ("BD", "government-of-bangladesh"),
        ("BD", "jss-sb"),
        ("BD", "jss-sb"),
    ];
    let rows = check("hdx-bgd.csv", "UCDP GED HDX copy (HXL tag row, start_year/end_year/iso3)", &expected, &resolved);
    assert_eq!(
        row(&rows, "ucdp:73855").get("sources"),
        "UCDP GED HDX copy, event 73855 ; Reuters (1989-10-01): \"SEPARATIST REBELS KILL SIX PEOPLE IN SOUTHERN \
         BANGLADESH"
    );
    assert_eq!(
        row(&rows, "ucdp:73855").get("description"),
        "One-sided violence: JSS/SB - Civilians",
        "no where_description in this layout, no source_headline in this row: the headline is in the sources"
    );
}

// ------------------------------------------------------------------ headers

fn header_problems(input: &[u8]) -> Vec<String> {
    match UcdpReader::new(input, DatasetOptions::default()) {
        Err(ReadError::Header(problems)) => problems.iter().map(RowProblem::describe).collect(),
        Err(other) => panic!("{other:?}"),
        Ok(reader) => panic!("accepted as {}", reader.layout()),
    }
}

#[test]
fn a_file_that_is_not_ucdp_names_the_missing_columns() {
    assert_eq!(
        header_problems(b"event_id_cnty,event_date,country,fatalities\nBFO1,2023-01-01,Burkina Faso,3\n"),
        [
            "1: column id: required column of UCDP GED is missing from the header",
            "1: column type_of_violence: required column of UCDP GED is missing from the header",
            "1: column side_a: required column of UCDP GED is missing from the header",
            "1: column side_b: required column of UCDP GED is missing from the header",
            "1: column date_start: required column of UCDP GED is missing from the header",
            "1: column best: required column of UCDP GED (best, or best_est in the web tool's export) is missing from \
             the header",
        ]
    );
    assert_eq!(
        header_problems(b"id,type_of_violence,side_a,side_b,country,date_start,low,high\n"),
        ["1: column best: required column of UCDP GED (best, or best_est in the web tool's export) is missing from \
             the header"]
    );
    assert_eq!(header_problems(b""), ["1: the file is empty: expected the header row of UCDP GED"]);
}

#[test]
fn a_header_alone_is_an_empty_import() {
    let (layout, rows) = read(b"ID,Type_Of_Violence,Side_A,Side_B,Country,Date_Start,Best\n").unwrap();
    assert_eq!(layout, "UCDP GED release up to 19.1 (42 columns, low/best/high)");
    assert!(rows.is_empty());
}

// ------------------------------------------------------------------ bad rows

/// The annual-release fixture's header and first row, with fields changed.
fn altered(changes: &[(&str, &str)]) -> Vec<u8> {
    let text = fixture("annual-release-23.1.csv");
    let mut reader = csv::ReaderBuilder::new().from_reader(&text[..]);
    let header = reader.headers().unwrap().clone();
    let mut record = reader.records().next().unwrap().unwrap();
    let mut fields: Vec<String> = record.iter().map(str::to_string).collect();
    for (column, value) in changes {
        let at = header.iter().position(|h| h == *column).unwrap_or_else(|| panic!("no column {column}"));
        fields[at] = value.to_string();
    }
    record = csv::StringRecord::from(fields);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).unwrap();
    writer.write_record(&record).unwrap();
    writer.into_inner().unwrap()
}

fn problems_of(changes: &[(&str, &str)]) -> Vec<String> {
    let (_, rows) = read(&altered(changes)).unwrap();
    assert_eq!(rows.len(), 1);
    rows[0].problems.clone()
}

#[test]
fn bad_values_are_located_by_line_and_ucdp_column() {
    assert_eq!(
        problems_of(&[("date_start", "2013-02-31 00:00:00.000")]),
        ["2: column date_start: not a date in the UCDP GED layouts (YYYY-MM-DD or MM/DD/YYYY, with an optional time) \
          (got \"2013-02-31 00:00:00.000\")"]
    );
    assert_eq!(
        problems_of(&[("date_end", "31/01/2013")]),
        ["2: column date_end: not a date in the UCDP GED layouts (YYYY-MM-DD or MM/DD/YYYY, with an optional time) \
          (got \"31/01/2013\")"]
    );
    assert_eq!(
        problems_of(&[("date_end", "2013-01-02 00:00:00.000")]),
        ["2: column date_end: is before date_start (2013-01-03) (got \"2013-01-02 00:00:00.000\")"]
    );
    assert_eq!(
        problems_of(&[("date_start", "")]),
        ["2: column date_start: the event's first day is missing (got \"\")"]
    );
    assert_eq!(
        problems_of(&[("best", "2.5")]),
        ["2: column best: not a whole number of 0 or more in the UCDP GED layouts (got \"2.5\")"]
    );
    assert_eq!(
        problems_of(&[("deaths_b", "-2")]),
        ["2: column deaths_b: not a whole number of 0 or more in the UCDP GED layouts (got \"-2\")"]
    );
    assert_eq!(problems_of(&[("id", "SYR-1")]), ["2: column id: not a UCDP event id (a whole number) (got \"SYR-1\")"]);
    assert_eq!(problems_of(&[("id", "")]), ["2: column id: the UCDP event id is missing (got \"\")"]);
    assert_eq!(
        problems_of(&[("type_of_violence", "4")]),
        ["2: column type_of_violence: not a UCDP type of violence (1, 2 or 3) (got \"4\")"]
    );
    assert_eq!(
        problems_of(&[("date_prec", "6")]),
        ["2: column date_prec: not a UCDP date precision (1 to 5) (got \"6\")"]
    );
    assert_eq!(
        problems_of(&[("where_prec", "0")]),
        ["2: column where_prec: not a UCDP place precision (1 to 7) (got \"0\")"]
    );
    // several problems of one row are all told
    assert_eq!(problems_of(&[("best", "x"), ("where_prec", "x")]).len(), 2);
}

#[test]
fn a_ragged_row_is_a_problem_but_the_trailing_empty_field_is_not() {
    let mut text = String::from_utf8(altered(&[])).unwrap();
    let good = text.lines().nth(1).unwrap().to_string();
    text.push_str(&format!("{good},\n")); // one empty field more: the web tool's habit
    text.push_str(&format!("{good},x\n"));
    text.push_str("300381,SYR\n");
    let (_, rows) = read(text.as_bytes()).unwrap();
    assert_eq!(rows.len(), 4);
    assert!(rows[0].problems.is_empty() && rows[1].problems.is_empty(), "{rows:?}");
    assert_eq!(rows[2].problems, ["4: row has 50 fields but the header has 49"]);
    assert_eq!(rows[3].line, 5);
    assert_eq!(rows[3].problems[0], "5: row has 2 fields but the header has 49");
}

#[test]
fn bytes_that_are_not_utf8_are_located() {
    let mut text = altered(&[("adm_1", "IDLIB")]);
    let at = text.windows(5).position(|w| w == b"IDLIB").unwrap();
    text[at + 1] = 0xff;
    let (_, rows) = read(&text).unwrap();
    assert_eq!(rows[0].problems, ["2: column adm_1: not valid UTF-8 (save the file as UTF-8) (got \"I\u{fffd}LIB\")"]);
    // told once, not again as a missing or bad date
    let mut text = altered(&[("date_start", "2013-01-03 00:00:00.000"), ("type_of_violence", "X")]);
    let at = text.windows(2).position(|w| w == b",X").unwrap();
    text[at + 1] = 0xfe;
    let at = text.windows(23).position(|w| w == b"2013-01-03 00:00:00.000").unwrap();
    text[at] = 0xff;
    let (_, rows) = read(&text).unwrap();
    assert_eq!(rows[0].problems.len(), 2, "{:?}", rows[0].problems);
    assert!(rows[0].problems[0].starts_with("2: column date_start: not valid UTF-8"), "{:?}", rows[0].problems);
    assert!(rows[0].problems[1].starts_with("2: column type_of_violence: not valid UTF-8"), "{:?}", rows[0].problems);
}

#[test]
fn a_future_date_is_left_to_the_validator() {
    let (_, rows) = read(&altered(&[("date_start", "2099-01-03 00:00:00.000"), ("date_end", "2099-01-03")])).unwrap();
    assert!(rows[0].problems.is_empty());
    let errors = rows[0].valid.as_ref().unwrap_err();
    assert!(errors[0].starts_with("date: FutureDate"), "{errors:?}");
}

// ------------------------------------------------------------------ robustness

const HEADER: &str = "id,relid,year,type_of_violence,side_a,side_b,country,date_prec,date_start,date_end,where_prec,\
                      latitude,longitude,deaths_a,deaths_b,best,high,low,source_article\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_input_makes_the_reader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = read(&bytes);
        let mut with_header = HEADER.as_bytes().to_vec();
        with_header.extend_from_slice(&bytes);
        let (_, rows) = read(&with_header).unwrap();
        for row in rows {
            prop_assert!(row.line >= 2);
        }
    }

    #[test]
    fn no_field_value_makes_the_reader_panic(
        values in proptest::collection::vec("[0-9a-zA-Z/.:;\" ,\n-]{0,24}", 19),
    ) {
        let mut writer = csv::Writer::from_writer(HEADER.as_bytes().to_vec());
        writer.write_record(&values).unwrap();
        let text = writer.into_inner().unwrap();
        let (_, rows) = read(&text).unwrap();
        prop_assert_eq!(rows.len(), 1);
        prop_assert_eq!(rows[0].line, 2);
    }
}
