use super::workflows::{pipeline_production_workflow, staging_workflow};
use super::*;
use crate::fixtures::module5_workbook;
use crate::model::Workbook;
use crate::workflow::Trigger;

fn with<T>(workbook: &Workbook, f: impl FnOnce(&Inputs) -> T) -> T {
    let answers = PIPELINE.answers_in(workbook);
    f(&Inputs::new(&answers, workbook))
}

fn unmet(workbook: &Workbook) -> Vec<&'static str> {
    with(workbook, |a| crate::course::progress::self_check(&PIPELINE, a))
        .into_iter()
        .filter(|(_, met)| !*met)
        .map(|(text, _)| text)
        .collect()
}

#[test]
fn the_whole_module_answered_meets_every_criterion() {
    let workbook = module5_workbook("canary", "kubernetes", "discord");
    assert!(unmet(&workbook).is_empty(), "{:?}", unmet(&workbook));
}

#[test]
fn the_capstone_waits_for_the_exercises_and_the_settings() {
    let criterion = |i: usize| PIPELINE.criteria[i].text;
    let mut workbook = module5_workbook("blue-green", "script", "slack");
    workbook.exercises.get_mut("m5-2.1").unwrap().set_text("rollback_owner", String::new());
    assert_eq!(unmet(&workbook), [criterion(0)], "Exercise 2.1 incomplete");
    let mut workbook = module5_workbook("blue-green", "script", "slack");
    workbook.exercises.get_mut("m5-2.3").unwrap().set_text("done", "staging-environment\nprotection".into());
    assert_eq!(unmet(&workbook), [criterion(1), criterion(2), criterion(4)]);
}

#[test]
fn production_is_a_job_of_the_staging_run_once_staging_passed() {
    let workbook = module5_workbook("blue-green", "kubernetes", "slack");
    let (staging, production) = with(&workbook, |a| (staging_workflow(a), pipeline_production_workflow(a)));
    // No workflow_run: staging calls production, after its own deploy job.
    let call = staging.jobs.iter().find(|j| j.id == "production").unwrap();
    assert_eq!(call.uses.as_deref(), Some("./.github/workflows/deploy-production.yml"));
    assert_eq!(call.needs, ["deploy"]);
    assert_eq!(call.permissions, production.jobs[0].permissions, "the called job gets what it needs, no more");
    // Each secret production reads is passed by name, and declared by production.
    let passed: Vec<&str> = call.secrets.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(passed, ["KUBE_CONFIG", "DATABASE_URL", "AI_API_KEY"]);
    assert_eq!(call.secrets[2].1, "${{ secrets.AI_API_KEY }}");
    assert_eq!(
        production.on,
        [
            Trigger::WorkflowCall { secrets: vec!["KUBE_CONFIG".into(), "DATABASE_URL".into(), "AI_API_KEY".into()] },
            Trigger::manual()
        ]
    );
    assert_eq!(production.jobs[0].environment.as_ref().unwrap().name, "production");
    // Called, staging passed in this run; by hand, the check runs.
    let check = production.jobs[0].steps.iter().find(|s| s.name == "Check that staging passed this commit").unwrap();
    assert_eq!(check.condition.as_deref(), Some("github.workflow != 'Deploy to staging'"));
    // Staging: validate and test called first, then the same platform's sign-in and build.
    let deploy = staging.jobs.iter().find(|j| j.id == "deploy").unwrap();
    assert_eq!(deploy.needs, ["validate", "test"]);
    let names: Vec<_> = deploy.steps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Check that every secret is set",
            "Name the image (registries take lowercase names only)",
            "Check out the commit being deployed",
            "Sign in to the container registry",
            "Connect to the cluster",
            "Build once",
            "Give the app its secrets",
            "Deploy to staging",
            "Smoke test staging"
        ]
    );
    assert_eq!(staging.jobs[0].uses.as_deref(), Some("./.github/workflows/validate.yml"));
}

/// GitHub's plans (../shared/notes/module5-facts.md): required reviewers exist in public
/// repositories and on Enterprise only. Elsewhere production never deploys by itself.
#[test]
fn production_waits_for_reviewers_where_the_plan_has_them_and_starts_by_hand_elsewhere() {
    let cases = [
        // plan, starts after staging, environments, secrets live
        ("public", true, true, "Environment secret"),
        ("enterprise", true, true, "Environment secret"),
        ("pro-team", false, true, "Environment secret"),
        ("unprotected", false, false, "Repository secret"),
        // Unanswered, or the first version's "protected" (public or any paid plan, reviewers
        // or not): never a deploy no one approved.
        ("", false, true, "Environment secret"),
        ("protected", false, true, "Environment secret"),
    ];
    for (plan, after_staging, environments, secrets) in cases {
        let mut workbook = module5_workbook("canary", "kubernetes", "slack");
        workbook.exercises.get_mut("m5-2.3").unwrap().set_text("protection", plan.into());
        let (staging, production) = with(&workbook, |a| (staging_workflow(a), pipeline_production_workflow(a)));
        let expected_triggers = if after_staging {
            vec![
                Trigger::WorkflowCall {
                    secrets: vec![
                        "KUBE_CONFIG".into(),
                        "DATABASE_URL".into(),
                        "AI_API_KEY".into(),
                        "PROMETHEUS_URL".into(),
                    ],
                },
                Trigger::manual(),
            ]
        } else {
            vec![Trigger::manual()]
        };
        assert_eq!(production.on, expected_triggers, "{plan}");
        assert_eq!(production.jobs[0].environment.is_some(), environments, "{plan}");
        let staging_job = staging.jobs.iter().find(|j| j.id == "deploy").unwrap();
        assert_eq!(staging_job.environment.is_some(), environments, "{plan}");
        assert_eq!(
            staging.jobs.iter().any(|j| j.id == "production"),
            after_staging,
            "{plan}: staging calls production"
        );
        let scopes = with(&workbook, |a| settings::secret_scopes(a).unwrap());
        assert!(scopes.rows[0][1].starts_with(secrets), "{plan}: {scopes:?}");
        let gate = with(&workbook, settings::production_gate);
        match plan {
            "" | "protected" => assert_eq!(gate, None, "asked (again) until answered"),
            "public" | "enterprise" => {
                assert!(gate.unwrap().starts_with("Required reviewers (@northwind/claims-leads)"))
            }
            _ => assert!(gate.unwrap().contains("@northwind/claims-leads start it by hand"), "{plan}"),
        }
    }
}

#[test]
fn the_diagram_draws_the_gate_and_the_alerts() {
    let workbook = module5_workbook("canary", "script", "discord");
    let drawing = with(&workbook, |a| settings::pipeline_diagram(a).unwrap());
    assert!(drawing.mermaid.contains("Approval by required reviewers"), "{}", drawing.mermaid);
    assert!(drawing.mermaid.contains("Deploy to production (canary)"));
    assert!(drawing.mermaid.contains("Discord #35;claims-oncall"), "{}", drawing.mermaid);
    assert!(drawing.svg.contains("Discord #claims-oncall"));
    assert!(drawing.svg.starts_with("<svg"));
}
