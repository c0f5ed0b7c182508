//! The review's browser adapters in a real browser (headless Chromium through
//! wasm-bindgen-test): the review saved under its own key and read back, stored data that
//! does not read, a full storage in plain words, and chosen files read with their names.
//! Run by `scripts/test.sh`; on its own:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_review_store`
#![cfg(target_arch = "wasm32")]

use gloo_storage::Storage;
use wasm_bindgen_test::*;
use workbook::browser::{file_input, review_store};
use workbook::review::cohort::{Cohort, Refused};

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    gloo_storage::LocalStorage::raw()
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
fn the_review_is_saved_under_its_own_key_and_reads_back() {
    local_storage().clear().unwrap();
    assert_eq!(review_store::load(), Ok(Cohort::default()), "a first visit starts empty");
    review_store::save(&sample()).unwrap();
    assert_eq!(review_store::load(), Ok(sample()));
    assert!(local_storage().get_item(review_store::KEY).unwrap().is_some());
    assert!(local_storage().get_item("workbook").unwrap().is_none(), "a participant's answers are not touched");
}

#[wasm_bindgen_test]
fn a_review_that_does_not_read_is_reported_and_left_in_place() {
    local_storage().clear().unwrap();
    local_storage().set_item(review_store::KEY, "{\"participants\": [").unwrap();
    let problem = review_store::load().expect_err("cut-off data does not read");
    assert!(problem.starts_with("the review saved in this browser could not be read"), "{problem}");
    assert_eq!(local_storage().get_item(review_store::KEY).unwrap().as_deref(), Some("{\"participants\": ["));
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_in_plain_words() {
    local_storage().clear().unwrap();
    review_store::save(&sample()).unwrap();
    let mut huge = sample();
    huge.refused.push(Refused { file: "big".into(), reason: "x".repeat(12 * 1024 * 1024) });
    let problem = review_store::save(&huge).expect_err("12 MB cannot be stored");
    assert!(problem.starts_with("this browser's storage is full"), "{problem}");
    assert_eq!(review_store::load(), Ok(sample()), "the earlier save is intact");
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
