//! The review's own backup: the loaded cohort and every grade and comment in one JSON file,
//! for an instructor to keep outside the browser or to carry to another computer.

use serde::{Deserialize, Serialize};

use super::cohort::Cohort;

/// Identifies a review backup among other JSON files.
pub const FORMAT: &str = "workbook-review-backup";

/// The version of the review's stored and backed-up format.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct ReviewBackup {
    format: String,
    version: u32,
    saved_at: String,
    cohort: Cohort,
}

/// The backup file's contents.
pub fn to_json(cohort: &Cohort, saved_at: &str) -> String {
    let backup = ReviewBackup {
        format: FORMAT.to_owned(),
        version: VERSION,
        saved_at: saved_at.to_owned(),
        cohort: cohort.clone(),
    };
    serde_json::to_string(&backup).expect("a cohort always serializes")
}

/// Whether a file is a review backup (as this module writes them), before reading it.
pub fn is_backup(bytes: &[u8]) -> bool {
    let start = &bytes[..bytes.len().min(64)];
    start.windows(FORMAT.len()).any(|w| w == FORMAT.as_bytes())
}

/// The cohort in a review backup, and when it was saved; or what is wrong with the file, in
/// words an instructor can act on.
pub fn from_json(text: &str) -> Result<(Cohort, String), String> {
    // The header first, alone: what the file is decides the message. Read from text twice
    // rather than through `serde_json::Value`, which would bring a second copy of the
    // cohort's reading code into the page.
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u64>,
    }
    let text = text.trim_start_matches('\u{feff}');
    let header: Header =
        serde_json::from_str(text).map_err(|error| format!("it is not a review backup (not JSON: {error})"))?;
    match header.format.as_deref() {
        Some(FORMAT) => {}
        Some(crate::backup::FORMAT) => {
            return Err("it is a participant's backup: load it with the exported files above".to_owned());
        }
        _ => return Err("it is not a review backup (it has no \"workbook-review-backup\" format)".to_owned()),
    }
    let version = header.version.unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(format!(
            "it was written by a newer Workbook (review format {version}): reload this page to update"
        ));
    }
    let backup: ReviewBackup = serde_json::from_str(text).map_err(|error| format!("it is damaged ({error})"))?;
    Ok((backup.cohort, backup.saved_at))
}

/// `review-backup-2026-11-24-1030.json`.
pub fn file_name(saved_at: &str) -> String {
    crate::backup::file_name(saved_at).replacen("workbook-backup", "review-backup", 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_reads_back_and_other_files_say_what_they_are() {
        let mut cohort = Cohort::default();
        cohort.refused.push(super::super::cohort::Refused { file: "x.md".into(), reason: "broken".into() });
        let json = to_json(&cohort, "2026-11-24 10:30 UTC");
        assert_eq!(from_json(&json), Ok((cohort, "2026-11-24 10:30 UTC".to_owned())));
        assert!(is_backup(json.as_bytes()));
        assert!(!is_backup(crate::backup::to_json(&crate::model::Workbook::default(), "now").as_bytes()));
        assert_eq!(file_name("2026-11-24 10:30 UTC"), "review-backup-2026-11-24-1030.json");
        let participant = crate::backup::to_json(&crate::model::Workbook::default(), "now");
        assert!(from_json(&participant).unwrap_err().contains("participant's backup"));
        assert!(from_json("{}").unwrap_err().contains("not a review backup"));
        assert!(from_json("hello").unwrap_err().contains("not JSON"));
        let newer = json.replace("\"version\":1", "\"version\":9");
        assert!(from_json(&newer).unwrap_err().contains("newer Workbook"));
        let damaged = json.replace("\"refused\":[", "\"refused\":[7,");
        assert!(from_json(&damaged).unwrap_err().contains("damaged"));
    }
}
