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
//! - `short`: for every prefix of one or two characters, the postings of all the words starting
//!   with it merged per report (at most one posting per report), so the word being typed after
//!   one or two letters reads one list instead of merging thousands ("s" after "water ");
//! - `symbols` (reports holding each punctuation character, for terms with no letter or digit)
//!   and `lengths` (words per report, for ranking) are per corpus, small, and go with the
//!   catalogue.
//!
//! `search_shards` cuts it into those shards; `term_source::TermSource` is what search reads, from
//! the whole index or from the shards loaded so far.
//!
//! Everything is serde, so a build step can write it (postcard) as the corpus is written.

use super::term_source::{merge_lists, short_prefixes};
use crate::ingest::work;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
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
    pub(super) words: Vec<String>,
    pub(super) postings: Vec<Vec<Posting>>,
    /// Prefixes of one or two characters, sorted, with the merged postings of their words.
    pub(super) short: Vec<(String, Vec<Posting>)>,
    pub(super) symbols: Vec<(char, Vec<u32>)>,
    pub(super) lengths: Vec<FieldLengths>,
}

/// Calls `f` with every word (maximal run of letters and digits) of `text`, in order. ASCII
/// bytes are classified without decoding; other characters by `char::is_alphanumeric`.
pub(super) fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    let bytes = text.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let (in_word, len) = if bytes[i].is_ascii() {
            (bytes[i].is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        if in_word {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            f(&text[s..i]);
        }
        i += len;
    }
    if let Some(s) = start {
        f(&text[s..]);
    }
}

/// The characters of a report that are neither letters, digits nor spaces, each once, in
/// one pass over the bytes (ASCII in a table, other characters decoded).
pub(super) fn held_symbols(title: &str, body: &str) -> Vec<char> {
    let mut ascii = [false; 128];
    let mut other: Vec<char> = Vec::new();
    for text in [title, body] {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                ascii[b as usize] |= !b.is_ascii_alphanumeric() && !char::from(b).is_whitespace();
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            if !c.is_alphanumeric() && !c.is_whitespace() {
                other.push(c);
            }
            i += c.len_utf8();
        }
    }
    other.sort_unstable();
    other.dedup();
    let mut held: Vec<char> = (0u8..128)
        .filter(|&b| ascii[b as usize])
        .map(char::from)
        .collect();
    held.extend(other);
    held
}

/// A fast hash for the dictionary's words while building (the Fx hash of rustc): the keys are
/// the corpus's own words, and a build hashes every word of every report once.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl SearchIndex {
    /// Indexes folded reports, each given as `(title, body)`; report ids are their positions.
    /// One pass over the words: each word's postings grow report by report, so they come out
    /// by ascending report without sorting.
    pub fn build<'a>(reports: impl IntoIterator<Item = (&'a str, &'a str)>) -> SearchIndex {
        let mut ids: HashMap<&'a str, u32, BuildHasherDefault<WordHasher>> = HashMap::default();
        let mut words: Vec<&'a str> = Vec::new();
        let mut postings: Vec<Vec<Posting>> = Vec::new();
        let mut symbols: BTreeMap<char, Vec<u32>> = BTreeMap::new();
        let mut lengths = Vec::new();
        for (report, (title, body)) in reports.into_iter().enumerate() {
            let report = report as u32;
            let mut length = FieldLengths::default();
            let mut count = |w: &'a str, in_title: bool| {
                let id = *ids.entry(w).or_insert_with(|| {
                    words.push(w);
                    postings.push(Vec::new());
                    (words.len() - 1) as u32
                });
                let list = &mut postings[id as usize];
                if list.last().is_none_or(|p| p.report != report) {
                    list.push(Posting {
                        report,
                        in_title: 0,
                        in_body: 0,
                    });
                }
                let last = list.last_mut().expect("pushed above");
                if in_title {
                    last.in_title += 1;
                } else {
                    last.in_body += 1;
                }
            };
            for_each_word(title, |w| {
                count(w, true);
                length.title += 1;
            });
            for_each_word(body, |w| {
                count(w, false);
                length.body += 1;
            });
            lengths.push(length);
            for c in held_symbols(title, body) {
                symbols.entry(c).or_default().push(report);
            }
        }
        let mut order: Vec<usize> = (0..words.len()).collect();
        order.sort_unstable_by_key(|&i| words[i]);
        let mut postings: Vec<Option<Vec<Posting>>> = postings.into_iter().map(Some).collect();
        let words: Vec<String> = order.iter().map(|&i| words[i].to_string()).collect();
        let postings: Vec<Vec<Posting>> = order
            .iter()
            .map(|&i| postings[i].take().unwrap_or_default())
            .collect();
        SearchIndex {
            short: short_prefixes(&words, &postings, lengths.len()),
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

    /// How many postings the words of `range` hold together.
    pub fn postings_in(&self, range: Range<usize>) -> usize {
        work::add(range.len());
        self.postings[range].iter().map(Vec::len).sum()
    }

    /// The postings of the words of `range` merged per report, by report id (`merge_lists`).
    pub fn merged(&self, range: Range<usize>) -> Vec<Posting> {
        let lists: Vec<&[Posting]> = self.postings[range].iter().map(Vec::as_slice).collect();
        merge_lists(&lists, self.reports())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_postings_and_symbols() {
        let index = SearchIndex::build([
            ("water talks", "\nthe water-sharing deal & more water"),
            ("other", "\nwatery café 3.5"),
        ]);
        let reports = |p: &[Posting]| p.iter().map(|p| p.report).collect::<Vec<_>>();
        let water = index.exact("water");
        assert_eq!(
            water,
            [Posting {
                report: 0,
                in_title: 1,
                in_body: 2
            }]
        );
        assert_eq!(reports(index.exact("café")), [1]);
        assert!(index.exact("wat").is_empty());
        let range = index.prefix_range("wat");
        assert_eq!(reports(&index.merged(range.clone())), [0, 1]);
        assert_eq!(index.postings_in(range), 2);
        assert_eq!(index.prefix_range("zz").len(), 0);
        assert_eq!(index.symbol('&'), [0]);
        assert_eq!(index.symbol('.'), [1]);
        assert_eq!(index.symbol('-'), [0]);
        assert!(index.symbol('\n').is_empty());
        assert_eq!(
            index.lengths(),
            [
                FieldLengths { title: 2, body: 6 },
                FieldLengths { title: 1, body: 4 }
            ]
        );
    }
}
