//! The registers the secretariat keeps beside the incidents, in their native
//! CSV and JSON Lines layouts: for now the member states and their national
//! days.

pub mod members;
