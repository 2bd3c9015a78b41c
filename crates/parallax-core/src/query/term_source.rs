//! What search reads ([`TermSource`]): a word's postings, a prefix's (its words' merged per
//! report), a punctuation character's, and the reports' lengths; the whole index answers it
//! here, the shards loaded so far in `search_shards`. With the merging of postings lists both
//! share, and the one- and two-character prefix lists the build keeps ready.

use super::postings::{FieldLengths, Posting, SearchIndex};
use crate::ingest::work;
use std::borrow::Cow;

/// The longest prefix (in characters) whose merged postings are stored in `short`.
pub const SHORT_PREFIX_CHARS: usize = 2;

/// Whether `prefix` is answered from the short-prefix lists rather than the words.
pub fn is_short_prefix(prefix: &str) -> bool {
    prefix.chars().nth(SHORT_PREFIX_CHARS).is_none()
}

/// What search reads: the postings of a word, of a prefix (merged per report), of a
/// punctuation character, and the reports' lengths. The whole index is one; the shards loaded so
/// far (`search_shards::ChunkedIndex`) are another, exact for every term whose shards are loaded.
pub trait TermSource {
    /// Words per report (title, body), for ranking; its length is the number of reports.
    fn lengths(&self) -> &[FieldLengths];
    /// The postings of `word` exactly (empty when no report holds it).
    fn exact(&self, word: &str) -> Cow<'_, [Posting]>;
    /// The postings of every word starting with `prefix`, merged per report, by report.
    fn prefix(&self, prefix: &str) -> Cow<'_, [Posting]>;
    /// Reports holding the punctuation character `c`, ascending.
    fn symbol(&self, c: char) -> Cow<'_, [u32]>;
}

/// Postings lists merged per report (occurrences summed), by report. Costs the postings read,
/// plus at most a quarter of that in reports when they are many (counted in a table over the
/// `reports` instead of sorted).
pub(super) fn merge_lists(lists: &[&[Posting]], reports: usize) -> Vec<Posting> {
    let total: usize = lists.iter().map(|l| l.len()).sum();
    work::add(total);
    if lists.len() == 1 {
        return lists[0].to_vec();
    }
    if total * 4 >= reports {
        let mut table = vec![(0u32, 0u32); reports];
        for p in lists.iter().copied().flatten() {
            if let Some(entry) = table.get_mut(p.report as usize) {
                entry.0 += p.in_title;
                entry.1 += p.in_body;
            }
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
    let mut all: Vec<Posting> = lists.iter().copied().flatten().copied().collect();
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

/// The one- and two-character prefixes of the sorted `words`, each with its words' postings
/// merged. Words sharing a prefix are contiguous, so each prefix is one range.
pub(super) fn short_prefixes(
    words: &[String],
    postings: &[Vec<Posting>],
    reports: usize,
) -> Vec<(String, Vec<Posting>)> {
    let mut short: Vec<(String, Vec<Posting>)> = Vec::new();
    for chars in 1..=SHORT_PREFIX_CHARS {
        let mut start = 0;
        while start < words.len() {
            let prefix: String = words[start].chars().take(chars).collect();
            if prefix.chars().count() < chars {
                // A word shorter than the prefix ("i" among the two-letter ones) has none.
                start += 1;
                continue;
            }
            let len = words[start..].partition_point(|w| w.starts_with(prefix.as_str()));
            let lists: Vec<&[Posting]> = postings[start..start + len]
                .iter()
                .map(Vec::as_slice)
                .collect();
            short.push((prefix, merge_lists(&lists, reports)));
            start += len;
        }
    }
    short.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    short
}

impl TermSource for SearchIndex {
    fn lengths(&self) -> &[FieldLengths] {
        &self.lengths
    }

    fn exact(&self, word: &str) -> Cow<'_, [Posting]> {
        Cow::Borrowed(SearchIndex::exact(self, word))
    }

    fn prefix(&self, prefix: &str) -> Cow<'_, [Posting]> {
        if is_short_prefix(prefix) {
            work::add(self.short.len().max(1).ilog2() as usize + 1);
            return match self.short.binary_search_by(|(p, _)| p.as_str().cmp(prefix)) {
                Ok(i) => Cow::Borrowed(&self.short[i].1),
                Err(_) => Cow::Borrowed(&[]),
            };
        }
        Cow::Owned(self.merged(self.prefix_range(prefix)))
    }

    fn symbol(&self, c: char) -> Cow<'_, [u32]> {
        Cow::Borrowed(SearchIndex::symbol(self, c))
    }
}
