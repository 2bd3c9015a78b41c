//! Side by side: two reports aligned sentence by sentence, with the evidence and a live threshold.

use crate::components::aligned::AlignedView;
use crate::components::format;
use crate::components::report_picker::ReportPicker;
use crate::components::results::{capitalise, nav_link, ShardError};
use crate::data::Loaded;
use crate::state::{default_threshold_percent, thresholds_for, AppState};
use leptos::prelude::*;
use parallax_core::analysis::pairs::{classify, evidence, ReportFeatures, Thresholds};
use parallax_core::url_state::THRESHOLD_PERCENT_RANGE;
use parallax_core::{Pair, Report};

#[component]
pub fn Compare(left: String, right: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (Some((li, _)), Some((ri, _))) = (state.data.report(&left), state.data.report(&right))
    else {
        return view! { <p class="empty">"One of these reports is not in the corpus."</p> }
            .into_any();
    };
    // Both reports' text come in shards: the comparison shows once both are here.
    (move || {
        let (l, r) = (state.data.full_report(li), state.data.full_report(ri));
        match (l, r) {
            (Loaded::Ready(l), Loaded::Ready(r)) => {
                view! { <CompareLoaded left=left.clone() right=right.clone() l=l r=r/> }.into_any()
            }
            (Loaded::Failed(message), _) => view! { <ShardError message=message report=li/> }.into_any(),
            (_, Loaded::Failed(message)) => view! { <ShardError message=message report=ri/> }.into_any(),
            _ => view! {
                <article class="compare" aria-labelledby="compare-title" data-testid="compare-loading" aria-busy="true">
                    <h2 id="compare-title">"Side by side"</h2>
                    <p class="hint" role="status">"Loading the two reports…"</p>
                </article>
            }
            .into_any(),
        }
    })
    .into_any()
}

/// The comparison once both reports' text is here.
#[component]
fn CompareLoaded(
    left: String,
    right: String,
    l: &'static Report,
    r: &'static Report,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let pair = evidence_between(l, r);
    let (swap_l, swap_r) = (left.clone(), right.clone());
    view! {
        <article class="compare" aria-labelledby="compare-title" data-testid="compare">
            <nav class="crumbs" aria-label="Back">
                {nav_link(state, |u| u.compare = None, "", "back-to-results", "← All matching reports")}
            </nav>
            <div class="compare-head">
                <h2 id="compare-title">"Side by side"</h2>
                <button type="button" class="button" data-testid="swap-sides" on:click=move |_| {
                    let (a, b) = (swap_r.clone(), swap_l.clone());
                    state.navigate(move |u| u.compare = Some((a, b)));
                }>"Swap sides"</button>
            </div>
            <div class="compare-pickers">
                <ReportPicker side="left" current=left.clone()/>
                <ReportPicker side="right" current=right.clone()/>
            </div>
            <div class="compare-titles">
                <SideTitle report=l side="Left"/>
                <SideTitle report=r side="Right"/>
            </div>
            <Evidence pair=pair.clone() left=left.clone()/>
            <crate::components::export::ExportButtons subject="this comparison" formats=crate::components::export::comparison_formats(state, l, r, pair.clone())/>
            <ThresholdControl pair=pair/>
            <AlignedView left=l right=r/>
        </article>
    }
    .into_any()
}

/// The pair's evidence as the build computed it, from the two reports' text (here by now).
fn evidence_between(l: &Report, r: &Report) -> Pair {
    crate::state::CorpusData::get()
        .live_pair(&l.id, &r.id)
        .unwrap_or_else(|| evidence(&ReportFeatures::new(l), &ReportFeatures::new(r)))
}

#[component]
fn SideTitle(report: &'static Report, side: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = report.id.clone();
    view! {
        <div class="side-title" data-testid=format!("side-{}", side.to_lowercase())>
            <span class="side-label">{side}</span>
            <h3>{nav_link(state, move |u| { u.report = Some(id.clone()); u.compare = None; u.paragraph = None; }, "", "side-open", report.title.clone())}</h3>
            <p class="meta">{format::outlet(report)}" · event "{format::date_with_basis(report.event_date, report.event_date_basis)}</p>
        </div>
    }
}

/// The figures behind the relation, oriented left/right.
#[component]
fn Evidence(pair: Pair, left: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (l_in_r, r_in_l) = if pair.a == left {
        (pair.containment_a_in_b, pair.containment_b_in_a)
    } else {
        (pair.containment_b_in_a, pair.containment_a_in_b)
    };
    let pct = |x: f32| format!("{:.0} %", x * 100.0);
    let classified = Memo::new({
        let pair = pair.clone();
        move |_| classify(&pair, &thresholds_for(state.with(|u| u.threshold)))
    });
    view! {
        <section class="evidence" aria-labelledby="evidence-title" data-testid="evidence">
            <h3 id="evidence-title">"Evidence"</h3>
            <p class="relation" data-testid="relation">
                <strong>{move || capitalise(classified.get().0.label())}</strong>
                ": "{move || classified.get().1}
            </p>
            <dl class="figures">
                <div><dt>"Jaccard (word 5-shingles)"</dt><dd data-testid="fig-jaccard">{format!("{:.2}", pair.jaccard)}</dd></div>
                <div><dt>"Left found in right"</dt><dd>{pct(l_in_r)}</dd></div>
                <div><dt>"Right found in left"</dt><dd>{pct(r_in_l)}</dd></div>
                <div><dt>"Longest verbatim run"</dt><dd>{format::count(pair.longest_run, "word", "words")}</dd></div>
                <div><dt>"Shared quotes"</dt><dd>{pair.shared_quotes.len()}</dd></div>
                <div><dt>"Event dates apart"</dt><dd>{pair.date_distance_days.map_or("unknown".to_string(), |d| format::count(d as usize, "day", "days"))}</dd></div>
            </dl>
            {(!pair.shared_quotes.is_empty()).then(|| view! {
                <ul class="shared-quotes">{pair.shared_quotes.iter().map(|q| view! { <li>"“"{q.clone()}"”"</li> }).collect_view()}</ul>
            })}
        </section>
    }
}

/// The near-duplicate threshold: moving it regroups every pair in the page and says what changed.
#[component]
fn ThresholdControl(pair: Pair) -> impl IntoView {
    let state = expect_context::<AppState>();
    let default = default_threshold_percent();
    let value = move || state.with(|u| u.threshold.unwrap_or(default));
    let changes = Memo::new(move |_| state.relations.with(|r| r.regrouped().to_vec()));
    let this_pair = move || {
        let now = classify(&pair, &thresholds_for(state.with(|u| u.threshold))).0;
        let before = classify(&pair, &Thresholds::default()).0;
        if now == before {
            format!("This pair stays “{}”.", now.label())
        } else {
            format!("This pair: “{}” → “{}”.", before.label(), now.label())
        }
    };
    view! {
        <section class="threshold" aria-labelledby="threshold-title" data-testid="threshold">
            <h3 id="threshold-title">"Similarity threshold"</h3>
            <label for="threshold-input">{move || format!("Near duplicate when Jaccard ≥ {:.2}", f32::from(value()) / 100.0)}</label>
            <input
                id="threshold-input"
                type="range"
                min=THRESHOLD_PERCENT_RANGE.start().to_string()
                max=THRESHOLD_PERCENT_RANGE.end().to_string()
                step="1"
                data-testid="threshold-input"
                prop:value=move || value().to_string()
                on:input=move |ev| {
                    let v: u8 = event_target_value(&ev).parse().unwrap_or(default);
                    state.edit(move |u| u.threshold = (v != default).then_some(v));
                }
            />
            <p role="status" aria-live="polite" data-testid="threshold-changes">
                {move || {
                    let c = changes.get();
                    let total: usize = c.iter().map(|r| r.pairs).sum();
                    if total == 0 {
                        format!("At this threshold every pair keeps its default relation. {}", this_pair())
                    } else {
                        let parts: Vec<String> = c.iter().map(|r| format!("{} {} → {}", r.pairs, r.from.label(), r.to.label())).collect();
                        format!("Compared with the default ({:.2}): {} regrouped ({}). {}", f32::from(default) / 100.0, format::count(total, "pair", "pairs"), parts.join(", "), this_pair())
                    }
                }}
            </p>
            <Show when=move || state.with(|u| u.threshold.is_some())>
                <button type="button" class="button link-button" on:click=move |_| state.navigate(|u| u.threshold = None)>"Back to the default"</button>
            </Show>
        </section>
    }
}
