//! The cohort summary an LMS gradebook or a spreadsheet opens as is: plain RFC 4180 CSV,
//! UTF-8, one header row, CRLF line ends, a field quoted when it holds a comma, a quote or
//! a line break (its quotes doubled). Names and cohorts come from participants' files, so a
//! field a spreadsheet would run as a formula is made text first.

use super::cohort::{display_name, Cohort};
use super::findings::{deliverables, review_row};
use super::grading::{passes, total, Grade};
use crate::course::{Grading, Rubric};

fn max_points(rubric: &Rubric) -> u32 {
    rubric.criteria.iter().map(|c| c.points).sum()
}

/// How many criteria passed, once every one is judged; empty before.
fn verdicts_passed(criteria: usize, grade: &Grade) -> String {
    if grade.verdicts.len() < criteria {
        return String::new();
    }
    grade.verdicts.values().filter(|passed| **passed).count().to_string()
}

/// What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV field, quoted when it must be. A field that starts like a formula gets a leading
/// `'`, which Excel, Sheets and LibreOffice read as text, and is quoted, as OWASP advises.
pub fn field(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("\"'{}\"", text.replace('"', "\"\""))
    } else if text.contains([',', '"', '\n', '\r']) {
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
/// of findings; for a deliverable graded on a rubric, the points per criterion, the total
/// and whether it passes (empty until scored: gradebooks read an empty cell as no grade);
/// for one judged per criterion, how many passed; the intervention thresholds reached.
pub fn summary(cohort: &Cohort) -> String {
    let mut header = vec!["participant".to_owned(), "cohort".to_owned()];
    for (module, exercise) in deliverables() {
        let name = format!("{} {}", module.name, exercise.number);
        header.push(format!("{name} status"));
        header.push(format!("{name} findings"));
        match exercise.grading {
            Some(Grading::Points(rubric)) => {
                header.extend(rubric.criteria.iter().map(|c| format!("{name} {} (of {})", c.title, c.points)));
                header.push(format!("{name} total (of {})", max_points(rubric)));
                header.push(format!("{name} certified (needs {} of {})", rubric.pass_mark, max_points(rubric)));
            }
            Some(Grading::PassPerCriterion) => {
                header.push(format!("{name} criteria passed (of {})", exercise.criteria.len()))
            }
            None => {}
        }
    }
    header.push("interventions".to_owned());
    let mut rows = vec![header];
    for participant in &cohort.participants {
        let (assessments, interventions) = review_row(participant);
        let mut row = vec![display_name(&participant.profile), participant.profile.cohort.trim().to_owned()];
        let grades = cohort.grades.get(&participant.id);
        for (exercise, assessment) in &assessments {
            row.push(assessment.status.label().to_owned());
            row.push(assessment.findings.len().to_string());
            let grade = grades.and_then(|g| g.get(exercise.key)).cloned().unwrap_or_default();
            match exercise.grading {
                Some(Grading::Points(rubric)) => {
                    row.extend(
                        rubric.criteria.iter().map(|c| grade.points.get(c.id).map_or(String::new(), u32::to_string)),
                    );
                    let total = total(rubric, &grade);
                    row.push(total.map_or(String::new(), |t| t.to_string()));
                    let certified = passes(rubric, &grade).map(|yes| if yes { "yes" } else { "no" });
                    row.push(certified.unwrap_or_default().to_owned());
                }
                Some(Grading::PassPerCriterion) => row.push(verdicts_passed(exercise.criteria.len(), &grade)),
                None => {}
            }
        }
        row.push(interventions.join(" "));
        rows.push(row);
    }
    write(&rows)
}
