//! The search box: results follow every keystroke, the URL follows when typing pauses.

use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn SearchBox() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <form class="search" role="search" on:submit=move |ev| { ev.prevent_default(); state.end_edit(); }>
            <label for="search-input">"Search titles and text"</label>
            <input
                id="search-input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="e.g. Miller sanctions, \"press briefing\""
                data-testid="search-input"
                prop:value=move || state.with(|u| u.query.clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    state.edit(move |u| u.query = text);
                }
                on:blur=move |_| state.end_edit()
            />
        </form>
    }
}
