//! Recent snapshots of each exercise, so a participant can go back: taken at each export,
//! every few minutes of editing, and before anything replaces answers (an import, a
//! restore, a clash with another tab). Restoring a snapshot first snapshots the current
//! answers, so a restore is itself undoable.
//!
//! History lives apart from the workbook (its own storage key): it never slows down or
//! endangers saving the answers, and it can be trimmed when storage runs short.

use serde::{Deserialize, Serialize};

use crate::model::ExerciseAnswers;

/// Editing snapshots are at least this far apart.
pub const EDIT_INTERVAL_MS: f64 = 5.0 * 60.0 * 1000.0;
/// Snapshots kept per exercise; older ones go first.
pub const PER_EXERCISE: usize = 12;

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct History {
    /// Oldest first.
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// Unique within the history: restore buttons refer to it.
    pub id: u64,
    /// Exercise key.
    pub exercise: String,
    /// Milliseconds since the Unix epoch.
    pub taken_ms: f64,
    /// Why it was taken, shown in the list: "Exported deployment-strategy.md".
    pub reason: String,
    pub answers: ExerciseAnswers,
}

impl History {
    /// Adds a snapshot unless it would repeat the exercise's latest one; returns whether it
    /// was added. Keeps at most [`PER_EXERCISE`] per exercise.
    pub fn record(&mut self, exercise: &str, answers: &ExerciseAnswers, reason: &str, now_ms: f64) -> bool {
        if self.latest(exercise).is_some_and(|s| s.answers == *answers) {
            return false;
        }
        let id = self.snapshots.iter().map(|s| s.id + 1).max().unwrap_or(1);
        self.snapshots.push(Snapshot {
            id,
            exercise: exercise.to_owned(),
            taken_ms: now_ms,
            reason: reason.to_owned(),
            answers: answers.clone(),
        });
        let count = self.snapshots.iter().filter(|s| s.exercise == exercise).count();
        if count > PER_EXERCISE {
            let mut excess = count - PER_EXERCISE;
            self.snapshots.retain(|s| {
                let drop = excess > 0 && s.exercise == exercise;
                excess -= usize::from(drop);
                !drop
            });
        }
        true
    }

    /// Whether an editing snapshot of this exercise is due: [`EDIT_INTERVAL_MS`] after its
    /// latest snapshot, or after `editing_since` (when this visit began) if it has none.
    pub fn edit_snapshot_due(&self, exercise: &str, now_ms: f64, editing_since: f64) -> bool {
        let last = self.latest(exercise).map_or(editing_since, |s| s.taken_ms.max(editing_since));
        now_ms - last >= EDIT_INTERVAL_MS
    }

    /// The exercise's snapshots, newest first.
    pub fn of<'a>(&'a self, exercise: &'a str) -> impl Iterator<Item = &'a Snapshot> + 'a {
        self.snapshots.iter().rev().filter(move |s| s.exercise == exercise)
    }

    /// The newest snapshot of every exercise: what can be recovered when the stored
    /// answers themselves cannot be read.
    pub fn latest_of_each(&self) -> Vec<&Snapshot> {
        // A map rather than a sort: it orders by exercise with less code in the download.
        let mut latest = std::collections::BTreeMap::new();
        for snapshot in self.snapshots.iter().rev() {
            latest.entry(snapshot.exercise.as_str()).or_insert(snapshot);
        }
        latest.into_values().collect()
    }

    pub fn find(&self, id: u64) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.id == id)
    }

    fn latest(&self, exercise: &str) -> Option<&Snapshot> {
        self.snapshots.iter().rev().find(|s| s.exercise == exercise)
    }

    /// Drops the oldest snapshots (of any exercise) until the serialized history fits in
    /// `max_bytes`, keeping at least the newest one of each exercise where possible.
    pub fn trim_to(&mut self, max_bytes: usize) {
        while self.snapshots.len() > 1 && serde_json::to_string(self).map_or(0, |s| s.len()) > max_bytes {
            // The oldest snapshot of an exercise that has more than one, else the oldest.
            let index = (0..self.snapshots.len())
                .find(|&i| self.snapshots.iter().filter(|s| s.exercise == self.snapshots[i].exercise).count() > 1)
                .unwrap_or(0);
            self.snapshots.remove(index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(text: &str) -> ExerciseAnswers {
        let mut answers = ExerciseAnswers::default();
        answers.set_text("scenario_summary", text.into());
        answers
    }

    #[test]
    fn records_changes_only_and_newest_first() {
        let mut history = History::default();
        assert!(history.record("m6-2.1", &answers("a"), "Exported", 0.0));
        assert!(!history.record("m6-2.1", &answers("a"), "Exported again", 10.0), "identical to the latest");
        assert!(history.record("m6-2.1", &answers("b"), "Editing", 20.0));
        assert!(history.record("m6-2.2", &answers("a"), "Editing", 30.0));
        let reasons: Vec<_> = history.of("m6-2.1").map(|s| s.reason.as_str()).collect();
        assert_eq!(reasons, ["Editing", "Exported"]);
        let ids: Vec<_> = history.snapshots.iter().map(|s| s.id).collect();
        assert_eq!(ids, [1, 2, 3]);
    }

    #[test]
    fn the_latest_of_each_exercise_is_what_can_be_recovered() {
        let mut history = History::default();
        history.record("m6-2.2", &answers("old"), "Editing", 0.0);
        history.record("m6-2.1", &answers("only"), "Editing", 1.0);
        history.record("m6-2.2", &answers("new"), "Exported", 2.0);
        let latest: Vec<_> = history
            .latest_of_each()
            .iter()
            .map(|s| (s.exercise.as_str(), s.answers.text("scenario_summary")))
            .collect();
        assert_eq!(latest, [("m6-2.1", "only"), ("m6-2.2", "new")]);
    }

    #[test]
    fn editing_snapshots_are_spaced_out() {
        let mut history = History::default();
        // Not on the first keystroke of a visit: a few minutes into it.
        assert!(!history.edit_snapshot_due("m6-2.1", 10.0, 0.0));
        assert!(history.edit_snapshot_due("m6-2.1", EDIT_INTERVAL_MS, 0.0));
        history.record("m6-2.1", &answers("a"), "Editing", 1_000.0);
        assert!(!history.edit_snapshot_due("m6-2.1", 1_000.0 + EDIT_INTERVAL_MS - 1.0, 0.0));
        assert!(history.edit_snapshot_due("m6-2.1", 1_000.0 + EDIT_INTERVAL_MS, 0.0));
        // A snapshot from an earlier visit does not make one due at once.
        assert!(!history.edit_snapshot_due("m6-2.1", 10_000_000.0, 10_000_000.0 - 5.0));
    }

    #[test]
    fn keeps_a_bounded_number_per_exercise() {
        let mut history = History::default();
        history.record("other", &answers("kept"), "Editing", 0.0);
        for i in 0..PER_EXERCISE + 5 {
            history.record("m6-2.1", &answers(&i.to_string()), "Editing", i as f64);
        }
        assert_eq!(history.of("m6-2.1").count(), PER_EXERCISE);
        assert_eq!(history.of("m6-2.1").last().unwrap().answers.text("scenario_summary"), "5");
        assert_eq!(history.of("other").count(), 1);
    }

    #[test]
    fn trimming_drops_the_oldest_but_keeps_each_exercise_latest() {
        let mut history = History::default();
        for i in 0..6 {
            history.record("m6-2.1", &answers(&"x".repeat(1000 + i)), "Editing", i as f64);
        }
        history.record("m6-2.2", &answers(&"y".repeat(1000)), "Editing", 10.0);
        history.trim_to(2_500);
        assert!(serde_json::to_string(&history).unwrap().len() <= 2_500);
        assert_eq!(history.of("m6-2.1").count(), 1);
        assert_eq!(history.of("m6-2.1").next().unwrap().answers.text("scenario_summary").len(), 1005);
        assert_eq!(history.of("m6-2.2").count(), 1);
    }
}
