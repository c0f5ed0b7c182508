//! The home page: both modules, their exercises, time estimates and progress.

use leptos::prelude::*;

use super::{app_state, set_document_title};
use crate::browser::storage;
use crate::course::progress::exercise_progress;
use crate::course::{Exercise, Module, MODULES};
use crate::route::Route;

#[component]
pub fn HomePage() -> impl IntoView {
    set_document_title("Session 2 homework");
    let workbook = app_state().workbook;
    let profile_empty = Memo::new(move |_| workbook.with(|w| w.profile.is_empty()));
    view! {
        <h1>"Session 2 homework"</h1>
        <p class="lead">
            "Work through your exercises in guided steps. Every answer is saved in this browser as you type; "
            "export each deliverable when you are done and hand in the files."
        </p>
        <Show when=move || profile_empty.get()>
            <div class="callout">
                <p><strong>"First, your profile."</strong>" Your name, cohort and client go on every file you export."</p>
                <a class="button" href=Route::Profile.href()>"Fill in your profile"</a>
            </div>
        </Show>
        <div class="modules">
            {MODULES.iter().map(|module| view! { <ModuleCard module=module/> }).collect_view()}
        </div>
        <p class="meta">
            "Instructors: " <a href=Route::Review.href()>"Review a cohort’s exported files"</a>
            " (completeness, findings and a summary for the gradebook, on a page of its own)."
        </p>
    }
}

#[component]
fn ModuleCard(module: &'static Module) -> impl IntoView {
    let heading_id = format!("{}-title", module.slug);
    let labelled_by = heading_id.clone();
    view! {
        <section class="module" aria-labelledby=labelled_by>
            <h2 id=heading_id>{module.name} ": " {module.title}</h2>
            <p class="meta">{module.session} " · " {module.homework_minutes} " min of homework in total"</p>
            <ul class="exercise-list">
                {module.exercises.iter().map(|exercise| view! { <ExerciseItem exercise=exercise/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn ExerciseItem(exercise: &'static Exercise) -> impl IntoView {
    let workbook = app_state().workbook;
    let title = format!("Exercise {} · {}", exercise.number, exercise.title);
    let minutes = exercise.minutes.map(|m| view! { <span class="minutes">{m} " min"</span> });
    let deliverable = view! { <p class="deliverable">"Deliverable: " <code>{exercise.deliverable}</code></p> };
    let built = exercise.is_built();
    // An exercise held by another page of the site (its own download) has the progress
    // that page recorded, once it has saved; read again whenever the answers change.
    let progress = Memo::new(move |_| {
        workbook.with(|w| match built {
            true => exercise_progress(exercise, &exercise.answers_in(w)),
            false => storage::recorded_progress(exercise.key).unwrap_or_default(),
        })
    });
    view! {
        <li class="exercise">
            <div class="exercise-head">
                <a class="exercise-title" href=Route::Exercise(exercise.key).href()>{title}</a>
                {minutes}
            </div>
            <p>{exercise.summary}</p>
            {deliverable}
            <div class="progress-line">
                <progress max="100" value=move || progress.get().percent() aria-label=format!("Exercise {} progress", exercise.number)></progress>
                <span>{move || {
                    let p = progress.get();
                    // Total 0: another page's exercise that page has not recorded in this browser.
                    match p.total {
                        0 => "Not started in this browser".to_owned(),
                        _ => format!("{}% · {} of {} answers", p.percent(), p.done, p.total),
                    }
                }}</span>
            </div>
            {(!built).then(|| view! { <p class="status">{elsewhere(exercise)}</p> })}
        </li>
    }
}

/// Where an exercise held by another page opens: its module's workbook, or (the capstone,
/// `Exercise::page`) a page of its own beside its module's.
fn elsewhere(exercise: &'static Exercise) -> String {
    match (exercise.page, crate::course::find_exercise(exercise.key)) {
        (None, Some((module, _))) => format!("Opens the {} workbook, a page of its own.", module.name),
        _ => "Opens on a page of its own.".to_owned(),
    }
}
