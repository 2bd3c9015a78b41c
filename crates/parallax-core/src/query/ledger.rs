//! The quote ledger page's query: the entries a speaker, a story and search words select (in
//! the ledger's order of first appearance), the speakers to choose from, and a printing's text
//! cut at its changed words. Each entry's text, speaker and printings are folded once
//! ([`LedgerIndex::new`]), so a keystroke only compares.

use super::matching::{find_word_start, fold, search_terms};
use crate::model::{QuoteEntry, TextRange};
use std::collections::HashMap;

/// The ledger's entries folded once for searching.
pub struct LedgerIndex {
    /// Per entry: its text, speaker and every printing, folded, one line each.
    folded: Vec<String>,
    /// Per entry: the number of distinct reports that print it.
    carried: Vec<usize>,
}

impl LedgerIndex {
    pub fn new(entries: &[QuoteEntry]) -> LedgerIndex {
        let folded = entries
            .iter()
            .map(|e| {
                let mut all = fold(&e.text);
                if let Some(s) = &e.speaker {
                    all.push('\n');
                    all.push_str(&fold(s));
                }
                for o in e.occurrences.iter().filter(|o| o.text != e.text) {
                    all.push('\n');
                    all.push_str(&fold(&o.text));
                }
                all
            })
            .collect();
        let carried = entries.iter().map(carried_by).collect();
        LedgerIndex { folded, carried }
    }

    /// The entries of `speaker` (any when `None`) holding every word of `text` (search words,
    /// "quoted phrases" kept whole, matched at word starts in the quote's text, its speaker or any
    /// of its printings) among those `in_story` accepts (every entry when `None`), as indices into
    /// `entries`, in the ledger's order (first appearance).
    pub fn matches(
        &self,
        entries: &[QuoteEntry],
        speaker: Option<&str>,
        text: &str,
        in_story: Option<&dyn Fn(&QuoteEntry) -> bool>,
    ) -> Vec<usize> {
        let terms = search_terms(text);
        entries
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                speaker.is_none_or(|s| e.speaker.as_deref() == Some(s))
                    && in_story.is_none_or(|f| f(e))
                    && self.folded.get(*i).is_some_and(|folded| {
                        terms.iter().all(|t| find_word_start(folded, t).is_some())
                    })
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The number of distinct reports printing entry `i`.
    pub fn carried(&self, i: usize) -> usize {
        self.carried.get(i).copied().unwrap_or(0)
    }
}

/// The number of distinct reports printing `entry`.
pub fn carried_by(entry: &QuoteEntry) -> usize {
    let mut reports: Vec<&str> = entry
        .occurrences
        .iter()
        .map(|o| o.report.as_str())
        .collect();
    reports.sort_unstable();
    reports.dedup();
    reports.len()
}

/// Every speaker of the ledger with the number of its entries, most entries first (then by
/// name); quotes with no known speaker are not listed.
pub fn ledger_speakers(entries: &[QuoteEntry]) -> Vec<(String, usize)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in entries {
        if let Some(s) = &e.speaker {
            *counts.entry(s).or_default() += 1;
        }
    }
    let mut speakers: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(s, n)| (s.to_string(), n))
        .collect();
    speakers.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    speakers
}

/// `text` cut into pieces at `changed` (byte ranges, as the ledger keeps a printing's differing
/// words): each piece with whether it changed. Ranges out of order, overlapping, past the end or
/// inside a character are clamped to what the text holds, so any input gives pieces that join
/// back into `text`.
pub fn changed_pieces<'a>(text: &'a str, changed: &[TextRange]) -> Vec<(&'a str, bool)> {
    let mut ranges: Vec<(usize, usize)> = changed
        .iter()
        .map(|r| (floor_boundary(text, r.start), floor_boundary(text, r.end)))
        .filter(|(s, e)| s < e)
        .collect();
    ranges.sort_unstable();
    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, end) in ranges {
        let start = start.max(at);
        if end <= start {
            continue;
        }
        if at < start {
            pieces.push((&text[at..start], false));
        }
        pieces.push((&text[start..end], true));
        at = end;
    }
    if at < text.len() {
        pieces.push((&text[at..], false));
    }
    pieces
}

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuoteOccurrence;

    fn entry(
        id: &str,
        speaker: Option<&str>,
        text: &str,
        printings: &[(&str, &str)],
    ) -> QuoteEntry {
        QuoteEntry {
            id: id.into(),
            speaker: speaker.map(str::to_string),
            text: text.into(),
            occurrences: printings
                .iter()
                .map(|(report, t)| QuoteOccurrence {
                    report: report.to_string(),
                    text: t.to_string(),
                    verbatim: *t == text,
                    ..QuoteOccurrence::default()
                })
                .collect(),
            ..QuoteEntry::default()
        }
    }

    fn ledger() -> Vec<QuoteEntry> {
        vec![
            entry(
                "q1",
                Some("Ana Ortiz"),
                "We will rebuild the harbour.",
                &[
                    ("r1", "We will rebuild the harbour."),
                    ("r2", "We will rebuild the harbour"),
                ],
            ),
            entry(
                "q2",
                Some("Li Wei"),
                "Talks were «frank».",
                &[
                    ("r1", "Talks were «frank»."),
                    ("r2", "Talks were «frank»."),
                    ("r3", "Talks were frank and long."),
                ],
            ),
            entry("q3", None, "No comment.", &[("r3", "No comment.")]),
            entry(
                "q4",
                Some("Ana Ortiz"),
                "The port reopens in May.",
                &[("r4", "The port reopens in May.")],
            ),
        ]
    }

    #[test]
    fn speaker_story_and_words_narrow_together() {
        let entries = ledger();
        let index = LedgerIndex::new(&entries);
        assert_eq!(index.matches(&entries, None, "", None), [0, 1, 2, 3]);
        assert_eq!(index.matches(&entries, Some("Ana Ortiz"), "", None), [0, 3]);
        let in_r4 = |e: &QuoteEntry| e.occurrences.iter().any(|o| o.report == "r4");
        assert_eq!(
            index.matches(&entries, Some("Ana Ortiz"), "", Some(&in_r4)),
            [3]
        );
        // Words match at word starts, folded: case and « » do not matter; a printing counts.
        assert_eq!(index.matches(&entries, None, "FRANK", None), [1]);
        assert_eq!(
            index.matches(&entries, None, "and long", None),
            [1],
            "found in an altered printing"
        );
        assert_eq!(index.matches(&entries, None, "ortiz harb", None), [0]);
        assert!(index.matches(&entries, None, "arbour", None).is_empty());
        assert_eq!(index.carried(1), 3);
        assert_eq!(
            ledger_speakers(&entries),
            [("Ana Ortiz".to_string(), 2), ("Li Wei".to_string(), 1)]
        );
    }

    #[test]
    fn pieces_join_back_into_the_text_whatever_the_ranges() {
        let r = |start, end| TextRange { start, end };
        let text = "Talks were «frank» today";
        let pieces = changed_pieces(text, &[r(11, 20)]);
        assert_eq!(
            pieces,
            [("Talks were ", false), ("«frank»", true), (" today", false)]
        );
        // Inside a character, overlapping, reversed, past the end: clamped, never a panic.
        for ranges in [
            vec![r(12, 13)],
            vec![r(3, 9), r(5, 12)],
            vec![r(9, 3)],
            vec![r(20, 999)],
        ] {
            let joined: String = changed_pieces(text, &ranges).iter().map(|p| p.0).collect();
            assert_eq!(joined, text, "{ranges:?}");
        }
    }
}
