//! The story's related pairs, near duplicates first with who copied whom, and any two of its
//! reports side by side in one click.

use super::report_link;
use crate::components::results::nav_link;
use crate::components::title::title_text;
use crate::state::AppState;
use leptos::prelude::*;
use parallax_core::analysis::direction::{Direction, DirectionBasis};
use parallax_core::analysis::story_view::StoryView;
use parallax_core::display;

/// Up to this many reports, the page offers every two of them side by side in a grid; above, a
/// comparison with the report carried first (and each pair listed).
const GRID_REPORTS: usize = 10;

/// A link that compares reports `a` and `b`.
fn compare_link(state: AppState, a: u32, b: u32, label: impl IntoView + 'static) -> impl IntoView {
    let ids = |i: u32| state.data.reports()[i as usize].id.clone();
    let (left, right) = (ids(a), ids(b));
    nav_link(
        state,
        move |u| {
            u.compare = Some((left.clone(), right.clone()));
            u.report = None;
            u.paragraph = None;
        },
        "",
        "story-compare",
        label,
    )
}

fn direction_view(state: AppState, direction: &Direction) -> AnyView {
    match direction {
        Direction::Known { source, copy, basis, evidence } => {
            let how = match basis {
                DirectionBasis::PublicationDates => "by publication dates",
                DirectionBasis::Containment => "by how much of each text the other holds",
            };
            let name = |i: u32| display::outlet_or_file(&state.data.reports()[i as usize]);
            view! {
                <p class="direction" data-testid="direction">
                    {format!("{} copied {} ({how})", name(*copy), name(*source))}
                </p>
                <ul class="why">{evidence.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
            }
            .into_any()
        }
        Direction::Undetermined { why } => view! {
            <p class="direction undetermined" data-testid="direction">{format!("Direction undetermined: {why}")}</p>
        }
        .into_any(),
    }
}

#[component]
pub fn StoryPairs(story: StoryView) -> impl IntoView {
    let state = expect_context::<AppState>();
    let relations = state.relations;
    let pairs = story.pairs.clone();
    let shown = pairs.len();
    let reports = story.reports.clone();
    let first = story
        .first
        .reports
        .first()
        .copied()
        .or(reports.first().copied());
    view! {
        <section class="page-section" aria-labelledby="story-pairs-title">
            <h3 id="story-pairs-title">"Who copied whom"</h3>
            {(pairs.is_empty()).then(|| view! { <p class="hint">"No two reports of this story are related directly."</p> })}
            <ul class="plain-list" data-testid="story-pairs">
                {pairs.into_iter().map(|p| {
                    let why = relations.with_untracked(|r| r.pairs().get(p.pair as usize).map(|x| x.why.clone())).unwrap_or_default();
                    view! {
                        <li data-testid="story-pair">
                            <span class="relation-label">{display::capitalise(p.relation.label())}</span>": "
                            {report_link(state, p.a)}" · "{report_link(state, p.b)}
                            " · "{compare_link(state, p.a, p.b, "compare side by side")}
                            <br/><span class="why">{why}</span>
                            {p.direction.as_ref().map(|d| direction_view(state, d))}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(story.pairs_total > shown).then(|| view! {
                <p class="hint">{format!("{} more pairs are not listed.", story.pairs_total - shown)}</p>
            })}
            <h3>"Side by side"</h3>
            {if reports.len() <= GRID_REPORTS {
                let grid: Vec<(u32, u32)> = reports.iter().enumerate()
                    .flat_map(|(k, &a)| reports[k + 1..].iter().map(move |&b| (a, b)))
                    .collect();
                view! {
                    <ul class="plain-list" data-testid="story-compare-all">
                        {grid.into_iter().map(|(a, b)| {
                            let label = move |i: u32| format!("{} ({})", title_text(state.data, i as usize, Some(50)), display::outlet_or_file(&state.data.reports()[i as usize]));
                            view! { <li>{compare_link(state, a, b, move || format!("{} · {}", label(a), label(b)))}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            } else {
                view! {
                    <p class="hint">"Each report compared with the one carried first:"</p>
                    <ul class="plain-list" data-testid="story-compare-all">
                        {reports.iter().copied().filter(|&i| Some(i) != first).map(|i| {
                            let f = first.unwrap_or(i);
                            let label = move || format!("{} · {}", title_text(state.data, i as usize, Some(60)), display::outlet_or_file(&state.data.reports()[i as usize]));
                            view! { <li>{compare_link(state, f, i, label)}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
