//! The quote ledger page's query: the entries a speaker, a story and search words select, in
//! the order the reader chose, and the speakers to choose from. Each entry's text, speaker and
//! printings are folded once ([`LedgerIndex::new`]), so a keystroke only compares.

use super::matching::{find_word_start, fold, search_terms};
use crate::model::QuoteEntry;
use std::collections::HashMap;

/// How the ledger lists its entries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LedgerOrder {
    /// By first appearance in time (the ledger's own order).
    #[default]
    FirstAppearance,
    /// Carried by the most reports first; ties by first appearance.
    MostCarried,
}

/// What the reader narrowed the ledger to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LedgerFilter {
    pub speaker: Option<String>,
    /// Search words ("quoted phrases" kept whole), matched at word starts in the quote's text,
    /// its speaker or any of its printings, all of them.
    pub text: String,
    pub order: LedgerOrder,
}

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

    /// The entries `filter` selects among those `in_story` accepts (every entry when `None`),
    /// as indices into `entries`, in the filter's order.
    pub fn matches(
        &self,
        entries: &[QuoteEntry],
        filter: &LedgerFilter,
        in_story: Option<&dyn Fn(&QuoteEntry) -> bool>,
    ) -> Vec<usize> {
        let terms = search_terms(&filter.text);
        let mut found: Vec<usize> = entries
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                filter
                    .speaker
                    .as_deref()
                    .is_none_or(|s| e.speaker.as_deref() == Some(s))
                    && in_story.is_none_or(|f| f(e))
                    && self.folded.get(*i).is_some_and(|text| {
                        terms.iter().all(|t| find_word_start(text, t).is_some())
                    })
            })
            .map(|(i, _)| i)
            .collect();
        if filter.order == LedgerOrder::MostCarried {
            // Stable: equal counts keep the ledger's order of first appearance.
            found.sort_by(|&a, &b| self.carried[b].cmp(&self.carried[a]));
        }
        found
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
        let all = LedgerFilter::default();
        assert_eq!(index.matches(&entries, &all, None), [0, 1, 2, 3]);
        let ana = LedgerFilter {
            speaker: Some("Ana Ortiz".into()),
            ..LedgerFilter::default()
        };
        assert_eq!(index.matches(&entries, &ana, None), [0, 3]);
        let in_r4 = |e: &QuoteEntry| e.occurrences.iter().any(|o| o.report == "r4");
        assert_eq!(index.matches(&entries, &ana, Some(&in_r4)), [3]);
        // Words match at word starts, folded: case and « » do not matter; a printing counts.
        let frank = LedgerFilter {
            text: "FRANK".into(),
            ..LedgerFilter::default()
        };
        assert_eq!(index.matches(&entries, &frank, None), [1]);
        let long = LedgerFilter {
            text: "and long".into(),
            ..LedgerFilter::default()
        };
        assert_eq!(
            index.matches(&entries, &long, None),
            [1],
            "found in an altered printing"
        );
        let speaker_word = LedgerFilter {
            text: "ortiz harb".into(),
            ..LedgerFilter::default()
        };
        assert_eq!(index.matches(&entries, &speaker_word, None), [0]);
        let mid_word = LedgerFilter {
            text: "arbour".into(),
            ..LedgerFilter::default()
        };
        assert!(index.matches(&entries, &mid_word, None).is_empty());
    }

    #[test]
    fn most_carried_first_keeps_first_appearance_on_ties() {
        let entries = ledger();
        let index = LedgerIndex::new(&entries);
        let filter = LedgerFilter {
            order: LedgerOrder::MostCarried,
            ..LedgerFilter::default()
        };
        assert_eq!(index.matches(&entries, &filter, None), [1, 0, 2, 3]);
        assert_eq!(index.carried(1), 3);
        assert_eq!(
            ledger_speakers(&entries),
            [("Ana Ortiz".to_string(), 2), ("Li Wei".to_string(), 1)]
        );
    }
}
