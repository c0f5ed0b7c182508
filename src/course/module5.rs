//! Advanced Module 5, Session 2: Advanced DevOps Patterns.
//! Source: shared/course/module-5-session-2-instructor-guide.md ("Homework Preview" gives the
//! per-exercise times, "Expected Deliverables This Session" the files).

use super::*;

pub const MODULE: Module = Module {
    slug: "module-5",
    name: "Module 5",
    title: "Advanced DevOps Patterns",
    session: "Session 2",
    homework_minutes: 75,
    exercises: &[
        Exercise {
            key: "m5-2.1",
            number: "2.1",
            title: "Deployment Strategy",
            summary: "Implement blue-green or canary deployment in a production workflow, with its design doc and rollback procedure.",
            deliverable: "deploy-production.yml",
            minutes: Some(30),
            sections: &[],
            companion: None,
            criteria: &[],
        },
        Exercise {
            key: "m5-2.2",
            number: "2.2",
            title: "Monitoring & Alerting",
            summary: "A scheduled health-check workflow with alerts to Slack or Discord through a webhook.",
            deliverable: "monitoring.yml",
            minutes: Some(25),
            sections: &[],
            companion: None,
            criteria: &[],
        },
        Exercise {
            key: "m5-2.3",
            number: "2.3",
            title: "Capstone: Complete CI/CD Pipeline",
            summary: "The complete .github/workflows/ directory with environments, secrets and protection rules.",
            deliverable: ".github/workflows/",
            minutes: Some(20),
            sections: &[],
            companion: None,
            criteria: &[],
        },
    ],
};
