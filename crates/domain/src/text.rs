//! What typed text may hold, for every validator: no control character
//! (NUL, escape, …) but line breaks and tabs where lines are allowed, no
//! bidirectional embedding, override or isolate (U+202A–U+202E,
//! U+2066–U+2069: they reorder what a reader sees, "exe.txt" shown for
//! "txt.exe"; the bulletin adds its own isolates where it needs them), and
//! no other invisible character (zero-width space, word joiner, byte order
//! mark, soft hyphen, Hangul fillers, tags, the line and paragraph
//! separators): "G\u{200B}ao" is not "Gao" to a search or a duplicate
//! check, yet looks the same. Joiners (U+200C, U+200D), marks (U+200E,
//! U+200F, U+061C) and variation selectors stay: Arabic and Persian
//! spelling, and emoji, use them.

use crate::validate::{FieldError, FieldErrorKind};

/// A bidirectional embedding, override or isolate.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is a `Default_Ignorable_Code_Point` (Unicode's
/// DerivedCoreProperties.txt, 15.1): characters drawn as nothing (zero
/// widths, joiners, text-direction marks, variation selectors, tags).
pub fn is_default_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{34F}'
            | '\u{61C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// A letter of the Arabic script (the Arabic blocks and presentation
/// forms), not its digits or punctuation.
pub fn is_arabic_letter(c: char) -> bool {
    let arabic = matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}');
    arabic && c.is_alphabetic()
}

/// A character a reader cannot see that text may not hold (see the
/// module's comment): bidirectional controls and the invisible ones.
pub fn is_invisible(c: char) -> bool {
    let spelling = matches!(c, '\u{200C}'..='\u{200F}' | '\u{061C}' | '\u{FE00}'..='\u{FE0F}');
    // also the braille blank and the interlinear annotation marks: drawn as nothing
    let blank = matches!(c, '\u{2028}' | '\u{2029}' | '\u{2800}' | '\u{FFF9}'..='\u{FFFB}');
    is_bidi_control(c) || blank || (is_default_ignorable(c) && !spelling)
}

/// The first character `value` may not hold, with its position (1 for the
/// first character); line breaks and tabs are allowed when `lines`.
pub fn forbidden_character(value: &str, lines: bool) -> Option<(usize, char)> {
    let allowed = |c: char| lines && matches!(c, '\n' | '\r' | '\t');
    value
        .chars()
        .enumerate()
        .find(|&(_, c)| (c.is_control() && !allowed(c)) || is_invisible(c))
        .map(|(i, c)| (i + 1, c))
}

/// `value` safe to print on a terminal: every control and invisible
/// character written as its escape (`\u{1b}`), so that stored text (a
/// login's typed email, older data) cannot colour, retitle or forge lines
/// of an operator's terminal.
pub fn escaped(value: &str) -> String {
    if !value.chars().any(|c| c.is_control() || is_invisible(c)) {
        return value.to_string();
    }
    value
        .chars()
        .map(|c| if c.is_control() || is_invisible(c) { format!("\\u{{{:x}}}", c as u32) } else { c.to_string() })
        .collect()
}

/// How many characters of a value a message echoes.
pub const ECHOED_CHARS: usize = 120;

/// A value someone gave (a cell, a header, an argument), as any message
/// echoes it back: cut after `ECHOED_CHARS` characters (then `…`), every
/// control and invisible character escaped, so that a 200 MB header or an
/// escape sequence can neither flood nor drive a terminal or a page.
pub fn echoed(value: &str) -> String {
    escaped(&cut(value))
}

/// `echoed` between double quotes, a quote or backslash inside escaped:
/// `(got "…")` in a located problem.
pub fn quoted(value: &str) -> String {
    format!("\"{}\"", escaped(&cut(value).replace('\\', "\\\\").replace('"', "\\\"")))
}

fn cut(value: &str) -> std::borrow::Cow<'_, str> {
    match value.char_indices().nth(ECHOED_CHARS) {
        Some((end, _)) => format!("{}…", &value[..end]).into(),
        None => value.into(),
    }
}

/// The error of a `column` whose `value` holds a forbidden character, if
/// it does.
pub fn check(column: &str, value: &str, lines: bool) -> Option<FieldError> {
    let (position, c) = forbidden_character(value, lines)?;
    let code = format!("U+{:04X}", c as u32);
    // the value without it, so that a message shows nothing that reorders the line
    let shown: String = value.chars().filter(|&c| !c.is_control() && !is_invisible(c)).collect();
    Some(FieldError::new(column, FieldErrorKind::HiddenCharacter { code, position }, shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_controls_and_bidi_overrides_are_found_where_they_are() {
        assert_eq!(forbidden_character("Djibo", false), None);
        assert_eq!(forbidden_character("a\0b", false), Some((2, '\0')));
        assert_eq!(forbidden_character("file\u{202E}gpj.exe", false), Some((5, '\u{202E}')));
        assert_eq!(forbidden_character("\u{2066}x", true), Some((1, '\u{2066}')));
        assert_eq!(forbidden_character("\u{1b}[31m", true), Some((1, '\u{1b}')));
        // lines where lines are allowed, Arabic joiners and marks always
        assert_eq!(forbidden_character("one\r\ntwo\tthree", true), None);
        assert_eq!(forbidden_character("one\ntwo", false), Some((4, '\n')));
        assert_eq!(forbidden_character("می\u{200C}خواهم \u{200F}غاو", false), None);
    }

    #[test]
    fn invisible_characters_are_found_and_spelling_marks_kept() {
        for (text, at) in [
            ("G\u{200B}ao", 2),
            ("\u{FEFF}Gao", 1),
            ("Ga\u{2060}o", 3),
            ("Gao\u{E0041}", 4),
            ("so\u{AD}ft", 3),
            ("\u{3164}", 1),
            ("one\u{2028}two", 4),
            ("\u{2800}\u{2800}", 1),
            ("a\u{FFF9}b", 2),
        ] {
            assert_eq!(forbidden_character(text, true).map(|(i, _)| i), Some(at), "{text:?}");
        }
        for text in ["ت\u{200D}ك", "\u{061C}١٢", "\u{2764}\u{FE0F}"] {
            assert_eq!(forbidden_character(text, false), None, "{text:?}");
        }
    }

    #[test]
    fn escaped_text_holds_nothing_a_terminal_runs() {
        assert_eq!(escaped("Gao"), "Gao");
        assert_eq!(escaped("x\u{1b}[31mRED\u{7}\r\nfake"), "x\\u{1b}[31mRED\\u{7}\\u{d}\\u{a}fake");
        assert_eq!(escaped("a\u{202E}b"), "a\\u{202e}b");
        assert_eq!(escaped("غاو"), "غاو");
    }

    #[test]
    fn echoed_values_are_cut_and_escaped() {
        assert_eq!(echoed("Gao"), "Gao");
        let long = "\u{1b}[31m".repeat(1000);
        let shown = echoed(&long);
        assert!(shown.chars().count() < 2 * ECHOED_CHARS * 6 && shown.ends_with('…'), "{shown}");
        assert!(!shown.contains('\u{1b}'));
        assert_eq!(echoed(&"é".repeat(ECHOED_CHARS)), "é".repeat(ECHOED_CHARS));
        assert_eq!(echoed(&"é".repeat(ECHOED_CHARS + 1)), format!("{}…", "é".repeat(ECHOED_CHARS)));
        assert_eq!(quoted(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(quoted("x\u{7}"), r#""x\u{7}""#);
    }

    #[test]
    fn the_message_says_which_character_and_where() {
        let error = check("location", "Gao\u{202E}", false).unwrap();
        assert_eq!((error.column.as_str(), error.value.as_str()), ("location", "Gao"));
        assert_eq!(error.kind, FieldErrorKind::HiddenCharacter { code: "U+202E".into(), position: 4 });
        assert!(check("location", "Gao", false).is_none());
    }
}
