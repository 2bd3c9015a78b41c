//! The aligned sentences of two reports: rows, word differences, moved and unique sentences.

use crate::components::format;
use leptos::prelude::*;
use leptos::web_sys;
use parallax_core::analysis::align::{align, AlignedRow, Alignment, DiffSpan, RowKind, Sentence};
use parallax_core::Report;

/// The alignment of two reports, as rows with a summary.
#[component]
pub fn AlignedView(left: &'static Report, right: &'static Report) -> impl IntoView {
    let alignment = align(left, right);
    view! {
        <section class="alignment" aria-labelledby="alignment-title" data-testid="alignment">
            <h3 id="alignment-title">"Sentence by sentence"</h3>
            <Summary alignment=alignment.clone()/>
            <Rows alignment=alignment/>
        </section>
    }
}

#[component]
fn Summary(alignment: Alignment) -> impl IntoView {
    let s = alignment.summary;
    let pct = |x: f32| format!("{:.0} %", x * 100.0);
    view! {
        <p class="align-summary" data-testid="align-summary">
            {format!(
                "{} matched: {} verbatim, {} reworded, {} moved. Left: {} of {} sentences matched ({} of its words). Right: {} of {} ({} of its words).",
                format::count(s.matched, "sentence pair", "sentence pairs"), s.verbatim, s.reworded, s.moved,
                s.matched, s.left_sentences, pct(s.left_matched_share),
                s.matched, s.right_sentences, pct(s.right_matched_share),
            )}
        </p>
    }
}

#[component]
fn Rows(alignment: Alignment) -> impl IntoView {
    let right_count = alignment.right.len();
    view! {
        <ol class="aligned-rows" aria-label="Aligned sentences, in the left report's reading order" data-testid="aligned-rows">
            {alignment.rows.iter().map(|row| row_view(&alignment, row, right_count)).collect_view()}
        </ol>
    }
}

fn row_view(alignment: &Alignment, row: &AlignedRow, right_count: usize) -> impl IntoView {
    let kind_class = match row.kind {
        RowKind::Verbatim => "verbatim",
        RowKind::Reworded => "reworded",
        RowKind::LeftOnly => "left-only",
        RowKind::RightOnly => "right-only",
    };
    let sr = row_description(alignment, row);
    let left_cell = cell(
        alignment,
        row.left.map(|i| (i, &alignment.left[i])),
        &row.left_diff,
        Side::Left,
        row.kind,
    );
    let right_cell = cell(
        alignment,
        row.right.map(|i| (i, &alignment.right[i])),
        &row.right_diff,
        Side::Right,
        row.kind,
    );
    let moved_note = (row.moved).then(|| {
        let j = row.right.unwrap_or(0);
        // Where the right sentence sits in the right report's own reading order.
        let target = if j == 0 { None } else { Some(j - 1) };
        view! {
            <p class="moved-note">
                <span class="badge moved">"moved"</span>
                {format!(" sentence {} of {} on the right", j + 1, right_count)}
                " · "
                <button type="button" class="link-button" data-testid="moved-link" on:click=move |_| {
                    let id = target.map_or("compare-title".to_string(), |t| format!("r-{t}"));
                    focus_element(&id);
                }>{if target.is_some() { "show what precedes it on the right" } else { "it opens the right report" }}</button>
            </p>
        }
    });
    view! {
        <li class=format!("aligned-row {kind_class}") class:moved=row.moved data-testid="aligned-row" data-kind=kind_class>
            <span class="visually-hidden">{sr}</span>
            <div class="row-cells" aria-hidden="true">
                {left_cell}
                {right_cell}
            </div>
            {moved_note}
        </li>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
}

fn cell(
    alignment: &Alignment,
    sentence: Option<(usize, &Sentence)>,
    diff: &[DiffSpan],
    side: Side,
    kind: RowKind,
) -> impl IntoView {
    let _ = alignment;
    let class = if side == Side::Left {
        "cell left"
    } else {
        "cell right"
    };
    match sentence {
        None => view! { <div class=format!("{class} empty-cell")>{if side == Side::Left { "only on the right" } else { "only on the left" }}</div> }.into_any(),
        Some((i, s)) => {
            let id = format!("{}-{i}", if side == Side::Left { "l" } else { "r" });
            let spans: Vec<DiffSpan> = if diff.is_empty() { vec![DiffSpan { text: s.text.clone(), changed: false }] } else { diff.to_vec() };
            let body = spans
                .into_iter()
                .map(|span| match (span.changed, side) {
                    (false, _) => span.text.into_any(),
                    (true, Side::Left) => view! { <del class="hl-changed">{span.text}</del> }.into_any(),
                    (true, Side::Right) => view! { <ins class="hl-changed">{span.text}</ins> }.into_any(),
                })
                .collect_view();
            let unique = matches!(kind, RowKind::LeftOnly | RowKind::RightOnly);
            view! {
                <div class=class id=id tabindex="-1">
                    <span class="sentence-no">{i + 1}</span>
                    {unique.then(|| view! { <span class="badge unique">"unique"</span> })}
                    " "
                    {body}
                </div>
            }
            .into_any()
        }
    }
}

/// What a screen reader says for a row ("sentence 3 left matches sentence 5 right, moved, reworded").
pub fn row_description(alignment: &Alignment, row: &AlignedRow) -> String {
    let text =
        |side: &[Sentence], i: usize| side.get(i).map(|s| s.text.clone()).unwrap_or_default();
    match (row.left, row.right) {
        (Some(l), Some(r)) => {
            let mut s = format!("Sentence {} left matches sentence {} right", l + 1, r + 1);
            if row.moved {
                s.push_str(", moved");
            }
            s.push_str(if row.kind == RowKind::Verbatim {
                ", verbatim: "
            } else {
                ", reworded. Left: "
            });
            s.push_str(&text(&alignment.left, l));
            if row.kind != RowKind::Verbatim {
                s.push_str(" Right: ");
                s.push_str(&text(&alignment.right, r));
            }
            s
        }
        (Some(l), None) => format!(
            "Sentence {} left, only on the left: {}",
            l + 1,
            text(&alignment.left, l)
        ),
        (None, Some(r)) => format!(
            "Sentence {} right, only on the right: {}",
            r + 1,
            text(&alignment.right, r)
        ),
        (None, None) => String::new(),
    }
}

fn focus_element(id: &str) {
    use leptos::wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}
