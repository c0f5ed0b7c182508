//! Module 6, Exercise 2.2: the operations runbook (`operations-runbook.md`).
//! Source: module-6-session-2-instructor-guide.md, Segment 3 "Operations and
//! Observability" (slides 14-18), its example scenario, and Segment 1 for scaling.

use crate::course::*;
use crate::model::ExerciseAnswers;

const PILLARS: &[&str] = &["Metrics", "Logs", "Traces", "Dashboards", "Alerting"];
const INCIDENT_STEPS: &[&str] = &["1. Detect", "2. Triage", "3. Contain", "4. Investigate", "5. Resolve", "6. Review"];

pub const OPERATIONS_RUNBOOK: Exercise = Exercise {
    key: "m6-2.2",
    number: "2.2",
    title: "Operations Runbook",
    summary: "Observability stack, AI-specific metrics and alerts, logging, incident response and on-call.",
    deliverable: "operations-runbook.md",
    minutes: None,
    page: None,
    sections: &[
        Section {
            id: "observability",
            shown_when: None,
            title: "Observability stack",
            intro: own_form_text!("How the team knows the system is working: the three pillars (metrics, logs, traces) feeding dashboards and alerts."),
            guidance: own_form_text!(&[
                "Three pillars plus dashboards and alerts: metrics (Prometheus, CloudWatch), logs (ELK, CloudWatch Logs), traces (Jaeger), all feeding central dashboards (Grafana, Datadog, CloudWatch).",
                "Metrics are time series numbers (latency, token count); logs are text events (request received, error occurred); traces are the path through the system (API Gateway → Lambda → Bedrock).",
                "Clients will ask “How do we know if it’s working?” Observability is the answer: dashboards with AI-specific metrics, alert thresholds and incident procedures.",
            ]),
            fields: &[STACK],
        },
        Section {
            id: "metrics",
            shown_when: None,
            title: "AI-specific metrics and alerts",
            intro: own_form_text!("Traditional application monitoring misses these: track token usage and cost, not just requests per second."),
            guidance: own_form_text!(&[
                "The guide’s alerts: P95 latency above 10 s, cost per request above target, token usage above 80% of the limit.",
                "Every metric needs a target, an alert threshold, a severity and someone who is paged.",
                "“AI is slow”: token usage at 95% means rate limits; P95 of 15 s from the AI API means the provider, not you; 0% errors means slow, not failing.",
            ]),
            fields: &[AI_METRICS],
        },
        Section {
            id: "logging",
            shown_when: None,
            title: "Logging",
            intro: own_form_text!("What is logged, how personal data is kept out of the logs, and how long audit logs are kept."),
            guidance: own_form_text!(&[
                "Log the request and response (sanitized), token counts, the model version and trace IDs.",
                "Never log raw PII: redact before logging, not afterwards.",
                "Regulated industries need audit logs: say how long they are kept and who can read them.",
            ]),
            fields: &[
                LOGGED,
                PII_REDACTION,
                AUDIT_RETENTION,
            ],
        },
        Section {
            id: "incidents",
            shown_when: None,
            title: "Incident response",
            intro: own_form_text!("The six-step workflow, with what this team actually does at each step."),
            guidance: own_form_text!(&[
                "Six steps: Detect, Triage, Contain, Investigate, Resolve, Review.",
                "AI-specific triage: is this an AI API issue or an infrastructure issue?",
                "Containment options: a circuit breaker, a fallback to a simpler model, disabling the feature.",
            ]),
            fields: &[
                STEPS,
                Field {
                    id: "ai_triage",
                    label: "AI-specific triage",
                    help: own_form_text!("How on-call tells an AI API problem from an infrastructure problem, and what each leads to."),
                    kind: FieldKind::LongText {
                        placeholder: own_form_text!("e.g. Check the provider status page and the AI API latency panel first: if P95 from the API is high while our own services are healthy…"),
                    },
                    optional: false,
                },
                CONTAINMENT,
            ],
        },
        Section {
            id: "capacity",
            shown_when: None,
            title: "Scaling and capacity operations",
            intro: own_form_text!("The scaling configuration from Exercise 2.1, and how on-call watches it."),
            guidance: own_form_text!(&[
                "Scale on tokens per minute and queue depth as well as requests: AI requests vary 100× in cost.",
                "Watch how close the system runs to max instances and to the provider’s rate limits; both are capacity alarms.",
                "Cooldowns prevent flapping: check scale-out and scale-in delays when instance counts swing.",
            ]),
            fields: &[
                Field {
                    id: "scaling_from_2_1",
                    label: "Scaling configuration (from Exercise 2.1)",
                    help: own_form_text!("Shown from your deployment strategy, not retyped here. It is part of this file’s export."),
                    kind: FieldKind::Reference(Reference {
                        exercise: "m6-2.1",
                        fields: &["min_instances", "max_instances", "scale_out_delay", "scale_in_delay", "scaling_json"],
                    }),
                    optional: false,
                },
                Field {
                    id: "capacity_watch",
                    label: "How on-call watches capacity",
                    help: own_form_text!("Which dashboards and alerts, what “too close to the limit” means, and what on-call does then."),
                    kind: FieldKind::LongText {
                        placeholder: own_form_text!("e.g. Alert when instances stay at max for 10 minutes or tokens per minute pass 80% of quota; on-call requests a quota increase…"),
                    },
                    optional: false,
                },
            ],
        },
        Section {
            id: "on_call",
            shown_when: None,
            title: "On-call and escalation",
            intro: own_form_text!("Who responds, how to reach them, and how fast each severity must be answered."),
            guidance: own_form_text!(&[
                "Name roles, not just people: primary and secondary on-call, an escalation lead, the AI provider’s support.",
                "Contacts can stay placeholders (a rota link, a pager alias) until the client fills them in; never leave them blank.",
                "Severity levels need a definition and a response time that the client has agreed to.",
            ]),
            fields: &[
                ROLES,
                SEVERITIES,
            ],
        },
    ],
    companion: None,
    carried: &[],
    client_document: None,
    red_flags: crate::course::no_red_flags,
    scripts: crate::course::no_scripts,
    grading: None,
    files: &[],
    criteria: &[
        Criterion {
            text: "Observability stack: a tool for metrics, logs, traces, dashboards and alerting",
            judges: &[],
            met: |a| a.rows("stack").len() >= PILLARS.len() && a.rows("stack").iter().all(|r| has_cell(r, "tool")),
        },
        Criterion {
            text: "AI-specific alerts: latency, cost per request and token usage, each with a threshold and someone paged",
            judges: &[],
            met: |a| ["latency", "cost", "token"].iter().all(|m| metric_with_alert(a, m)),
        },
        Criterion {
            text: "Logging covers what is logged, PII redaction before logging, and audit retention",
            judges: &[],
            met: |a| a.has("logged") && a.has("pii_redaction") && a.has("audit_retention"),
        },
        Criterion {
            text: "Incident response: concrete actions for all six steps",
            judges: &[],
            met: |a| {
                a.rows("steps").len() >= INCIDENT_STEPS.len()
                    && a.rows("steps").iter().all(|r| has_cell(r, "actions"))
            },
        },
        Criterion {
            text: "AI-specific triage (AI API or infrastructure) and at least one containment option",
            judges: &[],
            met: |a| a.has("ai_triage") && !a.selected("containment").is_empty(),
        },
        Criterion { text: "On-call watches capacity against the 2.1 scaling configuration", judges: &[], met: |a| a.has("capacity_watch") },
        Criterion {
            text: "Escalation: roles with contacts, and severity levels with response times",
            judges: &[],
            met: |a| {
                !a.rows("roles").is_empty()
                    && a.rows("roles").iter().all(|r| has_cell(r, "contact"))
                    && !a.rows("severities").is_empty()
                    && a.rows("severities").iter().all(|r| has_cell(r, "response"))
            },
        },
    ],
};

// Fields the capstone carries over (Exercise::carried): one description for both.

pub(in crate::course::module6) const STACK: Field = Field {
    id: "stack",
    label: "Tools per pillar",
    help: form_text!("For each pillar, the tool you choose and what it covers for this client."),
    kind: FieldKind::Table(TableSpec {
        row_noun: "pillar",
        columns: &[Column::short("tool", "Tool"), Column::long("covers", "What it covers")],
        rows: TableRows::Fixed { header: "Pillar", labels: PILLARS },
    }),
    optional: false,
};

pub(in crate::course::module6) const AI_METRICS: Field = Field {
    id: "ai_metrics",
    label: "Metrics and alerts",
    help: form_text!("The alert thresholds start from the guide’s (P95 above 10 s, cost per request above target, token usage above 80% of the limit); the targets and the other rows are starting points of this app, not the guide’s. Put this client’s numbers in, add or remove rows."),
    kind: FieldKind::Table(TableSpec {
        row_noun: "metric",
        columns: &[
            Column::short("metric", "Metric"),
            Column::short("target", "Target"),
            Column::short("alert", "Alert threshold"),
            Column::short("severity", "Severity"),
            Column::short("paged", "Who is paged"),
        ],
        rows: TableRows::Editable {
            defaults: &[
                &["P95 latency", "< 5 s", "> 10 s"],
                &["Cost per request", "At or below target", "Above target"],
                &["Token usage", "< 80% of limit", "> 80% of limit"],
                &["Error rate", "< 1%"],
                &["Quality score"],
            ],
        },
    }),
    optional: false,
};

pub(in crate::course::module6) const PII_REDACTION: Field = Field {
    id: "pii_redaction",
    label: "PII redaction before logging",
    help: form_text!("Where in the pipeline personal data is removed, and how that is checked."),
    kind: FieldKind::LongText {
        placeholder: form_text!(
            "e.g. A logging middleware masks names, emails and policy numbers before anything is written…"
        ),
    },
    optional: false,
};

pub(in crate::course::module6) const AUDIT_RETENTION: Field = Field {
    id: "audit_retention",
    label: "Audit-log retention",
    help: form_text!(
        "For regulated clients: how long, where, and who can read them. Say so if the client is not regulated."
    ),
    kind: FieldKind::Text {
        placeholder: form_text!("e.g. 7 years in write-once storage, read access for compliance only"),
    },
    optional: false,
};

pub(in crate::course::module6) const SEVERITIES: Field = Field {
        id: "severities",
        label: "Severity levels",
        help: form_text!("What each level means for this client and how fast someone responds, e.g. SEV1: the AI feature is down or data is exposed, 15 minutes."),
        kind: FieldKind::Table(TableSpec {
            row_noun: "severity level",
            columns: &[
                Column::short("level", "Level"),
                Column::long("definition", "Definition"),
                Column::short("response", "Response time"),
            ],
            rows: TableRows::Editable {
                defaults: &[&["SEV1"], &["SEV2"], &["SEV3"]],
            },
        }),
        optional: false,
    };

pub(in crate::course::module6) const LOGGED: Field = Field {
    id: "logged",
    label: "What is logged",
    help: form_text!("For each request: what goes into the log, and what never does."),
    kind: FieldKind::LongText {
        placeholder: form_text!(
            "e.g. Sanitized prompt and response, input/output token counts, model id and version, trace ID, latency…"
        ),
    },
    optional: false,
};

pub(in crate::course::module6) const STEPS: Field = Field {
    id: "steps",
    label: "The six steps",
    help: form_text!("Concrete actions: who does what, with which tool, within what time."),
    kind: FieldKind::Table(TableSpec {
        row_noun: "step",
        columns: &[Column::long("actions", "Our concrete actions")],
        rows: TableRows::Fixed { header: "Step", labels: INCIDENT_STEPS },
    }),
    optional: false,
};

pub(in crate::course::module6) const CONTAINMENT: Field = Field {
    id: "containment",
    label: "Containment options ready to use",
    help: form_text!("Choose every option the system supports today."),
    kind: FieldKind::MultiChoice {
        options: &[
            ChoiceOption {
                value: "circuit_breaker",
                label: "Circuit breaker",
                detail: "Stops calling a failing AI API, so errors do not pile up and costs do not run away.",
            },
            ChoiceOption {
                value: "fallback_model",
                label: "Fallback to a simpler model",
                detail: "Keeps the feature working at lower quality or cost while the main model recovers.",
            },
            ChoiceOption {
                value: "disable_feature",
                label: "Disable the feature",
                detail: "A feature flag turns the AI feature off and shows users a clear message.",
            },
        ],
    },
    optional: false,
};

pub(in crate::course::module6) const ROLES: Field = Field {
    id: "roles",
    label: "Roles and contacts",
    help: form_text!("Use placeholders such as “<pager alias>” where the client still has to decide."),
    kind: FieldKind::Table(TableSpec {
        row_noun: "role",
        columns: &[Column::short("role", "Role"), Column::short("who", "Who"), Column::short("contact", "Contact")],
        rows: TableRows::Editable {
            defaults: &[&["Primary on-call"], &["Secondary on-call"], &["Escalation lead"], &["AI provider support"]],
        },
    }),
    optional: false,
};

fn has_cell(row: &crate::model::Row, column: &str) -> bool {
    row.get(column).is_some_and(|v| !v.trim().is_empty())
}

/// A metrics row whose name mentions `name`, with an alert threshold and someone paged.
fn metric_with_alert(answers: &ExerciseAnswers, name: &str) -> bool {
    answers.rows("ai_metrics").iter().any(|row| {
        row.get("metric").is_some_and(|m| contains_ignoring_case(m, name))
            && has_cell(row, "alert")
            && has_cell(row, "paged")
    })
}
