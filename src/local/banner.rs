//! What the page says about the reader's files: while they are shown, that nothing was
//! uploaded, what became of each file and the way back; and, opened on a link to local files
//! that are not here, why the published corpus is shown instead.

use crate::components::results::nav_link;
use crate::state::AppState;
use leptos::prelude::*;
use parallax_core::display::local_files_summary;
use parallax_core::url_state::UrlState;

#[component]
pub fn LocalBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let summary = state.data.local.as_ref().map(|local| {
        let text = local_files_summary(
            state.data.reports().len(),
            local.files_loaded as usize,
            local.files_given as usize,
        );
        let problems = local
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>();
        (text, problems)
    });
    let missing = RwSignal::new(super::link_to_missing_files());
    view! {
        {summary.map(|(text, problems)| view! {
            <section class="notice" aria-label="Your files" data-testid="local-banner">
                <p><strong>"Your files: nothing was uploaded."</strong>" "{text}", analysed in this browser. Links to these views point to your files: they open only in this tab."</p>
                {(!problems.is_empty()).then(|| view! {
                    <details data-testid="local-problems">
                        <summary>{format!("Left out or skipped ({})", problems.len())}</summary>
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </details>
                })}
                {nav_link(state, |u| *u = UrlState::default(), "", "back-to-published", "Back to the published corpus")}
            </section>
        })}
        {move || missing.get().then(|| view! {
            <section class="notice" aria-label="A link to local files" data-testid="local-missing">
                <p role="status">"This link points to files someone opened in their own browser. They were never uploaded, so they are not here: the published corpus is shown instead."</p>
                <button type="button" class="button" on:click=move |_| missing.set(false)>"Dismiss"</button>
            </section>
        })}
    }
}
