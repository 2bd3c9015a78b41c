//! Near copies: a story that many outlets print with small edits keeps O(N) pairs, not N².
//!
//! # Which pairs are dropped
//!
//! Two reports are **near copies** when their pair is a near duplicate at every value of the
//! page's threshold control ([`NearCopies::is_near_copy`]): a Jaccard at or above the control's
//! highest value, or the containment rule, which the control does not move. Near copies form
//! groups by transitivity. The pairs of a group are taken in corpus order of (a, b) and a pair
//! is a **link** when it joins two parts not yet joined (Kruskal's order, so the links of a
//! group are a spanning tree; a wire copy's first report usually links to every later copy).
//!
//! In a group of more than [`INLINE_UP_TO`] reports only the links are stored; every other pair
//! of two members is dropped. That changes no story at any threshold: stories join near
//! duplicates before anything else ([`super::stories::build_stories`]), the links are near
//! duplicates at every threshold, so the group is one story before any dropped pair would be
//! read, and a pair inside one story changes nothing. The page computes a dropped pair's
//! figures when asked ([`super::pairs::live_pair`]). Pairs of a member with reports outside the
//! group are stored as before, and smaller groups keep every pair, so corpora without large
//! groups read exactly as they did.
//!
//! # Dropped before they are made
//!
//! Rows (each report with its partners after it, see [`super::lsh::CandidateIndex`]) are
//! verified in blocks of [`ROWS_PER_BLOCK`] on all cores; between blocks the groups found so
//! far are joined. A row does not verify a partner already in its own large group, as the
//! groups stood when its block began, or in one the row itself has just joined
//! ([`RowSkip`]): that pair would not be a link, and would be dropped. So a group of N near
//! copies costs about N × [`ROWS_PER_BLOCK`] comparisons rather than N²/2, and memory holds
//! its links rather than its N² pairs. The result does not depend on what was skipped: a
//! skipped pair joins nothing in Kruskal's order, since the pairs that already joined its
//! reports come before it (rows run in order, and each row's partners ascend).

use super::copies::INLINE_UP_TO;
use super::lsh::ShingleBits;
use super::pairs::{classify, relate_if_evidence_with, ReportFeatures, Thresholds, WindowIndexes};
use crate::model::{Pair, Relation};
use crate::progress::Progress;
use crate::url_state::THRESHOLD_PERCENT_RANGE;
use std::collections::HashSet;

/// A pair with its reports' positions (a, b), a < b.
pub type IndexedPair = (u32, u32, Pair);

/// Stored pairs in order of (a, b), and the large groups of near copies (positions, ascending).
pub type Collapsed = (Vec<IndexedPair>, Vec<Vec<u32>>);

/// [`NearCopies::big_of`] for a report in no large group.
const NOT_BIG: u32 = u32::MAX;

/// Rows verified between two joins of the groups: enough to keep both cores busy, few enough
/// that a group whose first members share a block costs little more than one row each.
pub const ROWS_PER_BLOCK: usize = 16;

/// The near-copy groups of one corpus as pairs arrive in order (union-find by size, without
/// path compression so a block's rows can read it at once; depth stays logarithmic).
pub struct NearCopies {
    parent: Vec<u32>,
    size: Vec<u32>,
    /// Each group's members as a circular list (`next` of the last is the first): two groups
    /// join by swapping two entries.
    next: Vec<u32>,
    /// For each report in a group of more than [`INLINE_UP_TO`], that group's root, else
    /// [`NOT_BIG`]: a row asks it for every partner, so it is one read, not a walk to the root.
    big_of: Vec<u32>,
    /// The thresholds with the near-duplicate Jaccard at the control's highest value.
    strictest: Thresholds,
    /// Links, as (a, b) positions.
    links: HashSet<(u32, u32)>,
}

impl NearCopies {
    /// For `reports` reports compared under `t`.
    pub fn new(reports: usize, t: &Thresholds) -> NearCopies {
        let highest = f32::from(*THRESHOLD_PERCENT_RANGE.end()) / 100.0;
        NearCopies {
            parent: (0..reports as u32).collect(),
            size: vec![1; reports],
            next: (0..reports as u32).collect(),
            big_of: vec![NOT_BIG; reports],
            strictest: Thresholds {
                near_duplicate_jaccard: t.near_duplicate_jaccard.max(highest),
                ..t.clone()
            },
            links: HashSet::new(),
        }
    }

    /// Whether `pair` is a near duplicate at every value of the threshold control.
    pub fn is_near_copy(&self, pair: &Pair) -> bool {
        pair.relation == Relation::NearDuplicate
            && classify(pair, &self.strictest).0 == Relation::NearDuplicate
    }

    fn root(&self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            x = self.parent[x as usize];
        }
        x
    }

    /// Points `x` and the reports on its way to the root at the root: rows then find it in
    /// one step (rows read the groups at once, so only joins compress).
    fn compress(&mut self, mut x: u32, root: u32) {
        while self.parent[x as usize] != root && x != root {
            let next = self.parent[x as usize];
            self.parent[x as usize] = root;
            x = next;
        }
    }

    fn join(&mut self, a: u32, b: u32) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        self.compress(a, ra);
        self.compress(b, rb);
        if ra == rb {
            return false;
        }
        let (big, small) = if self.size[ra as usize] >= self.size[rb as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        if self.size[big as usize] as usize > INLINE_UP_TO {
            // The smaller side (and the larger one when it was small too) learns its big
            // group: each report is relabelled O(log n) times at most.
            if self.big_of[big as usize] != big {
                self.mark_big(big, big);
            }
            self.mark_big(small, big);
        }
        self.next.swap(big as usize, small as usize);
        true
    }

    /// Sets the big group of every member of `start`'s group to `root`.
    fn mark_big(&mut self, start: u32, root: u32) {
        let mut x = start;
        loop {
            self.big_of[x as usize] = root;
            x = self.next[x as usize];
            if x == start {
                break;
            }
        }
    }

    /// Whether the pair (a, b) lies inside one group of more than [`INLINE_UP_TO`] reports
    /// without being one of its links: it is not stored.
    fn dropped(&self, a: u32, b: u32) -> bool {
        let r = self.root(a);
        r == self.root(b)
            && self.size[r as usize] as usize > INLINE_UP_TO
            && !self.links.contains(&(a, b))
    }

    /// Takes the pairs of one block's rows, in order: joins the groups they link and returns
    /// those still stored.
    fn absorb(&mut self, block: Vec<IndexedPair>) -> Vec<IndexedPair> {
        for (a, b, pair) in &block {
            if self.is_near_copy(pair) && self.join(*a, *b) {
                self.links.insert((*a, *b));
            }
        }
        block
            .into_iter()
            .filter(|(a, b, _)| !self.dropped(*a, *b))
            .collect()
    }

    /// The pairs stored (see the module docs) out of `pairs` kept so far, and the groups of
    /// more than [`INLINE_UP_TO`] reports, each ascending, ordered by their first report.
    pub fn finish(&self, pairs: Vec<IndexedPair>) -> Collapsed {
        let pairs = pairs
            .into_iter()
            .filter(|(a, b, _)| !self.dropped(*a, *b))
            .collect();
        let mut members: std::collections::HashMap<u32, Vec<u32>> = Default::default();
        for x in 0..self.parent.len() as u32 {
            let r = self.root(x);
            if self.size[r as usize] as usize > INLINE_UP_TO {
                members.entry(r).or_default().push(x);
            }
        }
        let mut groups: Vec<Vec<u32>> = members.into_values().collect();
        groups.sort_unstable_by_key(|g| g[0]);
        (pairs, groups)
    }

    /// The groups and links `pairs` (every stored pair of a corpus, in order of (a, b)) make:
    /// what [`verify_rows`] would have built from them.
    pub fn from_pairs(reports: usize, t: &Thresholds, pairs: &[IndexedPair]) -> NearCopies {
        let mut groups = NearCopies::new(reports, t);
        for (a, b, pair) in pairs {
            if groups.is_near_copy(pair) && groups.join(*a, *b) {
                groups.links.insert((*a, *b));
            }
        }
        groups
    }
}

/// Decides, partner by partner, which of one row's pairs are verified.
pub trait RowFilter {
    /// Whether to verify the pair of the row with `j`.
    fn wants(&self, j: u32) -> bool;
    /// Tells the row's verified pair with `j`.
    fn saw(&mut self, j: u32, pair: &Pair);
}

/// Every pair is verified.
pub struct EveryPair;

impl RowFilter for EveryPair {
    fn wants(&self, _: u32) -> bool {
        true
    }
    fn saw(&mut self, _: u32, _: &Pair) {}
}

/// Which partners one row verifies: those not already inside its own large group (see the
/// module docs). Partners must be offered in ascending order.
pub struct RowSkip<'g> {
    groups: &'g NearCopies,
    /// The row's group and those it joined in this row (roots as the block began).
    joined: Vec<u32>,
    /// Their sizes summed: the row's group will be at least this large.
    joined_size: usize,
}

impl<'g> RowSkip<'g> {
    pub fn new(groups: &'g NearCopies, row: u32) -> RowSkip<'g> {
        let r = groups.root(row);
        RowSkip {
            groups,
            joined: vec![r],
            joined_size: groups.size[r as usize] as usize,
        }
    }
}

impl RowFilter for RowSkip<'_> {
    fn wants(&self, j: u32) -> bool {
        // A partner in a small group is verified even when the row joined it: skipping is
        // only a saving, and large groups are where it counts.
        let big = self.groups.big_of[j as usize];
        self.joined_size <= INLINE_UP_TO || big == NOT_BIG || !self.joined.contains(&big)
    }

    fn saw(&mut self, j: u32, pair: &Pair) {
        if self.groups.is_near_copy(pair) {
            let r = self.groups.root(j);
            if !self.joined.contains(&r) {
                self.joined.push(r);
                self.joined_size += self.groups.size[r as usize] as usize;
            }
        }
    }
}

/// Verifies `reports` rows in order, [`ROWS_PER_BLOCK`] at a time on all cores: `row(i, skip)`
/// gives row `i`'s pairs with its partners `j > i` as (j, pair), ascending, asking `skip` about
/// each partner before verifying it. Returns the stored pairs in order of (a, b) (see the
/// module docs) and the large groups of near copies. Advances `progress` by one per row.
pub fn verify_rows(
    reports: usize,
    t: &Thresholds,
    progress: &dyn Progress,
    row: impl Fn(u32, &mut RowSkip) -> Vec<(u32, Pair)> + Sync + Send,
) -> Collapsed {
    let rows: Vec<u32> = (0..reports as u32).collect();
    verify_some_rows(reports, &rows, t, progress, row)
}

/// [`verify_rows`] of `rows` only (ascending; blocks are cut from them). The groups are then
/// those `rows` make: every pair dropped here is dropped by a run over all rows too (a pair
/// joining two reports the rows joined already is no link in all rows' order either), so the
/// pairs of a corpus's rows split into parts, merged in order, store what one run stores
/// ([`super::reuse::shares`]).
pub fn verify_some_rows(
    reports: usize,
    rows: &[u32],
    t: &Thresholds,
    progress: &dyn Progress,
    row: impl Fn(u32, &mut RowSkip) -> Vec<(u32, Pair)> + Sync + Send,
) -> Collapsed {
    let mut groups = NearCopies::new(reports, t);
    let mut kept: Vec<IndexedPair> = Vec::new();
    for block in rows.chunks(ROWS_PER_BLOCK) {
        let found = {
            let groups = &groups;
            crate::par::map_counted(block, progress, |&i| {
                let mut skip = RowSkip::new(groups, i);
                row(i, &mut skip)
            })
        };
        let block_pairs: Vec<IndexedPair> = block
            .iter()
            .zip(found)
            .flat_map(|(&i, row)| row.into_iter().map(move |(j, p)| (i, j, p)))
            .collect();
        kept.extend(groups.absorb(block_pairs));
    }
    groups.finish(kept)
}

/// Exact all pairs ([`super::pairs::relate_all_features`]) storing near copies collapsed: the
/// stored pairs by positions, in order of (a, b), and the large groups of near copies.
pub fn relate_all_collapsed(
    features: &[ReportFeatures],
    t: &Thresholds,
    progress: &dyn Progress,
) -> Collapsed {
    let rows: Vec<u32> = (0..features.len() as u32).collect();
    relate_rows_collapsed(features, &rows, t, progress)
}

/// [`relate_all_collapsed`] of `rows` only (see [`verify_some_rows`]).
pub fn relate_rows_collapsed(
    features: &[ReportFeatures],
    rows: &[u32],
    t: &Thresholds,
    progress: &dyn Progress,
) -> Collapsed {
    let n = features.len() as u32;
    let windows = WindowIndexes::new(features);
    verify_some_rows(features.len(), rows, t, progress, |i, skip| {
        let bits = ShingleBits::new(&features[i as usize].shingles);
        let mut pairs = Vec::new();
        for j in i + 1..n {
            if !skip.wants(j) {
                continue;
            }
            if let Some(pair) = relate_if_evidence_with(&windows, &bits, i as usize, j as usize, t)
            {
                skip.saw(j, &pair);
                pairs.push((j, pair));
            }
        }
        pairs
    })
}

/// The large group of near copies report `i` is in (`groups` is `Corpus::near_copy_groups`).
pub fn group_of(groups: &[Vec<u32>], i: u32) -> Option<&[u32]> {
    groups
        .iter()
        .find(|g| g.binary_search(&i).is_ok())
        .map(Vec::as_slice)
}
