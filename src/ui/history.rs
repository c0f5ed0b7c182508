//! Snapshots of an exercise: taking them, and the panel that lists and restores them.

use leptos::prelude::*;

use super::{app_state, AppState};
use crate::browser::{local_time, now_ms, storage};
use crate::course::progress::exercise_progress;
use crate::course::Exercise;
use crate::model::ExerciseAnswers;

/// Adds a snapshot of these answers to the stored history. History is shared by every tab,
/// so it is read fresh before adding. A failure to store history never blocks anything:
/// the answers themselves are saved separately. Takes the state explicitly: it also runs
/// from timers and window events, outside any component.
pub fn take_snapshot(state: AppState, exercise: &str, answers: &ExerciseAnswers, reason: &str) {
    let mut history = storage::load_history();
    if history.record(exercise, answers, reason, now_ms()) {
        let _ = storage::save_history(&mut history);
    }
    state.history.set(history);
}

thread_local! {
    /// When editing began in this visit (the first save): the first editing snapshot comes
    /// a few minutes later, not on the first keystroke.
    static VISIT_START: f64 = now_ms();
}

/// An editing snapshot of every exercise that changed, when one is due (every few minutes).
pub fn take_editing_snapshots(state: AppState) {
    let now = now_ms();
    let since = VISIT_START.with(|start| *start);
    let due: Vec<(String, ExerciseAnswers)> = state.workbook.with_untracked(|w| {
        state.history.with_untracked(|h| {
            w.exercises
                .iter()
                .filter(|(key, answers)| {
                    h.edit_snapshot_due(key, now, since) && h.of(key).next().map(|s| &s.answers) != Some(answers)
                })
                .map(|(key, answers)| (key.clone(), answers.clone()))
                .collect()
        })
    });
    for (key, answers) in due {
        take_snapshot(state, &key, &answers, "While editing");
    }
}

/// The last restore, for its undo button: the snapshot of what was replaced.
#[derive(Clone)]
struct Restored {
    from: String,
    undo_id: Option<u64>,
}

#[component]
pub fn HistoryPanel(exercise: &'static Exercise) -> impl IntoView {
    let state = app_state();
    let last_restore = RwSignal::new(None::<Restored>);
    let snapshots = Memo::new(move |_| {
        state.history.with(|h| {
            h.of(exercise.key)
                .map(|s| {
                    let progress = exercise_progress(exercise, &s.answers);
                    (
                        s.id,
                        local_time(s.taken_ms),
                        s.reason.clone(),
                        format!("{} of {} answers", progress.done, progress.total),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let restore = move |id: u64| {
        let Some(snapshot) = state.history.with_untracked(|h| h.find(id).cloned()) else { return };
        let when = local_time(snapshot.taken_ms);
        let current = state.workbook.with_untracked(|w| exercise.stored_answers_in(w));
        take_snapshot(state, exercise.key, &current, &format!("Before restoring the version of {when}"));
        let undo_id = state.history.with_untracked(|h| h.of(exercise.key).next().map(|s| s.id));
        state.workbook.update(|w| {
            w.exercises.insert(exercise.key.to_owned(), snapshot.answers.clone());
        });
        last_restore.set(Some(Restored { from: when, undo_id: undo_id.filter(|u| *u != id) }));
    };
    view! {
        <section class="history" aria-labelledby="history-heading">
            <h2 id="history-heading">"History"</h2>
            <p class="meta">"Versions kept at each export, every few minutes while you type, and before anything replaces your answers."</p>
            <p role="status" class="history-status">
                {move || last_restore.get().map(|r| view! {
                    "Restored the version of " {r.from.clone()} ". "
                    {r.undo_id.map(|undo| view! {
                        <button type="button" class="link-button" on:click=move |_| {
                            restore(undo);
                            last_restore.set(None);
                        }>"Undo restore"</button>
                    })}
                })}
            </p>
            {move || {
                let list = snapshots.get();
                if list.is_empty() {
                    return view! { <p class="empty">"No earlier versions yet. One is kept when you export, and every few minutes while you work."</p> }.into_any();
                }
                view! {
                    <ol class="snapshots">
                        {list.into_iter().map(|(id, when, reason, answered)| {
                            let name = format!("Restore the version of {when} ({reason})");
                            view! {
                                <li>
                                    <span class="when">{when}</span>
                                    <span class="why">{reason}</span>
                                    <span class="meta">{answered}</span>
                                    <button type="button" class="secondary small" aria-label=name on:click=move |_| restore(id)>"Restore"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
