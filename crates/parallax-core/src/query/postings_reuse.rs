//! A rebuild's inverted index made from the last build's: the postings of the reports that did
//! not change are kept (moved to their new places), and only the reports that changed, came or
//! went are indexed or dropped, instead of folding and counting every word of the corpus again.
//!
//! A report's postings, its length and its punctuation depend on its own folded text alone
//! (`SearchIndex::build` counts report by report), so a report whose title and paragraphs hash
//! as before contributes what it did, wherever it now stands. The result equals
//! `SearchIndex::build` of the whole corpus (tested, `tests/search_reuse.rs`).

use super::index::folded_report;
use super::postings::{for_each_word, held_symbols, FieldLengths, Posting, SearchIndex};
use super::search_shards::{PrefixShard, SearchMeta, WordShard};
use super::term_source::SHORT_PREFIX_CHARS;
use crate::model::Report;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What an index knows a report by in the next build: hashes of its id (where it stands) and
/// of its title and paragraphs (what is indexed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportKey {
    pub id: u64,
    pub text: u64,
}

/// Each report's [`ReportKey`], in order. Each text is hashed whole, and its length and hash
/// streamed into the key (streaming the text copied most of it through the hasher's buffer).
pub fn report_keys(reports: &[Report]) -> Vec<ReportKey> {
    use xxhash_rust::xxh3::xxh3_64;
    crate::par::map(reports, |r| {
        let mut text = xxhash_rust::xxh3::Xxh3::new();
        for part in std::iter::once(&r.title).chain(r.paragraphs.iter().map(|p| &p.text)) {
            text.update(&(part.len() as u64).to_le_bytes());
            text.update(&xxh3_64(part.as_bytes()).to_le_bytes());
        }
        ReportKey {
            id: xxh3_64(r.id.as_bytes()),
            text: text.digest(),
        }
    })
}

/// An entry of a list by report: a posting, or a report holding a punctuation character.
trait Entry: Copy {
    fn report(&self) -> u32;
    fn at(self, report: u32) -> Self;
}

impl Entry for Posting {
    fn report(&self) -> u32 {
        self.report
    }
    fn at(self, report: u32) -> Self {
        Posting { report, ..self }
    }
}

impl Entry for u32 {
    fn report(&self) -> u32 {
        *self
    }
    fn at(self, report: u32) -> Self {
        report
    }
}

/// Whether `lists` are keyed in strictly ascending order, each a non-empty list of entries of
/// strictly ascending reports below `reports`: what an index's lists are, and what a cache of
/// another build, or a damaged one, may not be.
fn well_formed<K: Ord, E: Entry>(lists: &[(K, Vec<E>)], reports: usize) -> bool {
    lists.windows(2).all(|w| w[0].0 < w[1].0)
        && lists.iter().all(|(_, list)| {
            !list.is_empty()
                && list.windows(2).all(|w| w[0].report() < w[1].report())
                && list.last().is_some_and(|e| (e.report() as usize) < reports)
        })
}

/// Where the last build's reports went: each to its new place, or dropped (changed or gone).
enum Moves {
    /// Every report kept stayed where it was: only these few are dropped, found by binary
    /// search in each list rather than every entry rewritten.
    InPlace(Vec<u32>),
    /// Each report's new place, if kept (the places ascend as the reports do).
    Places(Vec<Option<u32>>),
}

/// At most this many reports are dropped list by list ([`Moves::InPlace`]).
const DROPPED_IN_PLACE: usize = 64;

impl Moves {
    fn new(moved: Vec<Option<u32>>) -> Moves {
        let in_place = moved
            .iter()
            .enumerate()
            .all(|(j, m)| m.is_none_or(|to| to as usize == j));
        let dropped: Vec<u32> = (0..moved.len() as u32)
            .filter(|&j| moved[j as usize].is_none())
            .collect();
        if in_place && dropped.len() <= DROPPED_IN_PLACE {
            Moves::InPlace(dropped)
        } else {
            Moves::Places(moved)
        }
    }

    /// `list` with the entries of dropped reports out and the others at their new places.
    fn apply<E: Entry>(&self, list: &mut Vec<E>) {
        match self {
            Moves::InPlace(dropped) => {
                for &d in dropped {
                    if let Ok(at) = list.binary_search_by_key(&d, Entry::report) {
                        list.remove(at);
                    }
                }
            }
            Moves::Places(moved) => {
                list.retain_mut(
                    |e| match moved.get(e.report() as usize).copied().flatten() {
                        Some(to) => {
                            *e = e.at(to);
                            true
                        }
                        None => false,
                    },
                )
            }
        }
    }
}

/// `lists` after `moves`, with `added` (sorted by key, then report, none of a kept report)
/// merged in. Lists left empty go.
fn patch<K: Ord, E: Entry>(
    lists: Vec<(K, Vec<E>)>,
    moves: &Moves,
    added: Vec<(K, E)>,
) -> Vec<(K, Vec<E>)> {
    let mut out = Vec::with_capacity(lists.len());
    let mut added = added.into_iter().peekable();
    for (key, mut list) in lists {
        // Keys added before this one are new to the index: lists of their own, in order.
        while let Some((k, e)) = added.next_if(|(k, _)| *k < key) {
            push_entry(&mut out, k, e);
        }
        moves.apply(&mut list);
        let mut group = Vec::new();
        while let Some((_, e)) = added.next_if(|(k, _)| *k == key) {
            group.push(e);
        }
        if !group.is_empty() {
            list = merged(list, group);
        }
        if !list.is_empty() {
            out.push((key, list));
        }
    }
    for (k, e) in added {
        push_entry(&mut out, k, e);
    }
    out
}

/// Appends `e` to the last list when it has key `k`, else starts a list.
fn push_entry<K: Ord, E>(out: &mut Vec<(K, Vec<E>)>, k: K, e: E) {
    match out.last_mut() {
        Some((last, list)) if *last == k => list.push(e),
        _ => out.push((k, vec![e])),
    }
}

/// Two lists by ascending report, with no report in both, as one.
fn merged<E: Entry>(a: Vec<E>, b: Vec<E>) -> Vec<E> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        out.push(
            if x.report() < y.report() {
                a.next()
            } else {
                b.next()
            }
            .expect("peeked"),
        );
    }
    out.extend(a);
    out.extend(b);
    out
}

/// What one report contributes: its words, the one- and two-character prefixes of those, with
/// their counts in title and body (each sorted), its lengths and its punctuation.
struct Contribution {
    words: Vec<(String, u32, u32)>,
    prefixes: Vec<(String, u32, u32)>,
    lengths: FieldLengths,
    symbols: Vec<char>,
}

fn contribution(report: &Report) -> Contribution {
    let (folded, title_end) = folded_report(report);
    let (title, body) = folded.split_at(title_end);
    let mut lengths = FieldLengths::default();
    let mut words: FxHashMap<&str, (u32, u32)> = FxHashMap::default();
    for_each_word(title, |w| {
        words.entry(w).or_default().0 += 1;
        lengths.title += 1;
    });
    for_each_word(body, |w| {
        words.entry(w).or_default().1 += 1;
        lengths.body += 1;
    });
    // The short-prefix lists merge a report's words per prefix (`term_source::short_prefixes`).
    let mut prefixes: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for (word, &(t, b)) in &words {
        for chars in 1..=SHORT_PREFIX_CHARS {
            // A word shorter than the prefix has none.
            let end = word
                .char_indices()
                .map(|(i, c)| i + c.len_utf8())
                .nth(chars - 1);
            if let Some(end) = end {
                let sum = prefixes.entry(&word[..end]).or_default();
                (sum.0, sum.1) = (sum.0 + t, sum.1 + b);
            }
        }
    }
    let mut words: Vec<(String, u32, u32)> = words
        .into_iter()
        .map(|(w, (t, b))| (w.to_string(), t, b))
        .collect();
    words.sort_unstable();
    Contribution {
        words,
        prefixes: prefixes
            .into_iter()
            .map(|(p, (t, b))| (p.to_string(), t, b))
            .collect(),
        lengths,
        symbols: held_symbols(title, body),
    }
}

/// Reports changing beyond this share of the corpus are indexed anew: patching every list
/// then costs more than building.
const MOST_CHANGED: usize = 4;

impl SearchIndex {
    /// The index of `reports` (keys `keys`, [`report_keys`]) made from `previous`, the index of
    /// the reports keyed `previous_keys`, and how many reports were indexed anew. Equal to
    /// [`SearchIndex::build`] of the reports' folded text. `None` when `previous` is not a
    /// well-formed index of as many reports as its keys (a cache of another build), or when
    /// more than a quarter of the reports changed.
    pub fn updated(
        previous: SearchIndex,
        previous_keys: &[ReportKey],
        keys: &[ReportKey],
        reports: &[Report],
    ) -> Option<(SearchIndex, usize)> {
        let n_old = previous_keys.len();
        let SearchIndex {
            words,
            postings,
            short,
            symbols,
            lengths: old_lengths,
        } = previous;
        if words.len() != postings.len()
            || old_lengths.len() != n_old
            || keys.len() != reports.len()
        {
            return None;
        }
        let words: Vec<(String, Vec<Posting>)> = words.into_iter().zip(postings).collect();
        if !well_formed(&words, n_old)
            || !well_formed(&short, n_old)
            || !well_formed(&symbols, n_old)
        {
            return None;
        }
        // Each report stays where its id was, if its text is the same and it keeps its order
        // among the reports kept (so lists stay sorted); the others are indexed anew.
        let mut at: FxHashMap<u64, u32> = FxHashMap::default();
        for (j, key) in previous_keys.iter().enumerate() {
            at.entry(key.id).or_insert(j as u32);
        }
        let mut moved: Vec<Option<u32>> = vec![None; n_old];
        let mut fresh: Vec<u32> = Vec::new();
        let mut last: Option<u32> = None;
        for (i, key) in keys.iter().enumerate() {
            match at.get(&key.id).copied() {
                Some(j)
                    if previous_keys[j as usize].text == key.text && last.is_none_or(|l| j > l) =>
                {
                    moved[j as usize] = Some(i as u32);
                    last = Some(j);
                }
                _ => fresh.push(i as u32),
            }
        }
        if fresh.len() * MOST_CHANGED > reports.len() {
            return None;
        }
        let added = crate::par::map(&fresh, |&i| contribution(&reports[i as usize]));
        let mut lengths = vec![FieldLengths::default(); reports.len()];
        for (j, to) in moved.iter().enumerate() {
            if let Some(to) = to {
                lengths[*to as usize] = old_lengths[j];
            }
        }
        let (mut new_words, mut new_prefixes, mut new_symbols) =
            (Vec::new(), Vec::new(), Vec::new());
        for (&report, c) in fresh.iter().zip(added) {
            lengths[report as usize] = c.lengths;
            let posting = |in_title, in_body| Posting {
                report,
                in_title,
                in_body,
            };
            new_words.extend(c.words.into_iter().map(|(w, t, b)| (w, posting(t, b))));
            new_prefixes.extend(c.prefixes.into_iter().map(|(p, t, b)| (p, posting(t, b))));
            new_symbols.extend(c.symbols.into_iter().map(|s| (s, report)));
        }
        // Stable sorts: a key's entries stay by ascending report.
        new_words.sort_by(|a, b| a.0.cmp(&b.0));
        new_prefixes.sort_by(|a, b| a.0.cmp(&b.0));
        new_symbols.sort_by_key(|s| s.0);
        let moves = Moves::new(moved);
        let (words, postings) = patch(words, &moves, new_words).into_iter().unzip();
        let index = SearchIndex {
            words,
            postings,
            short: patch(short, &moves, new_prefixes),
            symbols: patch(symbols, &moves, new_symbols),
            lengths,
        };
        Some((index, fresh.len()))
    }

    /// The index the shards were cut from (`SearchIndex::into_shards`), for a rebuild's
    /// [`SearchIndex::updated`].
    pub fn from_shards(
        meta: SearchMeta,
        words: Vec<WordShard>,
        prefixes: Vec<PrefixShard>,
    ) -> SearchIndex {
        let mut index = SearchIndex {
            symbols: meta.symbols,
            lengths: meta.lengths,
            ..SearchIndex::default()
        };
        for shard in words {
            index.words.extend(shard.words);
            index.postings.extend(shard.postings);
        }
        for shard in prefixes {
            index
                .short
                .extend(shard.prefixes.into_iter().zip(shard.postings));
        }
        index
    }
}
