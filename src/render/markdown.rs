//! Writes a document as GitHub-flavoured markdown, escaping every typed character that
//! could add structure (see `escape`).

use super::document::{exercise_document, Block, Deliverable, Inline};
use super::embedded;
use std::borrow::Cow;

use crate::course::{credentials_in, draft_text, FieldKind, Inputs};
use crate::escape;
use crate::model::{ExerciseAnswers, Value, Workbook};

/// The deliverable file: the document followed by the embedded answers. A credential pasted
/// into an answer (`credentials::find`) never reaches the file: it is replaced by a note
/// naming the secret it belongs in, in the text and in the embedded answers alike (the
/// browser keeps the answer as typed, with a warning beside it).
pub fn exercise_markdown(deliverable: &Deliverable) -> String {
    let answers = without_credentials(deliverable.answers);
    let others = workbook_without_credentials(deliverable.others);
    let deliverable = &Deliverable { answers: &answers, others: &others, ..*deliverable };
    let mut markdown = to_markdown(&exercise_document(deliverable));
    let Deliverable { exercise, profile, answers, others, exported_at, .. } = *deliverable;
    // A carried part not refined here follows its exercise: leave it out, so that loading
    // the file back restores exactly that (and the answers are not written twice).
    let own;
    let answers = if exercise.carried.is_empty() {
        answers
    } else {
        let mut refined = answers.clone();
        refined.values.retain(|id, _| exercise.carried_state(id, others) != Some(crate::course::CarriedState::Follows));
        own = refined;
        &own
    };
    let block = embedded::embed(exercise, profile, answers, exported_at, &markdown);
    markdown.push_str("\n\n");
    markdown.push_str(&block);
    markdown.push('\n');
    markdown
}

/// The answers with every credential replaced by a note; borrowed when there is none.
pub fn without_credentials(answers: &ExerciseAnswers) -> Cow<'_, ExerciseAnswers> {
    if credentials_in(answers).is_empty() {
        return Cow::Borrowed(answers);
    }
    let mut clean = answers.clone();
    let note = |text: &mut String| *text = crate::credentials::replace(text, |name| format!("[{name} removed]"));
    for value in clean.values.values_mut() {
        match value {
            Value::Text(text) => note(text),
            Value::Rows(rows) => rows.iter_mut().flat_map(|row| row.values_mut()).for_each(note),
        }
    }
    Cow::Owned(clean)
}

/// A workbook whose exercises' answers hold no credential; borrowed when none does.
fn workbook_without_credentials(workbook: &Workbook) -> Cow<'_, Workbook> {
    if workbook.exercises.values().all(|answers| credentials_in(answers).is_empty()) {
        return Cow::Borrowed(workbook);
    }
    let mut clean = workbook.clone();
    for answers in clean.exercises.values_mut() {
        *answers = without_credentials(answers).into_owned();
    }
    Cow::Owned(clean)
}

/// An exercise's companion file (the capstone's executive presentation) as a Marp deck:
/// one slide per draft field of the companion section, as edited or as drafted.
pub fn companion_markdown(deliverable: &Deliverable) -> Option<String> {
    let (answers, others) =
        (without_credentials(deliverable.answers), workbook_without_credentials(deliverable.others));
    let Deliverable { exercise, exported_at, .. } = *deliverable;
    let (answers, others) = (answers.as_ref(), others.as_ref());
    let companion = exercise.companion.as_ref()?;
    let section = exercise.section(companion.section)?;
    let inputs = Inputs::new(answers, others);
    let slides: Vec<String> = section
        .fields
        .iter()
        .filter(|f| matches!(f.kind, FieldKind::Draft(_)))
        .map(|f| draft_text(f, &inputs).trim().to_owned())
        .collect();
    let mut deck = String::from("---\nmarp: true\ntheme: default\npaginate: true\n---\n\n");
    // A comment that is not a directive is a presenter note in Marp: it says where the deck
    // came from without showing on a slide.
    deck.push_str(&format!(
        "<!-- Drafted by Workbook v{} from {}, exported {}. -->\n\n",
        crate::APP_VERSION,
        exercise.deliverable,
        exported_at.replace("--", "- -")
    ));
    deck.push_str(&slides.join("\n\n---\n\n"));
    deck.push('\n');
    Some(deck)
}

/// Blocks separated by one blank line; no trailing newline.
pub fn to_markdown(blocks: &[Block]) -> String {
    blocks.iter().map(block).collect::<Vec<_>>().join("\n\n")
}

fn block(block: &Block) -> String {
    match block {
        Block::Heading { level, text } => format!("{} {}", "#".repeat(usize::from(*level)), escape::heading(text)),
        Block::Paragraph(spans) => inlines(spans, escape::inline),
        Block::Typed(text) => escape::block(text),
        Block::List(items) => {
            items.iter().map(|spans| format!("- {}", inlines(spans, escape::inline))).collect::<Vec<_>>().join("\n")
        }
        Block::Checklist(items) => items
            .iter()
            .map(|(done, text)| format!("- [{}] {}", if *done { "x" } else { " " }, escape::inline(text)))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table { header, rows } => {
            let mut lines = vec![
                format!("| {} |", header.iter().map(|h| escape::cell(h)).collect::<Vec<_>>().join(" | ")),
                format!("|{}", "---|".repeat(header.len())),
            ];
            lines.extend(rows.iter().map(|row| {
                format!("| {} |", row.iter().map(|c| inline(c, escape::cell)).collect::<Vec<_>>().join(" | "))
            }));
            lines.join("\n")
        }
        Block::Code { language, code } => escape::code_block(language, code),
        Block::Diagram { mermaid, .. } => escape::code_block("mermaid", mermaid),
        // Each value a JSON string, which YAML reads as a double-quoted scalar: nothing typed
        // can end the block or add a key. `<` and `>` as escapes, so that a renderer that
        // does not know front matter shows no HTML either.
        Block::FrontMatter(entries) => {
            let lines: Vec<String> = entries
                .iter()
                .map(|(key, value)| {
                    let quoted = serde_json::Value::from(value.as_str()).to_string();
                    format!("{key}: {}", quoted.replace('<', "\\u003c").replace('>', "\\u003e"))
                })
                .collect();
            format!("---\n{}\n---", lines.join("\n"))
        }
        Block::Definitions(items) => items
            .iter()
            .map(|(label, value)| {
                // A question keeps its question mark instead of a colon.
                let colon = if label.ends_with('?') { "" } else { ":" };
                format!("**{}{colon}** {}", escape::inline(label), inline(value, escape::inline))
            })
            .collect::<Vec<_>>()
            .join("\\\n"),
    }
}

fn inlines(spans: &[Inline], escape: fn(&str) -> String) -> String {
    spans.iter().map(|span| inline(span, escape)).collect()
}

fn inline(span: &Inline, escape: fn(&str) -> String) -> String {
    match span {
        Inline::Text(text) => escape(text),
        Inline::Strong(text) => format!("**{}**", escape(text)),
        Inline::Emphasis(text) => format!("_{}_", escape(text)),
    }
}
