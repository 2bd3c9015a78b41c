//! Facet filters with honest counts, the date range, and the clear buttons.

use crate::components::format;
use crate::state::AppState;
use leptos::prelude::*;
use parallax_core::query::FacetKind;
use parallax_core::NaiveDate;

/// Options shown before "show all".
const SHOWN_OPTIONS: usize = 8;

#[component]
pub fn Facets() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="facets" aria-labelledby="facets-title" data-testid="facets">
            <div class="facets-head">
                <h2 id="facets-title">"Filters"</h2>
                <Show when=move || state.with(|u| u.is_filtered())>
                    <button type="button" class="button link-button" data-testid="clear-all" on:click=move |_| state.navigate(|u| u.clear_filters())>
                        "Clear all"
                    </button>
                </Show>
            </div>
            <DateRange/>
            {FacetKind::ALL.into_iter().map(|kind| view! { <FacetGroup kind=kind/> }).collect_view()}
        </section>
    }
}

#[component]
fn FacetGroup(kind: FacetKind) -> impl IntoView {
    let state = expect_context::<AppState>();
    let show_all = RwSignal::new(false);
    let options = Memo::new(move |_| state.result.with(|r| r.options(kind).to_vec()));
    let any_selected = move || state.with(|u| !u.facets.get(kind).is_empty());
    let legend_id = format!("facet-{}", kind.key());
    view! {
        <Show when=move || !options.with(Vec::is_empty)>
            <fieldset class="facet" data-testid=format!("facet-{}", kind.key())>
                <legend id=legend_id.clone()>{kind.label()}</legend>
                <ul class="facet-options">
                    {move || {
                        let all = options.get();
                        let limit = if show_all.get() { all.len() } else { SHOWN_OPTIONS };
                        all.into_iter()
                            .enumerate()
                            .filter(|(i, o)| *i < limit || o.selected)
                            .map(|(_, option)| {
                                let value = option.value.clone();
                                let label = state.data.facet_label(kind, &option.value);
                                let id = parallax_core::display::facet_dom_id(kind, &option.value);
                                view! {
                                    <li>
                                        <input
                                            type="checkbox"
                                            id=id.clone()
                                            data-testid="facet-option"
                                            data-facet=kind.key()
                                            data-value=option.value.clone()
                                            prop:checked=option.selected
                                            on:change=move |_| {
                                                let value = value.clone();
                                                state.navigate(move |u| u.facets.toggle(kind, &value));
                                            }
                                        />
                                        <label for=id>
                                            <span class="facet-label">{label}</span>
                                            <span class="facet-count" data-testid="facet-count">{option.count}</span>
                                        </label>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <div class="facet-actions">
                    <Show when=move || options.with(|o| o.len() > SHOWN_OPTIONS)>
                        <button type="button" class="button link-button" on:click=move |_| show_all.update(|s| *s = !*s)>
                            {move || if show_all.get() { "Show fewer".to_string() } else { format!("Show all {}", options.with(Vec::len)) }}
                        </button>
                    </Show>
                    <Show when=any_selected>
                        <button
                            type="button"
                            class="button link-button"
                            data-testid=format!("clear-{}", kind.key())
                            on:click=move |_| state.navigate(move |u| u.facets.get_mut(kind).clear())
                        >
                            {format!("Clear {}", kind.label().to_lowercase())}
                        </button>
                    </Show>
                </div>
            </fieldset>
        </Show>
    }
}

/// Event-date range inputs: the keyboard way to do what the timeline brush does.
#[component]
fn DateRange() -> impl IntoView {
    let state = expect_context::<AppState>();
    let set = move |which: &'static str, value: String| {
        let date = NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok();
        state.navigate(move |u| {
            if which == "from" {
                u.from = date;
            } else {
                u.to = date;
            }
            if let (Some(f), Some(t)) = (u.from, u.to) {
                if f > t {
                    std::mem::swap(&mut u.from, &mut u.to);
                }
            }
            if u.from.is_none() && u.to.is_none() {
                u.zoom = false;
            }
        });
    };
    let value = move |which: &'static str| {
        state
            .with(|u| if which == "from" { u.from } else { u.to })
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    view! {
        <fieldset class="facet date-range" data-testid="date-range">
            <legend>"Event date"</legend>
            <div class="date-inputs">
                <label>"From"<input type="date" data-testid="date-from" prop:value=move || value("from") on:change=move |ev| set("from", event_target_value(&ev))/></label>
                <label>"To"<input type="date" data-testid="date-to" prop:value=move || value("to") on:change=move |ev| set("to", event_target_value(&ev))/></label>
            </div>
            <Show when=move || state.with(|u| u.from.is_some() || u.to.is_some())>
                <p class="hint">
                    {move || state.with(|u| match (u.from, u.to) {
                        (Some(f), Some(t)) => format!("{} – {}; undated reports are left out", format::date(f), format::date(t)),
                        (Some(f), None) => format!("from {}; undated reports are left out", format::date(f)),
                        (None, Some(t)) => format!("until {}; undated reports are left out", format::date(t)),
                        (None, None) => String::new(),
                    })}
                </p>
                <button type="button" class="button link-button" data-testid="clear-dates" on:click=move |_| state.navigate(|u| { u.from = None; u.to = None; u.zoom = false; })>
                    "Clear dates"
                </button>
            </Show>
        </fieldset>
    }
}
