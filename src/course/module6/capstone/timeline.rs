//! The rollout timeline: the Exercise 2.1 phases laid end to end from the capstone's start
//! date, read from durations as people type them ("4-6 weeks").

use super::*;
use crate::gantt::{Bar, Date, Gantt};

/// "10 users" for a number, the text as typed otherwise ("All users").
pub(super) fn users_label(users: &str) -> String {
    match parse_number(users) {
        Some(_) => format!("{} users", users.trim()),
        None => users.trim().to_owned(),
    }
}

/// A phase duration as typed in Exercise 2.1, in days: (shortest, longest). `None` for
/// "Ongoing" or anything that does not read as a duration.
pub(super) fn duration_days(text: &str) -> Option<(f64, f64)> {
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

/// Days drawn for an ongoing phase (or one whose duration does not read).
const ONGOING_DAYS: u32 = 84;

/// The proposal's phases (carried from Exercise 2.1), one after another from the start
/// date, as a gantt chart.
pub(super) fn rollout_gantt(a: &Inputs) -> Option<Gantt> {
    let start = Date::parse(a.text("rollout_start").trim())?;
    let phases: Vec<&Row> =
        a.rows("phases").iter().filter(|r| r.get("name").is_some_and(|n| !n.trim().is_empty())).collect();
    let duration = |row: &Row| duration_days(row.get("duration").map_or("", |d| d));
    if phases.iter().all(|r| duration(r).is_none()) {
        return None;
    }
    let bars = phases
        .iter()
        .map(|row| {
            let name = row.get("name").map_or("", |n| n.trim());
            let label = match row.get("users").map(|u| users_label(u)).filter(|u| !u.is_empty()) {
                Some(users) => format!("{name} ({users})"),
                None => name.to_owned(),
            };
            let days = duration(row).map(|(_, high)| high.ceil() as u32);
            Bar { label, days: days.unwrap_or(ONGOING_DAYS), ongoing: days.is_none() }
        })
        .collect();
    Some(Gantt { title: "Rollout timeline".into(), section: "Rollout".into(), start, bars })
}

/// The rollout timeline drawn: SVG in the app, Mermaid in the file.
pub(super) fn rollout_timeline(a: &Inputs) -> Option<Drawing> {
    rollout_gantt(a).map(|gantt| Drawing { mermaid: gantt.mermaid(), svg: gantt.svg() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::module6::capstone::testing::*;
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
    fn gantt_chains_the_phases_from_the_start_date() {
        let workbook = Workbook::default();
        let mut a = ExerciseAnswers::default();
        *a.rows_mut("phases") = vec![
            row(&[("name", "Pilot: east"), ("users", "10"), ("duration", "4-6 weeks")]),
            row(&[("name", "General"), ("users", "All"), ("duration", "Ongoing")]),
        ];
        inputs_of(&a, &workbook, |i| assert_eq!(rollout_gantt(i), None, "no start date"));
        a.set_text("rollout_start", "2027-02-01".into());
        inputs_of(&a, &workbook, |i| {
            assert_eq!(
                rollout_gantt(i).unwrap().mermaid(),
                "gantt\n    title Rollout timeline\n    dateFormat YYYY-MM-DD\n    section Rollout\n    \
                 Pilot  east (10 users) :p1, 2027-02-01, 42d\n    General (All), ongoing :milestone, p2, after p1, 0d"
            );
        });
    }
}
