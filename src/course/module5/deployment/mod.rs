//! Module 5, Exercise 2.1: the deployment strategy. Source: the guide's Segment 1
//! (blue-green, canary), "Anticipated Questions" (which strategy, migrations, rollback
//! testing), "Exercise Quality Indicators" and "Common Issues to Flag" (smoke tests and
//! rollback often missing), "Known Issues" (let participants adapt to their infrastructure).
//!
//! The questions are here; the starting commands each platform drafts are in `commands.rs`
//! and the workflow written from the answers in `workflow.rs`.

pub(super) mod commands;
pub(crate) mod workflow;

use commands::*;

use crate::course::*;

pub const DEPLOYMENT: Exercise = Exercise {
    key: "m5-2.1",
    number: "2.1",
    title: "Deployment Strategy",
    summary: "A production deployment workflow, blue-green or canary, with smoke tests and automatic rollback, and the design document that explains it.",
    deliverable: "deployment-design.md",
    minutes: Some(30),
    page: None,
    sections: &[
        Section {
            id: "strategy",
            shown_when: None,
            title: "Strategy",
            intro: form_text!("How the new version reaches users: all at once after a test (blue-green), or a little at a time while a metric stays healthy (canary)."),
            guidance: form_text!(&[
                "Start with blue-green: it is simpler, proven, and gives you the instant rollback safety net. Evolve to canary as your metric tracking matures.",
                "Deploying during off-hours is not a strategy: AI systems often serve users around the clock.",
                "Two slots cost more than one: say why the safety is worth it for this system.",
            ]),
            fields: &[
                Field {
                    id: "strategy",
                    label: "Deployment strategy",
                    help: "",
                    kind: FieldKind::Choice { options: STRATEGIES },
                    optional: false,
                },
                Field {
                    id: "strategy_rationale",
                    label: "Why this strategy",
                    help: form_text!("For this system: its users, how a bad release would show, what rollback must take."),
                    kind: FieldKind::LongText { placeholder: form_text!("e.g. Claims adjusters use the assistant all day; a bad prompt change shows at once, so we want an instant switch back…") },
                    optional: false,
                },
            ],
        },
        Section {
            id: "service",
            shown_when: None,
            title: "Service and platform",
            intro: form_text!("What is deployed and where. Pick the platform closest to yours: the app drafts starting commands for it, which you replace with your own."),
            guidance: form_text!(&[
                "Focus on the principles; adapt the commands to your infrastructure.",
                "Build once: the workflow builds an image tagged with the commit and deploys that same build, never a rebuild.",
                "The health URL should prove the AI path works (a one-token call to the model), not just that the web server answers.",
            ]),
            fields: &[
                Field {
                    id: "app_name",
                    label: "Application name",
                    help: form_text!("Letters, digits and dashes; the commands read it as $APP_NAME."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. claims-assistant") },
                    optional: false,
                },
                Field {
                    id: "platform",
                    label: "Platform",
                    help: "",
                    kind: FieldKind::Choice { options: PLATFORMS },
                    optional: false,
                },
                Field {
                    id: "production_url",
                    label: "Production URL",
                    help: form_text!("Shown on the deployment in GitHub and used by the checks after the switch."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. https://claims.example.com") },
                    optional: false,
                },
                Field {
                    id: "health_url",
                    label: "Health check URL",
                    help: form_text!("Answers 200 only when the service and its model API work. The commands read it as $HEALTH_URL."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. https://claims.example.com/health") },
                    optional: false,
                },
                command("build_command", "Build command", "Runs once per release. $IMAGE names the build, tagged with the commit.", build_command),
                command("deploy_command", "Deploy command", "Puts the build live where no user sees it yet: the idle slot ($SLOT), or the canary.", deploy_command),
                command("smoke_test_command", "Smoke test command", "Fails (exits non-zero) unless the new version answers correctly. It runs before any user is sent to it.", smoke_test_command),
            ],
        },
        Section {
            id: "azure",
            shown_when: Some(Condition { field: "platform", equals: "azure-webapp" }),
            title: "Azure App Service",
            intro: form_text!("Where the app lives in Azure, and how the workflow signs in there."),
            guidance: form_text!(&[
                "The workflow signs in with OpenID Connect: GitHub proves who is asking, and no password is stored anywhere. Create the app registration's federated credential for this repository's production environment.",
                "The commands read the resource group as $RESOURCE_GROUP.",
            ]),
            fields: &[
                Field {
                    id: "resource_group",
                    label: "Resource group",
                    help: form_text!("The Azure resource group that holds the App Service app and its slots."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. rg-claims-production") },
                    optional: false,
                },
                Field::computed(
                    "azure_sign_in",
                    "How the workflow signs in to Azure",
                    "",
                    |_| Some(workflow::AZURE_SIGN_IN.to_owned()),
                    "",
                ),
            ],
        },
        Section {
            id: "blue_green",
            shown_when: Some(Condition { field: "strategy", equals: "blue-green" }),
            title: "Blue-green switch",
            intro: form_text!("Two identical slots. The workflow asks which one is live, deploys to the other, tests it, and switches all traffic to it. If anything fails after the switch, it switches back."),
            guidance: form_text!(&[
                "The key benefit of blue-green is instant rollback: the old version is still running, one switch away.",
                "The switch command gets the slot to send traffic to as $SLOT; rolling back runs the same command with the slot that was live.",
                "Confusing slots and environments is common: both slots are in the production environment.",
            ]),
            fields: &[
                draft("slot_a", "First slot", "", slot_a),
                draft("slot_b", "Second slot", "", slot_b),
                command("live_slot_command", "Command that prints the live slot", "Prints the name of the slot that serves traffic now.", live_slot_command),
                command("switch_command", "Switch traffic command", "Sends all traffic to $SLOT.", switch_command),
            ],
        },
        Section {
            id: "canary",
            shown_when: Some(Condition { field: "strategy", equals: "canary" }),
            title: "Canary stages",
            intro: form_text!("The new version takes a growing share of the traffic. Between stages the workflow waits, then checks a metric; if it is over the threshold, the canary is rolled back automatically."),
            guidance: form_text!(&[
                "The guide's stages: 10% → 25% → 50% → 100%, with metric checks in between.",
                "Wait long enough for the metric to mean something at that share of traffic.",
                "Pick a metric users would notice: error rate, p95 latency, cost per request.",
            ]),
            fields: &[
                Field {
                    id: "stages",
                    label: "Stages",
                    help: form_text!("The share of traffic on the canary, and how long to watch it before the next stage."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "stage",
                        columns: &[Column::short("percent", "Traffic (%)"), Column::short("wait_minutes", "Watch for (minutes)")],
                        rows: TableRows::Editable {
                            defaults: &[&["10", "5"], &["25", "5"], &["50", "5"], &["100", "0"]],
                        },
                    }),
                    optional: false,
                },
                Field {
                    id: "metric",
                    label: "Metric checked between stages",
                    help: form_text!("The commands read it as $METRIC."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. error rate") },
                    optional: false,
                },
                Field {
                    id: "threshold",
                    label: "Threshold that stops the rollout",
                    help: form_text!("The commands read it as $THRESHOLD."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. 1%") },
                    optional: false,
                },
                command("traffic_command", "Traffic command", "Gives the canary $PERCENT of the traffic.", traffic_command),
                command("metric_check_command", "Metric check command", "Exits 0 when $METRIC is within $THRESHOLD, 1 when it is past it, anything else when it cannot measure. Either failure stops the rollout, each reported as what it is.", metric_check_command),
                command("promote_command", "Promote command", "Makes the canary the version everyone gets, once it has all the traffic.", promote_command),
                command("rollback_command", "Rollback command", "Sends all traffic back to the current version and removes the canary.", canary_rollback_command),
                command("restore_command", "Restore command", "After the promotion, puts back the version that ran before it: for a failure found once the canary has become the stable version.", restore_command),
            ],
        },
        Section {
            id: "environment",
            shown_when: None,
            title: "Environment and secrets",
            intro: form_text!("The job deploys to a GitHub environment: required reviewers and branch rules are set on it in the repository settings (Exercise 2.3), never in the workflow."),
            guidance: form_text!(&[
                "Never commit secrets: the workflow reads each one as ${{ secrets.NAME }}, and its value lives in GitHub Secrets.",
                "Production API keys are always environment secrets, for the extra protection.",
                "Migrations run before the traffic moves, and must work with the version still serving (backward-compatible schemas).",
            ]),
            fields: &[
                draft("environment_name", "Environment", "The GitHub environment the job deploys to.", |_| Some("production".to_owned())),
                Field {
                    id: "secrets",
                    label: "Secrets the deploy reads",
                    help: form_text!("Names only (letters, digits, underscores). Never paste a value here or anywhere in the workbook."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "secret",
                        columns: &[
                            Column::short("name", "Name").checked(secret_name_problem),
                            Column::short("purpose", "Used for"),
                        ],
                        rows: TableRows::Editable {
                            defaults: &[&["AI_API_KEY", "The model API key the service calls with"]],
                        },
                    }),
                    optional: false,
                },
                Field::computed(
                    "secrets_read",
                    "Secrets deploy-production.yml reads",
                    form_text!("Each needs a value in the repository's settings (Exercise 2.3)."),
                    workflow::secrets_in_words,
                    "",
                ),
                Field {
                    id: "migration_command",
                    label: "Database migration command",
                    help: form_text!("Optional: leave empty if releases need no migration. It runs after the deploy and before any traffic moves."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. ./deploy/migrate.sh") },
                    optional: true,
                },
            ],
        },
        Section {
            id: "rollback",
            shown_when: None,
            title: "Rollback procedure",
            intro: form_text!("The workflow rolls back by itself when a check fails. Write down when a person rolls back too, and how."),
            guidance: form_text!(&[
                "Missing rollback is the most common gap in deployment workflows: yours has one in every run.",
                "Test rollbacks in staging regularly; a rollback nobody has tried is a hope, not a plan.",
            ]),
            fields: &[
                Field::computed(
                    "workflow_steps",
                    "What deploy-production.yml does",
                    form_text!("The workflow's steps in order, from your answers."),
                    workflow::steps_in_words,
                    "",
                ),
                Field {
                    id: "rollback_triggers",
                    label: "When the deploy is rolled back",
                    help: form_text!("The automatic triggers (failed smoke test, metric over threshold) and what makes a person roll back later."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
                Field {
                    id: "manual_rollback",
                    label: "Manual rollback, step by step",
                    help: form_text!("What the on-call engineer does, and how they confirm it worked."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
                Field {
                    id: "rollback_owner",
                    label: "Who decides to roll back",
                    help: "",
                    kind: FieldKind::Text { placeholder: form_text!("e.g. the on-call engineer") },
                    optional: false,
                },
            ],
        },
    ],
    companion: None,
    carried: &[],
    client_document: None,
    red_flags: super::red_flags::deployment,
    scripts: super::scripts::deployment_scripts,
    grading: None,
    files: &[GeneratedFile::new(".github/workflows/deploy-production.yml", workflow::deploy_production_yaml)],
    criteria: &[
        Criterion {
            text: "Strategy chosen (blue-green or canary), with the reason for it",
            judges: &[],
            met: |a| a.has("strategy") && a.has("strategy_rationale"),
        },
        Criterion {
            text: "Deploys to the production environment, with its URL and a health check",
            judges: &[],
            met: |a| a.has("app_name") && a.has("production_url") && a.has("health_url"),
        },
        Criterion {
            text: "A smoke test runs before any user reaches the new version",
            judges: &["service"],
            met: |a| !draft_of(a, "smoke_test_command").trim().is_empty(),
        },
        Criterion {
            text: "The strategy's own steps: switch and switch back (blue-green), or stages ending at 100% with a metric and threshold checked between them (canary)",
            judges: &[],
            met: strategy_steps_complete,
        },
        Criterion {
            text: "Secrets only as ${{ secrets.NAME }}: every name valid, no value pasted into an answer",
            // "Nothing pasted" is true of an empty exercise: judged once it is all answered.
            judges: &["strategy", "service", "environment", "rollback"],
            met: |a| secrets_are_references(a),
        },
        Criterion {
            text: "Rollback procedure documented: triggers, steps and who decides",
            judges: &[],
            met: |a| a.has("rollback_triggers") && a.has("manual_rollback") && a.has("rollback_owner"),
        },
    ],
};

const STRATEGIES: &[ChoiceOption] = &[
    ChoiceOption {
        value: "blue-green",
        label: "Blue-green",
        detail: "Deploy to the idle slot, test it, switch all traffic at once. Simpler; instant rollback (switch back); two slots to pay for.",
    },
    ChoiceOption {
        value: "canary",
        label: "Canary",
        detail: "Gradual rollout (10% → 25% → 50% → 100%) with a metric checked at each stage. Catches what only real traffic shows; needs metrics you trust.",
    },
];

const PLATFORMS: &[ChoiceOption] = &[
    ChoiceOption {
        value: "script",
        label: "Your own scripts",
        detail: "Each command you write below goes into its script under deploy/, which the workflow calls and the .zip ships. Right for any infrastructure.",
    },
    ChoiceOption {
        value: "kubernetes",
        label: "Kubernetes",
        detail: "kubectl against your cluster: two Deployments behind one Service, or an NGINX canary Ingress. Reads the cluster credentials from the KUBE_CONFIG secret.",
    },
    ChoiceOption {
        value: "azure-webapp",
        label: "Azure App Service",
        detail: "Deployment slots, swap and traffic routing. Signs in with OpenID Connect: no password stored.",
    },
];

/// A name the app drafts (a slot, the environment); the participant's own text replaces
/// it once they edit it.
const fn draft(
    id: &'static str,
    label: &'static str,
    help: &'static str,
    compute: fn(&Inputs) -> Option<String>,
) -> Field {
    Field::drafted(id, label, help, compute, ComputedFormat::Text)
}

/// A shell command the app drafts from the platform and strategy, written as a code block.
const fn command(
    id: &'static str,
    label: &'static str,
    help: &'static str,
    compute: fn(&Inputs) -> Option<String>,
) -> Field {
    Field::drafted(id, label, help, compute, ComputedFormat::Code("bash"))
}

/// The text of a drafted field: what the participant wrote, else the draft.
pub(crate) fn draft_of(a: &Inputs, id: &str) -> String {
    DEPLOYMENT.drafted_text(a, id)
}

/// The command a step runs. With "Your own scripts" a step calls its script under `deploy/`
/// (the drafted call), and what the participant wrote becomes that script's body
/// (`scripts::deployment_scripts`): their commands ship as scripts they can run, test and
/// shellcheck outside GitHub too. On the other platforms, and for a command that needs the
/// workflow (`own_command`), what they wrote, else the draft.
pub(crate) fn step_command(a: &Inputs, id: &str) -> String {
    match (script_call(a, id), own_command(a, id)) {
        (Some(call), Some(_)) => call,
        _ => draft_of(a, id),
    }
}

/// With "Your own scripts", the command the participant wrote in field `id` for the script
/// its step calls. `None` while the step keeps the app's call, and for a command that stays
/// in the workflow step: one that calls the script itself (a wrapper of theirs), reads a
/// `${{ }}` expression (GitHub evaluates those in a workflow, never in a script file), or
/// holds a pasted credential or the note an export left for one (the step reads it from its
/// secret instead, `redact_credentials`).
pub(crate) fn own_command<'a>(a: &'a Inputs, id: &str) -> Option<&'a str> {
    let call = script_call(a, id)?;
    let script = call.split_whitespace().next()?;
    let command = a.text(id).trim();
    let in_the_step = command.is_empty()
        || command.contains(script)
        || command.contains("${{")
        || !crate::credentials::find_or_removed(command).is_empty();
    (!in_the_step).then_some(command)
}

/// The call of its script a step makes with "Your own scripts", e.g.
/// `./deploy/deploy.sh "$SLOT" "$IMAGE"`; `None` on the other platforms.
pub(crate) fn script_call(a: &Inputs, id: &str) -> Option<String> {
    if commands::platform(a) != "script" {
        return None;
    }
    match &DEPLOYMENT.field(id)?.kind {
        FieldKind::Draft(draft) => (draft.compute)(a).filter(|call| call.starts_with("./deploy/")),
        _ => None,
    }
}

fn strategy_steps_complete(a: &Inputs) -> bool {
    match a.text("strategy") {
        "blue-green" => {
            ["slot_a", "slot_b", "live_slot_command", "switch_command"]
                .iter()
                .all(|id| !draft_of(a, id).trim().is_empty())
                && draft_of(a, "slot_a").trim() != draft_of(a, "slot_b").trim()
        }
        "canary" => {
            let stages = workflow::stages(a);
            stages.len() >= 2
                && stages.last().is_some_and(|s| s.percent == 100)
                && a.has("metric")
                && a.has("threshold")
                && !draft_of(a, "metric_check_command").trim().is_empty()
        }
        _ => false,
    }
}

/// A secret's name GitHub refuses, with its rule and a name it accepts.
fn secret_name_problem(name: &str, _: &Inputs) -> Option<String> {
    let name = name.trim();
    if name.is_empty() || crate::workflow::is_identifier(name) {
        return None;
    }
    let accepted: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect();
    let example = if crate::workflow::is_identifier(&accepted) { format!(", e.g. {accepted}") } else { String::new() };
    Some(format!(
        "GitHub refuses “{name}” as a secret name: use letters, digits and underscores, not starting with a digit or GITHUB_{example}."
    ))
}

/// Every secret named is a valid name, and no answer holds what looks like a credential
/// (or the note an export left in its place).
fn secrets_are_references(a: &Inputs) -> bool {
    let names: Vec<&str> = a.rows("secrets").iter().filter_map(|r| r.get("name")).map(|n| n.trim()).collect();
    !names.is_empty()
        && names.iter().all(|name| crate::workflow::is_identifier(name))
        && credentials_in(a.answers).is_empty()
}

#[cfg(test)]
mod tests;
