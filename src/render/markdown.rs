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
    // Carried parts not refined here ride along as shown, marked as following their
    // exercise (see `Embedded::follows`).
    let mut follows = Vec::new();
    if cfg!(feature = "client-documents") {
        for id in exercise.carried.iter().flat_map(|c| c.fields.iter()) {
            if answers.values.contains_key(*id)
                && exercise.carried_state(id, others) == Some(crate::course::CarriedState::Follows)
            {
                follows.push((*id).to_owned());
            }
        }
    }
    let block = embedded::embed(exercise, profile, answers, exported_at, &markdown, follows);
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
    let note = |text: &mut String| *text = crate::credentials::replace(text, crate::credentials::removal_note);
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
    let Deliverable { exercise, profile, exported_at, .. } = *deliverable;
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
    // Where the deck came from, and whose it is (the review files it with its author's
    // capstone, see `import::read_companion`), as a YAML comment in the front matter: on no
    // slide and in no presenter note (Marp makes an HTML comment one).
    let mut deck = format!(
        "---\nmarp: true\ntheme: default\npaginate: true\n# {DECK_NOTE}{}\n---\n\n",
        deck_origin(profile, exercise.deliverable, exported_at)
    );
    deck.push_str(&slides.join("\n\n---\n\n"));
    deck.push('\n');
    // Drawings on slides are a client deck's (Module 6's capstone).
    Some(if cfg!(feature = "client-documents") { with_drawings(deck, exercise, &inputs) } else { deck })
}

/// Opens the note in a deck's front matter that says where it came from.
pub const DECK_NOTE: &str = "Drafted by Workbook v";

/// The rest of that note: the version, whose deck it is (name and cohort), the document it
/// was drafted from and when, on one line. `--` never appears (decks before this version had
/// the note in an HTML comment, which it would end).
fn deck_origin(profile: &crate::model::Profile, deliverable: &str, exported_at: &str) -> String {
    let (name, cohort) = (profile.name.trim(), profile.cohort.trim());
    let mut origin = crate::APP_VERSION.to_owned();
    if !name.is_empty() {
        origin.push_str(" for ");
        origin.push_str(name);
    }
    if !name.is_empty() && !cohort.is_empty() {
        origin.push_str(", cohort ");
        origin.push_str(cohort);
    }
    origin.push_str(&format!(" from {deliverable}, exported {exported_at}."));
    origin.replace("--", "- -").replace(['\n', '\r'], " ")
}

/// A slide shows a drawing of the exercise (the architecture, the rollout timeline) by an
/// image pointing at the field: `![Architecture](#architecture_diagram)`. The file gets the
/// drawing itself, an SVG image inline (Marp shows an `<img>` with a data URL; a markdown
/// image may not use one), so it is as current as the answers at export.
fn with_drawings(deck: String, exercise: &crate::course::Exercise, inputs: &Inputs) -> String {
    let mut out = String::with_capacity(deck.len());
    let mut rest = deck.as_str();
    while let Some(open) = rest.find("![") {
        let after = &rest[open + 2..];
        // `alt](#field)`: the image's text and the field it points at.
        let target = after.find("](#").and_then(|close| Some((close, after[close + 3..].split(')').next()?)));
        let drawn = target.and_then(|(close, id)| {
            let field = exercise.field(id).filter(|f| matches!(f.kind, FieldKind::Diagram(_) | FieldKind::Chart(_)))?;
            Some((close, id, field))
        });
        let Some((close, id, field)) = drawn else {
            out.push_str(&rest[..open + 2]);
            rest = after;
            continue;
        };
        out.push_str(&rest[..open]);
        let alt = &after[..close];
        match super::document::field_body(field, inputs) {
            super::document::Block::Diagram { svg, .. } => {
                out.push_str("<img src=\"data:image/svg+xml;base64,");
                out.push_str(&base64(crate::diagram::standalone_svg(&svg).as_bytes()));
                out.push_str("\" alt=\"");
                out.push_str(&escape::html(alt));
                out.push_str("\">");
            }
            _ => {
                out.push('_');
                out.push_str(&escape::inline(alt));
                out.push_str(": not drawn yet._");
            }
        }
        rest = &after[close + 3 + id.len() + 1..];
    }
    out.push_str(rest);
    out
}

/// Standard base64 (RFC 4648, padded).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            let c = if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] } else { b'=' };
            out.push(char::from(c));
        }
    }
    out
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
        #[cfg(feature = "client-documents")]
        // Each value a JSON string, which YAML reads as a double-quoted scalar: nothing typed
        // can end the block or add a key. `<` and `>` as escapes, so that a renderer that
        // does not know front matter shows no HTML either.
        Block::FrontMatter(entries) => {
            let lines: Vec<String> = entries
                .iter()
                .map(|(key, value)| {
                    let quoted = serde_json::to_string(value).unwrap_or_default();
                    format!("{key}: {}", quoted.replace('<', "\\u003c").replace('>', "\\u003e"))
                })
                .collect();
            format!("---\n{}\n---", lines.join("\n"))
        }
        #[cfg(feature = "client-documents")]
        // Lines ending in a backslash: CommonMark's hard line break.
        Block::Definitions(items) => {
            items.iter().map(|spans| inlines(spans, escape::inline)).collect::<Vec<_>>().join("\\\n")
        }
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

#[cfg(test)]
mod tests {
    #[test]
    fn base64_is_rfc_4648() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(super::base64(plain.as_bytes()), encoded);
        }
    }
}
