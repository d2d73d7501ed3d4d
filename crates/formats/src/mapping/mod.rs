//! How the categories of ACLED, UCDP GED and GTD map onto Vigie's codes —
//! one module per dataset, every table documented in `docs/mapping-*.md`
//! (a test per dataset checks that the document lists every entry).

pub mod acled;
pub mod gtd;
pub mod ucdp;
