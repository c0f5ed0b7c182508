//! Module 5, Exercise 2.3: the capstone, a complete CI/CD pipeline. Source: the guide's
//! Segment 4 (job dependencies, the human approval gate for production), Segment 2
//! (repository and environment secrets), "Capstone Success Criteria", "Progress Check
//! Approach" and "Known Issues" (free accounts have no environment protection).
//!
//! Five workflows: validate and test (Session 1), staging, production (Exercise 2.1's
//! answers, not retyped) and monitoring (Exercise 2.2's). The questions are here; the
//! workflows are written in `workflows.rs`, the repository settings checklist and the
//! pipeline diagram in `settings.rs`.

pub(super) mod settings;
pub(super) mod workflows;

use crate::course::*;

pub const PIPELINE: Exercise = Exercise {
    key: "m5-2.3",
    number: "2.3",
    title: "Capstone: Complete CI/CD Pipeline",
    summary: "The complete .github/workflows/ directory (validate, test, staging, production, monitoring) chained behind an approval gate, with the environments, secrets and protection rules the repository needs.",
    deliverable: "environments.md",
    minutes: Some(20),
    page: None,
    sections: &[
        Section {
            id: "checks",
            shown_when: None,
            title: "Validate and test (Session 1)",
            intro: form_text!("The checks every change passes: on each pull request, and again before staging deploys. Pick your language; the app drafts the commands, which you replace with yours."),
            guidance: form_text!(&[
                "Reuse your Session 1 workflows: the same commands, now called by the pipeline.",
                "Keep the checks fast; a slow pipeline gets skipped.",
            ]),
            fields: &[
                Field { id: "language", label: "Language", help: "", kind: FieldKind::Choice { options: LANGUAGES }, optional: false },
                Field::drafted("language_version", "Version", "The version the checks run with.", settings::language_version, ComputedFormat::Text),
                Field::drafted("install_command", "Install command", "", settings::install_command, ComputedFormat::Code("bash")),
                Field::drafted("validate_command", "Validate command", "Lint, type checks, prompt and config validation.", settings::validate_command, ComputedFormat::Code("bash")),
                Field::drafted("test_command", "Test command", "", settings::test_command, ComputedFormat::Code("bash")),
            ],
        },
        Section {
            id: "staging",
            shown_when: None,
            title: "Staging",
            intro: form_text!("Every push to main is validated, tested and deployed to staging, with the same build and platform as production (Exercise 2.1)."),
            guidance: form_text!(&[
                "Staging is where a release proves itself before anyone approves it for production.",
                "Production deploys the build staging tested, never a new one: the image staging pushed (Kubernetes), the app.zip staging keeps as an artifact of its run (Azure), or what your build script published under the commit's name.",
                "Staging has its own secrets: never the production API key.",
            ]),
            fields: &[
                Field {
                    id: "staging_url",
                    label: "Staging URL",
                    help: "",
                    kind: FieldKind::Text { placeholder: form_text!("e.g. https://staging.claims.example.com") },
                    optional: false,
                },
                Field {
                    id: "staging_health_url",
                    label: "Staging health check URL",
                    help: form_text!("The smoke test after each staging deploy calls it."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. https://staging.claims.example.com/health") },
                    optional: false,
                },
                Field::drafted("staging_deploy_command", "Staging deploy command", "Deploys $IMAGE to staging.", settings::staging_deploy_command, ComputedFormat::Code("bash")),
            ],
        },
        Section {
            id: "carried",
            shown_when: None,
            title: "Production and monitoring",
            intro: form_text!("deploy-production.yml and monitoring.yml come from Exercises 2.1 and 2.2, as you answered them there. Production now runs only after staging passed, in the same run, and waits for an approval."),
            guidance: form_text!(&["Change these answers in Exercises 2.1 and 2.2; the capstone's files follow."]),
            fields: &[
                Field {
                    id: "production_from_2_1",
                    label: "From the deployment strategy (Exercise 2.1)",
                    help: "",
                    kind: FieldKind::Reference(Reference {
                        exercise: "m5-2.1",
                        fields: &["strategy", "platform", "production_url", "environment_name", "secrets", "workflow_steps"],
                    }),
                    optional: false,
                },
                Field {
                    id: "monitoring_from_2_2",
                    label: "From monitoring and alerting (Exercise 2.2)",
                    help: "",
                    kind: FieldKind::Reference(Reference {
                        exercise: "m5-2.2",
                        fields: &["cron_in_words", "endpoints", "platform", "channel"],
                    }),
                    optional: false,
                },
            ],
        },
        Section {
            id: "settings",
            shown_when: None,
            title: "Environments, secrets and protection",
            intro: form_text!("Environments, secrets and protection rules live in the repository's settings, not in YAML. Set them up, and tick each one off here."),
            guidance: form_text!(&[
                "If all environments can use the same value, it is a repository secret; if staging needs a different value than production, environment secrets. Production API keys are always environment secrets.",
                "Required reviewers on production are the human approval gate: the only manual step in the pipeline.",
                "Private repositories get required reviewers on GitHub Enterprise only: on Pro and Team (environments, no reviewers) and on Free (no environments) production is started by hand, for a commit that passed staging.",
            ]),
            fields: &[
                Field { id: "protection", label: "Your repository's plan", help: "", kind: FieldKind::Choice { options: PLANS }, optional: false },
                Field::computed("gate", "What protects production", "", settings::production_gate, "Choose your plan."),
                Field {
                    id: "approvers",
                    label: "Who approves production deploys",
                    help: form_text!("Required reviewers, up to six people or teams (one approval is enough); on a plan without them, who starts production by hand."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. @northwind/claims-leads") },
                    optional: false,
                },
                Field {
                    id: "secret_scopes",
                    label: "Secrets and where each lives",
                    help: form_text!("From your answers in Exercises 2.1 and 2.2."),
                    kind: FieldKind::ComputedTable(ComputedTable::shown(settings::secret_scopes, "")),
                    optional: false,
                },
                Field {
                    id: "done",
                    label: "Set up in the repository",
                    help: form_text!("Tick each once it is done in GitHub."),
                    kind: FieldKind::Checklist { tasks: settings::CHECKLIST },
                    optional: false,
                },
            ],
        },
        Section {
            id: "overview",
            shown_when: None,
            title: "Pipeline diagram",
            intro: form_text!("The pipeline drawn from your answers: what runs on a pull request, on a push to main, after staging, and on the schedule."),
            guidance: form_text!(&["The diagram is written into environments.md as Mermaid, which GitHub draws."]),
            fields: &[Field {
                id: "pipeline_diagram",
                label: "Pipeline",
                help: "",
                kind: FieldKind::Chart(Chart::drawn(settings::pipeline_diagram, "")),
                optional: false,
            }],
        },
    ],
    companion: None,
    carried: &[],
    client_document: None,
    red_flags: super::red_flags::pipeline,
    scripts: super::scripts::pipeline_scripts,
    grading: Some(crate::course::Grading::PassPerCriterion),
    files: &[
        GeneratedFile::new(".github/workflows/validate.yml", workflows::validate_yaml),
        GeneratedFile::new(".github/workflows/test.yml", workflows::test_yaml),
        GeneratedFile::new(".github/workflows/deploy-staging.yml", workflows::staging_yaml),
        GeneratedFile::new(".github/workflows/deploy-production.yml", workflows::production_yaml),
        GeneratedFile::new(".github/workflows/monitoring.yml", workflows::monitoring_yaml),
    ],
    criteria: &[
        Criterion {
            text: "All five workflows: validate and test commands, a staging deploy with its smoke test, Exercises 2.1 and 2.2 complete",
            judges: &["checks", "staging"],
            met: |a| {
                settings::exercise_complete(a, "m5-2.1")
                    && settings::exercise_complete(a, "m5-2.2")
                    && a.has("staging_url")
                    && a.has("staging_health_url")
            },
        },
        Criterion {
            text: "Staging and production environments configured",
            judges: &[],
            met: |a| settings::ticked(a, &["staging-environment", "production-environment"]),
        },
        Criterion {
            text: "Secrets properly scoped: AI_API_KEY an environment secret in production, the webhook a repository secret",
            judges: &[],
            met: |a| settings::ticked(a, &["production-secrets", "repository-secrets"]),
        },
        Criterion {
            text: "Environment protection rules on production (or, without them, a manual gate)",
            judges: &[],
            met: |a| a.has("approvers") && settings::ticked(a, &["protection"]),
        },
        Criterion {
            text: "Monitoring running on schedule, its test alert received",
            judges: &[],
            met: |a| settings::ticked(a, &["monitoring-on"]) && settings::exercise_complete(a, "m5-2.2"),
        },
        Criterion {
            text: "No secret value pasted into an answer",
            judges: &["checks", "staging", "settings"],
            met: |a| credentials_in(a.answers).is_empty(),
        },
    ],
};

const LANGUAGES: &[ChoiceOption] = &[
    ChoiceOption { value: "python", label: "Python", detail: "" },
    ChoiceOption { value: "node", label: "Node.js", detail: "" },
    ChoiceOption { value: "go", label: "Go", detail: "" },
    ChoiceOption { value: "other", label: "Other", detail: "Your own scripts; no language setup step." },
];

/// GitHub's plans as environments follow them (`settings::reviewers`, `settings::environments`).
/// "unprotected" is Free's value since the first version, so saved answers keep their meaning;
/// the first version's "protected" (public, or any paid plan) mixed plans with and without
/// required reviewers, so it is asked again.
const PLANS: &[ChoiceOption] = &[
    ChoiceOption {
        value: "public",
        label: "Public repository (any plan)",
        detail: "Required reviewers on the production environment approve each deploy.",
    },
    ChoiceOption {
        value: "enterprise",
        label: "Private or internal, on GitHub Enterprise",
        detail: "Required reviewers approve each deploy, as in a public repository.",
    },
    ChoiceOption {
        value: "pro-team",
        label: "Private, on GitHub Pro or Team",
        detail: "Environments and their secrets, but no required reviewers: production is started by hand, for a commit that passed staging.",
    },
    ChoiceOption {
        value: "unprotected",
        label: "Private, on GitHub Free",
        detail: "No environments: repository secrets, and production started by hand, for a commit that passed staging.",
    },
];

/// The text of a drafted field: what the participant wrote, else the draft.
pub(crate) fn draft_of(a: &Inputs, id: &str) -> String {
    PIPELINE.drafted_text(a, id)
}

#[cfg(test)]
mod tests;
