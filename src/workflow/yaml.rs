//! The one writer of workflow YAML. Keys are the model's own identifiers; every value is
//! written by [`scalar`] (one line) or as a block literal (several lines), so whatever a
//! participant typed reads back exactly: no `: `, `#`, quote, bracket, `&` or line break can
//! change the document's structure. `tests/workflow_yaml.rs` parses the output with a
//! maintained YAML parser to prove it.

use std::fmt::Write;

use super::{Access, Action, Concurrency, Job, Permission, Step, Switch, Trigger, Workflow};

/// The workflow as a YAML document, ending with a newline.
pub fn to_yaml(workflow: &Workflow) -> String {
    let mut out = Out::default();
    out.entry(0, "name", &workflow.name);
    out.blank();
    out.key(0, "on");
    for trigger in &workflow.on {
        trigger_yaml(&mut out, trigger);
    }
    out.blank();
    permissions(&mut out, 0, &workflow.permissions);
    if let Some(concurrency) = &workflow.concurrency {
        out.blank();
        concurrency_yaml(&mut out, 0, concurrency);
    }
    map(&mut out, 0, "env", &workflow.env);
    out.blank();
    out.key(0, "jobs");
    for (index, job) in workflow.jobs.iter().enumerate() {
        if index > 0 {
            out.blank();
        }
        job_yaml(&mut out, job);
    }
    out.text
}

fn trigger_yaml(out: &mut Out, trigger: &Trigger) {
    match trigger {
        Trigger::Push { branches } | Trigger::PullRequest { branches } => {
            out.key(2, if matches!(trigger, Trigger::Push { .. }) { "push" } else { "pull_request" });
            list(out, 4, "branches", branches);
        }
        Trigger::WorkflowDispatch { inputs } => {
            out.key(2, "workflow_dispatch");
            switches(out, 4, inputs);
        }
        Trigger::WorkflowCall { secrets } => {
            out.key(2, "workflow_call");
            if !secrets.is_empty() {
                out.key(4, "secrets");
            }
            for name in secrets {
                out.key(6, identifier(name));
                out.line(8, "required: false");
            }
        }
        Trigger::Schedule(crons) => {
            out.key(2, "schedule");
            for cron in crons {
                out.line(4, &format!("- cron: {}", scalar(cron)));
            }
        }
    }
}

/// `inputs:` with one boolean input, off by default, per switch; nothing when there are none.
fn switches(out: &mut Out, indent: usize, inputs: &[Switch]) {
    if inputs.is_empty() {
        return;
    }
    out.key(indent, "inputs");
    for input in inputs {
        out.key(indent + 2, identifier(&input.id));
        out.entry(indent + 4, "description", &input.description);
        out.line(indent + 4, "type: boolean");
        out.line(indent + 4, "default: false");
    }
}

/// `with:`, text inputs then switches (YAML's `true` or `false`); nothing when there are none.
fn with_inputs(out: &mut Out, indent: usize, text: &[(String, String)], switches: &[(String, bool)]) {
    if text.is_empty() && switches.is_empty() {
        return;
    }
    out.key(indent, "with");
    for (name, value) in text {
        out.entry(indent + 2, identifier(name), value);
    }
    for (name, on) in switches {
        out.line(indent + 2, &format!("{}: {on}", identifier(name)));
    }
}

fn permissions(out: &mut Out, indent: usize, permissions: &[Permission]) {
    if permissions.is_empty() {
        out.line(indent, "permissions: {}");
        return;
    }
    out.key(indent, "permissions");
    for permission in permissions {
        let access = match permission.access {
            Access::Read => "read",
            Access::Write => "write",
        };
        out.line(indent + 2, &format!("{}: {access}", identifier(permission.scope)));
    }
}

fn concurrency_yaml(out: &mut Out, indent: usize, concurrency: &Concurrency) {
    out.key(indent, "concurrency");
    out.entry(indent + 2, "group", &concurrency.group);
    out.line(indent + 2, &format!("cancel-in-progress: {}", concurrency.cancel_in_progress));
}

fn job_yaml(out: &mut Out, job: &Job) {
    out.key(2, identifier(&job.id));
    out.entry(4, "name", &job.name);
    list(out, 4, "needs", &job.needs);
    if let Some(condition) = &job.condition {
        out.entry(4, "if", condition);
    }
    if let Some(permissions_) = &job.permissions {
        permissions(out, 4, permissions_);
    }
    if let Some(concurrency) = &job.concurrency {
        concurrency_yaml(out, 4, concurrency);
    }
    if let Some(workflow) = &job.uses {
        // A job that calls a reusable workflow has no runner, steps or timeout of its own.
        out.entry(4, "uses", workflow);
        map(out, 4, "secrets", &job.secrets);
        return;
    }
    out.entry(4, "runs-on", &job.runs_on);
    if let Some(environment) = &job.environment {
        out.key(4, "environment");
        out.entry(6, "name", &environment.name);
        if let Some(url) = &environment.url {
            out.entry(6, "url", url);
        }
    }
    out.line(4, &format!("timeout-minutes: {}", job.timeout_minutes));
    map(out, 4, "env", &job.env);
    map(out, 4, "outputs", &job.outputs);
    out.key(4, "steps");
    for step in &job.steps {
        step_yaml(out, step);
    }
}

fn step_yaml(out: &mut Out, step: &Step) {
    out.line(6, &format!("- name: {}", scalar(&step.name)));
    if let Some(id) = &step.id {
        out.line(8, &format!("id: {}", identifier(id)));
    }
    if let Some(condition) = &step.condition {
        out.entry(8, "if", condition);
    }
    if step.continue_on_error {
        out.line(8, "continue-on-error: true");
    }
    if let Some(minutes) = step.timeout_minutes {
        out.line(8, &format!("timeout-minutes: {minutes}"));
    }
    match &step.action {
        Action::Uses { action, with, switches } => {
            let reference = format!("{}@{}", action.repository, action.commit);
            out.line(8, &format!("uses: {} # {}", scalar(&reference), action.version));
            with_inputs(out, 8, with, switches);
            map(out, 8, "env", &step.env);
        }
        Action::Run(script) => {
            map(out, 8, "env", &step.env);
            out.entry(8, "run", script);
        }
    }
}

/// `key:` followed by one entry per pair, or nothing at all when there are none.
fn map(out: &mut Out, indent: usize, key: &str, entries: &[(String, String)]) {
    if entries.is_empty() {
        return;
    }
    out.key(indent, key);
    for (name, value) in entries {
        out.entry(indent + 2, identifier(name), value);
    }
}

/// `key:` followed by one `- item` per item, or nothing at all when there are none.
fn list(out: &mut Out, indent: usize, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.key(indent, key);
    for item in items {
        out.line(indent + 2, &format!("- {}", scalar(item)));
    }
}

/// A key the model chose (job ids, env names, action inputs): checked, never quoted.
fn identifier(key: &str) -> &str {
    debug_assert!(
        !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'),
        "not a YAML key the emitter writes plain: {key:?}"
    );
    key
}

#[derive(Default)]
struct Out {
    text: String,
}

impl Out {
    fn line(&mut self, indent: usize, line: &str) {
        let _ = writeln!(self.text, "{:indent$}{line}", "");
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }

    fn key(&mut self, indent: usize, key: &str) {
        self.line(indent, &format!("{key}:"));
    }

    /// `key: value`, the value as one scalar or, when it has several lines, a block literal.
    fn entry(&mut self, indent: usize, key: &str, value: &str) {
        match block_literal(value) {
            Some(header) => {
                self.line(indent, &format!("{key}: {header}"));
                for line in value.trim_end_matches('\n').split('\n') {
                    if line.is_empty() {
                        self.blank();
                    } else {
                        self.line(indent + 2, line);
                    }
                }
            }
            None => self.line(indent, &format!("{key}: {}", scalar(value))),
        }
    }
}

/// The header of a block literal for a text of several lines (`|` or `|-`, with an
/// indentation indicator when its first line starts with a space), or `None` when the text
/// is one line or reads better quoted: control characters, `\r`, nothing but space, or
/// several line breaks at the end (a `|+` literal would take the blank lines that separate
/// the next entries as its own).
fn block_literal(text: &str) -> Option<String> {
    if !text.contains('\n') || text.chars().any(|c| c != '\n' && c != '\t' && !printable(c)) {
        return None;
    }
    let content = text.trim_end_matches('\n');
    if content.trim().is_empty() {
        return None;
    }
    // A first line (after any empty ones) that starts with a space would be taken for
    // deeper indentation: say the indentation explicitly.
    let first = content.split('\n').find(|l| !l.is_empty()).unwrap_or("");
    let indicator = if first.starts_with([' ', '\t']) { "2" } else { "" };
    let chomping = match text.len() - content.len() {
        0 => "-",
        1 => "",
        _ => return None,
    };
    Some(format!("|{indicator}{chomping}"))
}

/// A one-line YAML scalar for `text`: plain when it reads back as the same string under
/// YAML 1.1 and 1.2 alike, else single-quoted, else (control characters, line breaks)
/// double-quoted with escapes.
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) {
        return text.to_owned();
    }
    if text.chars().all(|c| printable(c) && c != '\n') {
        return format!("'{}'", text.replace('\'', "''"));
    }
    let mut quoted = String::with_capacity(text.len() + 8);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            '\r' => quoted.push_str("\\r"),
            c if printable(c) => quoted.push(c),
            c if (c as u32) <= 0xFFFF => {
                let _ = write!(quoted, "\\u{:04X}", c as u32);
            }
            c => {
                let _ = write!(quoted, "\\U{:08X}", c as u32);
            }
        }
    }
    quoted.push('"');
    quoted
}

/// Characters YAML allows as they are inside quotes: no control characters, and none of
/// the Unicode line and paragraph separators YAML 1.1 reads as line breaks.
fn printable(c: char) -> bool {
    !(c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}'))
}

/// Words that YAML 1.1 or 1.2 reads as a boolean or null rather than a string.
const RESERVED: &[&str] = &["true", "false", "yes", "no", "on", "off", "y", "n", "null"];

/// Whether `text` can be written without quotes: printable ASCII, starting with a letter,
/// `$`, `_`, `/` or `./` (never a number, an indicator or a space), with no `: ` or ` #` inside, no
/// space or `:` at the end, and not a reserved word.
fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else { return false };
    (first.is_ascii_alphabetic()
        || matches!(first, '$' | '_' | '/' | '(')
        || text.starts_with("./")
        || text.starts_with("../"))
        && text.bytes().all(|b| (0x20..0x7f).contains(&b))
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with([' ', ':'])
        && !RESERVED.iter().any(|word| text.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_plain_only_when_that_is_safe() {
        for plain in
            ["ubuntu-latest", "actions/checkout@v4", "Deploy to production", "${{ secrets.AI_API_KEY }}", "main"]
        {
            assert_eq!(scalar(plain), plain);
        }
        assert_eq!(scalar("*/15 * * * *"), "'*/15 * * * *'");
        assert_eq!(scalar("it's: here"), "'it''s: here'");
        assert_eq!(scalar("yes"), "'yes'");
        assert_eq!(scalar("On"), "'On'");
        assert_eq!(scalar("42"), "'42'");
        assert_eq!(scalar(".5"), "'.5'");
        assert_eq!(scalar(""), "''");
        assert_eq!(scalar("a #comment"), "'a #comment'");
        assert_eq!(scalar("tab\there"), "\"tab\\there\"");
        assert_eq!(scalar("bell\u{7}"), "\"bell\\u0007\"");
        assert_eq!(scalar("line\u{2028}sep"), "\"line\\u2028sep\"");
        assert_eq!(scalar("é"), "'é'");
        assert_eq!(scalar("(failure() || cancelled())"), "(failure() || cancelled())");
    }

    #[test]
    fn several_lines_become_a_block_literal_that_keeps_its_ends() {
        assert_eq!(block_literal("a\nb"), Some("|-".into()));
        assert_eq!(block_literal("a\nb\n"), Some("|".into()));
        assert_eq!(block_literal("a\nb\n\n"), None);
        assert_eq!(block_literal("  indented\nb"), Some("|2-".into()));
        assert_eq!(block_literal("\n  indented"), Some("|2-".into()));
        assert_eq!(block_literal("one line"), None);
        assert_eq!(block_literal("cr\r\nlf"), None);
        assert_eq!(block_literal("\n\n"), None);
    }

    #[test]
    fn a_workflow_reads_like_one_written_by_hand() {
        let workflow = Workflow {
            name: "Monitoring".into(),
            on: vec![Trigger::Schedule(vec!["*/15 * * * *".into()]), Trigger::manual()],
            permissions: vec![Permission::read("contents")],
            concurrency: Some(Concurrency { group: "monitoring".into(), cancel_in_progress: true }),
            env: vec![],
            jobs: vec![Job {
                steps: vec![Step::run("Check health", "curl --fail \"$URL\"\necho ok\n").env("URL", "https://x.io/a#b")],
                ..Job::new("health", "Health checks", 10)
            }],
        };
        assert_eq!(
            to_yaml(&workflow),
            "name: Monitoring\n\non:\n  schedule:\n    - cron: '*/15 * * * *'\n  workflow_dispatch:\n\npermissions:\n  contents: read\n\n\
             concurrency:\n  group: monitoring\n  cancel-in-progress: true\n\njobs:\n  health:\n    name: Health checks\n\
             \x20   runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - name: Check health\n\
             \x20       env:\n          URL: https://x.io/a#b\n        run: |\n          curl --fail \"$URL\"\n          echo ok\n"
        );
    }
}
