use proptest::prelude::*;

use super::*;

const OPEN: &str =
    r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">"#;
const XHTML: &str = r#"xmlns:h="http://www.w3.org/1999/xhtml""#;

fn svg(inner: &str) -> Vec<u8> {
    format!("{OPEN}{inner}</svg>").into_bytes()
}

/// A drawing as Inkscape saves it (trimmed): its own namespaces, a named
/// view, licence metadata, a layer, a gradient, a filter, text on a path.
const INKSCAPE: &str = r##"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg
   width="210mm"
   height="297mm"
   viewBox="0 0 210 297"
   version="1.1"
   id="svg5"
   inkscape:version="1.2.2 (b0a8486541, 2022-12-01)"
   sodipodi:docname="carte.svg"
   inkscape:export-filename="C:\Users\me\carte.png"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview id="namedview7" pagecolor="#ffffff" showgrid="false" inkscape:zoom="0.7">
    <inkscape:grid type="xygrid" id="grid1"/>
  </sodipodi:namedview>
  <defs id="defs2">
    <linearGradient inkscape:collect="always" id="lg1">
      <stop style="stop-color:#0e4c92;stop-opacity:1" offset="0" id="stop1"/>
      <stop style="stop-color:#0e4c92;stop-opacity:0" offset="1" id="stop2"/>
    </linearGradient>
    <linearGradient xlink:href="#lg1" id="lg2" x1="10" y1="10" x2="80" y2="80" gradientUnits="userSpaceOnUse"/>
    <filter style="color-interpolation-filters:sRGB" id="blur" x="-0.1" y="-0.1" width="1.2" height="1.2">
      <feGaussianBlur stdDeviation="0.8" id="feBlur"/>
    </filter>
    <path id="arc" d="M 20,100 A 80,80 0 0 1 180,100"/>
  </defs>
  <metadata id="metadata1">
    <rdf:RDF>
      <cc:Work rdf:about="">
        <dc:format>image/svg+xml</dc:format>
        <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage"/>
        <dc:title>Carte</dc:title>
      </cc:Work>
    </rdf:RDF>
  </metadata>
  <g inkscape:label="Calque 1" inkscape:groupmode="layer" id="layer1" transform="translate(-1.5,2)">
    <rect style="fill:url(#lg2);fill-opacity:1;stroke:#000000;stroke-width:0.26;filter:url(#blur)"
       id="rect1" width="100" height="60" x="10" y="10" ry="4"/>
    <text xml:space="preserve" style="font-size:8px;font-family:'DejaVu Sans';fill:#1b1f24" x="20" y="90" id="text1"><tspan
         sodipodi:role="line" id="tspan1" x="20" y="90">Sahel</tspan><textPath xlink:href="#arc">Niger</textPath></text>
    <use xlink:href="#rect1" transform="translate(0,80)" />
    <image width="10" height="10" x="150" y="10" xlink:href="data:image/png;base64,iVBORw0KGgo=" preserveAspectRatio="none"/>
  </g>
</svg>
"##;

/// A drawing as Illustrator's "Export as SVG" writes it (no DOCTYPE).
const ILLUSTRATOR: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
	 viewBox="0 0 100 100" style="enable-background:new 0 0 100 100;" xml:space="preserve">
<style type="text/css">
	.st0{fill:#FFFFFF;}
	.st1{fill:none;stroke:#1D1D1B;stroke-miterlimit:10;}
	@media print { .st1 { stroke-width: 2 } }
</style>
<circle class="st0" cx="50" cy="50" r="40"/>
<polygon class="st1" points="10,90 50,10 90,90"/>
<polyline class="st1" points="0,0 10,10"/>
<ellipse cx="5" cy="5" rx="2" ry="1"/>
<line x1="0" y1="0" x2="100" y2="100" stroke="black"/>
</svg>
"#;

#[test]
fn harmless_drawings_pass() {
    for inner in [
        r##"<defs><circle id="c" r="2"/></defs><use xlink:href="#c"/><use href="#c"/>"##,
        "<style>circle{fill:red;font-family:'DejaVu Sans'}</style>",
        r##"<defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="stroke: url( '#g' )"/>"##,
        r#"<image href="data:image/png;base64,iVBORw0KGgo="/>"#,
        r#"<image href="data:image/jpeg;base64,/9j/"/><image href="data:image/gif;base64,R0lG"/>"#,
        r#"<image href="data:image/webp;base64,UklGR"/>"#,
        r#"<animate attributeName="opacity" from="0" to="1" dur="1s"/>"#,
        r#"<rect><animateTransform attributeName="transform" type="rotate" from="0" to="90"/></rect>"#,
        "<metadata><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
         <rdf:Description rdf:about=\"\" rdf:resource=\"http://purl.org/dc/dcmitype/StillImage\"/>\
         </rdf:RDF></metadata>",
        "<text>a \\ b, on click, url(elsewhere), <tspan dx=\"2\">javascript</tspan></text>",
        r#"<g xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:export-filename="C:\Users\me\x.png"/>"#,
        r##"<defs><mask id="m"><rect width="4" height="4" fill="white"/></mask><clipPath id="c"><circle r="3"/></clipPath>
           <marker id="k" markerWidth="4" markerHeight="4" refX="2" refY="2" orient="auto"><path d="M0,0 L4,2 z"/></marker>
           <pattern id="p" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="2" height="2"/></pattern>
           <symbol id="s" viewBox="0 0 4 4"><circle r="1"/></symbol>
           <filter id="f"><feOffset dx="1" in="SourceAlpha" result="o"/><feFlood flood-color="#000"/>
           <feComposite in2="o" operator="in"/><feMerge><feMergeNode in="SourceGraphic"/></feMerge></filter></defs>
           <path d="M0 0L4 4" marker-end="url(#k)" mask="url(#m)" clip-path="url(#c)" filter="url(#f)"/>
           <switch><g systemLanguage="fr"><text>Bonjour</text></g><text>Hello</text></switch>"##,
        r#"<title>Carte</title><desc>Les incidents</desc><g role="img" aria-label="x" data-country="ML"/>"#,
    ] {
        assert_eq!(check_svg(&svg(inner)), Ok(()), "{inner}");
    }
    assert_eq!(check_svg(INKSCAPE.as_bytes()), Ok(()));
    assert_eq!(check_svg(ILLUSTRATOR.as_bytes()), Ok(()));
}

/// The charts Vigie draws itself (bulletins, the dashboard) pass the rule
/// an uploaded drawing must pass: the allow-list is not narrower than real
/// drawings.
#[test]
fn the_charts_vigie_draws_pass() {
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../render/tests/golden");
    let mut seen = 0;
    for entry in std::fs::read_dir(&golden).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "svg") {
            assert_eq!(check_svg(&std::fs::read(&path).unwrap()), Ok(()), "{}", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 10, "the golden charts are found ({seen})");
}

#[test]
fn anything_that_runs_or_reaches_out_is_refused() {
    for inner in [
        "<script>alert(1)</script>",
        "<SCRIPT>alert(1)</SCRIPT>",
        r#"<x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script>"#,
        "<script><![CDATA[alert(1)]]></script>",
        r#"<rect onload="alert(1)"/>"#,
        r#"<rect OnClick="alert(1)"/>"#,
        r#"<a href="javascript:alert(1)"><text>x</text></a>"#,
        r##"<a href="#x"><text>a link, even local, is not a drawing</text></a>"##,
        r#"<a xlink:href=" java&#x09;script:alert(1)"><text>x</text></a>"#,
        r#"<set attributeName="href" to="javascript:alert(1)"/>"#,
        r#"<set attributeName="xlink:href" to="https://tracker.example/x.svg"/>"#,
        r##"<animate attributeName="style" to="fill:red"/>"##,
        r#"<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>"#,
        r#"<image href="https://tracker.example/x.png"/>"#,
        r#"<image xlink:href="//tracker.example/x.png"/>"#,
        r#"<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/>"#,
        r#"<use href="https://elsewhere.example/sprites.svg#icon"/>"#,
        r#"<use xlink:href="sprites.svg#icon"/>"#,
        r#"<use href="data:image/png;base64,iVBORw0KGgo="/>"#,
        r#"<filter><feImage href="https://tracker.example/x.png"/></filter>"#,
        r#"<rect style="fill: URL(https://tracker.example/x)"/>"#,
        r#"<rect fill="url('https://tracker.example/x')"/>"#,
        r#"<rect fill="url(data:image/png;base64,iVBORw0KGgo=)"/>"#,
        "<style>rect{background:url(https://tracker.example/x)}</style>",
        "<style><![CDATA[@import 'https://tracker.example/x.css';]]></style>",
        "<style>@font-face{font-family:x;src:local(x)}</style>",
        r"<style>rect{background:\75rl(https://tracker.example/x)}</style>",
        r##"<g xml:base="https://elsewhere.example/"><use href="#c"/></g>"##,
        r#"<rect foo="1"/>"#,
        r#"<rect xlink:show="new"/>"#,
        r#"<cursor href="https://tracker.example/c.png"/>"#,
        r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>"#,
        r#"<unknown/>"#,
        r#"<g xmlns="urn:other"><rect/></g>"#,
        r#"<metadata><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></metadata>"#,
        r#"<g xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"><inkscape:x><script>alert(1)</script></inkscape:x></g>"#,
    ] {
        assert!(check_svg(&svg(inner)).is_err(), "{inner}");
    }
    assert!(matches!(check_svg(b"<svg><unclosed></svg>"), Err(SvgHazard::NotXml(_))));
    assert!(matches!(check_svg(b"<svg>\xff</svg>"), Err(SvgHazard::NotXml(_))));
    // no namespace: not an SVG drawing
    assert!(matches!(check_svg(b"<svg><rect/></svg>"), Err(SvgHazard::Element { namespace: Some(_), .. })));
}

#[test]
fn xhtml_elements_under_a_prefix_are_refused() {
    for (inner, name) in [
        (format!(r#"<h:img {XHTML} src="https://tracker.example/p.png"/>"#), "h:img"),
        (format!(r#"<h:meta {XHTML} http-equiv="refresh" content="0;url=https://evil.example/"/>"#), "h:meta"),
        (format!(r#"<h:form {XHTML} action="https://evil.example/"><h:input name="p"/></h:form>"#), "h:form"),
        (format!(r#"<g><desc><h:script {XHTML}>alert(1)</h:script></desc></g>"#), "h:script"),
        (r#"<g><img xmlns="http://www.w3.org/1999/xhtml" src="x"/></g>"#.to_string(), "img"),
    ] {
        match check_svg(&svg(&inner)) {
            Err(SvgHazard::Element { name: found, namespace: Some(namespace), line: 1 }) => {
                assert_eq!((found.as_str(), namespace.as_str()), (name, "http://www.w3.org/1999/xhtml"), "{inner}");
            }
            other => panic!("{inner}: {other:?}"),
        }
    }
}

#[test]
fn css_that_loads_is_refused_wherever_it_is() {
    for inner in [
        r#"<rect style="fill: image-set('https://tracker.example/x.png' 1x)"/>"#,
        r#"<rect style="fill: -webkit-image-set(url(#a) 1x, 'https://tracker.example/x.png' 2x)"/>"#,
        "<style>rect{fill:image-set(\"https://tracker.example/x.png\" 1x)}</style>",
        r#"<rect fill="image-set('https://tracker.example/x.png' 1x)"/>"#,
        r#"<rect style="fill: image('https://tracker.example/x.png')"/>"#,
        r#"<rect style="fill: cross-fade(url(#a), 'https://tracker.example/x.png')"/>"#,
        r#"<rect style="width: expression(alert(1))"/>"#,
        r#"<rect style="fill: javascript:alert(1)"/>"#,
        "<style>@IMPORT url(https://tracker.example/x.css);</style>",
        r#"<rect style="@import 'x'"/>"#,
        // a comment splits the words for a text-by-text check, not for a browser
        "<style>svg{background-image:u<!---->rl(http://127.0.0.1:8123/pixel.png)}</style>",
        "<style>rect{fill:image-<!---->set(\"https://tracker.example/x.png\" 1x)}</style>",
        "<style>@im<!-- x -->port 'https://tracker.example/x.css';</style>",
        "<style>.a{fill:u<!--x-->rl(http://evil.example/a)}</style>",
        "<style>.a{fill:image-<!--x-->set(\"http://evil.example/d\" 1x)}</style>",
        "<style>.a{fill:u<desc>x</desc>rl(http://evil.example/c)}</style>",
        "<style><![CDATA[.a{fill:u]]><!--q--><![CDATA[rl(http://evil.example/e)}]]></style>",
    ] {
        let checked = check_svg(&svg(inner));
        assert!(
            matches!(
                checked,
                Err(SvgHazard::UnsafeCss { .. } | SvgHazard::ScriptValue { .. } | SvgHazard::OutsideLink { .. })
            ),
            "{inner}: {checked:?}"
        );
    }
}

#[test]
fn doctypes_and_instructions_are_refused() {
    let public =
        format!("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n{OPEN}</svg>");
    assert_eq!(check_svg(public.as_bytes()), Err(SvgHazard::Doctype { line: 2 }));
    let entity = format!("<!DOCTYPE svg [<!ENTITY s \"javascript:alert(1)\">]>{OPEN}<a href=\"&s;\"/></svg>");
    assert_eq!(check_svg(entity.as_bytes()), Err(SvgHazard::Doctype { line: 1 }));
    let billion = format!("<!DOCTYPE svg [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>{OPEN}&b;</svg>");
    assert!(matches!(check_svg(billion.as_bytes()), Err(SvgHazard::Doctype { .. })));
    let stylesheet = format!("<?xml-stylesheet href=\"https://tracker.example/x.css\"?>\n{OPEN}</svg>");
    assert_eq!(
        check_svg(stylesheet.as_bytes()),
        Err(SvgHazard::Instruction { target: "xml-stylesheet".into(), line: 1 })
    );
}

#[test]
fn the_reason_names_what_to_remove_and_its_line() {
    let message = |text: &str| check_svg(text.as_bytes()).unwrap_err().to_string();
    assert_eq!(
        message(&format!("{OPEN}\n<g>\n<image xlink:href=\"https://tracker.example/x.png\"/></g></svg>")),
        "unsafe SVG: line 3: its xlink:href links outside the drawing (https://tracker.example/x.png); \
         only #ids are allowed, and in <image> embedded PNG, JPEG, GIF or WebP data"
    );
    assert_eq!(
        message(&format!("{OPEN}\n<script>alert(1)</script></svg>")),
        "unsafe SVG: line 2: element <script> is not allowed \
         (only drawing elements: shapes, text, gradients, clips, masks, filters)"
    );
    assert_eq!(
        message(&format!("{OPEN}\n\n<h:img {XHTML} src=\"x\"/></svg>")),
        "unsafe SVG: line 3: element <h:img> is not an SVG element (namespace http://www.w3.org/1999/xhtml)"
    );
    assert_eq!(
        message(&format!("{OPEN}\n<rect\n  onclick=\"alert(1)\"/></svg>")),
        "unsafe SVG: line 3: attribute onclick of <rect> is an event handler, which runs a script"
    );
    assert_eq!(
        message(&format!("{OPEN}<rect\n  http-equiv=\"refresh\"/></svg>")),
        "unsafe SVG: line 2: attribute http-equiv of <rect> is not allowed"
    );
    assert_eq!(
        message(&format!("{OPEN}\n<rect style=\"fill:image-set('https://t.example/x' 1x)\"/></svg>")),
        "unsafe SVG: line 2: its style has image-set(…)"
    );
    assert_eq!(
        message(&format!("{OPEN}\n<style>\n@import 'x';</style></svg>")),
        "unsafe SVG: line 2: its <style> has an @import rule"
    );
}

// ---------------------------------------------------------------- properties

/// Documents to damage: drawings that pass and attacks that do not.
fn seeds() -> Vec<String> {
    vec![
        INKSCAPE.to_string(),
        ILLUSTRATOR.to_string(),
        String::from_utf8(svg(r##"<defs><circle id="c" r="2"/></defs><use xlink:href="#c"/>"##)).unwrap(),
        String::from_utf8(svg(&format!(r#"<h:img {XHTML} src="https://tracker.example/p.png"/>"#))).unwrap(),
        String::from_utf8(svg(r#"<rect style="fill: image-set('https://t.example/x' 1x)"/>"#)).unwrap(),
        format!("<!DOCTYPE svg [<!ENTITY s \"x\">]>{OPEN}&s;</svg>"),
    ]
}

/// Bytes that change what XML or CSS means.
const PIECES: &[&str] = &[
    "<",
    ">",
    "/",
    "\"",
    "'",
    "&",
    ";",
    "=",
    ":",
    "#",
    "(",
    ")",
    "\\",
    "\n",
    "\r",
    "\0",
    "\u{feff}",
    "é",
    "ش",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE svg>",
    "<?pi x?>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&lt;",
    "url(",
    "image-set(",
    "@import",
    "xmlns:h=\"http://www.w3.org/1999/xhtml\"",
    "h:",
    "xlink:",
    "on",
    "href=",
    "<svg>",
    "</svg>",
    "<g>",
    "</g>",
    "<script>",
    "javascript:",
];

#[derive(Debug, Clone)]
enum Mutation {
    Insert(prop::sample::Index, &'static str),
    Delete(prop::sample::Index, usize),
    Truncate(prop::sample::Index),
    Byte(prop::sample::Index, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<prop::sample::Index>(), prop::sample::select(PIECES)).prop_map(|(at, piece)| Mutation::Insert(at, piece)),
        2 => (any::<prop::sample::Index>(), 1usize..8).prop_map(|(at, n)| Mutation::Delete(at, n)),
        1 => any::<prop::sample::Index>().prop_map(Mutation::Truncate),
        1 => (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(at, b)| Mutation::Byte(at, b)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for mutation in mutations {
        let len = bytes.len().max(1);
        match mutation {
            Mutation::Insert(at, piece) => {
                let at = at.index(len).min(bytes.len());
                bytes.splice(at..at, piece.bytes());
            }
            Mutation::Delete(at, n) => {
                let at = at.index(len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Truncate(at) => bytes.truncate(at.index(len)),
            Mutation::Byte(at, byte) => {
                if !bytes.is_empty() {
                    let at = at.index(bytes.len());
                    bytes[at] = *byte;
                }
            }
        }
    }
    bytes
}

/// An element of the random trees below, and whether the rule keeps it.
const TREE_ELEMENTS: &[(&str, bool)] = &[
    ("g", true),
    ("rect", true),
    ("text", true),
    ("linearGradient", true),
    ("feGaussianBlur", true),
    ("script", false),
    ("foreignObject", false),
    ("a", false),
    ("feImage", false),
    ("h:img", false),
    ("h:meta", false),
];

/// An attribute (name and value), and whether the rule keeps it.
const TREE_ATTRIBUTES: &[(&str, &str, bool)] = &[
    ("id", "x", true),
    ("fill", "url(#x)", true),
    ("style", "stroke:#000", true),
    ("transform", "rotate(3)", true),
    ("data-n", "1", true),
    ("xlink:href", "#x", true),
    ("fill", "url(https://t.example/)", false),
    ("style", "fill:image-set('x' 1x)", false),
    ("onload", "x()", false),
    ("href", "https://t.example/", false),
    ("src", "x", false),
    ("xml:base", "https://t.example/", false),
];

#[derive(Debug, Clone)]
struct Tree {
    element: usize,
    attributes: Vec<usize>,
    children: Vec<Tree>,
}

fn tree() -> impl Strategy<Value = Tree> {
    let leaf = (0..TREE_ELEMENTS.len(), prop::collection::vec(0..TREE_ATTRIBUTES.len(), 0..3))
        .prop_map(|(element, attributes)| Tree { element, attributes, children: Vec::new() });
    leaf.prop_recursive(3, 16, 3, |inner| {
        (
            0..TREE_ELEMENTS.len(),
            prop::collection::vec(0..TREE_ATTRIBUTES.len(), 0..3),
            prop::collection::vec(inner, 0..3),
        )
            .prop_map(|(element, attributes, children)| Tree { element, attributes, children })
    })
}

impl Tree {
    /// The attributes as written: the first of each name (XML allows one).
    fn written_attributes(&self) -> Vec<(&'static str, &'static str, bool)> {
        let mut written: Vec<(&str, &str, bool)> = Vec::new();
        for &attribute in &self.attributes {
            let found = TREE_ATTRIBUTES[attribute];
            if !written.iter().any(|w| w.0 == found.0) {
                written.push(found);
            }
        }
        written
    }

    fn write(&self, out: &mut String) {
        let (name, _) = TREE_ELEMENTS[self.element];
        out.push('<');
        out.push_str(name);
        for (attribute_name, value, _) in self.written_attributes() {
            out.push_str(&format!(" {attribute_name}=\"{value}\""));
        }
        out.push('>');
        for child in &self.children {
            child.write(out);
        }
        out.push_str(&format!("</{name}>"));
    }

    fn allowed(&self) -> bool {
        TREE_ELEMENTS[self.element].1
            && self.written_attributes().iter().all(|a| a.2)
            && self.children.iter().all(Tree::allowed)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Damaged drawings never make the check panic, and a refusal always
    /// says what and, past parsing, where (a line of the document).
    #[test]
    fn damaged_drawings_never_panic(
        seed in prop::sample::select(seeds()),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let bytes = mutate(seed.into_bytes(), &mutations);
        if let Err(hazard) = check_svg(&bytes) {
            let message = hazard.to_string();
            prop_assert!(!message.is_empty());
            // line breaks as any parser may count them
            let lines = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 1;
            if let Some(line) = message.strip_prefix("unsafe SVG: line ").and_then(|m| m.split(':').next()) {
                let line: usize = line.parse().unwrap();
                prop_assert!((1..=lines).contains(&line), "{} of {} lines", line, lines);
            }
        }
    }

    /// A drawing is kept exactly when every element and attribute in it is
    /// on the lists.
    #[test]
    fn a_drawing_is_kept_exactly_when_all_is_allowed(trees in prop::collection::vec(tree(), 0..4)) {
        let mut inner = String::new();
        for tree in &trees {
            tree.write(&mut inner);
        }
        let text = format!(r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" {XHTML}>{inner}</svg>"#);
        let allowed = trees.iter().all(Tree::allowed);
        prop_assert_eq!(check_svg(text.as_bytes()).is_ok(), allowed, "{}", text);
    }
}
