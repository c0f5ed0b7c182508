//! What the capstone computes beyond the workflows: the commands drafted per language and
//! platform, where each secret lives, the repository settings checklist, and the pipeline
//! diagram.

use crate::course::progress::exercise_progress;
use crate::course::{find_exercise, ChoiceOption, Drawing, Grid, Inputs};
use crate::diagram::{Edge, Graph, Node};
use crate::workflow::secrets_read;

fn language<'a>(a: &'a Inputs<'a>) -> &'a str {
    a.text("language")
}

fn owned(text: &str) -> Option<String> {
    Some(text.to_owned())
}

pub(super) fn language_version(a: &Inputs) -> Option<String> {
    owned(match language(a) {
        "python" => "3.12",
        "node" => "20",
        "go" => "1.22",
        _ => "",
    })
}

pub(super) fn install_command(a: &Inputs) -> Option<String> {
    owned(match language(a) {
        "python" => "pip install -r requirements.txt",
        "node" => "npm ci",
        "go" => "go mod download",
        _ => "",
    })
}

pub(super) fn validate_command(a: &Inputs) -> Option<String> {
    owned(match language(a) {
        "python" => "ruff check .",
        "node" => "npm run lint",
        "go" => "go vet ./...",
        _ => "./scripts/validate.sh",
    })
}

pub(super) fn test_command(a: &Inputs) -> Option<String> {
    owned(match language(a) {
        "python" => "pytest",
        "node" => "npm test",
        "go" => "go test ./...",
        _ => "./scripts/test.sh",
    })
}

/// The staging deploy for Exercise 2.1's platform.
pub(super) fn staging_deploy_command(a: &Inputs) -> Option<String> {
    owned(match a.other("m5-2.1").text("platform") {
        "kubernetes" => {
            "kubectl --namespace staging set image deployment/\"$APP_NAME\" app=\"$IMAGE\"\nkubectl --namespace staging rollout status deployment/\"$APP_NAME\" --timeout=5m"
        }
        "azure-webapp" => "az webapp deploy --resource-group \"$RESOURCE_GROUP\" --name \"$APP_NAME-staging\" --src-path app.zip",
        _ => "./deploy/deploy.sh staging \"$IMAGE\"",
    })
}

/// Whether the repository's plan has required reviewers: public repositories, and private
/// or internal ones on Enterprise (GitHub's "About environments"). Pro and Team have
/// environments without them. Until the plan is answered, no: production is then started
/// by hand, never deployed with no one's approval.
pub(crate) fn reviewers(a: &Inputs) -> bool {
    matches!(a.text("protection"), "public" | "enterprise")
}

/// Whether the plan has environments at all: not private repositories on GitHub Free.
pub(crate) fn environments(a: &Inputs) -> bool {
    a.text("protection") != "unprotected"
}

/// What protects production, in the participant's case (`docs/environments.md` says it).
pub(super) fn production_gate(a: &Inputs) -> Option<String> {
    let who = match a.text("approvers").trim() {
        "" => "the approvers you name",
        named => named,
    };
    Some(match a.text("protection") {
        "public" | "enterprise" => format!("Required reviewers ({who}) on the production environment: GitHub holds every production deploy until one of them approves it. A deploy started by hand also checks that staging passed its commit."),
        plan @ ("pro-team" | "unprotected") => format!(
            "{}, so nothing in GitHub can hold a deploy for approval: deploy-production.yml never starts by itself. {who} start it by hand (Actions → Deploy to production → Run workflow), and it deploys only a commit that passed staging.",
            if plan == "unprotected" { "No environments on GitHub Free for a private repository" } else { "No required reviewers on Pro or Team for a private repository (GitHub Enterprise only)" }
        ),
        _ => return None,
    })
}

/// Whether another exercise of the module is fully answered.
pub(crate) fn exercise_complete(a: &Inputs, key: &str) -> bool {
    find_exercise(key).is_some_and(|(_, exercise)| exercise_progress(exercise, &a.other(key)).is_complete())
}

pub(super) const CHECKLIST: &[ChoiceOption] = &[
    ChoiceOption {
        value: "staging-environment",
        label: "A staging environment",
        detail: "Settings → Environments → New environment “staging”; deployment branches: main.",
    },
    ChoiceOption {
        value: "production-environment",
        label: "A production environment",
        detail: "Its name as in Exercise 2.1; deployment branches: main only.",
    },
    ChoiceOption {
        value: "protection",
        label: "Required reviewers on production",
        detail: "Up to six people or teams, self-review prevented. On a plan without them: only those who may start deploy-production.yml have write access.",
    },
    ChoiceOption {
        value: "production-secrets",
        label: "Production's secrets on the production environment",
        detail: "AI_API_KEY and the platform credentials as environment secrets (staging gets its own). Without environments: repository secrets.",
    },
    ChoiceOption {
        value: "repository-secrets",
        label: "The alert webhook as a repository secret",
        detail: "Settings → Secrets and variables → Actions → New repository secret.",
    },
    ChoiceOption {
        value: "monitoring-on",
        label: "Monitoring on the default branch, its test alert received",
        detail: "Actions → Monitoring → Run workflow with “Send a test alert”.",
    },
];

/// Whether every checklist item named is ticked.
pub(crate) fn ticked(a: &Inputs, items: &[&str]) -> bool {
    let done = a.selected("done");
    items.iter().all(|item| done.contains(item))
}

/// Each secret the pipeline's workflows read, as they are exported (edited ones included):
/// where it is set and which workflows read it. The alert webhook, read only by
/// monitoring, is a repository secret; the deploys' secrets follow the plan.
pub(super) fn secret_scopes(a: &Inputs) -> Option<Grid> {
    let environment = if environments(a) {
        "Environment secret in production; staging has its own"
    } else {
        "Repository secret (no environments on this plan)"
    };
    let texts: Vec<(&str, String)> =
        super::PIPELINE.files.iter().map(|file| (file.name(), file.exported_text(a))).collect();
    // Each secret with the files that read it, in order of first use.
    let mut read_by: Vec<(&str, String)> = Vec::new();
    for (file, text) in &texts {
        for name in secrets_read(text) {
            match read_by.iter_mut().find(|(known, _)| *known == name) {
                Some((_, files)) => {
                    files.push_str(", ");
                    files.push_str(file);
                }
                None => read_by.push((name, (*file).to_owned())),
            }
        }
    }
    // GitHub's own token last: nothing to set.
    let given = |name: &str| name == "GITHUB_TOKEN";
    let rows = read_by
        .iter()
        .filter(|(name, _)| !given(name))
        .chain(read_by.iter().filter(|(name, _)| given(name)))
        .map(|(name, files)| {
            let lives = if given(name) {
                "Given by GitHub to every run; nothing to set"
            } else if files == "monitoring.yml" {
                "Repository secret"
            } else {
                environment
            };
            vec![(*name).to_owned(), lives.to_owned(), files.clone()]
        })
        .collect();
    Some(Grid { header: vec!["Secret".into(), "Where it lives".into(), "Read by".into()], rows })
}

/// The pipeline as a graph: triggers, the checks, staging, the approval gate, production,
/// and monitoring with its alerts; drawn as SVG in the app and Mermaid in the document.
pub(super) fn pipeline_diagram(a: &Inputs) -> Option<Drawing> {
    let deploy = a.other("m5-2.1");
    let monitoring = a.other("m5-2.2");
    let strategy = if deploy.text("strategy") == "canary" { "canary" } else { "blue-green" };
    let alerts = match (monitoring.text("platform"), monitoring.text("channel").trim()) {
        ("discord", "") => "Discord".to_owned(),
        ("discord", channel) => format!("Discord {channel}"),
        (_, "") => "Slack".to_owned(),
        (_, channel) => format!("Slack {channel}"),
    };
    let gate =
        if reviewers(a) { "Approval by required reviewers" } else { "Started by hand, for a commit staging passed" };
    let production = format!("Deploy to production ({strategy})");
    let nodes = [
        ("Pull request", "Triggers"),
        ("Push to main", "Triggers"),
        ("Schedule", "Triggers"),
        ("Validate (validate.yml)", "Checks"),
        ("Test (test.yml)", "Checks"),
        ("Deploy to staging", "Staging"),
        (gate, "Production"),
        (production.as_str(), "Production"),
        ("Monitoring (monitoring.yml)", "Monitoring"),
        (alerts.as_str(), "Monitoring"),
    ];
    let edges: [(usize, usize, &str); 10] = [
        (0, 3, ""),
        (0, 4, ""),
        (1, 3, ""),
        (1, 4, ""),
        (3, 5, "needs"),
        (4, 5, "needs"),
        (5, 6, "succeeded"),
        (6, 7, ""),
        (2, 8, ""),
        (8, 9, "on failure"),
    ];
    let graph = Graph {
        nodes: nodes
            .iter()
            .map(|(name, group)| Node { name: (*name).to_owned(), group: (*group).to_owned() })
            .collect(),
        edges: edges
            .iter()
            .map(|(from, to, label)| Edge { from: *from, to: *to, label: (*label).to_owned() })
            .collect(),
    };
    Some(Drawing { mermaid: graph.mermaid(), svg: graph.layout().svg("Pipeline") })
}
