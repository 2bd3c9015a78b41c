//! The inverted index of search: every word of the folded text with the reports holding it,
//! built once, so a keystroke reads the postings of the words typed instead of all the text.
//!
//! A *word* here is a maximal run of letters and digits (`char::is_alphanumeric`) of the folded
//! text: exactly where search's word starts are, so a typed word that starts a word of the text
//! is a prefix of one of these words (see `search`).
//!
//! Layout, made to be cut into shards fetched on demand (like Pagefind's chunks):
//! - `words`: the dictionary, sorted, so the words sharing a prefix are one contiguous range;
//! - `postings[i]` belongs to `words[i]` alone: the reports holding it (ascending ids) and how
//!   often it occurs in each one's title and body. A shard is a contiguous range of words with
//!   their postings; a manifest of each shard's first word says which shards a prefix needs
//!   (those overlapping `[prefix, prefix + 1)`);
//! - `symbols` (reports holding each punctuation character, for terms with no letter or digit)
//!   and `lengths` (words per report, for ranking) are per corpus, small, and go with the
//!   catalogue.
//!
//! Everything is serde, so a build step can write it (postcard) as the corpus is written.

use crate::ingest::work;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

/// One report's occurrences of one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub report: u32,
    pub in_title: u32,
    pub in_body: u32,
}

/// How many words a report's title and body hold (for ranking's length normalisation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldLengths {
    pub title: u32,
    pub body: u32,
}

/// The inverted index: see the module documentation for the layout.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    words: Vec<String>,
    postings: Vec<Vec<Posting>>,
    symbols: Vec<(char, Vec<u32>)>,
    lengths: Vec<FieldLengths>,
}

/// Calls `f` with every word (maximal run of letters and digits) of `text`, in order.
pub(super) fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            f(&text[s..i]);
        }
    }
    if let Some(s) = start {
        f(&text[s..]);
    }
}

impl SearchIndex {
    /// Indexes folded reports, each given as `(title, body)`; report ids are their positions.
    pub fn build<'a>(reports: impl IntoIterator<Item = (&'a str, &'a str)>) -> SearchIndex {
        let mut by_word: HashMap<&'a str, Vec<Posting>> = HashMap::new();
        let mut symbols: BTreeMap<char, Vec<u32>> = BTreeMap::new();
        let mut lengths = Vec::new();
        for (id, (title, body)) in reports.into_iter().enumerate() {
            let id = id as u32;
            let mut counts: BTreeMap<&'a str, (u32, u32)> = BTreeMap::new();
            let mut length = FieldLengths::default();
            for_each_word(title, |w| {
                counts.entry(w).or_default().0 += 1;
                length.title += 1;
            });
            for_each_word(body, |w| {
                counts.entry(w).or_default().1 += 1;
                length.body += 1;
            });
            lengths.push(length);
            for (word, (in_title, in_body)) in counts {
                by_word.entry(word).or_default().push(Posting {
                    report: id,
                    in_title,
                    in_body,
                });
            }
            let held: BTreeSet<char> = title
                .chars()
                .chain(body.chars())
                .filter(|c| !c.is_alphanumeric() && !c.is_whitespace())
                .collect();
            for c in held {
                symbols.entry(c).or_default().push(id);
            }
        }
        let mut entries: Vec<(&str, Vec<Posting>)> = by_word.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let (words, postings) = entries.into_iter().map(|(w, p)| (w.to_string(), p)).unzip();
        SearchIndex {
            words,
            postings,
            symbols: symbols.into_iter().collect(),
            lengths,
        }
    }

    /// Reports indexed.
    pub fn reports(&self) -> usize {
        self.lengths.len()
    }

    /// Words in the dictionary.
    pub fn words(&self) -> usize {
        self.words.len()
    }

    pub fn lengths(&self) -> &[FieldLengths] {
        &self.lengths
    }

    /// The postings of `word` exactly (empty when no report holds it).
    pub fn exact(&self, word: &str) -> &[Posting] {
        work::add(self.words.len().max(1).ilog2() as usize + 1);
        match self.words.binary_search_by(|w| w.as_str().cmp(word)) {
            Ok(i) => &self.postings[i],
            Err(_) => &[],
        }
    }

    /// The range of dictionary words starting with `prefix`.
    pub fn prefix_range(&self, prefix: &str) -> Range<usize> {
        work::add(2 * (self.words.len().max(1).ilog2() as usize + 1));
        let start = self.words.partition_point(|w| w.as_str() < prefix);
        let len = self.words[start..].partition_point(|w| w.starts_with(prefix));
        start..start + len
    }

    /// The postings of every word starting with `prefix`, merged per report (counts summed),
    /// by report id. Costs the postings read, plus at most a quarter of that in reports when
    /// they are many (counted in a table over the reports instead of sorted).
    pub fn prefix_postings(&self, prefix: &str) -> Vec<Posting> {
        let range = self.prefix_range(prefix);
        let lists = &self.postings[range];
        let total: usize = lists.iter().map(Vec::len).sum();
        work::add(total);
        if lists.len() == 1 {
            return lists[0].clone();
        }
        if total * 4 >= self.reports() {
            let mut table = vec![(0u32, 0u32); self.reports()];
            for p in lists.iter().flatten() {
                let entry = &mut table[p.report as usize];
                entry.0 += p.in_title;
                entry.1 += p.in_body;
            }
            return table
                .into_iter()
                .enumerate()
                .filter(|(_, (t, b))| t + b > 0)
                .map(|(report, (in_title, in_body))| Posting {
                    report: report as u32,
                    in_title,
                    in_body,
                })
                .collect();
        }
        let mut all: Vec<Posting> = lists.iter().flatten().copied().collect();
        all.sort_unstable_by_key(|p| p.report);
        let mut merged: Vec<Posting> = Vec::with_capacity(all.len());
        for p in all {
            match merged.last_mut() {
                Some(last) if last.report == p.report => {
                    last.in_title += p.in_title;
                    last.in_body += p.in_body;
                }
                _ => merged.push(p),
            }
        }
        merged
    }

    /// Reports holding the punctuation character `c` (empty when none does).
    pub fn symbol(&self, c: char) -> &[u32] {
        match self.symbols.binary_search_by_key(&c, |(s, _)| *s) {
            Ok(i) => {
                work::add(self.symbols[i].1.len());
                &self.symbols[i].1
            }
            Err(_) => &[],
        }
    }
}
