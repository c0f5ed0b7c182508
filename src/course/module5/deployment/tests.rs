use super::workflow::{production_workflow, stages, Stage, Start};
use super::*;
use crate::fixtures::module5_deployment;
use crate::model::{ExerciseAnswers, Workbook};
use crate::workflow::{to_yaml, Action};

fn met(answers: &ExerciseAnswers) -> Vec<&'static str> {
    let workbook = Workbook::default();
    crate::course::progress::self_check(&DEPLOYMENT, &Inputs::new(answers, &workbook))
        .into_iter()
        .filter(|(_, met)| *met)
        .map(|(text, _)| text)
        .collect()
}

fn inputs<T>(answers: &ExerciseAnswers, f: impl FnOnce(&Inputs) -> T) -> T {
    f(&Inputs::new(answers, &Workbook::default()))
}

#[test]
fn a_finished_exercise_meets_every_criterion_for_both_strategies() {
    for strategy in ["blue-green", "canary"] {
        let answers = module5_deployment(strategy, "kubernetes");
        assert_eq!(met(&answers).len(), DEPLOYMENT.criteria.len(), "{strategy}");
        let progress = crate::course::progress::exercise_progress(&DEPLOYMENT, &answers);
        assert!(progress.is_complete(), "{strategy}: {progress:?}");
    }
}

#[test]
fn each_criterion_fails_on_what_it_checks() {
    let unmet = |change: &dyn Fn(&mut ExerciseAnswers)| {
        let mut answers = module5_deployment("canary", "script");
        change(&mut answers);
        DEPLOYMENT.criteria.iter().map(|c| c.text).filter(|t| !met(&answers).contains(t)).collect::<Vec<_>>()
    };
    let criterion = |index: usize| DEPLOYMENT.criteria[index].text;
    // Each change leaves its own criterion unmet (and, with a section no longer answered,
    // the checks that judge the whole exercise wait for it too).
    assert!(unmet(&|a| a.set_text("strategy_rationale", " ".into())).contains(&criterion(0)));
    assert!(unmet(&|a| a.set_text("health_url", String::new())).contains(&criterion(1)));
    assert!(unmet(&|a| a.set_text("health_url", String::new())).contains(&criterion(2)));
    assert_eq!(unmet(&|a| a.rows_mut("stages").truncate(3)), [criterion(3)], "stages must end at 100%");
    assert!(unmet(&|a| a.set_text("threshold", String::new())).contains(&criterion(3)));
    assert!(unmet(&|a| a.set_text("rollback_owner", String::new())).contains(&criterion(5)));
    // A secret named like a sentence, or a key pasted into a command: only the secrets check.
    let bad_name = unmet(&|a| {
        a.rows_mut("secrets")[0].insert("name".into(), "my key".into());
    });
    assert_eq!(bad_name, [criterion(4)]);
    assert_eq!(
        unmet(&|a| a.set_text("deploy_command", "KEY=sk-abcdefghijklmnopqrstuvwx ./deploy.sh".into())),
        [criterion(4)]
    );
    // Blue-green: two slots with the same name cannot switch.
    let mut answers = module5_deployment("blue-green", "script");
    answers.set_text("slot_b", "blue".into());
    assert!(!met(&answers).contains(&criterion(3)));
}

#[test]
fn the_strategy_decides_which_section_applies() {
    let ids = |strategy: &str| {
        let answers = module5_deployment(strategy, "script");
        DEPLOYMENT.document_sections(&answers).map(|s| s.id).collect::<Vec<_>>()
    };
    assert_eq!(ids("blue-green"), ["strategy", "service", "blue_green", "environment", "rollback"]);
    assert_eq!(ids("canary"), ["strategy", "service", "canary", "environment", "rollback"]);
    assert_eq!(ids(""), ["strategy", "service", "environment", "rollback"]);
}

#[test]
fn starting_commands_follow_the_platform_until_edited() {
    let mut answers = module5_deployment("blue-green", "azure-webapp");
    inputs(&answers, |a| {
        assert_eq!((draft_of(a, "slot_a"), draft_of(a, "slot_b")), ("production".into(), "staging".into()));
        assert!(draft_of(a, "switch_command").starts_with("az webapp deployment slot swap"));
    });
    answers.set_text("switch_command", "./my-switch.sh \"$SLOT\"".into());
    inputs(&answers, |a| assert_eq!(draft_of(a, "switch_command"), "./my-switch.sh \"$SLOT\""));
}

#[test]
fn stages_read_as_numbers_and_skip_what_is_not_a_share() {
    let mut answers = module5_deployment("canary", "script");
    *answers.rows_mut("stages") = [("10", "5"), ("abc", "5"), ("25", "lots"), ("100", "0"), ("150", "1")]
        .iter()
        .map(|(p, w)| [("percent".to_owned(), p.to_string()), ("wait_minutes".to_owned(), w.to_string())].into())
        .collect();
    inputs(&answers, |a| {
        assert_eq!(
            stages(a),
            [
                Stage { percent: 10, wait_minutes: 5 },
                Stage { percent: 25, wait_minutes: 5 },
                Stage { percent: 100, wait_minutes: 0 }
            ]
        );
    });
}

#[test]
fn every_deploy_has_a_smoke_test_and_a_rollback_that_runs_on_failure() {
    for strategy in ["blue-green", "canary"] {
        for platform in ["script", "kubernetes", "azure-webapp"] {
            let answers = module5_deployment(strategy, platform);
            let workflow = inputs(&answers, |a| production_workflow(a, Start::OnPush));
            let steps = &workflow.jobs[0].steps;
            let names: Vec<&str> = steps.iter().map(|s| s.name.as_str()).collect();
            assert!(names.iter().any(|n| n.starts_with("Smoke test")), "{strategy} {platform}: {names:?}");
            let rollback = steps.last().unwrap();
            assert!(rollback.name.starts_with("Roll back"), "{names:?}");
            assert!(rollback.condition.as_deref().is_some_and(|c| c.starts_with("(failure() || cancelled())")));
            assert_eq!(workflow.jobs[0].environment.as_ref().unwrap().name, "production");
            assert!(!workflow.jobs[0].concurrency.as_ref().unwrap().cancel_in_progress);
        }
    }
}

/// A command that holds a pasted key stays in the workflow step on every platform (with
/// "Your own scripts" too, not in a script file): the step reads the key from its secret.
#[test]
fn a_pasted_key_never_reaches_the_workflow() {
    let key = "sk-proj-abcdefghijklmnopqrstuvwxyz0123";
    for platform in ["kubernetes", "script"] {
        let mut answers = module5_deployment("blue-green", platform);
        answers.set_text(
            "deploy_command",
            format!("curl -H \"Authorization: Bearer {key}\" https://api.example.com/deploy"),
        );
        answers.set_text("health_url", format!("https://claims.example.com/health?key={key}"));
        let workflow = inputs(&answers, |a| production_workflow(a, Start::OnPush));
        let yaml = to_yaml(&workflow);
        assert!(!yaml.contains(key), "{yaml}");
        let deploy = workflow.jobs[0].steps.iter().find(|s| s.name == "Deploy to the idle slot").unwrap();
        assert!(matches!(&deploy.action, Action::Run(script) if script.contains("Bearer $AI_API_KEY")), "{platform}");
        assert!(deploy.env.contains(&("AI_API_KEY".to_owned(), "${{ secrets.AI_API_KEY }}".to_owned())));
        assert!(yaml.contains("HEALTH_URL: https://claims.example.com/health?key=${{ secrets.AI_API_KEY }}"), "{yaml}");
        let scripts = inputs(&answers, crate::course::module5::scripts::deployment_scripts);
        assert!(scripts.iter().all(|script| !script.text.contains(key) && script.path != "deploy/deploy.sh"));
    }
}

/// An expression typed into a command stays in the workflow step on every platform (GitHub
/// never evaluates one in a script file), read through the step's environment.
#[test]
fn an_expression_typed_into_a_command_reaches_the_script_through_env() {
    for platform in ["kubernetes", "script"] {
        let mut answers = module5_deployment("blue-green", platform);
        answers
            .set_text("deploy_command", "./deploy.sh \"${{ github.event.issue.title }}\" ${{ secrets.TOKEN }}".into());
        let workflow = inputs(&answers, |a| production_workflow(a, Start::OnPush));
        let deploy = workflow.jobs[0].steps.iter().find(|s| s.name == "Deploy to the idle slot").unwrap();
        assert_eq!(deploy.action, Action::Run("./deploy.sh \"${EXPR_1}\" ${TOKEN}".into()), "{platform}");
        assert!(deploy.env.contains(&("EXPR_1".into(), "${{ github.event.issue.title }}".into())), "{platform}");
        assert!(deploy.env.contains(&("TOKEN".into(), "${{ secrets.TOKEN }}".into())), "{platform}");
    }
}

#[test]
fn a_secret_name_github_refuses_is_said_with_its_rule() {
    let check = |name: &str| inputs(&module5_deployment("canary", "kubernetes"), |a| secret_name_problem(name, a));
    let said = check("grafana token").unwrap();
    assert!(said.contains("“grafana token”") && said.contains("letters, digits and underscores"), "{said}");
    assert!(said.ends_with("e.g. GRAFANA_TOKEN."), "{said}");
    assert!(check("GITHUB_TOKEN").unwrap().contains("not starting with a digit or GITHUB_"));
    assert!(!check("2FA_SEED").unwrap().contains("e.g."), "no example that GitHub refuses too");
    for accepted in ["AI_API_KEY", "grafana_token", "_X1", "", "  "] {
        assert_eq!(check(accepted), None, "{accepted:?}");
    }
}

/// The listed secrets reach the running app; the platform's credentials, listed too (the
/// design document asks for every secret the workflow reads), never do.
#[test]
fn the_app_gets_its_secrets_and_never_the_platforms_credentials() {
    for platform in ["kubernetes", "azure-webapp"] {
        let answers = module5_deployment("canary", platform);
        let listed: Vec<String> = answers.rows("secrets").iter().filter_map(|r| r.get("name").cloned()).collect();
        assert!(listed.iter().any(|n| n == "KUBE_CONFIG" || n == "AZURE_CLIENT_ID"), "{platform}: {listed:?}");
        let workflow = inputs(&answers, |a| production_workflow(a, Start::OnPush));
        let handed = workflow.jobs[0].steps.iter().find(|s| s.name == "Give the app its secrets").unwrap();
        let names: Vec<&str> = handed.env.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["AI_API_KEY", "DATABASE_URL"], "{platform}");
    }
}
