//! Any bytes a participant could choose as a file, and any text found in storage: the
//! importer and the restore step must answer with a result or a message, never a panic,
//! and whatever they accept must apply and diff cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use workbook::import;
use workbook::model::Workbook;

fuzz_target!(|data: &[u8]| {
    if let Ok(incoming) = import::read("fuzzed-file", data) {
        let _ = incoming.describe();
        let _ = incoming.warnings();
        let current = Workbook::default();
        let after = import::apply(&current, &incoming);
        let _ = import::changes(&current, &after);
        // What was accepted must also survive being stored and read back.
        let stored = serde_json::to_string(&after).expect("a workbook serializes");
        assert!(workbook::restore::restore_str(&stored).is_ok());
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = workbook::restore::restore_str(text);
    }
});
