//! What the story page reads from the reports' text, once it has arrived: what each report adds
//! (its sentences no other report of the story shares) and the quotes they share.

use super::report_link;
use crate::components::results::ShardError;
use crate::data::Loaded;
use crate::state::AppState;
use leptos::prelude::*;
use parallax_core::analysis::story_text::{story_text, StoryText};
use parallax_core::analysis::story_view::StoryView;
use parallax_core::display;

/// The text the section needs: ready, still on its way, or failed (with a report to retry).
#[derive(PartialEq)]
enum Texts {
    Ready(StoryText),
    Loading,
    Failed(String, usize),
}

#[component]
pub fn StoryTextSection(story: StoryView) -> impl IntoView {
    let state = expect_context::<AppState>();
    let wanted: Vec<u32> = story.text_reports().to_vec();
    let total = story.reports.len();
    let texts = Memo::new(move |_| {
        let mut loaded = Vec::with_capacity(wanted.len());
        let mut waiting = false;
        for &i in &wanted {
            match state.data.full_report(i as usize) {
                Loaded::Ready(r) => loaded.push((i, r)),
                Loaded::Loading => waiting = true,
                Loaded::Failed(e) => return Texts::Failed(e, i as usize),
            }
        }
        if waiting {
            Texts::Loading
        } else {
            Texts::Ready(story_text(&loaded))
        }
    });
    let compared = story.text_reports().len();
    view! {
        <section class="page-section" aria-labelledby="story-text-title" data-testid="story-text"
            aria-busy=move || texts.with(|t| matches!(t, Texts::Loading)).then_some("true")>
            <h3 id="story-text-title">"What each report adds"</h3>
            {(compared < total).then(|| view! {
                <p class="hint">{format!("The first {compared} reports in publication order are compared.")}</p>
            })}
            {move || texts.with(|t| match t {
                Texts::Loading => view! { <p class="snippet-loading">"Loading the reports' text…"</p> }.into_any(),
                Texts::Failed(message, report) => view! { <ShardError message=message.clone() report=*report/> }.into_any(),
                Texts::Ready(text) => rendered(state, text),
            })}
        </section>
    }
}

fn rendered(state: AppState, text: &StoryText) -> AnyView {
    let adds = text.adds.clone();
    let quotes = text.shared_quotes.clone();
    view! {
        <ul class="plain-list adds-list" data-testid="story-adds">
            {adds.into_iter().map(|a| {
                let own = a.sentences.len() + a.more;
                view! {
                    <li data-testid="story-add">
                        {report_link(state, a.report)}
                        {format!(" ({})", display::outlet_or_file(&state.data.reports()[a.report as usize]))}
                        <p class="meta">{if own == 0 {
                            format!("Adds nothing: all {} of its sentences are shared with other reports of the story.", a.total)
                        } else {
                            format!("{} of its {} {} its own:", own, a.total, if own == 1 { "sentences is" } else { "sentences are" })
                        }}</p>
                        {a.sentences.into_iter().map(|s| view! { <blockquote>{s.text}</blockquote> }).collect_view()}
                        {(a.more > 0).then(|| view! { <p class="hint">{format!("and {} more.", a.more)}</p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
        <h3>"Quotes they share"</h3>
        {quotes.is_empty().then(|| view! { <p class="hint">"The reports share no quote."</p> })}
        <ul class="plain-list shared-quotes" data-testid="story-quotes">
            {quotes.into_iter().map(|q| view! {
                <li data-testid="story-quote">
                    <blockquote>{format!("“{}”", q.text)}</blockquote>
                    <p class="meta">
                        {q.speaker.map(|s| view! { <span class="speaker">{s}</span>" · " })}
                        {format!("carried by {}: ", display::count(q.reports.len(), "report", "reports"))}
                        {q.reports.iter().enumerate().map(|(k, &i)| view! {
                            {(k > 0).then_some(", ")}
                            {display::outlet_or_file(&state.data.reports()[i as usize])}
                        }).collect_view()}
                    </p>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
