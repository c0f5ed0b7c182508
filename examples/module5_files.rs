//! Writes every workflow Module 5 can generate, and the scripts they call, into a folder, for
//! actionlint, zizmor and shellcheck to judge
//! (`scripts/test.sh` runs `node scripts/lint-workflows.mjs` over it):
//! `cargo run --example module5_files -- target/generated-workflows`.
//!
//! One repository layout per combination of the choices the forms allow (strategy ×
//! platform, migration on and off), plus one where every typed field holds hostile text:
//! YAML and shell syntax, an expression injection attempt, a pasted API key.

use std::path::Path;

use workbook::course::{find_exercise, FieldKind, Inputs};
use workbook::fixtures::{module5_deployment, module5_monitoring, module5_pipeline, module5_workbook};
use workbook::model::{ExerciseAnswers, Workbook};
use workbook::render::generated;

/// Text meant to break a workflow: YAML indicators and quotes, comment and mapping
/// markers, a line break, shell metacharacters, an expression, and a credential.
const HOSTILE: &str = "a: b # c 'd' \"e\" {f} [g] &h *i !j |k >l %m @n `o` $(p) ${{ github.event.issue.title }}\nq sk-abcdefghijklmnopqrstuvwxyz0123";

fn write(folder: &Path, exercise_key: &str, answers: &ExerciseAnswers) {
    write_in(folder, exercise_key, answers, &Workbook::default());
}

/// Writes exercise `exercise_key`'s files, with `workbook` holding the exercises it reads.
fn write_in(folder: &Path, exercise_key: &str, answers: &ExerciseAnswers, workbook: &Workbook) {
    let (_, exercise) = find_exercise(exercise_key).expect("the exercise exists");
    for file in exercise.files {
        let path = folder.join(file.path);
        std::fs::create_dir_all(path.parent().expect("files sit in folders")).expect("the folder can be made");
        std::fs::write(&path, generated::text(exercise, file, &Inputs::new(answers, workbook)))
            .expect("the file can be written");
    }
    // The scripts those files call, as the .zip ships them (shellcheck judges them too).
    for script in (exercise.scripts)(&Inputs::new(answers, workbook)) {
        let path = folder.join(script.path);
        std::fs::create_dir_all(path.parent().expect("scripts sit in folders")).expect("the folder can be made");
        std::fs::write(&path, script.text).expect("the script can be written");
    }
}

/// `answers` with hostile text in every typed field and table cell (choices kept).
fn hostile(key: &str, mut answers: ExerciseAnswers) -> ExerciseAnswers {
    let (_, exercise) = find_exercise(key).expect("the exercise exists");
    for field in exercise.fields() {
        match &field.kind {
            FieldKind::Choice { .. } => {}
            FieldKind::Table(spec) => {
                for row in answers.rows_mut(field.id) {
                    for column in spec.columns {
                        row.insert(column.id.to_owned(), HOSTILE.to_owned());
                    }
                }
            }
            kind if kind.is_input() => answers.set_text(field.id, HOSTILE.to_owned()),
            _ => {}
        }
    }
    answers
}

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| "target/generated-workflows".to_owned());
    let out = Path::new(&out);
    let _ = std::fs::remove_dir_all(out);
    let mut count = 0;
    for strategy in ["blue-green", "canary"] {
        for platform in ["script", "kubernetes", "azure-webapp"] {
            for migration in [true, false] {
                let mut answers = module5_deployment(strategy, platform);
                if !migration {
                    answers.set_text("migration_command", String::new());
                }
                let name = format!("{strategy}-{platform}{}", if migration { "-migration" } else { "" });
                write(&out.join(name), "m5-2.1", &answers);
                count += 1;
            }
            let answers = hostile("m5-2.1", module5_deployment(strategy, platform));
            write(&out.join(format!("hostile-{strategy}-{platform}")), "m5-2.1", &answers);
            count += 1;
        }
    }
    for platform in ["slack", "discord"] {
        write(&out.join(format!("monitoring-{platform}")), "m5-2.2", &module5_monitoring(platform));
        let answers = hostile("m5-2.2", module5_monitoring(platform));
        write(&out.join(format!("hostile-monitoring-{platform}")), "m5-2.2", &answers);
        count += 2;
    }
    // The capstone: every strategy, platform and plan, the languages and alert platforms in
    // turn, and once with hostile text in all three exercises.
    let languages = ["python", "node", "go", "other"];
    let mut turn = 0;
    for strategy in ["blue-green", "canary"] {
        for platform in ["script", "kubernetes", "azure-webapp"] {
            for plan in ["public", "pro-team", "unprotected"] {
                let mut workbook =
                    module5_workbook(strategy, platform, if turn % 2 == 0 { "slack" } else { "discord" });
                let answers = module5_pipeline(languages[turn % languages.len()], plan);
                workbook.exercises.insert("m5-2.3".into(), answers.clone());
                let name = format!("pipeline-{strategy}-{platform}-{plan}");
                write_in(&out.join(name), "m5-2.3", &answers, &workbook);
                turn += 1;
                count += 1;
            }
        }
    }
    let mut workbook = module5_workbook("canary", "kubernetes", "discord");
    for key in ["m5-2.1", "m5-2.2"] {
        let answers = hostile(key, workbook.exercises[key].clone());
        workbook.exercises.insert(key.into(), answers);
    }
    let answers = hostile("m5-2.3", module5_pipeline("python", "public"));
    workbook.exercises.insert("m5-2.3".into(), answers.clone());
    write_in(&out.join("hostile-pipeline"), "m5-2.3", &answers, &workbook);
    count += 1;
    println!("module5_files: {count} repository layouts written to {}", out.display());
}
