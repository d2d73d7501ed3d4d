//! Member states confirm their figures: a delegate confirms (or disputes,
//! with a comment) their country's figures of a month; a confirmation
//! holds for the verified incidents it was given on, and any change to
//! them makes the month "not yet confirmed" again
//! (`docs/data-model.md#confirmed-figures`).

use serde::Serialize;

/// What a delegate said of a month's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Confirmed,
    Disputed,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Confirmed => "confirmed",
            Verdict::Disputed => "disputed",
        }
    }

    pub fn parse(code: &str) -> Option<Verdict> {
        match code {
            "confirmed" => Some(Verdict::Confirmed),
            "disputed" => Some(Verdict::Disputed),
            _ => None,
        }
    }
}

/// A country's figures of a month, as they stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConfirmationStatus {
    Confirmed,
    Disputed,
    /// Never confirmed, or changed since.
    NotConfirmed,
}

impl ConfirmationStatus {
    pub fn code(self) -> &'static str {
        match self {
            ConfirmationStatus::Confirmed => "confirmed",
            ConfirmationStatus::Disputed => "disputed",
            ConfirmationStatus::NotConfirmed => "not_confirmed",
        }
    }

    /// The status a delegate's last verdict gives, given whether the
    /// incidents it was given on are still those of the month.
    pub fn of(last: Option<Verdict>, unchanged_since: bool) -> ConfirmationStatus {
        match last {
            Some(Verdict::Confirmed) if unchanged_since => ConfirmationStatus::Confirmed,
            Some(Verdict::Disputed) if unchanged_since => ConfirmationStatus::Disputed,
            _ => ConfirmationStatus::NotConfirmed,
        }
    }
}

/// The longest comment of a dispute or confirmation, in characters.
pub const MAX_COMMENT: usize = 2_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_since_the_verdict_undoes_it() {
        assert_eq!(ConfirmationStatus::of(Some(Verdict::Confirmed), true), ConfirmationStatus::Confirmed);
        assert_eq!(ConfirmationStatus::of(Some(Verdict::Disputed), true), ConfirmationStatus::Disputed);
        assert_eq!(ConfirmationStatus::of(Some(Verdict::Confirmed), false), ConfirmationStatus::NotConfirmed);
        assert_eq!(ConfirmationStatus::of(Some(Verdict::Disputed), false), ConfirmationStatus::NotConfirmed);
        assert_eq!(ConfirmationStatus::of(None, true), ConfirmationStatus::NotConfirmed);
        for verdict in [Verdict::Confirmed, Verdict::Disputed] {
            assert_eq!(Verdict::parse(verdict.code()), Some(verdict));
        }
    }
}
