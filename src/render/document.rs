//! The deliverable as a small tree of blocks, built once from the exercise description and
//! the answers. Two writers turn it into text: `markdown` for the exported file and `html`
//! for the live preview, so the preview always shows the structure of the real file.
//!
//! Text in the tree is raw (as typed); each writer escapes it for its own format.

use crate::course::progress::{is_answered, self_check};
use crate::course::{
    find_exercise, is_money, ChoiceOption, Column, ComputedFormat, Drawing, Exercise, Field, FieldKind, Grid, Inputs,
    Module, Reference, TableRows, TableSpec,
};
use crate::diagram::Graph;
use crate::model::{ExerciseAnswers, Profile, Row, Workbook};
use crate::numbers::money_as_typed;

/// What an instructor sees in place of an answer the participant left empty.
pub const NOT_ANSWERED: &str = "Not answered";

/// Shown in a cell left empty on purpose (an unused trigger, an optional note).
const EMPTY_CELL: &str = "—";

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: String,
    },
    /// One paragraph of app-written spans.
    Paragraph(Vec<Inline>),
    /// Free text as the participant typed it: lines and blank-line paragraphs kept.
    Typed(String),
    List(Vec<Vec<Inline>>),
    /// Checklist items: (done, text).
    Checklist(Vec<(bool, String)>),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<Inline>>,
    },
    Code {
        language: &'static str,
        code: String,
    },
    /// A drawing: Mermaid text in the exported file, the SVG (already escaped) in the app.
    Diagram {
        mermaid: String,
        svg: String,
    },
    #[cfg(feature = "client-documents")]
    /// Details about the file rather than its content (YAML front matter at the top of the
    /// file: the course, the participant, the app), as (key, value).
    FrontMatter(Vec<(String, String)>),
    #[cfg(feature = "client-documents")]
    /// Short answers as definition lines, one line of spans each: "**Recommended platform:**
    /// Azure OpenAI".
    Definitions(Vec<Vec<Inline>>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(String),
    /// Italic: markers such as "Not answered" and pending computed values.
    Emphasis(String),
}

fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

fn not_answered() -> Inline {
    Inline::Emphasis(NOT_ANSWERED.to_owned())
}

/// Everything one deliverable is made from; the preview and the exported file both take it.
#[derive(Clone, Copy)]
pub struct Deliverable<'a> {
    pub module: &'a Module,
    pub exercise: &'a Exercise,
    pub profile: &'a Profile,
    pub answers: &'a ExerciseAnswers,
    /// The answers of other exercises that this one shows (`FieldKind::Reference`).
    pub others: &'a Workbook,
    /// Passed in, not read from a clock, so the same answers always give the same document.
    pub exported_at: &'a str,
}

impl<'a> Deliverable<'a> {
    /// An exercise of the participant's workbook, with its answers (`answers` is
    /// `exercise.answers_in(&workbook)`, which the caller owns).
    pub fn of(
        module: &'a Module,
        exercise: &'a Exercise,
        workbook: &'a Workbook,
        answers: &'a ExerciseAnswers,
        exported_at: &'a str,
    ) -> Self {
        Deliverable { module, exercise, profile: &workbook.profile, answers, others: workbook, exported_at }
    }
}

/// The whole deliverable as blocks.
pub fn exercise_document(deliverable: &Deliverable) -> Vec<Block> {
    let Deliverable { module, exercise, profile, answers, others, exported_at } = *deliverable;
    let inputs = Inputs::new(answers, others);
    #[cfg(feature = "client-documents")]
    if let Some(style) = &exercise.client_document {
        return client_document(deliverable, style, &inputs);
    }
    let mut blocks = header(module, exercise, profile, exported_at);
    for (index, section) in exercise.document_sections(answers).enumerate() {
        blocks.push(Block::Heading { level: 2, text: format!("{}. {}", index + 1, section.title) });
        fields(&mut blocks, section.fields.iter(), &inputs);
    }
    self_check_blocks(&mut blocks, exercise, &inputs, "Self-check");
    blocks
}

#[cfg(feature = "client-documents")]
/// A document for the client, and only what a client document carries: in front matter its
/// title, client, author, date, version and status; a cover line; the sections, with short
/// answers as definition lines. The course's details (cohort, export time, which parts
/// follow their exercise) ride in the embedded answers; the app and the review compute the
/// self-check and the red flags from them, and show them in their own panels.
fn client_document(deliverable: &Deliverable, style: &crate::course::ClientDocument, inputs: &Inputs) -> Vec<Block> {
    let Deliverable { profile, answers, exported_at, exercise, .. } = *deliverable;
    let client = Some(answers.text(style.client).trim()).filter(|c| !c.is_empty()).unwrap_or(profile.scenario.trim());
    let title = if client.is_empty() { style.title.to_owned() } else { format!("{}: {client}", style.title) };
    let date = crate::gantt::Date::parse(exported_at.get(..10).unwrap_or_default());
    let name = profile.name.trim();
    // Unstated, a document handed over is a first version, and a draft.
    let or = |id: &str, unstated: &str| {
        Some(answers.text(id).trim()).filter(|v| !v.is_empty()).unwrap_or(unstated).to_owned()
    };
    let (version, status) = (or(style.version, "1.0"), or(style.status, "Draft"));
    let or_not_answered =
        |value: &str| if value.is_empty() { not_answered() } else { Inline::Strong(value.to_owned()) };
    let mut blocks = vec![
        Block::FrontMatter(
            [
                ("title", title.clone()),
                ("client", client.to_owned()),
                ("prepared_by", name.to_owned()),
                ("date", date.map(|d| d.iso()).unwrap_or_default()),
                ("version", version.clone()),
                ("status", status.clone()),
            ]
            .map(|(key, value)| (key.to_owned(), value))
            .to_vec(),
        ),
        Block::Heading { level: 1, text: title },
        Block::Paragraph(vec![
            text("Prepared for "),
            or_not_answered(client),
            text(" by "),
            or_not_answered(name),
            text(date.map(|d| format!(", {}.", d.readable())).unwrap_or_else(|| ".".to_owned())),
            // ASCII only: Unicode's case tables would add 7 KB to the page for one word.
            text(format!(" Version {version}, {}.", status.to_ascii_lowercase())),
        ]),
    ];
    for (index, section) in exercise.document_sections(answers).enumerate() {
        blocks.push(Block::Heading { level: 2, text: format!("{}. {}", index + 1, style.section_title(section)) });
        let shown = section.fields.iter().filter(|f| f.id != style.client && !style.not_in_body.contains(&f.id));
        let mut definitions = Vec::new();
        for field in shown {
            match short_answer(field, inputs) {
                // An optional answer left empty says nothing to the client.
                Some(cells) if field.optional && cells[1] == text(EMPTY_CELL) => {}
                // A yes/no question answered is said as a sentence, where its option has one.
                Some(_) if field.label.ends_with('?') && !statement(field, inputs).is_empty() => {
                    definitions.push(vec![text(statement(field, inputs))]);
                }
                Some(mut cells) if cells.len() == 2 => {
                    let mut answer = cells.remove(1);
                    if let (FieldKind::Number { unit }, Inline::Text(value)) = (&field.kind, &mut answer) {
                        if !unit.is_empty() && !is_money(unit) {
                            value.push(' ');
                            value.push_str(unit);
                        }
                    }
                    // A question keeps its question mark instead of a colon.
                    let colon = if field.label.ends_with('?') { "" } else { ":" };
                    definitions.push(vec![Inline::Strong(format!("{}{colon}", field.label)), text(" "), answer]);
                }
                _ => {
                    if !definitions.is_empty() {
                        blocks.push(Block::Definitions(std::mem::take(&mut definitions)));
                    }
                    // A field named like its section (the executive summary) needs no heading of its own.
                    if field.label == style.section_title(section) {
                        blocks.push(field_body(field, inputs));
                    } else {
                        long_field(&mut blocks, field, inputs);
                    }
                    // A fixed row left empty is not used (a trigger not set): it says nothing
                    // to the client. (Its cells are all the empty cell's dash.)
                    if let (
                        FieldKind::Table(TableSpec { rows: TableRows::Fixed { .. }, .. }),
                        Some(Block::Table { rows, .. }),
                    ) = (&field.kind, blocks.last_mut())
                    {
                        rows.retain(|row| {
                            row[1..].iter().any(|cell| !matches!(cell, Inline::Text(t) if t == EMPTY_CELL))
                        });
                    }
                }
            }
        }
        if !definitions.is_empty() {
            blocks.push(Block::Definitions(definitions));
        }
    }
    blocks
}

#[cfg(feature = "client-documents")]
/// The sentence a choice's answer says in a client document (its option's `detail`), or "".
fn statement(field: &Field, inputs: &Inputs) -> &'static str {
    match &field.kind {
        FieldKind::Choice { options } => {
            options.iter().find(|o| o.value == inputs.text(field.id)).map_or("", |option| option.detail)
        }
        _ => "",
    }
}

fn header(module: &Module, exercise: &Exercise, profile: &Profile, exported_at: &str) -> Vec<Block> {
    let scenario = profile.scenario.trim();
    let title =
        if scenario.is_empty() { exercise.title.to_owned() } else { format!("{}: {}", exercise.title, scenario) };
    let line = |label: &str, value: &str| {
        let value = value.trim();
        vec![
            Inline::Strong(format!("{label}:")),
            text(" "),
            if value.is_empty() { not_answered() } else { text(value) },
        ]
    };
    vec![
        Block::Heading { level: 1, text: title },
        Block::Paragraph(vec![text(format!(
            "Advanced {}, {}: {} · Exercise {}",
            module.name, module.session, module.title, exercise.number
        ))]),
        Block::List(vec![
            line("Participant", &profile.name),
            line("Cohort", &profile.cohort),
            line("Client / scenario", &profile.scenario),
            line("Exported", exported_at),
            line("Workbook", &format!("v{}", crate::APP_VERSION)),
        ]),
    ]
}

/// Consecutive short answers go into one question/answer table; everything else gets a
/// sub-heading of its own.
fn fields<'a>(blocks: &mut Vec<Block>, fields: impl Iterator<Item = &'a Field>, inputs: &Inputs) {
    let mut short_rows: Vec<Vec<Inline>> = Vec::new();
    for field in fields {
        match short_answer(field, inputs) {
            Some(row) => short_rows.push(row),
            None => {
                flush_short_rows(blocks, &mut short_rows);
                long_field(blocks, field, inputs);
            }
        }
    }
    flush_short_rows(blocks, &mut short_rows);
}

/// Another exercise's answers, as that exercise's own document shows them, introduced by
/// where they come from. Used by the preview pane of the field too.
pub fn reference_blocks(reference: &Reference, others: &Workbook) -> Vec<Block> {
    let Some((_, source)) = find_exercise(reference.exercise) else { return Vec::new() };
    let answers = source.answers_in(others);
    let mut blocks = vec![Block::Paragraph(vec![Inline::Emphasis(format!(
        "From Exercise {} ({}):",
        source.number, source.deliverable
    ))])];
    let referenced = reference.fields.iter().filter_map(|id| source.field(id));
    // Nested references would recurse; the content tests forbid them, this guards anyway.
    let referenced = referenced.filter(|f| !matches!(f.kind, FieldKind::Reference(_)));
    fields(&mut blocks, referenced, &Inputs::new(&answers, others));
    blocks
}

/// The (question, answer) cells of a field that reads best as one table row, or `None`.
fn short_answer(field: &Field, inputs: &Inputs) -> Option<Vec<Inline>> {
    let value = inputs.text(field.id).trim();
    let answer = match &field.kind {
        FieldKind::Text { .. } | FieldKind::Number { .. } | FieldKind::Choice { .. } if value.is_empty() => {
            if field.optional {
                text(EMPTY_CELL)
            } else {
                not_answered()
            }
        }
        // Amounts are Module 6's (feature `number-fields`): other pages leave the money
        // formatting out (the guard test in `course` keeps the feature with the fields).
        FieldKind::Number { unit } if cfg!(feature = "number-fields") && is_money(unit) => {
            text(money_as_typed(value).unwrap_or_else(|| value.to_owned()))
        }
        FieldKind::Text { .. } | FieldKind::Number { .. } => text(value),
        FieldKind::Choice { options } => text(choice_label(options, value)),
        // A drafted name or word (a slot, an environment) reads as an answer in the table.
        FieldKind::Draft(draft) if draft.format == ComputedFormat::Text => {
            let text = crate::course::draft_text(field, inputs);
            if text.contains('\n') || text.trim().is_empty() {
                return None;
            }
            self::text(text.trim())
        }
        FieldKind::Computed(computed) if computed.format == ComputedFormat::Text => match (computed.compute)(inputs) {
            // A list of several lines reads better under a heading of its own.
            Some(value) if value.contains('\n') => return None,
            Some(value) => text(value),
            None => Inline::Emphasis(computed.pending.to_owned()),
        },
        _ => return None,
    };
    let question = match &field.kind {
        FieldKind::Number { unit } if !unit.is_empty() => format!("{} ({})", field.label, unit),
        _ => field.label.to_owned(),
    };
    Some(vec![text(question), answer])
}

fn flush_short_rows(blocks: &mut Vec<Block>, rows: &mut Vec<Vec<Inline>>) {
    if !rows.is_empty() {
        blocks.push(Block::Table { header: vec!["Question".into(), "Answer".into()], rows: std::mem::take(rows) });
    }
}

fn long_field(blocks: &mut Vec<Block>, field: &Field, inputs: &Inputs) {
    blocks.push(Block::Heading { level: 3, text: field.label.to_owned() });
    match &field.kind {
        FieldKind::Reference(reference) => blocks.extend(reference_blocks(reference, inputs.workbook)),
        _ => blocks.push(field_body(field, inputs)),
    }
}

/// A field's answer as one block, short answers included (a carried field's source).
pub fn answer_block(field: &Field, inputs: &Inputs) -> Block {
    match short_answer(field, inputs) {
        Some(mut cells) if cells.len() == 2 => Block::Paragraph(vec![cells.remove(1)]),
        _ => field_body(field, inputs),
    }
}

/// A field's answer as one block, under its heading in the document. The form draws
/// derived fields (computed tables, diagrams) from this too, so they match the export.
pub fn field_body(field: &Field, inputs: &Inputs) -> Block {
    let answers = inputs.answers;
    match &field.kind {
        FieldKind::ComputedTable(computed) => match (computed.compute)(inputs) {
            Some(grid) => grid_table(grid),
            None => Block::Paragraph(vec![Inline::Emphasis(computed.pending.to_owned())]),
        },
        FieldKind::Diagram(spec) => {
            let graph = Graph::from_tables(answers.rows(spec.components), answers.rows(spec.connections));
            if graph.is_empty() {
                Block::Paragraph(vec![not_answered()])
            } else {
                Block::Diagram { mermaid: graph.mermaid(), svg: graph.layout().svg(field.label) }
            }
        }
        FieldKind::Chart(chart) => match (chart.compute)(inputs) {
            Some(Drawing { mermaid, svg }) => Block::Diagram { mermaid, svg },
            None => Block::Paragraph(vec![Inline::Emphasis(chart.pending.to_owned())]),
        },
        FieldKind::Draft(draft) => match draft.format {
            ComputedFormat::Code(language) => Block::Code { language, code: crate::course::draft_text(field, inputs) },
            ComputedFormat::Text => Block::Typed(crate::course::draft_text(field, inputs)),
        },
        FieldKind::Checklist { tasks } => {
            let done = answers.selected(field.id);
            Block::Checklist(
                tasks
                    .iter()
                    .map(|task| (done.contains(&task.value), format!("{}: {}", task.label, task.detail)))
                    .collect(),
            )
        }
        FieldKind::MultiChoice { options } if answers.has(field.id) => Block::List(
            answers.selected(field.id).into_iter().map(|value| vec![text(choice_label(options, value))]).collect(),
        ),
        FieldKind::LongText { .. } if answers.has(field.id) => Block::Typed(answers.text(field.id).to_owned()),
        FieldKind::Table(spec) if has_any_cell(answers.rows(field.id)) || is_answered(field, answers) => {
            table(field, spec, answers)
        }
        FieldKind::Computed(computed) => match ((computed.compute)(inputs), computed.format) {
            (Some(code), ComputedFormat::Code(language)) => Block::Code { language, code },
            (Some(value), ComputedFormat::Text) => Block::Typed(value),
            (None, _) => Block::Paragraph(vec![Inline::Emphasis(computed.pending.to_owned())]),
        },
        _ => Block::Paragraph(vec![not_answered()]),
    }
}

fn has_any_cell(rows: &[Row]) -> bool {
    rows.iter().any(|row| row.values().any(|v| !v.trim().is_empty()))
}

/// A column's heading: the answer naming it (a platform's name), else its label.
pub fn column_heading<'a>(column: &'a Column, answers: &'a ExerciseAnswers) -> &'a str {
    column.heading_from.map(|id| answers.text(id).trim()).filter(|name| !name.is_empty()).unwrap_or(column.label)
}

fn grid_table(grid: Grid) -> Block {
    Block::Table {
        header: grid.header,
        rows: grid.rows.into_iter().map(|row| row.into_iter().map(text).collect()).collect(),
    }
}

fn table(field: &Field, spec: &TableSpec, answers: &ExerciseAnswers) -> Block {
    let fixed_labels = match spec.rows {
        TableRows::Fixed { header, labels } => Some((header, labels)),
        TableRows::Editable { .. } => None,
    };
    let header = fixed_labels
        .map(|(label_header, _)| label_header.to_owned())
        .into_iter()
        .chain(spec.columns.iter().map(|c| column_heading(c, answers).to_owned()))
        .collect();
    let rows = answers
        .rows(field.id)
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let label = fixed_labels.map(|(_, labels)| text(labels.get(index).copied().unwrap_or_default()));
            label.into_iter().chain(spec.columns.iter().map(|c| cell(row, c, fixed_labels.is_some()))).collect()
        })
        .collect();
    Block::Table { header, rows }
}

fn cell(row: &Row, column: &Column, fixed: bool) -> Inline {
    match row.get(column.id).map(|v| v.trim()).filter(|v| !v.is_empty()) {
        Some(value) if cfg!(feature = "number-fields") && column.money => {
            text(money_as_typed(value).unwrap_or_else(|| value.to_owned()))
        }
        Some(value) if cfg!(feature = "number-fields") && column.count => text(
            crate::numbers::parse_number(value).map_or_else(|| value.to_owned(), |n| crate::numbers::grouped(n, 2)),
        ),
        Some(value) => text(value),
        None if fixed || column.optional => text(EMPTY_CELL),
        None => not_answered(),
    }
}

fn choice_label<'a>(options: &'a [ChoiceOption], value: &'a str) -> &'a str {
    options.iter().find(|o| o.value == value).map_or(value, |o| o.label)
}

fn self_check_blocks(blocks: &mut Vec<Block>, exercise: &Exercise, inputs: &Inputs, heading: &str) {
    if exercise.criteria.is_empty() {
        return;
    }
    let checks = self_check(exercise, inputs);
    let met = checks.iter().filter(|(_, ok)| *ok).count();
    let level = if exercise.client_document.is_some() { 3 } else { 2 };
    blocks.push(Block::Heading { level, text: heading.into() });
    blocks.push(Block::Paragraph(vec![text(format!("{met} of {} success criteria met.", checks.len()))]));
    blocks.push(Block::Checklist(checks.into_iter().map(|(text, ok)| (ok, text.to_owned())).collect()));
}
