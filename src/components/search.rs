//! The search box: results follow every keystroke, the URL follows when typing pauses.

use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn SearchBox() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <form class="search" role="search" aria-label="Search the reports" on:submit=move |ev| { ev.prevent_default(); state.end_edit(); }>
            <label for="search-input">"Search titles and text"</label>
            <input
                id="search-input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="search-hint"
                data-testid="search-input"
                prop:value=move || state.with(|u| u.query.clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    state.edit(move |u| u.query = text);
                }
                on:blur=move |_| state.end_edit()
            />
            // A hint rather than a placeholder: it stays while typing, and as plain text it is
            // the same box in the prerendered page and the app (a placeholder painted anew by
            // the app became the page's largest paint, late).
            <p id="search-hint" class="search-hint">"e.g. Miller sanctions, \"press briefing\""</p>
        </form>
    }
}
