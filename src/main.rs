fn main() {
    parallax_app::panic_notice::install();
    parallax_app::boot::start(|| {
        // The prerendered first view is replaced in one task: what the reader typed, focused
        // or scrolled there carries over.
        let captured = parallax_app::prerender::capture();
        parallax_app::mount::mount();
        parallax_app::prerender::take_over(captured);
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
