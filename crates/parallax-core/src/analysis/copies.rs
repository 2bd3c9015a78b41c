//! Exact copies: reports the analysis cannot tell apart are compared once, and a large group of
//! them is stored once.
//!
//! # Identity
//!
//! Two reports are **copies** when every feature [`evidence`](super::pairs::evidence) reads is
//! equal: [`ReportFeatures`] but the id, that is the folded body words (so the same text up to
//! case, quote marks and spelling variants), the quote sentences (folded words, which printed
//! quote each belongs to, stock marks), the people and places named (keys and printed names) and
//! the event date. Titles, outlets, URLs and publication dates may differ: the evidence does not
//! read them. A hash of those features buckets the reports; equality within a bucket is then
//! checked field by field, so a hash collision never merges two reports. Then for every other
//! report X, the evidence of (copy, X) is the evidence of (original, X) under another id, so
//! pairs are computed between one representative per class (its first report): N copies cost
//! one comparison with each other report, not N.
//!
//! # Storage
//!
//! A class of up to [`INLINE_UP_TO`] copies is stored as before: every pair of its reports, and
//! every pair of each with other reports, so corpora without large groups read exactly as they
//! did. A larger class is a **copy group** (`Corpus::copy_groups`) and is stored collapsed:
//!
//! * inside the group, the star from its first report to each other member (all with the same
//!   figures: Jaccard 1 for a non-empty text, so near duplicates at every threshold);
//! * between a group U and another unit V (a group, or a single report), for each order the
//!   pair can take in the corpus, one pair: the first member of U with the first member of V
//!   after it, and the first member of V with the first member of U after it, when they exist.
//!   The evidence of a pair depends on which report comes first, so both orders are kept.
//!
//! So a group of N copies keeps N − 1 pairs inside and at most two per related unit outside. The
//! stored pairs are exactly pairs all-pairs comparison would give; every other pair of a group
//! member is one of them under other ids: [`CopyIndex::pairs_of`] and
//! [`CopyIndex::pair_between`] give them on demand. Duplicate flags and stories read the stored
//! pairs as they are (the star puts every member in its group's story).

use super::pairs::{relate, relate_if_evidence, ReportFeatures, Thresholds};
use crate::ingest::work;
use crate::model::Pair;
use std::collections::HashMap;

/// Classes of more copies than this are stored collapsed as copy groups (see the module docs).
pub const INLINE_UP_TO: usize = 8;

fn same_features(a: &ReportFeatures, b: &ReportFeatures) -> bool {
    a.word_hashes == b.word_hashes
        && a.quotes == b.quotes
        && a.quote_of == b.quote_of
        && a.quote_stock == b.quote_stock
        && a.people == b.people
        && a.places == b.places
        && a.event_date == b.event_date
}

/// Buckets reports for [`same_features`], which decides: copies have equal words, so only the
/// body's word hashes (hashes already, no hasher needed) and the number of quote sentences are
/// folded, in four lanes so the multiplications overlap.
fn features_key(f: &ReportFeatures) -> u64 {
    let mix = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    let words = f.word_hashes.chunks_exact(4);
    let rest = words.remainder();
    let mut lanes = [f.word_hashes.len() as u64, 1, 2, 3];
    for four in words {
        for (lane, &w) in lanes.iter_mut().zip(four) {
            *lane = mix(*lane, w);
        }
    }
    let folded = rest.iter().chain(&lanes).fold(0, |h, &w| mix(h, w));
    mix(folded, f.quotes.len() as u64)
}

/// The classes of reports with identical features (see the module docs), each in corpus order,
/// ordered by their first report; single reports are classes of one. Linear in the features.
pub fn classes(features: &[ReportFeatures]) -> Vec<Vec<u32>> {
    let mut by_key: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut classes: Vec<Vec<u32>> = Vec::new();
    let keys = crate::par::map(features, features_key);
    for (i, (f, key)) in features.iter().zip(keys).enumerate() {
        work::add(1 + f.word_hashes.len());
        let candidates = by_key.entry(key).or_default();
        let found = candidates
            .iter()
            .copied()
            .find(|&c| same_features(&features[classes[c][0] as usize], f));
        match found {
            Some(c) => classes[c].push(i as u32),
            None => {
                candidates.push(classes.len());
                classes.push(vec![i as u32]);
            }
        }
    }
    classes
}

/// Pairs as the analysis stores them, and the copy groups they are collapsed by.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Related {
    /// Every stored pair with evidence (related or not), in corpus order of (a, b).
    pub pairs: Vec<Pair>,
    /// `Corpus::copy_groups`: classes of more than [`INLINE_UP_TO`] copies, report indices.
    pub copy_groups: Vec<Vec<u32>>,
    /// `Corpus::near_copy_groups`: large groups of near copies ([`super::near_copies`]),
    /// report indices.
    pub near_copy_groups: Vec<Vec<u32>>,
    /// `Corpus::stock_runs`: the stock words of the reports' quotes.
    pub stock_runs: Vec<crate::model::StockRun>,
}

fn relabel(p: &Pair, ids: &[String], a: u32, b: u32) -> Pair {
    Pair {
        a: ids[a as usize].clone(),
        b: ids[b as usize].clone(),
        ..p.clone()
    }
}

/// The first of the sorted `members` after `i`.
fn first_after(members: &[u32], i: u32) -> Option<u32> {
    members.get(members.partition_point(|&m| m <= i)).copied()
}

/// Compares one representative per class with `relate_heads` (all pairs or candidates, over the
/// representatives' features, in corpus order), then stores the pairs as the module docs say.
/// `features` are lent to `relate_heads` and come back as they were.
pub fn relate_collapsed(
    features: &mut [ReportFeatures],
    thresholds: &Thresholds,
    relate_heads: impl FnOnce(&[ReportFeatures], &Thresholds) -> (Vec<Pair>, Vec<Vec<u32>>),
) -> Related {
    let classes = classes(features);
    let ids: Vec<String> = features.iter().map(|f| f.id.clone()).collect();
    let big = |c: usize| classes[c].len() > INLINE_UP_TO;
    let mut stored: Vec<(u32, u32, Pair)> = Vec::new();
    // Inside each class: the evidence of two of its copies.
    for (c, members) in classes.iter().enumerate() {
        let [first, second, ..] = members[..] else {
            continue;
        };
        let (fa, fb) = (&features[first as usize], &features[second as usize]);
        let Some(pair) = relate_if_evidence(fa, fb, thresholds) else {
            continue;
        };
        for (x, &i) in members.iter().enumerate() {
            let others = if big(c) && x > 0 {
                &[][..]
            } else {
                &members[x + 1..]
            };
            for &j in others {
                work::add(1);
                stored.push((i, j, relabel(&pair, &ids, i, j)));
            }
        }
    }
    let heads: Vec<ReportFeatures> = classes
        .iter()
        .map(|m| std::mem::take(&mut features[m[0] as usize]))
        .collect();
    let class_of_head: HashMap<&str, usize> = heads
        .iter()
        .enumerate()
        .map(|(c, f)| (f.id.as_str(), c))
        .collect();
    // A class is one unit when stored collapsed, else each of its reports is.
    let units = |c: usize| -> Vec<&[u32]> {
        if big(c) {
            vec![&classes[c][..]]
        } else {
            classes[c].chunks(1).collect()
        }
    };
    let (head_pairs, near_copy_heads) = relate_heads(&heads, thresholds);
    for pair in head_pairs {
        let (Some(&c), Some(&d)) = (
            class_of_head.get(pair.a.as_str()),
            class_of_head.get(pair.b.as_str()),
        ) else {
            continue;
        };
        // The evidence with a report of d first, when one comes before a report of c.
        let reversed = (classes[d][0] < *classes[c].last().expect("classes are not empty"))
            .then(|| relate(&heads[d], &heads[c], thresholds));
        for u in units(c) {
            for v in units(d) {
                if let Some(j) = first_after(v, u[0]) {
                    work::add(1);
                    stored.push((u[0], j, relabel(&pair, &ids, u[0], j)));
                }
                if let (Some(i), Some(rev)) = (first_after(u, v[0]), &reversed) {
                    work::add(1);
                    stored.push((v[0], i, relabel(rev, &ids, v[0], i)));
                }
            }
        }
    }
    stored.sort_unstable_by_key(|(a, b, _)| (*a, *b));
    for (members, head) in classes.iter().zip(heads) {
        features[members[0] as usize] = head;
    }
    // A group of near copies holds its heads' copies too.
    let near_copy_groups = near_copy_heads
        .iter()
        .map(|heads| {
            let mut members: Vec<u32> = heads
                .iter()
                .flat_map(|&h| classes[h as usize].iter().copied())
                .collect();
            members.sort_unstable();
            members
        })
        .collect();
    Related {
        pairs: stored.into_iter().map(|(_, _, p)| p).collect(),
        near_copy_groups,
        stock_runs: Vec::new(),
        copy_groups: classes
            .iter()
            .enumerate()
            .filter(|&(c, _)| big(c))
            .map(|(_, m)| m.clone())
            .collect(),
    }
}

/// The copy groups of a corpus indexed by report: expands stored pairs into the pairs of any
/// report (see the module docs).
#[derive(Clone, Debug, Default)]
pub struct CopyIndex {
    /// For each report, its group in `groups` (`u32::MAX`: none).
    group_of: Vec<u32>,
    groups: Vec<Vec<u32>>,
}

impl CopyIndex {
    /// `reports` is the number of reports; `groups` is `Corpus::copy_groups`.
    pub fn new(reports: usize, groups: &[Vec<u32>]) -> CopyIndex {
        let mut group_of = vec![u32::MAX; reports];
        for (g, members) in groups.iter().enumerate() {
            for &m in members {
                if let Some(slot) = group_of.get_mut(m as usize) {
                    *slot = g as u32;
                }
            }
        }
        CopyIndex {
            group_of,
            groups: groups.to_vec(),
        }
    }

    /// The copy group report `i` is in, if any.
    pub fn group(&self, i: u32) -> Option<&[u32]> {
        let g = *self.group_of.get(i as usize)?;
        self.groups.get(g as usize).map(Vec::as_slice)
    }

    /// The reports a stored pair naming `i` stands for: its copy group, or `i` alone.
    fn unit(&self, i: u32) -> Vec<u32> {
        self.group(i).map_or_else(|| vec![i], <[u32]>::to_vec)
    }

    /// Is `x` in the unit of `i` (`i` itself, or a member of its copy group)?
    fn in_unit(&self, x: u32, i: u32) -> bool {
        x == i
            || (self.group(i).is_some()
                && self.group_of.get(x as usize) == self.group_of.get(i as usize))
    }

    /// The pairs of report `i` that the stored pair `p`, between reports `a` and `b`, stands for.
    fn expand_for(
        &self,
        i: u32,
        p: &Pair,
        a: u32,
        b: u32,
        ids: &dyn Fn(u32) -> String,
    ) -> Vec<Pair> {
        let named = |x: u32, y: u32| Pair {
            a: ids(x),
            b: ids(y),
            ..p.clone()
        };
        if self.in_unit(b, a) {
            // Inside a group: every pair of its members has these figures.
            return self
                .unit(a)
                .into_iter()
                .filter(|&m| m != i)
                .map(|m| named(m.min(i), m.max(i)))
                .collect();
        }
        let mut out = Vec::new();
        if self.in_unit(i, a) {
            out.extend(
                self.unit(b)
                    .into_iter()
                    .filter(|&j| j > i)
                    .map(|j| named(i, j)),
            );
        }
        if self.in_unit(i, b) {
            out.extend(
                self.unit(a)
                    .into_iter()
                    .filter(|&j| j < i)
                    .map(|j| named(j, i)),
            );
        }
        out
    }

    /// Every pair of report `i` (index into the reports), expanded from the stored `pairs`:
    /// `by_report[r]` lists the indices into `pairs` of the pairs naming report `r`,
    /// `position` finds a report's index by id and `ids` its id by index. Each pair once, in the
    /// order of the stored pairs.
    pub fn pairs_of(
        &self,
        i: u32,
        pairs: &[Pair],
        by_report: &[Vec<u32>],
        position: &dyn Fn(&str) -> Option<u32>,
        ids: &dyn Fn(u32) -> String,
    ) -> Vec<Pair> {
        let mut stored: Vec<u32> = self
            .unit(i)
            .iter()
            .filter_map(|&r| by_report.get(r as usize))
            .flatten()
            .copied()
            .collect();
        stored.sort_unstable();
        stored.dedup();
        let mut inside_done = false;
        let mut out = Vec::new();
        for k in stored {
            let p = &pairs[k as usize];
            let (Some(a), Some(b)) = (position(&p.a), position(&p.b)) else {
                continue;
            };
            if self.in_unit(b, a) && std::mem::replace(&mut inside_done, true) {
                continue;
            }
            out.extend(self.expand_for(i, p, a, b, ids));
        }
        out
    }

    /// The pair of reports `i` and `j` (indices) from the stored `pairs`, `a` the earlier of the
    /// two; `None` when no stored pair stands for it. Scans `pairs` once.
    pub fn pair_between(
        &self,
        i: u32,
        j: u32,
        pairs: &[Pair],
        position: &dyn Fn(&str) -> Option<u32>,
        ids: &dyn Fn(u32) -> String,
    ) -> Option<Pair> {
        let (i, j) = (i.min(j), i.max(j));
        if i == j {
            return None;
        }
        pairs.iter().find_map(|p| {
            let (a, b) = (position(&p.a)?, position(&p.b)?);
            (self.in_unit(a, i) && self.in_unit(b, j)).then(|| Pair {
                a: ids(i),
                b: ids(j),
                ..p.clone()
            })
        })
    }
}
