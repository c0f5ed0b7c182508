//! Advanced Module 6, Session 2: Production Deployment & Operations.
//! Source: shared/course/module-6-session-2-instructor-guide.md. One file (or folder) per
//! exercise.

mod capstone;
mod deployment_strategy;
mod operations_runbook;

use crate::course::Module;

pub const MODULE: Module = Module {
    slug: "module-6",
    name: "Module 6",
    title: "Production Deployment & Operations",
    session: "Session 2",
    homework_minutes: 75,
    exercises: &[deployment_strategy::DEPLOYMENT_STRATEGY, operations_runbook::OPERATIONS_RUNBOOK, capstone::CAPSTONE],
};
