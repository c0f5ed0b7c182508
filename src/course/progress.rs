//! How far a participant is: per field, per section, per exercise, and which of the
//! guide's success criteria their answers meet. Read by the form, the home page and the
//! export, so they always agree.

use crate::course::{Criterion, Exercise, Field, FieldKind, Inputs, Section, TableRows, TableSpec, MODULES};
use crate::model::{ExerciseAnswers, Row, Workbook};

/// Answered fields out of the fields that count (inputs that are not optional).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn percent(self) -> u32 {
        if self.total == 0 {
            return 0;
        }
        (self.done * 100 / self.total) as u32
    }

    pub fn is_complete(self) -> bool {
        self.total > 0 && self.done == self.total
    }

    fn add(self, other: Progress) -> Progress {
        Progress { done: self.done + other.done, total: self.total + other.total }
    }
}

/// Whether a field counts towards progress at all.
pub fn counts(field: &Field) -> bool {
    field.kind.is_input() && !field.optional
}

/// Whether the participant has answered a field. Editable tables need at least one row and
/// every required cell filled; fixed tables need at least one row with something in it.
pub fn is_answered(field: &Field, answers: &ExerciseAnswers) -> bool {
    match &field.kind {
        kind if !kind.is_input() => false,
        FieldKind::Table(spec) => table_is_answered(spec, answers.rows(field.id)),
        // Only one of its options answers a choice: a value an earlier version offered (or a
        // hand-edited file) is asked again.
        FieldKind::Choice { options } => options.iter().any(|option| option.value == answers.text(field.id)),
        _ => answers.has(field.id),
    }
}

fn table_is_answered(spec: &TableSpec, rows: &[Row]) -> bool {
    let filled = |row: &Row, column: &str| row.get(column).is_some_and(|v| !v.trim().is_empty());
    match spec.rows {
        TableRows::Editable { .. } => {
            !rows.is_empty()
                && rows.iter().all(|row| spec.columns.iter().filter(|c| !c.optional).all(|c| filled(row, c.id)))
        }
        TableRows::Fixed { .. } => rows.iter().any(|row| spec.columns.iter().any(|c| filled(row, c.id))),
    }
}

pub fn section_progress(section: &Section, answers: &ExerciseAnswers) -> Progress {
    let counted = section.fields.iter().filter(|f| counts(f));
    Progress { total: counted.clone().count(), done: counted.filter(|f| is_answered(f, answers)).count() }
}

/// The titles of the sections with answers still missing, in document order (a section
/// with nothing to answer, only drafts and drawings, is never among them).
pub fn sections_not_complete(exercise: &Exercise, answers: &ExerciseAnswers) -> Vec<&'static str> {
    let missing = |section: &&Section| {
        let progress = section_progress(section, answers);
        progress.done < progress.total
    };
    exercise.document_sections(answers).filter(missing).map(|s| s.title).collect()
}

pub fn exercise_progress(exercise: &Exercise, answers: &ExerciseAnswers) -> Progress {
    exercise.document_sections(answers).map(|s| section_progress(s, answers)).fold(Progress::default(), Progress::add)
}

/// The progress of every exercise this build holds (with the parts it carries), one line
/// `key done total` each, after the lines of `recorded` for the exercises it does not hold.
/// Each page records what it knows, so a page can show the progress of an exercise that is
/// another page's download (the root page's home shows Module 5's).
pub fn record(workbook: &Workbook, recorded: &str) -> String {
    let held: Vec<&Exercise> = MODULES.iter().flat_map(|m| m.exercises.iter()).filter(|e| e.is_built()).collect();
    let mut lines: Vec<String> = recorded
        .lines()
        .filter(|line| !held.iter().any(|e| line.split(' ').next() == Some(e.key)))
        .map(str::to_owned)
        .collect();
    for exercise in held {
        let progress = exercise_progress(exercise, &exercise.answers_in(workbook));
        lines.push(format!("{} {} {}", exercise.key, progress.done, progress.total));
    }
    lines.join("\n")
}

/// Exercise `key`'s progress as [`record`] wrote it, if a page did.
pub fn recorded(text: &str, key: &str) -> Option<Progress> {
    let line = text.lines().find(|line| line.split(' ').next() == Some(key))?;
    // Digits read by hand: `str::parse` brings its error type's code to every page.
    let number = |text: &str| {
        let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
        digits.then(|| text.bytes().fold(0usize, |n, b| n * 10 + usize::from(b - b'0')))
    };
    let mut numbers = line.split(' ').skip(1).map(number);
    Some(Progress { done: numbers.next()??, total: numbers.next()?? })
}

/// Each success criterion with whether the answers meet it, in the guide's order. A
/// criterion that judges sections (`Criterion::judges`) is met only once they are answered:
/// "no placeholder text" says nothing of a proposal not yet written.
pub fn self_check(exercise: &Exercise, inputs: &Inputs) -> Vec<(&'static str, bool)> {
    exercise.criteria.iter().map(|c| (c.text, criterion_met(exercise, c, inputs))).collect()
}

fn criterion_met(exercise: &Exercise, criterion: &Criterion, inputs: &Inputs) -> bool {
    // A judged section with nothing to answer (only drafts and derived values) is answered.
    let answered = |section: &Section| {
        let progress = section_progress(section, inputs);
        progress.done == progress.total
    };
    let judged_sections_answered = criterion.judges.iter().all(|id| exercise.section(id).is_some_and(answered));
    judged_sections_answered && (criterion.met)(inputs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::find_exercise;

    #[test]
    fn progress_counts_inputs_only_and_tables_need_their_required_cells() {
        let (_, exercise) = find_exercise("m6-2.1").unwrap();
        let mut answers = ExerciseAnswers::default();
        exercise.seed_defaults(&mut answers);
        let start = exercise_progress(exercise, &answers);
        assert_eq!(start.done, 0, "default phases lack criteria, so nothing is answered yet");
        assert_eq!(start.total, exercise.fields().filter(|f| counts(f)).count());

        let rollout = exercise.section("rollout").unwrap();
        assert_eq!(section_progress(rollout, &answers), Progress { done: 0, total: 1 });
        for row in answers.rows_mut("phases") {
            row.insert("criteria".into(), "error rate < 1%".into());
            row.insert("decision".into(), "go when met".into());
        }
        assert!(section_progress(rollout, &answers).is_complete());

        answers.set_text("scenario_summary", "   ".into());
        let scenario = exercise.section("scenario").unwrap();
        assert_eq!(section_progress(scenario, &answers).done, 0, "white space is not an answer");
        answers.set_text("scenario_summary", "Insurer".into());
        assert_eq!(section_progress(scenario, &answers), Progress { done: 1, total: 3 });
        assert_eq!(section_progress(scenario, &answers).percent(), 33);
    }

    #[test]
    fn progress_is_recorded_for_the_pages_that_do_not_hold_an_exercise() {
        let workbook = crate::fixtures::module5_workbook("canary", "kubernetes", "slack");
        // What another page recorded, for an exercise this build does not hold, is kept.
        let text = record(&workbook, "m9-9.9 1 2\nm5-2.1 0 99");
        assert_eq!(recorded(&text, "m9-9.9"), Some(Progress { done: 1, total: 2 }));
        for module in crate::course::MODULES {
            for exercise in module.exercises {
                let expected = exercise_progress(exercise, &exercise.answers_in(&workbook));
                assert_eq!(recorded(&text, exercise.key), Some(expected), "{}", exercise.key);
            }
        }
        assert!(recorded(&text, "m5-2.1").unwrap().is_complete(), "the line this build wrote replaced the old one");
        assert_eq!(recorded("m5-2.1 three 13", "m5-2.1"), None);
        assert_eq!(recorded("", "m5-2.1"), None);
    }

    /// An exercise with nothing typed meets no criterion, whatever it is: every exercise of
    /// every module, so a new one is held to it too.
    #[test]
    fn an_empty_exercise_meets_no_criterion() {
        let workbook = crate::model::Workbook::default();
        for module in crate::course::MODULES {
            for exercise in module.exercises.iter().filter(|e| e.is_built()) {
                let answers = exercise.answers_in(&workbook);
                let met: Vec<_> = self_check(exercise, &Inputs::new(&answers, &workbook))
                    .into_iter()
                    .filter(|(_, met)| *met)
                    .map(|(text, _)| text)
                    .collect();
                assert!(met.is_empty(), "{} {}: met with nothing typed: {met:?}", module.name, exercise.number);
            }
        }
    }
}
