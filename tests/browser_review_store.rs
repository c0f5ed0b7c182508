//! The review's browser adapters in a real browser (headless Chromium through
//! wasm-bindgen-test): the loaded files in IndexedDB and the grades in localStorage, each
//! read back; a review saved by an earlier version (all in localStorage) still read, and
//! moved; stored data that does not read; a full storage in plain words; 50 MB of files
//! (more than 1,000 capstones) saved; and chosen files read with their names.
//! Run by `scripts/test.sh`; on its own:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_review_store`
#![cfg(target_arch = "wasm32")]

use gloo_storage::Storage;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use workbook::browser::{file_input, review_store};
use workbook::review::cohort::{Cohort, Refused};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "export function forget_database() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('workbook-review');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn forget_database() -> Result<JsValue, JsValue>;
}

fn local_storage() -> web_sys::Storage {
    gloo_storage::LocalStorage::raw()
}

/// A browser that has never saved a review.
async fn first_visit() {
    local_storage().clear().unwrap();
    forget_database().await.unwrap();
}

fn sample() -> Cohort {
    let mut cohort = Cohort::default();
    cohort.refused.push(Refused { file: "notes “draft”.txt".into(), reason: "it is not ours <b>".into() });
    cohort
        .grades
        .entry("ada | 2026-b".into())
        .or_default()
        .entry("m6-2.3".into())
        .or_default()
        .points
        .insert("security_architecture".into(), 4);
    cohort
}

#[wasm_bindgen_test]
async fn files_and_grades_are_saved_apart_and_read_back() {
    first_visit().await;
    assert_eq!(review_store::load().await, Ok(Cohort::default()), "a first visit starts empty");
    let cohort = sample();
    review_store::save_files(&cohort).await.unwrap();
    review_store::save_grades(&cohort.grades).unwrap();
    assert_eq!(review_store::load().await, Ok(sample()));
    let grades = local_storage().get_item(review_store::GRADES_KEY).unwrap().unwrap();
    assert!(grades.contains("security_architecture") && !grades.contains("draft"), "only the grades: {grades}");
    assert!(local_storage().get_item("workbook").unwrap().is_none(), "a participant's answers are not touched");

    // A score changed later is saved without the files, and read with them.
    let mut scored = sample();
    scored
        .grades
        .get_mut("ada | 2026-b")
        .unwrap()
        .get_mut("m6-2.3")
        .unwrap()
        .points
        .insert("security_architecture".into(), 5);
    review_store::save_grades(&scored.grades).unwrap();
    assert_eq!(review_store::load().await, Ok(scored));
}

#[wasm_bindgen_test]
async fn a_review_saved_by_an_earlier_version_is_read_and_moved() {
    first_visit().await;
    local_storage().set_item(review_store::LEGACY_KEY, &serde_json::to_string(&sample()).unwrap()).unwrap();
    let cohort = review_store::load().await.unwrap();
    assert_eq!(cohort, sample(), "files and grades from the one localStorage value");
    review_store::save_files(&cohort).await.unwrap();
    review_store::save_grades(&cohort.grades).unwrap();
    assert!(local_storage().get_item(review_store::LEGACY_KEY).unwrap().is_none(), "the old copy is removed");
    assert_eq!(review_store::load().await, Ok(sample()));
}

#[wasm_bindgen_test]
async fn a_review_that_does_not_read_is_reported_and_left_in_place() {
    first_visit().await;
    local_storage().set_item(review_store::LEGACY_KEY, "{\"participants\": [").unwrap();
    let problem = review_store::load().await.expect_err("cut-off data does not read");
    assert!(problem.starts_with("the review saved in this browser could not be read"), "{problem}");
    assert_eq!(local_storage().get_item(review_store::LEGACY_KEY).unwrap().as_deref(), Some("{\"participants\": ["));
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_in_plain_words() {
    first_visit().await;
    review_store::save_grades(&sample().grades).unwrap();
    let mut huge = sample();
    huge.grades
        .get_mut("ada | 2026-b")
        .unwrap()
        .get_mut("m6-2.3")
        .unwrap()
        .comments
        .insert("x".into(), "x".repeat(12 * 1024 * 1024));
    let problem = review_store::save_grades(&huge.grades).expect_err("12 MB cannot be stored in localStorage");
    assert!(problem.starts_with("this browser's storage is full"), "{problem}");
    assert_eq!(review_store::load().await.map(|c| c.grades), Ok(sample().grades), "the earlier save is intact");
}

#[wasm_bindgen_test]
async fn fifty_megabytes_of_files_are_saved() {
    first_visit().await;
    // More than 1,000 full capstones (about 48 KB each), ten times what localStorage holds.
    let mut cohort = Cohort::default();
    for n in 0..1_000 {
        cohort.refused.push(Refused { file: format!("capstone-{n}.md"), reason: "é".repeat(25_000) });
    }
    review_store::save_files(&cohort).await.expect("IndexedDB holds 50 MB");
    let read = review_store::load().await.unwrap();
    assert_eq!(read.refused.len(), 1_000);
    assert_eq!(read, cohort);
}

#[wasm_bindgen_test]
async fn chosen_files_are_read_with_their_names_and_bytes() {
    let file = |name: &str, text: &str| {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(text.as_bytes()));
        web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap()
    };
    let (read, refused) =
        file_input::read_all(vec![file("deployment-strategy.md", "# Title\n"), file("notes.txt", "ünïcødé")]).await;
    assert!(refused.is_empty());
    assert_eq!(
        read,
        [
            ("deployment-strategy.md".to_owned(), b"# Title\n".to_vec()),
            ("notes.txt".to_owned(), "ünïcødé".as_bytes().to_vec())
        ]
    );
}
