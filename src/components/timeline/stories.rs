//! The stories the timeline shows, named under its frame with links to their pages (the
//! prerendered first view writes the same line: `prerender/results.rs`).

use crate::components::title::story_label_text;
use crate::state::AppState;
use leptos::prelude::*;
use parallax_core::display::{self, TIMELINE_STORIES};

#[component]
pub fn TimelineStories() -> impl IntoView {
    let state = expect_context::<AppState>();
    let stories = Memo::new(move |_| {
        state.result.with(|result| {
            state.relations.with(|r| {
                let (shown, more) = display::stories_among(r, &result.matches, TIMELINE_STORIES);
                let named: Vec<(String, String, usize)> = shown
                    .into_iter()
                    .map(|(s, n)| {
                        let story = &r.stories()[s];
                        (story.id.clone(), story_label_text(state.data, story), n)
                    })
                    .collect();
                (named, more)
            })
        })
    });
    move || {
        let (named, more) = stories.get();
        (!named.is_empty()).then(|| view! {
            <p class="timeline-stories" data-testid="timeline-stories">"Stories: "
                {named.into_iter().enumerate().map(|(k, (id, label, n))| view! {
                    {(k > 0).then_some(" · ")}
                    {crate::components::story::story_link(state, id, display::shorten(&label, 40), "timeline-story")}
                    {format!(" ({n})")}
                }).collect_view()}
                {(more > 0).then(|| format!(" · and {more} more"))}
            </p>
        })
    }
}
