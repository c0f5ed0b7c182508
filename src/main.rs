//! Entry point of the browser app (built by Trunk for wasm32).

/// Talc instead of Rust's default dlmalloc for wasm: a smaller download (measured with
/// bench/sizes.mjs) and faster allocation. The app is single-threaded.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    workbook::ui::mount();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("Workbook runs in the browser: see the README for the command that serves it.");
}
