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

/// How a click makes its file.
#[derive(Clone, Copy)]
pub enum Produce {
    /// On the page, at once.
    Here(Callback<(), FileToDownload>),
    /// By the export worker, from the request this returns (`render::export::request`):
    /// the exercise pages' exports.
    #[cfg_attr(not(feature = "forms"), allow(dead_code))]
    InWorker(Callback<(), String>),
}

#[component]
pub fn DownloadButton(label: String, #[prop(optional)] primary: bool, produce: Produce) -> impl IntoView {
    let message = RwSignal::new(None::<Result<String, String>>);
    let hand_over = move |file: FileToDownload| {
        let result = download(&file.name, file.mime, &file.contents);
        message.set(Some(result.map(|()| format!("Downloaded {}. Check your downloads folder.", file.name))));
    };
    let on_click = move |_| match produce {
        Produce::Here(produce) => hand_over(produce.run(())),
        // Only the exercise pages export in the worker: other pages, which compile the
        // exercise page but never show it, leave the worker's adapter out of their download.
        #[cfg(not(feature = "forms"))]
        Produce::InWorker(_) => {}
        #[cfg(feature = "forms")]
        Produce::InWorker(request) => {
            let request = request.run(());
            message.set(Some(Ok("Preparing the file…".to_owned())));
            leptos::task::spawn_local(async move {
                match crate::browser::export::made_in_worker(request).await {
                    Ok(file) => {
                        hand_over(FileToDownload { mime: file.mime(), name: file.name, contents: file.contents })
                    }
                    Err(problem) => message.set(Some(Err(format!("The file was not downloaded: {problem}.")))),
                }
            });
        }
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
    view! { <DownloadButton label="Download a full backup".to_owned() produce=Produce::Here(produce)/> }
}

/// Downloads stored data the app could not read, exactly as it was stored.
#[component]
pub fn UnreadableDataButton() -> impl IntoView {
    let produce = Callback::new(|()| FileToDownload {
        name: "workbook-unreadable-data.txt".to_owned(),
        mime: "text/plain;charset=utf-8",
        contents: storage::unreadable_data().unwrap_or_default().into_bytes(),
    });
    view! { <DownloadButton label="Download the unreadable data".to_owned() produce=Produce::Here(produce)/> }
}
