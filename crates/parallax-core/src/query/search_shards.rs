//! The inverted index cut into shards a page fetches on demand, like Pagefind's chunks: the
//! dictionary in contiguous ranges of words with their postings, and the short-prefix lists in
//! contiguous ranges of prefixes. What every query needs whatever its words (the reports'
//! lengths, the punctuation lists, the first word of each shard) is [`SearchMeta`], small, and
//! goes with the catalogue.
//!
//! A keystroke asks [`SearchMeta::shards_for`] which shards its terms read; once those are
//! loaded, [`ChunkedIndex`] answers exactly as the whole index would (`TermSource`), so search
//! gives the same results from shards as from the index they were cut from.

use super::matching::search_terms;
use super::postings::{FieldLengths, Posting, SearchIndex};
use super::search::term_runs;
use super::term_source::{is_short_prefix, merge_lists, TermSource};
use crate::ingest::work;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A contiguous range of the dictionary's words with their postings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WordShard {
    pub words: Vec<String>,
    #[serde(with = "super::delta_postings")]
    pub postings: Vec<Vec<Posting>>,
}

/// A contiguous range of the one- and two-character prefixes with their merged postings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PrefixShard {
    pub prefixes: Vec<String>,
    #[serde(with = "super::delta_postings")]
    pub postings: Vec<Vec<Posting>>,
}

/// What a page holds of the search index before any shard: per corpus, small.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchMeta {
    pub lengths: Vec<FieldLengths>,
    pub symbols: Vec<(char, Vec<u32>)>,
    /// The first word of each word shard, ascending: shard i holds the words from its first up
    /// to the next shard's first.
    pub word_shards: Vec<String>,
    /// The first prefix of each prefix shard, ascending.
    pub prefix_shards: Vec<String>,
}

/// One shard of the search index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SearchShard {
    Words(u32),
    Prefixes(u32),
}

/// Bytes a list of postings takes in the shard, roughly (postcard varints).
fn list_bytes(key: &str, postings: &[Posting]) -> usize {
    key.len() + 2 + postings.len() * 4
}

/// Cuts `keys` (sorted) with their lists into runs of about `target` bytes; a list larger than
/// `target` is a run of its own.
fn cut<K: Clone>(
    keys: &[K],
    lists: &[Vec<Posting>],
    size: impl Fn(&K, &[Posting]) -> usize,
    target: usize,
) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, (key, list)) in keys.iter().zip(lists).enumerate() {
        let b = size(key, list);
        if i > start && bytes + b > target {
            runs.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes += b;
    }
    if start < keys.len() {
        runs.push(start..keys.len());
    }
    runs
}

impl SearchIndex {
    /// The index as a [`SearchMeta`] and shards of about `target_bytes` each.
    pub fn into_shards(
        self,
        target_bytes: usize,
    ) -> (SearchMeta, Vec<WordShard>, Vec<PrefixShard>) {
        let word_runs = cut(
            &self.words,
            &self.postings,
            |w, p| list_bytes(w, p),
            target_bytes,
        );
        let (prefixes, prefix_lists): (Vec<String>, Vec<Vec<Posting>>) =
            self.short.into_iter().unzip();
        let prefix_runs = cut(
            &prefixes,
            &prefix_lists,
            |w, p| list_bytes(w, p),
            target_bytes,
        );
        // The runs cover the keys in order: each shard takes the next ones, moved, not copied.
        let (mut words, mut postings) = (self.words.into_iter(), self.postings.into_iter());
        let words: Vec<WordShard> = word_runs
            .iter()
            .map(|r| WordShard {
                words: words.by_ref().take(r.len()).collect(),
                postings: postings.by_ref().take(r.len()).collect(),
            })
            .collect();
        let (mut prefixes, mut lists) = (prefixes.into_iter(), prefix_lists.into_iter());
        let prefix_shards: Vec<PrefixShard> = prefix_runs
            .iter()
            .map(|r| PrefixShard {
                prefixes: prefixes.by_ref().take(r.len()).collect(),
                postings: lists.by_ref().take(r.len()).collect(),
            })
            .collect();
        let meta = SearchMeta {
            lengths: self.lengths,
            symbols: self.symbols,
            word_shards: words.iter().map(|s| s.words[0].clone()).collect(),
            prefix_shards: prefix_shards
                .iter()
                .map(|s| s.prefixes[0].clone())
                .collect(),
        };
        (meta, words, prefix_shards)
    }
}

/// The shard among those starting at `firsts` whose range holds `key`.
fn containing(firsts: &[String], key: &str) -> usize {
    firsts
        .partition_point(|f| f.as_str() <= key)
        .saturating_sub(1)
}

impl SearchMeta {
    /// The word shards holding words that start with `prefix`.
    fn word_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let first = containing(&self.word_shards, prefix);
        let end = self
            .word_shards
            .partition_point(|f| f.as_str() < prefix || f.starts_with(prefix));
        first
            ..end
                .max(first + 1)
                .min(self.word_shards.len().max(first + 1))
    }

    /// The shards the text of a query reads (`search_terms` of it), in order, each once.
    pub fn shards_for_text(&self, text: &str) -> Vec<SearchShard> {
        self.shards_for(&search_terms(text))
    }

    /// The shards folded `terms` read, in order, each once. An index with no words needs none.
    pub fn shards_for(&self, terms: &[String]) -> Vec<SearchShard> {
        let mut shards = Vec::new();
        if self.word_shards.is_empty() {
            return shards;
        }
        for term in terms {
            for (run, whole_word) in term_runs(term) {
                if whole_word {
                    shards.push(SearchShard::Words(containing(&self.word_shards, run) as u32));
                } else if is_short_prefix(run) && !self.prefix_shards.is_empty() {
                    shards.push(SearchShard::Prefixes(
                        containing(&self.prefix_shards, run) as u32
                    ));
                } else {
                    shards.extend(self.word_range(run).map(|i| SearchShard::Words(i as u32)));
                }
            }
        }
        shards.sort_unstable();
        shards.dedup();
        shards
    }
}

/// The search index as the shards loaded so far: exact for every term whose shards
/// ([`SearchMeta::shards_for`]) are among them; a term reading a shard that is not loaded finds
/// nothing there, so a caller checks first.
pub struct ChunkedIndex<'a> {
    meta: &'a SearchMeta,
    words: Vec<Option<&'a WordShard>>,
    prefixes: Vec<Option<&'a PrefixShard>>,
}

impl<'a> ChunkedIndex<'a> {
    /// `loaded(shard)` gives each shard loaded.
    pub fn new(
        meta: &'a SearchMeta,
        words: impl Fn(u32) -> Option<&'a WordShard>,
        prefixes: impl Fn(u32) -> Option<&'a PrefixShard>,
    ) -> ChunkedIndex<'a> {
        ChunkedIndex {
            meta,
            words: (0..meta.word_shards.len() as u32).map(words).collect(),
            prefixes: (0..meta.prefix_shards.len() as u32).map(prefixes).collect(),
        }
    }
}

fn find<'s>(keys: &[String], lists: &'s [Vec<Posting>], key: &str) -> &'s [Posting] {
    work::add(keys.len().max(1).ilog2() as usize + 1);
    match keys.binary_search_by(|k| k.as_str().cmp(key)) {
        Ok(i) => &lists[i],
        Err(_) => &[],
    }
}

impl TermSource for ChunkedIndex<'_> {
    fn lengths(&self) -> &[FieldLengths] {
        &self.meta.lengths
    }

    fn exact(&self, word: &str) -> Cow<'_, [Posting]> {
        let shard = self
            .words
            .get(containing(&self.meta.word_shards, word))
            .copied()
            .flatten();
        Cow::Borrowed(shard.map_or(&[][..], |s| find(&s.words, &s.postings, word)))
    }

    fn prefix(&self, prefix: &str) -> Cow<'_, [Posting]> {
        if is_short_prefix(prefix) {
            let shard = self
                .prefixes
                .get(containing(&self.meta.prefix_shards, prefix))
                .copied()
                .flatten();
            return Cow::Borrowed(
                shard.map_or(&[][..], |s| find(&s.prefixes, &s.postings, prefix)),
            );
        }
        let mut lists: Vec<&[Posting]> = Vec::new();
        for shard in self
            .meta
            .word_range(prefix)
            .filter_map(|i| self.words.get(i).copied().flatten())
        {
            work::add(2 * (shard.words.len().max(1).ilog2() as usize + 1));
            let start = shard.words.partition_point(|w| w.as_str() < prefix);
            let len = shard.words[start..].partition_point(|w| w.starts_with(prefix));
            lists.extend(shard.postings[start..start + len].iter().map(Vec::as_slice));
        }
        if lists.is_empty() {
            return Cow::Borrowed(&[]);
        }
        Cow::Owned(merge_lists(&lists, self.meta.lengths.len()))
    }

    fn symbol(&self, c: char) -> Cow<'_, [u32]> {
        match self.meta.symbols.binary_search_by_key(&c, |(s, _)| *s) {
            Ok(i) => {
                work::add(self.meta.symbols[i].1.len());
                Cow::Borrowed(&self.meta.symbols[i].1)
            }
            Err(_) => Cow::Borrowed(&[]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> SearchIndex {
        let texts: Vec<(String, String)> = (0..200)
            .map(|i| {
                (
                    format!("report {i} water"),
                    format!(
                        "\nsharing talks {} word{} alpha{} beta",
                        i % 7,
                        i % 13,
                        i % 31
                    ),
                )
            })
            .collect();
        SearchIndex::build(texts.iter().map(|(t, b)| (t.as_str(), b.as_str())))
    }

    #[test]
    fn shards_travel_as_gaps_and_come_back_equal() {
        let (_, words, prefixes) = index().into_shards(300);
        for shard in &words {
            let bytes = postcard::to_allocvec(shard).unwrap();
            assert_eq!(&postcard::from_bytes::<WordShard>(&bytes).unwrap(), shard);
        }
        for shard in &prefixes {
            let bytes = postcard::to_allocvec(shard).unwrap();
            assert_eq!(&postcard::from_bytes::<PrefixShard>(&bytes).unwrap(), shard);
        }
    }

    #[test]
    fn shards_answer_every_term_as_the_whole_index() {
        let whole = index();
        let (meta, words, prefixes) = whole.clone().into_shards(300);
        assert!(
            words.len() > 3 && prefixes.len() > 1,
            "{} {}",
            words.len(),
            prefixes.len()
        );
        for term in [
            "w", "wa", "wat", "water", "word1", "word", "alpha3", "al", "s", "zz", "b", "beta",
            "1", "12",
        ] {
            let terms = vec![term.to_string()];
            let needed = meta.shards_for(&terms);
            // Only the shards asked for are loaded.
            let chunked = ChunkedIndex::new(
                &meta,
                |i| {
                    needed
                        .contains(&SearchShard::Words(i))
                        .then(|| &words[i as usize])
                },
                |i| {
                    needed
                        .contains(&SearchShard::Prefixes(i))
                        .then(|| &prefixes[i as usize])
                },
            );
            assert_eq!(
                chunked.prefix(term),
                TermSource::prefix(&whole, term),
                "prefix {term}"
            );
            let exact_needed = meta.shards_for(&[format!("{term} ")]);
            let chunked = ChunkedIndex::new(
                &meta,
                |i| {
                    exact_needed
                        .contains(&SearchShard::Words(i))
                        .then(|| &words[i as usize])
                },
                |_| None,
            );
            assert_eq!(
                chunked.exact(term).as_ref(),
                whole.exact(term),
                "exact {term}"
            );
        }
    }
}
