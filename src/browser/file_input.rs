//! Reads the file a participant chose in an `<input type="file">`.

use wasm_bindgen::JsCast;
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

/// The files of a list, held on their own: a `FileList` is live, and clearing the input
/// that chose them (so the same files can be chosen again) would empty it.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|index| list.get(index)).collect()
}

/// Every file of `files` (chosen, from a folder, or dropped), each named by its path in the
/// chosen folder when there is one. Files over the import limit or that the browser cannot
/// read are listed as refused, with the reason, and never read into memory.
pub async fn read_all(files: Vec<web_sys::File>) -> (Vec<(String, Vec<u8>)>, Vec<crate::review::cohort::Refused>) {
    let (mut names, reading, mut read, mut refused) = (Vec::new(), js_sys::Array::new(), Vec::new(), Vec::new());
    // Every size first, then every read: Chromium answers `File.size` with a synchronous
    // call, and one after each started read waited for it. At 4x CPU throttling, a probe page
    // took 112-177 ms to do both for 100 files interleaved, against 37-78 ms for the sizes
    // alone; the review's reading phase went from 258-285 ms to 170-185 ms
    // (bench/review-in-browser.mjs).
    let sizes: Vec<f64> = files.iter().map(|file| file.size()).collect();
    for (file, size) in files.into_iter().zip(sizes) {
        // Set for files picked with a folder: "cohort/ada/deployment-strategy.md".
        let path = js_sys::Reflect::get(&file, &"webkitRelativePath".into()).ok().and_then(|p| p.as_string());
        let name = path.filter(|p| !p.is_empty()).unwrap_or_else(|| file.name());
        if size > MAX_BYTES as f64 {
            refused.push(refuse(too_large(&name, size as u64)));
            continue;
        }
        names.push(name);
        reading.push(&file.array_buffer());
    }
    // Every read is started before any is awaited, so the browser reads the files side by
    // side; and awaited as one (allSettled), so the page wakes once, not once a file.
    let settled = JsFuture::from(js_sys::Promise::all_settled(&reading)).await.map(|all| js_sys::Array::from(&all));
    for (index, name) in names.into_iter().enumerate() {
        let buffer =
            settled.as_ref().ok().and_then(|s| js_sys::Reflect::get(&s.get(index as u32), &"value".into()).ok());
        match buffer.filter(|b| b.is_instance_of::<js_sys::ArrayBuffer>()) {
            Some(buffer) => read.push((name, js_sys::Uint8Array::new(&buffer).to_vec())),
            None => refused.push(refuse(ImportError {
                file_name: name,
                problem: "the browser could not read it (it may have been moved or deleted since you chose it)".into(),
                advice: "Choose it again.",
            })),
        }
    }
    (read, refused)
}

fn refuse(error: ImportError) -> crate::review::cohort::Refused {
    crate::review::cohort::Refused { file: error.file_name, reason: format!("{}. {}", error.problem, error.advice) }
}
