//! Module 5's generated files, checked in full against `tests/expected/module5/`: the
//! production workflow for each strategy and platform, and the design document (which
//! carries the answers, so it imports back). actionlint judges the same workflows in
//! `scripts/test.sh` (`examples/module5_files.rs` writes them).

mod common;

use common::{expect_file, EXPORTED_AT};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};
use workbook::course::{find_exercise, Inputs};
use workbook::fixtures::{module5_deployment, module5_monitoring, module5_workbook};
use workbook::import::{self, Incoming};
use workbook::model::{ExerciseAnswers, Profile, Workbook};
use workbook::render::bundle::RepositoryFile;
use workbook::render::{exercise_markdown, generated, Deliverable};

#[test]
fn the_production_workflow_of_each_strategy_and_platform_matches_the_expected_file() {
    let (_, exercise) = find_exercise("m5-2.1").unwrap();
    let file = &exercise.files[0];
    assert_eq!(file.path, ".github/workflows/deploy-production.yml");
    for strategy in ["blue-green", "canary"] {
        for platform in ["script", "kubernetes", "azure-webapp"] {
            let answers = module5_deployment(strategy, platform);
            let yaml = generated::text(exercise, file, &Inputs::new(&answers, &Workbook::default()));
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
        let yaml = generated::text(exercise, file, &Inputs::new(&answers, &Workbook::default()));
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
        expect_file(
            &format!("module5/pipeline/{}", file.name()),
            &generated::text(exercise, file, &Inputs::new(&answers, &workbook)),
        );
    }
    // Without environment protection, production is started by hand.
    workbook.exercises.get_mut("m5-2.3").unwrap().set_text("protection", "unprotected".into());
    let answers = exercise.answers_in(&workbook);
    let production = &exercise.files[3];
    expect_file(
        "module5/pipeline/deploy-production-unprotected.yml",
        &generated::text(exercise, production, &Inputs::new(&answers, &workbook)),
    );
}

/// The scripts a deploy and a monitoring rule call, for each platform, checked in full
/// (`tests/workflow_runs.rs` runs them): shipped only when a workflow calls them.
#[test]
fn the_scripts_the_workflows_call_match_the_expected_files() {
    let (_, deployment) = find_exercise("m5-2.1").unwrap();
    let (_, monitoring) = find_exercise("m5-2.2").unwrap();
    for platform in ["script", "kubernetes", "azure-webapp"] {
        let workbook = module5_workbook("canary", platform, "slack");
        let answers = deployment.answers_in(&workbook);
        let scripts = (deployment.scripts)(&Inputs::new(&answers, &workbook));
        let paths: Vec<&str> = scripts.iter().map(|s| s.path).collect();
        let expected: &[&str] = if platform == "script" {
            &[
                "deploy/check-metric.sh",
                "deploy/migrate.sh",
                "deploy/build.sh",
                "deploy/smoke-test.sh",
                "deploy/deploy-canary.sh",
                "deploy/set-canary-traffic.sh",
                "deploy/promote-canary.sh",
                "deploy/rollback-canary.sh",
                "deploy/restore-previous.sh",
            ]
        } else {
            &["deploy/check-metric.sh", "deploy/migrate.sh"]
        };
        assert_eq!(paths, expected, "{platform}");
        let check = scripts.iter().find(|s| s.path == "deploy/check-metric.sh").unwrap();
        expect_file(&format!("module5/scripts/deploy-check-metric-{platform}.sh"), &check.text);
        let answers = monitoring.answers_in(&workbook);
        let scripts = (monitoring.scripts)(&Inputs::new(&answers, &workbook));
        assert_eq!(scripts.len(), 1);
        expect_file(&format!("module5/scripts/monitoring-check-metric-{platform}.sh"), &scripts[0].text);
    }
    // Blue-green calls no metric gate; a command in the participant's own words ships nothing.
    let mut workbook = module5_workbook("blue-green", "kubernetes", "slack");
    let answers = deployment.answers_in(&workbook);
    let paths: Vec<&str> = (deployment.scripts)(&Inputs::new(&answers, &workbook)).iter().map(|s| s.path).collect();
    assert_eq!(paths, ["deploy/migrate.sh"]);
    workbook.exercises.get_mut("m5-2.1").unwrap().set_text("migration_command", "alembic upgrade head".into());
    let answers = deployment.answers_in(&workbook);
    assert!((deployment.scripts)(&Inputs::new(&answers, &workbook)).is_empty());
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
    reads_as_intended_in_a_markdown_parser(exercise.deliverable, &document);
    let criteria = exercise.criteria.len();
    assert!(document.contains(&format!("{criteria} of {criteria} success criteria met.")), "{document}");
    let Ok(Incoming::Deliverable { answers: back, .. }) = import::read(exercise.deliverable, document.as_bytes())
    else {
        panic!("{} does not import back", exercise.deliverable);
    };
    assert_eq!(back, answers);
}

/// What a GFM reader (pulldown-cmark) makes of a document: one title, every fenced block
/// (commands, the Mermaid diagram) a code block with its language, and no HTML but the
/// embedded answers.
fn reads_as_intended_in_a_markdown_parser(name: &str, document: &str) {
    let mut titles = 0;
    let mut fenced = Vec::new();
    let mut html = String::new();
    for event in Parser::new_ext(document, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }) => titles += 1,
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(language))) => fenced.push(language.to_string()),
            Event::Html(text) | Event::InlineHtml(text) => html.push_str(&text),
            _ => {}
        }
    }
    assert_eq!(titles, 1, "{name}");
    assert!(html.starts_with("<!-- workbook-answers") && html.trim_end().ends_with("-->"), "{name}: {html}");
    assert_eq!(html.matches("<!--").count(), 1, "{name}: HTML besides the embedded answers: {html}");
    let opened: Vec<String> = document
        .lines()
        .filter_map(|line| line.strip_prefix("```"))
        .filter(|language| !language.is_empty())
        .map(str::to_owned)
        .collect();
    assert_eq!(fenced, opened, "{name}: every fence opened is a code block");
}

#[test]
fn the_documents_match_the_expected_files_and_import_back() {
    document_matches_and_imports_back("m5-2.1", module5_deployment("blue-green", "kubernetes"));
    document_matches_and_imports_back("m5-2.2", module5_monitoring("slack"));
    let workbook = module5_workbook("blue-green", "kubernetes", "slack");
    let (_, capstone) = find_exercise("m5-2.3").unwrap();
    document_with_others_matches("m5-2.3", capstone.answers_in(&workbook), &workbook);
}

#[test]
fn the_capstone_zip_is_the_repository_and_reads_back() {
    let workbook = module5_workbook("canary", "azure-webapp", "discord");
    let (module, exercise) = find_exercise("m5-2.3").unwrap();
    let answers = exercise.answers_in(&workbook);
    let deliverable = Deliverable::of(module, exercise, &workbook, &answers, EXPORTED_AT);
    let files = workbook::render::bundle::repository_files(&deliverable);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "docs/environments.md",
            ".github/workflows/validate.yml",
            ".github/workflows/test.yml",
            ".github/workflows/deploy-staging.yml",
            ".github/workflows/deploy-production.yml",
            ".github/workflows/monitoring.yml",
            // The scripts the workflows call: the canary's metric gate, the migration,
            // monitoring's metric rule.
            "deploy/check-metric.sh",
            "deploy/migrate.sh",
            "monitoring/check-metric.sh",
            "docs/deployment-design.md",
            "docs/webhook-config.md",
        ]
    );
    assert_eq!(workbook::render::bundle::zip_name(&deliverable), "exercise-2.3-environments.zip");
    // Every file reads back from the archive exactly (checked by its CRC as it is read).
    let bytes = workbook::render::bundle::zip(&files);
    let archive = rawzip::ZipArchive::from_slice(&bytes).unwrap();
    let mut entries = archive.entries();
    let mut read = Vec::new();
    while let Some(entry) = entries.next_entry().unwrap() {
        let path = entry.file_path().try_normalize().unwrap().as_ref().to_owned();
        let data = archive.get_entry(entry.wayfinder()).unwrap();
        let mut contents = String::new();
        std::io::Read::read_to_string(&mut data.verifying_reader(data.data()), &mut contents).unwrap();
        read.push(RepositoryFile { path, contents });
    }
    assert_eq!(read, files);
    // The documents in it import back: the capstone's and those it carries.
    for file in files.iter().filter(|f| f.path.ends_with(".md")) {
        assert!(import::read(&file.path, file.contents.as_bytes()).is_ok(), "{}", file.path);
    }
}

#[test]
fn a_pasted_credential_is_in_no_exported_file() {
    let key = "sk-proj-abcdefghijklmnopqrstuvwxyz0123";
    let webhook = "https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX";
    let mut workbook = module5_workbook("blue-green", "script", "slack");
    let deploy = workbook.exercises.get_mut("m5-2.1").unwrap();
    deploy.set_text("deploy_command", format!("AI_KEY={key} ./deploy/deploy.sh \"$SLOT\""));
    deploy.rows_mut("secrets")[0].insert("purpose".into(), format!("the key {key}"));
    workbook.exercises.get_mut("m5-2.2").unwrap().set_text("channel", webhook.into());
    let (module, exercise) = find_exercise("m5-2.3").unwrap();
    let answers = exercise.answers_in(&workbook);
    let files = workbook::render::bundle::repository_files(&Deliverable::of(
        module,
        exercise,
        &workbook,
        &answers,
        EXPORTED_AT,
    ));
    // The documents and workflows, and the scripts of "Your own scripts" they call.
    assert_eq!(files.len(), 15);
    for file in &files {
        assert!(!file.contents.contains(key) && !file.contents.contains(webhook), "{} holds a credential", file.path);
    }
    let design = files.iter().find(|f| f.path == "docs/deployment-design.md").unwrap();
    assert!(
        design.contents.contains("AI\\_KEY=\\[AI\\_API\\_KEY removed\\]")
            || design.contents.contains("AI_KEY=[AI_API_KEY removed]")
    );
    // The document still imports: the answer comes back with the note in place of the key.
    let Ok(Incoming::Deliverable { answers: back, .. }) = import::read(&design.path, design.contents.as_bytes()) else {
        panic!("the design document does not import");
    };
    assert_eq!(back.text("deploy_command"), "AI_KEY=[AI_API_KEY removed] ./deploy/deploy.sh \"$SLOT\"");
}

#[test]
fn a_workflow_and_the_repository_zip_load_back() {
    let workbook = module5_workbook("blue-green", "kubernetes", "slack");
    let (module, exercise) = find_exercise("m5-2.3").unwrap();
    let answers = exercise.answers_in(&workbook);
    let deliverable = Deliverable::of(module, exercise, &workbook, &answers, EXPORTED_AT);
    let mut files = workbook::render::bundle::repository_files(&deliverable);

    // A workflow alone: recognised, carrying no answers, an edit noticed.
    let staging = files.iter().find(|f| f.path.ends_with("deploy-staging.yml")).unwrap().contents.clone();
    let Ok(incoming) = import::read("deploy-staging.yml", staging.as_bytes()) else { panic!("not read") };
    assert_eq!(incoming.describe(), "a workflow generated from Exercise 2.3 (Module 5), which carries no answers");
    assert_eq!(import::changes(&workbook, &import::apply(&workbook, &incoming)), []);
    let edited = staging.replace("timeout-minutes: 30", "timeout-minutes: 45");
    let Ok(incoming) = import::read("deploy-staging.yml", edited.as_bytes()) else { panic!("not read") };
    assert_eq!(incoming.warnings()[0], "It was edited by hand after it was exported.");

    // The .zip restores all of Module 5 into an empty browser, and names the edited workflow.
    let index = files.iter().position(|f| f.path.ends_with("deploy-staging.yml")).unwrap();
    files[index].contents = edited;
    let zip = workbook::render::bundle::zip(&files);
    let Ok(incoming) = import::read("exercise-2.3-environments.zip", &zip) else { panic!("the zip does not read") };
    let restored = import::apply(&Workbook::default(), &incoming);
    for key in ["m5-2.1", "m5-2.2", "m5-2.3"] {
        assert_eq!(restored.exercises[key], workbook.exercises[key], "{key}");
    }
    assert!(incoming
        .warnings()
        .iter()
        .any(|w| w.starts_with(".github/workflows/deploy-staging.yml was edited by hand")));

    // A zip that is not ours, or broken, says so.
    let error = |bytes: &[u8]| import::read("x.zip", bytes).unwrap_err().to_string();
    assert!(error(&zip[..zip.len() / 2]).contains("a .zip the Workbook cannot read"));
    let only_yaml = workbook::render::bundle::zip(&files[1..2]);
    assert!(error(&only_yaml).contains("a .zip with no Workbook document in it"));
}
