//! The core's layering, checked: each module of `src/` may use only the modules listed
//! before it in `LAYERS`, so the arrows between them run one way and there are no cycles
//! (ARCHITECTURE.md draws the same order). `browser` and `ui`, and the two entry points
//! (`main`, `export_worker`), sit on top and may use anything. A new core module gets a
//! place in the list; a `use` that breaks the order fails here with the file and the
//! module it reached for. Unit tests (`#[cfg(test)]`
//! modules, `tests.rs` files) are not shipped and may use anything.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// Lowest first.
const LAYERS: &[&str] = &[
    "numbers",
    "escape",
    "credentials",
    "cron",
    "workflow",
    "model",
    "diagram",
    "gantt",
    "course",
    "restore",
    "render",
    "history",
    "backup",
    "merge",
    "import",
    "review",
    "route",
    "fixtures",
];

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The top-level module a file of `src/` belongs to: `course` for `src/course/progress.rs`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_owned()
}

/// The crate modules a file names as `crate::name`.
fn modules_used(text: &str) -> Vec<String> {
    let mut used: Vec<String> = text
        .match_indices("crate::")
        .map(|(at, _)| {
            text[at + "crate::".len()..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect()
        })
        .filter(|name: &String| !name.is_empty())
        .collect();
    used.dedup();
    used
}

#[test]
fn core_modules_use_only_the_layers_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for file in rust_files(&src) {
        let module = module_of(&src, &file);
        if matches!(module.as_str(), "lib" | "main" | "export_worker" | "browser" | "ui") {
            continue;
        }
        let Some(rank) = LAYERS.iter().position(|m| *m == module) else {
            problems.push(format!("{}: module `{module}` has no place in LAYERS", file.display()));
            continue;
        };
        // Unit tests may use anything (fixtures, say): only the shipped code is layered.
        if file.file_name().is_some_and(|name| name == "tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let shipped = text.split("#[cfg(test)]").next().unwrap_or_default();
        for used in modules_used(shipped) {
            if used == module {
                continue;
            }
            match LAYERS.iter().position(|m| *m == used) {
                Some(other) if other < rank => {}
                Some(_) => problems.push(format!("{}: `{module}` uses `{used}`, which is above it", file.display())),
                None => problems.push(format!("{}: `{module}` uses `{used}`, which is not core", file.display())),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_sees_a_use_that_points_upwards() {
    assert_eq!(modules_used("use crate::course::Exercise;\nuse crate::model::{Row};"), ["course", "model"]);
    assert_eq!(module_of(Path::new("/s"), Path::new("/s/course/module6/mod.rs")), "course");
}
