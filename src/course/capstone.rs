//! Module 6, Exercise 2.3: the capstone, an enterprise AI architecture proposal and its
//! executive presentation. Source: the guide's "Capstone Overview", "Capstone Quality
//! Indicators" and "Capstone Evaluation Criteria" (Appendix C rubric).
//!
//! The capstone is synthesis: Exercises 2.1 and 2.2 are shown through `Reference` fields,
//! never retyped, and the figures (weighted scores, cost projections, the rollout
//! timeline) are computed from the participant's inputs.

use super::*;
use crate::diagram;
use crate::model::{parse_number, Row};
use crate::numbers::{self, money};
use crate::render::escape;

const PLATFORM_FIELDS: [&str; 3] = ["platform_a", "platform_b", "platform_c"];
const SCORE_COLUMNS: [&str; 3] = ["score_a", "score_b", "score_c"];

/// Words that mark text as unfinished (the guide's "placeholder text" red flag).
const PLACEHOLDERS: &[&str] = &["tbd", "todo", "lorem", "xxx", "fixme", "tba"];

/// Days in a month, for monthly projections from daily volumes.
const DAYS_PER_MONTH: f64 = 30.0;

pub const CAPSTONE: Exercise = Exercise {
    key: "m6-2.3",
    number: "2.3",
    title: "Capstone: Enterprise Architecture Proposal",
    summary: "A client-ready proposal and executive presentation that synthesise Sessions 1 and 2.",
    deliverable: "enterprise-architecture-proposal.md",
    minutes: None,
    sections: &[
        Section {
            id: "client",
            title: "Client and executive summary",
            intro: "Who the proposal is for and what you recommend, in a page a CTO reads first.",
            guidance: &[
                "This is what you would present to a CTO: make it professional quality.",
                "Real is better if you can: sanitise the client's name and sensitive details. Otherwise build a realistic scenario from common client patterns.",
                "Name the client throughout. Generic content not tied to the client is a red flag.",
            ],
            fields: &[
                Field {
                    id: "client_name",
                    label: "Client name",
                    help: "Sanitised if the client is real. The self-check looks for it in your text.",
                    kind: FieldKind::Text { placeholder: "e.g. Northwind Insurance" },
                    optional: false,
                },
                Field {
                    id: "client_context",
                    label: "Client context and challenge",
                    help: "Industry, size, regulation, what the AI system does and why now.",
                    kind: FieldKind::LongText { placeholder: "e.g. Northwind Insurance handles 40,000 claims a month…" },
                    optional: false,
                },
                Field {
                    id: "executive_summary",
                    label: "Executive summary",
                    help: "The recommendation, its cost and timeline, and the decision you ask for, in a few paragraphs.",
                    kind: FieldKind::LongText { placeholder: "We recommend…" },
                    optional: false,
                },
                Field {
                    id: "decision_requested",
                    label: "Decision requested",
                    help: "What the executive should approve.",
                    kind: FieldKind::Text { placeholder: "e.g. Approve a 6-week pilot with 10 adjusters" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "platform",
            title: "Platform recommendation",
            intro: "Your Session 1 platform comparison (Exercise 1.1) as a weighted scoring table. The app computes the weighted totals.",
            guidance: &[
                "Rubric, Platform Analysis (5 points): comprehensive comparison with weighted scoring, a clear recommendation with rationale, client-specific factors addressed.",
                "Weights are percentages and should add up to 100. Scores run from 1 (poor) to 5 (excellent).",
                "Reuse Exercise 1.1: refine it for this client rather than starting from scratch.",
            ],
            fields: &[
                Field {
                    id: "platform_a",
                    label: "Platform A",
                    help: "The platforms you compared; each names a column of scores.",
                    kind: FieldKind::Text { placeholder: "e.g. AWS Bedrock" },
                    optional: false,
                },
                Field {
                    id: "platform_b",
                    label: "Platform B",
                    help: "",
                    kind: FieldKind::Text { placeholder: "e.g. Azure OpenAI" },
                    optional: false,
                },
                Field {
                    id: "platform_c",
                    label: "Platform C",
                    help: "Optional: leave empty to compare two platforms.",
                    kind: FieldKind::Text { placeholder: "e.g. Self-hosted Llama on Kubernetes" },
                    optional: true,
                },
                Field {
                    id: "scoring",
                    label: "Weighted scoring",
                    help: "One row per criterion: its weight in percent and each platform's score from 1 to 5.",
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
                    help: "Σ(weight × score) ÷ Σ weights, out of 5.",
                    kind: FieldKind::ComputedTable(ComputedTable {
                        compute: weighted_totals,
                        pending: "Name at least one platform and give a criterion a weight and a score from 1 to 5.",
                    }),
                    optional: false,
                },
                Field {
                    id: "recommended_platform",
                    label: "Recommended platform",
                    help: "Usually the highest weighted total; say why if not.",
                    kind: FieldKind::Text { placeholder: "e.g. Azure OpenAI" },
                    optional: false,
                },
                Field {
                    id: "recommendation_rationale",
                    label: "Rationale",
                    help: "Why this platform wins for this client, with the data from the table.",
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
                Field {
                    id: "client_factors",
                    label: "Client-specific factors",
                    help: "Existing contracts, skills, data residency, procurement: what tips the balance for this client.",
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "security",
            title: "Security architecture",
            intro: "Your Exercise 1.2 security architecture: defense in depth, the AI-specific controls and compliance.",
            guidance: &[
                "Rubric, Security Architecture (5 points): defense in depth with all layers, AI-specific controls, compliance mapping.",
                "Rename the layers to match your Exercise 1.2 if they differ; keep all five.",
                "Map each regulation the client is subject to onto the control that satisfies it.",
            ],
            fields: &[
                Field {
                    id: "security_layers",
                    label: "Defense in depth",
                    help: "Each layer and its controls.",
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
                    help: "One row per requirement: regulation, what it requires, and the control that meets it.",
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
            id: "cost",
            title: "Cost analysis",
            intro: "Your Exercise 1.3 cost model. The app projects monthly and yearly cost for each scaling scenario.",
            guidance: &[
                "Rubric, Cost & Operations (5 points): a detailed cost model with projections and a realistic scaling plan.",
                "Use the rollout phases as scenarios: pilot (about 10 users), limited (about 100), general (all users).",
                "Unrealistic projections are a red flag: each scenario should serve more users than the one before, and no cost should be zero.",
            ],
            fields: &[
                Field {
                    id: "tokens_per_request",
                    label: "Tokens per request",
                    help: "Prompt plus completion, on average.",
                    kind: FieldKind::Number { unit: "tokens" },
                    optional: false,
                },
                Field {
                    id: "price_per_1k",
                    label: "Price per 1K tokens",
                    help: "Blended input/output price of the recommended model.",
                    kind: FieldKind::Number { unit: "$" },
                    optional: false,
                },
                Field {
                    id: "scenarios",
                    label: "Scaling scenarios",
                    help: "Users, requests per day and infrastructure cost per month of each scenario.",
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "scenario",
                        columns: &[
                            Column::short("scenario", "Scenario"),
                            Column::short("users", "Users"),
                            Column::short("requests_per_day", "Requests per day"),
                            Column::short("infrastructure", "Infrastructure ($ per month)"),
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
                    help: "AI API = requests per day × 30 × tokens per request ÷ 1,000 × price per 1K tokens.",
                    kind: FieldKind::ComputedTable(ComputedTable {
                        compute: cost_projections,
                        pending: "Enter tokens per request, the price per 1K tokens and a scenario's requests per day.",
                    }),
                    optional: false,
                },
                Field {
                    id: "cost_assumptions",
                    label: "Assumptions and optimisations",
                    help: "Caching, model routing, reserved capacity; what would change the numbers.",
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "deployment",
            title: "Deployment strategy",
            intro: "Exercise 2.1, carried over as you wrote it. Add what it means for this proposal.",
            guidance: &[
                "Copy-paste of exercises without synthesis is a red flag: say how the phases, migration and rollback fit this client's risk, budget and timeline.",
                "Change the 2.1 answers in Exercise 2.1 itself; this page and the 2.1 export stay in step.",
            ],
            fields: &[
                Field {
                    id: "deployment_from_2_1",
                    label: "From the deployment strategy",
                    help: "",
                    kind: FieldKind::Reference(Reference {
                        exercise: "m6-2.1",
                        fields: &["hosting_model", "phases", "migration_strategy", "rollback_triggers", "rollback_procedure"],
                    }),
                    optional: false,
                },
                Field {
                    id: "deployment_synthesis",
                    label: "Deployment synthesis",
                    help: "Why this rollout suits the client, and how the go/no-go decisions tie to the business case.",
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "operations",
            title: "Operations",
            intro: "Exercise 2.2, carried over as you wrote it. Add what the client's teams will run day to day.",
            guidance: &[
                "Rubric, Cost & Operations: operational procedures documented.",
                "Say who runs what after go-live, and how the metrics connect to the cost model and the rollout decisions.",
            ],
            fields: &[
                Field {
                    id: "operations_from_2_2",
                    label: "From the operations runbook",
                    help: "",
                    kind: FieldKind::Reference(Reference {
                        exercise: "m6-2.2",
                        fields: &["ai_metrics", "steps", "containment"],
                    }),
                    optional: false,
                },
                Field {
                    id: "operations_synthesis",
                    label: "Operations synthesis",
                    help: "Who operates the system, with which tools, and how incidents reach the client.",
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "diagrams",
            title: "Architecture diagrams",
            intro: "Build the architecture from its components and connections. The app draws it here and exports it as a Mermaid diagram that GitHub renders.",
            guidance: &[
                "No architecture diagrams is a red flag. Reuse your Session 1 diagrams: refine them and add the deployment details.",
                "Group components by layer (client, edge, application, AI, data) so the drawing reads left to right.",
                "The rollout timeline is drawn from the phases of Exercise 2.1 and the start date.",
            ],
            fields: &[
                Field {
                    id: "components",
                    label: "Components",
                    help: "Each box of the diagram. The group is optional (e.g. Edge, AI, Data).",
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
                    help: "Each arrow: the names of two components and, optionally, what flows along it.",
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
                Field {
                    id: "rollout_start",
                    label: "Rollout start date",
                    help: "YYYY-MM-DD: the first day of the first phase.",
                    kind: FieldKind::Text { placeholder: "e.g. 2027-02-01" },
                    optional: false,
                },
                Field {
                    id: "rollout_timeline",
                    label: "Rollout timeline",
                    help: "A Mermaid gantt chart of the Exercise 2.1 phases; an ongoing phase is drawn as 12 weeks.",
                    kind: FieldKind::Computed(Computed {
                        compute: rollout_gantt,
                        format: ComputedFormat::Code("mermaid"),
                        pending: "Needs the start date and the phases' durations in Exercise 2.1 (e.g. “4-6 weeks”).",
                    }),
                    optional: false,
                },
            ],
        },
        Section {
            id: "roadmap",
            title: "Roadmap and next steps",
            intro: "What happens after the decision, and what you need from the client.",
            guidance: &[
                "Rubric, Proposal Quality (5 points): client-ready quality, all components integrated, a realistic roadmap and next steps.",
                "Tie milestones to the rollout phases and their go/no-go decisions.",
            ],
            fields: &[
                Field {
                    id: "roadmap",
                    label: "Roadmap",
                    help: "Milestones, when, and who owns them.",
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
                    help: "The first actions after approval, and what the client must provide.",
                    kind: FieldKind::LongText { placeholder: "" },
                    optional: false,
                },
            ],
        },
        Section {
            id: "presentation",
            title: "Executive presentation",
            intro: "A 12-slide Marp deck drafted from your proposal, exported as executive-presentation.md. Each slide follows your answers until you edit it; then your text is kept.",
            guidance: &[
                "Executive presentation: 10-15 slides.",
                "A slide is Marp markdown: a heading, a few bullets or a table. Keep each to what a CTO reads in a minute.",
                "Clear a slide's text to go back to the draft.",
            ],
            fields: &[
                Field {
                    id: "red_flags",
                    label: "Before you hand in",
                    help: "The guide's red flags, checked on the whole proposal.",
                    kind: FieldKind::Computed(Computed {
                        compute: red_flag_report,
                        format: ComputedFormat::Text,
                        pending: "",
                    }),
                    optional: false,
                },
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
                slide("slide_decision", "Slide 12: Decision and next steps", slide_decision),
            ],
        },
    ],
    companion: Some(Companion { deliverable: "executive-presentation.md", section: "presentation" }),
    criteria: &[
        Criterion { text: "Every section of the proposal is answered", met: |a| every_section_answered(a) },
        Criterion {
            text: "Platforms compared with weighted scoring, and a recommendation with its rationale",
            met: |a| weighted_totals(a).is_some_and(|g| g.rows.len() >= 2) && a.has("recommended_platform") && a.has("recommendation_rationale"),
        },
        Criterion {
            text: "Security covers five layers, the AI-specific risks and a compliance mapping",
            met: |a| {
                filled_rows(a.rows("security_layers"), "controls") >= 5
                    && filled_rows(a.rows("ai_controls"), "control") == 3
                    && filled_rows(a.rows("compliance"), "control") >= 1
            },
        },
        Criterion {
            text: "Cost projections for at least three scaling scenarios",
            met: |a| cost_projections(a).is_some_and(|g| g.rows.len() >= 3),
        },
        Criterion {
            text: "Deployment and operations carried over from Exercises 2.1 and 2.2, each with a synthesis",
            met: |a| {
                carried_over(a, "m6-2.1", "phases")
                    && carried_over(a, "m6-2.2", "ai_metrics")
                    && a.has("deployment_synthesis")
                    && a.has("operations_synthesis")
            },
        },
        Criterion { text: "At least one architecture diagram", met: |a| has_diagram(a) },
        Criterion { text: "No placeholder text (TBD, TODO, lorem, xxx)", met: |a| placeholders(a).is_empty() },
        Criterion { text: "The client is named in the text, not generic", met: |a| client_unnamed(a).is_none() },
        Criterion { text: "Plausible figures: weights adding up to 100%, scores from 1 to 5, costs above zero, more users in each scenario, phases of a week or more", met: |a| implausible_figures(a).is_empty() },
    ],
};

const fn slide(id: &'static str, label: &'static str, draft: fn(&Inputs) -> Option<String>) -> Field {
    Field {
        id,
        label,
        help: "",
        kind: FieldKind::Draft(Computed { compute: draft, format: ComputedFormat::Text, pending: "" }),
        // The deck is drafted for the participant: a slide left as drafted is not missing.
        optional: true,
    }
}

// ---------------------------------------------------------------------------------------
// Computed figures

fn platform_names(a: &ExerciseAnswers) -> [Option<String>; 3] {
    PLATFORM_FIELDS.map(|id| Some(a.text(id).trim()).filter(|n| !n.is_empty()).map(str::to_owned))
}

/// A score from 1 to 5, or `None` for anything else.
fn score(row: &Row, column: &str) -> Option<f64> {
    row.get(column).and_then(|s| parse_number(s)).filter(|s| (1.0..=5.0).contains(s))
}

/// Σ(weight × score) ÷ Σ weight per named platform, over the rows that have a positive
/// weight and a score for that platform, ranked.
fn weighted_totals(a: &Inputs) -> Option<Grid> {
    let names = platform_names(a);
    let rows = a.rows("scoring");
    let mut totals: Vec<(String, f64)> = Vec::new();
    for (index, name) in names.iter().enumerate() {
        let Some(name) = name else { continue };
        let (mut weighted, mut weights) = (0.0, 0.0);
        for row in rows {
            let weight = row.get("weight").and_then(|w| parse_number(w)).filter(|w| *w > 0.0);
            if let (Some(weight), Some(score)) = (weight, score(row, SCORE_COLUMNS[index])) {
                weighted += weight * score;
                weights += weight;
            }
        }
        if weights > 0.0 {
            totals.push((name.clone(), weighted / weights));
        }
    }
    if totals.is_empty() {
        return None;
    }
    let rank = |total: f64| 1 + totals.iter().filter(|(_, other)| *other > total + 1e-9).count();
    let rows = totals
        .iter()
        .map(|(name, total)| vec![name.clone(), numbers::plain(*total, 2), rank(*total).to_string()])
        .collect();
    Some(Grid { header: vec!["Platform".into(), "Weighted score (out of 5)".into(), "Rank".into()], rows })
}

/// "10 users" for a number, the text as typed otherwise ("All users").
fn users_label(users: &str) -> String {
    match parse_number(users) {
        Some(_) => format!("{} users", users.trim()),
        None => users.trim().to_owned(),
    }
}

/// One scenario's monthly figures, when its inputs are numbers.
struct Projection {
    users: Option<f64>,
    ai_per_month: Option<f64>,
    infrastructure: Option<f64>,
}

impl Projection {
    fn total(&self) -> Option<f64> {
        Some(self.ai_per_month? + self.infrastructure?)
    }
}

fn projection(row: &Row, tokens: Option<f64>, price: Option<f64>) -> Projection {
    let number = |column: &str| row.get(column).and_then(|v| parse_number(v));
    let ai_per_month = match (number("requests_per_day"), tokens, price) {
        (Some(requests), Some(tokens), Some(price)) => Some(requests * DAYS_PER_MONTH * tokens / 1000.0 * price),
        _ => None,
    };
    Projection { users: number("users"), ai_per_month, infrastructure: number("infrastructure") }
}

/// Monthly and yearly cost of each scenario that has requests per day.
fn cost_projections(a: &Inputs) -> Option<Grid> {
    let (tokens, price) = (a.number("tokens_per_request"), a.number("price_per_1k"));
    let dash = || "—".to_owned();
    let rows: Vec<Vec<String>> = a
        .rows("scenarios")
        .iter()
        .filter_map(|row| {
            let p = projection(row, tokens, price);
            let ai = p.ai_per_month?;
            let total = p.total();
            let per_user = match (total, p.users) {
                (Some(total), Some(users)) if users > 0.0 => money(total / users),
                _ => dash(),
            };
            Some(vec![
                row.get("scenario").map(|s| s.trim().to_owned()).unwrap_or_default(),
                row.get("users").map(|s| s.trim().to_owned()).unwrap_or_default(),
                row.get("requests_per_day").map(|s| s.trim().to_owned()).unwrap_or_default(),
                money(ai),
                p.infrastructure.map_or_else(dash, money),
                total.map_or_else(dash, money),
                per_user,
                total.map_or_else(dash, |t| money(t * 12.0)),
            ])
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let header = [
        "Scenario",
        "Users",
        "Requests/day",
        "AI API/month",
        "Infrastructure/month",
        "Total/month",
        "Per user/month",
        "Per year",
    ];
    Some(Grid { header: header.map(str::to_owned).to_vec(), rows })
}

/// A phase duration as typed in Exercise 2.1, in days: (shortest, longest). `None` for
/// "Ongoing" or anything that does not read as a duration.
pub fn duration_days(text: &str) -> Option<(f64, f64)> {
    let lower = text.to_ascii_lowercase();
    let unit = if lower.contains("day") {
        1.0
    } else if lower.contains("week") || lower.contains("wk") {
        7.0
    } else if lower.contains("month") {
        30.0
    } else {
        return None;
    };
    let numbers: Vec<f64> =
        lower.split(|c: char| !(c.is_ascii_digit() || c == '.')).filter_map(numbers::parse_decimal).collect();
    let low = *numbers.first()?;
    let high = numbers.get(1).copied().filter(|h| *h >= low).unwrap_or(low);
    Some((low * unit, high * unit))
}

/// Text Mermaid shows as a label, without the characters that end or nest its syntax.
fn mermaid_label(text: &str) -> String {
    text.chars()
        .map(|c| if matches!(c, ':' | ';' | '#' | '\n' | '\r' | '"') { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// `YYYY-MM-DD`, checked for shape and plausible ranges.
fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize, range: std::ops::RangeInclusive<u32>| {
        s.len() == len && s.chars().all(|c| c.is_ascii_digit()) && s.parse().is_ok_and(|n| range.contains(&n))
    };
    parts.len() == 3 && number(parts[0], 4, 2000..=2100) && number(parts[1], 2, 1..=12) && number(parts[2], 2, 1..=31)
}

/// Days drawn for an ongoing phase (or one whose duration does not read).
const ONGOING_DAYS: f64 = 84.0;

/// The Exercise 2.1 phases as a Mermaid gantt chart, one after another from the start date.
fn rollout_gantt(a: &Inputs) -> Option<String> {
    let start = a.text("rollout_start").trim();
    if !is_iso_date(start) {
        return None;
    }
    let phases = a.other("m6-2.1");
    let phases: Vec<&Row> =
        phases.rows("phases").iter().filter(|r| r.get("name").is_some_and(|n| !n.trim().is_empty())).collect();
    if phases.is_empty() || phases.iter().all(|r| duration_days(r.get("duration").map_or("", |d| d)).is_none()) {
        return None;
    }
    let mut chart = String::from("gantt\n    title Rollout timeline\n    dateFormat YYYY-MM-DD\n    section Rollout\n");
    for (index, row) in phases.iter().enumerate() {
        let name = mermaid_label(row.get("name").map_or("", |n| n));
        let users = row.get("users").map(|u| mermaid_label(&users_label(u))).filter(|u| !u.is_empty());
        let label = match users {
            Some(users) => format!("{name} ({users})"),
            None => name,
        };
        let days = duration_days(row.get("duration").map_or("", |d| d)).map_or(ONGOING_DAYS, |(_, high)| high.ceil());
        let after = if index == 0 { start.to_owned() } else { format!("after p{index}") };
        chart.push_str(&format!("    {label} :p{}, {after}, {}d\n", index + 1, numbers::plain(days, 0)));
    }
    Some(chart.trim_end().to_owned())
}

// ---------------------------------------------------------------------------------------
// Red flags

fn filled_rows(rows: &[Row], column: &str) -> usize {
    rows.iter().filter(|r| r.get(column).is_some_and(|v| !v.trim().is_empty())).count()
}

/// Whether another exercise's field is answered (its defaults alone do not count for tables
/// whose cells are still empty).
fn carried_over(a: &Inputs, exercise: &str, field: &str) -> bool {
    let answers = a.other(exercise);
    find_exercise(exercise).and_then(|(_, e)| e.field(field)).is_some_and(|f| crate::progress::is_answered(f, &answers))
}

fn every_section_answered(a: &Inputs) -> bool {
    CAPSTONE.document_sections().all(|s| crate::progress::section_progress(s, a).is_complete())
}

fn has_diagram(a: &ExerciseAnswers) -> bool {
    let graph = diagram::Graph::from_tables(a.rows("components"), a.rows("connections"));
    graph.nodes.len() >= 2 && !graph.edges.is_empty()
}

/// Every answer of the proposal as (where, text), for the text checks.
fn written_text(a: &ExerciseAnswers) -> Vec<(&'static str, &str)> {
    let mut texts = Vec::new();
    for field in CAPSTONE.document_sections().flat_map(|s| s.fields.iter()) {
        match &field.kind {
            FieldKind::Table(_) => {
                texts.extend(a.rows(field.id).iter().flat_map(|r| r.values()).map(|v| (field.label, v.as_str())))
            }
            kind if kind.is_input() => texts.push((field.label, a.text(field.id))),
            _ => {}
        }
    }
    texts
}

/// "“TBD” in Executive summary" for each placeholder word found (as a whole word).
/// Runs on every change (through the self-check), so it compares in place, without
/// lowercasing copies of long answers.
fn placeholders(a: &ExerciseAnswers) -> Vec<String> {
    let mut found = Vec::new();
    for (place, text) in written_text(a) {
        for word in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| (3..=8).contains(&w.len())) {
            let is = |p: &str| {
                word.eq_ignore_ascii_case(p) || (p == "xxx" && word.get(..3).is_some_and(|x| x.eq_ignore_ascii_case(p)))
            };
            if let Some(p) = PLACEHOLDERS.iter().find(|p| is(p)) {
                let message = format!("“{}” in {place}", p.to_ascii_uppercase());
                if !found.contains(&message) {
                    found.push(message);
                }
            }
        }
    }
    found
}

/// Why the text reads as generic, if it does: no client name, or never used in the text.
fn client_unnamed(a: &ExerciseAnswers) -> Option<&'static str> {
    let name = a.text("client_name").trim();
    if name.is_empty() {
        return Some("The client has no name: add it in “Client name”.");
    }
    let uses = written_text(a)
        .into_iter()
        .filter(|(place, text)| *place != "Client name" && contains_ignoring_case(text, name))
        .take(2)
        .count();
    (uses < 2).then_some("The client's name appears in fewer than two answers: tie the text to this client.")
}

/// Figures the guide would call unrealistic.
fn implausible_figures(a: &Inputs) -> Vec<String> {
    let mut flags = Vec::new();
    let (tokens, price) = (a.number("tokens_per_request"), a.number("price_per_1k"));
    if tokens.is_some_and(|t| t <= 0.0) {
        flags.push("Tokens per request is zero or negative.".to_owned());
    }
    if price.is_some_and(|p| p <= 0.0) {
        flags.push("The price per 1K tokens is zero or negative.".to_owned());
    }
    let mut previous_users: Option<(String, f64)> = None;
    for row in a.rows("scenarios") {
        let name = row.get("scenario").map(|s| s.trim()).filter(|s| !s.is_empty()).unwrap_or("A scenario").to_owned();
        let p = projection(row, tokens, price);
        if p.infrastructure.is_some_and(|c| c <= 0.0) || p.total().is_some_and(|c| c <= 0.0) {
            flags.push(format!("{name}: the monthly cost is zero or negative."));
        }
        if let Some(users) = p.users {
            if let Some((before, previous)) = &previous_users {
                if users <= *previous {
                    flags.push(format!(
                        "{name} has no more users ({}) than {before} ({}).",
                        numbers::grouped(users, 0),
                        numbers::grouped(*previous, 0)
                    ));
                }
            }
            previous_users = Some((name, users));
        }
    }
    let weights: Vec<f64> =
        a.rows("scoring").iter().filter_map(|r| r.get("weight").and_then(|w| parse_number(w))).collect();
    let total_weight: f64 = weights.iter().sum();
    if !weights.is_empty() && (total_weight - 100.0).abs() > 0.5 {
        flags.push(format!("The weights add up to {}%, not 100%.", numbers::plain(total_weight, 1)));
    }
    let names = platform_names(a);
    for row in a.rows("scoring") {
        let criterion = row.get("criterion").map(|c| c.trim()).filter(|c| !c.is_empty()).unwrap_or("a criterion");
        for (column, name) in SCORE_COLUMNS.iter().zip(&names) {
            let typed = row.get(*column).and_then(|s| parse_number(s));
            if typed.is_some_and(|s| !(1.0..=5.0).contains(&s)) {
                let platform = name.as_deref().unwrap_or("a platform");
                flags.push(format!(
                    "{platform} scores {} on {criterion}: scores run from 1 to 5 (it is left out of the total).",
                    numbers::plain(typed.unwrap_or_default(), 2)
                ));
            }
        }
    }
    for row in a.other("m6-2.1").rows("phases") {
        let name = row.get("name").map(|s| s.trim()).filter(|s| !s.is_empty()).unwrap_or("A phase");
        if duration_days(row.get("duration").map_or("", |d| d)).is_some_and(|(low, _)| low < 7.0) {
            flags.push(format!("Phase “{name}” (Exercise 2.1) is shorter than a week."));
        }
    }
    flags
}

/// All red flags in one list, shown before the deck so they are fixed before export.
fn red_flag_report(a: &Inputs) -> Option<String> {
    let mut flags: Vec<String> = Vec::new();
    let missing: Vec<&str> = CAPSTONE
        .document_sections()
        .filter(|s| !crate::progress::section_progress(s, a).is_complete())
        .map(|s| s.title)
        .collect();
    if !missing.is_empty() {
        flags.push(format!("Sections not complete: {}.", missing.join(", ")));
    }
    let placeholders = placeholders(a);
    if !placeholders.is_empty() {
        flags.push(format!("Placeholder text: {}.", placeholders.join(", ")));
    }
    flags.extend(client_unnamed(a).map(str::to_owned));
    if !has_diagram(a) {
        flags.push("No architecture diagram yet: add two components and a connection.".to_owned());
    }
    flags.extend(implausible_figures(a));
    if flags.is_empty() {
        return Some("No red flags found.".to_owned());
    }
    Some(flags.iter().map(|f| format!("• {f}")).collect::<Vec<_>>().join("\n"))
}

// ---------------------------------------------------------------------------------------
// Slide drafts: Marp markdown. Typed text is inserted as markdown (the deck is the
// participant's to edit); one-line values are escaped so a name cannot break a table.

fn or_placeholder(text: &str, what: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        format!("_{what}_")
    } else {
        text.to_owned()
    }
}

fn grid_markdown(grid: &Grid, columns: &[usize]) -> String {
    let pick =
        |cells: &[String]| columns.iter().map(|i| escape::cell(cells.get(*i).map_or("", |c| c))).collect::<Vec<_>>();
    let mut lines =
        vec![format!("| {} |", pick(&grid.header).join(" | ")), format!("|{}", "---|".repeat(columns.len()))];
    lines.extend(grid.rows.iter().map(|row| format!("| {} |", pick(row).join(" | "))));
    lines.join("\n")
}

fn bullets(items: impl Iterator<Item = String>) -> String {
    items.map(|item| format!("- {item}")).collect::<Vec<_>>().join("\n")
}

fn first_paragraph(text: &str) -> &str {
    text.trim().split("\n\n").next().unwrap_or("").trim()
}

fn client(a: &ExerciseAnswers) -> String {
    escape::inline(a.text("client_name").trim())
}

fn slide_title(a: &Inputs) -> Option<String> {
    let profile = &a.workbook.profile;
    let by = [profile.name.trim(), profile.cohort.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    Some(format!(
        "# Enterprise AI Architecture Proposal\n\n## {}\n\n{}",
        or_placeholder(&client(a), "Client name"),
        or_placeholder(&escape::inline(&by), "Your name")
    ))
}

fn slide_challenge(a: &Inputs) -> Option<String> {
    Some(format!("## The challenge\n\n{}", or_placeholder(a.text("client_context"), "Client context and challenge")))
}

fn slide_summary(a: &Inputs) -> Option<String> {
    Some(format!(
        "## Executive summary\n\n{}",
        or_placeholder(first_paragraph(a.text("executive_summary")), "Executive summary")
    ))
}

fn slide_recommendation(a: &Inputs) -> Option<String> {
    Some(format!(
        "## Recommendation: {}\n\n{}",
        or_placeholder(&escape::inline(a.text("recommended_platform").trim()), "platform"),
        or_placeholder(first_paragraph(a.text("recommendation_rationale")), "Rationale")
    ))
}

fn slide_scoring(a: &Inputs) -> Option<String> {
    let table =
        weighted_totals(a).map_or_else(|| "_Weighted totals pending._".to_owned(), |g| grid_markdown(&g, &[0, 1, 2]));
    Some(format!("## Platform scoring\n\n{table}\n\nWeighted over {} criteria.", a.rows("scoring").len()))
}

fn slide_security(a: &Inputs) -> Option<String> {
    let layers = bullets(a.rows("security_layers").iter().filter_map(|r| {
        let layer = r.get("layer").map(|l| l.trim()).filter(|l| !l.is_empty())?;
        Some(format!(
            "**{}**: {}",
            escape::inline(layer),
            escape::inline(first_line(r.get("controls").map_or("", |c| c)))
        ))
    }));
    let regulations: Vec<String> = a
        .rows("compliance")
        .iter()
        .filter_map(|r| r.get("regulation"))
        .map(|r| escape::inline(r.trim()))
        .filter(|r| !r.is_empty())
        .collect();
    let compliance =
        if regulations.is_empty() { String::new() } else { format!("\n\nCompliance: {}", regulations.join(", ")) };
    Some(format!("## Security: defense in depth\n\n{layers}{compliance}"))
}

fn first_line(text: &str) -> &str {
    text.trim().lines().next().unwrap_or("")
}

fn slide_cost(a: &Inputs) -> Option<String> {
    let table = cost_projections(a)
        .map_or_else(|| "_Cost projections pending._".to_owned(), |g| grid_markdown(&g, &[0, 1, 5, 6]));
    Some(format!("## Cost projections\n\n{table}"))
}

fn slide_deployment(a: &Inputs) -> Option<String> {
    let plan = a.other("m6-2.1");
    let phases = bullets(plan.rows("phases").iter().filter_map(|r| {
        let name = r.get("name").map(|n| n.trim()).filter(|n| !n.is_empty())?;
        let detail = [r.get("users").map(|u| users_label(u)), r.get("duration").map(|d| d.trim().to_owned())]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        Some(if detail.is_empty() {
            escape::inline(name)
        } else {
            format!("{}: {}", escape::inline(name), escape::inline(&detail))
        })
    }));
    Some(format!(
        "## Deployment: phased rollout\n\n{}\n\n{}",
        or_placeholder(&phases, "Phases from Exercise 2.1"),
        or_placeholder(first_paragraph(a.text("deployment_synthesis")), "Deployment synthesis")
    ))
}

fn slide_operations(a: &Inputs) -> Option<String> {
    let runbook = a.other("m6-2.2");
    let metrics = bullets(runbook.rows("ai_metrics").iter().filter_map(|r| {
        let metric = r.get("metric").map(|m| m.trim()).filter(|m| !m.is_empty())?;
        let alert = r.get("alert").map(|t| t.trim()).filter(|t| !t.is_empty());
        Some(match alert {
            Some(alert) => format!("{}: alert at {}", escape::inline(metric), escape::inline(alert)),
            None => escape::inline(metric),
        })
    }));
    Some(format!(
        "## Operations\n\n{}\n\n{}",
        or_placeholder(&metrics, "Metrics from Exercise 2.2"),
        or_placeholder(first_paragraph(a.text("operations_synthesis")), "Operations synthesis")
    ))
}

fn slide_architecture(a: &Inputs) -> Option<String> {
    let graph = diagram::Graph::from_tables(a.rows("components"), a.rows("connections"));
    let arrows = bullets(graph.edges.iter().map(|e| {
        let (from, to) = (escape::inline(&graph.nodes[e.from].name), escape::inline(&graph.nodes[e.to].name));
        if e.label.is_empty() {
            format!("{from} → {to}")
        } else {
            format!("{from} → {to}: {}", escape::inline(&e.label))
        }
    }));
    Some(format!("## Architecture\n\n{}", or_placeholder(&arrows, "Components and connections")))
}

fn slide_roadmap(a: &Inputs) -> Option<String> {
    let milestones = bullets(a.rows("roadmap").iter().filter_map(|r| {
        let milestone = r.get("milestone").map(|m| m.trim()).filter(|m| !m.is_empty())?;
        let when = r.get("timing").map_or("", |t| t.trim());
        let owner = r.get("owner").map_or("", |o| o.trim());
        Some(format!("**{}**: {} ({})", escape::inline(when), escape::inline(milestone), escape::inline(owner)))
    }));
    Some(format!("## Roadmap\n\n{}", or_placeholder(&milestones, "Roadmap milestones")))
}

fn slide_decision(a: &Inputs) -> Option<String> {
    Some(format!(
        "## Decision and next steps\n\n**{}**\n\n{}",
        or_placeholder(&escape::inline(a.text("decision_requested").trim()), "Decision requested"),
        or_placeholder(a.text("next_steps"), "Next steps")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Workbook;

    fn inputs_of(answers: &ExerciseAnswers, workbook: &Workbook, f: impl FnOnce(&Inputs)) {
        f(&Inputs::new(answers, workbook));
    }

    fn row(cells: &[(&str, &str)]) -> Row {
        let mut row = Row::new();
        row.extend(cells.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        row
    }

    #[test]
    fn weighted_totals_weight_scores_and_rank() {
        let mut a = ExerciseAnswers::default();
        a.set_text("platform_a", "Bedrock".into());
        a.set_text("platform_b", "Azure".into());
        *a.rows_mut("scoring") = vec![
            row(&[("weight", "60"), ("score_a", "5"), ("score_b", "3")]),
            row(&[("weight", "40"), ("score_a", "2"), ("score_b", "4")]),
            // No weight: ignored. A score out of range: ignored for that platform.
            row(&[("weight", ""), ("score_a", "1"), ("score_b", "1")]),
            row(&[("weight", "10"), ("score_a", "9"), ("score_b", "5")]),
        ];
        inputs_of(&a, &Workbook::default(), |i| {
            let grid = weighted_totals(i).unwrap();
            // A: (60×5 + 40×2) / 100 = 3.8. B: (60×3 + 40×4 + 10×5) / 110 = 3.545…
            assert_eq!(grid.rows, vec![vec!["Bedrock", "3.8", "1"], vec!["Azure", "3.55", "2"]]);
        });
    }

    #[test]
    fn cost_projections_follow_the_formula() {
        let mut a = ExerciseAnswers::default();
        a.set_text("tokens_per_request", "1,500".into());
        a.set_text("price_per_1k", "$0.01".into());
        *a.rows_mut("scenarios") = vec![
            row(&[("scenario", "Pilot"), ("users", "10"), ("requests_per_day", "200"), ("infrastructure", "500")]),
            row(&[("scenario", "General"), ("users", "All"), ("requests_per_day", "40000"), ("infrastructure", "")]),
            row(&[("scenario", "Later"), ("users", "5000")]),
        ];
        inputs_of(&a, &Workbook::default(), |i| {
            let grid = cost_projections(i).unwrap();
            // 200 × 30 × 1500 / 1000 × 0.01 = 90; + 500 = 590; per user 59; per year 7,080.
            assert_eq!(grid.rows[0][3..], ["$90", "$500", "$590", "$59", "$7,080"]);
            // 40,000 × 30 × 1.5 × 0.01 = 18,000; no infrastructure: no total.
            assert_eq!(grid.rows[1][3..], ["$18,000", "—", "—", "—", "—"]);
            assert_eq!(grid.rows.len(), 2, "a scenario without requests per day is not projected");
        });
    }

    #[test]
    fn durations_read_as_days() {
        assert_eq!(duration_days("4-6 weeks"), Some((28.0, 42.0)));
        assert_eq!(duration_days("8–12 weeks"), Some((56.0, 84.0)));
        assert_eq!(duration_days("3 days"), Some((3.0, 3.0)));
        assert_eq!(duration_days("2 months"), Some((60.0, 60.0)));
        assert_eq!(duration_days("Ongoing"), None);
        assert_eq!(duration_days("weeks"), None);
    }

    #[test]
    fn red_flags_name_what_is_wrong() {
        let mut workbook = Workbook::default();
        let plan = workbook.exercises.entry("m6-2.1".into()).or_default();
        *plan.rows_mut("phases") = vec![row(&[("name", "Smoke test"), ("duration", "3 days")])];
        let mut a = ExerciseAnswers::default();
        a.set_text("client_name", "Northwind".into());
        a.set_text("executive_summary", "Northwind should adopt Azure. Budget TBD.".into());
        a.set_text("price_per_1k", "0".into());
        a.set_text("platform_b", "Azure".into());
        *a.rows_mut("scoring") = vec![row(&[("criterion", "Cost"), ("weight", "70"), ("score_b", "7")])];
        *a.rows_mut("scenarios") =
            vec![row(&[("scenario", "Pilot"), ("users", "100")]), row(&[("scenario", "Limited"), ("users", "10")])];
        inputs_of(&a, &workbook, |i| {
            let report = red_flag_report(i).unwrap();
            assert!(report.contains("“TBD” in Executive summary"), "{report}");
            assert!(report.contains("fewer than two answers"), "{report}");
            assert!(report.contains("price per 1K tokens is zero"), "{report}");
            assert!(report.contains("Limited has no more users (10) than Pilot (100)."), "{report}");
            assert!(report.contains("Phase “Smoke test” (Exercise 2.1) is shorter than a week."), "{report}");
            assert!(report.contains("No architecture diagram"), "{report}");
            assert!(report.contains("The weights add up to 70%, not 100%."), "{report}");
            assert!(report.contains("Azure scores 7 on Cost: scores run from 1 to 5"), "{report}");
        });
        // Words that merely contain a placeholder are fine.
        a.set_text("executive_summary", "Northwind's stubborn todolist of xxxl shirts".into());
        assert_eq!(placeholders(&a), vec!["“XXX” in Executive summary"]);
    }

    #[test]
    fn gantt_chains_the_phases_from_the_start_date() {
        let mut workbook = Workbook::default();
        let plan = workbook.exercises.entry("m6-2.1".into()).or_default();
        *plan.rows_mut("phases") = vec![
            row(&[("name", "Pilot: east"), ("users", "10"), ("duration", "4-6 weeks")]),
            row(&[("name", "General"), ("users", "All"), ("duration", "Ongoing")]),
        ];
        let mut a = ExerciseAnswers::default();
        inputs_of(&a, &workbook, |i| assert_eq!(rollout_gantt(i), None, "no start date"));
        a.set_text("rollout_start", "2027-02-01".into());
        inputs_of(&a, &workbook, |i| {
            assert_eq!(
                rollout_gantt(i).unwrap(),
                "gantt\n    title Rollout timeline\n    dateFormat YYYY-MM-DD\n    section Rollout\n    \
                 Pilot  east (10 users) :p1, 2027-02-01, 42d\n    General (All) :p2, after p1, 84d"
            );
        });
        assert!(!is_iso_date("2027-13-01") && !is_iso_date("1 Feb 2027") && is_iso_date("2027-02-28"));
    }
}
