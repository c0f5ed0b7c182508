//! Persists the workbook: at most 300 ms after a change, and at once when the page is
//! hidden or closed, so neither typing speed nor closing the tab loses an answer. Saves
//! from other tabs are merged in as they happen (see `merge`), and editing snapshots go
//! to history every few minutes.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::history::{take_editing_snapshots, take_snapshot};
use super::{listen_to_window, AppState, SaveStatus};
use crate::browser::storage::{self, Saved};
use crate::merge::Merged;
use crate::model::Workbook;

/// The longest a change waits before it is written.
const SAVE_DELAY: Duration = Duration::from_millis(300);

pub fn start(state: AppState) {
    // Not a restarting debounce: the first unsaved change starts the clock and later
    // keystrokes ride along, so continuous typing is still saved every 300 ms.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::watch(
        move || state.workbook.track(),
        move |_, _, _| {
            state.save_status.set(SaveStatus::Pending);
            if pending.get_value().is_none() {
                let handle = set_timeout_with_handle(
                    move || {
                        pending.set_value(None);
                        save_now(state);
                    },
                    SAVE_DELAY,
                );
                match handle {
                    Ok(handle) => pending.set_value(Some(handle)),
                    Err(_) => save_now(state),
                }
            }
        },
        false,
    );

    let flush = move || {
        let handle = pending.get_value();
        if let Some(handle) = handle {
            handle.clear();
            pending.set_value(None);
        }
        if handle.is_some() || state.save_status.get_untracked() == SaveStatus::Pending {
            save_now(state);
        }
    };
    listen_to_window("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    listen_to_window("pagehide", move |_| flush());
    // Another tab of this browser saved: take its changes in now, not at the next save.
    listen_to_window("storage", move |event| {
        let event = event.unchecked_into::<web_sys::StorageEvent>();
        if event.key().as_deref() == Some(storage::HISTORY_KEY) {
            state.history.set(storage::load_history());
            return;
        }
        if event.key().as_deref() != Some(storage::KEY) {
            return;
        }
        let Some(stored) = event.new_value() else { return };
        match state.workbook.with_untracked(|mine| storage::merge_stored(&stored, mine)) {
            Ok(None) => {}
            Ok(Some(merge)) => {
                adopt(state, merge.merged, &merge.replaced);
                if merge.differs_from_stored {
                    save_now(state);
                }
            }
            Err(why) => {
                state.save_error.set(Some(why.clone()));
                state.save_status.set(SaveStatus::Failed(why));
            }
        }
    });
}

pub(super) fn save_now(state: AppState) {
    // User Timing marks, read by bench/typing-and-save.mjs; they cost microseconds.
    let performance = window().performance();
    if let Some(p) = &performance {
        let _ = p.mark("workbook-save-start");
    }
    let result = state.workbook.with_untracked(storage::save);
    if let Some(p) = &performance {
        let _ = p.mark("workbook-save-end");
        let _ = p.measure_with_start_mark_and_end_mark("workbook-save", "workbook-save-start", "workbook-save-end");
    }
    state.save_error.set(result.as_ref().err().cloned());
    state.save_status.set(match &result {
        Ok(_) => SaveStatus::Saved,
        Err(why) => SaveStatus::Failed(why.clone()),
    });
    match result {
        Ok(Saved::Merged { merged, replaced }) => adopt(state, merged, &replaced),
        Ok(Saved::Written) => take_editing_snapshots(state),
        Ok(Saved::Unchanged) | Err(_) => {}
    }
}

/// Shows a merge with another tab's save. Where both tabs changed the same answer, the
/// newer text was kept: the other one (in `replaced`) goes to history, and the participant
/// is told.
fn adopt(state: AppState, merged: Merged, replaced: &Workbook) {
    let mut clashed: Vec<&str> = merged.clashes.iter().filter_map(|c| c.exercise()).collect();
    clashed.dedup();
    for key in clashed {
        if let Some(answers) = replaced.exercises.get(key) {
            take_snapshot(state, key, answers, "Changed in another tab at the same time");
        }
    }
    if !merged.clashes.is_empty() {
        let places: Vec<String> = merged.clashes.iter().map(|c| c.describe()).collect();
        state.clash_notice.set(Some(places.join("; ")));
    }
    if state.workbook.with_untracked(|w| *w != merged.workbook) {
        state.workbook.set(merged.workbook);
    }
}
