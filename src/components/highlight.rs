//! Text with marked ranges, rendered as text nodes only (never as HTML).

use leptos::prelude::*;
use std::ops::Range;

/// What a marked span of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkKind {
    /// A search match.
    Search,
    /// A topic phrase.
    Topic,
    /// Quoted speech.
    Quote,
    /// A word changed between two aligned sentences.
    Changed,
}

impl MarkKind {
    fn class(self) -> &'static str {
        match self {
            MarkKind::Search => "hl-search",
            MarkKind::Topic => "hl-topic",
            MarkKind::Quote => "hl-quote",
            MarkKind::Changed => "hl-changed",
        }
    }
}

/// One marked range, with an optional title (a topic's name, a quote's speaker).
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub range: Range<usize>,
    pub kind: MarkKind,
    pub title: Option<String>,
}

/// Splits `text` at every mark boundary; each piece carries the marks covering it.
pub fn segments(text: &str, marks: &[Mark]) -> Vec<(Range<usize>, Vec<usize>)> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for m in marks {
        for b in [m.range.start, m.range.end] {
            if b <= text.len() && text.is_char_boundary(b) {
                cuts.push(b);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let covering = marks
                .iter()
                .enumerate()
                .filter(|(_, m)| m.range.start <= w[0] && m.range.end >= w[1])
                .map(|(i, _)| i)
                .collect();
            (w[0]..w[1], covering)
        })
        .collect()
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
            let classes: Vec<&str> = covering.iter().map(|&i| marks[i].kind.class()).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cover_the_text_once_and_carry_overlapping_marks() {
        let text = "Miller said “sanctions apply” today";
        let marks = vec![
            Mark {
                range: 0..6,
                kind: MarkKind::Search,
                title: None,
            },
            Mark {
                range: 12..31,
                kind: MarkKind::Quote,
                title: Some("Quote: Matthew Miller".into()),
            },
            Mark {
                range: 15..24,
                kind: MarkKind::Topic,
                title: None,
            },
        ];
        let segs = segments(text, &marks);
        let joined: String = segs.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(joined, text);
        let at = |needle: &str| {
            segs.iter()
                .find(|(r, _)| &text[r.clone()] == needle)
                .map(|(_, c)| c.clone())
        };
        assert_eq!(at("Miller"), Some(vec![0]));
        assert_eq!(at("sanctions"), Some(vec![1, 2]));
    }

    #[test]
    fn marks_off_char_boundaries_or_past_the_end_are_ignored() {
        let text = "café";
        let marks = vec![Mark {
            range: 4..99,
            kind: MarkKind::Search,
            title: None,
        }];
        let segs = segments(text, &marks);
        let joined: String = segs.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(joined, text);
    }
}
