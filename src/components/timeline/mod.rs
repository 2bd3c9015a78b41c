//! The SVG timeline: matching reports by event date, stories grouped, an undated lane.
//!
//! Layout is a pure function ([`layout()`], in the core's `display::timeline`, where the build's
//! prerendered first view sizes the timeline with it too) of the matches, the live relations and the
//! width, so it is testable natively; the component only draws it and handles pointer and
//! keyboard input.

mod bin_view;
mod roving;
mod stories;

pub use parallax_core::display::timeline::{
    layout, ticks, Layout, MarkShape, PlacedBin, PlacedMark, Tick,
};

use crate::components::format;
use crate::components::title::Title;
use crate::state::AppState;
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys;
use parallax_core::display::timeline::{AXIS_HEIGHT, MARGIN_LEFT, MARGIN_RIGHT, MARK_RADIUS};
use parallax_core::site::Catalogue;
use std::collections::HashMap;

/// The report index of the timeline mark an event happened in.
fn mark_of(ev: &web_sys::Event) -> Option<usize> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target
        .closest("g.mark")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}

/// Letters for the topics, in lexicon order, shown inside marks and in the legend.
fn topic_letters(corpus: &Catalogue) -> HashMap<&str, char> {
    parallax_core::display::timeline::topic_letters(&corpus.topics)
}

#[component]
pub fn Timeline() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.data.catalogue;
    let letters = topic_letters(corpus);
    let container: NodeRef<leptos::html::Div> = NodeRef::new();
    let svg_ref: NodeRef<leptos::svg::Svg> = NodeRef::new();
    let width = RwSignal::new(800.0);
    let measure = move || {
        if let Some(el) = container.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    crate::listeners::on_window_event("resize", move |_| measure());

    let domain = Memo::new(move |_| {
        state.with(|u| {
            if !u.zoom {
                return None;
            }
            let dates = || corpus.reports.iter().filter_map(|r| r.event_date);
            let from = u.from.or_else(|| dates().min())?;
            let to = u.to.or_else(|| dates().max())?;
            Some((from, to))
        })
    });
    let placed = Memo::new(move |_| {
        let w = width.get();
        let d = domain.get();
        state.result.with(|r| {
            state
                .relations
                .with(|rel| layout(&corpus.reports, &r.matches, rel, w, d, &letters))
        })
    });
    // Parts that change less often than the marks get their own memos, so a keystroke that only
    // moves marks re-renders only the marks that moved (keyed below).
    let frame = Memo::new(move |_| {
        placed.with(|l| {
            (
                l.width,
                l.height,
                l.dated_bottom,
                l.undated_top,
                l.start,
                l.end,
            )
        })
    });
    let axis = Memo::new(move |_| placed.with(|l| l.ticks.clone()));
    let links = Memo::new(move |_| placed.with(|l| l.links.clone()));
    // Keyboard focus and hover, by report index (stable while marks move).
    let focused = RwSignal::new(None::<usize>);
    let hovered = RwSignal::new(None::<usize>);
    let active = Memo::new(move |_| {
        let f = focused.get();
        placed.with(|l| {
            f.filter(|r| l.marks.iter().any(|m| m.report == *r))
                .or_else(|| l.marks.first().map(|m| m.report))
        })
    });
    let brush = RwSignal::new(None::<(f64, f64)>);

    let svg_x = move |ev: &PointerEvent| -> f64 {
        svg_ref
            .get_untracked()
            .map(|svg| {
                let el: &web_sys::Element = svg.unchecked_ref();
                f64::from(ev.client_x()) - el.get_bounding_client_rect().left()
            })
            .unwrap_or(0.0)
    };
    let open = move |report: usize| {
        let id = corpus.reports[report].id.clone();
        state.navigate(move |u| {
            u.report = Some(id);
            u.paragraph = None;
            u.compare = None;
        });
    };
    let on_key = move |ev: KeyboardEvent, report: usize| {
        let order: Vec<usize> =
            placed.with_untracked(|l| l.marks.iter().map(|m| m.report).collect());
        let Some(n) = order.iter().position(|&r| r == report) else {
            return;
        };
        let key = ev.key();
        if key == "Enter" || key == " " {
            ev.prevent_default();
            open(report);
        } else if let Some(next) = roving::step(&key, n, order.len()) {
            ev.prevent_default();
            let target = order[next];
            focused.set(Some(target));
            hovered.set(Some(target));
            roving::focus_svg(&format!("mark-{target}"));
        }
    };
    let mark_view = move |m: PlacedMark| {
        let r = &corpus.reports[m.report];
        let described = format!(
            "{}. Event {}. {}",
            format::outlet(r),
            format::date_with_basis(r.event_date, r.event_date_basis),
            match m.shape {
                MarkShape::Square => "Has a near duplicate.",
                MarkShape::Diamond => "Same story as another report.",
                MarkShape::Circle => "",
            }
        );
        // The title once its shard is here (pointing at or focusing a mark fetches it): not
        // fetched for every mark drawn.
        let mark_report = m.report;
        let label = move || match state.data.title_when_arrived(mark_report) {
            Some(title) => format!("{title}. {described}"),
            None => described.clone(),
        };
        let report = m.report;
        let shape_view = match m.shape {
            MarkShape::Circle => view! { <circle cx=m.x cy=m.y r=MARK_RADIUS/> }.into_any(),
            MarkShape::Square => view! { <rect x=m.x - MARK_RADIUS y=m.y - MARK_RADIUS width=MARK_RADIUS * 2.0 height=MARK_RADIUS * 2.0/> }.into_any(),
            MarkShape::Diamond => {
                let d = MARK_RADIUS * 1.25;
                view! { <polygon points=format!("{},{} {},{} {},{} {},{}", m.x, m.y - d, m.x + d, m.y, m.x, m.y + d, m.x - d, m.y)/> }.into_any()
            }
        };
        view! {
            <g
                id=format!("mark-{report}")
                class="mark"
                class:inferred=m.inferred
                role="button"
                tabindex=move || if active.get() == Some(report) { "0" } else { "-1" }
                aria-label=label
                data-testid="timeline-mark"
                data-report-id=r.id.clone()
                data-index=report.to_string()
            >
                {shape_view}
                {m.topic_letter.map(|c| view! { <text x=m.x y=m.y + 3.5 text-anchor="middle" aria-hidden="true">{c.to_string()}</text> })}
            </g>
        }
    };
    let plot_right = move || frame.get().0 - MARGIN_RIGHT;

    view! {
        <section class="timeline" aria-labelledby="timeline-title" data-testid="timeline">
            <div class="timeline-head">
                <h2 id="timeline-title">"Timeline by event date"</h2>
                <div class="timeline-actions">
                    <Show when=move || state.with(|u| (u.from.is_some() || u.to.is_some()) && !u.zoom)>
                        <button type="button" class="button" data-testid="zoom-in" on:click=move |_| state.navigate(|u| u.zoom = true)>"Zoom to selected dates"</button>
                    </Show>
                    <Show when=move || state.with(|u| u.zoom)>
                        <button type="button" class="button" data-testid="zoom-out" on:click=move |_| state.navigate(|u| u.zoom = false)>"Show all dates"</button>
                    </Show>
                </div>
            </div>
            <p class="hint" id="timeline-help">
                "Drag across the timeline to filter by event date. Arrow keys move between reports, Enter opens one; where reports crowd, bars count them and Enter zooms in. The list below holds the same reports."
            </p>
            <div class="timeline-frame" node_ref=container>
                <svg
                    node_ref=svg_ref
                    class="timeline-svg"
                    width=move || frame.get().0
                    height=move || frame.get().1
                    viewBox=move || { let (w, h, ..) = frame.get(); format!("0 0 {w} {h}") }
                    role="group"
                    aria-label=move || format!("Timeline of {} reports", placed.with(|l| l.reports))
                    aria-describedby="timeline-help"
                    data-testid="timeline-svg"
                >
                    <rect
                        class="brush-area"
                        x=MARGIN_LEFT y=0
                        width=move || (frame.get().0 - MARGIN_LEFT - MARGIN_RIGHT).max(1.0)
                        height=move || frame.get().2
                        on:pointerdown=move |ev: PointerEvent| {
                            if ev.button() != 0 { return; }
                            let x = svg_x(&ev);
                            brush.set(Some((x, x)));
                            if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                                let _ = t.set_pointer_capture(ev.pointer_id());
                            }
                        }
                        on:pointermove=move |ev: PointerEvent| {
                            if brush.with_untracked(Option::is_some) {
                                let x = svg_x(&ev);
                                brush.update(|b| if let Some(b) = b { b.1 = x; });
                            }
                        }
                        on:pointerup=move |ev: PointerEvent| {
                            let Some((x0, _)) = brush.get_untracked() else { return };
                            let x1 = svg_x(&ev);
                            brush.set(None);
                            if (x1 - x0).abs() < 5.0 { return; }
                            let (a, b) = placed.with_untracked(|l| (l.date_at(x0.min(x1)), l.date_at(x0.max(x1))));
                            state.navigate(move |u| { u.from = Some(a); u.to = Some(b); });
                        }
                    />
                    {move || {
                        let (from, to) = state.with(|u| (u.from, u.to));
                        if from.is_none() && to.is_none() {
                            return None;
                        }
                        let bottom = frame.get().2;
                        placed.with(|l| {
                            let right = l.width - MARGIN_RIGHT;
                            let x0 = from.map_or(MARGIN_LEFT, |d| l.x_of(d)).clamp(MARGIN_LEFT, right);
                            let x1 = to.map_or(right, |d| l.x_of(d)).clamp(MARGIN_LEFT, right);
                            Some(view! { <rect class="range-band" x=x0.min(x1) y=0 width=(x1 - x0).abs().max(2.0) height=bottom data-testid="range-band"/> })
                        })
                    }}
                    {move || brush.get().map(|(a, b)| view! { <rect class="brush" x=a.min(b) y=0 width=(a - b).abs() height=frame.get().2/> })}
                    <g class="axis" aria-hidden="true">
                        <line x1=MARGIN_LEFT x2=plot_right y1=AXIS_HEIGHT - 6.0 y2=AXIS_HEIGHT - 6.0/>
                        {move || {
                            let bottom = frame.get().2;
                            axis.get().into_iter().map(|t| view! {
                                <g>
                                    <line x1=t.x x2=t.x y1=AXIS_HEIGHT - 10.0 y2=bottom class="grid"/>
                                    <text x=t.x y=12 text-anchor="middle">{t.label}</text>
                                </g>
                            }).collect_view()
                        }}
                    </g>
                    <g class="story-links" aria-hidden="true">
                        {move || links.get().into_iter().map(|pts| {
                            let d = pts.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
                            view! { <polyline points=d/> }
                        }).collect_view()}
                    </g>
                    {move || frame.get().3.map(|top| view! {
                        <g class="undated-lane" aria-hidden="true">
                            <line x1=MARGIN_LEFT x2=plot_right() y1=top y2=top/>
                            <text x=MARGIN_LEFT y=top + 14.0 data-testid="undated-label">
                                {move || placed.with(|l| match l.undated_count {
                                    Some(n) => format!("Undated: {} (in the list below)", format::count(n, "report", "reports")),
                                    None => "Undated".to_string(),
                                })}
                            </text>
                        </g>
                    })}
                    // One set of listeners for all marks (delegated): hundreds of marks come and go
                    // on each filter change, and per-mark listeners made that the main cost.
                    <g
                        class="marks"
                        on:click=move |ev| if let Some(r) = mark_of(&ev) { open(r) }
                        on:keydown=move |ev: KeyboardEvent| if let Some(r) = mark_of(&ev) { on_key(ev, r) }
                        on:focusin=move |ev| if let Some(r) = mark_of(&ev) { focused.set(Some(r)); hovered.set(Some(r)); state.data.prefetch(r); }
                        on:focusout=move |_| hovered.set(None)
                        // A mark pointed at or focused is likely to be opened: its text is fetched.
                        on:pointerover=move |ev| if let Some(r) = mark_of(&ev) { hovered.set(Some(r)); state.data.prefetch(r); }
                        on:pointerout=move |_| hovered.set(None)
                    >
                        <For
                            each=move || placed.with(|l| l.marks.clone())
                            key=|m| (m.report, m.x.to_bits(), m.y.to_bits(), m.shape, m.inferred, m.topic_letter)
                            children=move |m| mark_view(m)
                        />
                    </g>
                    <bin_view::BinBars placed=placed/>
                </svg>
                {move || hovered.get().and_then(|report| placed.with(|l| l.marks.iter().find(|m| m.report == report).cloned().map(|m| (m, l.width)))).map(|(m, w)| {
                    let r = &corpus.reports[m.report];
                    let left = m.x.min(w - 260.0).max(0.0);
                    view! {
                        <div class="tooltip" role="tooltip" style:left=format!("{left:.0}px") style:top=format!("{:.0}px", m.y + 12.0) data-testid="timeline-tooltip">
                            <strong><Title report=m.report/></strong>
                            <span>{format::outlet(r)}</span>
                            <span>"Event: "{format::date_with_basis(r.event_date, r.event_date_basis)}</span>
                            {r.published.map(|d| view! { <span>"Published: "{format::date_with_basis(Some(d), r.published_basis)}</span> })}
                        </div>
                    }
                })}
            </div>
            <stories::TimelineStories/>
            <Legend/>
        </section>
    }
}

#[component]
fn Legend() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.data.catalogue;
    view! {
        <details class="legend">
            <summary>"Legend"</summary>
            <ul class="legend-shapes">
                <li><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6" class="legend-mark"/></svg>" a report"</li>
                <li><svg width="16" height="16" aria-hidden="true"><rect x="2" y="2" width="12" height="12" class="legend-mark"/></svg>" has a near duplicate (copy)"</li>
                <li><svg width="16" height="16" aria-hidden="true"><polygon points="8,0 16,8 8,16 0,8" class="legend-mark"/></svg>" same story as another report"</li>
                <li><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6" class="legend-mark inferred"/></svg>" dashed outline: event date inferred from its story"</li>
                <li>"Lines join the reports of one story."</li>
            </ul>
            <ul class="legend-topics">
                {corpus.topics.iter().zip('A'..='Z').map(|(t, c)| view! { <li><b>{c.to_string()}</b>" "{t.label.clone()}</li> }).collect_view()}
            </ul>
        </details>
    }
}
