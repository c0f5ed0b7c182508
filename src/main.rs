//! Entry point of the browser app (built by Trunk for wasm32).

fn main() {
    #[cfg(target_arch = "wasm32")]
    workbook::ui::mount();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("Workbook runs in the browser: see the README for the command that serves it.");
}
