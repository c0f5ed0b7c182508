//! GitHub Actions workflows as data: triggers, permissions, concurrency, jobs and steps,
//! written out by one emitter (`yaml`). Module 5's generators build these values from the
//! participant's answers; nothing else writes workflow text, so every value a participant
//! typed is quoted in one place, and the hardening GitHub recommends (least-privilege
//! permissions, a concurrency group, timeouts, typed values reaching scripts through `env:`)
//! is a property of the model rather than of each template.

mod yaml;

pub use yaml::{scalar, to_yaml};

/// One workflow file.
#[derive(Clone, Debug, PartialEq)]
pub struct Workflow {
    pub name: String,
    pub on: Vec<Trigger>,
    /// Least privilege: what the workflow's token may do. Empty means no access at all
    /// (`permissions: {}`).
    pub permissions: Vec<Permission>,
    pub concurrency: Option<Concurrency>,
    pub env: Vec<(String, String)>,
    pub jobs: Vec<Job>,
}

/// What starts a workflow.
#[derive(Clone, Debug, PartialEq)]
pub enum Trigger {
    Push {
        branches: Vec<String>,
    },
    PullRequest {
        branches: Vec<String>,
    },
    /// Started by hand from the Actions tab, with optional on/off switches to tick.
    WorkflowDispatch {
        inputs: Vec<Switch>,
    },
    /// Cron expressions (UTC).
    Schedule(Vec<String>),
    /// Called by another workflow (a reusable workflow), which passes it these secrets by
    /// name (each optional: an environment secret of the same name takes their place).
    WorkflowCall {
        secrets: Vec<String>,
    },
}

impl Trigger {
    /// Started by hand, with no inputs.
    pub fn manual() -> Trigger {
        Trigger::WorkflowDispatch { inputs: Vec::new() }
    }
}

/// A boolean input of a manual run: a checkbox in the "Run workflow" form, off by default.
#[derive(Clone, Debug, PartialEq)]
pub struct Switch {
    /// An identifier (letters, digits, `_`, `-`): the workflow reads it as `inputs.<id>`.
    pub id: String,
    pub description: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// A token scope (`contents`, `deployments`, `id-token`...) and its access.
#[derive(Clone, Debug, PartialEq)]
pub struct Permission {
    pub scope: &'static str,
    pub access: Access,
}

impl Permission {
    pub fn read(scope: &'static str) -> Permission {
        Permission { scope, access: Access::Read }
    }

    pub fn write(scope: &'static str) -> Permission {
        Permission { scope, access: Access::Write }
    }
}

/// Runs that share a group never overlap: one runs, the next waits.
#[derive(Clone, Debug, PartialEq)]
pub struct Concurrency {
    pub group: String,
    /// False for deployments: a deploy is never stopped halfway.
    pub cancel_in_progress: bool,
}

/// The environment a job deploys to; its protection rules live in the repository settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Environment {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    /// The key under `jobs:`; a GitHub identifier (letters, digits, `-`, `_`).
    pub id: String,
    pub name: String,
    pub runs_on: String,
    pub needs: Vec<String>,
    pub condition: Option<String>,
    pub environment: Option<Environment>,
    /// Overrides the workflow's permissions for this job when set.
    pub permissions: Option<Vec<Permission>>,
    pub concurrency: Option<Concurrency>,
    pub timeout_minutes: u32,
    pub env: Vec<(String, String)>,
    /// Step outputs the job passes on: (name, expression).
    pub outputs: Vec<(String, String)>,
    pub steps: Vec<Step>,
    /// A reusable workflow this job calls instead of running steps (`uses:`).
    pub uses: Option<String>,
    /// The secrets a calling job passes on, each by name: (name, `${{ secrets.NAME }}`).
    /// Never `secrets: inherit`, which hands every secret to whatever is called.
    pub secrets: Vec<(String, String)>,
}

impl Job {
    /// A job on `ubuntu-latest` with nothing else set.
    pub fn new(id: &str, name: &str, timeout_minutes: u32) -> Job {
        Job {
            id: id.to_owned(),
            name: name.to_owned(),
            runs_on: "ubuntu-latest".to_owned(),
            needs: Vec::new(),
            condition: None,
            environment: None,
            permissions: None,
            concurrency: None,
            timeout_minutes,
            env: Vec::new(),
            outputs: Vec::new(),
            steps: Vec::new(),
            uses: None,
            secrets: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub id: Option<String>,
    pub name: String,
    pub condition: Option<String>,
    /// The job goes on when this step fails (a health check whose failure sends an alert);
    /// later steps read `steps.<id>.outcome`.
    pub continue_on_error: bool,
    pub env: Vec<(String, String)>,
    pub action: Action,
    pub timeout_minutes: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// An action pinned to a commit, with its inputs: text, then on/off switches.
    Uses { action: PinnedAction, with: Vec<(String, String)>, switches: Vec<(String, bool)> },
    /// A bash script. Typed values reach it through `env:`, never through `${{ }}` in it.
    Run(String),
}

impl Step {
    pub fn run(name: &str, script: &str) -> Step {
        Step {
            id: None,
            name: name.to_owned(),
            condition: None,
            continue_on_error: false,
            env: Vec::new(),
            action: Action::Run(script.to_owned()),
            timeout_minutes: None,
        }
    }

    pub fn uses(name: &str, action: PinnedAction) -> Step {
        Step {
            id: None,
            name: name.to_owned(),
            condition: None,
            continue_on_error: false,
            env: Vec::new(),
            action: Action::Uses { action, with: Vec::new(), switches: Vec::new() },
            timeout_minutes: None,
        }
    }

    /// `actions/checkout` that leaves no token behind: by default it keeps the job's token
    /// in `.git/config`, where a later `docker build .` or an uploaded artifact can carry it
    /// off (zizmor's `artipacked`). No generated step pushes to git, so none needs it.
    pub fn check_out(name: &str) -> Step {
        Step::uses(name, actions::CHECKOUT).switch("persist-credentials", false)
    }

    pub fn with_id(mut self, id: &str) -> Step {
        self.id = Some(id.to_owned());
        self
    }

    pub fn when(mut self, condition: &str) -> Step {
        self.condition = Some(condition.to_owned());
        self
    }

    pub fn keep_going(mut self) -> Step {
        self.continue_on_error = true;
        self
    }

    pub fn env(mut self, name: &str, value: &str) -> Step {
        self.env.push((name.to_owned(), value.to_owned()));
        self
    }

    /// An action's on/off input, written as YAML's `true` or `false`.
    pub fn switch(mut self, name: &str, on: bool) -> Step {
        if let Action::Uses { switches, .. } = &mut self.action {
            switches.push((name.to_owned(), on));
        }
        self
    }

    pub fn input(mut self, name: &str, value: &str) -> Step {
        if let Action::Uses { with, .. } = &mut self.action {
            with.push((name.to_owned(), value.to_owned()));
        }
        self
    }
}

/// An action at a full commit, which no one can move the way a tag (`@v4`) can be moved, with
/// the release that commit is, for the reader and for Dependabot (`uses: …@<sha> # v7.0.1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PinnedAction {
    pub repository: &'static str,
    pub commit: &'static str,
    pub version: &'static str,
}

/// The actions generated workflows use, each at its latest release: the commit is the one
/// the release tag names in the action's repository (read there with `git rev-parse
/// <tag>^{commit}`); all run on node24.
pub mod actions {
    use super::PinnedAction;

    /// One line per action: its repository, the release's commit, the release.
    const fn pinned(repository: &'static str, commit: &'static str, version: &'static str) -> PinnedAction {
        PinnedAction { repository, commit, version }
    }

    pub const CHECKOUT: PinnedAction = pinned("actions/checkout", "3d3c42e5aac5ba805825da76410c181273ba90b1", "v7.0.1");
    pub const SETUP_NODE: PinnedAction =
        pinned("actions/setup-node", "820762786026740c76f36085b0efc47a31fe5020", "v7.0.0");
    pub const SETUP_PYTHON: PinnedAction =
        pinned("actions/setup-python", "5fda3b95a4ea91299a34e894583c3862153e4b97", "v7.0.0");
    pub const SETUP_GO: PinnedAction = pinned("actions/setup-go", "b7ad1dad31e06c5925ef5d2fc7ad053ef454303e", "v7.0.0");
    pub const DOCKER_LOGIN: PinnedAction =
        pinned("docker/login-action", "4907a6ddec9925e35a0a9e82d7399ccc52663121", "v4.1.0");
    pub const AZURE_LOGIN: PinnedAction = pinned("azure/login", "f5d393ae46f8fde4be8b75f32e3fc50e654ad0ca", "v3.0.1");
    pub const UPLOAD_ARTIFACT: PinnedAction =
        pinned("actions/upload-artifact", "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f", "v7.0.0");
    pub const DOWNLOAD_ARTIFACT: PinnedAction =
        pinned("actions/download-artifact", "3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c", "v8.0.1");
}

/// `${{ secrets.NAME }}`: the only way a generated workflow names a secret.
pub fn secret(name: &str) -> String {
    format!("${{{{ secrets.{name} }}}}")
}

/// Whether `name` is a valid name for a secret or an environment variable: letters, digits
/// and underscores, not starting with a digit (GitHub also reserves the `GITHUB_` prefix).
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.to_ascii_uppercase().starts_with("GITHUB_")
}

/// The secrets a workflow's text reads (`secrets.NAME`), each once, in order of first use.
pub fn secrets_read(yaml: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for rest in yaml.split("secrets.").skip(1) {
        let name = &rest[..rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len())];
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The secrets a job reads (`secrets.NAME` in its values), each once, in order of first
/// use; GitHub's own token aside, as every run has it.
pub fn secrets_of_job(job: &Job) -> Vec<String> {
    let mut values: Vec<&str> = job.env.iter().map(|(_, value)| value.as_str()).collect();
    values.extend(job.secrets.iter().map(|(_, value)| value.as_str()));
    for step in &job.steps {
        values.extend(step.env.iter().map(|(_, value)| value.as_str()));
        if let Action::Uses { with, .. } = &step.action {
            values.extend(with.iter().map(|(_, value)| value.as_str()));
        }
    }
    let mut names: Vec<String> = Vec::new();
    for value in values {
        for name in secrets_read(value) {
            if name != "GITHUB_TOKEN" && !names.iter().any(|known| known == name) {
                names.push(name.to_owned());
            }
        }
    }
    names
}

/// Where a deploy's secrets are set: the environment's own secrets, or the repository's
/// where there is no environment.
pub fn where_secrets_live(environment: Option<&str>) -> String {
    match environment {
        Some(name) => format!("the secrets of the {name} environment (Settings > Environments > {name})"),
        None => "the secrets of the repository (Settings > Secrets and variables > Actions)".to_owned(),
    }
}

pub const CHECK_SECRETS: &str = "Check that every secret is set";

/// Puts first in each job that reads secrets a step that names every one not set and says
/// where to set it (`where_to_set`), so a missing secret stops the run before anything
/// happens, with its cause, instead of failing later as a refused connection or a
/// malformed URL. GitHub reads an unset secret as an empty string.
pub fn check_secrets_first(workflow: &mut Workflow, where_to_set: &str) {
    for job in &mut workflow.jobs {
        let names = secrets_of_job(job);
        if names.is_empty() || job.uses.is_some() {
            continue;
        }
        let script = format!(
            "required=({})\nmissing=()\nfor name in \"${{required[@]}}\"; do\n  \
             if [ -z \"${{!name}}\" ]; then missing+=(\"$name\"); fi\ndone\n\
             if [ \"${{#missing[@]}}\" -gt 0 ]; then\n  \
             echo \"::error::Not set: ${{missing[*]}}. Add each in $WHERE_TO_SET, then run this workflow again.\"\n  \
             exit 1\nfi",
            names.join(" ")
        );
        let mut step = Step::run(CHECK_SECRETS, &script).env("WHERE_TO_SET", where_to_set);
        for name in &names {
            step = step.env(name, &secret(name));
        }
        job.steps.insert(0, step);
    }
}

/// Moves every `${{ … }}` expression out of the run scripts into the step's `env:`, where
/// GitHub evaluates it safely, and has the script read the variable instead: an expression
/// inside `run:` is pasted into the script before the shell sees it (script injection). The
/// workflow's own scripts read only variables; this catches expressions a participant typed
/// into a command. A secret's variable is named after it; others are `EXPR_1`, `EXPR_2`...
pub fn hoist_expressions(workflow: &mut Workflow) {
    for step in workflow.jobs.iter_mut().flat_map(|job| job.steps.iter_mut()) {
        let Action::Run(script) = &mut step.action else { continue };
        let mut rewritten = String::with_capacity(script.len());
        let mut rest = script.as_str();
        while let Some(start) = rest.find("${{") {
            let Some(length) = rest[start..].find("}}").map(|end| end + 2) else { break };
            let expression = &rest[start..start + length];
            let inner = expression[3..length - 2].trim();
            let existing = step.env.iter().find(|(_, value)| value == expression).map(|(name, _)| name.clone());
            let name = existing.unwrap_or_else(|| {
                let name = match inner.strip_prefix("secrets.").filter(|n| is_identifier(n)) {
                    Some(secret_name) => secret_name.to_owned(),
                    None => format!("EXPR_{}", step.env.iter().filter(|(n, _)| n.starts_with("EXPR_")).count() + 1),
                };
                step.env.push((name.clone(), expression.to_owned()));
                name
            });
            rewritten.push_str(&rest[..start]);
            rewritten.push_str(&format!("${{{name}}}"));
            rest = &rest[start + length..];
        }
        rewritten.push_str(rest);
        *script = rewritten;
    }
}

/// Replaces whatever looks like a credential (`credentials::find`), or the note an export
/// left in its place (`credentials::removed`), in every value of the workflow by a
/// reference to the secret it belongs in: in a script, `$NAME` with the step
/// reading `NAME: ${{ secrets.NAME }}`; in an environment value or an action input,
/// `${{ secrets.NAME }}`; anywhere else (names, URLs, conditions), where secrets cannot be
/// read, a note naming the secret. A pasted key never reaches the file.
pub fn redact_credentials(workflow: &mut Workflow) {
    let note = |text: &mut String| *text = crate::credentials::replace(text, crate::credentials::removal_note);
    let reference = |text: &mut String| *text = crate::credentials::replace_or_removed(text, secret);
    note(&mut workflow.name);
    workflow.env.iter_mut().for_each(|(_, value)| reference(value));
    for job in &mut workflow.jobs {
        note(&mut job.name);
        job.env.iter_mut().for_each(|(_, value)| reference(value));
        if let Some(environment) = &mut job.environment {
            environment.url.iter_mut().for_each(note);
        }
        for step in &mut job.steps {
            note(&mut step.name);
            step.env.iter_mut().for_each(|(_, value)| reference(value));
            match &mut step.action {
                Action::Uses { with, .. } => with.iter_mut().for_each(|(_, value)| reference(value)),
                Action::Run(script) => {
                    let mut read = Vec::new();
                    *script = crate::credentials::replace_or_removed(script, |name| {
                        read.push(name.to_owned());
                        format!("${name}")
                    });
                    for name in read {
                        if !step.env.iter().any(|(key, _)| *key == name) {
                            step.env.push((name.clone(), secret(&name)));
                        }
                    }
                }
            }
        }
    }
}
