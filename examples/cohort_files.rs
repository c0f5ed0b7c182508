//! Writes a cohort's exported capstones for the review benchmark: N participants, each an
//! `enterprise-architecture-proposal.md` with every field answered (about K KB of text).
//! `cargo run --release --example cohort_files -- <dir> <N> [K=20]`. Used by
//! bench/review-in-browser.mjs.

use workbook::course::find_exercise;
use workbook::fixtures::fill;
use workbook::model::{Profile, Workbook};
use workbook::render::{exercise_markdown, Deliverable};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: cohort_files <dir> <N> [K]"));
    let count: usize = args.next().and_then(|n| n.parse().ok()).expect("usage: cohort_files <dir> <N> [K]");
    let kb: usize = args.next().and_then(|k| k.parse().ok()).unwrap_or(20);
    let (module, capstone) = find_exercise("m6-2.3").expect("the capstone exists");
    let answers = fill(capstone, kb * 1024);
    for n in 1..=count {
        let profile =
            Profile { name: format!("Participant {n:04}"), cohort: "2026-B".into(), scenario: "Northwind".into() };
        let workbook = Workbook { profile, ..Workbook::default() };
        let deliverable = Deliverable::of(module, capstone, &workbook, &answers, "2026-11-24 10:00 UTC");
        let folder = dir.join(format!("participant-{n:04}"));
        std::fs::create_dir_all(&folder).expect("the folder can be created");
        std::fs::write(folder.join(capstone.deliverable), exercise_markdown(&deliverable))
            .expect("the file is written");
    }
}
