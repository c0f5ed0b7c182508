//! The workbook in `localStorage`, under one key, and its history under another.
//!
//! Every save is read back and compared before it counts as saved, and a failure (quota,
//! storage disabled) is returned with a message a participant can act on; the caller keeps
//! the work in memory and tells them.
//!
//! Two tabs: this adapter remembers the stored text it last read or wrote. If what is
//! stored differs at save time, another tab saved in between, and its answers are merged
//! in (`merge::three_way`) rather than written over.

use std::cell::RefCell;

use gloo_storage::{LocalStorage, Storage};

use crate::history::History;
use crate::merge::{three_way, Merged};
use crate::model::Workbook;
use crate::restore::restore_str;

/// The storage key. The schema version lives inside the data, not in the key.
pub const KEY: &str = "workbook";
/// Where unreadable stored data is moved so it is never overwritten.
pub const UNREADABLE_KEY: &str = "workbook:unreadable";
/// Snapshots of each exercise (`history::History`), apart so they never slow a save down.
pub const HISTORY_KEY: &str = "workbook:history";
/// History is trimmed to this size before it is written, leaving room for the answers.
const HISTORY_MAX_BYTES: usize = 1_500_000;

thread_local! {
    /// The stored text this tab last read or wrote: the common ancestor for merges.
    static LAST_SYNCED: RefCell<String> = const { RefCell::new(String::new()) };
}

fn last_synced() -> String {
    LAST_SYNCED.with(|last| last.borrow().clone())
}

fn set_last_synced(json: String) {
    LAST_SYNCED.with(|last| *last.borrow_mut() = json);
}

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
            set_last_synced(raw.clone());
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

/// What a successful save did.
#[derive(Debug)]
pub enum Saved {
    Written,
    /// Storage already held exactly this.
    Unchanged,
    /// Another tab had saved in between; its answers were merged in and the merge written.
    /// The caller shows the merged workbook, and keeps `theirs` of any clash in history.
    Merged {
        merged: Merged,
        theirs: Workbook,
    },
}

/// Writes the workbook (merged with another tab's save, if one happened) and reads it
/// back. `Err` carries what went wrong, in plain words.
pub fn save(workbook: &Workbook) -> Result<Saved, String> {
    let json = encode(workbook)?;
    let stored = LocalStorage::raw().get_item(KEY).ok().flatten().unwrap_or_default();
    if stored == json {
        set_last_synced(json);
        return Ok(Saved::Unchanged);
    }
    if !stored.is_empty() && stored != last_synced() {
        let Some((merged, theirs)) = merge_stored(&stored, workbook)? else { return Ok(Saved::Unchanged) };
        write_checked(&encode(&merged.workbook)?)?;
        return Ok(Saved::Merged { merged, theirs });
    }
    write_checked(&json)?;
    Ok(Saved::Written)
}

/// Another tab saved `stored` (seen in a `storage` event): merges it into this tab's
/// answers. `None` when this tab already has it.
pub fn merge_stored(stored: &str, mine: &Workbook) -> Result<Option<(Merged, Workbook)>, String> {
    let base_text = last_synced();
    if stored == base_text {
        return Ok(None);
    }
    let theirs = restore_str(stored)
        .map_err(|e| format!("another tab saved answers this tab cannot read ({e}); reload this tab"))?
        .workbook;
    let base = restore_str(&base_text).map(|r| r.workbook).unwrap_or_default();
    set_last_synced(stored.to_owned());
    Ok(Some((three_way(&base, mine, &theirs), theirs)))
}

fn encode(workbook: &Workbook) -> Result<String, String> {
    serde_json::to_string(workbook).map_err(|e| format!("the answers could not be encoded ({e})"))
}

fn write_checked(json: &str) -> Result<(), String> {
    let storage = LocalStorage::raw();
    storage.set_item(KEY, json).map_err(|error| describe_write_error(&error))?;
    match storage.get_item(KEY) {
        Ok(Some(back)) if back == json => {
            set_last_synced(back);
            Ok(())
        }
        _ => Err("the browser did not keep what was written".into()),
    }
}

/// The stored history; empty when there is none or it cannot be read (it is a convenience,
/// never a reason to stop the app).
pub fn load_history() -> History {
    LocalStorage::raw()
        .get_item(HISTORY_KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

/// Writes the history, trimming the oldest snapshots when storage is short.
pub fn save_history(history: &mut History) -> Result<(), String> {
    history.trim_to(HISTORY_MAX_BYTES);
    loop {
        let json = serde_json::to_string(history).map_err(|e| e.to_string())?;
        match LocalStorage::raw().set_item(HISTORY_KEY, &json) {
            Ok(()) => return Ok(()),
            Err(_) if history.snapshots.len() > 1 => history.trim_to(json.len() / 2),
            Err(error) => return Err(describe_write_error(&error)),
        }
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
