//! Compiles the sample document and reads the PDF back with poppler-utils
//! (`pdftotext`, `pdftoppm`, `pdfinfo`, `pdffonts`, `pdfimages`).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::LazyLock;

use vigie_pdf::{Document, Pdf, PdfError, compile_pdf};

/// The sample, compiled once for the tests that only read it.
static SAMPLE: LazyLock<Compiled> = LazyLock::new(|| Compiled::new(&common::sample()));

struct Compiled {
    pdf: Pdf,
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Compiled {
    fn new(doc: &Document) -> Self {
        let pdf = compile_pdf(doc).unwrap_or_else(|err| panic!("{err}"));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.pdf");
        std::fs::write(&path, &pdf.bytes).unwrap();
        Compiled { pdf, _dir: dir, path }
    }
}

fn run(program: &str, args: &[&str], file: &Path) -> Output {
    let output = Command::new(program)
        .args(args)
        .arg(file)
        .args(if program == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|err| panic!("cannot run {program} ({err}): install poppler-utils (see .ci/run)"));
    assert!(output.status.success(), "{program} {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    output
}

fn stdout(program: &str, args: &[&str], file: &Path) -> String {
    String::from_utf8(run(program, args, file).stdout).expect("UTF-8 output")
}

/// Plain text with runs of ASCII whitespace (line ends, justification)
/// folded to one space; U+202F and other Unicode spaces are kept.
fn plain_text(file: &Path) -> String {
    // A soft hyphen at a line end is a word cut by hyphenation.
    let text = stdout("pdftotext", &[], file).replace("\u{AD}\n", "");
    text.split([' ', '\n', '\r', '\t', '\x0c']).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A word's box on a page, from `pdftotext -bbox` (points, origin top left).
#[derive(Debug, Clone, Copy)]
struct WordBox {
    page: usize,
    x_min: f64,
    y_min: f64,
    x_max: f64,
}

fn attr(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

/// Every word with its box, in reading order. (`-bbox` gives Arabic words
/// with their characters in visual order, reversed: `find` accepts both.)
fn words(file: &Path) -> Vec<(String, WordBox)> {
    let html = stdout("pdftotext", &["-bbox"], file);
    let mut page = 0;
    let mut words = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let (tag, tail) = rest.split_once('>').unwrap();
            let word = tail.trim_end_matches("</word>");
            let word = word.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
            words.push((
                word,
                WordBox { page, x_min: attr(tag, "xMin"), y_min: attr(tag, "yMin"), x_max: attr(tag, "xMax") },
            ));
        }
    }
    words
}

fn find(words: &[(String, WordBox)], word: &str) -> WordBox {
    words
        .iter()
        .find(|(w, _)| w == word || w.chars().rev().eq(word.chars()))
        .unwrap_or_else(|| {
            let all: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
            panic!("no word {word:?} in {all:?}")
        })
        .1
}

/// A4 width in points, and the template's side margins (2 cm).
const PAGE_WIDTH: f64 = 595.28;
const MARGIN: f64 = 56.69;

/// The streams of a PDF that are Flate-compressed, decompressed.
fn inflated_streams(pdf: &[u8]) -> Vec<Vec<u8>> {
    use std::io::Read;
    let mut streams = Vec::new();
    let mut rest = pdf;
    while let Some(start) = find_bytes(rest, b"stream\n") {
        rest = &rest[start + b"stream\n".len()..];
        let end = find_bytes(rest, b"endstream").unwrap_or(rest.len());
        let mut out = Vec::new();
        if flate2::read::ZlibDecoder::new(&rest[..end]).read_to_end(&mut out).is_ok() {
            streams.push(out);
        }
        rest = &rest[(end + b"endstream".len()).min(rest.len())..];
    }
    streams
}

fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn french_text_keeps_accents_and_the_narrow_no_break_space() {
    let text = plain_text(&SAMPLE.path);
    // pdftotext turns U+202F into a plain space: compare with that.
    assert!(text.contains(&common::FRENCH.replace('\u{202F}', " ")), "{text}");
    // The PDF itself maps a glyph to U+202F (ToUnicode CMap)…
    assert!(
        inflated_streams(&SAMPLE.pdf.bytes)
            .iter()
            .any(|s| find_bytes(s, b"beginbfchar").is_some() && find_bytes(s, b"<202F>").is_some()),
        "no glyph maps to U+202F"
    );
    // …and that space is narrower than the (justified) word spaces around it.
    let words = words(&SAMPLE.path);
    let at = words.iter().position(|(w, _)| w == "17").expect("17 in the French text");
    let (de, seventeen, percent) = (words[at - 1].1, words[at].1, words[at + 1].1);
    assert_eq!(words[at + 1].0, "%");
    let narrow = percent.x_min - seventeen.x_max;
    let normal = seventeen.x_min - de.x_max;
    assert!(narrow > 0.5 && narrow < normal * 0.8, "{narrow} vs {normal}");
    assert!(text.contains(common::ITALIC), "{text}");
    assert!(text.contains(common::NOTES), "{text}");
    assert!(text.contains("Bulletin mensuel — mars 2026"), "{text}");
}

#[test]
fn today_and_inputs_come_from_the_caller() {
    let text = plain_text(&SAMPLE.path);
    assert!(text.contains("publié le 2026-03-31"), "{text}");
    assert!(text.contains(&format!("Édition : {}", common::EDITION_INPUT)), "{text}");
}

#[test]
fn arabic_comes_out_in_logical_order_with_western_digits() {
    let text = plain_text(&SAMPLE.path);
    for word in ["الإرهاب", "التحالف", "لمكافحة", "فبراير", "سجل", "مارس"] {
        assert!(text.contains(word), "{word} missing from {text}");
    }
    // Runs of Arabic words come out in logical order. (pdftotext gives the
    // runs of a line from left to right, each wrapped in U+202B … U+202C,
    // so a sentence mixing digits and Arabic is not one string.)
    assert!(text.contains("لمكافحة الإرهاب في شهر مارس"), "{text}");
    assert!(text.contains(common::ARABIC_TITLE), "{text}");
    for number in ["42", "2026", "17"] {
        assert!(text.contains(number), "{number} missing from {text}");
    }
    assert!(!text.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c)), "Arabic-Indic digits in {text}");

    let layout = stdout("pdftotext", &["-layout"], &SAMPLE.path);
    for word in ["الإرهاب", "التحالف", "البلد", "النيجر", "الهجمات"] {
        assert!(layout.contains(word), "{word} missing from {layout}");
    }
}

#[test]
fn arabic_paragraph_is_right_aligned_and_reads_right_to_left() {
    let words = words(&SAMPLE.path);
    // The paragraph's first word starts at the right margin.
    let first = find(&words, "سجل");
    assert!(
        (first.x_max - (PAGE_WIDTH - MARGIN)).abs() < 2.0,
        "first Arabic word ends at {}, not at the right margin",
        first.x_max
    );
    // and the next word is to its left, on the same line.
    let second = words
        .iter()
        .map(|(w, b)| (w.chars().rev().collect::<String>(), *b))
        .find(|(w, b)| w == "التحالف" && (b.y_min - first.y_min).abs() < 2.0)
        .expect("التحالف on the first line of the paragraph")
        .1;
    assert!(second.x_max < first.x_min, "{second:?} {first:?}");
}

#[test]
fn arabic_table_lays_its_columns_right_to_left() {
    let words = words(&SAMPLE.path);
    let country = find(&words, "البلد");
    let operations = find(&words, "العمليات");
    let victims = find(&words, "الضحايا");
    assert!(country.x_min > operations.x_max, "{country:?} {operations:?}");
    assert!(operations.x_min > victims.x_max, "{operations:?} {victims:?}");
    let mali = find(&words, "مالي");
    let thirty = find(&words, "30");
    assert!(mali.x_min > thirty.x_max, "{mali:?} {thirty:?}");
    assert!((mali.y_min - thirty.y_min).abs() < 2.0);
}

#[test]
fn svg_text_stays_text_and_is_shaped() {
    let text = plain_text(&SAMPLE.path);
    assert!(text.contains(common::SVG_ARABIC_LABEL), "{text}");
    assert!(text.contains("février"), "{text}");
}

#[test]
fn two_columns_on_the_second_page() {
    let words = words(&SAMPLE.path);
    let left = find(&words, "GAUCHE-DEBUT");
    let right = find(&words, "DROITE-DEBUT");
    assert_eq!((left.page, right.page), (2, 2));
    assert!(left.x_max < PAGE_WIDTH / 2.0, "{left:?}");
    assert!(right.x_min > PAGE_WIDTH / 2.0, "{right:?}");
    assert!((left.y_min - right.y_min).abs() < 2.0, "{left:?} {right:?}");

    // `-layout` keeps the two columns side by side on one line.
    let layout = stdout("pdftotext", &["-layout"], &SAMPLE.path);
    assert!(layout.lines().any(|line| line.contains("GAUCHE-DEBUT") && line.contains("DROITE-DEBUT")), "{layout}");
}

#[test]
fn page_numbers_in_the_footer() {
    assert_eq!(SAMPLE.pdf.pages, 2);
    let text = plain_text(&SAMPLE.path);
    assert!(text.contains("page 1 sur 2"), "{text}");
    assert!(text.contains("page 2 sur 2"), "{text}");
    let info = stdout("pdfinfo", &[], &SAMPLE.path);
    assert!(info.lines().any(|l| l.starts_with("Pages:") && l.ends_with(" 2")), "{info}");
}

#[test]
fn every_page_renders() {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    let output = Command::new("pdftoppm")
        .args(["-r", "50", "-png"])
        .arg(&SAMPLE.path)
        .arg(&prefix)
        .output()
        .expect("cannot run pdftoppm: install poppler-utils (see .ci/run)");
    assert!(output.status.success());
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    let pngs: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "png"))
        .collect();
    assert_eq!(pngs.len(), SAMPLE.pdf.pages);
    for png in pngs {
        let bytes = std::fs::read(&png).unwrap();
        assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 1000, "{png:?}");
    }
}

#[test]
fn data_is_never_evaluated_as_typst() {
    let text = plain_text(&SAMPLE.path);
    // Every markup character comes out as written.
    assert!(text.contains(common::UNTRUSTED), "{text}");
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(text.contains(common::EDITION_INPUT), "{text}");
    // `#strong[pwned]` was not turned into bold text.
    assert!(text.contains("#strong[pwned]"), "{text}");
}

#[test]
fn only_the_embedded_fonts_are_used() {
    // No "unknown font family" (nor any other) warning.
    assert!(SAMPLE.pdf.warnings.is_empty(), "{:?}", SAMPLE.pdf.warnings);
    assert_eq!(vigie_pdf::fonts::families(), ["Noto Naskh Arabic", "Noto Sans"]);
    let fonts = stdout("pdffonts", &[], &SAMPLE.path);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in &rows {
        assert!(row.contains("Noto"), "not an embedded font: {row}");
        // name, type, encoding, emb, sub, uni, object ID
        let columns: Vec<&str> = row.split_whitespace().collect();
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
    }
    assert!(fonts.contains("NotoNaskhArabic-Regular"), "{fonts}");
    assert!(fonts.contains("NotoNaskhArabic-Bold"), "{fonts}");
    assert!(fonts.contains("NotoSans-Regular"), "{fonts}");
    assert!(fonts.contains("NotoSans-Italic"), "{fonts}");
}

#[test]
fn raster_images_are_embedded() {
    let list = stdout("pdfimages", &["-list"], &SAMPLE.path);
    let images: Vec<&str> = list.lines().skip(2).collect();
    // The PNG and the JPEG (the JPEG passed through as DCT); the SVG is drawn.
    assert_eq!(images.len(), 2, "{list}");
    assert!(images.iter().any(|row| row.contains(" jpeg ")), "{list}");
}

#[test]
fn output_is_byte_identical_and_dated_today() {
    let doc = common::sample();
    let first = compile_pdf(&doc).unwrap();
    let second = compile_pdf(&doc).unwrap();
    assert!(first.bytes == second.bytes, "two runs differ");
    assert!(first.bytes == SAMPLE.pdf.bytes, "differs from an earlier run");

    let info = stdout("pdfinfo", &["-isodates"], &SAMPLE.path);
    assert!(info.lines().any(|l| l.starts_with("CreationDate:") && l.contains("2026-03-31T00:00:00")), "{info}");

    let later = Document { today: jiff::civil::date(2026, 4, 1), ..doc };
    assert!(compile_pdf(&later).unwrap().bytes != first.bytes);
}

fn with_main(main: &str) -> Document {
    Document { main: main.to_owned(), ..common::sample() }
}

#[test]
fn template_error_names_file_line_and_column() {
    let err = compile_pdf(&with_main("= Titre\n\nTexte #undefined_thing ici.\n")).unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, PdfError::Compile(_)), "{err:?}");
    assert!(message.contains("main.typ:3:8: error: unknown variable: undefined_thing"), "{message}");
    let diagnostic = &err.diagnostics()[0];
    let location = diagnostic.location.as_ref().unwrap();
    assert_eq!((location.file.as_str(), location.line, location.column), ("main.typ", Some(3), Some(8)));
}

#[test]
fn syntax_error_names_the_line() {
    let err = compile_pdf(&with_main("a\nb\n#let x = (1, 2\n")).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("main.typ:3:"), "{message}");
}

#[test]
fn error_in_a_called_function_keeps_the_trace() {
    let main = "#let f(x) = x + 1\n\n#f(\"a\")\n";
    let err = compile_pdf(&with_main(main)).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("main.typ:1:13:"), "{message}");
    assert!(message.contains("while calling `f` (main.typ:3:2)"), "{message}");
}

#[test]
fn malformed_data_file_is_located_in_the_file() {
    let mut doc = with_main("#let data = json(\"bad.json\")\n#data\n");
    doc.files.push(("bad.json".to_owned(), b"{\n  \"a\": 1,\n  \"b\": ]\n}\n".to_vec()));
    let err = compile_pdf(&doc).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("bad.json:3:"), "{message}");
}

#[test]
fn missing_file_is_named() {
    let err = compile_pdf(&with_main("#image(\"absent.svg\")\n")).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("main.typ:1:8:"), "{message}");
    assert!(message.contains("absent.svg"), "{message}");
}

#[test]
fn an_error_raised_by_the_template_is_reported() {
    let main = "#let data = json(\"data.json\")\n#assert(data.at(\"missing\", default: none) != none, message: \"data.json has no missing\")\n";
    let err = compile_pdf(&with_main(main)).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("main.typ:2:"), "{message}");
    assert!(message.contains("data.json has no missing"), "{message}");
}

#[test]
fn packages_are_not_fetched() {
    let err = compile_pdf(&with_main("#import \"@preview/example:0.1.0\": *\n")).unwrap_err();
    assert!(err.to_string().contains("main.typ:1:"), "{err}");
}

#[test]
fn bad_file_paths_are_refused() {
    let mut doc = common::sample();
    doc.files.push(("data.json".to_owned(), b"{}".to_vec()));
    assert!(matches!(
        compile_pdf(&doc),
        Err(PdfError::DuplicateFile(path)) if path == "data.json"
    ));

    let mut doc = common::sample();
    doc.files.push(("main.typ".to_owned(), b"x".to_vec()));
    assert!(matches!(compile_pdf(&doc), Err(PdfError::DuplicateFile(_))));

    let mut doc = common::sample();
    doc.files.push(("../escape.txt".to_owned(), b"x".to_vec()));
    assert!(matches!(compile_pdf(&doc), Err(PdfError::InvalidPath { .. })));
}

#[test]
fn unknown_font_is_a_warning_and_falls_back_to_embedded_fonts() {
    let pdf = compile_pdf(&with_main("#text(font: \"Arial\")[Bonjour]\n")).unwrap();
    assert_eq!(pdf.pages, 1);
    let warning = pdf
        .warnings
        .iter()
        .map(ToString::to_string)
        .find(|w| w.contains("unknown font family: arial"))
        .unwrap_or_else(|| panic!("{:?}", pdf.warnings));
    assert!(warning.starts_with("main.typ:1:"), "{warning}");
}

#[test]
fn a_module_given_as_a_file_can_be_imported() {
    let mut doc = with_main("#import \"parts.typ\": greet\n#greet(\"Vigie\")\n");
    doc.files.push(("parts.typ".to_owned(), b"#let greet(name) = [Bonjour, #name !]\n".to_vec()));
    let compiled = Compiled::new(&doc);
    assert!(plain_text(&compiled.path).contains("Bonjour, Vigie !"));
}
