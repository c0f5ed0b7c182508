//! Browser adapters: the only code (with `ui`) that touches `web_sys`. Each is small so the
//! behaviour worth testing lives in the pure core.

pub mod download;
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
