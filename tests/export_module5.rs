//! Module 5's generated files, checked in full against `tests/expected/module5/`: the
//! production workflow for each strategy and platform, and the design document (which
//! carries the answers, so it imports back). actionlint judges the same workflows in
//! `scripts/test.sh` (`examples/module5_files.rs` writes them).

mod common;

use common::{expect_file, EXPORTED_AT};
use workbook::course::{find_exercise, Inputs};
use workbook::fixtures::{module5_deployment, module5_monitoring, module5_workbook};
use workbook::import::{self, Incoming};
use workbook::model::{ExerciseAnswers, Profile, Workbook};
use workbook::render::{exercise_markdown, Deliverable};

#[test]
fn the_production_workflow_of_each_strategy_and_platform_matches_the_expected_file() {
    let (_, exercise) = find_exercise("m5-2.1").unwrap();
    let file = &exercise.files[0];
    assert_eq!(file.path, ".github/workflows/deploy-production.yml");
    for strategy in ["blue-green", "canary"] {
        for platform in ["script", "kubernetes", "azure-webapp"] {
            let answers = module5_deployment(strategy, platform);
            let yaml = (file.generate)(&Inputs::new(&answers, &Workbook::default()));
            expect_file(&format!("module5/deploy-production-{strategy}-{platform}.yml"), &yaml);
        }
    }
}

#[test]
fn the_monitoring_workflow_for_each_platform_matches_the_expected_file() {
    let (_, exercise) = find_exercise("m5-2.2").unwrap();
    let file = &exercise.files[0];
    assert_eq!(file.path, ".github/workflows/monitoring.yml");
    for platform in ["slack", "discord"] {
        let answers = module5_monitoring(platform);
        let yaml = (file.generate)(&Inputs::new(&answers, &Workbook::default()));
        expect_file(&format!("module5/monitoring-{platform}.yml"), &yaml);
    }
}

#[test]
fn the_capstone_pipeline_matches_the_expected_files() {
    let (_, exercise) = find_exercise("m5-2.3").unwrap();
    let mut workbook = module5_workbook("blue-green", "kubernetes", "slack");
    let answers = exercise.answers_in(&workbook);
    let names: Vec<&str> = exercise.files.iter().map(|f| f.name()).collect();
    assert_eq!(names, ["validate.yml", "test.yml", "deploy-staging.yml", "deploy-production.yml", "monitoring.yml"]);
    for file in exercise.files {
        expect_file(&format!("module5/pipeline/{}", file.name()), &(file.generate)(&Inputs::new(&answers, &workbook)));
    }
    // Without environment protection, production is started by hand.
    workbook.exercises.get_mut("m5-2.3").unwrap().set_text("protection", "unprotected".into());
    let answers = exercise.answers_in(&workbook);
    let production = &exercise.files[3];
    expect_file(
        "module5/pipeline/deploy-production-unprotected.yml",
        &(production.generate)(&Inputs::new(&answers, &workbook)),
    );
}

/// The document of exercise `key` for `answers`, checked against the expected file and
/// imported back; `others` holds the exercises it carries over.
fn document_matches_and_imports_back(key: &str, answers: ExerciseAnswers) {
    document_with_others_matches(key, answers, &Workbook::default());
}

fn document_with_others_matches(key: &str, answers: ExerciseAnswers, others: &Workbook) {
    let (module, exercise) = find_exercise(key).unwrap();
    let profile =
        Profile { name: "Ada Lovelace".into(), cohort: "2026-B".into(), scenario: "Northwind Insurance".into() };
    let document = exercise_markdown(&Deliverable {
        module,
        exercise,
        profile: &profile,
        answers: &answers,
        others,
        exported_at: EXPORTED_AT,
    });
    expect_file(&format!("module5/{}", exercise.deliverable), &document);
    let criteria = exercise.criteria.len();
    assert!(document.contains(&format!("{criteria} of {criteria} success criteria met.")), "{document}");
    let Ok(Incoming::Deliverable { answers: back, .. }) = import::read(exercise.deliverable, document.as_bytes())
    else {
        panic!("{} does not import back", exercise.deliverable);
    };
    assert_eq!(back, answers);
}

#[test]
fn the_documents_match_the_expected_files_and_import_back() {
    document_matches_and_imports_back("m5-2.1", module5_deployment("blue-green", "kubernetes"));
    document_matches_and_imports_back("m5-2.2", module5_monitoring("slack"));
    let workbook = module5_workbook("blue-green", "kubernetes", "slack");
    let (_, capstone) = find_exercise("m5-2.3").unwrap();
    document_with_others_matches("m5-2.3", capstone.answers_in(&workbook), &workbook);
}
