//! What the page shows when the app panics.
//!
//! The release build aborts on panic, so after one the wasm is dead while the page still looks
//! alive. The panic hook runs before the abort: it logs the panic and puts a visible, accessible
//! notice at the top of the page, built with plain DOM calls (the reactive system may be what
//! failed). The panic text is set as text, never as HTML.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// The notice's element id; only the first panic gets a notice.
const NOTICE_ID: &str = "panic-notice";

/// Installs the hook: log to the console, then show the notice.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Shows "Parallax stopped working" with `detail` folded under it, and makes the dead controls
/// inert so the page no longer pretends to respond. The report text stays on screen, readable.
pub fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return;
    }
    let Some(notice) = build(&document, detail) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let _ = body.prepend_with_node_1(&notice);
    if let Some(app) = document.query_selector(".app").ok().flatten() {
        let _ = app.set_attribute("inert", "");
        let _ = app.class_list().add_1("app-stopped");
    }
    if let Some(link) = document
        .get_element_by_id("panic-reload")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = link.focus();
    }
}

fn build(document: &Document, detail: &str) -> Option<Element> {
    let el = |tag: &str, text: &str| -> Option<web_sys::Node> {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e.into())
    };
    let notice = document.create_element("section").ok()?;
    notice.set_id(NOTICE_ID);
    notice.set_class_name("panic-notice");
    notice.set_attribute("role", "alert").ok()?;
    notice.set_attribute("data-testid", "panic-notice").ok()?;
    notice
        .append_child(&el("h2", "Parallax stopped working: reload the page")?)
        .ok()?;
    let line = el("p", "The link keeps the view you were on. ")?;
    // A plain link reloads even with the wasm dead (no Rust handler runs after a panic); without
    // the fragment, so following it is a real navigation.
    let reload: Element = el("a", "Reload Parallax")?.dyn_into().ok()?;
    reload.set_id("panic-reload");
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    reload.set_attribute("href", &href).ok()?;
    line.append_child(&reload).ok()?;
    notice.append_child(&line).ok()?;
    let details = document.create_element("details").ok()?;
    details
        .append_child(&el("summary", "What went wrong")?)
        .ok()?;
    details
        .append_child(&el("pre", &parallax_core::escape_controls(detail))?)
        .ok()?;
    notice.append_child(&details).ok()?;
    Some(notice)
}
