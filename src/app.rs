//! The page: header, notices, filters and the one main view the URL asks for.

use crate::components::compare::Compare;
use crate::components::copy_link::CopyLink;
use crate::components::facets::Facets;
use crate::components::notice::UrlNotices;
use crate::components::reader::Reader;
use crate::components::results::{ResultCount, Results};
use crate::components::search::SearchBox;
use crate::components::timeline::Timeline;
use crate::state::AppState;
use leptos::prelude::*;
use leptos::web_sys;
use parallax_core::url_state::{MainView, View};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    let main_view = Memo::new(move |_| state.with(|u| u.main_view()));
    // Each view change moves focus to the new view's heading, as a page load would.
    Effect::new(move |previous: Option<MainView>| {
        let now = main_view.get();
        if previous.is_some_and(|p| p != now) {
            request_animation_frame(|| {
                use leptos::wasm_bindgen::JsCast;
                if let Some(h) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector("main h2").ok().flatten())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = h.set_attribute("tabindex", "-1");
                    let _ = h.focus();
                }
            });
        }
        now
    });
    let empty_corpus = state.data.catalogue.reports.is_empty();
    view! {
        <div class="app" data-testid="app">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <div class="brand">
                    <h1>{crate::components::results::nav_link(state, |u| *u = u.home(), "home", "home", "Parallax")}</h1>
                    <p class="tagline">"How news outlets report the same events"</p>
                </div>
                <crate::components::nav::SiteNav/>
                <CopyLink/>
            </header>
            <crate::local::LocalFiles/>
            <UrlNotices/>
            <div class="layout">
                <aside class="sidebar" aria-label="Search and filters">
                    <SearchBox/>
                    <ResultCount/>
                    // On a phone the filters start folded so the results come first.
                    <details class="filters-panel" open=wide_screen()>
                        <summary>"Filters"</summary>
                        <Facets/>
                    </details>
                </aside>
                <main id="main" class="main" tabindex="-1">
                    {move || {
                        if empty_corpus {
                            return view! { <p class="empty" data-testid="empty-corpus">"The corpus holds no report. Add text files to the corpus folder and build again."</p> }.into_any();
                        }
                        match main_view.get() {
                            MainView::Compare(l, r) => view! { <Compare left=l right=r/> }.into_any(),
                            MainView::Read(id) => view! { <Reader id=id/> }.into_any(),
                            MainView::Story(id) => view! { <crate::components::story::StoryPage id=id/> }.into_any(),
                            MainView::Matrix => view! { <crate::components::matrix::MatrixPage/> }.into_any(),
                            MainView::Ledger => view! { <crate::components::ledger::LedgerPage/> }.into_any(),
                            MainView::Explore => view! { <Explore/> }.into_any(),
                        }
                    }}
                </main>
            </div>
            <footer class="site-footer">
                <p data-testid="footer-counts">{move || state.relations.with(|r| parallax_core::display::corpus_counts(state.data.catalogue.reports.len(), r.pairs().len(), r.stories().len()))}</p>
            </footer>
        </div>
    }
}

#[component]
fn Explore() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view_kind = Memo::new(move |_| state.with(|u| u.view));
    view! {
        <div class="explore">
            <div class="view-switch" role="group" aria-label="Presentation">
                <button type="button" class="button" aria-pressed=move || (view_kind.get() == View::Timeline).to_string() data-testid="view-timeline"
                    on:click=move |_| state.navigate(|u| u.view = View::Timeline)>"Timeline and list"</button>
                <button type="button" class="button" aria-pressed=move || (view_kind.get() == View::List).to_string() data-testid="view-list"
                    on:click=move |_| state.navigate(|u| u.view = View::List)>"List only"</button>
            </div>
            <Show when=move || view_kind.get() == View::Timeline>
                <Timeline/>
            </Show>
            <Results/>
        </div>
    }
}

/// Whether the window is wide enough for the two-column layout (the CSS breakpoint, 52rem).
fn wide_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w >= 832.0)
}
