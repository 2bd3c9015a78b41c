//! Folded matching: text folded (the shared [`crate::text_fold`]) so case, diacritics and
//! typographic quotes never matter, a query split into terms, terms found at word starts, and
//! the ranges the page highlights.

pub use crate::text_fold::fold;
use crate::text_fold::fold_with_offsets;
use std::collections::HashSet;
use std::ops::Range;

/// Splits a query into folded terms: words, or "quoted phrases" kept whole. Repeats dropped.
pub fn search_terms(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut terms: Vec<String> = Vec::new();
    // Repeats found by hash, so a query of many words costs linear time.
    let mut seen: HashSet<String> = HashSet::new();
    let mut push = |t: &str| {
        let t = t.trim_matches(|c: char| c.is_whitespace() || c == '"');
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() && seen.insert(t.clone()) {
            terms.push(t);
        }
    };
    for (i, part) in folded.split('"').enumerate() {
        if i % 2 == 1 {
            push(part);
        } else {
            part.split_whitespace().for_each(&mut push);
        }
    }
    terms
}

/// The first occurrence of `term` in `haystack` that starts a word (the rule of search, and of
/// the old scan the tests and benchmarks compare the index with).
pub fn find_word_start(haystack: &str, term: &str) -> Option<usize> {
    let needs_boundary = term.chars().next().is_some_and(char::is_alphanumeric);
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(term) {
        let at = from + pos;
        if !needs_boundary
            || !haystack[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            return Some(at);
        }
        from = at + haystack[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Byte ranges of `text` where any of the (folded) `terms` occurs at a word start; sorted,
/// merged where they overlap. What the page wraps in `<mark>`.
pub fn highlight_ranges(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    if terms.is_empty() || text.is_empty() {
        return Vec::new();
    }
    // Fold once, remembering for each folded byte which original char produced it.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<usize> = Vec::with_capacity(text.len());
    fold_with_offsets(text, |c, offset| {
        folded.push(c);
        origin.extend(std::iter::repeat_n(offset, c.len_utf8()));
    });
    let original_end = |folded_end: usize| -> usize {
        // The end of the original char that produced the last folded byte.
        let start = origin[folded_end - 1];
        start + text[start..].chars().next().map_or(0, char::len_utf8)
    };
    let mut ranges = Vec::new();
    for term in terms {
        let mut from = 0;
        while from < folded.len() {
            let Some(at) = find_word_start(&folded[from..], term).map(|p| p + from) else {
                break;
            };
            let end = at + term.len();
            ranges.push(origin[at]..original_end(end));
            from = end;
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}
