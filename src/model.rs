//! The participant's answers: what is stored in the browser and embedded in every export.
//!
//! Answers are kept exactly as typed (numbers too, as text) so that nothing a participant
//! wrote is ever rewritten by the app. Unknown keys are preserved on load so that data
//! written by a newer version survives a round trip through an older one.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
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
///
/// `Deserialize` is written by hand, below: a missing key keeps its default.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Workbook {
    pub schema_version: u32,
    pub profile: Profile,
    /// Keyed by `Exercise::key`.
    pub exercises: BTreeMap<String, ExerciseAnswers>,
    /// The section each exercise was last open at, by exercise key.
    pub last_sections: BTreeMap<String, String>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
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

/// Who is handing the work in; used by every export. `Deserialize` is written by hand,
/// below: a missing key keeps its default, an unknown one is ignored.
#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
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

/// The value of one field: text, or the rows of a table field. Stored untagged (a JSON
/// string or a JSON array), read by the hand-written `Deserialize` below.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(untagged)]
pub enum Value {
    Text(String),
    Rows(Vec<Row>),
}

/// The answers of one exercise.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
pub struct ExerciseAnswers {
    /// Keyed by `Field::id`.
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

// Hand-written `Deserialize` for the three types that serde's derive would read through its
// buffered `Content` machinery (`#[serde(flatten)]` and `#[serde(untagged)]`): every page
// ships this code, and the derive costs about 1 KB gzip more on each (bench/sizes.mjs).
// Behaviour is the derive's: known keys typed (a wrong type is an error), missing keys keep
// their default, unknown keys are kept in `unknown`. The profile's too: the derive's
// field visitor and sequence form (a profile as a JSON array, which nothing writes) were
// 0.4 KB gzip of Module 5's page.

impl<'de> Deserialize<'de> for Profile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ProfileVisitor;
        impl<'de> Visitor<'de> for ProfileVisitor {
            type Value = Profile;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a profile (a JSON object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Profile, A::Error> {
                let mut profile = Profile::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "name" => profile.name = map.next_value()?,
                        "cohort" => profile.cohort = map.next_value()?,
                        "scenario" => profile.scenario = map.next_value()?,
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(profile)
            }
        }
        deserializer.deserialize_map(ProfileVisitor)
    }
}

impl<'de> Deserialize<'de> for Workbook {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WorkbookVisitor;
        impl<'de> Visitor<'de> for WorkbookVisitor {
            type Value = Workbook;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a workbook (a JSON object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Workbook, A::Error> {
                let mut workbook = Workbook::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "schema_version" => workbook.schema_version = map.next_value()?,
                        "profile" => workbook.profile = map.next_value()?,
                        "exercises" => workbook.exercises = map.next_value()?,
                        "last_sections" => workbook.last_sections = map.next_value()?,
                        _ => {
                            let value = map.next_value()?;
                            workbook.unknown.insert(key, value);
                        }
                    }
                }
                Ok(workbook)
            }
        }
        deserializer.deserialize_map(WorkbookVisitor)
    }
}

impl<'de> Deserialize<'de> for ExerciseAnswers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnswersVisitor;
        impl<'de> Visitor<'de> for AnswersVisitor {
            type Value = ExerciseAnswers;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("the answers of an exercise (a JSON object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ExerciseAnswers, A::Error> {
                let mut answers = ExerciseAnswers::default();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "values" {
                        answers.values = map.next_value()?;
                    } else {
                        let value = map.next_value()?;
                        answers.unknown.insert(key, value);
                    }
                }
                Ok(answers)
            }
        }
        deserializer.deserialize_map(AnswersVisitor)
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = Value;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("an answer: text, or a list of table rows")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Value, E> {
                Ok(Value::Text(text.to_owned()))
            }
            fn visit_string<E: de::Error>(self, text: String) -> Result<Value, E> {
                Ok(Value::Text(text))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut rows = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
                while let Some(row) = seq.next_element::<Row>()? {
                    rows.push(row);
                }
                Ok(Value::Rows(rows))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_reads_as_the_derive_read_it() {
        let profile: Profile = serde_json::from_str(r#"{"name":"Ada","later":{"x":[1]},"cohort":"B"}"#).unwrap();
        assert_eq!(profile, Profile { name: "Ada".into(), cohort: "B".into(), scenario: String::new() });
        assert!(serde_json::from_str::<Profile>(r#"{"name":7}"#).is_err(), "a wrong type is an error");
        assert!(serde_json::from_str::<Profile>("[]").is_err());
        let value = serde_json::json!({"scenario": "Northwind"});
        assert_eq!(serde_json::from_value::<Profile>(value).unwrap().scenario, "Northwind");
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let stored = r#"{"schema_version":2,"profile":{"name":"Ada","pronouns":"she"},"exercises":{},"theme":"dark"}"#;
        let workbook: Workbook = serde_json::from_str(stored).unwrap();
        assert_eq!(workbook.profile.name, "Ada");
        let again = serde_json::to_string(&workbook).unwrap();
        assert!(again.contains(r#""theme":"dark""#), "{again}");
    }

    #[test]
    fn answers_keep_text_rows_and_unknown_keys() {
        let stored = r#"{"exercises":{"m6-2.1":{"values":{"a":"text","t":[{"c":"1"},{}]},"flag":true}}}"#;
        let workbook: Workbook = serde_json::from_str(stored).unwrap();
        let answers = &workbook.exercises["m6-2.1"];
        assert_eq!(answers.text("a"), "text");
        assert_eq!(answers.rows("t").len(), 2);
        assert_eq!(answers.rows("t")[0]["c"], "1");
        assert_eq!(answers.unknown["flag"], serde_json::Value::Bool(true));
        assert_eq!(workbook.schema_version, SCHEMA_VERSION);
        let again: Workbook = serde_json::from_str(&serde_json::to_string(&workbook).unwrap()).unwrap();
        assert_eq!(again, workbook);
    }

    #[test]
    fn a_known_key_of_the_wrong_type_is_an_error() {
        for stored in [
            r#"{"schema_version":"two"}"#,
            r#"{"profile":"Ada"}"#,
            r#"{"exercises":{"x":{"values":{"a":5}}}}"#,
            r#"{"exercises":{"x":{"values":{"t":[{"c":5}]}}}}"#,
            r#"[]"#,
        ] {
            assert!(serde_json::from_str::<Workbook>(stored).is_err(), "{stored}");
        }
    }

    #[test]
    fn missing_fields_get_defaults() {
        let workbook: Workbook = serde_json::from_str("{}").unwrap();
        assert_eq!(workbook, Workbook::default());
    }
}
