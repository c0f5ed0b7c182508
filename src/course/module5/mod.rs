//! Advanced Module 5, Session 2: Advanced DevOps Patterns.
//! Source: shared/course/module-5-session-2-instructor-guide.md ("Homework Preview" gives the
//! per-exercise times, "Expected Deliverables This Session" the files). One folder per
//! exercise: its questions in `mod.rs`, the workflow it writes in `workflow.rs`.

pub(crate) mod deployment;
pub(crate) mod monitoring;
mod pipeline;
mod red_flags;
pub(crate) mod scripts;

use crate::course::*;

pub const MODULE: Module = Module {
    slug: "module-5",
    name: "Module 5",
    title: "Advanced DevOps Patterns",
    session: "Session 2",
    homework_minutes: 75,
    page: "module-5/",
    grading_page: "review/module-5/",
    docs: "docs/",
    exercises: &[built(deployment::DEPLOYMENT), built(monitoring::MONITORING), built(pipeline::PIPELINE)],
};

/// An exercise in full when this build holds Module 5 (its own page, and the tests),
/// otherwise listed only: the compiler then leaves its questions and generators out.
/// The scripts the workflows call are only in the exported `.zip`, which the export worker
/// writes (`render::export`): the pages leave them out (a function named in a static is
/// linked in whether it is called or not), the worker and the native tests keep them.
const fn built(exercise: Exercise) -> Exercise {
    if !cfg!(feature = "module5") {
        exercise.listed()
    } else if cfg!(feature = "worker") || !cfg!(target_arch = "wasm32") {
        exercise
    } else {
        Exercise { scripts: no_scripts, ..exercise }
    }
}
