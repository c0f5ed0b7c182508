//! Cron expressions as GitHub Actions reads them (`on: schedule: - cron:`): five fields,
//! minute hour day-of-month month day-of-week, in UTC, with `*`, lists, ranges and steps.
//! Parsed to say what a schedule means in words, to explain exactly what is wrong with one
//! that does not read, and to notice a schedule more frequent than GitHub runs.

/// Which minutes, hours, days, months and weekdays a schedule matches (bit sets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    minutes: u64,
    hours: u32,
    days: u32,
    months: u16,
    weekdays: u8,
    /// The fields as typed, for the description.
    fields: [String; 5],
}

/// GitHub runs a schedule at most every 5 minutes.
pub const SHORTEST_INTERVAL_MINUTES: u32 = 5;

struct FieldSpec {
    name: &'static str,
    min: u32,
    max: u32,
    names: &'static [&'static str],
}

const FIELDS: [FieldSpec; 5] = [
    FieldSpec { name: "minute", min: 0, max: 59, names: &[] },
    FieldSpec { name: "hour", min: 0, max: 23, names: &[] },
    FieldSpec { name: "day of the month", min: 1, max: 31, names: &[] },
    FieldSpec {
        name: "month",
        min: 1,
        max: 12,
        names: &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
    },
    FieldSpec { name: "day of the week", min: 0, max: 7, names: &["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/// Reads a cron expression, or says in a sentence what is wrong with it.
pub fn parse(expression: &str) -> Result<Schedule, String> {
    let parts: Vec<&str> = expression.split_whitespace().collect();
    if parts.len() != 5 {
        return Err(format!(
            "“{}” has {} field{}; a cron expression has five: minute hour day-of-month month day-of-week, e.g. */15 * * * *",
            expression.trim(),
            parts.len(),
            if parts.len() == 1 { "" } else { "s" }
        ));
    }
    let mut sets = [0u64; 5];
    for ((set, part), spec) in sets.iter_mut().zip(&parts).zip(&FIELDS) {
        *set = field(part, spec)?;
    }
    // Day of the week 7 is Sunday, like 0.
    let weekdays = (sets[4] & 0x7f) | ((sets[4] >> 7) & 1);
    Ok(Schedule {
        minutes: sets[0],
        hours: sets[1] as u32,
        days: sets[2] as u32,
        months: sets[3] as u16,
        weekdays: weekdays as u8,
        fields: [0, 1, 2, 3, 4].map(|i| parts[i].to_owned()),
    })
}

/// One field as a bit set of the values it matches.
fn field(text: &str, spec: &FieldSpec) -> Result<u64, String> {
    let mut set = 0u64;
    for item in text.split(',') {
        let (range, step) = match item.split_once('/') {
            Some((range, step)) => {
                let step: u32 =
                    step.parse().ok().filter(|s| *s > 0).ok_or_else(|| {
                        format!("the {} field's step “/{step}” is not a whole number above 0", spec.name)
                    })?;
                (range, step)
            }
            None => (item, 1),
        };
        let (low, high) = if range == "*" {
            (spec.min, spec.max)
        } else if let Some((low, high)) = range.split_once('-') {
            (value(low, spec)?, value(high, spec)?)
        } else {
            let start = value(range, spec)?;
            // `5/15` means from 5, every 15.
            (start, if item.contains('/') { spec.max } else { start })
        };
        if low > high {
            return Err(format!("the {} range “{range}” runs backwards", spec.name));
        }
        set |= (low..=high).step_by(step as usize).fold(0u64, |bits, v| bits | (1 << v));
    }
    Ok(set)
}

fn value(text: &str, spec: &FieldSpec) -> Result<u32, String> {
    let named = spec.names.iter().position(|n| n.eq_ignore_ascii_case(text)).map(|i| i as u32 + spec.min);
    let number = named.or_else(|| text.parse::<u32>().ok());
    match number {
        Some(n) if (spec.min..=spec.max).contains(&n) => Ok(n),
        Some(_) => Err(format!("the {} “{text}” is outside {}-{}", spec.name, spec.min, spec.max)),
        None if text.is_empty() => Err(format!("the {} field has an empty item", spec.name)),
        None => Err(format!("the {} “{text}” is not a number", spec.name)),
    }
}

fn values(set: u64, from: u32, to: u32) -> Vec<u32> {
    (from..=to).filter(|v| set & (1 << v) != 0).collect()
}

fn all(set: u64, from: u32, to: u32) -> bool {
    (from..=to).all(|v| set & (1 << v) != 0)
}

/// "1, 2 and 5"
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

impl Schedule {
    /// The times of day it runs, in minutes after midnight.
    fn times_of_day(&self) -> Vec<u32> {
        let hours = values(u64::from(self.hours), 0, 23);
        let minutes = values(self.minutes, 0, 59);
        hours.iter().flat_map(|h| minutes.iter().map(move |m| h * 60 + m)).collect()
    }

    /// The shortest time between two runs in a day (across midnight too), in minutes.
    pub fn shortest_gap_minutes(&self) -> u32 {
        let times = self.times_of_day();
        let mut gap = u32::MAX;
        for pair in times.windows(2) {
            gap = gap.min(pair[1] - pair[0]);
        }
        if let (Some(first), Some(last)) = (times.first(), times.last()) {
            gap = gap.min(first + 24 * 60 - last);
        }
        gap
    }

    /// The schedule in words: "Every 15 minutes", "At 09:00, Monday to Friday".
    pub fn describe(&self) -> String {
        let [minute, hour, ..] = &self.fields;
        let minutes = values(self.minutes, 0, 59);
        let hours = values(u64::from(self.hours), 0, 23);
        let every_hour = all(u64::from(self.hours), 0, 23);
        let mut text = if every_hour && all(self.minutes, 0, 59) {
            "Every minute".to_owned()
        } else if every_hour && minute.starts_with("*/") {
            format!("Every {} minutes", &minute[2..])
        } else if every_hour {
            format!("Every hour at minute {}", list(&minutes.iter().map(u32::to_string).collect::<Vec<_>>()))
        } else if hour.starts_with("*/") && minutes.len() == 1 {
            format!("Every {} hours at minute {}", &hour[2..], minutes[0])
        } else if let Some(during) = within_hours(&minutes, &hours) {
            during
        } else {
            let times: Vec<String> =
                hours.iter().flat_map(|h| minutes.iter().map(move |m| format!("{h:02}:{m:02}"))).take(6).collect();
            let more = if hours.len() * minutes.len() > 6 { " and more" } else { "" };
            format!("At {}{more}", list(&times))
        };
        if !all(u64::from(self.weekdays), 0, 6) {
            let days = values(u64::from(self.weekdays), 0, 6);
            if is_contiguous(&days) && days.len() > 2 {
                text += &format!(", {} to {}", WEEKDAYS[days[0] as usize], WEEKDAYS[days[days.len() - 1] as usize]);
            } else {
                let names: Vec<String> = days.iter().map(|d| format!("{}s", WEEKDAYS[*d as usize])).collect();
                text += &format!(", on {}", list(&names));
            }
        }
        if !all(u64::from(self.days), 1, 31) {
            let days: Vec<String> = values(u64::from(self.days), 1, 31).iter().map(u32::to_string).collect();
            text += &format!(", on day {} of the month", list(&days));
        }
        if !all(u64::from(self.months), 1, 12) {
            let months: Vec<String> =
                values(u64::from(self.months), 1, 12).iter().map(|m| MONTHS[*m as usize - 1].to_owned()).collect();
            text += &format!(", in {}", list(&months));
        }
        text + " (UTC)"
    }
}

fn is_contiguous(values: &[u32]) -> bool {
    values.windows(2).all(|w| w[1] == w[0] + 1)
}

/// A schedule through a span of hours, as a person says it: "Every 10 minutes from 05:00 to
/// 22:50", "Every hour from 09:00 to 17:00". `None` unless the hours are one span of two or
/// more and the minutes are one minute, or evenly spaced from :00 through the hour.
fn within_hours(minutes: &[u32], hours: &[u32]) -> Option<String> {
    let (&first, &last) = (hours.first()?, hours.last()?);
    if hours.len() < 2 || !is_contiguous(hours) {
        return None;
    }
    if let [minute] = minutes {
        return Some(format!("Every hour from {first:02}:{minute:02} to {last:02}:{minute:02}"));
    }
    let step = *minutes.get(1)?;
    let evenly_spaced = 60 % step == 0
        && minutes.len() as u32 == 60 / step
        && minutes.iter().enumerate().all(|(i, m)| *m == i as u32 * step);
    match step {
        _ if !evenly_spaced => None,
        1 => Some(format!("Every minute from {first:02}:00 to {last:02}:59")),
        _ => Some(format!("Every {step} minutes from {first:02}:00 to {last:02}:{:02}", 60 - step)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(expression: &str) -> String {
        parse(expression).map(|s| s.describe()).unwrap_or_else(|e| e)
    }

    #[test]
    fn common_schedules_read_in_words() {
        assert_eq!(words("*/15 * * * *"), "Every 15 minutes (UTC)");
        assert_eq!(words("* * * * *"), "Every minute (UTC)");
        assert_eq!(words("0 * * * *"), "Every hour at minute 0 (UTC)");
        assert_eq!(words("0,30 * * * *"), "Every hour at minute 0 and 30 (UTC)");
        assert_eq!(words("0 9 * * 1-5"), "At 09:00, Monday to Friday (UTC)");
        assert_eq!(words("30 6 * * sat,SUN"), "At 06:30, on Sundays and Saturdays (UTC)");
        assert_eq!(words("0 */6 * * *"), "Every 6 hours at minute 0 (UTC)");
        assert_eq!(words("0 0 1 jan *"), "At 00:00, on day 1 of the month, in January (UTC)");
        assert_eq!(words("0 12 * * 7"), "At 12:00, on Sundays (UTC)");
    }

    #[test]
    fn schedules_through_a_span_of_hours_read_as_a_person_says_them() {
        assert_eq!(words("*/10 5-22 * * 1-6"), "Every 10 minutes from 05:00 to 22:50, Monday to Saturday (UTC)");
        assert_eq!(words("0 9-17 * * 1-5"), "Every hour from 09:00 to 17:00, Monday to Friday (UTC)");
        assert_eq!(words("30 8-18 * * *"), "Every hour from 08:30 to 18:30 (UTC)");
        assert_eq!(words("* 1-2 * * *"), "Every minute from 01:00 to 02:59 (UTC)");
        assert_eq!(words("0,15,30,45 6-7 * * *"), "Every 15 minutes from 06:00 to 07:45 (UTC)");
        // Not one span, or uneven minutes: the times themselves.
        assert_eq!(words("0 9,17 * * *"), "At 09:00 and 17:00 (UTC)");
        assert_eq!(words("0,10 5-6 * * *"), "At 05:00, 05:10, 06:00 and 06:10 (UTC)");
    }

    #[test]
    fn what_is_wrong_is_said_exactly() {
        assert!(words("*/15 * * *").starts_with("“*/15 * * *” has 4 fields; a cron expression has five"));
        assert_eq!(words("61 * * * *"), "the minute “61” is outside 0-59");
        assert_eq!(words("*/0 * * * *"), "the minute field's step “/0” is not a whole number above 0");
        assert_eq!(words("0 5-2 * * *"), "the hour range “5-2” runs backwards");
        assert_eq!(words("0 9 * * funday"), "the day of the week “funday” is not a number");
        assert_eq!(words("0 9 * * 1,"), "the day of the week field has an empty item");
    }

    #[test]
    fn the_shortest_gap_is_measured_across_the_day() {
        let gap = |e: &str| parse(e).unwrap().shortest_gap_minutes();
        assert_eq!(gap("*/15 * * * *"), 15);
        assert_eq!(gap("* * * * *"), 1);
        assert_eq!(gap("0,2 * * * *"), 2);
        assert_eq!(gap("0 9 * * *"), 24 * 60);
        assert_eq!(gap("55 23 * * *"), 24 * 60);
        assert_eq!(gap("0,58 * * * *"), 2);
    }
}
