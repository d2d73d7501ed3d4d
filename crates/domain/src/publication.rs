//! Published bulletin issues are frozen: which revision of an issue a build
//! makes, and what a label such as `58.1` means
//! (`docs/data-model.md#published-issues-and-revisions`).

use std::fmt;

use crate::Month;

/// An issue and its revision: `58` is revision 0, `58.1` its first
/// correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IssueLabel {
    pub number: u32,
    pub revision: u32,
}

impl IssueLabel {
    pub fn new(number: u32, revision: u32) -> IssueLabel {
        IssueLabel { number, revision }
    }

    /// `58` or `58.1`; `None` for anything else (a number is positive, a
    /// revision written is positive too: `58.0` is `58`).
    pub fn parse(text: &str) -> Option<IssueLabel> {
        let number_of = |t: &str| -> Option<u32> {
            (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) && !t.starts_with('0'))
                .then(|| t.parse().ok())
                .flatten()
        };
        match text.split_once('.') {
            None => Some(IssueLabel::new(number_of(text)?, 0)),
            Some((number, revision)) => Some(IssueLabel::new(number_of(number)?, number_of(revision)?)),
        }
    }
}

impl fmt::Display for IssueLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.revision {
            0 => write!(f, "{}", self.number),
            revision => write!(f, "{}.{revision}", self.number),
        }
    }
}

/// The last published revision of an issue number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub revision: u32,
    pub month: Month,
}

/// Why a build of an issue is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildRefusal {
    /// The number is published: it is never built again; a correction is a
    /// revision, with its reason.
    Published { label: IssueLabel },
    /// A revision's reason was given for a number never published.
    NothingToRevise { number: u32 },
    /// The reason of a revision is empty.
    EmptyReason,
    /// A revision covers the month its issue covered.
    OtherMonth { label: IssueLabel, month: Month },
}

/// The revision a build of issue `number` for `month` makes, given the
/// number's last published revision and the reason of a correction:
/// revision 0 of a number never published; the next revision, with a
/// reason, of a published one.
pub fn revision_to_build(
    number: u32,
    month: Month,
    published: Option<Published>,
    reason: Option<&str>,
) -> Result<u32, BuildRefusal> {
    let reason = reason.map(str::trim);
    match (published, reason) {
        (None, None) => Ok(0),
        (None, Some(_)) => Err(BuildRefusal::NothingToRevise { number }),
        (Some(last), None) => Err(BuildRefusal::Published { label: IssueLabel::new(number, last.revision) }),
        (Some(_), Some("")) => Err(BuildRefusal::EmptyReason),
        (Some(last), Some(_)) if last.month != month => {
            Err(BuildRefusal::OtherMonth { label: IssueLabel::new(number, last.revision), month: last.month })
        }
        (Some(last), Some(_)) => Ok(last.revision + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn december() -> Month {
        Month::parse("2023-12").unwrap()
    }

    #[test]
    fn labels_read_and_write_alike() {
        assert_eq!(IssueLabel::parse("58"), Some(IssueLabel::new(58, 0)));
        assert_eq!(IssueLabel::parse("58.1"), Some(IssueLabel::new(58, 1)));
        assert_eq!(IssueLabel::new(58, 2).to_string(), "58.2");
        assert_eq!(IssueLabel::new(58, 0).to_string(), "58");
        for wrong in ["", "0", "58.", ".1", "58.0", "058", "58.1.2", "-58", "58a", "99999999999"] {
            assert_eq!(IssueLabel::parse(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn a_published_number_is_only_revised_with_a_reason() {
        let published = Some(Published { revision: 0, month: december() });
        assert_eq!(revision_to_build(58, december(), None, None), Ok(0));
        assert_eq!(
            revision_to_build(58, december(), published, None),
            Err(BuildRefusal::Published { label: IssueLabel::new(58, 0) })
        );
        assert_eq!(revision_to_build(58, december(), published, Some("Mali's figures corrected")), Ok(1));
        assert_eq!(revision_to_build(58, december(), published, Some("  ")), Err(BuildRefusal::EmptyReason));
        assert_eq!(
            revision_to_build(58, december(), None, Some("why")),
            Err(BuildRefusal::NothingToRevise { number: 58 })
        );
        let january = Month::parse("2024-01").unwrap();
        assert!(matches!(revision_to_build(58, january, published, Some("why")), Err(BuildRefusal::OtherMonth { .. })));
        let revised = Some(Published { revision: 1, month: december() });
        assert_eq!(revision_to_build(58, december(), revised, Some("again")), Ok(2));
    }
}
