//! `monitoring.yml` from Exercise 2.2's answers: on the schedule (and by hand), call each
//! endpoint and run each rule's check without stopping at the first failure, send one alert
//! per failure to the webhook (Slack `text` or Discord `content`, built with `jq` so any
//! text is quoted, sent with `curl --fail-with-body` so a refused alert fails the run), and
//! end the run red when anything failed. A manual run can send a test alert.

use super::SEVERITIES;
use crate::course::module5::deployment::workflow::{app_env, azure_sign_in};
use crate::course::module5::scripts::{run_check, PROMETHEUS_SECRET};
use crate::course::Inputs;
use crate::cron::{self, SHORTEST_INTERVAL_MINUTES};
use crate::numbers::parse_number;
use crate::workflow::{
    check_secrets_first, hoist_expressions, redact_credentials, secret, to_yaml, where_secrets_live, Concurrency, Job,
    Permission, Step, Switch, Trigger, Workflow,
};

/// The cron expression: the participant's, or the drafted every 15 minutes.
fn cron_text(a: &Inputs) -> String {
    let typed = a.text("cron").trim();
    if typed.is_empty() {
        DEFAULT_CRON.to_owned()
    } else {
        typed.to_owned()
    }
}

/// The schedule, or what is wrong with it (not a cron expression, or more often than
/// GitHub runs schedules).
pub fn schedule(a: &Inputs) -> Result<cron::Schedule, String> {
    let schedule = cron::parse(&cron_text(a))?;
    let gap = schedule.shortest_gap_minutes();
    if gap < SHORTEST_INTERVAL_MINUTES {
        return Err(format!(
            "this runs {} minute{} apart, but GitHub runs a schedule at most every {SHORTEST_INTERVAL_MINUTES} minutes",
            gap,
            if gap == 1 { "" } else { "s" }
        ));
    }
    Ok(schedule)
}

/// The schedule in words, or what is wrong with it: shown beside the cron field.
pub fn schedule_in_words(a: &Inputs) -> Option<String> {
    Some(match schedule(a) {
        Ok(schedule) => schedule.describe(),
        Err(problem) => format!(
            "Not a schedule GitHub can run: {problem}. Until it is fixed, monitoring.yml runs every 15 minutes ({DEFAULT_CRON})."
        ),
    })
}

/// The schedule the workflow runs on: the participant's when GitHub can run it.
const DEFAULT_CRON: &str = "*/15 * * * *";

fn workflow_cron(a: &Inputs) -> String {
    if schedule(a).is_ok() {
        cron_text(a)
    } else {
        DEFAULT_CRON.to_owned()
    }
}

/// An endpoint with everything a check needs.
pub struct Endpoint {
    pub name: String,
    pub url: String,
    pub status: u32,
    pub timeout_seconds: u32,
}

/// The endpoints whose URL is http(s) and whose status and timeout are numbers.
pub fn endpoints(a: &Inputs) -> Vec<Endpoint> {
    a.rows("endpoints")
        .iter()
        .filter_map(|row| {
            let cell = |column: &str| row.get(column).map_or("", |v| v.trim());
            let url = cell("url");
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return None;
            }
            let status = parse_number(cell("status")).filter(|s| (100.0..600.0).contains(s))?;
            let timeout = parse_number(cell("timeout")).filter(|t| (1.0..=300.0).contains(t))?;
            let name = if cell("name").is_empty() { url } else { cell("name") };
            Some(Endpoint {
                name: name.to_owned(),
                url: url.to_owned(),
                status: status as u32,
                timeout_seconds: timeout as u32,
            })
        })
        .collect()
}

/// A metric rule with everything a check needs.
pub struct Rule {
    pub name: String,
    pub condition: String,
    pub severity: &'static str,
    pub command: String,
}

/// The rules that have a name, a check command and a known severity.
pub fn rules(a: &Inputs) -> Vec<Rule> {
    a.rows("rules")
        .iter()
        .filter_map(|row| {
            let cell = |column: &str| row.get(column).map_or("", |v| v.trim());
            let severity = SEVERITIES.iter().find(|s| s.eq_ignore_ascii_case(cell("severity")))?;
            (!cell("name").is_empty() && !cell("command").is_empty()).then(|| Rule {
                name: cell("name").to_owned(),
                condition: cell("condition").to_owned(),
                severity,
                command: cell("command").to_owned(),
            })
        })
        .collect()
}

/// Slack or Discord, and the secret its webhook URL lives in.
fn destination(a: &Inputs) -> (&'static str, &'static str) {
    if a.text("platform") == "discord" {
        ("discord", "DISCORD_WEBHOOK_URL")
    } else {
        ("slack", "SLACK_WEBHOOK_URL")
    }
}

/// The mention configured for a severity (Critical, Warning, Info).
fn mention(a: &Inputs, severity: &str) -> String {
    let index = SEVERITIES.iter().position(|s| *s == severity).unwrap_or(0);
    a.rows("routing").get(index).and_then(|r| r.get("mention")).map_or("", |m| m.trim()).to_owned()
}

/// The file: a header saying where it comes from, then the workflow.
pub fn monitoring_yaml(a: &Inputs) -> String {
    format!(
        "# Health checks and alerts. Generated by Workbook v{} from Module 5 Exercise 2.2;\n\
         # docs/webhook-config.md explains the webhook and how to send a test alert.\n{}",
        crate::APP_VERSION,
        to_yaml(&monitoring_workflow(a))
    )
}

pub fn monitoring_workflow(a: &Inputs) -> Workflow {
    let (platform, webhook_secret) = destination(a);
    let mut job = Job {
        env: vec![
            ("WEBHOOK_URL".into(), secret(webhook_secret)),
            (
                "RUN_URL".into(),
                "${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}".into(),
            ),
        ],
        permissions: Some(vec![Permission::read("contents")]),
        ..Job::new("monitor", "Health checks and alerts", 15)
    };
    job.steps.push(Step::check_out("Check out the check scripts"));
    // Every check runs, whatever the ones before it found: each failure is alerted.
    let mut checks: Vec<(String, String, &'static str)> = Vec::new();
    for (index, endpoint) in endpoints(a).iter().enumerate() {
        let id = format!("endpoint_{}", index + 1);
        job.steps.push(
            Step::run(&format!("Check {}", endpoint.name), ENDPOINT_CHECK)
                .with_id(&id)
                .keep_going()
                .env("URL", &endpoint.url)
                .env("EXPECTED_STATUS", &endpoint.status.to_string())
                .env("TIMEOUT", &endpoint.timeout_seconds.to_string()),
        );
        checks.push((id, format!("{} is down", endpoint.name), "Critical"));
    }
    // Where the metrics are read: Exercise 2.1's platform, when a rule calls the shipped check.
    let deployment = a.other("m5-2.1");
    let deployment = Inputs::new(&deployment, a.workbook);
    let shipped_check = rules(a).iter().any(|rule| rule.command.contains("./monitoring/check-metric.sh"));
    let metrics_on = if shipped_check { deployment.text("platform") } else { "" };
    if shipped_check {
        // What Exercise 2.1 answered: nothing when it is not answered yet (the shipped check
        // then says which setting it misses), never an empty variable.
        job.env.extend(
            app_env(&deployment, "health_url")
                .into_iter()
                .filter(|(name, value)| name != "HEALTH_URL" && !value.is_empty()),
        );
    }
    if metrics_on == "azure-webapp" {
        job.steps.push(azure_sign_in());
        job.permissions.get_or_insert_with(Vec::new).push(Permission::write("id-token"));
    }
    // A rule's check exits 0 (holds), 1 (broken) or anything else (did not run: never
    // alerted as broken); the step records which and goes on, so every rule is checked.
    let mut rule_ids = Vec::new();
    for (index, rule) in rules(a).iter().enumerate() {
        let id = format!("rule_{}", index + 1);
        let script = format!(
            "{}case \"$status\" in\n  0) echo \"result=holds\" >> \"$GITHUB_OUTPUT\" ;;\n  \
             1) echo \"result=broken\" >> \"$GITHUB_OUTPUT\"; echo \"::error::Broken: $RULE.\" ;;\n  \
             *) echo \"result=not-run\" >> \"$GITHUB_OUTPUT\"; echo \"::warning::The check did not run (exit status $status): $RULE is unknown this round.\" ;;\nesac",
            run_check(&rule.command)
        );
        let broken =
            if rule.condition.is_empty() { rule.name.clone() } else { format!("{}: {}", rule.name, rule.condition) };
        let mut step = Step::run(&format!("Check the rule: {}", rule.name), &script)
            .with_id(&id)
            .env("CONDITION", &rule.condition)
            .env("RULE", &broken);
        if metrics_on == "kubernetes" {
            step = step.env(PROMETHEUS_SECRET, &secret(PROMETHEUS_SECRET));
        }
        job.steps.push(step);
        rule_ids.push(id.clone());
        checks.push((id, broken, rule.severity));
    }
    let failed = |id: &str| {
        if rule_ids.iter().any(|rule| rule == id) {
            format!("steps.{id}.outputs.result == 'broken'")
        } else {
            format!("steps.{id}.outcome == 'failure'")
        }
    };
    for (id, problem, severity) in &checks {
        job.steps.push(
            alert_step(
                platform,
                &format!("Alert: {problem} ({})", severity.to_ascii_lowercase()),
                severity,
                problem,
                &mention(a, severity),
            )
            .when(&failed(id)),
        );
    }
    job.steps.push(
        alert_step(
            platform,
            "Send a test alert",
            "Info",
            &format!("Test alert from monitoring.yml: alerts reach {}.", a.text("channel").trim()),
            "",
        )
        .when("inputs.send_test_alert"),
    );
    if !checks.is_empty() {
        let failed: Vec<String> = checks.iter().map(|(id, ..)| failed(id)).collect();
        job.steps.push(
            Step::run(
                "Fail the run when a check failed",
                "echo \"::error::A check failed; its alert was sent.\"\nexit 1",
            )
            .when(&failed.join(" || ")),
        );
    }
    if !rule_ids.is_empty() {
        // Unknown is not broken: no alert, but the run is red, so someone fixes the check.
        let not_run: Vec<String> =
            rule_ids.iter().map(|id| format!("steps.{id}.outputs.result == 'not-run'")).collect();
        job.steps.push(
            Step::run(
                "Fail the run when a check did not run",
                "echo \"::error::A check did not run, so its rule is unknown (no alert sent): see the warning above.\"\nexit 1",
            )
            .when(&format!("!cancelled() && ({})", not_run.join(" || "))),
        );
    }
    let mut workflow = Workflow {
        name: "Monitoring".into(),
        on: vec![
            Trigger::Schedule(vec![workflow_cron(a)]),
            Trigger::WorkflowDispatch {
                inputs: vec![Switch {
                    id: "send_test_alert".into(),
                    description: "Send a test alert to the webhook".into(),
                }],
            },
        ],
        permissions: Vec::new(),
        // A newer round of checks replaces one still waiting.
        concurrency: Some(Concurrency { group: "monitoring".into(), cancel_in_progress: true }),
        env: Vec::new(),
        jobs: vec![job],
    };
    redact_credentials(&mut workflow);
    hoist_expressions(&mut workflow);
    check_secrets_first(&mut workflow, &where_secrets_live(None));
    workflow
}

/// Calls $URL and fails unless it answers $EXPECTED_STATUS within $TIMEOUT seconds.
const ENDPOINT_CHECK: &str = "status=\"$(curl --silent --output /dev/null --write-out '%{http_code}' --max-time \"$TIMEOUT\" \"$URL\" || true)\"\n\
if [ \"$status\" != \"$EXPECTED_STATUS\" ]; then\n  \
echo \"::error::$URL answered ${status:-nothing} within ${TIMEOUT}s; expected $EXPECTED_STATUS.\"\n  \
exit 1\nfi\necho \"$URL answered $status.\"";

/// Posts one alert: the JSON built by jq from $SEVERITY, $PROBLEM, $MENTION and the run's
/// link, in the shape the platform reads.
fn alert_step(platform: &str, name: &str, severity: &str, problem: &str, mention: &str) -> Step {
    let script = match platform {
        // Discord reads `content`, at most 2,000 characters.
        "discord" => {
            "message=\"**[$SEVERITY]** $PROBLEM $MENTION\n$RUN_URL\"\n\
             payload=\"$(jq --null-input --arg content \"${message:0:2000}\" '{content: $content}')\"\n\
             curl --fail-with-body --silent --show-error --header 'Content-Type: application/json' --data \"$payload\" \"$WEBHOOK_URL\""
        }
        // Slack reads `text`.
        _ => {
            "message=\"*[$SEVERITY]* $PROBLEM $MENTION\n$RUN_URL\"\n\
             payload=\"$(jq --null-input --arg text \"$message\" '{text: $text}')\"\n\
             curl --fail-with-body --silent --show-error --header 'Content-Type: application/json' --data \"$payload\" \"$WEBHOOK_URL\""
        }
    };
    Step::run(name, script)
        .env("SEVERITY", &severity.to_ascii_uppercase())
        .env("PROBLEM", problem)
        .env("MENTION", mention)
}
