//! The sample document the tests (and `examples/compile_sample.rs`) compile:
//! a static template (`fixtures/sample.typ`) over data.json, notes.txt, an
//! SVG chart, a PNG and a JPEG.

#![allow(dead_code)]

use vigie_pdf::Document;

pub const TEMPLATE: &str = include_str!("../fixtures/sample.typ");
pub const PNG: &[u8] = include_bytes!("../fixtures/checker.png");
pub const JPEG: &[u8] = include_bytes!("../fixtures/gradient.jpg");

/// French, with a narrow no-break space (U+202F) before the percent sign.
pub const FRENCH: &str = "Au 31 mars 2026, les opérations recensées ont baissé de 17\u{202F}% par \
     rapport à février ; l’été sera décisif pour la sécurité des élèves, à Niamey \
     comme à Bamako.";
pub const ITALIC: &str = "Données provisoires, arrêtées à la fin du mois.";
pub const ARABIC_TITLE: &str = "التحالف في شهر مارس";
/// Western digits in Arabic text, as in every edition.
pub const ARABIC: &str = "سجل التحالف 42 عملية لمكافحة الإرهاب في شهر مارس 2026، \
     بانخفاض نسبته 17% مقارنة بشهر فبراير.";
/// Typst markup and HTML in data: must come out literally.
pub const UNTRUSTED: &str =
    "#strong[pwned] *bold* _under_ $x^2$ [link] <script>alert(1)</script> #eval(\"1+1\") @ref \\ end";
/// Also Typst markup, through `sys.inputs`.
pub const EDITION_INPUT: &str = "fr #emph[x] $y$";
pub const NOTES: &str = "Note : les chiffres de l’ACLED sont repris tels quels.";
/// The Arabic label of the chart, only in the SVG.
pub const SVG_ARABIC_LABEL: &str = "الهجمات";

pub fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 3, 31)
}

/// A small bar chart. The Arabic label is wrapped in U+2067 (RIGHT-TO-LEFT
/// ISOLATE) … U+2069 (POP DIRECTIONAL ISOLATE), written as character
/// references: SVG `direction` is ignored by Typst's SVG renderer, and rustc
/// rejects raw bidi controls in literals.
pub fn chart_svg() -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120" viewBox="0 0 240 120">
  <rect x="0" y="0" width="240" height="120" fill="#f4f4f4"/>
  <rect x="20" y="30" width="40" height="70" fill="#1f4e79"/>
  <rect x="80" y="55" width="40" height="45" fill="#d98c1f"/>
  <text x="40" y="115" font-family="Noto Sans" font-size="10" text-anchor="middle">février</text>
  <text x="100" y="115" font-family="Noto Sans" font-size="10" text-anchor="middle">mars</text>
  <text x="220" y="20" font-family="Noto Naskh Arabic" font-size="14" text-anchor="end">&#x2067;{SVG_ARABIC_LABEL} 42&#x2069;</text>
</svg>"##
    )
}

pub fn data_json() -> serde_json::Value {
    let paragraphs: Vec<String> = (1..=8)
        .map(|i| {
            format!(
                "Paragraphe {i}. Les équipes de terrain ont signalé des déplacements \
                 de population, des marchés fermés et des écoles réquisitionnées ; \
                 les chiffres définitifs seront publiés dans le prochain numéro."
            )
        })
        .collect();
    serde_json::json!({
        "title": "Bulletin mensuel — mars 2026",
        "fr": FRENCH,
        "italic": ITALIC,
        "untrusted": UNTRUSTED,
        "ar_title": ARABIC_TITLE,
        "ar": ARABIC,
        "table": {
            "header": ["البلد", "العمليات", "الضحايا"],
            "rows": [["مالي", "12", "30"], ["النيجر", "7", "19"]],
        },
        "column_one": "GAUCHE-DEBUT",
        "column_two": "DROITE-DEBUT",
        "paragraphs": paragraphs,
    })
}

pub fn sample() -> Document {
    Document {
        main: TEMPLATE.to_owned(),
        files: vec![
            ("data.json".to_owned(), serde_json::to_vec_pretty(&data_json()).unwrap()),
            ("notes.txt".to_owned(), NOTES.as_bytes().to_vec()),
            ("chart.svg".to_owned(), chart_svg().into_bytes()),
            ("checker.png".to_owned(), PNG.to_vec()),
            ("gradient.jpg".to_owned(), JPEG.to_vec()),
        ],
        inputs: vec![("edition".to_owned(), EDITION_INPUT.to_owned())],
        today: today(),
    }
}
