//! The snippet the results list shows for a report: cut around the first match, at word
//! boundaries, with its highlights.

use super::matching::highlight_ranges;
use crate::model::Report;
use std::ops::Range;

/// A piece of a report's text around the first match, with highlight ranges into `text`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
    /// The paragraph the snippet comes from (`None`: the title matched, the snippet is the lead).
    pub paragraph: Option<usize>,
    /// Whether text was cut before / after the snippet.
    pub cut_before: bool,
    pub cut_after: bool,
}

/// Characters of context a snippet keeps around its first match.
const SNIPPET_CONTEXT: usize = 80;
const SNIPPET_LEAD: usize = 180;

/// A snippet for one report: the first paragraph with a match, cut around the first match, with
/// its highlights. With no terms, or when only the title matches, the lead of the first paragraph.
pub fn snippet(r: &Report, terms: &[String]) -> Snippet {
    let text_paragraphs = || {
        r.paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == crate::model::ParagraphKind::Text)
    };
    for (index, p) in text_paragraphs() {
        let ranges = highlight_ranges(&p.text, terms);
        if let Some(first) = ranges.first() {
            let start = floor_boundary(&p.text, first.start.saturating_sub(SNIPPET_CONTEXT));
            let start = word_start_after(&p.text, start, first.start);
            let end = ceil_boundary(&p.text, (first.end + SNIPPET_CONTEXT * 2).min(p.text.len()));
            let end = word_end_before(&p.text, end, first.end);
            let highlights = ranges
                .iter()
                .filter(|h| h.start >= start && h.end <= end)
                .map(|h| h.start - start..h.end - start)
                .collect();
            return Snippet {
                text: p.text[start..end].to_string(),
                highlights,
                paragraph: Some(index),
                cut_before: start > 0,
                cut_after: end < p.text.len(),
            };
        }
    }
    match text_paragraphs().next() {
        Some((_, p)) => {
            let end = ceil_boundary(&p.text, SNIPPET_LEAD.min(p.text.len()));
            let end = word_end_before(&p.text, end, 0);
            let text = p.text[..end].to_string();
            Snippet {
                highlights: highlight_ranges(&text, terms),
                text,
                paragraph: None,
                cut_before: false,
                cut_after: end < p.text.len(),
            }
        }
        None => Snippet::default(),
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Moves a cut forward to the next word start, but never past `limit`.
fn word_start_after(s: &str, start: usize, limit: usize) -> usize {
    if start == 0 {
        return 0;
    }
    match s[start..limit].find(char::is_whitespace) {
        Some(p) => {
            let after = start + p;
            after
                + s[after..limit]
                    .chars()
                    .take_while(|c| c.is_whitespace())
                    .map(char::len_utf8)
                    .sum::<usize>()
        }
        None => start,
    }
}

/// Moves a cut back to the end of the previous whole word, but never before `limit`.
fn word_end_before(s: &str, end: usize, limit: usize) -> usize {
    if end >= s.len() {
        return s.len();
    }
    match s[limit..end].rfind(char::is_whitespace) {
        Some(p) if limit + p > limit => limit + p,
        _ => end,
    }
}
