//! Report titles, which arrive in title shards (`data::titles`): shown once their shard is
//! here; until then a quiet placeholder of one character, marked busy; where the shard failed,
//! a line saying so with a button that fetches it again.

use crate::data::{CorpusData, Loaded};
use crate::state::AppState;
use leptos::prelude::*;
use parallax_core::display::shorten;

/// What stands for a title that has not arrived.
pub const PLACEHOLDER: &str = "…";
/// What stands for a title whose shard failed (the error line says why, with a retry).
pub const UNAVAILABLE: &str = "(title not loaded)";

/// Report `report`'s title as plain text (tracked), cut to `max` characters when given:
/// the placeholder while it loads. For labels built around a title.
pub fn title_text(data: &CorpusData, report: usize, max: Option<usize>) -> String {
    match data.title(report) {
        Loaded::Ready(title) => max.map_or_else(|| title.to_string(), |m| shorten(title, m)),
        Loaded::Loading => PLACEHOLDER.to_string(),
        Loaded::Failed(_) => UNAVAILABLE.to_string(),
    }
}

/// Report `report`'s title as a text node (inside a link or a heading), cut to `max`
/// characters when given; busy while it loads.
#[component]
pub fn Title(report: usize, #[prop(optional)] max: Option<usize>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        match state.data.title(report) {
        Loaded::Ready(title) => {
            let text = max.map_or_else(|| title.to_string(), |m| shorten(title, m));
            view! { <span data-testid="title">{text}</span> }.into_any()
        }
        Loaded::Loading => view! {
            <span class="title-loading" data-testid="title-loading" aria-busy="true">{PLACEHOLDER}</span>
        }
        .into_any(),
        Loaded::Failed(_) => {
            view! { <span class="title-failed" data-testid="title-failed">{UNAVAILABLE}</span> }
                .into_any()
        }
    }
    }
}

/// Where report `report`'s title shard failed: why, and a button that fetches it again.
/// Nothing otherwise. Kept outside links (a button may not be inside one).
#[component]
pub fn TitleError(report: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || match state.data.title(report) {
        Loaded::Failed(message) => Some(view! {
            <p class="shard-error" role="alert" data-testid="title-error">
                {format!("The title could not be loaded: {message}. ")}
                <button type="button" class="button" data-testid="title-retry"
                    on:click=move |_| state.data.retry_title(report)>"Try again"</button>
            </p>
        }),
        _ => None,
    }
}

/// A story's label as plain text (tracked): a story the thresholds made anew is named by its
/// namer's title, which may still be on its way (the placeholder meanwhile).
pub fn story_label_text(data: &CorpusData, story: &parallax_core::Story) -> String {
    match data.story_label(story) {
        Loaded::Ready(label) => label,
        Loaded::Loading => PLACEHOLDER.to_string(),
        Loaded::Failed(_) => UNAVAILABLE.to_string(),
    }
}
