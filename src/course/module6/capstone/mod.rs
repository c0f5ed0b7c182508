//! Module 6, Exercise 2.3: the capstone, an enterprise AI architecture proposal and its
//! executive presentation. Source: the guide's "Capstone Overview", "Capstone Quality
//! Indicators" and "Capstone Evaluation Criteria" (Appendix C rubric).
//!
//! The capstone is synthesis: its scaling, deployment and operations parts start from
//! Exercises 2.1 and 2.2 (`Exercise::carried`: the same fields, never retyped) and are
//! refined for the client; the figures (weighted scores, cost projections, each scenario's
//! load, the rollout timeline) are computed from the participant's inputs. It is written
//! as a client document (`Exercise::client_document`).

mod calculators;
mod decision;
mod figures;
mod red_flags;
mod rubric;
mod slides;
mod timeline;

use super::deployment_strategy::{
    HEALTH_PROBE_CHECKS_AI, HOSTING_MODEL, HOSTING_RATIONALE, HYBRID_PATTERN, INSTANCE_COST, MAX_INSTANCES,
    MIGRATION_STRATEGY, MIN_INSTANCES, PHASES, ROLLBACK_OWNER, ROLLBACK_PROCEDURE, ROLLBACK_TESTING, ROLLBACK_TRIGGERS,
    SCALE_IN_DELAY, SCALE_OUT_DELAY, SCALING_JSON, SESSION_AFFINITY, TRIGGERS,
};
use super::operations_runbook::{
    AI_METRICS, AUDIT_RETENTION, CONTAINMENT, LOGGED, PII_REDACTION, ROLES, SEVERITIES, STACK, STEPS,
};
use crate::course::*;
use crate::diagram;
use crate::escape;
use crate::model::Row;
use crate::numbers::parse_number;
use crate::numbers::{self, money};
use calculators::calculator_flags;
use decision::{downtime_budget, general_availability, investment, TYPICAL_RISKS};
use figures::{cost_projections, scenario_load, weighted_totals};
use red_flags::{
    carried_over, client_unnamed, contradictions, copy_paste, every_section_answered, filled_rows, has_diagram,
    implausible_figures, placeholders, red_flag_report, red_flags,
};
use slides::*;
use timeline::rollout_timeline;

/// The sections of the proposal document (all but the presentation), for the criteria that
/// read all of it.
const PROPOSAL_SECTIONS: &[&str] = &[
    "client",
    "business_case",
    "platform",
    "security",
    "data_protection",
    "cost",
    "scaling",
    "reliability",
    "deployment",
    "operations",
    "diagrams",
    "decisions",
    "risks",
    "team",
    "roadmap",
];

pub const CAPSTONE: Exercise = Exercise {
    key: "m6-2.3",
    number: "2.3",
    title: "Capstone: Enterprise Architecture Proposal",
    summary: "A client-ready proposal and executive presentation that synthesise Sessions 1 and 2.",
    deliverable: "enterprise-architecture-proposal.md",
    minutes: None,
    page: Some("capstone/"),
    sections: &[
        Section {
            id: "client",
            shown_when: None,
            title: "Client and executive summary",
            intro: form_text!("Who the proposal is for and what you recommend, in a page a CTO reads first."),
            guidance: form_text!(&[
                "This is what you would present to a CTO: make it professional quality.",
                "Typically 15-25 pages including diagrams, with an executive presentation of 10-15 slides: completeness matters more than length (the guide). The report before the deck estimates the printed length.",
                "Real is better if you can: sanitise the client's name and sensitive details. Otherwise build a realistic scenario from common client patterns.",
                "Name the client throughout. Generic content not tied to the client is a red flag.",
            ]),
            fields: &[
                Field {
                    id: "client_name",
                    label: "Client name",
                    help: form_text!("Sanitised if the client is real. The self-check looks for it in your text."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. Northwind Insurance") },
                    optional: false,
                },
                Field {
                    id: "client_context",
                    label: "Client context and challenge",
                    help: form_text!("Industry, size, regulation, what the AI system does and why now."),
                    kind: FieldKind::LongText { placeholder: form_text!("e.g. Northwind Insurance handles 40,000 claims a month…") },
                    optional: false,
                },
                Field {
                    id: "executive_summary",
                    label: "Executive summary",
                    help: form_text!("The recommendation, its cost and timeline, and the decision you ask for, in a few paragraphs."),
                    kind: FieldKind::LongText { placeholder: form_text!("We recommend…") },
                    optional: false,
                },
                Field {
                    id: "decision_requested",
                    label: "Decision requested",
                    help: form_text!("What the executive should approve."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. Approve a 6-week pilot with 10 adjusters") },
                    optional: false,
                },
                Field {
                    id: "document_version",
                    label: "Document version",
                    help: form_text!("On the cover. Left empty, it is 1.0."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. 1.0") },
                    optional: true,
                },
                Field {
                    id: "document_status",
                    label: "Document status",
                    help: form_text!("On the cover. Left empty, it is a draft."),
                    kind: FieldKind::Choice { options: DOCUMENT_STATUSES },
                    optional: true,
                },
            ],
        },
        Section {
            id: "business_case",
            shown_when: None,
            title: "Business case and investment",
            intro: form_text!("Why the client should spend the money: the problem in business terms, the benefit with a measure, what it costs up front and when it pays back."),
            guidance: form_text!(&[
                "A CTO signs a case, not a technology: say what the problem costs the business today.",
                "Measure each benefit (today → target) and put a yearly value on it you can defend.",
                "One-off costs are the build, the reviews and the training; running costs come from your cost analysis.",
            ]),
            fields: &[
                Field {
                    id: "business_problem",
                    label: "The problem in business terms",
                    help: form_text!("What it costs today, in time, money or risk, and for whom."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
                Field {
                    id: "benefits",
                    label: "Benefits",
                    help: form_text!("Each benefit, how it is measured (today → target), and what it is worth a year."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "benefit",
                        columns: &[
                            Column::short("benefit", "Benefit"),
                            Column::long("measure", "Measure (today → target)"),
                            Column::short("value", "Value a year ($)").money(),
                        ],
                        rows: TableRows::Editable { defaults: &[] },
                    }),
                    optional: false,
                },
                Field {
                    id: "one_off_costs",
                    label: "One-off costs",
                    help: form_text!("What is paid once, before or during the rollout."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "cost",
                        columns: &[Column::short("item", "Item"), Column::short("cost", "Cost ($)").money()],
                        rows: TableRows::Editable {
                            defaults: &[&["Integration and build"], &["Security review and DPIA"], &["Training and change"]],
                        },
                    }),
                    optional: false,
                },
                Field {
                    id: "investment",
                    label: "Investment and payback",
                    help: form_text!("The running cost is the busiest scenario's month under Cost analysis; payback is the one-off costs over the benefit left after it."),
                    kind: FieldKind::ComputedTable(ComputedTable::shown(
                        investment,
                        "Enter the one-off costs, the benefits' values and the scenarios' costs.",
                    )),
                    optional: false,
                },
            ],
        },
        Section {
            id: "platform",
            shown_when: None,
            title: "Platform recommendation",
            intro: form_text!("Your Session 1 platform comparison (Exercise 1.1) as a weighted scoring table. The app computes the weighted totals."),
            guidance: form_text!(&[
                "Rubric, Platform Analysis (5 points): comprehensive comparison with weighted scoring, a clear recommendation with rationale, client-specific factors addressed.",
                "Weights are percentages and should add up to 100. Scores run from 1 (poor) to 5 (excellent).",
                "Reuse Exercise 1.1: refine it for this client rather than starting from scratch.",
            ]),
            fields: &[
                Field {
                    id: "platform_a",
                    label: "Platform A",
                    help: form_text!("The platforms you compared; each names a column of scores."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. AWS Bedrock") },
                    optional: false,
                },
                Field {
                    id: "platform_b",
                    label: "Platform B",
                    help: "",
                    kind: FieldKind::Text { placeholder: form_text!("e.g. Azure OpenAI") },
                    optional: false,
                },
                Field {
                    id: "platform_c",
                    label: "Platform C",
                    help: form_text!("Optional: leave empty to compare two platforms."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. Self-hosted Llama on Kubernetes") },
                    optional: true,
                },
                Field {
                    id: "scoring",
                    label: "Weighted scoring",
                    help: form_text!("One row per criterion: its weight in percent and each platform's score from 1 to 5."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "criterion",
                        columns: &[
                            Column::short("criterion", "Criterion"),
                            Column::short("weight", "Weight (%)"),
                            Column::short("score_a", "Platform A").headed_by("platform_a"),
                            Column::short("score_b", "Platform B").headed_by("platform_b"),
                            Column::short("score_c", "Platform C").optional().headed_by("platform_c"),
                        ],
                        rows: TableRows::Editable {
                            defaults: &[
                                &["Cost at projected volume", "25"],
                                &["Security and compliance", "25"],
                                &["Model quality and choice", "20"],
                                &["Integration with the client's stack", "15"],
                                &["Operational maturity", "15"],
                            ],
                        },
                    }),
                    optional: false,
                },
                Field {
                    id: "weighted_totals",
                    label: "Weighted totals",
                    help: form_text!("Σ(weight × score) ÷ Σ weights, out of 5."),
                    kind: FieldKind::ComputedTable(ComputedTable::shown(
                        weighted_totals,
                        "Name at least one platform and give a criterion a weight and a score from 1 to 5.",
                        )),
                    optional: false,
                },
                Field {
                    id: "recommended_platform",
                    label: "Recommended platform",
                    help: form_text!("Usually the highest weighted total; say why if not."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. Azure OpenAI") },
                    optional: false,
                },
                Field {
                    id: "recommendation_rationale",
                    label: "Rationale",
                    help: form_text!("Why this platform wins for this client, with the data from the table."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
                Field {
                    id: "client_factors",
                    label: "Client-specific factors",
                    help: form_text!("Existing contracts, skills, data residency, procurement: what tips the balance for this client."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "security",
            shown_when: None,
            title: "Security architecture",
            intro: form_text!("Your Exercise 1.2 security architecture: defense in depth, the AI-specific controls and compliance."),
            guidance: form_text!(&[
                "Rubric, Security Architecture (5 points): defense in depth with all layers, AI-specific controls, compliance mapping.",
                "Rename the layers to match your Exercise 1.2 if they differ; keep all five.",
                "Map each regulation the client is subject to onto the control that satisfies it.",
            ]),
            fields: &[
                Field {
                    id: "security_layers",
                    label: "Defense in depth",
                    help: form_text!("Each layer and its controls."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "layer",
                        columns: &[
                            Column::short("layer", "Layer"),
                            Column::long("controls", "Controls"),
                        ],
                        rows: TableRows::Editable {
                            defaults: &[
                                &["Network"],
                                &["Identity and access"],
                                &["Application"],
                                &["Data"],
                                &["Monitoring and response"],
                            ],
                        },
                    }),
                    optional: false,
                },
                Field {
                    id: "ai_controls",
                    label: "AI-specific controls",
                    help: "",
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "risk",
                        columns: &[Column::long("control", "Control")],
                        rows: TableRows::Fixed {
                            header: "Risk",
                            labels: &["Prompt injection", "Data leakage", "Model access"],
                        },
                    }),
                    optional: false,
                },
                Field {
                    id: "compliance",
                    label: "Compliance mapping",
                    help: form_text!("One row per requirement: regulation, what it requires, and the control that meets it."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "requirement",
                        columns: &[
                            Column::short("regulation", "Regulation"),
                            Column::long("requirement", "Requirement"),
                            Column::long("control", "Control"),
                        ],
                        rows: TableRows::Editable { defaults: &[] },
                    }),
                    optional: false,
                },
            ],
        },
        Section {
            id: "data_protection",
            shown_when: None,
            title: "Compliance and data protection",
            intro: form_text!("What the regulations ask beyond the controls: the impact assessment, people's oversight of the AI, where the data goes and how long it stays."),
            guidance: form_text!(&[
                "Processing personal data at scale with a new technology usually needs a DPIA (GDPR Art. 35): say when it runs and who signs it.",
                "A decision that affects a person (a claim, a loan) needs a person who can overrule the AI (GDPR Art. 22, the EU AI Act).",
                "Follow the data: prompts, answers, logs and audit records, each with its region and retention.",
            ]),
            fields: &[
                Field {
                    id: "dpia",
                    label: "Data protection impact assessment",
                    help: form_text!("Whether one is needed, who runs it, when, and what it found or must settle."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
                Field {
                    id: "human_oversight",
                    label: "Human oversight",
                    help: form_text!("Who checks the AI's output before it affects a person, and how they overrule it."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
                Field {
                    id: "data_flows",
                    label: "Where the data goes",
                    help: form_text!("Each kind of data: where it is sent or stored, in which region, and for how long."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "data flow",
                        columns: &[
                            Column::short("data", "Data"),
                            Column::long("destination", "Goes to"),
                            Column::short("region", "Region"),
                            Column::short("retention", "Kept for"),
                        ],
                        rows: TableRows::Editable {
                            defaults: &[&["Prompts"], &["Model answers"], &["Logs and traces"], &["Audit records"]],
                        },
                    }),
                    optional: false,
                },
                PII_REDACTION,
                AUDIT_RETENTION,
            ],
        },
        Section {
            id: "cost",
            shown_when: None,
            title: "Cost analysis",
            intro: form_text!("Your Exercise 1.3 cost model. The app projects monthly and yearly cost for each scaling scenario."),
            guidance: form_text!(&[
                "Rubric, Cost & Operations (5 points): a detailed cost model with projections and a realistic scaling plan.",
                "Use the rollout phases as scenarios: pilot (about 10 users), limited (about 100), general (all users).",
                "Unrealistic projections are a red flag: each scenario should serve more users than the one before, and no cost should be zero.",
            ]),
            fields: &[
                Field {
                    id: "tokens_per_request",
                    label: "Tokens per request",
                    help: form_text!("Prompt plus completion, on average."),
                    kind: FieldKind::Number { unit: "tokens" },
                    optional: false,
                },
                Field {
                    id: "price_per_1k",
                    label: "Price per 1K tokens",
                    help: form_text!("Blended input/output price of the recommended model."),
                    kind: FieldKind::Number { unit: "$" },
                    optional: false,
                },
                Field {
                    id: "busy_hours",
                    label: "Busy hours a day",
                    help: form_text!("The hours in which a day's requests arrive: office hours, for a tool staff use at work. The load table and the self-check spread the day over these. Left empty, 8."),
                    kind: FieldKind::Number { unit: "hours" },
                    optional: true,
                },
                Field {
                    id: "peak_factor",
                    label: "Peak over the busy-hour average",
                    help: form_text!("How much busier the busiest hour is than the busy hours' average (a Monday morning, a month end). Left empty, 2."),
                    kind: FieldKind::Number { unit: "times" },
                    optional: true,
                },
                Field {
                    id: "scenarios",
                    label: "Scaling scenarios",
                    help: form_text!("Users, requests per day and infrastructure cost per month of each scenario."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "scenario",
                        columns: &[
                            Column::short("scenario", "Scenario"),
                            Column::short("users", "Users").count(),
                            Column::short("requests_per_day", "Requests per day").count(),
                            Column::short("infrastructure", "Infrastructure ($ per month)").money(),
                        ],
                        rows: TableRows::Editable {
                            defaults: &[&["Pilot", "10"], &["Limited", "100"], &["General availability"]],
                        },
                    }),
                    optional: false,
                },
                Field {
                    id: "projections",
                    label: "Cost projections",
                    help: form_text!("AI API = requests per day × 30 × tokens per request ÷ 1,000 × price per 1K tokens."),
                    kind: FieldKind::ComputedTable(ComputedTable::shown(
                        cost_projections,
                        "Enter tokens per request, the price per 1K tokens and a scenario's requests per day.",
                        )),
                    optional: false,
                },
                Field {
                    id: "cost_assumptions",
                    label: "Assumptions and optimisations",
                    help: form_text!("Caching, model routing, reserved capacity; what would change the numbers."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "scaling",
            shown_when: None,
            title: "Scaling plan",
            intro: form_text!("Your Exercise 2.1 auto-scaling, checked against the cost scenarios. It starts as you wrote it in 2.1: refine it for this proposal."),
            guidance: form_text!(&[
                "Rubric, Cost & Operations (5 points): a realistic scaling plan.",
                "Multiple triggers: requests AND tokens AND queue depth. The load table shows what each scenario asks of the token quota.",
                "A plan that cannot carry the largest scenario is a red flag: raise the quota, cache, or change the scenario.",
                "Copy-paste without synthesis is a red flag: say what the plan means for this client's peaks and budget.",
            ]),
            fields: &[
                MIN_INSTANCES,
                MAX_INSTANCES,
                INSTANCE_COST,
                TRIGGERS,
                SCALE_OUT_DELAY,
                SCALE_IN_DELAY,
                SESSION_AFFINITY,
                HEALTH_PROBE_CHECKS_AI,
                Field {
                    id: "scenario_load",
                    label: "Load per scenario",
                    help: form_text!("Each cost scenario at its busiest minute: the day's requests over the busy hours, times the peak factor (Cost analysis)."),
                    kind: FieldKind::ComputedTable(ComputedTable::shown(
                        scenario_load,
                        "Enter the tokens per request and the scenarios' requests per day under Cost analysis.",
                        )),
                    optional: false,
                },
                SCALING_JSON,
                Field {
                    id: "scaling_synthesis",
                    label: "How the plan carries the rollout",
                    help: form_text!("Which scenario reaches which limit (instances, quota, budget) and what happens then, for this client."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "reliability",
            shown_when: None,
            title: "Reliability targets",
            intro: form_text!("How available the service must be, how fast it recovers and what it loses, and what runs when the model does not."),
            guidance: form_text!(&[
                "An availability SLO is a budget: 99.9% a month is 43 minutes of downtime.",
                "RTO is how long recovery may take; RPO is how much data may be lost.",
                "The AI provider is a dependency that fails: name the fallback model, or the manual process.",
            ]),
            fields: &[
                Field {
                    id: "availability_slo",
                    label: "Availability target (SLO)",
                    help: form_text!("A percentage over a period, and when it applies."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. 99.9% a month, in business hours") },
                    optional: false,
                },
                Field::computed(
                    "downtime_budget",
                    "Downtime it allows",
                    "",
                    downtime_budget,
                    "Give the SLO as a percentage.",
                ),
                Field {
                    id: "rto",
                    label: "Recovery time objective (RTO)",
                    help: "",
                    kind: FieldKind::Text { placeholder: form_text!("e.g. 4 hours") },
                    optional: false,
                },
                Field {
                    id: "rpo",
                    label: "Recovery point objective (RPO)",
                    help: "",
                    kind: FieldKind::Text { placeholder: form_text!("e.g. 15 minutes") },
                    optional: false,
                },
                Field {
                    id: "zones_regions",
                    label: "Zones and regions",
                    help: form_text!("Where it runs, and why there."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
                Field {
                    id: "failover",
                    label: "Failover",
                    help: form_text!("What happens when a zone, a region or the AI provider fails, and how long it takes."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
                Field {
                    id: "fallback_model",
                    label: "Fallback model",
                    help: form_text!("What answers when the main model is down or over quota."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. GPT-4o mini in a second region") },
                    optional: false,
                },
            ],
        },
        Section {
            id: "deployment",
            shown_when: None,
            title: "Deployment strategy",
            intro: form_text!("Your Exercise 2.1 strategy. Each part starts as you wrote it in 2.1: refine it for the client here, and say what it means for them."),
            guidance: form_text!(&[
                "Copy-paste of exercises without synthesis is a red flag: say how the phases, migration and rollback fit this client's risk, budget and timeline.",
                "Refining a part here changes the proposal only; Exercise 2.1 keeps its own answer, and the form says where the two differ.",
                "The rollout timeline is drawn from the phases and the start date.",
            ]),
            fields: &[
                HOSTING_MODEL,
                HYBRID_PATTERN,
                HOSTING_RATIONALE,
                PHASES,
                MIGRATION_STRATEGY,
                ROLLBACK_TRIGGERS,
                ROLLBACK_PROCEDURE,
                ROLLBACK_TESTING,
                ROLLBACK_OWNER,
                Field {
                    id: "rollout_start",
                    label: "Rollout start date",
                    help: form_text!("YYYY-MM-DD: the first day of the first phase."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. 2027-02-01") },
                    optional: false,
                },
                Field {
                    id: "rollout_timeline",
                    label: "Rollout timeline",
                    help: form_text!("The phases from the start date; an ongoing phase is shown as open-ended. The file carries it as a Mermaid gantt chart."),
                    kind: FieldKind::Chart(Chart::drawn(
                        rollout_timeline,
                        "Needs the start date and the phases' durations (e.g. “4-6 weeks”).",
                    )),
                    optional: false,
                },
                Field {
                    id: "deployment_synthesis",
                    label: "What the rollout means for the client",
                    help: form_text!("Why this rollout suits the client, and how the go/no-go decisions tie to the business case."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "operations",
            shown_when: None,
            title: "Operations",
            intro: form_text!("Your Exercise 2.2 runbook: tools, metrics, logging, incidents and on-call. Each part starts as you wrote it in 2.2: refine it for the client here."),
            guidance: form_text!(&[
                "Rubric, Cost & Operations: operational procedures documented.",
                "Say who runs what after go-live, and how the metrics connect to the cost model and the rollout decisions.",
                "The tools should fit the recommended platform: another cloud's services need a reason.",
                "Replace placeholders such as “<pager alias>” with the client's contacts, or say who will decide them.",
            ]),
            fields: &[
                STACK,
                AI_METRICS,
                LOGGED,
                STEPS,
                CONTAINMENT,
                ROLES,
                SEVERITIES,
                Field {
                    id: "operations_synthesis",
                    label: "Who runs the service",
                    help: form_text!("Who operates the system, with which tools, and how incidents reach the client."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "diagrams",
            shown_when: None,
            title: "Architecture diagrams",
            intro: form_text!("Build the architecture from its components and connections. The app draws it here and exports it as a Mermaid diagram that GitHub renders."),
            guidance: form_text!(&[
                "No architecture diagrams is a red flag. Reuse your Session 1 diagrams: refine them and add the deployment details.",
                "Group components by layer (client, edge, application, AI, data) so the drawing reads left to right.",
                "A hybrid or on-premises deployment shows its boundary: put what runs on the client's premises in a group named e.g. “On-premises”.",
            ]),
            fields: &[
                Field {
                    id: "components",
                    label: "Components",
                    help: form_text!("Each box of the diagram. The group is optional (e.g. Edge, AI, Data)."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "component",
                        columns: &[
                            Column::short("name", "Name"),
                            Column::short("group", "Group").optional(),
                        ],
                        rows: TableRows::Editable { defaults: &[] },
                    }),
                    optional: false,
                },
                Field {
                    id: "connections",
                    label: "Connections",
                    help: form_text!("Each arrow: the names of two components and, optionally, what flows along it."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "connection",
                        columns: &[
                            Column::short("from", "From"),
                            Column::short("to", "To"),
                            Column::short("label", "Label").optional(),
                        ],
                        rows: TableRows::Editable { defaults: &[] },
                    }),
                    optional: false,
                },
                Field {
                    id: "architecture_diagram",
                    label: "Architecture diagram",
                    help: "",
                    kind: FieldKind::Diagram(DiagramSpec { components: "components", connections: "connections" }),
                    optional: false,
                },
            ],
        },
        Section {
            id: "decisions",
            shown_when: None,
            title: "Decision records",
            intro: form_text!("The key choices of this proposal, each with what was weighed, so the client can revisit one without redoing them all."),
            guidance: form_text!(&[
                "One record per choice that is costly to reverse: platform, hosting, rollout, and any other.",
                "Name the options you rejected and why: that is what a reviewer checks.",
            ]),
            fields: &[Field {
                id: "decision_records",
                label: "Decisions",
                help: "",
                kind: FieldKind::Table(TableSpec {
                    row_noun: "decision",
                    columns: &[
                        Column::short("decision", "Decision"),
                        Column::long("context", "Context"),
                        Column::long("options", "Options considered"),
                        Column::long("choice", "Chosen, and why"),
                        Column::long("consequences", "Consequences"),
                    ],
                    rows: TableRows::Editable { defaults: &[&["Platform"], &["Hosting model"], &["Migration strategy"]] },
                }),
                optional: false,
            }],
        },
        Section {
            id: "risks",
            shown_when: None,
            title: "Risks, assumptions and dependencies",
            intro: form_text!("What could go wrong, what the plan takes as given, and what it needs from others."),
            guidance: form_text!(&[
                "The register starts with the usual AI risks: rate each for this client, adapt its mitigation and name its owner. Delete a row only if the risk truly does not apply.",
                "An assumption that proves wrong is a risk: volumes, prices, the quota, skills.",
            ]),
            fields: &[
                Field {
                    id: "risk_register",
                    label: "Risk register",
                    help: form_text!("Likelihood and impact as Low, Medium or High."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "risk",
                        columns: &[
                            Column::short("risk", "Risk"),
                            Column::short("likelihood", "Likelihood"),
                            Column::short("impact", "Impact"),
                            Column::long("mitigation", "Mitigation"),
                            Column::short("owner", "Owner"),
                        ],
                        rows: TableRows::Editable { defaults: TYPICAL_RISKS },
                    }),
                    optional: false,
                },
                Field {
                    id: "assumptions",
                    label: "Assumptions",
                    help: form_text!("Volumes, prices, quota, skills: what the figures rest on."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
                Field {
                    id: "dependencies",
                    label: "Dependencies",
                    help: form_text!("What the plan needs from the provider, the client's teams and other projects, and by when."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "team",
            shown_when: None,
            title: "Team and roles",
            intro: form_text!("Who does the work, and how much of their time it takes."),
            guidance: form_text!(&["Name a person or a team for every role; a role nobody fills is a risk."]),
            fields: &[Field {
                id: "team",
                label: "Team",
                help: "",
                kind: FieldKind::Table(TableSpec {
                    row_noun: "role",
                    columns: &[
                        Column::short("role", "Role"),
                        Column::short("who", "Who"),
                        Column::short("time", "Time"),
                        Column::long("responsibilities", "Responsibilities"),
                    ],
                    rows: TableRows::Editable {
                        defaults: &[
                            &["Executive sponsor"],
                            &["Product owner"],
                            &["Platform engineering"],
                            &["AI engineering"],
                            &["Security and compliance"],
                            &["Change and training"],
                        ],
                    },
                }),
                optional: false,
            }],
        },
        Section {
            id: "roadmap",
            shown_when: None,
            title: "Roadmap and next steps",
            intro: form_text!("From today to general availability: what is prepared before the pilot, the milestones, and what you need from the client."),
            guidance: form_text!(&[
                "Rubric, Proposal Quality (5 points): client-ready quality, all components integrated, a realistic roadmap and next steps.",
                "Tie milestones to the rollout phases and their go/no-go decisions.",
                "The pilot needs weeks of preparation: contracts and quota, the DPIA, the security review, integration and training.",
            ]),
            fields: &[
                Field {
                    id: "preparation",
                    label: "Before the pilot",
                    help: form_text!("What must be ready before the first user, and by when."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
                Field::computed(
                    "general_availability",
                    "General availability",
                    form_text!("From the rollout start and the phases' durations (Deployment strategy)."),
                    general_availability,
                    "Needs the rollout start date and the phases' durations.",
                ),
                Field {
                    id: "roadmap",
                    label: "Roadmap",
                    help: form_text!("Milestones, when, and who owns them."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "milestone",
                        columns: &[
                            Column::short("milestone", "Milestone"),
                            Column::short("timing", "When"),
                            Column::short("owner", "Owner"),
                        ],
                        rows: TableRows::Editable { defaults: &[] },
                    }),
                    optional: false,
                },
                Field {
                    id: "next_steps",
                    label: "Next steps",
                    help: form_text!("The first actions after approval, and what the client must provide."),
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "presentation",
            shown_when: None,
            title: "Executive presentation",
            intro: form_text!("A 13-slide Marp deck drafted from your proposal, exported as executive-presentation.md. Each slide follows your answers until you edit it; then your text is kept."),
            guidance: form_text!(&[
                "Executive presentation: 10-15 slides.",
                "A slide is Marp markdown: a heading, a few bullets or a table. Keep each to what a CTO reads in a minute.",
                "Clear a slide's text to go back to the draft.",
            ]),
            fields: &[
                Field::computed(
                    "red_flags",
                    "Before you hand in",
                    form_text!("The guide's red flags, checked on the whole proposal."),
                    red_flag_report,
                    "",
                ),
                slide("slide_title", "Slide 1: Title", slide_title),
                slide("slide_challenge", "Slide 2: The challenge", slide_challenge),
                slide("slide_summary", "Slide 3: Executive summary", slide_summary),
                slide("slide_recommendation", "Slide 4: Recommendation", slide_recommendation),
                slide("slide_scoring", "Slide 5: Platform scoring", slide_scoring),
                slide("slide_security", "Slide 6: Security architecture", slide_security),
                slide("slide_cost", "Slide 7: Cost projections", slide_cost),
                slide("slide_deployment", "Slide 8: Deployment", slide_deployment),
                slide("slide_operations", "Slide 9: Operations", slide_operations),
                slide("slide_architecture", "Slide 10: Architecture", slide_architecture),
                slide("slide_roadmap", "Slide 11: Roadmap", slide_roadmap),
                slide("slide_investment_risks", "Slide 12: Investment and risks", slide_investment_risks),
                slide("slide_decision", "Slide 13: Decision and next steps", slide_decision),
            ],
        },
    ],
    companion: Some(Companion { deliverable: "executive-presentation.md", section: "presentation" }),
    carried: &[
        Carried {
            exercise: "m6-2.1",
            fields: &[
                "min_instances",
                "max_instances",
                "instance_cost",
                "triggers",
                "scale_out_delay",
                "scale_in_delay",
                "session_affinity",
                "health_probe_checks_ai",
                "hosting_model",
                "hybrid_pattern",
                "phases",
                "migration_strategy",
                "rollback_triggers",
                "rollback_procedure",
                "hosting_rationale",
                "rollback_testing",
                "rollback_owner",
            ],
        },
        Carried {
            exercise: "m6-2.2",
            fields: &["stack", "ai_metrics", "logged", "steps", "containment", "roles", "severities", "pii_redaction", "audit_retention"],
        },
    ],
    client_document: Some(ClientDocument {
        title: "Enterprise AI Architecture Proposal",
        client: "client_name",
        version: "document_version",
        status: "document_status",
        // The platforms' names head their columns of scores; version and status are on the
        // cover; the rollout's start is in the timeline and the date of general availability,
        // written as every date of the proposal is ("1 Feb 2027").
        not_in_body: &["platform_a", "platform_b", "platform_c", "document_version", "document_status", "rollout_start"],
        section_titles: &[("client", "Executive summary")],
    }),
    red_flags: if CHECKS_HERE { red_flags } else { crate::course::no_red_flags },
    scripts: crate::course::no_scripts,
    // The review pages grade with it, and the capstone's page shows it beside the
    // self-check (what each criterion looks for and what supports it); the other pages
    // leave the rubric out of their download.
    grading: if cfg!(any(feature = "review", feature = "capstone-page", not(target_arch = "wasm32"))) {
        Some(Grading::Points(&rubric::RUBRIC))
    } else {
        None
    },
    files: &[],
    criteria: &[
        Criterion { text: "Every section of the proposal is answered", judges: &[], met: checked(every_section_answered) },
        Criterion {
            text: "Platforms compared with weighted scoring, and a recommendation with its rationale",
            judges: &[],
            met: checked(|a| weighted_totals(a).is_some_and(|g| g.rows.len() >= 2) && a.has("recommended_platform") && a.has("recommendation_rationale")),
        },
        Criterion {
            text: "Security covers five layers, the AI-specific risks and a compliance mapping",
            judges: &[],
            met: checked(|a| {
                filled_rows(a.rows("security_layers"), "controls") >= 5
                    && filled_rows(a.rows("ai_controls"), "control") == 3
                    && filled_rows(a.rows("compliance"), "control") >= 1
            }),
        },
        Criterion {
            text: "Cost projections for at least three scaling scenarios",
            judges: &[],
            met: checked(|a| cost_projections(a).is_some_and(|g| g.rows.len() >= 3)),
        },
        Criterion {
            text: "Scaling, deployment and operations carried over from Exercises 2.1 and 2.2, each with a synthesis",
            judges: &[],
            met: checked(|a| {
                carried_over(a, "phases")
                    && carried_over(a, "triggers")
                    && carried_over(a, "ai_metrics")
                    && ["scaling_synthesis", "deployment_synthesis", "operations_synthesis"].iter().all(|f| a.has(f))
            }),
        },
        Criterion { text: "At least one architecture diagram", judges: &[], met: checked(|a| has_diagram(a)) },
        Criterion { text: "No placeholder text (TBD, TBC, TODO, <...>, the guide's example rows left as they are)", judges: PROPOSAL_SECTIONS, met: checked(|a| placeholders(a).is_empty()) },
        Criterion { text: "The client is named in the text, not generic", judges: &[], met: checked(|a| client_unnamed(a).is_none()) },
        Criterion { text: "Plausible figures: weights adding up to 100%, scores from 1 to 5, costs above zero, more users in each scenario, phases of a week or more", judges: &["platform", "cost"], met: checked(|a| implausible_figures(a).is_empty()) },
        Criterion {
            text: "The exercises agree: volumes, token quota, tools and hosting match across 2.1, 2.2 and the proposal",
            judges: &["cost", "scaling", "deployment", "operations", "diagrams"],
            met: checked(|a| contradictions(a).is_empty()),
        },
        Criterion {
            text: "The figures hold: the busiest minute within the token quota and under its alert, triggers that fire, an instance cap the budget covers, infrastructure that grows with the users, cost criteria the model meets, cost scores that follow the break-even rule, a benefit above the running cost",
            judges: &["platform", "cost", "scaling", "deployment"],
            met: checked(|a| calculator_flags(a).is_empty()),
        },
        Criterion {
            text: "Synthesis, not copy-paste: each carried part refined for the client or explained in its synthesis",
            judges: &["scaling", "deployment", "operations"],
            met: checked(|a| copy_paste(a).is_empty()),
        },
        Criterion {
            text: "The case for a decision: an investment that pays back, five risks or more each rated, mitigated and owned, three key choices recorded with their options, every role filled, availability as a percentage and a date for general availability",
            judges: &["business_case", "risks", "reliability", "decisions", "team", "roadmap"],
            met: checked(decision::decision_supported),
        },
    ],
};

/// Where a proposal stands, as a client reads it on the cover.
const DOCUMENT_STATUSES: &[ChoiceOption] = &[
    ChoiceOption { value: "Draft", label: "Draft", detail: "" },
    ChoiceOption { value: "For review", label: "For review", detail: "" },
    ChoiceOption { value: "For decision", label: "For decision", detail: "" },
    ChoiceOption { value: "Final", label: "Final", detail: "" },
];

/// Whether this build drafts the deck: the participant's form, the export worker (which
/// writes `executive-presentation.md`) and the native tests. The review and restore pages
/// never draft one (an instructor reads the deck handed in), so their drafts compute
/// nothing and the slide writers stay out of their download: a function named in a
/// static is linked in whether it is called or not.
/// Whether this build checks the capstone itself: every build but the capstone's page,
/// whose self-check asks the export worker (`render::export::Export::Check`). There the criteria and red
/// flags compute nothing, and their code (the calculators, the contradictions, the
/// placeholders, about 8 KB gzip) stays out of the page's download.
pub(super) const CHECKS_HERE: bool = !cfg!(feature = "capstone-page");

const fn checked(met: fn(&Inputs) -> bool) -> fn(&Inputs) -> bool {
    if CHECKS_HERE {
        met
    } else {
        |_| false
    }
}

const DRAFTS_THE_DECK: bool = !cfg!(target_arch = "wasm32") || cfg!(feature = "forms") || cfg!(feature = "worker");

const fn slide(id: &'static str, label: &'static str, draft: fn(&Inputs) -> Option<String>) -> Field {
    Field {
        id,
        label,
        help: "",
        kind: FieldKind::Draft(Computed {
            compute: if DRAFTS_THE_DECK { draft } else { crate::course::not_computed },
            format: ComputedFormat::Text,
            pending: "",
        }),
        // The deck is drafted for the participant: a slide left as drafted is not missing.
        optional: true,
    }
}

// ---------------------------------------------------------------------------------------
// Computed figures

/// What the capstone's unit tests share: answers built cell by cell.
#[cfg(test)]
mod testing {
    use crate::course::Inputs;
    pub use crate::model::Workbook;
    use crate::model::{ExerciseAnswers, Row};

    pub fn inputs_of(answers: &ExerciseAnswers, workbook: &Workbook, f: impl FnOnce(&Inputs)) {
        f(&Inputs::new(answers, workbook));
    }

    pub fn row(cells: &[(&str, &str)]) -> Row {
        let mut row = Row::new();
        row.extend(cells.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proposal_sections_are_the_document_sections() {
        assert_eq!(
            PROPOSAL_SECTIONS,
            CAPSTONE.document_sections(&Default::default()).map(|s| s.id).collect::<Vec<_>>()
        );
    }
}
