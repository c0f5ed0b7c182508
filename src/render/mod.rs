//! Pure rendering: answers in, documents out. No browser code here.

pub mod embedded;
pub mod escape;
pub mod markdown;
pub mod preview;

pub use markdown::{exercise_markdown, NOT_ANSWERED};
