//! One widget per field kind. Widgets know nothing about any particular exercise: they
//! read a `Field` description and bind it to the answers of exercise `key`.

use leptos::prelude::*;

use super::{app_state, focus};
use crate::course::{
    draft_text, find_exercise, unit_around, CarriedState, ChoiceOption, Column, Computed, ComputedFormat, Exercise,
    Field, FieldKind, Inputs, Reference, TableRows, TableSpec, MAX_ROWS,
};
use crate::model::{ExerciseAnswers, Row, Value, Workbook};
use crate::numbers::parse_number;
use crate::render::{
    document::{answer_block, column_heading, field_body, reference_blocks, Block},
    html::to_html,
};
use crate::route::Route;

/// Exercise `key`'s answers with the parts it carries from other exercises: what progress,
/// derived values and the self-check read. Borrowed, unless there are carried parts to add.
fn answers_with_carried<'a>(workbook: &'a Workbook, key: &str) -> std::borrow::Cow<'a, ExerciseAnswers> {
    use std::borrow::Cow;
    match (find_exercise(key), workbook.exercises.get(key)) {
        (Some((_, exercise)), _) if !exercise.carried.is_empty() => Cow::Owned(exercise.answers_in(workbook)),
        (_, Some(answers)) => Cow::Borrowed(answers),
        (_, None) => Cow::Owned(ExerciseAnswers::default()),
    }
}

/// Runs `f` on the inputs of a derived value: exercise `key`'s answers (with the parts it
/// carries from other exercises) and the workbook. Generic code kept to the call: each
/// instance is code in the download.
pub fn with_inputs<T>(workbook: &Workbook, key: &str, f: impl FnOnce(&Inputs) -> T) -> T {
    f(&Inputs::new(&answers_with_carried(workbook, key), workbook))
}

/// Runs `f` on the answers of exercise `key` (empty answers when it has none yet).
pub fn with_answers<T>(workbook: &Workbook, key: &str, f: impl FnOnce(&ExerciseAnswers) -> T) -> T {
    match workbook.exercises.get(key) {
        Some(answers) => f(answers),
        None => f(&ExerciseAnswers::default()),
    }
}

fn update_answers(key: &'static str, f: impl FnOnce(&mut ExerciseAnswers)) {
    app_state().workbook.update(|w| f(w.exercises.entry(key.to_owned()).or_default()));
}

/// The DOM id of a field's control: unique on the page, stable across reloads.
fn dom_id(field: &Field) -> String {
    format!("field-{}", field.id)
}

#[component]
pub fn FieldView(key: &'static str, field: &'static Field) -> impl IntoView {
    let carried = find_exercise(key)
        .filter(|_| cfg!(feature = "client-documents"))
        .and_then(|(_, e)| Some((e, find_exercise(e.carried_from(field.id)?)?.1)));
    match carried {
        Some((exercise, source)) => view! { <CarriedField key field exercise source/> }.into_any(),
        None => field_widget(key, field),
    }
}

/// A part this exercise carries from another one (`Exercise::carried`): the other
/// exercise's answer until the participant chooses to refine it here; then the usual
/// widget, with the source beside it and whether the two differ.
#[component]
fn CarriedField(
    key: &'static str,
    field: &'static Field,
    exercise: &'static Exercise,
    source: &'static Exercise,
) -> impl IntoView {
    let workbook = app_state().workbook;
    // The state as its discriminant: a memo of a new type would bring its own copy of the
    // reactive code (about 1 KB gzip), a `usize` memo is already there.
    let state = Memo::new(move |_| workbook.with(|w| exercise.carried_state(field.id, w).map_or(0, |s| s as usize)));
    let is = move |wanted: CarriedState| state.get() == wanted as usize;
    let source_html = Memo::new(move |_| {
        workbook.with(|w| {
            let answers = source.answers_in(w);
            to_html(&[answer_block(field, &Inputs::new(&answers, w))])
        })
    });
    let follows = move || !is(CarriedState::Same) && !is(CarriedState::Differs);
    // Refining starts from the other exercise's answer (its default rows included). Going
    // back puts the refined version in the exercise's history first, as before any replace,
    // so nothing is lost.
    let toggle = move |_| {
        if follows() {
            let theirs = workbook.with_untracked(|w| source.answers_in(w).values.get(field.id).cloned());
            update_answers(key, |a| {
                a.values.insert(field.id.to_owned(), theirs.unwrap_or_else(|| Value::Text(String::new())));
            });
        } else {
            let current = workbook.with_untracked(|w| exercise.stored_answers_in(w));
            let reason = format!("Before using Exercise {}'s “{}” again", source.number, field.label);
            super::history::take_snapshot(app_state(), key, &current, &reason);
            update_answers(key, |a| {
                a.values.remove(field.id);
            });
        }
    };
    let status = move || {
        let n = source.number;
        match (follows(), is(CarriedState::Differs)) {
            (true, _) => format!("As you wrote it in Exercise {n}: refine it for this proposal, or keep it."),
            (false, true) => format!("Refined here: differs from Exercise {n}."),
            (false, false) => format!("Same as Exercise {n} so far: change it for this proposal."),
        }
    };
    let action = move || match follows() {
        true => format!("Refine “{}” for this proposal", field.label),
        false => format!("Use Exercise {}'s answer again", source.number),
    };
    // One small tree for both states (cheaper in the download than two views): the widget
    // once refined, the source's answer open while it is followed.
    view! {
        <div class="carried">
            <div hidden=follows>{field_widget(key, field)}</div>
            <details class="field reference" prop:open=follows aria-labelledby=format!("{}-source", dom_id(field))>
                <summary id=format!("{}-source", dom_id(field))>
                    {field.label} " · from Exercise " {source.number}
                </summary>
                <div class="markdown reference-body" inner_html=move || source_html.get()></div>
            </details>
            <p class="help" role="status">{status}</p>
            <button type="button" class="secondary" on:click=toggle>{action}</button>
        </div>
    }
}

fn field_widget(key: &'static str, field: &'static Field) -> AnyView {
    match &field.kind {
        FieldKind::Text { placeholder } => {
            view! { <TextField key field placeholder=*placeholder multiline=false/> }.into_any()
        }
        FieldKind::LongText { placeholder } => {
            view! { <TextField key field placeholder=*placeholder multiline=true/> }.into_any()
        }
        FieldKind::Number { unit } if cfg!(feature = "number-fields") => {
            view! { <NumberField key field unit=*unit/> }.into_any()
        }
        // A page whose modules ask for no number (Cargo.toml, `number-fields`).
        FieldKind::Number { .. } => view! { <TextField key field placeholder="" multiline=false/> }.into_any(),
        FieldKind::Choice { options } => view! { <OptionsField key field options=*options multiple=false/> }.into_any(),
        FieldKind::Table(spec) => view! { <TableField key field spec/> }.into_any(),
        FieldKind::Computed(computed) => view! { <ComputedField key field computed/> }.into_any(),
        FieldKind::MultiChoice { options } | FieldKind::Checklist { tasks: options } => {
            view! { <OptionsField key field options=*options multiple=true/> }.into_any()
        }
        FieldKind::Reference(reference) => view! { <ReferenceField field reference/> }.into_any(),
        FieldKind::ComputedTable(_) => view! { <ComputedTableField key field/> }.into_any(),
        FieldKind::Diagram(_) => view! {
            <DrawingField key field pending="Add components above, and connections between them, to draw the diagram."/>
        }
        .into_any(),
        FieldKind::Chart(chart) => view! { <DrawingField key field pending=chart.pending/> }.into_any(),
        FieldKind::Draft(_) => view! { <DraftField key field/> }.into_any(),
    }
}

/// The answer text of a field, as a memo so unrelated keystrokes do not touch this input.
fn text_memo(key: &'static str, field: &'static Field) -> Memo<String> {
    let workbook = app_state().workbook;
    Memo::new(move |_| workbook.with(|w| with_answers(w, key, |a| a.text(field.id).to_owned())))
}

fn set_text(key: &'static str, field: &'static Field, text: String) {
    update_answers(key, |a| a.set_text(field.id, text));
}

/// The help line under a label, with its id for `aria-describedby`.
fn help_view(field: &Field) -> (Option<String>, impl IntoView) {
    if field.help.is_empty() {
        return (None, None);
    }
    let id = format!("{}-help", dom_id(field));
    (Some(id.clone()), Some(view! { <p class="help" id=id>{field.help}</p> }))
}

#[component]
fn TextField(key: &'static str, field: &'static Field, placeholder: &'static str, multiline: bool) -> impl IntoView {
    let value = text_memo(key, field);
    let id = dom_id(field);
    let (help_id, help) = help_view(field);
    let on_input = move |ev: leptos::ev::Event| set_text(key, field, event_target_value(&ev));
    let control = if multiline {
        view! {
            <textarea id=id.clone() rows="5" placeholder=placeholder aria-describedby=help_id
                prop:value=move || value.get() on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" placeholder=placeholder aria-describedby=help_id
                prop:value=move || value.get() on:input=on_input/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{field.label}</label>
            {help}
            {control}
            <CredentialWarning text=value/>
        </div>
    }
}

/// Says at once when an answer looks like a credential (an API key, a token, a webhook URL
/// with its token): what it looks like, why it must not be here, and what to write instead.
/// On Module 5's page, whose self-check counts them, also the note an export left where it
/// took one out (answers imported from a file).
#[component]
pub(super) fn CredentialWarning(text: Memo<String>) -> impl IntoView {
    let found = move || {
        text.with(|t| {
            let found = if cfg!(feature = "module5") {
                crate::credentials::find_or_removed(t)
            } else {
                crate::credentials::find(t)
            };
            found.first().copied()
        })
    };
    move || {
        found().map(|found| {
            let kind = found.kind;
            // Static text around the kind's name: a formatted string per case weighed more.
            let (before, after) = if found.removed && cfg!(feature = "module5") {
                ("A credential (", ") was pasted here and taken out when the file was exported: revoke it. ")
            } else {
                (
                    "This looks like ",
                    ". Never paste a secret into the workbook: it would be in every file you export and hand in. ",
                )
            };
            view! {
                <p class="field-warning" role="alert">
                    {before} {kind.what} {after} "Keep it in GitHub Secrets and write its name here instead, e.g. "
                    <code>{kind.secret}</code> "; generated workflows read it as "
                    <code>{format!("${{{{ secrets.{} }}}}", kind.secret)}</code> "."
                </p>
            }
        })
    }
}

#[component]
fn NumberField(key: &'static str, field: &'static Field, unit: &'static str) -> impl IntoView {
    let value = text_memo(key, field);
    let id = dom_id(field);
    let (help_id, help) = help_view(field);
    let warning_id = format!("{id}-warning");
    let not_a_number = move || {
        let text = value.get();
        (!text.trim().is_empty() && parse_number(&text).is_none())
            .then(|| format!("“{}” is not a number. It is kept and exported exactly as you typed it.", text.trim()))
    };
    let described_by = [help_id, Some(warning_id.clone())].into_iter().flatten().collect::<Vec<_>>().join(" ");
    // Money reads as an amount: "$ [100] per hour", as the preview and the file write it.
    let (currency, after) = unit_around(unit);
    view! {
        <div class="field">
            <label for=id.clone()>{field.label}</label>
            {help}
            <div class="with-unit">
                {currency.map(|sign| view! { <span class="unit" aria-hidden="true">{sign}</span> })}
                <input id=id type="text" inputmode="decimal" aria-describedby=described_by
                    prop:value=move || value.get()
                    on:input=move |ev| set_text(key, field, event_target_value(&ev))/>
                {(!after.is_empty()).then(|| view! { <span class="unit">{after}</span> })}
            </div>
            <p class="field-warning" id=warning_id aria-live="polite">{not_a_number}</p>
        </div>
    }
}

/// Radio buttons (one answer), or checkboxes (several, kept one per line in option order).
#[component]
fn OptionsField(
    key: &'static str,
    field: &'static Field,
    options: &'static [ChoiceOption],
    multiple: bool,
) -> impl IntoView {
    let value = text_memo(key, field);
    let name = dom_id(field);
    let (help_id, help) = help_view(field);
    let inline = options.iter().all(|o| o.detail.is_empty());
    let is_chosen =
        move |option: &str| value.with(|v| if multiple { v.lines().any(|l| l.trim() == option) } else { v == option });
    let choose = move |option: &'static str, on: bool| {
        if !multiple {
            return set_text(key, field, option.to_owned());
        }
        update_answers(key, |a| {
            let chosen = a.selected(field.id);
            // Values not among the options (from an imported file) are kept, at the end.
            let extra = chosen.iter().filter(|v| options.iter().all(|o| o.value != **v)).map(|v| v.to_string());
            let kept = options
                .iter()
                .map(|o| o.value)
                .filter(|v| if *v == option { on } else { chosen.contains(v) })
                .map(str::to_owned)
                .chain(extra)
                .collect::<Vec<_>>();
            a.set_text(field.id, kept.join("\n"));
        });
    };
    view! {
        <fieldset class="field choice" class:inline=inline aria-describedby=help_id>
            <legend>{field.label}</legend>
            {help}
            {options.iter().map(|option| {
                let id = format!("{name}-{}", option.value);
                view! {
                    <div class="option">
                        <input type=if multiple { "checkbox" } else { "radio" } id=id.clone() name=name.clone() value=option.value
                            prop:checked=move || is_chosen(option.value)
                            on:change=move |ev| choose(option.value, event_target_checked(&ev))/>
                        <label for=id>
                            <span class="option-label">{option.label}</span>
                            {(!option.detail.is_empty()).then(|| view! { <span class="option-detail">{option.detail}</span> })}
                        </label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Another exercise's answers, read-only, drawn exactly as the export draws them, with a
/// link to change them where they belong.
#[component]
fn ReferenceField(field: &'static Field, reference: &'static Reference) -> impl IntoView {
    let workbook = app_state().workbook;
    let html = Memo::new(move |_| workbook.with(|w| to_html(&reference_blocks(reference, w))));
    let (_, help) = help_view(field);
    let source = find_exercise(reference.exercise).map(|(_, e)| e);
    view! {
        <section class="field reference" aria-labelledby=format!("{}-label", dom_id(field))>
            <p class="label" id=format!("{}-label", dom_id(field))>{field.label}</p>
            {help}
            <div class="markdown reference-body" inner_html=move || html.get()></div>
            {source.map(|e| view! {
                <p><a href=Route::Exercise(e.key).href()>"Change these in Exercise " {e.number} " · " {e.title}</a></p>
            })}
        </section>
    }
}

#[component]
fn ComputedField(key: &'static str, field: &'static Field, computed: &'static Computed) -> impl IntoView {
    let workbook = app_state().workbook;
    let output = Memo::new(move |_| workbook.with(|w| with_inputs(w, key, computed.compute)));
    let label_id = format!("{}-label", dom_id(field));
    let body = move || match (output.get(), computed.format) {
        (Some(text), ComputedFormat::Code(_)) => {
            view! { <pre class="code" aria-labelledby=label_id.clone()><code>{text}</code></pre> }.into_any()
        }
        (Some(text), ComputedFormat::Text) => view! { <p class="computed-value">{text}</p> }.into_any(),
        (None, _) => view! { <p class="computed-pending">{computed.pending}</p> }.into_any(),
    };
    let (_, help) = help_view(field);
    view! {
        <div class="field computed">
            <p class="label" id=format!("{}-label", dom_id(field))>{field.label}</p>
            {help}
            // Polite: a screen reader hears the new suggestion once the inputs settle.
            <div aria-live=if computed.format == ComputedFormat::Text { "polite" } else { "off" }>{body}</div>
        </div>
    }
}

/// A table the app computes (weighted totals, cost projections), read-only, drawn by the
/// same document code as the export.
#[component]
fn ComputedTableField(key: &'static str, field: &'static Field) -> impl IntoView {
    let workbook = app_state().workbook;
    let html = Memo::new(move |_| workbook.with(|w| with_inputs(w, key, |i| to_html(&[field_body(field, i)]))));
    let label_id = format!("{}-label", dom_id(field));
    let (_, help) = help_view(field);
    view! {
        <section class="field computed" aria-labelledby=label_id.clone()>
            <p class="label" id=label_id.clone()>{field.label}</p>
            {help}
            <div class="table-scroll markdown" inner_html=move || html.get()></div>
        </section>
    }
}

/// The architecture drawn from the components and connections tables: the same SVG as
/// the preview and print, and the Mermaid text the export carries.
/// A drawing (architecture diagram, timeline): the SVG the preview and print show, and
/// the Mermaid text the file carries; `pending` while there is nothing to draw.
#[component]
fn DrawingField(key: &'static str, field: &'static Field, pending: &'static str) -> impl IntoView {
    let workbook = app_state().workbook;
    // Two string memos rather than one of the block: a memo of a new type would add its own
    // copy of the reactive machinery to the download.
    let drawing = move |part: fn(Block) -> String| {
        Memo::new(move |_| workbook.with(|w| with_inputs(w, key, |i| part(field_body(field, i)))))
    };
    let mermaid = drawing(|block| match block {
        Block::Diagram { mermaid, .. } => mermaid,
        _ => String::new(),
    });
    let html = drawing(|block| match block {
        Block::Diagram { .. } => to_html(&[block]),
        _ => String::new(),
    });
    let drawn = move || !mermaid.with(String::is_empty);
    let (_, help) = help_view(field);
    view! {
        <div class="field computed">
            <p class="label">{field.label}</p>
            {help}
            <Show when=drawn fallback=move || view! { <p class="computed-pending">{pending}</p> }>
                // Fitted to the column; selected (a click, or Tab: it is focusable), at its real
                // size, scrolling sideways (style.css).
                <div class="diagram-scroll" tabindex="0" role="group" aria-label=field.label inner_html=move || html.get()></div>
                <details>
                    <summary>"Mermaid text in the export"</summary>
                    <pre class="code"><code>{move || mermaid.get()}</code></pre>
                </details>
            </Show>
        </div>
    }
}

/// Text the app drafts (a slide) until the participant edits it. Clearing it, or the
/// button, brings the draft back.
#[component]
fn DraftField(key: &'static str, field: &'static Field) -> impl IntoView {
    let workbook = app_state().workbook;
    let text = Memo::new(move |_| workbook.with(|w| with_inputs(w, key, |i| draft_text(field, i))));
    let edited = Memo::new(move |_| workbook.with(|w| with_answers(w, key, |a| a.has(field.id))));
    let id = dom_id(field);
    let status_id = format!("{id}-status");
    let (help_id, help) = help_view(field);
    let described_by = [help_id, Some(status_id.clone())].into_iter().flatten().collect::<Vec<_>>().join(" ");
    view! {
        <div class="field draft">
            <label for=id.clone()>{field.label}</label>
            {help}
            // As tall as the text (a slot name, a command, a slide), so all of it is in view.
            <textarea id=id.clone() rows=move || text.with(|t| (t.lines().count() + 1).clamp(2, 12).to_string())
                aria-describedby=described_by prop:value=move || text.get()
                on:input=move |ev| set_text(key, field, event_target_value(&ev))></textarea>
            <CredentialWarning text=text/>
            <p class="help" id=status_id>
                {move || if edited.get() { "Edited by you: kept as you wrote it." } else { "Drafted from your answers: it follows them until you edit it." }}
            </p>
            <Show when=move || edited.get()>
                <button type="button" class="secondary" on:click=move |_| set_text(key, field, String::new())>
                    "Use the draft again"
                </button>
            </Show>
        </div>
    }
}

/// A column's heading, which follows the answer naming it (`Column::heading_from`).
fn column_label(key: &'static str, column: &'static Column) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let workbook = app_state().workbook;
    move || match column.heading_from {
        Some(_) => workbook.with(|w| with_answers(w, key, |a| column_heading(column, a).to_owned())),
        None => column.label.to_owned(),
    }
}

/// Tables of answers. Fixed rows (one per trigger) are a compact grid; editable rows
/// (phases) are one card each, so long cells get room and each row has its own buttons.
#[component]
fn TableField(key: &'static str, field: &'static Field, spec: &'static TableSpec) -> impl IntoView {
    let workbook = app_state().workbook;
    let id = dom_id(field);
    let (help_id, help) = help_view(field);
    let row_count = Memo::new(move |_| workbook.with(|w| with_answers(w, key, |a| a.rows(field.id).len())));
    let body = match spec.rows {
        TableRows::Fixed { header, labels } => view! {
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{header}</th>
                            {spec.columns.iter().map(|c| view! { <th scope="col" id=column_id(field, c)>{column_label(key, c)}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {labels.iter().enumerate().map(|(index, label)| {
                            let row_id = row_id(field, index);
                            view! {
                                <tr>
                                    <th scope="row" id=row_id.clone()>{*label}</th>
                                    {spec.columns.iter().map(|column| {
                                        let labelled_by = format!("{row_id} {}", column_id(field, column));
                                        view! { <td><CellInput key field column index labelled_by/></td> }
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
        TableRows::Editable { .. } => {
            let add_row = move |_| {
                let new_index = row_count.get_untracked();
                update_answers(key, |a| a.rows_mut(field.id).push(Row::new()));
                let first_cell = cell_id(field, new_index, &spec.columns[0]);
                request_animation_frame(move || { focus(&first_cell); });
            };
            view! {
                <Show when=move || row_count.get() == 0>
                    <p class="empty-rows">"Nothing here yet: use “Add " {spec.row_noun} "” below."</p>
                </Show>
                <ol class="row-cards">
                    {move || (0..row_count.get()).map(|index| view! { <RowCard key field spec index/> }).collect_view()}
                </ol>
                <button type="button" class="secondary" id=format!("{id}-add") on:click=add_row
                    disabled=move || { row_count.get() >= MAX_ROWS }>"Add " {spec.row_noun}</button>
                <Show when=move || { row_count.get() >= MAX_ROWS }>
                    <p class="help">{format!("A table holds at most {MAX_ROWS} rows: this one is full.")}</p>
                </Show>
            }
            .into_any()
        }
    };
    view! {
        <fieldset class="field table-field" aria-describedby=help_id>
            <legend>{field.label}</legend>
            {help}
            {body}
        </fieldset>
    }
}

fn row_id(field: &Field, index: usize) -> String {
    format!("{}-r{index}", dom_id(field))
}

fn column_id(field: &Field, column: &Column) -> String {
    format!("{}-c-{}", dom_id(field), column.id)
}

fn cell_id(field: &Field, index: usize, column: &Column) -> String {
    format!("{}-{}", row_id(field, index), column.id)
}

/// One cell of a table answer. Its accessible name is the row's name then the column's
/// ("Phase 2 Success criteria", "Tokens per minute Threshold").
#[component]
fn CellInput(
    key: &'static str,
    field: &'static Field,
    column: &'static Column,
    index: usize,
    labelled_by: String,
) -> impl IntoView {
    let workbook = app_state().workbook;
    let value = Memo::new(move |_| {
        workbook.with(|w| {
            with_answers(w, key, |a| {
                a.rows(field.id).get(index).and_then(|r| r.get(column.id)).cloned().unwrap_or_default()
            })
        })
    });
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        update_answers(key, |a| {
            if let Some(row) = a.rows_mut(field.id).get_mut(index) {
                row.insert(column.id.to_owned(), text);
            }
        });
    };
    let id = cell_id(field, index, column);
    // The column's own check (a name GitHub refuses, a mention that calls no one), said
    // beside the cell as it is typed, on pages whose modules have one (`cell-checks`).
    let problem_id = cfg!(feature = "cell-checks").then(|| format!("{id}-problem"));
    let control = if column.long {
        view! { <textarea id=id aria-labelledby=labelled_by aria-describedby=problem_id.clone() rows="3" prop:value=move || value.get() on:input=on_input></textarea> }.into_any()
    } else {
        view! { <input id=id type="text" aria-labelledby=labelled_by aria-describedby=problem_id.clone() prop:value=move || value.get() on:input=on_input/> }.into_any()
    };
    let problem = problem_id.map(|problem_id| {
        let problem = move || {
            let check = column.check?;
            workbook.with(|w| with_inputs(w, key, |inputs| check(&value.get(), inputs)))
        };
        view! { <p class="field-warning" id=problem_id aria-live="polite">{problem}</p> }
    });
    view! { {control} {problem} <CredentialWarning text=value/> }
}

#[component]
fn RowCard(key: &'static str, field: &'static Field, spec: &'static TableSpec, index: usize) -> impl IntoView {
    let title_id = row_id(field, index);
    let cells = spec
        .columns
        .iter()
        .map(|column| {
            let label_id = format!("{}-label", cell_id(field, index, column));
            let labelled_by = format!("{} {label_id}", row_id(field, index));
            view! {
                <div class="row-cell" class:wide=column.long>
                    <label id=label_id.clone() for=cell_id(field, index, column)>{column_label(key, column)}</label>
                    <CellInput key field column index labelled_by/>
                </div>
            }
        })
        .collect_view();
    let labelled_by = title_id.clone();
    view! {
        <li class="row-card" aria-labelledby=labelled_by>
            <div class="row-card-head">
                <h3 id=title_id>{capitalize(spec.row_noun)} " " {index + 1}</h3>
                <RowActions key field spec index/>
            </div>
            <div class="row-cells">{cells}</div>
        </li>
    }
}

#[component]
fn RowActions(key: &'static str, field: &'static Field, spec: &'static TableSpec, index: usize) -> impl IntoView {
    let workbook = app_state().workbook;
    let noun = spec.row_noun;
    let count = Memo::new(move |_| workbook.with(|w| with_answers(w, key, |a| a.rows(field.id).len())));
    let button_id = move |row: usize, direction: &str| format!("{}-{direction}", row_id(field, row));
    let move_row = move |to: usize| {
        update_answers(key, |a| a.rows_mut(field.id).swap(index, to));
        // Keyboard users keep their place: focus follows the row that moved, on the same
        // button unless the row reached the end where that button is disabled.
        let last = count.get_untracked().saturating_sub(1);
        let direction = match (to < index, to) {
            (true, 0) => "down",
            (true, _) => "up",
            (false, to) if to == last => "up",
            (false, _) => "down",
        };
        focus(&button_id(to, direction));
    };
    let remove = move |_| {
        let has_text = workbook.with_untracked(|w| {
            with_answers(w, key, |a| {
                a.rows(field.id).get(index).is_some_and(|r| r.values().any(|v| !v.trim().is_empty()))
            })
        });
        let question = format!("Remove {noun} {} and everything written in it?", index + 1);
        if has_text && !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        update_answers(key, |a| {
            let rows = a.rows_mut(field.id);
            if index < rows.len() {
                rows.remove(index);
            }
        });
        let add_id = format!("{}-add", dom_id(field));
        request_animation_frame(move || {
            focus(&add_id);
        });
    };
    view! {
        <div class="row-actions">
            <button type="button" class="icon" id=button_id(index, "up") disabled=move || index == 0
                aria-label=format!("Move {noun} {} up", index + 1) on:click=move |_| move_row(index - 1)>"Up"</button>
            <button type="button" class="icon" id=button_id(index, "down") disabled=move || { index + 1 >= count.get() }
                aria-label=format!("Move {noun} {} down", index + 1) on:click=move |_| move_row(index + 1)>"Down"</button>
            <button type="button" class="icon danger" aria-label=format!("Remove {noun} {}", index + 1) on:click=remove>"Remove"</button>
        </div>
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}
