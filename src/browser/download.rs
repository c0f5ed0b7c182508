//! Hands a generated file to the browser as a download.

use wasm_bindgen::JsCast;

pub fn download(file_name: &str, mime: &str, contents: &[u8]) -> Result<(), String> {
    let fail = |what: &str| format!("The download of {file_name} could not start ({what}).");
    // Bytes, not a JS string: the file is UTF-8 already, so this skips a round trip
    // through UTF-16 (measurable on a large export).
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("object URL"))?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| fail("link"))?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.style().set_property("display", "none").ok();
    let body = document.body().ok_or_else(|| fail("no page body"))?;
    body.append_child(&anchor).map_err(|_| fail("link"))?;
    anchor.click();
    anchor.remove();
    // Revoke on the next turn: some browsers read the URL after `click` returns.
    leptos::prelude::set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(1),
    );
    Ok(())
}
