//! The generated workflows' steps run as GitHub would run them, not only linted. This file
//! starts that harness with what a linter cannot see: the image name. Registries take
//! lowercase names only, and `github.repository` keeps the owner's capitals, so every
//! workflow that builds or deploys `$IMAGE` must name it, lowercased, before its first use.
//! The step that names it runs here in bash (the runner's shell) for an owner with capitals.
//! The files read are the expected exports (`tests/expected/module5/`), which
//! `tests/export_module5.rs` holds equal to what the app writes, for every strategy and
//! platform and both pipeline variants.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

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

/// Runs a step's script in bash with its `env:` (expressions given a stand-in value) and
/// the runner's variables; returns what it appended to `$GITHUB_ENV`.
fn run_step(step: &Yaml, repository: &str) -> String {
    let dir = std::env::temp_dir().join(format!("workflow-runs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let github_env = dir.join("github_env");
    std::fs::write(&github_env, "").unwrap();
    let mut command = Command::new("bash");
    command
        .arg("-e")
        .arg("-c")
        .arg(step["run"].as_str().unwrap())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap())
        .env("GITHUB_REPOSITORY", repository)
        .env("GITHUB_ENV", &github_env);
    if let Some(env) = step.as_mapping_get("env").and_then(Yaml::as_mapping) {
        for (name, value) in env {
            let value = value.as_str().unwrap();
            // The only expressions these steps read are the commit's id.
            let value = if value.starts_with("${{") { "0123abcd" } else { value };
            command.env(name.as_str().unwrap(), value);
        }
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    std::fs::read_to_string(&github_env).unwrap()
}

#[test]
fn every_image_is_named_in_lowercase_before_it_is_used() {
    let mut named = 0;
    for path in expected_workflows() {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = path.file_name().unwrap().to_string_lossy();
        assert!(!text.contains("IMAGE: "), "{file}: the image is not named from `github.repository` in an env");
        let docs = Yaml::load_from_str(&text).unwrap();
        for (_, job) in docs[0]["jobs"].as_mapping().unwrap() {
            let Some(steps) = job.as_mapping_get("steps").and_then(Yaml::as_sequence) else { continue }; // a reusable workflow's call
            let mut image: Option<String> = None;
            for step in steps {
                let Some(script) = step.as_mapping_get("run").and_then(Yaml::as_str) else { continue };
                if script.contains("IMAGE=") {
                    let written = run_step(step, "AdaLovelace/Claims-Assistant");
                    assert_eq!(written, "IMAGE=ghcr.io/adalovelace/claims-assistant:0123abcd\n", "{file}");
                    image = Some(written);
                    named += 1;
                } else if script.contains("$IMAGE") {
                    assert!(
                        image.is_some(),
                        "{file}: “{}” uses $IMAGE before it is named",
                        step["name"].as_str().unwrap()
                    );
                }
            }
        }
    }
    // Kubernetes and "your own scripts" (both strategies), and the pipeline's three deploys.
    assert_eq!(named, 7, "the workflows that use an image each name it once");
}
