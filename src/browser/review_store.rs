//! The instructor's review, kept in this browser apart from any participant's answers on the
//! same site, in two parts saved apart:
//! - the loaded files' answers (megabytes: 100 capstones are about 5 MB) in IndexedDB
//!   (`review-db.js`), which holds what the disk allows and writes off the page's thread;
//!   written when files are loaded, cleared or restored;
//! - the grades (points, verdicts, comments: kilobytes) in localStorage under [`GRADES_KEY`],
//!   written at once on every change, so a comment survives even a page closed mid-word.
//!
//! Earlier versions kept the whole review in localStorage under [`LEGACY_KEY`]: it is still
//! read, and removed once the files are in IndexedDB.

use gloo_storage::{errors::StorageError, LocalStorage, Storage};
use wasm_bindgen::prelude::*;

use crate::review::cohort::Cohort;
use crate::review::grading::Grades;

pub const GRADES_KEY: &str = "workbook-review-grades";
/// The whole review, as versions before IndexedDB saved it.
pub const LEGACY_KEY: &str = "workbook-review";

#[wasm_bindgen(module = "/src/browser/review-db.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn read_files() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn write_files(text: &str) -> Result<JsValue, JsValue>;
}

// Both parts are stored as a `Cohort`: the files' with the grades of the moment (read only
// if the grades' own key is missing), the grades' with no files. Serializing `Grades` or a
// files-only struct on their own would compile serde code of their own: 3.6 KB gzip more on
// the review page, measured with twiggy.

/// The saved review; an empty one the first time. Stored data that does not read is
/// reported, and left where it is (the next save would replace it: the page says so).
pub async fn load() -> Result<Cohort, String> {
    let unreadable =
        |error: &dyn std::fmt::Display| format!("the review saved in this browser could not be read ({error})");
    let legacy = match LocalStorage::get::<Cohort>(LEGACY_KEY) {
        Ok(cohort) => Some(cohort),
        Err(StorageError::KeyNotFound(_)) => None,
        Err(error) => return Err(unreadable(&error)),
    };
    let files = read_files().await.map_err(|error| unreadable(&js_problem(&error)))?;
    let mut cohort = match files.as_string() {
        Some(text) => serde_json::from_str::<Cohort>(&text).map_err(|error| unreadable(&error))?,
        None => legacy.unwrap_or_default(),
    };
    match LocalStorage::get::<Cohort>(GRADES_KEY) {
        Ok(graded) => cohort.grades = graded.grades,
        Err(StorageError::KeyNotFound(_)) => {}
        Err(error) => return Err(unreadable(&error)),
    }
    Ok(cohort)
}

/// Writes the grades; at once, as the page may be closing.
pub fn save_grades(grades: &Grades) -> Result<(), String> {
    let graded = Cohort { grades: grades.clone(), ..Cohort::default() };
    LocalStorage::set(GRADES_KEY, graded).map_err(|error| match error {
        StorageError::JsError(error) if error.name.contains("Quota") => full(),
        other => format!("the browser refused to store the grades ({other})"),
    })
}

/// Writes the loaded files' answers. The text is made at once (the cohort may change
/// while the write runs); the future settles when it is on disk.
pub fn save_files(cohort: &Cohort) -> impl std::future::Future<Output = Result<(), String>> {
    let text = serde_json::to_string(cohort);
    async move {
        let text = text.map_err(|error| format!("the review could not be written ({error})"))?;
        write_files(&text).await.map_err(|error| {
            let problem = js_problem(&error);
            if problem.contains("Quota") {
                full()
            } else {
                format!("the browser refused to store the review's files ({problem})")
            }
        })?;
        // The files are where this version reads them: the old copy only takes room.
        LocalStorage::delete(LEGACY_KEY);
        Ok(())
    }
}

fn full() -> String {
    "this browser's storage is full: the review stays on this page until you close it; download a backup of it below to keep it".to_owned()
}

/// "QuotaExceededError: …" from a DOMException or Error; the value itself otherwise.
fn js_problem(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", String::from(error.name()), String::from(error.message())),
        None => error.as_string().unwrap_or_else(|| "no reason given".to_owned()),
    }
}
