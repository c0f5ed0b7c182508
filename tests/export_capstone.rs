//! The capstone's two files, checked in full against `tests/expected/`: the proposal
//! (with Exercises 2.1 and 2.2 carried over and every figure computed) and the Marp deck.

mod common;

use common::{assert_complete, expect_file, module_6, EXPORTED_AT};
use workbook::course::find_exercise;
use workbook::model::Workbook;
use workbook::render::{companion_markdown, embedded, exercise_markdown, Deliverable};

fn export(workbook: &Workbook) -> (String, String) {
    let (module, exercise) = find_exercise("m6-2.3").unwrap();
    let answers = exercise.answers_in(workbook);
    let deliverable = Deliverable::of(module, exercise, workbook, &answers, EXPORTED_AT);
    (exercise_markdown(&deliverable), companion_markdown(&deliverable).unwrap())
}

#[test]
fn every_file_of_the_filled_module_matches_the_expected_file() {
    let workbook = module_6();
    for (key, file) in [("m6-2.1", "deployment-strategy.md"), ("m6-2.2", "operations-runbook.md")] {
        let (module, exercise) = find_exercise(key).unwrap();
        let answers = exercise.answers_in(&workbook);
        expect_file(file, &exercise_markdown(&Deliverable::of(module, exercise, &workbook, &answers, EXPORTED_AT)));
    }
    let (proposal, deck) = export(&workbook);
    expect_file("enterprise-architecture-proposal.md", &proposal);
    expect_file("executive-presentation.md", &deck);
}

#[test]
fn filled_capstone_is_complete_and_meets_every_criterion() {
    assert_complete(&module_6(), "m6-2.3");
}

#[test]
fn computed_figures_are_in_the_proposal() {
    let (proposal, _) = export(&module_6());
    // Azure: (25×4 + 25×5 + 20×4 + 15×5 + 15×3) / 100 = 4.25; Bedrock 3.85; Llama 3.2.
    assert!(proposal.contains("| Azure OpenAI | 4.25 | 1 |"), "{proposal}");
    assert!(proposal.contains("| AWS Bedrock | 3.85 | 2 |"));
    assert!(proposal.contains("| Self-hosted Llama | 3.2 | 3 |"));
    // Scores are headed by the platforms' names.
    assert!(proposal.contains("| Criterion | Weight (%) | AWS Bedrock | Azure OpenAI | Self-hosted Llama |"));
    // General: 40,000 × 30 × 1,500 / 1,000 × $0.01 = $18,000 + $3,000 = $21,000; per user $10.50.
    assert!(proposal
        .contains(r"| General availability | 2000 | 40,000 | \$18,000 | \$3,000 | \$21,000 | \$10.50 | \$252,000 |"));
    // Pilot: 200 × 30 × 1.5 × 0.01 = $90 + $1,500.
    assert!(proposal.contains(r"| Pilot | 10 | 200 | \$90 | \$1,500 | \$1,590 | \$159 | \$19,080 |"));
    assert!(proposal.contains("```mermaid\nflowchart LR\n"));
    assert!(proposal.contains("```mermaid\ngantt\n"));
    assert!(proposal.contains("    Pilot (10 users) :p1, 2027-02-01, 42d"));
}

#[test]
fn the_proposal_carries_2_1_and_2_2_without_retyping_and_leaves_the_deck_out() {
    let (proposal, deck) = export(&module_6());
    assert!(proposal.contains("_From Exercise 2.1 (deployment-strategy.md):_"));
    assert!(proposal.contains("_From Exercise 2.2 (operations-runbook.md):_"));
    assert!(proposal.contains("Turn the feature flag off."));
    assert!(!proposal.contains("Slide 1"), "the slides are the companion file's");
    // Import reads back every answer, the slide edits included.
    let read = embedded::read(&proposal).unwrap();
    assert_eq!(read.embedded.answers, find_exercise("m6-2.3").unwrap().1.answers_in(&module_6()));
    assert!(deck.starts_with("---\nmarp: true\n"));
}

#[test]
fn the_deck_has_ten_to_fifteen_slides_and_keeps_the_edited_one() {
    let (_, deck) = export(&module_6());
    let slides = deck.split("\n\n---\n\n").count();
    assert!((10..=15).contains(&slides), "{slides} slides");
    assert!(deck.contains("- $21,000 a month at full rollout"), "the hand-edited slide");
    assert!(deck.contains("## Recommendation: Azure OpenAI"), "a drafted slide");
    assert!(deck.contains("| Azure OpenAI | 4.25 | 1 |"));
}
