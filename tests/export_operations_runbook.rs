//! The exported `operations-runbook.md`, checked in full against `tests/expected/`, with
//! the scaling configuration carried over from Exercise 2.1.

mod common;

use common::{assert_complete, deployment_strategy, expect_file, operations_runbook, EXPORTED_AT};
use workbook::course::find_exercise;
use workbook::model::Workbook;
use workbook::render::{embedded, exercise_markdown, Deliverable};

/// The participant's workbook: 2.1 and 2.2 answered.
fn workbook() -> Workbook {
    let (profile, strategy) = deployment_strategy();
    let mut workbook = Workbook { profile, ..Workbook::default() };
    workbook.exercises.insert("m6-2.1".into(), strategy);
    workbook.exercises.insert("m6-2.2".into(), operations_runbook());
    workbook
}

fn export(workbook: &Workbook) -> String {
    let (module, exercise) = find_exercise("m6-2.2").unwrap();
    let answers = exercise.answers_in(workbook);
    exercise_markdown(&Deliverable::of(module, exercise, workbook, &answers, EXPORTED_AT))
}

#[test]
fn filled_runbook_exports_the_expected_document() {
    expect_file("operations-runbook.md", &export(&workbook()));
}

#[test]
fn filled_runbook_is_complete_and_meets_every_criterion() {
    assert_complete(&workbook(), "m6-2.2");
}

#[test]
fn the_scaling_configuration_comes_from_exercise_2_1_without_retyping() {
    let doc = export(&workbook());
    assert!(doc.contains("_From Exercise 2.1 (deployment-strategy.md):_"));
    assert!(doc.contains("| Maximum instances | 24 |"), "{doc}");
    assert!(doc.contains("\"max_instances\": 24"), "{doc}");
    // Without 2.1 answers the section says what is missing instead of inventing numbers.
    let mut without = workbook();
    without.exercises.remove("m6-2.1");
    let doc = export(&without);
    assert!(doc.contains("| Maximum instances | _Not answered_ |"), "{doc}");
    // The file imports back to exactly the 2.2 answers (2.1 stays in its own file).
    let read = embedded::read(&export(&workbook())).unwrap();
    assert_eq!(read.embedded.answers, workbook().exercises["m6-2.2"]);
    assert_eq!(read.edited_by_hand, Some(false));
}

#[test]
fn containment_choices_export_as_their_labels() {
    let doc = export(&workbook());
    assert!(
        doc.contains("### Containment options ready to use\n\n- Circuit breaker\n- Fallback to a simpler model\n\n"),
        "{doc}"
    );
}
