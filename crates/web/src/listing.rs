//! What the lists share (incidents, activities, notes, articles, the audit
//! log): the values of their filters, the query strings of their links,
//! their pages, and the download of an export.

use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use minijinja::Value;
use vigie_store::StoreError;

/// A parameter's value, trimmed, when one was given.
pub fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// A parameter's value, trimmed; empty when none was given.
pub fn text(value: &Option<String>) -> &str {
    given(value).unwrap_or_default()
}

/// The query string of the pairs whose value is not blank, in order.
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    let pairs: Vec<(&str, &str)> = pairs.iter().copied().filter(|(_, v)| !v.trim().is_empty()).collect();
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// A list's pages: the one shown (from 1), how many there are, and how
/// many rows a page holds.
pub struct Pages {
    pub number: usize,
    pub count: usize,
    size: usize,
}

impl Pages {
    /// The page `requested` (the first by default, the last at most) of
    /// `total` rows, `size` a page.
    pub fn new(requested: Option<usize>, total: usize, size: usize) -> Pages {
        let count = total.div_ceil(size).max(1);
        Pages { number: requested.unwrap_or(1).clamp(1, count), count, size }
    }

    /// Page `number` (from 1), even past the last, of `total` rows: for a
    /// list that reads its page before it knows its length.
    pub fn at(number: usize, total: usize, size: usize) -> Pages {
        Pages { number: number.max(1), count: total.div_ceil(size).max(1), size }
    }

    /// The rows of the page among `total`.
    pub fn range(&self, total: usize) -> std::ops::Range<usize> {
        let start = (self.number - 1).saturating_mul(self.size);
        start.min(total)..start.saturating_add(self.size).min(total)
    }

    /// `page`, `pages`, `previous`, `next` for the template; `link` makes
    /// the address of a page.
    pub fn values(&self, link: impl Fn(usize) -> String) -> Value {
        minijinja::context! {
            page => self.number,
            pages => self.count,
            previous => (self.number > 1).then(|| link(self.number - 1)),
            next => (self.number < self.count).then(|| link(self.number + 1)),
        }
    }
}

/// An export's bytes as a file to download.
pub fn download(content_type: &str, file: &str, bytes: Vec<u8>) -> Response {
    ([(CONTENT_TYPE, content_type), (CONTENT_DISPOSITION, &format!("attachment; filename=\"{file}\""))], bytes)
        .into_response()
}

/// A writer's error while an export is written on the store's thread.
pub fn write_error(error: impl std::error::Error + Send + Sync + 'static) -> StoreError {
    StoreError::Visitor(Box::new(error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_stay_in_range() {
        let pages = Pages::new(Some(9), 120, 50);
        assert_eq!((pages.number, pages.count), (3, 3));
        assert_eq!(pages.range(120), 100..120);
        assert_eq!(Pages::new(None, 0, 50).range(0), 0..0);
        assert_eq!(Pages::new(Some(0), 10, 50).number, 1);
    }

    #[test]
    fn a_page_past_the_last_is_empty_and_links_back() {
        let pages = Pages::at(5, 120, 50);
        assert_eq!((pages.number, pages.count), (5, 3));
        assert_eq!(pages.range(120), 120..120);
        let values = pages.values(|n| format!("?page={n}"));
        assert_eq!(values.get_attr("previous").unwrap().to_string(), "?page=4");
        assert!(values.get_attr("next").unwrap().is_none());
    }

    #[test]
    fn blank_values_are_left_out_of_a_query_string() {
        assert_eq!(query_string(&[("search", "Gao Kidal"), ("kind", " "), ("page", "2")]), "search=Gao+Kidal&page=2");
        assert_eq!(given(&Some("  x ".into())), Some("x"));
        assert_eq!(given(&Some("  ".into())), None);
    }
}
