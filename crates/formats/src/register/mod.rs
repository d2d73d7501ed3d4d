//! The registers the secretariat keeps beside the incidents, in their native
//! CSV and JSON Lines layouts: for now the member states and their national
//! days, the partners and their agreements, the developments notes.

pub mod activities;
pub mod flat;
pub mod members;
pub mod partners;
