//! Property test of the workflow emitter: whatever text goes into a workflow (names, URLs,
//! environment values, scripts, conditions, branches, cron), a maintained YAML 1.2 parser
//! (saphyr) reads the emitted document back with every value intact and the structure
//! unchanged. Deterministic like tests/roundtrip.rs: a fixed seed unless PROPTEST_RNG_SEED.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use saphyr::{LoadableYamlNode, Yaml};
use workbook::workflow::{
    actions, to_yaml, Concurrency, Environment, Job, Permission, Step, Switch, Trigger, Workflow,
};

/// Text biased towards what means something in YAML: indicators, quotes, comment and
/// mapping markers, line breaks (and `\r`), tabs, reserved words, numbers, Unicode.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::string::string_regex(
            r"([-:#'\x22{}\[\]&*!|>%@`,?~=$ \n\t\r]|: | #|yes|no|on|null|true|0x1|1\.5e3|---|\.\.\.|é|🚀|\u{2028}|\u{85}|a|b|1){0,40}"
        )
        .unwrap(),
        1 => any::<String>(),
    ]
}

/// What a step's script typically is: several lines, as typed; half of them printable
/// lines (which the emitter writes as block literals), indented or not, ending in zero to
/// three line breaks.
fn script() -> impl Strategy<Value = String> {
    let line = proptest::string::string_regex(r"( {0,3}|\t)[-a-z $'\x22#:{}\[\]&|>*!%@]{0,20}").unwrap();
    let printable = (proptest::collection::vec(line, 1..5), 0..4usize)
        .prop_map(|(lines, breaks)| lines.join("\n") + &"\n".repeat(breaks));
    prop_oneof![proptest::collection::vec(typed(), 1..5).prop_map(|lines| lines.join("\n")), printable]
}

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(20261124);
    }
    config
}

fn text(node: &Yaml) -> Option<String> {
    node.as_str().map(str::to_owned)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_typed_value_reads_back_intact(
        name in typed(), branch in typed(), cron in typed(), group in typed(), env_value in typed(),
        job_name in typed(), url in typed(), step_name in typed(), condition in typed(), input in typed(),
        run in script(), step_env in script(), switch in typed(),
    ) {
        let workflow = Workflow {
            name: name.clone(),
            on: vec![
                Trigger::Push { branches: vec![branch.clone()] },
                Trigger::Schedule(vec![cron.clone()]),
                Trigger::WorkflowDispatch { inputs: vec![Switch { id: "send_test_alert".into(), description: switch.clone() }] },
            ],
            permissions: vec![Permission::read("contents")],
            concurrency: Some(Concurrency { group: group.clone(), cancel_in_progress: false }),
            env: vec![("APP".into(), env_value.clone())],
            jobs: vec![
                Job {
                    environment: Some(Environment { name: "production".into(), url: Some(url.clone()) }),
                    steps: vec![
                        Step::uses("Check out", actions::CHECKOUT).input("ref", &input),
                        Step::run(&step_name, &run).with_id("deploy").when(&condition).env("VALUE", &step_env),
                    ],
                    ..Job::new("deploy", &job_name, 30)
                },
                Job { needs: vec!["deploy".into()], ..Job::new("after", "After", 5) },
            ],
        };
        let yaml = to_yaml(&workflow);
        let docs = Yaml::load_from_str(&yaml).map_err(|e| TestCaseError::fail(format!("{e}\n{yaml}")))?;
        prop_assert_eq!(docs.len(), 1, "{}", yaml);
        let doc = &docs[0];
        prop_assert_eq!(text(&doc["name"]), Some(name), "{}", yaml);
        prop_assert_eq!(text(&doc["on"]["push"]["branches"][0]), Some(branch), "{}", yaml);
        prop_assert_eq!(text(&doc["on"]["schedule"][0]["cron"]), Some(cron), "{}", yaml);
        let switch_node = &doc["on"]["workflow_dispatch"]["inputs"]["send_test_alert"];
        prop_assert_eq!(text(&switch_node["description"]), Some(switch), "{}", yaml);
        prop_assert_eq!(text(&switch_node["type"]), Some("boolean".to_owned()));
        prop_assert_eq!(text(&doc["concurrency"]["group"]), Some(group), "{}", yaml);
        prop_assert_eq!(doc["concurrency"]["cancel-in-progress"].as_bool(), Some(false));
        prop_assert_eq!(text(&doc["env"]["APP"]), Some(env_value), "{}", yaml);
        let job = &doc["jobs"]["deploy"];
        prop_assert_eq!(text(&job["name"]), Some(job_name), "{}", yaml);
        prop_assert_eq!(text(&job["environment"]["url"]), Some(url), "{}", yaml);
        prop_assert_eq!(job["timeout-minutes"].as_integer(), Some(30));
        prop_assert_eq!(text(&job["steps"][0]["with"]["ref"]), Some(input), "{}", yaml);
        // Pinned to the commit; the release is a comment beside it.
        let pinned = format!("actions/checkout@{}", actions::CHECKOUT.commit);
        prop_assert_eq!(text(&job["steps"][0]["uses"]), Some(pinned), "{}", yaml);
        let step = &job["steps"][1];
        prop_assert_eq!(text(&step["name"]), Some(step_name), "{}", yaml);
        prop_assert_eq!(text(&step["if"]), Some(condition), "{}", yaml);
        prop_assert_eq!(text(&step["env"]["VALUE"]), Some(step_env), "{}", yaml);
        prop_assert_eq!(text(&step["run"]), Some(run), "{}", yaml);
        prop_assert_eq!(text(&doc["jobs"]["after"]["needs"][0]), Some("deploy".to_owned()), "{}", yaml);
        prop_assert_eq!(doc["jobs"].as_mapping().map(|m| m.len()), Some(2), "{}", yaml);
    }
}
