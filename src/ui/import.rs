//! The restore/import page: choose a file, see exactly what would change, confirm or
//! cancel, and undo right after.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::history::take_snapshot;
use super::{app_state, focus, set_document_title};
use crate::browser::file_input::read_chosen;
use crate::import::{self, Change, Incoming};
use crate::model::Workbook;
use crate::route::Route;

#[derive(Clone)]
enum Step {
    Choose,
    Failed(String),
    Review { file_name: String, incoming: Arc<Incoming>, changes: Arc<Vec<Change>> },
    Done { file_name: String, replaced: usize, before: Arc<Workbook>, exercise: Option<Route> },
    Undone { file_name: String },
}

/// Where the outcome is announced; focus goes there so screen readers read it.
const RESULT_ID: &str = "import-result";

#[component]
pub fn ImportPage() -> impl IntoView {
    set_document_title("Restore or import");
    let state = app_state();
    let workbook = state.workbook;
    let step = RwSignal::new(Step::Choose);
    let show = move |next: Step| {
        step.set(next);
        request_animation_frame(|| {
            focus(RESULT_ID);
        });
    };

    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        leptos::task::spawn_local(async move {
            let Some(chosen) = read_chosen(&input).await else { return };
            // Choosing the same file again must read it again.
            input.set_value("");
            let next =
                match chosen.and_then(|(name, bytes)| import::read(&name, &bytes).map(|incoming| (name, incoming))) {
                    Err(error) => Step::Failed(error.to_string()),
                    Ok((file_name, incoming)) => {
                        let changes = workbook
                            .with_untracked(|current| import::changes(current, &import::apply(current, &incoming)));
                        Step::Review { file_name, incoming: Arc::new(incoming), changes: Arc::new(changes) }
                    }
                };
            show(next);
        });
    };

    let confirm = move |file_name: String, incoming: Arc<Incoming>| {
        let before = workbook.get_untracked();
        let after = import::apply(&before, &incoming);
        let replaced = import::changes(&before, &after).len();
        // What is replaced stays restorable from each exercise's history.
        for (key, answers) in &before.exercises {
            if after.exercises.get(key) != Some(answers) {
                take_snapshot(state, key, answers, &format!("Before importing {file_name}"));
            }
        }
        workbook.set(after);
        let exercise = match &*incoming {
            Incoming::Deliverable { exercise, .. } => Some(Route::Exercise(exercise.key)),
            _ => None,
        };
        show(Step::Done { file_name, replaced, before: Arc::new(before), exercise });
    };

    view! {
        <h1>"Restore a backup or import a file"</h1>
        <p class="lead">
            "Load a full backup (" <code>".json"</code> "), a deliverable you exported (" <code>".md"</code>
            ", or Module 5's " <code>".zip"</code> ") back into this browser, for example on a new computer. A "
            "workflow (" <code>".yml"</code> ") says whether it was edited since export. You will see every answer that would change "
            "before anything is replaced, and you can undo it afterwards."
        </p>
        <div class="field">
            <label for="import-file">"Backup or exported deliverable"</label>
            <p class="help" id="import-file-help">{format!("A .json backup, or a .md, .zip or .yml file downloaded from this Workbook, up to {} MB.", crate::import::max_megabytes())}</p>
            <input type="file" id="import-file" aria-describedby="import-file-help"
                accept=".json,.md,.markdown,.txt,.zip,.yml,.yaml,application/json,text/markdown,text/plain,application/zip,application/yaml" on:change=on_change/>
        </div>
        <div id=RESULT_ID tabindex="-1" class="import-result">
            {move || match step.get() {
                Step::Choose => ().into_any(),
                Step::Failed(message) => view! {
                    <div class="banner banner-error" role="alert"><p>{message}</p></div>
                }.into_any(),
                Step::Undone { file_name } => view! {
                    <p class="banner banner-ok" role="status">"The import of “" {file_name} "” was undone: your answers are as they were."</p>
                }.into_any(),
                Step::Done { file_name, replaced, before, exercise } => view! {
                    <div class="banner banner-ok" role="status">
                        <p>
                            "Imported “" {file_name.clone()} "”: " {replaced} " "
                            {if replaced == 1 { "answer" } else { "answers" }} " replaced. The answers it replaced are in each exercise’s History."
                        </p>
                        <p>
                            <button type="button" class="secondary" on:click=move |_| {
                                workbook.set((*before).clone());
                                show(Step::Undone { file_name: file_name.clone() });
                            }>"Undo import"</button>
                            " "
                            {match exercise {
                                Some(route) => view! { <a href=route.href()>"Open the exercise"</a> }.into_any(),
                                None => view! { <a href=Route::Home.href()>"Go to the exercises"</a> }.into_any(),
                            }}
                        </p>
                    </div>
                }.into_any(),
                Step::Review { file_name, incoming, changes } => {
                    let description = incoming.describe();
                    let warnings = incoming.warnings();
                    let count = changes.len();
                    let cancel = move |_| show(Step::Choose);
                    if count == 0 {
                        // A workflow or a deck carries no answers; an export identical to the work has none to change.
                        let nothing = if matches!(*incoming, Incoming::Generated { .. } | Incoming::Companion { .. }) {
                            ""
                        } else {
                            " It matches your current work: there is nothing to import."
                        };
                        return view! {
                            <div class="banner banner-ok" role="status">
                                <p>"“" {file_name} "” is " {description} "." {nothing}</p>
                                {warnings.into_iter().map(|w| view! { <p>{w}</p> }).collect_view()}
                            </div>
                        }.into_any();
                    }
                    let apply_file_name = file_name.clone();
                    view! {
                        <section class="import-review" aria-labelledby="review-heading">
                            <h2 id="review-heading">"Check what will change"</h2>
                            <p>"“" {file_name} "” is " {description} "."</p>
                            {(!warnings.is_empty()).then(|| view! {
                                <ul class="warnings">{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                            })}
                            <table class="changes">
                                <caption>{count} {if count == 1 { " answer will be replaced" } else { " answers will be replaced" }} "; everything else stays as it is."</caption>
                                <thead><tr><th scope="col">"Where"</th><th scope="col">"Answer"</th><th scope="col">"Now"</th><th scope="col">"From the file"</th></tr></thead>
                                <tbody>
                                    {changes.iter().map(|c| view! {
                                        <tr><td>{c.place.clone()}</td><th scope="row">{c.answer.clone()}</th><td>{c.before.clone()}</td><td>{c.after.clone()}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <div class="actions">
                                <button type="button" class="primary" on:click=move |_| confirm(apply_file_name.clone(), incoming.clone())>
                                    {if count == 1 { "Replace 1 answer".to_owned() } else { format!("Replace {count} answers") }}
                                </button>
                                <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
                            </div>
                        </section>
                    }.into_any()
                }
            }}
        </div>
    }
}

/// The element an event was fired on, as the type the handler expects.
fn event_target<T: JsCast>(ev: &leptos::ev::Event) -> T {
    ev.target().expect("change events have a target").unchecked_into()
}
