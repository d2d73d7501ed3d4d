//! An issue built for the store: its record, its six files and the report
//! models it printed, made the same way by the web composer and `vigie
//! bulletin`; and the revision a build makes, by the domain's rule
//! (`vigie_domain::publication`).

use vigie_domain::Month;
use vigie_domain::article::content_hash;
use vigie_domain::publication::{BuildRefusal, IssueLabel, Published, revision_to_build};
use vigie_store::{BulletinFile, BulletinIssue, BulletinReport, Store, StoreError};

use crate::{Issue, Printed, Sources, snapshot};

/// What the store keeps of one build.
pub struct Built {
    pub record: BulletinIssue,
    pub files: Vec<BulletinFile>,
    pub reports: Vec<BulletinReport>,
}

/// The last published revision of issue `number`, if any.
pub fn last_published(store: &dyn Store, number: u32) -> Result<Option<Published>, StoreError> {
    let issues = store.bulletins()?;
    let last = issues.iter().filter(|i| i.number == number && i.published).max_by_key(|i| i.revision);
    last.map(|issue| {
        Month::parse(&issue.month)
            .map(|month| Published { revision: issue.revision, month })
            .ok_or_else(|| StoreError::Corrupt(format!("bulletin month {:?}", issue.month)))
    })
    .transpose()
}

/// The revision a build of `issue` makes, or why it is refused.
pub fn revision(
    store: &dyn Store,
    issue: &Issue,
    reason: Option<&str>,
) -> Result<Result<IssueLabel, BuildRefusal>, StoreError> {
    let published = last_published(store, issue.number)?;
    Ok(revision_to_build(issue.number, issue.month, published, reason)
        .map(|revision| IssueLabel::new(issue.number, revision)))
}

/// The issue's spec, as the store keeps it (JSON).
fn spec(issue: &Issue) -> String {
    serde_json::json!({
        "featured": issue.featured,
        "regions": issue.regions,
        "editorial": issue.editorial,
        "year_review": issue.year_review,
        "standing_pages": issue.standing_pages,
        "casualty_ranges": issue.casualty_ranges,
        "tiles": issue.tiles,
        "year_intro": issue.year_intro,
        "partners_intro": issue.partners_intro,
        "national_days": issue.national_days,
        "highlights": issue.highlights,
    })
    .to_string()
}

/// The record, files and reports of a build of revision `label` of the
/// issue, by `by` (an email, or `cli`).
pub fn built(
    sources: &Sources,
    printed: &[Printed],
    label: IssueLabel,
    reason: Option<&str>,
    by: &str,
    at: jiff::Timestamp,
) -> Built {
    let mut files = Vec::new();
    for edition in printed {
        let lang = edition.lang.code().to_string();
        if let Some(pdf) = &edition.pdf {
            let bytes = pdf.bytes.clone();
            files.push(BulletinFile { lang: lang.clone(), format: "pdf".into(), sha256: content_hash(&bytes), bytes });
        }
        if let Some(html) = &edition.html {
            let bytes = html.clone().into_bytes();
            files.push(BulletinFile { lang: lang.clone(), format: "html".into(), sha256: content_hash(&bytes), bytes });
        }
    }
    let issue = &sources.issue;
    Built {
        record: BulletinIssue {
            number: label.number,
            revision: label.revision,
            month: issue.month.to_string(),
            spec: spec(issue),
            published: false,
            built_at: Some(at),
            published_at: None,
            created_by: by.to_string(),
            published_by: None,
            reason: reason.map(|r| r.trim().to_string()),
        },
        files,
        reports: snapshot::reports(sources),
    }
}
