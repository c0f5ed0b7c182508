//! The import limit is the largest file the app can export: every file the app exports, it
//! imports back. The bound (`import::MAX_BYTES`) is the browser's storage quota times the
//! most bytes a stored character of an answer becomes in any file, plus what a document
//! adds around the answers. These tests measure that factor over every field of every
//! exercise, and then export and import the largest workbook a browser can save.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use workbook::course::{Exercise, FieldKind, Module, MAX_ROWS, MODULES};
use workbook::import::{
    self, Incoming, DOCUMENT_ALLOWANCE, EXPORT_BYTES_PER_STORED_UNIT, MAX_BYTES, STORAGE_QUOTA_UNITS,
};
use workbook::model::{Row, Workbook};
use workbook::render::{bundle, companion_markdown, exercise_markdown, Deliverable};

/// Characters that grow the most somewhere: escaped in markdown and in the embedded JSON
/// (`<`, `|`, `\`, `"`), several UTF-8 bytes for one stored unit (`€`, `🚀`), JSON escapes
/// (control characters, line breaks), and what Mermaid labels replace.
const PROBES: &[&str] = &["<", "€", "🚀", "\u{1}", "\n", "\r\n", "\"", "\\", "|", "&", "#", ":", "-", "a"];

/// The localStorage key the workbook is saved under: it counts against the quota too.
const STORAGE_KEY: &str = "workbook";

/// The workbook as stored, in UTF-16 code units (what the browser's quota counts).
fn stored_units(workbook: &Workbook) -> usize {
    serde_json::to_string(workbook).unwrap().encode_utf16().count()
}

/// Every file the app exports from `workbook`: each built exercise's files (see
/// `files_of`) and the full backup, as (name, bytes).
fn exported_files(workbook: &Workbook) -> Vec<(String, Vec<u8>)> {
    exported_files_of(workbook, |_| true)
}

/// The full backup and the files of the built exercises `wanted` accepts (by key).
fn exported_files_of(workbook: &Workbook, wanted: impl Fn(&str) -> bool) -> Vec<(String, Vec<u8>)> {
    let mut files =
        vec![("backup.json".to_owned(), workbook::backup::to_json(workbook, common::EXPORTED_AT).into_bytes())];
    for module in MODULES {
        for exercise in module.exercises.iter().filter(|e| e.is_built() && wanted(e.key)) {
            files.extend(files_of(module, exercise, workbook));
        }
    }
    files
}

/// What one exercise exports: its deliverable, its companion, its generated files and the
/// repository .zip.
fn files_of(module: &Module, exercise: &Exercise, workbook: &Workbook) -> Vec<(String, Vec<u8>)> {
    let answers = exercise.answers_in(workbook);
    let deliverable = Deliverable::of(module, exercise, workbook, &answers, common::EXPORTED_AT);
    let mut files = vec![(exercise.deliverable.to_owned(), exercise_markdown(&deliverable).into_bytes())];
    if let (Some(companion), Some(text)) = (&exercise.companion, companion_markdown(&deliverable)) {
        files.push((companion.deliverable.to_owned(), text.into_bytes()));
    }
    if !exercise.files.is_empty() {
        let repository = bundle::repository_files(&deliverable);
        files.push((bundle::zip_name(&deliverable), bundle::zip(&repository)));
        let generated = repository.into_iter().filter(|f| f.path.ends_with(".yml"));
        files.extend(generated.map(|f| (f.path, f.contents.into_bytes())));
    }
    files
}

/// Module 6 and Module 5 answered in full: the base every probe is typed into.
fn both_modules() -> Workbook {
    let mut workbook = common::module_6();
    let module5 = workbook::fixtures::module5_workbook("canary", "kubernetes", "slack");
    workbook.exercises.extend(module5.exercises);
    workbook
}

/// Where typed text can go: a profile line, a text field, or a column of a table's first row.
#[derive(Clone, Copy, Debug)]
enum Place {
    Profile(usize),
    Field { exercise: &'static str, field: &'static str, column: Option<&'static str> },
}

fn every_place() -> Vec<Place> {
    let mut places: Vec<Place> = (0..3).map(Place::Profile).collect();
    for exercise in MODULES.iter().flat_map(|m| m.exercises.iter()).filter(|e| e.is_built()) {
        for field in exercise.fields().filter(|f| f.kind.is_input()) {
            match &field.kind {
                FieldKind::Table(spec) => places.extend(spec.columns.iter().map(|c| Place::Field {
                    exercise: exercise.key,
                    field: field.id,
                    column: Some(c.id),
                })),
                _ => places.push(Place::Field { exercise: exercise.key, field: field.id, column: None }),
            }
        }
    }
    places
}

/// `workbook` with `text` typed at `place`.
fn with_text(workbook: &Workbook, place: Place, text: String) -> Workbook {
    let mut workbook = workbook.clone();
    match place {
        Place::Profile(0) => workbook.profile.name = text,
        Place::Profile(1) => workbook.profile.cohort = text,
        Place::Profile(_) => workbook.profile.scenario = text,
        Place::Field { exercise, field, column } => {
            let exercise = workbook::course::find_exercise(exercise).unwrap().1;
            let answers = exercise.answers_in_mut(&mut workbook);
            match column {
                Some(column) => {
                    let rows = answers.rows_mut(field);
                    if rows.is_empty() {
                        rows.push(Row::new());
                    }
                    rows[0].insert(column.to_owned(), text);
                }
                None => answers.set_text(field, text),
            }
        }
    }
    workbook
}

/// The exercises whose files change with the text typed at `place`: the place's own, and
/// any that shows it too (the capstone carries parts of 2.1 and 2.2; the profile is in every
/// file). Found once per place with every probe at once, so that each probe exports only
/// these exercises' files: the others cannot grow, and exporting them too took the
/// measurement from 8 s to 22 s. Should a probe grow a file this misses, the worst case
/// found would fall below `EXPORT_BYTES_PER_STORED_UNIT` and the test comparing the two fails.
fn exercises_showing(base: &Workbook, place: Place) -> Vec<&'static str> {
    let every_probe = PROBES.concat();
    let (short, long) = (with_text(base, place, every_probe.clone()), with_text(base, place, every_probe.repeat(2)));
    let mut showing = Vec::new();
    for module in MODULES {
        for exercise in module.exercises.iter().filter(|e| e.is_built()) {
            if files_of(module, exercise, &short) != files_of(module, exercise, &long) {
                showing.push(exercise.key);
            }
        }
    }
    showing
}

/// The largest growth of any exported file per stored unit of `probe` typed at `place`,
/// measured between two lengths so that everything else cancels out. Only the backup and
/// the files of the exercises `showing` the place are exported.
fn growth(base: &Workbook, place: Place, showing: &[&str], probe: &str) -> (f64, String) {
    let (short, long) = (with_text(base, place, probe.repeat(40)), with_text(base, place, probe.repeat(80)));
    let units = (stored_units(&long) - stored_units(&short)) as f64;
    let wanted = |key: &str| showing.contains(&key);
    exported_files_of(&short, wanted)
        .into_iter()
        .zip(exported_files_of(&long, wanted))
        .map(|((name, a), (_, b))| ((b.len() as f64 - a.len() as f64) / units, name))
        .fold((0.0, String::new()), |best, next| if next.0 > best.0 { next } else { best })
}

/// The place and character that grow an export the most, with that growth: measured once
/// (it exports every file of both modules some thousand times) and shared by the tests.
fn worst_case() -> &'static (f64, Place, &'static str, String) {
    static WORST: std::sync::OnceLock<(f64, Place, &'static str, String)> = std::sync::OnceLock::new();
    WORST.get_or_init(|| measure_worst_case(&both_modules()))
}

fn measure_worst_case(base: &Workbook) -> (f64, Place, &'static str, String) {
    let mut worst = (0.0, Place::Profile(0), "", String::new());
    for place in every_place() {
        let showing = exercises_showing(base, place);
        for probe in PROBES {
            let (ratio, file) = growth(base, place, &showing, probe);
            if ratio > worst.0 {
                worst = (ratio, place, *probe, file);
            }
        }
    }
    worst
}

/// Module 6 answered in full, every table at its most rows (the rows added are empty, so
/// each shows "Not answered" cells).
fn full_workbook_with_the_longest_tables() -> Workbook {
    let mut workbook = both_modules();
    for exercise in MODULES.iter().flat_map(|m| m.exercises.iter()).filter(|e| e.is_built()) {
        let answers = exercise.answers_in_mut(&mut workbook);
        for field in exercise.fields() {
            if let FieldKind::Table(_) = field.kind {
                answers.rows_mut(field.id).resize_with(MAX_ROWS, Row::new);
            }
        }
    }
    workbook
}

#[test]
fn no_stored_character_becomes_more_bytes_in_a_file_than_the_limit_allows() {
    let &(ratio, place, probe, ref file) = worst_case();
    assert!(
        ratio <= EXPORT_BYTES_PER_STORED_UNIT as f64 + 0.01,
        "{probe:?} typed at {place:?} grows {file} by {ratio:.2} bytes per stored unit: raise \
         import::EXPORT_BYTES_PER_STORED_UNIT (and with it the import limit) or write it less often"
    );
    // The constant is the measurement, not a guess with room to spare.
    assert!(
        ratio >= EXPORT_BYTES_PER_STORED_UNIT as f64 - 0.01,
        "the worst case is now {ratio:.2} ({probe:?} at {place:?})"
    );
}

#[test]
fn a_document_with_every_table_at_its_most_rows_fits_the_allowance() {
    let workbook = full_workbook_with_the_longest_tables();
    for (name, bytes) in exported_files(&workbook) {
        assert!(bytes.len() <= DOCUMENT_ALLOWANCE, "{name}: {} bytes", bytes.len());
    }
}

/// The bound itself: the worst text at the worst place, filling the browser's quota, on top
/// of every table at its most rows. Each file is within the limit and imports back exactly.
#[test]
fn the_largest_workbook_a_browser_saves_exports_files_that_import_back() {
    let base = full_workbook_with_the_longest_tables();
    let &(_, place, probe, _) = worst_case();
    let room = STORAGE_QUOTA_UNITS - STORAGE_KEY.len();
    let empty = with_text(&base, place, String::new());
    let probe_units =
        probe.encode_utf16().count().max(serde_json::to_string(probe).unwrap().encode_utf16().count() - 2);
    let workbook = with_text(&base, place, probe.repeat((room - stored_units(&empty)) / probe_units));
    assert!(room - stored_units(&workbook) < probe_units, "the workbook fills the quota");

    for (name, bytes) in exported_files(&workbook) {
        assert!(bytes.len() <= MAX_BYTES, "{name} is {} bytes, over the import limit of {MAX_BYTES}", bytes.len());
        let same_answers = |incoming: &Incoming| match incoming {
            Incoming::Deliverable { exercise, answers, profile, .. } => {
                *answers == exercise.answers_in(&workbook) && *profile == workbook.profile
            }
            _ => false,
        };
        match import::read(&name, &bytes) {
            Ok(Incoming::Backup { workbook: back, .. }) => assert!(back == workbook, "{name} restores differently"),
            Ok(incoming @ Incoming::Deliverable { .. }) => {
                assert!(same_answers(&incoming), "{name}: the answers differ")
            }
            Ok(Incoming::Repository { documents, .. }) => {
                assert!(documents.iter().all(|(_, d)| same_answers(d)), "{name}: a document's answers differ")
            }
            // A workflow carries no answers; it is recognised and unedited.
            Ok(Incoming::Generated { edited_by_hand, .. }) => assert!(!edited_by_hand, "{name}"),
            // The deck carries no answers; it is recognised as the author's.
            Ok(Incoming::Companion { author, .. }) => {
                assert_eq!(
                    (author.name.as_str(), author.cohort.as_str()),
                    (workbook.profile.name.trim(), workbook.profile.cohort.trim()),
                    "{name}"
                )
            }
            Err(error) => panic!("{error}"),
        }
    }
}
