//! Keyboard focus moving along a row of marks or bins (one tab stop, arrows between items).

use leptos::wasm_bindgen::JsCast;
use leptos::web_sys;

/// Where an arrow, Home or End key moves focus from item `at` of `len`; `None` for other keys.
pub fn step(key: &str, at: usize, len: usize) -> Option<usize> {
    match key {
        "ArrowRight" | "ArrowDown" => Some((at + 1).min(len.saturating_sub(1))),
        "ArrowLeft" | "ArrowUp" => Some(at.saturating_sub(1)),
        "Home" => Some(0),
        "End" => Some(len.saturating_sub(1)),
        _ => None,
    }
}

/// Moves keyboard focus to the SVG element `id`, when it is in the page.
pub fn focus_svg(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
    {
        let _ = el.focus();
    }
}
