//! The guide's red flags, checked on the whole proposal: unfinished sections, placeholder
//! text, a client never named, no diagram, implausible figures, exercises that contradict
//! each other, copy-paste without synthesis. The self-check reads these too, so the report
//! and the criteria always agree.

use super::calculators::calculator_flags;
use super::figures::{platform_names, projection, SCORE_COLUMNS};
use super::timeline::duration_days;
use super::*;

/// Words that mark text as unfinished (the guide's "placeholder text" red flag).
const PLACEHOLDERS: &[&str] = &["tbd", "tbc", "todo", "lorem", "xxx", "fixme", "tba"];

/// Phrases that do the same.
const PLACEHOLDER_PHRASES: &[&str] = &["to be confirmed", "to be decided", "to be defined", "insert here"];

/// Fewer words than this is a token synthesis (the "copy-paste without synthesis" red flag).
const SYNTHESIS_WORDS: usize = 30;

pub(super) fn filled_rows(rows: &[Row], column: &str) -> usize {
    rows.iter().filter(|r| r.get(column).is_some_and(|v| !v.trim().is_empty())).count()
}

/// Whether a carried field is answered, here or in its exercise (defaults alone do not
/// count for tables whose cells are still empty).
pub(super) fn carried_over(a: &Inputs, field: &str) -> bool {
    CAPSTONE.field(field).is_some_and(|f| crate::course::progress::is_answered(f, a))
}

pub(super) fn every_section_answered(a: &Inputs) -> bool {
    CAPSTONE.document_sections(a).all(|s| crate::course::progress::section_progress(s, a).is_complete())
}

pub(super) fn has_diagram(a: &ExerciseAnswers) -> bool {
    let graph = diagram::Graph::from_tables(a.rows("components"), a.rows("connections"));
    graph.nodes.len() >= 2 && !graph.edges.is_empty()
}

/// Every answer of the proposal as (where, text), for the text checks; carried parts as the
/// proposal shows them.
fn written_text(a: &ExerciseAnswers) -> Vec<(&'static str, &str)> {
    let mut texts = Vec::new();
    for field in CAPSTONE.document_sections(a).flat_map(|s| s.fields.iter()) {
        match &field.kind {
            FieldKind::Table(_) => {
                texts.extend(a.rows(field.id).iter().flat_map(|r| r.values()).map(|v| (field.label, v.as_str())))
            }
            kind if kind.is_input() => texts.push((field.label, a.text(field.id))),
            _ => {}
        }
    }
    texts
}

/// "“TBD” in Executive summary" for each placeholder word found (as a whole word), and each
/// placeholder phrase (from the start of a word).
pub(super) fn placeholders(a: &ExerciseAnswers) -> Vec<String> {
    let mut found = Vec::new();
    for (place, text) in written_text(a) {
        let mut phrases = Vec::new();
        placeholders_in(
            text,
            |word| push_once(&mut found, format!("“{}” in {place}", word.to_ascii_uppercase())),
            |phrase| phrases.push(format!("“{phrase}” in {place}")),
        );
        for phrase in phrases {
            push_once(&mut found, phrase);
        }
        if let Some(bracketed) = angle_bracketed(text) {
            push_once(&mut found, format!("“{bracketed}” in {place}"));
        }
    }
    for field in CAPSTONE.document_sections(a).flat_map(|s| s.fields.iter()) {
        let FieldKind::Table(TableSpec { rows: TableRows::Editable { defaults }, columns, .. }) = &field.kind else {
            continue;
        };
        for (row, example) in a.rows(field.id).iter().zip(defaults.iter()) {
            // A cell the guide prefilled with a figure left to the client, kept as it was:
            // "Cost per request: above target" says nothing of this client.
            // Typical content (a risk's mitigation, several words) is there to adapt too.
            let untouched = columns.iter().zip(example.iter()).skip(1).any(|(column, cell)| {
                let vague = ["target", "limit"].iter().any(|w| contains_ignoring_case(cell, w))
                    && !cell.bytes().any(|b| b.is_ascii_digit());
                let typical = cell.split_whitespace().count() >= 6;
                (vague || typical) && row.get(column.id).is_some_and(|v| v.trim() == *cell)
            });
            if untouched {
                let name = example.first().copied().unwrap_or("a row");
                push_once(&mut found, format!("the example row “{name}” left as prefilled in {}", field.label));
            }
        }
    }
    found
}

/// Which bytes start a placeholder word or phrase, in either case.
const PLACEHOLDER_STARTS: [bool; 256] = {
    let mut starts = [false; 256];
    let letters = b"tlxfi";
    let mut i = 0;
    while i < letters.len() {
        starts[letters[i] as usize] = true;
        starts[letters[i].to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    starts
};

/// Calls `word` for each placeholder word of `text` and `phrase` for each placeholder phrase,
/// in one pass over its bytes. The self-check runs this on every change, and the review on
/// every text of a cohort (megabytes), so it compares in place, with no lowercased copies,
/// and looks only at words that start with a placeholder's first letter: one table lookup
/// a byte finds them (walking every word was most of a review's assessment).
fn placeholders_in(text: &str, mut word: impl FnMut(&'static str), mut phrase: impl FnMut(&'static str)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|b| PLACEHOLDER_STARTS[*b as usize]) {
        let start = at + offset;
        // Words as bytes: a letter outside ASCII separates words either way, and this skips
        // decoding every character of long answers.
        let end = bytes[start..].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(bytes.len(), |n| start + n);
        at = end.max(start + 1);
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            continue; // inside a word
        }
        let candidate = &bytes[start..end];
        if (3..=8).contains(&candidate.len()) {
            let xxx = candidate[..3].eq_ignore_ascii_case(b"xxx");
            if let Some(p) = PLACEHOLDERS.iter().find(|p| {
                if xxx {
                    p.starts_with('x')
                } else {
                    candidate.eq_ignore_ascii_case(p.as_bytes())
                }
            }) {
                word(p);
            }
        }
        // A phrase is tried only where its first word is this word ("to", "insert").
        for p in PLACEHOLDER_PHRASES.iter().filter(|p| p.as_bytes().get(candidate.len()) == Some(&b' ')) {
            if bytes.get(start..start + p.len()).is_some_and(|from| from.eq_ignore_ascii_case(p.as_bytes())) {
                phrase(p);
            }
        }
    }
}

fn push_once(found: &mut Vec<String>, message: String) {
    if !found.contains(&message) {
        found.push(message);
    }
}

/// The first `<something to fill in>` in a text: an opening `<` followed by a letter, and a
/// closing `>` on the same line (so "< 5 s" and "a -> b" are not taken for one).
fn angle_bracketed(text: &str) -> Option<&str> {
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            // Only here is the line looked at: finding its end at every `<` ("p95 < 5 s")
            // read a long one-paragraph answer once per `<`.
            let line = after.split('\n').next().unwrap_or("");
            if let Some(close) = line.find('>') {
                return Some(&rest[open..open + close + 2]);
            }
        }
        rest = after;
    }
    None
}

/// Legal forms people leave out when they write a company's name ("North Freight" for
/// "North Freight Ltd"), compared without case, dots and spaces.
const LEGAL_FORMS: &[&str] = &[
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "llc",
    "llp",
    "plc",
    "gmbh",
    "ag",
    "kg",
    "se",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "oy",
    "ab",
    "as",
    "aps",
    "pty",
    "lp",
];

/// The letters and digits of `text`, lower case: what is left when case, spacing and
/// punctuation are ignored ("North-Freight" and "north freight" are both "northfreight").
/// Characters beyond ASCII count as letters unless they are spaces: `char::is_alphanumeric`
/// would bring Unicode's tables, 2.5 KB gzip on every page with the capstone.
fn letters(text: &str) -> String {
    let letter = |c: &char| c.is_ascii_alphanumeric() || (!c.is_ascii() && !c.is_whitespace());
    text.chars().filter(letter).map(|c| c.to_ascii_lowercase()).collect()
}

/// The client's name as people write it: without a trailing legal form, compared by its
/// letters and digits.
fn name_as_written(name: &str) -> String {
    let mut words: Vec<&str> = name.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    while words.len() > 1 && words.last().is_some_and(|w| LEGAL_FORMS.contains(&letters(w).as_str())) {
        words.pop();
    }
    letters(&words.concat())
}

/// Why the text reads as generic, if it does: no client name, or never used in the text.
pub(super) fn client_unnamed(a: &ExerciseAnswers) -> Option<&'static str> {
    let name = a.text("client_name").trim();
    if name.is_empty() {
        return Some("The client has no name: add it in “Client name”.");
    }
    let name = name_as_written(name);
    let uses = written_text(a)
        .into_iter()
        .filter(|(place, text)| *place != "Client name" && letters(text).contains(&name))
        .take(2)
        .count();
    (uses < 2).then_some("The client's name appears in fewer than two answers: tie the text to this client.")
}

/// Figures the guide would call unrealistic.
pub(super) fn implausible_figures(a: &Inputs) -> Vec<String> {
    let mut flags = Vec::new();
    let (tokens, price) = (a.number("tokens_per_request"), a.number("price_per_1k"));
    if tokens.is_some_and(|t| t <= 0.0) {
        flags.push("Tokens per request is zero or negative.".to_owned());
    }
    if price.is_some_and(|p| p <= 0.0) {
        flags.push("The price per 1K tokens is zero or negative.".to_owned());
    }
    let mut previous_users: Option<(String, f64)> = None;
    for row in a.rows("scenarios") {
        let name = row.get("scenario").map(|s| s.trim()).filter(|s| !s.is_empty()).unwrap_or("A scenario").to_owned();
        let p = projection(row, tokens, price);
        if p.infrastructure.is_some_and(|c| c <= 0.0) || p.total().is_some_and(|c| c <= 0.0) {
            flags.push(format!("{name}: the monthly cost is zero or negative."));
        }
        if let Some(users) = p.users {
            if let Some((before, previous)) = &previous_users {
                if users <= *previous {
                    flags.push(format!(
                        "{name} has no more users ({}) than {before} ({}).",
                        numbers::grouped(users, 0),
                        numbers::grouped(*previous, 0)
                    ));
                }
            }
            previous_users = Some((name, users));
        }
    }
    let weights: Vec<f64> =
        a.rows("scoring").iter().filter_map(|r| r.get("weight").and_then(|w| parse_number(w))).collect();
    let total_weight: f64 = weights.iter().sum();
    if !weights.is_empty() && (total_weight - 100.0).abs() > 0.5 {
        flags.push(format!("The weights add up to {}%, not 100%.", numbers::plain(total_weight, 1)));
    }
    let names = platform_names(a);
    for row in a.rows("scoring") {
        let criterion = row.get("criterion").map(|c| c.trim()).filter(|c| !c.is_empty()).unwrap_or("a criterion");
        for (column, name) in SCORE_COLUMNS.iter().zip(&names) {
            let typed = row.get(*column).and_then(|s| parse_number(s));
            if typed.is_some_and(|s| !(1.0..=5.0).contains(&s)) {
                let platform = name.as_deref().unwrap_or("a platform");
                flags.push(format!(
                    "{platform} scores {} on {criterion}: scores run from 1 to 5 (it is left out of the total).",
                    numbers::plain(typed.unwrap_or_default(), 2)
                ));
            }
        }
    }
    for row in a.rows("phases") {
        let name = row.get("name").map(|s| s.trim()).filter(|s| !s.is_empty()).unwrap_or("A phase");
        if duration_days(row.get("duration").map_or("", |d| d)).is_some_and(|(low, _)| low < 7.0) {
            flags.push(format!("Phase “{name}” is shorter than a week."));
        }
    }
    flags
}

/// Where the exercises contradict each other, each naming both answers: the volumes, the
/// platform against the operations' tools, the hosting against the
/// diagram, and a recommendation that is not the top-ranked platform without saying why.
/// Written with plain loops: every closure handed to an iterator adaptor is code of its
/// own in the download, and this runs on data of a few rows.
pub(super) fn contradictions(a: &Inputs) -> Vec<String> {
    let mut flags = Vec::new();
    let planned = a.other("m6-2.1").number("requests_per_day").unwrap_or(0.0);
    let (mut largest, mut largest_name) = (0.0, "a scenario");
    for row in a.rows("scenarios") {
        let requests = row.get("requests_per_day").and_then(|v| parse_number(v)).unwrap_or(0.0);
        if requests > largest {
            largest = requests;
            largest_name = row.get("scenario").map_or("", |s| s.trim());
        }
    }
    if planned > 0.0 && largest > 0.0 && (planned - largest).abs() > planned * 0.1 {
        flags.push(format!(
            "Volumes disagree: Exercise 2.1 plans for {} requests a day, but the largest cost scenario ({largest_name}) has {}.",
            numbers::grouped(planned, 0),
            numbers::grouped(largest, 0)
        ));
    }
    if let Some(flag) = platform_against_tools(a) {
        flags.push(flag);
    }
    let hosting = match a.text("hosting_model") {
        "hybrid" => "Hybrid",
        "on-premises" => "On-premises",
        _ => "",
    };
    if !hosting.is_empty() && has_diagram(a) && !has_boundary(a) {
        flags.push(format!(
            "The hosting model is {hosting}, but the architecture diagram shows no on-premises boundary: group what runs on the client's premises (e.g. a group named “On-premises”)."
        ));
    }
    if let Some(flag) = recommendation_not_top(a) {
        flags.push(flag);
    }
    flags
}

/// Clouds and services whose names give them away, for the platform-against-tools check:
/// (cloud, words naming a platform on it, its services).
const CLOUDS: &[(&str, &[&str], &[&str])] = &[
    (
        "AWS",
        &["aws", "amazon", "bedrock", "sagemaker"],
        &["CloudWatch", "S3", "X-Ray", "DynamoDB", "Kinesis", "OpenSearch"],
    ),
    (
        "Azure",
        &["azure", "microsoft"],
        &["Azure Monitor", "Log Analytics", "Application Insights", "Blob Storage", "Cosmos DB", "Sentinel"],
    ),
    (
        "Google Cloud",
        &["google", "vertex", "gemini", "gcp"],
        &["Cloud Logging", "Cloud Monitoring", "Stackdriver", "BigQuery", "Cloud Storage"],
    ),
];

/// Whether `word` stands in `text` as a word of its own, ignoring ASCII case.
fn has_word(text: &str, word: &str) -> bool {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let mut i = 0;
    while i + word.len() <= text.len() {
        let before = i == 0 || !text[i - 1].is_ascii_alphanumeric();
        let after = text.get(i + word.len()).is_none_or(|b| !b.is_ascii_alphanumeric());
        if before && after && text[i..i + word.len()].eq_ignore_ascii_case(word) {
            return true;
        }
        i += 1;
    }
    false
}

/// The recommended platform on one cloud while the proposal's operations use another
/// cloud's services.
fn platform_against_tools(a: &Inputs) -> Option<String> {
    let platform = a.text("recommended_platform").trim();
    let mut texts: Vec<&str> = vec![a.text("logged")];
    for row in a.rows("stack") {
        for cell in row.values() {
            texts.push(cell);
        }
    }
    let mut home = None;
    for (cloud, names, _) in CLOUDS {
        for name in names.iter() {
            if home.is_none() && has_word(platform, name) {
                home = Some(*cloud);
            }
        }
    }
    let home = home?;
    for (cloud, _, services) in CLOUDS {
        let mut used: Vec<&str> = Vec::new();
        for service in services.iter() {
            for text in &texts {
                if *cloud != home && !used.contains(service) && has_word(text, service) {
                    used.push(service);
                }
            }
        }
        if !used.is_empty() {
            return Some(format!(
                "{platform} ({home}) is recommended, but the operations use {cloud} services: {}. Use the platform's own tools, or say why not.",
                used.join(", ")
            ));
        }
    }
    None
}

/// Words that mark a diagram group or box as running on the client's premises.
const ON_PREMISES: &[&str] = &["on-prem", "on premises", "data centre", "data center", "private cloud"];

fn has_boundary(a: &ExerciseAnswers) -> bool {
    let edge = a.text("hybrid_pattern") == "edge";
    for row in a.rows("components") {
        for text in row.values() {
            for words in ON_PREMISES {
                if contains_ignoring_case(text, words) {
                    return true;
                }
            }
            if edge && has_word(text, "edge") {
                return true;
            }
        }
    }
    false
}

/// A recommendation other than the top-ranked platform, with a rationale that never names
/// the platform it passes over.
fn recommendation_not_top(a: &Inputs) -> Option<String> {
    let recommended = a.text("recommended_platform").trim();
    let totals = weighted_totals(a)?;
    let mut first = None;
    for row in &totals.rows {
        if row[2] == "1" {
            if row[0].eq_ignore_ascii_case(recommended) {
                return None;
            }
            first = first.or(Some(row));
        }
    }
    let first = first?;
    if recommended.is_empty() || contains_ignoring_case(a.text("recommendation_rationale"), &first[0]) {
        return None;
    }
    Some(format!(
        "{recommended} is recommended, but {} ranks first ({}): say in the rationale why not {}.",
        first[0], first[1], first[0]
    ))
}

/// The carried parts left as the exercises wrote them with no more than a token synthesis
/// (the guide's first red flag: "copy-paste of exercises without synthesis").
pub(super) fn copy_paste(a: &Inputs) -> Vec<String> {
    let mut flags = Vec::new();
    let client = Some(a.text("client_name").trim()).filter(|c| !c.is_empty()).unwrap_or("the client");
    for (section, synthesis) in [
        ("scaling", "scaling_synthesis"),
        ("deployment", "deployment_synthesis"),
        ("operations", "operations_synthesis"),
    ] {
        let words = a.text(synthesis).split_whitespace().count();
        // A synthesis of its own length clears the section; only a short one makes the
        // carried parts worth comparing with their exercise (a copy of each).
        if words >= SYNTHESIS_WORDS {
            continue;
        }
        let Some(section) = CAPSTONE.section(section) else { continue };
        let (mut source, mut answered, mut refined) = (None, false, false);
        for field in section.fields {
            let Some(from) = CAPSTONE.carried_from(field.id) else { continue };
            source = source.or(Some(from));
            answered |= carried_over(a, field.id);
            refined |= CAPSTONE.carried_state(field.id, a.workbook) == Some(CarriedState::Differs);
        }
        let Some((_, source)) = source.and_then(find_exercise) else { continue };
        if answered && !refined {
            flags.push(format!(
                "Copy-paste without synthesis: “{}” is Exercise {} as written, with a synthesis of {words} words. Refine it for {client}, or say what it means for them ({SYNTHESIS_WORDS} words or more).",
                section.title, source.number
            ));
        }
    }
    flags
}

/// About how many A4 pages the proposal prints: the cover and the appendix, and each
/// section from a new page (the print stylesheet's rule), at about 2,500 characters a page,
/// a table row taking a line and a drawing half a page.
pub(super) fn printed_pages(a: &ExerciseAnswers) -> usize {
    let mut pages = 2;
    for section in CAPSTONE.document_sections(a) {
        let mut characters = 0;
        for field in section.fields {
            characters += match &field.kind {
                FieldKind::Table(_) => {
                    let mut cells = 0;
                    for row in a.rows(field.id) {
                        cells += 60;
                        for value in row.values() {
                            cells += value.len();
                        }
                    }
                    cells
                }
                FieldKind::Diagram(_) | FieldKind::Chart(_) => 1250,
                FieldKind::ComputedTable(_) | FieldKind::Computed(_) => 400,
                _ => 80 + a.text(field.id).len(),
            };
        }
        pages += characters.div_ceil(2500).max(1);
    }
    pages
}

/// The red flags of the proposal's content, each naming what is wrong (`Exercise::red_flags`:
/// the instructor's review lists these too).
pub(super) fn red_flags(a: &Inputs) -> Vec<String> {
    let mut flags: Vec<String> = Vec::new();
    let placeholders = placeholders(a);
    if !placeholders.is_empty() {
        flags.push(format!("Placeholder text: {}.", placeholders.join(", ")));
    }
    flags.extend(client_unnamed(a).map(str::to_owned));
    if !has_diagram(a) {
        flags.push("No architecture diagram yet: add two components and a connection.".to_owned());
    }
    flags.extend(implausible_figures(a));
    flags.extend(contradictions(a));
    flags.extend(calculator_flags(a));
    flags.extend(copy_paste(a));
    flags
}

/// All red flags in one list, unfinished sections first, shown before the deck so they are
/// fixed before export. On the capstone's page the red flags come from the export worker,
/// and the report points to the self-check that lists them (`CHECKS_HERE`).
pub(super) fn red_flag_report(a: &Inputs) -> Option<String> {
    let mut flags: Vec<String> = Vec::new();
    let missing = crate::course::progress::sections_not_complete(&CAPSTONE, a);
    if !missing.is_empty() {
        flags.push(format!("Sections not complete: {}.", missing.join(", ")));
    }
    if CHECKS_HERE {
        flags.extend(red_flags(a));
    }
    let mut lines: Vec<String> = flags.iter().map(|f| format!("• {f}")).collect();
    if !CHECKS_HERE {
        lines.push("The red flags are listed in the self-check, checked on the whole proposal as you type.".to_owned());
    } else if flags.is_empty() {
        lines.push("No red flags found.".to_owned());
    }
    lines.push(format!(
        "Length: about {} printed A4 pages; the guide expects typically 15-25 with diagrams, and 10-15 slides.",
        printed_pages(a)
    ));
    Some(lines.join("\n"))
}

// ---------------------------------------------------------------------------------------
// Slide drafts: Marp markdown. Typed text is inserted as markdown (the deck is the
// participant's to edit); one-line values are escaped so a name cannot break a table.

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::module6::capstone::testing::*;
    #[test]
    fn red_flags_name_what_is_wrong() {
        let workbook = Workbook::default();
        let mut a = ExerciseAnswers::default();
        *a.rows_mut("phases") = vec![row(&[("name", "Smoke test"), ("duration", "3 days")])];
        a.set_text("client_name", "Northwind".into());
        a.set_text("executive_summary", "Northwind should adopt Azure. Budget TBD.".into());
        a.set_text("price_per_1k", "0".into());
        a.set_text("platform_b", "Azure".into());
        *a.rows_mut("scoring") = vec![row(&[("criterion", "Cost"), ("weight", "70"), ("score_b", "7")])];
        *a.rows_mut("scenarios") =
            vec![row(&[("scenario", "Pilot"), ("users", "100")]), row(&[("scenario", "Limited"), ("users", "10")])];
        inputs_of(&a, &workbook, |i| {
            let report = red_flag_report(i).unwrap();
            assert!(report.contains("“TBD” in Executive summary"), "{report}");
            assert!(report.contains("fewer than two answers"), "{report}");
            assert!(report.contains("price per 1K tokens is zero"), "{report}");
            assert!(report.contains("Limited has no more users (10) than Pilot (100)."), "{report}");
            assert!(report.contains("Phase “Smoke test” is shorter than a week."), "{report}");
            assert!(report.contains("No architecture diagram"), "{report}");
            assert!(report.contains("The weights add up to 70%, not 100%."), "{report}");
            assert!(report.contains("Azure scores 7 on Cost: scores run from 1 to 5"), "{report}");
        });
        // The client's name as people write it: no legal form, any case and spacing.
        let mut named = ExerciseAnswers::default();
        named.set_text("client_name", "North Freight Ltd.".into());
        for (field, text) in [
            ("executive_summary", "North Freight adopts the assistant."),
            ("client_context", "NORTH FREIGHT's claims team"),
            ("recommendation_rationale", "north-freight runs Azure today."),
            ("decision_requested", "North  Freight keeps data in the EU."),
        ] {
            named.set_text(field, text.into());
        }
        assert_eq!(client_unnamed(&named), None);
        named.set_text("client_name", "Acme".into());
        assert!(client_unnamed(&named).is_some(), "a name written nowhere is still flagged");
        assert_eq!(name_as_written("Müller & Söhne GmbH"), "müllersöhne");
        assert_eq!(name_as_written("Ltd"), "ltd", "a name that is only a legal form stays");

        // Words that merely contain a placeholder are fine.
        a.set_text("executive_summary", "Northwind's stubborn todolist of xxxl shirts".into());
        assert_eq!(placeholders(&a), vec!["“XXX” in Executive summary"]);
    }

    #[test]
    fn placeholder_words_and_phrases_are_found_in_one_pass() {
        let found = |text: &str| {
            let (mut words, mut phrases) = (Vec::new(), Vec::new());
            placeholders_in(text, |w| words.push(w), |p| phrases.push(p));
            (words, phrases)
        };
        assert_eq!(found("Budget: Tbd. Owner: TODO, FIXME(ops)"), (vec!["tbd", "todo", "fixme"], vec![]));
        assert_eq!(
            found("Region To Be Confirmed; INSERT HERE the SLA"),
            (vec![], vec!["to be confirmed", "insert here"])
        );
        assert_eq!(found("Lorem ipsum, see ticket xxxx"), (vec!["lorem", "xxx"], vec![]));
        // A phrase starts a word, and words that contain one are not it.
        assert_eq!(found("auto be confirmed, tbdx, atbd, the toad"), (vec![], vec![]));
        assert_eq!(found("Dates to be decided: to be defined"), (vec![], vec!["to be decided", "to be defined"]));
        // Outside ASCII a letter separates words, as before (and the scan never panics there).
        assert_eq!(found("éTBDé — to be confirmed…"), (vec!["tbd"], vec!["to be confirmed"]));
        assert_eq!(found(""), (vec![], vec![]));
    }
}
