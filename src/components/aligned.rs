//! The aligned sentences of two reports: rows, word differences, moved and unique sentences, and
//! sentences one report split in two or merged (a row with two sentences on one side). What
//! matches what, and the diffs, the core decides (`analysis::align`); this only renders.

use crate::components::format;
use leptos::prelude::*;
use leptos::web_sys;
use parallax_core::analysis::align::{
    align, AlignedRow, Alignment, DiffSpan, RowKind, RowShape, Sentence,
};
use parallax_core::display::capitalise;
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
                "{} matched: {} verbatim, {} reworded, {} moved{}. Left: {} of {} sentences matched ({} of its words). Right: {} of {} ({} of its words).",
                format::count(s.matched, "sentence pair", "sentence pairs"), s.verbatim, s.reworded, s.moved,
                if s.split_or_merged > 0 { format!(", {} split or merged", s.split_or_merged) } else { String::new() },
                s.left_matched, s.left_sentences, pct(s.left_matched_share),
                s.right_matched, s.right_sentences, pct(s.right_matched_share),
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
    let left_cell = cell(alignment, row, Side::Left);
    let right_cell = cell(alignment, row, Side::Right);
    let moved_note = (row.moved).then(|| {
        let j = row.right.unwrap_or(0);
        // Where the right sentence sits in the right report's own reading order.
        let target = if j == 0 { None } else { Some(j - 1) };
        let at = if row.right_sentences().len() == 2 {
            format!(" sentences {} and {} of {} on the right", j + 1, j + 2, right_count)
        } else {
            format!(" sentence {} of {} on the right", j + 1, right_count)
        };
        view! {
            <p class="moved-note">
                <span class="badge moved">"moved"</span>
                {at}
                " · "
                <button type="button" class="link-button" data-testid="moved-link" on:click=move |_| {
                    let id = target.map_or("compare-title".to_string(), |t| format!("r-{t}"));
                    focus_element(&id);
                }>{if target.is_some() { "show what precedes it on the right" } else { "it opens the right report" }}</button>
            </p>
        }
    });
    view! {
        <li class=format!("aligned-row {kind_class}") class:moved=row.moved data-testid="aligned-row" data-kind=kind_class data-shape=shape_name(row.shape)>
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

/// The shape of a row, for tests and styles: "1:1", "2:1" (two left sentences), "1:2".
fn shape_name(shape: RowShape) -> &'static str {
    match shape {
        RowShape::OneToOne => "1:1",
        RowShape::TwoToOne => "2:1",
        RowShape::OneToTwo => "1:2",
    }
}

/// What a row of two sentences on one side says of the right report, shown on its cell: it
/// split the left sentence in two, or merged the two left sentences into one.
fn joined_label(shape: RowShape) -> Option<&'static str> {
    match shape {
        RowShape::OneToOne => None,
        RowShape::TwoToOne => Some("merged"),
        RowShape::OneToTwo => Some("split in two"),
    }
}

/// One side of a row: its sentence (or two), numbered, changed words marked.
fn cell(alignment: &Alignment, row: &AlignedRow, side: Side) -> impl IntoView {
    let (class, prefix, sentences, pieces) = match side {
        Side::Left => ("cell left", "l", &alignment.left, row.left_pieces()),
        Side::Right => ("cell right", "r", &alignment.right, row.right_pieces()),
    };
    if pieces.is_empty() {
        // The other side holds the row's sentence.
        let text = if side == Side::Left {
            "only on the right"
        } else {
            "only on the left"
        };
        return view! { <div class=format!("{class} empty-cell")>{text}</div> }.into_any();
    }
    let unique = matches!(row.kind, RowKind::LeftOnly | RowKind::RightOnly);
    let badge = if unique {
        Some("unique")
    } else if side == Side::Right {
        joined_label(row.shape)
    } else {
        None
    };
    let two = pieces.len() > 1;
    let body = pieces
        .into_iter()
        .enumerate()
        .map(|(k, (i, diff))| {
            let text = sentences.get(i).map(|s| s.text.clone()).unwrap_or_default();
            let spans: Vec<DiffSpan> = if diff.is_empty() {
                vec![DiffSpan { text, changed: false }]
            } else {
                diff.to_vec()
            };
            let words = spans
                .into_iter()
                .map(|span| match (span.changed, side) {
                    (false, _) => span.text.into_any(),
                    (true, Side::Left) => view! { <del class="hl-changed">{span.text}</del> }.into_any(),
                    (true, Side::Right) => view! { <ins class="hl-changed">{span.text}</ins> }.into_any(),
                })
                .collect_view();
            // In a cell of two sentences each sentence is a target of its own (moved links).
            let id = two.then(|| format!("{prefix}-{i}"));
            view! {
                <span class="cell-sentence" id=id tabindex=two.then_some("-1")>
                    <span class="sentence-no">{i + 1}</span>
                    {(k == 0).then_some(badge).flatten().map(|b| view! { <span class=if unique { "badge unique" } else { "badge joined" }>{b}</span> })}
                    " "
                    {words}
                    {(two && k == 0).then_some(" ")}
                </span>
            }
        })
        .collect_view();
    let first = row_first(row, side);
    view! {
        <div class=class class:two-sentences=two id=(!two).then(|| format!("{prefix}-{first}")) tabindex="-1">
            {body}
        </div>
    }
    .into_any()
}

/// The row's first sentence on `side` (0 when it has none there).
fn row_first(row: &AlignedRow, side: Side) -> usize {
    match side {
        Side::Left => row.left,
        Side::Right => row.right,
    }
    .unwrap_or(0)
}

/// What a screen reader says for a row ("sentence 3 left matches sentence 5 right, moved,
/// reworded"; "sentence 3 left and sentence 4 left match sentence 6 right, merged into one on the
/// right, reworded").
pub fn row_description(alignment: &Alignment, row: &AlignedRow) -> String {
    let texts = |side: &[Sentence], range: std::ops::Range<usize>| {
        range
            .filter_map(|i| side.get(i).map(|s| s.text.as_str()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let numbers = |range: std::ops::Range<usize>, side: &str| {
        range
            .map(|i| format!("sentence {} {side}", i + 1))
            .collect::<Vec<_>>()
            .join(" and ")
    };
    let (ls, rs) = (row.left_sentences(), row.right_sentences());
    match (row.left, row.right) {
        (Some(_), Some(_)) => {
            let verb = if ls.len() > 1 { "match" } else { "matches" };
            let mut s = format!(
                "{} {verb} {}",
                capitalise(&numbers(ls.clone(), "left")),
                numbers(rs.clone(), "right")
            );
            match row.shape {
                RowShape::OneToOne => {}
                RowShape::TwoToOne => s.push_str(", merged into one on the right"),
                RowShape::OneToTwo => s.push_str(", split in two on the right"),
            }
            if row.moved {
                s.push_str(", moved");
            }
            s.push_str(if row.kind == RowKind::Verbatim {
                ", verbatim: "
            } else {
                ", reworded. Left: "
            });
            s.push_str(&texts(&alignment.left, ls));
            if row.kind != RowKind::Verbatim {
                s.push_str(" Right: ");
                s.push_str(&texts(&alignment.right, rs));
            }
            s
        }
        (Some(l), None) => format!(
            "Sentence {} left, only on the left: {}",
            l + 1,
            texts(&alignment.left, ls)
        ),
        (None, Some(r)) => format!(
            "Sentence {} right, only on the right: {}",
            r + 1,
            texts(&alignment.right, rs)
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
