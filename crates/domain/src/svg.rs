//! Whether an SVG drawing is safe to keep: one rule for the web editor's
//! uploads and the command line's article imports.
//!
//! SVG is XML that browsers run scripts in when it is opened as a page, and
//! that can fetch from outside (a tracking pixel, a stylesheet); XML
//! namespaces let it carry XHTML (`<h:img>`, `<h:meta http-equiv>`,
//! `<h:script>`) under any prefix. So a drawing is parsed with a real XML
//! parser and kept only when everything in it is on an allow-list; it is
//! refused, never rewritten, otherwise, with the element or attribute and
//! its line:
//!
//! - **Elements**: in the SVG namespace, one of [`ELEMENTS`] (shapes,
//!   text, structure, paint servers, clipping, masking, markers, filter
//!   primitives but `feImage`, `image`, `style`, and SMIL animations of
//!   allowed attributes). Not `script`, `foreignObject`, `a`, `feImage`,
//!   fonts, `cursor` or anything else. Besides these, elements of editors'
//!   namespaces (Inkscape, Sodipodi) and, inside `<metadata>`, of RDF,
//!   Creative Commons and Dublin Core: browsers give elements of other
//!   namespaces no behaviour, and every element under them is checked too.
//! - **Attributes**: presentation attributes, geometry, ids, `class`,
//!   `style`, `transform`, `viewBox`, filter and animation parameters,
//!   `aria-*`, `data-*` and `role` (see [`ATTRIBUTES`]); `xml:space` and
//!   `xml:lang` (not `xml:base`, which moves where `#id` points); `href` or
//!   `xlink:href` to an `#id` of the drawing, or in `<image>` to embedded
//!   PNG, JPEG, GIF or WebP data (`data:image/…`); attributes of editors'
//!   and metadata namespaces. No `on…` event handler, no value holding
//!   `javascript:` or `vbscript:`. An animation may change only an allowed
//!   attribute other than a link.
//! - **CSS** (`style` attributes, `<style>` text, and every presentation
//!   value): `url(…)` to an `#id` only; no `image-set(`, `image(`,
//!   `cross-fade(`, `element(`, `expression(`, `javascript:`, no
//!   backslash escape (it can spell any of these); in a `<style>` sheet no
//!   at-rule but `@media` and `@keyframes` (so no `@import`, no
//!   `@font-face`).
//! - **Document**: no DOCTYPE (entities could hide what the drawing holds;
//!   an editor's export opens without it), no processing instruction
//!   (`<?xml-stylesheet?>`).

use std::fmt;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Editors' own namespaces: their elements and attributes are data that
/// browsers ignore.
const EDITOR_NAMESPACES: [&str; 2] =
    ["http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"];

/// Namespaces of a `<metadata>` element's content (licence, title, author).
const METADATA_NAMESPACES: [&str; 4] = [
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
];

/// The SVG elements a drawing may have (names as SVG spells them).
pub const ELEMENTS: &[&str] = &[
    // structure
    "svg",
    "g",
    "defs",
    "symbol",
    "use",
    "switch",
    "title",
    "desc",
    "metadata",
    "style",
    // shapes and text
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "image",
    // paint servers, clipping, masking, markers
    "linearGradient",
    "radialGradient",
    "stop",
    "pattern",
    "clipPath",
    "mask",
    "marker",
    // filters (not feImage, which loads an image by its href)
    "filter",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
    // animations, of allowed attributes only
    "animate",
    "animateMotion",
    "animateTransform",
    "set",
    "mpath",
];

const ANIMATIONS: [&str; 4] = ["animate", "animateMotion", "animateTransform", "set"];

/// The attributes without a namespace a drawing's elements may have
/// (besides `aria-*` and `data-*`, and `href`, checked apart).
pub const ATTRIBUTES: &[&str] = &[
    // core, structure
    "id",
    "class",
    "style",
    "lang",
    "role",
    "tabindex",
    "focusable",
    "version",
    "baseProfile",
    "viewBox",
    "preserveAspectRatio",
    "transform",
    "width",
    "height",
    "x",
    "y",
    "type",
    "media",
    "requiredExtensions",
    "requiredFeatures",
    "systemLanguage",
    // geometry and text layout
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "d",
    "points",
    "pathLength",
    "dx",
    "dy",
    "rotate",
    "textLength",
    "lengthAdjust",
    "startOffset",
    "method",
    "spacing",
    "side",
    // paint servers, clipping, masking, markers
    "fx",
    "fy",
    "fr",
    "offset",
    "gradientUnits",
    "gradientTransform",
    "spreadMethod",
    "patternUnits",
    "patternContentUnits",
    "patternTransform",
    "clipPathUnits",
    "maskUnits",
    "maskContentUnits",
    "markerUnits",
    "markerWidth",
    "markerHeight",
    "refX",
    "refY",
    "orient",
    // filter primitives
    "filterUnits",
    "primitiveUnits",
    "in",
    "in2",
    "result",
    "mode",
    "operator",
    "k1",
    "k2",
    "k3",
    "k4",
    "stdDeviation",
    "edgeMode",
    "values",
    "tableValues",
    "slope",
    "intercept",
    "amplitude",
    "exponent",
    "order",
    "kernelMatrix",
    "divisor",
    "bias",
    "targetX",
    "targetY",
    "preserveAlpha",
    "kernelUnitLength",
    "surfaceScale",
    "diffuseConstant",
    "specularConstant",
    "specularExponent",
    "scale",
    "xChannelSelector",
    "yChannelSelector",
    "azimuth",
    "elevation",
    "z",
    "pointsAtX",
    "pointsAtY",
    "pointsAtZ",
    "limitingConeAngle",
    "radius",
    "baseFrequency",
    "numOctaves",
    "seed",
    "stitchTiles",
    // animation timing and values
    "attributeName",
    "attributeType",
    "from",
    "to",
    "by",
    "begin",
    "dur",
    "end",
    "min",
    "max",
    "restart",
    "repeatCount",
    "repeatDur",
    "calcMode",
    "keyTimes",
    "keySplines",
    "keyPoints",
    "additive",
    "accumulate",
    "path",
    // presentation attributes
    "alignment-baseline",
    "baseline-shift",
    "clip",
    "clip-path",
    "clip-rule",
    "color",
    "color-interpolation",
    "color-interpolation-filters",
    "color-rendering",
    "direction",
    "display",
    "dominant-baseline",
    "enable-background",
    "fill",
    "fill-opacity",
    "fill-rule",
    "filter",
    "flood-color",
    "flood-opacity",
    "font",
    "font-family",
    "font-size",
    "font-size-adjust",
    "font-stretch",
    "font-style",
    "font-variant",
    "font-weight",
    "glyph-orientation-horizontal",
    "glyph-orientation-vertical",
    "image-rendering",
    "isolation",
    "kerning",
    "letter-spacing",
    "lighting-color",
    "marker",
    "marker-end",
    "marker-mid",
    "marker-start",
    "mask",
    "mask-type",
    "mix-blend-mode",
    "opacity",
    "overflow",
    "paint-order",
    "pointer-events",
    "shape-rendering",
    "solid-color",
    "solid-opacity",
    "stop-color",
    "stop-opacity",
    "stroke",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-opacity",
    "stroke-width",
    "text-anchor",
    "text-decoration",
    "text-rendering",
    "transform-origin",
    "unicode-bidi",
    "vector-effect",
    "visibility",
    "word-spacing",
    "writing-mode",
];

/// Attributes an animation may not change even though an element may
/// have them: what they change is a link, a style sheet or a name.
const NOT_ANIMATED: [&str; 5] = ["href", "style", "class", "id", "attributeName"];

/// CSS functions that fetch by a string, or run script (old Internet
/// Explorer), lower case.
const CSS_FUNCTIONS: [&str; 5] = ["image-set(", "image(", "cross-fade(", "element(", "expression("];

/// At-rules a `<style>` sheet may have.
const AT_RULES: [&str; 2] = ["media", "keyframes"];

/// Why a drawing is refused, said in English for the command line; each
/// names the line (1 for the first) of what to remove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SvgHazard {
    /// Not UTF-8 or not well-formed XML: what the parser said.
    NotXml(String),
    /// A DOCTYPE (with or without entities).
    Doctype { line: u32 },
    /// A processing instruction (`<?xml-stylesheet?>`): its target.
    Instruction { target: String, line: u32 },
    /// An element not on the list: its name as written, and its namespace
    /// when it is not SVG's.
    Element { name: String, namespace: Option<String>, line: u32 },
    /// An attribute not on the list (an event handler among them).
    Attribute { element: String, name: String, line: u32 },
    /// A `javascript:` or `vbscript:` value (the attribute's name).
    ScriptValue { attribute: String, line: u32 },
    /// A link to outside the drawing: the attribute (or `style`) and where.
    OutsideLink { attribute: String, target: String, line: u32 },
    /// CSS that can load from outside or hide how it does: where (an
    /// attribute, or `<style>`) and what.
    UnsafeCss { attribute: String, what: String, line: u32 },
    /// An animation of an attribute it may not change.
    AnimatedAttribute { name: String, line: u32 },
}

impl fmt::Display for SvgHazard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SvgHazard::NotXml(why) => write!(f, "not a well-formed SVG document ({why})"),
            SvgHazard::Doctype { line } => write!(
                f,
                "unsafe SVG: line {line}: it has a DOCTYPE, whose entities can hide what the drawing holds; \
                 remove it"
            ),
            SvgHazard::Instruction { target, line } => {
                write!(f, "unsafe SVG: line {line}: it has a processing instruction (<?{target}?>)")
            }
            SvgHazard::Element { name, namespace: Some(namespace), line } => {
                write!(f, "unsafe SVG: line {line}: element <{name}> is not an SVG element (namespace {namespace})")
            }
            SvgHazard::Element { name, namespace: None, line } => write!(
                f,
                "unsafe SVG: line {line}: element <{name}> is not allowed \
                 (only drawing elements: shapes, text, gradients, clips, masks, filters)"
            ),
            SvgHazard::Attribute { element, name, line } if name.to_ascii_lowercase().starts_with("on") => write!(
                f,
                "unsafe SVG: line {line}: attribute {name} of <{element}> is an event handler, which runs a script"
            ),
            SvgHazard::Attribute { element, name, line } => {
                write!(f, "unsafe SVG: line {line}: attribute {name} of <{element}> is not allowed")
            }
            SvgHazard::ScriptValue { attribute, line } => {
                write!(f, "unsafe SVG: line {line}: its {attribute} attribute holds a script")
            }
            SvgHazard::OutsideLink { attribute, target, line } => write!(
                f,
                "unsafe SVG: line {line}: its {attribute} links outside the drawing ({target}); \
                 only #ids are allowed, and in <image> embedded PNG, JPEG, GIF or WebP data"
            ),
            SvgHazard::UnsafeCss { attribute, what, line } => {
                write!(f, "unsafe SVG: line {line}: its {attribute} has {what}")
            }
            SvgHazard::AnimatedAttribute { name, line } => {
                write!(f, "unsafe SVG: line {line}: it animates the {name} attribute")
            }
        }
    }
}

/// Whether `target` (an `href` or a CSS `url(…)`) is an id of the drawing.
fn local(target: &str) -> bool {
    target.trim().starts_with('#')
}

/// Whether `target` is embedded raster data an `<image>` may show.
fn embedded_raster(target: &str) -> bool {
    let squeezed: String = target.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    ["png", "jpeg", "jpg", "gif", "webp"].iter().any(|kind| {
        squeezed
            .strip_prefix("data:image/")
            .and_then(|rest| rest.strip_prefix(kind))
            .is_some_and(|rest| rest.starts_with(';') || rest.starts_with(','))
    })
}

/// The first hazard of some CSS: `attribute` says where it is, `sheet`
/// whether it is a `<style>` sheet (where at-rules can be).
fn css_hazard(attribute: &str, css: &str, sheet: bool, line: u32) -> Option<SvgHazard> {
    let unsafe_css =
        |what: &str| Some(SvgHazard::UnsafeCss { attribute: attribute.to_string(), what: what.into(), line });
    // an escape can spell `url(` or `@import` without those letters
    if css.contains('\\') {
        return unsafe_css("a backslash escape");
    }
    let lower = css.to_ascii_lowercase();
    if lower.contains("javascript:") || lower.contains("vbscript:") {
        return unsafe_css("a script");
    }
    for function in CSS_FUNCTIONS {
        if lower.contains(function) {
            return unsafe_css(&format!("{function}…)"));
        }
    }
    if sheet || lower.contains("@import") {
        let mut rest = lower.as_str();
        while let Some(at) = rest.find('@') {
            rest = &rest[at + 1..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
            if !AT_RULES.contains(&name.as_str()) {
                return unsafe_css(&format!("an @{name} rule"));
            }
        }
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let inside = rest.split(')').next().unwrap_or(rest);
        let target = inside.trim().trim_matches(['"', '\'']);
        if !local(target) {
            return Some(SvgHazard::OutsideLink { attribute: attribute.to_string(), target: target.to_string(), line });
        }
    }
    None
}

/// A name as the document writes it: with the prefix its namespace has
/// there.
fn written_name(node: roxmltree::Node<'_, '_>, namespace: Option<&str>, local_name: &str) -> String {
    match namespace.and_then(|uri| node.lookup_prefix(uri)).filter(|prefix| !prefix.is_empty()) {
        Some(prefix) => format!("{prefix}:{local_name}"),
        None => local_name.to_string(),
    }
}

/// Whether an element of `namespace` is inert data that browsers ignore
/// (an editor's, or metadata inside `<metadata>`).
fn inert(node: roxmltree::Node<'_, '_>, namespace: &str) -> bool {
    EDITOR_NAMESPACES.contains(&namespace)
        || (METADATA_NAMESPACES.contains(&namespace)
            && node.ancestors().any(|a| a.tag_name().namespace() == Some(SVG_NS) && a.tag_name().name() == "metadata"))
}

fn line_of(document: &roxmltree::Document<'_>, position: usize) -> u32 {
    document.text_pos_at(position).row
}

/// The first hazard of one element: itself, then its attributes.
fn element_hazard(document: &roxmltree::Document<'_>, node: roxmltree::Node<'_, '_>) -> Option<SvgHazard> {
    let tag = node.tag_name();
    let name = tag.name();
    let line = line_of(document, node.range().start);
    let written = written_name(node, tag.namespace(), name);
    let svg = match tag.namespace() {
        Some(SVG_NS) if ELEMENTS.contains(&name) => true,
        Some(SVG_NS) => return Some(SvgHazard::Element { name: written, namespace: None, line }),
        Some(namespace) if inert(node, namespace) => false,
        namespace => {
            let namespace = namespace.unwrap_or("none").to_string();
            return Some(SvgHazard::Element { name: written, namespace: Some(namespace), line });
        }
    };
    for attribute in node.attributes() {
        let line = line_of(document, attribute.range().start);
        let local_name = attribute.name();
        let attribute_name = written_name(node, attribute.namespace(), local_name);
        let value = attribute.value();
        let refused = || SvgHazard::Attribute { element: written.clone(), name: attribute_name.clone(), line };
        if local_name.to_ascii_lowercase().starts_with("on") {
            return Some(refused());
        }
        // browsers skip whitespace and control characters inside a scheme
        let squeezed: String =
            value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
        if squeezed.contains("javascript:") || squeezed.contains("vbscript:") {
            return Some(SvgHazard::ScriptValue { attribute: attribute_name, line });
        }
        let is_link = local_name == "href" && matches!(attribute.namespace(), None | Some(XLINK_NS));
        if is_link {
            if !(local(value) || (svg && name == "image" && embedded_raster(value))) {
                return Some(SvgHazard::OutsideLink { attribute: attribute_name, target: value.trim().into(), line });
            }
            continue;
        }
        match attribute.namespace() {
            None if !svg => {}
            None => {
                let known = ATTRIBUTES.contains(&local_name)
                    || local_name.starts_with("aria-")
                    || local_name.starts_with("data-");
                if !known {
                    return Some(refused());
                }
                if let Some(hazard) = css_hazard(&attribute_name, value, false, line) {
                    return Some(hazard);
                }
                if ANIMATIONS.contains(&name) && local_name == "attributeName" {
                    let target = value.trim().rsplit(':').next().unwrap_or("");
                    if !ATTRIBUTES.contains(&target) || NOT_ANIMATED.contains(&target) {
                        return Some(SvgHazard::AnimatedAttribute { name: value.trim().to_string(), line });
                    }
                }
            }
            Some(XML_NS) if matches!(local_name, "space" | "lang") => {}
            Some(namespace) if EDITOR_NAMESPACES.contains(&namespace) || METADATA_NAMESPACES.contains(&namespace) => {}
            Some(_) => return Some(refused()),
        }
    }
    if svg && name == "style" {
        // the sheet a browser reads: its text children joined, so that a
        // comment cannot split `url(` in two pieces checked apart
        // (text and CDATA nodes only: roxmltree's `text()` also gives a
        // comment's words and an element's first text, which a browser skips)
        let sheet: String = node.children().filter(|child| child.is_text()).filter_map(|child| child.text()).collect();
        if let Some(hazard) = css_hazard("<style>", &sheet, true, line) {
            return Some(hazard);
        }
    }
    None
}

/// The line of the first `<!DOCTYPE` in `text`.
fn doctype_line(text: &str) -> u32 {
    let before = text.find("<!DOCTYPE").map_or("", |at| &text[..at]);
    before.matches('\n').count() as u32 + 1
}

/// Whether an SVG document's bytes parse and have only what the allow-list
/// has (see the module's comment); the first hazard otherwise.
pub fn check_svg(bytes: &[u8]) -> Result<(), SvgHazard> {
    let text = std::str::from_utf8(bytes).map_err(|_| SvgHazard::NotXml("not UTF-8".to_string()))?;
    let options = roxmltree::ParsingOptions { allow_dtd: false, ..roxmltree::ParsingOptions::default() };
    let document = match roxmltree::Document::parse_with_options(text, options) {
        Ok(document) => document,
        Err(roxmltree::Error::DtdDetected) => return Err(SvgHazard::Doctype { line: doctype_line(text) }),
        Err(e) => return Err(SvgHazard::NotXml(e.to_string())),
    };
    for node in document.descendants() {
        if let Some(pi) = node.pi() {
            let line = line_of(&document, node.range().start);
            return Err(SvgHazard::Instruction { target: pi.target.to_string(), line });
        }
        if node.is_element()
            && let Some(hazard) = element_hazard(&document, node)
        {
            return Err(hazard);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
