//! The compare view's report picker: a WAI-ARIA 1.2 combobox (an input with a listbox popup,
//! list autocomplete with manual selection) that lists at most [`PICKER_OPTIONS`] reports, the
//! ones the core's picker rule ([`PickerIndex::pick`]) finds for what is typed, never the corpus.
//!
//! Titles are matched through the search index's postings (the core's rule): the search shards
//! of what is typed are fetched first, and each option's title comes from its title shard.
//!
//! Closed, the input shows the chosen report's title. Typing opens the list and filters it;
//! ArrowDown and ArrowUp open it or move the active option (wrapping), Enter or a click picks
//! it, Escape closes the list and puts the chosen title back, as does leaving the input. Every
//! listener is an element's own, so it dies with the element.

use crate::components::format;
use crate::components::results::capitalise;
use crate::components::title::{title_text, Title};
use crate::data::Loaded;
use crate::state::{retry_failed_shards, AppState, CorpusData};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use parallax_core::query::{picker_words, ChunkedIndex, PickerIndex};

/// How many options the popup lists at most.
pub const PICKER_OPTIONS: usize = 20;

/// The picker's folded fields, made the first time a picker opens.
fn picker_index() -> &'static PickerIndex {
    let data = CorpusData::get();
    data.picker
        .get_or_init(|| PickerIndex::new(&data.catalogue.reports, data.index.timeline_order()))
}

/// Options for `typed`, once the search shards its words need have arrived (tracked: they are
/// requested then); what went wrong with one, if one failed.
fn pick_options(
    data: &'static CorpusData,
    typed: &str,
    current: Option<usize>,
) -> Loaded<Vec<usize>> {
    let meta = &data.catalogue.search;
    match data.search_shards(meta.shards_for(&picker_words(typed))) {
        Loaded::Ready(()) => {}
        Loaded::Loading => return Loaded::Loading,
        Loaded::Failed(e) => return Loaded::Failed(e),
    }
    let titles = ChunkedIndex::new(meta, |i| data.words.peek(i), |i| data.prefixes.peek(i));
    Loaded::Ready(picker_index().pick(typed, PICKER_OPTIONS, current, &titles))
}

/// The next active option after an arrow key, wrapping at both ends (`None` when no option).
fn step(active: Option<usize>, options: usize, down: bool) -> Option<usize> {
    if options == 0 {
        return None;
    }
    Some(match (active, down) {
        (None, true) => 0,
        (None, false) => options - 1,
        (Some(a), true) => (a + 1) % options,
        (Some(a), false) => (a + options - 1) % options,
    })
}

#[component]
pub fn ReportPicker(side: &'static str, current: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let current_index = state.data.report(&current).map(|(i, _)| i);
    let current_title =
        move || current_index.map_or_else(String::new, |i| title_text(state.data, i, None));
    let input_id = format!("pick-{side}");
    let list_id = format!("pick-{side}-list");
    let label_id = format!("pick-{side}-label");
    let option_id = move |i: usize| format!("pick-{side}-option-{i}");

    let open = RwSignal::new(false);
    // What the reader typed since the list opened; `None` shows the chosen report's title.
    let typed = RwSignal::new(None::<String>);
    // The active option: a position in `options`.
    let active = RwSignal::new(None::<usize>);
    let found = Memo::new(move |_| {
        if !open.get() {
            return Loaded::Ready(Vec::new());
        }
        typed.with(|t| pick_options(state.data, t.as_deref().unwrap_or(""), current_index))
    });
    // The last options found stay while the next ones' shards are on their way.
    let options = Memo::new(move |last: Option<&Vec<usize>>| match found.get() {
        Loaded::Ready(options) => options,
        _ => last.cloned().unwrap_or_default(),
    });
    let expanded = move || open.get() && options.with(|o| !o.is_empty());
    let active_id = move || {
        active
            .get()
            .and_then(|a| options.with(|o| o.get(a).map(|&i| option_id(i))))
    };

    // `try_set`: a blur can come as the comparison is drawn anew, after these signals are gone.
    let close = move || {
        open.try_set(false);
        typed.try_set(None);
        active.try_set(None);
    };
    // Navigates exactly as the old select's change did (picking the chosen one only closes); the
    // comparison is drawn anew and the focus goes to its heading, as on every view change.
    let choose = move |i: usize| {
        close();
        if Some(i) == current_index {
            return;
        }
        let chosen = state.data.catalogue.reports[i].id.clone();
        state.navigate(move |u| {
            if let Some((l, r)) = u.compare.as_mut() {
                if side == "left" {
                    *l = chosen;
                } else {
                    *r = chosen;
                }
            }
        });
    };
    let on_key = move |ev: KeyboardEvent| match ev.key().as_str() {
        key @ ("ArrowDown" | "ArrowUp") => {
            ev.prevent_default();
            let down = key == "ArrowDown";
            if !open.get_untracked() {
                open.set(true);
                if ev.alt_key() {
                    return;
                }
            }
            let n = options.with_untracked(Vec::len);
            active.update(|a| *a = step(*a, n, down));
        }
        "Enter" => {
            let picked = active
                .get_untracked()
                .and_then(|a| options.with_untracked(|o| o.get(a).copied()));
            if let Some(i) = picked.filter(|_| open.get_untracked()) {
                ev.prevent_default();
                choose(i);
            }
        }
        "Escape" => {
            if open.get_untracked() || typed.with_untracked(Option::is_some) {
                ev.prevent_default();
            }
            close();
        }
        _ => {}
    };

    // Keeps the active option in sight when the list scrolls.
    Effect::new(move |_| {
        let Some(id) = active_id() else { return };
        if let Some(el) = document().get_element_by_id(&id) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });

    // Focusing the input selects the title, so typing replaces it.
    let select_all = move |ev: leptos::ev::FocusEvent| {
        event_target::<web_sys::HtmlInputElement>(&ev).select();
    };
    let none_found = move || {
        open.get()
            && typed.with(|t| t.as_deref().is_some_and(|t| !t.trim().is_empty()))
            && options.with(Vec::is_empty)
            && matches!(found.get(), Loaded::Ready(_))
    };
    // The list's mousedown is cancelled so the focus stays in the input while an option is
    // clicked (a blur would close the list before the click).
    view! {
        <div class="picker" data-testid=format!("picker-{side}")>
            <label id=label_id.clone() for=input_id.clone()>{format!("{} report", capitalise(side))}</label>
            <input
                id=input_id
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=active_id
                data-testid=format!("pick-{side}")
                prop:value=move || typed.get().unwrap_or_else(current_title)
                on:focus=select_all
                on:click=move |_| open.set(true)
                on:input=move |ev| {
                    typed.set(Some(event_target_value(&ev)));
                    active.set(None);
                    open.set(true);
                }
                on:keydown=on_key
                on:blur=move |_| close()
            />
            <ul
                id=list_id
                role="listbox"
                class="picker-list"
                aria-labelledby=label_id
                data-testid=format!("pick-{side}-list")
                hidden=move || !expanded()
                on:mousedown=move |ev| ev.prevent_default()
            >
                {move || options.get().into_iter().enumerate().map(|(pos, i)| {
                    let r = &state.data.catalogue.reports[i];
                    let date = r.event_date.map_or_else(|| "no date".to_string(), format::date);
                    view! {
                        <li
                            id=option_id(i)
                            role="option"
                            class="picker-option"
                            class:current=Some(i) == current_index
                            aria-selected=move || (active.get() == Some(pos)).to_string()
                            data-report-id=r.id.clone()
                            data-testid="pick-option"
                            on:click=move |_| choose(i)
                        >
                            <span class="picker-title"><Title report=i max=90/></span>
                            <span class="picker-meta">{format!("{} · {}", format::outlet(r), date)}</span>
                            {(Some(i) == current_index).then(|| view! { <span class="visually-hidden">" (shown now)"</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="picker-none" role="status" data-testid=format!("pick-{side}-none")>
                {move || none_found().then_some("No report matches.")}
                {move || matches!(found.get(), Loaded::Loading).then_some("Searching…")}
            </p>
            {move || match found.get() {
                Loaded::Failed(message) => Some(view! {
                    <p class="shard-error" role="alert" data-testid="picker-error">
                        {format!("The reports could not be searched: {message}. ")}
                        <button type="button" class="button" data-testid="picker-retry"
                            on:mousedown=move |ev| ev.prevent_default()
                            on:click=move |_| retry_failed_shards(state.data)>"Try again"</button>
                    </p>
                }),
                _ => None,
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::step;

    #[test]
    fn arrows_wrap_and_start_at_either_end() {
        assert_eq!(step(None, 0, true), None);
        assert_eq!(step(Some(2), 0, false), None);
        assert_eq!(step(None, 3, true), Some(0));
        assert_eq!(step(None, 3, false), Some(2));
        assert_eq!(step(Some(2), 3, true), Some(0));
        assert_eq!(step(Some(0), 3, false), Some(2));
        assert_eq!(step(Some(1), 3, true), Some(2));
    }
}
