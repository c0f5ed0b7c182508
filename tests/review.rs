//! Instructor review, natively: a cohort folder with good, broken, foreign, duplicate and
//! older files; each deliverable's status and findings; the intervention thresholds; the
//! summary CSV as a spreadsheet reads it.

mod common;

use common::{module_6, module_6_as_reviewed, module_6_first_draft, EXPORTED_AT};
use workbook::backup;
use workbook::course::find_exercise;
use workbook::fixtures::module5_workbook;
use workbook::model::{Profile, Workbook};
use workbook::render::bundle::{repository_files, zip};
use workbook::render::{companion_markdown, exercise_markdown, generated, Deliverable};
use workbook::review::cohort::{Cohort, Refused};
use workbook::review::csv;
use workbook::review::findings::{assess, review_row, workbook_of, Status};

/// The document a participant exports for exercise `key` at `at`.
fn document(workbook: &Workbook, key: &str, at: &str) -> Vec<u8> {
    let (module, exercise) = find_exercise(key).unwrap();
    let answers = exercise.answers_in(workbook);
    exercise_markdown(&Deliverable::of(module, exercise, workbook, &answers, at)).into_bytes()
}

fn named(mut workbook: Workbook, name: &str, cohort: &str) -> Workbook {
    workbook.profile = Profile { name: name.into(), cohort: cohort.into(), scenario: "Northwind".into() };
    workbook
}

fn module5_zip(workbook: &Workbook) -> Vec<u8> {
    let (module, exercise) = find_exercise("m5-2.3").unwrap();
    let answers = exercise.answers_in(workbook);
    zip(&repository_files(&Deliverable::of(module, exercise, workbook, &answers, EXPORTED_AT)))
}

fn reason_for<'a>(cohort: &'a Cohort, file: &str) -> &'a str {
    cohort.refused.iter().find(|r| r.file == file).map_or("", |r| r.reason.as_str())
}

#[test]
fn a_cohort_folder_loads_every_good_file_and_names_each_other_one_with_its_reason() {
    let ada = named(module_6(), "Ada Lovelace", "2026-B");
    let grace = named(module5_workbook("canary", "kubernetes", "slack"), "Grace Hopper", "2026-B");
    let mut older = ada.clone();
    older.exercises.get_mut("m6-2.2").unwrap().set_text("tool_stack", "An earlier draft".into());
    let (_, monitoring) = find_exercise("m5-2.2").unwrap();
    let workflow = generated::text(
        monitoring,
        &monitoring.files[0],
        &workbook::course::Inputs::new(&monitoring.answers_in(&grace), &grace),
    );
    let files = vec![
        ("cohort/ada/deployment-strategy.md".to_owned(), document(&ada, "m6-2.1", EXPORTED_AT)),
        ("cohort/ada/operations-runbook.md".to_owned(), document(&ada, "m6-2.2", "2026-11-24 09:00 UTC")),
        // The same runbook exported the day before, with other text: older, not loaded.
        ("cohort/ada/old/operations-runbook.md".to_owned(), document(&older, "m6-2.2", "2026-11-23 09:00 UTC")),
        // Ada's capstone, by a differently spaced and cased name: the same participant.
        (
            "cohort/ada/enterprise-architecture-proposal.md".to_owned(),
            document(&named(ada.clone(), "  ada   LOVELACE ", "2026-B"), "m6-2.3", EXPORTED_AT),
        ),
        ("cohort/grace/exercise-2.3-environments.zip".to_owned(), module5_zip(&grace)),
        // Grace's monitoring workflow, edited after export: it replaces the one in her .zip.
        ("cohort/grace/monitoring.yml".to_owned(), format!("# tuned by hand\n{workflow}").into_bytes()),
        ("cohort/grace/backup.json".to_owned(), backup::to_json(&grace, "2026-11-22 08:00 UTC").into_bytes()),
        // Copies, broken and foreign files.
        ("cohort/copy-of-ada/deployment-strategy.md".to_owned(), document(&ada, "m6-2.1", EXPORTED_AT)),
        ("cohort/notes.txt".to_owned(), b"Remember to grade by Friday".to_vec()),
        ("cohort/photo.png".to_owned(), vec![0x89, b'P', b'N', b'G', 0, 1, 2, 255]),
        ("cohort/cut-off.md".to_owned(), document(&ada, "m6-2.1", EXPORTED_AT)[..2000].to_vec()),
        ("cohort/stray.yml".to_owned(), b"name: mine\non: push\n".to_vec()),
    ];
    let early = vec![Refused { file: "cohort/huge.md".into(), reason: "it is 200 MB".into() }];
    let mut cohort = Cohort::default();
    let added = cohort.add(files, early);

    let names: Vec<&str> = cohort.participants.iter().map(|p| p.profile.name.as_str()).collect();
    assert_eq!(names, ["Ada Lovelace", "Grace Hopper"]);
    let ada_loaded = &cohort.participants[0];
    assert_eq!(ada_loaded.exercises.keys().collect::<Vec<_>>(), ["m6-2.1", "m6-2.2", "m6-2.3"]);
    assert_eq!(ada_loaded.exercises["m6-2.2"].file, "cohort/ada/operations-runbook.md");
    let grace_loaded = &cohort.participants[1];
    assert_eq!(grace_loaded.exercises.keys().collect::<Vec<_>>(), ["m5-2.1", "m5-2.2", "m5-2.3"]);
    assert_eq!(grace_loaded.workflows.len(), 5, "{:?}", grace_loaded.workflows.keys());
    let monitoring_yml = &grace_loaded.workflows[".github/workflows/monitoring.yml"];
    assert_eq!((monitoring_yml.file.as_str(), monitoring_yml.edited_by_hand), ("cohort/grace/monitoring.yml", true));
    let grace_workbook = workbook_of(grace_loaded);
    let findings = assess(grace_loaded, &grace_workbook, monitoring).findings;
    assert_eq!(
        findings,
        [".github/workflows/monitoring.yml was edited by hand after export (cohort/grace/monitoring.yml)"]
    );

    assert_eq!(added.loaded, 5);
    assert!(reason_for(&cohort, "cohort/ada/old/operations-runbook.md").contains("an older export of Ada Lovelace's"));
    assert!(reason_for(&cohort, "cohort/grace/backup.json").contains("the same answers"));
    assert!(reason_for(&cohort, "cohort/copy-of-ada/deployment-strategy.md").contains("the same answers"));
    assert!(reason_for(&cohort, "cohort/notes.txt").contains("Workbook"), "{:?}", cohort.refused);
    assert!(reason_for(&cohort, "cohort/photo.png").contains("not a text file"));
    assert!(!reason_for(&cohort, "cohort/cut-off.md").is_empty());
    assert!(!reason_for(&cohort, "cohort/stray.yml").is_empty());
    assert_eq!(reason_for(&cohort, "cohort/huge.md"), "it is 200 MB");
    assert_eq!(added.refused, 8, "{:#?}", cohort.refused);
    assert_eq!(added.loaded + added.refused, 13, "every file is either loaded or listed");

    // Loading the same folder again adds nothing and says why for each file.
    let again = cohort
        .clone()
        .add(vec![("cohort/ada/deployment-strategy.md".into(), document(&ada, "m6-2.1", EXPORTED_AT))], vec![]);
    assert_eq!(again.loaded, 0);
    let mut twice = cohort.clone();
    let again = twice.add(vec![("elsewhere/grace.zip".into(), module5_zip(&grace))], vec![]);
    assert_eq!((again.loaded, again.refused), (0, 1));
    let reason = reason_for(&twice, "elsewhere/grace.zip");
    assert!(reason.contains("the same answers") && !reason.contains("workflow"), "{reason}");
    assert_eq!(twice.participants, cohort.participants, "a copy changes nothing");
    // The cohort survives being saved and read back.
    let stored = serde_json::to_string(&cohort).unwrap();
    assert_eq!(serde_json::from_str::<Cohort>(&stored).unwrap(), cohort);
}

#[test]
fn a_workflow_alone_in_a_folder_of_two_participants_is_not_guessed() {
    let ada = named(module5_workbook("canary", "script", "discord"), "Ada", "B");
    let grace = named(module5_workbook("blue-green", "script", "slack"), "Grace", "B");
    let (_, deployment) = find_exercise("m5-2.1").unwrap();
    let inputs_answers = deployment.answers_in(&ada);
    let workflow =
        generated::text(deployment, &deployment.files[0], &workbook::course::Inputs::new(&inputs_answers, &ada));
    let mut cohort = Cohort::default();
    cohort.add(
        vec![
            ("all/ada-2.1.md".into(), document(&ada, "m5-2.1", EXPORTED_AT)),
            ("all/grace-2.1.md".into(), document(&grace, "m5-2.1", EXPORTED_AT)),
            ("all/deploy-production.yml".into(), workflow.into_bytes()),
        ],
        vec![],
    );
    assert!(reason_for(&cohort, "all/deploy-production.yml").contains("carries no participant's name"));
}

#[test]
fn each_participant_is_graded_on_their_module_s_page() {
    let ada = named(module5_workbook("canary", "script", "discord"), "Ada", "B");
    let grace = named(module_6(), "Grace", "B");
    let mut cohort = Cohort::default();
    cohort.add(
        vec![
            ("b/ada-2.1.md".into(), document(&ada, "m5-2.1", EXPORTED_AT)),
            ("b/grace-2.3.md".into(), document(&grace, "m6-2.3", EXPORTED_AT)),
            ("b/ada-repository.zip".into(), module5_zip(&ada)),
        ],
        vec![],
    );
    let page_of = |name: &str| {
        let participant = cohort.participants.iter().find(|p| p.profile.name == name).unwrap();
        (participant.grading_page(), participant.graded_elsewhere(participant.grading_page()).count())
    };
    assert_eq!(page_of("Ada"), ("review/module-5/", 0));
    assert_eq!(page_of("Grace"), ("review/participant/", 0));

    // Work in both modules: graded on Module 6's page, which links to Module 5's.
    let mut both = Cohort::default();
    both.add(
        vec![
            ("b/ada-2.1.md".into(), document(&ada, "m5-2.1", EXPORTED_AT)),
            ("b/ada-2.3.md".into(), document(&named(module_6(), "Ada", "B"), "m6-2.3", EXPORTED_AT)),
        ],
        vec![],
    );
    let ada = &both.participants[0];
    assert_eq!(ada.grading_page(), "review/participant/");
    let elsewhere: Vec<_> = ada.graded_elsewhere(ada.grading_page()).map(|m| m.grading_page).collect();
    assert_eq!(elsewhere, ["review/module-5/"]);
    // Each page grades its module's part: neither sends the other away.
    assert!(ada.graded_on("review/module-5/") && ada.graded_on("review/participant/"));
}

/// The capstone's deck as the participant exports it.
fn deck(workbook: &Workbook, at: &str) -> Vec<u8> {
    let (module, exercise) = find_exercise("m6-2.3").unwrap();
    let answers = exercise.answers_in(workbook);
    companion_markdown(&Deliverable::of(module, exercise, workbook, &answers, at)).unwrap().into_bytes()
}

/// The deck names its author, so it joins their capstone from a folder of everyone's files;
/// one exported before a name was given joins the sole participant of its folder; a
/// capstone without its deck says so.
#[test]
fn the_executive_presentation_is_read_with_its_authors_capstone() {
    let ada = named(module_6(), "Ada Lovelace", "2026-B");
    let grace = named(module_6(), "Grace Hopper", "2026-C");
    let nameless = named(module_6(), "", "");
    let mut cohort = Cohort::default();
    let added = cohort.add(
        vec![
            ("all/enterprise-architecture-proposal.md".into(), document(&ada, "m6-2.3", EXPORTED_AT)),
            ("all/grace-proposal.md".into(), document(&grace, "m6-2.3", EXPORTED_AT)),
            // Renamed, and exported later than the proposal: still Ada's deck.
            ("all/ada-deck.md".into(), deck(&ada, "2026-11-24 09:00 UTC")),
            ("old/executive-presentation.md".into(), deck(&nameless, EXPORTED_AT)),
        ],
        vec![],
    );
    assert_eq!(added.refused, 1, "{:?}", cohort.refused);
    assert!(
        reason_for(&cohort, "old/executive-presentation.md").contains("names no participant"),
        "{:?}",
        cohort.refused
    );
    let (_, capstone) = find_exercise("m6-2.3").unwrap();
    let [ada_loaded, grace_loaded] = &cohort.participants[..] else { panic!("{:?}", cohort.participants) };
    let handed_in = &ada_loaded.workflows["executive-presentation.md"];
    assert_eq!(handed_in.file, "all/ada-deck.md");
    let (slides, text) = workbook::review::findings::readable_deck(handed_in.text.as_deref().unwrap());
    assert_eq!(slides, 13, "{text}");
    assert!(!text.contains("base64") && text.contains("[drawing: "), "{text}");

    let findings = |participant| assess(participant, &workbook_of(participant), capstone).findings;
    let missing_deck = "executive-presentation.md was not handed in";
    assert!(!findings(ada_loaded).iter().any(|f| f.contains(missing_deck)), "{:?}", findings(ada_loaded));
    assert!(findings(grace_loaded).iter().any(|f| f.contains(missing_deck)), "{:?}", findings(grace_loaded));

    // Exported without a name, it joins the one participant whose documents share its folder.
    cohort.add(
        vec![
            (
                "old/enterprise-architecture-proposal.md".into(),
                document(&named(module_6(), "Alan", ""), "m6-2.3", EXPORTED_AT),
            ),
            ("old/executive-presentation.md".into(), deck(&nameless, EXPORTED_AT)),
        ],
        vec![],
    );
    let alan = cohort.participants.iter().find(|p| p.profile.name == "Alan").unwrap();
    assert!(alan.workflows.contains_key("executive-presentation.md"));
    // The same deck again is a copy, and says whose it is.
    cohort.add(vec![("again/deck.md".into(), deck(&ada, "2026-11-24 09:00 UTC"))], vec![]);
    assert!(reason_for(&cohort, "again/deck.md").contains("loaded for Ada Lovelace already"), "{:?}", cohort.refused);

    // The participant's import page says what the file is, and imports nothing.
    let incoming = workbook::import::read("executive-presentation.md", &deck(&ada, EXPORTED_AT)).unwrap();
    assert!(incoming
        .describe()
        .starts_with("executive-presentation.md drafted from enterprise-architecture-proposal.md"));
    assert_eq!(workbook::import::apply(&ada, &incoming), ada);
}

/// The issue's walk-through: a GitHub token and a model key pasted into Module 5's
/// Exercise 2.1. The file never holds them, but it keeps the evidence: its self-check says
/// 5 of 6, its list of secrets names the one the workflow reads in place of the token, the
/// review names the field and asks for the token to be revoked, and the workflow written
/// again from the file's answers is the one exported beside it.
#[test]
fn a_pasted_credential_leaves_evidence_in_the_file_and_the_review() {
    let token = "ghp_0123456789abcdefghijABCDEFGHIJ012345";
    let key = "sk-proj-abcdefghijklmnopqrstuvwxyz0123";
    let mut ada = named(module5_workbook("blue-green", "script", "slack"), "Ada", "B");
    let answers = ada.exercises.get_mut("m5-2.1").unwrap();
    answers.set_text("deploy_command", format!("./deploy/release.sh --token {token} \"$SLOT\""));
    answers.set_text("strategy_rationale", format!("Adjusters need it all day (our key: {key})."));
    let exported = String::from_utf8(document(&ada, "m5-2.1", EXPORTED_AT)).unwrap();
    assert!(!exported.contains(token) && !exported.contains(key), "{exported}");
    assert!(exported.contains("5 of 6 success criteria met."), "{exported}");
    assert!(
        exported.contains(
            "| Secrets deploy-production.yml reads | DATABASE\\_URL, AI\\_API\\_KEY, GH\\_TOKEN (not in the list above: add it) |"
        ),
        "{exported}"
    );

    let (_, deployment) = find_exercise("m5-2.1").unwrap();
    let as_exported = |workbook: &Workbook| {
        let answers = deployment.answers_in(workbook);
        generated::text(deployment, &deployment.files[0], &workbook::course::Inputs::new(&answers, workbook))
    };
    let workflow = as_exported(&ada);
    assert!(
        workflow.contains("--token $GH_TOKEN") && workflow.contains("GH_TOKEN: ${{ secrets.GH_TOKEN }}"),
        "{workflow}"
    );

    let mut cohort = Cohort::default();
    cohort.add(vec![("ada/deployment-design.md".into(), exported.into_bytes())], vec![]);
    let participant = &cohort.participants[0];
    let read_back = workbook_of(participant);
    assert_eq!(as_exported(&read_back), workflow, "the file's answers write the same workflow");
    let findings = assess(participant, &read_back, deployment).findings;
    let said = findings.join("\n");
    assert!(said.contains("Success criterion not met: Secrets only as ${{ secrets.NAME }}"), "{said}");
    assert!(
        said.contains("A GitHub token was pasted into “Deploy command”; the export took it out and names its secret, GH_TOKEN. A credential that was pasted must be revoked and replaced."),
        "{said}"
    );
    assert!(said.contains("An OpenAI or Anthropic API key was pasted into “Why this strategy”"), "{said}");
}

#[test]
fn each_deliverable_is_complete_incomplete_or_missing_with_the_self_checks_findings() {
    let mut ada = named(module_6(), "Ada", "B");
    ada.exercises.remove("m6-2.2");
    let capstone = ada.exercises.get_mut("m6-2.3").unwrap();
    capstone.set_text("executive_summary", "Northwind should adopt the platform. Budget TBD.".into());
    capstone.set_text("client_name", String::new());
    let mut cohort = Cohort::default();
    cohort.add(
        vec![
            ("a/deployment-strategy.md".into(), document(&ada, "m6-2.1", EXPORTED_AT)),
            ("a/enterprise-architecture-proposal.md".into(), document(&ada, "m6-2.3", EXPORTED_AT)),
        ],
        vec![],
    );
    let participant = &cohort.participants[0];
    let workbook = workbook_of(participant);
    let strategy = assess(participant, &workbook, find_exercise("m6-2.1").unwrap().1);
    assert_eq!((strategy.status, strategy.findings.clone()), (Status::Complete, vec![]));
    let runbook = assess(participant, &workbook, find_exercise("m6-2.2").unwrap().1);
    assert_eq!(runbook.status, Status::Missing);
    let proposal = assess(participant, &workbook, find_exercise("m6-2.3").unwrap().1);
    assert_eq!(proposal.status, Status::Incomplete);
    let said = proposal.findings.join("\n");
    assert!(said.contains("Sections not complete: "), "{said}");
    assert!(said.contains("Placeholder text:") && said.contains("TBD"), "{said}");
    assert!(said.contains("Success criterion not met: "), "{said}");

    let (_, interventions) = review_row(participant);
    assert_eq!(
        interventions,
        [
            "Module 6: Exercise 2.2 incomplete or missing: reach out, offer support.",
            "Module 6: the capstone is missing key sections: give specific feedback before certification.",
        ]
    );

    // The feedback file says the same to the participant, in words meant for them.
    let feedback = workbook::review::grading::feedback_markdown(participant, &Default::default());
    assert!(feedback.contains("## Next steps\n\n- Module 6: finish Exercise 2.2;"), "{feedback}");
    assert!(feedback.contains("- Module 6: your proposal is missing required sections"), "{feedback}");
    for note_to_instructors in
        ["give specific feedback", "reach out", "offer support", "priority support", "To follow up"]
    {
        assert!(!feedback.contains(note_to_instructors), "{note_to_instructors:?} in {feedback}");
    }
}

/// The first draft's contradictions and copy-paste reach the instructor from the files
/// alone, and the consistent module's proposal, loaded alone, is complete without them.
#[test]
fn the_review_names_copy_paste_and_contradictions_between_the_exercises() {
    let files = |workbook: &Workbook| -> Vec<(String, Vec<u8>)> {
        [
            ("m6-2.1", "deployment-strategy.md"),
            ("m6-2.2", "operations-runbook.md"),
            ("m6-2.3", "enterprise-architecture-proposal.md"),
        ]
        .map(|(key, file)| (format!("ada/{file}"), document(workbook, key, EXPORTED_AT)))
        .to_vec()
    };
    let mut cohort = Cohort::default();
    cohort.add(files(&named(module_6_first_draft(), "Ada", "B")), vec![]);
    let participant = &cohort.participants[0];
    let proposal = assess(participant, &workbook_of(participant), find_exercise("m6-2.3").unwrap().1);
    let said = proposal.findings.join("\n");
    for flag in [
        "Volumes disagree: Exercise 2.1 plans for 150,000 requests a day",
        "the operations use AWS services: CloudWatch, S3",
        "shows no on-premises boundary",
        "Copy-paste without synthesis: “Operations” is Exercise 2.2 as written",
        "“to be confirmed” in Roles and contacts",
    ] {
        assert!(said.contains(flag), "missing {flag:?} in {said}");
    }

    let consistent = named(module_6(), "Grace", "B");
    let mut alone = Cohort::default();
    alone.add(
        vec![
            ("grace/enterprise-architecture-proposal.md".into(), document(&consistent, "m6-2.3", EXPORTED_AT)),
            ("grace/executive-presentation.md".into(), deck(&consistent, EXPORTED_AT)),
        ],
        vec![],
    );
    let participant = &alone.participants[0];
    let proposal = assess(participant, &workbook_of(participant), find_exercise("m6-2.3").unwrap().1);
    assert_eq!((proposal.status, proposal.findings), (Status::Complete, vec![]));
}

/// The figures the client's CTO and the instructor checked with a calculator: the review
/// names each, and the criterion they fail.
#[test]
fn the_review_names_each_figure_that_fails_a_calculator() {
    let workbook = named(module_6_as_reviewed(), "Ada", "B");
    let mut cohort = Cohort::default();
    cohort.add(vec![("ada/proposal.md".into(), document(&workbook, "m6-2.3", EXPORTED_AT))], vec![]);
    let participant = &cohort.participants[0];
    let proposal = assess(participant, &workbook_of(participant), find_exercise("m6-2.3").unwrap().1);
    let said = proposal.findings.join("\n");
    for flag in [
        "Over the token quota: General availability at its busiest minute",
        "The token alert pages on-call at every peak",
        "The requests trigger never fires",
        "The instance cap does not cap the spend: 50 instances at $2 an hour cost $72,000 a month",
        "Infrastructure does not grow with the users",
        "Self-hosted Llama scores 5 on Cost at projected volume",
        "The figures hold",
    ] {
        assert!(said.contains(flag), "missing {flag:?} in {said}");
    }
}

#[test]
fn a_complete_module_5_has_no_findings_and_no_intervention() {
    let grace = named(module5_workbook("canary", "kubernetes", "slack"), "Grace", "B");
    let mut cohort = Cohort::default();
    cohort.add(vec![("g.zip".into(), module5_zip(&grace))], vec![]);
    let (assessments, interventions) = review_row(&cohort.participants[0]);
    for (exercise, assessment) in &assessments {
        let expected = if exercise.key.starts_with("m5-") { Status::Complete } else { Status::Missing };
        assert_eq!(assessment.status, expected, "{}", exercise.key);
        assert!(assessment.findings.is_empty(), "{}: {:?}", exercise.key, assessment.findings);
    }
    assert!(interventions.is_empty(), "{interventions:?}");

    // Without its monitoring and capstone, the guide's Module 5 thresholds show.
    let mut partial = grace.clone();
    partial.exercises.retain(|key, _| key == "m5-2.1");
    let mut cohort = Cohort::default();
    cohort.add(vec![("g/deployment-design.md".into(), document(&partial, "m5-2.1", EXPORTED_AT))], vec![]);
    let (_, interventions) = review_row(&cohort.participants[0]);
    assert_eq!(
        interventions,
        [
            "Module 5: the capstone is incomplete: priority support, it validates the module.",
            "Module 5: no monitoring workflow (Exercise 2.2 missing).",
        ]
    );
}

#[test]
fn the_summary_csv_quotes_commas_quotes_and_line_breaks() {
    assert_eq!(csv::field("plain"), "plain");
    assert_eq!(csv::field("Lovelace, Ada"), "\"Lovelace, Ada\"");
    assert_eq!(csv::field("Ada \"the Countess\""), "\"Ada \"\"the Countess\"\"\"");
    assert_eq!(csv::field("two\nlines"), "\"two\nlines\"");
    let ada = named(module_6(), "Lovelace, Ada \"AL\"", "2026-B\nevening");
    let mut cohort = Cohort::default();
    cohort.add(vec![("a.md".into(), document(&ada, "m6-2.1", EXPORTED_AT))], vec![]);
    let text = csv::summary(&cohort);
    assert!(text.starts_with("participant,cohort,Module 5 2.1 status,Module 5 2.1 findings,"), "{text}");
    assert!(text.ends_with("\r\n"));
    // Read back as a spreadsheet would: every row has the header's number of fields.
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].len(), rows[0].len());
    assert_eq!(rows[1][0], "Lovelace, Ada \"AL\"");
    assert_eq!(rows[1][1], "2026-B\nevening");
    let column = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    assert_eq!(rows[1][column("Module 6 2.1 status")], "complete");
    assert_eq!(rows[1][column("Module 6 2.1 findings")], "0");
    assert_eq!(rows[1][column("Module 6 2.2 status")], "missing");
}

#[test]
fn no_csv_cell_starts_a_formula_whatever_the_files_say() {
    let formulas = ["=HYPERLINK(\"http://evil.example\",\"Click\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"];
    let mut cohort = Cohort::default();
    for (i, formula) in formulas.iter().enumerate() {
        // A formula as the name and as the cohort, each participant apart.
        let workbook = named(module_6(), &format!("{formula}{i}"), &format!("{formula}{i}"));
        cohort.add(vec![(format!("{i}.md"), document(&workbook, "m6-2.1", EXPORTED_AT))], vec![]);
    }
    assert_eq!(cohort.participants.len(), formulas.len());
    let rows = parse_csv(&csv::summary(&cohort));
    for row in &rows {
        assert_eq!(row.len(), rows[0].len());
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a spreadsheet runs {cell:?}");
        }
    }
    // The text itself is kept, behind the apostrophe that makes it text.
    for (i, formula) in formulas.iter().enumerate() {
        let shown = |text: &str| text.trim_start_matches('\'').trim().to_owned();
        let expected = format!("{formula}{i}").trim().to_owned();
        assert!(rows.iter().any(|row| shown(&row[0]) == expected && shown(&row[1]) == expected), "{expected:?}");
    }
    assert_eq!(csv::field("=1+1"), "\"'=1+1\"");
    assert_eq!(csv::field("-"), "\"'-\"");
}

/// A small RFC 4180 reader, for the test only.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn a_damaged_zip_is_called_a_damaged_zip() {
    let good = module5_zip(&module5_workbook("canary", "kubernetes", "slack"));
    let mut start_overwritten = good.clone();
    start_overwritten[..64].fill(0);
    let mut middle_overwritten = good.clone();
    let middle = good.len() / 2;
    middle_overwritten[middle..middle + 64].fill(0xff);
    for (how, bytes) in [
        ("cut in half", good[..middle].to_vec()),
        ("start overwritten", start_overwritten),
        ("middle overwritten", middle_overwritten),
    ] {
        let error = match workbook::import::read("exercise-2.3-environments.zip", &bytes) {
            Err(error) => error,
            Ok(_) => panic!("{how}: read"),
        };
        assert!(error.problem.contains(".zip") && error.problem.contains("damaged"), "{how}: {}", error.problem);
    }
}

#[test]
fn files_of_the_same_name_from_different_participants_all_load() {
    let files: Vec<(String, Vec<u8>)> = ["Ada", "Grace", "Edsger"]
        .iter()
        .map(|name| {
            let workbook = named(module5_workbook("canary", "script", "slack"), name, "B");
            ("exercise-2.3-environments.zip".to_owned(), module5_zip(&workbook))
        })
        .collect();
    let mut cohort = Cohort::default();
    let added = cohort.add(files, vec![]);
    assert_eq!((added.loaded, added.refused), (3, 0), "{:?}", cohort.refused);
    for participant in &cohort.participants {
        assert_eq!(participant.workflows.len(), 5, "{}", participant.profile.name);
    }
}

#[test]
fn the_rubric_totals_against_the_pass_mark_and_reaches_the_csv_and_the_feedback() {
    use workbook::course::Grading;
    use workbook::review::grading::{comment_library, feedback_file_name, feedback_markdown, passes, total, Grade};
    let (_, capstone) = find_exercise("m6-2.3").unwrap();
    let Some(Grading::Points(rubric)) = capstone.grading else { panic!("the capstone has a rubric") };
    let mut grade = Grade::default();
    for (criterion, points) in rubric.criteria.iter().zip([4, 3, 4]) {
        grade.points.insert(criterion.id.into(), points);
    }
    assert_eq!((total(rubric, &grade), passes(rubric, &grade)), (None, None), "not complete: no total");
    use workbook::review::grading::score_summary;
    assert_eq!(score_summary(capstone, Some(&grade)).as_deref(), Some("3 of 4 criteria scored"));
    assert_eq!(score_summary(capstone, None).as_deref(), Some(""));
    assert_eq!(score_summary(find_exercise("m5-2.3").unwrap().1, None), None, "graded per criterion, not on points");
    grade.points.insert("proposal_quality".into(), 2);
    assert_eq!((total(rubric, &grade), passes(rubric, &grade)), (Some(13), Some(false)), "13 of 20 is under 14");
    assert_eq!(score_summary(capstone, Some(&grade)).as_deref(), Some("13 of 20 · not certified"));
    grade.points.insert("proposal_quality".into(), 3);
    assert_eq!((total(rubric, &grade), passes(rubric, &grade)), (Some(14), Some(true)), "14 of 20 passes");
    assert_eq!(score_summary(capstone, Some(&grade)).as_deref(), Some("14 of 20 · certified"));
    grade.comments.insert("security".into(), "Map GDPR articles to controls, \"as discussed\".\nSee slide 6.".into());

    let ada = named(module_6(), "Ada Lovelace, PhD", "2026-B");
    let mut cohort = Cohort::default();
    cohort.add(vec![("a.md".into(), document(&ada, "m6-2.3", EXPORTED_AT))], vec![]);
    let id = cohort.participants[0].id.clone();
    cohort.grades.entry(id.clone()).or_default().insert("m6-2.3".into(), grade.clone());
    let mut other = Grade::default();
    other.comments.insert("security".into(), "Map GDPR articles to controls, \"as discussed\".\nSee slide 6.".into());
    other.comments.insert("".into(), "Well structured.".into());
    cohort.grades.entry("someone else".into()).or_default().insert("m6-2.3".into(), other);
    assert_eq!(
        comment_library(&cohort.grades),
        ["Map GDPR articles to controls, \"as discussed\".\nSee slide 6.", "Well structured."],
        "reused comments, most used first"
    );

    let rows = parse_csv(&csv::summary(&cohort));
    let column = |name: &str| {
        rows[0].iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}: {:?}", rows[0]))
    };
    assert_eq!(rows[1][0], "Ada Lovelace, PhD");
    assert_eq!(rows[1][column("Module 6 2.3 Platform Analysis (of 5)")], "4");
    assert_eq!(rows[1][column("Module 6 2.3 Proposal Quality (of 5)")], "3");
    assert_eq!(rows[1][column("Module 6 2.3 total (of 20)")], "14");
    assert_eq!(rows[1][column("Module 6 2.3 certified (needs 14 of 20)")], "yes");
    assert_eq!(rows[1][column("Module 5 2.3 criteria passed (of 6)")], "", "not judged: no grade");

    // Module 5's capstone: pass or needs work per success criterion, counted once all are judged.
    let mut verdicts = Grade::default();
    verdicts.verdicts.extend((0..5).map(|n| (n, n != 2)));
    cohort.grades.get_mut(&id).unwrap().insert("m5-2.3".into(), verdicts.clone());
    let rows = parse_csv(&csv::summary(&cohort));
    assert_eq!(rows[1][column("Module 5 2.3 criteria passed (of 6)")], "", "five of six judged");
    verdicts.verdicts.insert(5, true);
    cohort.grades.get_mut(&id).unwrap().insert("m5-2.3".into(), verdicts);
    let rows = parse_csv(&csv::summary(&cohort));
    assert_eq!(rows[1][column("Module 5 2.3 criteria passed (of 6)")], "5");

    let participant = &cohort.participants[0];
    assert_eq!(feedback_file_name(participant), "feedback-ada-lovelace-phd.md");
    for (name, file) in [
        ("Tomás García", "feedback-tomas-garcia.md"),
        ("Zoë Ødegård", "feedback-zoe-odegard.md"),
        ("ŁUKASZ ŻÓŁĆ", "feedback-lukasz-zolc.md"),
        ("Jürgen Straße-Œhlers", "feedback-jurgen-strasse-oehlers.md"),
        ("李雷", "feedback-participant.md"),
    ] {
        let mut cohort = Cohort::default();
        cohort.add(vec![("a.md".into(), document(&named(module_6(), name, "B"), "m6-2.1", EXPORTED_AT))], vec![]);
        assert_eq!(feedback_file_name(&cohort.participants[0]), file, "{name}");
    }
    let feedback = feedback_markdown(participant, &cohort.grades[&id]);
    for expected in [
        "# Feedback: Ada Lovelace, PhD",
        "| Security Architecture | 3 of 5 |",
        "| **Total** | **14 of 20** |",
        "Passed (certification needs 14 of 20).",
        "**Security architecture:**",
        "Map GDPR articles to controls, \"as discussed\".",
        "## Module 5 · Exercise 2.1: Deployment Strategy\n\nNot handed in",
    ] {
        assert!(feedback.contains(expected), "{expected:?} not in:\n{feedback}");
    }
    // Plain markdown: a renderer finds no HTML in it.
    let html = pulldown_cmark::Parser::new(&feedback)
        .filter(|e| matches!(e, pulldown_cmark::Event::Html(_) | pulldown_cmark::Event::InlineHtml(_)))
        .count();
    assert_eq!(html, 0, "{feedback}");
}

#[test]
fn an_edited_workflow_is_checked_for_the_guides_red_flags_and_secrets_written_as_values() {
    let mut grace = named(module5_workbook("blue-green", "script", "slack"), "Grace", "B");
    let (_, deployment) = find_exercise("m5-2.1").unwrap();
    let answers = deployment.answers_in(&grace);
    let generated_text =
        generated::text(deployment, &deployment.files[0], &workbook::course::Inputs::new(&answers, &grace));
    // Handed in edited: the smoke test gone, a token pasted.
    let handed_in = generated_text.replace("smoke", "check").replace("Smoke", "Check").replacen(
        "jobs:",
        "# token ghp_abcdefghijklmnopqrstuvwxyz0123456789\njobs:",
        1,
    );
    // Edited in the app before export: the rollback gone.
    let in_app = generated_text.replace("Roll back", "Undo").replace("roll back", "undo").replace("rollback", "undo");
    grace.exercises.get_mut("m5-2.1").unwrap().set_text(&deployment.files[0].edited_key(), in_app);
    let mut cohort = Cohort::default();
    cohort.add(
        vec![
            ("grace/deployment-design.md".into(), document(&grace, "m5-2.1", EXPORTED_AT)),
            ("grace/deploy-production.yml".into(), handed_in.into_bytes()),
        ],
        vec![],
    );
    let participant = &cohort.participants[0];
    assert!(participant.workflows[".github/workflows/deploy-production.yml"].text.is_some());
    let findings = assess(participant, &workbook_of(participant), deployment).findings;
    let path = ".github/workflows/deploy-production.yml";
    assert_eq!(
        findings,
        [
            // "Your own scripts" with the drafted smoke test: a script the participant must write.
            "The smoke test is the app's starting command (./deploy/smoke-test.sh \"$SLOT\"), a script not written yet: write the command that checks the new version, and the export puts it in that script.".to_owned(),
            format!("{path} (as edited in the app) has no rollback step any more."),
            format!("{path} was edited by hand after export (grace/deploy-production.yml)"),
            format!("{path} (as handed in) holds what looks like a GitHub token written as a value: it belongs in a secret, read as ${{{{ secrets.GH_TOKEN }}}}."),
            format!("{path} (as handed in) has no smoke test step any more."),
        ]
    );
}

#[test]
fn a_document_edited_by_hand_shows_exactly_what_changed_since_export() {
    use workbook::review::diff::Line;
    use workbook::review::findings::edits_since_export;
    let ada = named(module_6(), "Ada Lovelace", "2026-B");
    let exported = String::from_utf8(document(&ada, "m6-2.1", EXPORTED_AT)).unwrap();
    let line = exported.lines().find(|l| l.contains("Northwind")).unwrap().to_owned();
    let edited = exported.replacen(&line, "Rewritten by hand after export.", 1);
    let mut cohort = Cohort::default();
    cohort.add(vec![("deployment-strategy.md".into(), edited.into_bytes())], vec![]);
    let participant = &cohort.participants[0];
    let (_, exercise) = find_exercise("m6-2.1").unwrap();
    let changed: Vec<Line> = edits_since_export(participant, exercise)
        .unwrap()
        .into_iter()
        .filter(|l| matches!(l, Line::Removed(_) | Line::Added(_)))
        .collect();
    assert_eq!(changed, [Line::Removed(line), Line::Added("Rewritten by hand after export.".into())]);
    // A file as exported has nothing to compare.
    let mut cohort = Cohort::default();
    cohort.add(vec![("deployment-strategy.md".into(), exported.into_bytes())], vec![]);
    assert_eq!(edits_since_export(&cohort.participants[0], exercise), None);
}

#[test]
fn a_folder_of_forty_files_loads_every_good_one_including_an_older_format() {
    // 30 good files: 15 participants with two Module 6 deliverables each.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for n in 1..=15 {
        let workbook = named(module_6(), &format!("Participant {n:02}"), "2026-B");
        for key in ["m6-2.1", "m6-2.2"] {
            files.push((format!("cohort/p{n:02}/{key}.md"), document(&workbook, key, EXPORTED_AT)));
        }
    }
    // A file in the first release's format (schema 1), for a sixteenth participant.
    let v1 = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/samples/v1-deployment-strategy.md"))
        .unwrap()
        .replace("Ada Lovelace", "Old Format");
    files.push(("cohort/old/deployment-strategy.md".into(), v1.into_bytes()));
    // Nine that do not load: broken, foreign, duplicate, older.
    let first = files[0].1.clone();
    let mut draft = named(module_6(), "Participant 01", "2026-B");
    draft.exercises.get_mut("m6-2.1").unwrap().set_text("scenario_summary", "An earlier draft".into());
    let older = document(&draft, "m6-2.1", "2026-11-01 09:00 UTC");
    for (name, bytes) in [
        ("cohort/copy.md", first.clone()),
        ("cohort/older.md", older),
        ("cohort/empty.md", Vec::new()),
        ("cohort/cut.md", first[..first.len() / 2].to_vec()),
        ("cohort/notes.txt", b"grading notes".to_vec()),
        ("cohort/photo.jpg", vec![0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
        ("cohort/data.json", br#"{"some": "other json"}"#.to_vec()),
        ("cohort/broken.json", b"{\"format\": \"workbook-backup\", ".to_vec()),
        ("cohort/other.zip", b"PK\x03\x04 not really a zip".to_vec()),
    ] {
        files.push((name.to_owned(), bytes));
    }
    assert_eq!(files.len(), 40);
    let mut cohort = Cohort::default();
    let added = cohort.add(files, vec![]);
    assert_eq!((added.loaded, added.refused), (31, 9), "{:#?}", cohort.refused);
    assert_eq!(cohort.participants.len(), 16);
    let old = cohort.participants.iter().find(|p| p.profile.name == "Old Format").expect("the v1 file loads");
    assert!(old.exercises.contains_key("m6-2.1"));
    for refused in &cohort.refused {
        assert!(!refused.reason.trim().is_empty(), "{} has a reason", refused.file);
    }
    assert!(reason_for(&cohort, "cohort/older.md").starts_with("an older export of Participant 01's"));
    assert!(reason_for(&cohort, "cohort/copy.md").starts_with("the same answers"));
}

/// The guide's Module 5 red flags, and its "common issues to flag", beside the deliverables
/// that have them: read from the files a participant hands in, each said with what to do.
#[test]
fn module_5_red_flags_show_beside_the_deliverables_that_have_them() {
    let findings = |workbook: &Workbook, key: &str| {
        let mut cohort = Cohort::default();
        let files: Vec<(String, Vec<u8>)> = ["m5-2.1", "m5-2.2", "m5-2.3"]
            .iter()
            .filter(|k| workbook.exercises.contains_key(**k))
            .map(|k| (format!("h/{k}.md"), document(workbook, k, EXPORTED_AT)))
            .collect();
        cohort.add(files, vec![]);
        let participant = &cohort.participants[0];
        assess(participant, &workbook_of(participant), find_exercise(key).unwrap().1).findings
    };
    // Exercise 2.1 on Azure: a smoke test and a rejection that do nothing, the app's
    // placeholder resource group in a command, a secret read but not listed.
    let mut hopper = named(module5_workbook("canary", "azure-webapp", "slack"), "Hopper", "B");
    let deploy = hopper.exercises.get_mut("m5-2.1").unwrap();
    deploy.set_text("smoke_test_command", "true".into());
    deploy.set_text("rollback_command", "echo \"rolled back\"".into());
    deploy.set_text(
        "traffic_command",
        "az webapp traffic-routing set --resource-group my-resource-group --name \"$APP_NAME\" --distribution canary=\"$PERCENT\"".into(),
    );
    deploy.rows_mut("secrets").retain(|row| row.get("name").map(String::as_str) != Some("AZURE_TENANT_ID"));
    let flags = findings(&hopper, "m5-2.1");
    for expected in [
        "No smoke test: its command (true) checks nothing before users reach the new version.",
        "The canary has no way to reject (roll back): its command (echo \"rolled back\") does nothing.",
        "“my-resource-group” is still in Traffic command: it is the app's placeholder",
        "deploy-production.yml reads AZURE_TENANT_ID, which the list of secrets does not name",
    ] {
        assert!(flags.iter().any(|f| f.starts_with(expected)), "{expected}\n{flags:#?}");
    }
    // "Your own scripts" with the drafted smoke test: a script the participant must write.
    let scripts = named(module5_workbook("blue-green", "script", "slack"), "Lamarr", "B");
    assert!(findings(&scripts, "m5-2.1").iter().any(|f| f.starts_with("The smoke test is the app's starting command")));

    // The capstone: no monitoring of theirs, no environments, no approval gate.
    let mut capstone = named(module5_workbook("blue-green", "kubernetes", "slack"), "Noether", "B");
    capstone.exercises.remove("m5-2.2");
    capstone.exercises.get_mut("m5-2.3").unwrap().set_text("done", "production-secrets".into());
    let flags = findings(&capstone, "m5-2.3");
    for expected in [
        "No monitoring workflow of the participant's",
        "No environments configured yet",
        "Production has no approval gate yet",
    ] {
        assert!(flags.iter().any(|f| f.starts_with(expected)), "{expected}\n{flags:#?}");
    }
    capstone.exercises.get_mut("m5-2.3").unwrap().set_text("protection", "unprotected".into());
    assert!(findings(&capstone, "m5-2.3")
        .iter()
        .any(|f| f.starts_with("No environments: a private repository on GitHub Free")));
}
