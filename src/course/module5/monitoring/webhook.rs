//! The webhook's setup, step by step, for the platform chosen: what webhook-config.md tells
//! the participant (and whoever sets up the repository after them) to do.

use crate::course::Inputs;
use crate::cron::SHORTEST_INTERVAL_MINUTES;

pub(super) fn setup_steps(a: &Inputs) -> Option<String> {
    let (create, secret) = if a.text("platform") == "discord" {
        (
            "In Discord: Server settings → Integrations → Webhooks → New Webhook; choose the channel and copy the webhook URL.",
            "DISCORD_WEBHOOK_URL",
        )
    } else {
        (
            "In Slack: create an app (api.slack.com/apps) → Incoming Webhooks → on → Add New Webhook to Workspace; choose the channel and copy the webhook URL.",
            "SLACK_WEBHOOK_URL",
        )
    };
    Some(format!(
        "1. {create}\n\
         2. In GitHub: the repository's Settings → Secrets and variables → Actions → New repository secret, named {secret}, with the URL as its value. Nowhere else: anyone with the URL can post to the channel.\n\
         3. Commit .github/workflows/monitoring.yml to the default branch (schedules run only there).\n\
         4. Send a test alert: Actions → Monitoring → Run workflow, tick \"Send a test alert\". It should arrive within seconds; if the run fails at that step, its log shows what the webhook answered.\n\
         5. Check now and then that the schedule still runs: GitHub runs it at most every {SHORTEST_INTERVAL_MINUTES} minutes, may run it late when busy, and turns scheduled workflows off in public repositories after 60 days without activity."
    ))
}
