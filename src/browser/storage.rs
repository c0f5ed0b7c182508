//! The workbook in `localStorage`, under one key, and its history under another.
//!
//! Every save is read back and compared before it counts as saved, and a failure (quota,
//! storage disabled) is returned with a message a participant can act on; the caller keeps
//! the work in memory and tells them.
//!
//! Two tabs: every stored version carries a revision id and the id of the version it was
//! made from. This adapter remembers the versions it read or wrote; if what is stored
//! differs at save time, or a `storage` event arrives, another tab saved, and its answers
//! are merged in (`merge::three_way`, against the version that tab started from) rather
//! than written over.

use std::cell::RefCell;
use std::collections::VecDeque;

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::history::History;
use crate::merge::{three_way, Merged, Newer};
use crate::model::Workbook;
use crate::restore::{restore_str, restore_value, RestoreError, Restored};

/// The stored text of `key` exactly as it is, through the raw `Storage` under gloo: a
/// version is recognised by its text, and unreadable data is kept aside as text, so these
/// reads must not parse. (gloo's `raw()` panics where the browser has no localStorage; the
/// app cannot work without it, and every browser it supports has it.)
fn stored(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// The storage key. The schema version lives inside the data, not in the key.
pub const KEY: &str = "workbook";
/// Where unreadable stored data is moved so it is never overwritten.
pub const UNREADABLE_KEY: &str = "workbook:unreadable";
/// Snapshots of each exercise (`history::History`), apart so they never slow a save down.
pub const HISTORY_KEY: &str = "workbook:history";
/// The progress of each exercise, recorded by the page that holds it, for the pages that do
/// not (`course::progress::record`).
pub const PROGRESS_KEY: &str = "workbook:progress";
/// History is trimmed to this size before it is written, leaving room for the answers.
const HISTORY_MAX_BYTES: usize = 1_500_000;

/// Which saved version a stored text is, and which version it was made from. Written into
/// the stored JSON next to the workbook (not part of the answers: it never reaches exports
/// or backups), so a tab that sees another tab's save knows what that save had seen.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
struct Revision {
    id: String,
    #[serde(default)]
    parent: Option<String>,
}

/// How many recent versions a tab remembers, to find the one another tab's save was made
/// from. Two tabs saving at once need two; a few more cost little.
const REMEMBERED: usize = 4;

thread_local! {
    /// Versions this tab read or wrote, newest first: (revision id, stored text).
    static SEEN: RefCell<VecDeque<(Option<String>, String)>> = const { RefCell::new(VecDeque::new()) };
}

fn remember(id: Option<String>, text: String) {
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        seen.push_front((id, text));
        seen.truncate(REMEMBERED);
    });
}

/// The version this tab last read or wrote.
fn latest() -> (Option<String>, String) {
    SEEN.with(|seen| seen.borrow().front().cloned().unwrap_or_default())
}

/// The stored text of the version another tab's save was made from, if this tab saw it;
/// otherwise nothing (an empty workbook). Merging against the version the other tab really
/// started from is what turns two edits made at once into a reported clash rather than one
/// silently replacing the other.
///
/// A parent this tab never saw means the two tabs' saves went separate ways (two tabs
/// writing at the same instant can each overwrite the version the other started from).
/// This tab's own latest version is then no common ancestor: merging against it would
/// take the other tab's text as a plain change and drop this tab's without a trace. With
/// an empty base every answer the two differ on is a clash instead: kept, reported, and
/// the other text saved in history.
fn base_for(revision: Option<&Revision>) -> String {
    let parent = revision.and_then(|r| r.parent.as_deref());
    SEEN.with(|seen| {
        let seen = seen.borrow();
        parent
            .and_then(|parent| seen.iter().find(|(id, _)| id.as_deref() == Some(parent)))
            .map(|(_, text)| text.clone())
            .unwrap_or_default()
    })
}

fn new_revision(parent: Option<String>) -> Revision {
    let random = (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64;
    Revision { id: format!("{:x}-{random:x}", js_sys::Date::now() as u64), parent }
}

/// Reads a stored text: the workbook (restored, migrated) and its revision, if any.
fn decode(text: &str) -> Result<(Restored, Option<Revision>), RestoreError> {
    with_revision(restore_str(text)?)
}

/// Takes the revision out of a restored workbook's unknown fields.
fn with_revision(mut restored: Restored) -> Result<(Restored, Option<Revision>), RestoreError> {
    let revision = restored.workbook.unknown.remove("revision").and_then(|r| serde_json::from_value(r).ok());
    Ok((restored, revision))
}

/// The stored text of a workbook at a revision: the workbook's JSON object with the
/// revision as its last field. Serialized once; the text is what is written, compared on
/// read-back, and remembered as the version this tab saw.
fn stored_json(workbook: &Workbook, revision: &Revision) -> Result<String, String> {
    let mut json = serde_json::to_string(workbook).map_err(|e| format!("the answers could not be encoded ({e})"))?;
    json.pop(); // a workbook always serializes as a non-empty object: `{…}`
    let revision = serde_json::to_string(revision).expect("a revision always serializes");
    Ok(format!("{json},\"revision\":{revision}}}"))
}

/// A stored text without its revision: two texts with the same answers share it. The
/// revision is the last field, and inside answers a quote is always escaped, so the last
/// `,"revision":` is where it starts.
fn answers_part(text: &str) -> &str {
    text.rfind(",\"revision\":").map_or(text, |at| &text[..at])
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
    // gloo parses the stored JSON once; `restore` migrates and recovers from that.
    let restored = match LocalStorage::get::<serde_json::Value>(KEY) {
        Ok(json) => restore_value(json).and_then(with_revision),
        Err(StorageError::KeyNotFound(_)) => return Loaded::Fresh,
        Err(StorageError::SerdeError(error)) => {
            Err(RestoreError::NotJson { message: error.to_string(), truncated: error.is_eof() })
        }
        Err(StorageError::JsError(_)) => {
            return Loaded::Unreadable { error: "this browser does not allow the page to use local storage".into() }
        }
    };
    let raw = stored(KEY).unwrap_or_default();
    match restored {
        Ok((restored, revision)) => {
            remember(revision.map(|r| r.id), raw.clone());
            if !restored.damage.is_empty() {
                // Keep the original aside: the next save writes only what could be read.
                let _ = LocalStorage::raw().set_item(UNREADABLE_KEY, &raw);
            }
            record_progress(&restored.workbook);
            Loaded::Stored { workbook: restored.workbook, damage: restored.damage }
        }
        Err(error) => {
            // Keep the raw text aside before anything can save over it.
            let _ = LocalStorage::raw().set_item(UNREADABLE_KEY, &raw);
            LocalStorage::delete(KEY);
            Loaded::Unreadable { error: error.to_string() }
        }
    }
}

/// Records the progress of the exercises this page holds. A convenience for the home page of
/// another page: a full storage that refuses it changes nothing else.
fn record_progress(workbook: &Workbook) {
    let text = crate::course::progress::record(workbook, &stored(PROGRESS_KEY).unwrap_or_default());
    let _ = LocalStorage::raw().set_item(PROGRESS_KEY, &text);
}

/// Exercise `key`'s progress as the page that holds it last recorded it.
pub fn recorded_progress(key: &str) -> Option<crate::course::progress::Progress> {
    crate::course::progress::recorded(&stored(PROGRESS_KEY)?, key)
}

/// The text kept aside by [`load`] when stored data could not be read.
pub fn unreadable_data() -> Option<String> {
    stored(UNREADABLE_KEY)
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
    /// The caller shows the merged workbook, and keeps `replaced` (the side whose text lost
    /// a clash) in history.
    Merged {
        merged: Merged,
        replaced: Workbook,
    },
}

/// Writes the workbook (merged with another tab's save, if one happened) and reads it
/// back. `Err` carries what went wrong, in plain words.
pub fn save(workbook: &Workbook) -> Result<Saved, String> {
    let stored = stored(KEY).unwrap_or_default();
    let (latest_id, latest_text) = latest();
    if !stored.is_empty() && stored != latest_text {
        // Another tab saved since this tab last read or wrote.
        let Some(merge) = merge_stored(&stored, workbook)? else { return Ok(Saved::Unchanged) };
        write_checked(&merge.merged.workbook)?;
        return Ok(Saved::Merged { merged: merge.merged, replaced: merge.replaced });
    }
    let unchanged = latest_id.is_some() && stored == latest_text && is_saved(workbook, &latest_text)?;
    if unchanged {
        return Ok(Saved::Unchanged);
    }
    write_checked(workbook)?;
    Ok(Saved::Written)
}

/// Whether `text` (a stored version) holds exactly these answers, whatever its revision.
fn is_saved(workbook: &Workbook, text: &str) -> Result<bool, String> {
    let json = stored_json(workbook, &Revision { id: String::new(), parent: None })?;
    Ok(answers_part(&json) == answers_part(text))
}

/// Another tab's save merged into this tab's answers.
pub struct TabMerge {
    pub merged: Merged,
    /// The side whose text lost a clash (whole workbook), for history.
    pub replaced: Workbook,
    /// Whether the merge differs from what the other tab stored (so it must be written).
    pub differs_from_stored: bool,
}

/// Another tab saved `stored` (seen at save time, or in a `storage` event): merges it into
/// this tab's answers, against the version that tab started from. `None` when this tab
/// already has it.
///
/// An answer both tabs changed keeps the newer text, decided the same way in both tabs so
/// they agree: edits this tab has not saved yet are the newest of all; otherwise the save
/// with the later revision id (a timestamp first) wins.
pub fn merge_stored(stored: &str, mine: &Workbook) -> Result<Option<TabMerge>, String> {
    let (latest_id, latest_text) = latest();
    if stored == latest_text {
        return Ok(None);
    }
    let (theirs, revision) =
        decode(stored).map_err(|e| format!("another tab saved answers this tab cannot read ({e}); reload this tab"))?;
    let theirs = theirs.workbook;
    let base = decode(&base_for(revision.as_ref())).map(|(r, _)| r.workbook).unwrap_or_default();
    let mine_is_saved = is_saved(mine, &latest_text).unwrap_or(false);
    let theirs_is_later = match (&revision, &latest_id) {
        (Some(theirs), Some(ours)) => theirs.id > *ours,
        _ => true,
    };
    let newer = if mine_is_saved && theirs_is_later { Newer::Theirs } else { Newer::Mine };
    remember(revision.map(|r| r.id), stored.to_owned());
    let merged = three_way(&base, mine, &theirs, newer);
    let differs_from_stored = merged.workbook != theirs;
    let replaced = match newer {
        Newer::Mine => theirs,
        Newer::Theirs => mine.clone(),
    };
    Ok(Some(TabMerge { merged, replaced, differs_from_stored }))
}

/// Writes `workbook` as a new version made from the latest one this tab saw, and reads it
/// back.
fn write_checked(workbook: &Workbook) -> Result<(), String> {
    let revision = new_revision(latest().0);
    let json = stored_json(workbook, &revision)?;
    // Through the raw Storage: gloo's `set` would serialize a value, and this text is
    // already the JSON (serialized once, and needed as it is for the read-back).
    let storage = LocalStorage::raw();
    // The recorded progress (a few dozen characters) never takes the answers' room: on a
    // refusal it goes, and the write is tried once more.
    let written = storage.set_item(KEY, &json).or_else(|_| {
        let _ = storage.set_item(PROGRESS_KEY, "");
        storage.set_item(KEY, &json)
    });
    written.map_err(|error| write_refused(&js_error_name(&error)))?;
    match stored(KEY) {
        Some(back) if back == json => {
            remember(Some(revision.id), back);
            record_progress(workbook);
            Ok(())
        }
        _ => Err("the browser did not keep what was written".into()),
    }
}

/// The stored history; empty when there is none or it cannot be read (it is a convenience,
/// never a reason to stop the app).
pub fn load_history() -> History {
    LocalStorage::get(HISTORY_KEY).unwrap_or_default()
}

/// Writes the history, trimming the oldest snapshots when storage is short.
pub fn save_history(history: &mut History) -> Result<(), String> {
    history.trim_to(HISTORY_MAX_BYTES);
    loop {
        match LocalStorage::set(HISTORY_KEY, &*history) {
            Ok(()) => return Ok(()),
            Err(StorageError::JsError(_)) if history.snapshots.len() > 1 => {
                let size = serde_json::to_string(history).map_or(0, |json| json.len());
                history.trim_to(size / 2);
            }
            Err(error) => return Err(describe_write_error(error)),
        }
    }
}

/// A failed write in words a participant can act on: a full storage (the usual case), or
/// what the browser said.
fn describe_write_error(error: StorageError) -> String {
    match error {
        StorageError::JsError(error) => write_refused(&error.name),
        StorageError::SerdeError(error) => format!("the answers could not be encoded ({error})"),
        StorageError::KeyNotFound(key) => format!("the browser lost what was written under {key}"),
    }
}

/// The browser refused a write; `name` is its exception's name.
fn write_refused(name: &str) -> String {
    if name.contains("Quota") || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        "this browser's storage is full".into()
    } else {
        format!("the browser refused to store it ({})", if name.is_empty() { "unknown error" } else { name })
    }
}

fn js_error_name(error: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default()
}
