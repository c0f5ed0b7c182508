//! The export worker: a second wasm module that writes the files an exercise page exports
//! (`render::export`), so the writers stay out of the page's first download. The page
//! starts it on the first export (`browser/exporter.js`); it says "ready" once it listens,
//! then answers each request, in order, with `[name, bytes]` or an error in words.

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
    use workbook::render::export::answer;

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_request = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let request = event.data().as_string().unwrap_or_default();
        let reply = match answer(&request) {
            Ok(file) => {
                let bytes = js_sys::Uint8Array::from(file.contents.as_slice());
                let reply = js_sys::Array::of2(&file.name.into(), &bytes);
                // The bytes move to the page rather than being copied.
                let sent = replies.post_message_with_transfer(&reply, &js_sys::Array::of1(&bytes.buffer()));
                sent.map(|()| None).unwrap_or(Some(JsValue::from_str("the file could not be handed to the page")))
            }
            Err(problem) => Some(JsValue::from_str(&problem)),
        };
        if let Some(problem) = reply {
            replies.post_message(&problem).ok();
        }
    });
    scope.set_onmessage(Some(on_request.as_ref().unchecked_ref()));
    // The worker lives as long as the page: its handler too.
    on_request.forget();
    scope.post_message(&JsValue::from_str("ready")).ok();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The export worker runs in the browser, started by an exercise page.");
}
