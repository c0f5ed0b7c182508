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
        } else {
            let times: Vec<String> =
                hours.iter().flat_map(|h| minutes.iter().map(move |m| format!("{h:02}:{m:02}"))).take(6).collect();
            let more = if hours.len() * minutes.len() > 6 { " and more" } else { "" };
            format!("At {}{more}", list(&times))
        };
        if !all(u64::from(self.weekdays), 0, 6) {
            let days = values(u64::from(self.weekdays), 0, 6);
            let contiguous = days.windows(2).all(|w| w[1] == w[0] + 1);
            if contiguous && days.len() > 2 {
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
