//! An exercise: its sections one at a time, with guidance, progress, the self-check,
//! a live preview of the deliverable and its export.

use std::time::Duration;

use leptos::prelude::*;

use super::download_button::{DownloadButton, FileToDownload, Produce};
use super::fields::{with_answers, with_inputs, FieldView};
use super::history::{take_snapshot, HistoryPanel};
use super::{app_state, focus, set_document_title};
use crate::browser::export_timestamp;
#[cfg(not(feature = "capstone-page"))]
use crate::course::progress::self_check;
use crate::course::progress::{exercise_progress, section_progress};
use crate::course::Inputs;
use crate::course::{find_exercise, Exercise, Module, Section};
use crate::render::document::Block;
use crate::render::export::{self, Export};
use crate::render::{exercise_document, generated, html::to_html, Deliverable};
use crate::route::Route;

/// How long the preview waits after a change before it re-renders, so that typing in a
/// long answer never waits on a full document render.
const PREVIEW_DELAY: Duration = Duration::from_millis(250);

#[component]
pub fn ExercisePage(key: &'static str) -> impl IntoView {
    let (module, exercise) = find_exercise(key).expect("routes only name known exercises");
    let title = format!("Exercise {} · {}", exercise.number, exercise.title);
    set_document_title(&title);
    let workbook = app_state().workbook;
    // Tables start with the guide's rows; write them once so the form and export agree.
    if workbook.with_untracked(|w| w.exercises.get(key) != Some(&exercise.stored_answers_in(w))) {
        workbook.update(|w| {
            exercise.answers_in_mut(w);
        });
    }

    // The sections that apply to the answers (a strategy's own steps: `Section::shown_when`),
    // one bit per section. A bit set rather than a list: a memo of a new type would bring its
    // own copy of the reactive code into the download.
    let shown = Memo::new(move |_| {
        workbook.with(|w| {
            with_answers(w, key, |a| {
                exercise
                    .sections
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.applies(a))
                    .fold(0usize, |bits, (i, _)| bits | 1 << i)
            })
        })
    });
    // Index of the section on screen: the one stored if it applies, or the first.
    let current = Memo::new(move |_| {
        let stored = workbook
            .with(|w| w.last_sections.get(key).and_then(|id| exercise.sections.iter().position(|s| s.id == *id)));
        let bits = shown.get();
        stored.filter(|i| bits & (1 << i) != 0).unwrap_or(bits.trailing_zeros() as usize)
    });
    // The one progress figure every page shows: the answers with the parts carried from
    // other exercises, which count as answered until refined (`with_inputs`).
    let progress = Memo::new(move |_| workbook.with(|w| with_inputs(w, key, |i| exercise_progress(exercise, i))));

    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href=Route::Home.href()>"Exercises"</a> " / " {module.name} " / " <span aria-current="page">"Exercise " {exercise.number}</span>
        </nav>
        <div class="exercise-header">
            <div>
                <h1>{title}</h1>
                <p class="lead">{exercise.summary}</p>
                <p class="meta">
                    {move || { let p = progress.get(); format!("{}% complete · {} of {} answers", p.percent(), p.done, p.total) }}
                </p>
            </div>
        </div>
        <div class="exercise-layout">
            <aside class="steps" aria-label="Sections">
                <SectionSteps exercise current shown/>
                <SelfCheck exercise/>
                <HistoryPanel exercise/>
            </aside>
            <div class="section-pane">
                {move || view! { <SectionForm exercise index=current.get() shown/> }}
            </div>
            // The exports in one place on every exercise: beside the form, in view as it
            // scrolls, and the next stop for the keyboard after the form's last field.
            <div class="side">
                <ExportButton exercise/>
                // On a phone the preview waits until asked for (style.css).
                <input type="checkbox" id="show-preview" class="preview-toggle"/>
                <label for="show-preview" class="preview-toggle-label">"Show the preview"</label>
                <Preview module exercise/>
            </div>
        </div>
    }
    .into_any()
}

fn set_current_section(key: &'static str, section: &'static Section) {
    app_state().workbook.update(|w| {
        w.last_sections.insert(key.to_owned(), section.id.to_owned());
    });
}

/// A section's number among those shown (`shown`: one bit per section), 0 when it is not
/// shown: the numbers the document uses too.
fn number(shown: Memo<usize>, index: usize) -> impl Fn() -> usize + Copy {
    move || {
        let bits = shown.get();
        if bits & (1 << index) == 0 {
            0
        } else {
            (bits & ((1 << index) - 1)).count_ones() as usize + 1
        }
    }
}

#[component]
fn SectionSteps(exercise: &'static Exercise, current: Memo<usize>, shown: Memo<usize>) -> impl IntoView {
    let workbook = app_state().workbook;
    view! {
        <ol class="step-list">
            {exercise.sections.iter().enumerate().map(|(index, section)| {
                let progress = Memo::new(move |_| workbook.with(|w| with_inputs(w, exercise.key, |i| section_progress(section, i))));
                let is_current = move || current.get() == index;
                let number = number(shown, index);
                view! {
                    <li class:current=is_current class:complete=move || progress.get().is_complete()
                        hidden=move || { number() == 0 }>
                        <button type="button" class="step" aria-current=move || is_current().then_some("step")
                            on:click=move |_| set_current_section(exercise.key, section)>
                            <span class="step-title">{number} ". " {section.title}</span>
                            // A section with nothing to answer (the drafted slides) shows no count.
                            <Show when=move || progress.get().total != 0>
                                <span class="step-progress">
                                    {move || { let p = progress.get(); format!("{} of {}", p.done, p.total) }}
                                    <span class="visually-hidden">" answered"</span>
                                </span>
                            </Show>
                        </button>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

#[component]
fn SectionForm(exercise: &'static Exercise, index: usize, shown: Memo<usize>) -> impl IntoView {
    let section = &exercise.sections[index];
    // The neighbours among the sections shown: they change when a choice shows or hides one.
    let neighbour = move |forward: bool| {
        let bits = shown.get();
        let mut at = index;
        loop {
            at = if forward { at + 1 } else { at.checked_sub(1)? };
            if at >= exercise.sections.len() {
                return None;
            }
            if bits & (1 << at) != 0 {
                return Some(&exercise.sections[at]);
            }
        }
    };
    let number = number(shown, index);
    let go = move |target: &'static Section| {
        set_current_section(exercise.key, target);
        // Start the new section at its heading, for sighted and screen-reader users alike.
        request_animation_frame(|| {
            if let Some(heading) = focus("section-heading") {
                heading.scroll_into_view();
            }
        });
    };
    view! {
        <section class="section-form" aria-labelledby="section-heading">
            <h2 id="section-heading" tabindex="-1">{number} ". " {section.title}</h2>
            <p class="intro">{section.intro}</p>
            <details class="guidance" open>
                <summary>"What good looks like"</summary>
                <ul>{section.guidance.iter().map(|g| view! { <li>{*g}</li> }).collect_view()}</ul>
            </details>
            <form on:submit=|ev| ev.prevent_default()>
                {section.fields.iter().map(|field| view! { <FieldView key=exercise.key field/> }).collect_view()}
            </form>
            <div class="section-nav">
                {move || neighbour(false).map(|s| view! {
                    <button type="button" class="secondary" on:click=move |_| go(s)>"← Previous: " {s.title}</button>
                })}
                {move || neighbour(true).map(|s| view! {
                    <button type="button" on:click=move |_| go(s)>"Next: " {s.title} " →"</button>
                })}
            </div>
        </section>
    }
}

/// A success criterion in a self-check, met or not (in words for screen readers).
fn criterion_item(text: &'static str, met: bool) -> impl IntoView {
    view! {
        <li class:met=met>
            <span class="mark" aria-hidden="true">{if met { "✓" } else { "○" }}</span>
            <span class="visually-hidden">{if met { "Met: " } else { "Not met yet: " }}</span>
            {text}
        </li>
    }
}

/// The guide's red flags under the self-check, as the instructor's review lists them.
fn red_flag_list(flags: Vec<String>) -> Option<impl IntoView> {
    (!flags.is_empty()).then(|| {
        view! {
            <h3 class="red-flags-heading">"Red flags your instructor will see"</h3>
            <ul class="red-flags">{flags.into_iter().map(|flag| view! { <li>{flag}</li> }).collect_view()}</ul>
        }
    })
}

#[cfg(not(feature = "capstone-page"))]
#[component]
fn SelfCheck(exercise: &'static Exercise) -> impl IntoView {
    let workbook = app_state().workbook;
    let checks = Memo::new(move |_| workbook.with(|w| with_inputs(w, exercise.key, |i| self_check(exercise, i))));
    // The guide's red flags, as the instructor's review will list them: the criteria can all
    // be met while one stands (a smoke test that checks nothing). A plain closure, not a
    // memo: a memo of a new type brings its own copy of the reactive code into the download.
    let red_flags = move || red_flag_list(workbook.with(|w| with_inputs(w, exercise.key, |i| (exercise.red_flags)(i))));
    view! {
        <section class="self-check" aria-labelledby="self-check-heading">
            <h2 id="self-check-heading">"Self-check"</h2>
            <p class="meta">
                {move || { let c = checks.get(); format!("{} of {} success criteria met", c.iter().filter(|(_, ok)| *ok).count(), c.len()) }}
            </p>
            <ul class="criteria">
                {move || checks.get().into_iter().map(|(text, met)| criterion_item(text, met)).collect_view()}
            </ul>
            {red_flags}
        </section>
    }
}

/// The capstone's page: the self-check is made by the export worker
/// (`render::export::Export::Check`), whose download holds the checks this page leaves out
/// (`module6::capstone::CHECKS_HERE`); "Checking…" until its first reply.
#[cfg(feature = "capstone-page")]
#[component]
fn SelfCheck(exercise: &'static Exercise) -> impl IntoView {
    let checked: RwSignal<Option<(Vec<bool>, Vec<String>)>> = RwSignal::new(None);
    check_in_worker(exercise, checked);
    let summary = move || match checked.get() {
        Some((met, _)) => {
            format!("{} of {} success criteria met", met.iter().filter(|m| **m).count(), exercise.criteria.len())
        }
        None => format!("Checking {} success criteria…", exercise.criteria.len()),
    };
    let criteria = move || {
        let met = checked.with(|c| c.as_ref().map(|(met, _)| met.clone()).unwrap_or_default());
        exercise
            .criteria
            .iter()
            .zip(met.into_iter().chain(std::iter::repeat(false)))
            .map(|(criterion, met)| criterion_item(criterion.text, met))
            .collect_view()
    };
    let red_flags =
        move || red_flag_list(checked.with(|c| c.as_ref().map(|(_, flags)| flags.clone()).unwrap_or_default()));
    view! {
        <section class="self-check" aria-labelledby="self-check-heading">
            <h2 id="self-check-heading">"Self-check"</h2>
            <p class="meta" aria-live="polite">{summary}</p>
            <ul class="criteria">{criteria}</ul>
            {red_flags}
            {rubric_view(exercise, checked)}
        </section>
    }
}

/// The guide's rubric as the instructor will score it: each criterion's points, what it
/// looks for, the sections it reads, and the success criteria that are its evidence, met
/// or not. A proposal that fails a calculator shows it here under the criterion it costs.
#[cfg(feature = "capstone-page")]
fn rubric_view(exercise: &'static Exercise, checked: RwSignal<Option<(Vec<bool>, Vec<String>)>>) -> impl IntoView {
    let Some(crate::course::Grading::Points(rubric)) = exercise.grading else { return None };
    let total: u32 = rubric.criteria.iter().map(|c| c.points).sum();
    let criteria = rubric.criteria.iter().map(move |criterion| {
        let sections = criterion
            .sections
            .iter()
            .filter_map(|id| exercise.section(id))
            .map(|s| s.title)
            .collect::<Vec<_>>()
            .join(", ");
        let evidence = move || {
            let met = checked.with(|c| c.as_ref().map(|(met, _)| met.clone()).unwrap_or_default());
            criterion
                .evidence
                .iter()
                .map(|index| {
                    let met = met.get(*index).copied().unwrap_or(false);
                    // The criterion's name, without its list of what it checks.
                    criterion_item(exercise.criteria[*index].text.split(':').next().unwrap_or(""), met)
                })
                .collect_view()
        };
        view! {
            <h4>{criterion.title} " (" {criterion.points} " points)"</h4>
            <p class="meta">"Looks for: " {criterion.look_for.join("; ")} ". Reads: " {sections} "."</p>
            <ul class="criteria">{evidence}</ul>
        }
    });
    Some(view! {
        <details class="rubric-self">
            <summary>"The rubric: " {total} " points, certification at " {rubric.pass_mark}</summary>
            {criteria.collect_view()}
        </details>
    })
}

/// How long the self-check waits after a change before it asks the worker again.
#[cfg(feature = "capstone-page")]
const CHECK_DELAY: Duration = Duration::from_millis(400);

/// The self-check made by the export worker (`render::export::Export::Check`), asked again
/// a moment after each change; a reply older than the last request is dropped.
#[cfg(feature = "capstone-page")]
fn check_in_worker(exercise: &'static Exercise, checked: RwSignal<Option<(Vec<bool>, Vec<String>)>>) {
    let workbook = app_state().workbook;
    let asked = StoredValue::new(0u32);
    let ask = move || {
        asked.update_value(|n| *n += 1);
        let this = asked.get_value();
        let json = workbook.with_untracked(|w| serde_json::to_string(w).unwrap_or_default());
        let request = export::request(exercise.key, Export::Check, "", &json);
        leptos::task::spawn_local(async move {
            // A worker that cannot start leaves the criteria unchecked ("Checking…"): the
            // export buttons say what went wrong when used.
            if let Ok(reply) = crate::browser::export::made_in_worker(request).await {
                if asked.get_value() == this {
                    checked.set(Some(export::read_check_reply(&String::from_utf8_lossy(&reply.contents))));
                }
            }
        });
    };
    // The first check once the page has painted and the browser is idle, then one a moment
    // after each burst of changes: the preview's pattern, written twice on purpose (a shared
    // function measured 109 bytes over Module 5's page budget).
    request_idle_callback(ask);
    let scheduled = StoredValue::new(false);
    Effect::watch(
        move || workbook.track(),
        move |_, _, _| {
            if !scheduled.get_value() {
                scheduled.set_value(true);
                set_timeout(
                    move || {
                        scheduled.set_value(false);
                        ask();
                    },
                    CHECK_DELAY,
                );
            }
        },
        false,
    );
}

#[component]
fn Preview(module: &'static Module, exercise: &'static Exercise) -> impl IntoView {
    let workbook = app_state().workbook;
    let render = move || {
        workbook.with_untracked(|w| {
            let answers = exercise.answers_in(w);
            let mut html =
                to_html(&exercise_document(&Deliverable::of(module, exercise, w, &answers, "when you export")));
            // The generated files follow the document, as they will be committed (Module 5's
            // page only: no other page's download carries their code).
            let inputs = Inputs::new(&answers, w);
            for file in exercise.files.iter().filter(|_| cfg!(feature = "module5")) {
                html.push_str(&to_html(&[
                    Block::Heading { level: 2, text: file.path.to_owned() },
                    Block::Code { language: "yaml", code: generated::text(exercise, file, &inputs) },
                ]));
            }
            html
        })
    };
    // The first render waits until the page has painted its form and the browser is idle:
    // the preview is the heaviest part of the page and nobody needs it before they can type.
    let html = RwSignal::new(String::new());
    request_idle_callback(move || html.set(render()));
    let scheduled = StoredValue::new(false);
    Effect::watch(
        move || workbook.track(),
        move |_, _, _| {
            if !scheduled.get_value() {
                scheduled.set_value(true);
                set_timeout(
                    move || {
                        scheduled.set_value(false);
                        html.set(render());
                    },
                    PREVIEW_DELAY,
                );
            }
        },
        false,
    );
    view! {
        // Focusable: the preview scrolls on its own, and keyboard users must be able to scroll it.
        <aside class="preview" aria-labelledby="preview-heading" tabindex="0">
            <h2 id="preview-heading">"Preview of " <code>{exercise.deliverable}</code></h2>
            <div class="preview-body markdown" inner_html=move || html.get()></div>
            {workflow_editors(exercise)}
        </aside>
    }
}

/// Editors for the exercise's generated files (Module 5's page only).
#[cfg(all(feature = "module5", feature = "forms"))]
fn workflow_editors(exercise: &'static Exercise) -> AnyView {
    if exercise.files.is_empty() {
        return ().into_any();
    }
    view! { <super::workflows::WorkflowEditors exercise/> }.into_any()
}

#[cfg(not(all(feature = "module5", feature = "forms")))]
fn workflow_editors(_: &'static Exercise) -> AnyView {
    ().into_any()
}

#[component]
fn ExportButton(exercise: &'static Exercise) -> impl IntoView {
    let state = app_state();
    let workbook = state.workbook;
    let profile_empty = Memo::new(move |_| workbook.with(|w| w.profile.name.trim().is_empty()));
    // The request for a file the export worker makes from the answers as they are at the
    // click (unsaved edits included), stamped with its time (`render::export`).
    let request = move |export: Export| {
        let workbook_json = workbook.with_untracked(|w| serde_json::to_string(w).unwrap_or_default());
        export::request(exercise.key, export, &export_timestamp(), &workbook_json)
    };
    let in_worker = move |export: Export| Produce::InWorker(Callback::new(move |()| request(export)));
    let document = Produce::InWorker(Callback::new(move |()| {
        let answers = workbook.with_untracked(|w| exercise.stored_answers_in(w));
        take_snapshot(state, exercise.key, &answers, &format!("Exported {}", exercise.deliverable));
        request(Export::Document)
    }));
    // A companion file (the deck) is a client document's (Module 6's capstone): pages
    // without one leave its button out.
    let companion = exercise.companion.as_ref().filter(|_| cfg!(feature = "client-documents")).map(|companion| {
        view! { <DownloadButton label=format!("Export {}", companion.deliverable) primary=false produce=in_worker(Export::Companion)/> }
    });
    // Generated files (Module 5's workflows), each on its own, and the whole repository
    // layout as a .zip.
    let generated = exercise
        .files
        .iter()
        .filter(|_| cfg!(feature = "module5"))
        .enumerate()
        .map(|(index, generated)| {
            let produce = Callback::new(move |()| {
                let contents = workbook.with_untracked(|w| {
                    let answers = exercise.answers_in(w);
                    generated::text(exercise, &exercise.files[index], &Inputs::new(&answers, w))
                });
                FileToDownload {
                    name: exercise.files[index].name().to_owned(),
                    mime: YAML,
                    contents: contents.into_bytes(),
                }
            });
            view! { <DownloadButton label=format!("Export {}", generated.name()) primary=false produce=Produce::Here(produce)/> }
        })
        .collect_view();
    let repository = (cfg!(feature = "module5") && !exercise.files.is_empty()).then(|| {
        view! { <DownloadButton label="Download all as a .zip (repository layout)".to_owned() primary=false produce=in_worker(Export::Repository)/> }
    });
    view! {
        <div class="export" role="group" aria-label="Export">
            <DownloadButton label=format!("Export {}", exercise.deliverable) primary=true produce=document/>
            {companion}
            {repository}
            {generated}
            <Show when=move || profile_empty.get()>
                <p class="help">
                    "Your name is missing from your "<a href=Route::Profile.href()>"profile"</a>
                    "; the file will say “Not answered”."
                </p>
            </Show>
        </div>
    }
}

const YAML: &str = "application/yaml;charset=utf-8";
