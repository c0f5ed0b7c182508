//! The calculators the self-check and the review run on the proposal's own figures, each
//! flag naming its numbers so the participant can redo the sum:
//! - the busiest minute's load against the token quota, the alert and the triggers;
//! - the instance cap's cost a month against the budget;
//! - infrastructure that grows with the users;
//! - the phases' cost criteria against the cost model;
//! - a self-hosted platform's cost score against the guide's break-even rule;
//! - the business case's benefit against its running cost (`decision::payback_flags`).
//!
//! Load is not spread over 24 hours: the day's requests arrive in its busy hours, and the
//! busiest hour is a multiple of their average. The participant states both
//! (`busy_hours`, `peak_factor`); left empty, they are office hours and a Monday morning.

use super::figures::{platform_names, projection, DAYS_PER_MONTH, SCORE_COLUMNS};
use super::*;

/// Hours a day the requests arrive in, when the proposal does not say.
const BUSY_HOURS: f64 = 8.0;
/// The busiest hour over the busy hours' average, when the proposal does not say.
const PEAK_FACTOR: f64 = 2.0;

/// A threshold more than this many times the busiest load is never reached.
const NEVER_REACHED: f64 = 10.0;

/// Above this many requests a day self-hosting can pay; below it, cloud is cheaper (the
/// guide's break-even rough estimate: under 1M a day cloud, over 10M consider self-hosting).
const CLOUD_BELOW: f64 = 1_000_000.0;

/// Words that name a self-hosted platform.
const SELF_HOSTED: &[&str] =
    &["self-host", "self host", "llama", "on-prem", "open-source", "open source", "vllm", "ollama"];

/// The busy hours and the peak factor: the proposal's, or the defaults.
pub(super) fn assumptions(a: &Inputs) -> (f64, f64) {
    let stated = |id, default| a.number(id).filter(|n| *n > 0.0).unwrap_or(default);
    (stated("busy_hours", BUSY_HOURS).min(24.0), stated("peak_factor", PEAK_FACTOR))
}

/// Requests a minute at the busiest minute of a day of `requests_per_day`.
pub(super) fn peak_per_minute(a: &Inputs, requests_per_day: f64) -> f64 {
    let (hours, factor) = assumptions(a);
    requests_per_day / (hours * 60.0) * factor
}

/// The scenario with the most requests a day: (name, requests a day, its row).
pub(super) fn busiest<'a>(a: &'a Inputs) -> Option<(&'a str, f64, &'a Row)> {
    let mut best: Option<(&str, f64, &Row)> = None;
    for row in a.rows("scenarios") {
        let Some(requests) = row.get("requests_per_day").and_then(|v| parse_number(v)) else { continue };
        if best.is_none_or(|(_, most, _)| requests > most) {
            best = Some((row.get("scenario").map_or("", |s| s.trim()), requests, row));
        }
    }
    best
}

/// The figures in a text, with their k and M suffixes applied ("80% of the 90k TPM quota"
/// -> 90,000); a percentage is left out, and given apart: (figures, the first percentage).
pub(super) fn figures_in(text: &str) -> (Vec<f64>, Option<f64>) {
    let (mut figures, mut percent) = (Vec::new(), None);
    for word in text.split(|c: char| c.is_whitespace() || c == '(' || c == '>' || c == '<') {
        let bytes = word.as_bytes();
        let start = bytes.iter().position(u8::is_ascii_digit).unwrap_or(bytes.len());
        let mut end = start;
        while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b',' || bytes[end] == b'.') {
            end += 1;
        }
        let Some(n) = parse_number(word[start..end].trim_end_matches(['.', ','])) else { continue };
        match bytes.get(end) {
            Some(b'%') => percent = percent.or(Some(n)),
            Some(b'k' | b'K') => figures.push(n * 1e3),
            Some(b'm' | b'M') => figures.push(n * 1e6),
            _ => figures.push(n),
        }
    }
    (figures, percent)
}

/// The tokens-a-minute quota the scaling triggers name: the largest figure in that
/// trigger's threshold and notes ("72000", "80% of the 90k TPM quota" -> 90,000).
pub(super) fn token_quota(a: &Inputs) -> Option<f64> {
    let row = a.rows("triggers").get(1)?;
    let mut texts = String::new();
    for text in [row.get("threshold"), row.get("notes")].into_iter().flatten() {
        texts.push_str(text);
        texts.push(' ');
    }
    figures_in(&texts).0.into_iter().reduce(f64::max)
}

/// A scaling trigger's threshold, as a number.
fn trigger(a: &Inputs, index: usize) -> Option<f64> {
    a.rows("triggers").get(index)?.get("threshold").and_then(|t| parse_number(t)).filter(|t| *t > 0.0)
}

/// The token usage alert's level in tokens a minute: a percentage of the quota, or a figure.
fn token_alert(a: &Inputs, quota: Option<f64>) -> Option<f64> {
    let row =
        a.rows("ai_metrics").iter().find(|r| r.get("metric").is_some_and(|m| contains_ignoring_case(m, "token")))?;
    let (figures, percent) = figures_in(row.get("alert")?);
    match percent {
        Some(p) => Some(quota? * p / 100.0),
        None => figures.into_iter().reduce(f64::max),
    }
}

fn count(n: f64) -> String {
    numbers::grouped(n, 0)
}

/// The load of the busiest scenario at its busiest minute against the quota, the token
/// alert and the triggers.
fn load_flags(a: &Inputs, flags: &mut Vec<String>) {
    let Some((name, requests, _)) = busiest(a) else { return };
    let (hours, factor) = assumptions(a);
    let per_minute = peak_per_minute(a, requests);
    let load = format!(
        "{} at its busiest minute ({} requests a day over {} busy hours, × {} at peak)",
        name,
        count(requests),
        numbers::plain(hours, 1),
        numbers::plain(factor, 1)
    );
    if let Some(rps) = trigger(a, 0) {
        if rps > per_minute / 60.0 * NEVER_REACHED {
            flags.push(format!(
                "The requests trigger never fires: {} makes {} requests a second, and it waits for {}.",
                load,
                numbers::grouped(per_minute / 60.0, 1),
                numbers::grouped(rps, 1)
            ));
        }
    }
    let Some(tokens) = a.number("tokens_per_request").filter(|t| *t > 0.0) else { return };
    let peak = per_minute * tokens;
    let quota = token_quota(a);
    let at_peak = format!("{} uses about {} tokens a minute", load, count(peak));
    if let Some(quota) = quota.filter(|q| peak > *q) {
        flags.push(format!("Over the token quota: {}, above the {} quota. Raise the quota, cut the tokens per request, or state other busy hours.", at_peak, count(quota)));
    }
    if let Some(alert) = token_alert(a, quota).filter(|level| peak > *level) {
        flags.push(format!(
            "The token alert pages on-call at every peak: {}, above its level of {}.",
            at_peak,
            count(alert)
        ));
    }
    if let Some(threshold) = trigger(a, 1) {
        if threshold > peak * NEVER_REACHED || quota.is_some_and(|q| threshold > q) {
            let above =
                quota.filter(|q| threshold > *q).map_or(String::new(), |q| format!(", above the {} quota", count(q)));
            flags.push(format!(
                "The tokens trigger never fires in time: {}, and it waits for {}{}.",
                at_peak,
                count(threshold),
                above
            ));
        }
    }
}

/// The most the instance cap lets the service spend in a month (`instance_cost` is all in,
/// at full load): above the busiest scenario's cost for a month at its peak, it caps
/// nothing; below its modelled month, it cannot carry it.
fn cap_flags(a: &Inputs, flags: &mut Vec<String>) {
    let (Some(cap), Some(hourly)) = (a.number("max_instances"), a.number("instance_cost")) else { return };
    let Some((name, _, row)) = busiest(a) else { return };
    let Some(total) = projection(row, a.number("tokens_per_request"), a.number("price_per_1k")).total() else {
        return;
    };
    let at_cap = cap * hourly * 24.0 * DAYS_PER_MONTH;
    let budget = total * assumptions(a).1;
    let cap = format!("{} instances at {} an hour cost {} a month", count(cap), money(hourly), money(at_cap));
    if at_cap > budget {
        flags.push(format!("The instance cap does not cap the spend: {}, more than {} would cost if the whole month ran at its peak ({}). Lower the cap, or budget for it.", cap, name, money(budget)));
    } else if at_cap < total {
        flags.push(format!("The instance cap cannot carry {}: {}, less than the {} a month it is costed at. Raise the cap, or check the cost per instance-hour.", name, cap, money(total)));
    }
}

/// Each scenario against the one before: more users on no more infrastructure.
fn infrastructure_flags(a: &Inputs, flags: &mut Vec<String>) {
    let mut before: Option<(&str, f64, f64)> = None;
    for row in a.rows("scenarios") {
        let number = |column| row.get(column).and_then(|v| parse_number(v));
        let (Some(users), Some(infrastructure)) = (number("users"), number("infrastructure")) else { continue };
        let name = row.get("scenario").map_or("", |s| s.trim());
        if let Some((previous, their_users, theirs)) = before {
            if users >= their_users * 2.0 && infrastructure <= theirs {
                flags.push(format!("Infrastructure does not grow with the users: {} serves {} users on {} a month, {} {} on {}. Cost what scales (instances, storage, monitoring) or say why nothing does.", name, count(users), money(infrastructure), previous, count(their_users), money(theirs)));
            }
        }
        before = Some((name, users, infrastructure));
    }
}

/// The modelled cost of one request in a scenario: its month's total over its month's requests.
fn cost_per_request(a: &Inputs, row: &Row) -> Option<f64> {
    let requests = row.get("requests_per_day").and_then(|v| parse_number(v)).filter(|r| *r > 0.0)?;
    Some(
        projection(row, a.number("tokens_per_request"), a.number("price_per_1k")).total()?
            / (requests * DAYS_PER_MONTH),
    )
}

/// The row of `rows` whose `column` is `name` (ignoring case), else the row at `index`: the
/// scenario that models a phase, and the other way round.
pub(super) fn named_or_at<'r>(rows: &'r [Row], column: &str, name: &str, index: usize) -> Option<&'r Row> {
    let named = rows.iter().find(|r| r.get(column).is_some_and(|n| n.trim().eq_ignore_ascii_case(name.trim())));
    named.or(rows.get(index))
}

/// A phase's "cost per …" ceiling in its success criteria or go/no-go rule: (the words, the
/// figure), as in "cost per claim < $0.40".
fn cost_ceiling(text: &str) -> Option<(&str, f64)> {
    let at = find_ignoring_case(text, "cost per")?;
    let rest = &text[at..];
    let end = rest.find([';', '\n']).unwrap_or(rest.len());
    let clause = &rest[..end];
    let figure = figures_in(clause).0.into_iter().next()?;
    Some((clause.trim(), figure))
}

/// Each phase's cost ceiling against the cost model of its scenario.
fn go_criteria_flags(a: &Inputs, flags: &mut Vec<String>) {
    for (index, phase) in a.rows("phases").iter().enumerate() {
        let name = phase.get("name").map_or("", |n| n.trim());
        let Some(scenario) = named_or_at(a.rows("scenarios"), "scenario", name, index) else { continue };
        let Some(modelled) = cost_per_request(a, scenario) else { continue };
        for column in ["criteria", "decision"] {
            let Some((clause, ceiling)) = phase.get(column).and_then(|t| cost_ceiling(t)) else { continue };
            if modelled > ceiling {
                flags.push(format!(
                    "{}'s criterion “{}” fails against the cost model: ${} a request.",
                    name,
                    clause,
                    numbers::grouped(modelled, 3)
                ));
            }
        }
    }
}

/// A self-hosted platform scored above the clouds on cost at a volume the guide's
/// break-even gives to the cloud.
fn break_even_flags(a: &Inputs, flags: &mut Vec<String>) {
    let Some((_, requests, _)) = busiest(a) else { return };
    if requests >= CLOUD_BELOW {
        return;
    }
    let names = platform_names(a);
    let self_hosted = |name: &str| SELF_HOSTED.iter().any(|w| contains_ignoring_case(name, w));
    for row in a.rows("scoring") {
        let criterion = row.get("criterion").map_or("", |c| c.trim());
        if !contains_ignoring_case(criterion, "cost") {
            continue;
        }
        let score = |i: usize| row.get(SCORE_COLUMNS[i]).and_then(|s| parse_number(s));
        let best_cloud =
            (0..3).filter(|i| names[*i].as_deref().is_some_and(|n| !self_hosted(n))).filter_map(score).reduce(f64::max);
        for (i, name) in names.iter().enumerate() {
            let (Some(name), Some(own), Some(cloud)) = (name, score(i), best_cloud) else { continue };
            if self_hosted(name) && own > cloud {
                flags.push(format!("{} scores {} on {}, above the cloud platforms ({}), at {} requests a day: the guide's break-even gives the cloud the cost advantage under 1M requests a day. Score it lower, or show the cost model that says otherwise.", name, numbers::plain(own, 1), criterion, numbers::plain(cloud, 1), count(requests)));
            }
        }
    }
}

/// Every calculator's flags: empty when the figures hold.
pub(super) fn calculator_flags(a: &Inputs) -> Vec<String> {
    let mut flags = Vec::new();
    load_flags(a, &mut flags);
    cap_flags(a, &mut flags);
    infrastructure_flags(a, &mut flags);
    go_criteria_flags(a, &mut flags);
    break_even_flags(a, &mut flags);
    super::decision::payback_flags(a, &mut flags);
    flags
}
