fn main() {
    parallax_app::panic_notice::install();
    parallax_app::boot::start(|| {
        leptos::mount::mount_to_body(parallax_app::App);
        // index.html's "Loading…" line covers only the moments before the app runs.
        if let Some(loading) = leptos::prelude::document().get_element_by_id("app-loading") {
            loading.remove();
        }
    });
}

/// Browser tests only (the `test-hooks` feature, built into the crafted test site): a panic on
/// demand, to check what the page shows when the app dies.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn parallax_test_panic(message: &str) {
    panic!("{message}");
}
