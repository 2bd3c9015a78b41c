//! Comparing two reports: the evidence floors, then the evidence and its classification.

use super::{
    classify, corpus_features, evidence_with, shared_quotes, text, ReportFeatures, Thresholds,
    EVIDENCE_FLOOR_CONTAINMENT, EVIDENCE_FLOOR_JACCARD,
};
use crate::analysis::lsh::ShingleBits;
use crate::model::{Pair, Report};
use std::sync::OnceLock;

/// Each report's window index ([`ReportFeatures::window_index`]), made the first time one of
/// its pairs needs the longest run and kept: comparing every pair made each report's index once
/// per partner above the floors, which was a third of all pairs' time. Holds the indexes of the
/// reports compared, so it is for the exact comparison of up to `lsh::EXACT_UP_TO` reports.
pub struct WindowIndexes<'f> {
    features: &'f [ReportFeatures],
    made: Vec<OnceLock<Vec<(u64, u32)>>>,
}

impl<'f> WindowIndexes<'f> {
    pub fn new(features: &'f [ReportFeatures]) -> Self {
        WindowIndexes {
            features,
            made: (0..features.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Report `i`'s window index.
    pub fn of(&self, i: usize) -> &[(u64, u32)] {
        self.made[i].get_or_init(|| self.features[i].window_index())
    }
}

/// [`relate`], or `None` without computing the longest run when the pair is below the evidence
/// floors ([`EVIDENCE_FLOOR_JACCARD`], [`EVIDENCE_FLOOR_CONTAINMENT`]) and shares no quote.
pub fn relate_if_evidence(
    a: &ReportFeatures,
    b: &ReportFeatures,
    thresholds: &Thresholds,
) -> Option<Pair> {
    above_floors(a, b).then(|| relate(a, b, thresholds))
}

/// [`relate_if_evidence`] of reports `i` and `j` (`i` first) of `windows`' reports; `bits` are
/// report `i`'s shingles, which bound the overlap cheaply: most pairs of a corpus are far below
/// the floors, and are let go without merging their shingles.
pub(crate) fn relate_if_evidence_with(
    windows: &WindowIndexes,
    bits: &ShingleBits,
    i: usize,
    j: usize,
    thresholds: &Thresholds,
) -> Option<Pair> {
    let (a, b) = (&windows.features[i], &windows.features[j]);
    let sizes = (a.shingles.len(), b.shingles.len());
    let may_reach = bits.overlap_reaches(&b.shingles, least_overlap_above_floors(sizes));
    let above = if may_reach {
        above_floors(a, b)
    } else {
        shares_a_quote(a, b)
    };
    above.then(|| {
        let pair = evidence_with(a, b, windows.of(i), windows.of(j));
        classified(pair, thresholds)
    })
}

/// Whether the pair reaches an evidence floor or shares a quote.
fn above_floors(a: &ReportFeatures, b: &ReportFeatures) -> bool {
    let shared = text::intersection_size(&a.shingles, &b.shingles);
    overlap_above_floors(shared, (a.shingles.len(), b.shingles.len())) || shares_a_quote(a, b)
}

fn shares_a_quote(a: &ReportFeatures, b: &ReportFeatures) -> bool {
    text::intersection_size(&a.quote_keys, &b.quote_keys) > 0 && !shared_quotes(a, b).is_empty()
}

/// Whether `shared` shingles of two sets of `sizes` reach the Jaccard or the containment floor.
fn overlap_above_floors(shared: usize, sizes: (usize, usize)) -> bool {
    let union = sizes.0 + sizes.1 - shared;
    shared > 0
        && (shared as f32 >= EVIDENCE_FLOOR_JACCARD * union as f32
            || shared as f32 >= EVIDENCE_FLOOR_CONTAINMENT * sizes.0.min(sizes.1) as f32)
}

/// The least overlap of two sets of `sizes` that reaches a floor (both floors grow with the
/// overlap), or one more than the smaller set when none does.
fn least_overlap_above_floors(sizes: (usize, usize)) -> usize {
    let most = sizes.0.min(sizes.1);
    let (mut lo, mut hi) = (1, most + 1);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if overlap_above_floors(mid, sizes) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// Evidence and its classification: the per-pair function every path (all pairs, LSH
/// candidates) uses, so they agree on every pair they both see.
pub fn relate(a: &ReportFeatures, b: &ReportFeatures, thresholds: &Thresholds) -> Pair {
    classified(super::evidence(a, b), thresholds)
}

fn classified(mut pair: Pair, thresholds: &Thresholds) -> Pair {
    let (relation, why) = classify(&pair, thresholds);
    pair.relation = relation;
    pair.why = why;
    pair
}

/// Exact all-pairs comparison: every pair of reports with evidence above the floors (see
/// [`relate_if_evidence`]), classified under `thresholds`, in corpus order of (a, b). The pairs
/// left out are unrelated under any thresholds at or above the floors.
pub fn relate_all(reports: &[Report], thresholds: &Thresholds) -> Vec<Pair> {
    let features = corpus_features(reports, thresholds);
    relate_all_features(&features, thresholds)
}

/// [`relate_all`] over precomputed features.
pub fn relate_all_features(features: &[ReportFeatures], thresholds: &Thresholds) -> Vec<Pair> {
    let windows = WindowIndexes::new(features);
    // One row per report (on all cores with the `parallel` feature), joined in order.
    let rows: Vec<usize> = (0..features.len()).collect();
    crate::par::map(&rows, |&i| {
        let bits = ShingleBits::new(&features[i].shingles);
        (i + 1..features.len())
            .filter_map(|j| relate_if_evidence_with(&windows, &bits, i, j, thresholds))
            .collect::<Vec<Pair>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn synthetic_features(n: usize, seed: u64) -> Vec<ReportFeatures> {
        let (reports, _) = crate::analysis::lsh::tests::synthetic(n, seed);
        corpus_features(&reports, &Thresholds::default())
    }

    #[test]
    fn the_bounded_row_comparison_keeps_exactly_the_pairs_of_the_plain_one() {
        let features = synthetic_features(90, 7);
        let t = Thresholds::default();
        let windows = WindowIndexes::new(&features);
        let (mut kept, mut left) = (0, 0);
        for i in 0..features.len() {
            let bits = ShingleBits::new(&features[i].shingles);
            for j in i + 1..features.len() {
                let plain = relate_if_evidence(&features[i], &features[j], &t);
                let bounded = relate_if_evidence_with(&windows, &bits, i, j, &t);
                assert_eq!(plain, bounded, "pair {i}, {j}");
                if plain.is_some() {
                    kept += 1;
                } else {
                    left += 1;
                }
            }
        }
        // The corpus has pairs on both sides of the floors.
        assert!(kept > 50 && left > 50, "kept {kept}, left {left}");
    }

    proptest! {
        #[test]
        fn the_least_overlap_is_where_the_floors_begin(a in 0usize..3000, b in 0usize..3000) {
            let least = least_overlap_above_floors((a, b));
            prop_assert!(least >= 1 && least <= a.min(b) + 1);
            if least <= a.min(b) {
                prop_assert!(overlap_above_floors(least, (a, b)));
            }
            prop_assert!(!overlap_above_floors(least - 1, (a, b)));
        }
    }
}
