//! Shared by the export tests: filled-in exercises and the expected-file check.
#![allow(dead_code)] // each test file uses part of it

use workbook::course::find_exercise;
use workbook::model::{ExerciseAnswers, Profile, Workbook};

pub const EXPORTED_AT: &str = "2026-11-23 10:00 UTC";

/// Exercise 2.1 fully answered for a realistic client.
pub fn deployment_strategy() -> (Profile, ExerciseAnswers) {
    let (_, exercise) = find_exercise("m6-2.1").unwrap();
    let profile =
        Profile { name: "Ada Lovelace".into(), cohort: "2026-B".into(), scenario: "Northwind Insurance".into() };
    let mut workbook = Workbook::default();
    let a = exercise.answers_in_mut(&mut workbook);
    for (field, value) in [
        ("scenario_summary", "Northwind Insurance rolls out an AI claims assistant to 2,000 adjusters.\nClaims data is regulated (GDPR); the ops team runs Kubernetes today.\n\nPeaks on Monday mornings."),
        ("expected_users", "2000"),
        ("requests_per_day", "40,000"),
        ("q_regulation", "no"),
        ("q_volume", "no"),
        ("q_ops", "yes"),
        ("hosting_model", "hybrid"),
        ("hybrid_pattern", "data-on-premises"),
        ("hosting_rationale", "Claims documents stay in the EU data centre; only redacted text goes to the cloud model."),
        ("min_instances", "2"),
        ("hourly_budget", "$48"),
        ("instance_cost", "2"),
        ("max_instances", "24"),
        ("scale_out_delay", "60"),
        ("scale_in_delay", "300"),
        ("session_affinity", "external"),
        ("health_probe", "GET /health every 30 s: sends a 1-token prompt to the model API; 3 failures mark the instance unhealthy."),
        ("health_probe_checks_ai", "yes"),
        ("migration_strategy", "feature-flags"),
        ("migration_rationale", "Adjusters switch per team; the flag turns the assistant off in seconds."),
        ("rollback_triggers", "Error rate above 5% for 5 minutes, or P95 latency above 10 s for 10 minutes."),
        ("rollback_procedure", "1. Turn the feature flag off.\n2. Redeploy the previous release.\n3. Tell the adjusters' channel."),
        ("rollback_testing", "Every release candidate is rolled back once in staging before promotion."),
        ("rollback_owner", "On-call engineering lead; backup: platform manager"),
    ] {
        a.set_text(field, value.to_owned());
    }
    let triggers = a.rows_mut("triggers");
    for (row, threshold, notes) in [
        (0, "2", "an instance answers about one request a second within p95 5 s"),
        (1, "200000", "two thirds of the 300k TPM quota"),
        (2, "50", ""),
    ] {
        triggers[row].insert("threshold".into(), threshold.into());
        if !notes.is_empty() {
            triggers[row].insert("notes".into(), notes.into());
        }
    }
    fill_columns(
        a,
        "phases",
        ["criteria", "decision"],
        &[
            ["P95 < 5 s; 80% of adjusters rate answers useful", "Go when met for 2 consecutive weeks"],
            ["Error rate < 1%; cost per claim < $0.40", "Go when met and support tickets fall"],
            ["SLOs met monthly", "Review quarterly"],
        ],
    );
    let answers = a.clone();
    (profile, answers)
}

/// Compares an exported file with `tests/expected/<name>`. To accept an intended change of
/// format: `UPDATE_EXPECTED=1 cargo test`, then review the diff of the expected file.
pub fn expect_file(name: &str, actual: &str) {
    let path = format!("{}/tests/expected/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).expect("run once with UPDATE_EXPECTED=1 to create the expected file");
    assert_eq!(actual, expected, "export differs from tests/expected/{name}");
}

/// Exercise 2.2 fully answered for the same client.
pub fn operations_runbook() -> ExerciseAnswers {
    let (_, exercise) = find_exercise("m6-2.2").unwrap();
    let mut workbook = Workbook::default();
    let a = exercise.answers_in_mut(&mut workbook);
    fill_columns(
        a,
        "stack",
        ["tool", "covers"],
        &[
            ["Prometheus", "Request rate, P95 latency, tokens per minute, queue depth, cost per request"],
            ["CloudWatch Logs", "Sanitized request/response logs, 90 days; audit logs exported to S3"],
            ["Jaeger", "API gateway → claims service → model API, one trace ID per claim"],
            ["Grafana", "One AI dashboard per environment; the on-call view shows quotas"],
            ["Alertmanager → PagerDuty", "Routes by severity; SEV1 pages the primary on-call"],
        ],
    );
    fill_columns(
        a,
        "ai_metrics",
        ["severity", "paged"],
        &[
            ["SEV2", "Primary on-call"],
            ["SEV3", "Platform manager"],
            ["SEV2", "Primary on-call"],
            ["SEV1", "Primary on-call"],
            ["SEV3", "ML lead"],
        ],
    );
    let metrics = a.rows_mut("ai_metrics");
    metrics[3].insert("alert".into(), "> 5% for 5 min".into());
    metrics[4].insert("target".into(), "≥ 4 of 5 from adjusters".into());
    metrics[4].insert("alert".into(), "< 3.5 weekly average".into());
    for (field, value) in [
        ("logged", "Sanitized prompt and response, input and output token counts, model id and version, trace ID, latency."),
        ("pii_redaction", "A logging middleware masks names, emails and policy numbers before anything is written; a weekly job samples 100 lines and fails the build if a pattern slips through."),
        ("audit_retention", "7 years in write-once S3, read access for compliance only"),
        ("ai_triage", "First the provider status page and the model API latency panel: slow API with healthy pods means the provider (fail over to the fallback model); errors from our pods mean infrastructure (roll back)."),
        ("containment", "circuit_breaker\nfallback_model"),
        ("capacity_watch", "Alert when instances stay at max for 10 minutes or tokens per minute pass 80% of the quota; on-call asks the provider for a quota increase and enables response caching."),
    ] {
        a.set_text(field, value.to_owned());
    }
    fill_columns(
        a,
        "steps",
        ["actions"],
        &[
            ["Alertmanager pages on the thresholds above; adjusters report in #claims-ai."],
            ["On-call checks the AI dashboard: AI API issue or infrastructure? Sets the severity."],
            ["Circuit breaker opens automatically; on-call switches to the fallback model if quality allows."],
            ["Trace IDs from the failing claims; provider status; the last deployment's diff."],
            ["Fix forward or roll back (see the deployment strategy); confirm metrics recover for 30 minutes."],
            ["Blameless review within 5 working days; actions tracked to closure."],
        ],
    );
    fill_columns(
        a,
        "roles",
        ["who", "contact"],
        &[
            ["Platform team rota", "<pager alias: claims-ai-primary>"],
            ["Platform team rota", "<pager alias: claims-ai-secondary>"],
            ["Engineering manager", "<phone: to be confirmed>"],
            ["Provider enterprise support", "<support plan ID>"],
        ],
    );
    fill_columns(
        a,
        "severities",
        ["definition", "response"],
        &[
            ["The AI feature is down for everyone, or data is exposed", "15 minutes"],
            ["Degraded: P95 latency above 10 s or error rate above 5%", "1 hour"],
            ["Minor: one user or a cosmetic problem", "Next business day"],
        ],
    );
    a.clone()
}

/// Asserts that exercise `key` of `workbook` is fully answered and meets every criterion.
pub fn assert_complete(workbook: &Workbook, key: &str) {
    let (_, exercise) = find_exercise(key).unwrap();
    let answers = exercise.answers_in(workbook);
    let progress = workbook::course::progress::exercise_progress(exercise, &answers);
    assert!(progress.is_complete(), "{key}: {progress:?}");
    let inputs = workbook::course::Inputs::new(&answers, workbook);
    let unmet: Vec<_> =
        workbook::course::progress::self_check(exercise, &inputs).into_iter().filter(|(_, ok)| !ok).collect();
    assert!(unmet.is_empty(), "{key}: {unmet:?}");
}

/// Fills `columns` of a table's existing rows, row by row (the rows come from defaults).
pub fn fill_columns<const N: usize>(
    answers: &mut ExerciseAnswers,
    field: &str,
    columns: [&str; N],
    values: &[[&str; N]],
) {
    let rows = answers.rows_mut(field);
    assert!(values.len() <= rows.len(), "{field} has {} rows, not {}", rows.len(), values.len());
    for (row, cells) in rows.iter_mut().zip(values) {
        row.extend(columns.iter().zip(cells).map(|(column, cell)| (column.to_string(), cell.to_string())));
    }
}

/// Sets a table's rows from (column, value) pairs, replacing what was there.
pub fn set_rows(answers: &mut ExerciseAnswers, field: &str, rows: &[&[(&str, &str)]]) {
    *answers.rows_mut(field) = rows
        .iter()
        .map(|cells| {
            let mut row = workbook::model::Row::new();
            row.extend(cells.iter().map(|(k, v)| (k.to_string(), v.to_string())));
            row
        })
        .collect();
}

/// Exercise 2.3 fully answered for the same client, one slide edited by hand.
pub fn capstone() -> ExerciseAnswers {
    let (_, exercise) = find_exercise("m6-2.3").unwrap();
    let mut workbook = Workbook::default();
    let a = exercise.answers_in_mut(&mut workbook);
    for (field, value) in [
        ("client_name", "Northwind Insurance"),
        ("client_context", "Northwind Insurance is a mid-sized motor and home insurer with 2,000 claims adjusters in four EU countries. It handles 40,000 claims a month; each claim arrives with an average of 14 documents (photos, repair estimates, police reports, medical letters), and an adjuster spends about 22 minutes reading them before the first decision.\n\nClaims backlogs peak after storms and on Monday mornings, and the time to a first decision has grown from 3 to 5 working days in two years. Customer complaints about slow claims rose by a third over the same period, and two competitors now advertise same-day first decisions.\n\nClaims data is personal data under GDPR, some of it health data (Art. 9), and must stay in the EU. Northwind runs its core systems in its own EU data centre and its digital channels on Microsoft Azure, under an enterprise agreement renewed in 2026. Its platform team of 12 runs Kubernetes on Azure today; it has no experience of running GPUs or models.\n\nThe claims assistant summarises a claim's documents, drafts the questions the adjuster should ask, and points to the policy clauses that apply. It never decides a claim: the adjuster does. At general availability each adjuster asks it about 20 questions a working day, 40,000 requests a day in all."),
        ("executive_summary", "We recommend that Northwind Insurance deploy a claims assistant on Azure OpenAI in the EU Data Boundary, behind its existing API gateway, with the claims documents kept in Northwind's EU data centre and only redacted text sent to the model.\n\nThe assistant is expected to cut the 22 minutes an adjuster spends reading a claim's documents to about 14. Counting a quarter of the time saved as cash, plus fewer re-opened claims, the benefit is worth $896,000 a year. It costs $320,000 once (integration, security review and DPIA, training, evaluation) and $24,000 a month to run for all 2,000 adjusters, so the one-off costs pay back in about 6 months of general availability.\n\nThe rollout is phased: a 4-6 week pilot with 10 adjusters of the Leeds motor team from 1 Feb 2027, a limited rollout to 100 adjusters, and general availability between 26 Apr 2027 and 7 Jun 2027. Each phase has go/no-go criteria on latency, quality, cost per request and adoption, and a feature flag turns the assistant off for any team within minutes.\n\nWe ask the executive committee to approve the pilot and the one-off budget of $320,000, and to name the Head of Claims as the business owner."),
        ("decision_requested", "Approve a 6-week pilot with 10 adjusters and a one-off budget of $320,000"),
        ("document_status", "For decision"),
        ("business_problem", "Adjusters spend 22 minutes reading the documents of each claim before they can decide anything: 176,000 hours a year across 480,000 claims, about a fifth of the claims department's time. The backlog this creates has pushed the time to a first decision from 3 to 5 working days, complaints about slow claims are up by a third, and 3% of claims are re-opened because a document was missed.\n\nHiring is not the answer: Northwind has had 60 adjuster vacancies open for six months, and a new adjuster takes a year to reach full speed."),
        ("platform_a", "AWS Bedrock"),
        ("platform_b", "Azure OpenAI"),
        ("platform_c", "Self-hosted Llama"),
        ("recommended_platform", "Azure OpenAI"),
        ("recommendation_rationale", "Azure OpenAI has the highest weighted score (4.25 of 5, against 3.85 for AWS Bedrock and 2.45 for self-hosted Llama). It wins on the two criteria Northwind weighs most after cost: security and compliance (the EU Data Boundary, private endpoints, Entra ID, all under Northwind's existing agreement) and integration (the digital channels, the API gateway and the monitoring already run on Azure).\n\nBedrock scores as well on cost and model choice, but would add a second cloud to operate, audit and contract for a single workload. Self-hosting Llama would keep the model in Northwind's data centre, but at 40,000 requests a day it costs more than the cloud and needs GPU operations skills Northwind does not have."),
        ("client_factors", "Northwind Insurance has an Azure enterprise agreement with committed spend it has not used up, so the model calls draw down a commitment rather than a new budget line. Its platform team knows Azure and Kubernetes but not GPUs. Its data protection officer requires EU processing and a DPIA before any pilot, and its procurement rules make a new cloud provider a six-month process."),
        ("tokens_per_request", "1,500"),
        ("busy_hours", "10"),
        ("peak_factor", "1.5"),
        ("price_per_1k", "$0.01"),
        ("cost_assumptions", "A month is 30 days; each request averages 1,200 prompt and 300 completion tokens at a blended $0.01 per 1,000 tokens (Azure OpenAI list price, Nov 2026, EU Data Zone deployment). Infrastructure covers the AKS nodes, the API gateway, Azure Monitor and Log Analytics, and storage; it grows with the instances the load needs.\n\nNot assumed, and so savings still to come: prompt caching of the policy clauses (about 30% of prompt tokens), and routing simple questions to a smaller model (about a third of requests). Either would cut the AI API line by a fifth or more.\n\nThe figures would change if adjusters ask more than 20 questions a day, or if the price per 1,000 tokens changes at the model's next version."),
        ("deployment_synthesis", "Feature flags per claims team let Northwind Insurance stop the rollout within minutes. The pilot runs with the Leeds claims team, whose 10 adjusters handle motor claims only, so a wrong answer costs one team a morning rather than the whole business. Each go/no-go falls before a budget review.\n\nThe hybrid model is what makes a cloud model acceptable to Northwind's data protection officer: the claims documents never leave the Frankfurt data centre, and the redaction service is tested on the 200-claim evaluation set before each phase. The limited rollout adds injury claims, whose health data is the strictest test of redaction, only after the pilot has shown the redaction holds on motor claims."),
        ("operations_synthesis", "Northwind Insurance's platform team runs the service from general availability, with the tools it already uses for its Azure workloads: Azure Monitor, Log Analytics and PagerDuty. Until then the consultant team shares the on-call rota, and hands over one runbook step at a time during the limited rollout.\n\nThe metrics connect to the business case: cost per request is watched against the $0.02 the cost model assumes, and the quality score against the adjusters' ratings that decide each go/no-go. Claims team leads hear of a SEV1 or SEV2 incident within 15 minutes through their Teams channel, and adjusters can always fall back to working without the assistant."),
        ("scaling_synthesis", "General availability peaks at about 150,000 tokens a minute on Monday mornings (40,000 requests over the adjusters' 10 busy hours, 1.5 times their average), half the 300,000 quota Microsoft confirmed for the EU deployment. Above 200,000 the platform scales out and on-call asks for more quota; 24 instances at $2 an hour cap the spend at $34,560 a month."),
        ("rollout_start", "2027-02-01"),
        ("availability_slo", "99.9% a month, 07:00-19:00 CET on working days"),
        ("rto", "4 hours"),
        ("rpo", "15 minutes"),
        ("zones_regions", "The claims assistant runs on AKS in Azure West Europe across three availability zones, beside Northwind's other Azure workloads. The model is an Azure OpenAI Data Zone deployment in the EU, so prompts are processed only in EU regions. The claims documents and the redaction service stay in Northwind's data centre in Frankfurt, connected to Azure by ExpressRoute."),
        ("failover", "A zone failure is absorbed by the other two zones: the instances are spread across them and the gateway routes around the failed one within a minute. If the model deployment fails or exhausts its quota, the circuit breaker opens after 5 failed calls in 30 seconds and requests go to the fallback deployment. If Azure West Europe fails, adjusters work without the assistant, as they do today, and the service is rebuilt in North Europe from its infrastructure code within the 4-hour RTO."),
        ("fallback_model", "GPT-4o mini, a second Data Zone deployment with its own quota"),
        ("dpia", "Required: the assistant processes health data in claims at scale with a new technology (GDPR Art. 35). Northwind's data protection officer runs the DPIA with the claims and platform teams in Jan 2027, before the pilot. It must settle the lawful basis for processing claims documents with a model, the redaction rules, and what adjusters are told. The pilot does not start until the DPO signs it off."),
        ("human_oversight", "The assistant never decides a claim. Every summary and suggested question is shown to the adjuster beside the source documents, with the pages it drew on; the adjuster accepts, edits or discards it, and the claim system records which. Claim decisions stay with the adjuster, so no one is subject to a solely automated decision (GDPR Art. 22). Team leads review a sample of 20 assisted claims a week during the pilot."),
        ("assumptions", "Each adjuster asks about 20 questions a working day, 1,500 tokens each, in a 10-hour day with a Monday peak 1.5 times the average. Azure OpenAI's price stays at about $0.01 per 1,000 tokens through 2027, and Microsoft keeps the 300,000 tokens-a-minute quota it confirmed. The platform team can give 1.5 people to the service after general availability. Adjusters save about 8 minutes a claim, which the pilot measures before anyone counts on it."),
        ("dependencies", "Microsoft: the Data Zone deployment and its quota, confirmed in writing by 15 Jan 2027. Northwind's data protection officer: the DPIA signed by 25 Jan 2027. The claims system team: the document API the assistant reads, in their February release. Procurement: none, as the enterprise agreement covers Azure OpenAI. The works council in Germany: informed before adjusters there join the limited rollout."),
        ("preparation", "From approval on 4 Dec 2026 to the pilot on 1 Feb 2027: the Data Zone deployment and its quota confirmed (by 15 Jan 2027); an evaluation set of 200 past claims with the answers adjusters expect (by 20 Jan 2027); the security review of the gateway, redaction service and private endpoints (by 22 Jan 2027); the DPIA signed by the DPO (by 25 Jan 2027); the integration with the claims system's document API tested in staging (by 27 Jan 2027); and a half-day training for the 10 pilot adjusters (29 Jan 2027)."),
        ("next_steps", "1. Sign off the pilot and the one-off budget.\n2. Nominate the 10 pilot adjusters and their team lead.\n3. Ask Microsoft to confirm the Data Zone quota.\n4. Start the DPIA with the data protection officer.\n5. Provision the EU deployment and the staging environment."),
        ("slide_summary", "## Executive summary\n\n- Azure OpenAI, behind the existing gateway\n- Pilot in February\n- $24,000 a month at full rollout"),
    ] {
        a.set_text(field, value.to_owned());
    }
    fill_columns(
        a,
        "scoring",
        ["score_a", "score_b", "score_c"],
        &[["4", "4", "2"], ["4", "5", "3"], ["4", "4", "3"], ["3", "5", "2"], ["4", "3", "2"]],
    );
    fill_columns(
        a,
        "security_layers",
        ["controls"],
        &[
            ["Private endpoints for Azure OpenAI and storage; no public model access; ExpressRoute to the Frankfurt data centre; Web Application Firewall at the gateway"],
            ["Entra ID single sign-on with MFA; one role per claims team; managed identities between services; no shared keys"],
            ["Input validation and size limits at the gateway; output filtering; the assistant can read claims but never change them"],
            ["PII redaction before prompts; claims documents stay in the EU data centre; encryption at rest with Northwind's keys"],
            ["Audit logs to Microsoft Sentinel; alerts on unusual volumes per user; quarterly access review"],
        ],
    );
    fill_columns(
        a,
        "ai_controls",
        ["control"],
        &[
            ["System prompt isolated from document text; Azure AI Content Safety prompt shields on every input; documents treated as data, never as instructions"],
            ["PII redaction before the model; no training on Northwind's data (Azure OpenAI terms); answers checked for personal data of other claimants"],
            ["Managed identities only; per-team quotas at the gateway; model deployments changed only through the release pipeline"],
        ],
    );
    set_rows(
        a,
        "compliance",
        &[
            &[
                ("regulation", "GDPR Art. 5, 44"),
                ("requirement", "Personal data processed lawfully, minimised, and kept in the EU"),
                ("control", "Redaction before prompts; EU Data Zone deployment; claims documents stay in Frankfurt"),
            ],
            &[
                ("regulation", "GDPR Art. 9"),
                ("requirement", "Health data in claims protected as a special category"),
                (
                    "control",
                    "Medical letters redacted to their claim-relevant facts; access limited to injury-claims teams",
                ),
            ],
            &[
                ("regulation", "GDPR Art. 22"),
                ("requirement", "No solely automated decision with legal effect on a person"),
                ("control", "The adjuster decides every claim; the assistant only drafts; acceptance recorded"),
            ],
            &[
                ("regulation", "GDPR Art. 35"),
                ("requirement", "An impact assessment before high-risk processing"),
                ("control", "DPIA signed by the DPO before the pilot"),
            ],
            &[
                ("regulation", "EU AI Act"),
                ("requirement", "Transparency to users; records of the system's use"),
                ("control", "Adjusters told what the assistant does and cannot do; 7-year audit log of every request"),
            ],
            &[
                ("regulation", "EIOPA cloud outsourcing guidelines"),
                ("requirement", "Outsourcing to a cloud provider documented, with an exit plan"),
                ("control", "Registered under the Azure agreement; exit plan through the gateway's model abstraction"),
            ],
        ],
    );
    set_rows(
        a,
        "benefits",
        &[
            &[
                ("benefit", "Faster claim handling"),
                ("measure", "Document reading 22 → 14 minutes a claim, 64,000 hours a year; a quarter counted as cash at $38 an hour"),
                ("value", "$608,000"),
            ],
            &[
                ("benefit", "Fewer re-opened claims"),
                ("measure", "Re-opened claims 3% → 2.5%: 2,400 fewer a year at $120 of handling each"),
                ("value", "$288,000"),
            ],
        ],
    );
    fill_columns(a, "one_off_costs", ["cost"], &[["$180,000"], ["$45,000"], ["$60,000"]]);
    a.rows_mut("one_off_costs").push(row(&[("item", "Evaluation set and pilot support"), ("cost", "$35,000")]));
    set_rows(
        a,
        "data_flows",
        &[
            &[
                ("data", "Prompts"),
                ("destination", "Azure OpenAI, after redaction; not stored by the provider"),
                ("region", "EU Data Zone"),
                ("retention", "Not kept"),
            ],
            &[
                ("data", "Model answers"),
                ("destination", "The claim's record in the claims system"),
                ("region", "Frankfurt data centre"),
                ("retention", "As the claim: 10 years"),
            ],
            &[
                ("data", "Logs and traces"),
                ("destination", "Log Analytics and Application Insights, sanitized"),
                ("region", "West Europe"),
                ("retention", "90 days"),
            ],
            &[
                ("data", "Audit records"),
                ("destination", "Immutable Blob Storage, read by compliance only"),
                ("region", "West Europe"),
                ("retention", "7 years"),
            ],
        ],
    );
    fill_columns(
        a,
        "scenarios",
        ["requests_per_day", "infrastructure"],
        &[["200", "1,500"], ["2,000", "3,000"], ["40,000", "6,000"]],
    );
    a.rows_mut("scenarios")[2].insert("users".into(), "2000".into());
    set_rows(
        a,
        "components",
        &[
            &[("name", "Claims portal"), ("group", "Client")],
            &[("name", "API gateway"), ("group", "Edge")],
            &[("name", "Claims assistant"), ("group", "Application")],
            &[("name", "Azure OpenAI"), ("group", "AI")],
            &[("name", "Redaction service"), ("group", "On-premises (EU data centre)")],
            &[("name", "Claims database"), ("group", "On-premises (EU data centre)")],
        ],
    );
    set_rows(
        a,
        "connections",
        &[
            &[("from", "Claims portal"), ("to", "API gateway"), ("label", "HTTPS")],
            &[("from", "API gateway"), ("to", "Claims assistant")],
            &[("from", "Claims assistant"), ("to", "Redaction service"), ("label", "claim documents")],
            &[("from", "Redaction service"), ("to", "Claims database")],
            &[("from", "Claims assistant"), ("to", "Azure OpenAI"), ("label", "redacted prompts")],
        ],
    );
    set_rows(
        a,
        "roadmap",
        &[
            &[
                ("milestone", "Proposal approved; pilot team named"),
                ("timing", "4 Dec 2026"),
                ("owner", "Executive committee"),
            ],
            &[
                ("milestone", "Quota confirmed, DPIA signed, security review passed"),
                ("timing", "25 Jan 2027"),
                ("owner", "Platform lead; DPO"),
            ],
            &[
                ("milestone", "Pilot starts with 10 Leeds adjusters"),
                ("timing", "1 Feb 2027"),
                ("owner", "Head of Claims"),
            ],
            &[("milestone", "Pilot go/no-go"), ("timing", "1 Mar 2027 to 15 Mar 2027"), ("owner", "Head of Claims")],
            &[
                ("milestone", "Limited rollout go/no-go"),
                ("timing", "26 Apr 2027 to 7 Jun 2027"),
                ("owner", "Head of Claims; platform lead"),
            ],
            &[
                ("milestone", "General availability: all 2,000 adjusters"),
                ("timing", "7 Jun 2027 at the latest"),
                ("owner", "Head of Claims"),
            ],
            &[
                ("milestone", "First quarterly review of cost and quality"),
                ("timing", "Sep 2027"),
                ("owner", "Product owner"),
            ],
        ],
    );
    set_rows(
        a,
        "decision_records",
        &[
            &[
                ("decision", "Platform"),
                ("context", "One model platform for claims, under GDPR, with a small platform team"),
                ("options", "AWS Bedrock; Azure OpenAI; self-hosted Llama"),
                (
                    "choice",
                    "Azure OpenAI: the highest weighted score, the EU Data Boundary, and the existing agreement",
                ),
                (
                    "consequences",
                    "Tied to Azure's model catalogue; the gateway keeps prompts portable should that change",
                ),
            ],
            &[
                ("decision", "Hosting model"),
                ("context", "Claims documents must stay in Northwind's data centre; no GPU skills"),
                ("options", "All cloud; hybrid; on-premises"),
                ("choice", "Hybrid: documents and redaction on premises, only redacted text to the cloud model"),
                ("consequences", "A redaction service to run and test; ExpressRoute becomes a dependency"),
            ],
            &[
                ("decision", "Migration strategy"),
                ("context", "2,000 adjusters in 40 teams; the old process must stay available"),
                ("options", "Big bang; blue-green; feature flags per team"),
                ("choice", "Feature flags per claims team: any team back to the old way within minutes"),
                (
                    "consequences",
                    "Two ways of working side by side for months; flags to clean up after general availability",
                ),
            ],
            &[
                ("decision", "Model capacity"),
                ("context", "A 150,000 tokens-a-minute peak at general availability"),
                ("options", "Pay-as-you-go Data Zone deployment; provisioned throughput units"),
                ("choice", "Pay-as-you-go with a 300,000 quota; provisioned throughput reviewed at 60% use"),
                ("consequences", "No capacity commitment; a quota increase to request before growth"),
            ],
        ],
    );
    fill_columns(
        a,
        "risk_register",
        ["likelihood", "impact", "mitigation", "owner"],
        &[
            ["Low", "High", "Peak at half the 300,000 quota; scale-out trigger at 200,000; a quota increase requested before each phase; GPT-4o mini as fallback", "Platform lead"],
            ["High", "Medium", "Model version pinned; its successor run against the 200-claim evaluation set three months before retirement", "AI engineering lead"],
            ["Medium", "High", "Every answer cites the document pages it used; adjusters decide; 20 assisted claims reviewed a week; quality alert below 3.5 of 5", "Head of Claims"],
            ["Medium", "High", "Volunteer pilot team; training before each phase; adoption of 60% required at each go/no-go", "Change lead"],
            ["Medium", "Medium", "Model calls through the API gateway; prompts and the evaluation set kept in Northwind's repository", "Enterprise architect"],
            ["Low", "High", "Three zones; circuit breaker to the fallback model; adjusters can always work without the assistant", "Platform lead"],
            ["Medium", "Medium", "Compliance review at each go/no-go; AI Act obligations tracked by the DPO; audit log of every request", "Data protection officer"],
        ],
    );
    set_rows(
        a,
        "team",
        &[
            &[
                ("role", "Executive sponsor"),
                ("who", "Chief Operating Officer"),
                ("time", "2 hours a month"),
                ("responsibilities", "Approves budgets and go/no-go decisions; removes blockers"),
            ],
            &[
                ("role", "Product owner"),
                ("who", "Head of Claims' deputy"),
                ("time", "50%"),
                ("responsibilities", "Priorities, success criteria, the adjusters' voice"),
            ],
            &[
                ("role", "Platform engineering"),
                ("who", "Northwind platform team (2 engineers)"),
                ("time", "2 FTE to GA, then 1.5"),
                ("responsibilities", "AKS, gateway, monitoring, on-call"),
            ],
            &[
                ("role", "AI engineering"),
                ("who", "Consultant team (2), then Northwind's data team"),
                ("time", "2 FTE to GA"),
                ("responsibilities", "Prompts, evaluation set, redaction rules, model upgrades"),
            ],
            &[
                ("role", "Security and compliance"),
                ("who", "CISO office; data protection officer"),
                ("time", "20% each"),
                ("responsibilities", "Security review, DPIA, access reviews"),
            ],
            &[
                ("role", "Change and training"),
                ("who", "Claims training team"),
                ("time", "1 FTE during rollout"),
                ("responsibilities", "Training, guides, adoption tracking"),
            ],
        ],
    );
    a.set_text(
        "audit_retention",
        "7 years in immutable Azure Blob Storage (WORM), read access for compliance only".into(),
    );
    // The runbook's parts refined for this client: Azure's tools, real contacts, and the
    // cost target in figures.
    set_rows(
        a,
        "stack",
        &[
            &[
                ("tool", "Azure Monitor"),
                ("covers", "Request rate, P95 latency, tokens per minute, queue depth, cost per request"),
            ],
            &[
                ("tool", "Log Analytics"),
                ("covers", "Sanitized request/response logs, 90 days; audit logs archived to immutable Blob Storage"),
            ],
            &[
                ("tool", "Application Insights"),
                ("covers", "Portal → gateway → claims assistant → Azure OpenAI, one trace ID per claim"),
            ],
            &[
                ("tool", "Azure Managed Grafana"),
                ("covers", "One AI dashboard per environment; the on-call view shows quotas"),
            ],
            &[
                ("tool", "Azure Monitor alerts → PagerDuty"),
                ("covers", "Routes by severity; SEV1 pages the primary on-call"),
            ],
        ],
    );
    set_rows(
        a,
        "ai_metrics",
        &[
            &[
                ("metric", "P95 latency"),
                ("target", "< 5 s"),
                ("alert", "> 10 s"),
                ("severity", "SEV2"),
                ("paged", "Primary on-call"),
            ],
            &[
                ("metric", "Cost per request"),
                ("target", "≤ $0.02 per claim"),
                ("alert", "> $0.03 for 1 hour"),
                ("severity", "SEV3"),
                ("paged", "Platform manager"),
            ],
            &[
                ("metric", "Token usage"),
                ("target", "< 80% of the 300k TPM quota"),
                ("alert", "> 80% of the quota"),
                ("severity", "SEV2"),
                ("paged", "Primary on-call"),
            ],
            &[
                ("metric", "Error rate"),
                ("target", "< 1%"),
                ("alert", "> 5% for 5 min"),
                ("severity", "SEV1"),
                ("paged", "Primary on-call"),
            ],
            &[
                ("metric", "Quality score"),
                ("target", "≥ 4 of 5 from adjusters"),
                ("alert", "< 3.5 weekly average"),
                ("severity", "SEV3"),
                ("paged", "ML lead"),
            ],
        ],
    );
    set_rows(
        a,
        "steps",
        &[
            &[("actions", "Azure Monitor alerts page on the thresholds above; adjusters report in #claims-ai.")],
            &[(
                "actions",
                "On-call checks the AI dashboard: Azure OpenAI issue or our infrastructure? Sets the severity.",
            )],
            &[(
                "actions",
                "The circuit breaker opens automatically; on-call switches to the fallback model if quality allows.",
            )],
            &[(
                "actions",
                "Trace IDs from the failing claims in Application Insights; Azure status; the last deployment's diff.",
            )],
            &[(
                "actions",
                "Fix forward or roll back (see the deployment strategy); confirm metrics recover for 30 minutes.",
            )],
            &[(
                "actions",
                "Blameless review within 5 working days, shared with the Head of Claims; actions tracked to closure.",
            )],
        ],
    );
    set_rows(
        a,
        "roles",
        &[
            &[
                ("role", "Primary on-call"),
                ("who", "Northwind platform team rota"),
                ("contact", "PagerDuty: claims-ai-primary"),
            ],
            &[
                ("role", "Secondary on-call"),
                ("who", "Northwind platform team rota"),
                ("contact", "PagerDuty: claims-ai-secondary"),
            ],
            &[
                ("role", "Escalation lead"),
                ("who", "Head of Platform Engineering"),
                ("contact", "Teams: #claims-ai-incidents"),
            ],
            &[
                ("role", "AI provider support"),
                ("who", "Microsoft Unified Support"),
                ("contact", "Azure portal, severity A ticket"),
            ],
        ],
    );
    a.clone()
}

/// The module as first drafted, with the contradictions a reviewer found in it: 2.1 plans
/// for 150,000 requests a day (the capstone costs 40,000), the runbook's AWS tools carried unrefined into an Azure proposal
/// with its placeholder contacts and "above target" row, a hybrid deployment drawn
/// without its on-premises side, and one-sentence syntheses.
pub fn module_6_first_draft() -> Workbook {
    let mut workbook = module_6();
    let strategy = workbook.exercises.get_mut("m6-2.1").unwrap();
    strategy.set_text("requests_per_day", "150,000".into());
    let capstone = workbook.exercises.get_mut("m6-2.3").unwrap();
    for refined in ["stack", "ai_metrics", "steps", "roles"] {
        capstone.values.remove(refined);
    }
    capstone.values.remove("scaling_synthesis");
    capstone.set_text("scaling_synthesis", "The 2.1 plan scales out on tokens.".into());
    capstone.set_text(
        "deployment_synthesis",
        "Feature flags per claims team let Northwind Insurance stop the rollout within minutes.".into(),
    );
    capstone.set_text(
        "operations_synthesis",
        "Northwind Insurance's platform team runs the service with Azure Monitor; claims leads hear of incidents within 15 minutes."
            .into(),
    );
    capstone.rows_mut("components").retain(|c| c.get("group").is_none_or(|g| !g.starts_with("On-premises")));
    capstone.rows_mut("connections").retain(|c| c.get("to").is_none_or(|t| t != "Claims database"));
    capstone.rows_mut("connections").push(row(&[("from", "Claims assistant"), ("to", "Claims database")]));
    workbook
}

/// The module with the figures the client's CTO and the instructor read in it (issue 20),
/// each failing a calculator: no busy hours or peak stated (so office hours and twice their
/// average), a 90k quota under a 72k trigger and a trigger of 100 requests a second, 50
/// instances at $2 an hour against $21,000 a month, General availability on Limited's
/// infrastructure, and self-hosted Llama scored best on cost at 40,000 requests a day.
pub fn module_6_as_reviewed() -> Workbook {
    let mut workbook = module_6();
    let strategy = workbook.exercises.get_mut("m6-2.1").unwrap();
    strategy.set_text("hourly_budget", "$100".into());
    strategy.set_text("max_instances", "50".into());
    let triggers = strategy.rows_mut("triggers");
    triggers[0] = row(&[("threshold", "100"), ("notes", "p95 stays under 5 s")]);
    triggers[1] = row(&[("threshold", "72000"), ("notes", "80% of the 90k TPM quota")]);
    let capstone = workbook.exercises.get_mut("m6-2.3").unwrap();
    capstone.values.remove("busy_hours");
    capstone.values.remove("peak_factor");
    capstone.rows_mut("scoring")[0].insert("score_c".into(), "5".into());
    capstone.rows_mut("scenarios")[2].insert("infrastructure".into(), "3,000".into());
    capstone.rows_mut("ai_metrics")[2].insert("target".into(), "< 80% of the 90k TPM quota".into());
    workbook
}

fn row(cells: &[(&str, &str)]) -> workbook::model::Row {
    let mut row = workbook::model::Row::new();
    row.extend(cells.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    row
}

/// The whole module answered: profile, 2.1, 2.2 and 2.3.
pub fn module_6() -> Workbook {
    let (profile, strategy) = deployment_strategy();
    let mut workbook = Workbook { profile, ..Workbook::default() };
    workbook.exercises.insert("m6-2.1".into(), strategy);
    workbook.exercises.insert("m6-2.2".into(), operations_runbook());
    workbook.exercises.insert("m6-2.3".into(), capstone());
    workbook
}

/// A new scratch directory for a test (tests run side by side, so each gets its own).
pub fn scratch(name: &str) -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("workbook-test-{}-{n}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes an executable file (a stand-in tool, a script of the repository), folders and all.
pub fn executable(path: &std::path::Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    let mut permissions = std::fs::metadata(path).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(path, permissions).unwrap();
}
