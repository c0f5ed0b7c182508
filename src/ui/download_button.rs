//! A button that builds a file from the current answers and hands it to the browser,
//! then says what happened (the export, the full backup, unreadable data).

use leptos::prelude::*;

use super::app_state;
use crate::backup;
use crate::browser::{download::download, export_timestamp, storage};

/// What a click downloads, built at click time.
pub struct FileToDownload {
    pub name: String,
    pub mime: &'static str,
    pub contents: Vec<u8>,
}

#[component]
pub fn DownloadButton(
    label: String,
    #[prop(optional)] primary: bool,
    produce: Callback<(), FileToDownload>,
) -> impl IntoView {
    let message = RwSignal::new(None::<Result<String, String>>);
    let on_click = move |_| {
        let file = produce.run(());
        let result = download(&file.name, file.mime, &file.contents);
        message.set(Some(result.map(|()| format!("Downloaded {}. Check your downloads folder.", file.name))));
    };
    view! {
        <button type="button" class=if primary { "primary" } else { "secondary" } on:click=on_click>{label}</button>
        <p class="download-message" role="status">
            {move || match message.get() {
                Some(Ok(text)) => view! { <span class="ok">{text}</span> }.into_any(),
                Some(Err(text)) => view! { <span class="error">{text} " Try again, or use another browser."</span> }.into_any(),
                None => ().into_any(),
            }}
        </p>
    }
}

/// Downloads every module, exercise and the profile as one JSON file.
#[component]
pub fn BackupButton() -> impl IntoView {
    let workbook = app_state().workbook;
    let produce = Callback::new(move |()| {
        let saved_at = export_timestamp();
        FileToDownload {
            name: backup::file_name(&saved_at),
            mime: "application/json",
            contents: workbook.with_untracked(|w| backup::to_json(w, &saved_at)).into_bytes(),
        }
    });
    view! { <DownloadButton label="Download a full backup".to_owned() produce/> }
}

/// Downloads stored data the app could not read, exactly as it was stored.
#[component]
pub fn UnreadableDataButton() -> impl IntoView {
    let produce = Callback::new(|()| FileToDownload {
        name: "workbook-unreadable-data.txt".to_owned(),
        mime: "text/plain;charset=utf-8",
        contents: storage::unreadable_data().unwrap_or_default().into_bytes(),
    });
    view! { <DownloadButton label="Download the unreadable data".to_owned() produce/> }
}
