use super::workflow::{monitoring_workflow, schedule_in_words};
use super::*;
use crate::fixtures::module5_monitoring;
use crate::model::{ExerciseAnswers, Workbook};
use crate::workflow::{to_yaml, Action, Trigger};

fn inputs<T>(answers: &ExerciseAnswers, f: impl FnOnce(&Inputs) -> T) -> T {
    f(&Inputs::new(answers, &Workbook::default()))
}

fn unmet(answers: &ExerciseAnswers) -> Vec<&'static str> {
    inputs(answers, |a| crate::course::progress::self_check(&MONITORING, a))
        .into_iter()
        .filter(|(_, met)| !*met)
        .map(|(text, _)| text)
        .collect()
}

#[test]
fn a_finished_exercise_meets_every_criterion() {
    for platform in ["slack", "discord"] {
        let answers = module5_monitoring(platform);
        assert!(unmet(&answers).is_empty(), "{platform}: {:?}", unmet(&answers));
        assert!(crate::course::progress::exercise_progress(&MONITORING, &answers).is_complete());
    }
}

#[test]
fn the_schedule_reads_in_words_and_a_bad_one_says_why() {
    let mut answers = module5_monitoring("slack");
    inputs(&answers, |a| assert_eq!(schedule_in_words(a).unwrap(), "Every 15 minutes (UTC)"));
    answers.set_text("cron", "*/15 * * *".into());
    inputs(&answers, |a| {
        assert!(schedule_in_words(a).unwrap().starts_with("Not a schedule GitHub can run: “*/15 * * *” has 4 fields"))
    });
    assert!(unmet(&answers).contains(&MONITORING.criteria[0].text));
    answers.set_text("cron", "*/2 * * * *".into());
    inputs(&answers, |a| {
        assert_eq!(
            schedule_in_words(a).unwrap(),
            "Not a schedule GitHub can run: this runs 2 minutes apart, but GitHub runs a schedule at most every 5 minutes. \
             Until it is fixed, monitoring.yml runs every 15 minutes (*/15 * * * *)."
        )
    });
}

#[test]
fn each_criterion_fails_on_what_it_checks() {
    let criterion = |i: usize| MONITORING.criteria[i].text;
    let mut answers = module5_monitoring("slack");
    answers.rows_mut("endpoints")[1].insert("url".into(), "claims.example.com".into());
    assert!(unmet(&answers).contains(&criterion(1)), "a URL without http(s)");
    let mut answers = module5_monitoring("slack");
    answers.rows_mut("rules")[0].insert("severity".into(), "Urgent".into());
    assert_eq!(unmet(&answers), [criterion(2)], "an unknown severity");
    let mut answers = module5_monitoring("discord");
    answers.rows_mut("routing")[2].insert("action".into(), String::new());
    assert!(unmet(&answers).contains(&criterion(3)));
    let mut answers = module5_monitoring("slack");
    answers.set_text("test_alert", String::new());
    assert!(unmet(&answers).contains(&criterion(4)));
    let mut answers = module5_monitoring("slack");
    answers.set_text("channel", "https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXX".into());
    assert_eq!(unmet(&answers), [criterion(5)], "a pasted webhook URL");
}

#[test]
fn every_check_keeps_going_and_each_failure_sends_its_alert() {
    let answers = module5_monitoring("discord");
    let workflow = inputs(&answers, monitoring_workflow);
    assert_eq!(workflow.on[0], Trigger::Schedule(vec!["*/15 * * * *".into()]));
    let steps = &workflow.jobs[0].steps;
    // Endpoint checks go on when they fail; rule checks always go on, saying what they found.
    let checks: Vec<_> = steps.iter().filter(|s| s.continue_on_error).map(|s| s.id.clone().unwrap()).collect();
    assert_eq!(checks, ["endpoint_1", "endpoint_2"]);
    let rule = steps.iter().find(|s| s.id.as_deref() == Some("rule_1")).unwrap();
    assert!(
        matches!(&rule.action, Action::Run(script) if script.contains("echo \"result=broken\" >> \"$GITHUB_OUTPUT\""))
    );
    let broken = [
        "steps.endpoint_1.outcome == 'failure'",
        "steps.endpoint_2.outcome == 'failure'",
        "steps.rule_1.outputs.result == 'broken'",
    ];
    for condition in broken {
        let alert = steps.iter().find(|s| s.condition.as_deref() == Some(condition)).unwrap();
        assert!(
            matches!(&alert.action, Action::Run(script) if script.contains("{content: $content}") && script.contains("--fail-with-body"))
        );
    }
    // A check that did not run sends no alert: it fails the run, on its own.
    assert!(!steps
        .iter()
        .any(|s| s.name.starts_with("Alert") && s.condition.as_deref().is_some_and(|c| c.contains("not-run"))));
    assert_eq!(
        steps.last().unwrap().condition.as_deref(),
        Some("!cancelled() && (steps.rule_1.outputs.result == 'not-run')")
    );
    let yaml = to_yaml(&workflow);
    assert!(yaml.contains("WEBHOOK_URL: ${{ secrets.DISCORD_WEBHOOK_URL }}"), "{yaml}");
    let slack = to_yaml(&inputs(&module5_monitoring("slack"), monitoring_workflow));
    assert!(slack.contains("{text: $text}") && slack.contains("secrets.SLACK_WEBHOOK_URL"));
}

#[test]
fn a_mention_that_calls_no_one_is_said_with_the_form_that_does() {
    let check = |platform: &str, mention: &str| inputs(&module5_monitoring(platform), |a| mention_problem(mention, a));
    assert_eq!(
        check("discord", "@oncall").as_deref(),
        Some("“@oncall” calls no one from a Discord webhook: write a role as <@&ROLE_ID>, a person as <@USER_ID>.")
    );
    assert!(check("discord", "<!here>").unwrap().ends_with("write @here or @everyone."));
    assert!(check("slack", "@here").unwrap().ends_with("write <!here>."));
    assert!(check("slack", "ping @claims-oncall now").unwrap().contains("<!subteam^GROUP_ID>"));
    for (platform, calls_someone) in [
        ("discord", "@here"),
        ("discord", "@everyone, then <@&123456789012345678>"),
        ("discord", "<@80351110224678912>"),
        ("slack", "<!subteam^S0614TZR7> and <!channel>"),
        ("slack", ""),
        ("slack", "the on-call engineer"),
    ] {
        assert_eq!(check(platform, calls_someone), None, "{platform}: {calls_someone}");
    }
    // The routing column carries the check, so the form says it beside the cell.
    let routing = MONITORING.fields().find(|f| f.id == "routing").unwrap();
    let FieldKind::Table(spec) = &routing.kind else { panic!("a table") };
    assert!(spec.columns.iter().any(|c| c.id == "mention" && c.check.is_some()));
}
