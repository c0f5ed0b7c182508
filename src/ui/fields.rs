//! One widget per field kind. Widgets know nothing about any particular exercise: they
//! read a `Field` description and bind it to the answers of exercise `key`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::app_state;
use crate::course::{ChoiceOption, Computed, ComputedFormat, Field, FieldKind, TableRows, TableSpec};
use crate::model::{parse_number, ExerciseAnswers, Row, Workbook};

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
    match &field.kind {
        FieldKind::Text { placeholder } => view! { <TextField key field placeholder=*placeholder multiline=false/> }.into_any(),
        FieldKind::LongText { placeholder } => view! { <TextField key field placeholder=*placeholder multiline=true/> }.into_any(),
        FieldKind::Number { unit } => view! { <NumberField key field unit=*unit/> }.into_any(),
        FieldKind::Choice { options } => view! { <ChoiceField key field options=*options/> }.into_any(),
        FieldKind::Table(spec) => view! { <TableField key field spec/> }.into_any(),
        FieldKind::Computed(computed) => view! { <ComputedField key field computed/> }.into_any(),
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
        </div>
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
    view! {
        <div class="field">
            <label for=id.clone()>{field.label}</label>
            {help}
            <div class="with-unit">
                <input id=id type="text" inputmode="decimal" aria-describedby=described_by
                    prop:value=move || value.get()
                    on:input=move |ev| set_text(key, field, event_target_value(&ev))/>
                {(!unit.is_empty()).then(|| view! { <span class="unit">{unit}</span> })}
            </div>
            <p class="field-warning" id=warning_id aria-live="polite">{not_a_number}</p>
        </div>
    }
}

#[component]
fn ChoiceField(key: &'static str, field: &'static Field, options: &'static [ChoiceOption]) -> impl IntoView {
    let value = text_memo(key, field);
    let name = dom_id(field);
    let (help_id, help) = help_view(field);
    let inline = options.iter().all(|o| o.detail.is_empty());
    view! {
        <fieldset class="field choice" class:inline=inline aria-describedby=help_id>
            <legend>{field.label}</legend>
            {help}
            {options.iter().map(|option| {
                let id = format!("{name}-{}", option.value);
                view! {
                    <div class="option">
                        <input type="radio" id=id.clone() name=name.clone() value=option.value
                            prop:checked=move || value.get() == option.value
                            on:change=move |_| set_text(key, field, option.value.to_owned())/>
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

#[component]
fn ComputedField(key: &'static str, field: &'static Field, computed: &'static Computed) -> impl IntoView {
    let workbook = app_state().workbook;
    let output = Memo::new(move |_| workbook.with(|w| with_answers(w, key, computed.compute)));
    let label_id = format!("{}-label", dom_id(field));
    let body = move || match (output.get(), computed.format) {
        (Some(text), ComputedFormat::Code(_)) => view! { <pre class="code" aria-labelledby=label_id.clone()><code>{text}</code></pre> }.into_any(),
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

#[component]
fn TableField(key: &'static str, field: &'static Field, spec: &'static TableSpec) -> impl IntoView {
    let workbook = app_state().workbook;
    let id = dom_id(field);
    let (help_id, help) = help_view(field);
    let row_count = Memo::new(move |_| workbook.with(|w| with_answers(w, key, |a| a.rows(field.id).len())));
    let (first_header, editable) = match spec.rows {
        TableRows::Fixed { header, .. } => (header.to_owned(), false),
        TableRows::Editable { .. } => (capitalize(spec.row_noun), true),
    };
    let add_id = format!("{id}-add");
    let add_row = {
        let id = id.clone();
        move |_| {
            let new_index = row_count.get_untracked();
            update_answers(key, |a| a.rows_mut(field.id).push(Row::new()));
            let first_cell = format!("{id}-r{new_index}-{}", spec.columns[0].id);
            request_animation_frame(move || focus(&first_cell));
        }
    };
    view! {
        <fieldset class="field table-field" aria-describedby=help_id>
            <legend>{field.label}</legend>
            {help}
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{first_header}</th>
                            {spec.columns.iter().map(|c| view! { <th scope="col" id=format!("{id}-c-{}", c.id)>{c.label}</th> }).collect_view()}
                            {editable.then(|| view! { <th scope="col"><span class="visually-hidden">"Actions"</span></th> })}
                        </tr>
                    </thead>
                    <tbody>
                        {move || (0..row_count.get()).map(|index| view! { <TableRow key field spec index/> }).collect_view()}
                    </tbody>
                </table>
            </div>
            {editable.then(|| view! {
                <button type="button" class="secondary" id=add_id on:click=add_row>"Add " {spec.row_noun}</button>
            })}
        </fieldset>
    }
}

#[component]
fn TableRow(key: &'static str, field: &'static Field, spec: &'static TableSpec, index: usize) -> impl IntoView {
    let workbook = app_state().workbook;
    let table_id = dom_id(field);
    let row_id = format!("{table_id}-r{index}");
    let row_header = match spec.rows {
        TableRows::Fixed { labels, .. } => view! { {labels.get(index).copied().unwrap_or("")} }.into_any(),
        TableRows::Editable { .. } => view! { <span class="visually-hidden">{capitalize(spec.row_noun)} " "</span>{index + 1} }.into_any(),
    };
    let cells = spec.columns.iter().map(|column| {
        let value = Memo::new(move |_| {
            workbook.with(|w| with_answers(w, key, |a| a.rows(field.id).get(index).and_then(|r| r.get(column.id)).cloned().unwrap_or_default()))
        });
        let on_input = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            update_answers(key, |a| {
                if let Some(row) = a.rows_mut(field.id).get_mut(index) {
                    row.insert(column.id.to_owned(), text);
                }
            });
        };
        let cell_id = format!("{row_id}-{}", column.id);
        let labelled_by = format!("{table_id}-c-{} {row_id}", column.id);
        let control = if column.long {
            view! { <textarea id=cell_id aria-labelledby=labelled_by rows="3" prop:value=move || value.get() on:input=on_input></textarea> }.into_any()
        } else {
            view! { <input id=cell_id type="text" aria-labelledby=labelled_by prop:value=move || value.get() on:input=on_input/> }.into_any()
        };
        view! { <td>{control}</td> }
    }).collect_view();
    let actions = matches!(spec.rows, TableRows::Editable { .. }).then(|| view! { <RowActions key field spec index/> });
    view! {
        <tr>
            <th scope="row" id=row_id>{row_header}</th>
            {cells}
            {actions}
        </tr>
    }
}

#[component]
fn RowActions(key: &'static str, field: &'static Field, spec: &'static TableSpec, index: usize) -> impl IntoView {
    let workbook = app_state().workbook;
    let table_id = dom_id(field);
    let noun = spec.row_noun;
    let count = Memo::new(move |_| workbook.with(|w| with_answers(w, key, |a| a.rows(field.id).len())));
    let move_row = move |to: usize, direction: &'static str| {
        update_answers(key, |a| a.rows_mut(field.id).swap(index, to));
        // Keyboard users keep their place: focus follows the row that moved.
        focus(&format!("{}-r{to}-{direction}", dom_id(field)));
    };
    let remove = move |_| {
        let has_text = workbook.with_untracked(|w| {
            with_answers(w, key, |a| a.rows(field.id).get(index).is_some_and(|r| r.values().any(|v| !v.trim().is_empty())))
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
        request_animation_frame(move || focus(&add_id));
    };
    view! {
        <td class="row-actions">
            <button type="button" class="icon" id=format!("{table_id}-r{index}-up") disabled=move || index == 0
                aria-label=format!("Move {noun} {} up", index + 1) on:click=move |_| move_row(index - 1, "up")>"Up"</button>
            <button type="button" class="icon" id=format!("{table_id}-r{index}-down") disabled=move || { index + 1 >= count.get() }
                aria-label=format!("Move {noun} {} down", index + 1) on:click=move |_| move_row(index + 1, "down")>"Down"</button>
            <button type="button" class="icon danger" aria-label=format!("Remove {noun} {}", index + 1) on:click=remove>"Remove"</button>
        </td>
    }
}

fn focus(element_id: &str) {
    if let Some(element) = document().get_element_by_id(element_id) {
        let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
