//! The full backup: one JSON file with the profile and every exercise's answers, for a
//! participant to keep outside the browser (clearing browser data deletes the workbook).

use serde::{Deserialize, Serialize};

use crate::model::{Workbook, SCHEMA_VERSION};

/// Identifies a Workbook backup among other JSON files.
pub const FORMAT: &str = "workbook-backup";

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Backup {
    pub format: String,
    /// The answer schema version (`model::SCHEMA_VERSION` when the backup was made).
    pub version: u32,
    pub app_version: String,
    pub saved_at: String,
    pub workbook: Workbook,
}

/// The backup file's contents.
pub fn to_json(workbook: &Workbook, saved_at: &str) -> String {
    let backup = Backup {
        format: FORMAT.to_owned(),
        version: SCHEMA_VERSION,
        app_version: crate::APP_VERSION.to_owned(),
        saved_at: saved_at.to_owned(),
        workbook: workbook.clone(),
    };
    serde_json::to_string(&backup).expect("a workbook always serializes")
}

/// A file name that sorts by date and says what it is: `workbook-backup-2026-11-23-1000.json`.
pub fn file_name(saved_at: &str) -> String {
    let stamp: String = saved_at.chars().filter(|c| c.is_ascii_digit()).take(12).collect();
    match stamp.len() {
        12 => format!("workbook-backup-{}-{}-{}-{}.json", &stamp[..4], &stamp[4..6], &stamp[6..8], &stamp[8..]),
        _ => "workbook-backup.json".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::find_exercise;

    #[test]
    fn a_backup_carries_the_whole_workbook() {
        let (_, exercise) = find_exercise("m6-2.1").unwrap();
        let mut workbook = Workbook::default();
        workbook.profile.name = "Ada".into();
        exercise.answers_in_mut(&mut workbook).set_text("scenario_summary", "<b>-->".into());
        let json = to_json(&workbook, "2026-11-23 10:00 UTC");
        let back: Backup = serde_json::from_str(&json).unwrap();
        assert_eq!(back.format, FORMAT);
        assert_eq!(back.version, SCHEMA_VERSION);
        assert_eq!(back.workbook, workbook);
    }

    #[test]
    fn file_names_sort_by_date() {
        assert_eq!(file_name("2026-11-23 10:05 UTC"), "workbook-backup-2026-11-23-1005.json");
        assert_eq!(file_name("unknown"), "workbook-backup.json");
    }
}
