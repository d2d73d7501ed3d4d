//! The small pieces every chart is drawn with: escaping, number formatting
//! of coordinates, axis steps, and the palette.

/// The palette: the same colour means the same measure in every chart of
/// every edition.
pub const OPERATIONS: &str = "#1f4e79";
pub const VICTIMS: &str = "#c0392b";
pub const GRID: &str = "#d9dde3";
pub const INK: &str = "#1b1f24";
pub const MUTED: &str = "#5b6470";

/// Latin first, then Arabic: each script finds its font in the PDF (the
/// committed fonts) and in a browser.
pub const FONTS_LATIN: &str = "Noto Sans, Noto Naskh Arabic, sans-serif";
pub const FONTS_ARABIC: &str = "Noto Naskh Arabic, Noto Sans, sans-serif";

/// Escapes text for an SVG text node or attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text, isolated right-to-left when `rtl`: SVG renderers (Typst's
/// among them) ignore `direction="rtl"`, but honour the isolates.
pub fn label(text: &str, rtl: bool) -> String {
    if rtl { format!("&#x2067;{}&#x2069;", escape(text)) } else { escape(text) }
}

/// Escaped text someone typed (a group's name), isolated in the direction
/// of its first strong letter (FIRST STRONG ISOLATE, as HTML's `<bdi>`), in
/// every edition: "Wagner Ltd." in an Arabic chart keeps its full stop
/// after "Ltd", an Arabic name in a French chart reads from the right.
pub fn data_label(text: &str) -> String {
    format!("&#x2068;{}&#x2069;", escape(text))
}

/// A coordinate with at most one decimal, without a trailing `.0`, so that
/// output is short and stable.
pub fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 { format!("{}", rounded as i64) } else { format!("{rounded:.1}") }
}

/// The axis step and the axis maximum for values up to `max`: a step of 1, 2
/// or 5 times a power of ten giving at most `ticks` intervals.
pub fn axis(max: u64, ticks: u64) -> (u64, u64) {
    if max == 0 {
        return (1, 1);
    }
    let mut magnitude = 1;
    loop {
        for factor in [1, 2, 5] {
            let step = factor * magnitude;
            if max.div_ceil(step) <= ticks {
                return (step, max.div_ceil(step) * step);
            }
        }
        magnitude *= 10;
    }
}

/// The opening of a chart: the `<svg>` element (fonts for the edition's
/// script, `direction="ltr"` since charts are mirrored by their
/// coordinates), its accessible title and the visible title on the reading
/// side. `id` is already escaped; `class` is added when given.
pub fn open(id: &str, class: Option<&str>, width: f64, height: f64, title: &str, rtl: bool) -> String {
    let fonts = if rtl { FONTS_ARABIC } else { FONTS_LATIN };
    let class = class.map(|c| format!(" class=\"{c}\"")).unwrap_or_default();
    let (title_x, anchor) = if rtl { (width - 12.0, "end") } else { (12.0, "start") };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         role=\"img\" aria-labelledby=\"{id}-title\" font-family=\"{fonts}\" font-size=\"12\" fill=\"{INK}\" direction=\"ltr\"{class}>\n\
         <title id=\"{id}-title\">{}</title>\n<text x=\"{}\" y=\"22\" font-size=\"15\" font-weight=\"bold\" text-anchor=\"{anchor}\">{}</text>\n",
        escape(title),
        num(title_x),
        label(title, rtl),
        w = num(width),
        h = num(height),
    )
}

/// Shortens a label to `max` characters, with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
        short = short.trim_end().to_string();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(axis(0, 5), (1, 1));
        assert_eq!(axis(3, 5), (1, 3));
        assert_eq!(axis(7, 5), (2, 8));
        assert_eq!(axis(98, 5), (20, 100));
        assert_eq!(axis(167, 5), (50, 200));
        assert_eq!(axis(1000, 5), (200, 1000));
    }

    #[test]
    fn escaping_and_isolates() {
        assert_eq!(escape("<a & 'b'>\""), "&lt;a &amp; &#39;b&#39;&gt;&quot;");
        assert_eq!(label("x<y", true), "&#x2067;x&lt;y&#x2069;");
        assert_eq!(data_label("Wagner & Co."), "&#x2068;Wagner &amp; Co.&#x2069;");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(shorten("Armed assault", 8), "Armed a…");
        assert_eq!(shorten("Ambush", 8), "Ambush");
    }
}
