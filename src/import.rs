//! Loading a participant's own files back: a full backup (`.json`) or an exported
//! deliverable (`.md`, through the answers embedded in it).
//!
//! Reading a file never touches the current work: [`read`] says what the file holds or
//! exactly what is wrong with it, [`apply`] computes the workbook after the import, and
//! [`changes`] lists every answer that would change, for the participant to confirm.

use crate::course::{find_exercise, Exercise, FieldKind, MAX_ROWS, MODULES};
use crate::model::{ExerciseAnswers, Profile, Value, Workbook};
use crate::render::embedded::{self, ReadError};
use crate::render::generated;
use crate::render::markdown::DECK_NOTE;
use crate::restore::{exercise_name, field_label, restore_value, RestoreError};

/// The most a browser stores for this site: Chromium keeps at most 5 Mi UTF-16 code units
/// in localStorage per origin, keys and values together (`tests/browser_storage.rs`
/// measures it). No workbook the app has saved is larger.
pub const STORAGE_QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// The most bytes one stored UTF-16 unit of an answer becomes in any exported file. The
/// worst case today is the client or scenario line of the profile in Module 5's capstone
/// `.zip`: each of its three documents writes it in its title, its header and its embedded
/// answers, six bytes each time for a `<` in the JSON. `tests/import_limit.rs` measures
/// every field of every exercise and the profile with such characters, in every file the
/// app exports, and fails if a change makes any file grow faster (or if this figure is no
/// longer the worst).
pub const EXPORT_BYTES_PER_STORED_UNIT: usize = 30;

/// What a document adds that no stored text pays for: headings, labels, guidance,
/// "Not answered" in the empty cells of tables at their [`MAX_ROWS`] rows. The largest
/// today is under 1 MB (Module 5's capstone .zip); the rest is room for the documents to grow.
pub const DOCUMENT_ALLOWANCE: usize = 4 * 1024 * 1024;

/// The largest file the Workbook imports (154 MiB): the largest file the largest workbook a
/// browser can store exports, so every file the app exports imports back. Larger files
/// cannot be ours and are refused from their size, before they are read.
pub const MAX_BYTES: usize = STORAGE_QUOTA_UNITS * EXPORT_BYTES_PER_STORED_UNIT + DOCUMENT_ALLOWANCE;

/// What a file holds, ready to be applied.
pub enum Incoming {
    /// A full backup: the profile and every exercise in it replace the current ones.
    Backup { workbook: Workbook, saved_at: String, migrated_from: Option<u32> },
    /// One exported deliverable: that exercise's answers replace the current ones.
    Deliverable {
        exercise: &'static Exercise,
        profile: Profile,
        answers: ExerciseAnswers,
        exported_at: String,
        migrated_from: Option<u32>,
        /// `Some(true)`: the visible text was changed after export (those edits are not
        /// in the answers). `None`: the file predates edit detection.
        edited_by_hand: Option<bool>,
        /// The file's text, kept only when it was edited by hand: what a reviewer compares
        /// with the document rendered again from the answers.
        edited_text: Option<String>,
        /// Carried parts in `answers` that followed their exercise at export: a workbook
        /// importing the file lets them follow it again (`Embedded::follows`).
        follows: Vec<String>,
    },
    /// A file the Workbook generated from an exercise (a workflow): it carries no answers;
    /// what it says is whether it was edited by hand since.
    Generated { exercise: &'static Exercise, edited_by_hand: bool, edited_text: Option<String> },
    /// A file drafted with a deliverable and exported beside it (the capstone's executive
    /// presentation): it carries no answers, only whose it is and when it was drafted.
    Companion { exercise: &'static Exercise, author: Profile, exported_at: String, text: String },
    /// A repository `.zip` exported from the Workbook: its documents, imported together,
    /// and its generated files, each checked for edits.
    Repository { documents: Vec<(String, Incoming)>, generated: Vec<Stamped> },
}

/// A file the Workbook generated (a workflow), found in a repository `.zip`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamped {
    pub path: String,
    pub edited_by_hand: bool,
    /// Its text, kept only when it was edited by hand (for a reviewer to read and check).
    pub edited_text: Option<String>,
}

impl std::fmt::Debug for Incoming {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

impl Incoming {
    /// One line on what the file is, for the confirmation step.
    pub fn describe(&self) -> String {
        match self {
            Incoming::Backup { saved_at, .. } => format!("a full Workbook backup made {saved_at}"),
            Incoming::Deliverable { exercise, exported_at, .. } => {
                format!("{} of {}, exported {exported_at}", exercise.deliverable, exercise_name(exercise.key))
            }
            Incoming::Generated { exercise, .. } => {
                format!("a workflow generated from {}, which carries no answers", exercise_name(exercise.key))
            }
            Incoming::Companion { exercise, exported_at, .. } => format!(
                "{} drafted from {} of {}, exported {exported_at}, which carries no answers",
                exercise.companion.as_ref().map_or("", |c| c.deliverable),
                exercise.deliverable,
                exercise_name(exercise.key)
            ),
            Incoming::Repository { documents, generated } => format!(
                "a repository exported from the Workbook: {} ({} document{} and {} workflow{})",
                documents
                    .iter()
                    .map(|(path, _)| path.as_str())
                    .chain(generated.iter().map(|g| g.path.as_str()))
                    .collect::<Vec<_>>()
                    .join(", "),
                documents.len(),
                if documents.len() == 1 { "" } else { "s" },
                generated.len(),
                if generated.len() == 1 { "" } else { "s" }
            ),
        }
    }

    /// Things the participant should know before confirming.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        let migrated_from = match self {
            Incoming::Backup { migrated_from, .. } | Incoming::Deliverable { migrated_from, .. } => *migrated_from,
            Incoming::Generated { exercise, edited_by_hand, .. } => {
                if *edited_by_hand {
                    warnings.push("It was edited by hand after it was exported.".to_owned());
                }
                warnings.push(format!(
                    "To load answers, import the exercise's document ({}) or the repository .zip.",
                    exercise.deliverable
                ));
                None
            }
            Incoming::Companion { exercise, .. } => {
                warnings.push(format!(
                    "It is drafted from the answers: to load them, import {}. Slides edited in the file itself are \
                     not imported; edit them in the exercise's presentation section.",
                    exercise.deliverable
                ));
                None
            }
            Incoming::Repository { documents, generated } => {
                warnings.extend(
                    documents.iter().flat_map(|(path, document)| {
                        document.warnings().into_iter().map(move |w| format!("{path}: {w}"))
                    }),
                );
                warnings.extend(generated.iter().filter(|g| g.edited_by_hand).map(|g| {
                    format!("{} was edited by hand after it was exported; its answers are in the documents.", g.path)
                }));
                None
            }
        };
        if let Some(version) = migrated_from {
            warnings.push(format!(
                "The file was written in an older format (version {version}); it was converted, with every answer kept."
            ));
        }
        if let Incoming::Deliverable { edited_by_hand: Some(true), .. } = self {
            warnings.push(
                "The text of this file was edited after it was exported. The import restores the answers as they \
                 were exported: changes typed into the file itself are not imported, so retype them in the form."
                    .to_owned(),
            );
        }
        warnings
    }
}

/// Why a file cannot be imported. Its `Display` names the file, the problem and what to do.
#[derive(Debug, PartialEq, Eq)]
pub struct ImportError {
    pub file_name: String,
    pub problem: String,
    pub advice: &'static str,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "“{}” was not imported: {}. {} Your current work is unchanged.",
            self.file_name, self.problem, self.advice
        )
    }
}

const ADVICE_OURS: &str = "Choose a .md deliverable or a .json backup downloaded from this Workbook.";
const ADVICE_AGAIN: &str = "Download or copy the file again from where you keep it.";
const ADVICE_NEWER: &str = "Open it in the newer Workbook (reload this page to update it), or ask your instructor.";

/// Reads a chosen file. `bytes` is the whole file; the caller checks the size against
/// [`MAX_BYTES`] first when it can, so a huge file is never read into memory.
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Incoming, ImportError> {
    let fail = |problem: String, advice| ImportError { file_name: file_name.to_owned(), problem, advice };
    if bytes.len() > MAX_BYTES {
        return Err(too_large(file_name, bytes.len() as u64));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(fail("the file is empty".into(), ADVICE_OURS));
    }
    // A zip by its signature, or by its name when its start is damaged.
    if bytes.starts_with(b"PK") || file_name.to_ascii_lowercase().ends_with(".zip") {
        return read_repository(bytes).and_then(within_row_limit).map_err(|(problem, advice)| fail(problem, advice));
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(fail(
            "it is not a text file (it looks like an image, a PDF or another binary file)".into(),
            ADVICE_OURS,
        ));
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let incoming = if text.trim_start().starts_with(['{', '[']) {
        read_backup(text)
    } else if !text.contains(embedded::MARKER) && generated::read_stamp(text).is_some() {
        read_generated(text)
    } else if let Some(companion) = read_companion(text).filter(|_| !text.contains(embedded::MARKER)) {
        Ok(companion)
    } else {
        read_deliverable(text)
    };
    incoming.and_then(within_row_limit).map_err(|(problem, advice)| fail(problem, advice))
}

/// A workflow the Workbook generated, by its stamp.
fn read_generated(text: &str) -> Result<Incoming, Problem> {
    let (key, edited_by_hand) =
        generated::read_stamp(text).ok_or(("it has no Workbook stamp".to_owned(), ADVICE_OURS))?;
    match find_exercise(&key).filter(|(_, e)| e.is_built()) {
        Some((_, exercise)) => {
            Ok(Incoming::Generated { exercise, edited_by_hand, edited_text: edited_by_hand.then(|| text.to_owned()) })
        }
        None => Err((format!("it was generated for an exercise this version does not have (“{key}”)"), ADVICE_NEWER)),
    }
}

/// A companion file (a Marp deck) by the note near its start, which names the document it
/// was drafted from, its author and when (`render::markdown::DECK_NOTE`): a YAML comment in
/// its front matter, or in decks from earlier versions an HTML comment after it.
fn read_companion(text: &str) -> Option<Incoming> {
    let opens = |at: &usize| ["\n# ", "<!-- "].iter().any(|start| text[..*at].ends_with(start));
    let note = text.find(DECK_NOTE).filter(|at| opens(at) && text[..*at].lines().count() < 8)?;
    let line = text[note + DECK_NOTE.len()..].lines().next()?;
    let origin = line.strip_suffix(". -->").or_else(|| line.strip_suffix('.'))?;
    let (origin, exported_at) = origin.rsplit_once(", exported ")?;
    let (origin, from) = origin.rsplit_once(" from ")?;
    let exercise = MODULES
        .iter()
        .flat_map(|m| m.exercises.iter())
        .find(|e| e.deliverable == from && e.companion.is_some() && e.is_built())?;
    // "0.1.0 for Ada Lovelace, cohort 2026-C": the author, when the deck names one.
    let author = origin.split_once(" for ").map_or("", |(_, author)| author);
    let (name, cohort) = author.rsplit_once(", cohort ").unwrap_or((author, ""));
    let author = Profile { name: name.to_owned(), cohort: cohort.to_owned(), scenario: String::new() };
    Some(Incoming::Companion { exercise, author, exported_at: exported_at.to_owned(), text: text.to_owned() })
}

/// A repository `.zip` the Workbook exported: every document in it read as a deliverable,
/// every other file checked for its stamp.
fn read_repository(bytes: &[u8]) -> Result<Incoming, Problem> {
    let broken = |_| ("it is a .zip the Workbook cannot read (damaged, or not a zip)".to_owned(), ADVICE_AGAIN);
    let archive = rawzip::ZipArchive::from_slice(bytes).map_err(broken)?;
    let mut entries = archive.entries();
    let (mut documents, mut generated) = (Vec::new(), Vec::new());
    while let Some(entry) = entries.next_entry().map_err(broken)? {
        if entry.is_dir() {
            continue;
        }
        let path = entry.file_path().try_normalize().map_err(broken)?.as_ref().to_owned();
        if entry.compression_method() != rawzip::CompressionMethod::STORE {
            return Err((
                format!("“{path}” in it is compressed; the Workbook reads the .zip files it writes"),
                "Import the .zip downloaded from the Workbook, or its files one by one.",
            ));
        }
        // Stored entries are the file's bytes as they are; the checksum is checked here, with
        // the CRC-32 the writer uses (rawzip's verifying reader brings lookup tables that
        // would weigh more than the rest of this page's import).
        let contents = archive.get_entry(entry.wayfinder()).map_err(broken)?.data();
        if crate::render::bundle::crc32(contents) != entry.crc32() {
            return Err((format!("it is a damaged .zip: “{path}” in it does not match its checksum"), ADVICE_AGAIN));
        }
        let text =
            std::str::from_utf8(contents).map_err(|_| (format!("“{path}” in it is not a text file"), ADVICE_OURS))?;
        if text.contains(embedded::MARKER) {
            let document =
                read_deliverable(text).map_err(|(problem, advice)| (format!("“{path}”: {problem}"), advice))?;
            documents.push((path, document));
        } else if let Some((_, edited_by_hand)) = generated::read_stamp(text) {
            let edited_text = edited_by_hand.then(|| text.to_owned());
            generated.push(Stamped { path, edited_by_hand, edited_text });
        }
    }
    if documents.is_empty() {
        return Err(("it is a .zip with no Workbook document in it".to_owned(), ADVICE_OURS));
    }
    Ok(Incoming::Repository { documents, generated })
}

/// Refuses a file with a table longer than the app lets anyone make ([`MAX_ROWS`]): it was
/// not written by the Workbook, and its export might not import back.
fn within_row_limit(incoming: Incoming) -> Result<Incoming, Problem> {
    fn answers_in(incoming: &Incoming) -> Vec<(&str, &ExerciseAnswers)> {
        match incoming {
            Incoming::Backup { workbook, .. } => workbook.exercises.iter().map(|(k, a)| (k.as_str(), a)).collect(),
            Incoming::Deliverable { exercise, answers, .. } => vec![(exercise.key, answers)],
            Incoming::Generated { .. } | Incoming::Companion { .. } => Vec::new(),
            Incoming::Repository { documents, .. } => documents.iter().flat_map(|(_, d)| answers_in(d)).collect(),
        }
    }
    let exercises = answers_in(&incoming);
    for (key, answers) in exercises {
        for (field, value) in &answers.values {
            if let Value::Rows(rows) = value {
                if rows.len() > MAX_ROWS {
                    return Err((
                        format!(
                            "its table “{}” in {} has {} rows, more than the {MAX_ROWS} a Workbook table holds, so it \
                             was not made by this app",
                            field_label(key, field),
                            exercise_name(key),
                            rows.len()
                        ),
                        ADVICE_OURS,
                    ));
                }
            }
        }
    }
    Ok(incoming)
}

/// The error for a file over [`MAX_BYTES`], for callers that check the size up front.
pub fn too_large(file_name: &str, size: u64) -> ImportError {
    ImportError {
        file_name: file_name.to_owned(),
        problem: match crate::numbers::plain(size as f64 / 1_048_576.0, 1) {
            // Rounded, a file a few bytes over the limit would read "154 MB ... the largest is 154 MB".
            megabytes if megabytes == max_megabytes() => {
                format!("it is just over {megabytes} MB, the largest file the Workbook imports")
            }
            megabytes => {
                format!("it is {megabytes} MB, and the largest file the Workbook imports is {} MB", max_megabytes())
            }
        },
        advice: "Workbook files are much smaller: check that this is an exported deliverable or a backup.",
    }
}

/// [`MAX_BYTES`] in megabytes (MiB), as people read it: "64".
pub fn max_megabytes() -> String {
    crate::numbers::plain(MAX_BYTES as f64 / 1_048_576.0, 1)
}

type Problem = (String, &'static str);

fn read_backup(text: &str) -> Result<Incoming, Problem> {
    let json: serde_json::Value = serde_json::from_str(text).map_err(|error| {
        if error.is_eof() {
            (
                "the file stops in the middle (it was cut off, for example by an interrupted download)".to_owned(),
                ADVICE_AGAIN,
            )
        } else {
            (format!("it is not valid JSON (line {}, column {})", error.line(), error.column()), ADVICE_AGAIN)
        }
    })?;
    let format = json.get("format").and_then(|f| f.as_str());
    // A bare stored workbook (as downloaded from the "unreadable data" banner) reads too.
    let is_bare_workbook = format.is_none() && json.get("exercises").is_some() && json.get("schema_version").is_some();
    let (workbook_json, saved_at) = match format {
        Some(crate::backup::FORMAT) => {
            let saved_at = json.get("saved_at").and_then(|s| s.as_str()).unwrap_or("at an unknown time").to_owned();
            let workbook = json.get("workbook").cloned().ok_or_else(|| {
                (
                    "it is a Workbook backup with no answers in it (the “workbook” part is missing)".to_owned(),
                    ADVICE_AGAIN,
                )
            })?;
            (workbook, saved_at)
        }
        _ if is_bare_workbook => {
            // The storage adapter's version stamp is not part of the answers.
            let mut json = json;
            if let Some(object) = json.as_object_mut() {
                object.remove("revision");
            }
            (json, "from browser storage".to_owned())
        }
        _ => return Err(("it is JSON, but not a Workbook backup".to_owned(), ADVICE_OURS)),
    };
    let restored = restore_value(workbook_json).map_err(|error| match error {
        RestoreError::FutureVersion(_) => (error.to_string(), ADVICE_NEWER),
        _ => (format!("its answers cannot be read: {error}"), ADVICE_AGAIN),
    })?;
    if !restored.damage.is_empty() {
        let problem = format!("parts of it are damaged and cannot be read: {}", restored.damage.join("; "));
        return Err((problem, ADVICE_AGAIN));
    }
    Ok(Incoming::Backup { workbook: restored.workbook, saved_at, migrated_from: restored.migrated_from })
}

fn read_deliverable(text: &str) -> Result<Incoming, Problem> {
    let read = embedded::read(text).map_err(|error| match error {
        ReadError::Missing => (
            "it has no Workbook answers in it. Only files exported by this app can be imported: they carry the \
             answers in an invisible block at the end, which is missing here (a file written elsewhere, or the block \
             was deleted)"
                .to_owned(),
            ADVICE_OURS,
        ),
        ReadError::Truncated => (
            "the file stops in the middle: the answers block at its end is incomplete (it was cut off)".to_owned(),
            ADVICE_AGAIN,
        ),
        ReadError::Damaged(detail) => {
            (format!("the answers block at its end was changed and cannot be read ({detail})"), ADVICE_AGAIN)
        }
        ReadError::FutureVersion(version) => {
            (format!("it was exported by a newer version of the Workbook (format {version})"), ADVICE_NEWER)
        }
    })?;
    let embedded = read.embedded;
    let Some((_, exercise)) = find_exercise(&embedded.exercise).filter(|(_, e)| e.is_built()) else {
        return Err((
            format!("it is for an exercise this version does not have (“{}”)", embedded.exercise),
            ADVICE_NEWER,
        ));
    };
    Ok(Incoming::Deliverable {
        exercise,
        profile: embedded.profile,
        answers: embedded.answers,
        exported_at: embedded.exported_at,
        migrated_from: read.migrated_from,
        edited_by_hand: read.edited_by_hand,
        edited_text: (read.edited_by_hand == Some(true)).then(|| text.to_owned()),
        follows: embedded.follows,
    })
}

/// The workbook after the import. Nothing the file does not mention is removed: exercises
/// missing from a backup, and profile details missing from a deliverable, are kept.
pub fn apply(current: &Workbook, incoming: &Incoming) -> Workbook {
    let mut next = current.clone();
    match incoming {
        Incoming::Backup { workbook, .. } => {
            next.profile = workbook.profile.clone();
            for (key, answers) in &workbook.exercises {
                next.exercises.insert(key.clone(), answers.clone());
            }
            for (key, section) in &workbook.last_sections {
                next.last_sections.insert(key.clone(), section.clone());
            }
            for (key, value) in &workbook.unknown {
                next.unknown.insert(key.clone(), value.clone());
            }
        }
        Incoming::Generated { .. } | Incoming::Companion { .. } => {}
        Incoming::Repository { documents, .. } => {
            for (_, document) in documents {
                next = apply(&next, document);
            }
        }
        Incoming::Deliverable { exercise, profile, answers, follows, .. } => {
            let mut answers = answers.clone();
            answers.values.retain(|id, _| !follows.contains(id));
            next.exercises.insert(exercise.key.to_owned(), answers);
            for (mine, theirs) in [
                (&mut next.profile.name, &profile.name),
                (&mut next.profile.cohort, &profile.cohort),
                (&mut next.profile.scenario, &profile.scenario),
            ] {
                if mine.trim().is_empty() {
                    mine.clone_from(theirs);
                }
            }
        }
    }
    next
}

/// One answer an import would change.
#[derive(Debug, PartialEq, Eq)]
pub struct Change {
    /// "Profile" or "Exercise 2.1 (Module 6)".
    pub place: String,
    /// The field's label.
    pub answer: String,
    /// Short summaries of the value before and after.
    pub before: String,
    pub after: String,
}

/// Every answer that differs between two workbooks, in course order.
pub fn changes(before: &Workbook, after: &Workbook) -> Vec<Change> {
    let mut changes = Vec::new();
    for (label, old, new) in [
        ("Your name", &before.profile.name, &after.profile.name),
        ("Cohort", &before.profile.cohort, &after.profile.cohort),
        ("Client or scenario", &before.profile.scenario, &after.profile.scenario),
    ] {
        if old != new {
            changes.push(Change {
                place: "Profile".into(),
                answer: label.into(),
                before: summary(old),
                after: summary(new),
            });
        }
    }
    for exercise in MODULES.iter().flat_map(|m| m.exercises.iter()) {
        let (old, new) = (exercise.stored_answers_in(before), exercise.stored_answers_in(after));
        if old == new {
            continue;
        }
        let place = exercise_name(exercise.key);
        for field in exercise.fields().filter(|f| f.kind.is_input()) {
            let (old_value, new_value) = (old.values.get(field.id), new.values.get(field.id));
            if old_value != new_value && !(is_blank(old_value) && is_blank(new_value)) {
                let describe = |value: Option<&Value>| match (value, &field.kind) {
                    (Some(Value::Rows(rows)), FieldKind::Table(spec)) => {
                        let cells = rows.len() * spec.columns.len();
                        let filled = rows.iter().flat_map(|r| r.values()).filter(|c| !c.trim().is_empty()).count();
                        format!(
                            "{} {}, {filled} of {cells} cells answered",
                            rows.len(),
                            plural(spec.row_noun, rows.len())
                        )
                    }
                    (Some(Value::Text(text)), _) => summary(text),
                    _ => summary(""),
                };
                changes.push(Change {
                    place: place.clone(),
                    answer: field.label.to_owned(),
                    before: describe(old_value),
                    after: describe(new_value),
                });
            }
        }
        if old.unknown != new.unknown {
            changes.push(Change {
                place: place.clone(),
                answer: "Data from a newer version of the Workbook".into(),
                before: "kept as is".into(),
                after: "replaced".into(),
            });
        }
    }
    for key in after.exercises.keys().filter(|key| find_exercise(key).is_none()) {
        if before.exercises.get(key) != after.exercises.get(key) {
            changes.push(Change {
                place: exercise_name(key),
                answer: "Answers for an exercise this version does not show".into(),
                before: if before.exercises.contains_key(key) { "kept as is" } else { "none" }.into(),
                after: "replaced".into(),
            });
        }
    }
    changes
}

fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None => true,
        Some(Value::Text(text)) => text.trim().is_empty(),
        Some(Value::Rows(rows)) => rows.iter().all(|r| r.values().all(|c| c.trim().is_empty())),
    }
}

/// `noun` for `count` of them: "1 phase", "3 phases", "3 severities", "2 criteria".
fn plural(noun: &str, count: usize) -> String {
    if count == 1 {
        return noun.to_owned();
    }
    if let Some(stem) = noun.strip_suffix("ion").filter(|_| noun.ends_with("criterion")) {
        return format!("{stem}ia");
    }
    match noun.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'i', 'o', 'u']) => format!("{stem}ies"),
        _ if noun.ends_with(['s', 'x', 'z']) || noun.ends_with("ch") || noun.ends_with("sh") => format!("{noun}es"),
        _ => format!("{noun}s"),
    }
}

/// The first line of a text, shortened to about 80 characters; "(empty)" when blank.
fn summary(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return "(empty)".into();
    }
    let first_line = text.lines().next().unwrap_or_default();
    let short: String = first_line.chars().take(80).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{exercise_markdown, Deliverable};

    fn exercise() -> (&'static crate::course::Module, &'static Exercise) {
        find_exercise("m6-2.1").unwrap()
    }

    fn workbook_with(summary: &str) -> Workbook {
        let mut workbook = Workbook::default();
        workbook.profile.name = "Ada".into();
        exercise().1.answers_in_mut(&mut workbook).set_text("scenario_summary", summary.into());
        workbook
    }

    fn export(workbook: &Workbook) -> String {
        let (module, exercise) = exercise();
        let answers = exercise.answers_in(workbook);
        exercise_markdown(&Deliverable::of(module, exercise, workbook, &answers, "2026-11-23 10:00 UTC"))
    }

    fn error(name: &str, bytes: &[u8]) -> String {
        read(name, bytes).unwrap_err().to_string()
    }

    #[test]
    fn a_deliverable_restores_its_exercise_exactly() {
        let exported = workbook_with("Northwind <b>rolls</b> out");
        let file = export(&exported);
        let incoming = read("deployment-strategy.md", file.as_bytes()).unwrap();
        assert!(incoming.warnings().is_empty(), "{:?}", incoming.warnings());
        let current = workbook_with("something else");
        let after = apply(&current, &incoming);
        assert_eq!(after.exercises["m6-2.1"], exercise().1.answers_in(&exported));
        assert_eq!(
            changes(&current, &after),
            [Change {
                place: "Exercise 2.1 (Module 6)".into(),
                answer: "Client / scenario summary".into(),
                before: "something else".into(),
                after: "Northwind <b>rolls</b> out".into(),
            }]
        );
        // Importing the same file again changes nothing.
        assert!(changes(&after, &apply(&after, &incoming)).is_empty());
    }

    #[test]
    fn a_backup_restores_everything_and_keeps_exercises_it_does_not_mention() {
        let saved = workbook_with("from the backup");
        let backup = crate::backup::to_json(&saved, "2026-11-20 09:00 UTC");
        let incoming = read("workbook-backup.json", backup.as_bytes()).unwrap();
        assert_eq!(incoming.describe(), "a full Workbook backup made 2026-11-20 09:00 UTC");
        let mut current = Workbook::default();
        current.exercises.insert("m5-2.1".into(), ExerciseAnswers::default());
        let after = apply(&current, &incoming);
        assert_eq!(after.profile.name, "Ada");
        assert_eq!(after.exercises["m6-2.1"].text("scenario_summary"), "from the backup");
        assert!(after.exercises.contains_key("m5-2.1"));
    }

    #[test]
    fn a_v1_backup_and_a_v1_export_import_migrated() {
        let backup = include_str!("../tests/samples/v1-backup.json");
        let incoming = read("old-backup.json", backup.as_bytes()).unwrap();
        assert!(incoming.warnings()[0].contains("older format (version 1)"));
        let Incoming::Backup { workbook, .. } = &incoming else { panic!("a backup") };
        assert_eq!(workbook.last_sections["m6-2.1"], "rollout");
        let export = include_str!("../tests/samples/v1-deployment-strategy.md");
        assert!(matches!(read("deployment-strategy.md", export.as_bytes()), Ok(Incoming::Deliverable { .. })));
    }

    #[test]
    fn a_hand_edited_deliverable_is_imported_with_a_warning() {
        let file = export(&workbook_with("Northwind")).replace("Northwind", "Southwind");
        let incoming = read("deployment-strategy.md", file.as_bytes()).unwrap();
        assert!(incoming.warnings().iter().any(|w| w.contains("edited after it was exported")));
    }

    #[test]
    fn bad_files_get_a_message_naming_the_file_and_the_problem() {
        let file = export(&workbook_with("Northwind"));
        let backup = crate::backup::to_json(&workbook_with("x"), "now");
        let mut long_table = workbook_with("x");
        long_table.exercises.get_mut("m6-2.1").unwrap().rows_mut("phases").resize_with(MAX_ROWS + 1, Default::default);
        let long_table = crate::backup::to_json(&long_table, "now");
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("photo.png", vec![0x89, b'P', b'N', b'G', 0xff, 0xfe, 0], "it is not a text file"),
            ("empty.md", b"  \n".to_vec(), "the file is empty"),
            ("notes.md", b"# My notes\n\nNothing exported here.".to_vec(), "it has no Workbook answers in it"),
            ("cut.md", file.as_bytes()[..file.len() - 30].to_vec(), "the file stops in the middle"),
            (
                "changed.md",
                file.replace("\"exercise\":\"m6-2.1\"", "\"exercise\":m6").into_bytes(),
                "the answers block at its end was changed",
            ),
            (
                "future.md",
                file.replace("\"version\":2,", "\"version\":9,").into_bytes(),
                "exported by a newer version of the Workbook (format 9)",
            ),
            ("package.json", br#"{"name": "left-pad"}"#.to_vec(), "it is JSON, but not a Workbook backup"),
            (
                "broken.json",
                b"{\"format\": \"workbook-backup\",, }".to_vec(),
                "it is not valid JSON (line 1, column 30)",
            ),
            ("cut.json", backup.as_bytes()[..backup.len() / 2].to_vec(), "the file stops in the middle"),
            (
                "long-table.json",
                long_table.into_bytes(),
                "its table “Phases” in Exercise 2.1 (Module 6) has 201 rows, more than the 200",
            ),
            (
                "future.json",
                backup.replace("\"schema_version\":2", "\"schema_version\":7").into_bytes(),
                "saved by a newer version of the Workbook (format 7",
            ),
            ("huge.md", vec![b'a'; MAX_BYTES + 1], "it is just over 154 MB, the largest file the Workbook imports"),
            (
                "bigger.md",
                vec![b'a'; MAX_BYTES * 3 / 2],
                "it is 231 MB, and the largest file the Workbook imports is 154 MB",
            ),
        ];
        for (name, bytes, problem) in cases {
            let message = error(name, &bytes);
            assert!(message.starts_with(&format!("“{name}” was not imported: ")), "{message}");
            assert!(message.contains(problem), "{name}: {message}");
            assert!(message.ends_with("Your current work is unchanged."), "{message}");
        }
    }

    #[test]
    fn changes_summarise_tables_and_long_text() {
        let (_, exercise) = exercise();
        let before = workbook_with("");
        let mut after = before.clone();
        let answers = exercise.answers_in_mut(&mut after);
        answers.set_text("scenario_summary", format!("{}\nsecond line", "x".repeat(100)));
        answers.rows_mut("phases")[0].insert("criteria".into(), "p95 < 5 s".into());
        let changes = changes(&before, &after);
        assert_eq!(changes[0].before, "(empty)");
        assert_eq!(changes[0].after, format!("{}…", "x".repeat(80)));
        assert_eq!(changes[1].answer, "Phases");
        assert_eq!(
            (changes[1].before.as_str(), changes[1].after.as_str()),
            ("3 phases, 9 of 15 cells answered", "3 phases, 10 of 15 cells answered")
        );
    }

    #[test]
    fn a_table_counts_its_rows_in_english() {
        let (_, monitoring) = find_exercise("m5-2.2").unwrap();
        let before = Workbook::default();
        let mut after = before.clone();
        let rows = monitoring.answers_in_mut(&mut after).rows_mut("routing");
        rows.resize_with(3, crate::model::Row::new);
        rows[0].insert("channel".into(), "#incidents".into());
        let change = changes(&before, &after).into_iter().find(|c| c.answer == "Severity routing").unwrap();
        assert!(change.after.starts_with("3 severities, "), "{}", change.after);
        let said: Vec<String> = ["phase", "criterion", "severity level", "key", "pass", "branch"]
            .iter()
            .map(|noun| plural(noun, 2))
            .collect();
        assert_eq!(said, ["phases", "criteria", "severity levels", "keys", "passes", "branches"]);
        assert_eq!(plural("severity", 1), "severity");
    }

    /// A deck names its author in a YAML comment of its front matter; decks exported before
    /// had it in an HTML comment (a Marp presenter note) after the front matter: both load.
    #[test]
    fn a_deck_is_known_by_its_note_in_either_place() {
        let origin = "0.1.0 for Ada Lovelace, cohort 2026-B from enterprise-architecture-proposal.md, exported 2026-11-23 10:00 UTC.";
        let now = format!("---\nmarp: true\n# Drafted by Workbook v{origin}\n---\n\n# Title\n");
        let before = format!("---\nmarp: true\n---\n\n<!-- Drafted by Workbook v{origin} -->\n\n# Title\n");
        for deck in [now, before] {
            let Some(Incoming::Companion { exercise, author, exported_at, .. }) = read_companion(&deck) else {
                panic!("not read: {deck}");
            };
            assert_eq!(exercise.deliverable, "enterprise-architecture-proposal.md");
            assert_eq!((author.name.as_str(), author.cohort.as_str()), ("Ada Lovelace", "2026-B"));
            assert_eq!(exported_at, "2026-11-23 10:00 UTC");
        }
        assert!(read_companion("# Drafted by Workbook v0.1.0 from enterprise-architecture-proposal.md\n").is_none());
    }
}
