//! Text with marked ranges, rendered as text nodes only (never as HTML). Which ranges are marked,
//! and the pieces they cut a text into, the core decides (`display::marks`).

use leptos::prelude::*;
use std::ops::Range;

pub use parallax_core::display::marks::{segments, Mark, MarkKind};

/// The class a kind of mark is styled with.
fn class(kind: MarkKind) -> &'static str {
    match kind {
        MarkKind::Search => "hl-search",
        MarkKind::Topic => "hl-topic",
        MarkKind::Quote => "hl-quote",
        MarkKind::Changed => "hl-changed",
    }
}

/// Renders `text` with its marks: search matches as `<mark>`, other kinds as classed spans.
pub fn marked_text(text: &str, marks: &[Mark]) -> AnyView {
    segments(text, marks)
        .into_iter()
        .map(|(range, covering)| {
            let piece = with_visible_controls(&text[range]);
            if covering.is_empty() {
                return piece;
            }
            let classes: Vec<&str> = covering.iter().map(|&i| class(marks[i].kind)).collect();
            let class = classes.join(" ");
            let title = covering.iter().find_map(|&i| marks[i].title.clone());
            if covering.iter().any(|&i| marks[i].kind == MarkKind::Search) {
                view! { <mark class=class title=title data-testid="search-hit">{piece}</mark> }
                    .into_any()
            } else {
                view! { <span class=class title=title>{piece}</span> }.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// `text` as text nodes, with each bidirectional control shown as a visible, named mark
/// ("⟨RLO⟩") instead of the invisible character, which could reorder what the reader sees.
fn with_visible_controls(text: &str) -> AnyView {
    use parallax_core::text_marks::{control_description, is_bidi_control, segments, Segment};
    // Almost every piece has no control: no segment list for those (search re-renders snippets).
    if !text.chars().any(is_bidi_control) {
        return text.to_string().into_any();
    }
    segments(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Plain(plain) => plain.to_string().into_any(),
            Segment::Control(c) => {
                let name = segment.name().unwrap_or("?");
                view! {
                    <abbr class="bidi-mark" title=control_description(c) data-testid="bidi-mark">
                        {format!("⟨{name}⟩")}
                    </abbr>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// Search marks for `text` from ranges computed by the query engine.
pub fn search_marks(ranges: Vec<Range<usize>>) -> Vec<Mark> {
    ranges
        .into_iter()
        .map(|range| Mark {
            range,
            kind: MarkKind::Search,
            title: None,
        })
        .collect()
}
