//! The form shells in the exercise pages' HTML (`render::shell`) are the ones the course
//! gives: each exercise's first section, fields labelled as the app labels them, on the page
//! of its module (index.html for Module 6, module-5/index.html for Module 5). To accept a
//! change of the course or of the shell: `UPDATE_EXPECTED=1 cargo test --test form_shell`,
//! which rewrites the block in each page; review the diff.
#![cfg(not(target_arch = "wasm32"))]

use workbook::course::{Module, MODULES};
use workbook::render::shell::{templates, Sections, END, START};

fn module(name: &str) -> &'static Module {
    MODULES.iter().find(|m| m.name == name).unwrap()
}

/// Fails when `page` (relative to the crate) does not hold `module`'s shell between the markers.
fn page_holds_the_shell_of(page: &str, module: &Module, its_page: Option<&str>, sections: Sections) {
    let path = format!("{}/{page}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).unwrap();
    let expected = format!("{START}\n{}{END}", templates(module, its_page, sections));
    let start = html.find(START).unwrap_or_else(|| panic!("{page} has the form shell's start marker"));
    let end = html.find(END).unwrap_or_else(|| panic!("{page} has the form shell's end marker")) + END.len();
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&path, format!("{}{expected}{}", &html[..start], &html[end..])).unwrap();
        return;
    }
    assert_eq!(
        &html[start..end],
        expected,
        "{page}'s form shell is stale: run UPDATE_EXPECTED=1 cargo test --test form_shell"
    );
}

/// The template whose opening tag ends with `opening`, from there to its end.
fn template_of<'a>(shells: &'a str, opening: &str) -> &'a str {
    let start = shells.find(opening).unwrap_or_else(|| panic!("a template opens with {opening}"));
    &shells[start..start + shells[start..].find("</template>").unwrap()]
}

#[test]
fn the_root_page_holds_module_6s_shell() {
    page_holds_the_shell_of("index.html", module("Module 6"), None, Sections::All);
}

#[test]
fn module_5s_page_holds_its_shell() {
    page_holds_the_shell_of("module-5/index.html", module("Module 5"), None, Sections::First);
}

#[test]
fn the_capstones_page_holds_its_shell() {
    page_holds_the_shell_of("capstone/index.html", module("Module 6"), Some("capstone/"), Sections::First);
}

#[test]
fn each_exercise_shell_shows_its_first_fields_labelled_as_the_app_labels_them() {
    let shells = templates(module("Module 6"), None, Sections::All);
    assert!(shells.contains(
        "<template data-route=\"#/exercise/m6-2.1\" data-exercise=\"m6-2.1\" data-section=\"scenario\" data-first>"
    ));
    assert!(shells.contains("<label for=\"field-scenario_summary\">Client / scenario summary</label>"));
    assert!(shells.contains("<textarea id=\"field-scenario_summary\" data-field=\"scenario_summary\""));
    assert!(shells.contains(
        "<input id=\"field-expected_users\" data-field=\"expected_users\" type=\"text\" inputmode=\"decimal\">"
    ));
    // A number as the app draws it: a narrower box, its unit beside it.
    assert!(shells.contains(
        "<div class=\"with-unit\"><input id=\"field-requests_per_day\" data-field=\"requests_per_day\" type=\"text\" inputmode=\"decimal\"><span class=\"unit\">requests/day</span></div>"
    ));
    // The section's guidance, open above its fields as in the app.
    assert!(shells.contains("<details class=\"guidance\" open><summary>What good looks like</summary><ul><li>"));
    // The capstone has a page of its own, with its own shell.
    assert!(!shells.contains("m6-2.3"));
    assert!(templates(module("Module 6"), Some("capstone/"), Sections::First)
        .contains("<label for=\"field-client_name\">Client name</label>"));
    // A later section: its number, and the fields it starts with that the shell can hold
    // (three questions); the suggestion the app computes from them comes with the app, below.
    let hosting = template_of(&shells, "data-section=\"hosting\">");
    assert!(hosting.contains("<h2>2. Hosting model</h2>"));
    assert!(hosting.contains("<legend>Is usage above 10M requests per day?</legend>"));
    assert!(hosting.contains("name=\"field-q_ops\""));
    assert!(!hosting.contains("hosting_suggestion") && !hosting.contains("field-hosting_model"));
    // A section that starts with a field the shell cannot hold (2.2's second: a table the
    // participant adds rows to) has none.
    assert!(!shells.contains("data-section=\"metrics\""));
    // A table with a row per label (2.2's first section): drawn as the app draws it, each
    // cell named by its row and column and keyed by them (`data-cell`, row/column).
    let observability = template_of(&shells, "data-exercise=\"m6-2.2\" data-section=\"observability\" data-first>");
    assert!(observability.contains(
        "<fieldset class=\"field table-field\" aria-describedby=\"field-stack-help\"><legend>Tools per pillar</legend><p class=\"help\" id=\"field-stack-help\">"
    ));
    assert!(observability.contains(
        "<thead><tr><th scope=\"col\">Pillar</th><th scope=\"col\" id=\"field-stack-c-tool\">Tool</th><th scope=\"col\" id=\"field-stack-c-covers\">What it covers</th></tr></thead>"
    ));
    assert!(observability.contains(
        "<tr><th scope=\"row\" id=\"field-stack-r0\">Metrics</th><td><input id=\"field-stack-r0-tool\" aria-labelledby=\"field-stack-r0 field-stack-c-tool\" data-field=\"stack\" data-cell=\"0/tool\" type=\"text\"></td>"
    ));
    assert!(observability.contains(
        "<textarea id=\"field-stack-r4-covers\" aria-labelledby=\"field-stack-r4 field-stack-c-covers\" data-field=\"stack\" data-cell=\"4/covers\" rows=\"3\"></textarea>"
    ));
    assert!(!observability.contains("data-cell=\"5/"));
    // Typed text reaches the markup only escaped: the course's own text here, but the rule holds.
    assert!(!shells.contains("<script"));
}

#[test]
fn module_5s_shell_draws_its_first_choice_as_the_app_does() {
    let shells = templates(module("Module 5"), None, Sections::First);
    assert!(shells.contains(
        "<template data-route=\"#/exercise/m5-2.1\" data-exercise=\"m5-2.1\" data-section=\"strategy\" data-first>"
    ));
    // The strategy first, as in the app: a radio per option, each with the value stored.
    let choice = shells.find("<fieldset class=\"field choice\"><legend>Deployment strategy</legend>").unwrap();
    let rationale = shells.find("<textarea id=\"field-strategy_rationale\" data-field=\"strategy_rationale\"").unwrap();
    assert!(choice < rationale);
    assert!(shells.contains(
        "<input type=\"radio\" id=\"field-strategy-canary\" name=\"field-strategy\" value=\"canary\" data-field=\"strategy\"><label for=\"field-strategy-canary\"><span class=\"option-label\">Canary</span>"
    ));
    // 2.3's first section: the language, above the commands the app drafts from it (the
    // shell holds the choice alone; the drafts come with the app, below it).
    assert!(shells.contains(
        "<template data-route=\"#/exercise/m5-2.3\" data-exercise=\"m5-2.3\" data-section=\"checks\" data-first>"
    ));
    assert!(shells.contains(
        "<fieldset class=\"field choice\"><legend>Language</legend><div class=\"option\"><input type=\"radio\" id=\"field-language-python\" name=\"field-language\" value=\"python\" data-field=\"language\">"
    ));
    assert!(!shells.contains("install_command"));
    // No table: Module 5's page leaves out the code that puts a cell typed in a shell in
    // its place (`ui::adopt_shell_edits`).
    assert!(!templates(module("Module 5"), None, Sections::All).contains("data-cell"));
}
