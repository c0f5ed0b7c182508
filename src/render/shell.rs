//! The form shell: an exercise's sections as plain HTML, written into its page's
//! `index.html` (between the markers below), so the first field shows, and takes typing,
//! before the wasm has even arrived. The page's inline script (`shell.js`) shows the shell
//! of the route opened, at the section the app will open, and fills it from localStorage; the app takes what was typed there
//! when it starts (`ui::adopt_shell_edits`) and replaces it. `tests/form_shell.rs` fails
//! when a page's shell differs from what the course says (`UPDATE_EXPECTED=1` rewrites it).
//!
//! Only the fields the shell can hold as they are stored are in it: short and long text,
//! numbers (text as typed) and single choices (the option's value), none carried from
//! another exercise (those show another exercise's answer until refined), so a value typed
//! here means in the app what it meant in the shell.

use crate::course::{unit_around, ChoiceOption, Exercise, Field, FieldKind, Module, Section};
use crate::escape::html;

/// Where the shell starts and ends in a page's HTML.
pub const START: &str = "<!-- form shell: generated from the course (tests/form_shell.rs) -->";
pub const END: &str = "<!-- end of the form shell -->";

/// Which sections of an exercise get a template.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Sections {
    /// The first only: where a first visit opens. Module 5's page, which has no room for more.
    First,
    /// Every one the shell can draw, so that a participant who comes back to the section
    /// they left (where the app opens) finds it too.
    All,
}

/// The shells of a module's exercises on one page (`page`: `None` for the module's page,
/// `Some("capstone/")` for the capstone's own, as `Exercise::page` says), one `<template>`
/// per section, named by its route and section (the first section's marked `data-first`).
/// A section gets one when its fields start with some the
/// shell can hold (texts, numbers, single choices, none carried from another exercise): it
/// draws those, and the app adds the rest below them, so nothing it drew moves. Only
/// sections after unconditional ones, whose number is certain.
pub fn templates(module: &Module, page: Option<&str>, sections: Sections) -> String {
    let held = |exercise: &Exercise, field: &Field| {
        matches!(
            field.kind,
            FieldKind::Text { .. } | FieldKind::LongText { .. } | FieldKind::Number { .. } | FieldKind::Choice { .. }
        ) && exercise.carried_from(field.id).is_none()
    };
    let mut out = String::new();
    for exercise in module.exercises.iter().filter(|e| e.page == page) {
        let count = if sections == Sections::First { 1 } else { exercise.sections.len() };
        let unconditional = exercise.sections.iter().take(count).take_while(|s| s.shown_when.is_none());
        for (index, section) in unconditional.enumerate() {
            let shown = section.fields.iter().take_while(|field| held(exercise, field));
            out.push_str(&template(module, exercise, index, section, shown));
        }
    }
    out
}

/// One section's template (empty when it has no field to draw), laid out as the app's
/// exercise page.
fn template<'a>(
    module: &Module,
    exercise: &Exercise,
    index: usize,
    section: &Section,
    shown: impl Iterator<Item = &'a Field>,
) -> String {
    let fields: String = shown
        .filter_map(|field| {
            let id = format!("field-{}", field.id);
            let control = match field.kind {
                FieldKind::LongText { placeholder } => format!(
                    "<textarea id=\"{id}\" data-field=\"{}\" rows=\"5\" placeholder=\"{}\"></textarea>",
                    field.id,
                    html(placeholder)
                ),
                FieldKind::Text { placeholder } => format!(
                    "<input id=\"{id}\" data-field=\"{}\" type=\"text\" placeholder=\"{}\">",
                    field.id,
                    html(placeholder)
                ),
                // As the app draws it (`ui::fields::NumberField`): the box, narrower, with
                // its unit beside it.
                FieldKind::Number { unit } => {
                    let (before, after) = unit_around(unit);
                    let before =
                        before.map(|sign| format!("<span class=\"unit\" aria-hidden=\"true\">{sign}</span>"));
                    let after = (!after.is_empty()).then(|| format!("<span class=\"unit\">{}</span>", html(&after)));
                    format!(
                        "<div class=\"with-unit\">{}<input id=\"{id}\" data-field=\"{}\" type=\"text\" inputmode=\"decimal\">{}</div>",
                        before.unwrap_or_default(),
                        field.id,
                        after.unwrap_or_default()
                    )
                }
                FieldKind::Choice { options } => return Some(choice(field, &id, options)),
                _ => return None,
            };
            let help = if field.help.is_empty() {
                String::new()
            } else {
                format!("<p class=\"help\">{}</p>", html(field.help))
            };
            Some(format!(
                "<div class=\"field\"><label for=\"{id}\">{}</label>{help}{control}</div>",
                html(field.label)
            ))
        })
        .collect();
    if fields.is_empty() {
        return String::new();
    }
    // Laid out as the app's exercise page (`ui::exercise`), so that nothing moves when the
    // app takes over (e2e/form-shell.spec.mjs): the progress line's place held by a blank
    // line until the app counts the answers, and the section's guidance open above it.
    // `data-section`: the script shows the template of the section the app will open (the
    // one last visited, `data-first` when none was), and none when that one has none.
    format!(
        "<template data-route=\"#/exercise/{key}\" data-exercise=\"{key}\" data-section=\"{section_id}\"{first}><div id=\"form-shell\">\
<header class=\"app-header\"><span class=\"brand\">Session 2 Workbook</span><p class=\"save-status\" role=\"status\">Starting the workbook…</p></header>\
<main><nav class=\"breadcrumbs\">Exercises / {module} / Exercise {number}</nav>\
<div class=\"exercise-header\"><div><h1>Exercise {number} · {title}</h1><p class=\"lead\">{summary}</p><p class=\"meta\">&nbsp;</p></div></div>\
<div class=\"exercise-layout\"><aside class=\"steps\"></aside><div class=\"section-pane\"><section class=\"section-form\">\
<h2>{position}. {section}</h2><p class=\"intro\">{intro}</p>\
<details class=\"guidance\" open><summary>What good looks like</summary><ul>{guidance}</ul></details><form>{fields}</form></section></div></div></main></div></template>\n",
        key = exercise.key,
        first = if index == 0 { " data-first" } else { "" },
        module = html(module.name),
        number = exercise.number,
        title = html(exercise.title),
        summary = html(exercise.summary),
        position = index + 1,
        section = html(section.title),
        section_id = section.id,
        intro = html(section.intro),
        guidance = section.guidance.iter().map(|g| format!("<li>{}</li>", html(g))).collect::<String>(),
    )
}

/// A single choice as the app draws it (`ui::fields::OptionsField`): a radio per option, all
/// named by the field, each with the option's value, which is what the app stores.
fn choice(field: &Field, id: &str, options: &[ChoiceOption]) -> String {
    let inline = if options.iter().all(|o| o.detail.is_empty()) { " inline" } else { "" };
    let (described, help) = if field.help.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!(" aria-describedby=\"{id}-help\""),
            format!("<p class=\"help\" id=\"{id}-help\">{}</p>", html(field.help)),
        )
    };
    let radios: String = options
        .iter()
        .map(|option| {
            let detail = if option.detail.is_empty() {
                String::new()
            } else {
                format!("<span class=\"option-detail\">{}</span>", html(option.detail))
            };
            format!(
                "<div class=\"option\"><input type=\"radio\" id=\"{id}-{value}\" name=\"{id}\" value=\"{value}\" data-field=\"{field}\">\
<label for=\"{id}-{value}\"><span class=\"option-label\">{label}</span>{detail}</label></div>",
                value = html(option.value),
                field = field.id,
                label = html(option.label),
            )
        })
        .collect();
    format!(
        "<fieldset class=\"field choice{inline}\"{described}><legend>{}</legend>{help}{radios}</fieldset>",
        html(field.label)
    )
}
