//! The storage adapter in a real browser (headless Chromium through wasm-bindgen-test).
//! Run by `scripts/test.sh`; on its own:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_storage`
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use workbook::browser::storage::{self, Loaded, KEY, UNREADABLE_KEY};
use workbook::course::find_exercise;
use workbook::import::STORAGE_QUOTA_UNITS;
use workbook::model::Workbook;

fn local_storage() -> web_sys::Storage {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::raw()
}

wasm_bindgen_test_configure!(run_in_browser);

fn sample() -> Workbook {
    let (_, exercise) = find_exercise("m6-2.1").unwrap();
    let mut workbook = Workbook::default();
    workbook.profile.name = "Ada <script>\"".into();
    let answers = exercise.answers_in_mut(&mut workbook);
    answers.set_text("scenario_summary", "Line one\nLine two — ünïcødé 🚀".into());
    answers.rows_mut("phases")[0].insert("criteria".into(), "p95 < 5 s".into());
    workbook.last_sections.insert("m6-2.1".into(), "rollout".into());
    workbook
}

#[wasm_bindgen_test]
fn first_visit_loads_fresh() {
    local_storage().clear().unwrap();
    assert!(matches!(storage::load(), Loaded::Fresh));
}

#[wasm_bindgen_test]
fn saved_work_loads_back_exactly() {
    local_storage().clear().unwrap();
    let workbook = sample();
    storage::save(&workbook).expect("save succeeds");
    match storage::load() {
        Loaded::Stored { workbook: loaded, damage } => {
            assert_eq!(loaded, workbook);
            assert!(damage.is_empty());
        }
        _ => panic!("expected the stored workbook"),
    }
}

#[wasm_bindgen_test]
fn unreadable_data_is_kept_aside_not_overwritten() {
    local_storage().clear().unwrap();
    local_storage().set_item(KEY, "{\"profile\": {\"name\": \"Ada\"").unwrap();
    assert!(matches!(storage::load(), Loaded::Unreadable { .. }));
    assert_eq!(local_storage().get_item(UNREADABLE_KEY).unwrap().as_deref(), Some("{\"profile\": {\"name\": \"Ada\""));
    // The next save writes fresh data without touching what was kept aside.
    storage::save(&sample()).unwrap();
    assert!(local_storage().get_item(UNREADABLE_KEY).unwrap().is_some());
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_in_plain_words() {
    local_storage().clear().unwrap();
    storage::save(&sample()).unwrap();
    let mut workbook = sample();
    // Chromium allows 5 Mi UTF-16 units per origin (see the quota test), so 12 Mi cannot fit.
    workbook.profile.cohort = "x".repeat(12 * 1024 * 1024);
    let error = storage::save(&workbook).expect_err("a 12 MB workbook cannot be stored");
    assert_eq!(error, "this browser's storage is full");
    // The failed write left the previous save intact.
    match storage::load() {
        Loaded::Stored { workbook: loaded, .. } => assert_eq!(loaded, sample()),
        _ => panic!("the earlier save should still load"),
    }
}

/// A save records each exercise's progress for the pages that do not hold it (the root
/// page's home shows Module 5's), and that record never takes the answers' room.
#[wasm_bindgen_test]
fn a_save_records_progress_for_the_other_pages() {
    use workbook::course::progress::exercise_progress;
    local_storage().clear().unwrap();
    let workbook = workbook::fixtures::module5_workbook("canary", "kubernetes", "slack");
    storage::save(&workbook).expect("save succeeds");
    let (_, pipeline) = find_exercise("m5-2.3").unwrap();
    let expected = exercise_progress(pipeline, &pipeline.answers_in(&workbook));
    assert!(expected.is_complete());
    assert_eq!(storage::recorded_progress("m5-2.3"), Some(expected));

    // Storage nearly full: room for the answers (and 100 units more), not for them and a
    // large progress record; the record gives way.
    let stored_units = local_storage().get_item(KEY).unwrap().unwrap().encode_utf16().count();
    local_storage().clear().unwrap();
    local_storage().set_item(storage::PROGRESS_KEY, &"m9-9.9 1 2\n".repeat(stored_units / 22)).unwrap();
    let filler = "€".repeat(STORAGE_QUOTA_UNITS - "filler".len() - KEY.len() - stored_units - 100);
    local_storage().set_item("filler", &filler).unwrap();
    storage::save(&workbook).expect("the answers fit once the progress record is gone");
    local_storage().clear().unwrap();
}

/// The import limit assumes the browser stores at most `import::STORAGE_QUOTA_UNITS` UTF-16
/// units for the site, keys included (tests/import_limit.rs exports a workbook that fills
/// it): exactly that fits, one more does not.
#[wasm_bindgen_test]
fn the_browser_stores_exactly_the_quota_the_import_limit_assumes() {
    local_storage().clear().unwrap();
    let room = STORAGE_QUOTA_UNITS - KEY.len();
    assert!(local_storage().set_item(KEY, &"€".repeat(room)).is_ok(), "the quota is smaller than assumed");
    assert!(local_storage().set_item(KEY, &"€".repeat(room + 1)).is_err(), "the quota is larger than assumed");
    local_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_workbook_stored_by_version_1_loads_migrated() {
    local_storage().clear().unwrap();
    let v1 = include_str!("samples/v1-stored-workbook.json");
    local_storage().set_item(KEY, v1).unwrap();
    match storage::load() {
        Loaded::Stored { workbook, damage } => {
            assert!(damage.is_empty(), "{damage:?}");
            assert_eq!(workbook.profile.scenario, "Northwind Insurance");
            assert_eq!(workbook.last_sections.get("m6-2.1").map(String::as_str), Some("rollout"));
        }
        _ => panic!("expected the migrated workbook"),
    }
}

#[wasm_bindgen_test]
fn partly_damaged_data_loads_what_it_can_and_keeps_the_original() {
    local_storage().clear().unwrap();
    let damaged = r#"{"schema_version":2,"profile":{"name":"Ada"},"exercises":{"m6-2.1":{"values":{"scenario_summary":"kept","expected_users":7}}}}"#;
    local_storage().set_item(KEY, damaged).unwrap();
    match storage::load() {
        Loaded::Stored { workbook, damage } => {
            assert_eq!(workbook.exercises["m6-2.1"].text("scenario_summary"), "kept");
            assert_eq!(damage, ["the answer “Expected users” of Exercise 2.1 (Module 6)"]);
        }
        _ => panic!("expected the readable part"),
    }
    assert_eq!(storage::unreadable_data().as_deref(), Some(damaged));
}

#[wasm_bindgen_test]
fn a_save_from_another_tab_is_merged_not_overwritten() {
    local_storage().clear().unwrap();
    let mut mine = sample();
    storage::save(&mine).unwrap();
    // Another tab saves a change to a different answer in between.
    let mut theirs = mine.clone();
    theirs.profile.cohort = "Cohort B".into();
    local_storage().set_item(KEY, &serde_json::to_string(&theirs).unwrap()).unwrap();
    mine.exercises.get_mut("m6-2.1").unwrap().set_text("hosting_rationale", "typed in this tab".into());
    match storage::save(&mine).unwrap() {
        storage::Saved::Merged { merged, .. } => assert!(merged.clashes.is_empty(), "{:?}", merged.clashes),
        other => panic!("expected a merge, got {other:?}"),
    }
    let Loaded::Stored { workbook: stored, .. } = storage::load() else { panic!("stored") };
    assert_eq!(stored.profile.cohort, "Cohort B");
    assert_eq!(stored.exercises["m6-2.1"].text("hosting_rationale"), "typed in this tab");
}

/// Two tabs saving at the same moment: the other tab's save was made from the version
/// before this tab's own last save. Merging against that version reports the clash; merging
/// against this tab's last save would silently take one text over the other.
#[wasm_bindgen_test]
fn a_save_made_from_an_older_version_is_merged_against_that_version() {
    local_storage().clear().unwrap();
    let start = sample();
    storage::save(&start).unwrap();
    let stored: serde_json::Value = serde_json::from_str(&local_storage().get_item(KEY).unwrap().unwrap()).unwrap();
    let start_id = stored["revision"]["id"].as_str().unwrap().to_owned();

    let mut mine = start.clone();
    mine.exercises.get_mut("m6-2.1").unwrap().set_text("scenario_summary", "typed in this tab".into());
    storage::save(&mine).unwrap();

    // The other tab's write, made from `start`, lands after ours.
    let mut theirs = serde_json::to_value(&start).unwrap();
    theirs["exercises"]["m6-2.1"]["values"]["scenario_summary"] = "typed in the other tab".into();
    // A later revision id than ours: ids start with the time.
    theirs["revision"] = serde_json::json!({ "id": "zzzz-other-tab", "parent": start_id });
    let theirs = theirs.to_string();
    local_storage().set_item(KEY, &theirs).unwrap();

    let merge = storage::merge_stored(&theirs, &mine).unwrap().expect("a change from another tab");
    assert_eq!(merge.merged.clashes.len(), 1, "{:?}", merge.merged.clashes);
    // Saved here first, so the other tab's later save is the newer text; ours is kept aside.
    assert_eq!(merge.merged.workbook.exercises["m6-2.1"].text("scenario_summary"), "typed in the other tab");
    assert_eq!(merge.replaced.exercises["m6-2.1"].text("scenario_summary"), "typed in this tab");
}

#[wasm_bindgen_test]
fn a_save_from_a_version_this_tab_never_saw_clashes_instead_of_replacing_silently() {
    // Two tabs writing at the same instant can each overwrite the version the other
    // started from; the other tab's parent is then unknown here.
    local_storage().clear().unwrap();
    let mut mine = sample();
    mine.exercises.get_mut("m6-2.1").unwrap().set_text("scenario_summary", "typed in this tab".into());
    storage::save(&mine).unwrap();

    let mut theirs = serde_json::to_value(sample()).unwrap();
    theirs["exercises"]["m6-2.1"]["values"]["scenario_summary"] = "typed in the other tab".into();
    theirs["revision"] = serde_json::json!({ "id": "zzzz-other-tab", "parent": "a-version-never-seen-here" });
    let theirs = theirs.to_string();

    let merge = storage::merge_stored(&theirs, &mine).unwrap().expect("a change from another tab");
    assert_eq!(merge.merged.clashes.len(), 1, "{:?}", merge.merged.clashes);
    assert_eq!(merge.replaced.exercises["m6-2.1"].text("scenario_summary"), "typed in this tab");
}
