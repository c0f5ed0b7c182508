//! Generated answers for benchmarks (every field of an exercise answered, with a chosen
//! amount of typed text) and for the tests and checks of generated files (Module 5 answered
//! as a participant would). Pure, like the rest of the core.

use crate::course::{Exercise, FieldKind, TableRows};
use crate::model::{ExerciseAnswers, Workbook};

/// Answers every field of `exercise`, spreading about `text_bytes` of prose (with markdown
/// characters that need escaping) over the long fields and table cells.
pub fn fill(exercise: &Exercise, text_bytes: usize) -> ExerciseAnswers {
    let mut workbook = Workbook::default();
    let answers = exercise.answers_in_mut(&mut workbook);
    let long_slots: usize = exercise
        .fields()
        .map(|f| match &f.kind {
            FieldKind::LongText { .. } | FieldKind::Draft(_) => 1,
            FieldKind::Table(spec) => spec.columns.iter().filter(|c| c.long).count() * 3,
            _ => 0,
        })
        .sum();
    let sentence = "Phase two adds 100 users | p95 < 5 s; *rollback* if `errors` > 5% — see #ops. ";
    let chunk: String = sentence.repeat(text_bytes / long_slots / sentence.len() + 1);
    for field in exercise.fields() {
        match &field.kind {
            FieldKind::LongText { .. } => answers.set_text(field.id, chunk.clone()),
            FieldKind::Text { .. } => answers.set_text(field.id, "Platform lead".into()),
            FieldKind::Number { .. } => answers.set_text(field.id, "42".into()),
            FieldKind::Choice { options } => answers.set_text(field.id, options[0].value.into()),
            FieldKind::MultiChoice { options } | FieldKind::Checklist { tasks: options } => {
                answers.set_text(field.id, options.iter().map(|o| o.value).collect::<Vec<_>>().join("\n"))
            }
            FieldKind::Table(spec) => {
                let rows = answers.rows_mut(field.id);
                if let TableRows::Editable { .. } = spec.rows {
                    rows.resize_with(3, Default::default);
                }
                for row in rows.iter_mut() {
                    for column in spec.columns {
                        let text = if column.long { chunk.clone() } else { "100".to_owned() };
                        row.insert(column.id.to_owned(), text);
                    }
                }
            }
            FieldKind::Draft(_) => answers.set_text(field.id, format!("## {}\n\n{chunk}", field.label)),
            FieldKind::Computed(_)
            | FieldKind::Reference(_)
            | FieldKind::ComputedTable(_)
            | FieldKind::Diagram(_)
            | FieldKind::Chart(_) => {}
        }
    }
    answers.clone()
}

/// Module 5 Exercise 2.1 answered as a participant would for `strategy` ("blue-green" or
/// "canary") on `platform` ("script", "kubernetes", "azure-webapp"), starting commands kept
/// as drafted: what the expected files, the actionlint check and the e2e tests start from.
pub fn module5_deployment(strategy: &str, platform: &str) -> ExerciseAnswers {
    let (_, exercise) = crate::course::find_exercise("m5-2.1").expect("Exercise 2.1 of Module 5 exists");
    let mut answers = ExerciseAnswers::default();
    exercise.seed_defaults(&mut answers);
    for (field, value) in [
        ("strategy", strategy),
        ("strategy_rationale", "Adjusters use the assistant all day; a bad release must be undone in seconds."),
        ("app_name", "claims-assistant"),
        ("platform", platform),
        ("production_url", "https://claims.example.com"),
        ("health_url", "https://claims.example.com/health"),
        ("metric", "error rate"),
        ("threshold", "1%"),
        ("migration_command", "./deploy/migrate.sh"),
        (
            "rollback_triggers",
            "Automatic: a failed smoke test or health check.\nBy hand: support tickets about wrong answers.",
        ),
        (
            "manual_rollback",
            "1. Run the workflow's previous successful run again.\n2. Check /health.\n3. Tell #claims-ops.",
        ),
        ("rollback_owner", "The on-call engineer"),
        ("resource_group", "rg-claims-production"),
    ] {
        answers.set_text(field, value.to_owned());
    }
    // The migration's database, and the platform's credentials (and, for a canary on
    // Kubernetes, the Prometheus its metric check queries): every secret the workflow reads
    // is listed.
    let platform_secrets: &[(&str, &str)] = match (platform, strategy) {
        ("kubernetes", "canary") => &[
            ("KUBE_CONFIG", "The cluster's kubeconfig"),
            ("PROMETHEUS_URL", "The Prometheus the canary's metric check queries"),
        ],
        ("kubernetes", _) => &[("KUBE_CONFIG", "The cluster's kubeconfig")],
        ("azure-webapp", _) => &[
            ("AZURE_CLIENT_ID", "The app registration the workflow signs in as"),
            ("AZURE_TENANT_ID", "Our Microsoft Entra tenant"),
            ("AZURE_SUBSCRIPTION_ID", "The subscription of the resource group"),
        ],
        _ => &[],
    };
    let secrets = [("DATABASE_URL", "The database the migration and the service connect to")];
    for (name, purpose) in secrets.iter().chain(platform_secrets) {
        let mut row = crate::model::Row::new();
        row.insert("name".into(), (*name).into());
        row.insert("purpose".into(), (*purpose).into());
        answers.rows_mut("secrets").push(row);
    }
    answers
}

/// Module 5 Exercise 2.2 answered for alerts to `platform` ("slack" or "discord").
pub fn module5_monitoring(platform: &str) -> ExerciseAnswers {
    let (_, exercise) = crate::course::find_exercise("m5-2.2").expect("Exercise 2.2 of Module 5 exists");
    let mut answers = ExerciseAnswers::default();
    exercise.seed_defaults(&mut answers);
    for (field, value) in [
        ("platform", platform),
        ("channel", "#claims-oncall"),
        (
            "test_alert",
            "Sent on 24 Nov from Actions → Monitoring → Run workflow; it arrived in #claims-oncall within 10 s.",
        ),
    ] {
        answers.set_text(field, value.to_owned());
    }
    answers.rows_mut("endpoints")[0].insert("url".into(), "https://claims.example.com/health".into());
    answers.rows_mut("rules")[0]
        .insert("command".into(), "./monitoring/check-metric.sh error_rate \"$CONDITION\"".into());
    let mut model = crate::model::Row::new();
    model.extend(
        [
            ("name", "Model API"),
            ("url", "https://claims.example.com/health/model"),
            ("status", "200"),
            ("timeout", "20"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned())),
    );
    answers.rows_mut("endpoints").push(model);
    let routing = answers.rows_mut("routing");
    let mention = if platform == "discord" { "@here" } else { "<!here>" };
    for (row, (mention, action)) in routing.iter_mut().zip([
        (mention, "On-call engineer responds within 15 minutes"),
        ("", "Look during working hours"),
        ("", "No action: for the record"),
    ]) {
        row.insert("mention".into(), mention.into());
        row.insert("action".into(), action.into());
    }
    answers
}

/// Module 5 Exercise 2.3 answered for a `language` ("python", "node", "go", "other"), every
/// setting ticked, on the GitHub `plan` given ("public", "enterprise", "pro-team", "unprotected":
/// Free).
pub fn module5_pipeline(language: &str, plan: &str) -> ExerciseAnswers {
    let (_, exercise) = crate::course::find_exercise("m5-2.3").expect("Exercise 2.3 of Module 5 exists");
    let mut answers = ExerciseAnswers::default();
    exercise.seed_defaults(&mut answers);
    for (field, value) in [
        ("language", language),
        ("staging_url", "https://staging.claims.example.com"),
        ("staging_health_url", "https://staging.claims.example.com/health"),
        ("protection", plan),
        ("approvers", "@northwind/claims-leads"),
        (
            "done",
            "staging-environment\nproduction-environment\nprotection\nproduction-secrets\nrepository-secrets\nmonitoring-on",
        ),
    ] {
        answers.set_text(field, value.to_owned());
    }
    answers
}

/// All of Module 5 answered: Exercise 2.1 for `strategy` on `platform`, 2.2 alerting to
/// `alerts`, and the capstone in Python with environment protection.
pub fn module5_workbook(strategy: &str, platform: &str, alerts: &str) -> Workbook {
    let mut workbook = Workbook::default();
    workbook.profile.name = "Ada Lovelace".into();
    workbook.exercises.insert("m5-2.1".into(), module5_deployment(strategy, platform));
    workbook.exercises.insert("m5-2.2".into(), module5_monitoring(alerts));
    workbook.exercises.insert("m5-2.3".into(), module5_pipeline("python", "public"));
    workbook
}
