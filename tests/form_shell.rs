//! The form shell in the root page's HTML (`render::shell`) is the one the course gives:
//! each Module 6 exercise's first section, fields labelled as the app labels them. To accept
//! a change of the course or of the shell: `UPDATE_EXPECTED=1 cargo test --test form_shell`,
//! which rewrites the block in index.html; review the diff.
#![cfg(not(target_arch = "wasm32"))]

use workbook::course::MODULES;
use workbook::render::shell::{templates, END, START};

#[test]
fn the_root_page_holds_the_shell_the_course_gives() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/index.html");
    let page = std::fs::read_to_string(path).unwrap();
    let module6 = MODULES.iter().find(|m| m.name == "Module 6").unwrap();
    let expected = format!("{START}\n{}{END}", templates(module6));
    let start = page.find(START).expect("index.html has the form shell's start marker");
    let end = page.find(END).expect("index.html has the form shell's end marker") + END.len();
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(path, format!("{}{expected}{}", &page[..start], &page[end..])).unwrap();
        return;
    }
    assert_eq!(
        &page[start..end],
        expected,
        "index.html's form shell is stale: run UPDATE_EXPECTED=1 cargo test --test form_shell"
    );
}

#[test]
fn each_exercise_shell_shows_its_first_fields_labelled_as_the_app_labels_them() {
    let module6 = MODULES.iter().find(|m| m.name == "Module 6").unwrap();
    let shells = templates(module6);
    assert!(shells.contains("<template data-route=\"#/exercise/m6-2.1\" data-exercise=\"m6-2.1\">"));
    assert!(shells.contains("<label for=\"field-scenario_summary\">Client / scenario summary</label>"));
    assert!(shells.contains("<textarea id=\"field-scenario_summary\" data-field=\"scenario_summary\""));
    assert!(shells.contains(
        "<input id=\"field-expected_users\" data-field=\"expected_users\" type=\"text\" inputmode=\"decimal\">"
    ));
    // The capstone has a page of its own, without a shell.
    assert!(!shells.contains("m6-2.3"));
    // Typed text reaches the markup only escaped: the course's own text here, but the rule holds.
    assert!(!shells.contains("<script"));
}
