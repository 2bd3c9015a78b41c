//! Starting the page: fetch the catalogue (the build names it in the page), then the shards the
//! first view shows (so the app's first render is complete and does not shift), then mount.
//! A catalogue that fails to load leaves a message saying why, with a button to try again.

use crate::data::fetch::{catalogue_file, decode_catalogue, fetch_bytes};
use crate::data::{CorpusData, Loaded};
use crate::history;
use leptos::wasm_bindgen::JsCast;
use parallax_core::query::{Page, SearchShard};
use parallax_core::site::Catalogue;
use parallax_core::url_state;
use wasm_bindgen_futures::spawn_local;

/// Loads the data, then calls `mount` once.
pub fn start(mount: fn()) {
    spawn_local(boot(mount));
}

async fn boot(mount: fn()) {
    crate::local::read_link_at_start();
    match load_catalogue().await {
        Ok((catalogue, name)) => {
            let data = CorpusData::install(catalogue, name);
            preload_first_view(data).await;
            mount();
        }
        Err(message) => show_error(&message, mount),
    }
}

/// The catalogue named in the page, or (a page without the name) in the data folder's pointer,
/// with its file name (the corpus build, which exports name).
async fn load_catalogue() -> Result<(Catalogue, String), String> {
    let file = match catalogue_file() {
        Some(file) => file,
        None => {
            let pointer = fetch_bytes("catalogue").await?;
            String::from_utf8_lossy(&pointer).trim().to_string()
        }
    };
    let bytes = fetch_bytes(&file).await?;
    Ok((decode_catalogue(&file, &bytes)?, file))
}

/// Waits for the shards the URL's view shows first: the search shards of its query, the text
/// of its first page of results, of the report it opens or the two it compares. A shard that
/// fails is left for the view to report.
async fn preload_first_view(data: &'static CorpusData) {
    let (state, _) = url_state::parse(&history::current_query());
    let query = state.query();
    for shard in data.catalogue.search.shards_for_text(&query.text) {
        match shard {
            SearchShard::Words(i) => drop(data.words.load(i).await),
            SearchShard::Prefixes(i) => drop(data.prefixes.load(i).await),
        }
    }
    let mut reports: Vec<usize> = Vec::new();
    for id in state
        .report
        .iter()
        .chain(state.compare.iter().flat_map(|(l, r)| [l, r]))
    {
        reports.extend(data.position.get(id.as_str()).copied());
    }
    if reports.is_empty() {
        let duplicates = data.index.duplicate_set(data.index.default_duplicates());
        let index = parallax_core::query::ChunkedIndex::new(
            &data.catalogue.search,
            |i| data.words.peek(i),
            |i| data.prefixes.peek(i),
        );
        if let Ok(result) = data.index.run_from(&query, &duplicates, &index, |_| None) {
            let page = Page::of(result.ranked.len(), state.page);
            reports.extend(result.ranked[page.range].iter().copied());
        }
    }
    // Titles too (a result's, and those its related links name), fetched beside the text.
    let titles = data.titles_shown_with(&reports);
    titles.iter().for_each(|&r| data.prefetch_title(r));
    let mut shards: Vec<u32> = reports.iter().map(|&r| data.body_shard(r)).collect();
    shards.sort_unstable();
    shards.dedup();
    for shard in shards {
        if let Loaded::Failed(_) = data.bodies.load(shard).await {
            continue;
        }
    }
    drop(data.load_titles(titles).await);
}

/// Replaces the loading line with what went wrong and a button that tries again.
fn show_error(message: &str, mount: fn()) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if let Some(old) = document.get_element_by_id("boot-error") {
        old.remove();
    }
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("boot-error");
    panel.set_class_name("boot-error");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "boot-error");
    if let Ok(text) = document.create_element("p") {
        text.set_text_content(Some(&format!("The corpus could not be loaded: {message}.")));
        let _ = panel.append_child(&text);
    }
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some("Try again"));
        button.set_class_name("button");
        let _ = button.set_attribute("type", "button");
        let _ = button.set_attribute("data-testid", "boot-retry");
        // One click: the panel (and the button) is removed when it is handled.
        gloo_events::EventListener::once(&button, "click", move |_| {
            if let Some(panel) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("boot-error"))
            {
                panel.remove();
            }
            spawn_local(boot(mount));
        })
        .forget();
        let _ = panel.append_child(&button);
    }
    let _ = body.append_child(&panel);
    if let Some(button) = panel
        .query_selector("button")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = button.focus();
    }
}
