//! Exports made by the export worker (`render::export`, `src/export_worker.rs`), which
//! `exporter.js` starts on the page's first export.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::render::export::ExportedFile;

#[wasm_bindgen(module = "/src/browser/exporter.js")]
extern "C" {
    fn export_in_worker(request: String) -> js_sys::Promise;
}

/// The file `request` (`render::export::request`) asks for, or why the worker could not
/// make it, as a sentence's end: "… could not be made (…)".
pub async fn made_in_worker(request: String) -> Result<ExportedFile, String> {
    let reply = JsFuture::from(export_in_worker(request)).await.map_err(|error| {
        let why = js_sys::Error::from(error).message();
        format!("the export could not be made ({why})")
    })?;
    let reply = js_sys::Array::from(&reply);
    Ok(ExportedFile {
        name: reply.get(0).as_string().unwrap_or_default(),
        contents: js_sys::Uint8Array::new(&reply.get(1)).to_vec(),
    })
}
