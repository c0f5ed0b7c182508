//! The form shell: an exercise's sections as plain HTML, written into its page's
//! `index.html` (between the markers below), so the first field shows, and takes typing,
//! before the wasm has even arrived. The page's inline script (`shell.js`) shows the shell
//! of the route opened, at the section the app will open, and fills it from localStorage; the app takes what was typed there
//! when it starts (`ui::adopt_shell_edits`) and replaces it. `tests/form_shell.rs` fails
//! when a page's shell differs from what the course says (`UPDATE_EXPECTED=1` rewrites it).
//!
//! Only the fields the shell can hold as they are stored are in it: short and long text,
//! numbers (text as typed), single choices (the option's value) and tables with a row per
//! label whose cells are plain text (a text per row and column), none carried from another
//! exercise (those show another exercise's answer until refined), so a value typed here
//! means in the app what it meant in the shell. [`adopt`] puts it where the app keeps it.

use crate::course::{
    find_exercise, unit_around, ChoiceOption, Column, Exercise, Field, FieldKind, Module, Section, TableRows, TableSpec,
};
use crate::escape::html;
use crate::model::{ExerciseAnswers, Row};

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
/// A section gets one when its fields start with some the shell can hold (texts, numbers,
/// single choices, tables with a row per label; none carried from another exercise): it
/// draws those, and the app adds the rest below them, so nothing it drew moves. Only
/// sections after unconditional ones, whose number is certain.
pub fn templates(module: &Module, page: Option<&str>, sections: Sections) -> String {
    let held = |exercise: &Exercise, field: &Field| {
        let plain = match &field.kind {
            FieldKind::Text { .. }
            | FieldKind::LongText { .. }
            | FieldKind::Number { .. }
            | FieldKind::Choice { .. } => true,
            FieldKind::Table(spec) => fixed_cells(spec).is_some(),
            _ => false,
        };
        plain && exercise.carried_from(field.id).is_none()
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
                FieldKind::Table(ref spec) => {
                    let (header, labels) = fixed_cells(spec)?;
                    return Some(fixed_table(field, &id, spec.columns, header, labels));
                }
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
    let (described, help) = fieldset_help(field, id);
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

/// A fieldset's help, as the app draws it (`ui::fields::help_view`): the attribute that
/// points at it, and the paragraph; both empty when the field has none.
fn fieldset_help(field: &Field, id: &str) -> (String, String) {
    if field.help.is_empty() {
        return (String::new(), String::new());
    }
    (format!(" aria-describedby=\"{id}-help\""), format!("<p class=\"help\" id=\"{id}-help\">{}</p>", html(field.help)))
}

/// A table the shell can hold: a row per label (its header and labels), every cell plain
/// text. A column headed by another answer, or checked as it is typed, is drawn by the app
/// alone.
fn fixed_cells(spec: &TableSpec) -> Option<(&'static str, &'static [&'static str])> {
    let TableRows::Fixed { header, labels } = spec.rows else { return None };
    spec.columns.iter().all(|c| c.heading_from.is_none() && c.check.is_none()).then_some((header, labels))
}

/// A table with a row per label as the app draws it (`ui::fields::TableField`): each cell a
/// box named by its row and its column, `data-cell` the row's index and the column's id,
/// where the app keeps its text ([`adopt`]).
fn fixed_table(field: &Field, id: &str, columns: &[Column], header: &str, labels: &[&str]) -> String {
    let (described, help) = fieldset_help(field, id);
    let heads: String =
        columns.iter().map(|c| format!("<th scope=\"col\" id=\"{id}-c-{}\">{}</th>", c.id, html(c.label))).collect();
    let rows: String = labels
        .iter()
        .enumerate()
        .map(|(row, label)| {
            let cells: String = columns
                .iter()
                .map(|c| {
                    let attributes = format!(
                        "id=\"{id}-r{row}-{column}\" aria-labelledby=\"{id}-r{row} {id}-c-{column}\" data-field=\"{field}\" data-cell=\"{row}/{column}\"",
                        column = c.id,
                        field = field.id,
                    );
                    if c.long {
                        format!("<td><textarea {attributes} rows=\"3\"></textarea></td>")
                    } else {
                        format!("<td><input {attributes} type=\"text\"></td>")
                    }
                })
                .collect();
            format!("<tr><th scope=\"row\" id=\"{id}-r{row}\">{}</th>{cells}</tr>", html(label))
        })
        .collect();
    format!(
        "<fieldset class=\"field table-field\"{described}><legend>{}</legend>{help}<div class=\"table-scroll\"><table>\
<thead><tr><th scope=\"col\">{}</th>{heads}</tr></thead><tbody>{rows}</tbody></table></div></fieldset>",
        html(field.label),
        html(header)
    )
}

/// Puts a text typed in a shell where the app keeps it, in `exercise`'s `answers`: `key` is
/// the box's `data-field`, followed for a table's cell by `/` and its `data-cell` (`stack/0/tool`).
/// A cell the course no longer has (a release changed the table between the typing and
/// this start) is dropped rather than stored where the app never shows it.
pub fn adopt(answers: &mut ExerciseAnswers, exercise: &str, key: &str, text: String) {
    let Some((field, cell)) = key.split_once('/') else {
        answers.set_text(key, text);
        return;
    };
    let Some((row, column)) = cell.split_once('/') else { return };
    let table = find_exercise(exercise).and_then(|(_, e)| e.field(field)).and_then(|f| match &f.kind {
        FieldKind::Table(spec) => Some(spec),
        _ => None,
    });
    let Some(spec) = table else { return };
    let Some((_, labels)) = fixed_cells(spec) else { return };
    let Some(row) = row.parse::<usize>().ok().filter(|row| *row < labels.len()) else { return };
    let Some(column) = spec.columns.iter().find(|c| c.id == column) else { return };
    // As `Exercise::seed_defaults` pads it: a row per label.
    let rows = answers.rows_mut(field);
    if rows.len() < labels.len() {
        rows.resize_with(labels.len(), Row::new);
    }
    rows[row].insert(column.id.to_owned(), text);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell<'a>(answers: &'a ExerciseAnswers, field: &str, row: usize, column: &str) -> Option<&'a str> {
        answers.rows(field).get(row)?.get(column).map(String::as_str)
    }

    #[test]
    fn a_field_typed_in_the_shell_is_its_text() {
        let mut answers = ExerciseAnswers::default();
        adopt(&mut answers, "m6-2.1", "scenario_summary", "An insurer".into());
        assert_eq!(answers.text("scenario_summary"), "An insurer");
    }

    #[test]
    fn a_cell_typed_in_the_shell_goes_in_its_row_the_table_padded_to_a_row_per_label() {
        let mut answers = ExerciseAnswers::default();
        adopt(&mut answers, "m6-2.2", "stack/1/covers", "Every request, sanitized".into());
        assert_eq!(answers.rows("stack").len(), 5, "a row per pillar, as the app seeds it");
        assert_eq!(cell(&answers, "stack", 1, "covers"), Some("Every request, sanitized"));
        assert_eq!(cell(&answers, "stack", 0, "covers"), None);
        // A second cell of the same row keeps the first.
        adopt(&mut answers, "m6-2.2", "stack/1/tool", "ELK".into());
        assert_eq!(cell(&answers, "stack", 1, "tool"), Some("ELK"));
        assert_eq!(cell(&answers, "stack", 1, "covers"), Some("Every request, sanitized"));
    }

    #[test]
    fn a_cell_the_course_does_not_have_is_dropped() {
        let mut answers = ExerciseAnswers::default();
        for key in [
            "stack/5/tool",         // a row past the labels
            "stack/0/cost",         // no such column
            "stack/first/tool",     // not a row number
            "stack/0",              // no column
            "ai_metrics/0/metric",  // a table the participant adds rows to
            "scenario_summary/0/x", // not a table
            "nothing/0/tool",       // no such field
        ] {
            adopt(&mut answers, "m6-2.2", key, "text".into());
        }
        adopt(&mut answers, "m9-9.9", "stack/0/tool", "text".into());
        assert_eq!(answers, ExerciseAnswers::default());
    }
}
