//! The matching reports as a list: the keyboard and screen-reader twin of the timeline.

use crate::components::format;
use crate::components::highlight::{marked_text, search_marks};
use crate::components::title::{story_label_text, title_text, TitleError};
use crate::data::Loaded;
use crate::state::{retry_failed_shards, AppState, SearchStatus};
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use parallax_core::query::{highlight_ranges, snippet, Page};
use parallax_core::url_state::UrlState;

/// An in-app link: a real `href` (open in a new tab, copy) whose plain click navigates in place.
pub fn nav_link(
    state: AppState,
    change: impl Fn(&mut UrlState) + Clone + Send + Sync + 'static,
    class: &'static str,
    testid: &'static str,
    children: impl IntoView + 'static,
) -> impl IntoView {
    nav_link_current(state, change, class, testid, children, || false)
}

/// [`nav_link`], marked `aria-current="page"` while `current` says it leads to the view shown.
pub fn nav_link_current(
    state: AppState,
    change: impl Fn(&mut UrlState) + Clone + Send + Sync + 'static,
    class: &'static str,
    testid: &'static str,
    children: impl IntoView + 'static,
    current: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let href_change = change.clone();
    view! {
        <a
            class=class
            data-testid=testid
            href=move || state.href(href_change.clone())
            aria-current=move || current().then_some("page")
            on:click=move |ev: MouseEvent| {
                if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
                    ev.prevent_default();
                    state.navigate(change.clone());
                }
            }
        >
            {children}
        </a>
    }
}

/// "N of M reports", always visible while exploring.
#[component]
pub fn ResultCount() -> impl IntoView {
    let state = expect_context::<AppState>();
    let total = state.data.catalogue.reports.len();
    view! {
        <p class="result-count" role="status" aria-live="polite" data-testid="result-count"
            aria-busy=move || (state.search_status.get() == SearchStatus::Loading).then_some("true")>
            {move || {
                format::result_count(state.result.with(|r| r.matches.len()), total)
            }}
            // While part of the search index is on its way the count is the last answer's.
            {move || (state.search_status.get() == SearchStatus::Loading).then(|| view! {
                <span class="search-pending" data-testid="search-loading">" · searching…"</span>
            })}
        </p>
        {move || match state.search_status.get() {
            SearchStatus::Failed(message) => Some(view! {
                <p class="shard-error" role="alert" data-testid="search-error">
                    {format!("The search could not be completed: {message}. ")}
                    <button type="button" class="button" data-testid="search-retry"
                        on:click=move |_| retry_failed_shards(state.data)>"Try again"</button>
                </p>
            }),
            _ => None,
        }}
    }
}

#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    // One page at a time (the page is in the URL): only what is shown is rendered.
    let page = Memo::new(move |_| {
        let total = state.result.with(|r| r.matches.len());
        Page::of(total, state.with(|u| u.page))
    });
    let is_empty = Memo::new(move |_| state.result.with(|r| r.matches.is_empty()));
    view! {
        <section class="results" aria-labelledby="results-title" data-testid="results">
            <h2 id="results-title" class="visually-hidden">"Matching reports"</h2>
            <Show
                when=move || !is_empty.get()
                fallback=move || view! {
                    <div class="empty" data-testid="empty-results">
                        <p>"No report matches."</p>
                        <button type="button" class="button" on:click=move |_| state.navigate(|u| u.clear_filters())>"Clear filters"</button>
                    </div>
                }
            >
                <ol class="result-list" data-testid="report-list" start=move || page.with(|p| p.range.start + 1)>
                    // In relevance order when searching (ties, and no search: timeline order). Keyed by
                    // report and search terms: a filter change keeps the items that stay.
                    <For
                        each=move || {
                            let range = page.with(|p| p.range.clone());
                            state.result.with(|r| r.ranked[range].iter().map(|&i| (i, r.terms.clone())).collect::<Vec<_>>())
                        }
                        key=|item| item.clone()
                        children=|(index, terms)| view! { <ResultItem index=index terms=terms/> }
                    />
                </ol>
                <Show when=move || page.with(|p| p.count > 1)>
                    <Pager page=page/>
                </Show>
                <crate::components::export::ExportButtons subject="the reports listed" formats=crate::components::export::report_list_formats(state)/>
            </Show>
        </section>
    }
}

/// Previous and next page links (real links: a page of results is a shareable URL), and where
/// the reader is. At either end the link stays in place, marked unavailable.
#[component]
fn Pager(page: Memo<Page>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = move |label: &'static str,
                     testid: &'static str,
                     step: fn(&Page) -> Option<usize>| {
        let target = move || page.with(step);
        view! {
            <a
                class="button"
                data-testid=testid
                href=move || target().map(|n| state.href(move |u| u.page = n))
                aria-disabled=move || target().is_none().then_some("true")
                on:click=move |ev: MouseEvent| {
                    let plain = ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
                    if plain || target().is_none() {
                        ev.prevent_default();
                    }
                    if let (true, Some(n)) = (plain, target()) {
                        state.navigate(move |u| u.page = n);
                    }
                }
            >
                {label}
            </a>
        }
    };
    view! {
        <nav class="pager" aria-label="Result pages" data-testid="pager">
            {link("Previous page", "previous-page", Page::previous)}
            <span aria-live="polite" data-testid="page-status">
                {move || page.with(|p| format!("Page {} of {}", p.index + 1, p.count))}
            </span>
            {link("Next page", "next-page", Page::next)}
        </nav>
    }
}

#[component]
fn ResultItem(index: usize, terms: Vec<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let report = &state.data.reports()[index];
    let id = report.id.clone();
    let open_id = id.clone();
    // The title once its shard is here (only this page's titles are asked for), its search
    // matches marked.
    let title_terms = terms.clone();
    let title = move || {
        match state.data.title(index) {
        Loaded::Ready(title) => {
            let marks = search_marks(highlight_ranges(title, &title_terms));
            view! { <span data-testid="report-title">{marked_text(title, &marks)}</span> }.into_any()
        }
        Loaded::Loading => view! {
            <span data-testid="report-title" class="title-loading" aria-busy="true">{crate::components::title::PLACEHOLDER}</span>
        }
        .into_any(),
        Loaded::Failed(_) => view! {
            <span data-testid="report-title" class="title-failed">{crate::components::title::UNAVAILABLE}</span>
        }
        .into_any(),
    }
    };
    let topics: Vec<String> = report
        .topics
        .iter()
        .take(3)
        .map(|t| {
            state
                .data
                .facet_label(parallax_core::query::FacetKind::Topic, &t.topic)
        })
        .collect();
    let related = state.pairs_of(&id);
    // The paragraph of the first match, once the text is here: the link opens the reader there.
    let link_terms = terms.clone();
    let open_paragraph = move || {
        state
            .data
            .full_report(index)
            .ready()
            .and_then(|full| snippet(full, &link_terms).paragraph)
    };
    view! {
        <li class="result" data-testid="result" data-report-id=id.clone()>
            <h3 class="result-title">
                {nav_link(state, move |u| { u.report = Some(open_id.clone()); u.paragraph = open_paragraph(); u.compare = None; }, "", "open-report", title)}
            </h3>
            <TitleError report=index/>
            <p class="meta">
                <span class="outlet">{format::outlet(report)}</span>
                " · event "
                <span class:inferred=report.event_date_basis == parallax_core::DateBasis::Inferred>{format::date_with_basis(report.event_date, report.event_date_basis)}</span>
                {report.published.map(|d| format!(" · published {}", format::date(d)))}
            </p>
            <ResultSnippet index=index terms=terms/>
            <p class="tags">
                {topics.into_iter().map(|t| view! { <span class="tag">{t}</span> }).collect_view()}
                // The story under the thresholds in force: its page.
                {move || state.relations.with(|r| r.story_of(index).map(|s| (s.id.clone(), story_label_text(state.data, s)))).map(|(story, label)| {
                    nav_link(state, move |u| { u.story = Some(story.clone()); u.report = None; u.paragraph = None; u.compare = None; }, "tag story-tag", "result-story", parallax_core::display::story_tag(&label))
                })}
                {related.into_iter().take(2).map(|p| {
                    let other = if p.a == id { p.b.clone() } else { p.a.clone() };
                    let (left, right) = (id.clone(), other.clone());
                    // Pointing at a comparison fetches the other report's text, which it needs.
                    let other_index = state.data.position.get(other.as_str()).copied();
                    let relation = capitalise(p.relation.label());
                    let label = move || {
                        let other_title = other_index.map_or_else(String::new, |i| title_text(state.data, i, Some(50)));
                        format!("{relation}: compare with “{other_title}”")
                    };
                    let prefetch_other = move || if let Some(i) = other_index { state.data.prefetch(i) };
                    view! {
                        <span class="relation-link" on:mouseenter=move |_| prefetch_other() on:focusin=move |_| prefetch_other()>
                            {nav_link(state, move |u| { u.compare = Some((left.clone(), right.clone())); u.report = None; u.paragraph = None; }, "tag relation", "compare-link", label)}
                        </span>
                    }
                }).collect_view()}
            </p>
        </li>
    }
}

/// The piece of a result's text around its first match: made once the text has arrived; until
/// then a line of the same height, or what went wrong with a button to try again.
#[component]
fn ResultSnippet(index: usize, terms: Vec<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        match state.data.full_report(index) {
        Loaded::Ready(full) => {
            let snip = snippet(full, &terms);
            let marks = search_marks(snip.highlights.clone());
            (!snip.text.is_empty())
                .then(|| {
                    view! {
                        <p class="snippet" data-testid="snippet">
                            {snip.cut_before.then_some("… ")}{marked_text(&snip.text, &marks)}{snip.cut_after.then_some(" …")}
                        </p>
                    }
                })
                .into_any()
        }
        Loaded::Loading => view! {
            <p class="snippet snippet-loading" data-testid="snippet-loading" aria-busy="true">"Loading the text…"</p>
        }
        .into_any(),
        Loaded::Failed(message) => view! { <ShardError message=message report=index/> }.into_any(),
    }
    }
}

/// A shard that failed to load: why, and a button that fetches it again.
#[component]
pub fn ShardError(message: String, report: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <p class="shard-error" role="alert" data-testid="shard-error">
            {format!("The text could not be loaded: {message}. ")}
            <button type="button" class="button" data-testid="shard-retry" on:click=move |_| state.data.retry(report)>"Try again"</button>
        </p>
    }
}

pub use parallax_core::display::{capitalise, shorten};
