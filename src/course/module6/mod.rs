//! Advanced Module 6, Session 2: Production Deployment & Operations.
//! Source: shared/course/module-6-session-2-instructor-guide.md. One file (or folder) per
//! exercise.

mod capstone;
mod deployment_strategy;
mod operations_runbook;

use crate::course::{Exercise, Module};

pub const MODULE: Module = Module {
    slug: "module-6",
    name: "Module 6",
    title: "Production Deployment & Operations",
    session: "Session 2",
    homework_minutes: 75,
    page: "",
    grading_page: "review/participant/",
    docs: "",
    exercises: &[
        built(deployment_strategy::DEPLOYMENT_STRATEGY),
        built(operations_runbook::OPERATIONS_RUNBOOK),
        capstone_built(capstone::CAPSTONE),
    ],
};

/// An exercise in full when this build holds Module 6 (the main page, and the tests),
/// otherwise listed only: the compiler then leaves its questions and figures out.
const fn built(exercise: Exercise) -> Exercise {
    if cfg!(feature = "module6") {
        exercise
    } else {
        exercise.listed()
    }
}

/// The capstone in full where the build has it (its own page, the restore and review pages,
/// and the tests), otherwise listed only: the page of Exercises 2.1 and 2.2 leaves its
/// proposal, calculators and deck out.
const fn capstone_built(exercise: Exercise) -> Exercise {
    if cfg!(feature = "capstone") {
        exercise
    } else {
        exercise.listed()
    }
}
