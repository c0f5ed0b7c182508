//! The participant's answers: what is stored in the browser and embedded in every export.
//!
//! Answers are kept exactly as typed (numbers too, as text) so that nothing a participant
//! wrote is ever rewritten by the app. Unknown keys are preserved on load so that data
//! written by a newer version survives a round trip through an older one.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Version of the stored and exported answer format. Bump it and add a step to
/// `restore::MIGRATIONS` when a change would make older data load wrongly.
///
/// - 1: first release.
/// - 2: the section a participant was on moved out of the answers into
///   [`Workbook::last_sections`]: it is where they were, not what they answered, so it no
///   longer travels in exports, shows up in import previews or collides between two tabs.
pub const SCHEMA_VERSION: u32 = 2;

/// Everything the app stores: the profile and the answers of every exercise.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Workbook {
    #[serde(default = "current_schema")]
    pub schema_version: u32,
    #[serde(default)]
    pub profile: Profile,
    /// Keyed by `Exercise::key`.
    #[serde(default)]
    pub exercises: BTreeMap<String, ExerciseAnswers>,
    /// The section each exercise was last open at, by exercise key.
    #[serde(default)]
    pub last_sections: BTreeMap<String, String>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

fn current_schema() -> u32 {
    SCHEMA_VERSION
}

impl Default for Workbook {
    fn default() -> Self {
        Workbook {
            schema_version: SCHEMA_VERSION,
            profile: Profile::default(),
            exercises: BTreeMap::new(),
            last_sections: BTreeMap::new(),
            unknown: BTreeMap::new(),
        }
    }
}

/// Who is handing the work in; used by every export.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default)]
pub struct Profile {
    pub name: String,
    pub cohort: String,
    /// Client or scenario name the participant's work is about.
    pub scenario: String,
}

impl Profile {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && self.cohort.trim().is_empty() && self.scenario.trim().is_empty()
    }
}

/// One row of a table field: cell text by column id.
pub type Row = BTreeMap<String, String>;

/// The value of one field.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(untagged)]
pub enum Value {
    Text(String),
    Rows(Vec<Row>),
}

/// The answers of one exercise.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct ExerciseAnswers {
    /// Keyed by `Field::id`.
    #[serde(default)]
    pub values: BTreeMap<String, Value>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl ExerciseAnswers {
    /// Text of a field, empty when unanswered (or when the field holds rows).
    pub fn text(&self, field: &str) -> &str {
        match self.values.get(field) {
            Some(Value::Text(text)) => text,
            _ => "",
        }
    }

    /// Whether a text field has something other than white space.
    pub fn has(&self, field: &str) -> bool {
        !self.text(field).trim().is_empty()
    }

    /// A numeric field parsed leniently: `1,000`, `$2.50` and ` 3 ` all read as numbers.
    pub fn number(&self, field: &str) -> Option<f64> {
        crate::numbers::parse_number(self.text(field))
    }

    /// The options chosen in a multiple-choice field.
    pub fn selected(&self, field: &str) -> Vec<&str> {
        self.text(field).lines().map(str::trim).filter(|v| !v.is_empty()).collect()
    }

    pub fn rows(&self, field: &str) -> &[Row] {
        match self.values.get(field) {
            Some(Value::Rows(rows)) => rows,
            _ => &[],
        }
    }

    pub fn set_text(&mut self, field: &str, text: String) {
        self.values.insert(field.to_owned(), Value::Text(text));
    }

    pub fn rows_mut(&mut self, field: &str) -> &mut Vec<Row> {
        let value = self.values.entry(field.to_owned()).or_insert_with(|| Value::Rows(Vec::new()));
        if !matches!(value, Value::Rows(_)) {
            *value = Value::Rows(Vec::new());
        }
        match value {
            Value::Rows(rows) => rows,
            Value::Text(_) => unreachable!("replaced above"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let stored = r#"{"schema_version":2,"profile":{"name":"Ada","pronouns":"she"},"exercises":{},"theme":"dark"}"#;
        let workbook: Workbook = serde_json::from_str(stored).unwrap();
        assert_eq!(workbook.profile.name, "Ada");
        let again = serde_json::to_string(&workbook).unwrap();
        assert!(again.contains(r#""theme":"dark""#), "{again}");
    }

    #[test]
    fn missing_fields_get_defaults() {
        let workbook: Workbook = serde_json::from_str("{}").unwrap();
        assert_eq!(workbook, Workbook::default());
    }
}
