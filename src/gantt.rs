//! Timelines: bars laid end to end from a start date. One timeline, two drawings, as for
//! the architecture diagram: a Mermaid gantt chart for the exported markdown (GitHub
//! renders it) and an SVG drawn here, so the form, the preview and print show the same
//! chart.

use std::fmt::Write;

use crate::diagram::shorten;
use crate::escape::html as escape;

/// One bar: what it is and how many days it lasts. An ongoing bar has no planned end; it is
/// drawn `days` long and marked as open-ended.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub days: u32,
    pub ongoing: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Gantt {
    pub title: String,
    /// The name Mermaid gives the one section the bars are in.
    pub section: String,
    /// The first day of the first bar.
    pub start: Date,
    pub bars: Vec<Bar>,
}

/// A day of the (proleptic Gregorian) calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl Date {
    /// `YYYY-MM-DD` for a real day between 2000 and 2100 (a plan, not a birthday).
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let mut number = |len: usize| {
            let part = parts.next().filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))?;
            part.parse::<u32>().ok()
        };
        let (year, month, day) = (number(4)?, number(2)?, number(2)?);
        if parts.next().is_some() || !(2000..=2100).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let date = Date { year: year as i32, month, day };
        (day >= 1 && Date::from_days(date.days()) == date).then_some(date)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date { year: (year_of_era + era * 400 + i64::from(month <= 2)) as i32, month, day }
    }

    pub fn plus(self, days: i64) -> Date {
        Date::from_days(self.days() + days)
    }

    /// `2027-02-01`
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `1 Feb 2027`
    pub fn readable(self) -> String {
        format!("{} {} {}", self.day, MONTHS[self.month as usize - 1], self.year)
    }
}

/// Text Mermaid shows as a label, without the characters that end or nest its syntax.
fn mermaid_label(text: &str) -> String {
    text.chars()
        .map(|c| if matches!(c, ':' | ';' | '#' | '\n' | '\r' | '"') { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

// The SVG's geometry, in pixels: labels on the left, bars scaled into the chart area.
const LABEL_WIDTH: u32 = 250;
const CHART_WIDTH: u32 = 520;
const MARGIN: u32 = 12;
const AXIS_HEIGHT: u32 = 30;
const ROW_HEIGHT: u32 = 40;
const BAR_HEIGHT: u32 = 20;
/// Characters of a label that fit the label column.
const LABEL_CHARS: usize = 34;

impl Gantt {
    /// Where each bar starts, in days after the start, and the day after the last ends.
    fn offsets(&self) -> (Vec<u32>, u32) {
        let mut offsets = Vec::with_capacity(self.bars.len());
        let mut day = 0u32;
        for bar in &self.bars {
            offsets.push(day);
            day = day.saturating_add(bar.days.max(1));
        }
        (offsets, day)
    }

    /// A Mermaid gantt chart: the bars one after another from the start date.
    pub fn mermaid(&self) -> String {
        let mut chart = format!(
            "gantt\n    title {}\n    dateFormat YYYY-MM-DD\n    section {}",
            mermaid_label(&self.title),
            mermaid_label(&self.section)
        );
        for (index, bar) in self.bars.iter().enumerate() {
            let after = if index == 0 { self.start.iso() } else { format!("after p{index}") };
            let label = mermaid_label(&bar.label);
            // An ongoing phase has no end to draw: a milestone marks where it starts.
            let _ = if bar.ongoing {
                write!(chart, "\n    {label}, ongoing :milestone, p{}, {after}, 0d", index + 1)
            } else {
                write!(chart, "\n    {label} :p{}, {after}, {}d", index + 1, bar.days.max(1))
            };
        }
        chart
    }

    /// The chart as SVG markup: a month axis, then one row per bar with its label and dates.
    /// Every text is escaped; the only tags are written here.
    pub fn svg(&self) -> String {
        let (offsets, total_days) = self.offsets();
        let total_days = total_days.max(1);
        let width = MARGIN + LABEL_WIDTH + CHART_WIDTH + MARGIN;
        let height = AXIS_HEIGHT + ROW_HEIGHT * self.bars.len() as u32 + MARGIN;
        let x_of =
            |day: u32| MARGIN + LABEL_WIDTH + (u64::from(day) * u64::from(CHART_WIDTH) / u64::from(total_days)) as u32;
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram gantt\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\"><title>{}</title>",
            escape(&self.title)
        );
        for (day, date) in self.month_ticks(total_days) {
            let x = x_of(day);
            let _ = write!(
                svg,
                "<line class=\"tick\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>",
                AXIS_HEIGHT - 6,
                height - MARGIN
            );
            let month = format!("{} {}", MONTHS[date.month as usize - 1], date.year);
            text(&mut svg, " class=\"tick-label\"", x, AXIS_HEIGHT - 12, "middle", &month);
        }
        let label_x = MARGIN + LABEL_WIDTH - 10;
        for ((bar, offset), row) in self.bars.iter().zip(&offsets).zip(0u32..) {
            let top = AXIS_HEIGHT + row * ROW_HEIGHT;
            let days = bar.days.max(1);
            let first = self.start.plus(i64::from(*offset));
            let dates = if bar.ongoing {
                format!("from {}, ongoing", first.readable())
            } else {
                format!("{} to {}", first.readable(), first.plus(i64::from(days) - 1).readable())
            };
            svg.push_str("<g><title>");
            svg.push_str(&escape(&format!("{}: {dates}", bar.label)));
            svg.push_str("</title>");
            text(&mut svg, "", label_x, top + 17, "end", &shorten(&bar.label, LABEL_CHARS));
            text(&mut svg, " class=\"group\"", label_x, top + 32, "end", &dates);
            let (x, end) = (x_of(*offset), x_of(offset + days));
            let _ = write!(
                svg,
                "<rect class=\"{}\" x=\"{x}\" y=\"{}\" width=\"{}\" height=\"{BAR_HEIGHT}\" rx=\"3\"/></g>",
                if bar.ongoing { "bar ongoing" } else { "bar" },
                top + (ROW_HEIGHT - BAR_HEIGHT) / 2,
                (end - x).max(2),
            );
        }
        svg.push_str("</svg>");
        svg
    }

    /// The first of each month inside the chart, as (days after the start, date); every
    /// second, third... month when there are more than twelve, so the labels never crowd.
    fn month_ticks(&self, total_days: u32) -> Vec<(u32, Date)> {
        let mut ticks = Vec::new();
        let mut month = Date { year: self.start.year, month: self.start.month, day: 1 };
        loop {
            let day = month.days() - self.start.days();
            if day > i64::from(total_days) {
                break;
            }
            if day >= 0 {
                ticks.push((day as u32, month));
            }
            month = if month.month == 12 {
                Date { year: month.year + 1, month: 1, day: 1 }
            } else {
                Date { month: month.month + 1, ..month }
            };
        }
        let step = ticks.len().div_ceil(12).max(1);
        ticks.into_iter().step_by(step).collect()
    }
}

/// A `<text>` element; `class` is empty or ` class="…"`, `content` is escaped here.
fn text(svg: &mut String, class: &str, x: u32, y: u32, anchor: &str, content: &str) {
    let _ = write!(svg, "<text{class} x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\">{}</text>", escape(content));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gantt() -> Gantt {
        Gantt {
            title: "Rollout timeline".into(),
            section: "Rollout".into(),
            start: Date::parse("2027-02-01").unwrap(),
            bars: vec![
                Bar { label: "Pilot: east (10 users)".into(), days: 42, ongoing: false },
                Bar { label: "General <all>".into(), days: 84, ongoing: true },
            ],
        }
    }

    #[test]
    fn dates_parse_and_count_days() {
        assert_eq!(Date::parse("2027-02-28"), Some(Date { year: 2027, month: 2, day: 28 }));
        for bad in ["2027-02-29", "2027-13-01", "2027-00-10", "1 Feb 2027", "2027-2-01", "1999-01-01", "2027-02-01-"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::parse("2028-02-29").map(Date::readable).as_deref(), Some("29 Feb 2028"));
        let start = Date::parse("2027-02-01").unwrap();
        assert_eq!(Date { year: 1970, month: 1, day: 1 }.days(), 0);
        assert_eq!(start.plus(42).iso(), "2027-03-15");
        assert_eq!(start.plus(365).iso(), "2028-02-01");
        assert_eq!(start.plus(-1).iso(), "2027-01-31");
    }

    #[test]
    fn mermaid_chains_the_bars_from_the_start() {
        assert_eq!(
            gantt().mermaid(),
            "gantt\n    title Rollout timeline\n    dateFormat YYYY-MM-DD\n    section Rollout\n    \
             Pilot  east (10 users) :p1, 2027-02-01, 42d\n    General <all>, ongoing :milestone, p2, after p1, 0d"
        );
    }

    #[test]
    fn svg_draws_a_bar_per_row_with_its_dates_and_escapes_every_text() {
        let svg = gantt().svg();
        assert_eq!(svg.matches("<rect class=\"bar\"").count(), 1);
        assert_eq!(svg.matches("<rect class=\"bar ongoing\"").count(), 1);
        assert!(svg.contains("1 Feb 2027 to 14 Mar 2027"), "{svg}");
        assert!(svg.contains("from 15 Mar 2027, ongoing"), "{svg}");
        assert!(svg.contains("General &lt;all&gt;") && !svg.contains("<all>"), "{svg}");
        // 126 days from 1 Feb: the first of Feb to Jun are ticks.
        assert_eq!(svg.matches("class=\"tick-label\"").count(), 5, "{svg}");
    }
}
