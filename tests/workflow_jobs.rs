//! Whole runs of the generated workflows, and their jobs, the way GitHub runs them: jobs
//! after those they `needs:` (skipped when one did not succeed), a called workflow's jobs
//! with only the secrets passed to it; in a job, steps in order, each
//! `if:` evaluated (`success()`, `failure()`, `cancelled()`, `steps.<id>.outcome`, `github`,
//! `inputs`), `continue-on-error`, `$GITHUB_ENV` and `$GITHUB_OUTPUT` carried from step to
//! step, `${{ }}` in `env:` filled in (secrets from the scenario), actions taken as done.
//! `run:` steps run in bash (`-e`, the runner's default) in a checkout folder, with stand-in
//! `kubectl`, `az`, `docker`, `gh` and `curl` first on PATH: each records its call, and a
//! scenario makes some fail. Alerts go to a webhook receiver on 127.0.0.1.
//!
//! The scenarios are the ones a reviewer of a deploy asks about: the happy path; a failing
//! smoke test (traffic never moves); a failure after the switch or the promotion (the
//! previous version is restored); a canary breach at 25% (the stable version serves, and the
//! next deploy works); a cancelled run after traffic moved; a missing secret (named, nothing
//! deployed); and monitoring with an endpoint down (one Critical payload, in Slack's form).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;

use common::{executable, scratch};
use saphyr::{LoadableYamlNode, Yaml};

/// A value of a GitHub expression.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Text(String),
    Bool(bool),
    Null,
}

impl Value {
    fn truthy(&self) -> bool {
        match self {
            Value::Text(text) => !text.is_empty(),
            Value::Bool(b) => *b,
            Value::Null => false,
        }
    }

    fn text(&self) -> String {
        match self {
            Value::Text(text) => text.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Null => String::new(),
        }
    }
}

/// What an expression can read: the job's state so far, and the run's context.
struct Context<'a> {
    failed: bool,
    cancelled: bool,
    outcomes: &'a BTreeMap<String, &'static str>,
    outputs: &'a BTreeMap<String, BTreeMap<String, String>>,
    secrets: &'a BTreeMap<&'static str, &'static str>,
    github: &'a BTreeMap<&'static str, &'static str>,
    inputs: &'a BTreeMap<&'static str, bool>,
}

impl Context<'_> {
    fn lookup(&self, path: &str) -> Value {
        let parts: Vec<&str> = path.split('.').collect();
        match parts.as_slice() {
            ["steps", id, "outcome"] => self.outcomes.get(*id).map_or(Value::Null, |o| Value::Text((*o).to_owned())),
            ["steps", id, "outputs", name] => {
                self.outputs.get(*id).and_then(|o| o.get(*name)).map_or(Value::Null, |v| Value::Text(v.clone()))
            }
            ["secrets", name] => Value::Text(self.secrets.get(*name).copied().unwrap_or("").to_owned()),
            ["github", name] => self.github.get(*name).map_or(Value::Null, |v| Value::Text((*v).to_owned())),
            ["inputs", name] => self.inputs.get(*name).map_or(Value::Null, |b| Value::Bool(*b)),
            _ => panic!("the harness does not know `{path}`"),
        }
    }

    /// Evaluates an expression of the subset the generated workflows use.
    fn eval(&self, expression: &str) -> Value {
        let tokens = tokens(expression);
        let mut at = 0;
        let value = self.or(&tokens, &mut at);
        assert_eq!(at, tokens.len(), "left over in `{expression}`");
        value
    }

    fn or(&self, t: &[String], at: &mut usize) -> Value {
        self.chain(t, at, "||", Self::and)
    }

    fn and(&self, t: &[String], at: &mut usize) -> Value {
        self.chain(t, at, "&&", Self::compare)
    }

    /// `operand (op operand)*`, left to right, as GitHub evaluates `||` and `&&`: the value
    /// of the operand that decides (`a || b` is `a` when `a` is truthy, else `b`; `a && b`
    /// is `b` when `a` is truthy, else `a`).
    fn chain(
        &self,
        t: &[String],
        at: &mut usize,
        op: &str,
        operand: fn(&Self, &[String], &mut usize) -> Value,
    ) -> Value {
        let mut value = operand(self, t, at);
        while t.get(*at).is_some_and(|x| x == op) {
            *at += 1;
            let right = operand(self, t, at);
            let left_decides = value.truthy() == (op == "||");
            if !left_decides {
                value = right;
            }
        }
        value
    }

    fn compare(&self, t: &[String], at: &mut usize) -> Value {
        let left = self.unary(t, at);
        match t.get(*at).map(String::as_str) {
            Some(op @ ("==" | "!=")) => {
                *at += 1;
                let right = self.unary(t, at);
                let equal = left.text().eq_ignore_ascii_case(&right.text());
                Value::Bool(if op == "==" { equal } else { !equal })
            }
            _ => left,
        }
    }

    fn unary(&self, t: &[String], at: &mut usize) -> Value {
        let token = t[*at].clone();
        *at += 1;
        match token.as_str() {
            "!" => Value::Bool(!self.unary(t, at).truthy()),
            "(" => {
                let value = self.or(t, at);
                assert_eq!(t[*at], ")");
                *at += 1;
                value
            }
            "success()" => Value::Bool(!self.failed && !self.cancelled),
            "failure()" => Value::Bool(self.failed),
            "cancelled()" => Value::Bool(self.cancelled),
            "always()" => Value::Bool(true),
            quoted if quoted.starts_with('\'') => Value::Text(quoted.trim_matches('\'').replace("''", "'")),
            path => self.lookup(path),
        }
    }

    /// `text` with each `${{ … }}` replaced by its value.
    fn fill(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${{") {
            let end = rest[start..].find("}}").unwrap() + start;
            out.push_str(&rest[..start]);
            out.push_str(&self.eval(rest[start + 3..end].trim()).text());
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }
}

fn tokens(expression: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = expression.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '\'' {
            let start = i;
            i += 1;
            while i < chars.len() && !(chars[i] == '\'' && chars.get(i + 1) != Some(&'\'')) {
                i += if chars[i] == '\'' { 2 } else { 1 };
            }
            i += 1;
            tokens.push(chars[start..i].iter().collect());
        } else if ["==", "!=", "&&", "||"]
            .iter()
            .any(|op| expression[..].chars().skip(i).take(2).collect::<String>() == *op)
        {
            tokens.push(chars[i..i + 2].iter().collect());
            i += 2;
        } else if c == '!' || c == '(' || c == ')' {
            tokens.push(c.to_string());
            i += 1;
        } else {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || "._-".contains(chars[i])) {
                i += 1;
            }
            // A function call keeps its parentheses: `failure()`.
            if chars.get(i) == Some(&'(') && chars.get(i + 1) == Some(&')') {
                i += 2;
            }
            assert!(i > start, "unexpected `{c}` in `{expression}`");
            tokens.push(chars[start..i].iter().collect());
        }
    }
    tokens
}

#[derive(Clone)]
/// A scenario: the secrets set, the calls that fail (a stand-in tool fails when its call
/// contains one of these), what the live slot is, and when the run is cancelled.
struct Scenario {
    secrets: BTreeMap<&'static str, &'static str>,
    fail_when: Vec<&'static str>,
    cancel_after: Option<&'static str>,
    inputs: BTreeMap<&'static str, bool>,
    webhook: Option<String>,
    /// With a value, the checkout holds the metric checks the `.zip` ships (Kubernetes:
    /// Prometheus), not stand-ins, and Prometheus answers every query with this error
    /// rate; `Prometheus::Down`, it does not answer.
    prometheus: Option<Prometheus>,
    /// The workflow that called this one (`github.workflow` in a called workflow is its
    /// caller's); `None`, started on its own.
    called_by: Option<&'static str>,
    /// What `gh run list` finds: the successful staging run of the commit, or none.
    staging_run: Option<&'static str>,
    /// A step whose command fails, by the start of its name (for a step whose tool differs
    /// by platform: the smoke test is kubectl, curl or a script of yours).
    fail_step: Option<&'static str>,
    /// Scripts as the `.zip` ships them (path, text), in the checkout in place of stand-ins.
    shipped: Vec<(&'static str, String)>,
}

#[derive(Clone, Copy)]
enum Prometheus {
    ErrorRate(f64),
    Down,
}

impl Scenario {
    fn new() -> Scenario {
        let secrets = [
            ("KUBE_CONFIG", "apiVersion: v1"),
            ("AI_API_KEY", "sk-test"),
            ("DATABASE_URL", "postgres://db"),
            ("PROMETHEUS_URL", "http://prometheus"),
            ("AZURE_CLIENT_ID", "client"),
            ("AZURE_TENANT_ID", "tenant"),
            ("AZURE_SUBSCRIPTION_ID", "subscription"),
            ("GITHUB_TOKEN", "token"),
        ];
        Scenario {
            secrets: secrets.into_iter().collect(),
            fail_when: Vec::new(),
            cancel_after: None,
            inputs: BTreeMap::new(),
            webhook: None,
            prometheus: None,
            called_by: None,
            staging_run: Some("4711"),
            fail_step: None,
            shipped: Vec::new(),
        }
    }
}

/// What a job did: each step's name and outcome, the tools' calls in order, and whether
/// the job failed.
struct Ran {
    steps: Vec<(String, &'static str)>,
    calls: Vec<String>,
    failed: bool,
    /// What the steps printed, in order.
    printed: String,
}

impl Ran {
    fn outcome(&self, name: &str) -> &'static str {
        self.steps.iter().find(|(n, _)| n.starts_with(name)).unwrap_or_else(|| panic!("no step {name}")).1
    }

    fn called(&self, call: &str) -> bool {
        self.calls.iter().any(|c| c.contains(call))
    }

    /// The position of the first call containing `call`.
    fn at(&self, call: &str) -> usize {
        self.calls.iter().position(|c| c.contains(call)).unwrap_or_else(|| panic!("no call {call}: {:#?}", self.calls))
    }
}

/// Stand-in tools (and the repository's scripts the steps call): each records `name args`
/// in `$CALLS` and fails when the call contains a line of `$FAIL_WHEN`. `kubectl get
/// service` says blue is live; `curl` to 127.0.0.1 is the real curl (the webhook), and to
/// anything else answers 200, or fails (22) as a scenario says.
fn stand_ins(dir: &Path, checkout: &Path, scenario: &Scenario) {
    let prometheus = scenario.prometheus;
    let record = "call=\"$(basename \"$0\") $*\"\necho \"$call\" >> \"$CALLS\"\n\
while IFS= read -r failing; do\n  if [ -n \"$failing\" ] && [[ \"$call\" == *\"$failing\"* ]]; then exit 1; fi\ndone < \"$FAIL_WHEN\"\n";
    // The stages' waits are recorded, not waited; the checks' tools (Python's, Node's) too.
    for tool in ["kubectl", "az", "docker", "gh", "zip", "sleep", "pip", "ruff", "pytest", "npm"] {
        let answer = match tool {
            "kubectl" => "case \"$*\" in *'get service'*) printf blue ;; esac\n",
            "gh" if scenario.staging_run.is_some() => "echo \"$(cat \"$(dirname \"$0\")/staging-run\")\"\n",
            _ => "",
        };
        executable(&dir.join(tool), &format!("#!/bin/bash\n{record}{answer}"));
    }
    std::fs::write(dir.join("staging-run"), scenario.staging_run.unwrap_or_default()).unwrap();
    // Prometheus's query API, as the shipped checks call it.
    let query = match prometheus {
        None => String::new(),
        Some(Prometheus::Down) => "case \"$*\" in */api/v1/query*) exit 7 ;; esac\n".to_owned(),
        Some(Prometheus::ErrorRate(rate)) => format!(
            "case \"$*\" in */api/v1/query*) printf '%s' '{{\"status\":\"success\",\"data\":{{\"result\":[{{\"value\":[1733390000,\"{rate}\"]}}]}}}}'; exit 0 ;; esac\n"
        ),
    };
    executable(
        &dir.join("curl"),
        &format!(
            "#!/bin/bash\ncase \"$*\" in *127.0.0.1*) exec /usr/bin/curl \"$@\" ;; esac\n{}{query}\
case \"$*\" in *'%{{http_code}}'*) printf 200 ;; esac\n",
            record.replace("exit 1", "case \"$*\" in *'%{http_code}'*) printf 503; exit 0 ;; esac; exit 22")
        ),
    );
    // The repository's own scripts the steps call (the participant's, for "Your own
    // scripts"); the live slot is blue.
    let scripts = [
        "deploy/check-metric.sh",
        "deploy/migrate.sh",
        "monitoring/check-metric.sh",
        "deploy/build.sh",
        "deploy/deploy.sh",
        "deploy/deploy-canary.sh",
        "deploy/smoke-test.sh",
        "deploy/switch-traffic.sh",
        "deploy/set-canary-traffic.sh",
        "deploy/promote-canary.sh",
        "deploy/rollback-canary.sh",
        "deploy/restore-previous.sh",
    ];
    executable(
        &checkout.join("deploy/live-slot.sh"),
        "#!/bin/bash\necho \"./deploy/live-slot.sh\" >> \"$CALLS\"\nprintf blue\n",
    );
    for script in scripts {
        if prometheus.is_some() && script.ends_with("check-metric.sh") {
            let shipped = format!("{}-check-metric-kubernetes.sh", script.split('/').next().unwrap());
            let text = std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/module5/scripts").join(shipped),
            )
            .unwrap();
            executable(&checkout.join(script), &text);
            continue;
        }
        executable(&checkout.join(script), &format!("#!/bin/bash\ncall=\"./{script} $* PERCENT=${{PERCENT:-}}\"\necho \"$call\" >> \"$CALLS\"\nwhile IFS= read -r failing; do\n  if [ -n \"$failing\" ] && [[ \"$call\" == *\"$failing\"* ]]; then exit 1; fi\ndone < \"$FAIL_WHEN\"\n"));
    }
    for (path, text) in &scenario.shipped {
        executable(&checkout.join(path), text);
    }
}

/// Runs the job `job` of the workflow file at `path` (under `tests/expected/module5/`).
fn run_job(path: &str, job: &str, scenario: &Scenario) -> Ran {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected/module5").join(path))
        .unwrap();
    run_job_of(&text, job, scenario)
}

/// Runs the job `job` of the workflow `text`.
fn run_job_of(text: &str, job: &str, scenario: &Scenario) -> Ran {
    let docs = Yaml::load_from_str(text).unwrap();
    let workflow = &docs[0];
    let job_yaml = &workflow["jobs"][job];
    let dir = scratch(job);
    let (tools, checkout) = (dir.join("tools"), dir.join("checkout"));
    stand_ins(&tools, &checkout, scenario);
    let (calls, fail_when, github_env) = (dir.join("calls"), dir.join("fail-when"), dir.join("github-env"));
    std::fs::write(&calls, "").unwrap();
    std::fs::write(&fail_when, scenario.fail_when.join("\n") + "\n").unwrap();
    std::fs::write(&github_env, "").unwrap();
    let mut github: BTreeMap<&str, &str> = [
        ("sha", "0123abcd"),
        ("token", "token"),
        ("actor", "adalovelace"),
        ("server_url", "https://github.com"),
        ("repository", "AdaLovelace/Claims-Assistant"),
        ("run_id", "42"),
        ("event_name", "push"),
    ]
    .into_iter()
    .collect();
    // The run's own workflow (what a called workflow sees as its caller).
    let own_name = Box::leak(workflow["name"].as_str().unwrap().to_owned().into_boxed_str());
    github.insert("workflow", scenario.called_by.unwrap_or(own_name));
    let (mut outcomes, mut outputs) = (BTreeMap::new(), BTreeMap::new());
    let (mut failed, mut cancelled) = (false, false);
    let mut steps = Vec::new();
    let mut printed = String::new();
    for (index, step) in job_yaml["steps"].as_sequence().unwrap().iter().enumerate() {
        let name = step["name"].as_str().unwrap().to_owned();
        let id = step.as_mapping_get("id").and_then(Yaml::as_str).map_or(format!("__{index}"), str::to_owned);
        let context = Context {
            failed,
            cancelled,
            outcomes: &outcomes,
            outputs: &outputs,
            secrets: &scenario.secrets,
            github: &github,
            inputs: &scenario.inputs,
        };
        let condition = step.as_mapping_get("if").and_then(Yaml::as_str).unwrap_or("success()");
        // Without a status function, GitHub adds `success() &&`.
        let runs = context.eval(condition).truthy()
            && (["failure()", "cancelled()", "always()", "success()"].iter().any(|f| condition.contains(f))
                || (!failed && !cancelled));
        if !runs {
            outcomes.insert(id, "skipped");
            steps.push((name, "skipped"));
            continue;
        }
        let outcome = match step.as_mapping_get("run").and_then(Yaml::as_str) {
            _ if scenario.fail_step.is_some_and(|failing| name.starts_with(failing)) => "failure",
            None => "success", // An action: checkout, a sign-in.
            Some(script) => {
                let mut command = Command::new("bash");
                command.arg("-e").arg("-c").arg(script).current_dir(&checkout).env_clear();
                command.env("PATH", format!("{}:/usr/bin:/bin", tools.display()));
                command.env("CALLS", &calls).env("FAIL_WHEN", &fail_when);
                command.env("GITHUB_REPOSITORY", "AdaLovelace/Claims-Assistant").env("GITHUB_RUN_ID", "42");
                command.env("GITHUB_ENV", &github_env);
                let github_output = dir.join(format!("output-{index}"));
                std::fs::write(&github_output, "").unwrap();
                command.env("GITHUB_OUTPUT", &github_output);
                for line in std::fs::read_to_string(&github_env).unwrap().lines() {
                    if let Some((k, v)) = line.split_once('=') {
                        command.env(k, v);
                    }
                }
                for level in [workflow, job_yaml, step] {
                    let env = level.as_mapping_get("env").and_then(Yaml::as_mapping);
                    for (k, v) in env.into_iter().flatten() {
                        let value =
                            v.as_str().map(str::to_owned).unwrap_or_else(|| format!("{}", v.as_integer().unwrap()));
                        let value = match (k.as_str().unwrap(), &scenario.webhook) {
                            ("WEBHOOK_URL", Some(url)) => url.clone(),
                            _ => context.fill(&value),
                        };
                        command.env(k.as_str().unwrap(), value);
                    }
                }
                let status = command.output().unwrap();
                printed.push_str(&String::from_utf8_lossy(&status.stdout));
                printed.push_str(&String::from_utf8_lossy(&status.stderr));
                let mut produced = BTreeMap::new();
                for line in std::fs::read_to_string(&github_output).unwrap().lines() {
                    if let Some((k, v)) = line.split_once('=') {
                        produced.insert(k.to_owned(), v.to_owned());
                    }
                }
                outputs.insert(id.clone(), produced);
                if status.status.success() {
                    "success"
                } else {
                    "failure"
                }
            }
        };
        let keep_going = step.as_mapping_get("continue-on-error").and_then(Yaml::as_bool).unwrap_or(false);
        if outcome == "failure" && !keep_going {
            failed = true;
        }
        outcomes.insert(id, outcome);
        steps.push((name.clone(), outcome));
        if scenario.cancel_after.is_some_and(|after| name.starts_with(after)) {
            cancelled = true;
        }
    }
    let calls = std::fs::read_to_string(&calls).unwrap().lines().map(str::to_owned).collect();
    std::fs::remove_dir_all(&dir).unwrap();
    Ran { steps, calls, failed, printed }
}

/// What a whole run did: each job by its id (a called workflow's jobs as `caller/job`), in
/// the order they ran, with what it did, or `None` when it was skipped.
struct WholeRun {
    jobs: Vec<(String, Option<Ran>)>,
}

impl WholeRun {
    /// `success`, `failure` or `skipped`, as GitHub shows a job.
    fn result(&self, id: &str) -> &'static str {
        match self.jobs.iter().find(|(job, _)| job == id).unwrap_or_else(|| panic!("no job {id}: {:?}", self.ids())) {
            (_, None) => "skipped",
            (_, Some(ran)) if ran.failed => "failure",
            _ => "success",
        }
    }

    fn job(&self, id: &str) -> &Ran {
        self.jobs
            .iter()
            .find(|(job, _)| job == id)
            .and_then(|(_, ran)| ran.as_ref())
            .unwrap_or_else(|| panic!("{id} did not run"))
    }

    fn ids(&self) -> Vec<&str> {
        self.jobs.iter().map(|(id, _)| id.as_str()).collect()
    }

    /// Every tool call of the run, job after job.
    fn calls(&self) -> Vec<&str> {
        self.jobs
            .iter()
            .filter_map(|(_, ran)| ran.as_ref())
            .flat_map(|ran| ran.calls.iter().map(String::as_str))
            .collect()
    }
}

/// Runs every job of the workflow `file` as GitHub runs a workflow: a job starts once every
/// job it `needs:` succeeded and is skipped otherwise (no generated job has an `if:` of its
/// own), a skipped or failed job skipping those that need it in turn. A job that `uses:`
/// a workflow of the repository runs that workflow's jobs, called by this one (its
/// `github.workflow`), with only the secrets the job passes. `files` gives a workflow's text
/// by its file name.
fn run_workflow(files: &dyn Fn(&str) -> String, file: &str, scenario: &Scenario) -> WholeRun {
    let text = files(file);
    let docs = Yaml::load_from_str(&text).unwrap();
    let workflow = &docs[0];
    let name: &'static str = Box::leak(workflow["name"].as_str().unwrap().to_owned().into_boxed_str());
    let mut run = WholeRun { jobs: Vec::new() };
    let mut pending: Vec<(&Yaml, &Yaml)> = workflow["jobs"].as_mapping().unwrap().iter().collect();
    while !pending.is_empty() {
        let decided = |id: &str| run.jobs.iter().any(|(job, _)| job == id);
        let needs = |job: &Yaml| -> Vec<String> {
            let needs = job.as_mapping_get("needs");
            needs.and_then(Yaml::as_sequence).map_or_else(
                || needs.and_then(Yaml::as_str).map(str::to_owned).into_iter().collect(),
                |list| list.iter().map(|n| n.as_str().unwrap().to_owned()).collect(),
            )
        };
        let ready =
            pending.iter().position(|(_, job)| needs(job).iter().all(|n| decided(n))).expect("no cycle of needs");
        let (id, job) = pending.remove(ready);
        let id = id.as_str().unwrap().to_owned();
        assert!(job.as_mapping_get("if").is_none(), "{file}: the harness does not evaluate a job's if:");
        if needs(job).iter().any(|n| run.result(n) != "success") {
            run.jobs.push((id, None));
            continue;
        }
        match job.as_mapping_get("uses").and_then(Yaml::as_str) {
            Some(called) => {
                let called = called.strip_prefix("./.github/workflows/").expect("a workflow of the repository");
                // Only the secrets passed reach the called workflow (and the job token).
                let mut secrets = BTreeMap::from([("GITHUB_TOKEN", "token")]);
                for (key, value) in job.as_mapping_get("secrets").and_then(Yaml::as_mapping).into_iter().flatten() {
                    let from = value.as_str().unwrap().trim_start_matches("${{ secrets.").trim_end_matches(" }}");
                    secrets.insert(
                        Box::leak(key.as_str().unwrap().to_owned().into_boxed_str()),
                        scenario.secrets.get(from).copied().unwrap_or(""),
                    );
                }
                let inner = Scenario { called_by: Some(name), secrets, ..scenario.clone() };
                for (job, ran) in run_workflow(files, called, &inner).jobs {
                    run.jobs.push((format!("{id}/{job}"), ran));
                }
                // The calling job's own result: failed when one of the called jobs failed.
                let failed = run
                    .jobs
                    .iter()
                    .any(|(job, ran)| job.starts_with(&format!("{id}/")) && ran.as_ref().is_some_and(|ran| ran.failed));
                let result = Ran { steps: Vec::new(), calls: Vec::new(), failed, printed: String::new() };
                run.jobs.push((id, Some(result)));
            }
            None => {
                let ran = run_job_of(&text, &id, scenario);
                run.jobs.push((id, Some(ran)));
            }
        }
    }
    run
}

#[test]
fn blue_green_on_kubernetes_switches_only_a_tested_slot_and_switches_back_on_failure() {
    let file = "deploy-production-blue-green-kubernetes.yml";
    // The happy path: blue is live, green gets the build, is tested, takes the traffic.
    let ran = run_job(file, "deploy", &Scenario::new());
    assert!(!ran.failed, "{:#?}", ran.steps);
    assert!(ran.at("docker build") < ran.at("kubectl set image deployment/claims-assistant-green"));
    assert!(ran.at("./deploy/migrate.sh") < ran.at("kubectl create secret generic claims-assistant-secrets"));
    assert!(ran.at("kubectl run smoke-42") < ran.at("kubectl patch service claims-assistant"));
    assert!(ran.called("\"slot\":\"green\""));
    assert_eq!(ran.outcome("Roll back"), "skipped");

    // A failing smoke test: traffic never moves, and the run fails.
    let mut smoke = Scenario::new();
    smoke.fail_when.push("kubectl run smoke-42");
    let ran = run_job(file, "deploy", &smoke);
    assert!(ran.failed);
    assert!(!ran.called("kubectl patch service"), "{:#?}", ran.calls);
    assert_eq!(ran.outcome("Switch traffic"), "skipped");
    assert_eq!(ran.outcome("Roll back"), "skipped");

    // Production unhealthy after the switch: traffic goes back to blue.
    let mut unhealthy = Scenario::new();
    unhealthy.fail_when.push("https://claims.example.com/health");
    let ran = run_job(file, "deploy", &unhealthy);
    assert!(ran.failed);
    assert_eq!(ran.outcome("Roll back"), "success");
    assert!(ran.at("\"slot\":\"green\"") < ran.at("\"slot\":\"blue\""), "{:#?}", ran.calls);

    // Cancelled once traffic moved: the way back runs all the same.
    let mut cancelled = Scenario::new();
    cancelled.cancel_after = Some("Switch traffic");
    let ran = run_job(file, "deploy", &cancelled);
    assert_eq!(ran.outcome("Check production after the switch"), "skipped");
    assert_eq!(ran.outcome("Roll back"), "success");
    assert!(ran.called("\"slot\":\"blue\""));

    // A missing secret: named by the first step, and nothing is deployed.
    let mut missing = Scenario::new();
    missing.secrets.insert("KUBE_CONFIG", "");
    let ran = run_job(file, "deploy", &missing);
    assert_eq!(ran.steps[0], ("Check that every secret is set".to_owned(), "failure"));
    assert!(ran.calls.is_empty(), "{:#?}", ran.calls);
}

#[test]
fn a_canary_on_kubernetes_rolls_back_at_any_stage_and_restores_what_ran_before_after_promotion() {
    let file = "deploy-production-canary-kubernetes.yml";
    let ran = run_job(file, "deploy", &Scenario::new());
    assert!(!ran.failed, "{:#?}", ran.steps);
    // The canary is scaled up before it is deployed (a rollback scaled it to zero), and the
    // stages come in order, each watched.
    assert!(
        ran.at("kubectl scale deployment/claims-assistant-canary --replicas=1")
            < ran.at("kubectl set image deployment/claims-assistant-canary")
    );
    assert!(ran.at("canary-weight=10") < ran.at("PERCENT=10") && ran.at("PERCENT=10") < ran.at("canary-weight=25"));
    assert!(ran.at("canary-weight=50") < ran.at("kubectl set image deployment/claims-assistant app="));
    assert!(!ran.called("rollout undo"));

    // A breach at 25%: the canary gets no more traffic, is rolled back, and stable serves.
    let mut breach = Scenario::new();
    breach.fail_when.push("PERCENT=25");
    let ran = run_job(file, "deploy", &breach);
    assert!(ran.failed);
    assert!(!ran.called("canary-weight=50"), "{:#?}", ran.calls);
    assert!(!ran.called("kubectl set image deployment/claims-assistant app="), "stable keeps serving what it served");
    assert_eq!(ran.outcome("Promote the canary"), "skipped");
    assert_eq!(ran.outcome("Roll back: restore"), "skipped");
    assert_eq!(ran.outcome("Roll back the canary"), "success");
    assert!(ran.called("--replicas=0"));
    // ... and the next deploy works: it brings the canary back first.
    let ran = run_job(file, "deploy", &Scenario::new());
    assert!(!ran.failed && ran.at("--replicas=1") < ran.at("canary-weight=10"));

    // Production unhealthy after the promotion: the previous version is restored.
    let mut after = Scenario::new();
    after.fail_when.push("https://claims.example.com/health");
    let ran = run_job(file, "deploy", &after);
    assert!(ran.failed);
    assert_eq!(ran.outcome("Roll back: restore"), "success");
    assert!(
        ran.at("kubectl set image deployment/claims-assistant app=")
            < ran.at("kubectl rollout undo deployment/claims-assistant")
    );
    assert_eq!(ran.outcome("Roll back the canary"), "success");
}

#[test]
fn azure_canary_swaps_back_after_a_failed_promotion() {
    let mut after = Scenario::new();
    after.fail_when.push("https://claims.example.com/health");
    let ran = run_job("deploy-production-canary-azure-webapp.yml", "deploy", &after);
    assert!(ran.failed);
    let swaps: Vec<&String> = ran.calls.iter().filter(|c| c.contains("slot swap")).collect();
    assert_eq!(swaps.len(), 2, "the promotion's swap, then the swap back: {:#?}", ran.calls);
    assert!(ran.called(
        "az webapp config appsettings set --resource-group rg-claims-production --name claims-assistant --slot canary"
    ));
}

/// A receiver on 127.0.0.1 that answers `ok` to each POST and keeps the bodies.
fn webhook_receiver() -> (String, std::sync::mpsc::Receiver<String>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(10) {
            let Ok(mut stream) = stream else { break };
            let mut request = Vec::new();
            let mut buffer = [0; 4096];
            loop {
                let n = stream.read(&mut buffer).unwrap_or(0);
                request.extend_from_slice(&buffer[..n]);
                let text = String::from_utf8_lossy(&request).into_owned();
                if let Some((head, body)) = text.split_once("\r\n\r\n") {
                    let length: usize = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap())
                        })
                        .unwrap_or(0);
                    if body.len() >= length || n == 0 {
                        let _ = send.send(body.to_owned());
                        break;
                    }
                } else if n == 0 {
                    break;
                }
            }
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        }
    });
    (url, receive)
}

#[test]
fn monitoring_with_the_endpoint_down_sends_one_critical_alert_in_slacks_form() {
    let (url, received) = webhook_receiver();
    let mut down = Scenario::new();
    down.secrets.insert("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/X");
    down.webhook = Some(url);
    // The API health check (10 s timeout); the model endpoint (20 s) still answers.
    down.fail_when.push("--max-time 10 https://claims.example.com/health");
    let ran = run_job("monitoring-slack.yml", "monitor", &down);
    assert!(ran.failed, "the run ends red: {:#?}", ran.steps);
    assert_eq!(ran.outcome("Check API health"), "failure");
    assert_eq!(ran.outcome("Alert: API health is down"), "success");
    assert_eq!(ran.outcome("Alert: Model API is down"), "skipped");
    let body = received.recv_timeout(std::time::Duration::from_secs(5)).unwrap();
    let payload: serde_json::Value = serde_json::from_str(&body).unwrap();
    let text = payload["text"].as_str().unwrap();
    assert!(
        text.starts_with(
            "*[CRITICAL]* API health is down <!here>\nhttps://github.com/AdaLovelace/Claims-Assistant/actions/runs/42"
        ),
        "{text}"
    );
    assert!(received.recv_timeout(std::time::Duration::from_millis(300)).is_err(), "one alert only");
}

/// The canary's watch steps with the metric check the `.zip` ships, against Prometheus: a
/// healthy canary goes all the way, a breach and a check that could not run both roll back
/// at the first stage, each said as what it is.
#[test]
fn the_shipped_metric_check_decides_the_canary_rollout() {
    let file = "deploy-production-canary-kubernetes.yml";
    let with = |prometheus| Scenario { prometheus: Some(prometheus), ..Scenario::new() };
    let ran = run_job(file, "deploy", &with(Prometheus::ErrorRate(0.4)));
    assert!(!ran.failed, "{:#?}\n{}", ran.steps, ran.printed);
    assert_eq!(ran.calls.iter().filter(|c| c.contains("/api/v1/query")).count(), 3, "one query a stage");
    assert!(ran.printed.contains("error rate is 0.4% (the canary, last 5 min), within the limit of 1%."));

    let ran = run_job(file, "deploy", &with(Prometheus::ErrorRate(3.2)));
    assert!(ran.failed);
    assert!(
        ran.printed.contains("error rate is 3.2% (the canary, last 5 min), past the limit of 1%."),
        "{}",
        ran.printed
    );
    assert!(ran.printed.contains("::error::error rate is past 1% at 10% of the traffic: rolling back."));
    assert!(!ran.called("canary-weight=25"));
    assert_eq!(ran.outcome("Roll back the canary"), "success");

    let ran = run_job(file, "deploy", &with(Prometheus::Down));
    assert!(ran.failed);
    assert!(ran.printed.contains("::error::The check did not run: Prometheus did not answer."), "{}", ran.printed);
    assert!(ran.printed.contains(
        "::error::The metric check did not run (exit status 2): error rate at 10% is unknown, so the rollout stops and rolls back."
    ));
    assert!(!ran.printed.contains("rolling back."), "not reported as a breach");
    assert!(!ran.called("canary-weight=25"));
    assert_eq!(ran.outcome("Roll back the canary"), "success");
}

/// monitoring.yml's rule with the shipped check against Prometheus: a broken rule sends
/// its alert once; a check that could not run sends none (it is no breach) and turns the
/// run red, so someone mends the check.
#[test]
fn the_shipped_metric_check_alerts_a_broken_rule_and_never_a_check_that_did_not_run() {
    let scenario = |prometheus, url: &str| {
        let mut scenario = Scenario { prometheus: Some(prometheus), ..Scenario::new() };
        scenario.secrets.insert("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/X");
        scenario.webhook = Some(url.to_owned());
        scenario
    };
    let (url, received) = webhook_receiver();
    let ran = run_job("pipeline/monitoring.yml", "monitor", &scenario(Prometheus::ErrorRate(0.4), &url));
    assert!(!ran.failed, "{:#?}\n{}", ran.steps, ran.printed);
    assert!(received.recv_timeout(std::time::Duration::from_millis(300)).is_err(), "no alert");

    let ran = run_job("pipeline/monitoring.yml", "monitor", &scenario(Prometheus::ErrorRate(7.5), &url));
    assert!(ran.failed);
    assert_eq!(ran.outcome("Alert: Error rate: above 5% for 5 minutes"), "success");
    assert_eq!(ran.outcome("Fail the run when a check did not run"), "skipped");
    let body = received.recv_timeout(std::time::Duration::from_secs(5)).unwrap();
    assert!(body.contains("[CRITICAL]* Error rate: above 5% for 5 minutes"), "{body}");
    assert!(received.recv_timeout(std::time::Duration::from_millis(300)).is_err(), "one alert only");

    let ran = run_job("pipeline/monitoring.yml", "monitor", &scenario(Prometheus::Down, &url));
    assert!(ran.failed, "red, so the check gets mended");
    assert_eq!(ran.outcome("Alert: Error rate: above 5% for 5 minutes"), "skipped");
    assert_eq!(ran.outcome("Fail the run when a check failed"), "skipped");
    assert_eq!(ran.outcome("Fail the run when a check did not run"), "failure");
    assert!(ran.printed.contains(
        "::warning::The check did not run (exit status 2): Error rate: above 5% for 5 minutes is unknown this round."
    ));
    assert!(
        received.recv_timeout(std::time::Duration::from_millis(300)).is_err(),
        "no alert for a check that did not run"
    );
}

/// The capstone's way to production, as GitHub runs it. Where the plan has reviewers,
/// staging calls production as a job of its own run: the staging check is skipped (staging
/// passed in this very run), never when staging was renamed (the check then runs, finds no
/// finished staging run, and stops loudly). Started by hand, on any plan, production
/// deploys only a commit `gh` finds a successful staging run for.
#[test]
fn production_runs_after_staging_or_by_hand_and_never_skips_the_staging_check_by_accident() {
    let staging = run_job("pipeline/deploy-staging.yml", "deploy", &Scenario::new());
    assert!(!staging.failed, "{:#?}", staging.steps);
    assert!(staging.called("docker push ghcr.io/adalovelace/claims-assistant:0123abcd"));

    let called = Scenario { called_by: Some("Deploy to staging"), staging_run: None, ..Scenario::new() };
    let ran = run_job("pipeline/deploy-production.yml", "deploy", &called);
    assert!(!ran.failed, "{:#?}", ran.steps);
    assert_eq!(ran.outcome("Check that staging passed this commit"), "skipped");
    assert!(!ran.called("gh run list"));
    assert!(ran.called("docker manifest inspect ghcr.io/adalovelace/claims-assistant:0123abcd"), "staging's image");
    assert!(!ran.called("docker push"), "no second build");

    let renamed = Scenario { called_by: Some("Staging"), staging_run: None, ..Scenario::new() };
    let ran = run_job("pipeline/deploy-production.yml", "deploy", &renamed);
    assert!(ran.failed);
    assert_eq!(ran.outcome("Check that staging passed this commit"), "failure");
    assert!(!ran.called("kubectl"), "nothing deployed: {:#?}", ran.calls);

    for file in ["pipeline/deploy-production.yml", "pipeline/deploy-production-unprotected.yml"] {
        let ran = run_job(file, "deploy", &Scenario { staging_run: None, ..Scenario::new() });
        assert!(ran.failed, "{file}");
        assert!(
            ran.printed.contains("::error::Commit 0123abcd has no successful run of deploy-staging.yml."),
            "{file}"
        );
        assert!(!ran.called("kubectl"), "{file}: nothing deployed");
        let ran = run_job(file, "deploy", &Scenario::new());
        assert!(!ran.failed, "{file}: {:#?}", ran.steps);
        assert!(ran.at("gh run list") < ran.at("kubectl set image"), "{file}");
        assert!(ran.printed.contains("Staging passed 0123abcd in run 4711."), "{file}");
    }
}

/// Every strategy on every platform under every plan, generated as the `.zip` ships them,
/// staging run whole (`run_workflow`): validate and test pass, staging deploys, production
/// runs (called by staging where the plan has reviewers, by hand after the staging check
/// elsewhere) without building again; a failing smoke test stops production before any
/// traffic moves, a canary rolled back. A failing test skips staging and production, with
/// nothing built; staging's smoke test failing skips production.
#[test]
fn every_strategy_platform_and_plan_reaches_production_and_stops_at_a_failing_smoke_test() {
    use workbook::course::{find_exercise, Inputs};
    use workbook::fixtures::{module5_pipeline, module5_workbook};
    use workbook::render::generated;
    let (_, pipeline) = find_exercise("m5-2.3").unwrap();
    let mut combinations = 0;
    for strategy in ["blue-green", "canary"] {
        for platform in ["script", "kubernetes", "azure-webapp"] {
            for plan in ["public", "enterprise", "pro-team", "unprotected"] {
                let mut workbook = module5_workbook(strategy, platform, "slack");
                workbook.exercises.insert("m5-2.3".into(), module5_pipeline("python", plan));
                let answers = pipeline.answers_in(&workbook);
                let text = |name: &str| {
                    let file = pipeline.files.iter().find(|f| f.path.ends_with(name)).unwrap();
                    generated::text(pipeline, file, &Inputs::new(&answers, &workbook))
                };
                let case = format!("{strategy} on {platform}, {plan}");
                // The whole staging run: validate and test, then staging, then (where the
                // plan has reviewers) production, called by it.
                let run = run_workflow(&text, "deploy-staging.yml", &Scenario::new());
                let called = matches!(plan, "public" | "enterprise");
                let mut jobs = vec!["validate/validate", "validate", "test/test", "test", "deploy"];
                if called {
                    jobs.extend(["production/deploy", "production"]);
                }
                assert_eq!(run.ids(), jobs, "{case}");
                for job in &jobs {
                    assert_eq!(run.result(job), "success", "{case}: {job} {:#?}", run.job(job).steps);
                }
                let by_hand;
                let ran = if called {
                    run.job("production/deploy")
                } else {
                    by_hand = run_workflow(&text, "deploy-production.yml", &Scenario::new());
                    by_hand.job("deploy")
                };
                let started = Scenario { called_by: called.then_some("Deploy to staging"), ..Scenario::new() };
                let production = text("deploy-production.yml");
                let check = ran.outcome("Check that staging passed this commit");
                assert_eq!(check, if called { "skipped" } else { "success" }, "{case}");
                assert!(!ran.steps.iter().any(|(name, _)| name == "Build once"), "{case}: no second build");
                for (name, outcome) in &ran.steps {
                    let expected =
                        if name.starts_with("Roll back") || (called && name.starts_with("Check that staging")) {
                            "skipped"
                        } else {
                            "success"
                        };
                    assert_eq!(outcome, &expected, "{case}: {name}");
                }

                let smoke_fails = Scenario { fail_step: Some("Smoke test"), ..started };
                let ran = run_job_of(&production, "deploy", &smoke_fails);
                assert!(ran.failed, "{case}");
                let traffic = ran
                    .steps
                    .iter()
                    .filter(|(name, _)| name.starts_with("Switch traffic") || name.starts_with("Send "))
                    .map(|(_, outcome)| *outcome)
                    .collect::<Vec<_>>();
                assert!(
                    !traffic.is_empty() && traffic.iter().all(|o| *o == "skipped"),
                    "{case}: traffic moved {:#?}",
                    ran.steps
                );
                if strategy == "canary" {
                    assert_eq!(ran.outcome("Roll back the canary"), "success", "{case}");
                }

                // A failing test: nothing is built or deployed, and production never starts.
                let tests_fail = Scenario { fail_when: vec!["pytest"], ..Scenario::new() };
                let run = run_workflow(&text, "deploy-staging.yml", &tests_fail);
                assert_eq!(run.result("test"), "failure", "{case}");
                assert_eq!(run.result("validate"), "success", "{case}");
                assert_eq!(run.result("deploy"), "skipped", "{case}");
                if called {
                    assert_eq!(run.result("production"), "skipped", "{case}");
                }
                let checks_only =
                    run.calls().iter().all(|call| ["pip ", "ruff ", "pytest"].iter().any(|t| call.starts_with(t)));
                assert!(checks_only, "{case}: {:#?}", run.calls());

                // Staging's smoke test failing: production never starts.
                let staging_fails = Scenario { fail_step: Some("Smoke test staging"), ..Scenario::new() };
                let run = run_workflow(&text, "deploy-staging.yml", &staging_fails);
                assert_eq!(run.result("deploy"), "failure", "{case}");
                if called {
                    assert_eq!(run.result("production"), "skipped", "{case}");
                    assert_eq!(run.ids().last(), Some(&"production"), "{case}: no production job ran");
                }
                combinations += 1;
            }
        }
    }
    assert_eq!(combinations, 24);
}

/// Every deploy the app writes (each strategy on each platform, and the capstone's staging and
/// production on both kinds of plan) runs its happy path to the end with nothing rolled
/// back, and stops at its first step, naming it, when a secret it reads is not set.
#[test]
fn every_deploy_runs_its_happy_path_and_stops_at_a_missing_secret() {
    let mut files: Vec<String> = ["blue-green", "canary"]
        .iter()
        .flat_map(|s| ["script", "kubernetes", "azure-webapp"].map(move |p| format!("deploy-production-{s}-{p}.yml")))
        .collect();
    files.extend(
        ["pipeline/deploy-staging.yml", "pipeline/deploy-production.yml", "pipeline/deploy-production-unprotected.yml"]
            .map(String::from),
    );
    for file in &files {
        let ran = run_job(file, "deploy", &Scenario::new());
        assert!(!ran.failed, "{file}: {:#?}", ran.steps);
        for (name, outcome) in &ran.steps {
            let expected = if name.starts_with("Roll back") { "skipped" } else { "success" };
            assert_eq!(*outcome, expected, "{file}: {name}");
        }
        let mut missing = Scenario::new();
        missing.secrets.insert("AI_API_KEY", "");
        let ran = run_job(file, "deploy", &missing);
        assert_eq!(ran.steps[0], ("Check that every secret is set".to_owned(), "failure"), "{file}");
        assert!(ran.calls.is_empty(), "{file}: nothing runs after it: {:#?}", ran.calls);
    }
}

/// "Your own scripts": each step calls its script, and the `.zip` ships each script holding
/// the command the participant wrote for that step. Run with those scripts, the deploy goes
/// through them to the participant's tools, in order, with the values the workflow gives
/// (the idle slot, the image); a failing smoke test stops it before traffic moves; a step
/// they left at the app's call stops the run at that step, saying what to write.
#[test]
fn your_own_scripts_ship_the_participants_commands_and_the_deploy_runs_them() {
    use workbook::course::{find_exercise, Inputs};
    use workbook::fixtures::module5_workbook;
    use workbook::render::generated;
    let (_, deployment) = find_exercise("m5-2.1").unwrap();
    let mut workbook = module5_workbook("blue-green", "script", "slack");
    let answers = workbook.exercises.get_mut("m5-2.1").unwrap();
    answers.set_text("migration_command", String::new());
    for (field, command) in [
        ("build_command", "docker build --tag \"$IMAGE\" .\ndocker push \"$IMAGE\""),
        ("live_slot_command", "kubectl --context on-prem get service claims --output jsonpath='{.spec.selector.slot}'"),
        ("deploy_command", "kubectl --context on-prem set image deployment/\"claims-$SLOT\" app=\"$IMAGE\""),
        ("smoke_test_command", "curl --fail --silent --show-error \"https://$SLOT.claims.internal/health\""),
        ("switch_command", "kubectl --context on-prem patch service claims --patch \"{\\\"spec\\\":{\\\"selector\\\":{\\\"slot\\\":\\\"$SLOT\\\"}}}\""),
    ] {
        answers.set_text(field, command.to_owned());
    }
    let shipped = |workbook: &workbook::model::Workbook| {
        let answers = deployment.answers_in(workbook);
        let inputs = Inputs::new(&answers, workbook);
        let workflow = generated::text(deployment, &deployment.files[0], &inputs);
        let scripts: Vec<(&'static str, String)> =
            (deployment.scripts)(&inputs).into_iter().map(|script| (script.path, script.text)).collect();
        (workflow, scripts)
    };
    let (workflow, scripts) = shipped(&workbook);
    let paths: Vec<&str> = scripts.iter().map(|(path, _)| *path).collect();
    assert_eq!(
        paths,
        [
            "deploy/build.sh",
            "deploy/live-slot.sh",
            "deploy/deploy.sh",
            "deploy/smoke-test.sh",
            "deploy/switch-traffic.sh"
        ]
    );
    // The workflow calls the scripts; the commands are in them, not in the workflow.
    assert!(workflow.contains("run: ./deploy/deploy.sh \"$SLOT\" \"$IMAGE\""), "{workflow}");
    assert!(!workflow.contains("on-prem"), "{workflow}");
    let deploy = &scripts[2].1;
    assert!(deploy.contains("# Your \"Deploy command\" from Exercise 2.1."), "{deploy}");
    assert!(deploy.contains("export SLOT=\"$1\"\nexport IMAGE=\"$2\"\n"), "{deploy}");

    let ran = run_job_of(&workflow, "deploy", &Scenario { shipped: scripts.clone(), ..Scenario::new() });
    assert!(!ran.failed, "{:#?}\n{}", ran.steps, ran.printed);
    let image = "ghcr.io/adalovelace/claims-assistant:0123abcd";
    let in_order = [
        format!("docker build --tag {image} ."),
        format!("docker push {image}"),
        "kubectl --context on-prem get service claims".to_owned(),
        format!("kubectl --context on-prem set image deployment/claims-green app={image}"),
        "curl --fail --silent --show-error https://green.claims.internal/health".to_owned(),
        "kubectl --context on-prem patch service claims --patch {\"spec\":{\"selector\":{\"slot\":\"green\"}}}"
            .to_owned(),
    ];
    let positions: Vec<usize> = in_order.iter().map(|call| ran.at(call)).collect();
    assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{:#?}", ran.calls);

    let smoke_fails = Scenario { shipped: scripts, fail_when: vec!["green.claims.internal"], ..Scenario::new() };
    let ran = run_job_of(&workflow, "deploy", &smoke_fails);
    assert!(ran.failed);
    assert!(!ran.called("patch service"), "traffic moved: {:#?}", ran.calls);

    // The switch left at the app's call: its script says what to write, and the run stops there.
    let (_, default) = find_exercise("m5-2.1").unwrap();
    let drafted =
        default.answers_in(&module5_workbook("blue-green", "script", "slack")).text("switch_command").to_owned();
    workbook.exercises.get_mut("m5-2.1").unwrap().set_text("switch_command", drafted);
    let (workflow, scripts) = shipped(&workbook);
    let ran = run_job_of(&workflow, "deploy", &Scenario { shipped: scripts, ..Scenario::new() });
    assert!(ran.failed);
    assert_eq!(ran.outcome("Switch traffic to the new slot"), "failure");
    assert!(
        ran.printed.contains(
            "::error::deploy/switch-traffic.sh is not written yet: it must send all traffic to the slot green."
        ),
        "{}",
        ran.printed
    );
}
