//! The instructor's judgement, kept beside the cohort: rubric points (the Module 6
//! capstone, the guide's four criteria), pass / needs work per success criterion (Module
//! 5's capstone), and comments per section, reused across the cohort. The feedback file
//! each participant gets is written here too.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::course::{Exercise, Grading, Rubric};

use super::cohort::{display_name, Participant};
use super::findings::{deliverables, review_row, thresholds, Status};

/// What an instructor decided for one participant's deliverable.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct Grade {
    /// Points per rubric criterion, by `RubricCriterion::id`.
    #[serde(default)]
    pub points: BTreeMap<String, u32>,
    /// The rubric's "look for" points the instructor ticked, as `criterion/index`.
    #[serde(default)]
    pub ticked: BTreeSet<String>,
    /// Pass (true) or needs work (false) per success criterion, by its index.
    #[serde(default)]
    pub verdicts: BTreeMap<usize, bool>,
    /// Comments by section id ("" for the deliverable as a whole).
    #[serde(default)]
    pub comments: BTreeMap<String, String>,
}

/// Every grade of the cohort: participant id -> exercise key -> grade.
pub type Grades = BTreeMap<String, BTreeMap<String, Grade>>;

/// The rubric total, once every criterion has its points.
pub fn total(rubric: &Rubric, grade: &Grade) -> Option<u32> {
    rubric.criteria.iter().map(|c| grade.points.get(c.id).copied()).sum()
}

/// Whether the total reaches the pass mark; `None` while the rubric is not complete.
pub fn passes(rubric: &Rubric, grade: &Grade) -> Option<bool> {
    total(rubric, grade).map(|t| t >= rubric.pass_mark)
}

/// The rubric score as the cohort table shows it: "14 of 20 · certified", "3 of 4 criteria
/// scored" while grading, empty before; `None` for a deliverable not graded on points.
pub fn score_summary(exercise: &Exercise, grade: Option<&Grade>) -> Option<String> {
    let Some(Grading::Points(rubric)) = exercise.grading else { return None };
    let max: u32 = rubric.criteria.iter().map(|c| c.points).sum();
    let grade = grade.cloned().unwrap_or_default();
    let scored = rubric.criteria.iter().filter(|c| grade.points.contains_key(c.id)).count();
    Some(match total(rubric, &grade) {
        Some(total) if total >= rubric.pass_mark => format!("{total} of {max} · certified"),
        Some(total) => format!("{total} of {max} · not certified"),
        None if scored == 0 => String::new(),
        None => format!("{scored} of {} criteria scored", rubric.criteria.len()),
    })
}

/// Whether an instructor has finished grading this deliverable.
pub fn is_graded(exercise: &Exercise, grade: Option<&Grade>) -> bool {
    let Some(grade) = grade else { return false };
    match exercise.grading {
        Some(Grading::Points(rubric)) => total(rubric, grade).is_some(),
        Some(Grading::PassPerCriterion) => (0..exercise.criteria.len()).all(|i| grade.verdicts.contains_key(&i)),
        None => true,
    }
}

/// Every comment written in this cohort, once each, most used first: the list an
/// instructor reuses from.
pub fn comment_library(grades: &Grades) -> Vec<String> {
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for grade in grades.values().flat_map(|g| g.values()) {
        for comment in grade.comments.values().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            *uses.entry(comment).or_default() += 1;
        }
    }
    let mut library: Vec<(&str, usize)> = uses.into_iter().collect();
    library.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    library.into_iter().map(|(comment, _)| comment.to_owned()).collect()
}

/// A Latin letter in lower case: ASCII, Latin-1 and Latin Extended-A (where upper and
/// lower case alternate), and the Romanian comma letters. Not `char::to_lowercase`, whose
/// Unicode tables weighed 9 KB gzip on the grading page.
fn latin_lowercase(c: char) -> char {
    let code = c as u32;
    let next = || char::from_u32(code + 1).unwrap_or(c);
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'À'..='Þ' if c != '×' => char::from_u32(code + 0x20).unwrap_or(c),
        'Ā'..='ķ' | 'Ŋ'..='ŷ' if code.is_multiple_of(2) => next(),
        'Ĺ'..='ň' | 'Ź'..='Ž' if code % 2 == 1 => next(),
        'Ÿ' => 'ÿ',
        'Ș' | 'Ț' => next(),
        _ => c,
    }
}

/// A lower-case Latin letter with a diacritic (or a ligature) as the ASCII letters people
/// write it with: "á" -> "a", "ß" -> "ss". Other characters: `None`.
fn plain_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// The feedback file's name: `feedback-ada-lovelace.md`; accented letters written plain
/// (`feedback-tomas-garcia.md` for Tomás García), anything else a hyphen.
pub fn feedback_file_name(participant: &Participant) -> String {
    let mut slug = String::new();
    for c in display_name(&participant.profile).chars().map(latin_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if let Some(plain) = plain_latin(c) {
            slug.push_str(plain);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    format!("feedback-{}.md", if slug.is_empty() { "participant" } else { slug })
}

/// The feedback a participant receives: each deliverable's status, findings, scores and
/// comments. Plain markdown; the participant's own text is not repeated, only judged.
pub fn feedback_markdown(participant: &Participant, grades: &BTreeMap<String, Grade>) -> String {
    use crate::escape::{block, heading, inline as escape};
    let mut out = format!("# Feedback: {}\n\n", heading(&display_name(&participant.profile)));
    let cohort = participant.profile.cohort.trim();
    if !cohort.is_empty() {
        out.push_str(&format!("Cohort: {}\n\n", escape(cohort)));
    }
    let (assessments, _) = review_row(participant);
    let next_steps = thresholds(participant, &assessments);
    if !next_steps.is_empty() {
        out.push_str("## Next steps\n\n");
        for step in &next_steps {
            out.push_str(&format!("- {}\n", escape(&step.for_participant())));
        }
        out.push('\n');
    }
    for ((module, exercise), (_, assessment)) in deliverables().zip(&assessments) {
        if assessment.status == Status::Missing {
            out.push_str(&format!(
                "## {} · Exercise {}: {}\n\nNot handed in (`{}`).\n\n",
                module.name, exercise.number, exercise.title, exercise.deliverable
            ));
            continue;
        }
        out.push_str(&format!(
            "## {} · Exercise {}: {}\n\nStatus: {} ({} of {} answers).\n\n",
            module.name,
            exercise.number,
            exercise.title,
            assessment.status.label(),
            assessment.done,
            assessment.total
        ));
        if !assessment.findings.is_empty() {
            out.push_str("Findings:\n\n");
            for finding in &assessment.findings {
                out.push_str(&format!("- {}\n", escape(finding)));
            }
            out.push('\n');
        }
        let grade = grades.get(exercise.key).cloned().unwrap_or_default();
        match exercise.grading {
            Some(Grading::Points(rubric)) => {
                out.push_str("| Criterion | Points |\n|---|---:|\n");
                for criterion in rubric.criteria {
                    let points = grade.points.get(criterion.id).map_or("not scored".to_owned(), |p| p.to_string());
                    out.push_str(&format!("| {} | {points} of {} |\n", criterion.title, criterion.points));
                }
                let max: u32 = rubric.criteria.iter().map(|c| c.points).sum();
                match total(rubric, &grade) {
                    Some(total) => out.push_str(&format!(
                        "| **Total** | **{total} of {max}** |\n\n{} (certification needs {} of {max}).\n\n",
                        if total >= rubric.pass_mark { "Passed" } else { "Not passed yet" },
                        rubric.pass_mark
                    )),
                    None => out.push_str(&format!(
                        "| **Total** | not complete |\n\nCertification needs {} of {max}.\n\n",
                        rubric.pass_mark
                    )),
                }
            }
            Some(Grading::PassPerCriterion) => {
                for (index, criterion) in exercise.criteria.iter().enumerate() {
                    let verdict = match grade.verdicts.get(&index) {
                        Some(true) => "pass",
                        Some(false) => "needs work",
                        None => "not judged",
                    };
                    out.push_str(&format!("- {}: **{verdict}**\n", escape(criterion.text)));
                }
                out.push('\n');
            }
            None => {}
        }
        for (section, comment) in grade.comments.iter().filter(|(_, c)| !c.trim().is_empty()) {
            let place = exercise.section(section).map_or("Overall", |s| s.title);
            out.push_str(&format!("**{place}:**\n\n{}\n\n", block(comment.trim())));
        }
    }
    out
}
