//! The browser's location and history, and nothing else.
//!
//! The site lives under a subpath on GitHub Pages (`/<repo>/`), so URLs are always built from
//! the document's own path (`location.pathname`), never from "/".

use leptos::web_sys;
use wasm_bindgen::JsValue;

/// Whether a URL write adds a history entry or rewrites the current one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Push,
    Replace,
}

/// The query string of the current location, without the `?`.
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// The document's path: the app's own URL whatever subpath it is served under.
fn current_path() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "./".into())
}

/// A link to `query` on this page, as an `href` (keeps the subpath).
pub fn href(query: &str) -> String {
    if query.is_empty() {
        current_path()
    } else {
        format!("{}?{query}", current_path())
    }
}

/// The absolute URL of `query` on this page (what "copy link" copies).
pub fn absolute(query: &str) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", href(query))
}

/// Writes `query` into the address bar, unless it is already there.
pub fn write(query: &str, entry: Entry) {
    if query == current_query() {
        return;
    }
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let url = href(query);
    let _ = match entry {
        Entry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        Entry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}
