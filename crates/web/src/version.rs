//! The fingerprint of a record as an edit form showed it, carried by the
//! form in the hidden field [`FIELD`]. A save compares it with the stored
//! record in the same store call as the write: a form opened before
//! someone else's change is refused (409, nothing written) rather than
//! silently overwriting that change. One function for incidents, register
//! records and article versions, each giving its values in a fixed order.

use sha2::{Digest, Sha256};

use crate::util::hex;

/// The form field that carries the fingerprint.
pub const FIELD: &str = "version";

/// SHA-256 (hex) of a record's canonical serialisation: its values in
/// order, each preceded by its length, so that two different lists of
/// values never give the same bytes.
pub fn fingerprint<S: AsRef<str>>(values: impl IntoIterator<Item = S>) -> String {
    let mut hasher = Sha256::new();
    for value in values {
        let bytes = value.as_ref().as_bytes();
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    }
    hex(&hasher.finalize())
}

/// Whether the fingerprint a form sent is `current`, the stored record's;
/// a form that sent none proves nothing and is not current.
pub fn is_current(sent: Option<&str>, current: &str) -> bool {
    sent.map(str::trim) == Some(current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_change_of_a_value_changes_the_fingerprint() {
        let shown = fingerprint(["a", "b", ""]);
        assert_eq!(shown.len(), 64);
        assert_eq!(shown, fingerprint(vec!["a".to_string(), "b".into(), String::new()]));
        assert_ne!(shown, fingerprint(["a", "c", ""]));
        assert_ne!(shown, fingerprint(["a", "b"]), "an empty value counts");
    }

    #[test]
    fn values_cannot_trade_characters_across_their_bounds() {
        assert_ne!(fingerprint(["ab", "c"]), fingerprint(["a", "bc"]));
        assert_ne!(fingerprint(["a|b"]), fingerprint(["a", "b"]));
    }

    #[test]
    fn only_the_stored_fingerprint_is_current() {
        let current = fingerprint(["x"]);
        assert!(is_current(Some(&current), &current));
        assert!(is_current(Some(&format!(" {current}\n")), &current));
        assert!(!is_current(Some(&fingerprint(["y"])), &current));
        assert!(!is_current(Some(""), &current));
        assert!(!is_current(None, &current));
    }
}
