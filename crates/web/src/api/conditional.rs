//! Conditional requests on records (RFC 9110): every record read gets a
//! strong `ETag`, the fingerprint of its version (`version.rs`, what the
//! forms carry); a change must say which version it changes with
//! `If-Match` (428 without one, 412 when the record changed since).

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};

use super::problem::Problem;

/// The `ETag` of a version's fingerprint.
pub fn etag(fingerprint: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{fingerprint}\"")).unwrap_or(HeaderValue::from_static("\"\""))
}

/// 428 when a change does not say which version it changes: checked
/// first, before the values (422) and the version's match (412).
pub fn require_present(headers: &HeaderMap) -> Result<(), Problem> {
    if headers.get(header::IF_MATCH).is_none() {
        return Err(Problem::new(StatusCode::PRECONDITION_REQUIRED, "precondition-required", "api-error-if-match"));
    }
    Ok(())
}

/// Whether `If-Match` names `current`: else the refusal, 428 without the
/// header, 412 when none of its tags is the current one (`*` matches any
/// existing record; a weak tag never matches, as a strong comparison
/// requires).
pub fn require_match(headers: &HeaderMap, current: &str) -> Result<(), Problem> {
    require_present(headers)?;
    let values: Vec<&str> = headers.get_all(header::IF_MATCH).iter().filter_map(|v| v.to_str().ok()).collect();
    let matches =
        values.iter().flat_map(|v| v.split(',')).map(str::trim).any(|tag| {
            tag == "*" || tag.strip_prefix('"').and_then(|t| t.strip_suffix('"')).is_some_and(|t| t == current)
        });
    if matches {
        Ok(())
    } else {
        Err(Problem::new(StatusCode::PRECONDITION_FAILED, "precondition-failed", "api-error-changed")
            .with_header(header::ETAG, etag(current)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_MATCH, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn only_the_current_strong_tag_matches() {
        assert_eq!(require_match(&HeaderMap::new(), "abc").unwrap_err().status, StatusCode::PRECONDITION_REQUIRED);
        assert!(require_match(&with("\"abc\""), "abc").is_ok());
        assert!(require_match(&with("\"x\", \"abc\""), "abc").is_ok());
        assert!(require_match(&with("*"), "abc").is_ok());
        assert_eq!(require_match(&with("\"abd\""), "abc").unwrap_err().status, StatusCode::PRECONDITION_FAILED);
        assert_eq!(require_match(&with("W/\"abc\""), "abc").unwrap_err().status, StatusCode::PRECONDITION_FAILED);
        assert_eq!(require_match(&with("abc"), "abc").unwrap_err().status, StatusCode::PRECONDITION_FAILED);
    }
}
