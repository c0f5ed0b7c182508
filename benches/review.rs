//! The instructor review's work on a cohort, natively: `cargo bench --bench review`.
//! 100 participants each hand in the capstone proposal with every field answered (the
//! same fixture as bench/review-in-browser.mjs); the figures are the cohort loaded from
//! the files' bytes (`Cohort::add`: read, check, join) and every row of the table assessed
//! (`review_row`), each the median of several runs. The browser runs the same code as
//! wasm, so this finds where its time goes without a browser's noise.

mod common;

use common::{ms, sorted_times};

use workbook::course::find_exercise;
use workbook::fixtures::fill;
use workbook::model::{Profile, Workbook};
use workbook::render::{exercise_markdown, Deliverable};
use workbook::review::cohort::Cohort;
use workbook::review::findings::review_row;

const PARTICIPANTS: usize = 100;

fn median(label: &str, runs: usize, run: impl FnMut() -> usize) {
    let times = sorted_times(1, runs, run);
    println!("| {label} | {:.1} ms | {:.1} ms |", ms(times[times.len() / 2]), ms(times[0]));
}

fn main() {
    let (module, capstone) = find_exercise("m6-2.3").expect("the capstone exists");
    let answers = fill(capstone, 20 * 1024);
    let files: Vec<(String, Vec<u8>)> = (1..=PARTICIPANTS)
        .map(|n| {
            let profile =
                Profile { name: format!("Participant {n:04}"), cohort: "2026-B".into(), scenario: "Northwind".into() };
            let workbook = Workbook { profile, ..Workbook::default() };
            let deliverable = Deliverable::of(module, capstone, &workbook, &answers, "2026-11-24 10:00 UTC");
            (format!("participant-{n:04}/{}", capstone.deliverable), exercise_markdown(&deliverable).into_bytes())
        })
        .collect();
    let total: usize = files.iter().map(|(_, bytes)| bytes.len()).sum();
    println!("| review of {PARTICIPANTS} capstones ({:.1} MB) | median | min |\n|---|---:|---:|", total as f64 / 1e6);
    median("files read and joined (`Cohort::add`)", 15, || {
        let mut cohort = Cohort::default();
        cohort.add(files.clone(), Vec::new()).loaded
    });
    let mut cohort = Cohort::default();
    assert_eq!(cohort.add(files.clone(), Vec::new()).loaded, PARTICIPANTS, "every file loads");
    median("every row assessed (`review_row`)", 15, || cohort.participants.iter().map(|p| review_row(p).0.len()).sum());
}
