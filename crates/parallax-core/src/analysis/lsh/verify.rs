//! The cheap test a candidate pair passes before its full evidence is computed.

use super::{ReportFeatures, Thresholds};

/// Event dates close enough for the same-story rule.
pub(super) fn dates_agree(a: &ReportFeatures, b: &ReportFeatures, t: &Thresholds) -> bool {
    matches!((a.event_date, b.event_date), (Some(x), Some(y)) if (x - y).num_days().abs() <= t.same_story_max_days)
}

/// Could two reports sharing `shared` shingles, of `sizes` shingles each, be related under `t`
/// without sharing a quote? A necessary condition of every other rule of `classify`. Every
/// rule grows with `shared`: false for an upper bound of the overlap is false for the overlap.
pub(super) fn may_be_related(
    shared: usize,
    sizes: (usize, usize),
    dates_agree: bool,
    t: &Thresholds,
) -> bool {
    let shared = shared.min(sizes.0).min(sizes.1);
    let union = sizes.0 + sizes.1 - shared;
    let j = if union == 0 {
        0.0
    } else {
        shared as f32 / union as f32
    };
    let c = |n: usize| {
        if n == 0 {
            0.0
        } else {
            shared as f32 / n as f32
        }
    };
    j >= t.near_duplicate_jaccard
        || c(sizes.0).max(c(sizes.1)) >= t.near_duplicate_containment
        || (dates_agree && j >= t.same_story_jaccard)
}

/// One report's shingles as bits of a 65,536-bit table (8 KB: stays in the first-level cache).
/// Counting another report's shingles whose bit is set gives at least their overlap (a
/// collision only adds), in one pass over that report and without the merge of two sorted
/// lists; most LSH and prefix candidates share far too little to pass even that bound.
pub(super) struct ShingleBits {
    words: Vec<u64>,
}

impl ShingleBits {
    const WORDS: usize = 1024;

    pub(super) fn new(shingles: &[u64]) -> Self {
        let mut words = vec![0u64; Self::WORDS];
        for &h in shingles {
            let bit = (h & 0xffff) as usize;
            words[bit >> 6] |= 1 << (bit & 63);
        }
        ShingleBits { words }
    }

    /// At least `|mine ∩ other|` (shingle hashes are uniform, so few more).
    pub(super) fn overlap_at_most(&self, other: &[u64]) -> usize {
        other
            .iter()
            .filter(|&&h| {
                let bit = (h & 0xffff) as usize;
                self.words[bit >> 6] & (1 << (bit & 63)) != 0
            })
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_bit_table_never_counts_less_than_the_overlap(
            a in proptest::collection::btree_set(any::<u64>(), 0..300),
            b in proptest::collection::btree_set(any::<u64>(), 0..300),
            shared in proptest::collection::btree_set(any::<u64>(), 0..100),
        ) {
            let a: Vec<u64> = a.union(&shared).copied().collect();
            let b: Vec<u64> = b.union(&shared).copied().collect();
            let exact = crate::analysis::text::intersection_size(&a, &b);
            prop_assert!(ShingleBits::new(&a).overlap_at_most(&b) >= exact);
        }

        #[test]
        fn a_bound_that_fails_the_rules_means_the_overlap_fails_them(
            shared in 0usize..400, extra in 0usize..40, na in 1usize..400, nb in 1usize..400, dates in any::<bool>(),
        ) {
            let t = Thresholds::default();
            if may_be_related(shared, (na, nb), dates, &t) {
                prop_assert!(may_be_related(shared + extra, (na, nb), dates, &t));
            }
        }
    }
}
