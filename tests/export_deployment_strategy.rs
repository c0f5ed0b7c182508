//! The exported `deployment-strategy.md`, checked in full against `tests/expected/`.
//! To accept an intended change of format: `UPDATE_EXPECTED=1 cargo test`, then review
//! the diff of the expected file like any other change.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use workbook::course::find_exercise;
use workbook::model::{ExerciseAnswers, Profile, Workbook};
use workbook::render::{embedded, exercise_markdown, Deliverable};

mod common;
use common::{deployment_strategy as filled, expect_file, EXPORTED_AT};

fn export(profile: &Profile, answers: &ExerciseAnswers) -> String {
    let (module, exercise) = find_exercise("m6-2.1").unwrap();
    exercise_markdown(&Deliverable {
        module,
        exercise,
        profile,
        answers,
        others: &Workbook::default(),
        exported_at: EXPORTED_AT,
    })
}

#[test]
fn filled_exercise_exports_the_expected_document() {
    let (profile, answers) = filled();
    expect_file("deployment-strategy.md", &export(&profile, &answers));
}

#[test]
fn empty_exercise_marks_every_answer_not_answered() {
    let (_, exercise) = find_exercise("m6-2.1").unwrap();
    let answers = exercise.answers_in(&Workbook::default());
    let doc = export(&Profile::default(), &answers);
    let counted = exercise.fields().filter(|f| workbook::course::progress::counts(f)).count();
    // Every counted field shows the marker at least once (tables show it per empty cell),
    // and so do the three profile lines.
    assert!(doc.matches("_Not answered_").count() >= counted + 3, "{doc}");
    assert!(doc.contains("0 of 9 success criteria met."));
}

/// Headings, tables and the embedded block survive whatever the participant types.
#[test]
fn hostile_text_cannot_break_the_document_structure() {
    let (profile, mut answers) = filled();
    let hostile = "# Heading?\n## Another\n| a | b |\n|---|---|\n```\ncode\n```\n<script>alert(1)</script>\n--> <!-- \n- list\n1. one\n    indented\n> quote\n$x^2$ [link](javascript:alert(1)) ***";
    for field in ["scenario_summary", "hosting_rationale", "rollback_owner", "expected_users", "rollback_procedure"] {
        answers.set_text(field, hostile.into());
    }
    answers.rows_mut("phases")[0].insert("criteria".into(), hostile.into());
    answers.rows_mut("triggers")[1].insert("threshold".into(), hostile.into());
    let profile = Profile { name: hostile.into(), ..profile };
    let doc = export(&profile, &answers);

    let mut headings = Vec::new();
    let mut in_heading = None;
    let mut tables = 0;
    let mut html = Vec::new();
    for event in Parser::new_ext(&doc, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => in_heading = Some((level, String::new())),
            Event::Text(t) => {
                if let Some((_, text)) = in_heading.as_mut() {
                    text.push_str(&t)
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.push(in_heading.take().unwrap()),
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Html(h) | Event::InlineHtml(h) => html.push(h.to_string()),
            Event::Start(Tag::CodeBlock(_))
            | Event::Start(Tag::List(_))
            | Event::Start(Tag::BlockQuote(_))
            | Event::Start(Tag::Link { .. }) => {}
            _ => {}
        }
    }
    let h2: Vec<_> = headings.iter().filter(|(l, _)| *l == HeadingLevel::H2).map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        h2,
        [
            "1. Scenario",
            "2. Hosting model",
            "3. Auto-scaling configuration",
            "4. Rollout phases",
            "5. Migration strategy",
            "6. Rollback plan",
            "Self-check"
        ]
    );
    assert_eq!(headings.iter().filter(|(l, _)| *l == HeadingLevel::H1).count(), 1);
    // Short-answer tables in sections 1, 2, 3 (twice: around the triggers), 5 and 6, plus
    // the triggers and phases tables.
    let clean_tables = Parser::new_ext(&export(&filled().0, &filled().1), pulldown_cmark::Options::ENABLE_TABLES)
        .filter(|e| matches!(e, Event::Start(Tag::Table(_))))
        .count();
    assert_eq!(tables, clean_tables);
    // The only HTML is ours: line breaks in cells and the embedded answers comment.
    assert!(
        html.iter().all(|h| h == "<br>"
            || h.starts_with("<!-- workbook-answers")
            || h.starts_with('{')
            || h.starts_with(' ')
            || h.starts_with('}')
            || h.starts_with("-->")),
        "{html:?}"
    );
    assert!(doc.contains(r"\<script\>alert(1)\</script\>"));

    // And the answers come back exactly, hostile text and all.
    let back = embedded::read(&doc).unwrap().embedded;
    assert_eq!(back.answers, answers);
    assert_eq!(back.profile, profile);
}

#[test]
fn embedded_answers_round_trip() {
    let (profile, answers) = filled();
    let doc = export(&profile, &answers);
    let read = embedded::read(&doc).unwrap();
    assert_eq!(read.migrated_from, None);
    assert_eq!(read.edited_by_hand, Some(false));
    let back = read.embedded;
    assert_eq!(back.exercise, "m6-2.1");
    assert_eq!(back.version, workbook::model::SCHEMA_VERSION);
    assert_eq!(back.exported_at, EXPORTED_AT);
    assert_eq!(back.profile, profile);
    assert_eq!(back.answers, answers);
}

#[test]
fn damaged_documents_say_what_is_wrong() {
    let (profile, answers) = filled();
    let doc = export(&profile, &answers);
    assert_eq!(embedded::read("# Just notes"), Err(embedded::ReadError::Missing));
    let cut = &doc[..doc.len() - 20];
    assert_eq!(embedded::read(cut), Err(embedded::ReadError::Truncated));
    let edited = doc.replace("\"exercise\":\"m6-2.1\"", "\"exercise\":m6");
    assert!(matches!(embedded::read(&edited), Err(embedded::ReadError::Damaged(_))));
    let future = doc.replace("\"version\":2,", "\"version\":99,");
    assert_eq!(embedded::read(&future), Err(embedded::ReadError::FutureVersion(99)));
}

#[test]
fn a_file_edited_by_hand_after_export_is_recognised() {
    let (profile, answers) = filled();
    let doc = export(&profile, &answers);
    let edited = doc.replacen("Northwind", "Southwind", 1);
    assert_ne!(edited, doc);
    let read = embedded::read(&edited).unwrap();
    assert_eq!(read.edited_by_hand, Some(true));
    // The answers are still the exported ones.
    assert_eq!(read.embedded.answers, answers);
    // A checkout that converts line endings is not an edit.
    assert_eq!(embedded::read(&doc.replace('\n', "\r\n")).unwrap().edited_by_hand, Some(false));
}

/// A file exported by version 1 of the format (before the section moved out of the
/// answers, and before edit detection) still imports, migrated.
#[test]
fn a_v1_export_reads_back_migrated() {
    let v1 = include_str!("samples/v1-deployment-strategy.md");
    let read = embedded::read(v1).unwrap();
    assert_eq!(read.migrated_from, Some(1));
    assert_eq!(read.edited_by_hand, None);
    assert_eq!(read.embedded.version, workbook::model::SCHEMA_VERSION);
    assert!(read.embedded.answers.unknown.is_empty(), "{:?}", read.embedded.answers.unknown);
    // The sample was exported from the fixture as it was then: 150,000 requests a day, a
    // $100 budget for 50 instances, triggers at 100 requests a second and 72,000 tokens a
    // minute, and no hybrid pattern (a later field).
    let (profile, mut answers) = filled();
    answers.set_text("requests_per_day", "150,000".into());
    answers.set_text("hourly_budget", "$100".into());
    answers.set_text("max_instances", "50".into());
    let triggers = answers.rows_mut("triggers");
    triggers[0].insert("threshold".into(), "100".into());
    triggers[0].insert("notes".into(), "p95 stays under 5 s".into());
    triggers[1].insert("threshold".into(), "72000".into());
    triggers[1].insert("notes".into(), "80% of the 90k TPM quota".into());
    answers.values.remove("hybrid_pattern");
    assert_eq!(read.embedded.profile, profile);
    assert_eq!(read.embedded.answers, answers);
}

/// The live preview is written from the same blocks as the file: same headings, same
/// tables, and hostile text shows as text.
#[test]
fn preview_has_the_structure_of_the_file() {
    use workbook::render::{exercise_document, html::to_html};
    let (module, exercise) = find_exercise("m6-2.1").unwrap();
    let (profile, mut answers) = filled();
    answers.set_text("hosting_rationale", "<script>alert(1)</script>".into());
    let html = to_html(&exercise_document(&Deliverable {
        module,
        exercise,
        profile: &profile,
        answers: &answers,
        others: &Workbook::default(),
        exported_at: EXPORTED_AT,
    }));
    let markdown = export(&profile, &answers);
    let md_tables = Parser::new_ext(&markdown, pulldown_cmark::Options::ENABLE_TABLES)
        .filter(|e| matches!(e, Event::Start(Tag::Table(_))))
        .count();
    assert_eq!(html.matches("<table>").count(), md_tables);
    assert_eq!(html.matches("<h2>").count(), markdown.lines().filter(|l| l.starts_with("## ")).count());
    assert!(html.contains("<h2>4. Rollout phases</h2>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>"));
}
