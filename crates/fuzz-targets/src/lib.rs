//! The bodies of Vigie's fuzz targets. Each takes arbitrary bytes, runs one
//! reader over them and the domain's validator over every row the reader
//! yields, and checks what the project promises of bad input: no panic, and
//! every problem located on a line of the input. `fuzz/` (cargo-fuzz,
//! nightly) calls them with libFuzzer's inputs; `tests/corpus.rs` replays
//! the committed corpus (`fuzz/corpus/TARGET/`) through them on stable, so
//! CI checks every seed and every past crash without nightly.
//!
//! A panic here is a bug in the project's code (or a broken invariant,
//! asserted with the input that broke it).

use std::io::Cursor;
use std::sync::OnceLock;

use jiff::civil::Date;
use vigie_domain::activity::RawActivity;
use vigie_domain::note::NOTE_COLUMNS;
use vigie_domain::{
    ActivityValidator, GroupRegister, MemberValidator, Month, NoteValidator, PartnerValidator, Regions, Validator,
};
use vigie_formats::dataset::DatasetOptions;
use vigie_formats::dataset::acled::AcledReader;
use vigie_formats::dataset::gtd::GtdReader;
use vigie_formats::dataset::ucdp::UcdpReader;
use vigie_formats::native::{CsvReader, JsonlReader};
use vigie_formats::register::activities::ACTIVITY_LAYOUTS;
use vigie_formats::register::flat::{self, FlatLayout};
use vigie_formats::register::members::{MemberCsvReader, MemberJsonlReader};
use vigie_formats::register::partners::{PartnerCsvReader, PartnerJsonlReader, RawRecord};
use vigie_formats::{Format, ReadError, Row, RowProblem};

/// A fuzz target: its name (the directory of its corpus, the name of its
/// cargo-fuzz binary) and its body.
pub type Target = (&'static str, fn(&[u8]));

/// Every target, in the order `bench/fuzz.sh` runs them.
pub const TARGETS: [Target; 11] = [
    ("native_csv", native_csv),
    ("native_jsonl", native_jsonl),
    ("acled", acled),
    ("ucdp", ucdp),
    ("gtd", gtd),
    ("members", members),
    ("partners", partners),
    ("activities", activities),
    ("notes", notes),
    ("article", article),
    ("markdown", markdown),
];

/// The date imports treat as today: fixed, so that a crash replays.
fn today() -> Date {
    jiff::civil::date(2026, 12, 1)
}

/// The last line a problem may name: lines as an editor counts them (a
/// lone CR counts as a line break too, generously), plus one for a problem
/// at the end of the file.
fn last_line(data: &[u8]) -> u64 {
    let breaks = data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64;
    breaks + 1
}

/// A problem is located on a line of the input and describes itself.
fn check_problem(data: &[u8], problem: &RowProblem) {
    assert!(
        problem.line >= 1 && problem.line <= last_line(data),
        "problem at line {} of an input of {} lines: {problem:?}",
        problem.line,
        last_line(data)
    );
    let text = problem.describe();
    assert!(text.starts_with(&format!("{}: ", problem.line)), "{text}");
}

fn check_line(data: &[u8], line: u64) {
    assert!(line >= 1 && line <= last_line(data), "record at line {line} of an input of {} lines", last_line(data));
}

/// Checks a header's problems, or the I/O error (there is none in memory).
fn check_read(data: &[u8], result: Result<(), ReadError>) {
    match result {
        Ok(()) => {}
        Err(ReadError::Header(problems)) => {
            assert!(!problems.is_empty(), "a header error without a problem");
            problems.iter().for_each(|p| check_problem(data, p));
        }
        Err(ReadError::Io(error)) => {
            // an in-memory input fails only on text the reader refuses
            assert!(!error.to_string().is_empty());
        }
    }
}

/// One incident row: located, and validated when the reader saw no problem.
fn incident_row(data: &[u8], validator: &mut Validator, row: Row<'_>) -> Result<(), ReadError> {
    check_line(data, row.line);
    row.problems.iter().for_each(|p| check_problem(data, p));
    if row.problems.is_empty()
        && let Err(errors) = validator.validate(&row.raw)
    {
        assert!(!errors.is_empty(), "a refused row without an error");
    }
    Ok(())
}

/// The built-in groups, read once (parsing them took most of a run).
fn groups() -> GroupRegister {
    static GROUPS: OnceLock<GroupRegister> = OnceLock::new();
    GROUPS.get_or_init(GroupRegister::builtin).clone()
}

/// The built-in regions, read once.
fn regions() -> &'static Regions {
    static REGIONS: OnceLock<Regions> = OnceLock::new();
    REGIONS.get_or_init(Regions::builtin)
}

/// The validator as `vigie import` sets it: a native file's rows are
/// drafts and name known groups; a dataset's are verified and may name new
/// ones.
fn incident_validator(dataset: bool) -> Validator {
    let mut validator = Validator::new(groups(), today());
    if dataset {
        validator.new_groups = true;
        validator.default_status = vigie_domain::Status::Verified;
    }
    validator
}

/// Native CSV (`vigie import FILE.csv`).
pub fn native_csv(data: &[u8]) {
    let mut validator = incident_validator(false);
    let result = CsvReader::new(data).and_then(|mut r| r.for_each(|row| incident_row(data, &mut validator, row)));
    check_read(data, result);
}

/// Native JSON Lines.
pub fn native_jsonl(data: &[u8]) {
    let mut validator = incident_validator(false);
    let result = JsonlReader::new(data).for_each(|row| incident_row(data, &mut validator, row));
    check_read(data, result);
}

/// ACLED, every event kept (`--all-events`) and not.
pub fn acled(data: &[u8]) {
    for all_events in [false, true] {
        let mut validator = incident_validator(true);
        let options = DatasetOptions { all_events };
        let result =
            AcledReader::new(data, options).and_then(|mut r| r.for_each(|row| incident_row(data, &mut validator, row)));
        check_read(data, result);
    }
}

/// UCDP GED, any of its layouts.
pub fn ucdp(data: &[u8]) {
    let mut validator = incident_validator(true);
    let result = UcdpReader::new(data, DatasetOptions::default())
        .and_then(|mut r| r.for_each(|row| incident_row(data, &mut validator, row)));
    check_read(data, result);
}

/// The Global Terrorism Database.
pub fn gtd(data: &[u8]) {
    let mut validator = incident_validator(true);
    let result = GtdReader::new(data, DatasetOptions::default())
        .and_then(|mut r| r.for_each(|row| incident_row(data, &mut validator, row)));
    check_read(data, result);
}

/// The CSV or JSON Lines layout, as `vigie` picks it for a register file.
fn register_format(data: &[u8]) -> Format {
    if Format::sniff(data) == Format::Jsonl { Format::Jsonl } else { Format::Csv }
}

/// The member register, CSV and JSON Lines.
pub fn members(data: &[u8]) {
    let validator = MemberValidator::new(today());
    let mut visit = |record: vigie_formats::register::members::MemberRecord| -> Result<(), ReadError> {
        check_line(data, record.line);
        record.problems.iter().for_each(|p| check_problem(data, p));
        if record.problems.is_empty() {
            let _ = validator.validate(&record.raw);
        }
        Ok(())
    };
    let result = match register_format(data) {
        Format::Jsonl => MemberJsonlReader::new(data).for_each(&mut visit),
        _ => MemberCsvReader::new(data).and_then(|mut r| r.for_each(&mut visit)),
    };
    check_read(data, result);
}

/// The partner register: partners or agreements, CSV and JSON Lines.
pub fn partners(data: &[u8]) {
    let validator = PartnerValidator::new(today());
    let mut visit = |record: vigie_formats::register::partners::PartnerRecord| -> Result<(), ReadError> {
        check_line(data, record.line);
        record.problems.iter().for_each(|p| check_problem(data, p));
        if record.problems.is_empty() {
            match &record.raw {
                RawRecord::Partner(raw) => drop(validator.partner(raw)),
                RawRecord::Agreement(raw) => drop(validator.agreement(raw)),
            }
        }
        Ok(())
    };
    let result = match register_format(data) {
        Format::Jsonl => PartnerJsonlReader::new(data).for_each(&mut visit),
        _ => PartnerCsvReader::new(Cursor::new(data)).and_then(|mut r| r.for_each(&mut visit)),
    };
    check_read(data, result);
}

/// A flat register through `flat::read`, each record through `check`.
fn flat_register(data: &[u8], layout: &FlatLayout, mut check: impl FnMut(&[Option<String>])) {
    flat_registers(data, &[layout], |_, values| check(values));
}

/// Like [`flat_register`], for a register whose files hold records of one
/// of `layouts` (`flat::read_any`); `check` is given the layout's index.
fn flat_registers(data: &[u8], layouts: &[&FlatLayout], mut check: impl FnMut(usize, &[Option<String>])) {
    let result = flat::read_any::<ReadError>(register_format(data), data, layouts, |index, record| {
        check_line(data, record.line);
        assert_eq!(record.values.len(), layouts[index].columns.len());
        record.problems.iter().for_each(|p| check_problem(data, p));
        if record.problems.is_empty() {
            check(index, &record.values);
        }
        Ok(())
    });
    check_read(data, result);
}

/// The activity register, and the counterparts file read with it.
pub fn activities(data: &[u8]) {
    let validator = ActivityValidator::new();
    flat_registers(data, &ACTIVITY_LAYOUTS, |index, values| {
        if index == 0 {
            let _ = validator.activity(&RawActivity::from_values(values.to_vec()));
        } else if let Ok((activity, person)) = vigie_domain::counterpart::counterpart_of(values) {
            // a person read back from its row is the same person
            let row: Vec<Option<String>> = person.values(&activity).into_iter().map(Some).collect();
            assert_eq!(vigie_domain::counterpart::counterpart_of(&row), Ok((activity, person)));
        }
    });
}

/// The notes' layout, as `vigie_ingest::NOTE_LAYOUT` (not a dependency: it
/// would bring the store and SQLite into the fuzz build).
const NOTE_LAYOUT: FlatLayout =
    FlatLayout { kind: "note", columns: &NOTE_COLUMNS, required: &[0, 1, 2], lists: &[], booleans: true, aliases: &[] };

/// The country developments notes, against the built-in regions.
pub fn notes(data: &[u8]) {
    let validator = NoteValidator::new(regions(), Month::of(today()));
    flat_register(data, &NOTE_LAYOUT, |values| {
        let _ = validator.note(values);
    });
}

/// An article file: front matter, validation, then its body as every
/// edition draws it.
pub fn article(data: &[u8]) {
    match vigie_formats::article::read_article(data) {
        Err(problems) => {
            assert!(!problems.is_empty(), "an unreadable article without a problem");
            problems.iter().for_each(|p| check_problem(data, p));
        }
        Ok(file) => {
            file.problems.iter().for_each(|p| check_problem(data, &p.problem));
            if let Ok((article, _images)) = vigie_domain::article::validate_article(&file.raw) {
                markdown_body(&article.body);
            } else {
                markdown_body(&file.raw.body);
            }
        }
    }
}

/// A Markdown body, as text (`markdown` target): the bytes as UTF-8, lossy.
pub fn markdown(data: &[u8]) {
    markdown_body(&String::from_utf8_lossy(data));
}

/// The body's block tree (what the PDF's Typst template reads as JSON: no
/// text becomes Typst source) and its HTML: the tree serialises, the HTML's
/// tags are only the renderer's and are balanced.
fn markdown_body(body: &str) {
    use vigie_render::article::{html, parse, plain};
    let blocks = parse(body);
    let json = serde_json::to_string(&blocks).expect("the block tree serialises");
    assert!(json.starts_with('['));
    for block in &blocks {
        if let vigie_render::article::Block::Paragraph { content }
        | vigie_render::article::Block::Heading { content, .. } = block
        {
            let _ = plain(content);
        }
    }
    check_balanced(&html(&blocks));
}

/// The renderer's tags, each closed in order (`hr` and `br` stand alone);
/// no other `<` than theirs (text is escaped).
pub fn check_balanced(out: &str) {
    const PAIRED: [&str; 12] = ["p", "h3", "h4", "h5", "ul", "ol", "li", "blockquote", "strong", "em", "code", "a"];
    let mut open: Vec<&str> = Vec::new();
    let mut rest = out;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after.find('>').unwrap_or_else(|| panic!("unclosed tag in {out:?}"));
        let tag = &after[..end];
        let closing = tag.starts_with('/');
        let name = tag.trim_start_matches('/').split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
        if name == "hr" || name == "br" {
            assert!(!closing, "</{name}> in {out:?}");
        } else {
            assert!(PAIRED.contains(&name), "tag {name:?} in {out:?}");
            if closing {
                assert_eq!(open.pop(), Some(name), "</{name}> closes nothing open in {out:?}");
            } else {
                open.push(name);
            }
        }
        rest = &after[end + 1..];
    }
    assert!(open.is_empty(), "tags left open {open:?} in {out:?}");
}
