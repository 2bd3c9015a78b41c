//! The ledger's matching of quote sentences ([`super::quotes::ledger`]), without listing pairs.
//!
//! The ledger unites two sentences of different printed quotes when they match, checking the
//! candidate pairs (i, j) in (i, j) order, because whether a union is allowed depends on the
//! speakers the two groups have gathered so far. Listing the pairs is quadratic when a sentence
//! repeats: 10,000 copies of a report quoting one line are 50 million pairs. This gives the same
//! groups from the same (i, j) order while skipping every attempt that cannot change anything:
//!
//! * sentences with the same words form a class; whether two sentences match is decided once per
//!   pair of classes sharing a window;
//! * within a class, the sentences are kept in buckets by the group they belong to; an attempt on
//!   a bucket's first sentence after i decides for the whole bucket, since the rest are in the
//!   same group (a union made stays made; a refusal between two groups that both have speakers
//!   stays a refusal, as a group's speaker never changes once set).

use super::pairs::{shared_quote_run, QUOTE_MIN_RUN, QUOTE_MIN_WORDS};
use crate::ingest::work;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

pub(super) fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Calls `attempt(parent, i, j)` for the candidate pairs in (i, j) order that may change the
/// groups, as if it were called for every pair: sentences `i < j` are candidates when they may
/// match (see below) and are not in the same printed quote (`quote_end[i]` is the first sentence
/// after i's printed quote; a quote's sentences are consecutive), and they match when their
/// words (`hashes`) are equal or [`shared_quote_run`] finds a run.
pub(super) fn unite_in_order(
    hashes: &[&[u64]],
    quote_end: &[usize],
    parent: &mut [usize],
    attempt: &mut dyn FnMut(&mut [usize], usize, usize),
) {
    let n = hashes.len();
    // Classes of equal words, each in sentence order.
    let mut class_of = vec![0usize; n];
    let mut classes: Vec<Vec<usize>> = Vec::new();
    // Keys are word hashes: FxHash, not SipHash (hashing them was most of the ledger's time).
    let mut by_words: FxHashMap<&[u64], usize> = FxHashMap::default();
    for (i, h) in hashes.iter().enumerate() {
        work::add(1 + h.len());
        let c = *by_words.entry(h).or_insert_with(|| {
            classes.push(Vec::new());
            classes.len() - 1
        });
        classes[c].push(i);
        class_of[i] = c;
    }
    // Which classes match which (each matches itself). Two sentences match only when they share
    // a run of QUOTE_MIN_RUN words, or the shorter (QUOTE_MIN_WORDS to QUOTE_MIN_RUN − 1 words)
    // is wholly inside the other: so candidates are the classes sharing a window of
    // QUOTE_MIN_RUN words, and those holding a short class's opening QUOTE_MIN_WORDS words.
    // (Keying every class by all its 4-word windows paired every two sentences sharing a stock
    // phrase, thousands of times over in a large corpus: quadratic, for no match.)
    let key = |w: &[u64]| {
        w.iter().fold(0x9e37_79b9_7f4a_7c15u64, |a, &x| {
            (a.rotate_left(23) ^ x).wrapping_mul(0xff51_afd7_ed55_8ccd)
        })
    };
    let is_short = |h: &[u64]| (QUOTE_MIN_WORDS..QUOTE_MIN_RUN).contains(&h.len());
    // The classes holding each long window, as chains through `long_nodes` (class, next node):
    // one map entry per window, not one list.
    // Sized up front, so the map is not rehashed as it grows.
    let windows: usize = classes
        .iter()
        .map(|m| hashes[m[0]].len().saturating_sub(QUOTE_MIN_RUN - 1))
        .sum();
    let mut long_by_key: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(windows, Default::default());
    let mut long_nodes: Vec<(usize, usize)> = Vec::with_capacity(windows);
    // Only the openings of short classes are looked up: only those are kept.
    let mut opening_in: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for members in &classes {
        let h = hashes[members[0]];
        if is_short(h) {
            opening_in.entry(key(&h[..QUOTE_MIN_WORDS])).or_default();
        }
    }
    let mut keys: Vec<u64> = Vec::new();
    for (c, members) in classes.iter().enumerate() {
        let h = hashes[members[0]];
        keys.clear();
        keys.extend(h.windows(QUOTE_MIN_RUN).map(key));
        keys.sort_unstable();
        keys.dedup();
        work::add(h.len());
        for &k in &keys {
            let next = long_by_key
                .insert(k, long_nodes.len())
                .unwrap_or(usize::MAX);
            long_nodes.push((c, next));
        }
        if opening_in.is_empty() {
            continue;
        }
        keys.clear();
        keys.extend(h.windows(QUOTE_MIN_WORDS).map(key));
        keys.sort_unstable();
        keys.dedup();
        work::add(h.len());
        for &k in &keys {
            if let Some(list) = opening_in.get_mut(&k) {
                list.push(c);
            }
        }
    }
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let mut list: Vec<usize> = Vec::new();
    for &head in long_by_key.values() {
        list.clear();
        let mut node = head;
        while node != usize::MAX {
            list.push(long_nodes[node].0);
            node = long_nodes[node].1;
        }
        for (x, &c) in list.iter().enumerate() {
            for &d in &list[x + 1..] {
                work::add(1);
                candidates.push((c.min(d), c.max(d)));
            }
        }
    }
    for (c, members) in classes.iter().enumerate() {
        let h = hashes[members[0]];
        if is_short(h) {
            for &d in opening_in
                .get(&key(&h[..QUOTE_MIN_WORDS]))
                .into_iter()
                .flatten()
            {
                work::add(1);
                if d != c {
                    candidates.push((c.min(d), c.max(d)));
                }
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut matches: Vec<Vec<usize>> = (0..classes.len()).map(|c| vec![c]).collect();
    for (c, d) in candidates {
        if shared_quote_run(hashes[classes[c][0]], hashes[classes[d][0]]).is_some() {
            matches[c].push(d);
            matches[d].push(c);
        }
    }
    // Each class's sentences by group: one set per group as of the last look.
    let mut buckets: Vec<Vec<BTreeSet<usize>>> = classes
        .iter()
        .map(|m| m.iter().map(|&i| BTreeSet::from([i])).collect())
        .collect();
    let mut next: Vec<usize> = Vec::new();
    for i in 0..n {
        next.clear();
        for &e in &matches[class_of[i]] {
            regroup(&mut buckets[e], parent);
            for bucket in &buckets[e] {
                work::add(1);
                if let Some(&j) = bucket.range(quote_end[i]..).next() {
                    next.push(j);
                }
            }
        }
        next.sort_unstable();
        for &j in &next {
            attempt(parent, i, j);
        }
    }
}

/// Merges the buckets whose sentences are now in one group (the smaller into the larger, so a
/// sentence moves O(log n) times in all).
fn regroup(buckets: &mut Vec<BTreeSet<usize>>, parent: &mut [usize]) {
    if buckets.len() < 2 {
        return;
    }
    let mut keyed: Vec<(usize, BTreeSet<usize>)> = buckets
        .drain(..)
        .map(|b| (find(parent, *b.first().expect("buckets are not empty")), b))
        .collect();
    work::add(keyed.len());
    keyed.sort_by_key(|(root, _)| *root);
    let mut last_root = usize::MAX;
    for (root, mut bucket) in keyed {
        match buckets.last_mut() {
            Some(last) if root == last_root => {
                if last.len() < bucket.len() {
                    std::mem::swap(last, &mut bucket);
                }
                work::add(bucket.len());
                last.extend(bucket);
            }
            _ => buckets.push(bucket),
        }
        last_root = root;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{BTreeSet, HashMap};

    fn keys_of(h: &[u64]) -> Vec<u64> {
        if h.len() >= 4 {
            h.windows(4)
                .map(|w| {
                    w.iter()
                        .fold(7u64, |a, &x| a.wrapping_mul(31).wrapping_add(x))
                })
                .collect()
        } else {
            vec![h
                .iter()
                .fold(3u64, |a, &x| a.wrapping_mul(37).wrapping_add(x))]
        }
    }

    /// Groups from speakers: the ledger's union rule.
    fn groups(
        sentences: &[(Vec<u64>, Option<u8>, bool)],
        naive: bool,
    ) -> (Vec<usize>, Vec<Option<u8>>) {
        let n = sentences.len();
        let hashes: Vec<&[u64]> = sentences.iter().map(|s| s.0.as_slice()).collect();
        let mut speaker: Vec<Option<u8>> = sentences.iter().map(|s| s.1).collect();
        // `true`: this sentence starts a new printed quote.
        let mut quote = vec![0usize; n];
        for i in 1..n {
            quote[i] = quote[i - 1] + usize::from(sentences[i].2);
        }
        let mut quote_end = vec![n; n];
        for i in (0..n.saturating_sub(1)).rev() {
            quote_end[i] = if quote[i] == quote[i + 1] {
                quote_end[i + 1]
            } else {
                i + 1
            };
        }
        let mut parent: Vec<usize> = (0..n).collect();
        let mut attempt = |parent: &mut [usize], i: usize, j: usize| {
            let (ri, rj) = (find(parent, i), find(parent, j));
            if ri == rj {
                return;
            }
            let merged = match (speaker[ri], speaker[rj]) {
                (Some(x), Some(y)) if x != y => return,
                (x, y) => x.or(y),
            };
            parent[ri.max(rj)] = ri.min(rj);
            speaker[ri.min(rj)] = merged;
        };
        if naive {
            let mut by_key: HashMap<u64, Vec<usize>> = HashMap::new();
            for (i, h) in hashes.iter().enumerate() {
                for k in keys_of(h) {
                    by_key.entry(k).or_default().push(i);
                }
            }
            let mut candidates = BTreeSet::new();
            for list in by_key.values() {
                for (x, &i) in list.iter().enumerate() {
                    for &j in &list[x + 1..] {
                        if quote[i] != quote[j] {
                            candidates.insert((i.min(j), i.max(j)));
                        }
                    }
                }
            }
            for (i, j) in candidates {
                if hashes[i] == hashes[j] || shared_quote_run(hashes[i], hashes[j]).is_some() {
                    attempt(&mut parent, i, j);
                }
            }
        } else {
            unite_in_order(&hashes, &quote_end, &mut parent, &mut attempt);
        }
        let roots = (0..n).map(|i| find(&mut parent, i)).collect();
        (roots, speaker)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn unites_exactly_as_checking_every_pair_in_order(
            sentences in proptest::collection::vec(
                (
                    prop_oneof![
                        // A few whole sentences, repeated, cut and extended.
                        (0usize..4).prop_map(|k| (0..10u64).map(|w| w + 10 * k as u64).collect::<Vec<u64>>()),
                        (0usize..4, 0usize..3, 8usize..11).prop_map(|(k, from, to)| (from as u64..to as u64).map(|w| w + 10 * k as u64).collect()),
                        proptest::collection::vec(0u64..6, 1..6),
                    ],
                    proptest::option::of(0u8..3),
                    proptest::bool::weighted(0.7),
                ),
                0..40,
            ),
        ) {
            prop_assert_eq!(groups(&sentences, false), groups(&sentences, true));
        }
    }
}
