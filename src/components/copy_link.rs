//! "Copy link": the absolute URL of the current state, to the clipboard.

use crate::history;
use crate::state::AppState;
use leptos::prelude::*;
use leptos::web_sys;
use parallax_core::url_state;

#[component]
pub fn CopyLink() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let url = history::absolute(&state.with(url_state::render));
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            return;
        };
        let promise = clipboard.write_text(&url);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await;
            // The promise may settle after the component is gone: never write a disposed signal.
            let _ = status.try_set(match done {
                Ok(_) => "Link copied".into(),
                Err(_) => format!("Copy this link: {url}"),
            });
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" class="button" data-testid="copy-link" on:click=copy>"Copy link"</button>
            <span class="copy-status" role="status" data-testid="copy-status">{move || status.get()}</span>
        </div>
    }
}
