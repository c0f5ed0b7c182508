//! Module 6, Exercise 2.1: the deployment strategy. Source: the guide's Exercise 2.1
//! (hosting model, auto-scaling, phased rollout, migration, rollback).

use serde::Serialize;

use crate::course::*;
use crate::model::ExerciseAnswers;
use crate::numbers;
use crate::numbers::parse_number;

const YES_NO: &[ChoiceOption] =
    &[ChoiceOption { value: "yes", label: "Yes", detail: "" }, ChoiceOption { value: "no", label: "No", detail: "" }];

/// Yes or no, each with what it means: a client document says that sentence.
const HEALTH_PROBE_ANSWERS: &[ChoiceOption] = &[
    ChoiceOption {
        value: "yes",
        label: "Yes",
        detail: "The health probe checks that the AI API answers: an instance that cannot reach the model stops taking traffic.",
    },
    ChoiceOption {
        value: "no",
        label: "No",
        detail: "The health probe does not check the AI API: an instance that cannot reach the model keeps taking traffic.",
    },
];

/// Column ids of the scaling triggers table, and its fixed rows in JSON order.
const TRIGGER_LABELS: &[&str] = &["Requests per second", "Tokens per minute", "Queue depth", "Schedule"];
const TRIGGER_JSON_TYPES: &[&str] = &["requests_per_second", "tokens_per_minute", "queue_depth", "schedule"];

pub const DEPLOYMENT_STRATEGY: Exercise = Exercise {
    key: "m6-2.1",
    number: "2.1",
    title: "Deployment Strategy",
    summary: "Hosting model, auto-scaling configuration, phased rollout, migration and rollback for a real client scenario.",
    deliverable: "deployment-strategy.md",
    minutes: None,
    page: None,
    sections: &[
        Section {
            id: "scenario",
            shown_when: None,
            title: "Scenario",
            intro: own_form_text!("The client and the load this deployment must carry. Every later decision refers back to these numbers."),
            guidance: own_form_text!(&[
                "Use a real client if you can, with the name and sensitive details sanitised; otherwise a realistic scenario based on common client patterns.",
                "Give concrete numbers: scaling, hosting and cost decisions all depend on traffic.",
                "Rough break-even: under 1M requests/day favours cloud; over 10M/day, consider self-hosting.",
            ]),
            fields: &[
                Field {
                    id: "scenario_summary",
                    label: "Client / scenario summary",
                    help: own_form_text!("Who the client is, what the AI system does for them, and what constrains it (industry, regulation, team)."),
                    kind: FieldKind::LongText { placeholder: own_form_text!("e.g. A regional insurer rolling out an AI claims assistant to 2,000 adjusters…") },
                    optional: false,
                },
                Field {
                    id: "expected_users",
                    label: "Expected users",
                    help: own_form_text!("People using the system at full rollout."),
                    kind: FieldKind::Number { unit: "" },
                    optional: false,
                },
                Field {
                    id: "requests_per_day",
                    label: "Expected requests per day",
                    help: own_form_text!("At full rollout; include peaks in the summary if traffic is spiky."),
                    kind: FieldKind::Number { unit: "requests/day" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "hosting",
            shown_when: None,
            title: "Hosting model",
            intro: own_form_text!("Cloud, hybrid or on-premises: answer the guide's three questions, then decide."),
            guidance: own_form_text!(&[
                "On-premises makes sense for compliance AND for cost at extreme scale, not compliance alone.",
                "Hybrid pattern A: sensitive data stays on-premises, cloud AI processes it and returns results.",
                "Hybrid pattern B: edge filtering and caching, regional processing, central cloud AI for complex tasks.",
                "On-premises does not have to mean your own data centre: a colo facility or a dedicated region also keeps data inside your control perimeter.",
                "Without ops expertise for self-hosted infrastructure, stay on cloud despite the cost.",
            ]),
            fields: &[
                Field {
                    id: "q_regulation",
                    label: "Do regulations prohibit cloud AI for this client's data?",
                    help: own_form_text!("If yes, on-premises (or a dedicated, controlled perimeter)."),
                    kind: FieldKind::Choice { options: YES_NO },
                    optional: false,
                },
                Field {
                    id: "q_volume",
                    label: "Is usage above 10M requests per day?",
                    help: own_form_text!("If yes, run a cost analysis: self-hosting may be cheaper at that scale."),
                    kind: FieldKind::Choice { options: YES_NO },
                    optional: false,
                },
                Field {
                    id: "q_ops",
                    label: "Does the client have ops expertise for self-hosted infrastructure?",
                    help: own_form_text!("If no, stay on cloud despite the cost."),
                    kind: FieldKind::Choice { options: YES_NO },
                    optional: false,
                },
                Field::computed(
                    "hosting_suggestion",
                    "Suggested model from your answers",
                    own_form_text!("Derived from the three questions above; you make the final call below."),
                    suggest_hosting,
                    "Answer the three questions above to see a suggestion.",
                ),
                HOSTING_MODEL,
                HYBRID_PATTERN,
                HOSTING_RATIONALE,
            ],
        },
        Section {
            id: "scaling",
            shown_when: None,
            title: "Auto-scaling configuration",
            intro: own_form_text!("AI workloads scale differently: token limits and cost per request cap you before CPU does."),
            guidance: own_form_text!(&[
                "Use multiple triggers: requests AND tokens AND queue depth. Request-based scaling alone fails when token limits are hit first.",
                "Scheduled scaling only for known patterns (\"Monday 9 AM spike\"); with unpredictable traffic rely on reactive triggers.",
                "Min instances for high availability, max instances for cost protection.",
                "Start max from budget: $100/hour budget ÷ $2/hour per instance = 50. Test and adjust.",
                "Set scale-out and scale-in delays to prevent flapping; scale in more slowly than you scale out.",
                "Session affinity is critical for multi-turn conversations: a chatbot without it loses context between messages.",
                "Health probes must check AI API connectivity, not just that the process is up.",
            ]),
            fields: &[
                MIN_INSTANCES,
                Field {
                    id: "hourly_budget",
                    label: "Maximum hourly budget",
                    help: own_form_text!("What the client will spend per hour at peak, in dollars."),
                    kind: FieldKind::Number { unit: "$/hour" },
                    optional: false,
                },
                INSTANCE_COST,
                Field::computed(
                    "max_suggestion",
                    "Suggested maximum (budget ÷ cost per instance-hour)",
                    "",
                    suggest_max_instances,
                    "Enter the hourly budget and the cost per instance-hour to see a suggestion.",
                ),
                MAX_INSTANCES,
                TRIGGERS,
                SCALE_OUT_DELAY,
                SCALE_IN_DELAY,
                SESSION_AFFINITY,
                HEALTH_PROBE_CHECKS_AI,
                Field {
                    id: "health_probe",
                    label: "Health probe",
                    help: own_form_text!("Endpoint, interval, and how it verifies AI API connectivity (not just that the process answers)."),
                    kind: FieldKind::LongText { placeholder: own_form_text!("e.g. GET /health every 30 s; calls the model with a 1-token prompt and fails after 3 errors") },
                    optional: false,
                },
                SCALING_JSON,
            ],
        },
        Section {
            id: "rollout",
            shown_when: None,
            title: "Rollout phases",
            intro: own_form_text!("A phased rollout de-risks the launch: each phase ends at a go/no-go decision based on its success criteria."),
            guidance: own_form_text!(&[
                "Three phases: Pilot (10 users, 4-6 weeks), Limited (100 users, 8-12 weeks), General availability (all users, ongoing).",
                "Every phase needs measurable success criteria and a go/no-go rule decided before it starts.",
                "Scale the approach: a 10-user pilot does not need three phases, but enterprise rollouts do.",
                "Like airplane testing: ground tests, taxi tests, short flights, then commercial service.",
            ]),
            fields: &[PHASES],
        },
        Section {
            id: "migration",
            shown_when: None,
            title: "Migration strategy",
            intro: own_form_text!("How users move from the current way of working to the new system."),
            guidance: own_form_text!(&[
                "Big bang: fast but risky. Parallel run: safe but expensive. Phased: balanced. Feature flags: most flexible.",
                "The guide's recommendation: phased, with feature flags for maximum control.",
                "Connect the choice to this client's risk tolerance, budget and rollout phases.",
            ]),
            fields: &[
                MIGRATION_STRATEGY,
                Field {
                    id: "migration_rationale",
                    label: "Why this approach",
                    help: own_form_text!("The trade-off you accept for this client, and how it fits the rollout phases."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "rollback",
            shown_when: None,
            title: "Rollback plan",
            intro: own_form_text!("Hope for the best, plan for the worst: every deployment needs a rollback plan."),
            guidance: own_form_text!(&[
                "Define rollback triggers in advance, with numbers (e.g. error rate above 5% for 5 minutes).",
                "Document the procedure step by step so anyone on call can run it.",
                "Test rollback in staging: if you have never tested it, it will not work when you need it.",
                "Name who decides, so nobody waits for permission during an incident.",
            ]),
            fields: &[
                ROLLBACK_TRIGGERS,
                ROLLBACK_PROCEDURE,
                ROLLBACK_TESTING,
                ROLLBACK_OWNER,
            ],
        },
    ],
    companion: None,
    carried: &[],
    client_document: None,
    red_flags,
    scripts: crate::course::no_scripts,
    grading: None,
    files: &[],
    criteria: &[
        Criterion {
            text: "Hosting model chosen with the guide's three questions answered and a rationale (saying why, where the choice differs from the suggestion)",
            judges: &[],
            met: |a| a.has("q_regulation") && a.has("q_volume") && a.has("q_ops") && a.has("hosting_model") && a.has("hosting_rationale") && !hosting_unexplained(a),
        },
        Criterion {
            text: "Auto-scaling uses multiple triggers: requests AND tokens AND queue depth",
            judges: &[],
            met: |a| (0..3).all(|row| trigger_threshold(a, row).is_some()),
        },
        Criterion {
            text: "Min instances for high availability (at least 2) and max instances for cost protection",
            judges: &[],
            met: |a| matches!((a.number("min_instances"), a.number("max_instances")), (Some(min), Some(max)) if min >= 2.0 && max >= min),
        },
        Criterion {
            text: "Scale-out and scale-in delays set to prevent flapping",
            judges: &[],
            met: |a| a.number("scale_out_delay").is_some_and(|d| d > 0.0) && a.number("scale_in_delay").is_some_and(|d| d > 0.0),
        },
        Criterion {
            text: "Session affinity decided for multi-turn conversations",
            judges: &[],
            met: |a| a.has("session_affinity"),
        },
        Criterion {
            text: "Health probe checks AI API connectivity",
            judges: &[],
            met: |a| a.has("health_probe") && a.text("health_probe_checks_ai") == "yes",
        },
        Criterion {
            text: "Phased rollout: at least two phases, each with success criteria and a go/no-go rule",
            judges: &[],
            met: |a| {
                let phases = a.rows("phases");
                phases.len() >= 2
                    && phases.iter().all(|p| {
                        ["criteria", "decision"].iter().all(|c| p.get(*c).is_some_and(|v| !v.trim().is_empty()))
                    })
            },
        },
        Criterion {
            text: "Migration strategy chosen, with its trade-off explained",
            judges: &[],
            met: |a| a.has("migration_strategy") && a.has("migration_rationale"),
        },
        Criterion {
            text: "Rollback plan: triggers, documented procedure, tested in staging, decision owner",
            judges: &[],
            met: |a| ["rollback_triggers", "rollback_procedure", "rollback_testing", "rollback_owner"].iter().all(|f| a.has(f)),
        },
    ],
};

// Fields the capstone carries over (Exercise::carried): one description for both.

/// The guide's two hybrid patterns (Segment 2, slides 10-11).
pub(in crate::course::module6) const HYBRID_PATTERN: Field = Field {
    id: "hybrid_pattern",
    label: "Hybrid pattern",
    help: form_text!("Only for a hybrid model: which of the guide's two patterns this deployment follows."),
    kind: FieldKind::Choice {
        options: &[
            ChoiceOption {
                value: "data-on-premises",
                label: "Pattern A: sensitive data on-premises, cloud AI",
                detail: "Data stays on-premises; redacted requests go to the cloud AI and results come back.",
            },
            ChoiceOption {
                value: "edge",
                label: "Pattern B: edge processing, central cloud AI",
                detail:
                    "Filtering and caching at the edge, regional processing, the central cloud AI for complex tasks.",
            },
        ],
    },
    optional: true,
};

pub(in crate::course::module6) const HOSTING_MODEL: Field = Field {
    id: "hosting_model",
    label: "Chosen hosting model",
    help: "",
    kind: FieldKind::Choice {
        options: &[
            ChoiceOption {
                value: "cloud",
                label: "Cloud",
                detail: "Managed AI services; fastest to start, pay per use, data leaves your perimeter.",
            },
            ChoiceOption {
                value: "hybrid",
                label: "Hybrid",
                detail: "Sensitive data on-premises or at the edge, cloud AI for processing.",
            },
            ChoiceOption {
                value: "on-premises",
                label: "On-premises",
                detail: "Self-hosted models, private cloud or an appliance; maximum control, maximum operational load.",
            },
        ],
    },
    optional: false,
};

pub(in crate::course::module6) const MIN_INSTANCES: Field = Field {
    id: "min_instances",
    label: "Minimum instances",
    help: form_text!("For availability: at least 2 so one failure does not take the service down."),
    kind: FieldKind::Number { unit: "" },
    optional: false,
};

pub(in crate::course::module6) const INSTANCE_COST: Field = Field {
    id: "instance_cost",
    label: "Cost per instance-hour",
    help: form_text!("AI API calls plus infrastructure for one busy instance, in dollars."),
    kind: FieldKind::Number { unit: "$/instance-hour" },
    optional: false,
};

pub(in crate::course::module6) const MAX_INSTANCES: Field = Field {
    id: "max_instances",
    label: "Maximum instances",
    help: form_text!("For cost protection: the ceiling the platform may never scale past."),
    kind: FieldKind::Number { unit: "" },
    optional: false,
};

pub(in crate::course::module6) const TRIGGERS: Field = Field {
    id: "triggers",
    label: "Scaling triggers",
    help: form_text!("Give a threshold for each trigger you use; leave a row empty to not use it."),
    kind: FieldKind::Table(TableSpec {
        row_noun: "trigger",
        columns: &[
            Column::short("threshold", "Threshold").optional().count(),
            Column::short("notes", "Why this value").optional(),
        ],
        rows: TableRows::Fixed { header: "Trigger", labels: TRIGGER_LABELS },
    }),
    optional: false,
};

pub(in crate::course::module6) const SCALE_OUT_DELAY: Field = Field {
    id: "scale_out_delay",
    label: "Scale-out delay",
    help: form_text!("How long a trigger must hold before adding instances."),
    kind: FieldKind::Number { unit: "seconds" },
    optional: false,
};

pub(in crate::course::module6) const SCALE_IN_DELAY: Field = Field {
    id: "scale_in_delay",
    label: "Scale-in delay",
    help: form_text!("How long load must stay low before removing instances (anti-flapping)."),
    kind: FieldKind::Number { unit: "seconds" },
    optional: false,
};

pub(in crate::course::module6) const SESSION_AFFINITY: Field = Field {
    id: "session_affinity",
    label: "Session affinity for multi-turn conversations",
    help: "",
    kind: FieldKind::Choice {
        options: &[
            ChoiceOption {
                value: "sticky",
                label: "Sticky sessions at the load balancer",
                detail: "Routes a user to the same instance while it is warm; simple, but lost when the instance goes.",
            },
            ChoiceOption {
                value: "external",
                label: "External session store",
                detail: "Conversation state keyed by session id (e.g. DynamoDB, Redis); survives instance churn.",
            },
            ChoiceOption {
                value: "none",
                label: "Not needed",
                detail: "Only when every request is independent (no multi-turn conversation).",
            },
        ],
    },
    optional: false,
};

pub(in crate::course::module6) const HEALTH_PROBE_CHECKS_AI: Field = Field {
    id: "health_probe_checks_ai",
    label: "Does the health probe check AI API connectivity?",
    help: "",
    kind: FieldKind::Choice { options: HEALTH_PROBE_ANSWERS },
    optional: false,
};

pub(in crate::course::module6) const SCALING_JSON: Field = Field {
    id: "scaling_json",
    label: "Scaling configuration (JSON)",
    help: form_text!("Generated from your answers above, ready to paste into a config and adapt to your platform."),
    kind: FieldKind::Computed(Computed::shown(scaling_config_json, ComputedFormat::Code("json"), "")),
    optional: false,
};

pub(in crate::course::module6) const PHASES: Field = Field {
                id: "phases",
                label: "Phases",
                help: form_text!("Add, remove or reorder phases. Criteria should be measurable (latency, error rate, adoption, cost per request)."),
                kind: FieldKind::Table(TableSpec {
                    row_noun: "phase",
                    columns: &[
                        Column::short("name", "Phase"),
                        Column::short("users", "Users").count(),
                        Column::short("duration", "Duration"),
                        Column::long("criteria", "Success criteria"),
                        Column::long("decision", "Go/no-go rule"),
                    ],
                    rows: TableRows::Editable {
                        defaults: &[
                            &["Pilot", "10", "4-6 weeks"],
                            &["Limited", "100", "8-12 weeks"],
                            &["General availability", "All users", "Ongoing"],
                        ],
                    },
                }),
                optional: false,
            };

pub(in crate::course::module6) const MIGRATION_STRATEGY: Field = Field {
    id: "migration_strategy",
    label: "Migration approach",
    help: "",
    kind: FieldKind::Choice {
        options: &[
            ChoiceOption {
                value: "big-bang",
                label: "Big bang",
                detail: "Everyone switches at once. Fast and simple, but every problem hits every user.",
            },
            ChoiceOption {
                value: "parallel-run",
                label: "Parallel run",
                detail: "Old and new run side by side and are compared. Safest, but you pay for both.",
            },
            ChoiceOption {
                value: "phased",
                label: "Phased",
                detail: "Groups move over in turn. Balanced risk and cost; matches the rollout phases.",
            },
            ChoiceOption {
                value: "feature-flags",
                label: "Feature flags",
                detail:
                    "Turn the AI features on per user or group and off instantly. Most flexible; needs flag management.",
            },
        ],
    },
    optional: false,
};

pub(in crate::course::module6) const HOSTING_RATIONALE: Field = Field {
        id: "hosting_rationale",
        label: "Why this hosting model",
        help: form_text!("Why this model for this client: tie it to the answers above and to the scenario. If it is not the suggested one, say why."),
        kind: FieldKind::LongText { placeholder: "" },
        optional: false,
    };

pub(in crate::course::module6) const ROLLBACK_TESTING: Field = Field {
    id: "rollback_testing",
    label: "How and when rollback is tested in staging",
    help: "",
    kind: FieldKind::LongText { placeholder: "" },
    optional: false,
};

pub(in crate::course::module6) const ROLLBACK_OWNER: Field = Field {
    id: "rollback_owner",
    label: "Who decides to roll back",
    help: form_text!("A role, and who stands in when they are unavailable."),
    kind: FieldKind::Text { placeholder: form_text!("e.g. On-call engineering lead; backup: platform manager") },
    optional: false,
};

pub(in crate::course::module6) const ROLLBACK_TRIGGERS: Field = Field {
    id: "rollback_triggers",
    label: "Rollback triggers",
    help: form_text!("The measurable conditions that start a rollback."),
    kind: FieldKind::LongText { placeholder: "" },
    optional: false,
};

pub(in crate::course::module6) const ROLLBACK_PROCEDURE: Field = Field {
    id: "rollback_procedure",
    label: "Step-by-step procedure",
    help: form_text!("One step per line."),
    kind: FieldKind::LongText { placeholder: form_text!("1. …\n2. …") },
    optional: false,
};

/// The guide's decision path: (1) regulations prohibit cloud → on-premises; (2) over 10M
/// requests/day → do a cost analysis; (3) no ops expertise → stay on cloud despite cost.
/// The hosting models it points to, and the suggestion in words.
fn hosting_path(a: &ExerciseAnswers) -> Option<(&'static [&'static str], &'static str)> {
    let answer = |field| match a.text(field) {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    let (regulated, high_volume, has_ops) = (answer("q_regulation")?, answer("q_volume")?, answer("q_ops")?);
    Some(match (regulated, high_volume, has_ops) {
        (true, _, true) => (&["on-premises"], "On-premises: regulations keep the data inside your control perimeter."),
        (true, _, false) => (&["on-premises", "hybrid"], "On-premises, but the client lacks ops expertise: favour a vendor-managed private cloud or an appliance, or a hybrid with sensitive data kept on-premises."),
        (false, true, true) => (&["hybrid", "on-premises"], "Hybrid or on-premises deserves a cost analysis: above 10M requests/day self-hosting can be cheaper."),
        (false, true, false) => (&["cloud"], "Cloud: the volume would justify a cost analysis of self-hosting, but without ops expertise stay on cloud despite the cost."),
        (false, false, _) => (&["cloud"], "Cloud: no regulatory barrier and volume below the self-hosting break-even."),
    })
}

fn suggest_hosting(a: &Inputs) -> Option<String> {
    hosting_path(a).map(|(_, suggestion)| suggestion.to_owned())
}

/// A rationale shorter than this does not say why a choice differs from the suggestion.
const REASON_WORDS: usize = 12;

/// A hosting model other than the guide's suggestion needs its reason in the rationale.
fn hosting_unexplained(a: &ExerciseAnswers) -> bool {
    let chosen = a.text("hosting_model");
    hosting_path(a).is_some_and(|(models, _)| {
        !chosen.is_empty()
            && !models.contains(&chosen)
            && a.text("hosting_rationale").split_whitespace().count() < REASON_WORDS
    })
}

fn red_flags(a: &Inputs) -> Vec<String> {
    let mut flags = Vec::new();
    if hosting_unexplained(a) {
        flags.push(format!(
            "The hosting model differs from the guide's suggestion and the rationale does not say why ({REASON_WORDS} words or more)."
        ));
    }
    flags
}

/// max = hourly budget / cost per instance-hour, rounded down.
fn suggest_max_instances(a: &Inputs) -> Option<String> {
    let budget = a.number("hourly_budget")?;
    let cost = a.number("instance_cost")?;
    if budget <= 0.0 || cost <= 0.0 {
        return Some("Budget and cost per instance-hour must both be above zero.".to_owned());
    }
    let max = (budget / cost).floor();
    Some(format!(
        "{} instances (${} per hour ÷ ${} per instance-hour)",
        numbers::plain(max, 0),
        numbers::plain(budget, 2),
        numbers::plain(cost, 2)
    ))
}

/// The threshold typed for a trigger row, if any.
fn trigger_threshold(a: &ExerciseAnswers, row: usize) -> Option<&str> {
    a.rows("triggers").get(row)?.get("threshold").map(|t| t.trim()).filter(|t| !t.is_empty())
}

/// A number when the participant typed one, otherwise their text as a string, otherwise null.
fn json_value(text: &str) -> serde_json::Value {
    let text = text.trim();
    match parse_number(text) {
        Some(n) if n.fract() == 0.0 && n.abs() < 1e15 => serde_json::Value::from(n as i64),
        Some(n) => serde_json::Value::from(n),
        None if text.is_empty() => serde_json::Value::Null,
        None => serde_json::Value::from(text),
    }
}

/// The auto-scaling configuration as a JSON document shaped like the guide's example.
fn scaling_config_json(a: &Inputs) -> Option<String> {
    let triggers = TRIGGER_JSON_TYPES
        .iter()
        .enumerate()
        .filter_map(|(row, kind)| trigger_threshold(a, row).map(|t| Trigger { kind, threshold: json_value(t) }))
        .collect();
    let affinity = a.text("session_affinity");
    let config = ScalingConfig {
        scaling: Scaling {
            min_instances: json_value(a.text("min_instances")),
            max_instances: json_value(a.text("max_instances")),
            triggers,
            scale_out_delay_seconds: json_value(a.text("scale_out_delay")),
            scale_in_delay_seconds: json_value(a.text("scale_in_delay")),
        },
        load_balancing: LoadBalancing {
            session_affinity: match affinity {
                "" => None,
                other => Some(other != "none"),
            },
            session_state: match affinity {
                "sticky" => Some("load_balancer_sticky_sessions"),
                "external" => Some("external_store"),
                _ => None,
            },
        },
        health_probe: HealthProbe {
            checks_ai_api_connectivity: match a.text("health_probe_checks_ai") {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
        },
    };
    serde_json::to_string_pretty(&config).ok()
}

// The configuration's shape, in the guide's order (structs keep their field order; an
// unanswered value is null).

#[derive(Serialize)]
struct ScalingConfig {
    scaling: Scaling,
    load_balancing: LoadBalancing,
    health_probe: HealthProbe,
}

#[derive(Serialize)]
struct Scaling {
    min_instances: serde_json::Value,
    max_instances: serde_json::Value,
    triggers: Vec<Trigger>,
    scale_out_delay_seconds: serde_json::Value,
    scale_in_delay_seconds: serde_json::Value,
}

#[derive(Serialize)]
struct Trigger {
    #[serde(rename = "type")]
    kind: &'static str,
    threshold: serde_json::Value,
}

#[derive(Serialize)]
struct LoadBalancing {
    session_affinity: Option<bool>,
    session_state: Option<&'static str>,
}

#[derive(Serialize)]
struct HealthProbe {
    checks_ai_api_connectivity: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> ExerciseAnswers {
        let mut a = ExerciseAnswers::default();
        DEPLOYMENT_STRATEGY.seed_defaults(&mut a);
        for (field, value) in pairs {
            a.set_text(field, (*value).to_owned());
        }
        a
    }

    #[test]
    fn a_choice_other_than_the_suggestion_asks_for_its_reason() {
        let base = [("q_regulation", "no"), ("q_volume", "no"), ("q_ops", "yes"), ("hosting_model", "hybrid")];
        let short = answers(&[base.as_slice(), &[("hosting_rationale", "EU data.")]].concat());
        assert!(hosting_unexplained(&short));
        assert_eq!(with_inputs(&short, red_flags).len(), 1);
        let reasoned = "Claims documents stay in the EU data centre; only redacted text goes to the cloud model.";
        assert!(!hosting_unexplained(&answers(&[base.as_slice(), &[("hosting_rationale", reasoned)]].concat())));
        // The suggested model needs no more than a rationale.
        let cloud = [("q_regulation", "no"), ("q_volume", "no"), ("q_ops", "yes"), ("hosting_model", "cloud")];
        assert!(!hosting_unexplained(&answers(&[cloud.as_slice(), &[("hosting_rationale", "Simple.")]].concat())));
    }

    #[test]
    fn hosting_follows_the_guides_three_questions() {
        let suggest = |r, v, o| {
            with_inputs(&answers(&[("q_regulation", r), ("q_volume", v), ("q_ops", o)]), suggest_hosting).unwrap()
        };
        assert!(suggest("yes", "no", "yes").starts_with("On-premises:"));
        assert!(suggest("yes", "no", "no").contains("private cloud or an appliance"));
        assert!(suggest("no", "yes", "yes").contains("cost analysis"));
        assert!(suggest("no", "yes", "no").starts_with("Cloud: the volume"));
        assert!(suggest("no", "no", "yes").starts_with("Cloud: no regulatory"));
        assert_eq!(with_inputs(&answers(&[("q_regulation", "yes")]), suggest_hosting), None);
    }

    #[test]
    fn max_instances_is_budget_over_cost() {
        let a = answers(&[("hourly_budget", "$100"), ("instance_cost", "2")]);
        assert_eq!(
            with_inputs(&a, suggest_max_instances).unwrap(),
            "50 instances ($100 per hour ÷ $2 per instance-hour)"
        );
        let a = answers(&[("hourly_budget", "100"), ("instance_cost", "3")]);
        assert!(with_inputs(&a, suggest_max_instances).unwrap().starts_with("33 instances"));
        let a = answers(&[("hourly_budget", "100"), ("instance_cost", "0")]);
        assert!(with_inputs(&a, suggest_max_instances).unwrap().contains("above zero"));
        assert_eq!(with_inputs(&answers(&[("hourly_budget", "100")]), suggest_max_instances), None);
    }

    #[test]
    fn scaling_json_keeps_only_used_triggers_and_types_numbers() {
        let mut a = answers(&[("min_instances", "2"), ("max_instances", "50"), ("session_affinity", "external")]);
        a.rows_mut("triggers")[0].insert("threshold".into(), "100".into());
        a.rows_mut("triggers")[3].insert("threshold".into(), "Mon 09:00 → 10 instances".into());
        let json: serde_json::Value = serde_json::from_str(&with_inputs(&a, scaling_config_json).unwrap()).unwrap();
        assert_eq!(json["scaling"]["min_instances"], 2);
        assert_eq!(json["scaling"]["scale_in_delay_seconds"], serde_json::Value::Null);
        let triggers = json["scaling"]["triggers"].as_array().unwrap();
        assert_eq!(triggers.len(), 2);
        assert_eq!(triggers[0]["type"], "requests_per_second");
        assert_eq!(triggers[1]["threshold"], "Mon 09:00 → 10 instances");
        assert_eq!(json["load_balancing"]["session_affinity"], true);
    }

    #[test]
    fn criteria_tick_as_answers_meet_them() {
        let ex = &DEPLOYMENT_STRATEGY;
        let met = |a: &ExerciseAnswers| ex.criteria.iter().filter(|c| with_inputs(a, c.met)).count();
        let empty = answers(&[]);
        assert_eq!(met(&empty), 0, "an untouched exercise meets no criterion");
        let mut a = answers(&[("min_instances", "1"), ("max_instances", "10")]);
        let min_max = &ex.criteria[2];
        assert!(!with_inputs(&a, min_max.met), "one instance is not highly available");
        a.set_text("min_instances", "2".into());
        assert!(with_inputs(&a, min_max.met));
        let phases = &ex.criteria[6];
        assert!(!with_inputs(&a, phases.met), "default phases have no criteria yet");
        for row in a.rows_mut("phases") {
            row.insert("criteria".into(), "p95 < 5 s".into());
            row.insert("decision".into(), "Go if met for 2 weeks".into());
        }
        assert!(with_inputs(&a, phases.met));
    }
}
