//! The generated workflows' steps run as GitHub would run them, not only linted. This file
//! starts that harness with what a linter cannot see: the image name. Registries take
//! lowercase names only, and `github.repository` keeps the owner's capitals, so every
//! workflow that builds or deploys `$IMAGE` must name it, lowercased, before its first use.
//! The step that names it runs here in bash (the runner's shell) for an owner with capitals.
//! The files read are the expected exports (`tests/expected/module5/`), which
//! `tests/export_module5.rs` holds equal to what the app writes, for every strategy and
//! platform and both pipeline variants.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{executable, scratch};
use saphyr::{LoadableYamlNode, Yaml};

fn expected_workflows() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/module5");
    let mut files = Vec::new();
    for dir in [root.clone(), root.join("pipeline")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yml") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 12, "every strategy and platform, and the pipeline: {files:?}");
    files
}

/// Each expected workflow: its path, file name and text.
fn expected_texts() -> impl Iterator<Item = (PathBuf, String, String)> {
    expected_workflows().into_iter().map(|path| {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        (path, file, text)
    })
}

/// What a step did when run: whether it succeeded, what it printed (both streams), and
/// what it appended to `$GITHUB_ENV`.
struct Ran {
    success: bool,
    printed: String,
    github_env: String,
}

/// Runs a step's script as the runner does (`bash -e`), with its `env:` (expressions given
/// a stand-in value: the only ones these steps read are the commit's id and the job's token),
/// the runner's variables, `extra` variables, and `stubs` (a directory of stand-in tools)
/// first on PATH.
fn run_step(step: &Yaml, extra: &[(&str, &str)], stubs: Option<&Path>) -> Ran {
    let dir = scratch("step");
    let github_env = dir.join("github_env");
    std::fs::write(&github_env, "").unwrap();
    let path = std::env::var("PATH").unwrap();
    let path = match stubs {
        Some(stubs) => format!("{}:{path}", stubs.display()),
        None => path,
    };
    let mut command = Command::new("bash");
    command
        .arg("-e")
        .arg("-c")
        .arg(step["run"].as_str().unwrap())
        .env_clear()
        .env("PATH", path)
        .env("GITHUB_REPOSITORY", "AdaLovelace/Claims-Assistant")
        .env("GITHUB_ENV", &github_env);
    if let Some(env) = step.as_mapping_get("env").and_then(Yaml::as_mapping) {
        for (name, value) in env {
            let value = value.as_str().unwrap();
            let value = if value.starts_with("${{") { "0123abcd" } else { value };
            command.env(name.as_str().unwrap(), value);
        }
    }
    command.envs(extra.iter().copied());
    let output = command.output().unwrap();
    let ran = Ran {
        success: output.status.success(),
        printed: format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr)),
        github_env: std::fs::read_to_string(&github_env).unwrap(),
    };
    std::fs::remove_dir_all(&dir).unwrap();
    ran
}

/// Calls `each` with the steps of every job of a workflow file (a job that calls a reusable
/// workflow has none).
fn each_job(path: &Path, mut each: impl FnMut(&[Yaml])) {
    let text = std::fs::read_to_string(path).unwrap();
    let docs = Yaml::load_from_str(&text).unwrap();
    for (_, job) in docs[0]["jobs"].as_mapping().unwrap() {
        if let Some(steps) = job.as_mapping_get("steps").and_then(Yaml::as_sequence) {
            each(steps);
        }
    }
}

fn script<'a>(step: &'a Yaml) -> Option<&'a str> {
    step.as_mapping_get("run").and_then(Yaml::as_str)
}

#[test]
fn every_image_is_named_in_lowercase_before_it_is_used() {
    let mut named = 0;
    for (path, file, text) in expected_texts() {
        assert!(!text.contains("IMAGE: "), "{file}: the image is not named from `github.repository` in an env");
        each_job(&path, |steps| {
            let mut image = false;
            for step in steps {
                let Some(script) = script(step) else { continue };
                if script.contains("IMAGE=") {
                    let ran = run_step(step, &[], None);
                    assert!(ran.success, "{file}: {}", ran.printed);
                    assert_eq!(ran.github_env, "IMAGE=ghcr.io/adalovelace/claims-assistant:0123abcd\n", "{file}");
                    image = true;
                    named += 1;
                } else if script.contains("$IMAGE") {
                    assert!(image, "{file}: “{}” uses $IMAGE before it is named", step["name"].as_str().unwrap());
                }
            }
        });
    }
    // Kubernetes and "your own scripts" (both strategies), and the pipeline's three deploys.
    assert_eq!(named, 7, "the workflows that use an image each name it once");
}

/// A stand-in `gh` that records its arguments and answers `gh run list ... --jq length` with
/// the number of successful staging runs it is given.
fn stub_gh(successful_staging_runs: &str) -> PathBuf {
    let dir = scratch(&format!("gh-{successful_staging_runs}"));
    executable(
        &dir.join("gh"),
        &format!("#!/bin/sh\necho \"$*\" >> \"$(dirname \"$0\")/calls\"\necho {successful_staging_runs}\n"),
    );
    dir
}

/// Production after staging, whatever the plan: started by hand, the workflow deploys only a
/// commit that staging passed, and says what to do when it did not. Run with a stand-in `gh`.
#[test]
fn production_started_by_hand_deploys_only_a_commit_staging_passed() {
    let pipeline = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/module5/pipeline");
    for file in ["deploy-production.yml", "deploy-production-unprotected.yml"] {
        let mut checked = 0;
        each_job(&pipeline.join(file), |steps| {
            let check = steps
                .iter()
                .position(|step| step["name"].as_str() == Some("Check that staging passed this commit"))
                .unwrap_or_else(|| panic!("{file}: no staging check"));
            assert!(
                steps[..check].iter().all(|step| {
                    step["name"].as_str() == Some("Check that every secret is set")
                        || script(step).is_some_and(|s| s.contains("IMAGE="))
                }),
                "{file}: the check comes before anything is checked out, signed in or deployed"
            );
            let step = &steps[check];
            let condition = step.as_mapping_get("if").and_then(Yaml::as_str);
            if file == "deploy-production.yml" {
                // Called by the staging run once staging passed, or by hand: the check is for the
                // latter (a called workflow's `github` is its caller's).
                assert_eq!(condition, Some("github.workflow != 'Deploy to staging'"), "{file}");
            } else {
                assert_eq!(condition, None, "{file}: by hand only, so always checked");
            }

            let passed = stub_gh("1");
            let ran = run_step(step, &[], Some(&passed));
            assert!(ran.success, "{file}: {}", ran.printed);
            let calls = std::fs::read_to_string(passed.join("calls")).unwrap();
            assert_eq!(
                calls,
                "run list --repo AdaLovelace/Claims-Assistant --workflow deploy-staging.yml --commit 0123abcd --status success --limit 1 --json databaseId --jq length\n",
                "{file}"
            );
            std::fs::remove_dir_all(&passed).unwrap();

            let not_passed = stub_gh("0");
            let ran = run_step(step, &[], Some(&not_passed));
            assert!(!ran.success, "{file}: a commit staging did not pass stops the deploy");
            assert!(
                ran.printed.contains("::error::Commit 0123abcd has no successful run of deploy-staging.yml. Push it to main, let staging pass, then run this workflow again."),
                "{file}: {}",
                ran.printed
            );
            std::fs::remove_dir_all(&not_passed).unwrap();
            checked += 1;
        });
        assert_eq!(checked, 1, "{file}");
    }
}

/// Every workflow that reads secrets checks them first: a missing one stops the run before
/// anything happens, named, with where to set it; with all set, the run goes on.
#[test]
fn a_missing_secret_stops_the_run_first_and_is_named() {
    let mut checked = 0;
    for (path, file, text) in expected_texts() {
        each_job(&path, |steps| {
            let reads: Vec<&str> =
                workbook::workflow::secrets_read(&text).into_iter().filter(|name| *name != "GITHUB_TOKEN").collect();
            let first = &steps[0];
            if first["name"].as_str() != Some("Check that every secret is set") {
                assert!(reads.is_empty(), "{file}: reads {reads:?} but does not check them first");
                return;
            }
            let env = first["env"].as_mapping().unwrap();
            let checks: Vec<&str> = env.keys().filter_map(|k| k.as_str()).filter(|k| *k != "WHERE_TO_SET").collect();
            assert_eq!(checks, reads, "{file}: checks every secret the workflow reads");
            // None set (GitHub reads an unset secret as empty): all named, with where to set them.
            let unset: Vec<(&str, &str)> = checks.iter().map(|name| (*name, "")).collect();
            let ran = run_step(first, &unset, None);
            assert!(!ran.success, "{file}");
            let where_ = env.iter().find(|(k, _)| k.as_str() == Some("WHERE_TO_SET")).unwrap().1.as_str().unwrap();
            assert!(
                ran.printed
                    .contains(&format!("::error::Not set: {}. Add each in {where_}, then run", checks.join(" "))),
                "{file}: {}",
                ran.printed
            );
            // One set: only the others named.
            let mut one_set = unset.clone();
            one_set[0].1 = "value";
            let ran = run_step(first, &one_set, None);
            assert!(!ran.success || checks.len() == 1, "{file}");
            let named = ran.printed.split("Not set: ").nth(1).unwrap_or("").split('.').next().unwrap_or("");
            assert!(!named.split(' ').any(|name| name == checks[0]), "{file}: {}", ran.printed);
            // All set: the run goes on, quietly.
            let set: Vec<(&str, &str)> = checks.iter().map(|name| (*name, "value")).collect();
            let ran = run_step(first, &set, None);
            assert!(ran.success && ran.printed.is_empty(), "{file}: {}", ran.printed);
            checked += 1;
        });
    }
    // The six deploys, the two monitoring files, and the pipeline's staging, production
    // (both variants) and monitoring.
    assert_eq!(checked, 12);
}
