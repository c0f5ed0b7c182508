//! Workbook: the Session 2 homework of Advanced Modules 5 and 6, in the browser.
//!
//! The crate is a pure core plus a thin browser shell. Everything outside `ui` and
//! `browser` is plain Rust with no `web_sys`, compiled and tested natively; see
//! ARCHITECTURE.md for the data flow.

pub mod backup;
pub mod course;
pub mod credentials;
pub mod cron;
pub mod diagram;
pub mod escape;
pub mod fixtures;
pub mod gantt;
pub mod history;
pub mod import;
pub mod merge;
pub mod model;
pub mod numbers;
pub mod render;
pub mod restore;
pub mod review;
pub mod route;
pub mod workflow;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;

/// Version written into every export, so a reviewer knows which app produced a file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
