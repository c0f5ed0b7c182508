//! Property tests: whatever a participant types, exporting and importing gives it back
//! exactly. Values are arbitrary Unicode (control characters, markdown, HTML, comment
//! terminators, lone carriage returns) up to very long texts, in every field kind.
//!
//! Deterministic by default, so a red run is a real regression: the cases come from a fixed
//! seed, after the cases in `roundtrip.proptest-regressions` (committed; proptest adds a
//! line there whenever it finds a failure). To explore, pick the count and a new seed:
//! `PROPTEST_CASES=10000 PROPTEST_RNG_SEED=$RANDOM cargo test --release --test roundtrip`.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use workbook::course::{find_exercise, Exercise, FieldKind};
use workbook::import::{self, Incoming};
use workbook::model::{ExerciseAnswers, Profile, Row, Workbook};
use workbook::render::{exercise_markdown, Deliverable};

/// Text a participant could produce, biased towards characters that mean something in
/// markdown, HTML, JSON and our comment block.
fn typed() -> impl Strategy<Value = String> {
    let short = || {
        prop_oneof![
            any::<String>(),
            proptest::string::string_regex(
                r"([-*_#|`<>!\[\]()\\$&;:/\n\r\t ]|-->|<!--|\\u003c|<script>|[a-zé🚀]){0,80}"
            )
            .unwrap(),
        ]
    };
    prop_oneof![
        30 => short(),
        // Very long answers, up to about 100 KB: with a few of them a file passes 5 MB.
        1 => (short(), 100..1000usize).prop_map(|(text, times)| format!("{text}|\n").repeat(times)),
    ]
}

fn answers_for(exercise: &'static Exercise) -> impl Strategy<Value = ExerciseAnswers> {
    let fields: Vec<_> = exercise.fields().filter(|f| f.kind.is_input()).collect();
    proptest::collection::vec((typed(), proptest::collection::vec(typed(), 0..4)), fields.len()).prop_map(
        move |values| {
            let mut answers = ExerciseAnswers::default();
            for (field, (text, cells)) in fields.iter().zip(values) {
                match &field.kind {
                    FieldKind::Table(spec) => {
                        let rows = answers.rows_mut(field.id);
                        for cell in cells {
                            let row: Row = spec.columns.iter().map(|c| (c.id.to_owned(), cell.clone())).collect();
                            rows.push(row);
                        }
                    }
                    _ => answers.set_text(field.id, text),
                }
            }
            answers
        },
    )
}

fn profile() -> impl Strategy<Value = Profile> {
    (typed(), typed(), typed()).prop_map(|(name, cohort, scenario)| Profile { name, cohort, scenario })
}

/// The seed CI uses; any fixed value would do.
const FIXED_SEED: u64 = 20261124;

/// proptest's defaults (which read PROPTEST_CASES), with the fixed seed unless
/// PROPTEST_RNG_SEED names another.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(FIXED_SEED);
    }
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn an_exported_deliverable_imports_back_exactly(answers in answers_for(find_exercise("m6-2.1").unwrap().1), profile in profile(), at in typed()) {
        let (module, exercise) = find_exercise("m6-2.1").unwrap();
        let file = exercise_markdown(&Deliverable { module, exercise, profile: &profile, answers: &answers, others: &Workbook::default(), exported_at: &at });
        let incoming = import::read(exercise.deliverable, file.as_bytes());
        prop_assert!(incoming.is_ok(), "{}", incoming.unwrap_err());
        let Ok(Incoming::Deliverable { answers: back, profile: back_profile, exported_at, edited_by_hand, .. }) = incoming
            else { panic!("not a deliverable") };
        prop_assert_eq!(back, answers);
        prop_assert_eq!(back_profile, profile);
        prop_assert_eq!(exported_at, at);
        prop_assert_eq!(edited_by_hand, Some(false));
    }

    #[test]
    fn a_backup_restores_exactly(answers in answers_for(find_exercise("m6-2.1").unwrap().1), profile in profile(), section in typed()) {
        let mut workbook = Workbook { profile, ..Workbook::default() };
        workbook.exercises.insert("m6-2.1".into(), answers);
        workbook.last_sections.insert("m6-2.1".into(), section);
        let json = workbook::backup::to_json(&workbook, "2026-11-23 10:00 UTC");
        let incoming = import::read("backup.json", json.as_bytes());
        prop_assert!(incoming.is_ok(), "{}", incoming.unwrap_err());
        let Ok(Incoming::Backup { workbook: back, .. }) = incoming else { panic!("not a backup") };
        prop_assert_eq!(back, workbook);
    }
}
