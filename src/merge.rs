//! The two-tab rule: every tab may edit, and a tab that finds another tab's save merges it
//! instead of writing over it.
//!
//! The merge is three-way and per answer: from the version both tabs started from (`base`),
//! an answer changed in only one tab keeps that change; an answer changed in both keeps the
//! newer text (the caller says which side that is, the same way in both tabs so they
//! agree) and is reported, so the other text can be kept in history and the participant
//! told. Nothing is lost silently.

use serde_json::{Map, Value as Json};

use crate::course::find_exercise;
use crate::model::Workbook;
use crate::restore::exercise_name;

/// The result of merging another tab's save into this tab's answers.
#[derive(Debug, PartialEq)]
pub struct Merged {
    pub workbook: Workbook,
    /// Answers both tabs changed, where this tab's text was kept.
    pub clashes: Vec<Clash>,
}

/// One answer changed in both tabs.
#[derive(Debug, PartialEq, Eq, Clone)]
pub enum Clash {
    Profile {
        field: String,
    },
    Answer {
        exercise: String,
        field: String,
    },
    /// Anything else (data from a newer version, a whole exercise of the wrong shape).
    Other {
        path: String,
    },
}

impl Clash {
    /// Where the clash is, in words: "Client / scenario summary in Exercise 2.1 (Module 6)".
    pub fn describe(&self) -> String {
        match self {
            Clash::Profile { field } => format!("your profile’s {field}"),
            Clash::Answer { exercise, field } => {
                let label =
                    find_exercise(exercise).and_then(|(_, e)| e.field(field)).map_or(field.as_str(), |f| f.label);
                format!("“{label}” in {}", exercise_name(exercise))
            }
            Clash::Other { path } => format!("stored data “{path}”"),
        }
    }

    /// The exercise whose answer clashed, if any.
    pub fn exercise(&self) -> Option<&str> {
        match self {
            Clash::Answer { exercise, .. } => Some(exercise),
            Clash::Other { path } => path.strip_prefix("exercises.").and_then(|rest| rest.split('.').next()),
            Clash::Profile { .. } => None,
        }
    }
}

/// Which side's text an answer changed in both keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Newer {
    Mine,
    Theirs,
}

/// Merges `theirs` (just saved by another tab) into `mine`, both descended from `base`.
pub fn three_way(base: &Workbook, mine: &Workbook, theirs: &Workbook, newer: Newer) -> Merged {
    // Through text rather than `serde_json::to_value`: the app already writes workbooks as
    // text and reads JSON values, while a second serializer would add kilobytes of code to
    // the download for a merge that runs only when two tabs save.
    let [base_json, mine_json, theirs_json] = [base, mine, theirs].map(|w| {
        let text = serde_json::to_string(w).expect("a workbook always serializes");
        serde_json::from_str::<Json>(&text).expect("what was just written reads back")
    });
    let mut clashes = Vec::new();
    let mut path = Vec::new();
    let merged = merge(Some(&base_json), Some(&mine_json), Some(&theirs_json), newer, &mut path, &mut clashes);
    // Every piece came from a valid workbook, so this reads back; fall back to this tab's
    // answers rather than lose them if it ever does not.
    let workbook = merged.and_then(|m| serde_json::from_value(m).ok()).unwrap_or_else(|| mine.clone());
    Merged { workbook, clashes }
}

fn merge(
    base: Option<&Json>,
    mine: Option<&Json>,
    theirs: Option<&Json>,
    newer: Newer,
    path: &mut Vec<String>,
    clashes: &mut Vec<Clash>,
) -> Option<Json> {
    if mine == base || mine == theirs {
        return theirs.cloned();
    }
    if theirs == base {
        return mine.cloned();
    }
    if let (Some(Json::Object(m)), Some(Json::Object(t))) = (mine, theirs) {
        let empty = Map::new();
        let b = match base {
            Some(Json::Object(b)) => b,
            _ => &empty,
        };
        let keys = m.keys().chain(t.keys().filter(|key| !m.contains_key(*key)));
        let mut out = Map::new();
        for key in keys {
            path.push(key.clone());
            if let Some(value) = merge(b.get(key), m.get(key), t.get(key), newer, path, clashes) {
                out.insert(key.clone(), value);
            }
            path.pop();
        }
        return Some(Json::Object(out));
    }
    if let Some(clash) = describe(path) {
        clashes.push(clash);
    }
    match newer {
        Newer::Mine => mine.cloned(),
        Newer::Theirs => theirs.cloned(),
    }
}

/// Names a clash by where it is; `None` for where-you-were state that is not an answer.
fn describe(path: &[String]) -> Option<Clash> {
    match path {
        [first, ..] if first == "last_sections" => None,
        [profile, field] if profile == "profile" => Some(Clash::Profile { field: field.clone() }),
        [exercises, exercise, values, field] if exercises == "exercises" && values == "values" => {
            Some(Clash::Answer { exercise: exercise.clone(), field: field.clone() })
        }
        _ => Some(Clash::Other { path: path.join(".") }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workbook(fields: &[(&str, &str)]) -> Workbook {
        let mut workbook = Workbook::default();
        let answers = workbook.exercises.entry("m6-2.1".into()).or_default();
        for (field, text) in fields {
            answers.set_text(field, (*text).into());
        }
        workbook
    }

    #[test]
    fn edits_to_different_answers_both_survive() {
        let base = workbook(&[("a", "1"), ("b", "1")]);
        let mine = workbook(&[("a", "mine"), ("b", "1")]);
        let mut theirs = workbook(&[("a", "1"), ("b", "theirs"), ("c", "new")]);
        theirs.profile.name = "Ada".into();
        let merged = three_way(&base, &mine, &theirs, Newer::Mine);
        assert!(merged.clashes.is_empty());
        let answers = &merged.workbook.exercises["m6-2.1"];
        assert_eq!((answers.text("a"), answers.text("b"), answers.text("c")), ("mine", "theirs", "new"));
        assert_eq!(merged.workbook.profile.name, "Ada");
    }

    #[test]
    fn the_same_answer_changed_in_both_keeps_the_newer_text_and_reports_it() {
        let base = workbook(&[("a", "1")]);
        let mine = workbook(&[("a", "mine")]);
        let theirs = workbook(&[("a", "theirs")]);
        let merged = three_way(&base, &mine, &theirs, Newer::Mine);
        assert_eq!(merged.workbook, mine);
        assert_eq!(merged.clashes, [Clash::Answer { exercise: "m6-2.1".into(), field: "a".into() }]);
        // Both tabs decide alike: the other tab, merging this one's save, keeps the same text.
        let other_tab = three_way(&base, &theirs, &mine, Newer::Theirs);
        assert_eq!(other_tab.workbook, mine);
        assert_eq!(other_tab.clashes, merged.clashes);
        let real = Clash::Answer { exercise: "m6-2.1".into(), field: "scenario_summary".into() };
        assert_eq!(real.describe(), "“Client / scenario summary” in Exercise 2.1 (Module 6)");
    }

    #[test]
    fn identical_edits_and_navigation_are_not_clashes() {
        let base = workbook(&[("a", "1")]);
        let mut mine = workbook(&[("a", "same")]);
        let mut theirs = workbook(&[("a", "same")]);
        mine.last_sections.insert("m6-2.1".into(), "scaling".into());
        theirs.last_sections.insert("m6-2.1".into(), "rollout".into());
        let merged = three_way(&base, &mine, &theirs, Newer::Mine);
        assert!(merged.clashes.is_empty(), "{:?}", merged.clashes);
        assert_eq!(merged.workbook.last_sections["m6-2.1"], "scaling");
    }

    #[test]
    fn an_answer_cleared_in_the_other_tab_stays_cleared() {
        let base = workbook(&[("a", "1"), ("b", "1")]);
        let mine = workbook(&[("a", "1"), ("b", "mine")]);
        let theirs = workbook(&[("b", "1")]);
        let merged = three_way(&base, &mine, &theirs, Newer::Mine);
        let answers = &merged.workbook.exercises["m6-2.1"];
        assert!(!answers.values.contains_key("a"));
        assert_eq!(answers.text("b"), "mine");
    }

    #[test]
    fn merging_is_stable_once_both_tabs_agree() {
        let base = workbook(&[("a", "1")]);
        let mine = workbook(&[("a", "mine")]);
        let theirs = workbook(&[("b", "theirs")]);
        let merged = three_way(&base, &mine, &theirs, Newer::Mine).workbook;
        // The other tab now receives the merged save: it has no edits of its own, so it
        // takes the merge as is and has nothing new to write back.
        assert_eq!(three_way(&theirs, &theirs, &merged, Newer::Mine).workbook, merged);
    }
}
