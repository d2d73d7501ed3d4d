//! Whatever a writer types, the article HTML holds no markup but the few
//! tags the renderer writes itself, and only safe link schemes.

use proptest::prelude::*;
use vigie_render::article::{html, parse};

const ALLOWED: [&str; 14] =
    ["p", "h3", "h4", "h5", "ul", "ol", "li", "blockquote", "hr", "br", "strong", "em", "code", "a"];

proptest! {
    #[test]
    fn only_the_renderers_tags_come_out(input in "(\\PC|[<>&\"'*_\\[\\]()#>`-]|\n|javascript:|<script>|<img src=x onerror=y>){0,60}") {
        let out = html(&parse(&input));
        let mut rest = out.as_str();
        while let Some(start) = rest.find('<') {
            let tag: String = rest[start + 1..]
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            prop_assert!(ALLOWED.contains(&tag.as_str()), "tag {tag:?} in {out:?}");
            rest = &rest[start + 1..];
        }
        for href in out.split("href=\"").skip(1) {
            let lower = href.to_ascii_lowercase();
            prop_assert!(lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"), "{out:?}");
        }
    }
}
