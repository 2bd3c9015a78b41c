//! Taking over the prerendered first view (the build writes it into index.html, see the CLI's
//! `prerender`): before the app mounts, [`capture`] reads what the reader did to the static page
//! (text typed into the search box, focus, scroll, folded panels, ticked filters); once the app
//! has rendered, [`take_over`] puts the app where the static markup sat, removes the markup in
//! the same task (so no frame shows both, and no element that was on screen moves), and replays
//! what was captured into the app, so its state follows.

use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{self, Document, Element, HtmlElement, HtmlInputElement};

/// The id of the prerendered root (the CLI's `prerender::ROOT_ID`).
pub const ROOT_ID: &str = "prerendered";

/// What the reader did to the prerendered view before the app started.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Captured {
    /// The search box's text, and the selection in it.
    pub search: String,
    pub selection: Option<(u32, u32)>,
    /// The focused element, by id, else by `data-testid` (the app's markup has the same ones).
    pub focus_id: Option<String>,
    pub focus_testid: Option<String>,
    /// The window's scroll position.
    pub scroll: (f64, f64),
    /// Whether the filters panel and the timeline legend were open.
    pub filters_open: Option<bool>,
    pub legend_open: Option<bool>,
    /// Facet options ticked, as (facet key, value).
    pub checked: Vec<(String, String)>,
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// The prerendered root, if the page has one.
fn root(doc: &Document) -> Option<Element> {
    doc.get_element_by_id(ROOT_ID)
}

fn open_state(root: &Element, selector: &str) -> Option<bool> {
    let details = root.query_selector(selector).ok()??;
    Some(details.has_attribute("open"))
}

/// Reads the prerendered view's state; `None` when the page has no prerendered view. Call it
/// before mounting the app.
pub fn capture() -> Option<Captured> {
    let window = web_sys::window()?;
    let doc = window.document()?;
    let root = root(&doc)?;
    let mut captured = Captured {
        scroll: (
            window.scroll_x().unwrap_or(0.0),
            window.scroll_y().unwrap_or(0.0),
        ),
        filters_open: open_state(&root, "details.filters-panel"),
        legend_open: open_state(&root, "details.legend"),
        ..Captured::default()
    };
    if let Some(input) = search_box(&root) {
        captured.search = input.value();
        captured.selection = input
            .selection_start()
            .ok()
            .flatten()
            .zip(input.selection_end().ok().flatten());
    }
    if let Some(active) = doc.active_element().filter(|a| root.contains(Some(a))) {
        captured.focus_id = Some(active.id()).filter(|id| !id.is_empty());
        captured.focus_testid = active.get_attribute("data-testid");
    }
    captured.checked = facet_options(&root)
        .into_iter()
        .filter(|o| o.checked())
        .filter_map(|o| {
            Some((
                o.get_attribute("data-facet")?,
                o.get_attribute("data-value")?,
            ))
        })
        .collect();
    Some(captured)
}

/// Replaces the prerendered view with the mounted app and replays `captured` into the app. Call
/// it right after mounting (in the same task): the page never paints both.
pub fn take_over(captured: Option<Captured>) {
    let Some(doc) = document() else { return };
    let Some(prerendered) = root(&doc) else {
        return;
    };
    // The live app: the root that is not the prerendered one.
    let app = doc
        .query_selector(r#"[data-testid="app"]"#)
        .ok()
        .flatten()
        .filter(|a| !prerendered.contains(Some(a)));
    if let (Some(app), Some(parent)) = (&app, prerendered.parent_node()) {
        // Where the static view sat, so what follows it in the page stays put.
        let _ = parent.insert_before(app, Some(&prerendered));
    }
    prerendered.remove();
    let (Some(app), Some(captured)) = (app, captured) else {
        return;
    };
    restore(&doc, &app, &captured);
}

fn restore(doc: &Document, app: &Element, captured: &Captured) {
    for (selector, open) in [
        ("details.filters-panel", captured.filters_open),
        ("details.legend", captured.legend_open),
    ] {
        if let (Some(open), Some(details)) = (open, app.query_selector(selector).ok().flatten()) {
            let _ = details.toggle_attribute_with_force("open", open);
        }
    }
    for (facet, value) in &captured.checked {
        let option = facet_options(app).into_iter().find(|o| {
            o.get_attribute("data-facet").as_deref() == Some(facet)
                && o.get_attribute("data-value").as_deref() == Some(value)
        });
        if let Some(option) = option.filter(|o| !o.checked()) {
            option.click();
        }
    }
    if let (false, Some(input)) = (captured.search.is_empty(), search_box(app)) {
        input.set_value(&captured.search);
        // The app's state follows its search box through `input` events.
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = input.dispatch_event(&event);
        }
    }
    let focus = captured
        .focus_id
        .as_ref()
        .and_then(|id| doc.get_element_by_id(id))
        .or_else(|| {
            // Test ids are plain words (letters and dashes): safe inside the selector.
            let testid = captured.focus_testid.as_ref()?;
            if !testid
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
            {
                return None;
            }
            app.query_selector(&format!(r#"[data-testid="{testid}"]"#))
                .ok()
                .flatten()
        });
    if let Some(focus) = focus.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = focus.focus();
        if let (Some((start, end)), Some(input)) =
            (captured.selection, focus.dyn_ref::<HtmlInputElement>())
        {
            let _ = input.set_selection_range(start, end);
        }
    }
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(captured.scroll.0, captured.scroll.1);
    }
}

fn search_box(root: &Element) -> Option<HtmlInputElement> {
    root.query_selector(r#"[data-testid="search-input"]"#)
        .ok()??
        .dyn_into()
        .ok()
}

fn facet_options(root: &Element) -> Vec<HtmlInputElement> {
    let Ok(all) = root.query_selector_all(r#"[data-testid="facet-option"]"#) else {
        return Vec::new();
    };
    (0..all.length())
        .filter_map(|i| all.item(i)?.dyn_into().ok())
        .collect()
}
