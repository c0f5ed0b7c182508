//! The workbook in `localStorage`, under one key.
//!
//! Every save is read back and compared before it counts as saved, and a failure (quota,
//! storage disabled) is returned with a message a participant can act on; the caller keeps
//! the work in memory and tells them.

use gloo_storage::{LocalStorage, Storage};

use crate::model::Workbook;
use crate::restore::restore_str;

/// The storage key. The schema version lives inside the data, not in the key.
pub const KEY: &str = "workbook";
/// Where unreadable stored data is moved so it is never overwritten.
pub const UNREADABLE_KEY: &str = "workbook:unreadable";

pub enum Loaded {
    /// Nothing stored yet: a first visit.
    Fresh,
    /// `damage` lists what could not be read (the stored text was kept under
    /// [`UNREADABLE_KEY`]); empty when everything loaded. Older formats are migrated.
    Stored { workbook: Workbook, damage: Vec<String> },
    /// Stored data that could not be read at all; it was kept under [`UNREADABLE_KEY`].
    Unreadable { error: String },
}

pub fn load() -> Loaded {
    let raw = match LocalStorage::raw().get_item(KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Fresh,
        Err(_) => {
            return Loaded::Unreadable { error: "this browser does not allow the page to use local storage".into() }
        }
    };
    match restore_str(&raw) {
        Ok(restored) => {
            if !restored.damage.is_empty() {
                // Keep the original aside: the next save writes only what could be read.
                let _ = LocalStorage::raw().set_item(UNREADABLE_KEY, &raw);
            }
            Loaded::Stored { workbook: restored.workbook, damage: restored.damage }
        }
        Err(error) => {
            // Keep the raw text aside before anything can save over it.
            let _ = LocalStorage::raw().set_item(UNREADABLE_KEY, &raw);
            let _ = LocalStorage::raw().remove_item(KEY);
            Loaded::Unreadable { error: error.to_string() }
        }
    }
}

/// The text kept aside by [`load`] when stored data could not be read.
pub fn unreadable_data() -> Option<String> {
    LocalStorage::raw().get_item(UNREADABLE_KEY).ok().flatten()
}

/// Asks the browser not to evict the workbook under storage pressure. Browsers may grant
/// or refuse silently; either way the app works the same, so the answer is not awaited.
pub fn request_persistence() {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().storage().persist();
    }
}

/// Writes the workbook and reads it back. `Err` carries what went wrong, in plain words.
pub fn save(workbook: &Workbook) -> Result<(), String> {
    let json = serde_json::to_string(workbook).map_err(|e| format!("the answers could not be encoded ({e})"))?;
    let storage = LocalStorage::raw();
    storage.set_item(KEY, &json).map_err(|error| describe_write_error(&error))?;
    match storage.get_item(KEY) {
        Ok(Some(back)) if back == json => Ok(()),
        _ => Err("the browser did not keep what was written".into()),
    }
}

fn describe_write_error(error: &wasm_bindgen::JsValue) -> String {
    let name = js_sys::Reflect::get(error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    if name.contains("Quota") || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        "this browser's storage is full".into()
    } else {
        format!("the browser refused to store it ({})", if name.is_empty() { "unknown error" } else { &name })
    }
}
