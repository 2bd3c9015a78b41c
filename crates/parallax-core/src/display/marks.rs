//! Marked ranges of a text: what the reader highlights in a paragraph (search matches, quotes at
//! the positions the parser kept, topic phrases), and the text cut at every mark's edges so a
//! view renders each piece with the marks covering it, as text.

use crate::model::Report;
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
    /// A word changed between two aligned sentences or two printings of a quote.
    Changed,
}

/// One marked range, with an optional title (a topic's name, a quote's speaker).
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub range: Range<usize>,
    pub kind: MarkKind,
    pub title: Option<String>,
}

/// The marks of paragraph `index` of `report`: the `search` matches (from
/// `query::highlight_ranges`), each quote's words in this paragraph at their positions (titled
/// "Quote: speaker" when it has one; a quote running over paragraphs marks its part in each),
/// and, given `topic_label` (a topic's id to its label), the paragraph's topic phrases. A range
/// past the text or off a character boundary is left out; a paragraph that is not there has no
/// marks.
pub fn paragraph_marks(
    report: &Report,
    index: usize,
    search: Vec<Range<usize>>,
    topic_label: Option<&dyn Fn(&str) -> String>,
) -> Vec<Mark> {
    let Some(paragraph) = report.paragraphs.get(index) else {
        return Vec::new();
    };
    let text = paragraph.text.as_str();
    let fits = |r: &Range<usize>| r.start < r.end && text.get(r.clone()).is_some();
    let mut marks: Vec<Mark> = search
        .into_iter()
        .filter(fits)
        .map(|range| Mark {
            range,
            kind: MarkKind::Search,
            title: None,
        })
        .collect();
    for quote in &report.quotes {
        for part in quote.parts().filter(|p| p.paragraph == index) {
            let range = part.start..part.end;
            if fits(&range) {
                marks.push(Mark {
                    range,
                    kind: MarkKind::Quote,
                    title: quote.speaker.as_ref().map(|s| format!("Quote: {s}")),
                });
            }
        }
    }
    if let Some(label) = topic_label {
        for hit in &paragraph.topic_hits {
            let range = hit.start..hit.end;
            if fits(&range) {
                marks.push(Mark {
                    range,
                    kind: MarkKind::Topic,
                    title: Some(label(&hit.topic)),
                });
            }
        }
    }
    marks
}

/// Cuts `text` at every mark boundary; each piece carries the indices of the marks covering it.
/// The pieces cover the text once, in order; a boundary off a character boundary or past the
/// end is ignored.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, Quote, QuotePart, TopicHit};

    #[test]
    fn segments_cover_the_text_once_and_carry_overlapping_marks() {
        let text = "Miller said “sanctions apply” today";
        let mark = |range: Range<usize>, kind| Mark {
            range,
            kind,
            title: None,
        };
        let marks = vec![
            mark(0..6, MarkKind::Search),
            mark(12..31, MarkKind::Quote),
            mark(15..24, MarkKind::Topic),
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

    #[test]
    fn quotes_are_marked_where_they_are_even_when_repeated_or_running_on() {
        // The same words twice in a paragraph: only the quoted ones are marked. The second
        // paragraph continues a quote from the first.
        let first =
            "They said prices will rise. “Prices will rise this year,” she warned, “and then";
        let second = "“fall again next spring.” Nobody argued.";
        let report = Report {
            paragraphs: vec![
                Paragraph {
                    text: first.into(),
                    topic_hits: vec![TopicHit {
                        topic: "prices".into(),
                        start: 10,
                        end: 16,
                    }],
                    ..Paragraph::default()
                },
                Paragraph {
                    text: second.into(),
                    ..Paragraph::default()
                },
            ],
            quotes: vec![
                Quote {
                    speaker: Some("Ana Ruiz".into()),
                    text: "Prices will rise this year".into(),
                    paragraph: 0,
                    start: 31,
                    end: 57,
                    continued: vec![],
                },
                Quote {
                    speaker: None,
                    text: "and then fall again next spring.".into(),
                    paragraph: 0,
                    start: first.len() - "and then".len(),
                    end: first.len(),
                    continued: vec![QuotePart {
                        paragraph: 1,
                        start: "“".len(),
                        end: "“fall again next spring.".len(),
                    }],
                },
            ],
            ..Report::default()
        };
        let shown = |index: usize, marks: &[Mark]| -> Vec<(MarkKind, String)> {
            let text = &report.paragraphs[index].text;
            marks
                .iter()
                .map(|m| (m.kind, text[m.range.clone()].to_string()))
                .collect()
        };
        let label = |id: &str| format!("Topic {id}");
        let marks = paragraph_marks(&report, 0, vec![10..16, 3..999], Some(&label));
        assert_eq!(
            shown(0, &marks),
            [
                (MarkKind::Search, "prices".into()),
                (MarkKind::Quote, "Prices will rise this year".into()),
                (MarkKind::Quote, "and then".into()),
                (MarkKind::Topic, "prices".into()),
            ]
        );
        assert_eq!(marks[1].title.as_deref(), Some("Quote: Ana Ruiz"));
        assert_eq!(marks[3].title.as_deref(), Some("Topic prices"));
        let marks = paragraph_marks(&report, 1, vec![], None);
        assert_eq!(
            shown(1, &marks),
            [(MarkKind::Quote, "fall again next spring.".into())]
        );
        assert!(paragraph_marks(&report, 7, vec![0..1, 2..3], None).is_empty());
    }
}
