//! What the audit log keeps of an article change: each front matter value
//! that changed, before and after. A body is kept in full up to
//! [`BODY_IN_FULL`] bytes (nearly every news item); a longer one is kept as
//! its length and SHA-256, enough to tell which text a version had without
//! copying long texts into the log at every edit.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use vigie_domain::{Article, FieldChange};

use crate::util::hex;

/// The longest body the log keeps as text, in bytes.
pub const BODY_IN_FULL: usize = 8 * 1024;

fn body_value(body: &str) -> Value {
    if body.len() <= BODY_IN_FULL {
        Value::from(body)
    } else {
        json!({ "characters": body.chars().count(), "sha256": hex(&Sha256::digest(body.as_bytes())) })
    }
}

/// The audited values of a version, by field.
fn values(article: &Article) -> Vec<(&'static str, Value)> {
    let images: Vec<String> = article
        .images
        .iter()
        .map(|i| {
            let credit = if i.credit.is_empty() { String::new() } else { format!(" [{}]", i.credit) };
            format!("{} ({}) {}{credit}", i.file, &i.hash[..i.hash.len().min(12)], i.caption).trim_end().to_string()
        })
        .collect();
    vec![
        ("date", Value::from(article.date.to_string())),
        ("title", Value::from(article.title.as_str())),
        ("subtitle", Value::from(article.subtitle.as_str())),
        ("kind", Value::from(article.kind.code())),
        ("domains", Value::from(article.domains.iter().map(|d| d.code()).collect::<Vec<_>>().join(" ; "))),
        ("author", Value::from(article.author.as_str())),
        ("author_title", Value::from(article.author_title.as_str())),
        ("status", Value::from(article.status.code())),
        ("featured", Value::from(article.featured)),
        ("images", Value::from(images.join(" ; "))),
        ("body", body_value(&article.body)),
    ]
}

/// The fields that differ between `before` (`None`: a new version, every
/// field from `null`) and `after`.
pub fn changes(before: Option<&Article>, after: &Article) -> Vec<FieldChange> {
    let after = values(after);
    match before {
        None => after.into_iter().map(|(field, value)| FieldChange::new(field, Value::Null, value)).collect(),
        Some(before) => values(before)
            .into_iter()
            .zip(after)
            .filter(|((_, old), (_, new))| old != new)
            .map(|((field, old), (_, new))| FieldChange::new(field, old, new))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::article::{RawArticle, validate_article};

    fn article(body: &str) -> Article {
        let raw = RawArticle {
            id: Some("a".into()),
            lang: Some("fr".into()),
            date: Some("2024-01-05".into()),
            title: Some("Titre".into()),
            body: body.into(),
            ..RawArticle::default()
        };
        validate_article(&raw).unwrap().0
    }

    #[test]
    fn only_what_changed() {
        let before = article("Un.");
        let mut after = before.clone();
        after.title = "Autre titre".into();
        let found = changes(Some(&before), &after);
        assert_eq!(found, [FieldChange::new("title", "Titre", "Autre titre")]);
        assert!(changes(Some(&before), &before).is_empty());
        let created = changes(None, &before);
        assert_eq!(created.len(), 11);
        assert!(created.iter().all(|c| c.before.is_null()));
    }

    #[test]
    fn a_long_body_is_kept_as_its_length_and_hash() {
        let long = "é".repeat(BODY_IN_FULL);
        let found = changes(Some(&article("court")), &article(&long));
        assert_eq!(found[0].field, "body");
        assert_eq!(found[0].before, Value::from("court"));
        assert_eq!(found[0].after["characters"], BODY_IN_FULL);
        assert_eq!(found[0].after["sha256"].as_str().unwrap().len(), 64);
    }
}
