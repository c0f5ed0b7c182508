//! Prints a stored workbook (the JSON the app keeps in localStorage) with Exercise 2.1 fully
//! answered and about N KB of typed text: `cargo run --example filled_workbook -- 50`; with
//! `module5`, all of Module 5 answered instead (the test fixture).
//! Used by bench/export-in-browser.mjs and bench/module5-in-browser.mjs.

use workbook::course::find_exercise;
use workbook::fixtures::fill;
use workbook::model::Workbook;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("module5") {
        let workbook = workbook::fixtures::module5_workbook("canary", "kubernetes", "slack");
        println!("{}", serde_json::to_string(&workbook).expect("serializes"));
        return;
    }
    let kb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(50);
    let (_, exercise) = find_exercise("m6-2.1").expect("Exercise 2.1 exists");
    let mut workbook = Workbook::default();
    workbook.profile.name = "Ada Lovelace".into();
    workbook.exercises.insert(exercise.key.to_owned(), fill(exercise, kb * 1024));
    println!("{}", serde_json::to_string(&workbook).expect("serializes"));
}
