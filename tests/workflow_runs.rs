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
    /// What it appended to `$GITHUB_OUTPUT`.
    github_output: String,
}

/// Runs a step's script as the runner does (`bash -e`), with its `env:` (expressions given
/// a stand-in value: the only ones these steps read are the commit's id and the job's token),
/// the runner's variables, `extra` variables, and `stubs` (a directory of stand-in tools)
/// first on PATH.
fn run_step(step: &Yaml, extra: &[(&str, &str)], stubs: Option<&Path>) -> Ran {
    run_step_in(step, extra, stubs, None)
}

/// `run_step` in the folder `checkout` (the repository's files, as `actions/checkout`
/// leaves them), or here.
fn run_step_in(step: &Yaml, extra: &[(&str, &str)], stubs: Option<&Path>, checkout: Option<&Path>) -> Ran {
    let dir = scratch("step");
    let github_env = dir.join("github_env");
    std::fs::write(&github_env, "").unwrap();
    let github_output = dir.join("github_output");
    std::fs::write(&github_output, "").unwrap();
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
        .env("GITHUB_ENV", &github_env)
        .env("GITHUB_OUTPUT", &github_output);
    if let Some(checkout) = checkout {
        command.current_dir(checkout);
    }
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
        github_output: std::fs::read_to_string(&github_output).unwrap(),
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

/// A folder with an executable file at `path` (a stand-in tool, or a script of the
/// repository) holding `text`.
fn with_executable(dir: &Path, path: &str, text: &str) {
    let file = dir.join(path);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, text).unwrap();
    let mut permissions = std::fs::metadata(&file).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&file, permissions).unwrap();
}

/// A stand-in `gh` that records its arguments and answers `gh run list ...` with the id of
/// the successful staging run it is given, as the real `--jq` prints it (nothing for none).
fn stub_gh(staging_run: &str) -> PathBuf {
    let dir = scratch(&format!("gh-{staging_run}"));
    executable(
        &dir.join("gh"),
        &format!("#!/bin/sh\necho \"$*\" >> \"$(dirname \"$0\")/calls\"\necho {staging_run}\n"),
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

            let passed = stub_gh("4711");
            let ran = run_step(step, &[], Some(&passed));
            assert!(ran.success, "{file}: {}", ran.printed);
            // The run that passed, whose build production deploys (Azure's app.zip).
            assert_eq!(step["id"].as_str(), Some("staging"));
            assert_eq!(ran.github_output, "run=4711\n", "{file}");
            let calls = std::fs::read_to_string(passed.join("calls")).unwrap();
            assert_eq!(
                calls,
                "run list --repo AdaLovelace/Claims-Assistant --workflow deploy-staging.yml --commit 0123abcd --status success --limit 1 --json databaseId --jq .[0].databaseId // empty\n",
                "{file}"
            );
            std::fs::remove_dir_all(&passed).unwrap();

            let not_passed = stub_gh("");
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

/// Runs a shipped script with `args`, `env` and stand-in tools first on PATH: its exit
/// status and what it printed.
fn run_script(text: &str, args: &[&str], env: &[(&str, &str)], stubs: &Path) -> (i32, String) {
    let dir = scratch("script");
    with_executable(&dir, "script.sh", text);
    let path = format!("{}:{}", stubs.display(), std::env::var("PATH").unwrap());
    let output = Command::new(dir.join("script.sh"))
        .args(args)
        .env_clear()
        .env("PATH", path)
        .env("APP_NAME", "claims-assistant")
        .env("RESOURCE_GROUP", "rg-claims-production")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let printed = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.code().unwrap_or(-1), printed)
}

fn expected_script(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/module5/scripts").join(name))
        .unwrap()
}

/// Stand-ins for the platforms' tools: `curl` answers `$ANSWER` (as Prometheus) and exits
/// `$CURL_STATUS`; `az` names the app and answers `$METRICS` (as Azure Monitor). Both
/// record their arguments in `calls`.
fn metric_tools() -> PathBuf {
    let dir = scratch("metric-tools");
    with_executable(
        &dir,
        "curl",
        "#!/bin/sh\necho \"curl $*\" >> \"$(dirname \"$0\")/calls\"\nprintf '%s' \"$ANSWER\"\nexit \"${CURL_STATUS:-0}\"\n",
    );
    with_executable(
        &dir,
        "az",
        "#!/bin/sh\necho \"az $*\" >> \"$(dirname \"$0\")/calls\"\ncase \"$1 $2\" in\n  'webapp show') echo /subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/claims ;;\n  'monitor metrics') printf '%s' \"$METRICS\" ;;\nesac\nexit \"${AZ_STATUS:-0}\"\n",
    );
    dir
}

/// The shipped metric checks, run against stand-in Prometheus and Azure Monitor answers:
/// 0 within the limit, 1 past it, and 2, never 1, whenever they cannot measure.
#[test]
fn the_metric_checks_tell_a_breach_from_a_check_that_did_not_run() {
    let tools = metric_tools();
    let prometheus =
        |value: &str| format!(r#"{{"status":"success","data":{{"result":[{{"value":[1733390000,"{value}"]}}]}}}}"#);
    let url = ("PROMETHEUS_URL", "https://prometheus.example.com");
    for (file, args) in [
        ("deploy-check-metric-kubernetes.sh", ["error rate", "1%"]),
        ("monitoring-check-metric-kubernetes.sh", ["error_rate", "above 1% for 5 minutes"]),
    ] {
        let script = expected_script(file);
        let within = prometheus("0.4");
        let past = prometheus("3.2");
        let (status, printed) = run_script(&script, &args, &[url, ("ANSWER", &within)], &tools);
        assert_eq!(status, 0, "{file}: {printed}");
        assert!(printed.contains("error rate is 0.4% ("), "{file}: {printed}");
        let (status, printed) = run_script(&script, &args, &[url, ("ANSWER", &past)], &tools);
        assert_eq!(status, 1, "{file}: {printed}");
        assert!(printed.contains("::error::error rate is 3.2% ("), "{file}: {printed}");
        assert!(printed.contains("past the limit of 1%"), "{file}: {printed}");
        // Cannot measure: no URL, Prometheus down, no data yet.
        let no_data = r#"{"status":"success","data":{"result":[]}}"#;
        for (env, why) in [
            (vec![("ANSWER", within.as_str())], "the secret PROMETHEUS_URL is not set"),
            (vec![url, ("ANSWER", ""), ("CURL_STATUS", "22")], "Prometheus did not answer"),
            (vec![url, ("ANSWER", no_data)], "Prometheus has no data for error rate"),
            (vec![url, ("ANSWER", &prometheus("NaN"))], "Prometheus has no data for error rate"),
        ] {
            let (status, printed) = run_script(&script, &args, &env, &tools);
            assert_eq!(status, 2, "{file}, {why}: {printed}");
            assert!(printed.contains(&format!("::error::The check did not run: {why}")), "{file}: {printed}");
        }
        // Misused or misconfigured, never "broken": a missing argument, the service's name
        // unset (under `set -u` either would have exited 1), a tool failing unexpectedly.
        let (status, printed) = run_script(&script, &args[..1], &[url, ("ANSWER", &within)], &tools);
        assert_eq!((status, printed.contains("::error::The check did not run: usage: ")), (2, true), "{printed}");
        let (status, printed) = run_script(&script, &args, &[url, ("ANSWER", &within), ("APP_NAME", "")], &tools);
        assert_eq!(status, 2, "{printed}");
        assert!(printed.contains("The check did not run: APP_NAME is not set"), "{printed}");
        let broken_tr = scratch("broken-tr");
        with_executable(
            &broken_tr,
            "tr",
            "#!/bin/sh
exit 1
",
        );
        let path = format!("{}:{}", broken_tr.display(), tools.display());
        let (status, printed) = run_script(&script, &args, &[url, ("ANSWER", &within)], Path::new(&path));
        assert_eq!(status, 2, "{printed}");
        assert!(printed.contains("The check did not run: a command failed (line "), "{printed}");
        std::fs::remove_dir_all(&broken_tr).unwrap();
    }
    // The query: the canary's or the service's requests, over the rule's window.
    let calls = std::fs::read_to_string(tools.join("calls")).unwrap();
    assert!(calls.contains("track=\"canary\",status=~\"5..\"}[5m]"), "{calls}");
    std::fs::remove_file(tools.join("calls")).unwrap();
    let latency = expected_script("monitoring-check-metric-kubernetes.sh");
    let answer = prometheus("2500");
    let (status, printed) =
        run_script(&latency, &["p95_latency", "above 2 s for 10 minutes"], &[url, ("ANSWER", &answer)], &tools);
    assert_eq!(status, 1, "{printed}");
    assert!(
        printed.contains("p95 latency is 2500 ms (the service, last 10 min), past the limit of 2000 ms"),
        "{printed}"
    );
    assert!(std::fs::read_to_string(tools.join("calls")).unwrap().contains("[10m]"));

    // Azure Monitor: 5xx over requests, on the canary slot or the app.
    let metrics = |errors: u32, requests: u32| {
        format!(
            r#"{{"value":[{{"name":{{"value":"Http5xx"}},"timeseries":[{{"data":[{{"total":{errors}}},{{"total":0}}]}}]}},{{"name":{{"value":"Requests"}},"timeseries":[{{"data":[{{"total":{requests}}},{{"total":0}}]}}]}}]}}"#
        )
    };
    for (file, args) in [
        ("deploy-check-metric-azure-webapp.sh", ["error rate", "1%"]),
        ("monitoring-check-metric-azure-webapp.sh", ["error_rate", "above 1% for 5 minutes"]),
    ] {
        let script = expected_script(file);
        let (status, printed) = run_script(&script, &args, &[("METRICS", &metrics(1, 200))], &tools);
        assert_eq!(status, 0, "{file}: {printed}");
        let (status, printed) = run_script(&script, &args, &[("METRICS", &metrics(9, 200))], &tools);
        assert_eq!(status, 1, "{file}: {printed}");
        assert!(printed.contains("::error::error rate is 4.5% ("), "{file}: {printed}");
        let (status, printed) = run_script(&script, &args, &[("METRICS", &metrics(0, 0))], &tools);
        assert_eq!(status, 2, "{file}: no traffic, no rate: {printed}");
        let (status, printed) = run_script(&script, &args, &[("AZ_STATUS", "1")], &tools);
        assert_eq!(status, 2, "{file}: {printed}");
    }
    let calls = std::fs::read_to_string(tools.join("calls")).unwrap();
    assert!(
        calls.contains("az webapp show --resource-group rg-claims-production --name claims-assistant --slot canary")
    );
    assert!(calls.contains("--metrics Http5xx Requests --aggregation Total"), "{calls}");

    // Your own scripts: the check says what to write, as a check that did not run.
    for file in ["deploy-check-metric-script.sh", "monitoring-check-metric-script.sh"] {
        let (status, printed) = run_script(&expected_script(file), &["error rate", "1%"], &[], &tools);
        assert_eq!(status, 2, "{file}: {printed}");
        assert!(printed.contains("does not know where your metrics are yet"), "{file}: {printed}");
    }
    std::fs::remove_dir_all(&tools).unwrap();
}

/// The step that runs a check, run in a checkout whose check exits 0, 1, 2, or is missing
/// (127): between canary stages, a breach and a check that did not run both stop the
/// rollout, each said as what it is; in monitoring, only a breach is "broken" (alerted).
#[test]
fn a_check_that_did_not_run_is_never_reported_as_a_breach() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/module5");
    let find = |file: &str, name: &str| -> Yaml {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let docs = Yaml::load_from_str(&text).unwrap();
        let steps =
            docs[0]["jobs"].as_mapping().unwrap().iter().next().unwrap().1["steps"].as_sequence().unwrap().clone();
        steps.into_iter().find(|s| s["name"].as_str().is_some_and(|n| n.starts_with(name))).unwrap()
    };
    let in_checkout = |step: &Yaml, script: &str, status: Option<u8>, extra: &[(&str, &str)]| {
        let checkout = scratch("checkout");
        if let Some(status) = status {
            with_executable(&checkout, script, &format!("#!/bin/sh\necho \"measured $*\"\nexit {status}\n"));
        }
        let ran = run_step_in(step, extra, None, Some(&checkout));
        std::fs::remove_dir_all(&checkout).unwrap();
        ran
    };
    let watch = find("deploy-production-canary-kubernetes.yml", "Watch the metric for 5 minutes at 10%");
    let now = [("WAIT_MINUTES", "0")];
    let ran = in_checkout(&watch, "deploy/check-metric.sh", Some(0), &now);
    assert!(ran.success && ran.printed.contains("measured error rate 1%"), "{}", ran.printed);
    let ran = in_checkout(&watch, "deploy/check-metric.sh", Some(1), &now);
    assert!(!ran.success);
    assert!(
        ran.printed.contains("::error::error rate is past 1% at 10% of the traffic: rolling back."),
        "{}",
        ran.printed
    );
    for status in [Some(2), None] {
        let ran = in_checkout(&watch, "deploy/check-metric.sh", status, &now);
        assert!(!ran.success);
        assert!(ran.printed.contains("::error::The metric check did not run (exit status"), "{}", ran.printed);
        assert!(!ran.printed.contains("past 1%"), "{}", ran.printed);
    }

    let rule = find("monitoring-slack.yml", "Check the rule: Error rate");
    for (status, result) in [(Some(0), "holds"), (Some(1), "broken"), (Some(2), "not-run"), (None, "not-run")] {
        let ran = in_checkout(&rule, "monitoring/check-metric.sh", status, &[]);
        assert!(ran.success, "every rule is checked, whatever the one before found: {}", ran.printed);
        assert_eq!(ran.github_output, format!("result={result}\n"), "{status:?}: {}", ran.printed);
    }
}
