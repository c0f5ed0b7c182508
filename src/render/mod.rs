//! Pure rendering: answers in, documents out. No browser code here.
//!
//! `document` builds the deliverable once as blocks; `markdown` writes the exported file
//! and `html` the live preview from the same blocks.

pub mod bundle;
pub mod document;
pub mod embedded;
pub mod export;
pub mod generated;
pub mod html;
pub mod markdown;
pub mod shell;

pub use document::{exercise_document, Deliverable, NOT_ANSWERED};
pub use markdown::{companion_markdown, exercise_markdown};
