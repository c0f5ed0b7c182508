//! Module 5's generated files, checked in full against `tests/expected/module5/`: the
//! production workflow for each strategy and platform, and the design document (which
//! carries the answers, so it imports back). actionlint judges the same workflows in
//! `scripts/test.sh` (`examples/module5_files.rs` writes them).

mod common;

use common::{expect_file, EXPORTED_AT};
use workbook::course::{find_exercise, Inputs};
use workbook::fixtures::module5_deployment;
use workbook::import::{self, Incoming};
use workbook::model::{Profile, Workbook};
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
fn the_design_document_matches_the_expected_file_and_imports_back() {
    let (module, exercise) = find_exercise("m5-2.1").unwrap();
    let answers = module5_deployment("blue-green", "kubernetes");
    let profile =
        Profile { name: "Ada Lovelace".into(), cohort: "2026-B".into(), scenario: "Northwind Insurance".into() };
    let others = Workbook::default();
    let document = exercise_markdown(&Deliverable {
        module,
        exercise,
        profile: &profile,
        answers: &answers,
        others: &others,
        exported_at: EXPORTED_AT,
    });
    expect_file("module5/deployment-design.md", &document);
    assert!(document.contains("6 of 6 success criteria met."), "{document}");
    let Ok(Incoming::Deliverable { answers: back, .. }) = import::read("deployment-design.md", document.as_bytes())
    else {
        panic!("the design document does not import back");
    };
    assert_eq!(back, answers);
}
