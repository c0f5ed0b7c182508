//! What an instructor sees of each participant: every deliverable complete, incomplete or
//! missing, with its findings, and the guides' intervention thresholds. Everything here
//! comes from the exercise descriptions that drive the participant's forms: "complete" is
//! the progress the participant sees, and the findings are the self-check's criteria and
//! the exercise's red flags.

use crate::course::progress::{exercise_progress, sections_not_complete, self_check};
use crate::course::{Exercise, Inputs, Module, MODULES};
use crate::model::Workbook;

use super::cohort::Participant;

/// How far a deliverable is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// No file of it was loaded.
    Missing,
    /// Loaded, with required answers still missing.
    Incomplete,
    /// Every required answer given.
    Complete,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Missing => "missing",
            Status::Incomplete => "incomplete",
            Status::Complete => "complete",
        }
    }
}

/// One deliverable of one participant.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub status: Status,
    /// Answered fields out of the required ones (0 of 0 when missing).
    pub done: usize,
    pub total: usize,
    /// What is wrong, one sentence each; empty when missing or when nothing is.
    pub findings: Vec<String>,
}

/// Every exercise an instructor reviews: the built ones of every module, in the home
/// page's order, with their module.
pub fn deliverables() -> impl Iterator<Item = (&'static Module, &'static Exercise)> {
    MODULES.iter().flat_map(|m| m.exercises.iter().filter(|e| e.is_built()).map(move |e| (m, e)))
}

/// The participant's answers as one workbook, so a capstone reads the exercises it builds on.
pub fn workbook_of(participant: &Participant) -> Workbook {
    let mut workbook = Workbook { profile: participant.profile.clone(), ..Workbook::default() };
    workbook.exercises.extend(participant.exercises.iter().map(|(key, d)| (key.clone(), d.answers.clone())));
    workbook
}

/// One deliverable of a participant, judged as the participant's self-check judges it.
pub fn assess(participant: &Participant, workbook: &Workbook, exercise: &Exercise) -> Assessment {
    let Some(delivered) = participant.exercises.get(exercise.key) else {
        return Assessment { status: Status::Missing, done: 0, total: 0, findings: Vec::new() };
    };
    let answers = exercise.answers_in(workbook);
    let progress = exercise_progress(exercise, &answers);
    let inputs = Inputs::new(&answers, workbook);
    let mut findings = Vec::new();
    let missing = sections_not_complete(exercise, &answers);
    if !missing.is_empty() {
        findings.push(format!("Sections not complete: {}.", missing.join(", ")));
    }
    findings.extend(
        self_check(exercise, &inputs)
            .into_iter()
            .filter(|(_, met)| !met)
            .map(|(criterion, _)| format!("Success criterion not met: {criterion}")),
    );
    findings.extend((exercise.red_flags)(&inputs));
    // The export took out what was pasted and left a note naming the secret: the value was
    // in the participant's workbook, so it must be revoked, whatever the file says now.
    let mut pasted: Vec<(&str, &crate::credentials::Kind)> = Vec::new();
    crate::course::for_each_text(&answers, |field, text| {
        pasted.extend(crate::credentials::removed(text).into_iter().map(|f| (field, f.kind)));
    });
    pasted.dedup_by(|a, b| a.0 == b.0 && a.1.secret == b.1.secret);
    findings.extend(pasted.into_iter().map(|(field, kind)| {
        format!(
            "{} was pasted into “{}”; the export took it out and names its secret, {}. A credential that was \
             pasted must be revoked and replaced.",
            capitalized(kind.what),
            exercise.field(field).map_or(field.trim_start_matches("file:"), |f| f.label),
            kind.secret
        )
    }));
    if delivered.edited_by_hand == Some(true) {
        findings.push(format!(
            "{} was edited by hand after export: these findings read the answers as exported.",
            delivered.file
        ));
    }
    if let Some(companion) = &exercise.companion {
        if !participant.workflows.contains_key(companion.deliverable) {
            findings.push(format!(
                "{} was not handed in: the exercise asks for it with {}.",
                companion.deliverable, exercise.deliverable
            ));
        }
    }
    for file in exercise.files.iter().filter(|f| owner_of(f.path) == exercise.key) {
        // Edited in the app before export: the participant's version is in the answers.
        let in_app = answers.text(&file.edited_key());
        if !in_app.trim().is_empty() {
            findings.extend(edited_workflow_findings(file.path, in_app, "as edited in the app"));
        }
        if let Some(workflow) = participant.workflows.get(file.path).filter(|w| w.edited_by_hand) {
            findings.push(format!("{} was edited by hand after export ({})", file.path, workflow.file));
            if let Some(text) = &workflow.text {
                findings.extend(edited_workflow_findings(file.path, text, "as handed in"));
            }
        }
    }
    let status = if progress.is_complete() { Status::Complete } else { Status::Incomplete };
    Assessment { status, done: progress.done, total: progress.total, findings }
}

/// What the guide's Module 5 red flags say of a workflow the participant changed: the app's
/// own files have their smoke test, rollback and alerting by construction, an edited one
/// may not; and a secret written as a value instead of `${{ secrets.NAME }}`.
fn edited_workflow_findings(path: &str, text: &str, how: &str) -> Vec<String> {
    let mut findings: Vec<String> = crate::credentials::find(text)
        .iter()
        .map(|found| {
            format!(
                "{path} ({how}) holds what looks like {} written as a value: it belongs in a secret, read as ${{{{ secrets.{} }}}}.",
                found.kind.what, found.kind.secret
            )
        })
        .collect();
    let lower = text.to_ascii_lowercase();
    let missing = |what: &str, words: &[&str]| {
        (!words.iter().any(|w| lower.contains(w))).then(|| format!("{path} ({how}) has no {what} step any more."))
    };
    if path.ends_with("deploy-production.yml") {
        findings.extend(missing("smoke test", &["smoke"]));
        findings.extend(missing("rollback", &["roll back", "rollback"]));
    }
    if path.ends_with("monitoring.yml") && !lower.contains("secrets.") {
        findings.push(format!("{path} ({how}) sends its alerts without a webhook secret."));
    }
    findings
}

/// The exercise a workflow is reported under: the first that generates it (2.1's
/// deploy-production.yml, not the capstone that carries it too).
fn owner_of(path: &str) -> &'static str {
    deliverables().find(|(_, e)| e.files.iter().any(|f| f.path == path)).map_or("", |(_, e)| e.key)
}

/// A threshold of the guides' intervention tables that a participant reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Threshold {
    /// Module 6: these of Exercises 2.1 and 2.2 ("2.1", "2.2") are incomplete or missing.
    Module6Unfinished(Vec<&'static str>),
    /// Module 6: the capstone was handed in with required sections missing.
    Module6CapstoneIncomplete,
    /// Module 6: all three deliverables handed in, each with findings.
    Module6FindingsEverywhere,
    /// Module 5: the capstone, which validates the module, is incomplete or missing.
    Module5CapstoneIncomplete,
    /// Module 5: no monitoring workflow (Exercise 2.2 missing).
    Module5NoMonitoring,
}

impl Threshold {
    /// What the guide tells the instructor to do.
    pub fn for_instructor(&self) -> String {
        match self {
            Threshold::Module6Unfinished(exercises) => format!(
                "Module 6: Exercise {} incomplete or missing: reach out, offer support.",
                exercises.join(" and ")
            ),
            Threshold::Module6CapstoneIncomplete => {
                "Module 6: the capstone is missing key sections: give specific feedback before certification.".into()
            }
            Threshold::Module6FindingsEverywhere => {
                "Module 6: findings in every deliverable: a 1:1 conversation about the module's objectives.".into()
            }
            Threshold::Module5CapstoneIncomplete => {
                "Module 5: the capstone is incomplete: priority support, it validates the module.".into()
            }
            Threshold::Module5NoMonitoring => "Module 5: no monitoring workflow (Exercise 2.2 missing).".into(),
        }
    }

    /// The same, said to the participant (their feedback file).
    pub fn for_participant(&self) -> String {
        match self {
            Threshold::Module6Unfinished(exercises) => format!(
                "Module 6: finish Exercise {}; your instructor is glad to help if you are stuck.",
                exercises.join(" and ")
            ),
            Threshold::Module6CapstoneIncomplete => {
                "Module 6: your proposal is missing required sections (listed below); it can be certified once they are written.".into()
            }
            Threshold::Module6FindingsEverywhere => {
                "Module 6: each of your deliverables has findings (below); let us go through them together, in a 1:1 on the module's objectives.".into()
            }
            Threshold::Module5CapstoneIncomplete => {
                "Module 5: your complete pipeline (Exercise 2.3) is not finished yet; it validates the module, so finish it first.".into()
            }
            Threshold::Module5NoMonitoring => {
                "Module 5: Exercise 2.2, the monitoring workflow, is missing; your pipeline needs it.".into()
            }
        }
    }
}

/// The guides' intervention thresholds this participant reaches. A module counts only for
/// participants who handed in something of it.
pub fn thresholds(participant: &Participant, assessments: &[(&'static Exercise, Assessment)]) -> Vec<Threshold> {
    let status = |key: &str| assessments.iter().find(|(e, _)| e.key == key).map(|(_, a)| a.status);
    let in_module = |prefix: &str| participant.exercises.keys().any(|k| k.starts_with(prefix));
    let mut reached = Vec::new();
    if in_module("m6-") {
        let unfinished: Vec<&str> = [("m6-2.1", "2.1"), ("m6-2.2", "2.2")]
            .into_iter()
            .filter(|(key, _)| status(key) != Some(Status::Complete))
            .map(|(_, number)| number)
            .collect();
        if !unfinished.is_empty() {
            reached.push(Threshold::Module6Unfinished(unfinished));
        }
        if status("m6-2.3") == Some(Status::Incomplete) {
            reached.push(Threshold::Module6CapstoneIncomplete);
        }
        let delivered: Vec<_> =
            assessments.iter().filter(|(e, a)| e.key.starts_with("m6-") && a.status != Status::Missing).collect();
        if delivered.len() == 3 && delivered.iter().all(|(_, a)| !a.findings.is_empty()) {
            reached.push(Threshold::Module6FindingsEverywhere);
        }
    }
    if in_module("m5-") {
        if status("m5-2.3") != Some(Status::Complete) {
            reached.push(Threshold::Module5CapstoneIncomplete);
        }
        if status("m5-2.2") == Some(Status::Missing) {
            reached.push(Threshold::Module5NoMonitoring);
        }
    }
    reached
}

/// The thresholds reached, each with what the guide tells the instructor to do.
pub fn interventions(participant: &Participant, assessments: &[(&'static Exercise, Assessment)]) -> Vec<String> {
    thresholds(participant, assessments).iter().map(Threshold::for_instructor).collect()
}

/// A participant's whole row: each deliverable's assessment, in [`deliverables`] order,
/// and the interventions.
pub fn review_row(participant: &Participant) -> (Vec<(&'static Exercise, Assessment)>, Vec<String>) {
    let workbook = workbook_of(participant);
    let assessments: Vec<_> = deliverables().map(|(_, e)| (e, assess(participant, &workbook, e))).collect();
    let interventions = interventions(participant, &assessments);
    (assessments, interventions)
}

/// What the participant changed by hand in a deliverable after export: the file as handed
/// in against the same file rendered again from the answers embedded in it. `None` when
/// the file was not edited (or predates edit detection).
pub fn edits_since_export(participant: &Participant, exercise: &Exercise) -> Option<Vec<super::diff::Line>> {
    let delivered = participant.exercises.get(exercise.key)?;
    let handed_in = delivered.edited_text.as_deref()?;
    let (module, _) = crate::course::find_exercise(exercise.key)?;
    let workbook = workbook_of(participant);
    let answers = exercise.answers_in(&workbook);
    let deliverable = crate::render::Deliverable::of(module, exercise, &workbook, &answers, &delivered.exported_at);
    let exported = crate::render::exercise_markdown(&deliverable);
    Some(super::diff::changes(&exported, handed_in, 2))
}

/// A deck as an instructor reads it: how many slides, and its text with each drawing (an
/// inline SVG image, a long line of base64) shown as its caption.
pub fn readable_deck(text: &str) -> (usize, String) {
    // After the front matter, slides are separated by `---` lines.
    let body = text.strip_prefix("---\n").and_then(|rest| rest.split_once("\n---\n")).map_or(text, |(_, body)| body);
    let slides = body.split("\n---\n").filter(|slide| !slide.trim().is_empty()).count();
    let lines: Vec<String> = body
        .lines()
        .map(|line| match line.find("<img src=\"data:") {
            Some(at) => {
                let alt = line.rsplit_once("alt=\"").map_or("", |(_, rest)| rest.split('"').next().unwrap_or(""));
                format!("{}[drawing: {alt}]", &line[..at])
            }
            None => line.to_owned(),
        })
        .collect();
    (slides, lines.join("\n"))
}

/// "A GitHub token" from "a GitHub token".
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_ascii_uppercase().to_string() + chars.as_str())
}
