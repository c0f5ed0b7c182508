//! The rollout timeline: the Exercise 2.1 phases laid end to end from the capstone's start
//! date, read from durations as people type them ("4-6 weeks").

use super::*;

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
pub(super) fn rollout_gantt(a: &Inputs) -> Option<String> {
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
