//! A report's large group of near copies: how many, and links to compare it with each.

use crate::components::format;
use crate::components::results::nav_link;
use crate::components::title::Title;
use crate::state::AppState;
use leptos::prelude::*;
use parallax_core::analysis::near_copies::group_of;

/// Links shown before "and N more": the side-by-side view's pickers reach the rest.
const LISTED: usize = 12;

/// For a report in a large group of near copies: the group's size and links to compare the
/// report with the other members (their pairs are not stored; the compare view computes them).
#[component]
pub fn NearCopies(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = state.data;
    let Some((here, _)) = data.report(&id) else {
        return ().into_any();
    };
    let Some(group) = group_of(&data.catalogue.near_copy_groups, here as u32) else {
        return ().into_any();
    };
    let others: Vec<u32> = group
        .iter()
        .copied()
        .filter(|&m| m as usize != here)
        .collect();
    let more = others.len().saturating_sub(LISTED);
    view! {
        <div class="near-copies" data-testid="near-copies">
            <p>{format!(
                "One of {} near copies: near duplicates of each other at every threshold. Only the links that join them are listed below; compare it with any of them:",
                group.len()
            )}</p>
            <ul>
                {others.into_iter().take(LISTED).map(|m| {
                    let other = &data.catalogue.reports[m as usize];
                    let (left, right) = (id.clone(), other.id.clone());
                    let outlet = format!(" ({})", format::outlet(other));
                    view! {
                        <li>
                            {nav_link(state, move |u| { u.compare = Some((left.clone(), right.clone())); u.report = None; u.paragraph = None; }, "", "near-copy-compare", view! { <Title report=m as usize/>{outlet} })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(more > 0).then(|| view! { <p class="hint">{format!("and {more} more: pick them in the side-by-side view.")}</p> })}
        </div>
    }
    .into_any()
}
