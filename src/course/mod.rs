//! Course content as data.
//!
//! Every exercise is described once here: its sections, fields, guidance and success
//! criteria. The form, progress, self-check, live preview and export all read this
//! description; nothing else in the app knows what Exercise 2.1 asks. Adding a field is
//! one line in the module file; adding an exercise is one new `Exercise` value.

mod module5;
mod module6;
mod operations_runbook;

use crate::model::ExerciseAnswers;

/// A course module, as shown on the home page.
pub struct Module {
    /// Short id used in URLs, e.g. `module-6`.
    pub slug: &'static str,
    /// "Module 6"
    pub name: &'static str,
    pub title: &'static str,
    pub session: &'static str,
    /// Homework time for the whole session, when the guide gives it.
    pub homework_minutes: u32,
    pub exercises: &'static [Exercise],
}

/// One homework exercise. An exercise with no sections is listed but not built yet.
pub struct Exercise {
    /// Stable key: storage key, URL segment and export metadata. Never change a key once
    /// released, or saved answers are orphaned.
    pub key: &'static str,
    /// "2.1"
    pub number: &'static str,
    pub title: &'static str,
    /// One sentence: what the participant produces.
    pub summary: &'static str,
    /// File name of the deliverable the course asks for.
    pub deliverable: &'static str,
    /// Time estimate from the instructor guide, when it gives one per exercise.
    pub minutes: Option<u32>,
    pub sections: &'static [Section],
    /// The guide's success criteria, each checked against the answers.
    pub criteria: &'static [Criterion],
}

impl Exercise {
    pub fn is_built(&self) -> bool {
        !self.sections.is_empty()
    }

    pub fn section(&self, id: &str) -> Option<&'static Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Every field of every section, in document order.
    pub fn fields(&self) -> impl Iterator<Item = &'static Field> {
        self.sections.iter().flat_map(|s| s.fields.iter())
    }

    pub fn field(&self, id: &str) -> Option<&'static Field> {
        self.fields().find(|f| f.id == id)
    }
}

pub struct Section {
    /// Unique within the exercise; used to remember where the participant was.
    pub id: &'static str,
    pub title: &'static str,
    /// What this section is for, shown above the fields.
    pub intro: &'static str,
    /// "What good looks like", drawn from the instructor guide, shown beside the fields.
    pub guidance: &'static [&'static str],
    pub fields: &'static [Field],
}

pub struct Field {
    /// Unique within the exercise: the key of the answer in storage and in the export.
    pub id: &'static str,
    pub label: &'static str,
    /// Short hint under the label.
    pub help: &'static str,
    pub kind: FieldKind,
    /// Optional fields do not count towards progress and export without a "not answered"
    /// marker.
    pub optional: bool,
}

pub enum FieldKind {
    /// One line of text.
    Text { placeholder: &'static str },
    /// Several lines of free text.
    LongText { placeholder: &'static str },
    /// A number typed as text (kept exactly as typed), with a unit shown beside it.
    Number { unit: &'static str },
    /// One option out of a few, each with a line on what it implies.
    Choice { options: &'static [ChoiceOption] },
    /// Any number of options (stored as the chosen values, one per line, in option order).
    MultiChoice { options: &'static [ChoiceOption] },
    /// Rows of cells.
    Table(TableSpec),
    /// A read-only value the app derives from other answers (a suggestion, a config block).
    Computed(Computed),
    /// Answers of another exercise, shown read-only (and exported) so they are not retyped.
    Reference(Reference),
}

impl FieldKind {
    /// Whether the participant types into this field (computed fields are not answers).
    pub fn is_input(&self) -> bool {
        !matches!(self, FieldKind::Computed(_) | FieldKind::Reference(_))
    }
}

pub struct ChoiceOption {
    pub value: &'static str,
    pub label: &'static str,
    /// Trade-offs or consequences of this option, shown beside it.
    pub detail: &'static str,
}

pub struct TableSpec {
    /// What one row is called in buttons and labels: "phase", "trigger".
    pub row_noun: &'static str,
    pub columns: &'static [Column],
    pub rows: TableRows,
}

pub enum TableRows {
    /// Participants add, remove and reorder rows; new exercises start with these rows
    /// (cells in column order).
    Editable { defaults: &'static [&'static [&'static str]] },
    /// One row per label, in this order; the label is shown as the first column and is not
    /// editable.
    Fixed { header: &'static str, labels: &'static [&'static str] },
}

pub struct Column {
    pub id: &'static str,
    pub label: &'static str,
    /// A multi-line cell.
    pub long: bool,
    /// An optional cell does not make its row incomplete when empty.
    pub optional: bool,
}

pub struct Reference {
    /// Key of the exercise whose answers are shown.
    pub exercise: &'static str,
    /// Its field ids, in the order shown (computed fields included).
    pub fields: &'static [&'static str],
}

pub struct Computed {
    pub compute: fn(&ExerciseAnswers) -> Option<String>,
    pub format: ComputedFormat,
    /// Shown while `compute` has nothing to say: which answers it still needs.
    pub pending: &'static str,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ComputedFormat {
    Text,
    /// A fenced code block in this language, e.g. `json`.
    Code(&'static str),
}

/// A success criterion from the guide, ticked when `met` holds for the answers.
pub struct Criterion {
    pub text: &'static str,
    pub met: fn(&ExerciseAnswers) -> bool,
}

/// All modules, in the order the home page lists them.
pub static MODULES: &[Module] = &[module5::MODULE, module6::MODULE];

/// Finds an exercise and its module by exercise key.
pub fn find_exercise(key: &str) -> Option<(&'static Module, &'static Exercise)> {
    MODULES.iter().flat_map(|m| m.exercises.iter().map(move |e| (m, e))).find(|(_, e)| e.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn keys_and_ids_are_unique() {
        let mut keys = HashSet::new();
        for module in MODULES {
            for exercise in module.exercises {
                assert!(keys.insert(exercise.key), "duplicate exercise key {}", exercise.key);
                let mut fields = HashSet::new();
                let mut sections = HashSet::new();
                for section in exercise.sections {
                    assert!(sections.insert(section.id), "duplicate section {}", section.id);
                    for field in section.fields {
                        assert!(fields.insert(field.id), "duplicate field {}", field.id);
                    }
                }
            }
        }
    }

    /// Every field of every exercise of every module.
    fn all_fields() -> impl Iterator<Item = &'static Field> {
        MODULES.iter().flat_map(|m| m.exercises.iter()).flat_map(|e| e.fields())
    }

    #[test]
    fn tables_have_unique_columns_and_well_formed_defaults() {
        for field in all_fields() {
            if let FieldKind::Table(spec) = &field.kind {
                let ids: HashSet<_> = spec.columns.iter().map(|c| c.id).collect();
                assert_eq!(ids.len(), spec.columns.len(), "{}", field.id);
                if let TableRows::Editable { defaults } = spec.rows {
                    for row in defaults {
                        assert!(row.len() <= spec.columns.len(), "{}", field.id);
                    }
                }
            }
        }
    }

    #[test]
    fn references_name_existing_fields() {
        for field in all_fields() {
            if let FieldKind::Reference(reference) = &field.kind {
                let (_, target) = find_exercise(reference.exercise).expect(reference.exercise);
                for id in reference.fields {
                    assert!(target.field(id).is_some(), "{}: {} has no field {id}", field.id, target.key);
                }
            }
        }
    }

    #[test]
    fn both_modules_list_three_exercises() {
        assert_eq!(MODULES.len(), 2);
        for module in MODULES {
            let numbers: Vec<_> = module.exercises.iter().map(|e| e.number).collect();
            assert_eq!(numbers, ["2.1", "2.2", "2.3"], "{}", module.name);
        }
    }
}
