//! The registers the secretariat keeps beside the incidents, in their native
//! CSV and JSON Lines layouts: for now the member states and their national
//! days, the partners and their agreements, the activities, the developments
//! notes.

pub mod activities;
pub mod flat;
pub(crate) mod jsonl;
pub mod members;
pub mod partners;

use crate::RowProblem;

fn problem(line: u64, column: &str, message: impl Into<String>, value: Option<String>) -> RowProblem {
    RowProblem { kind: None, line, column: column.to_string(), message: message.into(), value }
}
