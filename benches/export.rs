//! Export time of a fully filled exercise: `cargo bench --bench export`.
//! Every field is answered (long text, tables and all), with the given total amount of
//! typed text; the figure is the median of many exports, with the spread.

mod common;

use common::{ms, sorted_times};

use workbook::course::progress::self_check;
use workbook::course::{find_exercise, Inputs};
use workbook::fixtures::fill;
use workbook::model::{Profile, Workbook};
use workbook::render::bundle::{repository_files, zip};
use workbook::render::{companion_markdown, exercise_markdown, Deliverable};

fn measure(label: &str, run: impl Fn() -> usize) {
    let times = sorted_times(20, 300, run);
    println!(
        "| {label} | {:.3} ms | {:.3} ms | {:.3} ms |",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        ms(times[0])
    );
}

fn main() {
    let (module, exercise) = find_exercise("m6-2.1").expect("Exercise 2.1 exists");
    let profile = Profile { name: "Ada Lovelace".into(), cohort: "2026-B".into(), scenario: "Northwind".into() };
    println!("| export of Exercise 2.1, every field answered | median | p95 | min |\n|---|---:|---:|---:|");
    for kb in [50, 200] {
        let answers = fill(exercise, kb * 1024);
        let typed: usize =
            answers.values.values().map(|v| serde_json::to_string(v).map(|s| s.len()).unwrap_or(0)).sum();
        let others = Workbook::default();
        let at = "2026-11-23 10:00 UTC";
        let deliverable =
            Deliverable { module, exercise, profile: &profile, answers: &answers, others: &others, exported_at: at };
        let size = exercise_markdown(&deliverable).len();
        measure(&format!("{} KB typed → {} KB file", typed / 1024, size / 1024), || {
            exercise_markdown(&deliverable).len()
        });
    }

    // The capstone, with Exercises 2.1 and 2.2 filled too (it carries parts of them, and
    // its checks compare the two).
    println!(
        "\n| export of the Exercise 2.3 capstone, every field answered | median | p95 | min |\n|---|---:|---:|---:|"
    );
    let mut workbook = Workbook { profile: profile.clone(), ..Workbook::default() };
    for key in ["m6-2.1", "m6-2.2"] {
        let (_, other) = find_exercise(key).expect("exists");
        workbook.exercises.insert(key.to_owned(), fill(other, 20 * 1024));
    }
    let (module, capstone) = find_exercise("m6-2.3").expect("Exercise 2.3 exists");
    let answers = fill(capstone, 200 * 1024);
    workbook.exercises.insert(capstone.key.to_owned(), answers.clone());
    let typed: usize = answers.values.values().map(|v| serde_json::to_string(v).map(|s| s.len()).unwrap_or(0)).sum();
    let deliverable = Deliverable::of(module, capstone, &workbook, &answers, "2026-11-23 10:00 UTC");
    let size = exercise_markdown(&deliverable).len();
    measure(&format!("proposal: {} KB typed → {} KB file", typed / 1024, size / 1024), || {
        exercise_markdown(&deliverable).len()
    });
    let inputs = Inputs::new(&answers, &workbook);
    measure("self-check (run by the form on each change)", || self_check(capstone, &inputs).len());
    // The report before the deck: every red flag, the cross-exercise checks included,
    // recomputed by the form as the answers change.
    let Some(workbook::course::FieldKind::Computed(report)) = capstone.field("red_flags").map(|f| &f.kind) else {
        panic!("the capstone has its red-flag report")
    };
    // The form's progress, recomputed on each change: every section's, each with the parts
    // carried from 2.1 and 2.2 merged in (one progress figure everywhere).
    measure("progress of every section, carried parts merged (run by the form on each change)", || {
        let sections = capstone.sections.iter();
        sections.map(|s| workbook::course::progress::section_progress(s, &capstone.answers_in(&workbook)).done).sum()
    });
    let resolved = capstone.answers_in(&workbook);
    let resolved_inputs = Inputs::new(&resolved, &workbook);
    measure("red-flag report (“Before you hand in”)", || (report.compute)(&resolved_inputs).map_or(0, |r| r.len()));
    let deck = companion_markdown(&deliverable).map_or(0, |d| d.len());
    measure(&format!("executive presentation → {} KB file", deck / 1024), || {
        companion_markdown(&deliverable).map_or(0, |d| d.len())
    });

    // Module 5's capstone: the whole repository (five workflows, three docs) as a .zip, as
    // the "Download all" button makes it, from a workbook with every exercise answered.
    println!("\n| Module 5, the capstone's repository | median | p95 | min |\n|---|---:|---:|---:|");
    let workbook = workbook::fixtures::module5_workbook("canary", "kubernetes", "slack");
    let (module, pipeline) = find_exercise("m5-2.3").expect("Exercise 2.3 exists");
    let answers = pipeline.answers_in(&workbook);
    let deliverable = Deliverable::of(module, pipeline, &workbook, &answers, "2026-11-24 10:00 UTC");
    let files = repository_files(&deliverable);
    let archive = zip(&files);
    measure(&format!("all {} files rendered and zipped → {} KB .zip", files.len(), archive.len() / 1024), || {
        zip(&repository_files(&deliverable)).len()
    });
}
