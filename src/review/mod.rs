//! Instructor review: a cohort's exported files loaded back, and what the guides tell an
//! instructor to look for in them. Pure, like the rest of the core: the review page
//! (`ui/review.rs`, its own download) only binds it to the screen.
//!
//! - `cohort`: files in -> participants (grouped by the profile in their files), each file
//!   that did not load listed with its reason.
//! - `findings`: per participant and deliverable, complete / incomplete / missing and the
//!   findings, from the same exercise descriptions and checks as the participant's
//!   self-check; the guides' intervention thresholds per participant.
//! - `csv`: the cohort summary as RFC 4180 CSV (`review-summary.csv`).

pub mod backup;
pub mod cohort;
pub mod csv;
pub mod diff;
pub mod findings;
pub mod grading;
