//! Module 5, Exercise 2.2: monitoring and alerting. Source: the guide's Segment 3 (health
//! checks every 15 minutes, severity levels, "error rate > 5% for 5 min → critical Slack
//! alert"), "Exercise Quality Indicators" (runs on schedule, alerts configured, health checks
//! functional) and "Common Issues to Flag" (the workflow never actually sends alerts).
//!
//! The questions are here; `monitoring.yml` is written in `workflow.rs`, and the webhook
//! instructions the document carries in `webhook.rs`.

pub(super) mod webhook;
pub(crate) mod workflow;

use crate::course::*;

pub const MONITORING: Exercise = Exercise {
    key: "m5-2.2",
    number: "2.2",
    title: "Monitoring & Alerting",
    summary: "A scheduled health-check workflow that alerts Slack or Discord through a webhook, and the webhook's setup documented.",
    deliverable: "webhook-config.md",
    minutes: Some(25),
    page: None,
    sections: &[
        Section {
            id: "schedule",
            shown_when: None,
            title: "Schedule",
            intro: form_text!("The workflow runs on a schedule and whenever you start it by hand from the Actions tab (where you can also send a test alert)."),
            guidance: form_text!(&[
                "Health checks every 15 minutes: a problem is noticed in minutes, not after two hours of lost customers.",
                "GitHub runs a schedule at most every 5 minutes, only on the default branch, and may run it late under load.",
                "In a public repository, GitHub turns scheduled workflows off after 60 days without activity: check it is still on.",
            ]),
            fields: &[
                Field {
                    id: "cron",
                    label: "Schedule (cron, UTC)",
                    help: form_text!("Five fields: minute hour day-of-month month day-of-week."),
                    kind: FieldKind::Draft(Computed { compute: |_| Some("*/15 * * * *".into()), format: ComputedFormat::Text, pending: "" }),
                    optional: true,
                },
                Field {
                    id: "cron_in_words",
                    label: "In words",
                    help: "",
                    kind: FieldKind::Computed(Computed::shown(workflow::schedule_in_words, ComputedFormat::Text, "")),
                    optional: false,
                },
            ],
        },
        Section {
            id: "checks",
            shown_when: None,
            title: "Health checks",
            intro: form_text!("Each endpoint is called with a timeout; any answer other than the expected status raises a critical alert."),
            guidance: form_text!(&[
                "Check the AI path too: a health endpoint that calls the model with a one-token prompt catches an expired key or a rate limit.",
                "A timeout is a failure: an endpoint that hangs is down for your users.",
            ]),
            fields: &[Field {
                id: "endpoints",
                label: "Endpoints",
                help: form_text!("The URL to call, the HTTP status it must answer, and how long to wait."),
                kind: FieldKind::Table(TableSpec {
                    row_noun: "endpoint",
                    columns: &[
                        Column::short("name", "Name"),
                        Column::short("url", "URL"),
                        Column::short("status", "Expected status"),
                        Column::short("timeout", "Timeout (seconds)"),
                    ],
                    rows: TableRows::Editable { defaults: &[&["API health", "", "200", "10"]] },
                }),
                optional: false,
            }],
        },
        Section {
            id: "rules",
            shown_when: None,
            title: "Metric rules",
            intro: form_text!("Rules on your metrics, each checked by a command that exits 0 when the rule holds, 1 when it is broken, and anything else when it could not check (reported as “did not run”, never alerted as broken), e.g. ./monitoring/check-metric.sh error_rate \"$CONDITION\", which the export includes. The workflow passes the condition to it as $CONDITION."),
            guidance: form_text!(&[
                "The guide's example: error rate above 5% for 5 minutes is a critical alert.",
                "Start with critical alerts only; add warnings as you learn what matters. Better to start conservative than drown in noise.",
                "Severity is Critical, Warning or Info.",
            ]),
            fields: &[Field {
                id: "rules",
                label: "Rules",
                help: "",
                kind: FieldKind::Table(TableSpec {
                    row_noun: "rule",
                    columns: &[
                        Column::short("name", "Rule"),
                        Column::short("condition", "Condition"),
                        Column::short("severity", "Severity"),
                        Column::long("command", "Check command"),
                    ],
                    rows: TableRows::Editable {
                        // The guide's example; the command that checks it is the participant's.
                        defaults: &[&["Error rate", "above 5% for 5 minutes", "Critical"]],
                    },
                }),
                optional: false,
            }],
        },
        Section {
            id: "alerts",
            shown_when: None,
            title: "Alerts",
            intro: form_text!("Where alerts go, and who each severity calls. The webhook URL is a repository secret; the workflow never holds it."),
            guidance: form_text!(&[
                "Alert where the team looks: the channel the on-call engineer watches.",
                "Slack reads a message's `text`; Discord reads `content`, at most 2,000 characters. The workflow sends the shape each expects.",
                "A failed alert fails the workflow run, so \"alerts never sent\" cannot go unnoticed.",
            ]),
            fields: &[
                Field {
                    id: "platform",
                    label: "Alerts go to",
                    help: "",
                    kind: FieldKind::Choice { options: PLATFORMS },
                    optional: false,
                },
                Field {
                    id: "channel",
                    label: "Channel",
                    help: form_text!("Where the webhook posts."),
                    kind: FieldKind::Text { placeholder: form_text!("e.g. #claims-oncall") },
                    optional: false,
                },
                Field {
                    id: "routing",
                    label: "Severity routing",
                    help: form_text!("Who each severity calls. Slack: <!here>, <!channel>, <!subteam^GROUP_ID>. Discord: @here, a role as <@&ROLE_ID>. A plain @name calls no one."),
                    kind: FieldKind::Table(TableSpec {
                        row_noun: "severity",
                        columns: &[
                            Column::short("mention", "Mention").optional().checked(mention_problem),
                            Column::short("action", "Expected response"),
                        ],
                        rows: TableRows::Fixed { header: "Severity", labels: SEVERITIES },
                    }),
                    optional: false,
                },
            ],
        },
        Section {
            id: "webhook",
            shown_when: None,
            title: "Webhook setup",
            intro: form_text!("Create the webhook, store its URL as a secret, and send a test alert: the steps are written into webhook-config.md for your platform."),
            guidance: form_text!(&[
                "Alerts that were never sent are the most common monitoring gap: send a test alert before you rely on it.",
                "Never paste the webhook URL into the workflow or this workbook: anyone with it can post to your channel.",
            ]),
            fields: &[
                Field {
                    id: "setup_steps",
                    label: "Setting up the webhook",
                    help: "",
                    kind: FieldKind::Computed(Computed::shown(webhook::setup_steps, ComputedFormat::Text, "")),
                    optional: false,
                },
                Field {
                    id: "test_alert",
                    label: "Test alert",
                    help: form_text!("When you sent it (Actions → Monitoring → Run workflow, with \"Send a test alert\" ticked) and what arrived."),
                    kind: FieldKind::LongText { placeholder: form_text!("e.g. Sent on 24 Nov; arrived in #claims-oncall within 10 seconds.") },
                    optional: false,
                },
            ],
        },
    ],
    companion: None,
    carried: &[],
    client_document: None,
    red_flags: crate::course::no_red_flags,
    scripts: super::scripts::monitoring_scripts,
    grading: None,
    files: &[GeneratedFile::new(".github/workflows/monitoring.yml", workflow::monitoring_yaml)],
    criteria: &[
        Criterion {
            text: "Runs on a schedule (a valid cron, no more often than every 5 minutes) and by hand",
            judges: &["checks"],
            met: |a| workflow::schedule(a).is_ok(),
        },
        Criterion {
            text: "Health checks: each endpoint with its URL, expected status and timeout",
            judges: &[],
            met: |a| {
                let endpoints = workflow::endpoints(a);
                !endpoints.is_empty() && endpoints.len() == a.rows("endpoints").len()
            },
        },
        Criterion {
            text: "Metric rules with a condition, a severity (Critical, Warning or Info) and a check command",
            judges: &[],
            met: |a| {
                let rules = workflow::rules(a);
                !rules.is_empty() && rules.len() == a.rows("rules").len()
            },
        },
        Criterion {
            text: "Alerts go to Slack or Discord through a webhook secret, with severity routing",
            judges: &[],
            met: |a| a.has("platform") && a.has("channel") && a.rows("routing").iter().all(|r| r.get("action").is_some_and(|v| !v.trim().is_empty())),
        },
        Criterion {
            text: "A test alert was sent and arrived",
            judges: &[],
            met: |a| a.has("test_alert"),
        },
        Criterion {
            text: "No webhook URL or key pasted into an answer",
            judges: &["schedule", "checks", "rules", "alerts", "webhook"],
            met: |a| credentials_in(a.answers).is_empty(),
        },
    ],
};

const PLATFORMS: &[ChoiceOption] = &[
    ChoiceOption { value: "slack", label: "Slack", detail: "An incoming webhook; secret SLACK_WEBHOOK_URL." },
    ChoiceOption { value: "discord", label: "Discord", detail: "A channel webhook; secret DISCORD_WEBHOOK_URL." },
];

pub(super) const SEVERITIES: &[&str] = &["Critical", "Warning", "Info"];

/// A mention that calls no one from a webhook message on the chosen platform, with the
/// form that does. Slack and Discord both ignore a plain `@name`; Slack writes its special
/// mentions as `<!here>`, Discord as `@here`, and a Discord role is `<@&ROLE_ID>`.
fn mention_problem(mention: &str, a: &Inputs) -> Option<String> {
    let platform = if a.text("platform") == "discord" { "Discord" } else { "Slack" };
    for word in mention.split_whitespace().map(|w| w.trim_end_matches([',', '.', ';'])) {
        let fix = match (platform, word) {
            ("Discord", "@here" | "@everyone") => continue,
            ("Discord", "<!here>" | "<!channel>" | "<!everyone>") => "@here or @everyone".to_owned(),
            ("Discord", name) if name.starts_with('@') => "a role as <@&ROLE_ID>, a person as <@USER_ID>".to_owned(),
            ("Slack", special @ ("@here" | "@channel" | "@everyone")) => format!("<!{}>", &special[1..]),
            ("Slack", name) if name.starts_with('@') => {
                "a group as <!subteam^GROUP_ID>, a person as <@USER_ID>".to_owned()
            }
            _ => continue,
        };
        return Some(format!("“{word}” calls no one from a {platform} webhook: write {fix}."));
    }
    None
}

#[cfg(test)]
mod tests;
