//! The reader: one report as the outlet printed it, minus the boilerplate.

use crate::components::format;
use crate::components::highlight::{marked_text, Mark};
use crate::components::results::{capitalise, nav_link, ShardError};
use crate::components::title::{story_label_text, title_text, Title};
use crate::data::Loaded;
use crate::state::AppState;
use leptos::prelude::*;
use leptos::web_sys;
use parallax_core::display::marks;
use parallax_core::query::{highlight_ranges, FacetKind};
use parallax_core::{Level, ParagraphKind, Report};

#[component]
pub fn Reader(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some((index, _)) = state.data.report(&id) else {
        return view! { <p class="empty">"This report is not in the corpus."</p> }.into_any();
    };
    // The report's text and title come in shards: the title shows when its shard arrives (the
    // list that linked here has it already), the rest when the text does.
    (move || match state.data.full_report(index) {
        Loaded::Ready(report) => view! { <ReaderLoaded report=report/> }.into_any(),
        Loaded::Loading => view! {
            <article class="reader" aria-labelledby="reader-title" data-testid="reader-loading" aria-busy="true">
                <h2 id="reader-title"><Title report=index/></h2>
                <p class="hint" role="status">"Loading the text…"</p>
            </article>
        }
        .into_any(),
        Loaded::Failed(message) => view! {
            <article class="reader" aria-labelledby="reader-title">
                <h2 id="reader-title"><Title report=index/></h2>
                <ShardError message=message report=index/>
            </article>
        }
        .into_any(),
    })
    .into_any()
}

/// The reader once the report's text is here.
#[component]
fn ReaderLoaded(report: &'static Report) -> impl IntoView {
    let state = expect_context::<AppState>();
    let show_topics = RwSignal::new(false);
    let terms = Memo::new(move |_| state.result.with(|r| r.terms.clone()));
    // Scroll the linked paragraph into view once rendered.
    Effect::new(move |_| {
        if let Some(p) = state.with(|u| u.paragraph) {
            request_animation_frame(move || scroll_to(&format!("p-{p}")));
        }
    });
    let warnings: Vec<_> = state
        .data
        .position
        .get(report.id.as_str())
        .map(|&i| state.data.diagnostics_of(i).to_vec())
        .unwrap_or_default();
    let report_id = report.id.clone();
    view! {
        <article class="reader" aria-labelledby="reader-title" data-testid="reader" data-report-id=report.id.clone()>
            <nav class="crumbs" aria-label="Back">
                {nav_link(state, |u| { u.report = None; u.paragraph = None; }, "", "back-to-results", "← All matching reports")}
            </nav>
            <header>
                {report.kicker.clone().map(|k| view! { <p class="kicker">{k}</p> })}
                <h2 id="reader-title" data-testid="reader-title">{report.title.clone()}</h2>
                {report.standfirst.iter().map(|s| view! { <p class="standfirst">{s.clone()}</p> }).collect_view()}
                <dl class="report-meta" data-testid="reader-meta">
                    <dt>"Outlet"</dt><dd data-testid="reader-outlet">{format::outlet_with_basis(report)}</dd>
                    <dt>"Event date"</dt>
                    <dd>
                        {format::date_with_basis(report.event_date, report.event_date_basis)}
                        {report.event_date_evidence.clone().map(|e| view! { <span class="date-evidence">" — from “"{e}"”"</span> })}
                    </dd>
                    <dt>"Published"</dt><dd>{format::date_with_basis(report.published, report.published_basis)}</dd>
                    {report.updated.map(|d| view! { <dt>"Updated"</dt><dd>{format::date(d)}</dd> })}
                    {report.dateline.clone().map(|d| view! { <dt>"Dateline"</dt><dd>{d}</dd> })}
                    {report.byline.clone().map(|b| view! { <dt>"Byline"</dt><dd>{b}</dd> })}
                    <dt>"Source"</dt><dd><code>{format!("{}:{}", report.file, report.line)}</code></dd>
                </dl>
                {(!report.topics.is_empty()).then(|| view! {
                    <p class="tags">
                        {report.topics.iter().map(|t| view! { <span class="tag">{state.data.facet_label(FacetKind::Topic, &t.topic)}</span> }).collect_view()}
                    </p>
                })}
                <label class="toggle">
                    <input type="checkbox" data-testid="mark-topics" prop:checked=move || show_topics.get() on:change=move |_| show_topics.update(|s| *s = !*s)/>
                    " Mark topic phrases"
                </label>
            </header>
            {(!warnings.is_empty()).then(|| view! {
                <section class="warnings" aria-labelledby="warnings-title" data-testid="reader-warnings">
                    <h3 id="warnings-title">"What the parser was unsure of"</h3>
                    <ul>
                        {warnings.into_iter().map(|d| view! {
                            <li class:error=d.level == Level::Error>{format!("line {}: {}", d.line, parallax_core::escape_controls(&d.message))}</li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <div class="report-body" data-testid="reader-body">
                {move || {
                    let terms = terms.get();
                    let topics = show_topics.get();
                    report.paragraphs.iter().enumerate().map(|(i, p)| {
                        if p.kind == ParagraphKind::Heading {
                            return view! { <h3 id=format!("p-{i}") class="section-heading">{p.text.clone()}</h3> }.into_any();
                        }
                        let marks = paragraph_marks(state, report, i, &terms, topics);
                        let quotes: Vec<_> = report.quotes.iter().filter(|q| q.paragraph == i).cloned().collect();
                        let rid = report.id.clone();
                        view! {
                            <div class="para" class:target=move || state.with(|u| u.paragraph == Some(i))>
                                <p id=format!("p-{i}") data-testid="paragraph">{marked_text(&p.text, &marks)}</p>
                                {nav_link(state, move |u| { u.report = Some(rid.clone()); u.paragraph = Some(i); }, "para-link", "paragraph-link", view! {
                                    <span aria-hidden="true">"¶"</span><span class="visually-hidden">{format!("Link to paragraph {}", i + 1)}</span>
                                })}
                                {(!quotes.is_empty()).then(|| view! {
                                    <ul class="quote-notes">
                                        {quotes.into_iter().map(|q| view! {
                                            <li data-testid="quote-note">
                                                <span class="speaker">{q.speaker.clone().unwrap_or_else(|| "Unattributed".into())}</span>
                                                " quoted: “"{q.text.clone()}"”"
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                })}
                            </div>
                        }.into_any()
                    }).collect_view()
                }}
            </div>
            {(!report.related.is_empty()).then(|| view! {
                <section class="related" aria-labelledby="related-title">
                    <h3 id="related-title">"Links printed with the report"</h3>
                    <ul>{report.related.iter().map(|l| view! { <li>{format!("{}: {}", l.label, l.headline)}</li> }).collect_view()}</ul>
                </section>
            })}
            <RelatedReports id=report_id.clone()/>
        </article>
    }
    .into_any()
}

/// The report's story and the pairs it belongs to, with links to read or compare.
#[component]
fn RelatedReports(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let pair_id = id.clone();
    let index = state.data.position.get(id.as_str()).copied();
    // The story under the thresholds in force.
    let story = move || {
        index.and_then(|i| {
            state.relations.with(|r| {
                r.story_of(i)
                    .map(|s| (s.id.clone(), story_label_text(state.data, s), s.date))
            })
        })
    };
    view! {
        <section class="related-reports" aria-labelledby="relations-title" data-testid="reader-relations">
            <h3 id="relations-title">"Other reports of this story"</h3>
            {move || story().map(|(story, label, date)| view! {
                <p class="story-label" data-testid="story-label">"Story: "{crate::components::story::story_link(state, story, label, "reader-story")}{date.map(|d| format!(" ({})", format::date(d)))}</p>
            })}
            <crate::components::near_copies::NearCopies id=id.clone()/>
            {move || {
                let pairs = state.pairs_of(&pair_id);
                if pairs.is_empty() {
                    return view! { <p class="hint">"No other report shares text or quotes with this one."</p> }.into_any();
                }
                let here = pair_id.clone();
                view! {
                    <ul>
                        {pairs.into_iter().map(|p| {
                            let other = if p.a == here { p.b.clone() } else { p.a.clone() };
                            let (other_index, outlet) = state.data.report(&other).map(|(i, r)| (Some(i), format::outlet(r))).unwrap_or_default();
                            let label = move || format!("{} ({outlet})", other_index.map_or_else(String::new, |i| title_text(state.data, i, None)));
                            let (left, right, read) = (here.clone(), other.clone(), other.clone());
                            view! {
                                <li data-testid="relation">
                                    <span class="relation-label">{capitalise(p.relation.label())}</span>": "
                                    {nav_link(state, move |u| { u.report = Some(read.clone()); u.paragraph = None; }, "", "read-related", label)}
                                    " · "
                                    {nav_link(state, move |u| { u.compare = Some((left.clone(), right.clone())); u.report = None; u.paragraph = None; }, "", "compare-link", "compare side by side")}
                                    <br/><span class="why">{p.why.clone()}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// Search matches, quotes (with their speaker, where the parser found them) and, on request,
/// topic phrases in one paragraph (`display::marks::paragraph_marks`).
fn paragraph_marks(
    state: AppState,
    report: &Report,
    index: usize,
    terms: &[String],
    topics: bool,
) -> Vec<Mark> {
    let search = report
        .paragraphs
        .get(index)
        .map(|p| highlight_ranges(&p.text, terms))
        .unwrap_or_default();
    let topic_label = |topic: &str| state.data.facet_label(FacetKind::Topic, topic);
    marks::paragraph_marks(
        report,
        index,
        search,
        topics.then_some(&topic_label as &dyn Fn(&str) -> String),
    )
}

fn scroll_to(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
