//! An exercise's exported files, made in a worker apart from the page (`src/export_worker.rs`).
//!
//! The exercise pages show the form, the preview and the generated workflows, but write
//! the files they export (the document, the deck, the repository's `.zip`) only when asked.
//! The writers (markdown, the zip, the documents of the exercises carried over) are about
//! 5 KB gzip of each page's download, so they live in a second wasm module that the page
//! fetches on the first export. The page sends a request (this file's text format: the
//! exercise, the file wanted, the time of the export and the workbook as it is stored) and
//! the worker answers with the file, made by the same functions the page used to call.

use super::{bundle, companion_markdown, exercise_markdown, Deliverable};
use crate::course::progress::self_check;
use crate::course::{find_exercise, Inputs};
use crate::model::Workbook;

/// Which of an exercise's exports a request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The exercise's document (`deployment-strategy.md`).
    Document,
    /// The file written beside the document (the capstone's `executive-presentation.md`).
    Companion,
    /// The whole repository layout as a `.zip` (Module 5).
    Repository,
    /// Not a file: the self-check, for the capstone's page, which leaves its checks to the
    /// worker (`module6::capstone::CHECKS_HERE`); written by `check_reply`.
    Check,
}

impl Export {
    fn word(self) -> &'static str {
        match self {
            Export::Document => "document",
            Export::Companion => "companion",
            Export::Repository => "repository",
            Export::Check => "check",
        }
    }

    fn from_word(word: &str) -> Option<Export> {
        [Export::Document, Export::Companion, Export::Repository, Export::Check].into_iter().find(|e| e.word() == word)
    }
}

/// A file made for download.
#[derive(Debug, PartialEq)]
pub struct ExportedFile {
    pub name: String,
    pub contents: Vec<u8>,
}

impl ExportedFile {
    /// The type a download of it is given: an exercise exports markdown or a `.zip`.
    pub fn mime(&self) -> &'static str {
        if self.name.ends_with(".zip") {
            "application/zip"
        } else {
            MARKDOWN
        }
    }
}

pub const MARKDOWN: &str = "text/markdown;charset=utf-8";

/// The request a page sends: three lines (the exercise's key, the export, the time it is
/// stamped with) and the workbook's JSON as the page holds it, unsaved edits included.
/// Plain lines rather than a JSON envelope: the page's download has no serializer for one.
pub fn request(exercise: &str, export: Export, exported_at: &str, workbook_json: &str) -> String {
    format!("{exercise}\n{}\n{exported_at}\n{workbook_json}", export.word())
}

/// The file a request asks for, or what is wrong with the request, in plain words.
pub fn answer(request: &str) -> Result<ExportedFile, String> {
    let mut parts = request.splitn(4, '\n');
    let (Some(key), Some(export), Some(exported_at), Some(json)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("the request to the export worker is incomplete".to_owned());
    };
    let export =
        Export::from_word(export).ok_or_else(|| format!("the export worker has no export named “{export}”"))?;
    let (module, exercise) =
        find_exercise(key).ok_or_else(|| format!("the export worker knows no exercise “{key}”"))?;
    let workbook: Workbook = crate::restore::restore_str(json)
        .map_err(|error| format!("the export worker could not read the answers ({error:?})"))?
        .workbook;
    let answers = exercise.answers_in(&workbook);
    let deliverable = Deliverable::of(module, exercise, &workbook, &answers, exported_at);
    Ok(match export {
        Export::Document => ExportedFile {
            name: exercise.deliverable.to_owned(),
            contents: exercise_markdown(&deliverable).into_bytes(),
        },
        Export::Companion => {
            let companion =
                exercise.companion.as_ref().ok_or_else(|| format!("{} has no companion file", exercise.deliverable))?;
            ExportedFile {
                name: companion.deliverable.to_owned(),
                contents: companion_markdown(&deliverable).unwrap_or_default().into_bytes(),
            }
        }
        Export::Repository => ExportedFile {
            name: bundle::zip_name(&deliverable),
            contents: bundle::zip(&bundle::repository_files(&deliverable)),
        },
        Export::Check => {
            let inputs = Inputs::new(&answers, &workbook);
            let met = self_check(exercise, &inputs).into_iter().map(|(_, met)| met).collect::<Vec<_>>();
            ExportedFile {
                name: String::new(),
                contents: check_reply(&met, &(exercise.red_flags)(&inputs)).into_bytes(),
            }
        }
    })
}

/// The self-check in the worker's reply: a line of `1` (met) and `0` per criterion, then a
/// red flag a line (a flag never holds a line break).
pub fn check_reply(met: &[bool], red_flags: &[String]) -> String {
    let mut reply: String = met.iter().map(|m| if *m { '1' } else { '0' }).collect();
    for flag in red_flags {
        reply.push('\n');
        reply.push_str(&flag.replace('\n', " "));
    }
    reply
}

/// `check_reply` read back: whether each criterion is met, and the red flags.
pub fn read_check_reply(reply: &str) -> (Vec<bool>, Vec<String>) {
    let mut lines = reply.lines();
    let met = lines.next().unwrap_or("").bytes().map(|b| b == b'1').collect();
    (met, lines.map(str::to_owned).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::MODULES;

    /// What a page exported before the worker: the same functions called on the page's
    /// workbook. The worker reads the workbook from its JSON, so this is the round trip.
    fn made_on_the_page(workbook: &Workbook, key: &str, export: Export) -> Vec<u8> {
        let (module, exercise) = find_exercise(key).unwrap();
        let answers = exercise.answers_in(workbook);
        let deliverable = Deliverable::of(module, exercise, workbook, &answers, "2026-12-05 09:30 UTC");
        match export {
            Export::Document => exercise_markdown(&deliverable).into_bytes(),
            Export::Companion => companion_markdown(&deliverable).unwrap().into_bytes(),
            Export::Repository => bundle::zip(&bundle::repository_files(&deliverable)),
            Export::Check => unreachable!("a self-check is no file"),
        }
    }

    #[test]
    fn the_worker_makes_the_files_the_page_made() {
        // Module 5 answered as a participant would, and every field of every exercise filled.
        let mut filled = crate::fixtures::module5_workbook("canary", "kubernetes", "slack");
        for exercise in MODULES[1].exercises {
            filled.exercises.insert(exercise.key.to_owned(), crate::fixtures::fill(exercise, 2_000));
        }
        let workbooks = [Workbook::default(), filled];
        for workbook in &workbooks {
            let json = serde_json::to_string(workbook).unwrap();
            for exercise in MODULES.iter().flat_map(|m| m.exercises.iter()) {
                let mut exports = vec![Export::Document];
                exports.extend(exercise.companion.as_ref().map(|_| Export::Companion));
                exports.extend((!exercise.files.is_empty()).then_some(Export::Repository));
                for export in exports {
                    let file = answer(&request(exercise.key, export, "2026-12-05 09:30 UTC", &json)).unwrap();
                    assert_eq!(
                        file.contents,
                        made_on_the_page(workbook, exercise.key, export),
                        "{} {export:?}",
                        exercise.key
                    );
                    assert!(file.name.ends_with(if export == Export::Repository { ".zip" } else { ".md" }));
                }
            }
        }
    }

    /// The capstone's page shows the worker's self-check: the criteria and red flags the
    /// page would have computed, for an empty workbook and a filled one.
    #[test]
    fn the_worker_checks_what_the_page_would_have_checked() {
        let mut filled = Workbook::default();
        for exercise in MODULES[1].exercises {
            filled.exercises.insert(exercise.key.to_owned(), crate::fixtures::fill(exercise, 2_000));
        }
        for workbook in [Workbook::default(), filled] {
            let json = serde_json::to_string(&workbook).unwrap();
            for exercise in MODULES[1].exercises {
                let reply = answer(&request(exercise.key, Export::Check, "", &json)).unwrap();
                let answers = exercise.answers_in(&workbook);
                let inputs = Inputs::new(&answers, &workbook);
                let met: Vec<bool> = self_check(exercise, &inputs).into_iter().map(|(_, m)| m).collect();
                let flags = (exercise.red_flags)(&inputs);
                assert_eq!(read_check_reply(&String::from_utf8(reply.contents).unwrap()), (met, flags));
            }
        }
        assert_eq!(
            read_check_reply(&check_reply(&[true, false], &["Two\nlines".to_owned()])),
            (vec![true, false], vec!["Two lines".to_owned()])
        );
    }

    #[test]
    fn a_bad_request_says_what_is_wrong() {
        assert_eq!(answer("m5-2.1").unwrap_err(), "the request to the export worker is incomplete");
        assert!(answer("nope\ndocument\nt\n{}").unwrap_err().contains("no exercise “nope”"));
        assert!(answer("m6-2.1\nslides\nt\n{}").unwrap_err().contains("no export named “slides”"));
        let key = MODULES[0].exercises[0].key;
        assert!(answer(&format!("{key}\ndocument\nt\nnot json")).unwrap_err().contains("could not read the answers"));
    }
}
