//! What typed text may hold, for every validator: no control character
//! (NUL, escape, …) but line breaks and tabs where lines are allowed, and
//! no bidirectional embedding, override or isolate (U+202A–U+202E,
//! U+2066–U+2069): those reorder what a reader sees ("exe.txt" shown for
//! "txt.exe"), and the bulletin adds its own isolates where it needs them.
//! Joiners (U+200C, U+200D) and marks (U+200E, U+200F) stay: Arabic and
//! Persian spelling uses them.

use crate::validate::{FieldError, FieldErrorKind};

/// A bidirectional embedding, override or isolate.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The first character `value` may not hold, with its position (1 for the
/// first character); line breaks and tabs are allowed when `lines`.
pub fn forbidden_character(value: &str, lines: bool) -> Option<(usize, char)> {
    let allowed = |c: char| lines && matches!(c, '\n' | '\r' | '\t');
    value
        .chars()
        .enumerate()
        .find(|&(_, c)| (c.is_control() && !allowed(c)) || is_bidi_control(c))
        .map(|(i, c)| (i + 1, c))
}

/// The error of a `column` whose `value` holds a forbidden character, if
/// it does.
pub fn check(column: &str, value: &str, lines: bool) -> Option<FieldError> {
    let (position, c) = forbidden_character(value, lines)?;
    let code = format!("U+{:04X}", c as u32);
    let message = format!("holds the invisible character {code} at character {position}: remove it");
    // the value without it, so that a message shows nothing that reorders the line
    let shown: String = value.chars().filter(|&c| !c.is_control() && !is_bidi_control(c)).collect();
    Some(FieldError::new(column, message, shown).with_kind(FieldErrorKind::HiddenCharacter { code, position }))
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
    fn the_message_says_which_character_and_where() {
        let error = check("location", "Gao\u{202E}", false).unwrap();
        assert_eq!(
            error.to_string(),
            r#"column location: holds the invisible character U+202E at character 4: remove it (got "Gao")"#
        );
        assert_eq!(error.kind, FieldErrorKind::HiddenCharacter { code: "U+202E".into(), position: 4 });
        assert!(check("location", "Gao", false).is_none());
    }
}
