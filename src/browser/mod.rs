//! Browser adapters: the only code (with `ui`) that touches `web_sys`. Each is small so the
//! behaviour worth testing lives in the pure core.

// Only the pages download files (the browser tests build no `ui`).
#[cfg(feature = "ui")]
pub mod download;
// Only the exercise pages export through the export worker.
#[cfg(feature = "forms")]
pub mod export;
pub mod file_input;
// Only the review pages keep a review (and the browser tests, which build no `ui`): on the
// others, its IndexedDB module would be in the glue's imports for nothing. Not the export
// worker either: Trunk preloads every snippet a page's builds write, so the worker's would
// ride along with the exercise page.
#[cfg(any(feature = "review", all(not(feature = "ui"), not(feature = "worker"))))]
pub mod review_store;
// Only Module 5's page and its grading page check workflows; elsewhere the loader is not
// even in the glue.
#[cfg(all(feature = "module5", any(feature = "forms", feature = "grading")))]
pub mod lint;
pub mod storage;

/// Now, as the export stamp: `2026-11-23 10:00 UTC`.
pub fn export_timestamp() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    // "2026-11-23T10:00:00.000Z" -> "2026-11-23 10:00 UTC"
    match (iso.get(0..10), iso.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time} UTC"),
        _ => iso,
    }
}

/// Milliseconds since the Unix epoch, for history snapshots.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A moment in the participant's own time zone, short: "23 Nov, 10:05".
pub fn local_time(ms: f64) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let date = js_sys::Date::new(&ms.into());
    format!(
        "{} {}, {:02}:{:02}",
        date.get_date(),
        MONTHS[date.get_month() as usize % 12],
        date.get_hours(),
        date.get_minutes()
    )
}

/// Installs `sw.js` (at the site's root, whichever page this is), which keeps every page
/// for offline use. Failure (an old browser, a `file:` URL) only means no offline mode, so
/// it is not reported.
pub fn register_service_worker() {
    if let Some(window) = web_sys::window() {
        let root = "../".repeat(crate::route::HERE.matches('/').count());
        let _ = window.navigator().service_worker().register(&format!("{root}sw.js"));
    }
}

/// A User Timing mark (`performance.mark`), for the benchmarks to read.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
