//! Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩) in the Arabic edition, when the
//! organisation's profile asks for them (`digits = "arabic-indic"`; Western
//! digits by default). The text of the HTML edition and of the charts is
//! converted after it is laid out, outside markup (tags, attributes, style,
//! character references);
//! the PDF template converts the text it sets with a show rule.

use serde::Deserialize;

/// The digits the Arabic edition prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Digits {
    #[default]
    Western,
    ArabicIndic,
}

impl Digits {
    /// `markup` (an edition's HTML, a chart's SVG) with these digits.
    pub fn in_markup(self, markup: String) -> String {
        match self {
            Digits::Western => markup,
            Digits::ArabicIndic => in_text(&markup),
        }
    }
}

/// `0`–`9` as Arabic-Indic digits.
fn arabic_indic(c: char) -> char {
    match c {
        '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
        _ => c,
    }
}

/// Appends `text` with its runs of digits as Arabic-Indic digits, but for
/// a run that touches a Latin letter ("CC0", "G5"): a code stays as written.
fn convert_runs(text: &str, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let latin = (start > 0 && chars[start - 1].is_ascii_alphabetic())
            || chars.get(i).is_some_and(|c| c.is_ascii_alphabetic());
        out.extend(chars[start..i].iter().map(|&c| if latin { c } else { arabic_indic(c) }));
    }
}

/// `markup` (HTML or SVG) with the digits of its text as Arabic-Indic
/// digits: nothing inside a tag (names, attributes, data URLs), a comment,
/// or a `style` or `script` element changes.
pub fn in_text(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len() + markup.len() / 8);
    let mut rest = markup;
    while !rest.is_empty() {
        if let Some(tag) = rest.strip_prefix('<') {
            // a raw-text element: copied up to its end tag
            let lower: String = tag.chars().take(7).collect::<String>().to_ascii_lowercase();
            let raw_end = if lower.starts_with("style") {
                Some("</style>")
            } else if lower.starts_with("script") {
                Some("</script>")
            } else if tag.starts_with("!--") {
                Some("-->")
            } else {
                None
            };
            let end = match raw_end {
                Some(close) => rest.find(close).map_or(rest.len(), |i| i + close.len()),
                None => rest.find('>').map_or(rest.len(), |i| i + 1),
            };
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if rest.starts_with('&') {
            // a character reference (`&#8207;`, `&amp;`): copied as it is
            let end = rest[1..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
                .map(|i| i + 1)
                .filter(|&i| rest[i..].starts_with(';'))
                .map_or(1, |i| i + 1);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else {
            let end = rest.find(['<', '&']).unwrap_or(rest.len());
            convert_runs(&rest[..end], &mut out);
            rest = &rest[end..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_text_changes() {
        let html = "<style>.a{width:10px}</style><p class=\"n2\">175 <img src=\"data:image/png;base64,AB12\">2023</p>\
                    <!-- 58 --><svg viewBox=\"0 0 10 10\"><text x=\"1\">17%</text></svg>";
        assert_eq!(
            in_text(html),
            "<style>.a{width:10px}</style><p class=\"n2\">١٧٥ <img src=\"data:image/png;base64,AB12\">٢٠٢٣</p>\
             <!-- 58 --><svg viewBox=\"0 0 10 10\"><text x=\"1\">١٧%</text></svg>"
        );
        assert_eq!(in_text("no markup 42"), "no markup ٤٢");
        assert_eq!(in_text("CC0 1.0, G5 2023"), "CC0 ١.٠, G5 ٢٠٢٣");
        assert_eq!(in_text("<t>&#8207;12&amp;3 & 4</t>"), "<t>&#8207;١٢&amp;٣ & ٤</t>");
        assert_eq!(in_text("<unclosed 12"), "<unclosed 12");
    }
}
