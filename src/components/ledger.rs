//! The quote ledger: every quote with its speaker, every report that prints it, the first to
//! print it, and how each printing differs from the first (trimmed, extended or substituted, the
//! differing words marked). Narrowed by speaker, by story and by search words. The ledger is one
//! shard, fetched when this page opens; the core matches, orders and cuts the text.

use crate::components::export::{ExportButtons, ExportFormat};
use crate::components::format;
use crate::components::results::nav_link;
use crate::components::story::story_link;
use crate::components::title::{story_label_text, title_text};
use crate::data::{Loaded, LoadedLedger};
use crate::state::AppState;
use leptos::prelude::*;
use parallax_core::display;
use parallax_core::export::ledger_csv;
use parallax_core::query::{changed_pieces, ledger_speakers};
use parallax_core::{QuoteEntry, QuoteOccurrence};

/// Entries rendered at most; the count and the export cover them all.
const SHOWN_ENTRIES: usize = 100;

#[component]
pub fn LedgerPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="ledger-page" aria-labelledby="ledger-title" data-testid="ledger-page"
            aria-busy=move || matches!(state.data.ledger.get(0), Loaded::Loading).then_some("true")>
            <h2 id="ledger-title">"Quote ledger"</h2>
            <p class="page-intro">"Every quote, who said it, every report that prints it and the first to print it; each printing verbatim or altered: trimmed, extended or with words substituted (the categories of Simmons, Adamic and Adar, 2011), the differing words marked."</p>
            {move || match state.data.ledger.get(0) {
                Loaded::Loading => view! { <p class="snippet-loading">"Loading the quote ledger…"</p> }.into_any(),
                Loaded::Failed(message) => view! {
                    <p class="shard-error" role="alert" data-testid="ledger-error">
                        {format!("The quote ledger could not be loaded: {message}. ")}
                        <button type="button" class="button" data-testid="ledger-retry" on:click=move |_| state.data.ledger.retry(0)>"Try again"</button>
                    </p>
                }.into_any(),
                Loaded::Ready(ledger) => view! { <Ledger ledger=ledger/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Ledger(ledger: &'static LoadedLedger) -> impl IntoView {
    let state = expect_context::<AppState>();
    let speakers = ledger_speakers(&ledger.entries);
    let filter = Memo::new(move |_| state.with(|u| (u.ledger.clone(), u.story.clone())));
    // The story the ledger is narrowed to, under the thresholds in force: its index and label.
    let story = Memo::new(move |_| {
        let id = filter.with(|f| f.1.clone())?;
        state.relations.with(|r| {
            let s = r.resolve_story(&id, |x| state.data.position.get(x).copied())?;
            Some((
                s,
                r.stories()[s].id.clone(),
                story_label_text(state.data, &r.stories()[s]),
            ))
        })
    });
    let matches = Memo::new(move |_| {
        let (f, _) = filter.get();
        let story = story.get();
        state.relations.with(|r| {
            let in_story = |e: &QuoteEntry| {
                story.as_ref().is_some_and(|(s, ..)| {
                    e.occurrences.iter().any(|o| {
                        state
                            .data
                            .position
                            .get(o.report.as_str())
                            .and_then(|&i| r.story_index_of(i))
                            == Some(*s)
                    })
                })
            };
            let narrow: Option<&dyn Fn(&QuoteEntry) -> bool> = story.is_some().then_some(&in_story);
            ledger
                .index
                .matches(&ledger.entries, f.speaker.as_deref(), &f.text, narrow)
        })
    });
    let export = vec![ExportFormat::new("CSV", "ledger", "csv", move |source| {
        let chosen: Vec<&QuoteEntry> = matches
            .get_untracked()
            .iter()
            .map(|&i| &ledger.entries[i])
            .collect();
        Ok(ledger_csv(source, &chosen))
    })];
    let speaker_now = move || filter.with(|f| f.0.speaker.clone()).unwrap_or_default();
    view! {
        <form class="ledger-filters" role="search" aria-label="Filter the quotes" on:submit=|ev| ev.prevent_default()>
            <label>"Search the quotes"
                <input type="search" data-testid="ledger-search" autocomplete="off" spellcheck="false"
                    prop:value=move || filter.with(|f| f.0.text.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); state.edit(move |u| u.ledger.text = v) }
                    on:blur=move |_| state.end_edit()/>
            </label>
            <label>"Speaker"
                <select data-testid="ledger-speaker" prop:value=speaker_now on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.navigate(move |u| u.ledger.speaker = (!v.is_empty()).then_some(v));
                }>
                    <option value="" selected=move || speaker_now().is_empty()>"Everyone"</option>
                    {speakers.into_iter().map(|(name, n)| {
                        let value = name.clone();
                        let selected = move || speaker_now() == value;
                        view! { <option value=name.clone() selected=selected>{format!("{name} ({n})")}</option> }
                    }).collect_view()}
                </select>
            </label>
        </form>
        {move || (filter.with(|f| f.1.is_some()) && story.with(Option::is_none)).then(|| view! {
            <p class="hint" role="status" data-testid="ledger-story-unknown">"No story has this id at this threshold: every story's quotes are listed. "
                {nav_link(state, |u| u.story = None, "", "ledger-all-stories", "Drop it from the link")}</p>
        })}
        {move || story.get().map(|(_, id, label)| view! {
            <p class="hint" data-testid="ledger-story">"Quotes of the story "{story_link(state, id, label, "ledger-story-link")}" · "
                {nav_link(state, |u| u.story = None, "", "ledger-all-stories", "all stories")}</p>
        })}
        <p class="result-count" role="status" aria-live="polite" data-testid="ledger-count">
            {move || {
                let n = matches.with(Vec::len);
                let total = ledger.entries.len();
                if n == total { display::count(total, "quote", "quotes") } else { format!("{n} of {}", display::count(total, "quote", "quotes")) }
            }}
        </p>
        <ExportButtons subject="the quotes listed" formats=export/>
        {move || {
            let chosen = matches.get();
            let more = chosen.len().saturating_sub(SHOWN_ENTRIES);
            view! {
                <ol class="plain-list" data-testid="ledger-entries">
                    {chosen.into_iter().take(SHOWN_ENTRIES).map(|i| entry_view(state, &ledger.entries[i], ledger.index.carried(i))).collect_view()}
                </ol>
                {(more > 0).then(|| view! { <p class="hint">{format!("{more} more quotes: narrow by speaker, story or words to see them.")}</p> })}
            }
        }}
    }
}

/// A report's title (from its shard, tracked) and outlet; its id when it is not in the corpus.
fn report_label(state: AppState, id: &str) -> impl Fn() -> String + Send + Sync + 'static {
    let found = state.data.report(id).map(|(i, r)| (i, format::outlet(r)));
    let id = id.to_string();
    move || match &found {
        Some((i, outlet)) => format!("{} ({outlet})", title_text(state.data, *i, Some(70))),
        None => id.clone(),
    }
}

fn entry_view(state: AppState, entry: &'static QuoteEntry, carried: usize) -> impl IntoView {
    let first = entry.first_report.clone();
    view! {
        <li class="ledger-entry" data-testid="ledger-entry">
            <blockquote>{format!("“{}”", entry.text)}</blockquote>
            <p class="entry-meta">
                {entry.speaker.clone().map(|s| view! { <span class="speaker" data-testid="ledger-speaker-name">{s}</span>" · " })}
                {format!("printed by {}", display::count(carried, "report", "reports"))}
                {first.map(|id| {
                    let label = report_label(state, &id);
                    view! { " · first: "{nav_link(state, move |u| { u.report = Some(id.clone()); u.paragraph = None; }, "", "ledger-first", label)}
                        {entry.first_date.map(|d| format!(" ({})", display::date(d)))} }
                })}
            </p>
            <ul class="printings">
                {entry.occurrences.iter().map(|o| printing(state, &entry.text, o)).collect_view()}
            </ul>
        </li>
    }
}

fn printing(
    state: AppState,
    entry_text: &'static str,
    o: &'static QuoteOccurrence,
) -> impl IntoView {
    let (kind, label) = match o.change {
        _ if o.verbatim => ("verbatim", "verbatim"),
        Some(change) => (change.label(), change.label()),
        None => ("substituted", "altered"),
    };
    let id = o.report.clone();
    let paragraph = o.paragraph;
    let pieces = changed_pieces(&o.text, &o.changed);
    // What the first printing has and this one lacks: the words cut or replaced.
    let left_out: Vec<&str> = changed_pieces(entry_text, &o.entry_changed)
        .into_iter()
        .filter(|(_, changed)| *changed)
        .map(|(text, _)| text.trim())
        .collect();
    view! {
        <li data-testid="ledger-printing" data-change=kind>
            <span class=format!("change {kind}")>{label}</span>" "
            {nav_link(state, move |u| { u.report = Some(id.clone()); u.paragraph = Some(paragraph); }, "", "ledger-report", report_label(state, &o.report))}
            {(!o.verbatim).then(|| view! {
                <span class="printed-text">{pieces.into_iter().map(|(text, changed)| if changed {
                    view! { <ins class="hl-changed">{text}</ins> }.into_any()
                } else {
                    view! { <span>{text}</span> }.into_any()
                }).collect_view()}</span>
                {(!left_out.is_empty()).then(|| view! {
                    <span class="printed-text meta">"Lacks: "{left_out.into_iter().enumerate().map(|(k, w)| view! {
                        {(k > 0).then_some(" · ")}<del class="hl-changed">{w}</del>
                    }).collect_view()}</span>
                })}
            })}
        </li>
    }
}
