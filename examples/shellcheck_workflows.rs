//! Runs shellcheck (Debian's `shellcheck`) on every `run:` script of the workflows in the
//! folders given, as the runner would run it: bash, `-e` (`-eo pipefail` with `shell: bash`),
//! and on every `.sh` file there (the scripts the workflows call).
//! Fails on any finding at warning level or above; info and style findings are counted.
//! `scripts/test.sh` runs it over this repository's workflows and every one Module 5 can
//! generate: `cargo run --example shellcheck_workflows -- .github/workflows target/generated-workflows`.
//!
//! An expression left in a script (`${{ … }}`, which GitHub pastes in before bash runs) is
//! replaced by a variable, as actionlint does when it calls shellcheck. Identical scripts
//! (the same step in many generated repositories) are checked once and reported at every
//! place they occur.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use saphyr::{LoadableYamlNode, Yaml};

/// The workflows (`found`) and the shell scripts (`scripts`) under `folder`.
fn workflow_files(folder: &Path, found: &mut Vec<PathBuf>, scripts: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.expect("a readable folder").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            workflow_files(&path, found, scripts);
        } else if path.extension().is_some_and(|e| e == "sh") {
            scripts.push(path);
        } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml")
            && path.to_string_lossy().contains(".github/workflows/")
        {
            found.push(path);
        }
    }
}

/// The script bash sees: `${{ … }}` replaced by a variable, the shell's options first.
fn as_bash_runs_it(script: &str, shell: Option<&str>) -> String {
    let options = if shell == Some("bash") { "set -eo pipefail" } else { "set -e" };
    let mut text = format!("{options}\n");
    let mut rest = script;
    while let Some(start) = rest.find("${{") {
        let Some(end) = rest[start..].find("}}") else { break };
        text.push_str(&rest[..start]);
        text.push_str("${GITHUB_EXPRESSION}");
        rest = &rest[start + end + 2..];
    }
    text.push_str(rest);
    text
}

struct Finding {
    /// The line in the step's own script (the options line not counted).
    line: usize,
    level: String,
    message: String,
}

fn shellcheck(script: &str) -> Vec<Finding> {
    let mut child = Command::new("shellcheck")
        .args(["--shell=bash", "--severity=style", "--format=gcc", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("shellcheck runs (scripts/setup.sh installs Debian's shellcheck)");
    child.stdin.take().expect("stdin").write_all(script.as_bytes()).expect("the script is written");
    let output = child.wait_with_output().expect("shellcheck finishes");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| {
            // -:3:5: warning: Double quote to prevent globbing and word splitting. [SC2086]
            let mut parts = line.splitn(5, ':');
            let (_, line, _, level, message) =
                (parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?);
            Some(Finding {
                line: line.parse::<usize>().ok()?.saturating_sub(1),
                level: level.trim().to_owned(),
                message: message.trim().to_owned(),
            })
        })
        .collect()
}

fn main() {
    let folders: Vec<String> = std::env::args().skip(1).collect();
    assert!(!folders.is_empty(), "usage: shellcheck_workflows <folder>...");
    let (mut files, mut script_files) = (Vec::new(), Vec::new());
    for folder in &folders {
        workflow_files(Path::new(folder), &mut files, &mut script_files);
    }
    assert!(!files.is_empty(), "no workflows under {folders:?}");
    // Each distinct script, with every place it occurs (file, job, step).
    let mut scripts: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut steps = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).expect("a readable workflow");
        let docs = Yaml::load_from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let Some(jobs) = docs[0]["jobs"].as_mapping() else { continue };
        for (job_id, job) in jobs {
            let Some(job_steps) = job.as_mapping_get("steps").and_then(Yaml::as_sequence) else { continue };
            for (index, step) in job_steps.iter().enumerate() {
                let Some(run) = step.as_mapping_get("run").and_then(Yaml::as_str) else { continue };
                let shell = step.as_mapping_get("shell").and_then(Yaml::as_str);
                let name = step
                    .as_mapping_get("name")
                    .and_then(Yaml::as_str)
                    .map_or(format!("step {}", index + 1), str::to_owned);
                let place = format!("{}: jobs.{}: “{name}”", path.display(), job_id.as_str().unwrap_or("?"));
                scripts.entry(as_bash_runs_it(run, shell)).or_default().push(place);
                steps += 1;
            }
        }
    }
    // The scripts the workflows call, whole (their own shebang and options).
    for path in &script_files {
        let text = std::fs::read_to_string(path).expect("a readable script");
        scripts.entry(text).or_default().push(path.display().to_string());
    }
    let mut failing = 0;
    let mut minor = 0;
    for (script, places) in &scripts {
        for finding in shellcheck(script) {
            let serious = matches!(finding.level.as_str(), "error" | "warning");
            if serious {
                failing += places.len();
            } else {
                minor += places.len();
            }
            for place in places {
                let line = script.lines().nth(finding.line).unwrap_or("").trim();
                let report =
                    format!("{place}, line {}: {}: {} (`{line}`)", finding.line, finding.level, finding.message);
                if serious {
                    eprintln!("{report}");
                } else {
                    println!("  {report}");
                }
            }
        }
    }
    println!(
        "shellcheck: {steps} run: scripts in {} workflow(s) and {} script file(s) ({} distinct), {failing} finding(s) at warning or above, {minor} info or style; judged by {}",
        files.len(),
        script_files.len(),
        scripts.len(),
        version()
    );
    std::process::exit(if failing == 0 { 0 } else { 1 });
}

fn version() -> String {
    let output = Command::new("shellcheck").arg("--version").output().expect("shellcheck runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let version = text.lines().find_map(|l| l.strip_prefix("version: ")).unwrap_or("?");
    format!("shellcheck {version}")
}
