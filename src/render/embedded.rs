//! The machine-readable copy of the answers inside every exported document.
//!
//! It sits in an HTML comment at the end of the file: invisible on GitHub and in any
//! markdown viewer, and enough for the app to load the file back exactly. Inside the JSON
//! every `<` and `>` is written as a `\u003c`/`\u003e` escape, so no answer can contain the
//! `-->` that would end the comment early.
//!
//! The block also carries a digest of the visible text above it, so that a file edited by
//! hand after export is recognised on import (the answers, not the edited text, are what
//! the app loads back).

use serde::{Deserialize, Serialize};

use crate::course::Exercise;
use crate::model::{ExerciseAnswers, Profile, SCHEMA_VERSION};
use crate::restore::migrate_answers;

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
    /// [`digest`] of the document above the block; absent in files from before version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_digest: Option<String>,
    /// Parts carried from other exercises (`Exercise::carried`) that were not refined: they
    /// are in `answers`, so the file stands on its own for a reviewer, and loading the file
    /// back into a workbook lets them follow their exercise again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follows: Vec<String>,
}

/// A fingerprint of a document's visible text, to notice edits (not a security measure).
/// Line endings and trailing space are normalised first: a checkout that turns `\n` into
/// `\r\n` is not an edit.
pub fn digest(body: &str) -> String {
    // 64-bit FNV-1a: tiny, dependency-free and plenty to tell an edited file from its export.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in body.trim_end().bytes().filter(|b| *b != b'\r') {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}

/// The comment block, without a trailing newline. `body` is the document it will follow.
pub fn embed(
    exercise: &Exercise,
    profile: &Profile,
    answers: &ExerciseAnswers,
    exported_at: &str,
    body: &str,
    follows: Vec<String>,
) -> String {
    let payload = Embedded {
        format: FORMAT.to_owned(),
        version: SCHEMA_VERSION,
        app_version: crate::APP_VERSION.to_owned(),
        exercise: exercise.key.to_owned(),
        exported_at: exported_at.to_owned(),
        profile: profile.clone(),
        answers: answers.clone(),
        body_digest: Some(digest(body)),
        follows,
    };
    // One line: the answers ride along for the app, not for a reader of the file.
    let json = serde_json::to_string(&payload).expect("answers always serialize");
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

/// A document's embedded answers, read back.
#[derive(Debug, PartialEq)]
pub struct Read {
    pub embedded: Embedded,
    /// The version the answers were written in, when older than this app's (they were migrated).
    pub migrated_from: Option<u32>,
    /// `Some(true)` when the visible text no longer matches the export; `None` for files
    /// exported before edits could be detected.
    pub edited_by_hand: Option<bool>,
}

/// Reads the embedded answers back out of an exported document.
pub fn read(document: &str) -> Result<Read, ReadError> {
    let start = document.rfind(MARKER).ok_or(ReadError::Missing)?;
    let block = &document[start..];
    let end = block.find("-->").ok_or(ReadError::Truncated)?;
    let json = block[..end].split_once('\n').map(|(_, json)| json).ok_or(ReadError::Truncated)?;
    let mut json: serde_json::Value = serde_json::from_str(json).map_err(|e| ReadError::Damaged(e.to_string()))?;
    if json.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ReadError::Missing);
    }
    let version =
        json.get("version").and_then(|v| v.as_u64()).ok_or_else(|| ReadError::Damaged("no version".into()))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > SCHEMA_VERSION {
        return Err(ReadError::FutureVersion(version));
    }
    if version < SCHEMA_VERSION {
        let key = json.get("exercise").and_then(|k| k.as_str()).unwrap_or_default().to_owned();
        let answers = json.get_mut("answers").map(serde_json::Value::take).unwrap_or_default();
        json["answers"] = migrate_answers(&key, answers, version);
        json["version"] = SCHEMA_VERSION.into();
    }
    let embedded: Embedded = serde_json::from_value(json).map_err(|e| ReadError::Damaged(e.to_string()))?;
    let edited_by_hand = embedded.body_digest.as_ref().map(|expected| *expected != digest(&document[..start]));
    Ok(Read { embedded, migrated_from: (version < SCHEMA_VERSION).then_some(version), edited_by_hand })
}
