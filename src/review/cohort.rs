//! A cohort's files, loaded: each participant's latest answers per exercise, and every file
//! that did not load with the reason, so one bad file never stops the rest.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::course::{Module, MODULES};
use crate::import::{self, Incoming};
use crate::model::{ExerciseAnswers, Profile};

/// Everything an instructor has loaded; saved in the browser between visits.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Cohort {
    /// In order of name.
    pub participants: Vec<Participant>,
    /// Files that were not loaded, newest last.
    pub refused: Vec<Refused>,
    /// The instructor's rubric points, verdicts and comments, by participant id.
    #[serde(default)]
    pub grades: super::grading::Grades,
}

/// One participant, as their files name them.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Participant {
    /// Stable within a cohort: the name and cohort as typed, case and spacing aside.
    pub id: String,
    pub profile: Profile,
    /// The latest answers of each exercise delivered, by exercise key.
    pub exercises: BTreeMap<String, Delivered>,
    /// Files the Workbook generated, delivered beside the documents: workflows (on their
    /// own or in a `.zip`) by repository path, and the capstone's deck by its name
    /// (`executive-presentation.md`). One map, so the saved review keeps its shape.
    pub workflows: BTreeMap<String, DeliveredFile>,
}

impl Participant {
    /// The page that grades this participant (`Module::grading_page`): that of the last
    /// module with a document of theirs (Module 6, whose capstone is scored on a rubric,
    /// before Module 5), or, with workflows alone, the module whose files form a
    /// repository. A participant with work in two modules is graded on that page, which
    /// links to the other for the rest.
    pub fn grading_page(&self) -> &'static str {
        let delivered = |module: &&Module| {
            module.exercises.iter().any(|e| self.exercises.contains_key(e.key))
                || (!module.docs.is_empty() && self.workflows.keys().any(|path| path.starts_with(".github/")))
        };
        MODULES.iter().rev().find(delivered).unwrap_or(&MODULES[MODULES.len() - 1]).grading_page
    }

    /// Whether `page` grades any of this participant's work: their grading page, or that of
    /// another module they delivered in (reached by its link).
    pub fn graded_on(&self, page: &str) -> bool {
        self.grading_page() == page
            || MODULES
                .iter()
                .any(|m| m.grading_page == page && m.exercises.iter().any(|e| self.exercises.contains_key(e.key)))
    }

    /// The modules this participant delivered work in, other than the one `grading_page`
    /// grades: each is graded on its own page.
    pub fn graded_elsewhere(&self, grading_page: &'static str) -> impl Iterator<Item = &'static Module> + '_ {
        MODULES.iter().filter(move |m| {
            m.grading_page != grading_page && m.exercises.iter().any(|e| self.exercises.contains_key(e.key))
        })
    }
}

/// An exercise's answers and the file they came from.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Delivered {
    pub answers: ExerciseAnswers,
    pub file: String,
    /// When the file was exported or the backup saved, as the file says.
    pub exported_at: String,
    /// `Some(true)`: the document's text was changed after export.
    pub edited_by_hand: Option<bool>,
    /// The file's text when it was edited by hand, to compare with the answers.
    #[serde(default)]
    pub edited_text: Option<String>,
}

/// A generated file (a workflow, a deck) as delivered.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct DeliveredFile {
    /// The file chosen: the workflow or deck itself, or the `.zip` it was in.
    pub file: String,
    /// Changed since the Workbook wrote it (a workflow's stamp no longer matches).
    pub edited_by_hand: bool,
    /// Its text when the reviewer reads it: a workflow edited by hand (what the generated
    /// file became), a deck always (it has no answers to show instead).
    #[serde(default, rename = "edited_text")]
    pub text: Option<String>,
}

/// A file that was not loaded, and why.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub file: String,
    pub reason: String,
}

/// What one call to [`Cohort::add`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub loaded: usize,
    pub refused: usize,
}

/// A file's answers on their way into the cohort.
struct Item {
    /// Which of the chosen files it came from (names can repeat across folders).
    source: usize,
    file: String,
    profile: Profile,
    key: String,
    delivered: Delivered,
}

impl Cohort {
    /// Loads `files` (name or path in a chosen folder, bytes). Each file's answers join its
    /// participant; a file is refused, with the reason, when it does not read, carries
    /// nothing new (the same answers again), or is older than what is loaded for the same
    /// participant and exercise. A file refused before it was read (too large, unreadable
    /// by the browser) comes in `refused_early`.
    pub fn add(&mut self, files: Vec<(String, Vec<u8>)>, refused_early: Vec<Refused>) -> Added {
        let before = self.refused.len();
        self.refused.extend(refused_early);
        let mut items = Vec::new();
        let mut workflows = Vec::new();
        let mut companions = Vec::new();
        let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
        for (source, (file, bytes)) in files.into_iter().enumerate() {
            match import::read(&file, &bytes) {
                Err(error) => self.refuse(&file, format!("{}. {}", error.problem, error.advice)),
                Ok(incoming) => {
                    let before = items.len() + workflows.len() + companions.len();
                    if let Incoming::Companion { exercise, author, text, .. } = incoming {
                        let name = exercise.companion.as_ref().map_or("", |c| c.deliverable);
                        companions.push((
                            source,
                            name,
                            author,
                            DeliveredFile { file: file.clone(), edited_by_hand: false, text: Some(text) },
                        ));
                    } else {
                        collect(source, &file, incoming, &mut items, &mut workflows);
                    }
                    if items.len() + workflows.len() + companions.len() == before {
                        self.refuse(&file, "it holds no answers".to_owned());
                    }
                }
            }
        }
        // A file that brings several exercises (a backup, a .zip) is loaded when any of
        // them is; it is refused, with every reason, when none is.
        let mut loaded = BTreeSet::new();
        let mut reasons: Vec<(usize, String)> = Vec::new();
        // Whose documents each chosen file holds, loaded or not (a copy of what is already
        // here still says whose folder it is).
        let owners: Vec<Owner> = items
            .iter()
            .map(|item| Owner {
                source: item.source,
                folder: folder_of(&item.file).to_owned(),
                id: participant_id(&item.profile, &item.file),
            })
            .collect();
        for item in items {
            let source = item.source;
            match self.take(item) {
                Ok(()) => {
                    loaded.insert(source);
                }
                Err(reason) => reasons.push((source, reason)),
            }
        }
        for workflow in workflows {
            let source = workflow.source;
            // A .zip whose documents brought nothing new (a copy) brings no workflows either.
            if workflow.in_zip.is_some() && !loaded.contains(&source) {
                continue;
            }
            match self.attach_workflow(workflow, &owners) {
                Ok(()) => {
                    loaded.insert(source);
                }
                Err(reason) => reasons.push((source, reason)),
            }
        }
        for (source, name, author, companion) in companions {
            match self.attach_companion(name, &author, companion, &owners) {
                Ok(()) => {
                    loaded.insert(source);
                }
                Err(reason) => reasons.push((source, reason)),
            }
        }
        let mut refused_sources: Vec<usize> = Vec::new();
        for (source, _) in &reasons {
            if !loaded.contains(source) && !refused_sources.contains(source) {
                refused_sources.push(*source);
            }
        }
        for source in refused_sources {
            let why: Vec<&str> = reasons.iter().filter(|(s, _)| *s == source).map(|(_, r)| r.as_str()).collect();
            self.refuse(&names[source], why.join("; "));
        }
        self.participants.sort_by_key(|p| sort_key(&p.profile));
        Added { loaded: loaded.len(), refused: self.refused.len() - before }
    }

    fn refuse(&mut self, file: &str, reason: String) {
        self.refused.push(Refused { file: file.to_owned(), reason });
    }

    /// Puts one exercise's answers in place, or says why not.
    fn take(&mut self, item: Item) -> Result<(), String> {
        let id = participant_id(&item.profile, &item.file);
        let index = match self.participants.iter().position(|p| p.id == id) {
            Some(index) => index,
            None => {
                self.participants.push(Participant { id, profile: item.profile.clone(), ..Participant::default() });
                self.participants.len() - 1
            }
        };
        let participant = &mut self.participants[index];
        let name = display_name(&participant.profile);
        if let Some(kept) = participant.exercises.get(&item.key) {
            let exercise = crate::restore::exercise_name(&item.key);
            let reason = if kept.answers == item.delivered.answers {
                Some(format!("the same answers to {exercise} as {} (already loaded for {name})", kept.file))
            } else if item.delivered.exported_at < kept.exported_at {
                Some(format!(
                    "an older export of {name}'s {exercise} ({}) than {} ({}), which is kept",
                    item.delivered.exported_at, kept.file, kept.exported_at
                ))
            } else {
                None
            };
            if let Some(reason) = reason {
                return Err(reason);
            }
        }
        // A newer export of the same exercise replaces the older one.
        if participant.profile.scenario.trim().is_empty() {
            participant.profile.scenario = item.profile.scenario.clone();
        }
        participant.exercises.insert(item.key, item.delivered);
        Ok(())
    }

    /// A workflow delivered on its own carries no name: it belongs to the participant whose
    /// documents sit in the same folder of the chosen files, if exactly one does; one from a
    /// `.zip` to the participant its documents name.
    fn attach_workflow(&mut self, workflow: Workflow, owners: &[Owner]) -> Result<(), String> {
        let Workflow { source, file, in_zip, edited_by_hand, edited_text } = workflow;
        let from_zip = in_zip.is_some();
        let path = in_zip.unwrap_or_else(|| format!(".github/workflows/{}", file_name(&file)));
        let folder = folder_of(&file);
        let owner =
            sole_owner(owners.iter().filter(|o| if from_zip { o.source == source } else { o.folder == folder }));
        let participant = owner.and_then(|id| self.participants.iter_mut().find(|p| p.id == id));
        match participant {
            Some(participant) => match participant.workflows.get(&path) {
                Some(kept) if kept.edited_by_hand == edited_by_hand && kept.text == edited_text => Err(format!(
                    "{path} is loaded for {} already, from {}",
                    display_name(&participant.profile),
                    kept.file
                )),
                _ => {
                    participant.workflows.insert(path, DeliveredFile { file, edited_by_hand, text: edited_text });
                    Ok(())
                }
            },
            _ => Err("a workflow carries no participant's name. Load it in one folder with that participant's \
                 documents, or load their repository .zip"
                .to_owned()),
        }
    }
}

impl Cohort {
    /// A deck names its author (`render::markdown::DECK_NOTE`), who is added when none of
    /// their documents is loaded yet; one that names nobody (exported without a name)
    /// belongs, like a workflow, to the sole participant whose documents share its folder.
    /// A later one replaces it, as a workflow does.
    fn attach_companion(
        &mut self,
        name: &str,
        author: &Profile,
        companion: DeliveredFile,
        owners: &[Owner],
    ) -> Result<(), String> {
        let file = companion.file.as_str();
        let index = if author.name.trim().is_empty() {
            let owner = sole_owner(owners.iter().filter(|o| o.folder == folder_of(file)));
            owner.and_then(|id| self.participants.iter().position(|p| p.id == id)).ok_or_else(|| {
                format!(
                    "{name} names no participant (it was exported before a name was given). Load it in one \
                     folder with that participant's documents"
                )
            })?
        } else {
            let id = participant_id(author, file);
            self.participants.iter().position(|p| p.id == id).unwrap_or_else(|| {
                self.participants.push(Participant { id, profile: author.clone(), ..Participant::default() });
                self.participants.len() - 1
            })
        };
        let participant = &mut self.participants[index];
        match participant.workflows.get(name) {
            Some(kept) if kept.text == companion.text => {
                Err(format!("{name} is loaded for {} already, from {}", display_name(&participant.profile), kept.file))
            }
            _ => {
                participant.workflows.insert(name.to_owned(), companion);
                Ok(())
            }
        }
    }
}

/// The one participant among `owners`, or none when they are several or none.
fn sole_owner<'a>(owners: impl Iterator<Item = &'a Owner>) -> Option<&'a str> {
    let mut ids: Vec<&str> = owners.map(|owner| owner.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    match ids.as_slice() {
        [id] => Some(id),
        _ => None,
    }
}

/// A generated file found among the chosen ones.
struct Workflow {
    source: usize,
    file: String,
    /// Its path in the `.zip` it came in.
    in_zip: Option<String>,
    edited_by_hand: bool,
    edited_text: Option<String>,
}

/// A chosen file's documents: whose they are, and where the file was.
struct Owner {
    source: usize,
    folder: String,
    id: String,
}

/// The answers in chosen file number `source`, as items, and the workflows in it.
fn collect(source: usize, file: &str, incoming: Incoming, items: &mut Vec<Item>, workflows: &mut Vec<Workflow>) {
    match incoming {
        Incoming::Backup { workbook, saved_at, .. } => {
            for (key, answers) in workbook.exercises {
                if crate::course::find_exercise(&key).is_some() && !answers.values.is_empty() {
                    let delivered = Delivered {
                        answers,
                        file: file.to_owned(),
                        exported_at: saved_at.clone(),
                        edited_by_hand: None,
                        edited_text: None,
                    };
                    items.push(Item {
                        source,
                        file: file.to_owned(),
                        profile: workbook.profile.clone(),
                        key,
                        delivered,
                    });
                }
            }
        }
        Incoming::Deliverable { exercise, profile, answers, exported_at, edited_by_hand, edited_text, .. } => {
            let delivered = Delivered { answers, file: file.to_owned(), exported_at, edited_by_hand, edited_text };
            items.push(Item { source, file: file.to_owned(), profile, key: exercise.key.to_owned(), delivered });
        }
        Incoming::Generated { edited_by_hand, edited_text, .. } => {
            workflows.push(Workflow { source, file: file.to_owned(), in_zip: None, edited_by_hand, edited_text })
        }
        // Taken apart by `Cohort::add`.
        Incoming::Companion { .. } => {}
        Incoming::Repository { documents, generated } => {
            for (_, document) in documents {
                collect(source, file, document, items, workflows);
            }
            workflows.extend(generated.into_iter().map(|stamped| Workflow {
                source,
                file: file.to_owned(),
                in_zip: Some(stamped.path),
                edited_by_hand: stamped.edited_by_hand,
                edited_text: stamped.edited_text,
            }));
        }
    }
}

fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(folder, _)| folder)
}

fn file_name(path: &str) -> &str {
    path.rsplit_once('/').map_or(path, |(_, name)| name)
}

/// Names match whatever their case and spacing; a file with no name is its own participant.
fn participant_id(profile: &Profile, file: &str) -> String {
    let squash = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase();
    let name = squash(&profile.name);
    if name.is_empty() {
        return format!("no name: {file}");
    }
    format!("{name} | {}", squash(&profile.cohort))
}

/// How a participant is shown: their name, or that their files carry none.
pub fn display_name(profile: &Profile) -> String {
    let name = profile.name.trim();
    if name.is_empty() {
        "A participant with no name".to_owned()
    } else {
        name.to_owned()
    }
}

fn sort_key(profile: &Profile) -> (String, String) {
    (profile.name.trim().to_ascii_lowercase(), profile.cohort.trim().to_ascii_lowercase())
}
