//! The cohort summary an LMS gradebook or a spreadsheet opens as is: plain RFC 4180 CSV,
//! UTF-8, one header row, CRLF line ends, a field quoted when it holds a comma, a quote or
//! a line break (its quotes doubled).

use super::cohort::{display_name, Cohort};
use super::findings::{deliverables, review_row};

/// One CSV field, quoted when it must be.
pub fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Rows of fields as CSV text.
pub fn write(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// `review-summary.csv`: a row per participant, with each deliverable's status and count
/// of findings, and the intervention thresholds reached.
pub fn summary(cohort: &Cohort) -> String {
    let mut header = vec!["participant".to_owned(), "cohort".to_owned()];
    for (module, exercise) in deliverables() {
        let name = format!("{} {}", module.name, exercise.number);
        header.push(format!("{name} status"));
        header.push(format!("{name} findings"));
    }
    header.push("interventions".to_owned());
    let mut rows = vec![header];
    for participant in &cohort.participants {
        let (assessments, interventions) = review_row(participant);
        let mut row = vec![display_name(&participant.profile), participant.profile.cohort.trim().to_owned()];
        for (_, assessment) in &assessments {
            row.push(assessment.status.label().to_owned());
            row.push(assessment.findings.len().to_string());
        }
        row.push(interventions.join(" "));
        rows.push(row);
    }
    write(&rows)
}
