//! The browser's location and history, and nothing else.
//!
//! The site lives under a subpath on GitHub Pages (`/<repo>/`), so URLs are built from the
//! document's base (Trunk writes the public URL into `<base href>`), falling back to the
//! document's own path; never from "/".

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

/// The app's path: the `<base href>` path when the document has one, else the current path.
fn app_path() -> String {
    let window = web_sys::window();
    let origin = window
        .as_ref()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let base = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    if let Some(path) = base
        .as_deref()
        .and_then(|b| b.strip_prefix(origin.as_str()))
    {
        let path = path.split(['?', '#']).next().unwrap_or("/");
        if path.starts_with('/') {
            return path.to_string();
        }
    }
    window
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into())
}

/// A link to `query` on this page, as an `href` (keeps the subpath).
pub fn href(query: &str) -> String {
    if query.is_empty() {
        app_path()
    } else {
        format!("{}?{query}", app_path())
    }
}

/// The absolute URL of `query` on this page (what "copy link" copies).
pub fn absolute(query: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", href(query))
}

/// Writes `query` into the address bar, unless the address bar already shows exactly it.
pub fn write(query: &str, entry: Entry) {
    let target = href(query);
    let current = web_sys::window().map(|w| {
        let l = w.location();
        format!(
            "{}{}",
            l.pathname().unwrap_or_default(),
            l.search().unwrap_or_default()
        )
    });
    if current.as_deref() == Some(target.as_str()) {
        return;
    }
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let _ = match entry {
        Entry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&target)),
        Entry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&target)),
    };
}
