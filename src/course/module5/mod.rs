//! Advanced Module 5, Session 2: Advanced DevOps Patterns.
//! Source: shared/course/module-5-session-2-instructor-guide.md ("Homework Preview" gives the
//! per-exercise times, "Expected Deliverables This Session" the files). One folder per
//! exercise: its questions in `mod.rs`, the workflow it writes in `workflow.rs`.

pub(crate) mod deployment;
pub(crate) mod monitoring;
mod pipeline;

use crate::course::*;

pub const MODULE: Module = Module {
    slug: "module-5",
    name: "Module 5",
    title: "Advanced DevOps Patterns",
    session: "Session 2",
    homework_minutes: 75,
    exercises: &[built(deployment::DEPLOYMENT), built(monitoring::MONITORING), built(pipeline::PIPELINE)],
};

/// Module 5's exercises as the browser app has them. Until Module 5 has a page of its own
/// (its own download, so that Module 6 participants do not load it), the app lists its
/// exercises without their content, as "not built yet"; native builds (the tests) have all
/// of it. Without the content, the compiler leaves Module 5's questions and generators out
/// of the download entirely.
const fn built(exercise: Exercise) -> Exercise {
    if cfg!(target_arch = "wasm32") {
        Exercise { sections: &[], criteria: &[], companion: None, files: &[], ..exercise }
    } else {
        exercise
    }
}
