//! An exercise's answers as the markdown deliverable the course asks for.
//!
//! The document is generated from the exercise description alone: sections in order, short
//! answers grouped in a question/answer table, free text as paragraphs, tables as tables,
//! computed values as text or fenced code, then the self-check and the embedded answers.

use std::fmt::Write;

use super::{embedded, escape};
use crate::course::{ChoiceOption, Column, ComputedFormat, Exercise, Field, FieldKind, Module, TableRows, TableSpec};
use crate::model::{ExerciseAnswers, Profile, Row};
use crate::progress::{is_answered, self_check};

/// What an instructor sees in place of an answer the participant left empty.
pub const NOT_ANSWERED: &str = "_Not answered_";

/// Shown in a fixed table's cell the participant left empty on purpose (an unused trigger).
const EMPTY_CELL: &str = "—";

/// Renders the deliverable. `exported_at` is passed in (not read from a clock) so the same
/// answers always give the same file.
pub fn exercise_markdown(
    module: &Module,
    exercise: &Exercise,
    profile: &Profile,
    answers: &ExerciseAnswers,
    exported_at: &str,
) -> String {
    let mut doc = String::with_capacity(4096);
    write_header(&mut doc, module, exercise, profile, exported_at);
    for (index, section) in exercise.sections.iter().enumerate() {
        let _ = write!(doc, "\n## {}. {}\n", index + 1, escape::inline(section.title));
        write_fields(&mut doc, section.fields, answers);
    }
    write_self_check(&mut doc, exercise, answers);
    doc.push('\n');
    doc.push_str(&embedded::embed(exercise, profile, answers, exported_at));
    doc.push('\n');
    doc
}

fn write_header(doc: &mut String, module: &Module, exercise: &Exercise, profile: &Profile, exported_at: &str) {
    let scenario = profile.scenario.trim();
    if scenario.is_empty() {
        let _ = writeln!(doc, "# {}", escape::inline(exercise.title));
    } else {
        let _ = writeln!(doc, "# {}: {}", escape::inline(exercise.title), escape::inline(scenario));
    }
    let _ = writeln!(
        doc,
        "\nAdvanced {}, {}: {} · Exercise {}\n",
        module.name, module.session, module.title, exercise.number
    );
    let or_marker = |value: &str| if value.trim().is_empty() { NOT_ANSWERED.to_owned() } else { escape::inline(value) };
    let _ = writeln!(doc, "- **Participant:** {}", or_marker(&profile.name));
    let _ = writeln!(doc, "- **Cohort:** {}", or_marker(&profile.cohort));
    let _ = writeln!(doc, "- **Client / scenario:** {}", or_marker(&profile.scenario));
    let _ = writeln!(doc, "- **Exported:** {}", escape::inline(exported_at));
    let _ = writeln!(doc, "- **Workbook:** v{}", crate::APP_VERSION);
}

/// Consecutive short answers go into one question/answer table; everything else gets a
/// sub-heading of its own.
fn write_fields(doc: &mut String, fields: &[Field], answers: &ExerciseAnswers) {
    let mut short_rows: Vec<(String, String)> = Vec::new();
    for field in fields {
        match short_answer(field, answers) {
            Some(row) => short_rows.push(row),
            None => {
                flush_short_rows(doc, &mut short_rows);
                write_long_field(doc, field, answers);
            }
        }
    }
    flush_short_rows(doc, &mut short_rows);
}

/// The (question, answer) cells of a field that reads best as one table row, or `None`.
fn short_answer(field: &Field, answers: &ExerciseAnswers) -> Option<(String, String)> {
    let value = answers.text(field.id).trim();
    let answer = match &field.kind {
        FieldKind::Text { .. } | FieldKind::Number { .. } | FieldKind::Choice { .. } if value.is_empty() => {
            if field.optional { EMPTY_CELL.to_owned() } else { NOT_ANSWERED.to_owned() }
        }
        FieldKind::Text { .. } | FieldKind::Number { .. } => escape::cell(value),
        FieldKind::Choice { options } => escape::cell(choice_label(options, value)),
        FieldKind::Computed(computed) if computed.format == ComputedFormat::Text => {
            match (computed.compute)(answers) {
                Some(text) => escape::cell(&text),
                None => format!("_{}_", escape::cell(computed.pending)),
            }
        }
        _ => return None,
    };
    let question = match &field.kind {
        FieldKind::Number { unit } if !unit.is_empty() => format!("{} ({})", escape::cell(field.label), escape::cell(unit)),
        _ => escape::cell(field.label),
    };
    Some((question, answer))
}

fn flush_short_rows(doc: &mut String, rows: &mut Vec<(String, String)>) {
    if rows.is_empty() {
        return;
    }
    doc.push_str("\n| Question | Answer |\n|---|---|\n");
    for (question, answer) in rows.drain(..) {
        let _ = writeln!(doc, "| {question} | {answer} |");
    }
}

fn write_long_field(doc: &mut String, field: &Field, answers: &ExerciseAnswers) {
    let _ = write!(doc, "\n### {}\n\n", escape::inline(field.label));
    match &field.kind {
        FieldKind::LongText { .. } => {
            let text = escape::block(answers.text(field.id));
            doc.push_str(if text.is_empty() { NOT_ANSWERED } else { &text });
        }
        FieldKind::Table(spec) => write_table(doc, field, spec, answers),
        FieldKind::Computed(computed) => match (computed.compute)(answers) {
            Some(text) => match computed.format {
                ComputedFormat::Code(language) => doc.push_str(&escape::code_block(language, &text)),
                ComputedFormat::Text => doc.push_str(&escape::block(&text)),
            },
            None => doc.push_str(&format!("_{}_", escape::inline(computed.pending))),
        },
        // Short kinds are handled by `short_answer`.
        FieldKind::Text { .. } | FieldKind::Number { .. } | FieldKind::Choice { .. } => {}
    }
    doc.push('\n');
}

fn write_table(doc: &mut String, field: &Field, spec: &TableSpec, answers: &ExerciseAnswers) {
    let rows = answers.rows(field.id);
    if !is_answered(field, answers) && rows.iter().all(|r| r.values().all(|v| v.trim().is_empty())) {
        doc.push_str(NOT_ANSWERED);
        return;
    }
    let fixed_labels = match spec.rows {
        TableRows::Fixed { header, labels } => Some((header, labels)),
        TableRows::Editable { .. } => None,
    };
    let mut header: Vec<String> = Vec::new();
    if let Some((label_header, _)) = fixed_labels {
        header.push(escape::cell(label_header));
    }
    header.extend(spec.columns.iter().map(|c| escape::cell(c.label)));
    let _ = writeln!(doc, "| {} |", header.join(" | "));
    let _ = writeln!(doc, "|{}", "---|".repeat(header.len()));
    for (index, row) in rows.iter().enumerate() {
        let mut cells: Vec<String> = Vec::new();
        if let Some((_, labels)) = fixed_labels {
            cells.push(labels.get(index).map(|l| escape::cell(l)).unwrap_or_default());
        }
        cells.extend(spec.columns.iter().map(|c| table_cell(row, c, fixed_labels.is_some())));
        let _ = writeln!(doc, "| {} |", cells.join(" | "));
    }
    // The table ends at the last row; `write_long_field` adds the blank line after it.
    doc.pop();
}

fn table_cell(row: &Row, column: &Column, fixed: bool) -> String {
    match row.get(column.id).map(|v| v.trim()).filter(|v| !v.is_empty()) {
        Some(value) => escape::cell(value),
        None if fixed || column.optional => EMPTY_CELL.to_owned(),
        None => NOT_ANSWERED.to_owned(),
    }
}

fn choice_label<'a>(options: &'a [ChoiceOption], value: &'a str) -> &'a str {
    options.iter().find(|o| o.value == value).map_or(value, |o| o.label)
}

fn write_self_check(doc: &mut String, exercise: &Exercise, answers: &ExerciseAnswers) {
    if exercise.criteria.is_empty() {
        return;
    }
    let checks = self_check(exercise, answers);
    let met = checks.iter().filter(|(_, ok)| *ok).count();
    let _ = write!(doc, "\n## Self-check\n\n{met} of {} success criteria met.\n\n", checks.len());
    for (text, ok) in checks {
        let _ = writeln!(doc, "- [{}] {}", if ok { "x" } else { " " }, escape::inline(text));
    }
}
