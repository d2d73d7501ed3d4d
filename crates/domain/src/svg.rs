//! Whether an SVG drawing is safe to keep: one rule for the web editor's
//! uploads and the command line's article imports.
//!
//! SVG is XML that browsers run scripts in when it is opened as a page, and
//! that can fetch from outside (a tracking pixel, a stylesheet). A drawing
//! is parsed with a real XML parser (entities expanded, with the parser's
//! limits, before anything is looked at) and refused, never rewritten, when
//! it has an element that runs or embeds content, an event handler, a
//! `javascript:` value, a link or a CSS `url(…)` to anything but an id of
//! its own or embedded PNG/JPEG data, a CSS `@import` or escape, a
//! stylesheet instruction, or an animation of a link.

use std::fmt;

/// Elements that run or embed active content (local names, lower case:
/// XML is case-sensitive, but no drawing needs `<SCRIPT>` either).
const ACTIVE_ELEMENTS: [&str; 10] =
    ["script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "audio", "video", "animation"];

/// Elements that change another attribute over time.
const ANIMATIONS: [&str; 4] = ["set", "animate", "animatetransform", "animatemotion"];

/// Why a drawing is refused, said in English for the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SvgHazard {
    /// Not UTF-8 or not well-formed XML: what the parser said.
    NotXml(String),
    /// An element that runs or embeds content (its name).
    ActiveElement(String),
    /// An `on…` attribute (its name).
    EventHandler(String),
    /// A `javascript:` or `vbscript:` value (the attribute's name).
    ScriptValue(String),
    /// A link to outside the drawing: the attribute (or `style`) and where.
    OutsideLink { attribute: String, target: String },
    /// CSS that can load from outside or hide how it does (`@import`, an
    /// escape).
    UnsafeCss(String),
    /// An `<?xml-stylesheet?>` instruction.
    Stylesheet,
    /// An animation whose target is a link or an event handler.
    AnimatedLink(String),
}

impl fmt::Display for SvgHazard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SvgHazard::NotXml(why) => write!(f, "not a well-formed SVG document ({why})"),
            SvgHazard::ActiveElement(name) => {
                write!(f, "unsafe SVG: it has a <{name}> element, which can run or embed content")
            }
            SvgHazard::EventHandler(name) => {
                write!(f, "unsafe SVG: it has an event handler attribute ({name}), which runs a script")
            }
            SvgHazard::ScriptValue(name) => write!(f, "unsafe SVG: its {name} attribute holds a script"),
            SvgHazard::OutsideLink { attribute, target } => write!(
                f,
                "unsafe SVG: its {attribute} links outside the drawing ({target}); \
                 only #ids and embedded PNG or JPEG data are allowed"
            ),
            SvgHazard::UnsafeCss(what) => write!(f, "unsafe SVG: its style has {what}"),
            SvgHazard::Stylesheet => write!(f, "unsafe SVG: it names a stylesheet (<?xml-stylesheet?>)"),
            SvgHazard::AnimatedLink(name) => write!(f, "unsafe SVG: it animates the {name} attribute"),
        }
    }
}

/// Whether `target` (an `href` or a CSS `url(…)`) stays inside the drawing.
fn harmless_link(target: &str) -> bool {
    let target = target.trim().to_ascii_lowercase();
    target.starts_with('#') || target.starts_with("data:image/png") || target.starts_with("data:image/jpeg")
}

/// The first hazard of some CSS (a `<style>` element's text, a `style`
/// attribute, or any presentation attribute, which CSS values such as
/// `fill="url(…)"` may take).
fn css_hazard(attribute: &str, css: &str) -> Option<SvgHazard> {
    // an escape can spell `url(` or `@import` without those letters
    if css.contains('\\') {
        return Some(SvgHazard::UnsafeCss("a backslash escape".to_string()));
    }
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import") {
        return Some(SvgHazard::UnsafeCss("an @import".to_string()));
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let inside = rest.split(')').next().unwrap_or(rest);
        let target = inside.trim().trim_matches(['"', '\'']);
        if !harmless_link(target) {
            return Some(SvgHazard::OutsideLink { attribute: attribute.to_string(), target: target.to_string() });
        }
    }
    None
}

/// The first hazard of one attribute; `namespaced` for an attribute with a
/// prefix (`xlink:`, an editor's own such as `inkscape:`), which is never
/// read as CSS.
fn attribute_hazard(element: &str, name: &str, namespaced: bool, value: &str) -> Option<SvgHazard> {
    let lower_name = name.to_ascii_lowercase();
    // browsers skip whitespace and control characters inside a scheme
    let squeezed: String =
        value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
    if lower_name.starts_with("on") {
        return Some(SvgHazard::EventHandler(name.to_string()));
    }
    if squeezed.contains("javascript:") || squeezed.contains("vbscript:") {
        return Some(SvgHazard::ScriptValue(name.to_string()));
    }
    if lower_name == "href" && !harmless_link(value) {
        return Some(SvgHazard::OutsideLink { attribute: name.to_string(), target: value.trim().to_string() });
    }
    if ANIMATIONS.contains(&element) && lower_name == "attributename" {
        let target = squeezed.rsplit(':').next().unwrap_or("");
        if target == "href" || target.starts_with("on") {
            return Some(SvgHazard::AnimatedLink(value.trim().to_string()));
        }
    }
    if namespaced { None } else { css_hazard(name, value) }
}

/// Whether an SVG document's bytes parse and have nothing that can run or
/// reach outside; the first hazard otherwise.
pub fn check_svg(bytes: &[u8]) -> Result<(), SvgHazard> {
    let text = std::str::from_utf8(bytes).map_err(|_| SvgHazard::NotXml("not UTF-8".to_string()))?;
    // a doctype is common in drawings; its entities are expanded (with
    // roxmltree's limits, and never fetched) before the values are checked
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    let document =
        roxmltree::Document::parse_with_options(text, options).map_err(|e| SvgHazard::NotXml(e.to_string()))?;
    for node in document.descendants() {
        if let Some(pi) = node.pi() {
            if pi.target.eq_ignore_ascii_case("xml-stylesheet") {
                return Err(SvgHazard::Stylesheet);
            }
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name().to_ascii_lowercase();
        if ACTIVE_ELEMENTS.contains(&name.as_str()) {
            return Err(SvgHazard::ActiveElement(node.tag_name().name().to_string()));
        }
        for attribute in node.attributes() {
            if let Some(hazard) =
                attribute_hazard(&name, attribute.name(), attribute.namespace().is_some(), attribute.value())
            {
                return Err(hazard);
            }
        }
        if name == "style" {
            for text in node.children().filter_map(|child| child.text()) {
                if let Some(hazard) = css_hazard("<style>", text) {
                    return Err(hazard);
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: &str =
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">"#;

    fn svg(inner: &str) -> Vec<u8> {
        format!("{OPEN}{inner}</svg>").into_bytes()
    }

    #[test]
    fn harmless_drawings_pass() {
        for inner in [
            r##"<defs><circle id="c" r="2"/></defs><use xlink:href="#c"/><use href="#c"/>"##,
            "<style>circle{fill:red;font-family:'DejaVu Sans'}</style>",
            r##"<defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="stroke: url( '#g' )"/>"##,
            r#"<image href="data:image/png;base64,iVBORw0KGgo="/>"#,
            r#"<animate attributeName="opacity" from="0" to="1"/>"#,
            "<metadata><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
             <rdf:Description rdf:about=\"\" rdf:resource=\"http://purl.org/dc/dcmitype/StillImage\"/>\
             </rdf:RDF></metadata>",
            "<text>a \\ b, on click, url(elsewhere)</text>",
            r#"<g xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:export-filename="C:\Users\me\x.png"/>"#,
        ] {
            assert_eq!(check_svg(&svg(inner)), Ok(()), "{inner}");
        }
        let doctype =
            format!("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n{OPEN}</svg>");
        assert_eq!(check_svg(doctype.as_bytes()), Ok(()));
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
            r#"<a xlink:href=" java&#x09;script:alert(1)"><text>x</text></a>"#,
            r#"<set attributeName="href" to="javascript:alert(1)"/>"#,
            r#"<set attributeName="xlink:href" to="https://tracker.example/x.svg"/>"#,
            r#"<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>"#,
            r#"<image href="https://tracker.example/x.png"/>"#,
            r#"<image xlink:href="//tracker.example/x.png"/>"#,
            r#"<use href="https://elsewhere.example/sprites.svg#icon"/>"#,
            r#"<use xlink:href="sprites.svg#icon"/>"#,
            r#"<rect style="fill: URL(https://tracker.example/x)"/>"#,
            r#"<rect fill="url('https://tracker.example/x')"/>"#,
            "<style>rect{background:url(https://tracker.example/x)}</style>",
            "<style><![CDATA[@import 'https://tracker.example/x.css';]]></style>",
            r"<style>rect{background:\75rl(https://tracker.example/x)}</style>",
            r#"<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/>"#,
        ] {
            assert!(check_svg(&svg(inner)).is_err(), "{inner}");
        }
        assert!(matches!(check_svg(b"<svg><unclosed></svg>"), Err(SvgHazard::NotXml(_))));
        assert!(matches!(check_svg(b"<svg>\xff</svg>"), Err(SvgHazard::NotXml(_))));
        let entity = format!("<!DOCTYPE svg [<!ENTITY s \"javascript:alert(1)\">]>{OPEN}<a href=\"&s;\"/></svg>");
        assert_eq!(check_svg(entity.as_bytes()), Err(SvgHazard::ScriptValue("href".to_string())));
        let element = format!("<!DOCTYPE svg [<!ENTITY s \"<script>alert(1)</script>\">]>{OPEN}&s;</svg>");
        assert_eq!(check_svg(element.as_bytes()), Err(SvgHazard::ActiveElement("script".to_string())));
        let stylesheet = format!("<?xml-stylesheet href=\"https://tracker.example/x.css\"?>{OPEN}</svg>");
        assert_eq!(check_svg(stylesheet.as_bytes()), Err(SvgHazard::Stylesheet));
    }

    #[test]
    fn the_reason_names_what_to_remove() {
        assert_eq!(
            check_svg(&svg(r#"<image xlink:href="https://tracker.example/x.png"/>"#)).unwrap_err().to_string(),
            "unsafe SVG: its href links outside the drawing (https://tracker.example/x.png); \
             only #ids and embedded PNG or JPEG data are allowed"
        );
        assert_eq!(
            check_svg(&svg("<script>alert(1)</script>")).unwrap_err().to_string(),
            "unsafe SVG: it has a <script> element, which can run or embed content"
        );
    }
}
