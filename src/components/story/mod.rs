//! A story's page: its reports by outlet in publication order, who carried it first, who copied
//! whom (with the evidence), what each report adds and the quotes they share, and any two of its
//! reports side by side. Everything shown is computed by the core (`analysis::story_view`,
//! `story_text`) under the thresholds in force; this view renders it.

mod pairs;
mod text;

use crate::components::results::nav_link;
use crate::components::title::{story_label_text, title_text, Title};
use crate::state::AppState;
use leptos::prelude::*;
use parallax_core::analysis::story_view::{story_view_titled, StoryView};
use parallax_core::display;
use parallax_core::url_state::{UrlState, View};

/// A link to story `id`'s page.
pub fn story_link(
    state: AppState,
    id: String,
    label: String,
    testid: &'static str,
) -> impl IntoView {
    nav_link(
        state,
        move |u: &mut UrlState| {
            u.story = Some(id.clone());
            u.report = None;
            u.paragraph = None;
            u.compare = None;
            if u.view == View::Ledger {
                u.view = View::Timeline;
            }
        },
        "story-link",
        testid,
        label,
    )
}

/// A link that opens report `i` in the reader: its title (from its shard).
fn report_link(state: AppState, i: u32) -> impl IntoView {
    let report = &state.data.reports()[i as usize];
    let id = report.id.clone();
    nav_link(
        state,
        move |u: &mut UrlState| {
            u.report = Some(id.clone());
            u.paragraph = None;
        },
        "",
        "story-report",
        view! { <Title report=i as usize/> },
    )
}

/// "8 Jul 2024", or "no date of its own".
fn published(state: AppState, i: u32) -> String {
    let r = &state.data.reports()[i as usize];
    parallax_core::analysis::direction::own_publication_date(r)
        .map(display::date)
        .unwrap_or_else(|| "no publication date of its own".into())
}

#[component]
pub fn StoryPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let view_model = Memo::new(move |_| {
        state.relations.with(|relations| {
            let index = relations.resolve_story(&id, |r| state.data.position.get(r).copied())?;
            // Who copied whom names reports by title: tracked, so the view is made again as
            // their shards arrive.
            let title = |i: u32| title_text(state.data, i as usize, None);
            let mut view = story_view_titled(relations, state.data.reports(), index, &title)?;
            if let Some(story) = relations.stories().get(index) {
                view.label = story_label_text(state.data, story);
            }
            Some(view)
        })
    });
    move || {
        match view_model.get() {
        None => view! {
            <section class="story-page" data-testid="story-page">
                <h2>"No such story"</h2>
                <p>"No story has this id at this threshold. "{nav_link(state, |u| u.story = None, "", "story-back", "Back to the reports")}</p>
            </section>
        }
        .into_any(),
        Some(story) => view! { <Story story=story/> }.into_any(),
    }
    }
}

#[component]
fn Story(story: StoryView) -> impl IntoView {
    let state = expect_context::<AppState>();
    let outlets = story.outlets.len();
    let noun = if story.by_source_file {
        ("source", "sources")
    } else {
        ("outlet", "outlets")
    };
    let ledger_story = story.id.clone();
    let first = story.first.clone();
    view! {
        <section class="story-page" aria-labelledby="story-title" data-testid="story-page">
            <p class="crumbs">{nav_link(state, |u| u.story = None, "", "story-back", "← Back")}</p>
            <div class="page-head">
                <h2 id="story-title" data-testid="story-title">{story.label.clone()}</h2>
            </div>
            <p class="page-intro" data-testid="story-summary">
                {format!(
                    "{}{} from {}.",
                    story.date.map(|d| format!("{}: ", display::date(d))).unwrap_or_default(),
                    display::count(story.reports.len(), "report", "reports"),
                    display::count(outlets, noun.0, noun.1),
                )}
                " "
                {nav_link(state, move |u| { u.view = View::Ledger; u.story = Some(ledger_story.clone()); }, "", "story-ledger", "Its quotes in the ledger")}
            </p>
            {story.by_source_file.then(|| view! {
                <p class="hint" data-testid="story-by-file">"Some reports name no outlet: they are grouped by the file they came from."</p>
            })}
            <div class="first-carrier" data-testid="first-carrier">
                <strong>"Carried first: "</strong>
                {if first.reports.is_empty() {
                    view! { <span>"undetermined"</span> }.into_any()
                } else {
                    view! {
                        <span>
                            {first.reports.iter().enumerate().map(|(k, &i)| view! {
                                {(k > 0).then_some(", ")}
                                {report_link(state, i)}
                                {format!(" ({})", display::outlet_or_file(&state.data.reports()[i as usize]))}
                            }).collect_view()}
                        </span>
                    }.into_any()
                }}
                <br/><span class="why">{first.why.clone()}</span>
            </div>
            <section class="page-section" aria-labelledby="story-outlets-title">
                <h3 id="story-outlets-title">{if story.by_source_file { "Reports by outlet or source file" } else { "Reports by outlet" }}</h3>
                <div class="story-outlets">
                    {story.outlets.iter().map(|group| view! {
                        <div class="outlet-card" data-testid="story-outlet">
                            <h4>{group.name.clone()}{group.source_file.then_some(" (source file)")}</h4>
                            <ol>
                                {group.reports.iter().map(|&i| view! {
                                    <li>{report_link(state, i)}<br/><span class="meta">{published(state, i)}</span></li>
                                }).collect_view()}
                            </ol>
                        </div>
                    }).collect_view()}
                </div>
            </section>
            <pairs::StoryPairs story=story.clone()/>
            <text::StoryTextSection story=story/>
        </section>
    }
}
