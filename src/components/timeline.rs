//! The SVG timeline: matching reports by event date, stories grouped, an undated lane.
//!
//! Layout is a pure function ([`layout`]) of the matches, the live pairs and the width, so it is
//! testable natively; the component only draws it and handles pointer and keyboard input.

use crate::components::format;
use crate::state::AppState;
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys;
use parallax_core::chrono::{Datelike, Duration};
use parallax_core::{Corpus, DateBasis, NaiveDate, Pair, Relation};
use std::collections::HashMap;

const MARGIN_LEFT: f64 = 16.0;
const MARGIN_RIGHT: f64 = 16.0;
const AXIS_HEIGHT: f64 = 28.0;
const ROW_HEIGHT: f64 = 22.0;
const MARK_RADIUS: f64 = 7.0;
/// Horizontal room a mark needs before another can share its row.
const MARK_GAP: f64 = 2.0 * MARK_RADIUS + 4.0;
const UNDATED_LABEL_HEIGHT: f64 = 20.0;

/// How a mark shows the report's strongest relation (by shape, not colour).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkShape {
    /// No copy and no other report of its story.
    Circle,
    /// Has a near duplicate (a copy).
    Square,
    /// Same story as another report, no copy.
    Diamond,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlacedMark {
    pub report: usize,
    pub x: f64,
    pub y: f64,
    pub shape: MarkShape,
    pub inferred: bool,
    /// Letter of the main topic in the legend, if any.
    pub topic_letter: Option<char>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub ticks: Vec<Tick>,
    /// Marks in keyboard order: dated by x, then undated.
    pub marks: Vec<PlacedMark>,
    /// Story connections: polylines through a story's dated marks.
    pub links: Vec<Vec<(f64, f64)>>,
    /// Top of the undated lane (None: no undated match).
    pub undated_top: Option<f64>,
    /// Bottom of the dated area.
    pub dated_bottom: f64,
}

impl Layout {
    pub fn x_of(&self, d: NaiveDate) -> f64 {
        let span = (self.end - self.start).num_days().max(1) as f64;
        MARGIN_LEFT + (d - self.start).num_days() as f64 / span * self.plot_width()
    }

    pub fn date_at(&self, x: f64) -> NaiveDate {
        let span = (self.end - self.start).num_days().max(1) as f64;
        let days = ((x - MARGIN_LEFT) / self.plot_width() * span)
            .round()
            .clamp(0.0, span) as i64;
        self.start + Duration::days(days)
    }

    fn plot_width(&self) -> f64 {
        (self.width - MARGIN_LEFT - MARGIN_RIGHT).max(1.0)
    }
}

/// Places the matching reports. `domain` fixes the x range (zoom); otherwise it spans every dated
/// report of the corpus so the axis stays put while filters change.
pub fn layout(
    corpus: &Corpus,
    matches: &[usize],
    pairs: &[Pair],
    width: f64,
    domain: Option<(NaiveDate, NaiveDate)>,
    topic_letters: &HashMap<&str, char>,
) -> Layout {
    let width = width.max(200.0);
    let (start, end) = domain.unwrap_or_else(|| {
        let dates = corpus.reports.iter().filter_map(|r| r.event_date);
        let min = dates.clone().min();
        let max = dates.max();
        match (min, max) {
            (Some(a), Some(b)) => (a, b),
            _ => {
                let today = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
                (today, today)
            }
        }
    });
    // Padding so marks at the ends are not cut, and a single day still has a span.
    let pad = ((end - start).num_days() / 30).max(1);
    let (start, end) = (start - Duration::days(pad), end + Duration::days(pad));
    let mut out = Layout {
        width,
        height: 0.0,
        start,
        end,
        ticks: Vec::new(),
        marks: Vec::new(),
        links: Vec::new(),
        undated_top: None,
        dated_bottom: AXIS_HEIGHT,
    };
    out.ticks = ticks(start, end, out.plot_width())
        .into_iter()
        .map(|(d, label)| Tick {
            x: out.x_of(d),
            label,
        })
        .collect();

    // Relations of each report (over the whole corpus, so a copy outside the filter still shows).
    let position: HashMap<&str, usize> = corpus
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut shape = vec![MarkShape::Circle; corpus.reports.len()];
    let mut union = UnionFind::new(corpus.reports.len());
    let matched: std::collections::HashSet<usize> = matches.iter().copied().collect();
    for p in pairs {
        let (Some(&a), Some(&b)) = (position.get(p.a.as_str()), position.get(p.b.as_str())) else {
            continue;
        };
        let mark = match p.relation {
            Relation::NearDuplicate => MarkShape::Square,
            Relation::SameStory => MarkShape::Diamond,
            _ => continue,
        };
        for i in [a, b] {
            if shape[i] != MarkShape::Square {
                shape[i] = mark;
            }
        }
        if matched.contains(&a) && matched.contains(&b) {
            union.join(a, b);
        }
    }

    // Groups of matching, dated reports (stories), in order of their first date.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut undated = Vec::new();
    for &i in matches {
        let r = &corpus.reports[i];
        let Some(d) = r.event_date else {
            undated.push(i);
            continue;
        };
        if domain.is_some() && (d < start || d > end) {
            continue;
        }
        let root = union.find(i);
        let g = *group_of.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let make = |i: usize, x: f64, y: f64| {
        let r = &corpus.reports[i];
        PlacedMark {
            report: i,
            x,
            y,
            shape: shape[i],
            inferred: r.event_date_basis == DateBasis::Inferred,
            topic_letter: r
                .topics
                .first()
                .and_then(|t| topic_letters.get(t.topic.as_str()).copied()),
        }
    };
    // Skyline packing: each group takes the lowest rows where it fits whole.
    let mut row_ends: Vec<f64> = Vec::new();
    for group in &groups {
        let mut members: Vec<(f64, usize)> = group
            .iter()
            .map(|&i| (out.x_of(corpus.reports[i].event_date.unwrap_or(start)), i))
            .collect();
        members.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Within the group, stack marks that would overlap.
        let mut sub_rows: Vec<f64> = Vec::new();
        let mut placed: Vec<(f64, usize, usize)> = Vec::new();
        for &(x, i) in &members {
            let row = sub_rows
                .iter()
                .position(|&end| end + MARK_GAP <= x)
                .unwrap_or_else(|| {
                    sub_rows.push(f64::NEG_INFINITY);
                    sub_rows.len() - 1
                });
            sub_rows[row] = x;
            placed.push((x, row, i));
        }
        let left = members.first().map_or(0.0, |m| m.0) - MARK_RADIUS;
        let right = members.last().map_or(0.0, |m| m.0) + MARK_RADIUS;
        let k = sub_rows.len();
        let top = (0..)
            .find(|&r| (r..r + k).all(|rr| row_ends.get(rr).is_none_or(|&end| end + 4.0 <= left)))
            .unwrap_or(row_ends.len());
        if row_ends.len() < top + k {
            row_ends.resize(top + k, f64::NEG_INFINITY);
        }
        for end in &mut row_ends[top..top + k] {
            *end = right;
        }
        let mut link = Vec::new();
        for (x, row, i) in placed {
            let y = AXIS_HEIGHT + ROW_HEIGHT * (top + row) as f64 + ROW_HEIGHT / 2.0;
            out.marks.push(make(i, x, y));
            link.push((x, y));
        }
        if link.len() > 1 {
            out.links.push(link);
        }
    }
    out.dated_bottom = AXIS_HEIGHT + ROW_HEIGHT * row_ends.len().max(1) as f64;
    out.marks
        .sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    let mut height = out.dated_bottom + 8.0;
    if !undated.is_empty() {
        let top = height;
        out.undated_top = Some(top);
        let per_row = ((out.plot_width() / MARK_GAP).floor() as usize).max(1);
        for (n, &i) in undated.iter().enumerate() {
            let x = MARGIN_LEFT + MARK_RADIUS + (n % per_row) as f64 * MARK_GAP;
            let y =
                top + UNDATED_LABEL_HEIGHT + ROW_HEIGHT * (n / per_row) as f64 + ROW_HEIGHT / 2.0;
            out.marks.push(make(i, x, y));
        }
        height =
            top + UNDATED_LABEL_HEIGHT + ROW_HEIGHT * undated.len().div_ceil(per_row) as f64 + 4.0;
    }
    out.height = height;
    out
}

/// Tick dates and labels for a range: days, weeks, months or years, as many as fit.
pub fn ticks(start: NaiveDate, end: NaiveDate, plot_width: f64) -> Vec<(NaiveDate, String)> {
    let max_ticks = ((plot_width / 70.0).floor() as i64).max(2);
    let span = (end - start).num_days().max(1);
    for step in [1i64, 2, 7, 14] {
        if span / step <= max_ticks {
            let mut d = start;
            if step == 7 || step == 14 {
                // Weeks start on Monday.
                while d.weekday().num_days_from_monday() != 0 {
                    d += Duration::days(1);
                }
            }
            let mut out = Vec::new();
            while d <= end {
                out.push((d, d.format("%-d %b").to_string()));
                d += Duration::days(step);
            }
            return out;
        }
    }
    let months = span / 30 + 1;
    for step in [1u32, 2, 3, 6, 12, 24, 60] {
        if months / i64::from(step) <= max_ticks {
            let mut out = Vec::new();
            let mut y = start.year();
            let mut m = start.month0();
            // First month boundary at or after start, aligned to the step.
            while let Some(d) = NaiveDate::from_ymd_opt(y, m + 1, 1) {
                if d > end {
                    break;
                }
                if d >= start && m.is_multiple_of(step) {
                    let label = if step >= 12 {
                        d.format("%Y").to_string()
                    } else if m == 0 || out.is_empty() {
                        d.format("%b %Y").to_string()
                    } else {
                        d.format("%b").to_string()
                    };
                    out.push((d, label));
                }
                m += 1;
                if m == 12 {
                    m = 0;
                    y += 1;
                }
            }
            return out;
        }
    }
    Vec::new()
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

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
fn topic_letters(corpus: &Corpus) -> HashMap<&str, char> {
    corpus
        .topics
        .iter()
        .zip('A'..='Z')
        .map(|(t, c)| (t.id.as_str(), c))
        .collect()
}

#[component]
pub fn Timeline() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.data.corpus;
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
                .pairs
                .with(|p| layout(corpus, &r.matches, &p.pairs, w, d, &letters))
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
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some((n + 1).min(order.len() - 1)),
            "ArrowLeft" | "ArrowUp" => Some(n.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(order.len() - 1),
            "Enter" | " " => {
                ev.prevent_default();
                open(report);
                None
            }
            _ => None,
        };
        if let Some(next) = next {
            ev.prevent_default();
            let target = order[next];
            focused.set(Some(target));
            hovered.set(Some(target));
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&format!("mark-{target}")))
                .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
            {
                let _ = el.focus();
            }
        }
    };
    let mark_view = move |m: PlacedMark| {
        let r = &corpus.reports[m.report];
        let label = format!(
            "{}. {}. Event {}. {}",
            r.title,
            format::outlet(r),
            format::date_with_basis(r.event_date, r.event_date_basis),
            match m.shape {
                MarkShape::Square => "Has a near duplicate.",
                MarkShape::Diamond => "Same story as another report.",
                MarkShape::Circle => "",
            }
        );
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
                "Drag across the timeline to filter by event date. Arrow keys move between reports, Enter opens one. The list below holds the same reports."
            </p>
            <div class="timeline-frame" node_ref=container>
                <svg
                    node_ref=svg_ref
                    class="timeline-svg"
                    width=move || frame.get().0
                    height=move || frame.get().1
                    viewBox=move || { let (w, h, ..) = frame.get(); format!("0 0 {w} {h}") }
                    role="group"
                    aria-label=move || format!("Timeline of {} reports", placed.with(|l| l.marks.len()))
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
                            <text x=MARGIN_LEFT y=top + 14.0>"Undated"</text>
                        </g>
                    })}
                    // One set of listeners for all marks (delegated): hundreds of marks come and go
                    // on each filter change, and per-mark listeners made that the main cost.
                    <g
                        class="marks"
                        on:click=move |ev| if let Some(r) = mark_of(&ev) { open(r) }
                        on:keydown=move |ev: KeyboardEvent| if let Some(r) = mark_of(&ev) { on_key(ev, r) }
                        on:focusin=move |ev| if let Some(r) = mark_of(&ev) { focused.set(Some(r)); hovered.set(Some(r)); }
                        on:focusout=move |_| hovered.set(None)
                        on:pointerover=move |ev| if let Some(r) = mark_of(&ev) { hovered.set(Some(r)) }
                        on:pointerout=move |_| hovered.set(None)
                    >
                        <For
                            each=move || placed.with(|l| l.marks.clone())
                            key=|m| (m.report, m.x.to_bits(), m.y.to_bits(), m.shape, m.inferred, m.topic_letter)
                            children=move |m| mark_view(m)
                        />
                    </g>
                </svg>
                {move || hovered.get().and_then(|report| placed.with(|l| l.marks.iter().find(|m| m.report == report).cloned().map(|m| (m, l.width)))).map(|(m, w)| {
                    let r = &corpus.reports[m.report];
                    let left = m.x.min(w - 260.0).max(0.0);
                    view! {
                        <div class="tooltip" role="tooltip" style:left=format!("{left:.0}px") style:top=format!("{:.0}px", m.y + 12.0) data-testid="timeline-tooltip">
                            <strong>{r.title.clone()}</strong>
                            <span>{format::outlet(r)}</span>
                            <span>"Event: "{format::date_with_basis(r.event_date, r.event_date_basis)}</span>
                            {r.published.map(|d| view! { <span>"Published: "{format::date_with_basis(Some(d), r.published_basis)}</span> })}
                        </div>
                    }
                })}
            </div>
            <Legend/>
        </section>
    }
}

#[component]
fn Legend() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.data.corpus;
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

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::Report;

    fn report(id: &str, date: Option<(i32, u32, u32)>) -> Report {
        Report {
            id: id.into(),
            event_date: date.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
            ..Default::default()
        }
    }

    #[test]
    fn stories_share_rows_and_undated_reports_get_their_lane() {
        let corpus = Corpus {
            reports: vec![
                report("a", Some((2024, 7, 8))),
                report("b", Some((2024, 7, 8))),
                report("c", Some((2024, 3, 1))),
                report("d", None),
            ],
            ..Default::default()
        };
        let pairs = vec![Pair {
            a: "a".into(),
            b: "b".into(),
            relation: Relation::NearDuplicate,
            ..Default::default()
        }];
        let l = layout(&corpus, &[0, 1, 2, 3], &pairs, 800.0, None, &HashMap::new());
        assert_eq!(l.marks.len(), 4);
        let mark = |i: usize| l.marks.iter().find(|m| m.report == i).unwrap();
        assert_eq!(mark(0).shape, MarkShape::Square);
        assert_eq!(mark(2).shape, MarkShape::Circle);
        // Same day, same story: stacked, not overlapping.
        assert!((mark(0).y - mark(1).y).abs() >= ROW_HEIGHT);
        assert_eq!(l.links.len(), 1);
        assert!(mark(3).y > l.dated_bottom);
        assert!(l.undated_top.is_some());
        assert!(mark(2).x < mark(0).x);
    }

    #[test]
    fn ticks_adapt_to_the_range() {
        let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
        let days = ticks(d(7, 1), d(7, 8), 800.0);
        assert_eq!(days.len(), 8);
        assert_eq!(days[0].1, "1 Jul");
        let months = ticks(d(1, 1), d(12, 31), 800.0);
        assert!(months.len() >= 6 && months.len() <= 12, "{months:?}");
        assert!(months.iter().all(|(date, _)| date.day() == 1));
        let narrow = ticks(d(1, 1), d(12, 31), 200.0);
        assert!(narrow.len() <= 3);
    }

    #[test]
    fn brush_positions_map_back_to_dates() {
        let corpus = Corpus {
            reports: vec![
                report("a", Some((2024, 1, 1))),
                report("b", Some((2024, 12, 31))),
            ],
            ..Default::default()
        };
        let l = layout(&corpus, &[0, 1], &[], 1000.0, None, &HashMap::new());
        let d = NaiveDate::from_ymd_opt(2024, 6, 15).unwrap();
        assert_eq!(l.date_at(l.x_of(d)), d);
    }
}
