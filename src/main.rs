fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(parallax_app::App);
    // index.html's "Loading…" line covers only the moments before the wasm runs.
    if let Some(loading) = leptos::prelude::document().get_element_by_id("app-loading") {
        loading.remove();
    }
}
