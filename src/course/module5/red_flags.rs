//! Module 5's red flags, as the instructor's review shows them beside each deliverable: the
//! guide's ("No environments configured", "Workflows exist but fail due to missing secrets",
//! "No monitoring workflow", and from "Common Issues to Flag": smoke tests and rollback
//! missing, no environment protection), each said with what to do.
//! The participant's self-check shows them too, so the app never calls ready what the
//! instructor's review would send back.

use super::deployment::draft_of;
use super::pipeline::settings::{environments, exercise_complete, reviewers, ticked};
use crate::course::Inputs;

/// What the app drafts where the participant's own infrastructure must answer: a starting
/// value that is not yet theirs.
const PLACEHOLDERS: [&str; 1] = ["my-resource-group"];

/// Every answer that still holds one of the app's placeholders, by field.
fn placeholders(a: &Inputs) -> Vec<String> {
    let mut found = Vec::new();
    crate::course::for_each_text(a.answers, |field, text| {
        for placeholder in PLACEHOLDERS.iter().filter(|p| text.contains(**p)) {
            found.push(format!(
                "“{placeholder}” is still in {}: it is the app's placeholder, not your resource group. Write yours (the commands read it as $RESOURCE_GROUP).",
                super::deployment::DEPLOYMENT.field(field).map_or(field, |f| f.label)
            ));
        }
    });
    found
}

/// Whether a command does nothing (an empty answer is the app's draft, so this is how a
/// step is skipped on purpose): every line empty, a comment, `true`, `:`, `exit 0` or an `echo`.
fn does_nothing(command: &str) -> bool {
    command.lines().map(str::trim).all(|line| {
        line.is_empty()
            || line.starts_with('#')
            || matches!(line, "true" | ":" | "exit 0" | "echo")
            || line.starts_with("echo ")
    })
}

/// Exercise 2.1: the deploy.
pub(super) fn deployment(a: &Inputs) -> Vec<String> {
    let mut flags = Vec::new();
    let smoke = draft_of(a, "smoke_test_command");
    if does_nothing(&smoke) {
        flags.push(format!(
            "No smoke test: its command ({}) checks nothing before users reach the new version. Write one that fails unless it answers correctly.",
            smoke.trim()
        ));
    } else if a.text("platform") == "script" && !a.has("smoke_test_command") {
        flags.push(format!(
            "The smoke test is the app's starting command ({}), a script not written yet: write the command that checks the new version, and the export puts it in that script.",
            smoke.trim()
        ));
    }
    if a.text("strategy") == "canary" {
        for (id, what) in [("promote_command", "promote"), ("rollback_command", "reject (roll back)")] {
            let command = draft_of(a, id);
            if does_nothing(&command) {
                flags.push(format!("The canary has no way to {what}: its command ({}) does nothing.", command.trim()));
            }
        }
    }
    // Read but not listed: the workflow's first step fails until each is set, and the list is
    // where the participant says what to set (the guide: workflows that fail for missing secrets).
    let exported = super::deployment::DEPLOYMENT.files[0].exported_text(a);
    let rows = a.rows("secrets");
    let unlisted: Vec<&str> = crate::workflow::secrets_read(&exported)
        .into_iter()
        .filter(|name| {
            *name != "GITHUB_TOKEN" && !rows.iter().any(|row| row.get("name").is_some_and(|n| n.trim() == *name))
        })
        .collect();
    if !unlisted.is_empty() {
        flags.push(format!(
            "deploy-production.yml reads {}, which the list of secrets does not name: until each is set, the workflow stops at its first step. Add them to the list, and set them in GitHub.",
            unlisted.join(", ")
        ));
    }
    flags.extend(placeholders(a));
    flags
}

/// Exercise 2.3: the capstone's pipeline.
pub(super) fn pipeline(a: &Inputs) -> Vec<String> {
    let mut flags = Vec::new();
    if !exercise_complete(a, "m5-2.2") {
        flags.push("No monitoring workflow of the participant's: Exercise 2.2 is not complete, so monitoring.yml is not theirs yet.".to_owned());
    }
    if !environments(a) {
        flags.push("No environments: a private repository on GitHub Free has none, so nothing in GitHub protects production; only who may run deploy-production.yml does.".to_owned());
    } else if !ticked(a, &["staging-environment", "production-environment"]) {
        flags.push("No environments configured yet: the staging and production environments are not ticked as made (capstone incomplete).".to_owned());
    }
    if reviewers(a) && !ticked(a, &["protection"]) {
        flags.push("Production has no approval gate yet: required reviewers are not ticked as set on the production environment, so deploys would go out with no one's approval.".to_owned());
    }
    flags
}
