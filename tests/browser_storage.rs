//! The storage adapter in a real browser (headless Chromium through wasm-bindgen-test).
//! Run by `scripts/test.sh`; on its own:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_storage`
#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen_test::*;
use workbook::browser::storage::{self, Loaded, KEY, UNREADABLE_KEY};
use workbook::course::find_exercise;
use workbook::model::Workbook;

wasm_bindgen_test_configure!(run_in_browser);

fn sample() -> Workbook {
    let (_, exercise) = find_exercise("m6-2.1").unwrap();
    let mut workbook = Workbook::default();
    workbook.profile.name = "Ada <script>\"".into();
    let answers = workbook.exercise_mut(exercise);
    answers.set_text("scenario_summary", "Line one\nLine two — ünïcødé 🚀".into());
    answers.rows_mut("phases")[0].insert("criteria".into(), "p95 < 5 s".into());
    answers.current_section = Some("rollout".into());
    workbook
}

#[wasm_bindgen_test]
fn first_visit_loads_fresh() {
    LocalStorage::clear();
    assert!(matches!(storage::load(), Loaded::Fresh));
}

#[wasm_bindgen_test]
fn saved_work_loads_back_exactly() {
    LocalStorage::clear();
    let workbook = sample();
    storage::save(&workbook).expect("save succeeds");
    match storage::load() {
        Loaded::Stored(loaded) => assert_eq!(loaded, workbook),
        _ => panic!("expected the stored workbook"),
    }
}

#[wasm_bindgen_test]
fn unreadable_data_is_kept_aside_not_overwritten() {
    LocalStorage::clear();
    LocalStorage::raw().set_item(KEY, "{\"profile\": {\"name\": \"Ada\"").unwrap();
    assert!(matches!(storage::load(), Loaded::Unreadable { .. }));
    assert_eq!(
        LocalStorage::raw().get_item(UNREADABLE_KEY).unwrap().as_deref(),
        Some("{\"profile\": {\"name\": \"Ada\"")
    );
    // The next save writes fresh data without touching what was kept aside.
    storage::save(&sample()).unwrap();
    assert!(LocalStorage::raw().get_item(UNREADABLE_KEY).unwrap().is_some());
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_in_plain_words() {
    LocalStorage::clear();
    storage::save(&sample()).unwrap();
    let mut workbook = sample();
    // Chromium allows about 5 MB per origin (counted in UTF-16), so 12 MB cannot fit.
    workbook.profile.cohort = "x".repeat(12 * 1024 * 1024);
    let error = storage::save(&workbook).expect_err("a 12 MB workbook cannot be stored");
    assert_eq!(error, "this browser's storage is full");
    // The failed write left the previous save intact.
    match storage::load() {
        Loaded::Stored(loaded) => assert_eq!(loaded, sample()),
        _ => panic!("the earlier save should still load"),
    }
}
