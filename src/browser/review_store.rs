//! The instructor's review, kept in this browser under its own key, apart from any
//! participant's answers on the same site.

use gloo_storage::{errors::StorageError, LocalStorage, Storage};

use crate::review::cohort::Cohort;

pub const KEY: &str = "workbook-review";

/// The saved review; an empty one the first time. Stored data that does not read is
/// reported, and left where it is (the next save would replace it: the page says so).
pub fn load() -> Result<Cohort, String> {
    match LocalStorage::get::<Cohort>(KEY) {
        Ok(cohort) => Ok(cohort),
        Err(StorageError::KeyNotFound(_)) => Ok(Cohort::default()),
        Err(error) => Err(format!("the review saved in this browser could not be read ({error})")),
    }
}

pub fn save(cohort: &Cohort) -> Result<(), String> {
    LocalStorage::set(KEY, cohort).map_err(|error| match error {
        StorageError::JsError(error) if error.name.contains("Quota") => {
            "this browser's storage is full: the review stays on this page until you close it; download a backup of it below to keep it".to_owned()
        }
        other => format!("the browser refused to store the review ({other})"),
    })
}
