//! Persists the workbook: at most 300 ms after a change, and at once when the page is
//! hidden or closed, so neither typing speed nor closing the tab loses an answer.

use std::time::Duration;

use leptos::prelude::*;

use super::{AppState, SaveStatus};
use crate::browser::storage;

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
    let on_hide = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    let on_leave = window_event_listener(leptos::ev::pagehide, move |_| flush());
    on_cleanup(move || {
        on_hide.remove();
        on_leave.remove();
    });
}

fn save_now(state: AppState) {
    let result = state.workbook.with_untracked(storage::save);
    state.save_error.set(result.as_ref().err().cloned());
    state.save_status.set(match result {
        Ok(()) => SaveStatus::Saved,
        Err(why) => SaveStatus::Failed(why),
    });
}
