//! The capstone's two files, checked in full against `tests/expected/`: the proposal
//! (with Exercises 2.1 and 2.2 carried over and every figure computed) and the Marp deck.

mod common;

use common::{assert_complete, expect_file, module_6, module_6_as_reviewed, module_6_first_draft, EXPORTED_AT};
use workbook::course::find_exercise;
use workbook::course::progress::self_check;
use workbook::model::Workbook;
use workbook::render::{companion_markdown, embedded, exercise_markdown, Deliverable};

fn export(workbook: &Workbook) -> (String, String) {
    let (module, exercise) = find_exercise("m6-2.3").unwrap();
    let answers = exercise.answers_in(workbook);
    let deliverable = Deliverable::of(module, exercise, workbook, &answers, EXPORTED_AT);
    (exercise_markdown(&deliverable), companion_markdown(&deliverable).unwrap())
}

/// The capstone's red flags and the names of its unmet success criteria (up to the colon
/// that starts their details), as the self-check and the review list them.
fn check(workbook: &Workbook) -> (Vec<String>, Vec<String>) {
    let capstone = find_exercise("m6-2.3").unwrap().1;
    let answers = capstone.answers_in(workbook);
    let inputs = workbook::course::Inputs::new(&answers, workbook);
    let unmet = self_check(capstone, &inputs)
        .into_iter()
        .filter(|(_, met)| !met)
        .map(|(c, _)| c.split(':').next().unwrap().to_owned())
        .collect();
    ((capstone.red_flags)(&inputs), unmet)
}

#[test]
fn every_file_of_the_filled_module_matches_the_expected_file() {
    let workbook = module_6();
    for (key, file) in [("m6-2.1", "deployment-strategy.md"), ("m6-2.2", "operations-runbook.md")] {
        let (module, exercise) = find_exercise(key).unwrap();
        let answers = exercise.answers_in(&workbook);
        expect_file(file, &exercise_markdown(&Deliverable::of(module, exercise, &workbook, &answers, EXPORTED_AT)));
    }
    let (proposal, deck) = export(&workbook);
    expect_file("enterprise-architecture-proposal.md", &proposal);
    expect_file("executive-presentation.md", &deck);
}

/// The filled module as the app stores it, for the end-to-end test that prints the
/// proposal to PDF and counts its A4 pages (`e2e/capstone.spec.mjs`).
#[test]
fn the_filled_module_is_kept_as_stored_for_the_print_test() {
    expect_file("module-6-workbook.json", &serde_json::to_string_pretty(&module_6()).unwrap());
}

#[test]
fn filled_capstone_is_complete_and_meets_every_criterion() {
    assert_complete(&module_6(), "m6-2.3");
}

#[test]
fn computed_figures_are_in_the_proposal() {
    let (proposal, _) = export(&module_6());
    // Azure: (25×4 + 25×5 + 20×4 + 15×5 + 15×3) / 100 = 4.25; Bedrock 3.85; Llama 2.45.
    assert!(proposal.contains("| Azure OpenAI | 4.25 | 1 |"), "{proposal}");
    assert!(proposal.contains("| AWS Bedrock | 3.85 | 2 |"));
    assert!(proposal.contains("| Self-hosted Llama | 2.45 | 3 |"));
    // Scores are headed by the platforms' names.
    assert!(proposal.contains("| Criterion | Weight (%) | AWS Bedrock | Azure OpenAI | Self-hosted Llama |"));
    // General: 40,000 × 30 × 1,500 / 1,000 × $0.01 = $18,000 + $6,000 = $24,000; per user $12.
    assert!(proposal.contains(
        r"| General availability | 2,000 | 40,000 | \$18,000 | \$6,000 | \$24,000 | \$12 | \$288,000 a year |"
    ));
    // Pilot: 200 × 30 × 1.5 × 0.01 = $90 + $1,500.
    assert!(
        proposal.contains(r"| Pilot | 10 | 200 | \$90 | \$1,500 | \$1,590 | \$159 | \$1,484–\$2,226 over 4-6 weeks |")
    );
    assert!(proposal.contains("```mermaid\nflowchart LR\n"));
    assert!(proposal.contains("```mermaid\ngantt\n"));
    assert!(proposal.contains("    Pilot (10 users) :p1, 2027-02-01, 42d"));
}

#[test]
fn the_proposal_reads_as_a_client_document() {
    let (proposal, _) = export(&module_6());
    let body = &proposal[..proposal.rfind(embedded::MARKER).unwrap()];
    // The front matter holds what a client document carries, and nothing of the course.
    let front_matter =
        "---\ntitle: \"Enterprise AI Architecture Proposal: Northwind Insurance\"\nclient: \"Northwind Insurance\"\n\
prepared_by: \"Ada Lovelace\"\ndate: \"2026-11-23\"\nversion: \"1.0\"\nstatus: \"For decision\"\n---\n";
    assert!(body.starts_with(front_matter), "{body}");
    assert!(body.contains("\n# Enterprise AI Architecture Proposal: Northwind Insurance\n"));
    assert!(body
        .contains("Prepared for **Northwind Insurance** by **Ada Lovelace**, 23 Nov 2026. Version 1.0, for decision."));
    // No course material: no course or cohort, no self-check, no exercise, no tool name.
    for course in [
        "| Question | Answer |",
        "From Exercise",
        "Not answered",
        "Workbook",
        "Exercise 2.",
        "2026-B",
        "cohort",
        "Advanced Module",
        "self-check",
        "criteria met",
        "Red flags",
    ] {
        assert!(!body.to_lowercase().contains(&course.to_lowercase()), "{course:?} in the proposal");
    }
    // No field id of the module outside the embedded answers (the scaling configuration's
    // JSON, in its code block, has keys of its own).
    let prose: String = body.split("```").step_by(2).collect();
    for (_, exercise) in ["m6-2.1", "m6-2.2", "m6-2.3"].map(|k| find_exercise(k).unwrap()) {
        for field in exercise.fields().filter(|f| f.id.contains('_')) {
            assert!(!prose.contains(field.id), "field id {} in the proposal", field.id);
        }
    }
    // The course's part is for the review and the app, which read the embedded answers.
    let read = embedded::read(&proposal).unwrap().embedded;
    assert_eq!((read.profile.cohort.as_str(), read.exported_at.as_str()), ("2026-B", EXPORTED_AT));
    // The answers are one line at the end, not a second copy to scroll through.
    let data = &proposal[body.len()..];
    assert_eq!(data.lines().count(), 3, "{data}");
}

#[test]
fn carried_parts_follow_their_exercise_until_refined_and_load_back_exactly() {
    let workbook = module_6();
    let (proposal, _) = export(&workbook);
    let capstone = find_exercise("m6-2.3").unwrap().1;
    // 2.1's phases are carried as written (and as 2.1 says them); the runbook's tools were
    // refined for an Azure proposal.
    assert!(proposal.contains("| Pilot | 10 | 4-6 weeks | P95 \\< 5 s; 80% of adjusters rate answers useful |"));
    assert!(proposal.contains("| Logs | Log Analytics |"), "{proposal}");
    // The file stands on its own (a reviewer may have it alone), and says which parts
    // followed their exercise.
    let read = embedded::read(&proposal).unwrap().embedded;
    assert_eq!(read.answers, capstone.answers_in(&workbook));
    assert!(read.follows.contains(&"phases".to_owned()), "{:?}", read.follows);
    assert!(!read.follows.contains(&"stack".to_owned()));
    // Loaded back into the workbook, the capstone is exactly what was stored: the parts it
    // did not refine follow 2.1 and 2.2 again.
    let incoming = workbook::import::read("enterprise-architecture-proposal.md", proposal.as_bytes()).unwrap();
    let mut elsewhere = workbook.clone();
    elsewhere.exercises.remove("m6-2.3");
    let restored = workbook::import::apply(&elsewhere, &incoming);
    assert_eq!(restored.exercises["m6-2.3"], capstone.stored_answers_in(&workbook));
    assert_eq!(export(&restored).0, proposal);
}

#[test]
fn the_first_draft_raises_each_contradiction_and_the_consistent_module_none() {
    let flags = |workbook: &Workbook| check(workbook).0;
    assert_eq!(flags(&module_6()), Vec::<String>::new());
    let draft = flags(&module_6_first_draft());
    let expected = [
        "Volumes disagree: Exercise 2.1 plans for 150,000 requests a day, but the largest cost scenario (General availability) has 40,000.",
        "Azure OpenAI (Azure) is recommended, but the operations use AWS services: CloudWatch, S3. Use the platform's own tools, or say why not.",
        "The hosting model is Hybrid, but the architecture diagram shows no on-premises boundary",
        "Copy-paste without synthesis: “Scaling plan” is Exercise 2.1 as written, with a synthesis of 7 words.",
        "Copy-paste without synthesis: “Deployment strategy” is Exercise 2.1 as written, with a synthesis of 13 words.",
        "Copy-paste without synthesis: “Operations” is Exercise 2.2 as written, with a synthesis of 18 words.",
        "“<pager alias: claims-ai-primary>” in Roles and contacts",
        "“to be confirmed” in Roles and contacts",
        "the example row “Cost per request” left as prefilled in Metrics and alerts",
    ];
    for flag in expected {
        assert!(draft.iter().any(|f| f.contains(flag)), "missing {flag:?} in {draft:#?}");
    }
    // A recommendation that passes over the top-ranked platform must say why.
    let mut passed_over = module_6();
    let answers = passed_over.exercises.get_mut("m6-2.3").unwrap();
    answers.set_text("recommended_platform", "AWS Bedrock".into());
    answers.set_text("recommendation_rationale", "Bedrock fits Northwind Insurance best.".into());
    let flags_now = flags(&passed_over);
    assert!(
        flags_now.iter().any(|f| f == "AWS Bedrock is recommended, but Azure OpenAI ranks first (4.25): say in the rationale why not Azure OpenAI."),
        "{flags_now:#?}"
    );
    let answers = passed_over.exercises.get_mut("m6-2.3").unwrap();
    answers
        .set_text("recommendation_rationale", "Azure OpenAI scores higher, but Bedrock is already contracted.".into());
    assert!(!flags(&passed_over).iter().any(|f| f.contains("ranks first")));
}

/// Every calculator that fails on the figures the CTO and the instructor read in the first
/// fixture names its numbers, in the red flags (the self-check's list and the review's
/// findings) and as an unmet criterion; the consistent fixture fails none.
#[test]
fn the_figures_readers_checked_with_a_calculator_are_each_raised_by_name() {
    let (flags, unmet) = check(&module_6_as_reviewed());
    let expected = [
        // 40,000 requests over 8 busy hours is 83.3 a minute; twice that at peak, × 1,500 tokens.
        "Over the token quota: General availability at its busiest minute (40,000 requests a day over 8 busy hours, × 2 at peak) uses about 250,000 tokens a minute, above the 90,000 quota.",
        // 80% of the 90k quota: 72,000.
        "The token alert pages on-call at every peak: General availability at its busiest minute (40,000 requests a day over 8 busy hours, × 2 at peak) uses about 250,000 tokens a minute, above its level of 72,000.",
        // 166.7 a minute is 2.8 a second.
        "The requests trigger never fires: General availability at its busiest minute (40,000 requests a day over 8 busy hours, × 2 at peak) makes 2.8 requests a second, and it waits for 100.",
        // 50 × $2 × 24 × 30 = $72,000; $21,000 × 2 = $42,000.
        "The instance cap does not cap the spend: 50 instances at $2 an hour cost $72,000 a month, more than General availability would cost if the whole month ran at its peak ($42,000).",
        "Infrastructure does not grow with the users: General availability serves 2,000 users on $3,000 a month, Limited 100 on $3,000.",
        "Self-hosted Llama scores 5 on Cost at projected volume, above the cloud platforms (4), at 40,000 requests a day",
    ];
    for flag in expected {
        assert!(flags.iter().any(|f| f.contains(flag)), "missing {flag:?} in {flags:#?}");
    }
    assert!(unmet.contains(&"The figures hold".to_owned()), "{unmet:?}");

    let (flags, unmet) = check(&module_6());
    assert_eq!((flags, unmet), (vec![], Vec::<String>::new()));

    // A go criterion the cost model fails: Limited costs $3,900 for 60,000 requests a month.
    let mut strict = module_6();
    let phases = strict.exercises.get_mut("m6-2.1").unwrap().rows_mut("phases");
    phases[1].insert("criteria".into(), "Error rate < 1%; cost per request < $0.05".into());
    let (flags, _) = check(&strict);
    assert_eq!(
        flags,
        ["Limited's criterion “cost per request < $0.05” fails against the cost model: $0.065 a request."]
    );

    // An instance cap under the modelled month: 10 × $2 × 720 = $14,400 against $24,000.
    let mut low = module_6();
    low.exercises.get_mut("m6-2.1").unwrap().set_text("max_instances", "10".into());
    let (flags, _) = check(&low);
    assert!(flags[0].starts_with("The instance cap cannot carry General availability: 10 instances at $2 an hour cost $14,400 a month, less than the $24,000"), "{flags:?}");
}

#[test]
fn phases_are_costed_over_their_length_and_the_load_at_the_busiest_minute() {
    let (proposal, _) = export(&module_6());
    // Pilot: $1,590 a month for 4 to 6 weeks (28 to 42 days): $1,484 to $2,226.
    assert!(proposal.contains(r"| \$1,590 | \$159 | \$1,484–\$2,226 over 4-6 weeks |"), "{proposal}");
    // 40,000 requests over 10 busy hours is 66.7 a minute; × 1.5 at peak: 100, × 1,500 tokens.
    assert!(proposal.contains("| General availability | 40,000 | 100 | 150,000 |"));
    assert!(proposal.contains("| Requests a minute at peak (10 busy hours, × 1.5) |"));
}

#[test]
fn the_deck_has_ten_to_fifteen_slides_and_keeps_the_edited_one() {
    let (_, deck) = export(&module_6());
    let slides = deck.split("\n\n---\n\n").count();
    assert!((10..=15).contains(&slides), "{slides} slides");
    assert!(deck.contains("- $24,000 a month at full rollout"), "the hand-edited slide");
    assert!(deck.contains("## Recommendation: Azure OpenAI"), "a drafted slide");
    assert!(deck.contains("| Azure OpenAI | 4.25 | 1 |"));
}

/// The deck's operations slide reads the proposal's metrics: refined for the client, the
/// slide says what the proposal says, never Exercise 2.2's first answer.
#[test]
fn the_operations_slide_says_what_the_proposal_says() {
    let mut workbook = module_6();
    let capstone = find_exercise("m6-2.3").unwrap().1;
    let mut metrics = capstone.answers_in(&workbook).rows("ai_metrics").to_vec();
    metrics[0].insert("alert".into(), "> $0.05 for 2 hours".into());
    let metric = metrics[0]["metric"].clone();
    *workbook.exercises.get_mut("m6-2.3").unwrap().rows_mut("ai_metrics") = metrics;
    let (proposal, deck) = export(&workbook);
    let operations = deck.split("\n\n---\n\n").find(|slide| slide.starts_with("## Operations")).unwrap();
    let alert = workbook::escape::inline("> $0.05 for 2 hours");
    assert!(operations.contains(&format!("- {}: alert at {alert}", workbook::escape::inline(&metric))), "{operations}");
    assert!(proposal.contains(&format!("| {alert} |")), "the proposal has the refined alert too");
    let runbook = find_exercise("m6-2.2").unwrap().1.answers_in(&workbook);
    let first = runbook.rows("ai_metrics")[0]["alert"].clone();
    assert!(!operations.contains(&format!("alert at {}", workbook::escape::inline(&first))), "{operations}");
}

/// A proposal exported before the capstone carried its parts (answers as pretty JSON, 2.1
/// and 2.2 shown by reference) still loads: its own answers come back, and the parts it
/// never stored follow 2.1 and 2.2.
#[test]
fn a_proposal_exported_in_the_earlier_layout_loads_back() {
    let earlier = include_str!("samples/v2-enterprise-architecture-proposal.md");
    let incoming = workbook::import::read("enterprise-architecture-proposal.md", earlier.as_bytes()).unwrap();
    assert!(incoming.warnings().is_empty(), "{:?}", incoming.warnings());
    let workbook = module_6();
    let mut elsewhere = workbook.clone();
    elsewhere.exercises.remove("m6-2.3");
    let restored = workbook::import::apply(&elsewhere, &incoming);
    let capstone = find_exercise("m6-2.3").unwrap().1;
    let answers = capstone.answers_in(&restored);
    assert_eq!(
        answers.text("deployment_synthesis"),
        "Feature flags per claims team let Northwind Insurance stop the rollout within minutes."
    );
    assert_eq!(answers.rows("phases"), workbook.exercises["m6-2.1"].rows("phases"), "the phases follow 2.1");
    assert_eq!(capstone.carried_state("phases", &restored), Some(workbook::course::CarriedState::Follows));
}

/// A complete capstone argues for a decision: a business case with its payback, risks,
/// assumptions and dependencies, reliability targets, decision records, the team and a
/// roadmap to general availability, each a section of the proposal. What 2.1 and 2.2 said
/// of hosting, severities, retention, redaction and rollback is carried into it.
#[test]
fn the_proposal_makes_the_case_for_a_decision() {
    let (proposal, _) = export(&module_6());
    let headings: Vec<&str> = proposal.lines().filter(|l| l.starts_with("## ")).collect();
    for section in [
        "Business case and investment",
        "Compliance and data protection",
        "Reliability targets",
        "Decision records",
        "Risks, assumptions and dependencies",
        "Team and roles",
        "Roadmap and next steps",
    ] {
        assert!(headings.iter().any(|h| h.ends_with(section)), "no section {section}: {headings:?}");
    }
    for heading in ["### Assumptions", "### Dependencies", "### Before the pilot", "### Risk register"] {
        assert!(proposal.contains(&format!("\n{heading}\n")), "{heading}");
    }
    // $320,000 once; $24,000 a month is $288,000 a year; ($896,000 − $288,000) ÷ 12 =
    // $50,667 a month pays $320,000 back in 6.3 months.
    assert!(proposal.contains(r"| Running cost a year (General availability at \$24,000 a month) | \$288,000 |"));
    assert!(proposal.contains("| Payback of the one-off costs | 6.3 months |"));
    assert!(proposal.contains("99.9% a month allows 43 minutes of downtime."));
    // 4-6 and 8-12 weeks after 1 Feb 2027.
    assert!(proposal.contains("General availability between 26 Apr 2027 and 7 Jun 2027"));
    // Carried from 2.1 and 2.2.
    for carried in [
        "### Why this hosting model",
        "### Severity levels",
        "### PII redaction before logging",
        "7 years in immutable Azure Blob Storage",
        "### How and when rollback is tested in staging",
        "**Who decides to roll back:**",
    ] {
        assert!(proposal.contains(carried), "{carried}");
    }
}

/// The register's typical risks are there to adapt: one kept exactly as prefilled is
/// flagged. A benefit below the running cost fails a calculator, and the case for a
/// decision is not made.
#[test]
fn a_register_left_as_prefilled_and_a_case_that_never_pays_back_are_raised() {
    let mut workbook = module_6();
    let answers = workbook.exercises.get_mut("m6-2.3").unwrap();
    // The register as the form first shows it.
    answers.values.remove("risk_register");
    answers.rows_mut("benefits")[0].insert("value".into(), "$100,000".into());
    answers.rows_mut("benefits")[1].insert("value".into(), "$50,000".into());
    let (flags, unmet) = check(&workbook);
    assert!(
        flags
            .iter()
            .any(|f| f.contains("the example row “Token quota exhausted at peak” left as prefilled in Risk register")),
        "{flags:#?}"
    );
    // $100,000 + $50,000 of benefits against $24,000 × 12 = $288,000 a year to run.
    assert!(flags.contains(&"The business case does not pay back: the benefits are worth $150,000 a year, and General availability costs $288,000 a year to run.".to_owned()), "{flags:#?}");
    assert!(unmet.contains(&"The case for a decision".to_owned()), "{unmet:?}");
    assert!(unmet.contains(&"The figures hold".to_owned()), "{unmet:?}");
}

/// The deck says what the proposal says: every figure on a drafted slide is in the proposal.
#[test]
fn every_figure_on_the_deck_is_in_the_proposal() {
    let (proposal, deck) = export(&module_6());
    let unescaped = |text: &str| text.replace('\\', "");
    let proposal = unescaped(&proposal);
    let mut checked = 0;
    for slide in deck.split("\n\n---\n\n").skip(1) {
        for word in unescaped(slide).split(|c: char| c.is_whitespace() || "|*()–".contains(c)) {
            let figure = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '$' && c != '%');
            if !figure.bytes().any(|b| b.is_ascii_digit()) || figure.contains("base64") {
                continue;
            }
            assert!(proposal.contains(figure), "{figure:?} is on the deck, not in the proposal:\n{slide}");
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} figures checked");
}
