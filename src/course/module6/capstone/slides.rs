//! The executive presentation's slide drafts, in Marp markdown. Typed text is inserted as
//! markdown (the deck is the participant's to edit); one-line values are escaped so a name
//! cannot break a table.

use super::timeline::users_label;
use super::*;

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

/// The client's deck: who prepared it, never the course's cohort.
pub(super) fn slide_title(a: &Inputs) -> Option<String> {
    let name = a.workbook.profile.name.trim();
    let by = if name.is_empty() { String::new() } else { format!("Prepared by {}", escape::inline(name)) };
    Some(format!(
        "# Enterprise AI Architecture Proposal\n\n## {}\n\n{}",
        or_placeholder(&client(a), "Client name"),
        or_placeholder(&by, "Your name")
    ))
}

pub(super) fn slide_challenge(a: &Inputs) -> Option<String> {
    Some(format!(
        "## The challenge\n\n{}",
        or_placeholder(first_paragraph(a.text("client_context")), "Client context and challenge")
    ))
}

pub(super) fn slide_summary(a: &Inputs) -> Option<String> {
    Some(format!(
        "## Executive summary\n\n{}",
        or_placeholder(first_paragraph(a.text("executive_summary")), "Executive summary")
    ))
}

pub(super) fn slide_recommendation(a: &Inputs) -> Option<String> {
    Some(format!(
        "## Recommendation: {}\n\n{}",
        or_placeholder(&escape::inline(a.text("recommended_platform").trim()), "platform"),
        or_placeholder(first_paragraph(a.text("recommendation_rationale")), "Rationale")
    ))
}

pub(super) fn slide_scoring(a: &Inputs) -> Option<String> {
    let table =
        weighted_totals(a).map_or_else(|| "_Weighted totals pending._".to_owned(), |g| grid_markdown(&g, &[0, 1, 2]));
    Some(format!("## Platform scoring\n\n{table}\n\nWeighted over {} criteria.", a.rows("scoring").len()))
}

pub(super) fn slide_security(a: &Inputs) -> Option<String> {
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

pub(super) fn slide_cost(a: &Inputs) -> Option<String> {
    let table = cost_projections(a)
        .map_or_else(|| "_Cost projections pending._".to_owned(), |g| grid_markdown(&g, &[0, 1, 5, 6]));
    Some(format!("## Cost projections\n\n{table}"))
}

pub(super) fn slide_deployment(a: &Inputs) -> Option<String> {
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

/// The proposal's metrics, as refined for the client (carried from Exercise 2.2, and the
/// runbook's own until refined): the deck says what the proposal says.
pub(super) fn slide_operations(a: &Inputs) -> Option<String> {
    let metrics = bullets(a.rows("ai_metrics").iter().filter_map(|r| {
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

/// The architecture drawn: the deck writer puts the diagram itself in place of the image
/// that points at its field (`render::markdown`), with the components' groups beside it.
pub(super) fn slide_architecture(a: &Inputs) -> Option<String> {
    let graph = diagram::Graph::from_tables(a.rows("components"), a.rows("connections"));
    if graph.is_empty() {
        return Some("## Architecture\n\n_Components and connections_".to_owned());
    }
    Some("## Architecture\n\n![Architecture diagram](#architecture_diagram)".to_owned())
}

pub(super) fn slide_roadmap(a: &Inputs) -> Option<String> {
    let milestones = bullets(a.rows("roadmap").iter().filter_map(|r| {
        let milestone = r.get("milestone").map(|m| m.trim()).filter(|m| !m.is_empty())?;
        let when = r.get("timing").map_or("", |t| t.trim());
        let owner = r.get("owner").map_or("", |o| o.trim());
        Some(format!("**{}**: {} ({})", escape::inline(when), escape::inline(milestone), escape::inline(owner)))
    }));
    Some(format!("## Roadmap\n\n{}", or_placeholder(&milestones, "Roadmap milestones")))
}

/// The business case's figures and the risks of high impact, each with the first clause of
/// its mitigation: what a CTO weighs before saying yes.
pub(super) fn slide_investment_risks(a: &Inputs) -> Option<String> {
    let table = investment(a).map_or_else(
        || "_Investment pending._".to_owned(),
        |mut g| {
            // The first year's investment and the net benefit follow from the other rows.
            g.rows.retain(|r| !r[0].starts_with("Investment") && !r[0].starts_with("Net"));
            grid_markdown(&g, &[0, 1])
        },
    );
    let risks = bullets(a.rows("risk_register").iter().filter_map(|r| {
        let risk = r.get("risk").map(|m| m.trim()).filter(|m| !m.is_empty())?;
        r.get("impact").filter(|i| i.trim().eq_ignore_ascii_case("high"))?;
        let mitigation = r.get("mitigation").map_or("", |m| m.split(';').next().unwrap_or("").trim());
        Some(format!("**{}**: {}", escape::inline(risk), escape::inline(mitigation)))
    }));
    Some(format!("## Investment and risks\n\n{table}\n\n{}", or_placeholder(&risks, "Risks of high impact")))
}

pub(super) fn slide_decision(a: &Inputs) -> Option<String> {
    Some(format!(
        "## Decision and next steps\n\n**{}**\n\n{}",
        or_placeholder(&escape::inline(a.text("decision_requested").trim()), "Decision requested"),
        or_placeholder(a.text("next_steps"), "Next steps")
    ))
}
