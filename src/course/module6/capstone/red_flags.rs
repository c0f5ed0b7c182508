//! The guide's red flags, checked on the whole proposal: unfinished sections, placeholder
//! text, a client never named, no diagram, implausible figures. The self-check reads these
//! too, so the report and the criteria always agree.

use super::figures::{platform_names, projection, SCORE_COLUMNS};
use super::timeline::duration_days;
use super::*;

/// Words that mark text as unfinished (the guide's "placeholder text" red flag).
const PLACEHOLDERS: &[&str] = &["tbd", "todo", "lorem", "xxx", "fixme", "tba"];

pub(super) fn filled_rows(rows: &[Row], column: &str) -> usize {
    rows.iter().filter(|r| r.get(column).is_some_and(|v| !v.trim().is_empty())).count()
}

/// Whether another exercise's field is answered (its defaults alone do not count for tables
/// whose cells are still empty).
pub(super) fn carried_over(a: &Inputs, exercise: &str, field: &str) -> bool {
    let answers = a.other(exercise);
    find_exercise(exercise)
        .and_then(|(_, e)| e.field(field))
        .is_some_and(|f| crate::course::progress::is_answered(f, &answers))
}

pub(super) fn every_section_answered(a: &Inputs) -> bool {
    CAPSTONE.document_sections(a).all(|s| crate::course::progress::section_progress(s, a).is_complete())
}

pub(super) fn has_diagram(a: &ExerciseAnswers) -> bool {
    let graph = diagram::Graph::from_tables(a.rows("components"), a.rows("connections"));
    graph.nodes.len() >= 2 && !graph.edges.is_empty()
}

/// Every answer of the proposal as (where, text), for the text checks.
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

/// "“TBD” in Executive summary" for each placeholder word found (as a whole word).
/// Runs on every change (through the self-check), so it compares in place, without
/// lowercasing copies of long answers.
pub(super) fn placeholders(a: &ExerciseAnswers) -> Vec<String> {
    let mut found = Vec::new();
    for (place, text) in written_text(a) {
        for word in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| (3..=8).contains(&w.len())) {
            let is = |p: &str| {
                word.eq_ignore_ascii_case(p) || (p == "xxx" && word.get(..3).is_some_and(|x| x.eq_ignore_ascii_case(p)))
            };
            if let Some(p) = PLACEHOLDERS.iter().find(|p| is(p)) {
                let message = format!("“{}” in {place}", p.to_ascii_uppercase());
                if !found.contains(&message) {
                    found.push(message);
                }
            }
        }
    }
    found
}

/// Why the text reads as generic, if it does: no client name, or never used in the text.
pub(super) fn client_unnamed(a: &ExerciseAnswers) -> Option<&'static str> {
    let name = a.text("client_name").trim();
    if name.is_empty() {
        return Some("The client has no name: add it in “Client name”.");
    }
    let uses = written_text(a)
        .into_iter()
        .filter(|(place, text)| *place != "Client name" && contains_ignoring_case(text, name))
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
    for row in a.other("m6-2.1").rows("phases") {
        let name = row.get("name").map(|s| s.trim()).filter(|s| !s.is_empty()).unwrap_or("A phase");
        if duration_days(row.get("duration").map_or("", |d| d)).is_some_and(|(low, _)| low < 7.0) {
            flags.push(format!("Phase “{name}” (Exercise 2.1) is shorter than a week."));
        }
    }
    flags
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
    flags
}

/// All red flags in one list, unfinished sections first, shown before the deck so they are
/// fixed before export.
pub(super) fn red_flag_report(a: &Inputs) -> Option<String> {
    let mut flags: Vec<String> = Vec::new();
    let missing = crate::course::progress::sections_not_complete(&CAPSTONE, a);
    if !missing.is_empty() {
        flags.push(format!("Sections not complete: {}.", missing.join(", ")));
    }
    flags.extend(red_flags(a));
    if flags.is_empty() {
        return Some("No red flags found.".to_owned());
    }
    Some(flags.iter().map(|f| format!("• {f}")).collect::<Vec<_>>().join("\n"))
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
        let mut workbook = Workbook::default();
        let plan = workbook.exercises.entry("m6-2.1".into()).or_default();
        *plan.rows_mut("phases") = vec![row(&[("name", "Smoke test"), ("duration", "3 days")])];
        let mut a = ExerciseAnswers::default();
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
            assert!(report.contains("Phase “Smoke test” (Exercise 2.1) is shorter than a week."), "{report}");
            assert!(report.contains("No architecture diagram"), "{report}");
            assert!(report.contains("The weights add up to 70%, not 100%."), "{report}");
            assert!(report.contains("Azure scores 7 on Cost: scores run from 1 to 5"), "{report}");
        });
        // Words that merely contain a placeholder are fine.
        a.set_text("executive_summary", "Northwind's stubborn todolist of xxxl shirts".into());
        assert_eq!(placeholders(&a), vec!["“XXX” in Executive summary"]);
    }
}
