//! Turns stored or imported JSON into a [`Workbook`]: older formats are migrated one version
//! at a time, missing fields get defaults, unknown fields are kept, and whatever is readable
//! in damaged data is recovered, with a plain account of what was not.
//!
//! Every path into the app (localStorage, a backup file, the answers embedded in an export)
//! goes through here, so a format change is handled in one place.

use serde_json::{Map, Value as Json};

use crate::course::find_exercise;
use crate::model::{ExerciseAnswers, Profile, Value, Workbook, SCHEMA_VERSION};

/// What came out of restoring a workbook.
#[derive(Debug)]
pub struct Restored {
    pub workbook: Workbook,
    /// The schema version the data was written in, when it was older than this app's.
    pub migrated_from: Option<u32>,
    /// What could not be read and was left out, one entry per problem, in plain words.
    /// Empty when everything was read.
    pub damage: Vec<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// The text is not JSON. `truncated` when it stops in the middle.
    NotJson { message: String, truncated: bool },
    /// JSON, but not an object: nothing of a workbook can be in it.
    NotAnObject,
    /// Written by a newer Workbook; reading it here could lose what that version added.
    FutureVersion(u32),
}

impl std::fmt::Display for RestoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RestoreError::NotJson { truncated: true, .. } => write!(f, "the data stops in the middle (it was cut off)"),
            RestoreError::NotJson { message, .. } => write!(f, "the data is not valid JSON ({message})"),
            RestoreError::NotAnObject => write!(f, "the data is JSON but holds no workbook"),
            RestoreError::FutureVersion(version) => write!(
                f,
                "it was saved by a newer version of the Workbook (format {version}; this version reads up to {SCHEMA_VERSION})"
            ),
        }
    }
}

/// One migration step: rewrites a workbook object of version N into version N + 1.
type Step = fn(&mut Map<String, Json>);

/// `MIGRATIONS[i]` turns version `i + 1` into version `i + 2`. Append a step with every
/// `SCHEMA_VERSION` bump and a test with a stored sample of the old format.
const MIGRATIONS: &[Step] = &[v1_to_v2];

/// v2 keeps the section each exercise was open at in `last_sections`, not in its answers.
fn v1_to_v2(workbook: &mut Map<String, Json>) {
    let mut last_sections = Map::new();
    if let Some(Json::Object(exercises)) = workbook.get_mut("exercises") {
        for (key, answers) in exercises.iter_mut() {
            if let Some(Json::String(section)) = answers.as_object_mut().and_then(|a| a.remove("current_section")) {
                last_sections.insert(key.clone(), Json::String(section));
            }
        }
    }
    workbook.insert("last_sections".into(), Json::Object(last_sections));
}

/// Runs every step from `from` up to the current version, in order.
fn migrate(workbook: &mut Map<String, Json>, from: u32) {
    for step in MIGRATIONS.iter().skip(from.saturating_sub(1) as usize) {
        step(workbook);
    }
    workbook.insert("schema_version".into(), Json::from(SCHEMA_VERSION));
}

/// Reads a workbook from its JSON text.
pub fn restore_str(raw: &str) -> Result<Restored, RestoreError> {
    let json: Json = serde_json::from_str(raw)
        .map_err(|error| RestoreError::NotJson { message: error.to_string(), truncated: error.is_eof() })?;
    restore_value(json)
}

/// Reads a workbook from parsed JSON; see the module documentation.
pub fn restore_value(json: Json) -> Result<Restored, RestoreError> {
    let Json::Object(mut object) = json else { return Err(RestoreError::NotAnObject) };
    let mut damage = Vec::new();
    // Data without a version was not written by the app; read it as the current format.
    let version = match object.get("schema_version") {
        None => SCHEMA_VERSION,
        Some(Json::Number(n)) if n.as_u64().is_some_and(|v| (1..=u64::from(u32::MAX)).contains(&v)) => {
            n.as_u64().unwrap_or_default() as u32
        }
        Some(other) => {
            damage.push(format!("the format version ({other}) is not a version number; read as the current format"));
            SCHEMA_VERSION
        }
    };
    if version > SCHEMA_VERSION {
        return Err(RestoreError::FutureVersion(version));
    }
    migrate(&mut object, version);
    let migrated_from = (version < SCHEMA_VERSION).then_some(version);

    // The common case: everything reads at once.
    if let Ok(workbook) = serde_json::from_value::<Workbook>(Json::Object(object.clone())) {
        return Ok(Restored { workbook, migrated_from, damage });
    }

    // Otherwise take it apart and keep every piece that reads.
    let mut workbook = Workbook::default();
    if let Some(profile) = object.remove("profile") {
        workbook.profile = recover_profile(profile, &mut damage);
    }
    match object.remove("exercises") {
        None => {}
        Some(Json::Object(exercises)) => {
            for (key, answers) in exercises {
                if let Some(answers) = recover_answers(&key, answers, &mut damage) {
                    workbook.exercises.insert(key, answers);
                }
            }
        }
        Some(_) => damage.push("the answers of every exercise (they are not in the expected shape)".into()),
    }
    // Only where each exercise was open, nothing a participant wrote: not worth a warning.
    if let Some(Json::Object(sections)) = object.remove("last_sections") {
        workbook
            .last_sections
            .extend(sections.into_iter().filter_map(|(key, id)| Some((key, id.as_str()?.to_owned()))));
    }
    object.remove("schema_version");
    workbook.unknown.extend(object);
    Ok(Restored { workbook, migrated_from, damage })
}

fn recover_profile(profile: Json, damage: &mut Vec<String>) -> Profile {
    if let Ok(profile) = serde_json::from_value::<Profile>(profile.clone()) {
        return profile;
    }
    let text = |name: &str| profile.get(name).and_then(Json::as_str).map(str::to_owned);
    let recovered = Profile {
        name: text("name").unwrap_or_default(),
        cohort: text("cohort").unwrap_or_default(),
        scenario: text("scenario").unwrap_or_default(),
    };
    damage.push("part of the profile (name, cohort or scenario)".into());
    recovered
}

/// An exercise's answers, field by field when the whole does not read.
fn recover_answers(key: &str, answers: Json, damage: &mut Vec<String>) -> Option<ExerciseAnswers> {
    let name = exercise_name(key);
    if let Ok(answers) = serde_json::from_value::<ExerciseAnswers>(answers.clone()) {
        return Some(answers);
    }
    let Json::Object(mut object) = answers else {
        damage.push(format!("every answer of {name}"));
        return None;
    };
    let mut recovered = ExerciseAnswers::default();
    match object.remove("values") {
        Some(Json::Object(values)) => {
            for (field, value) in values {
                match serde_json::from_value::<Value>(value) {
                    Ok(value) => {
                        recovered.values.insert(field, value);
                    }
                    Err(_) => damage.push(format!("the answer “{}” of {name}", field_label(key, &field))),
                }
            }
        }
        None => {}
        Some(_) => damage.push(format!("every answer of {name}")),
    }
    recovered.unknown.extend(object);
    Some(recovered)
}

/// "Exercise 2.1 (Module 6)", or the raw key for an exercise this version does not know.
pub fn exercise_name(key: &str) -> String {
    match find_exercise(key) {
        Some((module, exercise)) => format!("Exercise {} ({})", exercise.number, module.name),
        None => format!("exercise “{key}”"),
    }
}

/// A field's label for messages, or its id when this version does not know it.
pub fn field_label(key: &str, field: &str) -> String {
    find_exercise(key).and_then(|(_, e)| e.field(field)).map_or_else(|| field.to_owned(), |f| f.label.to_owned())
}

/// Migrates one exercise's answers written in an older format (as embedded in an export).
pub fn migrate_answers(key: &str, answers: Json, from: u32) -> Json {
    let mut exercises = Map::new();
    exercises.insert(key.to_owned(), answers);
    let mut workbook = Map::new();
    workbook.insert("exercises".into(), Json::Object(exercises));
    migrate(&mut workbook, from);
    match workbook.remove("exercises") {
        Some(Json::Object(mut exercises)) => exercises.remove(key).unwrap_or(Json::Null),
        _ => Json::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1_STORED: &str = include_str!("../tests/samples/v1-stored-workbook.json");

    #[test]
    fn a_stored_v1_workbook_migrates_to_the_current_format() {
        let restored = restore_str(V1_STORED).unwrap();
        assert_eq!(restored.migrated_from, Some(1));
        assert!(restored.damage.is_empty(), "{:?}", restored.damage);
        let workbook = restored.workbook;
        assert_eq!(workbook.schema_version, SCHEMA_VERSION);
        assert_eq!(workbook.profile.scenario, "Northwind Insurance");
        // The section moved out of the answers, and nothing else was lost or left behind.
        assert_eq!(workbook.last_sections.get("m6-2.1").map(String::as_str), Some("rollout"));
        let answers = &workbook.exercises["m6-2.1"];
        assert!(answers.unknown.is_empty(), "{:?}", answers.unknown);
        let original: Json = serde_json::from_str(V1_STORED).unwrap();
        let original_values = &original["exercises"]["m6-2.1"]["values"];
        assert_eq!(&serde_json::to_value(&answers.values).unwrap(), original_values);
        assert!(answers.rows("phases").len() >= 3);
    }

    #[test]
    fn current_data_reads_without_migration() {
        let mut workbook = Workbook::default();
        workbook.profile.name = "Ada".into();
        workbook.last_sections.insert("m6-2.1".into(), "scaling".into());
        let restored = restore_str(&serde_json::to_string(&workbook).unwrap()).unwrap();
        assert_eq!(restored.migrated_from, None);
        assert_eq!(restored.workbook, workbook);
    }

    #[test]
    fn unknown_fields_are_kept_at_every_level() {
        let raw = r#"{"schema_version":2,"theme":"dark","profile":{"name":"Ada"},
            "exercises":{"m6-2.1":{"values":{"scenario_summary":"x"},"pinned":true}}}"#;
        let workbook = restore_str(raw).unwrap().workbook;
        assert_eq!(workbook.unknown["theme"], "dark");
        assert_eq!(workbook.exercises["m6-2.1"].unknown["pinned"], true);
        let again = serde_json::to_string(&workbook).unwrap();
        assert!(again.contains(r#""pinned":true"#) && again.contains(r#""theme":"dark""#), "{again}");
    }

    #[test]
    fn a_newer_format_is_refused_rather_than_read_partially() {
        assert_eq!(restore_str(r#"{"schema_version":99}"#).unwrap_err(), RestoreError::FutureVersion(99));
    }

    #[test]
    fn cut_off_data_is_reported_as_truncated() {
        let error = restore_str(&V1_STORED[..V1_STORED.len() / 2]).unwrap_err();
        assert!(matches!(error, RestoreError::NotJson { truncated: true, .. }), "{error:?}");
        assert_eq!(restore_str("[1,2]").unwrap_err(), RestoreError::NotAnObject);
    }

    #[test]
    fn a_wrong_shape_keeps_every_readable_answer_and_names_the_rest() {
        let raw = r#"{"schema_version":2,"profile":{"name":"Ada","cohort":7},
            "exercises":{
              "m6-2.1":{"values":{"scenario_summary":"kept","phases":[{"name":"Pilot"}],"expected_users":42}},
              "m6-2.2":"garbage"}}"#;
        let restored = restore_str(raw).unwrap();
        let workbook = restored.workbook;
        assert_eq!(workbook.profile.name, "Ada");
        let answers = &workbook.exercises["m6-2.1"];
        assert_eq!(answers.text("scenario_summary"), "kept");
        assert_eq!(answers.rows("phases")[0]["name"], "Pilot");
        assert!(!workbook.exercises.contains_key("m6-2.2"));
        assert_eq!(
            restored.damage,
            [
                "part of the profile (name, cohort or scenario)",
                "the answer “Expected users” of Exercise 2.1 (Module 6)",
                "every answer of Exercise 2.2 (Module 6)",
            ],
        );
    }
}
