//! The machine-readable copy of the answers inside every exported document.
//!
//! It sits in an HTML comment at the end of the file: invisible on GitHub and in any
//! markdown viewer, and enough for the app to load the file back exactly. Inside the JSON
//! every `<` and `>` is written as a `\u003c`/`\u003e` escape, so no answer can contain the
//! `-->` that would end the comment early.

use serde::{Deserialize, Serialize};

use crate::course::Exercise;
use crate::model::{ExerciseAnswers, Profile, SCHEMA_VERSION};

/// Opens the comment; the reader looks for the last one in a file.
pub const MARKER: &str = "<!-- workbook-answers";
/// Identifies our JSON among other tools' comments.
const FORMAT: &str = "workbook-answers";

/// What the comment carries.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Embedded {
    pub format: String,
    /// The answer schema version (`model::SCHEMA_VERSION` at export time).
    pub version: u32,
    pub app_version: String,
    pub exercise: String,
    pub exported_at: String,
    pub profile: Profile,
    pub answers: ExerciseAnswers,
}

/// The comment block, without a trailing newline.
pub fn embed(exercise: &Exercise, profile: &Profile, answers: &ExerciseAnswers, exported_at: &str) -> String {
    let payload = Embedded {
        format: FORMAT.to_owned(),
        version: SCHEMA_VERSION,
        app_version: crate::APP_VERSION.to_owned(),
        exercise: exercise.key.to_owned(),
        exported_at: exported_at.to_owned(),
        profile: profile.clone(),
        answers: answers.clone(),
    };
    let json = serde_json::to_string_pretty(&payload).expect("answers always serialize");
    let json = json.replace('<', "\\u003c").replace('>', "\\u003e");
    format!("{MARKER}: the Workbook app reads this block to load the file back; edits here are not shown.\n{json}\n-->")
}

/// Why a document's embedded answers could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    /// No Workbook block: not exported by this app, or the block was deleted.
    Missing,
    /// The block starts but never ends: the file was cut off.
    Truncated,
    /// The block is there but its JSON does not parse: it was edited or damaged.
    Damaged(String),
    /// Written by a newer Workbook than this one.
    FutureVersion(u32),
}

/// Reads the embedded answers back out of an exported document.
pub fn read(document: &str) -> Result<Embedded, ReadError> {
    let start = document.rfind(MARKER).ok_or(ReadError::Missing)?;
    let block = &document[start..];
    let end = block.find("-->").ok_or(ReadError::Truncated)?;
    let body = &block[..end];
    let json = body.split_once('\n').map(|(_, json)| json).ok_or(ReadError::Truncated)?;
    let embedded: Embedded = serde_json::from_str(json).map_err(|e| ReadError::Damaged(e.to_string()))?;
    if embedded.format != FORMAT {
        return Err(ReadError::Missing);
    }
    if embedded.version > SCHEMA_VERSION {
        return Err(ReadError::FutureVersion(embedded.version));
    }
    Ok(embedded)
}
