//! What a decision needs beyond the architecture, computed from the proposal's answers:
//! the investment and its payback, the downtime an availability target allows, the date of
//! general availability; the usual AI risks the register starts from; and whether the case
//! for the decision is made (a criterion the rubric reads).

use super::calculators::{busiest, figures_in};
use super::figures::projection;
use super::timeline::duration_days;
use super::*;
use crate::gantt::Date;

/// The register's first rows: the risks most AI rollouts carry, each with a typical
/// likelihood, impact and mitigation for the participant to rate and adapt for the client,
/// and no owner (a row kept exactly as prefilled is flagged: `red_flags::placeholders`).
pub(super) const TYPICAL_RISKS: &[&[&str]] = &[
    &[
        "Token quota exhausted at peak",
        "Medium",
        "High",
        "Quota raised before each phase; scale-out and queue triggers below it; a fallback model",
    ],
    &[
        "Model version retired by the provider",
        "High",
        "Medium",
        "Model versions pinned; the successor evaluated in staging a quarter before retirement",
    ],
    &[
        "Wrong or invented answers",
        "Medium",
        "High",
        "Answers cite their source documents; a person approves every decision; weekly quality sampling",
    ],
    &[
        "Low adoption by staff",
        "Medium",
        "High",
        "Pilot with volunteers; training before each phase; adoption measured at each go/no-go",
    ],
    &[
        "Lock-in to one provider",
        "Medium",
        "Medium",
        "Model calls behind our own gateway; prompts and evaluations kept portable",
    ],
    &["Single point of failure", "Low", "High", "Two zones; a circuit breaker that falls back to the manual process"],
    &[
        "Regulation changes, e.g. the EU AI Act",
        "Medium",
        "Medium",
        "Compliance review at each phase; records of the model's use kept",
    ],
];

/// The sum of a money column, over the rows that have a figure: `None` when none has.
fn column_total(rows: &[Row], column: &str) -> Option<f64> {
    rows.iter().filter_map(|r| r.get(column).and_then(|v| parse_number(v))).reduce(|a, b| a + b)
}

/// (one-off costs, benefit a year, running cost a month at the busiest scenario, its name).
fn business_figures<'a>(a: &'a Inputs) -> (Option<f64>, Option<f64>, Option<(f64, &'a str)>) {
    let running = busiest(a).and_then(|(name, _, row)| {
        let total = projection(row, a.number("tokens_per_request"), a.number("price_per_1k")).total()?;
        Some((total, name))
    });
    (column_total(a.rows("one_off_costs"), "cost"), column_total(a.rows("benefits"), "value"), running)
}

/// The business case in figures: the investment in the first year and the months the
/// one-off costs take to pay back from the benefit left after the running cost.
pub(super) fn investment(a: &Inputs) -> Option<Grid> {
    let (one_off, benefit, running) = business_figures(a);
    let mut rows = Vec::new();
    let mut row = |what: String, amount: String| rows.push(vec![what, amount]);
    if let Some(one_off) = one_off {
        row("One-off costs".into(), money(one_off));
    }
    if let Some((monthly, name)) = running {
        row(format!("Running cost a year ({name} at {} a month)", money(monthly)), money(monthly * 12.0));
        if let Some(one_off) = one_off {
            row("Investment in the first year".into(), money(one_off + monthly * 12.0));
        }
    }
    if let Some(benefit) = benefit {
        row("Benefit a year".into(), money(benefit));
    }
    if let (Some(benefit), Some((monthly, _))) = (benefit, running) {
        let net = benefit - monthly * 12.0;
        row("Net benefit a year".into(), money(net));
        if let Some(one_off) = one_off {
            let payback = if net > 0.0 {
                format!("{} months", numbers::plain(one_off / (net / 12.0), 1))
            } else {
                "None: the running cost is above the benefit".into()
            };
            row("Payback of the one-off costs".into(), payback);
        }
    }
    (!rows.is_empty()).then(|| Grid { header: vec!["Figure".into(), "Amount".into()], rows })
}

/// The business case that never pays back, with its figures.
pub(super) fn payback_flags(a: &Inputs, flags: &mut Vec<String>) {
    let (_, Some(benefit), Some((monthly, name))) = business_figures(a) else { return };
    if benefit <= monthly * 12.0 {
        flags.push(format!(
            "The business case does not pay back: the benefits are worth {} a year, and {} costs {} a year to run.",
            money(benefit),
            name,
            money(monthly * 12.0)
        ));
    }
}

/// "99.9% a month allows 43 minutes of downtime.": the availability target's budget over
/// the period it names (a month unless it says a week or a year).
pub(super) fn downtime_budget(a: &Inputs) -> Option<String> {
    let slo = a.text("availability_slo");
    let percent = figures_in(slo).1.filter(|p| (0.0..100.0).contains(p))?;
    let (days, period) = if contains_ignoring_case(slo, "year") {
        (365.0, "a year")
    } else if contains_ignoring_case(slo, "week") {
        (7.0, "a week")
    } else {
        (30.0, "a month")
    };
    let minutes = days * 24.0 * 60.0 * (100.0 - percent) / 100.0;
    let allowed = if minutes < 120.0 {
        format!("{} minutes", numbers::plain(minutes.round(), 0))
    } else {
        format!("{} hours", numbers::plain(minutes / 60.0, 1))
    };
    Some(format!("{}% {period} allows {allowed} of downtime.", numbers::plain(percent, 3)))
}

/// When the last phase (general availability) starts: the phases before it end to end from
/// the rollout start, at their shortest and at their longest.
pub(super) fn general_availability(a: &Inputs) -> Option<String> {
    let start = Date::parse(a.text("rollout_start").trim())?;
    let phases: Vec<&Row> =
        a.rows("phases").iter().filter(|r| r.get("name").is_some_and(|n| !n.trim().is_empty())).collect();
    let (last, before) = phases.split_last()?;
    let (mut earliest, mut latest) = (0.0, 0.0);
    for phase in before {
        let (shortest, longest) = duration_days(phase.get("duration").map_or("", |d| d))?;
        earliest += shortest;
        latest += longest;
    }
    let name = last.get("name").map_or("", |n| n.trim());
    let date = |days: f64| start.plus(days.ceil() as i64).readable();
    Some(if earliest < latest {
        format!(
            "{name} between {} and {}, after a rollout starting on {}.",
            date(earliest),
            date(latest),
            start.readable()
        )
    } else {
        format!("{name} on {}, after a rollout starting on {}.", date(latest), start.readable())
    })
}

/// Rows of a table whose `key` is filled, and whether each of them fills every one of `needed`.
fn complete_rows(rows: &[Row], key: &str, needed: &[&str]) -> (usize, bool) {
    let filled = |row: &Row, column: &str| row.get(column).is_some_and(|v| !v.trim().is_empty());
    let named: Vec<&Row> = rows.iter().filter(|r| filled(r, key)).collect();
    (named.len(), named.iter().all(|r| needed.iter().all(|c| filled(r, c))))
}

/// The case for the decision is made: a business case that pays back, five risks or more each
/// rated, mitigated and owned, three key choices recorded with their options, every role
/// filled, availability as a percentage, and a date for general availability.
pub(super) fn decision_supported(a: &Inputs) -> bool {
    let mut flags = Vec::new();
    payback_flags(a, &mut flags);
    let (risks, risks_complete) =
        complete_rows(a.rows("risk_register"), "risk", &["likelihood", "impact", "mitigation", "owner"]);
    let (decisions, decisions_complete) = complete_rows(a.rows("decision_records"), "decision", &["options", "choice"]);
    let (roles, roles_complete) = complete_rows(a.rows("team"), "role", &["who"]);
    flags.is_empty()
        && investment(a).is_some_and(|g| g.rows.len() == 6)
        && risks >= 5
        && risks_complete
        && decisions >= 3
        && decisions_complete
        && roles >= 3
        && roles_complete
        && downtime_budget(a).is_some()
        && general_availability(a).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::module6::capstone::testing::*;

    #[test]
    fn the_investment_pays_back_from_the_benefit_left_after_running_costs() {
        let mut a = ExerciseAnswers::default();
        a.set_text("tokens_per_request", "1,500".into());
        a.set_text("price_per_1k", "$0.01".into());
        *a.rows_mut("scenarios") =
            vec![row(&[("scenario", "All"), ("requests_per_day", "40,000"), ("infrastructure", "6,000")])];
        *a.rows_mut("one_off_costs") = vec![row(&[("item", "Build"), ("cost", "$150,000")]), row(&[("item", "DPIA")])];
        *a.rows_mut("benefits") = vec![row(&[("benefit", "Time"), ("value", "$588,000")])];
        inputs_of(&a, &Workbook::default(), |i| {
            // 40,000 × 30 × 1.5 × $0.01 = $18,000 + $6,000 = $24,000 a month, $288,000 a year.
            // (588,000 − 288,000) ÷ 12 = $25,000 a month: 150,000 ÷ 25,000 = 6 months.
            let grid = investment(i).unwrap();
            assert_eq!(grid.rows[1], ["Running cost a year (All at $24,000 a month)", "$288,000"]);
            assert_eq!(grid.rows[2], ["Investment in the first year", "$438,000"]);
            assert_eq!(grid.rows[5], ["Payback of the one-off costs", "6 months"]);
            let mut flags = Vec::new();
            payback_flags(i, &mut flags);
            assert!(flags.is_empty());
        });
        a.rows_mut("benefits")[0].insert("value".into(), "$200,000".into());
        inputs_of(&a, &Workbook::default(), |i| {
            assert_eq!(investment(i).unwrap().rows[5][1], "None: the running cost is above the benefit");
            let mut flags = Vec::new();
            payback_flags(i, &mut flags);
            assert_eq!(flags, ["The business case does not pay back: the benefits are worth $200,000 a year, and All costs $288,000 a year to run."]);
        });
    }

    #[test]
    fn availability_is_a_downtime_budget_and_phases_date_general_availability() {
        let mut a = ExerciseAnswers::default();
        a.set_text("availability_slo", "99.9% a month, in business hours".into());
        a.set_text("rollout_start", "2027-02-01".into());
        *a.rows_mut("phases") = vec![
            row(&[("name", "Pilot"), ("duration", "4-6 weeks")]),
            row(&[("name", "Limited"), ("duration", "8-12 weeks")]),
            row(&[("name", "General availability"), ("duration", "Ongoing")]),
        ];
        inputs_of(&a, &Workbook::default(), |i| {
            assert_eq!(downtime_budget(i).unwrap(), "99.9% a month allows 43 minutes of downtime.");
            // 12 to 18 weeks after 1 Feb 2027.
            assert_eq!(
                general_availability(i).unwrap(),
                "General availability between 26 Apr 2027 and 7 Jun 2027, after a rollout starting on 1 Feb 2027."
            );
        });
        a.set_text("availability_slo", "99.5% a year".into());
        inputs_of(&a, &Workbook::default(), |i| {
            assert_eq!(downtime_budget(i).unwrap(), "99.5% a year allows 43.8 hours of downtime.")
        });
        a.set_text("availability_slo", "three nines".into());
        inputs_of(&a, &Workbook::default(), |i| assert_eq!(downtime_budget(i), None));
    }
}
