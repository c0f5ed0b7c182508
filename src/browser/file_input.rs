//! Reads the file a participant chose in an `<input type="file">`.

use wasm_bindgen_futures::JsFuture;

use crate::import::{too_large, ImportError, MAX_BYTES};

/// The first chosen file's name and bytes. A file over the import limit is refused from
/// its size alone, before any of it is read into memory.
pub async fn read_chosen(input: &web_sys::HtmlInputElement) -> Option<Result<(String, Vec<u8>), ImportError>> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        return Some(Err(too_large(&name, file.size() as u64)));
    }
    let result = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok((name, js_sys::Uint8Array::new(&buffer).to_vec())),
        Err(_) => Err(ImportError {
            file_name: name,
            problem: "the browser could not read it (it may have been moved or deleted since you chose it)".into(),
            advice: "Choose it again.",
        }),
    };
    Some(result)
}
