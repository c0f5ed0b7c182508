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

/// Production deploys the build staging tested, on every platform and plan, and never
/// builds again: Kubernetes the image staging pushed, Azure the app.zip staging kept as an
/// artifact (this run's when staging called production, the run the staging check found
/// when started by hand), your own scripts the build published under the commit's name.
#[test]
fn production_deploys_the_build_staging_tested_and_never_builds_again() {
    use crate::course::module5::deployment::workflow::BUILD_ARTIFACT;
    for platform in ["kubernetes", "azure-webapp", "script"] {
        for plan in ["public", "pro-team", "unprotected"] {
            let mut workbook = module5_workbook("blue-green", platform, "slack");
            workbook.exercises.get_mut("m5-2.3").unwrap().set_text("protection", plan.into());
            let (staging, production) = with(&workbook, |a| (staging_workflow(a), pipeline_production_workflow(a)));
            let deploy = staging.jobs.iter().find(|j| j.id == "deploy").unwrap();
            assert!(deploy.steps.iter().any(|s| s.name == "Build once"), "{platform}: staging builds");
            let steps = &production.jobs[0].steps;
            assert!(!steps.iter().any(|s| s.name == "Build once"), "{platform}, {plan}: production builds again");
            let kept = deploy.steps.iter().find(|s| s.name == "Keep the build for production");
            let fetched = steps.iter().find(|s| s.name == "Fetch the build staging tested");
            match platform {
                "azure-webapp" => {
                    let input = |step: &crate::workflow::Step, name: &str| {
                        let crate::workflow::Action::Uses { with, .. } = &step.action else { panic!("an action") };
                        with.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap()
                    };
                    let (kept, fetched) = (kept.unwrap(), fetched.unwrap());
                    assert_eq!(
                        (input(kept, "name"), input(kept, "path")),
                        (BUILD_ARTIFACT.to_owned(), "app.zip".to_owned())
                    );
                    assert_eq!(input(fetched, "name"), BUILD_ARTIFACT);
                    assert_eq!(input(fetched, "run-id"), "${{ steps.staging.outputs.run || github.run_id }}");
                    // Fetched before anything is deployed, after the staging check.
                    let at = |name: &str| steps.iter().position(|s| s.name.starts_with(name)).unwrap();
                    assert!(
                        at("Check that staging passed") < at("Fetch the build")
                            && at("Fetch the build") < at("Deploy to the idle slot")
                    );
                }
                "kubernetes" => {
                    assert!(kept.is_none() && fetched.is_none());
                    assert!(steps.iter().any(|s| s.name == "Use the image staging built"));
                }
                _ => assert!(kept.is_none() && fetched.is_none(), "{platform}: the build is published as $IMAGE"),
            }
        }
    }
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
