//! The capstone's computed figures: the weighted platform scores and the cost projections
//! of each scaling scenario, from the participant's inputs.

use super::calculators::{assumptions, named_or_at, peak_per_minute};
use super::timeline::duration_days;
use super::*;

const PLATFORM_FIELDS: [&str; 3] = ["platform_a", "platform_b", "platform_c"];

pub(super) const SCORE_COLUMNS: [&str; 3] = ["score_a", "score_b", "score_c"];

/// Days in a month, for monthly projections from daily volumes.
pub(super) const DAYS_PER_MONTH: f64 = 30.0;

pub(super) fn platform_names(a: &ExerciseAnswers) -> [Option<String>; 3] {
    PLATFORM_FIELDS.map(|id| Some(a.text(id).trim()).filter(|n| !n.is_empty()).map(str::to_owned))
}

/// A score from 1 to 5, or `None` for anything else.
fn score(row: &Row, column: &str) -> Option<f64> {
    row.get(column).and_then(|s| parse_number(s)).filter(|s| (1.0..=5.0).contains(s))
}

/// Σ(weight × score) ÷ Σ weight per named platform, over the rows that have a positive
/// weight and a score for that platform, ranked.
pub(super) fn weighted_totals(a: &Inputs) -> Option<Grid> {
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

/// One scenario's monthly figures, when its inputs are numbers.
pub(super) struct Projection {
    pub users: Option<f64>,
    pub ai_per_month: Option<f64>,
    pub infrastructure: Option<f64>,
}

impl Projection {
    pub fn total(&self) -> Option<f64> {
        Some(self.ai_per_month? + self.infrastructure?)
    }
}

pub(super) fn projection(row: &Row, tokens: Option<f64>, price: Option<f64>) -> Projection {
    let number = |column: &str| row.get(column).and_then(|v| parse_number(v));
    let ai_per_month = match (number("requests_per_day"), tokens, price) {
        (Some(requests), Some(tokens), Some(price)) => Some(requests * DAYS_PER_MONTH * tokens / 1000.0 * price),
        _ => None,
    };
    Projection { users: number("users"), ai_per_month, infrastructure: number("infrastructure") }
}

/// What each cost scenario asks of the scaling plan at its busiest minute: the day's
/// requests over the busy hours, times the peak factor (`calculators::assumptions`).
pub(super) fn scenario_load(a: &Inputs) -> Option<Grid> {
    let tokens = a.number("tokens_per_request");
    let mut rows = Vec::new();
    for row in a.rows("scenarios") {
        let Some(requests) = row.get("requests_per_day").and_then(|v| parse_number(v)) else { continue };
        let per_minute = peak_per_minute(a, requests);
        rows.push(vec![
            row.get("scenario").map(|s| s.trim().to_owned()).unwrap_or_default(),
            count(row, "requests_per_day"),
            numbers::grouped(per_minute, 1),
            tokens.map_or_else(|| "—".to_owned(), |t| numbers::grouped(per_minute * t, 0)),
        ]);
    }
    let (hours, factor) = assumptions(a);
    let at_peak = format!("at peak ({} busy hours, × {})", numbers::plain(hours, 1), numbers::plain(factor, 1));
    (!rows.is_empty()).then(|| Grid {
        header: vec![
            "Scenario".to_owned(),
            "Requests a day".to_owned(),
            format!("Requests a minute {at_peak}"),
            "Tokens a minute at peak".to_owned(),
        ],
        rows,
    })
}

/// A quantity as the tables write it, thousands separated (`2,000`); as typed if not a number.
fn count(row: &Row, column: &str) -> String {
    let typed = row.get(column).map_or("", |s| s.trim());
    crate::numbers::parse_number(typed).map_or_else(|| typed.to_owned(), |n| crate::numbers::grouped(n, 2))
}

/// Monthly cost of each scenario that has requests per day, and its cost over the phase it
/// models (`calculators::named_or_at`): a phase of weeks for its weeks, an ongoing one for a
/// year.
pub(super) fn cost_projections(a: &Inputs) -> Option<Grid> {
    let (tokens, price) = (a.number("tokens_per_request"), a.number("price_per_1k"));
    let dash = || "—".to_owned();
    let phases = a.rows("phases");
    let rows: Vec<Vec<String>> = a
        .rows("scenarios")
        .iter()
        .enumerate()
        .filter_map(|(index, row)| {
            let p = projection(row, tokens, price);
            let ai = p.ai_per_month?;
            let total = p.total();
            let per_user = match (total, p.users) {
                (Some(total), Some(users)) if users > 0.0 => money(total / users),
                _ => dash(),
            };
            Some(vec![
                row.get("scenario").map(|s| s.trim().to_owned()).unwrap_or_default(),
                count(row, "users"),
                count(row, "requests_per_day"),
                money(ai),
                p.infrastructure.map_or_else(dash, money),
                total.map_or_else(dash, money),
                per_user,
                total.map_or_else(dash, |t| over_the_phase(t, phase_of_scenario(phases, index, row))),
            ])
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let header = [
        "Scenario",
        "Users",
        "Requests a day",
        "AI API a month",
        "Infrastructure a month",
        "Total a month",
        "Per user a month",
        "Over the phase",
    ];
    Some(Grid { header: header.map(str::to_owned).to_vec(), rows })
}

/// The phase a scenario models: the phase of the same name, else the one in its place.
fn phase_of_scenario<'a>(phases: &'a [Row], index: usize, scenario: &Row) -> Option<&'a Row> {
    named_or_at(phases, "name", scenario.get("scenario").map_or("", |s| s), index)
}

/// A month's total over a phase: "$7,800–$10,920 over 8-12 weeks" for a phase that ends,
/// "$252,000 a year" for one that does not (or with no phase).
fn over_the_phase(monthly: f64, phase: Option<&Row>) -> String {
    let duration = phase.and_then(|p| p.get("duration")).map_or("", |d| d.trim());
    match duration_days(duration) {
        Some((shortest, longest)) if shortest < longest => format!(
            "{}–{} over {duration}",
            money(monthly * shortest / DAYS_PER_MONTH),
            money(monthly * longest / DAYS_PER_MONTH)
        ),
        Some((_, days)) => format!("{} over {duration}", money(monthly * days / DAYS_PER_MONTH)),
        None => format!("{} a year", money(monthly * 12.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::module6::capstone::testing::*;
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
            // 200 × 30 × 1500 / 1000 × 0.01 = 90; + 500 = 590; per user 59; no phase: a year, 7,080.
            assert_eq!(grid.rows[0][3..], ["$90", "$500", "$590", "$59", "$7,080 a year"]);
            // 40,000 × 30 × 1.5 × 0.01 = 18,000; no infrastructure: no total.
            assert_eq!(grid.rows[1][3..], ["$18,000", "—", "—", "—", "—"]);
            assert_eq!(grid.rows.len(), 2, "a scenario without requests per day is not projected");
        });
        // The phase of the scenario's name, for its length: 590 × 14 / 30; a range for a range.
        *a.rows_mut("phases") = vec![
            row(&[("name", "Later"), ("duration", "1 month")]),
            row(&[("name", "pilot"), ("duration", "2 weeks")]),
        ];
        inputs_of(&a, &Workbook::default(), |i| {
            assert_eq!(cost_projections(i).unwrap().rows[0][7], "$275.33 over 2 weeks")
        });
        a.rows_mut("phases")[1].insert("duration".into(), "2-3 weeks".into());
        inputs_of(&a, &Workbook::default(), |i| {
            assert_eq!(cost_projections(i).unwrap().rows[0][7], "$275.33–$413 over 2-3 weeks")
        });
    }
}
